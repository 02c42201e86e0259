"""The rules every write obeys."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.domain.validation import (
    ActivityCatalog,
    ActivityDraft,
    IndicatorDraft,
    validate_activity,
    validate_assessment,
    validate_committee_grade,
    validate_draft,
)

TASKS = {"QD1252-T01"}
RECS = {"CO3-DEATHPEN", "UPR4-T01"}


def _draft(**changes: Any) -> ActivityDraft:
    base: dict[str, Any] = {
        "title": "Tập huấn về Công ước ICCPR cho cán bộ tư pháp xã",
        "task_code": "QD1252-T01",
        "type": "training",
        "status": "completed",
        "start_date": date(2026, 3, 1),
        "end_date": date(2026, 3, 3),
        "recommendation_codes": ["CO3-DEATHPEN"],
        "indicators": [IndicatorDraft(name="Số người", unit="người", target=100.0)],
    }
    base.update(changes)
    return ActivityDraft(**base)


def _codes(draft: ActivityDraft) -> set[tuple[str, str | None]]:
    problems = validate_activity(draft, task_codes=TASKS, recommendation_codes=RECS)
    return {(p.code, p.field) for p in problems}


def test_a_complete_activity_is_valid() -> None:
    assert _codes(_draft()) == set()


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"title": "   "}, ("value.required", "title")),
        ({"title": "x" * 501}, ("value.too_long", "title")),
        ({"task_code": ""}, ("value.required", "task")),
        ({"task_code": "NOPE"}, ("code.unknown_task", "task")),
        ({"type": "party"}, ("value.not_in_list", "type")),
        ({"status": "done"}, ("value.not_in_list", "status")),
        ({"end_date": date(2026, 2, 1)}, ("date.end_before_start", "end_date")),
        ({"start_date": date(1899, 1, 1), "end_date": None},
         ("value.date_out_of_range", "start_date")),
        ({"women": -1}, ("value.negative", "women")),
        ({"children": 2.5}, ("value.not_whole_number", "children")),
        ({"budget_vnd": -1000}, ("value.negative", "budget_vnd")),
        ({"recommendation_codes": ["CO3-NOPE"]}, ("code.unknown_recommendation",
                                                 "recommendations")),
        ({"recommendation_codes": ["CO3-DEATHPEN", "CO3-DEATHPEN"]}, ("code.duplicate_link",
                                                            "recommendations")),
        ({"indicators": [IndicatorDraft(name="", unit="người", target=1.0)]},
         ("value.required", "indicators[1].name")),
        ({"indicators": [IndicatorDraft(name="Số", unit="người", target=None)]},
         ("value.required", "indicators[1].target")),
        ({"indicators": [IndicatorDraft(name="Số", unit="người", target=-5.0)]},
         ("value.negative", "indicators[1].target")),
        ({"indicators": [IndicatorDraft(name="Số", unit="%", target=5.0, result=float("nan"))]},
         ("value.not_number", "indicators[1].result")),
    ],
)
def test_each_rule_names_its_field(changes: dict[str, Any],
                                   expected: tuple[str, str]) -> None:
    assert expected in _codes(_draft(**changes))


@pytest.mark.parametrize("changes", [{}, {"title": ""}, {"task_code": "NOPE"},
                                     {"recommendation_codes": ["UPR4-T01", "CO3-NOPE"]}])
def test_a_loaded_catalog_gives_the_same_problems_as_the_codes(
        changes: dict[str, Any]) -> None:
    catalog = ActivityCatalog(frozenset(TASKS), frozenset(RECS))
    draft = _draft(**changes)
    assert validate_draft(draft, catalog) == validate_activity(
        draft, task_codes=TASKS, recommendation_codes=RECS)


def test_the_same_day_for_start_and_end_is_fine() -> None:
    assert _codes(_draft(start_date=date(2026, 5, 5), end_date=date(2026, 5, 5))) == set()


@settings(max_examples=60, deadline=None)
@given(
    start=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    end=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
    women=st.one_of(st.none(), st.integers(min_value=-10**6, max_value=10**9)),
)
def test_dates_in_order_and_counts_not_negative(start: date, end: date,
                                                women: int | None) -> None:
    codes = {code for code, _ in _codes(_draft(start_date=start, end_date=end, women=women))}
    assert ("date.end_before_start" in codes) == (end < start)
    assert ("value.negative" in codes) == (women is not None and women < 0)


def test_judgments_are_fully_partially_or_not() -> None:
    assert validate_assessment("CO3-DEATHPEN", "partially", recommendation_codes=RECS) == []
    codes = {p.code for p in validate_assessment("CO3-P1", "mostly",
                                                 recommendation_codes=RECS)}
    assert codes == {"code.unknown_recommendation", "value.not_in_list"}


def test_committee_grades_use_the_committee_scale_with_document_and_date() -> None:
    today = date(2026, 1, 1)
    assert validate_committee_grade("CO3-DEATHPEN", "B", "CCPR/C/X", date(2022, 11, 11),
                                    recommendation_codes=RECS, today=today) == []
    found = {(p.code, p.field) for p in validate_committee_grade(
        "CO3-P1", "F", "", None, recommendation_codes=RECS, today=today)}
    assert found == {("code.unknown_recommendation", "recommendation"),
                     ("value.not_in_list", "grade"), ("value.required", "document"),
                     ("value.required", "date")}
    future = validate_committee_grade("CO3-DEATHPEN", "A", "x" * 81, date(2026, 1, 2),
                                      recommendation_codes=RECS, today=today)
    assert {(p.code, p.field) for p in future} == {("value.too_long", "document"),
                                                   ("committee.date_in_future", "date")}
