"""Writers wait for each other: BEGIN IMMEDIATE, a bounded wait, a notice, then BusyError."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from desktop_app.core.domain.models import Setting
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.engine import (
    BUSY_TIMEOUT_ENV,
    DEFAULT_BUSY_TIMEOUT_S,
    BusyError,
    BusyWait,
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "shared.sqlite"
    Database.open(path).close()
    return path


@pytest.fixture
def outside_lock(db_path: Path) -> Iterator[sqlite3.Connection]:
    """Another program holding the write lock (as the sqlite3 shell would)."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def _settings(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        return dict(conn.execute("SELECT key, value FROM setting"))


@pytest.mark.parametrize(("value", "seconds"), [
    (None, DEFAULT_BUSY_TIMEOUT_S), ("1", 1.0), ("0.25", 0.25), ("soon", DEFAULT_BUSY_TIMEOUT_S),
    ("-3", DEFAULT_BUSY_TIMEOUT_S)])
def test_the_wait_comes_from_the_environment_when_the_engine_is_made(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str | None,
        seconds: float) -> None:
    if value is None:
        monkeypatch.delenv(BUSY_TIMEOUT_ENV, raising=False)
    else:
        monkeypatch.setenv(BUSY_TIMEOUT_ENV, value)
    assert BusyWait(tmp_path / "x.sqlite").timeout_s == seconds
    db = Database.open(tmp_path / "x.sqlite")
    try:
        assert db.busy.timeout_s == seconds
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == round(seconds * 1000)
    finally:
        db.close()


def test_a_reader_that_then_writes_waits_for_the_other_writer_instead_of_failing(
        db_path: Path) -> None:
    """Under WAL, a plain BEGIN that read before another writer committed cannot write.

    First holds its transaction open after reading; second must wait (its notice
    proves it) until first commits, then write on top: both rows are there.
    """
    first, second = Database.open(db_path), Database.open(db_path)
    waiting, outcome = threading.Event(), {}
    second.busy.notice = lambda seconds: waiting.set()

    def write_second() -> None:
        try:
            with second.unit_of_work() as session:
                count = len(session.exec(select(Setting)).all())
                session.add(Setting(key="second", value=str(count)))
            outcome["second"] = "ok"
        except Exception as error:  # reported below, not lost in the thread
            outcome["second"] = repr(error)

    try:
        with first.unit_of_work() as session:
            before = len(session.exec(select(Setting)).all())
            thread = threading.Thread(target=write_second)
            thread.start()
            assert waiting.wait(10), "the second writer did not wait for the first"
            session.add(Setting(key="first", value=str(before)))
        thread.join(20)
        assert outcome == {"second": "ok"}
        rows = _settings(db_path)
        assert rows["first"] == str(before)
        assert rows["second"] == str(before + 1)  # it read after first committed
    finally:
        first.close()
        second.close()


def test_a_writer_locked_out_past_the_wait_gives_busy_error_and_writes_nothing(
        monkeypatch: pytest.MonkeyPatch, db_path: Path,
        outside_lock: sqlite3.Connection) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "0.3")
    told: list[float] = []
    db = Database.open(db_path, notice=told.append)
    try:
        with db.reading() as session:  # reading does not wait for a writer under WAL
            assert session.exec(select(Setting)).all() == []
        started = time.monotonic()
        with pytest.raises(BusyError) as caught, db.unit_of_work() as session:
            session.add(Setting(key="never", value="1"))
        assert time.monotonic() - started >= 0.3
        assert told == [0.3]
        assert caught.value.exit_code == 4
        problem = caught.value.problems[0]
        assert (problem.code, problem.params) == (
            "db.busy", {"file": str(db_path), "seconds": 0.3})
        outside_lock.execute("ROLLBACK")
        outside_lock.execute("BEGIN")  # the fixture's ROLLBACK needs one
        with db.unit_of_work() as session:  # once the lock is gone, writing works again
            session.add(Setting(key="later", value="1"))
        assert _settings(db_path) == {"later": "1"}
    finally:
        db.close()


def test_a_writer_that_gets_the_lock_within_the_wait_succeeds(
        monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "20")
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    told = threading.Event()

    def release_when_told() -> None:
        told.wait(20)
        holder.execute("COMMIT")

    releaser = threading.Thread(target=release_when_told)
    releaser.start()
    db = Database.open(db_path, notice=lambda seconds: told.set())
    try:
        with db.unit_of_work() as session:
            session.add(Setting(key="waited", value="1"))
        assert told.is_set()
        assert _settings(db_path) == {"waited": "1"}
    finally:
        releaser.join(20)
        holder.close()
        db.close()


def test_opening_a_database_whose_first_use_needs_the_lock_gives_busy_error(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A rollback-journal file (a copy from elsewhere) becomes WAL on first open, which
    needs the lock: a holder past the wait is a BusyError too, never an internal error."""
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "0.2")
    path = tmp_path / "journal.sqlite"
    Database.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(BusyError):
            db = Database.open(path)
            try:
                with db.reading() as session:
                    session.exec(select(Setting)).all()
            finally:
                db.close()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
