"""The database tables.

Catalog tables (Plan, Area, Source, Recommendation, Task, Agency, Period,
FollowUpGrade, Sdg) come from the focal point's catalog and are matched by
their stable codes. Records that travel between machines (Activity, Indicator,
Result, Submission, Assessment, CommitteeAssessment, ImportRecord, AuditEvent) carry a
UUID made where they were created, which never changes; the integer ids are local to
one database and never leave it.
"""

from __future__ import annotations

import uuid as uuid_module
from datetime import UTC, date, datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


# --- catalog -----------------------------------------------------------------


class Plan(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    code: str = Field(unique=True, max_length=40)
    decision: str
    signed_on: date | None = None
    cycle: int | None = None
    starts: int | None = None
    ends: int | None = None
    title_vi: str
    title_en: str
    verified: bool = False
    retired: bool = False


class Area(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    code: str = Field(unique=True, max_length=40)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    number: int
    title_vi: str
    title_en: str
    verified: bool = False
    illustrative: bool = False
    retired: bool = False


class Source(SQLModel, table=True):
    """Where recommendations come from: a treaty body's observations or a UPR cycle."""

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    code: str = Field(unique=True, max_length=40)
    kind: str
    symbol: str | None = None
    title_vi: str
    title_en: str
    adopted_on: date | None = None
    total: int | None = None
    supported: int | None = None
    noted: int | None = None
    verified: bool = False
    retired: bool = False


class Recommendation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    code: str = Field(unique=True, max_length=40)
    source_id: int = Field(foreign_key="source.id", index=True)
    paragraph: str | None = None
    follow_up: bool = False
    response: str | None = None
    sdg_targets: str = ""  # space-separated targets, e.g. "16.3 16.10"
    text_vi: str
    text_en: str
    # From an official list loaded from a file (one a line): who recommended it (UPR),
    # the themes and the persons affected, as the list names them.
    states: str = ""
    themes: str = ""
    affected_persons: str = ""
    verified: bool = False
    illustrative: bool = False
    retired: bool = False


class RecommendationArea(SQLModel, table=True):
    recommendation_id: int = Field(
        foreign_key="recommendation.id", primary_key=True, ondelete="CASCADE"
    )
    area_id: int = Field(foreign_key="area.id", primary_key=True, ondelete="CASCADE")


class Task(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    code: str = Field(unique=True, max_length=40)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    area_id: int | None = Field(default=None, foreign_key="area.id", index=True)
    number: int
    title_vi: str
    title_en: str
    responsible_kinds: str = ""  # space-separated AgencyKind values
    starts: int | None = None
    ends: int | None = None
    expected_outcome_vi: str = ""
    expected_outcome_en: str = ""
    verified: bool = False
    illustrative: bool = False
    retired: bool = False


class TaskRecommendation(SQLModel, table=True):
    task_id: int = Field(foreign_key="task.id", primary_key=True, ondelete="CASCADE")
    recommendation_id: int = Field(
        foreign_key="recommendation.id", primary_key=True, ondelete="CASCADE"
    )


class Agency(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    code: str = Field(unique=True, max_length=16)
    kind: str
    name_vi: str
    name_en: str
    aliases: str = ""  # one alias a line
    active: bool = True
    successor_code: str | None = None
    focal_point: bool = False
    verified: bool = False
    retired: bool = False


class Period(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    year: int = Field(unique=True)
    due_date: date | None = None
    # The data the period covers, set by the focal point; None: the default range
    # (exchange.report_model.default_period_range: 15 December of the year before to
    # 14 December, Decree 09/2019/NĐ-CP).
    data_from: date | None = None
    data_to: date | None = None
    verified: bool = False


class FollowUpGrade(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=16)
    scale: str
    meaning_vi: str
    meaning_en: str
    verified: bool = False


class Sdg(SQLModel, table=True):
    number: int = Field(primary_key=True)
    title_vi: str
    title_en: str


# --- work of an agency ---------------------------------------------------------


class Activity(SQLModel, table=True):
    # Covers the overview's count by task and status (migration 0010), and every lookup
    # by agency and period (the index of those two alone went in migration 0012); the
    # second covers the Activities page's list, in id order (migration 0014).
    __table_args__ = (Index("ix_activity_overview", "agency_id", "period_id", "task_id",
                            "status"),
                      Index("ix_activity_listing", "period_id", "id", "agency_id", "uuid",
                            "title", "task_id", "type", "status"))

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    agency_id: int = Field(foreign_key="agency.id")
    period_id: int = Field(foreign_key="period.id")
    task_id: int = Field(foreign_key="task.id", index=True)
    title: str
    description: str = ""
    type: str
    status: str
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
    # Folded title, description, task and recommendation codes, kept in step by the
    # services, so that filtering thousands of rows needs no per-keystroke folding.
    search_text: str = ""
    carried_from: str | None = None  # UUID of the activity this continues
    submission_id: int | None = Field(
        default=None, foreign_key="submission.id", index=True, ondelete="CASCADE"
    )
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)


class ActivityRecommendation(SQLModel, table=True):
    activity_id: int = Field(foreign_key="activity.id", primary_key=True, ondelete="CASCADE")
    recommendation_id: int = Field(
        foreign_key="recommendation.id", primary_key=True, index=True
    )


class Indicator(SQLModel, table=True):
    """A measurable target of an activity (or, without one, of a task)."""

    # covers the overview's indicator counts; also the index on activity_id (0011)
    __table_args__ = (Index("ix_indicator_activity_target", "activity_id", "target"),)

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    agency_id: int = Field(foreign_key="agency.id", index=True)
    activity_id: int | None = Field(
        default=None, foreign_key="activity.id", ondelete="CASCADE"
    )
    task_id: int | None = Field(default=None, foreign_key="task.id", index=True)
    name: str
    unit: str
    baseline: float | None = None
    target: float
    due_date: date | None = None
    submission_id: int | None = Field(
        default=None, foreign_key="submission.id", index=True, ondelete="CASCADE"
    )


class Result(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("indicator_id", "period_id"),
                      # covers the overview's counts with a result and on track (0011)
                      Index("ix_result_indicator_period_value", "indicator_id", "period_id",
                            "value"))

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    indicator_id: int = Field(foreign_key="indicator.id", ondelete="CASCADE")
    period_id: int = Field(foreign_key="period.id")
    value: float
    note: str = ""


class AgencyPeriod(SQLModel, table=True):
    """An agency's lock on a period; no row means open."""

    agency_id: int = Field(foreign_key="agency.id", primary_key=True)
    period_id: int = Field(foreign_key="period.id", primary_key=True)
    locked: bool = False
    changed_at: datetime = Field(default_factory=utc_now)


# --- exchange and the focal point's work -------------------------------------


class Submission(SQLModel, table=True):
    """One exported file: (agency, period, version). A newer version supersedes it."""

    __table_args__ = (UniqueConstraint("agency_id", "period_id", "version"),)

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    agency_id: int = Field(foreign_key="agency.id", index=True)
    period_id: int = Field(foreign_key="period.id")
    version: int
    content_hash: str = Field(max_length=64)
    # The hash of the data alone (canonical.data_hash): an export whose data hashes
    # the same as the last version's reuses that version instead of making a new one.
    data_hash: str = Field(default="", max_length=64)
    created_at: datetime
    received_at: datetime | None = None
    activities: int = 0
    indicators: int = 0
    results: int = 0
    from_template: bool = False
    edited: bool = False
    superseded: bool = False
    file_name: str = ""
    # Issue 9: whether the file came validly signed (templates, edited files and files of
    # the earlier format did not), by which key (its fingerprint, "" when unsigned), and
    # the version the file stated when it is not the stored number (a new key's lineage
    # numbers from 1 again while the stored numbers keep rising); None: the same.
    signed: bool = False
    key_fingerprint: str = Field(default="", max_length=19)
    file_version: int | None = None


class ImportRecord(SQLModel, table=True):
    """One file met by an import command or a GUI import, whatever became of it."""

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    batch_uuid: str = Field(index=True, max_length=36)
    file_name: str
    file_sha256: str = Field(max_length=64)
    imported_at: datetime = Field(default_factory=utc_now)
    outcome: str
    agency_code: str | None = None
    period_year: int | None = None
    version: int | None = None
    submission_uuid: str | None = None
    message: str = ""  # words, written by earlier versions; now the problems below
    # JSON: the file's first problems as codes and parameters (the faces word them)
    problems: str = ""
    problem_count: int = 0  # every problem, of which `problems` holds the first few
    undone: bool = False
    # Issue 9 (migration 0008): whether the submission the file made or matched came
    # validly signed, as the import judged it (None: no submission, or logged before).
    signed: bool | None = None
    key_fingerprint: str = Field(default="", max_length=19)


class ImportChange(SQLModel, table=True):
    """What one accepted file of an import wrote, so that undo can take it back.

    The version the file created, the versions it superseded, and every row it deleted
    (each with all its columns, as JSON) so that undo can put them back as they were.
    Undoing the batch deletes these records with the rows they describe.
    """

    id: int | None = Field(default=None, primary_key=True)
    batch_uuid: str = Field(index=True, max_length=36)
    record_uuid: str = Field(max_length=36)  # the file's ImportRecord
    submission_id: int = Field(foreign_key="submission.id", index=True)  # the new version
    superseded: str = "[]"  # JSON: the Submission ids it marked superseded
    removed: str = "{}"  # JSON: table name -> the rows it deleted, column -> value


class Assessment(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("recommendation_id", "period_id"),)

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    recommendation_id: int = Field(foreign_key="recommendation.id", index=True)
    period_id: int | None = Field(default=None, foreign_key="period.id")
    implementation: str  # the focal point's own judgment: fully / partially / not
    note: str = ""
    assessed_at: datetime = Field(default_factory=utc_now)


class CommitteeAssessment(SQLModel, table=True):
    """The Committee's follow-up grade (A–E) of a recommendation or an element of it: a fact
    the focal point records with the Committee's document and its date. ``verified`` False:
    still to check against that document (the grades stored before 0009 carried neither)."""

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    recommendation_id: int = Field(foreign_key="recommendation.id", index=True)
    grade: str = Field(max_length=2)
    element: str = ""  # the element graded; "" for the whole recommendation
    document: str = Field(default="", max_length=80)  # the Committee's symbol; "" unknown
    issued_on: date | None = None  # that document's date
    verified: bool = False
    recorded_at: datetime = Field(default_factory=utc_now)


class AuditEvent(SQLModel, table=True):
    """One change, as the audit log keeps it: who, when (UTC), what, and old -> new.

    Who: the operating-system user, the database role when a server knows one (None on
    SQLite), and the installation (its role, agency code and UUID) as they were at the
    time. What: the action, the entity with its UUID and a key a person reads (an
    activity's title, a recommendation's code), the changed fields as JSON
    ``[[field, old, new], ...]`` and further facts as a JSON object (``detail``).
    """

    __table_args__ = (Index("ix_auditevent_at", "at"),
                      Index("ix_auditevent_entity", "entity"))

    id: int | None = Field(default=None, primary_key=True)
    uuid: str = Field(unique=True, max_length=36)
    at: datetime = Field(default_factory=utc_now)
    action: str
    entity: str = ""
    entity_uuid: str | None = None
    detail: str = ""  # JSON
    # Issue 10 (migration 0008); events written before it have these empty.
    actor: str = Field(default="", max_length=128)
    database_role: str | None = Field(default=None, max_length=128)
    role: str = Field(default="", max_length=16)
    agency_code: str | None = Field(default=None, max_length=16)
    installation: str = Field(default="", max_length=36)
    entity_key: str = ""
    changes: str = ""  # JSON: [[field, old, new], ...]


class Setting(SQLModel, table=True):
    """Facts about this installation: role, agency, contact person, catalog version."""

    key: str = Field(primary_key=True)
    value: str


class PinnedKey(SQLModel, table=True):
    """The focal point's trust in an agency's signing key, pinned at its first signed file.

    One row an agency: a later file signed by another key is refused unless accepted
    deliberately, which replaces the row (the audit log keeps the earlier key).
    """

    id: int | None = Field(default=None, primary_key=True)
    agency_id: int = Field(foreign_key="agency.id", unique=True)
    public_key: str = Field(max_length=64)  # base64 of the raw 32-byte Ed25519 key
    fingerprint: str = Field(max_length=19)  # "ab12 cd34 ef56 7890"
    pinned_at: datetime = Field(default_factory=utc_now)  # UTC
    file_name: str = ""
    batch_uuid: str = Field(default="", max_length=36)


class AgencyContact(SQLModel, table=True):
    """The focal point's contact at an agency: filled from the contact named in the
    agency's latest accepted submission, edited by hand; the newer word wins."""

    agency_id: int = Field(foreign_key="agency.id", primary_key=True, ondelete="CASCADE")
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    updated_at: datetime = Field(default_factory=utc_now)  # UTC: when this was last said
    edited: bool = False  # last changed by a person (False: taken from a submission)
