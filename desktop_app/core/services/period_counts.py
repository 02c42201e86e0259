"""The counts the focal point's consolidated views show, made by the database.

At 100,000 activities and 120,000 indicators a period's facts read into Python took
seconds on every page and in the national report (issue 11); the views show counts, so
SQL counts them: activities by (agency, task, status), indicators by task and by
recommendation, links by (recommendation, agency, task). What Python still does is what
SQL cannot: the unit in force an (agency, task) pair counts for (the catalog's split
maps, `AgencyDirectory.attribute`), worked out once per pair — a few hundred, not one per
activity. Every query is SQLAlchemy Core over the models, so it runs on SQLite and on
PostgreSQL alike; "current" is the same filter as the views': rows with no submission
or with one nothing has superseded.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from desktop_app.core.domain.models import (
    Activity,
    ActivityRecommendation,
    Agency,
    Area,
    Indicator,
    Period,
    Result,
    Submission,
    Task,
)
from desktop_app.core.services.agencies import AgencyDirectory

# [all, with a result, on track], as IndicatorCounts takes them
Tally = list[int]


def current_rows(submission_id: Any) -> ColumnElement[bool]:
    """Rows with no submission (made here) or with one that nothing has superseded."""
    return or_(submission_id.is_(None), submission_id.in_(
        select(Submission.id).where(col(Submission.superseded).is_(False))))


def period_activity(period_id: int) -> ColumnElement[bool]:
    """The filter of every view: the period's current activities."""
    return and_(col(Activity.period_id) == period_id,
                current_rows(col(Activity.submission_id)))


def _tallies(period_id: int) -> tuple[Any, ...]:
    """count, count with a result, count on track (result >= target) of the indicators
    joined with their result of the period."""
    on_track = case((col(Result.value) >= col(Indicator.target), 1), else_=0)
    return (func.count(col(Indicator.id)), func.count(col(Result.value)),
            func.coalesce(func.sum(on_track), 0))


def _with_result(query: Any, period_id: int) -> Any:
    return query.outerjoin(Result, and_(col(Result.indicator_id) == Indicator.id,
                                        col(Result.period_id) == period_id))


@dataclass
class Units:
    """The unit in force an activity counts for, worked out once per (agency, task)."""

    directory: AgencyDirectory
    agencies_by_id: dict[int, Agency]
    task_places: dict[int, tuple[str, str | None]]  # task id -> (its code, its area's)
    known: dict[tuple[int, int], tuple[Agency | None, bool]] = field(default_factory=dict)

    @classmethod
    def read(cls, session: Session) -> Units:
        directory = AgencyDirectory.from_session(session)
        area_codes = {a.id or 0: a.code for a in session.exec(select(Area))}
        task_places = {t.id or 0: (t.code, area_codes.get(t.area_id or 0))
                       for t in session.exec(select(Task))}
        return cls(directory, {a.id or 0: a for a in directory.by_code.values()},
                   task_places)

    def unit_of(self, agency_id: int, task_id: int) -> tuple[Agency | None, bool]:
        """The unit in force, and whether it is attributed: a split former unit's
        activity its task does not attribute stays under the former unit itself (False),
        never under one successor by default."""
        found = self.known.get((agency_id, task_id))
        if found is None:
            found = self.known[(agency_id, task_id)] = self._unit_of(agency_id, task_id)
        return found

    def _unit_of(self, agency_id: int, task_id: int) -> tuple[Agency | None, bool]:
        agency = self.agencies_by_id.get(agency_id)
        if agency is None:
            return None, True
        task_code, area_code = self.task_places.get(task_id, (None, None))
        unit = self.directory.attribute(agency, task_code, area_code)
        return (unit, True) if unit is not None else (agency, False)


@dataclass
class TaskCounts:
    """What the views by task and by area need of a period."""

    # task id -> status -> activities
    statuses: dict[int, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    # task id -> the (agency id, task id) pairs that acted on it
    pairs: dict[int, set[tuple[int, int]]] = field(default_factory=lambda: defaultdict(set))
    # task id -> the tally of its activities' indicators and its own
    indicators: dict[int, Tally] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))


@dataclass
class RecommendationCounts:
    """What the view by recommendation needs of a period."""

    activities: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    pairs: dict[int, set[tuple[int, int]]] = field(default_factory=lambda: defaultdict(set))
    indicators: dict[int, Tally] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))


def _add(tally: Tally, row: Sequence[Any]) -> None:
    tally[0] += int(row[0])
    tally[1] += int(row[1])
    tally[2] += int(row[2])


def _rows(session: Session, query: Any) -> Iterable[Sequence[Any]]:
    return session.connection().execute(query).all()


def _add_statuses(counts: TaskCounts, agency_id: int, task_id: int, status: str,
                  n: int) -> None:
    by_status = counts.statuses[task_id]
    by_status[status] = by_status.get(status, 0) + n
    counts.pairs[task_id].add((agency_id, task_id))


def _add_tasks_own(session: Session, counts: TaskCounts, period_id: int) -> None:
    """A task's own indicators: those of a submission of this period, or made here with a
    result of this period (another period's are not this one's)."""
    of_this_period = select(Submission.id).where(col(Submission.period_id) == period_id)
    of_tasks = _with_result(
        sa_select(col(Indicator.task_id), *_tallies(period_id)).select_from(Indicator),
        period_id).where(
        col(Indicator.activity_id).is_(None), col(Indicator.task_id).is_not(None),
        current_rows(col(Indicator.submission_id)),
        or_(col(Indicator.submission_id).in_(of_this_period),
            and_(col(Indicator.submission_id).is_(None), col(Result.value).is_not(None)))
    ).group_by(col(Indicator.task_id))
    for task_id, *tally in _rows(session, of_tasks):
        _add(counts.indicators[task_id], tally)


def task_counts(session: Session, period: Period) -> TaskCounts:
    """Activities by task and status, the pairs acting, the indicators by task."""
    period_id = period.id or 0
    counts = TaskCounts()
    for agency_id, task_id, status, n in _rows(session, sa_select(
            col(Activity.agency_id), col(Activity.task_id), col(Activity.status),
            func.count()).where(period_activity(period_id)).group_by(
            col(Activity.agency_id), col(Activity.task_id), col(Activity.status))):
        _add_statuses(counts, agency_id, task_id, status, int(n))
    # an activity's indicators count for the activity's task
    of_activities = _with_result(
        sa_select(col(Activity.task_id), *_tallies(period_id))
        .select_from(Indicator).join(Activity, col(Activity.id) == Indicator.activity_id),
        period_id).where(period_activity(period_id),
                         current_rows(col(Indicator.submission_id))
                         ).group_by(col(Activity.task_id))
    for task_id, *tally in _rows(session, of_activities):
        _add(counts.indicators[task_id], tally)
    _add_tasks_own(session, counts, period_id)
    return counts


def recommendation_counts(session: Session, period: Period) -> RecommendationCounts:
    """Per recommendation: its linked current activities, their (agency, task) pairs and
    their indicators."""
    period_id = period.id or 0
    counts = RecommendationCounts()
    rec = col(ActivityRecommendation.recommendation_id)
    linked = (sa_select(rec, col(Activity.agency_id), col(Activity.task_id), func.count())
              .select_from(ActivityRecommendation)
              .join(Activity, col(Activity.id) == ActivityRecommendation.activity_id)
              .where(period_activity(period_id))
              .group_by(rec, col(Activity.agency_id), col(Activity.task_id)))
    for rec_id, agency_id, task_id, n in _rows(session, linked):
        counts.activities[rec_id] += int(n)
        counts.pairs[rec_id].add((agency_id, task_id))
    measured = _with_result(
        sa_select(rec, *_tallies(period_id)).select_from(ActivityRecommendation)
        .join(Activity, col(Activity.id) == ActivityRecommendation.activity_id)
        .join(Indicator, col(Indicator.activity_id) == Activity.id), period_id
    ).where(period_activity(period_id), current_rows(col(Indicator.submission_id))
            ).group_by(rec)
    for rec_id, *tally in _rows(session, measured):
        _add(counts.indicators[rec_id], tally)
    return counts


def activity_tallies(session: Session, period: Period, activity_ids: Any
                     ) -> dict[int, Tally]:
    """Activity id -> the tally of its current indicators, for the activities the
    select ``activity_ids`` gives."""
    period_id = period.id or 0
    query = _with_result(
        sa_select(col(Indicator.activity_id), *_tallies(period_id)).select_from(Indicator),
        period_id).where(col(Indicator.activity_id).in_(activity_ids),
                         current_rows(col(Indicator.submission_id))
                         ).group_by(col(Indicator.activity_id))
    return {activity_id: [int(v) for v in tally]
            for activity_id, *tally in _rows(session, query)}



@dataclass
class PeriodRows:
    """What a caller that reads every current activity of a period (the national
    report's annex) gathers as they pass, for ``counts_of_rows``."""

    # (agency id, task id, status) -> activities
    places: Counter[tuple[int, int, str]] = field(default_factory=Counter)
    # activity id -> its (agency id, task id)
    activities: dict[int, tuple[int, int]] = field(default_factory=dict)

    def add(self, activity_id: int, agency_id: int, task_id: int, status: str) -> None:
        self.places[(agency_id, task_id, status)] += 1
        self.activities[activity_id] = (agency_id, task_id)


def counts_of_rows(session: Session, period: Period, rows: PeriodRows,
                   link_rows: Iterable[Sequence[Any]]
                   ) -> tuple[TaskCounts, RecommendationCounts]:
    """``task_counts`` and ``recommendation_counts`` of the period from its current
    activities (``rows``, read by the caller in this transaction) and the (activity id,
    recommendation id) links of the period's activities: the same counts with one
    query, each current activity's indicator tally, instead of four (at 100,000
    activities the four walk the period's activities, links and indicators again:
    ~0.9 s of SQLite, against ~0.35 s for the one)."""
    period_id = period.id or 0
    tasks = TaskCounts()
    for (agency_id, task_id, status), n in rows.places.items():
        _add_statuses(tasks, agency_id, task_id, status, n)
    tallies: dict[int, Sequence[Any]] = {}
    for activity_id, *tally in _rows(session, _with_result(
            sa_select(col(Indicator.activity_id), *_tallies(period_id))
            .select_from(Indicator)
            .join(Activity, col(Activity.id) == Indicator.activity_id), period_id
    ).where(period_activity(period_id), current_rows(col(Indicator.submission_id))
            ).group_by(col(Indicator.activity_id))):
        place = rows.activities.get(activity_id)
        if place is None:
            continue  # not among the rows read (a server's read committed: made since)
        tallies[activity_id] = tally
        _add(tasks.indicators[place[1]], tally)
    _add_tasks_own(session, tasks, period_id)
    recs = RecommendationCounts()
    for activity_id, rec_id in link_rows:
        place = rows.activities.get(activity_id)
        if place is None:
            continue  # a link of an activity that is not current
        recs.activities[rec_id] += 1
        recs.pairs[rec_id].add(place)
        measured = tallies.get(activity_id)
        if measured is not None:
            _add(recs.indicators[rec_id], measured)
    return tasks, recs
