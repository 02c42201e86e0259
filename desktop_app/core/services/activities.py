"""Recording an agency's activities and indicators: list, load, save, delete, carry over.

Every call is one transaction. Saving validates first and writes nothing when
a rule is broken; a locked period refuses every change. The list's rows as the window
reads them (`ActivityRow`, `activity_rows`) are made in `activity_listing.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete as sql_delete
from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from desktop_app.core.domain.enums import ActivityStatus
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
    new_uuid,
    utc_now,
)
from desktop_app.core.domain.search import activity_search_text
from desktop_app.core.domain.text import contains_folded, fold
from desktop_app.core.domain.validation import (
    ActivityCatalog,
    ActivityDraft,
    IndicatorDraft,
    validate_draft,
)
from desktop_app.core.problems import Problem, RefusedError, ValidationError
from desktop_app.core.services.activity_listing import ActivityRow as ActivityRow
from desktop_app.core.services.activity_listing import activity_rows as activity_rows
from desktop_app.core.services.activity_listing import listing_agency
from desktop_app.core.services.audit import draft_changes
from desktop_app.core.services.lookups import period_by_year as _period
from desktop_app.core.services.lookups import reporting_agency
from desktop_app.core.services.periods import ensure_open
from desktop_app.core.services.setup import audit
from desktop_app.core.storage.database import Database


@dataclass(frozen=True)
class TaskChoice:
    code: str
    title_vi: str
    title_en: str
    area_code: str
    area_title_vi: str
    area_title_en: str
    plan_code: str


@dataclass(frozen=True)
class RecommendationChoice:
    code: str
    source_code: str
    paragraph: str | None
    follow_up: bool
    text_vi: str
    text_en: str


@dataclass(frozen=True)
class Choices:
    tasks: list[TaskChoice]
    recommendations: list[RecommendationChoice]
    periods: list[tuple[int, date | None]]


def choices(db: Database) -> Choices:
    """What the pickers offer: active tasks, recommendations and the periods."""
    with db.reading() as session:
        areas = {a.id: a for a in session.exec(select(Area))}
        plans = {p.id: p.code for p in session.exec(select(Plan))}
        tasks = []
        for t in session.exec(select(Task).where(col(Task.retired).is_(False))
                              .order_by(col(Task.code))):
            area = areas.get(t.area_id)
            tasks.append(TaskChoice(
                t.code, t.title_vi, t.title_en, area.code if area else "",
                area.title_vi if area else "", area.title_en if area else "",
                plans.get(t.plan_id, "")))
        sources = {s.id: s.code for s in session.exec(select(Source))}
        recs = [
            RecommendationChoice(r.code, sources.get(r.source_id, ""), r.paragraph, r.follow_up,
                                 r.text_vi, r.text_en)
            for r in session.exec(select(Recommendation)
                                  .where(col(Recommendation.retired).is_(False))
                                  .order_by(col(Recommendation.follow_up).desc(),
                                            col(Recommendation.code)))
        ]
        periods = [(p.year, p.due_date) for p in session.exec(
            select(Period).order_by(col(Period.year)))]
    return Choices(tasks, recs, periods)


def _agency(session: Session) -> Agency:
    return reporting_agency(session)




def _writable(session: Session, year: int) -> tuple[Agency, Period]:
    agency, period = _agency(session), _period(session, year)
    ensure_open(session, period.id or 0, agency.id)
    return agency, period


def list_activities(db: Database, year: int) -> list[ActivityRow]:
    """The period's activities (this agency's; at the focal point, everyone's), each with
    the folded text it is found by."""
    return [row for chunk in activity_rows(db, year, with_search_text=True) for row in chunk]


def count_activities(db: Database, year: int, up_to: int | None = None) -> int:
    """How many activities the list of the period holds (an aggregate, no rows read);
    with ``up_to``, counted no further than that (whether a period is small is known
    after 2,000 rows, not 100,000: the pages ask it on the GUI thread)."""
    with db.reading() as session:
        period = _period(session, year)
        listed = sa_select(col(Activity.id)).where(col(Activity.period_id) == period.id)
        agency_id = listing_agency(session)
        if agency_id is not None:
            listed = listed.where(col(Activity.agency_id) == agency_id)
        if up_to is not None:
            listed = listed.limit(up_to)
        query = sa_select(func.count()).select_from(listed.subquery())
        return int(session.connection().execute(query).scalar_one())


def matching_activities(db: Database, year: int, needle: str) -> frozenset[str]:
    """The UUIDs of the period's listed activities that a filter box's text finds.

    The same rule as ``text.contains_folded`` (each typed word begins a word of the
    activity's folded text), decided where the text is: SQLite calls it on every row,
    so the texts never travel into Python's memory as a whole. Other databases hand
    the texts over in chunks.
    """
    with db.reading() as session:
        period = _period(session, year)
        query = sa_select(col(Activity.uuid)).where(col(Activity.period_id) == period.id)
        agency_id = listing_agency(session)
        if agency_id is not None:
            query = query.where(col(Activity.agency_id) == agency_id)
        if not fold(needle).split():
            return frozenset(session.connection().execute(query).scalars())
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            raw = connection.connection.driver_connection
            assert raw is not None
            raw.create_function("nap_contains_folded", 2, contains_folded, deterministic=True)
            found = session.connection().execute(query.where(
                func.nap_contains_folded(col(Activity.search_text), needle) == 1))
            return frozenset(found.scalars())
        texts = session.connection().execute(query.add_columns(col(Activity.search_text)))
        return frozenset(uuid for part in texts.partitions(5000)
                         for uuid, text in part if contains_folded(text, needle))


def _activity(session: Session, uuid: str) -> Activity:
    activity = session.exec(select(Activity).where(col(Activity.uuid) == uuid)).first()
    if activity is None:
        raise RefusedError.of("activity.unknown", uuid=uuid)
    return activity


def load_draft(db: Database, uuid: str) -> ActivityDraft:
    with db.reading() as session:
        return _draft_of(session, _activity(session, uuid))


def _draft_of(session: Session, a: Activity) -> ActivityDraft:
    task = session.get(Task, a.task_id)
    codes = list(session.exec(
        select(Recommendation.code).join(
            ActivityRecommendation,
            col(ActivityRecommendation.recommendation_id) == Recommendation.id)
        .where(col(ActivityRecommendation.activity_id) == a.id)
        .order_by(col(Recommendation.code))))
    indicators = []
    for ind in session.exec(select(Indicator).where(col(Indicator.activity_id) == a.id)
                            .order_by(col(Indicator.id))):
        result = session.exec(select(Result).where(
            col(Result.indicator_id) == ind.id, col(Result.period_id) == a.period_id)).first()
        indicators.append(IndicatorDraft(
            name=ind.name, unit=ind.unit, target=ind.target, baseline=ind.baseline,
            due_date=ind.due_date, result=result.value if result else None,
            result_note=result.note if result else "", uuid=ind.uuid))
    return ActivityDraft(
        title=a.title, task_code=task.code if task else "", type=a.type, status=a.status,
        description=a.description, start_date=a.start_date, end_date=a.end_date,
        women=a.women, ethnic_minorities=a.ethnic_minorities, disabilities=a.disabilities,
        children=a.children, budget_vnd=a.budget_vnd, outputs=a.outputs,
        challenges=a.challenges, next_steps=a.next_steps, evidence=a.evidence,
        recommendation_codes=codes, indicators=indicators, uuid=a.uuid)


def activity_catalog(db: Database) -> ActivityCatalog:
    """The codes a draft is checked against while it is typed: read once per editor."""
    with db.reading() as session:
        return _activity_catalog(session)


def _activity_catalog(session: Session) -> ActivityCatalog:
    task_codes = session.exec(select(Task.code).where(col(Task.retired).is_(False)))
    rec_codes = session.exec(select(Recommendation.code))
    return ActivityCatalog(frozenset(task_codes), frozenset(rec_codes))


def _problems(session: Session, draft: ActivityDraft) -> list[Problem]:
    """The draft against the database as it is now (the save path never trusts a snapshot)."""
    return validate_draft(draft, _activity_catalog(session))


_FIELDS = ("title", "description", "type", "status", "start_date", "end_date", "women",
           "ethnic_minorities", "disabilities", "children", "budget_vnd", "outputs",
           "challenges", "next_steps", "evidence")


def save_activity(db: Database, draft: ActivityDraft, year: int, *,
                  keep_uuid: bool = False) -> str:
    """Create (draft.uuid None, or keep_uuid for an undone delete) or update; returns the UUID."""
    with db.unit_of_work() as session:
        agency, period = _writable(session, year)
        problems = _problems(session, draft)
        if problems:
            raise ValidationError(*problems)
        task = session.exec(select(Task).where(col(Task.code) == draft.task_code)).one()
        existing = None
        if draft.uuid and not keep_uuid:
            existing = _activity(session, draft.uuid)
        before = _draft_of(session, existing) if existing is not None else None
        values = {name: getattr(draft, name) for name in _FIELDS}
        values["title"] = draft.title.strip()
        values["search_text"] = activity_search_text(
            values["title"], draft.description, (task.code, task.title_vi, task.title_en),
            draft.recommendation_codes)
        if existing is None:
            activity = Activity(uuid=draft.uuid if keep_uuid and draft.uuid else new_uuid(),
                                agency_id=agency.id or 0, period_id=period.id or 0,
                                task_id=task.id or 0, **values)
        else:
            activity = existing
            for name, value in values.items():
                setattr(activity, name, value)
            activity.task_id = task.id or 0
            activity.updated_at = utc_now()
        session.add(activity)
        session.flush()
        _write_links(session, activity, draft)
        _write_indicators(session, activity, agency, period, draft)
        audit(session, "activity.saved" if existing else "activity.created", "activity",
              activity.uuid, key=activity.title, period=year,
              changed=draft_changes(before, _draft_of(session, activity)))
        return activity.uuid


def _write_links(session: Session, activity: Activity, draft: ActivityDraft) -> None:
    session.execute(sql_delete(ActivityRecommendation).where(
        col(ActivityRecommendation.activity_id) == activity.id))
    ids = dict(session.exec(select(Recommendation.code, Recommendation.id).where(
        col(Recommendation.code).in_(draft.recommendation_codes))).all())
    for code in draft.recommendation_codes:
        session.add(ActivityRecommendation(activity_id=activity.id or 0,
                                           recommendation_id=ids[code] or 0))


def _write_indicators(session: Session, activity: Activity, agency: Agency, period: Period,
                      draft: ActivityDraft) -> None:
    current = {i.uuid: i for i in session.exec(
        select(Indicator).where(col(Indicator.activity_id) == activity.id))}
    wanted = {d.uuid for d in draft.indicators if d.uuid}
    for uuid, gone in current.items():
        if uuid not in wanted:
            session.delete(gone)
    for d in draft.indicators:
        ind = current.get(d.uuid or "")
        if ind is None:
            ind = Indicator(uuid=d.uuid or new_uuid(), agency_id=agency.id or 0,
                            activity_id=activity.id, name=d.name, unit=d.unit,
                            target=d.target or 0.0)
        ind.name, ind.unit = d.name.strip(), d.unit.strip()
        ind.target, ind.baseline, ind.due_date = d.target or 0.0, d.baseline, d.due_date
        session.add(ind)
        session.flush()
        result = session.exec(select(Result).where(
            col(Result.indicator_id) == ind.id, col(Result.period_id) == period.id)).first()
        if d.result is None:
            if result is not None:
                session.delete(result)
        elif result is None:
            session.add(Result(uuid=new_uuid(), indicator_id=ind.id or 0,
                               period_id=period.id or 0, value=d.result, note=d.result_note))
        else:
            result.value, result.note = d.result, d.result_note
            session.add(result)


def delete_activity(db: Database, uuid: str, year: int) -> ActivityDraft:
    """Delete an activity with its indicators; returns it as a draft so undo can restore it."""
    with db.unit_of_work() as session:
        _writable(session, year)
        activity = _activity(session, uuid)
        draft = _draft_of(session, activity)
        session.delete(activity)
        audit(session, "activity.deleted", "activity", uuid, key=activity.title, period=year,
              changed=draft_changes(draft, None))
        return draft


def carry_over(db: Database, from_year: int, to_year: int) -> int:
    """Copy the unfinished activities of one period into another, linked to their origin."""
    with db.unit_of_work() as session:
        agency, source = _agency(session), _period(session, from_year)
        _, target = _writable(session, to_year)
        already = set(session.exec(select(Activity.carried_from).where(
            col(Activity.period_id) == target.id, col(Activity.carried_from).is_not(None))))
        unfinished = [s.value for s in ActivityStatus if not s.finished]
        count = 0
        for a in session.exec(select(Activity).where(
            col(Activity.agency_id) == agency.id, col(Activity.period_id) == source.id,
            col(Activity.status).in_(unfinished),
        ).order_by(col(Activity.id))).all():
            if a.uuid in already:
                continue
            draft = _draft_of(session, a)
            copy = Activity(**{name: getattr(a, name) for name in _FIELDS},
                            uuid=new_uuid(), agency_id=a.agency_id, period_id=target.id or 0,
                            task_id=a.task_id, search_text=a.search_text, carried_from=a.uuid)
            session.add(copy)
            session.flush()
            for ind in draft.indicators:  # targets carry over; results belong to a period
                ind.uuid, ind.result, ind.result_note = None, None, ""
            _write_links(session, copy, draft)
            _write_indicators(session, copy, agency, target, draft)
            count += 1
        audit(session, "activity.carried_over", from_year=from_year, to_year=to_year,
              count=count)
        return count
