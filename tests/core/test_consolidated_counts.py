"""The consolidated views counted by the database (issue 11) say what the Python count
said (tests/core/consolidated_before.py): on a focal-point demo database changed in
ways Hypothesis draws — submissions superseded and not, activities and indicators made
here, indicators of a task alone (of this period, of another, without a result, of no
task), results removed or equal to their target, recommendations retired, activities
moved to another period — on both engines; and the national report built on them."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.domain.enums import Role
from desktop_app.core.progress import drive
from desktop_app.core.services import demo
from desktop_app.core.services.assessments import assess
from desktop_app.core.services.consolidated import (
    activities_for_recommendation,
    areas_and_tasks,
    by_recommendation,
    views_in,
)
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from tests import pg
from tests.core import consolidated_before as before

YEAR = 2025


def _fill(location: str) -> None:
    database = pg.open_location(location)
    initialise(database, Role.FOCAL_POINT)
    drive(demo.fill_demo(database, activities=250, seed=11, period=YEAR))
    drive(demo.fill_demo(database, activities=60, seed=12, period=YEAR))
    drive(demo.fill_demo(database, activities=40, seed=13, period=YEAR - 1))
    code = next(r.code for r in by_recommendation(database, YEAR) if r.activities)
    assess(database, code, "partially", "Một phần.", YEAR)
    database.close()


@pytest.fixture(scope="module", params=pg.ENGINES)
def template(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("counts") / "focal.sqlite"
        _fill(str(path))
        return str(path)
    return pg.cluster_or_skip().template_of("consolidated_counts", _fill)


def _nth(table: str) -> str:
    return f"(select id from {table} order by id limit 1 offset :k)"


OTHER_PERIOD = f"(select id from period where year = {YEAR - 1})"

# Each change: the table whose rows :k numbers (modulo their count), then its statements.
CHANGES = {
    "supersede": ("submission", f"update submission set superseded = true where id = "
                                f"{_nth('submission')}"),
    "revive": ("submission", f"update submission set superseded = false where id = "
                             f"{_nth('submission')}"),
    "activity made here": ("activity", f"update activity set submission_id = null where id = "
                                       f"{_nth('activity')}"),
    "activity of another period": (
        "activity", f"update activity set period_id = {OTHER_PERIOD} where id = "
                    f"{_nth('activity')}"),
    "indicator made here": ("indicator", f"update indicator set submission_id = null "
                                         f"where id = {_nth('indicator')}"),
    "indicator of its task": (
        "indicator", "update indicator set task_id = coalesce(task_id, (select a.task_id "
                     "from activity a where a.id = indicator.activity_id)), activity_id = null"
                     f" where id = {_nth('indicator')}"),
    "indicator of no task": ("indicator", "update indicator set task_id = null, "
                                          f"activity_id = null where id = {_nth('indicator')}"),
    "indicator of another period's submission": (
        "indicator", "update indicator set activity_id = null, task_id = coalesce(task_id, 1),"
                     f" submission_id = (select id from submission where period_id = "
                     f"{OTHER_PERIOD} order by id limit 1) where id = {_nth('indicator')}"),
    "a task's indicator made here, with no result": (
        "indicator", "update indicator set task_id = coalesce(task_id, 1), activity_id = null,"
                     f" submission_id = null where id = {_nth('indicator')}",
        f"delete from result where indicator_id = {_nth('indicator')}"),
    "a task's indicator made here, with a result": (
        "result", "update indicator set task_id = coalesce(task_id, 1), activity_id = null,"
                     " submission_id = null where id = (select indicator_id from result "
                     "order by id limit 1 offset :k)"),
    "result removed": ("result", f"delete from result where id = {_nth('result')}"),
    "result on target": ("result", "update result set value = (select target from "
                                   "indicator where indicator.id = result.indicator_id) "
                                   f"where id = {_nth('result')}"),
    "result below target": ("result", "update result set value = (select target - 1 from "
                                      "indicator where indicator.id = result.indicator_id) "
                                      f"where id = {_nth('result')}"),
    "recommendation retired": ("recommendation", "update recommendation set retired = true "
                                                 f"where id = {_nth('recommendation')}"),
}

changes = st.lists(st.tuples(st.sampled_from(sorted(CHANGES)), st.integers(0, 10_000)),
                   max_size=25)


def _apply(location: str, drawn: list[tuple[str, int]]) -> None:
    for name, k in drawn:
        table, *statements = CHANGES[name]
        rows = int(pg.rows(location, f"select count(*) from {table}")[0][0])
        if rows:
            pg.execute(location, *statements, k=k % rows)


def _copy(template: str, folder: Path) -> str:
    if "/" not in template:
        return pg.cluster_or_skip().fresh_database(template=template)
    where = str(folder / f"focal-{uuid.uuid4().hex}.sqlite")  # one per example
    shutil.copyfile(template, where)
    return where


def _same_views(db: Database) -> None:
    with db.reading() as session:
        counted = views_in(session, YEAR)
        assert counted.recommendations == before.by_recommendation_in(session, YEAR)
        assert counted.tasks == before.by_task_in(session, YEAR)
        assert counted.areas == before.by_area_in(session, YEAR)
        linked = [r.code for r in counted.recommendations if r.activities]
        expected = {code: before.activities_for_recommendation_in(session, YEAR, code)
                    for code in linked[:3] + linked[-2:]}
    assert areas_and_tasks(db, YEAR) == (counted.areas, counted.tasks)
    for code, activities in expected.items():
        assert activities_for_recommendation(db, YEAR, code) == activities
        for first in (1, 7, 60, len(activities), len(activities) + 5):
            assert activities_for_recommendation(db, YEAR, code, first=first) == \
                activities[:first]
        assert len(activities) == next(r.activities for r in counted.recommendations
                                       if r.code == code)


@pytest.fixture()
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("changed")


def test_the_demo_as_made_counts_the_same(template: str, tmp_path: Path) -> None:
    location = _copy(template, tmp_path)
    db = pg.open_location(location)
    try:
        with db.reading() as session:
            shown = views_in(session, YEAR)
        assert any(r.indicators.on_track for r in shown.recommendations)
        assert any(t.indicators.with_result for t in shown.tasks)
        _same_views(db)
    finally:
        db.close()


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(drawn=changes)
def test_the_database_counts_as_python_counted(template: str, folder: Path,
                                               drawn: list[tuple[str, int]]) -> None:
    location = _copy(template, folder)
    _apply(location, drawn)
    db = pg.open_location(location)
    try:
        _same_views(db)
    finally:
        db.close()


def test_every_kind_of_change_at_once(template: str, tmp_path: Path) -> None:
    location = _copy(template, tmp_path)
    _apply(location, [(name, 7 * i + 3) for i, name in enumerate(sorted(CHANGES))] * 3)
    db = pg.open_location(location)
    try:
        _same_views(db)
    finally:
        db.close()
