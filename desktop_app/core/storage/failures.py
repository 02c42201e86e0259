"""What an SQLite failure means for the person: busy, damaged, or a disk that will not
let it work.

SQLite reports these as OperationalError or DatabaseError with a result code,
often wrapped by SQLAlchemy. Each face would otherwise print them as an internal
error; here they become problems with codes: the database is busy (exit 4), the
database is damaged (exit 3, naming the latest automatic backup), the disk is
full (exit 3), the file cannot be used where it is (exit 3: a read-only disk or
folder, a lock or shared-memory file that cannot be made or grow on a full disk). The
last is not damage: offering to restore a backup over a sound file would be wrong. A
read or write of the file's own pages that failed is its own problem (exit 3): the
disk may be failing, and whether the file is still sound nobody knows yet.
Anything else is left alone: it is a bug, for the log.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from desktop_app.core.problems import NapError, Problem, RefusedError
from desktop_app.core.storage.backup import latest_backup
from desktop_app.core.storage.engine import BusyWait, is_busy

_DAMAGED = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
# the file is sound as far as anyone knows; its disk or folder will not let SQLite work
_UNUSABLE = (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY)
# I/O errors of reading or writing the file's own pages: the disk is failing or was taken
# away under the program, and nothing says whether the file is still sound (the other I/O
# errors, of its locks and shared memory, are the folder's or the disk's, not the file's)
_READ_OR_WRITE = frozenset({
    sqlite3.SQLITE_IOERR_READ, sqlite3.SQLITE_IOERR_SHORT_READ, sqlite3.SQLITE_IOERR_WRITE,
    sqlite3.SQLITE_IOERR_FSYNC, sqlite3.SQLITE_IOERR_DIR_FSYNC, sqlite3.SQLITE_IOERR_TRUNCATE,
    sqlite3.SQLITE_IOERR_SEEK, sqlite3.SQLITE_IOERR_MMAP, sqlite3.SQLITE_IOERR_DATA,
    sqlite3.SQLITE_IOERR_CORRUPTFS})


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
    return unusable(found, path)


def unusable(error: sqlite3.Error, path: Path) -> RefusedError | None:
    """The problem for an SQLite error that says the disk, not the file, is at fault (a
    full disk, a read-only one, an I/O error), or None for any other error. A failed read
    or write of the file's pages is `db.io_error`: the disk may be failing, and whether
    the file is sound is not known."""
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    if code & 0xFF == sqlite3.SQLITE_FULL:
        return RefusedError(Problem("db.disk_full", {"file": str(path)}))
    if code in _READ_OR_WRITE:  # not "cannot use ... not damaged": nobody knows that
        return RefusedError(Problem("db.io_error", {"file": str(path), "detail": str(error)}))
    if code & 0xFF in _UNUSABLE:
        return RefusedError(Problem("db.cannot_use", {"file": str(path),
                                                      "detail": str(error)}))
    return None
