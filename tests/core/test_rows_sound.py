"""check_rows' sheets found sound a column at a time (import_rules._activities_sound and
its two neighbours) give exactly what its row by row loops gave: the same problems, in the
same order, at the same places, on generated rows near every limit and with every kind of
problem (repeated UUIDs and links, unknown and other plans' codes, orphan indicators and
links, dates out of range and reversed, long texts, large counts), whether the rows come as
records or as a reader's columns (ColumnData); and the columns' way is taken where a sheet
is sound, without making a record of a file read as columns.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.domain.validation import (
    EARLIEST,
    LATEST,
    LONG_TEXT_FIELDS,
    MAX_BUDGET_VND,
    MAX_COUNT,
    MAX_TEXT,
    MAX_TITLE,
)
from desktop_app.core.exchange.submission import (
    ActivityRecord,
    ColumnData,
    IndicatorRecord,
    LinkRecord,
    SubmissionData,
    fields_of,
)
from desktop_app.core.problems import Problem
from desktop_app.core.services import import_rules
from desktop_app.core.services.import_rules import (
    _COUNTS,
    EXPORT_LETTERS,
    Locator,
    _counts,
    _long_texts,
    check_rows,
)

TASKS = {"T1": ("a", "b"), "T2": ("c", "d"), "T3": ("e", "f")}
IN_FORCE = frozenset({"T1", "T2"})
RECOMMENDATIONS = frozenset({"R1", "R2"})
UUIDS = [f"{n:08x}-0000-4000-8000-000000000000" for n in range(5)]


# check_rows as it was, row by row: the rules the columns' way is held to.
def old_check_rows(data: SubmissionData, tasks: Container[str],
               recommendations: Container[str], where: Locator, *,
               in_force: frozenset[str] | None = None, period: int | None = None
               ) -> list[Problem]:
    """Every problem of the rows: catalog codes, ranges, references, repeats; with
    ``in_force`` (the task codes of the period's plans in force), a known task of another
    plan too."""
    problems: list[Problem] = []

    def add(problem_code: str, sheet: str, index: int, key: str, /, **params: Any) -> None:
        problems.append(Problem(problem_code, params, key, where(sheet, index, key)))

    def check_date(sheet: str, index: int, key: str, value: Any) -> None:
        if value is not None and not EARLIEST <= value <= LATEST:
            add("value.date_out_of_range", sheet, index, key, value=value.isoformat(),
                min=EARLIEST.isoformat(), max=LATEST.isoformat())

    activity_uuids: set[str] = set()
    for i, a in enumerate(data.activities):
        if a.uuid in activity_uuids:
            add("import.duplicate_uuid", "activities", i, "uuid", uuid=a.uuid)
        activity_uuids.add(a.uuid)
        if a.task_code not in tasks:
            add("code.unknown_task", "activities", i, "task_code", code=a.task_code)
        elif in_force is not None and a.task_code not in in_force:
            add("code.task_not_in_force", "activities", i, "task_code", code=a.task_code,
                period=period)
        if len(a.title.strip()) > MAX_TITLE:
            add("value.too_long", "activities", i, "title", length=len(a.title), max=MAX_TITLE)
        texts = _long_texts(a)
        if max(map(len, filter(None, texts)), default=0) > MAX_TEXT:  # rare: which ones
            for key, text in zip(LONG_TEXT_FIELDS, texts, strict=True):
                if len(text or "") > MAX_TEXT:
                    add("value.too_long", "activities", i, key, length=len(text),
                        max=MAX_TEXT)
        check_date("activities", i, "start_date", a.start_date)
        check_date("activities", i, "end_date", a.end_date)
        if a.start_date and a.end_date and a.end_date < a.start_date:
            add("date.end_before_start", "activities", i, "end_date",
                start=a.start_date.isoformat(), end=a.end_date.isoformat())
        counts = _counts(a)
        if max(filter(None, counts), default=0) > MAX_COUNT:  # rare: which ones
            for key, value in zip(_COUNTS, counts, strict=True):
                limit = MAX_BUDGET_VND if key == "budget_vnd" else MAX_COUNT
                if value is not None and value > limit:
                    add("value.too_large", "activities", i, key, value=value, max=limit)
    seen: set[str] = set()
    for i, ind in enumerate(data.indicators):
        if ind.uuid in seen or (ind.result_uuid and ind.result_uuid in seen):
            add("import.duplicate_uuid", "indicators", i, "uuid", uuid=ind.uuid)
        seen.add(ind.uuid)
        if ind.result_uuid:
            seen.add(ind.result_uuid)
        if ind.activity_uuid is not None and ind.activity_uuid not in activity_uuids:
            add("import.unknown_activity", "indicators", i, "activity_uuid",
                uuid=ind.activity_uuid)
        if ind.activity_uuid is None and not ind.task_code:
            add("template.indicator_owner", "indicators", i, "activity_uuid")
        if ind.task_code and ind.task_code not in tasks:
            add("code.unknown_task", "indicators", i, "task_code", code=ind.task_code)
        elif ind.task_code and in_force is not None and ind.task_code not in in_force:
            add("code.task_not_in_force", "indicators", i, "task_code", code=ind.task_code,
                period=period)
        check_date("indicators", i, "due_date", ind.due_date)
    pairs: set[tuple[str, str]] = set()
    for i, link in enumerate(data.links):
        if link.activity_uuid not in activity_uuids:
            add("import.unknown_activity", "links", i, "activity_uuid",
                uuid=link.activity_uuid)
        if link.recommendation_code not in recommendations:
            add("code.unknown_recommendation", "links", i, "recommendation_code",
                code=link.recommendation_code)
        elif (link.activity_uuid, link.recommendation_code) in pairs:
            add("code.duplicate_link", "links", i, "recommendation_code",
                code=link.recommendation_code)
        pairs.add((link.activity_uuid, link.recommendation_code))
    return problems



def mostly(sound: list[Any], odd: list[Any]) -> st.SearchStrategy[Any]:
    """Sound values nine times in ten, so that a sheet is often sound but for one cell."""
    return st.sampled_from(sound * (3 * len(odd) or 1) + odd)


uuid = st.sampled_from(UUIDS)
day = mostly([None, date(2025, 6, 1), date(2025, 6, 2), EARLIEST, LATEST],
             [date(1989, 12, 31), date(2101, 1, 1)])
count = mostly([None, 0, 1, MAX_COUNT], [MAX_COUNT + 1, MAX_BUDGET_VND, MAX_BUDGET_VND + 1])
long_text = mostly([None, "", "x", "x" * MAX_TEXT], ["x" * (MAX_TEXT + 1)])
title = mostly(["t", "x" * MAX_TITLE, " " + "x" * MAX_TITLE + " "], ["x" * (MAX_TITLE + 1)])
task = mostly(["T1", "T2"], ["T3", "T9"])
activity = st.builds(
    ActivityRecord, uuid, task, title, long_text, st.just("training"), st.just("completed"),
    day, day, count, count, count, count, count, long_text, long_text, long_text, long_text)
indicator = st.builds(
    IndicatorRecord, uuid, st.one_of(st.none(), uuid, st.just("")),
    mostly(["T1", None], ["", "T3", "T9"]), st.just("n"), st.just("u"),
    st.none(), st.just(1.0), day, st.one_of(st.none(), st.just(""), uuid), st.none(),
    st.none())
link = st.builds(LinkRecord, uuid, mostly(["R1", "R2"], ["R9"]))
data = st.builds(SubmissionData, st.lists(activity, max_size=5, unique_by=lambda a: a.uuid)
                 | st.lists(activity, max_size=3), st.lists(indicator, max_size=4),
                 st.lists(link, max_size=5))
where = Locator(Path("f.xlsx"), {"activities": list(range(3, 9)),
                                 "indicators": list(range(3, 9)), "links": list(range(3, 9))},
                EXPORT_LETTERS)


def as_columns(rows: SubmissionData) -> ColumnData:
    """The same rows as a reading child hands them over: each kind's fields as columns."""
    kinds = (ActivityRecord, IndicatorRecord, LinkRecord)
    return ColumnData(columns=tuple(  # type: ignore[arg-type]
        fields_of(rows, place, *(f.name for f in fields(kind)))
        for place, kind in enumerate(kinds)))


def made_records(rows: ColumnData) -> set[str]:
    """The kinds whose records a ColumnData has made (each made when first asked for)."""
    return {"activities", "indicators", "links"} & set(vars(rows))


@settings(max_examples=800, deadline=None, database=None)
@given(data, st.booleans())
def test_the_columns_way_finds_what_the_rows_found(rows: SubmissionData, plans: bool) -> None:
    in_force = IN_FORCE if plans else None
    old = old_check_rows(rows, TASKS, RECOMMENDATIONS, where, in_force=in_force, period=2025)
    assert check_rows(rows, TASKS, RECOMMENDATIONS, where, in_force=in_force,
                      period=2025) == old
    assert check_rows(as_columns(rows), TASKS, RECOMMENDATIONS, where, in_force=in_force,
                      period=2025) == old


def _sound() -> SubmissionData:
    activities = [ActivityRecord(u, "T1", "t", "d", "training", "completed", date(2025, 1, 1),
                                 date(2025, 2, 1), 1, 2, 3, 4, 5, None, None, None, None)
                  for u in UUIDS[:3]]
    indicators = [IndicatorRecord(UUIDS[3], UUIDS[0], None, "n", "u", None, 1.0, None,
                                  UUIDS[4], 2.0, None),
                  IndicatorRecord(UUIDS[1], None, "T1", "n", "u", None, 1.0, None, None, None,
                                  None)]
    links = [LinkRecord(UUIDS[0], "R1"), LinkRecord(UUIDS[0], "R2")]
    return SubmissionData(activities, indicators, links)


# One cell of a sound file made wrong (or odd but sound), for each rule of check_rows.
ONE_CELL = {
    "activities": {"uuid": [UUIDS[0]], "task_code": ["T3", "T9"],
                   "title": ["x" * (MAX_TITLE + 1), " " + "x" * MAX_TITLE + " "],
                   **{key: ["x" * (MAX_TEXT + 1), "x" * MAX_TEXT] for key in LONG_TEXT_FIELDS},
                   "start_date": [date(1989, 12, 31), date(2101, 1, 1), date(2025, 3, 1),
                                  None],
                   "end_date": [date(1989, 12, 31), date(2101, 1, 1), date(2024, 1, 1),
                                None],
                   **{key: [MAX_COUNT + 1, MAX_COUNT, 0] for key in _COUNTS[:-1]},
                   "budget_vnd": [MAX_BUDGET_VND + 1, MAX_BUDGET_VND, MAX_COUNT + 1]},
    "indicators": {"uuid": [UUIDS[0], UUIDS[3], UUIDS[4]],
                   "result_uuid": [UUIDS[3], UUIDS[1], UUIDS[0], ""],
                   "activity_uuid": [UUIDS[4], "", None], "task_code": ["T3", "T9", ""],
                   "due_date": [date(1989, 12, 31), date(2101, 1, 1), LATEST]},
    "links": {"activity_uuid": [UUIDS[4], UUIDS[1]], "recommendation_code": ["R9", "R2"]},
}


def test_one_cell_made_wrong_is_found_as_the_rows_found_it() -> None:
    from dataclasses import replace

    for sheet, cells in ONE_CELL.items():
        for key, values in cells.items():
            for value in values:
                for row in (0, -1):
                    rows = _sound()
                    records = list(getattr(rows, sheet))
                    records[row] = replace(records[row], **{key: value})
                    rows = replace(rows, **{sheet: records})
                    for in_force in (None, IN_FORCE):
                        old = old_check_rows(rows, TASKS, RECOMMENDATIONS, where,
                                             in_force=in_force)
                        for form in (rows, as_columns(rows)):
                            assert check_rows(form, TASKS, RECOMMENDATIONS, where,
                                              in_force=in_force) == old, (
                                sheet, key, value, row)


def test_a_sound_file_is_checked_by_its_columns() -> None:
    for rows in (_sound(), as_columns(_sound())):
        assert import_rules._activities_sound(rows, TASKS, IN_FORCE) == set(UUIDS[:3])
        assert import_rules._indicators_sound(rows, TASKS, IN_FORCE, set(UUIDS[:3]))
        assert import_rules._links_sound(rows, RECOMMENDATIONS, set(UUIDS[:3]))
        assert check_rows(rows, TASKS, RECOMMENDATIONS, where, in_force=IN_FORCE) == []


def test_a_sound_file_read_as_columns_makes_no_records() -> None:
    rows = as_columns(_sound())
    assert check_rows(rows, TASKS, RECOMMENDATIONS, where, in_force=IN_FORCE) == []
    assert import_rules.search_texts(rows, TASKS) == import_rules.search_texts(_sound(), TASKS)
    assert made_records(rows) == set()
    # a sheet with a problem is looked at row by row: its records are made for the loop
    activities = list(_sound().activities)
    activities[1] = ActivityRecord(**{**vars(activities[1]), "task_code": "T9"})
    odd = as_columns(SubmissionData(activities, _sound().indicators, _sound().links))
    assert [p.code for p in check_rows(odd, TASKS, RECOMMENDATIONS, where)] == [
        "code.unknown_task"]
    assert made_records(odd) == {"activities"}
