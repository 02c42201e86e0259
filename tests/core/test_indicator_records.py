"""The Indicators page's read (`indicator_records`: plain tuples through the driver, a
chunk at a time) gives the rows of `list_indicators`, in the same order, on both engines:
indicators of activities and of tasks, with and without a result or a due date."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.progress import drive
from desktop_app.core.services import demo
from desktop_app.core.services.overview import (
    IndicatorRow,
    count_indicators,
    indicator_records,
    list_indicators,
)
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from tests import pg

YEAR = 2025  # the 2019 plan is in force: its tasks' own indicators are listed too

# Two task indicators of the plan in force (no activity), one with a result this period
# and one with a result only in the other period (which must not show). Ids given: the
# demo gives its own, which a server's sequences do not follow.
_INDICATOR = """INSERT INTO indicator (id, uuid, agency_id, activity_id, task_id, name, unit,
                                      baseline, target, due_date)
    SELECT (SELECT max(id) + 1 FROM indicator), 'task-ind-' || t.code,
           (SELECT min(id) FROM agency), NULL, t.id, 'Tỷ lệ văn bản ' || t.code, 'phần trăm',
           NULL, 75.5, NULL
    FROM task t JOIN plan p ON p.id = t.plan_id
    WHERE p.code = 'QD1252-2019' AND t.code = '{code}'"""
_RESULT = """INSERT INTO result (id, uuid, indicator_id, period_id, value, note)
    SELECT (SELECT coalesce(max(id), 0) + 1 FROM result), 'task-res-' || i.id || '-{year}',
           i.id, (SELECT id FROM period WHERE year = :{year}), {value}, '{note}'
    FROM indicator i WHERE i.uuid = 'task-ind-{code}'"""
_TASK_INDICATORS = (
    _INDICATOR.format(code="QD1252-T01"), _INDICATOR.format(code="QD1252-T02"),
    _RESULT.format(code="QD1252-T01", year="year", value=80.0, note="Ghi chú  kết quả"),
    _RESULT.format(code="QD1252-T02", year="other", value=1.0, note=""),
)


def _records(db: Database, year: int, chunk: int) -> list[IndicatorRow]:
    return [IndicatorRow(*record) for piece in indicator_records(db, year, chunk=chunk)
            for record in piece]


def _same_rows(db: Database) -> list[IndicatorRow]:
    expected = list_indicators(db, YEAR)
    for chunk in (1, 7, 5000):
        assert _records(db, YEAR, chunk) == expected
    total = len(expected)
    for up_to in (1, 5, total - 1, total, total + 1, 10**6):
        assert count_indicators(db, YEAR, up_to=up_to) == min(total, up_to)
    return expected


def test_the_records_are_the_rows_of_list_indicators_on_each_engine(focal_where: str) -> None:
    db = pg.open_location(focal_where, create=False)
    try:
        drive(demo.fill_demo(db, activities=80, seed=3, period=YEAR - 1))
        drive(demo.fill_demo(db, activities=120, seed=7, period=YEAR))
    finally:
        db.close()
    pg.execute(focal_where, *_TASK_INDICATORS, year=YEAR, other=YEAR - 1)
    db = pg.open_location(focal_where, create=False)
    try:
        rows = _same_rows(db)
        assert len(rows) > 100
        of_tasks = [r for r in rows if r.activity_uuid is None]
        assert {(r.task_code, r.result, r.note, r.activity_title) for r in of_tasks} == {
            ("QD1252-T01", 80.0, "Ghi chú  kết quả", ""), ("QD1252-T02", None, "", "")}
        assert any(r.result is None for r in rows) and any(r.on_track for r in rows)
        assert any(r.due_date is not None for r in rows)
        assert _records(db, YEAR - 1, 50) == list_indicators(db, YEAR - 1)
        # the task indicators are counted after the activities' (a limit across both)
        of_activities = len(rows) - len(of_tasks)
        assert count_indicators(db, YEAR, up_to=of_activities + 1) == of_activities + 1
    finally:
        db.close()


def test_an_agency_reads_its_own_rows(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "agency.sqlite")
    try:
        initialise(db, Role.AGENCY, "VLG")
        drive(demo.fill_demo(db, activities=60, seed=2, period=YEAR))
        assert len(_same_rows(db)) > 30
        with pytest.raises(Exception) as raised:
            list(indicator_records(db, 1990))
        with pytest.raises(type(raised.value)):  # the same refusal as list_indicators
            list_indicators(db, 1990)
    finally:
        db.close()


def test_a_record_holds_the_fields_of_a_row_in_order() -> None:
    row = IndicatorRow("u", "n", "đv", None, 1.0, 2.0, "", None, None, "", "T")
    record = tuple(getattr(row, f.name) for f in fields(IndicatorRow))
    assert IndicatorRow(*record) == row
