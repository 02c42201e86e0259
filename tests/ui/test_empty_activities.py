"""An empty Activities page says what to do and offers the action."""

from __future__ import annotations

from typing import Any

import pytest

from desktop_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_an_empty_period_offers_to_add_an_activity(qtbot: Any, ctx: Any,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.pages["activities"]
    window.show_page(list(window.pages).index("activities"))
    qtbot.waitUntil(lambda: page.is_loaded() and page.model.rowCount() > 0)  # type: ignore
    assert not page.empty_panel.isVisible()  # type: ignore[attr-defined]
    other = next(year for year in window.years if year != ctx.year)
    window.set_period(other)
    qtbot.waitUntil(lambda: page.is_loaded() and page.model.rowCount() == 0)  # type: ignore
    qtbot.waitUntil(page.empty_panel.isVisible)  # type: ignore[attr-defined]
    assert not page.table.isVisible()  # type: ignore[attr-defined]
    assert "Add activity" in page.add_first_button.text().replace("&", "")  # type: ignore
    opened: list[bool] = []
    monkeypatch.setattr(page, "open_editor", lambda *a, **k: opened.append(True))
    page.add_first_button.click()  # type: ignore[attr-defined]
    assert opened == [True]
