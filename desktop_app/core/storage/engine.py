"""The SQLite engine, with the same settings on every connection, and writers that wait.

pysqlite's own transaction handling would begin transactions late and commit DDL
implicitly; the engine takes control so that each unit of work is one real
transaction. A unit of work begins with `BEGIN IMMEDIATE`, so it holds the write
lock from its first statement: under WAL a plain `BEGIN` that reads and then writes
fails with SQLITE_BUSY_SNAPSHOT when another writer committed meanwhile, and no
busy timeout covers that. Reading keeps a deferred `BEGIN`, which never waits for a
writer under WAL.

A writer that finds the database locked first tells its face (a notice the command
line prints and the window can show) and then waits, up to NAP_BUSY_TIMEOUT_S
seconds (30 by default, read when the engine is made); after that it gives up
with BusyError (exit code 4), having written nothing.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:  # SQLAlchemy is imported when an engine is made, not for BusyWait
    from sqlalchemy import Connection, Engine

from desktop_app.core.problems import NapError, Problem

BUSY_TIMEOUT_ENV = "NAP_BUSY_TIMEOUT_S"
DEFAULT_BUSY_TIMEOUT_S = 30.0
WRITE_OPTION = "nap_write"  # the execution option that marks a unit of work's connections

Notice = Callable[[float], None]  # told the seconds it will wait at most


class BusyError(NapError):
    """Another program kept the database locked past the wait; nothing was written."""

    exit_code = 4


def busy_timeout_s() -> float:
    """The wait for a locked database: NAP_BUSY_TIMEOUT_S, else 30 s."""
    value = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    try:
        seconds = float(value) if value else DEFAULT_BUSY_TIMEOUT_S
    except ValueError:
        seconds = DEFAULT_BUSY_TIMEOUT_S
    return seconds if seconds >= 0 else DEFAULT_BUSY_TIMEOUT_S


@dataclass
class BusyWait:
    """How long a writer waits for the lock, and whom it tells that it is waiting."""

    path: Path
    timeout_s: float = field(default_factory=busy_timeout_s)
    notice: Notice | None = None

    @property
    def timeout_ms(self) -> int:
        return max(0, round(self.timeout_s * 1000))

    def gave_up(self) -> BusyError:
        return BusyError(Problem("db.busy", {"file": str(self.path),
                                             "seconds": _seconds(self.timeout_s)}))


def _seconds(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def file_uri(path: Path | str, query: str) -> str:
    """An SQLite URI for the file at path with query (``mode=ro``...): the path quoted,
    so that a ``#`` or ``?`` in a folder's name ("Báo cáo #2") names no other file; an
    unquoted one ended the path there and opened, even made, a file of that shorter
    name (a backup of it was an empty database)."""
    return f"file:{quote(str(path))}?{query}"


def is_busy(error: BaseException) -> bool:
    """SQLITE_BUSY or SQLITE_LOCKED, with any extended code (BUSY_SNAPSHOT…)."""
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(error, sqlite3.OperationalError) and isinstance(code, int):
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return False


def configure(connection: sqlite3.Connection, busy: BusyWait) -> None:
    """The settings every connection to a database file gets (the engine's and a plain
    sqlite3 one's, storage/quick_sqlite.py), with the driver's own transactions off."""
    connection.isolation_level = None
    cursor = connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {busy.timeout_ms}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
    except sqlite3.OperationalError as error:
        if is_busy(error):
            raise busy.gave_up() from error
        raise
    finally:
        cursor.close()


def _on_connect(busy: BusyWait) -> Callable[[Any, Any], None]:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        configure(dbapi_connection, busy)

    return on_connect


def begin_immediate(raw: sqlite3.Connection, busy: BusyWait) -> None:
    """Take the write lock now; if it is held, say so once, wait, or give up."""
    try:
        raw.execute("PRAGMA busy_timeout = 0")
        try:
            raw.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if not is_busy(error):
                raise
        if busy.notice is not None:
            busy.notice(busy.timeout_s)
        raw.execute(f"PRAGMA busy_timeout = {busy.timeout_ms}")
        try:
            raw.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if is_busy(error):
                raise busy.gave_up() from error
            raise
    finally:
        raw.execute(f"PRAGMA busy_timeout = {busy.timeout_ms}")


def _on_begin(busy: BusyWait) -> Callable[[Connection], None]:
    def begin(connection: Connection) -> None:
        if connection.get_execution_options().get(WRITE_OPTION):
            raw = connection.connection.driver_connection
            assert isinstance(raw, sqlite3.Connection)
            begin_immediate(raw, busy)
        else:
            connection.exec_driver_sql("BEGIN")

    return begin


def make_engine(path: Path, busy: BusyWait | None = None) -> Engine:
    """An engine on the SQLite file at path; its writers wait as busy says."""
    busy = busy or BusyWait(Path(path))
    from sqlalchemy import URL, create_engine, event

    # the URL made from its parts: in "sqlite:///PATH" a '?' in a folder's name began
    # the URL's query, and the engine opened a file of the shorter name
    url = URL.create("sqlite", database=str(path))
    engine = create_engine(url, connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect(busy))
    event.listen(engine, "begin", _on_begin(busy))
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine whose transactions begin with BEGIN IMMEDIATE."""
    return engine.execution_options(**{WRITE_OPTION: True})
