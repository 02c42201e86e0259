"""Where a period's reporting stands: progress by area and task, and what is still missing.

Everything is read in one transaction so that the numbers of one overview agree with
each other. At an agency only its own rows count, and the tasks it is expected to report
on are the plan in force that year, narrowed to the tasks whose responsible kinds
include the agency's kind; at the focal point every agency's rows count.
``overview_in`` reads inside the caller's transaction; the counts and the progress by
area and task are plain values of ``exchange.report_model``, which the PDF draws.

Every read is SQL text with ``:name`` parameters run through an ``Execute``
(``storage/sql_text.py``): in a Session (``overview``, ``overview_in``), or on a plain
sqlite3 connection (``quick_overview``), which lets the window draw its first page at
start-up before SQLAlchemy and the models are imported (issue 11). One definition, two
connections: a test holds both to the same Overview. The module is one piece of a little
over 500 lines for that reason: the Indicators and Recommendations pages' lists
(``list_indicators``, ``list_recommendations``) read through the same SQL as the overview.

At the focal point what is missing is the agencies that have not reported for the
period, with their contacts: the reminder list's own rule and rows
(``contacts.reminder_list_in``, the completeness grid's rule), not a second count.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop_app.core.domain.enums import Role, stored_role
from desktop_app.core.exchange.report_model import STATUSES as STATUSES
from desktop_app.core.exchange.report_model import AreaProgress as AreaProgress
from desktop_app.core.exchange.report_model import IndicatorCounts as IndicatorCounts
from desktop_app.core.exchange.report_model import StatusCounts as StatusCounts
from desktop_app.core.exchange.report_model import TaskProgress as TaskProgress
from desktop_app.core.exchange.report_model import natural_key as natural_key
from desktop_app.core.problems import UsageError
from desktop_app.core.services.in_force import sources_in_force_by
from desktop_app.core.storage.sql_text import Execute, Shared, day, flag, session_execute

if TYPE_CHECKING:  # the workbook writer (openpyxl) is read only when a focal point asks
    from sqlmodel import Session

    from desktop_app.core.domain.models import Plan
    from desktop_app.core.exchange.reminders_xlsx import ReminderRow
    from desktop_app.core.storage.database import Database


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


class _Plan(NamedTuple):
    id: int
    code: str
    decision: str
    title_vi: str
    title_en: str
    starts: int | None
    ends: int | None


class _Area(NamedTuple):
    id: int
    code: str
    number: int
    title_vi: str
    title_en: str
    plan_id: int
    retired: bool


class _Task(NamedTuple):
    id: int
    code: str
    number: int
    title_vi: str
    title_en: str
    area_id: int
    plan_id: int
    retired: bool
    responsible_kinds: str


class _Recommendation(NamedTuple):
    id: int
    code: str
    source_id: int
    paragraph: str | None
    follow_up: bool
    response: str | None
    sdg_targets: str
    text_vi: str
    text_en: str
    verified: bool
    illustrative: bool


@dataclass(frozen=True)
class _Scope:
    period_id: int
    due_date: date | None
    agency_id: int | None  # None at the focal point: every agency counts
    agency_kind: str | None
    plan: _Plan | None


# The overview lists this many indicators without a result and counts the rest: at
# 100,000 activities reading all ~30,000 of them was a third of the overview's time,
# for a list no one reads to its end (the Indicators page filters them all).
MISSING_RESULTS_LISTED = 500

_PLAN_COLUMNS = "id, code, decision, title_vi, title_en, starts, ends"


def _latest_in_force(plans: Iterable[_Plan], year: int) -> _Plan | None:
    """The latest plan (by start, then id) whose years include ``year``."""
    in_force = [p for p in plans
                if (p.starts or 0) <= year and (p.ends is None or p.ends >= year)]
    return max(in_force, key=lambda p: (p.starts or 0, p.id or 0)) if in_force else None


def _plan_in_force(execute: Execute, year: int) -> _Plan | None:
    return _latest_in_force((_Plan(*row) for row in execute(
        f"SELECT {_PLAN_COLUMNS} FROM plan WHERE NOT retired", {})), year)


def plan_in_force(session: Session, year: int) -> Plan | None:
    """The latest plan whose years include ``year``."""
    from desktop_app.core.domain.models import Plan

    chosen = _plan_in_force(session_execute(session), year)
    return None if chosen is None else session.get(Plan, chosen.id)


def _settings(execute: Execute) -> dict[str, str]:
    return {key: value for key, value in execute(
        "SELECT key, value FROM setting WHERE key IN ('role', 'agency')", {})}


def _role(execute: Execute) -> Role | None:
    role = _settings(execute).get("role")
    return stored_role(role)


def _scope(execute: Execute, year: int) -> _Scope:
    period = execute("SELECT id, due_date FROM period WHERE year = :year", {"year": year})
    if not period:
        raise UsageError.of("period.unknown", period=year)
    settings = _settings(execute)
    role = stored_role(settings.get("role"))
    agency_id = agency_kind = None
    code = settings.get("agency")
    if role is Role.AGENCY and code:
        agency = execute("SELECT id, kind FROM agency WHERE code = :code", {"code": code})
        if not agency:
            raise UsageError.of("agency.unknown", code=code)
        agency_id, agency_kind = agency[0][0], agency[0][1]
    return _Scope(period[0][0], day(period[0][1]), agency_id, agency_kind,
                  _plan_in_force(execute, year))


def _tasks(execute: Execute) -> dict[int, _Task]:
    return {row[0]: _Task(row[0], row[1], row[2], row[3], row[4], row[5], row[6],
                          flag(row[7]), row[8] or "")
            for row in execute("SELECT id, code, number, title_vi, title_en, area_id, plan_id,"
                               " retired, responsible_kinds FROM task", {})}


def _areas(execute: Execute) -> dict[int, _Area]:
    return {row[0]: _Area(row[0], row[1], row[2], row[3], row[4], row[5], flag(row[6]))
            for row in execute("SELECT id, code, number, title_vi, title_en, plan_id, retired"
                               " FROM area", {})}


def _expected_tasks(scope: _Scope, tasks: Iterable[_Task]) -> list[_Task]:
    if scope.plan is None:
        return []
    chosen = []
    for t in tasks:
        if t.plan_id != scope.plan.id or t.retired:
            continue
        kinds = t.responsible_kinds.split()
        if scope.agency_id is not None and kinds and scope.agency_kind not in kinds:
            continue
        chosen.append(t)
    return chosen


def _parts(scope: _Scope) -> tuple[bool, ...]:
    """Which of the two kinds of indicator count (task indicators only under a plan)."""
    return (True, False) if scope.plan is not None else (True,)


def _period_indicators(scope: _Scope, columns: str, *, of_activities: bool,
                       with_activity: bool = False, in_id_order: bool = False,
                       counting: bool = False) -> tuple[str, dict[str, Any]]:
    """SQL over the period's indicators (i), each outer-joined to this period's result (r).

    Those of the period's activities (a), or (of_activities False) the indicators of the
    plan's tasks; at an agency only its own. The columns are ``columns``, then (when
    with_activity) the activity's UUID and title, then the task's id; the caller adds
    conditions after ``AND`` and the rest. in_id_order: the caller wants the first few
    in indicator order (ORDER BY i.id LIMIT n); the activity's columns are then written
    ``+a.…`` so that SQLite walks the indicators in order and stops at n, instead of
    collecting every indicator of the period's activities and sorting them (0.6 s at
    100,000 activities for a list of 500); the rows are the same.

    counting: the caller reads only i.id, i.target, r.id and r.value (the counts), which
    the indexes indicator(activity_id, target) and result(indicator_id, period_id,
    value) hold (migration 0011). The result's period is then written ``+r.period_id``:
    SQLite otherwise takes result's unique (indicator_id, period_id) index, which
    holds no value, and reads every result row for it (0.28 s against 0.15 s of CPU at
    100,000 activities). On PostgreSQL the plus changes nothing; the rows are the same.
    """
    plus = "+" if in_id_order else ""
    params: dict[str, Any] = {"period": scope.period_id}
    result_join = ("LEFT OUTER JOIN result r ON r.indicator_id = i.id"
                   f" AND {'+' if counting else ''}r.period_id = :period")
    if of_activities:
        named = ", a.uuid, a.title" if with_activity else ""
        sql = (f"SELECT {columns}{named}, a.task_id FROM indicator i"
               f" JOIN activity a ON a.id = i.activity_id {result_join}"
               f" WHERE {plus}a.period_id = :period")
        if scope.agency_id is not None:
            sql += f" AND {plus}a.agency_id = :agency"
            params["agency"] = scope.agency_id
        return sql, params
    none = ", NULL, ''" if with_activity else ""
    sql = (f"SELECT {columns}{none}, i.task_id FROM indicator i {result_join}"
           " WHERE i.activity_id IS NULL"
           " AND i.task_id IN (SELECT id FROM task WHERE plan_id = :plan)")
    params["plan"] = scope.plan.id if scope.plan is not None else None
    if scope.agency_id is not None:
        sql += " AND i.agency_id = :agency"
        params["agency"] = scope.agency_id
    return sql, params


_INDICATOR_COLUMNS = ("i.uuid, i.name, i.unit, i.baseline, i.target, r.value, r.note,"
                      " i.due_date")


def _indicators(execute: Execute, scope: _Scope, tasks: dict[int, _Task], *,
                without_result: bool = False, limit: int | None = None) -> list[IndicatorRow]:
    """The period's indicators: those of its activities, then the agency's task indicators;
    at most ``limit`` of them when one is given.

    Plain column selects, no ORM objects: loading 100,000 Indicator and Activity objects
    took tens of seconds.
    """
    codes = {tid: t.code for tid, t in tasks.items()}
    rows: list[IndicatorRow] = []
    for of_activities in _parts(scope):
        sql, params = _period_indicators(scope, _INDICATOR_COLUMNS,
                                         of_activities=of_activities, with_activity=True,
                                         in_id_order=limit is not None)
        if without_result:
            sql += " AND r.id IS NULL"
        sql += " ORDER BY i.id"
        if limit is not None:
            if len(rows) >= limit:
                break
            sql += " LIMIT :limit"
            params["limit"] = limit - len(rows)
        for (uuid, name, unit, baseline, target, value, note, due, activity_uuid,
             activity_title, task_id) in execute(sql, params):
            rows.append(IndicatorRow(uuid, name, unit, baseline, target, value, note or "",
                                     day(due), activity_uuid, activity_title or "",
                                     codes.get(task_id or 0, "")))
    return rows


IndicatorRecord = tuple[str, str, str, float | None, float, float | None, str, date | None,
                        str | None, str, str]
"""An IndicatorRow's values in the order of its fields, as a plain tuple: the window's
Indicators page holds 122,000 of these at 100,000 activities (`indicator_records`)."""


def indicator_records(db: Database, year: int, *, chunk: int = 5000
                      ) -> Generator[list[IndicatorRecord]]:
    """The rows of `list_indicators` as records (plain tuples in IndicatorRow's field
    order, `IndicatorRow(*record)` the row), ``chunk`` at a time, in the same order.

    For the Indicators page at 100,000 activities (122,000 indicators): the driver's own
    tuples, read a chunk at a time in one transaction and turned into records in C
    (``zip`` and ``map`` over each chunk's columns, no Python code run per row), each
    distinct text, date and task code one object shared by every row that holds it.
    Plain tuples of plain values are also ones the garbage collector stops tracking,
    where 122,000 IndicatorRow objects stay tracked and are walked by every full
    collection (on the GUI thread too).
    """
    from sqlalchemy import text as sql_text

    with db.reading() as session:
        execute = session_execute(session)
        scope = _scope(execute, year)
        codes = Shared(lambda _: "", {tid: t.code for tid, t in _tasks(execute).items()})
        same = Shared(lambda value: value)  # names and units, as they are
        texts = Shared(lambda value: value, {None: ""})  # notes and titles: "" for null
        days = Shared(day)
        same_of, text_of = same.__getitem__, texts.__getitem__
        day_of, code_of = days.__getitem__, codes.__getitem__
        connection = session.connection()
        for of_activities in _parts(scope):
            sql, params = _period_indicators(scope, _INDICATOR_COLUMNS,
                                             of_activities=of_activities, with_activity=True)
            result = connection.execute(sql_text(sql + " ORDER BY i.id"), params)
            cursor = result.cursor  # the driver's rows: plain tuples
            try:
                while part := cursor.fetchmany(chunk):
                    (uuids, names, units, baselines, targets, values, notes, dues,
                     activity_uuids, titles, task_ids) = zip(*part, strict=True)
                    yield list(zip(uuids, map(same_of, names), map(same_of, units),
                                   baselines, targets, values, map(text_of, notes),
                                   map(day_of, dues), activity_uuids, map(text_of, titles),
                                   map(code_of, task_ids), strict=True))
            finally:
                result.close()


def _indicator_counts_by_task(execute: Execute, scope: _Scope) -> dict[int, IndicatorCounts]:
    """task id -> (indicators, with a result, on track), counted by SQL aggregates."""
    columns = ("count(i.id), count(r.id),"
               " coalesce(sum(CASE WHEN r.value >= i.target THEN 1 ELSE 0 END), 0)")
    counts: dict[int, IndicatorCounts] = defaultdict(IndicatorCounts)
    for of_activities in _parts(scope):
        sql, params = _period_indicators(scope, columns, of_activities=of_activities,
                                         counting=True)
        sql += " GROUP BY a.task_id" if of_activities else " GROUP BY i.task_id"
        for total, with_result, on_track, task_id in execute(sql, params):
            counts[task_id or 0] += IndicatorCounts(total, with_result, on_track)
    return dict(counts)


def _recommendations_in_order(execute: Execute, year: int | None = None
                              ) -> list[_Recommendation]:
    """With a year, the sources the plans in force then implement first (the cycle in
    force before the closed earlier one); follow-up ones first within that, then by
    source and paragraph as the documents number them."""
    sources = {row[0]: row[1] for row in execute("SELECT id, code FROM source", {})}
    current = sources_in_force_by(execute, year) if year is not None else frozenset()
    recommendations = [
        _Recommendation(r[0], r[1], r[2], r[3], flag(r[4]), r[5], r[6], r[7], r[8],
                        flag(r[9]), flag(r[10]))
        for r in execute("SELECT id, code, source_id, paragraph, follow_up, response,"
                         " sdg_targets, text_vi, text_en, verified, illustrative"
                         " FROM recommendation WHERE NOT retired", {})]
    return sorted(
        recommendations,
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
    return _overview(session_execute(session), year, today or date.today(),
                     lambda: _not_reported(session, year, today or date.today()))


Links = Callable[[], "dict[int, int] | None"]


def quick_overview(connection: sqlite3.Connection, year: int,
                   today: date | None = None, links: Links | None = None
                   ) -> Overview | None:
    """``overview`` read on a plain sqlite3 connection (one snapshot: the caller's
    transaction), for an agency's database; None at a focal point, whose list of the
    agencies that have not reported needs the full open.

    links: the activities linked to each recommendation (``quick_links``), read by the
    caller on a second connection at the same time, in the same snapshot (the caller
    makes sure: ui/first_read.py); asked for once the rest is read, and read here
    when it answers None."""
    from desktop_app.core.storage.sql_text import sqlite_execute

    execute = sqlite_execute(connection)
    if _role(execute) is Role.FOCAL_POINT:
        return None
    return _overview(execute, year, today or date.today(), lambda: (None, ()), links)


def quick_links(connection: sqlite3.Connection, year: int) -> dict[int, int]:
    """recommendation id -> the period's activities linked to it (this agency's at an
    agency), on a plain sqlite3 connection: the part of ``quick_overview`` that a
    second connection can read beside it."""
    from desktop_app.core.storage.sql_text import sqlite_execute

    execute = sqlite_execute(connection)
    return _links(execute, _scope(execute, year))


def _links(execute: Execute, scope: _Scope) -> dict[int, int]:
    # count(*): a link is one (activity, recommendation) pair (the table's primary
    # key), so no activity is counted twice for one recommendation; count(DISTINCT)
    # sorted every link of the period a second time to learn that.
    sql = ("SELECT ar.recommendation_id, count(*)"
           " FROM activityrecommendation ar JOIN activity a ON a.id = ar.activity_id"
           " WHERE a.period_id = :period")
    params: dict[str, Any] = {"period": scope.period_id}
    if scope.agency_id is not None:
        sql += " AND a.agency_id = :agency"
        params["agency"] = scope.agency_id
    return {rec: n for rec, n in execute(sql + " GROUP BY ar.recommendation_id", params)}


NotReported = Callable[[], "tuple[int | None, tuple[ReminderRow, ...]]"]


def _overview(execute: Execute, year: int, today: date, not_reported: NotReported,
              links_read: Links | None = None) -> Overview:
    scope = _scope(execute, year)
    areas = _areas(execute)
    tasks = _tasks(execute)
    expected = _expected_tasks(scope, tasks.values())
    expected_ids = {t.id for t in expected}

    status_sql = ("SELECT task_id, status, count(*) FROM activity"
                  " WHERE period_id = :period")
    params: dict[str, Any] = {"period": scope.period_id}
    if scope.agency_id is not None:
        status_sql += " AND agency_id = :agency"
        params["agency"] = scope.agency_id
    by_status: dict[int, dict[str, int]] = defaultdict(dict)
    for task_id, status, count in execute(status_sql + " GROUP BY task_id, status", params):
        by_status[task_id][status] = count

    indicators_by_task = _indicator_counts_by_task(execute, scope)
    shown_ids = expected_ids | set(by_status) | {i for i in indicators_by_task if i}
    shown = sorted((tasks[i] for i in shown_ids if i in tasks),
                   key=lambda t: natural_key(t.code))
    by_task = tuple(
        TaskProgress(
            t.code, t.number, t.title_vi, t.title_en,
            areas[t.area_id].code if t.area_id in areas else "", t.id in expected_ids,
            StatusCounts.from_mapping(by_status.get(t.id, {})),
            indicators_by_task.get(t.id, IndicatorCounts()))
        for t in shown)

    area_ids = {a.id for a in areas.values()
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

    links = links_read() if links_read is not None else None
    if links is None:
        links = _links(execute, scope)
    recommendations = tuple(
        RecommendationProgress(r.code, r.paragraph, r.follow_up, r.text_vi, r.text_en,
                               links.get(r.id, 0))
        for r in _recommendations_in_order(execute, year))

    missing_tasks = tuple(
        MissingTask(p.code, p.title_vi, p.title_en, p.area_code)
        for p in by_task if p.expected and p.activities.total == 0)
    missing_results = tuple(_indicators(execute, scope, tasks, without_result=True,
                                        limit=MISSING_RESULTS_LISTED))
    agencies_due, not_reported_rows = not_reported()
    plan = scope.plan
    return Overview(
        year=year, due_date=scope.due_date,
        days_left=days_between(scope.due_date, today),
        plan_code=plan.code if plan else None, plan_decision=plan.decision if plan else "",
        plan_title_vi=plan.title_vi if plan else "",
        plan_title_en=plan.title_en if plan else "",
        by_area=tuple(by_area_list), by_task=by_task, recommendations=recommendations,
        missing_tasks=missing_tasks, missing_results=missing_results,
        activities=sum((p.activities for p in by_task), StatusCounts()),
        indicators=sum(indicators_by_task.values(), IndicatorCounts()),
        agencies_due=agencies_due, not_reported=not_reported_rows)


def _not_reported(session: Session, year: int, today: date
                  ) -> tuple[int | None, tuple[ReminderRow, ...]]:
    """At the focal point: (units that had to report, the reminder list's rows)."""
    if _role(session_execute(session)) is not Role.FOCAL_POINT:
        return None, ()
    # here, not at the top: contacts.py brings the reminder workbook's writer along
    from desktop_app.core.services.contacts import reminder_list_in

    reminders = reminder_list_in(session, year, datetime.now(UTC), today)
    return reminders.agencies, reminders.rows


def list_indicators(db: Database, year: int) -> list[IndicatorRow]:
    """The period's indicators for the indicators browser (this agency's at an agency)."""
    with db.reading() as session:
        execute = session_execute(session)
        return _indicators(execute, _scope(execute, year), _tasks(execute))


def count_indicators(db: Database, year: int, up_to: int) -> int:
    """How many indicators `list_indicators` gives, or `up_to` when it gives that many or
    more (counting stops there). SQL text, no ORM query to compile: the Indicators page
    asks it on the GUI thread to decide whether to read at once or on a worker."""
    with db.reading() as session:
        execute = session_execute(session)
        scope = _scope(execute, year)
        found = 0
        for of_activities in _parts(scope):
            sql, params = _period_indicators(scope, "i.id", of_activities=of_activities)
            params["up_to"] = up_to - found
            found += int(execute(f"SELECT count(*) FROM ({sql} LIMIT :up_to) AS listed",
                                 params)[0][0])
            if found >= up_to:
                return up_to
        return found


def list_recommendations(db: Database) -> list[RecommendationRow]:
    """The catalog's recommendations in force, follow-up ones first."""
    with db.reading() as session:
        execute = session_execute(session)
        sources = {row[0]: (row[1], row[2])
                   for row in execute("SELECT id, code, symbol FROM source", {})}
        rows = []
        for r in _recommendations_in_order(execute):
            code, symbol = sources.get(r.source_id, ("", None))
            rows.append(RecommendationRow(
                r.code, code, symbol, r.paragraph, r.follow_up, r.response, r.sdg_targets,
                r.text_vi, r.text_en, r.verified, r.illustrative))
        return rows
