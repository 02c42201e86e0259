"""Each period's data range is data the focal point sets (default: 15 December of the
year before to 14 December); the reports print the range that applies."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import col, select

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import Period
from desktop_app.core.exchange.columns import SHEETS
from desktop_app.core.exchange.xlsx_reader import read_submission
from desktop_app.core.problems import UsageError
from desktop_app.core.progress import drive
from desktop_app.core.services import submissions
from desktop_app.core.services.catalog import periods, set_period_ranges
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.national_report import national_report_data
from desktop_app.core.services.periods import period_facts
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


def _print_header(path: Path) -> str:
    return str(openpyxl.load_workbook(path)[SHEETS[0].title].oddHeader.left.text)


def test_the_agency_workbook_and_status_print_the_range_outside_the_hash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAP_REPORTER_HOME", str(tmp_path / "home"))
    db = Database.open(tmp_path / "agency.sqlite")
    try:
        initialise(db, Role.AGENCY, "VLG")
        drive(fill_demo(db, activities=5, seed=3, period=2025))
        assert period_facts(db, 2025).data_range == (date(2024, 12, 15), date(2025, 12, 14))
        first = drive(submissions.export_xlsx(db, 2025, tmp_path / "one.xlsx"))
        assert first.data_range == (date(2024, 12, 15), date(2025, 12, 14))
        assert "(số liệu từ ngày 15/12/2024 đến ngày 14/12/2025)" in _print_header(
            tmp_path / "one.xlsx")
        with db.unit_of_work() as session:  # a range the focal point's catalog set
            period = session.exec(select(Period).where(col(Period.year) == 2025)).one()
            period.data_from, period.data_to = date(2025, 1, 1), date(2025, 11, 30)
            session.add(period)
        assert period_facts(db, 2025).data_range == (date(2025, 1, 1), date(2025, 11, 30))
        again = drive(submissions.export_xlsx(db, 2025, tmp_path / "two.xlsx"))
        # display text only: the same version, the same hash and signature, read back equal
        assert not again.new_version and again.meta == first.meta
        assert "(số liệu từ ngày 01/01/2025 đến ngày 30/11/2025)" in _print_header(
            tmp_path / "two.xlsx")
        assert read_submission(tmp_path / "two.xlsx").meta == first.meta
    finally:
        db.close()
