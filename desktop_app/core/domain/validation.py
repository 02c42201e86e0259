"""The rules every write obeys, as plain functions over drafts.

A draft is what a person (or an imported row) proposes; validation returns
problems as codes with parameters and the field they belong to, so that the
editor can show them next to the field and an import can name the cell.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from desktop_app.core.domain.enums import ActivityStatus, ActivityType, Grade, Implementation
from desktop_app.core.problems import Problem

MAX_TITLE = 500
MAX_TEXT = 20_000
MAX_COUNT = 100_000_000
MAX_BUDGET_VND = 10**15
EARLIEST = date(1990, 1, 1)
LATEST = date(2100, 12, 31)


@dataclass
class IndicatorDraft:
    name: str
    unit: str
    target: float | None
    baseline: float | None = None
    due_date: date | None = None
    result: float | None = None
    result_note: str = ""
    uuid: str | None = None


@dataclass
class ActivityDraft:
    title: str
    task_code: str
    type: str
    status: str
    description: str = ""
    start_date: date | None = None
    end_date: date | None = None
    women: int | None = None
    ethnic_minorities: int | None = None
    disabilities: int | None = None
    children: int | None = None
    budget_vnd: int | None = None
    outputs: str = ""
    challenges: str = ""
    next_steps: str = ""
    evidence: str = ""
    recommendation_codes: list[str] = field(default_factory=list)
    indicators: list[IndicatorDraft] = field(default_factory=list)
    uuid: str | None = None


@dataclass(frozen=True)
class ActivityCatalog:
    """The catalog codes an activity may name, read once (when an editor opens).

    Live validation checks every keystroke against this snapshot instead of asking the
    database; saving checks again against the database itself.
    """

    task_codes: frozenset[str]  # tasks still in use
    recommendation_codes: frozenset[str]  # every recommendation, retired ones included


BENEFICIARY_FIELDS = ("women", "ethnic_minorities", "disabilities", "children")
LONG_TEXT_FIELDS = ("description", "outputs", "challenges", "next_steps", "evidence")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_date(problems: list[Problem], name: str, value: date | None) -> None:
    if value is not None and not EARLIEST <= value <= LATEST:
        problems.append(Problem("value.date_out_of_range", {
            "value": value.isoformat(), "min": EARLIEST.isoformat(), "max": LATEST.isoformat(),
        }, name))


def _check_count(problems: list[Problem], name: str, value: object, maximum: int) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        problems.append(Problem("value.not_whole_number", {"value": value}, name))
    elif value < 0:
        problems.append(Problem("value.negative", {"value": value}, name))
    elif value > maximum:
        problems.append(Problem("value.too_large", {"value": value, "max": maximum}, name))


def validate_indicator(draft: IndicatorDraft, prefix: str = "") -> list[Problem]:
    problems: list[Problem] = []
    if not draft.name.strip():
        problems.append(Problem("value.required", {}, f"{prefix}name"))
    if not draft.unit.strip():
        problems.append(Problem("value.required", {}, f"{prefix}unit"))
    if draft.target is None:
        problems.append(Problem("value.required", {}, f"{prefix}target"))
    for name in ("target", "baseline", "result"):
        value = getattr(draft, name)
        if value is None:
            continue
        if not _is_number(value) or value != value:  # NaN is not a number here
            problems.append(Problem("value.not_number", {"value": value}, f"{prefix}{name}"))
        elif value < 0:
            problems.append(Problem("value.negative", {"value": value}, f"{prefix}{name}"))
    _check_date(problems, f"{prefix}due_date", draft.due_date)
    return problems


def validate_activity(
    draft: ActivityDraft,
    *,
    task_codes: Collection[str],
    recommendation_codes: Collection[str],
) -> list[Problem]:
    """Every rule an activity and its indicators must meet before they are written."""
    problems: list[Problem] = []
    title = draft.title.strip()
    if not title:
        problems.append(Problem("value.required", {}, "title"))
    elif len(title) > MAX_TITLE:
        problems.append(Problem("value.too_long", {"length": len(title), "max": MAX_TITLE},
                                "title"))
    for name in LONG_TEXT_FIELDS:
        text = getattr(draft, name)
        if len(text) > MAX_TEXT:
            problems.append(Problem("value.too_long", {"length": len(text), "max": MAX_TEXT},
                                    name))
    if not draft.task_code:
        problems.append(Problem("value.required", {}, "task"))
    elif draft.task_code not in task_codes:
        problems.append(Problem("code.unknown_task", {"code": draft.task_code}, "task"))
    if draft.type not in set(ActivityType):
        problems.append(Problem("value.not_in_list", {"value": draft.type}, "type"))
    if draft.status not in set(ActivityStatus):
        problems.append(Problem("value.not_in_list", {"value": draft.status}, "status"))
    _check_date(problems, "start_date", draft.start_date)
    _check_date(problems, "end_date", draft.end_date)
    if draft.start_date and draft.end_date and draft.end_date < draft.start_date:
        problems.append(Problem("date.end_before_start", {
            "start": draft.start_date.isoformat(), "end": draft.end_date.isoformat(),
        }, "end_date"))
    for name in BENEFICIARY_FIELDS:
        _check_count(problems, name, getattr(draft, name), MAX_COUNT)
    _check_count(problems, "budget_vnd", draft.budget_vnd, MAX_BUDGET_VND)
    seen: set[str] = set()
    for code in draft.recommendation_codes:
        if code not in recommendation_codes:
            problems.append(Problem("code.unknown_recommendation", {"code": code},
                                    "recommendations"))
        elif code in seen:
            problems.append(Problem("code.duplicate_link", {"code": code}, "recommendations"))
        seen.add(code)
    for index, indicator in enumerate(draft.indicators, start=1):
        problems.extend(validate_indicator(indicator, prefix=f"indicators[{index}]."))
    return problems


def validate_draft(draft: ActivityDraft, catalog: ActivityCatalog) -> list[Problem]:
    """validate_activity against a loaded catalog snapshot."""
    return validate_activity(draft, task_codes=catalog.task_codes,
                             recommendation_codes=catalog.recommendation_codes)


def validate_assessment(
    recommendation_code: str,
    implementation: str,
    *,
    recommendation_codes: Collection[str],
) -> list[Problem]:
    """The focal point's own judgment: a known recommendation, fully / partially / not."""
    problems: list[Problem] = []
    if recommendation_code not in recommendation_codes:
        problems.append(Problem("code.unknown_recommendation", {"code": recommendation_code},
                                "recommendation"))
    if implementation not in set(Implementation):
        problems.append(Problem("value.not_in_list", {"value": implementation},
                                "implementation"))
    return problems


MAX_DOCUMENT = 80  # a Committee document's symbol ("CCPR/C/136/2/Add.3")


def validate_committee_grade(
    recommendation_code: str,
    grade: str,
    document: str,
    issued_on: date | None,
    *,
    recommendation_codes: Collection[str],
    today: date,
) -> list[Problem]:
    """The Committee's follow-up grade: a known recommendation, A–E, the document it came in
    and that document's date (not after today)."""
    problems: list[Problem] = []
    if recommendation_code not in recommendation_codes:
        problems.append(Problem("code.unknown_recommendation", {"code": recommendation_code},
                                "recommendation"))
    if grade not in set(Grade):
        problems.append(Problem("value.not_in_list", {"value": grade}, "grade"))
    if not document:
        problems.append(Problem("value.required", {}, "document"))
    elif len(document) > MAX_DOCUMENT:
        problems.append(Problem("value.too_long", {"length": len(document),
                                                   "max": MAX_DOCUMENT}, "document"))
    if issued_on is None:
        problems.append(Problem("value.required", {}, "date"))
    elif issued_on > today:
        problems.append(Problem("committee.date_in_future", {"date": issued_on.isoformat()},
                                "date"))
    return problems
