"""Consistent copies of a live database, made with SQLite's backup API, and restoring one.

Automatic backups (before a migration, an import that changes data, a restore)
live in the data folder's backups/ and rotate per database: the newest
KEEP_AUTOMATIC and any younger than KEEP_DAYS stay. A database is known by its
resolved path, so two files called agency.sqlite in different folders do not
rotate each other's copies away.

A restore checks a private copy of the backup — this program's database, not
from a newer schema, `PRAGMA integrity_check` and `PRAGMA foreign_key_check`
clean, of this database's role unless the person accepted the other — before
anything is replaced, and then puts exactly that checked copy in place.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import os
import re
import shutil
import sqlite3
import stat
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from desktop_app.core.files import (
    cannot_write,
    replace_with,
    temporary_beside,
    write_atomically,
)
from desktop_app.core.paths import backups_dir
from desktop_app.core.problems import Problem, RefusedError, os_detail
from desktop_app.core.storage.engine import BusyWait, file_uri, is_busy

KEEP_AUTOMATIC = 10
KEEP_DAYS = 30
SQLITE_HEADER = b"SQLite format 3\x00"
MAX_BACKUP = 16 * 2**30  # bytes: far beyond any database of this program, short of a disk
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"-(\d{8}-\d{6}-\d{6})-([a-z0-9-]+)\.sqlite$")
_ROLE_SETTING = "role"


# --- names and rotation ------------------------------------------------------------------


def _prefix(source: Path) -> str:
    """The start of every automatic backup's name of the database at source."""
    key = hashlib.sha256(str(Path(source).resolve()).encode("utf-8")).hexdigest()[:8]
    return f"{Path(source).stem}-{key}"


def automatic_backups(source: Path) -> list[tuple[datetime, Path]]:
    """The automatic backups of this database, oldest first, with when they were made."""
    prefix = _prefix(source)
    found = []
    for path in backups_dir().glob(f"{glob.escape(prefix)}-*.sqlite"):
        match = _NAME.fullmatch(path.name[len(prefix):])
        if match is None or not path.is_file():
            continue
        try:
            made = datetime.strptime(match.group(1), _STAMP)
        except ValueError:
            continue
        found.append((made, path))
    return sorted(found)


def latest_backup(source: Path) -> Path | None:
    """The newest automatic backup of the database at source, if any."""
    backups = automatic_backups(source)
    return backups[-1][1] if backups else None


def rotate_backups(source: Path, now: datetime | None = None) -> list[Path]:
    """Remove this database's automatic backups beyond the newest few and the recent ones."""
    now = now or datetime.now()
    backups = automatic_backups(source)
    removed = []
    for made, path in backups[:-KEEP_AUTOMATIC]:
        if now - made > timedelta(days=KEEP_DAYS):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def automatic_backup(source: Path, reason: str) -> Path:
    """Back up before risky work; older copies of the same database rotate away."""
    stamp = datetime.now().strftime(_STAMP)
    destination = backups_dir() / f"{_prefix(source)}-{stamp}-{reason}.sqlite"
    backup_to(source, destination)
    rotate_backups(source)
    return destination


# --- copying -----------------------------------------------------------------------------


def _read_only(path: Path) -> sqlite3.Connection:
    """Open without writing anything beside the file (no -wal or -shm made)."""
    wal = path.with_name(path.name + "-wal")
    mode = "ro" if wal.exists() else "ro&immutable=1"
    return sqlite3.connect(file_uri(path, f"mode={mode}"), uri=True)


def _as_os_error(error: sqlite3.Error) -> OSError | None:
    code = getattr(error, "sqlite_errorcode", None)
    if not isinstance(code, int):
        return None
    if code & 0xFF == sqlite3.SQLITE_FULL:
        return OSError(errno.ENOSPC, "database or disk is full")
    if code & 0xFF == sqlite3.SQLITE_IOERR:
        return OSError(errno.EIO, str(error))
    return None


def _copy_into(source: Path, target: Path, busy: BusyWait | None = None) -> None:
    """Copy a database page by page while it may be in use; never copy the file itself.

    Into an existing database, SQLite writes the pages in one transaction, so a
    failure leaves the target as it was. A target locked by another program is
    waited for as busy says (Python's backup loop would otherwise retry forever).
    A full disk is an OSError ENOSPC, so the faces word it like any file problem.
    """
    busy = busy or BusyWait(Path(target))
    started, told = time.monotonic(), False

    def progress(status: int, _remaining: int, _total: int) -> None:
        nonlocal told
        if status not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return
        if not told and busy.notice is not None:
            busy.notice(busy.timeout_s)
        told = True
        if time.monotonic() - started >= busy.timeout_s:
            raise busy.gave_up()

    src = _read_only(Path(source))
    try:
        dst = sqlite3.connect(target)
        try:
            dst.execute("PRAGMA busy_timeout = 100")
            src.backup(dst, pages=1024, progress=progress, sleep=0.05)
        except sqlite3.Error as error:
            if is_busy(error):
                raise busy.gave_up() from error
            as_os = _as_os_error(error)
            if as_os is not None:
                raise as_os from error
            raise
        finally:
            dst.close()
    finally:
        src.close()


def backup_to(source: Path, destination: Path) -> None:
    """A consistent copy of source at destination, written whole or not at all."""
    write_atomically(destination, lambda tmp: _copy_into(source, tmp))


def backup_database(source: Path, destination: Path) -> None:
    """The `backup` command: a consistent copy, written whole or not at all."""
    backup_to(source, destination)


# --- restoring ---------------------------------------------------------------------------


def role_of(path: Path) -> str | None:
    """The role recorded in a database (None when unset or unreadable)."""
    try:
        conn = _read_only(Path(path))
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (_ROLE_SETTING,)).fetchone()
        return str(row[0]) if row and row[0] else None
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _first_problem(conn: sqlite3.Connection) -> str | None:
    """What integrity_check and foreign_key_check find first, or None when clean."""
    rows = conn.execute("PRAGMA integrity_check").fetchall()
    if rows and rows[0][0] != "ok":
        return str(rows[0][0])
    broken = conn.execute("PRAGMA foreign_key_check").fetchone()
    if broken is not None:
        table, rowid, parent = broken[0], broken[1], broken[2]
        return f"foreign key: {table} {rowid} -> {parent}"
    return None


def check_backup(checked: Path, shown_as: Path) -> str | None:
    """Refuse a copy that is damaged or not ours; return the role it was made for."""
    from desktop_app.core.storage.migrate import check_restorable

    check_restorable(checked, shown_as=shown_as)
    try:
        conn = sqlite3.connect(checked)
        try:
            problem = _first_problem(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        problem = str(error)
    if problem is not None:
        raise RefusedError(Problem("db.backup_damaged", {"file": str(shown_as),
                                                         "detail": problem}))
    return role_of(checked)


def _copy_backup(source: Path, temp: Path, target: Path) -> None:
    try:
        _copy_into(source, temp)
    except sqlite3.DatabaseError as error:
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        if code == sqlite3.SQLITE_NOTADB:
            raise RefusedError.of("db.not_a_database", file=str(source)) from error
        raise RefusedError(Problem("db.backup_damaged", {"file": str(source),
                                                         "detail": str(error)})) from error
    except OSError as error:
        raise cannot_write(target, os_detail(error)) from error


def _safety_copy(target: Path) -> Path:
    """The data as it was, kept before a restore; a damaged file is kept byte for byte."""
    try:
        return automatic_backup(target, "before-restore")
    except sqlite3.DatabaseError:
        stamp = datetime.now().strftime(_STAMP)
        destination = backups_dir() / f"{_prefix(target)}-{stamp}-before-restore.sqlite"
        write_atomically(destination, lambda tmp: _copy_file(target, tmp))
        return destination


def _copy_file(source: Path, destination: Path) -> None:
    shutil.copyfile(source, destination)


def _has_data(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def _check_backup_file(source: Path) -> None:
    """Before SQLite opens it: a regular file (never blocking on a FIFO), within the size
    cap, that starts with SQLite's header."""
    try:
        mode = os.stat(source).st_mode
        if not stat.S_ISREG(mode):
            raise RefusedError.of("file.special" if not stat.S_ISDIR(mode)
                                  else "db.not_a_database", file=str(source))
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        raise RefusedError.of("file.not_found", file=str(source)) from None
    except OSError as error:
        raise RefusedError.of("file.unreadable", file=str(source),
                              detail=os_detail(error)) from None
    if size > MAX_BACKUP:
        raise RefusedError.of("file.too_large", file=str(source), limit_mb=MAX_BACKUP // 2**20)
    if head != SQLITE_HEADER:
        raise RefusedError.of("db.not_a_database", file=str(source))


def restore_database(source: Path, target: Path, *, accept_other_role: bool = False,
                     notice: Callable[[float], None] | None = None) -> Path:
    """Replace target's content with the backup at source; returns the safety copy made first.

    Nothing changes unless a private copy of the backup passes every check. Onto a
    missing or empty target, the checked copy is renamed into place (a new laptop);
    otherwise SQLite's backup API writes its pages into target in one transaction,
    so a failure leaves target as it was. Returns target itself when there was no
    data to keep a copy of.
    """
    source, target = Path(source), Path(target)
    _check_backup_file(source)
    if target.is_dir():
        raise RefusedError.of("db.is_folder", file=str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise RefusedError.of("db.cannot_create", file=str(target),
                              detail=str(error)) from error
    with temporary_beside(target) as checked:
        _copy_backup(source, checked, target)
        backup_role = check_backup(checked, shown_as=source)
        if not _has_data(target):
            for sidecar in ("-wal", "-shm", "-journal"):
                target.with_name(target.name + sidecar).unlink(missing_ok=True)
            replace_with(checked, target)
            return target
        target_role = role_of(target)
        if backup_role and target_role and backup_role != target_role \
                and not accept_other_role:
            raise RefusedError(Problem("db.other_role", {
                "file": str(source), "db": str(target), "backup_role": backup_role,
                "role": target_role}))
        safety = _safety_copy(target)
        _copy_into(checked, target, BusyWait(target, notice=notice))
        return safety
