"""The activities list as the window reads it (`activity_rows`), on SQLite and PostgreSQL.

The rows come from one select with correlated subqueries read through the driver's own
cursor, with repeated values shared: every field must still be what the ORM's objects
say, in id order, for an agency's database and for a focal point's (everyone's rows).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Generator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.pool import QueuePool
from sqlmodel import col, select

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import (
    Activity,
    ActivityRecommendation,
    Area,
    Indicator,
    Period,
    Recommendation,
    Result,
    Task,
)
from desktop_app.core.progress import drive
from desktop_app.core.services import activities as svc
from desktop_app.core.services import activity_listing as svc_listing
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.location import ServerLocation

YEAR = 2026


def _expected(db: Database, with_search_text: bool) -> list[svc.ActivityRow]:
    """The rows worked out from ORM objects, one query per thing: slow and plain."""
    with db.reading() as session:
        period = session.exec(select(Period).where(col(Period.year) == YEAR)).one()
        rows = []
        for a in session.exec(select(Activity).where(col(Activity.period_id) == period.id)
                              .order_by(col(Activity.id))):
            task = session.get(Task, a.task_id)
            assert task is not None
            area = session.get(Area, task.area_id)
            codes = sorted(session.exec(
                select(Recommendation.code).join(
                    ActivityRecommendation,
                    col(ActivityRecommendation.recommendation_id) == Recommendation.id)
                .where(col(ActivityRecommendation.activity_id) == a.id)))
            indicators = session.exec(
                select(Indicator).where(col(Indicator.activity_id) == a.id)).all()
            results = [r for i in indicators for r in session.exec(select(Result).where(
                col(Result.indicator_id) == i.id, col(Result.period_id) == period.id))]
            rows.append(svc.ActivityRow(
                a.uuid, a.title, task.code, task.title_vi, task.title_en,
                area.code if area else "", a.type, a.status, a.start_date, a.end_date,
                a.budget_vnd, tuple(codes), len(indicators), len(results),
                a.search_text if with_search_text else ""))
        return rows


def _check(db: Database) -> None:
    for with_search_text in (False, True):
        rows = [row for chunk in svc.activity_rows(db, YEAR, chunk=7,
                                                   with_search_text=with_search_text)
                for row in chunk]
        expected = _expected(db, with_search_text)
        assert len(rows) == len(expected) > 20
        for got, wanted in zip(rows, expected, strict=True):
            assert dataclasses.asdict(got) == dataclasses.asdict(wanted)
            assert got == wanted and type(got) is svc.ActivityRow
        assert any(r.recommendation_codes for r in rows)
        assert any(len(r.recommendation_codes) > 1 for r in rows)
        assert any(r.results for r in rows) and any(r.indicators > r.results for r in rows)
        assert any(r.start_date is None for r in rows) or all(r.start_date for r in rows)
        with pytest.raises(dataclasses.FrozenInstanceError):
            rows[0].title = "x"  # type: ignore[misc]
    assert svc.list_activities(db, YEAR) == _expected(db, True)


def test_an_agency_lists_its_rows_as_the_orm_sees_them(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "agency.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(fill_demo(db, activities=40, seed=3, period=YEAR))
    _check(db)
    db.close()


def test_the_focal_point_lists_everyones_rows_on_each_engine(focal_where: str) -> None:
    location = (ServerLocation(focal_where) if "://" in focal_where else Path(focal_where))
    db = Database.open(location)
    drive(fill_demo(db, activities=30, seed=2, period=YEAR))
    _check(db)
    db.close()


def test_a_read_stopped_halfway_ends_its_transaction(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "agency.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(fill_demo(db, activities=40, seed=3, period=YEAR))
    pool = db.engine.pool
    assert isinstance(pool, QueuePool)
    pieces = svc.activity_rows(db, YEAR, chunk=3)
    assert isinstance(pieces, Generator)
    assert len(next(pieces)) == 3
    assert pool.checkedout() == 1
    pieces.close()  # what the window's reader does when a newer read replaces it
    assert pool.checkedout() == 0
    db.close()


def test_a_period_without_activities_lists_none(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "agency.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    assert svc.list_activities(db, YEAR) == []
    db.close()


def _check_records(db: Database) -> None:
    """The records a long list reads (no facts), with the facts read apart, by block or
    all at once, are the records read whole, and the rows of both are the ORM's."""
    whole = [r for chunk in svc_listing.activity_records(db, YEAR, chunk=7) for r in chunk]
    bare = [r for chunk in svc_listing.activity_records(db, YEAR, chunk=7, with_facts=False)
            for r in chunk]
    assert len(whole) == len(bare) > 20
    # read in one pass over the table (a list that holds most of it) or through the
    # index on (agency, period): the same records
    for listed in (0, len(bare), 10**9):
        assert [r for chunk in svc_listing.activity_records(
            db, YEAR, chunk=7, with_facts=False, listed=listed) for r in chunk] == bare
    assert all(svc_listing.has_facts(r) for r in whole)
    assert not any(svc_listing.has_facts(r) for r in bare)
    assert [r[svc_listing.FACTS] for r in bare] == [svc_listing.NOT_READ] * len(bare)
    assert svc_listing.NOT_READ == (None,) * 6
    # what the lazy records keep is the whole records' but for the facts
    assert [r[:svc_listing.START_DATE] + r[svc_listing.RESULTS + 1:] for r in bare] == [
        r[:svc_listing.START_DATE] + r[svc_listing.RESULTS + 1:] for r in whole]
    assert any(r[svc_listing.START_DATE] is not None for r in whole)
    every = svc_listing.activity_facts(db, YEAR)
    some = svc_listing.activity_facts(db, YEAR, [r[svc_listing.UUID] for r in bare[3:11]])
    assert set(some) == {r[svc_listing.UUID] for r in bare[3:11]}
    assert all(every[uuid] == facts for uuid, facts in some.items())
    assert [svc_listing.with_facts(r, every[r[svc_listing.UUID]]) for r in bare] == whole
    assert [svc_listing.row_of(r) for r in whole] == _expected(db, False)
    assert all(svc_listing.record_of(svc_listing.row_of(r)) == r for r in whole)
    assert svc_listing.activity_facts(db, YEAR, ["no-such-uuid"]) == {}


def test_an_agencys_records_read_without_facts_and_the_facts_apart_agree(
        tmp_path: Path) -> None:
    db = Database.open(tmp_path / "agency.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(fill_demo(db, activities=40, seed=3, period=YEAR))
    _check_records(db)
    db.close()


def test_the_focal_points_records_without_facts_agree_on_each_engine(focal_where: str) -> None:
    location = (ServerLocation(focal_where) if "://" in focal_where else Path(focal_where))
    db = Database.open(location)
    drive(fill_demo(db, activities=30, seed=2, period=YEAR))
    _check_records(db)
    db.close()


def test_a_records_places_are_the_fields_of_an_activity_row() -> None:
    names = [f.name for f in dataclasses.fields(svc.ActivityRow)]
    assert [names.index(n) for n in names] == [
        getattr(svc_listing, n.upper()) for n in names]
    assert names[svc_listing.FACTS] == ["start_date", "end_date", "budget_vnd",
                                        "recommendation_codes", "indicators", "results"]



def _check_among_other_periods(db: Database) -> None:
    """The period's rows, listed among those of other periods written before, between
    and after them (the select finds them through the index on agency and period, then
    reads them by id), are the ORM's, in id order."""
    for year, seed in ((YEAR - 1, 5), (YEAR, 3), (YEAR + 1, 4), (YEAR, 6)):
        drive(fill_demo(db, activities=15, seed=seed, period=year))
    with db.reading() as session:
        others = session.exec(select(Activity.id).join(
            Period, col(Period.id) == Activity.period_id).where(col(Period.year) != YEAR)).all()
    assert len(others) >= 30
    _check(db)
    _check_records(db)


def test_an_agency_lists_the_periods_rows_among_other_periods(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "agency.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    _check_among_other_periods(db)
    db.close()


def test_the_focal_point_lists_the_periods_rows_among_other_periods(focal_where: str) -> None:
    db = Database.open(ServerLocation(focal_where) if "://" in focal_where
                       else Path(focal_where))
    _check_among_other_periods(db)
    db.close()


def _plan(db: Database, agency_id: int | None) -> str:
    """SQLite's plan for the big list's read (without facts)."""
    with db.reading() as session:
        period = session.exec(select(Period).where(col(Period.year) == YEAR)).one()
        query = svc_listing._listing_query(period.id or 0, agency_id, False, False,
                                           title_bytes=True)
        compiled = query.compile(session.connection())
        raw = session.connection().connection.driver_connection
        assert raw is not None
        params = [compiled.params[name] for name in compiled.positiontup or ()]
        return " / ".join(row[3] for row in raw.execute(
            f"EXPLAIN QUERY PLAN {compiled}", params))


def test_a_big_lists_read_is_the_covering_index_alone_in_id_order(tmp_path: Path) -> None:
    """The page's read at open (uuid, title, task, type, status) comes from
    ix_activity_listing alone, already in id order: no table row read, no sort (0.21-0.30
    s of CPU against 0.08-0.15 s at 100,000 rows); for an agency and for everyone's."""
    db = Database.open(tmp_path / "agency.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(fill_demo(db, activities=20, seed=3, period=YEAR))
    with db.reading() as session:
        agency_id = svc_listing.listing_agency(session)
    for agency in (agency_id, None):
        plan = _plan(db, agency)
        assert "COVERING INDEX ix_activity_listing" in plan, plan
        assert "TEMP B-TREE" not in plan, plan
    db.close()


@pytest.fixture(scope="module")
def titled_db(tmp_path_factory: pytest.TempPathFactory) -> Generator[Database]:
    """One small agency database for every example (Hypothesis runs the test many times)."""
    db = Database.open(tmp_path_factory.mktemp("titles") / "agency.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(fill_demo(db, activities=25, seed=4, period=YEAR))
    yield db
    db.close()


@settings(max_examples=12, deadline=None)
@given(titles=st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1,
                                max_size=60), min_size=12, max_size=12))
def test_titles_read_as_bytes_are_the_titles_stored(titled_db: Database,
                                                     titles: list[str]) -> None:
    """Any title (Vietnamese, combining marks, emoji, control characters) read as its
    UTF-8 bytes and decoded once per distinct title is the title the ORM reads; the lazy
    records completed are the whole ones."""
    with titled_db.unit_of_work() as session:
        rows = session.exec(select(Activity).order_by(col(Activity.id))).all()
        for row, title in zip(rows, titles + titles[:3], strict=False):  # some repeat
            row.title = title
            session.add(row)
    _check_records(titled_db)
