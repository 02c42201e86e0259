"""An open database and its units of work.

A unit of work is one write transaction, begun with BEGIN IMMEDIATE so that two
writers queue instead of failing; reading() is a deferred transaction that never
waits for a writer under WAL. SQLite's failures that mean something to the
person (busy, damaged, disk full) leave both as problems with codes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from desktop_app.core.storage.backup import role_of
from desktop_app.core.storage.engine import Notice, writer
from desktop_app.core.storage.failures import database_failure
from desktop_app.core.storage.migrate import OpenedDatabase, open_database


class Database:
    """One SQLite file; each unit of work is one transaction, whole or not at all."""

    def __init__(self, opened: OpenedDatabase) -> None:
        self.path: Path = opened.path
        self.engine: Engine = opened.engine
        self.migrated_from = opened.migrated_from
        self.migration_backup = opened.backup
        self.busy = opened.busy
        self._writer = writer(opened.engine)

    @classmethod
    def open(cls, path: Path, *, create: bool = True, notice: Notice | None = None
             ) -> Database:
        """Open the database at path; create=False refuses a missing one (run init).

        notice(seconds) is called when a writer finds the database locked and starts
        waiting for it (the faces say so); it may be set later as db.busy.notice.
        """
        try:
            return cls(open_database(path, create=create, notice=notice))
        except Exception as error:
            problem = database_failure(error, Path(path))
            if problem is None or problem is error:
                raise
            raise problem from error

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session whose changes commit together when the block ends without error."""
        with Session(self._writer, expire_on_commit=False) as session:
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

    def _raise_as_problem(self, error: BaseException) -> None:
        if not isinstance(error, Exception):
            return
        problem = database_failure(error, self.path)
        if problem is not None and problem is not error:
            raise problem from error

    def close(self) -> None:
        self.engine.dispose()


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
