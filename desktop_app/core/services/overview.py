"""Where a period's reporting stands: progress by area and task, and what is still missing.

Everything is read in one transaction so that the numbers of one overview agree with
each other. At an agency only its own rows count, and the tasks it is expected to report
on are the plan in force that year, narrowed to the tasks whose responsible kinds
include the agency's kind; at the focal point every agency's rows count.
``overview_in`` reads inside the caller's transaction; the counts and the progress by
area and task are plain values of ``exchange.report_model``, which the PDF draws.

At the focal point what is missing is the agencies that have not reported for the
period, with their contacts: the reminder list's own rule and rows
(``contacts.reminder_list_in``, the completeness grid's rule), not a second count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, literal
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import (
    Activity,
    ActivityRecommendation,
    Agency,
    Area,
    Indicator,
    Period,
    Plan,
    Recommendation,
    Result,
    Source,
    Task,
)
from desktop_app.core.exchange.report_model import STATUSES as STATUSES
from desktop_app.core.exchange.report_model import AreaProgress as AreaProgress
from desktop_app.core.exchange.report_model import IndicatorCounts as IndicatorCounts
from desktop_app.core.exchange.report_model import StatusCounts as StatusCounts
from desktop_app.core.exchange.report_model import TaskProgress as TaskProgress
from desktop_app.core.exchange.report_model import natural_key as natural_key
from desktop_app.core.problems import UsageError
from desktop_app.core.services.lookups import period_by_year as _period
from desktop_app.core.services.plans import sources_in_force
from desktop_app.core.services.setup import installation
from desktop_app.core.storage.database import Database

if TYPE_CHECKING:  # the workbook writer (openpyxl) is read only when a focal point asks
    from desktop_app.core.exchange.reminders_xlsx import ReminderRow


@dataclass(frozen=True)
class RecommendationProgress:
    code: str
    paragraph: str | None
    follow_up: bool
    text_vi: str
    text_en: str
    activities: int  # activities linked to it this period

    def text(self, lang: str) -> str:
        return self.text_vi if lang == "vi" else self.text_en


@dataclass(frozen=True)
class MissingTask:
    code: str
    title_vi: str
    title_en: str
    area_code: str

    def title(self, lang: str) -> str:
        return self.title_vi if lang == "vi" else self.title_en


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator of the period with its target and this period's result."""

    uuid: str
    name: str
    unit: str
    baseline: float | None
    target: float
    result: float | None
    note: str
    due_date: date | None
    activity_uuid: str | None
    activity_title: str  # empty for an indicator of a task
    task_code: str

    @property
    def on_track(self) -> bool | None:
        """Whether the result reaches the target; None while there is no result."""
        return None if self.result is None else self.result >= self.target


@dataclass(frozen=True)
class Overview:
    year: int
    due_date: date | None
    days_left: int | None  # negative once the due date has passed
    plan_code: str | None
    plan_decision: str
    plan_title_vi: str
    plan_title_en: str
    by_area: tuple[AreaProgress, ...]
    by_task: tuple[TaskProgress, ...]
    # the cycle in force first, then the closed earlier one; follow-up ones first in each
    recommendations: tuple[RecommendationProgress, ...]
    missing_tasks: tuple[MissingTask, ...]
    # the first MISSING_RESULTS_LISTED of them; missing_results_count says how many in all
    missing_results: tuple[IndicatorRow, ...]
    activities: StatusCounts = field(default_factory=StatusCounts)
    indicators: IndicatorCounts = field(default_factory=IndicatorCounts)
    # The focal point only (None at an agency): the units that had to report for the
    # period, and those that have not, each with its contact (the reminder list's rows).
    agencies_due: int | None = None
    not_reported: tuple[ReminderRow, ...] = ()

    @property
    def missing_results_count(self) -> int:
        """All the period's indicators without a result, listed or not."""
        return self.indicators.total - self.indicators.with_result


@dataclass(frozen=True)
class RecommendationRow:
    code: str
    source_code: str
    source_symbol: str | None
    paragraph: str | None
    follow_up: bool
    response: str | None
    sdg_targets: str
    text_vi: str
    text_en: str
    verified: bool
    illustrative: bool

    def text(self, lang: str) -> str:
        return self.text_vi if lang == "vi" else self.text_en


# --- reading -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Scope:
    period: Period
    agency: Agency | None  # None at the focal point: every agency counts
    plan: Plan | None




# The overview lists this many indicators without a result and counts the rest: at
# 100,000 activities reading all ~30,000 of them was a third of the overview's time,
# for a list no one reads to its end (the Indicators page filters them all).
MISSING_RESULTS_LISTED = 500


def plan_in_force(session: Session, year: int) -> Plan | None:
    """The latest plan whose years include ``year``."""
    plans = session.exec(select(Plan).where(col(Plan.retired).is_(False))).all()
    in_force = [p for p in plans
                if (p.starts or 0) <= year and (p.ends is None or p.ends >= year)]
    return max(in_force, key=lambda p: (p.starts or 0, p.id or 0)) if in_force else None


def _scope(session: Session, year: int) -> _Scope:
    period = _period(session, year)
    inst = installation(session)
    agency = None
    if inst.role is Role.AGENCY and inst.agency_code:
        agency = session.exec(select(Agency).where(col(Agency.code) == inst.agency_code)).first()
        if agency is None:
            raise UsageError.of("agency.unknown", code=inst.agency_code)
    return _Scope(period, agency, plan_in_force(session, year))


def _expected_tasks(scope: _Scope, tasks: Iterable[Task]) -> list[Task]:
    if scope.plan is None:
        return []
    chosen = []
    for t in tasks:
        if t.plan_id != scope.plan.id or t.retired:
            continue
        kinds = t.responsible_kinds.split()
        if scope.agency is not None and kinds and scope.agency.kind not in kinds:
            continue
        chosen.append(t)
    return chosen


def _period_indicators(scope: _Scope, tasks: dict[int, Task], columns: tuple[Any, ...], *,
                       of_activities: bool, with_activity: bool = False) -> Any:
    """A select over the period's indicators, each outer-joined to this period's result.

    Those of the period's activities, or (of_activities False) the indicators of the
    plan's tasks; at an agency only its own. The columns are ``columns``, then (when
    with_activity) the activity's UUID and title, then the task's id.
    """
    result_join = (col(Result.indicator_id) == Indicator.id) & (
        col(Result.period_id) == scope.period.id)
    if of_activities:
        named: tuple[Any, ...] = (col(Activity.uuid), col(Activity.title))
        query = (sa_select(*columns, *(named if with_activity else ()), col(Activity.task_id))
                 .select_from(Indicator)
                 .join(Activity, col(Activity.id) == Indicator.activity_id)
                 .outerjoin(Result, result_join)
                 .where(col(Activity.period_id) == scope.period.id))
        if scope.agency is not None:
            query = query.where(col(Activity.agency_id) == scope.agency.id)
        return query
    plan_task_ids = [t.id for t in tasks.values()
                     if scope.plan is not None and t.plan_id == scope.plan.id]
    none: tuple[Any, ...] = (literal(None), literal(""))
    query = (sa_select(*columns, *(none if with_activity else ()), col(Indicator.task_id))
             .select_from(Indicator)
             .outerjoin(Result, result_join)
             .where(col(Indicator.activity_id).is_(None),
                    col(Indicator.task_id).in_(plan_task_ids)))
    if scope.agency is not None:
        query = query.where(col(Indicator.agency_id) == scope.agency.id)
    return query


def _parts(scope: _Scope) -> tuple[bool, ...]:
    """Which of the two kinds of indicator count (task indicators only under a plan)."""
    return (True, False) if scope.plan is not None else (True,)


_INDICATOR_COLUMNS = (col(Indicator.uuid), col(Indicator.name), col(Indicator.unit),
                      col(Indicator.baseline), col(Indicator.target), col(Result.value),
                      col(Result.note), col(Indicator.due_date))


def _indicators(session: Session, scope: _Scope, tasks: dict[int, Task], *,
                without_result: bool = False, limit: int | None = None) -> list[IndicatorRow]:
    """The period's indicators: those of its activities, then the agency's task indicators;
    at most ``limit`` of them when one is given.

    Plain column selects, no ORM objects: loading 100,000 Indicator and Activity objects
    took tens of seconds.
    """
    codes = {tid: t.code for tid, t in tasks.items()}
    rows: list[IndicatorRow] = []
    for of_activities in _parts(scope):
        query = _period_indicators(scope, tasks, _INDICATOR_COLUMNS,
                                   of_activities=of_activities, with_activity=True)
        if without_result:
            query = query.where(col(Result.id).is_(None))
        query = query.order_by(col(Indicator.id))
        if limit is not None:
            if len(rows) >= limit:
                break
            query = query.limit(limit - len(rows))
        for (uuid, name, unit, baseline, target, value, note, due, activity_uuid,
             activity_title, task_id) in session.connection().execute(query):
            rows.append(IndicatorRow(uuid, name, unit, baseline, target, value, note or "",
                                     due, activity_uuid, activity_title or "",
                                     codes.get(task_id or 0, "")))
    return rows


def _indicator_counts_by_task(session: Session, scope: _Scope,
                              tasks: dict[int, Task]) -> dict[int, IndicatorCounts]:
    """task id -> (indicators, with a result, on track), counted by SQL aggregates."""
    reached = func.coalesce(func.sum(case((col(Result.value) >= col(Indicator.target), 1),
                                          else_=0)), 0)
    columns = (func.count(col(Indicator.id)), func.count(col(Result.id)), reached)
    counts: dict[int, IndicatorCounts] = defaultdict(IndicatorCounts)
    for of_activities in _parts(scope):
        query = _period_indicators(scope, tasks, columns, of_activities=of_activities)
        task_column = col(Activity.task_id) if of_activities else col(Indicator.task_id)
        for total, with_result, on_track, task_id in session.connection().execute(
                query.group_by(task_column)):
            counts[task_id or 0] += IndicatorCounts(total, with_result, on_track)
    return dict(counts)


def _recommendations_in_order(session: Session, year: int | None = None
                              ) -> list[Recommendation]:
    """With a year, the sources the plans in force then implement first (the cycle in
    force before the closed earlier one); follow-up ones first within that, then by
    source and paragraph as the documents number them."""
    sources = {s.id or 0: s.code for s in session.exec(select(Source))}
    current = sources_in_force(session, year) if year is not None else frozenset()
    return sorted(
        session.exec(select(Recommendation).where(col(Recommendation.retired).is_(False))),
        key=lambda r: (r.source_id not in current, not r.follow_up,
                       natural_key(sources.get(r.source_id, "")),
                       natural_key(r.paragraph or ""), natural_key(r.code)))


def days_between(due: date | None, today: date) -> int | None:
    return None if due is None else (due - today).days


def overview(db: Database, year: int, today: date | None = None) -> Overview:
    """The period's progress and what is still missing before its due date."""
    with db.reading() as session:
        return overview_in(session, year, today)


def overview_in(session: Session, year: int, today: date | None = None) -> Overview:
    """``overview`` inside the caller's transaction."""
    today = today or date.today()
    scope = _scope(session, year)
    areas = {a.id or 0: a for a in session.exec(select(Area))}
    tasks = {t.id or 0: t for t in session.exec(select(Task))}
    expected = _expected_tasks(scope, tasks.values())
    expected_ids = {t.id or 0 for t in expected}

    status_query = (select(Activity.task_id, Activity.status, func.count())
                    .where(col(Activity.period_id) == scope.period.id)
                    .group_by(col(Activity.task_id), col(Activity.status)))
    if scope.agency is not None:
        status_query = status_query.where(col(Activity.agency_id) == scope.agency.id)
    by_status: dict[int, dict[str, int]] = defaultdict(dict)
    for task_id, status, count in session.exec(status_query):
        by_status[task_id][status] = count

    indicators_by_task = _indicator_counts_by_task(session, scope, tasks)

    shown_ids = expected_ids | set(by_status) | {i for i in indicators_by_task if i}
    shown = sorted((tasks[i] for i in shown_ids if i in tasks),
                   key=lambda t: natural_key(t.code))
    by_task = tuple(
        TaskProgress(
            t.code, t.number, t.title_vi, t.title_en,
            areas[t.area_id].code if t.area_id in areas else "", (t.id or 0) in expected_ids,
            StatusCounts.from_mapping(by_status.get(t.id or 0, {})),
            indicators_by_task.get(t.id or 0, IndicatorCounts()))
        for t in shown)

    area_ids = {a.id or 0 for a in areas.values()
                if scope.plan is not None and a.plan_id == scope.plan.id and not a.retired}
    area_ids |= {t.area_id for t in shown if t.area_id in areas}
    by_area_list = []
    for area in sorted((areas[i] for i in area_ids),
                       key=lambda a: (a.plan_id != (scope.plan.id if scope.plan else 0),
                                      a.plan_id, a.number)):
        members = [p for p in by_task if p.area_code == area.code]
        by_area_list.append(AreaProgress(
            area.code, area.number, area.title_vi, area.title_en,
            sum((p.activities for p in members), StatusCounts()),
            sum((p.indicators for p in members), IndicatorCounts())))

    link_query = (select(ActivityRecommendation.recommendation_id,
                         func.count(func.distinct(col(Activity.id))))
                  .join(Activity, col(Activity.id) == ActivityRecommendation.activity_id)
                  .where(col(Activity.period_id) == scope.period.id)
                  .group_by(col(ActivityRecommendation.recommendation_id)))
    if scope.agency is not None:
        link_query = link_query.where(col(Activity.agency_id) == scope.agency.id)
    links = dict(session.exec(link_query).all())
    recs = _recommendations_in_order(session, year)
    recommendations = tuple(
        RecommendationProgress(r.code, r.paragraph, r.follow_up, r.text_vi, r.text_en,
                               links.get(r.id or 0, 0))
        for r in recs)

    missing_tasks = tuple(
        MissingTask(p.code, p.title_vi, p.title_en, p.area_code)
        for p in by_task if p.expected and p.activities.total == 0)
    missing_results = tuple(_indicators(session, scope, tasks, without_result=True,
                                        limit=MISSING_RESULTS_LISTED))
    agencies_due, not_reported = _not_reported(session, year, today)
    plan = scope.plan
    return Overview(
        year=year, due_date=scope.period.due_date,
        days_left=days_between(scope.period.due_date, today),
        plan_code=plan.code if plan else None, plan_decision=plan.decision if plan else "",
        plan_title_vi=plan.title_vi if plan else "",
        plan_title_en=plan.title_en if plan else "",
        by_area=tuple(by_area_list), by_task=by_task, recommendations=recommendations,
        missing_tasks=missing_tasks, missing_results=missing_results,
        activities=sum((p.activities for p in by_task), StatusCounts()),
        indicators=sum(indicators_by_task.values(), IndicatorCounts()),
        agencies_due=agencies_due, not_reported=not_reported)


def _not_reported(session: Session, year: int, today: date
                  ) -> tuple[int | None, tuple[ReminderRow, ...]]:
    """At the focal point: (units that had to report, the reminder list's rows)."""
    if installation(session).role is not Role.FOCAL_POINT:
        return None, ()
    # here, not at the top: contacts.py brings the reminder workbook's writer along
    from desktop_app.core.services.contacts import reminder_list_in

    reminders = reminder_list_in(session, year, datetime.now(UTC), today)
    return reminders.agencies, reminders.rows


def list_indicators(db: Database, year: int) -> list[IndicatorRow]:
    """The period's indicators for the indicators browser (this agency's at an agency)."""
    with db.reading() as session:
        scope = _scope(session, year)
        tasks = {t.id or 0: t for t in session.exec(select(Task))}
        return _indicators(session, scope, tasks)


def list_recommendations(db: Database) -> list[RecommendationRow]:
    """The catalog's recommendations in force, follow-up ones first."""
    with db.reading() as session:
        sources = {s.id or 0: s for s in session.exec(select(Source))}
        recs = _recommendations_in_order(session)
        rows = []
        for r in recs:
            source = sources.get(r.source_id)
            rows.append(RecommendationRow(
                r.code, source.code if source else "", source.symbol if source else None,
                r.paragraph, r.follow_up, r.response, r.sdg_targets, r.text_vi, r.text_en,
                r.verified, r.illustrative))
        return rows
