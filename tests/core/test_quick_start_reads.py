"""The reads the window's first paint makes with sqlite3 alone give what the database's
own reads give: the overview, the period's facts and the catalog's years (issue 11).

Both ways run the same SQL text (storage/sql_text.py), one on a plain sqlite3
connection (`quick_overview`, `quick_period_facts`), the other in a Session
(`overview`, `period_facts`); these tests hold them to equal values on the same demo
data: an agency with and without data, a locked period, an unknown year, a focal point.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import PeriodState, Role
from desktop_app.core.problems import UsageError
from desktop_app.core.progress import drive
from desktop_app.core.services import activities, demo
from desktop_app.core.services.overview import overview, quick_links, quick_overview
from desktop_app.core.services.period_facts import quick_period_facts, years_by
from desktop_app.core.services.periods import lock_period, period_facts
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.schema import open_at_head
from desktop_app.core.storage.sql_text import sqlite_execute

YEAR = 2025  # the 2019 plan is in force; the 2025 plan starts in 2026
TODAY = date(2025, 11, 2)


@pytest.fixture()
def agency_db(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "agency.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(demo.fill_demo(db, activities=120, seed=1, period=YEAR))
    drive(demo.fill_demo(db, activities=40, seed=2, period=YEAR + 1))
    yield db
    db.close()


def _connection(db: Database) -> sqlite3.Connection:
    conn = open_at_head(db.path)
    assert conn is not None  # a file the program made is at its schema
    return conn


def test_the_quick_overview_equals_the_overview(agency_db: Database) -> None:
    with closing(_connection(agency_db)) as conn:
        for year in (YEAR, YEAR + 1, 2019):  # with data, under the next plan, without data
            quick = quick_overview(conn, year, TODAY)
            full = overview(agency_db, year, TODAY)
            assert quick == full, year
        assert quick_overview(conn, YEAR, TODAY).activities.total == 120  # type: ignore[union-attr]
        assert quick_overview(conn, 2019, TODAY).activities.total == 0  # type: ignore[union-attr]


def test_the_links_read_on_a_second_connection_give_the_same_overview(
        agency_db: Database) -> None:
    with closing(_connection(agency_db)) as conn, closing(_connection(agency_db)) as second:
        for year in (YEAR, YEAR + 1, 2019):
            links = quick_links(second, year)
            asked: list[int] = []
            quick = quick_overview(conn, year, TODAY,
                                   links=lambda links=links, asked=asked: asked.append(1) or links)
            assert quick == overview(agency_db, year, TODAY) and asked == [1], year
            assert quick_overview(conn, year, TODAY, links=lambda: None) == quick
        assert sum(quick_links(second, YEAR).values()) > 120  # several a recommendation


def test_a_locked_period_reads_the_same_both_ways(agency_db: Database) -> None:
    lock_period(agency_db, YEAR)
    with closing(_connection(agency_db)) as conn:
        for year in (YEAR, YEAR + 1, 2019):
            assert quick_period_facts(conn, year) == period_facts(agency_db, year), year
        assert quick_period_facts(conn, YEAR).state is PeriodState.LOCKED
        assert quick_period_facts(conn, YEAR + 1).state is PeriodState.OPEN
        assert quick_overview(conn, YEAR, TODAY) == overview(agency_db, YEAR, TODAY)
        years = [y for y, _due in activities.choices(agency_db).periods]
        assert years_by(sqlite_execute(conn)) == years and YEAR in years


def test_an_unknown_year_is_refused_both_ways(agency_db: Database) -> None:
    with closing(_connection(agency_db)) as conn:
        with pytest.raises(UsageError) as quick:
            quick_overview(conn, 1990, TODAY)
        with pytest.raises(UsageError) as full:
            overview(agency_db, 1990, TODAY)
        assert quick.value.problems == full.value.problems
        assert quick_period_facts(conn, 1990) == period_facts(agency_db, 1990)


def test_a_focal_point_leaves_the_overview_to_the_full_open(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "focal.sqlite")
    try:
        initialise(db, Role.FOCAL_POINT)
        drive(demo.fill_demo(db, activities=20, seed=1, period=YEAR))
        with closing(_connection(db)) as conn:
            assert quick_overview(conn, YEAR, TODAY) is None  # who has not reported: ORM
            assert quick_period_facts(conn, YEAR) == period_facts(db, YEAR)
            assert quick_period_facts(conn, YEAR).role is Role.FOCAL_POINT
    finally:
        db.close()
