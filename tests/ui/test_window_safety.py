"""The window beside other programs (issue 10, items 4 and 5): one window per database,
changes made by the command line reloaded, a busy database said in the status bar, and
a damaged database at start-up offered its latest good backup — never a traceback.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.storage.backup import automatic_backup
from desktop_app.core.storage.engine import BusyError
from desktop_app.core.storage.window_lock import acquire, lock_path, read_holder
from desktop_app.ui import launch as launch_module
from desktop_app.ui.context import AppContext
from desktop_app.ui.db_watch import DatabaseWatch
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.startup import recover_if_damaged, take_window_lock

pytestmark = pytest.mark.gui
YEAR = date.today().year


def _informed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(message_box, "inform",
                        lambda parent, title, text, close: said.append(text))
    return said


def _chosen(monkeypatch: pytest.MonkeyPatch, index: int) -> list[str]:
    asked: list[str] = []

    def choose(parent: Any, title: str, text: str, buttons: list[str]) -> int:
        asked.append(text)
        return index

    monkeypatch.setattr(message_box, "choose", choose)
    return asked


@pytest.fixture
def other_process() -> Iterator[subprocess.Popen[bytes]]:
    """A live process that is not this one (its pid holds a lock in the tests)."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])  # noqa: S603
    yield child
    child.kill()
    child.wait()


def _hold_as(db: Path, pid: int) -> None:
    import json
    import socket
    lock_path(db).write_text(json.dumps({"pid": pid, "host": socket.gethostname(),
                                         "user": "hoa", "since": "2026-12-01T08:00:00+00:00"}),
                             encoding="utf-8")


def test_a_second_window_is_told_who_has_the_database_open(
        qapp: Any, agency_db_path: Path, other_process: subprocess.Popen[bytes],
        monkeypatch: pytest.MonkeyPatch) -> None:
    said = _informed(monkeypatch)
    _hold_as(agency_db_path, other_process.pid)
    may_open, lock = take_window_lock(agency_db_path, "en")
    assert (may_open, lock) == (False, None)
    assert len(said) == 1 and "already open in another window" in said[0]
    assert str(other_process.pid) in said[0] and "hoa" in said[0]
    # the holder is gone (a crash): its lock is taken over, and removed on close
    other_process.kill()
    other_process.wait()
    may_open, lock = take_window_lock(agency_db_path, "en")
    assert may_open and lock is not None
    holder = read_holder(lock_path(agency_db_path))
    assert holder is not None and holder.pid == os.getpid()
    lock.release()
    assert not lock_path(agency_db_path).exists()


def test_launch_refuses_a_second_window_without_opening_the_database(
        qapp: Any, agency_db_path: Path, other_process: subprocess.Popen[bytes],
        monkeypatch: pytest.MonkeyPatch) -> None:
    said = _informed(monkeypatch)
    _hold_as(agency_db_path, other_process.pid)
    before = agency_db_path.read_bytes()
    assert launch_module.launch(agency_db_path, lang="en", demo=False, screenshot=None,
                                lang_given=True) == 3
    assert len(said) == 1 and "already open" in said[0]
    assert agency_db_path.read_bytes() == before
    assert read_holder(lock_path(agency_db_path)).pid == other_process.pid  # type: ignore[union-attr]


def test_the_window_lock_is_skipped_for_a_server_database() -> None:
    assert acquire(Path("postgresql://analyst@db.example/nap")) is None


def _cli(db: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NAP_BUSY_TIMEOUT_S": "5"}
    return subprocess.run(  # noqa: S603  (our own program)
        [sys.executable, "-m", "desktop_app", "--db", str(db), *argv], capture_output=True,
        text=True, env=env, timeout=120, check=False)


def test_a_change_made_by_the_command_line_reloads_the_window(
        qtbot: Any, ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    watch = DatabaseWatch(window, ctx, poll_ms=100_000)
    try:
        reloads: list[int] = []
        ctx.data_changed.connect(lambda: reloads.append(1))
        assert not watch.check()  # nothing changed yet
        # the window's own change is not taken for another program's
        ctx.data_changed.emit()
        assert not watch.check()
        reloads.clear()
        done = _cli(ctx.db.path, "demo", "--activities", "2", "--period", str(YEAR))
        assert done.returncode == 0, done.stderr
        assert watch.check()
        assert reloads == [1]
        assert "Another program changed the database" in window.statusBar().currentMessage()
        assert not watch.check()  # once per change
    finally:
        watch.stop()


def test_a_busy_database_is_said_in_the_status_bar(qtbot: Any, ctx: AppContext) -> None:
    from desktop_app.core.services.periods import lock_period

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    watch = DatabaseWatch(window, ctx, poll_ms=100_000)
    ctx.db.busy.timeout_s = 0.3
    holder = sqlite3.connect(ctx.db.path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        with pytest.raises(BusyError):
            lock_period(ctx.db, YEAR)
        assert "waiting up to 0.3 s" in window.statusBar().currentMessage()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        watch.stop()
    assert ctx.db.busy.notice is None


def _garbage(db: Path) -> None:
    for suffix in ("-wal", "-shm"):
        db.with_name(db.name + suffix).unlink(missing_ok=True)
    data = bytearray(db.read_bytes())
    data[100:4096 * 3] = os.urandom(4096 * 3 - 100)  # past the header: SQLite's own pages
    db.write_bytes(bytes(data))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("NAP_REPORTER_HOME", str(folder))
    return folder


def test_a_damaged_database_is_offered_its_latest_good_backup(
        qapp: Any, agency_db_path: Path, home: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    backup = automatic_backup(agency_db_path, "before-import")
    good = sqlite3.connect(backup).execute("SELECT count(*) FROM activity").fetchone()[0]
    time.sleep(0.01)
    _garbage(agency_db_path)
    asked, said = _chosen(monkeypatch, 0), _informed(monkeypatch)
    assert recover_if_damaged(agency_db_path, "en")
    assert len(asked) == 1 and backup.name in asked[0] and "Restore that backup" in asked[0]
    assert len(said) == 1 and "Restored" in said[0]
    with sqlite3.connect(agency_db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM activity").fetchone()[0] == good
    kept = list(agency_db_path.parent.glob(agency_db_path.name + ".damaged-*"))
    assert len(kept) == 1


def test_the_first_read_lets_go_of_a_damaged_file_before_its_backup_replaces_it(
        qapp: Any, agency_db_path: Path, home: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.ui.first_read import FirstRead

    automatic_backup(agency_db_path, "before-import")
    time.sleep(0.01)
    _garbage(agency_db_path)
    damaged = agency_db_path.read_bytes()
    first = FirstRead(agency_db_path)  # begun before the check, as launch() begins it
    _chosen(monkeypatch, 0)
    _informed(monkeypatch)
    waited: list[bool] = []

    def before_restore() -> None:
        first.wait()
        waited.append(agency_db_path.read_bytes() == damaged)  # not replaced yet

    assert recover_if_damaged(agency_db_path, "en", before_restore=before_restore)
    assert waited == [True]
    assert not first.still_the_file()  # launch() reads the restored file again
    assert FirstRead(agency_db_path).facts() is not None


def test_quitting_at_a_damaged_database_leaves_it_and_shows_no_traceback(
        qapp: Any, agency_db_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    automatic_backup(agency_db_path, "before-import")
    _garbage(agency_db_path)
    damaged = agency_db_path.read_bytes()
    asked, _said = _chosen(monkeypatch, 1), _informed(monkeypatch)
    assert launch_module.launch(agency_db_path, lang="en", demo=False, screenshot=None,
                                lang_given=True) == 3
    assert len(asked) == 1
    assert agency_db_path.read_bytes() == damaged
    assert not lock_path(agency_db_path).exists()
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["not-a-database", "newer-schema"])
def test_other_unopenable_databases_get_a_message(
        qapp: Any, agency_db_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch,
        kind: str) -> None:
    if kind == "not-a-database":
        agency_db_path.write_bytes(b"PK\x03\x04 this is a spreadsheet, not a database" * 50)
        expected = "not an sqlite database"
    else:
        with sqlite3.connect(agency_db_path) as conn:
            conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
        expected = "newer"
    said = _informed(monkeypatch)  # no backup yet: told, and the program quits
    assert not recover_if_damaged(agency_db_path, "en")
    assert len(said) == 1 and "no good backup" in said[0]
    assert expected in said[0].lower()


def test_a_healthy_database_opens_without_a_question(
        qapp: Any, agency_db_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(agency_db_path, copy)
    assert recover_if_damaged(copy, "en")


def test_after_a_crash_every_page_is_checked(
        qapp: Any, agency_db_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch,
        other_process: subprocess.Popen[bytes]) -> None:
    from desktop_app.core.storage.health import check_database

    automatic_backup(agency_db_path, "before-import")
    for suffix in ("-wal", "-shm"):
        agency_db_path.with_name(agency_db_path.name + suffix).unlink(missing_ok=True)
    data = bytearray(agency_db_path.read_bytes())
    middle = len(data) // 4096 // 2 * 4096  # a page of the tables, far from the schema
    data[middle:middle + 4096] = b"\xff" * 4096
    agency_db_path.write_bytes(bytes(data))
    assert check_database(agency_db_path) is None  # the quick start-up look passes it
    found = check_database(agency_db_path, thorough=True)
    assert found is not None and found.code == "db.damaged"
    # the last window died (its lock is stale): the start-up looks at every page
    _hold_as(agency_db_path, other_process.pid)
    other_process.kill()
    other_process.wait()
    asked, _said = _chosen(monkeypatch, 1), _informed(monkeypatch)
    assert launch_module.launch(agency_db_path, lang="en", demo=False, screenshot=None,
                                lang_given=True) == 3
    assert len(asked) == 1 and "damaged" in asked[0]


def _unusable_shared_memory(db: Path) -> None:
    """A sound file whose shared-memory file SQLite cannot open (a link it will not follow,
    as a disk that will not let it write): SQLITE_CANTOPEN, no damage."""
    db.with_name(db.name + "-wal").touch()
    shm = db.with_name(db.name + "-shm")
    shm.unlink(missing_ok=True)
    shm.symlink_to(os.devnull)


def test_a_sound_file_on_a_disk_that_will_not_work_is_not_offered_a_backup(
        qapp: Any, agency_db_path: Path, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core.storage.health import check_database

    automatic_backup(agency_db_path, "before-import")  # a good backup there is
    time.sleep(0.01)
    _unusable_shared_memory(agency_db_path)
    sound = agency_db_path.read_bytes()
    found = check_database(agency_db_path)
    assert found is not None and found.code == "db.cannot_use"  # was "db.damaged"
    asked, said = _chosen(monkeypatch, 0), _informed(monkeypatch)
    assert not recover_if_damaged(agency_db_path, "en")
    assert asked == []  # no backup offered over a sound file
    assert len(said) == 1 and "not damaged" in said[0] and "read-only" in said[0]
    assert agency_db_path.read_bytes() == sound
    assert not list(agency_db_path.parent.glob(agency_db_path.name + ".damaged-*"))
