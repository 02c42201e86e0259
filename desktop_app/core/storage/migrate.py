"""Bring a database file to the program's schema, or refuse it.

A new file is created at the newest revision, when the caller asks for one. An
older one is backed up with SQLite's backup API and then migrated, all in one
transaction. A file written
by a newer program, or one that is not this program's database, is refused and
left exactly as it was: it is inspected read-only before anything touches it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.paths import migrations_dir
from desktop_app.core.problems import RefusedError, UsageError
from desktop_app.core.storage.backup import automatic_backup
from desktop_app.core.storage.engine import (
    BusyWait,
    Notice,
    file_uri,
    is_busy,
    make_engine,
    writer,
)
from desktop_app.core.storage.schema import scanned_head

if TYPE_CHECKING:  # alembic costs ~0.2 s of imports: only a file to migrate or create needs it
    from alembic.config import Config
    from sqlalchemy import Engine  # (and SQLAlchemy: not for check_restorable at start-up)


@dataclass(frozen=True)
class OpenedDatabase:
    path: Path
    engine: Engine
    migrated_from: str | None  # the revision before migrating, None when none was needed
    backup: Path | None
    busy: BusyWait


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def head_revision() -> str:
    """The newest revision: the migration files' own word when it is sure, else alembic's."""
    scanned = scanned_head()
    if scanned is not None:
        return scanned
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


_SQLITE_HEADER = b"SQLite format 3\x00"


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(_SQLITE_HEADER)) == _SQLITE_HEADER
    except OSError:
        return False


def _inspect(path: Path, shown_as: Path | None = None) -> tuple[str | None, bool]:
    """The file's revision and whether it has any tables, read without writing.

    A file with SQLite's header that SQLite cannot read is damaged (the person is
    told which backup to restore); anything else it cannot read is not a database.
    """
    shown = shown_as or path
    # A read-only open of a WAL database creates its -wal and -shm files when they
    # are missing; when there is no WAL to read, open it immutable so that a
    # refused file is left exactly as it was.
    wal = path.with_name(path.name + "-wal")
    mode = "ro" if wal.exists() else "ro&immutable=1"
    try:
        conn = sqlite3.connect(file_uri(path, f"mode={mode}"), uri=True)
    except sqlite3.Error as exc:
        raise RefusedError.of("db.unreadable", file=str(shown), detail=str(exc)) from exc
    try:
        names = {
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = None
        if "alembic_version" in names:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return revision, bool(names)
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):
            raise BusyWait(shown).gave_up() from exc
        # SQLAlchemy (failures.py): not at start, only on a failure
        from desktop_app.core.storage.failures import damaged, unusable

        at_fault = unusable(exc, shown)  # the disk (full, read-only), not the file
        if at_fault is not None:
            raise at_fault from exc
        if _looks_like_sqlite(path):

            if shown_as is not None:  # a backup, not the person's database
                raise RefusedError.of("db.backup_damaged", file=str(shown),
                                      detail=str(exc)) from exc
            raise damaged(path) from exc
        raise RefusedError.of("db.not_a_database", file=str(shown)) from exc
    finally:
        conn.close()


def check_restorable(path: Path, shown_as: Path | None = None) -> None:
    """A backup may be restored when it is this program's database, at any known schema.

    shown_as names the file in messages when path is a private copy of it.
    """
    shown = shown_as or path
    revision, has_tables = _inspect(path, shown_as=shown)
    if revision is None:
        raise RefusedError.of("db.foreign" if has_tables else "db.not_a_database",
                              file=str(shown))
    if revision != scanned_head() and revision not in known_revisions():
        raise RefusedError.of("db.too_new", file=str(shown), revision=revision,
                              head=head_revision())


def _upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migrations in one transaction with foreign keys off.

    SQLite cannot alter most columns in place, so batch migrations copy a table
    and drop the old one; with foreign keys on, that drop would cascade into the
    rows that refer to it. The keys are checked before the transaction commits.
    """
    from alembic import command

    config = alembic_config()
    with writer(engine).connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise RuntimeError(f"migration broke a foreign key: {tuple(broken)}")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def _missing(path: Path) -> bool:
    return not path.exists() or (path.is_file() and path.stat().st_size == 0)


def open_database(path: Path, *, target: str = "head", create: bool = True,
                  notice: Notice | None = None) -> OpenedDatabase:
    """Open (migrating as needed) the database at path.

    With create, a missing or empty file becomes a new database; without it, that
    is a usage error telling the person to run init: only init, restore and the
    window's completed first-run setup make a database.
    """
    path = Path(path)
    if path.exists() and path.is_dir():
        raise RefusedError.of("db.is_folder", file=str(path))
    busy = BusyWait(path, notice=notice)
    if not _missing(path):
        revision, has_tables = _inspect(path)
        if revision is None and has_tables:
            raise RefusedError.of("db.foreign", file=str(path))
        if revision is not None and target == "head" and revision == scanned_head():
            return OpenedDatabase(path, make_engine(path, busy), None, None, busy)
        if revision is not None and revision not in known_revisions():
            raise RefusedError.of(
                "db.too_new", file=str(path), revision=revision, head=head_revision()
            )
        wanted = head_revision() if target == "head" else target
        if revision == wanted:
            return OpenedDatabase(path, make_engine(path, busy), None, None, busy)
        backup = automatic_backup(path, "before-migration") if revision else None
        engine = make_engine(path, busy)
        _upgrade(engine, target)
        return OpenedDatabase(path, engine, revision, backup, busy)
    if not create:
        raise UsageError.of("db.missing", file=str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RefusedError.of("db.cannot_create", file=str(path), detail=str(exc)) from exc
    engine = make_engine(path, busy)
    try:
        _upgrade(engine, target)
    except Exception as exc:
        if "unable to open database" in str(exc):
            raise RefusedError.of("db.cannot_create", file=str(path), detail=str(exc)) from exc
        raise
    return OpenedDatabase(path, engine, None, None, busy)
