"""The focal point's import: many submission files, each merged exactly once.

This is the public edge the command line and the window use. The work is three steps
with one home each:

- read (exchange.reading): a file into plain rows, or refused with its problems; the
  files of a batch are read a few at a time in child processes, on the machine's cores,
  and come back in batch order (import_reading);
- plan (import_plan, with import_rules): a pure function of what was read and of the
  ``Holdings`` the database has for the file's agency and period (read just before,
  by import_state) — the outcome, the rows to write, every problem;
- apply (import_apply): one transaction per accepted file, which records what it did
  (an ImportChange) so that undo works from those records.

A batch is first put in order by what each file says of itself (agency, period,
version: exchange.reading.heading_of, in the reading children), so that v1 and v2 in one
batch both apply;
then each file in turn is read, planned and, in ``run_import``, applied and logged, and
only its summary (FilePlan) is kept, so memory does not grow with the batch. The dry
run (``plan_import``, the window's preview) plans the same way and writes nothing.
Just before a batch's first change an automatic backup is taken (none for a batch of
refusals and duplicates); undo does not use it.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlmodel import Session, col, select

from desktop_app.core.catalog.apply import installed_version
from desktop_app.core.domain.enums import ImportOutcome
from desktop_app.core.domain.models import (
    AuditEvent,
    ImportChange,
    ImportRecord,
    Submission,
    new_uuid,
)
from desktop_app.core.domain.models import utc_now as _utc_now
from desktop_app.core.exchange.bounds import Checked
from desktop_app.core.exchange.problems_workbook import ProblemLine, write_problems_workbook
from desktop_app.core.exchange.reading import ReadFile, SubmissionFile
from desktop_app.core.problems import Location, Problem, RefusedError
from desktop_app.core.progress import Job, Progress, collector_paused
from desktop_app.core.services.audit import RESTORE_ACTION
from desktop_app.core.services.import_apply import (
    ACCEPTANCE_EVENTS,
    apply_write,
    undo_changes,
)
from desktop_app.core.services.import_plan import (
    UNCHANGED,
    Catalog,
    Decision,
    FilePlan,
    Holdings,
    after,
    batch_order,
    claim_of,
    plan_file,
    refused_plan,
    row_rules,
)
from desktop_app.core.services.import_reading import EarlyHeadings, read_files, read_headings
from desktop_app.core.services.import_records import problems_from_json, record_of
from desktop_app.core.services.import_state import catalog_of, holdings_of, stored_holdings
from desktop_app.core.services.lookups import require_focal_point
from desktop_app.core.services.periods import ensure_open, is_locked
from desktop_app.core.services.setup import audit
from desktop_app.core.storage.checkpoints import BackgroundCheckpoints
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.server import serialise

__all__ = [
    "FilePlan", "ImportLogRow", "ImportSummary", "UndoResult", "import_log", "plan_import",
    "run_import", "save_problems_workbook", "undo_last_import",
]

BATCH_ACTION = "import.batch"
# Whether a new version's identifiers already in use are found by its insert (_import_one);
# False: looked up before, as a preview does (tests hold the two to the same outcome).
TAKEN_AT_INSERT = True
UNDO_ACTION = "import.undo"
BACKUP_REASON = "before-import"


@dataclass(frozen=True)
class ImportSummary:
    batch_uuid: str
    plans: list[FilePlan]
    accepted: int
    refused: int
    unchanged: int


@dataclass(frozen=True)
class UndoResult:
    batch_uuid: str
    files: int


@dataclass(frozen=True)
class ImportLogRow:
    batch_uuid: str
    file_name: str
    file_sha256: str
    imported_at: datetime  # UTC
    outcome: ImportOutcome
    agency_code: str | None
    period: int | None
    version: int | None
    submission_uuid: str | None
    message: str  # words of a line logged by an earlier version; "" since
    undone: bool
    problems: tuple[Problem, ...] = ()  # the file's first problems, for the faces to word
    problem_count: int = 0  # all of them
    signed: bool | None = None  # whether the submission it made or matched came signed
    key_fingerprint: str = ""


# --- the batch ----------------------------------------------------------------------------


def _ordered(paths: Sequence[Path], catalog: Catalog, early: EarlyHeadings | None = None
             ) -> Job[tuple[list[Path], list[Checked | None]]]:
    """The files in batch order, from what each says of itself (a fraction of a read), and
    for each whether its container was found sound (its read need not check it again).

    early: those headings already begun for these same paths (EarlyHeadings); its
    children go on to read the files (read_files), and its maker stops them."""
    if early is not None and early.paths != [Path(p) for p in paths]:
        raise ValueError("headings begun for other files")
    keyed = []
    yield Progress(0, len(paths), "order")
    headings = iter(early) if early is not None else read_headings([Path(p) for p in paths])
    try:
        for index, (path, (heading, checked)) in enumerate(
                zip(paths, headings, strict=True), start=1):
            keyed.append((batch_order(Path(path), heading, catalog), Path(path), checked))
            yield Progress(index, len(paths), "order")
    finally:
        headings.close()
    keyed.sort(key=lambda found: found[0])
    return [path for _, path, _ in keyed], [checked for _, _, checked in keyed]


@dataclass
class _Carried:
    """What a preview carries on with from one file to the next (it writes nothing):
    the holdings after the last file of an agency, period and key lineage, and each
    agency's pin as the files before would have left it."""

    holdings: dict[tuple[int, int, str], Holdings] = field(default_factory=dict)
    pins: dict[int, tuple[str, str]] = field(default_factory=dict)  # key, fingerprint


def _decide(session: Session, read: ReadFile, catalog: Catalog, accept_edited: bool,
            accept_new_key: bool, now: datetime, carried: _Carried | None = None, *,
            taken_at_insert: bool = False) -> Decision:
    """Plan one file against the database (and, for a preview, what it carries).

    taken_at_insert: the identifiers a file of a new version uses are not looked up
    (import_state.holdings_of): the caller's insert finds them and decides again."""
    claim = claim_of(read, catalog, accept_edited=accept_edited)
    if claim is None:
        return plan_file(read, catalog, None, accept_edited=accept_edited, now=now,
                         accept_new_key=accept_new_key)
    agency_id = claim.agency.id or 0
    if is_locked(session, agency_id, claim.period_id):
        return Decision(refused_plan(read.path, read.sha256, Problem("import.period_locked", {
            "file": read.path.name or str(read.path), "agency": claim.agency.code,
            "period": claim.period})))
    key = (agency_id, claim.period_id, claim.lineage)
    before = carried.holdings.get(key) if carried is not None else None
    if carried is not None and before is None and agency_id in carried.pins:
        pin = carried.pins[agency_id]
        before = replace(stored_holdings(session, claim), pinned_key=pin[0],
                         pinned_fingerprint=pin[1])
    held = holdings_of(session, claim, before, accept_new_key=accept_new_key,
                       taken_at_insert=taken_at_insert)
    decision = plan_file(read, catalog, held, accept_edited=accept_edited, now=now,
                         accept_new_key=accept_new_key)
    if carried is not None:
        later = after(held, decision)
        carried.holdings[key] = later
        carried.pins[agency_id] = (later.pinned_key, later.pinned_fingerprint)
        for other, kept in carried.holdings.items():
            if other[0] == agency_id:
                carried.holdings[other] = replace(kept, pinned_key=later.pinned_key,
                                                  pinned_fingerprint=later.pinned_fingerprint)
    return decision


def plan_import(db: Database, paths: Sequence[Path], *, accept_edited: bool = False,
                accept_new_key: bool = False, early: EarlyHeadings | None = None
                ) -> Job[list[FilePlan]]:
    """Read, check and classify every file, in batch order; write nothing.

    early: the files' headings already begun (EarlyHeadings of these paths)."""
    with db.reading() as session:
        require_focal_point(session)
        catalog = catalog_of(session)
    ordered, checked = yield from _ordered(paths, catalog, early)
    plans: list[FilePlan] = []
    now = _utc_now()
    carried = _Carried()
    reads = read_files(ordered, checked=checked, rules=row_rules(catalog), early=early)
    try:
        with db.reading() as session:
            for index in range(1, len(ordered) + 1):
                with collector_paused():  # the file's records made and checked
                    read = next(reads)
                    decision = _decide(session, read, catalog, accept_edited,
                                       accept_new_key, now, carried)
                    plans.append(decision.plan)
                    del read, decision
                yield Progress(index, len(ordered), "check")
    finally:
        reads.close()
    return plans


def run_import(db: Database, paths: Sequence[Path], *, accept_edited: bool = False,
               accept_new_key: bool = False, early: EarlyHeadings | None = None
               ) -> Job[ImportSummary]:
    """Import a batch: each accepted file is one transaction; every file is logged.

    accept_edited: take files edited after export (unsigned); accept_new_key: take a
    file signed by another key than its agency's pinned one (the pin is replaced) or an
    unsigned file over a signed agency. Each such acceptance is in the audit log.
    early: the files' headings already begun (EarlyHeadings of these paths).
    """
    with db.reading() as session:
        require_focal_point(session)
        catalog = catalog_of(session)
    ordered, checked = yield from _ordered(paths, catalog, early)
    batch = _Batch(new_uuid(), db.path if db.server is None else None, catalog.version)
    plans: list[FilePlan] = []
    # on SQLite each checked file's rows come as a database image, which the writer
    # copies as it is (import_image); a server takes them as columns
    reads = read_files(ordered, checked=checked, rules=row_rules(catalog), early=early,
                       images=db.server is None)
    # the log copied into the file beside the writes, not inside every few commits
    # (storage/checkpoints.py); a server has no such log
    checkpoints = (BackgroundCheckpoints(db.path) if db.server is None
                   else contextlib.nullcontext(None))
    try:
        with checkpoints as copier:
            for index in range(1, len(ordered) + 1):
                # Python's cycle collector rests while the file's records are made and
                # written (~10% of the import's CPU went to its passes over them,
                # measured); they are freed, by reference counting, before it runs again.
                with collector_paused():
                    read = next(reads)
                    plans.append(_import_one(db, read, catalog, batch, accept_edited,
                                             accept_new_key))
                    del read
                if copier is not None:
                    copier.committed()
                yield Progress(index, len(ordered), "import")
    finally:
        reads.close()
    return ImportSummary(
        batch.uuid, plans, sum(1 for p in plans if p.accepted),
        sum(1 for p in plans if p.refused), sum(1 for p in plans if p.outcome in UNCHANGED))


class _Batch:
    """A batch's identity, and whether its backup and its audit line exist yet: both come
    just before its first change, so a batch of refusals and duplicates writes nothing
    but its log lines and adds no backup."""

    def __init__(self, uuid: str, db_path: Path | None, catalog_version: object) -> None:
        """db_path None: a server database, whose backups are the server's (pg_dump)."""
        self.uuid, self.db_path, self.catalog_version = uuid, db_path, catalog_version
        self.backup: Path | None = None
        self.begun = False

    def before_change(self, session: Session) -> None:
        """Inside the file's transaction, before its first write: nothing is written yet,
        so the backup (read through its own connection) is the database before the batch."""
        from desktop_app.core.storage.backup import automatic_backup

        if self.begun:
            return
        if self.backup is None and self.db_path is not None:
            self.backup = automatic_backup(self.db_path, BACKUP_REASON)
        # the batch's own line in the audit trail: what undo checks after
        audit(session, BATCH_ACTION, "import_batch", self.uuid, backup=str(self.backup),
              catalog_version=self.catalog_version)


def _import_one(db: Database, read: ReadFile, catalog: Catalog, batch: _Batch,
                accept_edited: bool, accept_new_key: bool) -> FilePlan:
    now = _utc_now()
    # On SQLite, once the batch has begun (its backup taken), a file of a new version
    # lets the insert's UNIQUE indexes find the identifiers other rows already use
    # rather than looking each one up first (~10 ms a file of a thousand activities): a
    # file that collides is rolled back whole and decided again, with the look-up, so
    # it is refused with the same words as before, or written as before.
    at_insert = TAKEN_AT_INSERT and batch.begun and db.server is None
    try:
        try:
            return _write_one(db, read, catalog, batch, accept_edited, accept_new_key, now,
                              taken_at_insert=at_insert)
        except IntegrityError:
            if not at_insert:
                raise
        return _write_one(db, read, catalog, batch, accept_edited, accept_new_key, now)
    except SQLAlchemyError as error:
        plan = refused_plan(read.path, read.sha256, Problem("import.write_failed", {
            "file": read.path.name or str(read.path), "detail": type(error).__name__}))
        with db.unit_of_work() as session:
            session.add(record_of(plan, batch.uuid, now, None))
        return plan


def _write_one(db: Database, read: ReadFile, catalog: Catalog, batch: _Batch,
               accept_edited: bool, accept_new_key: bool, now: datetime, *,
               taken_at_insert: bool = False) -> FilePlan:
    """The file decided and, when accepted, written: one transaction with its log line."""
    with db.unit_of_work() as session:
        _roomier_cache(session)
        decision = _decide_serialised(session, read, catalog, accept_edited,
                                      accept_new_key, now, taken_at_insert=taken_at_insert)
        record = record_of(decision.plan, batch.uuid, now, decision.submission_uuid)
        if decision.write is not None:
            batch.before_change(session)
            apply_write(session, decision.write, catalog, now, batch_uuid=batch.uuid,
                        record_uuid=record.uuid)
        session.add(record)
        changed = decision.write is not None
    batch.begun = batch.begun or changed
    return decision.plan


IMPORT_CACHE_KIB = 16 * 1024  # SQLite's page cache while a file is written
# The WAL's size (pages) at which a commit of the import checkpoints it (SQLite's default:
# 1,000, ~4 MB, which a file of a thousand activities passes at every commit).
IMPORT_CHECKPOINT_PAGES = 10_000
_ROOMIER = "nap_import_cache"  # set on a driver's connection once it has both


def _roomier_cache(session: Session) -> None:
    """A larger page cache on SQLite for the file's write: each file inserts thousands of
    rows into the UUID indexes, whose pages are scattered; with SQLite's default 2 MB
    cache a national database's index pages are read again from the file at every file
    (measured: a quarter of the inserts' time). The cache grows only as pages are used,
    and stays bounded, so the batch's memory stays flat.

    And a WAL checkpointed every ~40 MB rather than every ~4 MB: with the default, each
    file's commit copied its pages into the database and synced both files, and the
    index pages every file touches were copied again at each file (measured on the
    bench's 34 files: ~10% of the writes' CPU, more of their wall time). A checkpoint
    changes only when committed pages reach the database file, never what a commit
    keeps: crash safety is the same; the last connection's close checkpoints the rest.
    Most of the copying is done beside the writes, by run_import's BackgroundCheckpoints;
    the writer's own checkpoint at this size then copies what that thread has not, and
    lets the log start again from its beginning (SQLite restarts it only at a write that
    begins when every page of it has been copied, which the thread, copying while the
    next file is written, never sees)."""
    if session.get_bind().dialect.name == "sqlite":
        connection = session.connection()
        # once a driver's connection: the settings last as long as it does (two statements
        # a file cost ~0.9 ms)
        if connection.info.get(_ROOMIER) is None:
            connection.exec_driver_sql(f"PRAGMA cache_size = -{IMPORT_CACHE_KIB}")
            connection.exec_driver_sql(f"PRAGMA wal_autocheckpoint = {IMPORT_CHECKPOINT_PAGES}")
            connection.info[_ROOMIER] = True


def _import_key(agency: str | None, period: int | None) -> tuple[str, str, int | None]:
    return ("import", (agency or "").strip().upper(), period)


def _decide_serialised(session: Session, read: ReadFile, catalog: Catalog,
                       accept_edited: bool, accept_new_key: bool, now: datetime, *,
                       taken_at_insert: bool = False) -> Decision:
    """The file's decision, taken while holding its agency and period's lock.

    On a server, another analyst may import the same agency's file for the same period
    at the same time: the second waits for the first to commit and then decides on what
    it wrote, so a version is never applied twice or half. (On SQLite the unit of work
    already holds the whole file's write lock; serialise does nothing.) A signed file
    names its agency before it is decided; a filled template's agency is known after,
    so it is decided again once that lock is held.
    """
    held = (_import_key(read.meta.agency_code, read.meta.period)
            if isinstance(read, SubmissionFile) else None)
    if held is not None:
        serialise(session.connection(), *held)
    decision = _decide(session, read, catalog, accept_edited, accept_new_key, now,
                       taken_at_insert=taken_at_insert)
    if decision.write is None or session.get_bind().dialect.name != "postgresql":
        return decision
    wanted = _import_key(decision.plan.agency_code, decision.plan.period)
    if wanted == held:
        return decision
    serialise(session.connection(), *wanted)
    return _decide(session, read, catalog, accept_edited, accept_new_key, now)


# --- the log and undo ----------------------------------------------------------------------


def import_log(db: Database, limit: int = 200) -> list[ImportLogRow]:
    """The files met by imports, newest first."""
    with db.reading() as session:
        rows = session.exec(select(ImportRecord).order_by(col(ImportRecord.id).desc())
                            .limit(limit)).all()
        # What the import recorded for each file; lines logged before it did (migration
        # 0008) fall back to the submission they made or matched.
        uuids = {r.submission_uuid for r in rows if r.submission_uuid and r.signed is None}
        keyed = {s.uuid: (s.signed, s.key_fingerprint) for s in session.exec(
            select(Submission).where(col(Submission.uuid).in_(list(uuids))))} if uuids else {}
        return [ImportLogRow(
            r.batch_uuid, r.file_name, r.file_sha256,
            r.imported_at.replace(tzinfo=UTC) if r.imported_at.tzinfo is None
            else r.imported_at.astimezone(UTC),
            ImportOutcome(r.outcome), r.agency_code, r.period_year, r.version,
            r.submission_uuid, r.message, r.undone, problems_from_json(r.problems),
            r.problem_count, *((r.signed, r.key_fingerprint) if r.signed is not None
                               else keyed.get(r.submission_uuid or "", (None, ""))))
            for r in rows]


_CHANGED = [o.value for o in ImportOutcome if o.changed_data]


def _batch_changed(session: Session, batch: str) -> bool:
    return session.exec(select(func.count()).select_from(ImportRecord).where(
        col(ImportRecord.batch_uuid) == batch, col(ImportRecord.outcome).in_(_CHANGED),
        col(ImportRecord.undone).is_(False))).one() > 0


def _detail(event: AuditEvent) -> dict[str, object]:
    try:
        detail = json.loads(event.detail) if event.detail else {}
    except ValueError:
        return {}
    return detail if isinstance(detail, dict) else {}


def _check_undoable(session: Session, batch: str) -> None:
    """Refuse when the batch's changes were not recorded or anything changed after it."""
    event = session.exec(select(AuditEvent).where(
        col(AuditEvent.action) == BATCH_ACTION, col(AuditEvent.entity_uuid) == batch)).first()
    accepted = session.exec(select(ImportRecord.uuid).where(
        col(ImportRecord.batch_uuid) == batch, col(ImportRecord.outcome).in_(_CHANGED))).all()
    recorded = set(session.exec(select(ImportChange.record_uuid).where(
        col(ImportChange.batch_uuid) == batch)).all())
    if event is None or any(uuid not in recorded for uuid in accepted):
        raise RefusedError.of("import.undo_not_recorded")
    later = session.exec(select(AuditEvent).where(col(AuditEvent.id) > event.id)
                         .order_by(col(AuditEvent.id))).all()
    for other in later:
        owner = _detail(other).get("batch") if other.action in ACCEPTANCE_EVENTS else None
        if isinstance(owner, str) and (owner == batch or not _batch_changed(session, owner)):
            continue  # written by this batch's files, or by a batch undone since
        if other.action in (UNDO_ACTION, RESTORE_ACTION) or (  # a restore: data as then
                other.action == BATCH_ACTION and other.entity_uuid
                and not _batch_changed(session, other.entity_uuid)):
            continue
        raise RefusedError.of("import.undo_changed_after", action=other.action,
                              at=other.at.isoformat(sep=" "))
    detail = json.loads(event.detail) if event.detail else {}
    if installed_version(session) != detail.get("catalog_version"):
        raise RefusedError.of("import.undo_changed_after", action="catalog", at="-")


def undo_last_import(db: Database) -> UndoResult:
    """Undo the last import batch that changed data, in one transaction, from its records.

    What the batch added goes, what it removed comes back and what it superseded is in
    force again; its log lines stay, marked undone. Refused (nothing changes) when there
    is nothing to undo, or when anything else changed the database after the batch.
    """
    with db.unit_of_work() as session:
        require_focal_point(session)
        batch = session.exec(select(ImportRecord.batch_uuid).where(
            col(ImportRecord.outcome).in_(_CHANGED), col(ImportRecord.undone).is_(False))
            .order_by(col(ImportRecord.id).desc())).first()
        if batch is None:
            raise RefusedError.of("import.nothing_to_undo")
        _check_undoable(session, batch)
        # a period locked since the batch keeps what the batch brought (issue 10 item 7)
        for agency_id, period_id in session.exec(
                select(Submission.agency_id, Submission.period_id).distinct()
                .join(ImportRecord, col(ImportRecord.submission_uuid) == col(Submission.uuid))
                .where(col(ImportRecord.batch_uuid) == batch,
                       col(ImportRecord.outcome).in_(_CHANGED))):
            ensure_open(session, period_id, agency_id)
        files = int(session.exec(select(func.count()).select_from(ImportRecord).where(
            col(ImportRecord.batch_uuid) == batch)).one())
        undo_changes(session, batch)
        session.execute(update(ImportRecord).where(col(ImportRecord.batch_uuid) == batch)
                        .values(undone=True))
        audit(session, UNDO_ACTION, "import_batch", batch, files=files)
    return UndoResult(batch, files)


# --- the problems, as a workbook for the agency --------------------------------------------


def save_problems_workbook(plans: Sequence[FilePlan], path: Path,
                           words: Callable[[Problem, str], str]) -> None:
    """Every problem of the plans, one a row (file, sheet, row, column, rule vi/en).

    words(problem, lang): the rule the problem broke, in "vi" or "en" (the faces word
    problem codes; the location has columns of its own).
    """
    lines = []
    for plan in plans:
        for problem in plan.problems:
            where = problem.where or Location()
            lines.append(ProblemLine(
                where.file or plan.path.name, plan.agency_code, where.sheet, where.row,
                where.column, problem.field, words(problem, "vi"), words(problem, "en")))
    write_problems_workbook(lines, Path(path))
