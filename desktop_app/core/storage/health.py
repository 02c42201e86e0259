"""Whether a database can be opened at all, and the way back when it cannot.

The window checks its database before opening it: a file that is not a database, one
whose schema SQLite cannot read, one made by a newer version of the program, and —
after a window that did not close cleanly (its lock was taken over: a crash, a power
cut) — one that fails SQLite's quick integrity check (~0.3 s for 90 MB, so not at every
start) gets a message offering the latest good automatic backup instead of a
traceback. ``check_database`` says what is wrong as a problem code; ``good_backups``
lists the automatic backups (newest first) that pass the restore's own checks; and
``restore_over_damaged`` sets the damaged file aside (renamed, never deleted) and
puts the backup in its place through the checked restore.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from desktop_app.core.problems import NapError, Problem, RefusedError
from desktop_app.core.storage.backup import (
    automatic_backups,
    check_backup,
    restore_database,
)
from desktop_app.core.storage.engine import file_uri

DAMAGED_CODES = frozenset({"db.damaged", "db.damaged_no_backup", "db.not_a_database",
                           "db.too_new", "db.foreign", "db.unreadable"})
# the file is sound, its disk is not fit to work on (failures.unusable): a backup put in
# its place would be no better, and would set a sound file aside for nothing
DISK_CODES = frozenset({"db.disk_full", "db.cannot_use", "db.io_error"})


def _quick_check(path: Path) -> str | None:
    """What SQLite's quick_check finds first, or None when clean."""
    wal = path.with_name(path.name + "-wal")
    mode = "ro" if wal.exists() else "ro&immutable=1"
    try:
        conn = sqlite3.connect(file_uri(path, f"mode={mode}"), uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check(1)").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if rows and rows[0][0] == "ok" else str(rows[0][0] if rows else "?")


def check_database(path: Path, *, thorough: bool = False) -> Problem | None:
    """What keeps the database at path from opening (None: it opens, or is not there yet):
    a damage (DAMAGED_CODES, a backup may help) or its disk (DISK_CODES, none would).

    thorough: run SQLite's quick_check over every page too."""
    from desktop_app.core.storage.migrate import check_restorable

    path = Path(path)
    if not path.is_file() or path.stat().st_size == 0:
        return None
    try:
        check_restorable(path)
    except NapError as error:
        problem = error.problems[0]
        if problem.code == "db.busy":
            return None  # locked by a writer: opening waits for it, as everything does
        if problem.code in DISK_CODES:
            return problem
        return _as_damaged(path, problem)
    found = _quick_check(path) if thorough else None
    if found is not None:
        return _as_damaged(path, Problem("db.damaged", {"file": str(path), "detail": found}))
    return None


def _as_damaged(path: Path, problem: Problem) -> Problem:
    code = problem.code if problem.code in DAMAGED_CODES else "db.damaged"
    return Problem(code, {**problem.params, "file": str(path)})


def good_backups(path: Path) -> list[Path]:
    """The automatic backups of the database at path that pass the restore's checks,
    newest first."""
    found = []
    for _made, backup in reversed(automatic_backups(Path(path))):
        try:
            check_backup(backup, shown_as=backup)
        except (NapError, sqlite3.Error, OSError):
            continue
        found.append(backup)
    return found


def restore_over_damaged(backup: Path, path: Path) -> Path:
    """Put the backup in place of the damaged database at path, through the checked
    restore; the damaged file (and its WAL) are kept beside it. Returns where."""
    path = Path(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        for suffix in ("", "-wal", "-shm"):
            part = path.with_name(path.name + suffix)
            if part.exists():
                part.replace(aside.with_name(aside.name + suffix))
    except OSError as error:
        raise RefusedError.of("db.cannot_create", file=str(path), detail=str(error)) from error
    restore_database(backup, path, accept_other_role=False)
    return aside
