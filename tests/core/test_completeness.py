"""The completeness grid: who reported, on time or late, how many versions, by kind."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import col, select

from desktop_app.core.domain.enums import CellState, Role
from desktop_app.core.domain.models import Agency, Period, Submission, new_uuid
from desktop_app.core.problems import UsageError
from desktop_app.core.services.completeness import (
    Grid,
    Row,
    completeness,
    is_on_time,
    local_day,
)
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from tests import pg

DUE = {2024: date(2024, 12, 15), 2025: date(2025, 12, 15)}
# Units in force that report: ministries with ministerial agencies, the focal point
# (the Ministry of Justice, which receives the reports) left out.
PROVINCES, MINISTRIES, CENTRAL = 34, 16, 2
# Before the 2025 reorganisations: 63 provinces; 18 ministries (the Ministry of Justice
# left out) and 4 ministerial agencies.
PROVINCES_2024, MINISTRIES_2024 = 63, 17 + 4


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def add(db: Database, code: str, year: int, version: int, received: datetime | None, *,
        created: datetime | None = None, superseded: bool = False) -> None:
    with db.unit_of_work() as session:
        agency = session.exec(select(Agency).where(col(Agency.code) == code)).one()
        period = session.exec(select(Period).where(col(Period.year) == year)).one()
        session.add(Submission(
            uuid=new_uuid(), agency_id=agency.id or 0, period_id=period.id or 0,
            version=version, content_hash="0" * 64,
            created_at=created or received or utc(year, 1, 1), received_at=received,
            superseded=superseded, file_name=f"{code}_{year}_v{version}.xlsx"))


@pytest.fixture(scope="module", params=pg.ENGINES)
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
       ) -> Iterator[Database]:
    database = pg.open_location(pg.new_location(request.param,
                                                tmp_path_factory.mktemp("grid")))
    initialise(database, Role.FOCAL_POINT)
    with database.unit_of_work() as session:
        for period in session.exec(select(Period).where(col(Period.year).in_(list(DUE)))):
            period.due_date = DUE[period.year]
            session.add(period)
    add(database, "THA", 2025, 1, utc(2025, 12, 1, 3))                 # on time
    add(database, "NAN", 2025, 1, utc(2025, 12, 20, 3))                # late
    add(database, "HTH", 2025, 1, utc(2025, 12, 15, 2))                # on the due date
    add(database, "QNH", 2025, 1, utc(2025, 12, 15, 16, 59))           # 23:59 in Hà Nội
    add(database, "LSN", 2025, 1, utc(2025, 12, 15, 17, 0))            # 00:00 next day there
    add(database, "LCI", 2025, 1, None, created=utc(2025, 12, 1))     # no receipt time
    add(database, "CBG", 2025, 1, utc(2025, 12, 10), superseded=True)  # first on time...
    add(database, "CBG", 2025, 2, utc(2025, 12, 30), superseded=True)  # ...corrected late
    add(database, "CBG", 2025, 3, utc(2026, 1, 5))
    add(database, "TANDTC", 2025, 1, utc(2025, 11, 1))
    add(database, "BLDTBXH", 2025, 1, utc(2025, 12, 1))  # a split former ministry's file
    # 2024: the former Hà Giang (now Tuyên Quang) and Tuyên Quang itself both reported
    add(database, "HGG", 2024, 1, utc(2024, 11, 1), superseded=True)
    add(database, "HGG", 2024, 2, utc(2024, 11, 20))
    add(database, "TQG", 2024, 1, utc(2024, 12, 20))     # late
    add(database, "HNI", 2024, 1, utc(2024, 12, 14))
    yield database
    database.close()


@pytest.fixture(scope="module")
def grid(db: Database) -> Grid:
    return completeness(db, [2024, 2025], today=date(2026, 2, 1))


def row(grid: Grid, code: str) -> Row:
    return next(r for r in grid.rows if r.code == code)


def state(grid: Grid, code: str, year: int) -> CellState:
    return row(grid, code).cells[grid.years.index(year)].state


def test_rows_are_the_units_in_force_in_kind_then_vietnamese_order(grid: Grid) -> None:
    # ...and the former ministry split between several successors, which had to report
    # for 2024: a row of its own, rolled up into none of them
    assert len(grid.rows) == PROVINCES + MINISTRIES + CENTRAL + 1
    codes = [r.code for r in grid.rows]
    assert "HGG" not in codes and "UBDT" not in codes
    assert "BTP" not in codes  # the focal point receives the reports
    assert codes[:6] == ["CTO", "DNG", "HNI", "HPG", "HUE", "HCM"]  # "Thành phố Hồ..." last
    assert codes[-2:] == ["TANDTC", "VKSNDTC"]
    assert row(grid, "TQG").former == ("HGG",)
    assert row(grid, "BNV").former == ()  # Labour, Invalids and Social Affairs was split
    molisa = row(grid, "BLDTBXH")
    assert molisa.kind == "ministry" and molisa.former == ()
    assert set(molisa.split_between) == {"BNV", "BYT", "BGDDT", "BNNMT"}
    assert all(r.split_between == () for r in grid.rows if r.code != "BLDTBXH")


@pytest.mark.parametrize(("code", "year", "expected"), [
    ("THA", 2025, CellState.ON_TIME), ("NAN", 2025, CellState.LATE),
    ("HTH", 2025, CellState.ON_TIME), ("QNH", 2025, CellState.ON_TIME),
    ("LSN", 2025, CellState.LATE), ("LCI", 2025, CellState.ON_TIME),
    ("CBG", 2025, CellState.ON_TIME), ("TANDTC", 2025, CellState.ON_TIME),
    ("BNV", 2025, CellState.NOT_RECEIVED), ("VKSNDTC", 2025, CellState.NOT_RECEIVED),
    ("BLDTBXH", 2024, CellState.NOT_RECEIVED), ("BLDTBXH", 2025, CellState.ON_TIME),
    ("TQG", 2024, CellState.LATE), ("HNI", 2024, CellState.ON_TIME),
    ("THA", 2024, CellState.NOT_RECEIVED), ("TQG", 2025, CellState.NOT_RECEIVED),
])
def test_cell_states(grid: Grid, code: str, year: int, expected: CellState) -> None:
    assert state(grid, code, year) is expected


def test_versions_count_superseded_ones_and_the_first_version_decides(grid: Grid) -> None:
    cbg = row(grid, "CBG").cells[1]
    assert cbg.versions == 3
    assert cbg.first_received == utc(2025, 12, 10)
    assert [(u.code, u.versions, u.current_version) for u in cbg.units] == [("CBG", 3, 3)]
    lci = row(grid, "LCI").cells[1]
    assert lci.first_received == utc(2025, 12, 1)  # created_at stands in


def test_a_former_province_counts_under_its_successor_with_its_own_history(grid: Grid) -> None:
    cell = row(grid, "TQG").cells[0]
    assert cell.versions == 3
    assert [(u.code, u.versions, u.current_version, u.on_time) for u in cell.units] == [
        ("TQG", 1, 1, False), ("HGG", 2, 2, True)]
    assert cell.state is CellState.LATE  # one of its units was late
    assert cell.first_received == utc(2024, 11, 1)


def test_counts_and_on_time_rate(grid: Grid) -> None:
    c2024, c2025 = grid.counts
    assert (c2025.year, c2025.due_date) == (2025, DUE[2025])
    assert c2025.agencies == PROVINCES + MINISTRIES + CENTRAL
    # THA HTH QNH LCI CBG TANDTC on time; NAN LSN late. The split former ministry's
    # file stands for none of its successors: it shows in its row, not in the numbers.
    assert (c2025.received, c2025.on_time, c2025.late) == (8, 6, 2)
    assert c2025.not_received == c2025.agencies - 8
    assert c2025.on_time_rate == pytest.approx(6 / 8)
    # HGG and HNI on time, TQG late: each unit of 2024 counts on its own
    assert c2024.agencies == PROVINCES_2024 + MINISTRIES_2024 + CENTRAL
    assert (c2024.received, c2024.on_time, c2024.late) == (3, 2, 1)
    assert c2024.on_time_rate == pytest.approx(2 / 3)


def test_a_past_period_counts_the_units_that_had_to_report_then(grid: Grid) -> None:
    pto = row(grid, "PTO")  # Phú Thọ absorbed Vĩnh Phúc and Hòa Bình on 1 July 2025
    c2024, c2025 = pto.cells
    assert (c2024.expected, c2024.reported) == (3, 0)
    assert [m.code for m in c2024.missing] == ["PTO", "HBH", "VPC"]  # own unit first
    assert (c2025.expected, [m.code for m in c2025.missing]) == (1, ["PTO"])
    tqg = row(grid, "TQG").cells[0]
    assert (tqg.expected, tqg.reported, tqg.late, tqg.missing) == (2, 2, 1, ())
    # A ministry formed on 1 March 2025 did not exist in 2024: its two predecessors did.
    bnnmt = row(grid, "BNNMT").cells[0]
    assert sorted(m.code for m in bnnmt.missing) == ["BNNPTNT", "BTNMT"]
    assert [m.code for m in row(grid, "BNNMT").cells[1].missing] == ["BNNMT"]
    # A split former ministry's file after its end stands for none of its successors.
    bnv = row(grid, "BNV").cells[1]
    assert (bnv.expected, bnv.reported, [m.code for m in bnv.missing]) == (1, 0, ["BNV"])
    molisa_2024, molisa_2025 = row(grid, "BLDTBXH").cells
    assert (molisa_2024.expected, [m.code for m in molisa_2024.missing]) == (1, ["BLDTBXH"])
    assert (molisa_2025.expected, molisa_2025.reported, molisa_2025.versions) == (0, 0, 1)
    assert [u.code for u in molisa_2025.units] == ["BLDTBXH"]
    # A former ministry with a single successor still rolls up into it.
    assert "BKHDT" in row(grid, "BTC").former


def test_the_focal_point_never_has_to_report(db: Database) -> None:
    from desktop_app.core.services.agencies import AgencyDirectory
    from desktop_app.core.services.completeness import had_to_report

    agencies = AgencyDirectory.load(db).by_code
    assert not had_to_report(agencies["BTP"], date(2024, 12, 15))
    assert not had_to_report(agencies["BTP"], date(2026, 12, 15))
    assert had_to_report(agencies["HGG"], date(2025, 6, 30))
    assert not had_to_report(agencies["HGG"], date(2025, 7, 1))
    assert had_to_report(agencies["BLDTBXH"], date(2025, 2, 28))
    assert not had_to_report(agencies["BLDTBXH"], date(2025, 3, 1))
    assert not had_to_report(agencies["BDTTG"], date(2024, 12, 15))
    assert had_to_report(agencies["BDTTG"], date(2025, 3, 1))


def test_rate_is_none_when_nothing_was_received(db: Database) -> None:
    nothing = completeness(db, [2026])
    assert nothing.counts[0].received == 0
    assert nothing.counts[0].on_time_rate is None
    assert all(r.cells[0].state is CellState.NOT_RECEIVED for r in nothing.rows)


def test_overdue_depends_on_today(db: Database) -> None:
    before = completeness(db, [2025], today=date(2025, 12, 15))
    after = completeness(db, [2025], today=date(2025, 12, 16))
    assert not row(before, "VKSNDTC").cells[0].overdue
    assert row(after, "VKSNDTC").cells[0].overdue
    assert not row(after, "THA").cells[0].overdue


@pytest.mark.parametrize(("kinds", "rows", "expected"), [
    (["province"], PROVINCES, PROVINCES),
    # the split former ministry's 2025 file shows in a row of its own, which had no
    # period to report for in 2025
    (["ministry"], MINISTRIES + 1, MINISTRIES), (["central_body"], CENTRAL, CENTRAL),
    (["province", "central_body"], PROVINCES + CENTRAL, PROVINCES + CENTRAL), ([], 0, 0),
])
def test_kind_filter(db: Database, kinds: list[str], rows: int, expected: int) -> None:
    grid = completeness(db, [2025], kinds=kinds)
    assert len(grid.rows) == rows
    assert grid.counts[0].agencies == expected


def test_kind_filter_counts_follow_the_rows(db: Database) -> None:
    provinces = completeness(db, [2025], kinds=["province"]).counts[0]
    assert (provinces.received, provinces.on_time, provinces.late) == (7, 5, 2)
    ministries = completeness(db, [2025], kinds=["ministry"]).counts[0]
    # the only ministry file is the split former ministry's: it stands for no successor
    assert (ministries.received, ministries.on_time) == (0, 0)
    assert ministries.on_time_rate is None


def test_bad_arguments(db: Database) -> None:
    with pytest.raises(UsageError) as error:
        completeness(db, [2025], kinds=["galaxy"])
    assert error.value.problems[0].code == "value.not_in_list"
    with pytest.raises(UsageError) as error:
        completeness(db, [1999])
    assert error.value.problems[0].code == "period.unknown"


def test_due_date_is_a_day_in_viet_nam() -> None:
    assert local_day(datetime(2025, 12, 15, 17, 0)) == date(2025, 12, 16)  # naive = UTC
    assert is_on_time(utc(2025, 12, 15, 16, 59, 59), date(2025, 12, 15))
    assert not is_on_time(utc(2025, 12, 15, 17), date(2025, 12, 15))
    assert is_on_time(utc(2030, 1, 1), None)


def test_no_files_of_its_own_yet_a_unit_still_has_a_row(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "f.sqlite")
    try:
        initialise(database, Role.FOCAL_POINT)
        grid = completeness(database, [2025])
        assert all(not r.cells[0].received for r in grid.rows)
    finally:
        database.close()
