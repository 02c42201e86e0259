"""The focal point's consolidated views of a period: by recommendation, by area, by task.

Only the latest word of each agency counts: rows of a superseded submission are left
out even though an import removes them (a view must not double-count if one ever
remains). Agencies are shown as the 2025 units they roll up to, so the three former
provinces that became one count as one agency that acted; a former ministry split
between several successors counts, activity by activity, for the successor its task
names, or as itself, not attributed (catalog/successions.py). Every view reads in one
transaction, so its numbers agree with each other; each has a ``..._in(session, ...)``
form that reads inside the caller's transaction (the national report composes them).
The views show counts, and the database makes them (``period_counts``: at 100,000
activities reading the period into Python took seconds); a recommendation's activities
are read when asked for, and only as many as are shown.
The shapes the views return are plain values of ``exchange.national_model``.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from desktop_app.core.catalog.document import read_bundled_catalog
from desktop_app.core.domain.models import (
    Activity,
    ActivityRecommendation,
    Agency,
    Area,
    Assessment,
    CommitteeAssessment,
    Period,
    Plan,
    Recommendation,
    Source,
    Task,
)
from desktop_app.core.domain.text import collation_key, nfc
from desktop_app.core.exchange.national_model import AgencyRef as AgencyRef
from desktop_app.core.exchange.national_model import AreaView as AreaView
from desktop_app.core.exchange.national_model import AssessmentRef as AssessmentRef
from desktop_app.core.exchange.national_model import CommitteeGrade
from desktop_app.core.exchange.national_model import RecommendationView as RecommendationView
from desktop_app.core.exchange.national_model import TaskView as TaskView
from desktop_app.core.exchange.report_model import IndicatorCounts, StatusCounts, natural_key
from desktop_app.core.problems import Problem, UsageError
from desktop_app.core.services.lookups import period_by_year as _period
from desktop_app.core.services.overview import plan_in_force
from desktop_app.core.services.period_counts import (
    PeriodRows,
    RecommendationCounts,
    TaskCounts,
    Units,
    activity_tallies,
    counts_of_rows,
    period_activity,
    recommendation_counts,
    task_counts,
)
from desktop_app.core.services.plans import sources_in_force
from desktop_app.core.storage.database import Database


@dataclass(frozen=True)
class ActivityView:
    uuid: str
    title: str
    type: str
    status: str
    task_code: str
    start_date: date | None
    end_date: date | None
    agency: AgencyRef  # the unit that reported it (a former province stays itself)
    rollup: AgencyRef  # the unit in force it counts under
    indicators: IndicatorCounts
    # False: a split former unit's activity its task does not attribute to a successor
    # (``rollup`` is then the former unit itself)
    attributed: bool = True


# --- reading ---------------------------------------------------------------------


ROWS_AT_ONCE = 10_000  # rows fetched at a time from the driver


def current_activities(period_id: int) -> Select[*tuple[Any, ...]]:
    """The period's current activities, for a caller that reads their columns (the
    national report's annex): their id, agency id, task id and status first."""
    return sa_select(col(Activity.id), col(Activity.agency_id), col(Activity.task_id),
                     col(Activity.status)).where(period_activity(period_id))


def period_links(period_id: int) -> Select[*tuple[Any, ...]]:
    """(activity id, recommendation id) of every link of the period's activities."""
    return (sa_select(col(ActivityRecommendation.activity_id),
                      col(ActivityRecommendation.recommendation_id))
            .join(Activity, col(Activity.id) == ActivityRecommendation.activity_id)
            .where(col(Activity.period_id) == period_id))


def _ref(agency: Agency) -> AgencyRef:
    return AgencyRef(agency.code, agency.name_vi, agency.name_en)


def _refs_in_order(agencies: Iterable[Agency]) -> tuple[AgencyRef, ...]:
    unique = {a.code: a for a in agencies}
    return tuple(_ref(a) for a in sorted(unique.values(),
                                         key=lambda a: (collation_key(a.name_vi), a.code)))


def ordered_recommendations(session: Session, recommendations: Iterable[Recommendation],
                            year: int | None = None) -> list[Recommendation]:
    """With a year, the sources the plans in force then implement first (the cycle in
    force before the closed earlier one); follow-up ones first within that, then by
    source and paragraph as the documents number them."""
    sources = {s.id or 0: s.code for s in session.exec(select(Source))}
    current = sources_in_force(session, year) if year is not None else frozenset()
    return sorted(recommendations, key=lambda r: (
        r.source_id not in current, not r.follow_up,
        natural_key(sources.get(r.source_id, "")),
        natural_key(r.paragraph or ""), natural_key(r.code)))


def by_recommendation(db: Database, year: int) -> tuple[RecommendationView, ...]:
    """Per recommendation: who acted, how many activities, indicator results, assessment."""
    with db.reading() as session:
        return by_recommendation_in(session, year)


def by_recommendation_in(session: Session, year: int) -> tuple[RecommendationView, ...]:
    """``by_recommendation`` inside the caller's transaction."""
    return _by_recommendation(session, _period(session, year), Units.read(session))


def _by_recommendation(session: Session, period: Period, units: Units,
                       counts: RecommendationCounts | None = None
                       ) -> tuple[RecommendationView, ...]:
    year = period.year
    if counts is None:
        counts = recommendation_counts(session, period)
    assessments: dict[int, dict[int | None, Assessment]] = defaultdict(dict)
    for a in session.exec(select(Assessment).where(or_(
            col(Assessment.period_id) == period.id,
            col(Assessment.period_id).is_(None)))):
        assessments[a.recommendation_id][a.period_id] = a
    sources = {s.id or 0: s for s in session.exec(select(Source))}
    grades = committee_grades_in(session)
    recs = [r for r in session.exec(select(Recommendation))
            if not r.retired or (r.id or 0) in counts.activities
            or (r.id or 0) in assessments]
    views = []
    for rec in ordered_recommendations(session, recs, year):
        rec_id = rec.id or 0
        acted = [units.unit_of(agency_id, task_id)[0]
                 for agency_id, task_id in counts.pairs.get(rec_id, ())]
        by_period = assessments.get(rec_id, {})
        chosen = by_period.get(period.id) or by_period.get(None)
        source = sources.get(rec.source_id)
        views.append(RecommendationView(
            rec.code, source.code if source else "", rec.paragraph, rec.follow_up,
            rec.text_vi, rec.text_en, _refs_in_order(a for a in acted if a is not None),
            counts.activities.get(rec_id, 0),
            IndicatorCounts(*counts.indicators.get(rec_id, (0, 0, 0))),
            None if chosen is None else AssessmentRef(
                chosen.uuid, year if chosen.period_id is not None else None,
                chosen.implementation, chosen.note),
            source.symbol if source else None, source.title_vi if source else "",
            grades.get(rec.code, ()), rec.verified, rec.illustrative))
    return tuple(views)


@functools.cache
def committee_grades() -> dict[str, tuple[CommitteeGrade, ...]]:
    """Recommendation code -> the Committee's recorded follow-up grades, oldest first.

    They are catalog facts with their document and date (``committee_grades`` in the
    bundled catalog); the database keeps the catalog's core fields only, so they are read
    from the bundled files, once per process.
    """
    found: dict[str, tuple[CommitteeGrade, ...]] = {}
    for entry in read_bundled_catalog().get("recommendations", []):
        rows = []
        for g in entry.get("committee_grades") or []:
            on = g.get("date")
            rows.append(CommitteeGrade(
                str(g.get("grade", "")), nfc(str(g.get("element_vi") or "")),
                nfc(str(g.get("document") or "")), date.fromisoformat(on) if on else None,
                bool(g.get("verified", False))))
        if rows:
            found[str(entry["code"])] = tuple(sorted(rows, key=lambda g: g.on or date.min))
    return found


def committee_grades_in(session: Session) -> dict[str, tuple[CommitteeGrade, ...]]:
    """Recommendation code -> the Committee's grades, oldest first: the catalog's facts
    and those the focal point recorded (a recorded one with the catalog's document,
    element and grade is the same fact, shown once)."""
    codes = {r.id: r.code for r in session.exec(select(Recommendation))}
    found: dict[str, list[CommitteeGrade]] = {c: list(g) for c, g in committee_grades().items()}
    for c in session.exec(select(CommitteeAssessment)):
        code = codes.get(c.recommendation_id)
        if code is None:
            continue
        known = found.setdefault(code, [])
        if any(g.grade == c.grade and (not c.document or (
                g.document.casefold() == c.document.casefold()
                and g.element_vi.casefold() == c.element.casefold())) for g in known):
            continue  # the same fact, or a grade to check that the catalog already has
        known.append(recorded_grade(c))
    return {code: tuple(sorted(grades, key=lambda g: (g.on or date.max, g.document)))
            for code, grades in found.items() if grades}


def recorded_grade(c: CommitteeAssessment) -> CommitteeGrade:
    """A grade the focal point recorded, as the reports and the window show it."""
    return CommitteeGrade(c.grade, c.element, c.document, c.issued_on, c.verified, c.uuid)


def activities_for_recommendation(db: Database, year: int, code: str,
                                  first: int | None = None) -> tuple[ActivityView, ...]:
    """The period's current activities linked to recommendation ``code``, by agency
    (the unit in force, then the reporting unit), then by title; ``first``: only the
    first so many of them in that order (a page shows a few of 16,000)."""
    with db.reading() as session:
        rec = session.exec(select(Recommendation).where(
            col(Recommendation.code) == code.strip())).first()
        if rec is None:
            raise UsageError(Problem("code.unknown_recommendation", {"code": code},
                                     "recommendation"))
        period = _period(session, year)
        # only the period's current activities linked to it, not the whole period's
        linked = select(ActivityRecommendation.activity_id).where(
            col(ActivityRecommendation.recommendation_id) == rec.id)
        a = Activity
        these = and_(period_activity(period.id or 0), col(a.id).in_(linked))
        units = Units.read(session)
        if first is not None:
            pairs = _first_places(session, these, units, first)
            if not pairs:
                return ()
            these = and_(these, or_(*(and_(col(a.agency_id) == agency_id,
                                           col(a.task_id) == task_id)
                                      for agency_id, task_id in pairs)))
        rows = session.connection().execute(sa_select(
            col(a.id), col(a.uuid), col(a.title), col(a.type), col(a.status), col(a.task_id),
            col(a.start_date), col(a.end_date), col(a.agency_id)).where(these)).all()
        tallies = activity_tallies(session, period, sa_select(col(a.id)).where(these))
        views = []
        for (activity_id, uuid, title, kind, status, task_id, start, end,
             agency_id) in rows:
            own = units.agencies_by_id[agency_id]
            unit, attributed = units.unit_of(agency_id, task_id)
            views.append(ActivityView(
                uuid, title, kind, status, units.task_places.get(task_id, ("", None))[0],
                start, end, _ref(own), _ref(unit or own),
                IndicatorCounts(*tallies.get(activity_id or 0, (0, 0, 0))), attributed))
        views.sort(key=lambda v: (*_place_key(v.rollup, v.agency), collation_key(v.title),
                                  v.uuid))
        return tuple(views if first is None else views[:first])


Place = tuple[tuple[str, str, str, str], str, tuple[str, str, str, str], str]


def _place_key(rollup: AgencyRef, agency: AgencyRef) -> Place:
    """Where an activity comes in the list of a recommendation's, before its title."""
    return (collation_key(rollup.name_vi), rollup.code, collation_key(agency.name_vi),
            agency.code)


def _first_places(session: Session, these: ColumnElement[bool], units: Units, first: int
                  ) -> list[tuple[int, int]]:
    """The (agency id, task id) pairs whose activities hold the first ``first`` of the
    list: the pairs counted by the database, ordered by the place of their activities
    (all of a pair's share it), taken until they hold ``first`` activities."""
    a = Activity
    places: dict[Place, list[tuple[int, int]]] = defaultdict(list)
    sizes: Counter[Place] = Counter()
    for agency_id, task_id, n in session.connection().execute(
            sa_select(col(a.agency_id), col(a.task_id), func.count()).where(these)
            .group_by(col(a.agency_id), col(a.task_id))):
        own = units.agencies_by_id[agency_id]
        unit, _ = units.unit_of(agency_id, task_id)
        place = _place_key(_ref(unit or own), _ref(own))
        places[place].append((agency_id, task_id))
        sizes[place] += int(n)
    chosen: list[tuple[int, int]] = []
    held = 0
    for place in sorted(places):
        if held >= first:
            break
        chosen += places[place]
        held += sizes[place]
    return chosen


@dataclass(frozen=True)
class _Totals:
    activities: StatusCounts
    acting: frozenset[str]  # codes of the units in force that acted
    indicators: IndicatorCounts


def _totals_by_task(counts: TaskCounts, units: Units) -> dict[int, _Totals]:
    acting: dict[int, set[str]] = defaultdict(set)
    # the units acting, worked out per (agency, task) pair: a few hundred, not 100,000
    for task_id, pairs in counts.pairs.items():
        for agency_id, _ in pairs:
            unit, _ = units.unit_of(agency_id, task_id)
            if unit is not None:
                acting[task_id].add(unit.code)
    return {task_id: _Totals(StatusCounts.from_mapping(counts.statuses.get(task_id, {})),
                             frozenset(acting.get(task_id, ())),
                             IndicatorCounts(*counts.indicators.get(task_id, (0, 0, 0))))
            for task_id in set(counts.statuses) | set(counts.indicators)}


def _shown_tasks(session: Session, period: Period, with_data: Iterable[int]) -> list[Task]:
    """The tasks of the plan in force, and any other task the period's rows name."""
    plan = plan_in_force(session, period.year)
    wanted = set(with_data)
    tasks = session.exec(select(Task)).all()
    shown = [t for t in tasks if (t.id or 0) in wanted
             or (plan is not None and t.plan_id == plan.id and not t.retired)]
    return sorted(shown, key=lambda t: natural_key(t.code))


def _task_totals(session: Session, year: int, units: Units | None = None,
                 counts: TaskCounts | None = None) -> tuple[list[Task], dict[int, _Totals]]:
    period = _period(session, year)
    totals = _totals_by_task(counts if counts is not None else task_counts(session, period),
                             units or Units.read(session))
    return _shown_tasks(session, period, totals), totals


def by_task(db: Database, year: int) -> tuple[TaskView, ...]:
    """Per task: activities by status, agencies acting, indicators on track."""
    with db.reading() as session:
        return by_task_in(session, year)


def by_task_in(session: Session, year: int) -> tuple[TaskView, ...]:
    """``by_task`` inside the caller's transaction."""
    return _by_task(session, *_task_totals(session, year))


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


def by_area(db: Database, year: int) -> tuple[AreaView, ...]:
    """Per area: the sums of its tasks, with each agency counted once per area."""
    with db.reading() as session:
        return by_area_in(session, year)


def by_area_in(session: Session, year: int) -> tuple[AreaView, ...]:
    """``by_area`` inside the caller's transaction."""
    return _by_area(session, year, *_task_totals(session, year))


def _by_area(session: Session, year: int, tasks: list[Task], totals: dict[int, _Totals]
             ) -> tuple[AreaView, ...]:
    plan = plan_in_force(session, year)
    area_ids = {t.area_id for t in tasks if t.area_id is not None}
    areas = [a for a in session.exec(select(Area))
             if (a.id or 0) in area_ids
             or (plan is not None and a.plan_id == plan.id and not a.retired)]
    in_force = plan.id if plan is not None else None
    plans = {p.id or 0: p.code for p in session.exec(select(Plan))}
    views = []
    for area in sorted(areas, key=lambda a: (a.plan_id != in_force, a.plan_id, a.number)):
        members = [totals[t.id or 0] for t in tasks
                   if t.area_id == area.id and (t.id or 0) in totals]
        views.append(AreaView(
            area.code, area.number, area.title_vi, area.title_en,
            sum((m.activities for m in members), StatusCounts()),
            len(frozenset().union(*(m.acting for m in members))),
            sum((m.indicators for m in members), IndicatorCounts()),
            plans.get(area.plan_id, "")))
    return tuple(views)


@dataclass(frozen=True)
class PeriodViews:
    """The three views of one period, made from one read of it."""

    areas: tuple[AreaView, ...]
    tasks: tuple[TaskView, ...]
    recommendations: tuple[RecommendationView, ...]


def views_in(session: Session, year: int,
             read: tuple[PeriodRows, Sequence[Any]] | None = None) -> PeriodViews:
    """``by_area_in``, ``by_task_in`` and ``by_recommendation_in`` of ``year``, sharing
    what they can (the national report shows all three). ``read``: the period's current
    activities and its links, as a caller that read them all in this transaction
    gathered them (``period_counts.counts_of_rows``: the same counts from fewer
    queries)."""
    units = Units.read(session)
    period = _period(session, year)
    task, recommendation = (None, None) if read is None else counts_of_rows(
        session, period, *read)
    areas, tasks = _areas_and_tasks(session, year, units, task)
    return PeriodViews(areas, tasks, _by_recommendation(session, period, units,
                                                        recommendation))


def areas_and_tasks(db: Database, year: int
                    ) -> tuple[tuple[AreaView, ...], tuple[TaskView, ...]]:
    """``by_area`` and ``by_task`` of ``year`` from one count of the period, in one
    transaction (the Areas and tasks page shows both)."""
    with db.reading() as session:
        return _areas_and_tasks(session, year, Units.read(session))


def _areas_and_tasks(session: Session, year: int, units: Units,
                     counts: TaskCounts | None = None
                     ) -> tuple[tuple[AreaView, ...], tuple[TaskView, ...]]:
    tasks, totals = _task_totals(session, year, units, counts)
    return _by_area(session, year, tasks, totals), _by_task(session, tasks, totals)
