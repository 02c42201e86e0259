"""What an SQLite failure means for the person: busy, damaged, or a full disk.

SQLite reports these as OperationalError or DatabaseError with a result code,
often wrapped by SQLAlchemy. Each face would otherwise print them as an internal
error; here they become problems with codes: the database is busy (exit 4), the
database is damaged (exit 3, naming the latest automatic backup), the disk is
full (exit 3). Anything else is left alone: it is a bug, for the log.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from desktop_app.core.problems import NapError, Problem, RefusedError
from desktop_app.core.storage.backup import latest_backup
from desktop_app.core.storage.engine import BusyWait, is_busy

_DAMAGED = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def sqlite_error_in(error: BaseException) -> sqlite3.Error | None:
    """The sqlite3 error behind error (itself, SQLAlchemy's .orig, or a cause)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sqlite3.Error):
            return current
        if isinstance(current, DBAPIError) and isinstance(current.orig, sqlite3.Error):
            return current.orig
        current = current.__cause__ or current.__context__
    return None


def damaged(path: Path) -> RefusedError:
    """The database at path is damaged: name it and the backup to restore."""
    backup = latest_backup(path)
    if backup is None:
        return RefusedError(Problem("db.damaged_no_backup", {"file": str(path)}))
    return RefusedError(Problem("db.damaged", {"file": str(path), "backup": str(backup)}))


def database_failure(error: BaseException, path: Path) -> NapError | None:
    """The problem to show for an SQLite failure on the database at path, or None."""
    if isinstance(error, NapError):
        return error
    found = sqlite_error_in(error)
    if found is None:
        return None
    code = getattr(found, "sqlite_errorcode", None)
    if is_busy(found):
        return BusyWait(Path(path)).gave_up()
    if not isinstance(code, int):
        return None
    if code & 0xFF in _DAMAGED:
        return damaged(path)
    if code & 0xFF == sqlite3.SQLITE_FULL:
        return RefusedError(Problem("db.disk_full", {"file": str(path)}))
    return None
