"""The import's writer, rows built as tuples: an activity's search text made from parts
folded apart (the reader folds the title and description, the writer the task once) is
the text activity_search_text folds whole, on generated text and on imported files; and
the rows written hold every field of the file's records."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlmodel import select

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import (
    Activity,
    ActivityRecommendation,
    Indicator,
    Recommendation,
    Result,
    Task,
)
from desktop_app.core.domain.search import (
    activity_search_text,
    own_words,
    search_text_of,
    task_words,
)
from desktop_app.core.exchange.reading import SubmissionFile
from desktop_app.core.progress import drive
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.import_apply import (
    ACTIVITY,
    INDICATOR,
    _activity_columns,
    _iso_dates,
    _stores_iso_dates,
    result_uuid,
)
from desktop_app.core.services.import_plan import Write, row_rules
from desktop_app.core.services.import_reading import read_files
from desktop_app.core.services.import_rules import (
    EXPORT_LETTERS,
    CheckedSubmission,
    Locator,
    check_rows,
    checked_rows,
)
from desktop_app.core.services.import_state import catalog_of
from desktop_app.core.services.imports import run_import
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.submissions import export_xlsx
from desktop_app.core.storage.database import Database

YEAR = 2025

# Vietnamese letters precomposed and decomposed, stray combining marks, đ, Hangul jamo
# (they compose again once marks go), other scripts and every kind of whitespace.
_PIECES = st.sampled_from([
    "Ủy", "ban", "UỶ", "Thanh Hoá", "Thanh Ho\u0301a", "\u0301", "\u0323\u0302", "đ", "Đ",
    "quyền", "\u1100\u1161", "\u1100", "\u1161", "日本", "a", "Z", " ", "  ", "\t", "\n",
    "\u00a0", "\u2000", "\u3000", "-", "1.2.3", "", "ﬁ", "ǅ", "ẞ", "İ",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=8).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT, st.lists(_TEXT, min_size=3, max_size=3),
       st.lists(st.one_of(_TEXT, st.sampled_from(["HRC-22", "upr4.1", "CCPR/C/VNM/CO/3"])),
                max_size=4))
def test_folded_apart_and_joined_is_folded_whole(
        title: str, description: str, task: list[str], codes: list[str]) -> None:
    assert search_text_of(own_words(title, description), task_words(task), codes) == (
        activity_search_text(title, description, task, codes))


def _exported(folder: Path, activities: int, seed: int) -> Path:
    db = Database.open(folder / f"agency{seed}.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(fill_demo(db, activities=activities, seed=seed, period=YEAR))
    path = folder / f"submission{seed}.xlsx"
    drive(export_xlsx(db, YEAR, path))
    db.close()
    return path


def test_imported_activities_have_the_search_text_folded_whole(tmp_path: Path) -> None:
    files = [_exported(tmp_path, 40, 7)]
    focal = Database.open(tmp_path / "focal.sqlite")
    initialise(focal, Role.FOCAL_POINT)
    assert drive(run_import(focal, files)).accepted == 1
    with focal.reading() as session:
        codes: dict[int, list[str]] = {}
        for activity_id, code in session.exec(
                select(ActivityRecommendation.activity_id, Recommendation.code)
                .join(Recommendation,
                      Recommendation.id == ActivityRecommendation.recommendation_id)):
            codes.setdefault(activity_id, []).append(code)
        rows = session.exec(select(Activity, Task).join(Task, Task.id == Activity.task_id)).all()
        assert len(rows) == 40
        for activity, task in rows:
            assert activity.search_text == activity_search_text(
                activity.title, activity.description, (task.code, task.title_vi, task.title_en),
                codes.get(activity.id or 0, []))
    focal.close()


def _read_beside_a_catalog(folder: Path, activities: int, seed: int
                           ) -> tuple[SubmissionFile, Any]:
    """An exported file read in this process, and a new focal point's catalog."""
    path = _exported(folder, activities, seed)
    focal = Database.open(folder / "focal.sqlite")
    initialise(focal, Role.FOCAL_POINT)
    with focal.reading() as session:
        catalog = catalog_of(session)
    focal.close()
    (read,) = list(read_files([path], readers=0))
    assert isinstance(read, SubmissionFile)
    return read, catalog


def test_rows_are_the_same_with_or_without_the_readers_folded_words(tmp_path: Path) -> None:
    read, catalog = _read_beside_a_catalog(tmp_path, 25, 3)
    path = read.path
    data = read.data
    assert len(data.searched) == len(data.activities) == 25  # the reader folded them
    write = Write(1, 1, YEAR, 1, "u", "h", "d", datetime.now(UTC), data, (), False, False,
                  path.name)
    codes: dict[str, list[str]] = {}
    for link in data.links:
        codes.setdefault(link.activity_uuid, []).append(link.recommendation_code)
    now = datetime.now(UTC)
    fast = _activity_columns(write, catalog, now, 9)
    slow = _activity_columns(replace(write, data=replace(data, searched=())), catalog, now, 9)
    # the search texts the reading child made against the batch's catalog
    (checked,) = list(read_files([path], readers=0, rules=row_rules(catalog)))
    assert isinstance(checked, CheckedSubmission)
    assert checked.row_problems == () and len(checked.search_texts) == 25
    ready = _activity_columns(replace(write, search_texts=checked.search_texts), catalog, now, 9)
    assert fast == slow == ready
    assert fast["search_text"] == [activity_search_text(
        a.title, a.description or "",
        (a.task_code, catalog.tasks[a.task_code].title_vi, catalog.tasks[a.task_code].title_en),
        codes.get(a.uuid, [])) for a in data.activities]


def test_imported_rows_are_the_files_records(tmp_path: Path) -> None:
    """The writer's rows, built as tuples, hold every field of the file's records."""
    path = _exported(tmp_path, 60, 11)
    (read,) = list(read_files([path], readers=0))
    assert isinstance(read, SubmissionFile)
    focal = Database.open(tmp_path / "focal.sqlite")
    initialise(focal, Role.FOCAL_POINT)
    assert drive(run_import(focal, [path])).accepted == 1
    with focal.reading() as session:
        tasks = {t.id: t.code for t in session.exec(select(Task)).all()}
        recommendations = {r.id: r.code for r in session.exec(select(Recommendation)).all()}
        stored = {a.uuid: a for a in session.exec(select(Activity)).all()}
        uuids = {a.id: a.uuid for a in stored.values()}
        assert set(stored) == {a.uuid for a in read.data.activities}
        for record in read.data.activities:
            row = stored[record.uuid]
            assert (tasks[row.task_id], row.title, row.description, row.type, row.status,
                    row.start_date, row.end_date, row.women, row.ethnic_minorities,
                    row.disabilities, row.children, row.budget_vnd, row.outputs,
                    row.challenges, row.next_steps, row.evidence, row.carried_from) == (
                record.task_code, record.title, record.description or "", record.type,
                record.status, record.start_date, record.end_date, record.women,
                record.ethnic_minorities, record.disabilities, record.children,
                record.budget_vnd, record.outputs or "", record.challenges or "",
                record.next_steps or "", record.evidence or "", record.carried_from)
        links = sorted((uuids[a], recommendations[r]) for a, r in session.exec(
            select(ActivityRecommendation.activity_id, ActivityRecommendation.recommendation_id)))
        assert links == sorted((lk.activity_uuid, lk.recommendation_code)
                               for lk in read.data.links)
        indicators = {i.uuid: i for i in session.exec(select(Indicator)).all()}
        results = {r.indicator_id: r for r in session.exec(select(Result)).all()}
        assert set(indicators) == {i.uuid for i in read.data.indicators}
        for record in read.data.indicators:
            row = indicators[record.uuid]
            assert (uuids.get(row.activity_id) if row.activity_id else None,
                    tasks.get(row.task_id or 0), row.name, row.unit, row.baseline, row.target,
                    row.due_date) == (
                record.activity_uuid, None if record.activity_uuid else record.task_code,
                record.name, record.unit, record.baseline, record.target, record.due_date)
            result = results.get(row.id or 0)
            assert (None if result is None else (result.uuid, result.value, result.note)) == (
                None if record.result is None
                else (record.result_uuid or result_uuid(record.uuid, YEAR), record.result,
                      record.result_note or ""))
    focal.close()


_DATES = st.one_of(st.none(), st.dates(), st.datetimes())


@settings(max_examples=300, deadline=None)
@given(st.lists(_DATES, max_size=30))
def test_dates_stored_in_c_are_sqlalchemys_text(values: list[Any]) -> None:
    """A date column's values go to SQLite as SQLAlchemy's own DATE processor makes them:
    plain dates through isoformat() (any year, 1 to 9999), None and datetimes as it does."""
    dialect = sqlite_dialect.dialect()
    for table in (ACTIVITY, INDICATOR):
        for column in table.c:
            if not _stores_iso_dates(column.type, dialect):
                continue
            process = column.type.dialect_impl(dialect).bind_processor(dialect)
            assert _iso_dates(values, process) == [process(v) for v in values]


def test_only_plain_date_columns_take_the_iso_way() -> None:
    dialect = sqlite_dialect.dialect()
    iso = {(t.name, c.name) for t in (ACTIVITY, INDICATOR) for c in t.c
           if _stores_iso_dates(c.type, dialect)}
    assert iso == {("activity", "start_date"), ("activity", "end_date"),
                   ("indicator", "due_date")}


def test_imported_dates_are_stored_as_sqlalchemy_stores_them(tmp_path: Path) -> None:
    """The raw text of every imported date is what the ORM writes (and reads back)."""
    path = _exported(tmp_path, 40, 12)
    (read,) = list(read_files([path], readers=0))
    assert isinstance(read, SubmissionFile)
    focal = Database.open(tmp_path / "focal.sqlite")
    initialise(focal, Role.FOCAL_POINT)
    assert drive(run_import(focal, [path])).accepted == 1
    process = ACTIVITY.c.start_date.type.dialect_impl(
        sqlite_dialect.dialect()).bind_processor(sqlite_dialect.dialect())
    with sqlite3.connect(tmp_path / "focal.sqlite") as raw:
        stored = {u: (s, e) for u, s, e in raw.execute(
            "SELECT uuid, start_date, end_date FROM activity")}
        due = dict(raw.execute("SELECT uuid, due_date FROM indicator"))
    assert any(s is not None for s, _ in stored.values())
    assert stored == {a.uuid: (process(a.start_date), process(a.end_date))
                      for a in read.data.activities}
    assert due == {i.uuid: process(i.due_date) for i in read.data.indicators}
    focal.close()


_BROKEN = st.lists(st.tuples(
    st.sampled_from(["task", "other_task", "recommendation", "owner", "repeat", "date",
                     "link_repeat", "link_owner"]),
    st.integers(0, 30)), max_size=6)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[SubmissionFile, Any]:
    return _read_beside_a_catalog(tmp_path_factory.mktemp("checked"), 12, 9)


@settings(max_examples=60, deadline=None)
@given(_BROKEN)
def test_rows_checked_in_the_reader_are_checked_as_the_plan_checks_them(
        exported: tuple[SubmissionFile, Any], broken: list[tuple[str, int]]) -> None:
    """checked_rows (in the reading child) says what check_rows says of the same rows, and
    makes each activity's search text as activity_search_text folds it whole."""
    read, catalog = exported
    data = read.data
    activities, indicators, links = (list(data.activities), list(data.indicators),
                                     list(data.links))
    codes = sorted(catalog.tasks)
    for kind, at in broken:
        a, i, k = at % len(activities), at % len(indicators), at % len(links)
        if kind == "task":
            activities[a] = replace(activities[a], task_code="NO-SUCH-TASK")
        elif kind == "other_task":
            activities[a] = replace(activities[a], task_code=codes[at % len(codes)])
        elif kind == "recommendation":
            links[k] = replace(links[k], recommendation_code="NO-SUCH-REC")
        elif kind == "owner":
            indicators[i] = replace(indicators[i], activity_uuid="no-such-activity")
        elif kind == "repeat":
            activities[a] = replace(activities[a], uuid=activities[0].uuid)
        elif kind == "date":
            activities[a] = replace(activities[a], start_date=date(1900, 1, 1))
        elif kind == "link_repeat":
            links.append(links[k])
        else:
            links[k] = replace(links[k], activity_uuid=activities[a].uuid)
    changed = replace(read, data=replace(data, activities=activities, indicators=indicators,
                                         links=links, searched=()))
    problems, texts = checked_rows(changed, row_rules(catalog))
    assert list(problems) == check_rows(changed.data, catalog.tasks, catalog.recommendations,
                                        Locator(read.path, read.rows, EXPORT_LETTERS))
    if problems:
        assert texts == ()
        return
    linked: dict[str, list[str]] = {}
    for link in links:
        linked.setdefault(link.activity_uuid, []).append(link.recommendation_code)
    assert list(texts) == [activity_search_text(
        a.title, a.description or "",
        (a.task_code, catalog.tasks[a.task_code].title_vi, catalog.tasks[a.task_code].title_en),
        linked.get(a.uuid, [])) for a in activities]

