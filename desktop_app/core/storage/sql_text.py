"""One way to run a read written as SQL text, on a Session or on a plain sqlite3 connection.

A read that the window's first page needs (the overview, the period's facts) is written
once as SQL text with ``:name`` parameters and run through an ``Execute``: on an open
``Database`` through the Session's connection (SQLAlchemy ``text()``, SQLite or
PostgreSQL), or, at start-up, on a plain ``sqlite3`` connection to a file already at the
program's schema (``schema.open_at_head``), before SQLAlchemy and the models are
imported at all (issue 11). Either way the rows are the driver's own values, without
SQLAlchemy's type processing, so a reader turns them into dates and booleans itself
(``day``, ``flag``): SQLite gives text and 0/1, PostgreSQL dates and booleans.

The SQL is kept to what both engines read the same way: no ``IN`` with a list parameter
(a subquery instead), booleans tested as ``NOT x`` or ``x``, never compared with 0 or 1.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlmodel import Session

Row = Sequence[Any]
Execute = Callable[[str, Mapping[str, Any]], list[Row]]


def session_execute(session: Session) -> Execute:
    """Run SQL text in the session's transaction."""
    from sqlalchemy import text

    connection = session.connection()

    def execute(sql: str, params: Mapping[str, Any]) -> list[Row]:
        return list(connection.execute(text(sql), dict(params)))

    return execute


def sqlite_execute(connection: sqlite3.Connection) -> Execute:
    """Run SQL text on a plain sqlite3 connection (the caller holds its transaction)."""

    def execute(sql: str, params: Mapping[str, Any]) -> list[Row]:
        return connection.execute(sql, dict(params)).fetchall()

    return execute


def day(value: Any) -> date | None:
    """A DATE column's value as a date (SQLite keeps ISO text)."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    return date.fromisoformat(str(value)[:10])


def flag(value: Any) -> bool:
    """A BOOLEAN column's value (SQLite keeps 0 and 1)."""
    return bool(value)


class Shared(dict[Any, Any]):
    """Equal values read from many rows, made once and then handed out as one object
    (``shared[value]``): 100,000 rows then hold a few thousand texts and dates, not
    100,000 copies of each."""

    def __init__(self, make: Callable[[Any], Any], known: dict[Any, Any] | None = None) -> None:
        super().__init__(known or {})
        self._make = make

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self._make(key)
        return value
