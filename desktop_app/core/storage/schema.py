"""The program's schema revision known without alembic, and a plain sqlite3 look at a
database file that is already at it.

Every command opens the database, and nearly always the file is at the newest
revision: nothing to migrate. alembic (with mako, pygments and asyncio behind it)
costs about 0.2 s to import, SQLAlchemy and the models more, while a quick command
such as `status --json` may take only a few times a bare `python3 -c` (issue 11).
So the head revision is read from the migration files' own `revision = "…"` lines,
and a file whose `alembic_version` says exactly that needs no alembic at all. When
the scan is not sure (a merge, a file it cannot parse) it answers None and alembic
decides, as it does for every file at another revision: migrating an older one and
refusing a newer one stay alembic's business (storage/migrate.py).
"""

from __future__ import annotations

import functools
import re
import sqlite3
from pathlib import Path

from desktop_app.core.paths import migrations_dir
from desktop_app.core.storage.engine import file_uri

_REVISION = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]\s*$", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]*)?=\s*(.+?)\s*$", re.M)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")
_SQLITE_HEADER = b"SQLite format 3\x00"


@functools.cache
def scanned_head() -> str | None:
    """The newest revision by the migration files, or None when the scan is not sure."""
    revisions: set[str] = set()
    parents: set[str] = set()
    try:
        files = sorted((migrations_dir() / "versions").glob("*.py"))
        for file in files:
            source = file.read_text(encoding="utf-8")
            found, down = _REVISION.findall(source), _DOWN.findall(source)
            if len(found) != 1 or len(down) != 1:
                return None
            revisions.add(found[0])
            if down[0] != "None":
                quoted = _QUOTED.fullmatch(down[0])
                if quoted is None:  # a merge (a tuple) or anything else: alembic decides
                    return None
                parents.add(quoted.group(1))
    except (OSError, UnicodeDecodeError):
        return None
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def is_sqlite_file(location: Path | str) -> bool:
    """Whether location is a file that starts like an SQLite database (a URL never is)."""
    if "://" in str(location):
        return False
    try:
        with open(location, "rb") as handle:
            return handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def open_at_head(location: Path | str) -> sqlite3.Connection | None:
    """A read-only sqlite3 connection to the database at location when it is at the head.

    None whenever the full open must decide: no file there, not SQLite (a PostgreSQL
    URL), another revision, or any error at all (busy, damaged…), which the full open
    then words as it always does. The connection is query-only: nothing is written.
    """
    head = scanned_head()
    if head is None or not is_sqlite_file(location):
        return None
    try:
        conn = sqlite3.connect(file_uri(location, "mode=rw"), uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA query_only = ON")
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        if rows == [(head,)]:
            return conn
    except sqlite3.Error:
        pass
    conn.close()
    return None
