"""The focal point edits due dates and publishes the catalog from the window."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate

from desktop_app.core.catalog.document import read_bundled_catalog
from desktop_app.core.domain.enums import Role
from desktop_app.core.services import catalog
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs.due_dates_dialog import DueDatesDialog
from desktop_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def focal_ctx(qapp: Any, tmp_path: Path) -> Iterator[AppContext]:
    db = Database.open(tmp_path / "focal.sqlite")
    initialise(db, Role.FOCAL_POINT)
    yield AppContext(db, "en")
    db.close()


def test_saving_and_publishing(qtbot: Any, focal_ctx: AppContext, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = DueDatesDialog(focal_ctx)
    qtbot.addWidget(dialog)
    dialog.edits[2026].setDate(QDate(2027, 1, 20))
    dialog.new_year.setValue(2031)
    dialog._add_row(2031, None)
    target = tmp_path / "out.json"
    monkeypatch.setattr(dialog, "publish_path", lambda: target)
    with qtbot.waitSignal(focal_ctx.data_changed):
        dialog.publish()
    dates = {p.year: p.due_date for p in catalog.periods(focal_ctx.db)}
    assert dates[2026] == date(2027, 1, 20) and dates[2031] == date(2031, 12, 15)
    newer = read_bundled_catalog()["version"] + 1
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == newer
    assert f"version {newer}" in dialog.status.text()


def test_the_action_is_the_focal_points_only(qtbot: Any, focal_ctx: AppContext,
                                             ctx: AppContext) -> None:
    focal_window = MainWindow(focal_ctx)
    agency_window = MainWindow(ctx)
    qtbot.addWidget(focal_window)
    qtbot.addWidget(agency_window)
    assert focal_window.due_dates_action.isVisible()
    assert not agency_window.due_dates_action.isVisible()
