"""The window on a shared PostgreSQL database, against the session's real server: the
password comes from PostgreSQL's own password file (PGPASSFILE / ~/.pgpass) or a prompt
and is never written anywhere by the program; an open window reloads its pages when
another analyst's program changes the data (the server's change token, polled)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.problems import NapError
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.location import ServerLocation
from tests import pg

pytestmark = pytest.mark.gui


def _init(url: str) -> None:
    from desktop_app.cli import main

    assert main(["--db", url, "init", "--role", "focal-point"]) == 0


def test_the_password_comes_from_the_password_file_or_a_prompt_and_is_never_saved(
        qapp: Any, tmp_path: Path, pg_cluster: pg.Cluster, pg_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.ui.dialogs import server_password

    _init(pg_url)
    name = pg_url.rsplit("/", 1)[1]
    role, secret = f"analyst_{name}", "mật-khẩu-7"
    pg_cluster.sql(f"CREATE ROLE {role} LOGIN PASSWORD '{secret}'")
    pg_cluster.sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}", name)
    pg_cluster.require_password(role)
    location = ServerLocation(pg_cluster.url(name, role=role))
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "no-such-file"))
    with pytest.raises(NapError) as error:
        Database.open(location, create=False)
    assert error.value.problems[0].code == "db.password_needed"

    asked: list[str] = []  # the window asks, for this session only
    answers = iter(["wrong", secret])
    monkeypatch.setattr(server_password, "ask_password",
                        lambda where, *_: asked.append(where.shown) or next(answers))
    db = server_password.open_server(location)
    assert db.user_name() == role and asked == [location.shown] * 2
    db.close()

    password_file = tmp_path / "pgpass"
    password_file.write_text(f"127.0.0.1:{pg_cluster.port}:{name}:{role}:{secret}\n",
                             encoding="utf-8")
    password_file.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(password_file))
    monkeypatch.setattr(server_password, "ask_password", lambda *_: pytest.fail("asked"))
    db = server_password.open_server(location)
    assert db.user_name() == role and secret not in db.location
    db.close()
    home = tmp_path / "nap-home"  # the program's data folder (tests/conftest.py)
    written = [p for p in home.rglob("*") if p.is_file()] if home.exists() else []
    assert [p for p in written if secret.encode() in p.read_bytes()] == []


def test_another_analysts_change_reloads_the_open_window(
        qtbot: Any, qapp: Any, pg_url: str) -> None:
    from desktop_app.cli import main
    from desktop_app.ui.app import create_application
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.db_watch import DatabaseWatch
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.pages.assessments_page import AssessmentsPage

    _init(pg_url)
    create_application("en")
    db = pg.open_location(pg_url, create=False)
    ctx = AppContext(db, "en")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    watch = DatabaseWatch(window, ctx, poll_ms=100_000)  # polled by hand here
    try:
        window.show_page([key for key, _ in window.page_specs].index("recommendations"))
        page = window.pages["recommendations"]
        assert isinstance(page, AssessmentsPage)
        qtbot.waitUntil(lambda: page.model.rowCount() > 0)
        code = page.model.row(0).code
        assert page.model.row(0).assessment is None
        assert not watch.check()  # nothing changed yet
        ctx.data_changed.emit()  # the window's own change is not another analyst's
        assert not watch.check()
        reloads: list[float] = []
        ctx.data_changed.connect(lambda: reloads.append(time.monotonic()))
        # another analyst's program (its own connection) judges the first recommendation
        assert main(["--db", pg_url, "assess", code, "--implementation", "fully",
                     "--period", str(ctx.year)]) == 0
        assert watch.check() and len(reloads) == 1
        assert "Another program changed the database" in window.statusBar().currentMessage()

        def judged() -> bool:
            row = next(page.model.row(r) for r in range(page.model.rowCount())
                       if page.model.row(r).code == code)
            return row.assessment is not None and row.assessment.implementation == "fully"

        qtbot.waitUntil(judged)  # the page shows it without being asked
    finally:
        watch.stop()
        db.close()
