"""Each period's data range is data the focal point sets (default: 15 December of the
year before to 14 December); the reports print the range that applies."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.problems import UsageError
from desktop_app.core.services.catalog import periods, set_period_ranges
from desktop_app.core.services.national_report import national_report_data
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database


@pytest.fixture()
def focal(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "focal.sqlite")
    initialise(database, Role.FOCAL_POINT)
    yield database
    database.close()


def _version(db: Database) -> int:
    with closing(sqlite3.connect(db.path)) as conn:
        return int(conn.execute("select value from setting where key = 'catalog_version'")
                   .fetchone()[0])


def test_the_default_range_and_a_range_set_by_the_focal_point(focal: Database) -> None:
    by_year = {p.year: p for p in periods(focal)}
    assert by_year[2025].data_range == (date(2024, 12, 15), date(2025, 12, 14))
    report = national_report_data(focal, 2025)
    assert (report.period_from, report.period_to) == (date(2024, 12, 15), date(2025, 12, 14))
    before = _version(focal)
    assert set_period_ranges(focal, {2025: (date(2025, 1, 1), date(2025, 11, 30))}) \
        == before + 1
    assert {p.year: p for p in periods(focal)}[2025].data_range == (
        date(2025, 1, 1), date(2025, 11, 30))
    report = national_report_data(focal, 2025)
    assert (report.period_from, report.period_to) == (date(2025, 1, 1), date(2025, 11, 30))
    # the same again changes nothing; None goes back to the default
    assert set_period_ranges(focal, {2025: (date(2025, 1, 1), date(2025, 11, 30))}) is None
    assert set_period_ranges(focal, {2025: None}) == before + 2
    assert {p.year: p for p in periods(focal)}[2025].data_range == (
        date(2024, 12, 15), date(2025, 12, 14))


def test_a_reversed_range_or_an_unknown_period_is_refused(focal: Database) -> None:
    before = _version(focal)
    with pytest.raises(UsageError) as error:
        set_period_ranges(focal, {2025: (date(2025, 12, 1), date(2025, 1, 1))})
    assert error.value.problems[0].code == "period.range_reversed"
    with pytest.raises(UsageError) as error:
        set_period_ranges(focal, {1950: None})
    assert error.value.problems[0].code == "period.unknown"
    assert _version(focal) == before
