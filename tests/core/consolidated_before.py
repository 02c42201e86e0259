"""The consolidated views as they were computed before the database counted them (issue
11): the period's activities, indicators and links read into Python and counted there.
Kept for the tests only, as the oracle the SQL counts of ``services.consolidated`` must
agree with (tests/core/test_consolidated_counts.py); the views by area are put together
from the counts by the program's own ``_by_area``."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Executable, Select, and_, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from desktop_app.core.domain.models import (
    Activity,
    ActivityRecommendation,
    Agency,
    Area,
    Assessment,
    Indicator,
    Period,
    Plan,
    Recommendation,
    Result,
    Source,
    Submission,
    Task,
)
from desktop_app.core.domain.text import collation_key
from desktop_app.core.exchange.national_model import (
    AgencyRef,
    AreaView,
    AssessmentRef,
    RecommendationView,
    TaskView,
)
from desktop_app.core.exchange.report_model import IndicatorCounts, StatusCounts, natural_key
from desktop_app.core.services.agencies import AgencyDirectory
from desktop_app.core.services.consolidated import (
    ActivityView,
    _by_area,  # the areas' views assembled from the counts: the counts are the oracle's
    committee_grades_in,
    ordered_recommendations,
)
from desktop_app.core.services.lookups import period_by_year as _period
from desktop_app.core.services.overview import plan_in_force

ROWS_AT_ONCE = 10_000  # rows fetched at a time from the driver


class _ActivityFacts(NamedTuple):
    id: int
    agency_id: int
    task_id: int
    status: str


class _IndicatorFacts(NamedTuple):
    activity_id: int | None
    task_id: int | None
    target: float
    result: float | None


@dataclass(frozen=True)
class _Period:
    """What the views need of a period, read once in one transaction (the national
    report's three views share one read)."""

    period: Period
    directory: AgencyDirectory
    agencies_by_id: dict[int, Agency]
    activities: dict[int, _ActivityFacts]
    indicators: dict[int, _IndicatorFacts]
    task_places: dict[int, tuple[str, str | None]]  # task id -> (its code, its area's)
    # (activity id, recommendation id) of the period's activities (current or not), when
    # the caller read them; None: ``_links`` reads them
    link_rows: Sequence[tuple[int, int]] | None
    # (agency id, task id) -> unit_of's answer: a few hundred pairs for 100,000 activities
    units: dict[tuple[int, int], tuple[Agency | None, bool]] = field(default_factory=dict)

    def unit_of(self, agency_id: int, task_id: int) -> tuple[Agency | None, bool]:
        """The unit in force an activity counts for, and whether it is attributed: a
        split former unit's activity its task does not attribute stays under the former
        unit itself (False), never under one successor by default."""
        known = self.units.get((agency_id, task_id))
        if known is None:
            known = self.units[(agency_id, task_id)] = self._unit_of(agency_id, task_id)
        return known

    def _unit_of(self, agency_id: int, task_id: int) -> tuple[Agency | None, bool]:
        agency = self.agencies_by_id.get(agency_id)
        if agency is None:
            return None, True
        task_code, area_code = self.task_places.get(task_id, (None, None))
        unit = self.directory.attribute(agency, task_code, area_code)
        return (unit, True) if unit is not None else (agency, False)


def _current_rows(submission_id: Any) -> ColumnElement[bool]:
    """Rows with no submission (made here) or with one that nothing has superseded."""
    return or_(submission_id.is_(None), submission_id.in_(
        select(Submission.id).where(col(Submission.superseded).is_(False))))


def _plain(session: Session, query: Executable) -> Iterator[Any]:
    """The rows of ``query`` as plain tuples: run on the session's connection, without
    the ORM's per-row work, fetched ``ROWS_AT_ONCE`` at a time (100,000 activities and
    more indicators at the focal point)."""
    return chain.from_iterable(session.connection().execute(query).partitions(ROWS_AT_ONCE))


def current_activities(period_id: int) -> Select[*tuple[Any, ...]]:
    """The period's current activities: the filter of every view, for a caller that
    reads more columns of them (the national report's annex) and hands the views its
    rows; its first four columns must be those of ``activity_columns``."""
    return sa_select(*activity_columns()).where(
        col(Activity.period_id) == period_id, _current_rows(col(Activity.submission_id)))


def activity_columns() -> tuple[Any, ...]:
    """What the views need of an activity: its id, agency id, task id and status."""
    return col(Activity.id), col(Activity.agency_id), col(Activity.task_id), col(Activity.status)


def period_links(period_id: int) -> Select[*tuple[Any, ...]]:
    """(activity id, recommendation id) of every link of the period's activities."""
    return (sa_select(col(ActivityRecommendation.activity_id),
                      col(ActivityRecommendation.recommendation_id))
            .join(Activity, col(Activity.id) == ActivityRecommendation.activity_id)
            .where(col(Activity.period_id) == period_id))


def _read(session: Session, year: int,
          activity_rows: Iterable[Sequence[Any]] | None = None,
          link_rows: Sequence[tuple[int, int]] | None = None) -> _Period:
    """The period's facts; ``activity_rows`` (rows of ``current_activities``) and
    ``link_rows`` (of ``period_links``) when the caller has read them already."""
    period = _period(session, year)
    directory = AgencyDirectory.from_session(session)
    agencies_by_id = {a.id or 0: a for a in directory.by_code.values()}
    if activity_rows is None:
        activity_rows = _plain(session, current_activities(period.id or 0))
    activities = {
        row[0]: _ActivityFacts(row[0], row[1], row[2], row[3]) for row in activity_rows}
    indicators: dict[int, _IndicatorFacts] = {}
    query = (sa_select(col(Indicator.id), col(Indicator.activity_id), col(Indicator.task_id),
                       col(Indicator.target), col(Indicator.submission_id), col(Result.value))
             .outerjoin(Result, and_(col(Result.indicator_id) == Indicator.id,
                                     col(Result.period_id) == period.id))
             .where(_current_rows(col(Indicator.submission_id))))
    of_this_period = set(session.exec(select(Submission.id).where(
        col(Submission.period_id) == period.id)))
    for ind_id, activity_id, task_id, target, submission_id, value in _plain(session, query):
        if activity_id is not None:
            if activity_id not in activities:
                continue
        elif not (submission_id in of_this_period or (submission_id is None
                                                     and value is not None)):
            continue  # a task's indicator reported for another period
        indicators[ind_id or 0] = _IndicatorFacts(activity_id, task_id, target, value)
    area_codes = {a.id or 0: a.code for a in session.exec(select(Area))}
    task_places = {t.id or 0: (t.code, area_codes.get(t.area_id or 0))
                   for t in session.exec(select(Task))}
    return _Period(period, directory, agencies_by_id, activities, indicators, task_places,
                   link_rows)


def _count(indicators: Iterable[_IndicatorFacts]) -> IndicatorCounts:
    total = with_result = on_track = 0
    for ind in indicators:
        total += 1
        if ind.result is not None:
            with_result += 1
            on_track += ind.result >= ind.target
    return IndicatorCounts(total, with_result, on_track)


def _ref(agency: Agency) -> AgencyRef:
    return AgencyRef(agency.code, agency.name_vi, agency.name_en)


def _refs_in_order(agencies: Iterable[Agency]) -> tuple[AgencyRef, ...]:
    unique = {a.code: a for a in agencies}
    return tuple(_ref(a) for a in sorted(unique.values(),
                                         key=lambda a: (collation_key(a.name_vi), a.code)))


def _links(session: Session, facts: _Period) -> dict[int, list[int]]:
    """Recommendation id -> ids of the period's current activities linked to it."""
    linked: dict[int, list[int]] = defaultdict(list)
    rows = facts.link_rows
    for activity_id, rec_id in _plain(session, period_links(facts.period.id or 0)
                                      ) if rows is None else rows:
        if activity_id in facts.activities:
            linked[rec_id].append(activity_id)
    return linked


def _indicators_by_activity(facts: _Period) -> dict[int, list[_IndicatorFacts]]:
    grouped: dict[int, list[_IndicatorFacts]] = defaultdict(list)
    for ind in facts.indicators.values():
        if ind.activity_id is not None:
            grouped[ind.activity_id].append(ind)
    return grouped


def by_recommendation_in(session: Session, year: int) -> tuple[RecommendationView, ...]:
    """``by_recommendation`` inside the caller's transaction."""
    return _by_recommendation(session, _read(session, year))


def _by_recommendation(session: Session, facts: _Period) -> tuple[RecommendationView, ...]:
    year = facts.period.year
    linked = _links(session, facts)
    per_activity: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for ind in facts.indicators.values():
        if ind.activity_id is not None:
            _add(per_activity[ind.activity_id], ind)
    assessments: dict[int, dict[int | None, Assessment]] = defaultdict(dict)
    for a in session.exec(select(Assessment).where(or_(
            col(Assessment.period_id) == facts.period.id,
            col(Assessment.period_id).is_(None)))):
        assessments[a.recommendation_id][a.period_id] = a
    sources = {s.id or 0: s for s in session.exec(select(Source))}
    grades = committee_grades_in(session)
    recs = [r for r in session.exec(select(Recommendation))
            if not r.retired or (r.id or 0) in linked or (r.id or 0) in assessments]
    views = []
    for rec in ordered_recommendations(session, recs, year):
        activity_ids = linked.get(rec.id or 0, [])
        pairs = set()  # (agency, task): the units that acted are worked out per pair
        counts = [0, 0, 0]
        for i in activity_ids:
            act = facts.activities[i]
            pairs.add((act.agency_id, act.task_id))
            got = per_activity.get(i)
            if got is not None:
                counts[0] += got[0]
                counts[1] += got[1]
                counts[2] += got[2]
        acted = [facts.unit_of(agency_id, task_id)[0] for agency_id, task_id in pairs]
        by_period = assessments.get(rec.id or 0, {})
        chosen = by_period.get(facts.period.id) or by_period.get(None)
        source = sources.get(rec.source_id)
        views.append(RecommendationView(
            rec.code, source.code if source else "", rec.paragraph, rec.follow_up,
            rec.text_vi, rec.text_en, _refs_in_order(a for a in acted if a is not None),
            len(activity_ids), IndicatorCounts(*counts),
            None if chosen is None else AssessmentRef(
                chosen.uuid, year if chosen.period_id is not None else None,
                chosen.implementation, chosen.note),
            source.symbol if source else None, source.title_vi if source else "",
            grades.get(rec.code, ()), rec.verified, rec.illustrative))
    return tuple(views)


def activities_for_recommendation_in(session: Session, year: int, code: str
                                     ) -> tuple[ActivityView, ...]:
    """The period's current activities linked to recommendation ``code``, by agency."""
    rec = session.exec(select(Recommendation).where(
        col(Recommendation.code) == code.strip())).one()
    # only the period's current activities linked to it, not the whole period's
    linked = select(ActivityRecommendation.activity_id).where(
        col(ActivityRecommendation.recommendation_id) == rec.id)
    facts = _read(session, year, list(_plain(session, current_activities(
        _period(session, year).id or 0).where(col(Activity.id).in_(linked)))), [])
    activity_ids = list(facts.activities)
    per_activity = _indicators_by_activity(facts)
    tasks = {t.id or 0: t.code for t in session.exec(select(Task))}
    rows = session.exec(select(Activity).where(col(Activity.id).in_(activity_ids))).all()
    views = []
    for a in rows:
        own = facts.agencies_by_id[a.agency_id]
        unit, attributed = facts.unit_of(a.agency_id, a.task_id)
        views.append(ActivityView(
            a.uuid, a.title, a.type, a.status, tasks.get(a.task_id, ""), a.start_date,
            a.end_date, _ref(own), _ref(unit or own),
            _count(per_activity.get(a.id or 0, [])), attributed))
    return tuple(sorted(views, key=lambda v: (
        collation_key(v.rollup.name_vi), v.rollup.code, collation_key(v.agency.name_vi),
        v.agency.code, collation_key(v.title), v.uuid)))


@dataclass(frozen=True)
class _Totals:
    activities: StatusCounts
    acting: frozenset[str]  # codes of the units in force that acted
    indicators: IndicatorCounts


def _totals_by_task(facts: _Period) -> dict[int, _Totals]:
    statuses: dict[int, dict[str, int]] = defaultdict(dict)
    for (task_id, status), n in Counter(
            (act.task_id, act.status) for act in facts.activities.values()).items():
        statuses[task_id][status] = n
    acting: dict[int, set[str]] = defaultdict(set)
    # the units acting, worked out per (agency, task) pair: a few hundred, not 100,000
    for agency_id, task_id in {(act.agency_id, act.task_id)
                               for act in facts.activities.values()}:
        unit, _ = facts.unit_of(agency_id, task_id)
        if unit is not None:
            acting[task_id].add(unit.code)
    indicators: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for ind in facts.indicators.values():
        if ind.activity_id is not None:
            got = indicators[facts.activities[ind.activity_id].task_id]
        elif ind.task_id is not None:
            got = indicators[ind.task_id]
        else:
            continue
        _add(got, ind)
    return {task_id: _Totals(StatusCounts.from_mapping(statuses.get(task_id, {})),
                             frozenset(acting.get(task_id, ())),
                             IndicatorCounts(*indicators.get(task_id, (0, 0, 0))))
            for task_id in set(statuses) | set(indicators)}


def _add(counts: list[int], ind: _IndicatorFacts) -> None:
    """Count ``ind`` into [total, with a result, on track] (as ``_count`` does)."""
    counts[0] += 1
    if ind.result is not None:
        counts[1] += 1
        counts[2] += ind.result >= ind.target


def _shown_tasks(session: Session, facts: _Period, with_data: Iterable[int]) -> list[Task]:
    """The tasks of the plan in force, and any other task the period's rows name."""
    plan = plan_in_force(session, facts.period.year)
    wanted = set(with_data)
    tasks = session.exec(select(Task)).all()
    shown = [t for t in tasks if (t.id or 0) in wanted
             or (plan is not None and t.plan_id == plan.id and not t.retired)]
    return sorted(shown, key=lambda t: natural_key(t.code))


def by_task_in(session: Session, year: int) -> tuple[TaskView, ...]:
    """``by_task`` inside the caller's transaction."""
    facts = _read(session, year)
    totals = _totals_by_task(facts)
    return _by_task(session, _shown_tasks(session, facts, totals), totals)


def _by_task(session: Session, tasks: list[Task], totals: dict[int, _Totals]
             ) -> tuple[TaskView, ...]:
    areas = {a.id or 0: a.code for a in session.exec(select(Area))}
    plans = {p.id or 0: p.code for p in session.exec(select(Plan))}
    empty = _Totals(StatusCounts(), frozenset(), IndicatorCounts())
    views = []
    for t in tasks:
        got = totals.get(t.id or 0, empty)
        views.append(TaskView(t.code, t.number, t.title_vi, t.title_en,
                              areas.get(t.area_id or 0, ""), got.activities,
                              len(got.acting), got.indicators, plans.get(t.plan_id, "")))
    return tuple(views)


def by_area_in(session: Session, year: int) -> tuple[AreaView, ...]:
    """``by_area`` inside the caller's transaction."""
    facts = _read(session, year)
    totals = _totals_by_task(facts)
    return _by_area(session, year, _shown_tasks(session, facts, totals), totals)


@dataclass(frozen=True)
class PeriodViews:
    """The three views of one period, made from one read of it."""

    areas: tuple[AreaView, ...]
    tasks: tuple[TaskView, ...]
    recommendations: tuple[RecommendationView, ...]


def views_in(session: Session, year: int, *,
             activity_rows: Iterable[Sequence[Any]] | None = None,
             link_rows: Sequence[tuple[int, int]] | None = None) -> PeriodViews:
    """``by_area_in``, ``by_task_in`` and ``by_recommendation_in`` of ``year`` from one
    read of the period's activities and indicators (the national report shows all three:
    at 100,000 activities each read is most of a view's time). A caller that has read
    the rows of ``current_activities`` and ``period_links`` in this transaction passes
    them, and they are not read again."""
    facts = _read(session, year, activity_rows, link_rows)
    areas, tasks = _areas_and_tasks(session, year, facts)
    return PeriodViews(areas, tasks, _by_recommendation(session, facts))


def _areas_and_tasks(session: Session, year: int, facts: _Period
                     ) -> tuple[tuple[AreaView, ...], tuple[TaskView, ...]]:
    totals = _totals_by_task(facts)
    tasks = _shown_tasks(session, facts, totals)
    return _by_area(session, year, tasks, totals), _by_task(session, tasks, totals)
