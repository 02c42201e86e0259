"""A sound database whose disk will not let SQLite work (full, read-only, an I/O error)
is refused with its own words and exit 3, the same on the quick way (sqlite3 alone)
and the full open, and never called damaged: its backup offered in its place would set
a sound file aside. Made without root: a shared-memory file SQLite cannot open (a
folder, or a link it will not follow), as on a disk mounted read-only or full (there
the same codes come: SQLITE_CANTOPEN, SQLITE_IOERR_SHMSIZE, SQLITE_READONLY)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.progress import drive
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage import quick_sqlite
from desktop_app.core.storage.database import Database
from tests.cli.conftest import CliRunner

YEAR = 2025
WORDS = ("Cannot use the database", "Không dùng được cơ sở dữ liệu", "not damaged")


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sound") / "agency.sqlite"
    db = Database.open(path)
    try:
        initialise(db, Role.AGENCY, "VLG")
        drive(fill_demo(db, activities=8, seed=2, period=YEAR))
    finally:
        db.close()
    return path


def _shm_folder(db: Path) -> None:
    db.with_name(db.name + "-shm").mkdir()  # SQLite opens the file read-only, then writes


def _shm_link(db: Path) -> None:
    db.with_name(db.name + "-wal").touch()
    db.with_name(db.name + "-shm").symlink_to(os.devnull)  # SQLITE_CANTOPEN


def _register(db: Path) -> tuple[int, int]:
    with closing(sqlite3.connect(f"file:{db}?mode=ro&immutable=1", uri=True)) as conn:
        return (conn.execute("SELECT count(*) FROM submission").fetchone()[0],
                conn.execute("SELECT count(*) FROM auditevent").fetchone()[0])


@pytest.mark.parametrize("way", ["quick", "full"])
@pytest.mark.parametrize("fault", [_shm_folder, _shm_link])
def test_an_export_on_a_disk_that_will_not_work_is_refused_and_writes_nothing(
        cli: CliRunner, sound: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        way: str, fault: Callable[[Path], None]) -> None:
    db = tmp_path / "agency.sqlite"
    shutil.copyfile(sound, db)
    before = _register(db)
    fault(db)
    if way == "full":
        monkeypatch.setattr(quick_sqlite, "open_quick", lambda *a, **k: None)
    out = tmp_path / "out" / "VLG.xlsx"
    out.parent.mkdir()
    result = cli("--lang", "en", "--db", db, "export", "xlsx", "--period", YEAR, "-o", out)
    assert result.code == 3, result.err  # was 1 (an internal error) both ways
    assert all(word in result.err for word in WORDS)
    assert "damaged" not in result.err.replace("not damaged", "")
    assert list(out.parent.iterdir()) == []
    assert _register(db) == before


def test_the_quick_commands_say_the_same(cli: CliRunner, sound: Path, tmp_path: Path) -> None:
    db = tmp_path / "agency.sqlite"
    shutil.copyfile(sound, db)
    _shm_link(db)
    for command in (["status", "--json"], ["keys", "list"]):
        result = cli("--lang", "en", "--db", db, *command)
        assert result.code == 3 and result.out == "", result  # was "damaged" words
        assert all(word in result.err for word in WORDS)


def _io_error(code: int) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError("disk I/O error")
    error.sqlite_errorcode = code  # as SQLite reports it: the extended result code
    return error


def test_a_read_that_fails_on_a_failing_disk_is_not_called_sound(
        cli: CliRunner, sound: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read of the file's pages that fails (SQLITE_IOERR_READ: a failing disk, a USB
    stick pulled out) is exit 3 with its own words: until 2 Dec 2026 it said "the file
    is not damaged", which nobody knows then. (The quick way's errors go through the same
    `database_failure`: the next test.)"""
    from desktop_app.core.storage import database

    db = tmp_path / "agency.sqlite"
    shutil.copyfile(sound, db)
    before = _register(db)

    def failing(*_args: object, **_kwargs: object) -> None:
        raise _io_error(sqlite3.SQLITE_IOERR_READ)

    monkeypatch.setattr(quick_sqlite, "open_quick", lambda *a, **k: None)
    monkeypatch.setattr(database.Session, "execute", failing)
    out = tmp_path / "out" / "VLG.xlsx"
    out.parent.mkdir()
    for lang, words in (("en", "Reading or writing the database"),
                        ("vi", "Đọc hoặc ghi cơ sở dữ liệu")):
        result = cli("--lang", lang, "--db", db, "export", "xlsx", "--period", YEAR, "-o", out)
        assert result.code == 3, result
        assert words in result.err and str(db) in result.err
        assert "not damaged" not in result.err and "không bị hỏng" not in result.err
    assert list(out.parent.iterdir()) == []
    assert _register(db) == before


@pytest.mark.parametrize(("code", "expected"), [
    (sqlite3.SQLITE_IOERR_READ, "db.io_error"), (sqlite3.SQLITE_IOERR_WRITE, "db.io_error"),
    (sqlite3.SQLITE_IOERR_FSYNC, "db.io_error"), (sqlite3.SQLITE_IOERR_SHORT_READ, "db.io_error"),
    (sqlite3.SQLITE_IOERR_SHMSIZE, "db.cannot_use"),
    (sqlite3.SQLITE_IOERR_SHMOPEN, "db.cannot_use"),
    (sqlite3.SQLITE_CANTOPEN, "db.cannot_use"), (sqlite3.SQLITE_READONLY, "db.cannot_use"),
    (sqlite3.SQLITE_FULL, "db.disk_full"), (sqlite3.SQLITE_CORRUPT, "db.damaged_no_backup"),
])
def test_each_failure_of_the_disk_has_its_words(tmp_path: Path, code: int,
                                                  expected: str) -> None:
    from desktop_app.core.storage.failures import database_failure
    from desktop_app.core.storage.health import DISK_CODES

    found = database_failure(_io_error(code), tmp_path / "x.sqlite")
    assert found is not None and found.problems[0].code == expected
    assert (expected in DISK_CODES) == (expected != "db.damaged_no_backup")
