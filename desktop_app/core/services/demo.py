"""Demo data: a realistic year of work, the same every time for the same seed.

Determinism: the random stream is seeded by the seed, the period, the agency
and the number of activities already there (the starting state), so a second
call adds new rows with new UUIDs while two fresh databases given the same
arguments end up identical. Rows go in with SQLAlchemy Core bulk statements in
one transaction: 20,000 activities take a few seconds.

What an activity says comes from `demo_compose` (the work that fits the agency and
the task, and its words), over `demo_work` and `demo_central` (the works of a
province and of the central agencies), `demo_numbers` (its counts, results and
budget), `demo_places` (communes and wards of each province) and `demo_text` (the
word pools). tests/core/test_demo_realism.py checks the rules the data keeps.
"""

from __future__ import annotations

import hashlib
import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert
from sqlmodel import Session, SQLModel, col, select

from desktop_app.core.catalog.document import read_bundled_catalog
from desktop_app.core.domain.enums import ActivityStatus, AgencyKind, Role
from desktop_app.core.domain.models import (
    Activity,
    ActivityRecommendation,
    Agency,
    Indicator,
    Period,
    Plan,
    Recommendation,
    Result,
    Submission,
    Task,
    TaskRecommendation,
)
from desktop_app.core.domain.search import activity_search_text
from desktop_app.core.domain.validation import validate_activity
from desktop_app.core.problems import UsageError, ValidationError
from desktop_app.core.progress import Job, Progress
from desktop_app.core.services.demo_compose import Voice, compose, voice_for
from desktop_app.core.services.lookups import period_by_year as _period
from desktop_app.core.services.periods import ensure_open
from desktop_app.core.services.setup import audit, initialise, installation
from desktop_app.core.storage.database import Database

DEMO_AGENCY = "VLG"
STEP = 1000

STATUS_WEIGHTS = {
    ActivityStatus.COMPLETED: 45, ActivityStatus.IN_PROGRESS: 30, ActivityStatus.PLANNED: 15,
    ActivityStatus.POSTPONED: 6, ActivityStatus.CANCELLED: 4,
}


@dataclass(frozen=True)
class DemoResult:
    activities: int
    indicators: int
    results: int
    submissions: int
    agency: str | None
    period: int


@dataclass(frozen=True)
class _TaskInfo:
    id: int
    code: str
    title_vi: str
    title_en: str
    kinds: tuple[str, ...]
    recommendations: tuple[tuple[int, str], ...]


class _Ids:
    """Hands out the next integer ids; safe because one transaction writes at a time."""

    def __init__(self, session: Session, model: type[SQLModel]) -> None:
        table: Any = getattr(model, "__table__")  # noqa: B009  (not in the type stubs)
        self.next = int(session.exec(select(func.coalesce(func.max(table.c.id), 0))).one())

    def take(self) -> int:
        self.next += 1
        return self.next


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _tasks_for(session: Session, year: int) -> list[_TaskInfo]:
    plans = session.exec(select(Plan).where(col(Plan.retired).is_(False))).all()
    in_force = [p for p in plans if (p.starts or 0) <= year and (p.ends is None or p.ends >= year)]
    chosen = [max(in_force, key=lambda p: p.starts or 0)] if in_force else plans
    plan_ids = {p.id for p in chosen}
    links: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for task_id, rec_id, code in session.exec(
        select(TaskRecommendation.task_id, col(Recommendation.id), Recommendation.code).join(
            Recommendation, col(Recommendation.id) == TaskRecommendation.recommendation_id
        )
    ):
        links[task_id].append((rec_id or 0, code))
    tasks = session.exec(
        select(Task).where(col(Task.retired).is_(False), col(Task.plan_id).in_(plan_ids))
        .order_by(col(Task.code))
    ).all()
    return [
        _TaskInfo(t.id or 0, t.code, t.title_vi, t.title_en, tuple(t.responsible_kinds.split()),
                  tuple(links.get(t.id or 0, ())))
        for t in tasks
    ]


def _weighted(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]




class _Writer:
    """Builds rows for one agency's activities and writes them in bulk."""

    def __init__(self, session: Session, rng: random.Random, period: Period,
                 tasks: list[_TaskInfo], all_recs: list[tuple[int, str]]) -> None:
        self.session, self.rng, self.period = session, rng, period
        self.tasks, self.all_recs = tasks, all_recs
        self.task_codes = {t.code for t in tasks}
        self.rec_codes = {code for _, code in all_recs}
        self.activity_ids = _Ids(session, Activity)
        self.indicator_ids = _Ids(session, Indicator)
        self.activities: list[dict[str, Any]] = []
        self.links: list[dict[str, Any]] = []
        self.indicators: list[dict[str, Any]] = []
        self.results: list[dict[str, Any]] = []
        self.voices: dict[int, Voice] = {}
        self.by_kind: dict[str, list[_TaskInfo]] = {}

    def voice(self, agency: Agency) -> Voice:
        """How the agency speaks: made once per call, in the order agencies come."""
        key = agency.id or 0
        if key not in self.voices:
            self.voices[key] = voice_for(self.rng, agency.code, agency.kind, agency.name_vi,
                                         agency.successor_code, self.period.year)
        return self.voices[key]

    def add(self, agency: Agency, submission_id: int | None = None) -> None:
        rng, year = self.rng, self.period.year
        if agency.kind not in self.by_kind:
            self.by_kind[agency.kind] = [t for t in self.tasks if agency.kind in t.kinds]
        task = rng.choice(self.by_kind[agency.kind] or self.tasks)
        status = _weighted(rng, STATUS_WEIGHTS)
        draft = compose(rng, self.voice(agency), task.code, task.title_vi, status, year).draft
        pool = list(task.recommendations) or self.all_recs
        recs = rng.sample(pool, k=min(len(pool), rng.randint(1, 3))) if pool else []
        draft.recommendation_codes = [code for _, code in recs]
        start, end = draft.start_date, draft.end_date
        problems = validate_activity(draft, task_codes=self.task_codes,
                                     recommendation_codes=self.rec_codes)
        if problems:  # the generator must only ever make valid data
            raise ValidationError(*problems)
        activity_id = self.activity_ids.take()
        stamp = datetime(year, 1, 1, 8, tzinfo=UTC) + timedelta(seconds=rng.randint(0, 300 * 86400))
        self.activities.append({
            "id": activity_id, "uuid": _uuid(rng), "agency_id": agency.id,
            "period_id": self.period.id, "task_id": task.id, "title": draft.title,
            "description": draft.description, "type": str(draft.type), "status": status.value,
            "start_date": start, "end_date": end, "women": draft.women,
            "ethnic_minorities": draft.ethnic_minorities, "disabilities": draft.disabilities,
            "children": draft.children, "budget_vnd": draft.budget_vnd,
            "outputs": draft.outputs, "challenges": draft.challenges,
            "next_steps": draft.next_steps, "evidence": draft.evidence,
            "search_text": activity_search_text(
                draft.title, draft.description, (task.code, task.title_vi, task.title_en),
                draft.recommendation_codes),
            "carried_from": None, "submission_id": submission_id,
            "created_at": stamp, "updated_at": stamp,
        })
        self.links.extend({"activity_id": activity_id, "recommendation_id": rec_id}
                          for rec_id, _ in recs)
        for ind in draft.indicators:
            indicator_id = self.indicator_ids.take()
            self.indicators.append({
                "id": indicator_id, "uuid": _uuid(rng), "agency_id": agency.id,
                "activity_id": activity_id, "task_id": None, "name": ind.name,
                "unit": ind.unit, "baseline": ind.baseline, "target": ind.target,
                "due_date": ind.due_date, "submission_id": submission_id,
            })
            if ind.result is not None:
                self.results.append({
                    "uuid": _uuid(rng), "indicator_id": indicator_id,
                    "period_id": self.period.id, "value": ind.result, "note": ind.result_note,
                })

    def flush(self) -> None:
        for model, rows in ((Activity, self.activities), (ActivityRecommendation, self.links),
                            (Indicator, self.indicators), (Result, self.results)):
            if rows:
                self.session.execute(insert(getattr(model, "__table__")), rows)  # noqa: B009


def fill_demo(db: Database, *, activities: int, seed: int = 1,
              period: int | None = None) -> Job[DemoResult]:
    """Add demo activities (agency) or simulated submissions (focal point)."""
    if activities < 0:
        raise UsageError.of("value.negative", value=activities)
    year = period if period is not None else date.today().year
    with db.reading() as session:
        role = installation(session).role
    if role is None:
        if year not in {int(p["year"]) for p in read_bundled_catalog().get("periods", [])}:
            raise UsageError.of("period.unknown", period=year)  # before anything is made
        initialise(db, Role.AGENCY, DEMO_AGENCY)
        role = Role.AGENCY
    with db.unit_of_work() as session:
        the_period = _period(session, year)
        ensure_open(session, the_period.id or 0)
        inst = installation(session)
        state = [int(session.exec(select(func.count()).select_from(model)).one())
                 for model in (Activity, Indicator, Submission)]
        rng = random.Random(f"{seed}:{year}:{inst.agency_code}:{state}")
        tasks = _tasks_for(session, year)
        if not tasks:
            raise UsageError.of("catalog.no_tasks", period=year)
        all_recs = [(r.id or 0, r.code) for r in session.exec(
            select(Recommendation).where(col(Recommendation.retired).is_(False)))]
        writer = _Writer(session, rng, the_period, tasks, all_recs)
        yield Progress(0, activities, "demo")
        if role is Role.AGENCY:
            agency = session.exec(
                select(Agency).where(col(Agency.code) == inst.agency_code)).one()
            for i in range(activities):
                writer.add(agency)
                if (i + 1) % STEP == 0:
                    yield Progress(i + 1, activities, "demo")
            submissions = 0
        else:
            submissions = yield from _simulate_submissions(session, writer, activities)
        writer.flush()
        audit(session, "demo", "demo", key=str(year), activities=activities,
              submissions=submissions, seed=seed, period=year)
        yield Progress(activities, activities, "demo")
        return DemoResult(len(writer.activities), len(writer.indicators), len(writer.results),
                          submissions, inst.agency_code, year)


def _simulate_submissions(session: Session, writer: _Writer, activities: int) -> Job[int]:
    """Accepted submissions from many agencies: some on time, some late, some superseded.

    Agencies that have not reported for the period come first; once all have, a
    further call simulates corrected versions: the new version keeps the earlier
    one's rows (as a re-export does) and adds the new ones.
    """
    rng, period = writer.rng, writer.period
    reporting = (AgencyKind.CITY, AgencyKind.PROVINCE, AgencyKind.MINISTRY)
    agencies = session.exec(select(Agency).where(
        col(Agency.active).is_(True), col(Agency.retired).is_(False),
        col(Agency.kind).in_([k.value for k in reporting]),
    ).order_by(col(Agency.code))).all()
    current = {s.agency_id: s for s in session.exec(select(Submission).where(
        col(Submission.period_id) == period.id, col(Submission.superseded).is_(False)))}
    free = [a for a in agencies if a.id not in current]
    pool = free or [a for a in agencies if a.id in current]
    chosen = rng.sample(pool, k=min(len(pool), max(1, round(len(pool) * (0.8 if free else 0.3)))))
    if not chosen:
        return 0
    due = period.due_date or date(period.year, 12, 15)
    submission_ids = _Ids(session, Submission)
    done = 0
    for index, agency in enumerate(chosen):
        share = activities // len(chosen) + (1 if index < activities % len(chosen) else 0)
        previous = current.get(agency.id or 0)
        first = previous.version + 1 if previous else 1
        last = first if previous else rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
        received = due + timedelta(days=rng.randint(-40, 25))
        if previous:
            received = max(received, previous.created_at.date() + timedelta(days=7))
        for version in range(first, last + 1):
            submission_id = submission_ids.take()
            is_current = version == last
            before = len(writer.activities), len(writer.indicators), len(writer.results)
            if is_current:
                for _ in range(share):
                    writer.add(agency, submission_id)
                    done += 1
                    if done % STEP == 0:
                        yield Progress(done, activities, "demo")
            counts = [len(writer.activities) - before[0], len(writer.indicators) - before[1],
                      len(writer.results) - before[2]]
            if is_current and previous:
                counts = [counts[0] + previous.activities, counts[1] + previous.indicators,
                          counts[2] + previous.results]
            day = received + timedelta(days=7 * (version - last))
            stamp = datetime(day.year, day.month, day.day, 9, tzinfo=UTC)
            session.execute(insert(getattr(Submission, "__table__")), [{  # noqa: B009
                "id": submission_id, "uuid": _uuid(rng), "agency_id": agency.id,
                "period_id": period.id, "version": version,
                "content_hash": f"{rng.getrandbits(256):064x}", "created_at": stamp,
                "received_at": stamp + timedelta(hours=2), "activities": counts[0],
                "indicators": counts[1], "results": counts[2], "from_template": False,
                "edited": False, "superseded": not is_current,
                "file_name": f"{agency.code}_{period.year}_v{version}.xlsx",
                # simulated as signed by the agency's own (made-up) key, as real files are
                "signed": True, "key_fingerprint": _demo_fingerprint(agency.code),
                "file_version": version,
            }])
            if is_current and previous:
                _supersede(session, previous, submission_id)
    return len(chosen)


def _demo_fingerprint(code: str) -> str:
    """A stand-in key fingerprint for a simulated agency, the same at every run."""
    digits = hashlib.sha256(f"nap-demo-key:{code}".encode()).hexdigest()[:16]
    return " ".join(digits[i:i + 4] for i in range(0, 16, 4))


def _supersede(session: Session, previous: Submission, submission_id: int) -> None:
    """The new version takes over the rows of the one it supersedes."""
    previous.superseded = True
    session.add(previous)
    for model in (Activity, Indicator):
        table: Any = getattr(model, "__table__")  # noqa: B009
        session.execute(table.update().where(table.c.submission_id == previous.id)
                        .values(submission_id=submission_id))
