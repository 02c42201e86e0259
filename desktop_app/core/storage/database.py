"""An open database and its units of work, on an SQLite file or a PostgreSQL server.

On SQLite a unit of work is one write transaction, begun with BEGIN IMMEDIATE so that
two writers queue instead of failing; reading() is a deferred transaction that never
waits for a writer under WAL. On PostgreSQL (a focal point shared by several analysts)
both are READ COMMITTED transactions; what must not interleave takes an explicit lock
(`server.serialise`). The failures that mean something to the person (busy, damaged,
disk full; a server out of reach, a role that may not write) leave both as problems
with codes.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from desktop_app.core.paths import data_dir
from desktop_app.core.problems import NapError
from desktop_app.core.storage import server as pg
from desktop_app.core.storage.backup import role_of
from desktop_app.core.storage.engine import BusyWait, Notice, writer
from desktop_app.core.storage.failures import database_failure
from desktop_app.core.storage.location import ServerLocation
from desktop_app.core.storage.migrate import OpenedDatabase, open_database

Location = Path | ServerLocation
DATABASE_ROLE = "database_role"  # session.info: the login role on a server (for the audit)


class Database:
    """One database; each unit of work is one transaction, whole or not at all.

    path is the SQLite file; on a server (server is its location) it is a stand-in
    in this machine's data folder that is never created as a database: only the
    window's drafts are kept beside it.
    """

    def __init__(self, opened: OpenedDatabase, server: ServerLocation | None = None,
                 read_only: bool = False) -> None:
        self.path: Path = opened.path
        self.engine: Engine = opened.engine
        self.migrated_from = opened.migrated_from
        self.migration_backup = opened.backup
        self.busy = opened.busy
        self.server = server
        self.read_only = read_only  # a role that may only read (PostgreSQL)
        self._writer = writer(opened.engine) if server is None else opened.engine
        self._role: str | None = None  # the server's login role, asked once

    @classmethod
    def open(cls, location: Location, *, create: bool = True, notice: Notice | None = None
             ) -> Database:
        """Open the database at location; create=False refuses a missing one (run init).

        notice(seconds) is called when a writer finds an SQLite database locked and
        starts waiting for it (the faces say so); it may be set later as db.busy.notice.
        """
        if isinstance(location, ServerLocation):
            return cls._open_server(location, create=create)
        try:
            return cls(open_database(location, create=create, notice=notice))
        except Exception as error:
            problem = database_failure(error, Path(location))
            if problem is None or problem is error:
                raise
            raise problem from error

    @classmethod
    def _open_server(cls, location: ServerLocation, *, create: bool) -> Database:
        from desktop_app.core.storage.server_open import open_server_database

        try:
            opened = open_server_database(location, create=create)
        except Exception as error:
            problem = pg.server_failure(error, location)
            if problem is None or problem is error:
                raise
            raise problem from error
        stand_in = server_stand_in(location)
        return cls(OpenedDatabase(stand_in, opened.engine, opened.migrated_from, None,
                                  BusyWait(stand_in)), location, opened.read_only)

    @property
    def location(self) -> str:
        """The database as messages show it: the file, or the URL without a password."""
        return self.server.shown if self.server is not None else str(self.path)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session whose changes commit together when the block ends without error."""
        with Session(self._writer, expire_on_commit=False) as session:
            if self.server is not None:  # who makes the change, for the audit log
                if self._role is None:
                    self._role = self.user_name()
                session.info[DATABASE_ROLE] = self._role
            try:
                yield session
                session.commit()
            except BaseException as error:
                session.rollback()
                self._raise_as_problem(error)
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except Exception as error:
                self._raise_as_problem(error)
                raise
            session.rollback()

    def problem_of(self, error: BaseException) -> NapError | None:
        """What a failure on this database means for the person, or None (a bug)."""
        if self.server is not None:
            return pg.server_failure(error, self.server)
        return database_failure(error, self.path)

    def _raise_as_problem(self, error: BaseException) -> None:
        if not isinstance(error, Exception):
            return
        problem = self.problem_of(error)
        if problem is not None and problem is not error:
            raise problem from error

    def user_name(self) -> str:
        """Who makes the changes: the database role on a server, else the OS user."""
        if self.server is None:
            return pg.os_user()
        with self.engine.connect() as connection:
            return pg.role_name(connection)

    def change_token(self) -> str:
        """Something that changes when another program changes the data (poll it).

        On a server, the next transaction id it will give out; on SQLite, the
        size and time of the file and its write-ahead log.
        """
        if self.server is not None:
            with self.engine.connect() as connection:
                return pg.change_token(connection)
        parts = []
        for name in (self.path.name, self.path.name + "-wal"):
            with contextlib.suppress(OSError):
                stat = self.path.with_name(name).stat()
                parts.append(f"{stat.st_size}:{stat.st_mtime_ns}")
        return "/".join(parts)

    def close(self) -> None:
        self.engine.dispose()


def server_stand_in(location: ServerLocation) -> Path:
    """The path that stands for a server database on this machine (drafts go beside it)."""
    key = hashlib.sha256(location.shown.encode("utf-8")).hexdigest()[:12]
    return data_dir() / f"server-{key}.sqlite"


def has_database(path: Path) -> bool:
    """Whether a database file is there (a missing or empty file is none)."""
    path = Path(path)
    return path.is_file() and path.stat().st_size > 0


def discard_if_not_set_up(path: Path) -> bool:
    """Remove a database made for a first-run setup that was not completed.

    The window opens a new database to show its setup; when the person quits the
    setup, nothing must stay behind. A database that has a role is kept.
    """
    path = Path(path)
    if not has_database(path) or role_of(path) is not None:
        return False
    for name in (path.name + "-wal", path.name + "-shm", path.name + "-journal", path.name):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(name).unlink()
    return True
