"""File and Help menus: backup, the blank template (each offering its folder), the guide."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl

from desktop_app.ui.commands import file_commands
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(file_commands.QDesktopServices, "openUrl",
                        lambda url: urls.append(QUrl(url).toLocalFile()) or True)
    monkeypatch.setattr(message_box, "choose", lambda *args: 0)  # "Open folder"
    return urls


@pytest.mark.parametrize(("action", "name"), [("backup_action", "copy.sqlite"),
                                              ("template_action", "blank.xlsx")])
def test_backup_and_template_from_the_file_menu(qtbot: Any, ctx: Any, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch,
                                                opened: list[str], action: str,
                                                name: str) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    target = tmp_path / "out" / name
    target.parent.mkdir()
    monkeypatch.setattr(file_commands, "ask_target", lambda *args: target)
    chosen = getattr(window, action)
    assert chosen in window.file_menu.actions() and chosen.isEnabled()
    chosen.trigger()
    assert target.exists() and target.stat().st_size > 0
    assert opened == [str(target.parent)]


def test_cancelling_the_file_dialog_writes_nothing(qtbot: Any, ctx: Any, opened: list[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    monkeypatch.setattr(file_commands, "ask_target", lambda *args: None)
    window.backup_action.trigger()
    assert opened == []


@pytest.mark.parametrize(("lang", "words"), [("vi", "Hướng dẫn nhanh"), ("en", "quick guide")])
def test_help_opens_a_guide_in_the_language(qtbot: Any, ctx: Any, lang: str,
                                            words: str) -> None:
    ctx.lang = lang
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.guide_action in window.help_menu.actions()
    window.guide_action.trigger()
    dialog = window.guide_dialog  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and words in dialog.browser.toPlainText()
    dialog.reject()


@pytest.fixture
def focal_ctx(qapp: Any, tmp_path: Path) -> Any:
    from desktop_app.core.domain.enums import Role
    from desktop_app.core.services.setup import initialise
    from desktop_app.core.storage.database import Database
    from desktop_app.ui.app import create_application, install_translator
    from desktop_app.ui.context import AppContext

    db = Database.open(tmp_path / "focal.sqlite")
    initialise(db, Role.FOCAL_POINT)
    create_application("en")
    context = AppContext(db, "en")
    context.set_year(2026)
    yield context
    install_translator("en")
    db.close()


def test_the_national_report_offers_its_folder(qtbot: Any, focal_ctx: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    urls: list[str] = []
    monkeypatch.setattr(file_commands.QDesktopServices, "openUrl",
                        lambda url: urls.append(QUrl(url).toLocalFile()) or True)
    asked: list[list[str]] = []

    def choose(parent: Any, title: str, text: str, buttons: list[str]) -> int:
        asked.append(buttons)
        return 0  # the workbook, then "Open folder"

    monkeypatch.setattr(message_box, "choose", choose)
    window = MainWindow(focal_ctx)
    qtbot.addWidget(window)
    target = tmp_path / "reports" / "National_report_2026.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(window.import_commands(), "pick_save_path", lambda *args: target)
    window.national_report_action.trigger()
    qtbot.waitUntil(lambda: bool(urls), timeout=20_000)
    assert target.exists() and target.stat().st_size > 0
    assert urls == [str(target.parent)]
    assert asked[-1] == ["Open folder", "Close"]
    qtbot.waitUntil(lambda: not window.runners)


def _backup_of(tmp_path: Path, role: str, name: str) -> Path:
    """A backup of a fresh database with no activities, of the role given."""
    from desktop_app.core.domain.enums import Role
    from desktop_app.core.services.setup import initialise
    from desktop_app.core.storage.backup import backup_database
    from desktop_app.core.storage.database import Database

    fresh = tmp_path / f"fresh-{name}"
    db = Database.open(fresh)
    try:
        if role == "agency":
            initialise(db, Role.AGENCY, "VLG", "Nguyễn Thị Hoa")
        else:
            initialise(db, Role.FOCAL_POINT)
    finally:
        db.close()
    backup = tmp_path / name
    backup_database(fresh, backup)
    return backup


@pytest.mark.parametrize("role", ["agency", "focal-point"])
def test_restore_from_the_file_menu_asks_restores_and_reloads(
        qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        role: str) -> None:
    from desktop_app.core.services.audit import RESTORE_ACTION, audit_page
    from desktop_app.core.services.status import status
    from desktop_app.core.storage.backup import role_of

    backup = _backup_of(tmp_path, role, "backup.sqlite")
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(file_commands, "ask_source", lambda *args: backup)
    monkeypatch.setattr(message_box, "ask",
                        lambda parent, title, text, *buttons: asked.append(text) or True)
    monkeypatch.setattr(message_box, "inform",
                        lambda parent, title, text, *buttons: told.append(text))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.restore_action in window.file_menu.actions()
    assert window.restore_action.isEnabled()
    assert status(ctx.db)["activities"] > 0
    with qtbot.waitSignal(ctx.data_changed):
        window.restore_action.trigger()
    assert status(ctx.db)["activities"] == 0  # the backup's data, read by the window's db
    assert role_of(ctx.db.path) == role
    assert len(asked) == (1 if role == "agency" else 2)  # the other role: asked twice
    assert str(backup) in asked[0]
    if role != "agency":
        assert "role “focal point”, while this one is of the role “reporting agency”" \
            in asked[1]
    assert told and str(backup) in told[0] and "kept in" in told[0]
    actions = [r.action for r in audit_page(ctx.db).rows]
    assert RESTORE_ACTION in actions


def test_restore_of_the_other_role_refused_at_the_second_question_replaces_nothing(
        qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core.services.status import status

    backup = _backup_of(tmp_path, "focal-point", "focal.sqlite")
    answers = iter([True, False])  # restore, then not anyway
    monkeypatch.setattr(file_commands, "ask_source", lambda *args: backup)
    monkeypatch.setattr(message_box, "ask", lambda *args: next(answers))
    monkeypatch.setattr(message_box, "inform", lambda *args: pytest.fail("told done"))
    monkeypatch.setattr(message_box, "show_error", lambda *args: pytest.fail("an error"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    before = status(ctx.db)["activities"]
    window.restore_action.trigger()
    assert status(ctx.db)["activities"] == before > 0
