"""The window on a focal point's PostgreSQL database: opened, read-only for a viewer's
role, and the password asked for (for the session only) when libpq has none."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.problems import NapError, Problem
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.location import ServerLocation
from tests import pg

pytestmark = pytest.mark.gui


def test_a_viewer_role_gets_a_read_only_window(qtbot: Any, qapp: Any, tmp_path: Path,
                                               pg_cluster: pg.Cluster, pg_url: str) -> None:
    from desktop_app.ui.app import create_application
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.launch import launch
    from desktop_app.ui.main_window import MainWindow

    db = pg.open_location(pg_url)
    initialise(db, Role.FOCAL_POINT)
    db.close()
    name = pg_url.rsplit("/", 1)[1]
    viewer = f"viewer_{name}"
    pg_cluster.sql(f"CREATE ROLE {viewer} LOGIN")
    pg_cluster.sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewer}", name)
    location = ServerLocation(pg_cluster.url(name, role=viewer))
    picture = tmp_path / "window.png"
    assert launch(location, lang="en", demo=False, screenshot=picture, lang_given=True) == 0
    assert picture.read_bytes()[:4] == b"\x89PNG"
    create_application("en")
    viewing = Database.open(location, create=False)
    try:
        window = MainWindow(AppContext(viewing, "en"))
        qtbot.addWidget(window)
        window.update_status()
        assert window.windowTitle().endswith("(read only)")
        assert not window.import_files_action.isEnabled()
        assert not window.undo_import_action.isEnabled()
    finally:
        viewing.close()


def test_the_password_is_asked_when_libpq_has_none(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.ui.dialogs import server_password

    tried: list[ServerLocation] = []

    def opening(location: ServerLocation, **_: Any) -> Any:
        tried.append(location)
        if location.password != "right":
            raise NapError(Problem("db.password_needed", {"db": location.shown}))
        return "opened"

    answers = iter(["wrong", "right"])
    monkeypatch.setattr(Database, "open", staticmethod(opening))
    monkeypatch.setattr(server_password, "ask_password", lambda *_: next(answers))
    url = "postgresql://analyst@db.example/nap"
    assert server_password.open_server(ServerLocation(url)) == "opened"
    assert [t.password for t in tried] == [None, "wrong", "right"]
    assert all(t.url == url and "right" not in t.shown for t in tried)
    monkeypatch.setattr(server_password, "ask_password", lambda *_: None)
    with pytest.raises(NapError):
        server_password.open_server(ServerLocation(url))


def test_the_setup_can_put_the_focal_point_on_a_shared_database(
        qtbot: Any, qapp: Any, tmp_path: Path, pg_url: str) -> None:
    from desktop_app.core.preferences import load_preferences
    from desktop_app.core.services.status import status
    from desktop_app.ui.app import create_application
    from desktop_app.ui.dialogs.server_password import SERVER, saved_server
    from desktop_app.ui.dialogs.setup_dialog import SetupDialog

    create_application("en")
    local = Database.open(tmp_path / "first-run.sqlite")
    try:
        dialog = SetupDialog(local, "en")
        qtbot.addWidget(dialog)
        dialog.focal_role.setChecked(True)
        dialog.server_url.setText("mysql://u@h/x")
        dialog.accept()
        assert dialog.problem.isVisibleTo(dialog) and "not a PostgreSQL address" in (
            dialog.problem.text())
        dialog.server_url.setText(pg_url)
        dialog.accept()
        assert dialog.server_db is not None and dialog.result() == 1
        assert status(dialog.server_db)["role"] == "focal-point"
        assert status(local)["role"] is None  # the file stays unset: it is discarded
        dialog.server_db.close()
    finally:
        local.close()
    assert load_preferences()[SERVER] == pg_url
    assert saved_server() == ServerLocation(pg_url)


def test_the_file_menu_chooses_the_shared_database_for_the_next_start(
        qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from desktop_app.ui.commands.shared_database import choose_shared_database
    from desktop_app.ui.dialogs import message_box
    from desktop_app.ui.dialogs.server_password import saved_server

    said: list[str] = []
    monkeypatch.setattr(message_box, "inform", lambda _p, _t, text, _c: said.append(text))
    for typed, expected in (("postgresql://lan:secret@db.example/nap",
                             "postgresql://lan@db.example/nap"), ("mysql://x", None), ("", None)):
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, t=typed: (t, True)))
        before = saved_server()
        choose_shared_database(None, None)  # type: ignore[arg-type]
        if typed.startswith("mysql"):
            assert saved_server() == before and "not a PostgreSQL address" in said[-1]
        elif expected is None:
            assert saved_server() is None and "this computer's database file" in said[-1]
        else:
            assert saved_server() == ServerLocation(expected) and expected in said[-1]
            assert "secret" not in said[-1]
