"""Copy every row of an SQLite database into an empty PostgreSQL database, in one go.

The target gets its schema from the same alembic migrations, then the rows table by
table, parents before the tables that refer to them, then its id sequences set past
the largest id copied; the counts are compared table by table before the one
transaction commits. A target that holds any table is refused before anything is
written. The source is only read.

The one change on the way: undo records (ImportChange.removed) keep the SQLite rowid
of the link rows they took out; a server's link table has none, so it is left out.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from alembic import command
from sqlalchemy import (
    Boolean,
    Connection,
    Engine,
    MetaData,
    Table,
    func,
    insert,
    inspect,
    select,
    text,
)

from desktop_app.core.problems import RefusedError
from desktop_app.core.storage.location import ServerLocation
from desktop_app.core.storage.migrate import alembic_config
from desktop_app.core.storage.server import serialise

CHUNK = 5000
_SKIP = ("alembic_version",)  # written by the migrations themselves
_LINK, _CHANGES = "activityrecommendation", "importchange"

Tick = Callable[[str, int], None]  # told each table's name and rows as it is copied


@dataclass(frozen=True)
class CopiedTable:
    name: str
    rows: int


def check_empty(connection: Connection, location: ServerLocation) -> None:
    names = sorted(inspect(connection).get_table_names())
    if names:
        raise RefusedError.of("migrate.target_not_empty", db=location.shown, table=names[0])


def copy_to_server(source: Engine, target: Engine, location: ServerLocation,
                   tick: Tick | None = None) -> list[CopiedTable]:
    """Schema and rows of source (SQLite at the program's head) into the empty target."""
    copied: list[CopiedTable] = []
    with source.connect() as reading, target.connect() as writing, writing.begin():
        serialise(writing, "nap-reporter", "migrate")
        check_empty(writing, location)
        config = alembic_config()
        config.attributes["connection"] = writing
        command.upgrade(config, "head")
        tables = MetaData()
        tables.reflect(writing)
        from_source = MetaData()
        from_source.reflect(reading)
        order = [t for t in tables.sorted_tables if t.name not in _SKIP]
        for table in reversed(order):  # rows a migration may have seeded
            writing.execute(table.delete())
        for table in order:
            if table.name not in from_source.tables:
                continue
            rows = _copy_table(reading, writing, from_source.tables[table.name], table)
            copied.append(CopiedTable(table.name, rows))
            if tick is not None:
                tick(table.name, rows)
        for table in order:
            _reset_sequence(writing, table)
        for done in copied:
            _check_count(reading, writing, from_source.tables[done.name],
                         tables.tables[done.name])
    return copied


def _copy_table(reading: Connection, writing: Connection, source: Table, target: Table
                ) -> int:
    names = [c.name for c in target.columns if c.name in source.columns]
    query = select(*(source.c[name] for name in names))
    count = 0
    for part in reading.execute(query).partitions(CHUNK):
        rows = [_fixed(target.name, dict(zip(names, row, strict=True)), target)
                for row in part]
        writing.execute(insert(target), rows)
        count += len(rows)
    return count


def _fixed(table: str, row: dict[str, Any], target: Table) -> dict[str, Any]:
    for name, value in row.items():  # SQLite keeps booleans as 0/1 under reflection too
        if value is not None and isinstance(target.c[name].type, Boolean):
            row[name] = bool(value)
    if table == _CHANGES and row.get("removed"):
        removed = json.loads(row["removed"])
        for link in removed.get(_LINK, []) if isinstance(removed, dict) else []:
            if isinstance(link, dict):
                link.pop("rowid", None)
        row["removed"] = json.dumps(removed, ensure_ascii=False, separators=(",", ":"))
    return row


def _reset_sequence(writing: Connection, table: Table) -> None:
    if "id" not in table.columns:
        return
    sequence = writing.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"),
                               {"t": table.name}).scalar()
    if sequence is None:
        return
    writing.execute(text(f'SELECT setval(:s, coalesce((SELECT max(id) FROM "{table.name}"), 0)'
                         " + 1, false)"), {"s": sequence})


def _check_count(reading: Connection, writing: Connection, source: Table, target: Table
                 ) -> None:
    there = int(reading.execute(select(func.count()).select_from(source)).scalar_one())
    here = int(writing.execute(select(func.count()).select_from(target)).scalar_one())
    if there != here:
        raise RefusedError.of("migrate.count_mismatch", table=target.name, source=there,
                              target=here)
