"""A use case's reads and its one write on a plain sqlite3 connection, without SQLAlchemy.

An agency's export (issue 11) reads a few settings and 80,000 rows and writes one
register row and one audit event; importing SQLAlchemy, SQLModel and the models to do
that took about 1 s of every export. For an SQLite file already at the program's schema
(``schema.open_at_head``: no migration to run) ``open_quick`` gives a connection with
the settings every connection of the engine gets (``engine.configure``: WAL, foreign
keys, the busy wait) and the same two kinds of transaction as ``Database``: ``reading``
a deferred ``BEGIN`` (one snapshot; never waits for a writer under WAL), ``writing`` a
``BEGIN IMMEDIATE`` that tells the face it waits and gives up with BusyError (exit 4)
as the engine's writers do. A failure the person can act on (busy, damaged, disk full)
leaves both as the problem ``Database`` would raise (``failures.database_failure``).

Anything else (no file, another revision, PostgreSQL) is the full open's business: the
caller then opens a ``Database``. The SQL run here is SQL text with ``:name``
parameters through an ``Execute`` (storage/sql_text.py), so a reader written once runs
on either connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop_app.core.storage.engine import BusyWait, Notice, begin_immediate, configure
from desktop_app.core.storage.schema import open_at_head
from desktop_app.core.storage.sql_text import Execute, sqlite_execute


class QuickFile:
    """An SQLite database file at the program's schema, opened with sqlite3 alone."""

    def __init__(self, path: Path, connection: sqlite3.Connection, busy: BusyWait) -> None:
        self.path, self.connection, self.busy = path, connection, busy

    @contextmanager
    def reading(self) -> Iterator[Execute]:
        """One read-only snapshot, as Database.reading gives."""
        conn = self.connection
        try:
            conn.execute("BEGIN")
            try:
                yield sqlite_execute(conn)
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
        except sqlite3.Error as error:
            raise self._problem(error) from error

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (BEGIN IMMEDIATE, waiting as the engine's writers do); it
        commits when the block ends without error, unless the block committed itself."""
        conn = self.connection
        try:
            begin_immediate(conn, self.busy)
            try:
                yield conn
                if conn.in_transaction:
                    conn.execute("COMMIT")
            finally:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
        except sqlite3.Error as error:
            raise self._problem(error) from error

    def _problem(self, error: sqlite3.Error) -> Exception:
        # failures.py reads SQLAlchemy's wrapped errors too: imported only on a failure
        from desktop_app.core.storage.failures import database_failure

        return database_failure(error, self.path) or error

    def close(self) -> None:
        self.connection.close()


def open_quick(location: Path, notice: Notice | None = None) -> QuickFile | None:
    """The file at location opened with sqlite3 alone, or None when it needs the full open
    (see schema.open_at_head)."""
    conn = open_at_head(location)
    if conn is None:
        return None
    busy = BusyWait(Path(location), notice=notice)
    try:
        conn.execute("PRAGMA query_only = OFF")
        configure(conn, busy)
    except Exception:  # busy, or anything: the full open words it
        conn.close()
        return None
    return QuickFile(Path(location), conn, busy)
