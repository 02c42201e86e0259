"""An open database and its units of work."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from desktop_app.core.storage.migrate import OpenedDatabase, open_database


class Database:
    """One SQLite file; each unit of work is one transaction, whole or not at all."""

    def __init__(self, opened: OpenedDatabase) -> None:
        self.path: Path = opened.path
        self.engine: Engine = opened.engine
        self.migrated_from = opened.migrated_from
        self.migration_backup = opened.backup

    @classmethod
    def open(cls, path: Path) -> Database:
        return cls(open_database(path))

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """A session whose changes commit together when the block ends without error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session
            session.rollback()

    def close(self) -> None:
        self.engine.dispose()
