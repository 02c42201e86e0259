"""Consolidated views at the focal point, checked against direct SQL on a demo database,
on both engines."""

from __future__ import annotations

import shutil
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.text import collation_key
from desktop_app.core.problems import UsageError
from desktop_app.core.progress import drive
from desktop_app.core.services import demo
from desktop_app.core.services.assessments import assess
from desktop_app.core.services.consolidated import (
    activities_for_recommendation,
    areas_and_tasks,
    by_area,
    by_recommendation,
    by_task,
)
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from tests import pg

YEAR = 2025

CURRENT = """
    select a.id, a.agency_id, a.task_id, a.status from activity a
    left join submission s on s.id = a.submission_id
    join period p on p.id = a.period_id
    where p.year = ? and (a.submission_id is null or not s.superseded)
"""


def _fill(location: str) -> None:
    """A focal-point demo database: two rounds, so some submissions are superseded."""
    database = pg.open_location(location)
    initialise(database, Role.FOCAL_POINT)
    drive(demo.fill_demo(database, activities=400, seed=3, period=YEAR))
    drive(demo.fill_demo(database, activities=100, seed=4, period=YEAR))  # corrected versions
    drive(demo.fill_demo(database, activities=60, seed=5, period=YEAR - 1))  # not counted
    database.close()


@pytest.fixture(scope="module", params=pg.ENGINES)
def template(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo database once per engine: a file, or a server database to copy."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("consolidated") / "focal.sqlite"
        _fill(str(path))
        return str(path)
    return pg.cluster_or_skip().template_of("consolidated", _fill)


@pytest.fixture()
def db(template: str, tmp_path: Path) -> Iterator[Database]:
    if "/" not in template:  # the name of a server database
        where = pg.cluster_or_skip().fresh_database(template=template)
    else:
        where = str(tmp_path / "focal.sqlite")
        shutil.copyfile(template, where)
    database = pg.open_location(where)
    yield database
    database.close()


def _sql(db: Database, query: str, *params: object) -> list[tuple[object, ...]]:
    """query's rows on either engine; its ? marks take params in order."""
    parts = query.split("?")
    named = parts[0] + "".join(f":p{n}{part}" for n, part in enumerate(parts[1:]))
    return pg.rows(db.location, named, **{f"p{n}": v for n, v in enumerate(params)})


def _change(db: Database, query: str, *params: object) -> None:
    parts = query.split("?")
    named = parts[0] + "".join(f":p{n}{part}" for n, part in enumerate(parts[1:]))
    pg.execute(db.location, named, **{f"p{n}": v for n, v in enumerate(params)})


def _rollup(db: Database) -> dict[object, str]:
    """Agency id -> the code of the unit in force (the bundled catalog has one-step chains)."""
    rows = _sql(db, "select a.id, coalesce(s.code, a.code) from agency a "
                    "left join agency s on s.code = a.successor_code and not a.active")
    return {agency_id: str(code) for agency_id, code in rows}


def _current(db: Database) -> dict[object, tuple[object, object, object]]:
    return {row[0]: (row[1], row[2], row[3]) for row in _sql(db, CURRENT, YEAR)}


def _indicators(db: Database) -> dict[object, tuple[object, object, object]]:
    """Indicator id -> (activity id, target, result of YEAR) for current activities."""
    current = _current(db)
    rows = _sql(db, "select i.id, i.activity_id, i.target, r.value from indicator i "
                    "left join result r on r.indicator_id = i.id and r.period_id = "
                    "(select id from period where year = ?) where i.activity_id is not null",
                YEAR)
    return {i: (a, t, v) for i, a, t, v in rows if a in current}


def test_the_demo_made_superseded_submissions(db: Database) -> None:
    assert _sql(db, "select count(*) from submission where superseded")[0][0] > 0


def test_by_recommendation_matches_sql(db: Database) -> None:
    current = _current(db)
    rollup = _rollup(db)
    indicators = _indicators(db)
    links: dict[object, set[object]] = defaultdict(set)
    for activity_id, rec_code in _sql(db, "select ar.activity_id, r.code from "
                                          "activityrecommendation ar join recommendation r "
                                          "on r.id = ar.recommendation_id"):
        if activity_id in current:
            links[rec_code].add(activity_id)
    views = by_recommendation(db, YEAR)
    assert {v.code for v in views} >= {str(c) for c in links}
    assert sum(v.activities for v in views) == sum(len(s) for s in links.values())
    assert sum(v.activities for v in views) > 0
    for view in views:
        ids = links.get(view.code, set())
        assert view.activities == len(ids), view.code
        assert {a.code for a in view.agencies} == {rollup[current[i][0]] for i in ids}
        names = [collation_key(a.name_vi) for a in view.agencies]
        assert names == sorted(names)
        mine = [ind for ind in indicators.values() if ind[0] in ids]
        with_result = [ind for ind in mine if ind[2] is not None]
        assert view.indicators.total == len(mine)
        assert view.indicators.with_result == len(with_result)
        assert view.indicators.on_track == sum(
            1 for ind in with_result if float(str(ind[2])) >= float(str(ind[1])))
        assert view.assessment is None


def test_by_recommendation_order_and_assessment(db: Database) -> None:
    views = by_recommendation(db, YEAR)
    flags = [v.follow_up for v in views]
    assert flags == sorted(flags, reverse=True)  # follow-up ones first
    target = views[-1].code
    assess(db, target, "partially", "ghi chú", year=YEAR)
    assess(db, views[0].code, "not")  # not tied to a period: shown as a fallback
    again = {v.code: v for v in by_recommendation(db, YEAR)}
    assessed = again[target].assessment
    assert assessed is not None
    assert (assessed.year, assessed.implementation, assessed.note) == (
        YEAR, "partially", "ghi chú")
    fallback = again[views[0].code].assessment
    assert fallback is not None and (fallback.year, fallback.implementation) == (None, "not")


def test_activities_for_recommendation(db: Database) -> None:
    views = by_recommendation(db, YEAR)
    busiest = max(views, key=lambda v: v.activities)
    rows = activities_for_recommendation(db, YEAR, busiest.code)
    assert len(rows) == busiest.activities
    assert len({r.uuid for r in rows}) == len(rows)
    keys = [collation_key(r.rollup.name_vi) for r in rows]
    assert keys == sorted(keys)
    assert {r.rollup.code for r in rows} == {a.code for a in busiest.agencies}
    assert sum(r.indicators.total for r in rows) == busiest.indicators.total
    with pytest.raises(UsageError) as error:
        activities_for_recommendation(db, YEAR, "NO-SUCH-REC")
    assert error.value.problems[0].code == "code.unknown_recommendation"
    with pytest.raises(UsageError):
        by_recommendation(db, 1999)


def test_by_task_matches_sql(db: Database) -> None:
    current = _current(db)
    rollup = _rollup(db)
    statuses: dict[object, Counter[object]] = defaultdict(Counter)
    acting: dict[object, set[str]] = defaultdict(set)
    for agency_id, task_id, status in current.values():
        statuses[task_id][status] += 1
        acting[task_id].add(rollup[agency_id])
    codes = {task_id: code for task_id, code in _sql(db, "select id, code from task")}
    views = {v.code: v for v in by_task(db, YEAR)}
    assert sum(v.activities.total for v in views.values()) == len(current)
    for task_id, counted in statuses.items():
        view = views[str(codes[task_id])]
        assert {s: view.activities.of(str(s)) for s in counted} == dict(counted)
        assert view.agencies == len(acting[task_id])
    indicators = _indicators(db)
    assert sum(v.indicators.total for v in views.values()) == len(indicators)


def test_by_area_matches_sql(db: Database) -> None:
    current = _current(db)
    rollup = _rollup(db)
    area_of = {task_id: area for task_id, area in _sql(
        db, "select t.id, a.code from task t left join area a on a.id = t.area_id")}
    per_area: Counter[object] = Counter()
    acting: dict[object, set[str]] = defaultdict(set)
    for agency_id, task_id, _ in current.values():
        per_area[area_of[task_id]] += 1
        acting[area_of[task_id]].add(rollup[agency_id])
    views = {v.code: v for v in by_area(db, YEAR)}
    for area, count in per_area.items():
        if area is None:
            continue
        assert views[str(area)].activities.total == count
        assert views[str(area)].agencies == len(acting[area])
    assert sum(v.activities.total for v in views.values()) == sum(
        c for a, c in per_area.items() if a is not None)


def test_areas_and_tasks_read_together_are_the_two_views(db: Database) -> None:
    assert areas_and_tasks(db, YEAR) == (by_area(db, YEAR), by_task(db, YEAR))
    assert areas_and_tasks(db, YEAR)[1]  # the demo has tasks with work


def test_rows_of_a_superseded_submission_never_count(db: Database) -> None:
    before = sum(v.activities for v in by_recommendation(db, YEAR))
    total_before = sum(v.activities.total for v in by_task(db, YEAR))
    old = _sql(db, "select id from submission where superseded limit 1")[0][0]
    chosen = "".join(f", {i}" for (i,) in _sql(
        db, "select distinct a.id from activity a join activityrecommendation ar on "
        "ar.activity_id = a.id join period p on p.id = a.period_id where p.year = ? "
        "order by a.id limit 5", YEAR))[2:]
    _change(db, f"update activity set submission_id = ? where id in ({chosen})", old)
    moved = len(chosen.split(","))
    assert moved > 0
    assert sum(v.activities.total for v in by_task(db, YEAR)) == total_before - moved
    assert sum(v.activities for v in by_recommendation(db, YEAR)) < before


def test_a_former_province_rolls_up_but_keeps_its_name_per_activity(db: Database) -> None:
    hgg = _sql(db, "select id from agency where code = 'HGG'")[0][0]
    activity_id = _sql(
        db, "select a.id from activity a join activityrecommendation ar on ar.activity_id = "
        "a.id join period p on p.id = a.period_id where p.year = ? limit 1", YEAR)[0][0]
    _change(db, "update activity set agency_id = ? where id = ?", hgg, activity_id)
    rec = _sql(db, "select r.code from activityrecommendation ar join recommendation r "
                   "on r.id = ar.recommendation_id where ar.activity_id = ?", activity_id)[0][0]
    view = next(v for v in by_recommendation(db, YEAR) if v.code == rec)
    assert "TQG" in {a.code for a in view.agencies}
    assert "HGG" not in {a.code for a in view.agencies}
    row = next(r for r in activities_for_recommendation(db, YEAR, rec)
               if r.agency.code == "HGG")
    assert row.rollup.code == "TQG"
