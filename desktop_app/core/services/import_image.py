"""A read file's rows as a small SQLite database, made by the reading child and copied
into the focal point's database by the writer in one INSERT ... SELECT a table.

The writer is the one part of an import that cannot run on several cores: every file
waits for it. Handed a file's rows as Python values, it spent about a quarter of each
file's SQL binding them to its INSERT, value by value, and before that unpickled them
and turned them into rows. So the child that reads the file also puts its rows
into a database of its own in memory (``image_of``), the way the writer would bind
them, and sends that database's image, which travels as one string of bytes. The writer
attaches the image (``sqlite3.Connection.deserialize``) and copies each table with one
statement, inside SQLite; the values never become Python objects in the writer at all
(measured on the bench's 34 files, 4 Dec 2026: the writer's SQL 1.60 -> 1.18 s of CPU,
the children's +0.56 s).

The image holds each record's fields as the reader gave them, in the records' order
(dates as the ISO text SQLite stores them; columns without a declared type keep every
value as it was bound), each activity's search text, and where each indicator's and
link's activity stands among the file's activities. Its columns are read back as the
reader's own (``columns_of``) when the plan needs the records (a file replacing a
version, the batch's first file, whose identifiers are looked up). Images are made for
a database file only (read_files' images: a PostgreSQL server takes the columns), and a
file whose values would not come back the same (a date column holding something else,
a float that is not a number) gets none; its columns travel as before.
"""

from __future__ import annotations

import functools
import math
import operator
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import fields
from datetime import date
from typing import Any

from desktop_app.core.exchange.submission import (
    ActivityRecord,
    Columns,
    IndicatorRecord,
    LinkRecord,
    StoredRows,
)

_KINDS = (ActivityRecord, IndicatorRecord, LinkRecord)
NAMES = [[f.name for f in fields(kind)] for kind in _KINDS]
TABLES = ("activities", "indicators", "links")
# what each table holds besides its records' fields
SEARCH_TEXT = "search_text"  # an activity's
PLACE = "activity_place"  # an indicator's or a link's activity: its place, from 0
RESULT_KEY = "result_key"  # an indicator's result's UUID: given, or made (result_uuid)
_EXTRA = ([SEARCH_TEXT], [PLACE, RESULT_KEY], [PLACE])
_DATES = [{"start_date", "end_date"}, {"due_date"}, set()]
_FLOATS = [set(), {"baseline", "target", "result"}, set()]
# Each table's first page in every image (image_of makes them all before any row). SQLite
# keeps an attached database's schema while its schema cookie stays the same, and every
# image's is: an image laid out otherwise, attached where another was, would be read
# through the other's pages (seen: "database disk image is malformed").
LAYOUT = tuple((table, page) for page, table in enumerate(TABLES, start=2))
_DAY_OR_NONE = frozenset({date, type(None)})
# Python's sqlite3 has serialize and deserialize where the SQLite it runs on has them
# (3.36 or later, built with them): without, every file's columns travel as before.
SERIALIZES = all(hasattr(sqlite3.Connection, name) for name in ("serialize", "deserialize"))
_SOMETHING = functools.partial(operator.is_not, None)  # a value that is not None


def table_columns(kind: int) -> list[str]:
    """A table's columns in the image: the records' fields, then its own."""
    return NAMES[kind] + _EXTRA[kind]


def image_of(columns: tuple[Columns, Columns, Columns], texts: Sequence[str],
             period: int) -> bytes | None:
    """The file's rows as a database image (the period in its user_version), or None when
    its values would not all come back as they are (or SQLite cannot make an image)."""
    if not SERIALIZES:
        return None
    try:
        tables = _tables(columns, texts, period)
    except (TypeError, ValueError, IndexError):  # values no reader gives
        return None
    if tables is None:
        return None
    try:
        connection = sqlite3.connect(":memory:", isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        connection.execute("BEGIN")
        # every table made before any row: each image has the same schema in the same
        # pages (LAYOUT), which a connection that attached an image before keeps cached
        for kind, table in enumerate(TABLES):
            connection.execute(f"CREATE TABLE {table} ({', '.join(table_columns(kind))})")
        for table, stored in zip(TABLES, tables, strict=True):
            connection.executemany(
                f"INSERT INTO {table} VALUES ({', '.join('?' * len(stored))})",
                zip(*stored, strict=True))
        connection.execute(f"PRAGMA user_version = {int(period)}")
        connection.execute("COMMIT")
        return connection.serialize()
    except (sqlite3.Error, OverflowError, ValueError, TypeError):
        return None
    finally:
        connection.close()


def _tables(columns: tuple[Columns, Columns, Columns], texts: Sequence[str], period: int
            ) -> list[list[Sequence[Any]]] | None:
    """Each table's columns as the image stores them; None when a value would not come
    back the same, or an indicator or a link names an activity the file does not hold."""
    activities = columns[0]
    if len(texts) != (len(activities[0]) if activities else 0):
        return None
    places = {uuid: place for place, uuid in enumerate(activities[0])} if activities else {}
    tables: list[list[Sequence[Any]]] = []
    for kind, kind_columns in enumerate(columns):
        stored: list[Sequence[Any]] = []
        for name, values in zip(NAMES[kind], kind_columns, strict=True):
            if name in _DATES[kind]:
                if not _DAY_OR_NONE.issuperset(map(type, values)):
                    return None  # a datetime, a text...: stored otherwise
                days = {day: None if day is None else day.isoformat() for day in set(values)}
                values = list(map(days.__getitem__, values))
            elif name in _FLOATS[kind] and not all(map(math.isfinite, filter(
                    _SOMETHING, values))):  # a NaN comes back NULL
                return None
            stored.append(values)
        if kind == 0:
            stored.append(texts)
        else:
            owners = kind_columns[NAMES[kind].index("activity_uuid")]
            found = [places.get(owner) if owner else None for owner in owners]
            if any(place is None and owner for place, owner in zip(found, owners,
                                                                     strict=True)):
                return None  # the writer's own way says which
            stored.append(found)
        if kind == 1:
            uuids, given = kind_columns[0], kind_columns[NAMES[1].index("result_uuid")]
            results = kind_columns[NAMES[1].index("result")]
            stored.append([None if value is None else key or result_uuid(uuid, period)
                           for uuid, key, value in zip(uuids, given, results, strict=True)])
        tables.append(stored)
    return tables


class ImageRows(StoredRows):
    """A file's rows in a database image (image_of), as a ColumnData holds them."""

    def __init__(self, image: bytes, counts: tuple[int, int, int]) -> None:
        super().__init__(counts)
        self.image = image

    def columns(self) -> tuple[Columns, Columns, Columns]:
        return columns_of(self.image)


def result_uuid(indicator_uuid: str, period: int) -> str:
    """The identity of a result a file gives without one (an older export)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"nap-result:{indicator_uuid}:{period}"))


def period_of(image: bytes) -> int:
    """The period an image was made for (its user_version: bytes 60-63 of the header)."""
    return int.from_bytes(image[60:64], "big")


def columns_of(image: bytes) -> tuple[Columns, Columns, Columns]:
    """The reader's columns again, from an image made by image_of."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(image)
        found: list[Columns] = []
        for kind, table in enumerate(TABLES):
            names = NAMES[kind]
            rows = connection.execute(
                f"SELECT {', '.join(names)} FROM {table} ORDER BY rowid").fetchall()
            kind_columns: list[Sequence[Any]] = (
                [list(values) for values in zip(*rows, strict=True)] if rows
                else [[] for _ in names])
            for place, name in enumerate(names):
                if name in _DATES[kind]:
                    kind_columns[place] = [None if v is None else date.fromisoformat(v)
                                           for v in kind_columns[place]]
            found.append(kind_columns)
        return found[0], found[1], found[2]
    finally:
        connection.close()
