"""The overview of a period: counts, what is missing, days left, follow-up first."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, select

from desktop_app.core.domain.enums import ActivityStatus, Role
from desktop_app.core.domain.models import Recommendation
from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft
from desktop_app.core.problems import UsageError
from desktop_app.core.progress import drive
from desktop_app.core.services import activities as svc
from desktop_app.core.services import demo
from desktop_app.core.services.consolidated import ordered_recommendations
from desktop_app.core.services.overview import (
    days_between,
    list_indicators,
    list_recommendations,
    natural_key,
    overview,
)
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

YEAR = 2025  # the 2019 plan (QD1252) is in force; the 2025 plan starts in 2026


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "agency.sqlite")
    initialise(database, Role.AGENCY, "VLG")
    yield database
    database.close()


@pytest.fixture()
def demo_db(db: Database) -> Database:
    drive(demo.fill_demo(db, activities=120, seed=1, period=YEAR))
    drive(demo.fill_demo(db, activities=30, seed=2, period=YEAR - 1))  # must not be counted
    return db


def _sql(db: Database, query: str, *params: object) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db.path)) as conn:
        return list(conn.execute(query, params))


def _draft(task_code: str, title: str, *indicators: IndicatorDraft,
           status: str = "in_progress", recs: tuple[str, ...] = ()) -> ActivityDraft:
    return ActivityDraft(title=title, task_code=task_code, type="training", status=status,
                         recommendation_codes=list(recs), indicators=list(indicators))


def test_counts_match_the_database(demo_db: Database) -> None:
    o = overview(demo_db, YEAR, today=date(YEAR, 6, 1))
    period_id = _sql(demo_db, "select id from period where year = ?", YEAR)[0][0]

    by_status = dict(_sql(demo_db, "select status, count(*) from activity where period_id = ? "
                                   "group by status", period_id))
    for status in ActivityStatus:
        assert o.activities.of(status.value) == by_status.get(status.value, 0)
    assert o.activities.total == 120

    per_area = dict(_sql(demo_db, """
        select area.code, count(*) from activity join task on task.id = activity.task_id
        join area on area.id = task.area_id where activity.period_id = ? group by area.code""",
        period_id))
    assert {a.code: a.activities.total for a in o.by_area if a.activities.total} == per_area
    per_task = dict(_sql(demo_db, """
        select task.code, count(*) from activity join task on task.id = activity.task_id
        where activity.period_id = ? group by task.code""", period_id))
    assert {t.code: t.activities.total for t in o.by_task if t.activities.total} == per_task

    (total, with_result, on_track), = _sql(demo_db, """
        select count(*), count(result.id), coalesce(sum(result.value >= indicator.target), 0)
        from indicator join activity on activity.id = indicator.activity_id
        left join result on result.indicator_id = indicator.id and result.period_id = ?
        where activity.period_id = ?""", period_id, period_id)
    assert (o.indicators.total, o.indicators.with_result, o.indicators.on_track) == (
        total, with_result, on_track)
    assert sum(a.indicators.total for a in o.by_area) == total
    assert sum(a.indicators.on_track for a in o.by_area) == on_track
    assert len(o.missing_results) == o.missing_results_count == total - with_result
    assert len(list_indicators(demo_db, YEAR)) == total

    links = dict(_sql(demo_db, """
        select recommendation.code, count(distinct activity.id) from activityrecommendation ar
        join activity on activity.id = ar.activity_id
        join recommendation on recommendation.id = ar.recommendation_id
        where activity.period_id = ? group by recommendation.code""", period_id))
    assert {r.code: r.activities for r in o.recommendations if r.activities} == links


def test_a_long_missing_list_is_cut_but_counted_in_full(
        demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = overview(demo_db, YEAR, today=date(YEAR, 6, 1))
    assert whole.missing_results_count > 3
    monkeypatch.setattr("desktop_app.core.services.overview.MISSING_RESULTS_LISTED", 3)
    cut = overview(demo_db, YEAR, today=date(YEAR, 6, 1))
    assert cut.missing_results == whole.missing_results[:3]
    assert cut.missing_results_count == whole.missing_results_count


def test_plan_in_force_and_tasks_of_the_agency_kind(db: Database) -> None:
    o = overview(db, YEAR, today=date(YEAR, 1, 1))
    assert o.plan_code == "QD1252-2019"
    assert [a.code for a in o.by_area] == [f"QD1252-A{n}" for n in (1, 2, 3, 4)]
    # VLG is a province: tasks for ministries only are not expected of it
    codes = [t.code for t in o.by_task]
    assert "QD1252-T04" in codes and "QD1252-T01" not in codes
    assert all(t.activities.total == 0 for t in o.by_task)  # tasks with no activity listed
    assert {m.code for m in o.missing_tasks} == set(codes)
    assert overview(db, 2026, today=date(2026, 1, 1)).plan_code == "QD2715-2025"


def test_task_without_activity_and_indicator_without_result_are_missing(db: Database) -> None:
    svc.save_activity(db, _draft(
        "QD1252-T04", "Hội nghị tập huấn về quyền dân sự",
        IndicatorDraft(name="Số người được tập huấn", unit="người", target=100.0, result=120.0),
        IndicatorDraft(name="Số tài liệu phát hành", unit="bản", target=50.0),
        IndicatorDraft(name="Số xã tham gia", unit="xã", target=10.0, result=4.0),
    ), YEAR)
    o = overview(db, YEAR, today=date(YEAR, 12, 1))
    missing = {m.code for m in o.missing_tasks}
    assert "QD1252-T04" not in missing and "QD1252-T05" in missing
    assert [(r.name, r.activity_title) for r in o.missing_results] == [
        ("Số tài liệu phát hành", "Hội nghị tập huấn về quyền dân sự")]
    t04 = next(t for t in o.by_task if t.code == "QD1252-T04")
    assert (t04.indicators.total, t04.indicators.with_result, t04.indicators.on_track) == (3, 2, 1)
    assert t04.activities.of("in_progress") == 1
    a2 = next(a for a in o.by_area if a.code == "QD1252-A2")
    assert a2.activities.total == 1 and a2.indicators.on_track == 1
    rows = {r.name: r for r in list_indicators(db, YEAR)}
    assert rows["Số người được tập huấn"].on_track is True
    assert rows["Số xã tham gia"].on_track is False
    assert rows["Số tài liệu phát hành"].on_track is None


def test_days_left_and_overdue(db: Database) -> None:
    assert overview(db, YEAR, today=date(YEAR, 12, 1)).due_date == date(YEAR, 12, 15)
    assert overview(db, YEAR, today=date(YEAR, 12, 1)).days_left == 14
    assert overview(db, YEAR, today=date(YEAR, 12, 15)).days_left == 0
    assert overview(db, YEAR, today=date(YEAR + 1, 1, 4)).days_left == -20
    assert days_between(None, date(YEAR, 1, 1)) is None


def test_unknown_period_is_a_usage_error(db: Database) -> None:
    with pytest.raises(UsageError):
        overview(db, 1990)


def test_follow_up_recommendations_first(db: Database) -> None:
    catalog = list_recommendations(db)
    follow_up_code = next(r.code for r in catalog if r.follow_up)
    other_code, unlinked_code = [r.code for r in catalog if not r.follow_up][:2]
    svc.save_activity(db, _draft("QD1252-T04", "Tọa đàm",
                                 recs=(other_code, follow_up_code)), YEAR)
    o = overview(db, YEAR, today=date(YEAR, 6, 1))
    flags = [r.follow_up for r in o.recommendations]
    assert any(flags) and flags == sorted(flags, reverse=True)
    counts = {r.code: r.activities for r in o.recommendations}
    assert counts[follow_up_code] == 1 and counts[other_code] == 1
    assert counts[unlinked_code] == 0
    co3 = [r.paragraph for r in catalog if r.source_code == "CCPR-CO3" and not r.follow_up]
    assert co3 == sorted(co3, key=lambda p: natural_key(p or ""))  # 6, 8, 12 … as printed


def test_the_cycle_in_force_comes_before_the_closed_one(db: Database) -> None:
    """2026: Decision 2715 implements CO/4 (a few of its tasks still name CO/3), so CO/4's
    recommendations lead and CO/3's follow-up items, still starred, come after them."""
    source = {r.code: r.source_code for r in list_recommendations(db)}
    later = overview(db, 2026, today=date(2026, 6, 1)).recommendations
    order = [source[r.code] for r in later]
    assert order[0] == "CCPR-CO4"
    co3 = [i for i, code in enumerate(order) if code == "CCPR-CO3"]
    assert co3 and min(co3) > max(i for i, code in enumerate(order) if code == "CCPR-CO4")
    assert min(co3) > max(i for i, code in enumerate(order) if code == "UPR4")
    starred = [r.code for r in later if r.follow_up]
    assert {"CO3-DEATHPEN", "CO3-EXPRESSION", "CO3-HRD"} <= set(starred)
    assert [r.code for r in later if source[r.code] == "CCPR-CO3"][:len(starred)] == starred
    # 2025: the 2019 plan implements CO/3, whose follow-up items still come first
    earlier = overview(db, YEAR, today=date(YEAR, 6, 1)).recommendations
    assert earlier[0].follow_up and source[earlier[0].code] == "CCPR-CO3"
    assert {source[r.code] for r in earlier[:5]} == {"CCPR-CO3"}
    assert source[earlier[-1].code] in {"CCPR-CO4", "UPR4"}
    with db.reading() as session:  # the consolidated and assessment lists share the order
        assert [r.code for r in ordered_recommendations(
            session, session.exec(select(Recommendation).where(
                col(Recommendation.retired).is_(False))), 2026)] == [r.code for r in later]


def test_list_recommendations_for_the_browser(db: Database) -> None:
    rows = list_recommendations(db)
    assert rows[0].follow_up
    death = next(r for r in rows if r.source_symbol == "CCPR/C/VNM/CO/3"
                 and r.paragraph == "24")
    assert "tử hình" in death.text_vi and death.follow_up and "16.3" in death.sdg_targets
    assert any(r.illustrative for r in rows) and any(r.verified for r in rows)


def test_focal_point_counts_every_agency(tmp_path: Path) -> None:
    fp = Database.open(tmp_path / "fp.sqlite")
    try:
        initialise(fp, Role.FOCAL_POINT)
        drive(demo.fill_demo(fp, activities=60, seed=3, period=YEAR))
        o = overview(fp, YEAR, today=date(YEAR, 6, 1))
        assert o.activities.total == 60
        assert {t.code for t in o.by_task if t.expected} >= {"QD1252-T01", "QD1252-T04"}
    finally:
        fp.close()


def test_natural_key_orders_paragraph_numbers() -> None:
    assert sorted(["CO3-P12", "CO3-P8", "CO3-P6"], key=natural_key) == [
        "CO3-P6", "CO3-P8", "CO3-P12"]


# --- the counts through the covering indexes (migration 0011), on both engines ---------

_PLAIN_ACTIVITY_INDICATORS = """
    SELECT t.code, count(*),
           sum(CASE WHEN EXISTS (SELECT 1 FROM result r WHERE r.indicator_id = i.id
                                 AND r.period_id = a.period_id) THEN 1 ELSE 0 END),
           sum(CASE WHEN EXISTS (SELECT 1 FROM result r WHERE r.indicator_id = i.id
                                 AND r.period_id = a.period_id AND r.value >= i.target)
                    THEN 1 ELSE 0 END)
    FROM indicator i JOIN activity a ON a.id = i.activity_id JOIN task t ON t.id = a.task_id
    WHERE a.period_id = :period GROUP BY t.code"""
_PLAIN_TASK_INDICATORS = """
    SELECT t.code, count(*),
           sum(CASE WHEN EXISTS (SELECT 1 FROM result r WHERE r.indicator_id = i.id
                                 AND r.period_id = :period) THEN 1 ELSE 0 END),
           sum(CASE WHEN EXISTS (SELECT 1 FROM result r WHERE r.indicator_id = i.id
                                 AND r.period_id = :period AND r.value >= i.target)
                    THEN 1 ELSE 0 END)
    FROM indicator i JOIN task t ON t.id = i.task_id JOIN plan p ON p.id = t.plan_id
    WHERE i.activity_id IS NULL AND p.code = :plan GROUP BY t.code"""
_PLAIN_LINKS = """
    SELECT rec.code, count(DISTINCT a.id) FROM activityrecommendation ar
    JOIN activity a ON a.id = ar.activity_id
    JOIN recommendation rec ON rec.id = ar.recommendation_id
    WHERE a.period_id = :period GROUP BY rec.code"""


def test_the_counts_equal_plain_counts_on_each_engine(focal_where: str) -> None:
    """The indicator counts read from the covering indexes (with ``+r.period_id``) and
    the links counted with count(*) equal counts written the plain way, on demo data of
    two periods with results in the other period too (they must not count)."""
    from tests import pg

    db = pg.open_location(focal_where, create=False)
    try:
        drive(demo.fill_demo(db, activities=90, seed=4, period=YEAR - 1))
        drive(demo.fill_demo(db, activities=150, seed=5, period=YEAR))
    finally:
        db.close()
    (period,), = pg.rows(focal_where, "SELECT id FROM period WHERE year = :y", y=YEAR)
    (other,), = pg.rows(focal_where, "SELECT id FROM period WHERE year = :y", y=YEAR - 1)
    # results in the other period for a third of this period's indicators, above target
    pg.execute(focal_where, """
        INSERT INTO result (uuid, indicator_id, period_id, value, note)
        SELECT 'other-' || i.id, i.id, :other, i.target + 1, '' FROM indicator i
        JOIN activity a ON a.id = i.activity_id
        WHERE a.period_id = :period AND i.id % 3 = 0 AND NOT EXISTS (
            SELECT 1 FROM result r WHERE r.indicator_id = i.id AND r.period_id = :other)""",
               period=period, other=other)
    db = pg.open_location(focal_where, create=False)
    try:
        o = overview(db, YEAR, today=date(YEAR, 6, 1))
    finally:
        db.close()

    expected: dict[str, tuple[int, int, int]] = {}
    for query in (_PLAIN_ACTIVITY_INDICATORS, _PLAIN_TASK_INDICATORS):
        for code, total, with_result, on_track in pg.rows(focal_where, query, period=period,
                                                          plan=o.plan_code):
            before = expected.get(str(code), (0, 0, 0))
            expected[str(code)] = (before[0] + int(str(total)),
                                   before[1] + int(str(with_result)),
                                   before[2] + int(str(on_track)))
    got = {t.code: (t.indicators.total, t.indicators.with_result, t.indicators.on_track)
           for t in o.by_task if t.indicators.total}
    assert got == expected and sum(total for total, _, _ in got.values()) > 100
    assert 0 < o.indicators.on_track < o.indicators.with_result < o.indicators.total
    links = {str(code): int(str(n)) for code, n in pg.rows(focal_where, _PLAIN_LINKS,
                                                          period=period)}
    assert {r.code: r.activities for r in o.recommendations if r.activities} == links
    assert sum(links.values()) > 150  # activities with several recommendations
