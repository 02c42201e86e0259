"""File > Restore from a backup of the other role: the window takes that role's pages at
once (issue 13, item 5), with its menus and actions, without a restart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from desktop_app.core.domain.enums import Role
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.backup import backup_database
from desktop_app.core.storage.database import Database
from desktop_app.ui.commands import file_commands
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.main_window import FOCAL_PAGES, PAGES, MainWindow
from desktop_app.ui.pages.overview_page import OverviewPage

pytestmark = pytest.mark.gui


def _backup_of(tmp_path: Path, role: Role, name: str) -> Path:
    fresh = tmp_path / f"fresh-{name}"
    db = Database.open(fresh)
    try:
        if role is Role.AGENCY:
            initialise(db, Role.AGENCY, "VLG", "Nguyễn Thị Hoa")
        else:
            initialise(db, Role.FOCAL_POINT)
    finally:
        db.close()
    backup = tmp_path / name
    backup_database(fresh, backup)
    return backup


def _restore(qtbot: Any, window: MainWindow, backup: Path,
             monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(file_commands, "ask_source", lambda *args: backup)
    monkeypatch.setattr(message_box, "ask",
                        lambda parent, title, text, *buttons: asked.append(text) or True)
    monkeypatch.setattr(message_box, "inform", lambda *args: None)
    monkeypatch.setattr(message_box, "show_error", lambda *args: pytest.fail("an error"))
    with qtbot.waitSignal(window.ctx.data_changed):
        window.restore_action.trigger()
    return asked


def _titles(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def _flush() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def test_an_agency_window_restored_from_a_focal_backup_shows_the_focal_pages(
        qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    old_pages = list(window.pages.values())
    gone: list[str] = []
    for page in old_pages:
        page.destroyed.connect(lambda *_: gone.append("x"))
    assert not window.focal and window.export_action.isVisible()
    asked = _restore(qtbot, window, _backup_of(tmp_path, Role.FOCAL_POINT, "focal.sqlite"),
                     monkeypatch)
    assert len(asked) == 2 and "The window then shows that role's pages." in asked[1]
    assert window.focal and window.stack.count() == len(FOCAL_PAGES)
    assert _titles(window) == ["Overview", "Reporting status", "Recommendations",
                               "Areas and tasks", "Imports"]
    file_actions = window.file_menu.actions()
    for action in (window.import_files_action, window.reminders_action,
                   window.national_report_action):
        assert action in file_actions and action.isVisible()
    assert not window.export_action.isVisible()
    assert window.status_text().startswith("Focal point")
    for index, (key, _page) in enumerate(FOCAL_PAGES):  # every page opens on the new data
        window.page_actions[index].trigger()
        assert window.current_page_key() == key
    overview = window.pages["overview"]
    assert isinstance(overview, OverviewPage) and overview.overview is not None
    assert overview.overview.agencies_due is not None  # the focal point's overview
    _flush()
    assert len(gone) == len(old_pages)  # the agency's pages are gone, not hidden
    window.ctx.data_changed.emit()  # nothing left behind listens and breaks
    window.ctx.set_year(window.ctx.year)


def test_a_focal_window_restored_from_an_agency_backup_shows_the_agency_pages(
        qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    focal = tmp_path / "focal-db.sqlite"
    db = Database.open(focal)
    initialise(db, Role.FOCAL_POINT)
    ctx.db = db
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        assert window.focal
        _restore(qtbot, window, _backup_of(tmp_path, Role.AGENCY, "agency.sqlite"),
                 monkeypatch)
        assert not window.focal and window.stack.count() == len(PAGES)
        assert _titles(window)[:3] == ["Overview", "Activities", "Indicators"]
        assert window.import_files_action not in window.file_menu.actions()
        assert window.export_action.isVisible() and window.export_action.isEnabled()
        assert window.status_text().startswith("VLG")
        assert window.edit_actions["new"].isEnabled()  # the Activities page's own actions
        window.show_page(1)
        assert window.current_page_key() == "activities"
        _flush()
    finally:
        db.close()


def test_a_backup_of_the_same_role_keeps_the_window(
        qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    pages = dict(window.pages)
    menu = window.file_menu
    _restore(qtbot, window, _backup_of(tmp_path, Role.AGENCY, "agency.sqlite"), monkeypatch)
    assert window.pages == pages and window.file_menu is menu
    assert not window.rebuild_if_role_changed()
