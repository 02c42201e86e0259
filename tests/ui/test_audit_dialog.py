"""The window's audit log: reached from the Settings menu, pages through the events,
filters them, and exports what it shows with the same service as `audit export`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from python_calamine import CalamineWorkbook

from desktop_app.core.services import audit
from desktop_app.core.services.periods import lock_period
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import audit_dialog, message_box
from desktop_app.ui.dialogs.audit_dialog import AuditDialog
from desktop_app.ui.main_window import MainWindow
from tests.ui.conftest import THIS_YEAR
from tests.ui.test_catalog_install import _Picked

pytestmark = pytest.mark.gui


def test_the_menu_opens_the_log_which_pages_filters_and_exports(
        qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    with ctx.db.unit_of_work() as session:
        for n in range(audit.PAGE + 5):
            audit.record(session, "test.event", "activity", None, key=f"Hoạt động {n}")
    lock_period(ctx.db, THIS_YEAR)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.audit_action in window.settings_menu.actions()
    window.audit_action.trigger()
    dialog = window.audit_dialog
    assert isinstance(dialog, AuditDialog)
    total = audit.audit_page(ctx.db, limit=0).total
    assert dialog.model.rowCount() == audit.PAGE and dialog.more.isEnabled()
    first = dialog.model.index(0, 4).data()
    assert first == f"VLG {THIS_YEAR}"  # newest first: the lock
    assert dialog.model.index(0, 3).data() == "Period locked"
    assert "locked" in dialog.model.index(0, 5).data()
    assert dialog.model.index(1, 3).data() == "test.event"  # no words: its code
    dialog.more.click()
    assert dialog.model.rowCount() == total and not dialog.more.isEnabled()
    dialog.search.setText("Hoạt động 20")  # 20 and 200..204
    assert dialog.model.rowCount() == 1 + 5 == dialog.total
    dialog.search.clear()
    dialog.entity.setCurrentIndex(dialog.entity.findData("period"))
    assert dialog.total == 1

    out = tmp_path / "log"
    told: list[str] = []
    monkeypatch.setattr(audit_dialog, "save_dialog", lambda parent: _Picked(out))
    monkeypatch.setattr(message_box, "inform",
                        lambda parent, title, text, close: told.append(text))
    dialog.export.click()
    written = out.with_name("log.xlsx")
    assert len(told) == 1 and str(written) in told[0]
    rows = CalamineWorkbook.from_path(str(written)).get_sheet_by_index(0).to_python()
    assert [r[4] for r in rows[4:]] == ["Period locked"]  # what the filter showed
    dialog.close()
