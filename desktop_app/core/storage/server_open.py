"""Bring a PostgreSQL database to the program's schema, or refuse it.

The same alembic migrations as on SQLite, in one transaction (PostgreSQL's DDL is
transactional, so a failed migration leaves nothing behind). Two programs opening a
new or older database at once take turns through an advisory lock, and the second
finds the work done. A database of a newer program, or one holding other tables, is
refused untouched. Backups are the server's business (pg_dump), so none is taken.
"""

from __future__ import annotations

from dataclasses import dataclass

from alembic import command
from sqlalchemy import Connection, Engine, inspect, text

from desktop_app.core.problems import RefusedError, UsageError
from desktop_app.core.storage.location import ServerLocation
from desktop_app.core.storage.migrate import alembic_config, head_revision, known_revisions
from desktop_app.core.storage.server import (
    make_server_engine,
    may_write,
    serialise,
)

_MIGRATION_LOCK = ("nap-reporter", "migrate")


@dataclass(frozen=True)
class OpenedServer:
    location: ServerLocation
    engine: Engine
    migrated_from: str | None
    read_only: bool


def inspect_server(connection: Connection) -> tuple[str | None, bool]:
    """The database's revision and whether it has any tables (in its search path)."""
    names = set(inspect(connection).get_table_names())
    revision = None
    if "alembic_version" in names:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")
                                      ).scalar()
    return revision, bool(names)


def _check(revision: str | None, has_tables: bool, location: ServerLocation) -> None:
    if revision is None and has_tables:
        raise RefusedError.of("db.foreign", file=location.shown)
    if revision is not None and revision not in known_revisions():
        raise RefusedError.of("db.too_new", file=location.shown, revision=revision,
                              head=head_revision())


def open_server_database(location: ServerLocation, *, target: str = "head",
                         create: bool = True) -> OpenedServer:
    """Open the database at location, migrating it as needed (create: an empty one too)."""
    engine = make_server_engine(location)
    try:
        wanted = head_revision() if target == "head" else target
        with engine.connect() as connection:
            revision, has_tables = inspect_server(connection)
            _check(revision, has_tables, location)
            read_only = not may_write(connection) if has_tables else False
            connection.rollback()
        if revision == wanted:
            return OpenedServer(location, engine, None, read_only)
        if revision is None and not create:
            raise UsageError.of("db.missing", file=location.shown)
        if read_only:
            raise RefusedError.of("db.read_only", db=location.shown)
        before = _upgrade(engine, target, location)
        return OpenedServer(location, engine, before, False)
    except BaseException:
        engine.dispose()
        raise


def _upgrade(engine: Engine, target: str, location: ServerLocation) -> str | None:
    """Migrate in one transaction, after any other program doing the same; the revision
    found before (None for a new database)."""
    config = alembic_config()
    with engine.connect() as connection, connection.begin():
        serialise(connection, *_MIGRATION_LOCK)
        revision, has_tables = inspect_server(connection)  # another may have done it
        _check(revision, has_tables, location)
        config.attributes["connection"] = connection
        command.upgrade(config, target)
    return revision
