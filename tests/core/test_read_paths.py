"""The read paths the window waits on are built to scale: no ORM objects, aggregates for
counts, a number of statements that does not grow with the data, rows in chunks.

No timing here (the bench measures speed); these pin the structure that makes it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import Activity, Indicator, Result
from desktop_app.core.domain.text import contains_folded
from desktop_app.core.progress import drive
from desktop_app.core.services import activities, demo
from desktop_app.core.services.overview import list_indicators, overview
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

YEAR = 2026


@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[int, Database]]:
    """Two agency databases, one five times the other."""
    made: dict[int, Database] = {}
    for size in (60, 300):
        db = Database.open(tmp_path_factory.mktemp(f"read{size}") / "agency.sqlite")
        initialise(db, Role.AGENCY, "VLG")
        drive(demo.fill_demo(db, activities=size, seed=1, period=YEAR))
        made[size] = db
    yield made
    for db in made.values():
        db.close()


@contextmanager
def watched(db: Database) -> Iterator[dict[str, Any]]:
    """The SQL statements run, and the ORM objects loaded, inside the block."""
    seen: dict[str, Any] = {"statements": [], "objects": 0}

    def statement(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        seen["statements"].append(" ".join(sql.split()))

    def loaded(_target: Any, _context: Any) -> None:
        seen["objects"] += 1

    event.listen(db.engine, "before_cursor_execute", statement)
    for model in (Activity, Indicator, Result):
        event.listen(model, "load", loaded)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", statement)
        for model in (Activity, Indicator, Result):
            event.remove(model, "load", loaded)


def test_the_overview_counts_with_aggregates_and_loads_no_row_objects(
        databases: dict[int, Database]) -> None:
    counts = []
    for size, db in databases.items():
        with watched(db) as seen:
            o = overview(db, YEAR)
        assert o.activities.total == size
        assert seen["objects"] == 0  # no Activity, Indicator or Result object
        indicator_reads = [s for s in seen["statements"] if "FROM indicator" in s]
        # Counting: grouped aggregates. Listing: only the indicators with no result.
        assert indicator_reads and all(
            ("count(" in s and "GROUP BY" in s) or " r.id IS NULL" in s
            for s in indicator_reads), indicator_reads
        counts.append(len(seen["statements"]))
    assert counts[0] == counts[1]  # five times the data, the same statements


def test_the_indicators_list_is_plain_columns(databases: dict[int, Database]) -> None:
    db = databases[300]
    with watched(db) as seen:
        rows = list_indicators(db, YEAR)
    assert rows and seen["objects"] == 0


def test_activity_rows_come_in_chunks_of_plain_columns(databases: dict[int, Database]) -> None:
    db = databases[300]
    with watched(db) as seen:
        chunks = list(activities.activity_rows(db, YEAR, chunk=70))
    assert seen["objects"] == 0
    assert [len(c) for c in chunks] == [70, 70, 70, 70, 20]
    assert all(r.search_text == "" for c in chunks for r in c)  # the list holds no text
    # The same rows as the full listing, which carries the search text.
    full = {r.uuid: r for r in activities.list_activities(db, YEAR)}
    assert {r.uuid for c in chunks for r in c} == set(full)
    some = chunks[1][3]
    assert some == dataclasses.replace(full[some.uuid], search_text="")
    # Strings that repeat from row to row are one object, not a copy per row.
    rows = [r for c in chunks for r in c]
    by_task: dict[str, list[str]] = {}
    for r in rows:
        by_task.setdefault(r.task_code, []).append(r.task_title_vi)
    assert all(len({id(t) for t in titles}) == 1 for titles in by_task.values())
    assert activities.count_activities(db, YEAR) == len(rows) == 300
    for up_to in (1, 299, 300, 301, 2000):  # counted no further than asked
        assert activities.count_activities(db, YEAR, up_to=up_to) == min(300, up_to)


@pytest.mark.parametrize("typed", ["uy ban", "tap huan", "Hà", "co4", "zzzz", ""])
def test_the_database_finds_what_the_filter_rule_finds(databases: dict[int, Database],
                                                       typed: str) -> None:
    db = databases[300]
    expected = {r.uuid for r in activities.list_activities(db, YEAR)
                if contains_folded(r.search_text, typed)}
    assert activities.matching_activities(db, YEAR, typed) == expected
