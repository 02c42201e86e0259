"""An agency's submissions: what a period's data is, which version it is, and the register.

A version is decided by the data alone: when the data hashes the same as the
last registered version's, the export reuses that version's UUID, number and
created time, so its metadata and content hash are the same as before; any
change to the data makes the next version with a new UUID. Every file is signed
with this installation's key (signing.sign_submission); Ed25519 signs the same
metadata the same way, so the signature never makes a new version by itself.

A file is written to a temporary file in the destination's folder and renamed
into place; the register row is committed only after the rename, in the same
transaction that checks nobody registered another version meanwhile. A failure
at any step leaves neither a file nor a row. The file reaches the disk before its
rename, and the commit right after it (files.replace_with, _commit_on_disk): a power
cut after the export says it is done loses neither.

Two ways to the database, one plan: everything the export reads is SQL text run
through an ``Execute`` (``export_facts``, ``collect_by``), in a Session on an open
``Database`` or on a plain sqlite3 connection (``storage/quick_sqlite.QuickFile``) for
an agency's file already at the schema, where the export imports neither SQLAlchemy
nor the models (issue 11). The register is written by the ORM (``_register``) or by
SQL text on that connection (``submission_register.register_on``): a test holds both
to the same rows.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app import __version__
from desktop_app.core.domain.enums import Role, stored_role
from desktop_app.core.exchange.canonical import (
    HashedData,
    canonical_json,
    columns_json_parts,
)
from desktop_app.core.exchange.signing import (
    KeyPair,
    generate_key_pair,
    sign_submission,
    stored_key_pair,
)
from desktop_app.core.exchange.submission import (
    FORMAT_VERSION,
    PreparedSubmission,
    SubmissionMeta,
)
from desktop_app.core.files import on_disk, put_back_if_failed, replace_with, temporary_beside
from desktop_app.core.problems import RefusedError, UsageError
from desktop_app.core.progress import Job, Progress, collector_paused
from desktop_app.core.services.period_facts import data_range
from desktop_app.core.services.submission_data import collect_by, collect_clean
from desktop_app.core.storage.quick_sqlite import QuickFile
from desktop_app.core.storage.sql_text import Execute, day

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop_app.core.storage.database import Database

FileWriter = Callable[[PreparedSubmission, Path], Job[None]]


# --- what the export reads besides the rows ---------------------------------------------

# the settings the export reads, as storage/settings.py and services/key_listing.py name them
ROLE, AGENCY, CONTACT, OWN_KEY = "role", "agency", "contact_person", "signing_key"


@dataclass(frozen=True)
class LastVersion:
    """The register's last version of the agency's period."""

    id: int
    uuid: str
    version: int
    created_at: datetime  # UTC
    data_hash: str
    file_name: str


@dataclass(frozen=True)
class ExportFacts:
    """This installation, its agency and the period, as the export needs them."""

    agency_id: int
    agency_code: str
    agency_name_vi: str
    agency_name_en: str
    agency_kind: str
    period_id: int
    year: int
    data_range: tuple[date, date]
    contact_person: str
    key: KeyPair | None  # None: a database made before signatures (keep_own_key stores one)
    last: LastVersion | None


def moment(value: Any) -> datetime:
    """A DATETIME column's value in UTC (SQLite keeps text, PostgreSQL a datetime)."""
    found = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return _utc(found)


def last_version_by(execute: Execute, agency_id: int, period_id: int) -> LastVersion | None:
    rows = execute(
        "SELECT id, uuid, version, created_at, data_hash, file_name FROM submission"
        " WHERE agency_id = :agency AND period_id = :period ORDER BY version DESC LIMIT 1",
        {"agency": agency_id, "period": period_id})
    if not rows:
        return None
    row_id, uuid, version, created, digest, name = rows[0]
    return LastVersion(row_id, uuid, version, moment(created), digest, name)


def settings_by(execute: Execute) -> dict[str, str]:
    return {key: value for key, value in execute(
        "SELECT key, value FROM setting WHERE key IN"
        " ('role', 'agency', 'contact_person', 'signing_key')", {})}


def export_facts(execute: Execute, year: int, refusal: str = "submission.not_agency"
                 ) -> ExportFacts:
    """What the export reads besides the rows, with the refusals of lookups.py and
    keys.own_key: not an agency (refusal), an unknown agency or period (exit 2), a
    damaged key."""
    settings = settings_by(execute)
    code = settings.get(AGENCY)
    if stored_role(settings.get(ROLE)) is not Role.AGENCY or not code:
        raise RefusedError.of(refusal)
    agency = execute("SELECT id, code, name_vi, name_en, kind FROM agency WHERE code = :code",
                     {"code": code})
    if not agency:
        raise UsageError.of("agency.unknown", code=code)
    period = execute("SELECT id, year, data_from, data_to FROM period WHERE year = :year",
                     {"year": year})
    if not period:
        raise UsageError.of("period.unknown", period=year)
    agency_id, agency_code, name_vi, name_en, kind = agency[0]
    period_id, period_year, data_from, data_to = period[0]
    return ExportFacts(
        agency_id, agency_code, name_vi, name_en, kind, period_id, period_year,
        data_range(period_year, day(data_from), day(data_to)),
        settings.get(CONTACT) or "", stored_key_pair(settings.get(OWN_KEY)),
        last_version_by(execute, agency_id, period_id))


# --- versions ------------------------------------------------------------------------


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass(frozen=True)
class Plan:
    """A version decided, not yet registered."""

    prepared: PreparedSubmission
    data_hash: str
    facts: ExportFacts  # what it was decided on (the register's last version among them)
    key: KeyPair  # this installation's key (stored with the register row if it is new)

    @property
    def last_uuid(self) -> str | None:
        return self.facts.last.uuid if self.facts.last else None


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def new_uuid() -> str:
    import uuid

    return str(uuid.uuid4())


def utc_now() -> datetime:
    """As domain.models.utc_now, without importing the models."""
    return datetime.now(UTC).replace(microsecond=0)


def plan_by(execute: Execute, year: int, now: datetime | None, clean: bool = False) -> Plan:
    """clean: the data's text made as the workbook writes it (collect's clean)."""
    facts = export_facts(execute, year)
    # the data hashed once, for both hashes; clean data is not cleaned again
    if clean:
        with collector_paused():
            data, columns = collect_clean(execute, facts.agency_id, facts.period_id)
            hashed = HashedData.of_parts(columns_json_parts(columns))
        del columns
    else:
        data = collect_by(execute, facts.agency_id, facts.period_id)
        hashed = HashedData(canonical_json(data))
    key = facts.key or generate_key_pair()
    # What the file says apart from its identity (UUID, version, time): the data and
    # every other metadata field. A new contact person or program version is a new
    # version too, so one (UUID, version) never has two content hashes — the focal
    # point refuses that as a conflict.
    said = SubmissionMeta(
        format_version=FORMAT_VERSION, app_version=__version__, agency_code=facts.agency_code,
        agency_name_vi=facts.agency_name_vi, agency_name_en=facts.agency_name_en,
        contact_person=facts.contact_person, period=facts.year,
        submission_uuid="", version=0, created_at=_EPOCH,
        activities=len(data.activities), indicators=len(data.indicators),
        links=len(data.links), content_hash="", public_key=key.public_text,
    )
    digest = hashed.content_hash(said)
    last = facts.last
    if last is not None and last.data_hash == digest:
        uuid, version, created, new = last.uuid, last.version, last.created_at, False
    else:
        uuid, version = new_uuid(), (last.version if last else 0) + 1
        created, new = _utc(now or utc_now()).replace(microsecond=0), True
    meta = replace(said, submission_uuid=uuid, version=version, created_at=created)
    # The signature covers the content hash; Ed25519 signs deterministically, so an
    # unchanged version gets the very same signature again.
    meta = sign_submission(key, meta, data, hashed=hashed)
    prepared = PreparedSubmission(meta, data, new, key_fingerprint=key.fingerprint,
                                  data_range=facts.data_range)
    return Plan(prepared, digest, facts, key)


def _plan(session: Session, year: int, now: datetime | None, clean: bool = False) -> Plan:
    from desktop_app.core.storage.sql_text import session_execute

    return plan_by(session_execute(session), year, now, clean)


def results_of(plan: Plan) -> int:
    return sum(1 for r in plan.prepared.data.indicators if r.result is not None)


def _register(session: Session, plan: Plan, file_name: str) -> None:
    """Record the planned version, unless the register moved on since the plan was made."""
    from sqlmodel import col, select

    from desktop_app.core.domain.models import Submission
    from desktop_app.core.services.keys import keep_own_key
    from desktop_app.core.services.lookups import period_by_year, reporting_agency
    from desktop_app.core.services.setup import audit

    meta = plan.prepared.meta
    agency = reporting_agency(session, "submission.not_agency")
    period = period_by_year(session, meta.period)
    last = session.exec(select(Submission).where(
        col(Submission.agency_id) == agency.id, col(Submission.period_id) == period.id,
    ).order_by(col(Submission.version).desc())).first()
    if (last.uuid if last else None) != plan.last_uuid:
        raise RefusedError.of("submission.changed_meanwhile", period=meta.period)
    keep_own_key(session, plan.key)  # a database made before signatures: its key, now
    if plan.prepared.new_version:
        session.add(Submission(
            uuid=meta.submission_uuid, agency_id=agency.id or 0, period_id=period.id or 0,
            version=meta.version, content_hash=meta.content_hash, data_hash=plan.data_hash,
            created_at=meta.created_at, activities=meta.activities,
            indicators=meta.indicators, results=results_of(plan), file_name=file_name,
            signed=True, key_fingerprint=plan.key.fingerprint))  # issue 9: every export
    else:
        assert last is not None
        last.signed, last.key_fingerprint = True, plan.key.fingerprint  # signed again now
        # Same data and metadata: the same version, whose content hash is unchanged.
        if names_file(last.file_name, file_name):
            last.file_name = file_name  # the register names the workbook over the PDF
        session.add(last)
    audit(session, "submission.exported", "submission", meta.submission_uuid,
          **exported_detail(plan, file_name))
    session.flush()


def names_file(registered: str, file_name: str) -> bool:
    """Whether the register's row of an unchanged version is to name file_name now."""
    return bool(file_name) and (not registered or file_name.lower().endswith(".xlsx"))


def exported_detail(plan: Plan, file_name: str) -> dict[str, Any]:
    """The audit event's key and facts for an export (the same on either way)."""
    meta = plan.prepared.meta
    return {"key": f"{meta.agency_code} {meta.period} v{meta.version}", "period": meta.period,
            "version": meta.version, "new_version": plan.prepared.new_version,
            "file": file_name}


def prepare_submission(db: Database, year: int, *, now: datetime | None = None,
                       file_name: str = "") -> PreparedSubmission:
    """Decide the version for the period's data now and record it in the register.

    For writing a file, write_submission_file does the same but records the
    version only once the file is in place.
    """
    with db.unit_of_work() as session:
        plan = _plan(session, year, now)
        _register(session, plan, file_name)
        return plan.prepared


def preview_submission(db: Database, year: int) -> PreparedSubmission:
    """What an export now would be (its version and file name), recording nothing."""
    with db.reading() as session:
        return _plan(session, year, None).prepared


def quick_exportable(quick: QuickFile, year: int) -> bool:
    """Whether the export of year can run on the plain connection: an agency's database
    whose agency, period and key read as they should. Anything else takes the full
    open, which words every refusal as it always does."""
    try:
        with quick.reading() as execute:
            export_facts(execute, year)
    except Exception:  # noqa: BLE001  (the full open decides and words it)
        return False
    return True


# --- files ---------------------------------------------------------------------------


def suggested_file_name(agency_code: str, year: int, version: int, ext: str) -> str:
    """A name fit for e-mail: ASCII letters, digits and underscores, e.g. VLG_2026_v3.xlsx."""
    code = re.sub(r"[^A-Za-z0-9]", "", agency_code).upper() or "NAP"
    return f"{code}_{year}_v{version}.{ext.lstrip('.').lower()}"


def check_destination(path: Path) -> None:
    """Refuse a destination that cannot be written before any work is done."""
    folder = path.parent
    if path.is_dir():
        raise RefusedError.of("file.is_folder", file=str(path))
    if not folder.is_dir():
        raise RefusedError.of("file.no_folder", file=str(path), folder=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK) or (
            path.exists() and not os.access(path, os.W_OK)):
        raise RefusedError.of("file.read_only", file=str(path))


def _plan_on(db: Database | QuickFile, year: int, now: datetime | None, clean: bool) -> Plan:
    if isinstance(db, QuickFile):
        with db.reading() as execute:
            return plan_by(execute, year, now, clean)
    with db.reading() as session:
        return _plan(session, year, now, clean)


def _register_and_rename(db: Database | QuickFile, plan: Plan, temp: Path, path: Path
                         ) -> None:
    """Register the version and rename the file into place, in one transaction: the row
    commits only once the file is there, and a commit that fails takes the file away
    (and puts back an earlier file of the same name that the new one replaced)."""
    if isinstance(db, QuickFile):
        from desktop_app.core.services.submission_register import register_on

        with db.writing() as connection, put_back_if_failed(path):
            register_on(connection, plan, path.name)
            replace_with(temp, path)
            _committed(lambda: connection.execute("COMMIT"), path)
        _commit_on_disk(db.path)
        return
    with db.unit_of_work() as session, put_back_if_failed(path):
        _register(session, plan, path.name)
        replace_with(temp, path)
        _committed(session.commit, path)
    if db.server is None:
        _commit_on_disk(db.path)


def _commit_on_disk(database: Path) -> None:
    """The register's commit flushed to the disk, as its file already is (replace_with).

    The database runs with synchronous=NORMAL: in WAL mode a commit reaches the disk at
    the next checkpoint, and a power cut before it takes the commit back. The register's
    row must not be lost once its file is in place: the next export, of other data,
    would make another file with the same version number, which the focal point refuses
    as a conflict if both reach it. Flushing the WAL (where the commit is) does what
    synchronous=FULL would do for this one commit, without changing the connection's
    setting. Best effort: a disk that fails here fails the next write loudly."""
    for name in (database.name + "-wal", database.name):
        target = database.with_name(name)
        if target.exists():
            with contextlib.suppress(OSError, RefusedError):
                on_disk(target)
            return


def _committed(commit: Callable[[], object], path: Path) -> None:
    try:
        commit()
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


def write_submission_file(db: Database | QuickFile, year: int, path: Path,
                          writer: FileWriter, *, now: datetime | None = None,
                          clean: bool = False) -> Job[PreparedSubmission]:
    """Plan the version, write the file beside its destination, rename, then register.

    db: an open Database, or an agency's file opened with sqlite3 alone (quick_exportable).
    clean=True: the writer is handed the data with its text cleaned (collect's clean).
    """
    path = Path(path)
    check_destination(path)
    plan = _plan_on(db, year, now, clean)
    with temporary_beside(path) as temp:
        yield from writer(plan.prepared, temp)
        _register_and_rename(db, plan, temp, path)
    return plan.prepared


def export_xlsx(db: Database | QuickFile, year: int, path: Path, *,
                now: datetime | None = None) -> Job[PreparedSubmission]:
    """The submission workbook: a version in the register and the file at path."""
    from desktop_app.core.exchange.xlsx_writer import write_workbook

    def writer(prepared: PreparedSubmission, temp: Path) -> Job[None]:
        return write_workbook(prepared, temp, clean=False)  # cleaned once, by collect

    prepared = yield from write_submission_file(db, year, path, writer, now=now, clean=True)
    yield Progress(1, 1, "done")
    return prepared


# --- the register --------------------------------------------------------------------


@dataclass(frozen=True)
class SubmissionRow:
    agency_code: str
    year: int
    version: int
    uuid: str
    created_at: datetime  # UTC
    content_hash: str
    activities: int
    indicators: int
    results: int
    superseded: bool
    file_name: str


def list_submissions(db: Database, year: int | None = None) -> list[SubmissionRow]:
    """The register: this agency's versions (at the focal point, everyone's), newest first."""
    from sqlalchemy import select as sa_select
    from sqlmodel import col

    from desktop_app.core.domain.models import Agency, Period, Submission
    from desktop_app.core.services.setup import installation

    with db.reading() as session:
        inst = installation(session)
        if inst.role is None:
            return []
        s = Submission
        query = sa_select(
            col(Agency.code), col(Period.year), col(s.version), col(s.uuid), col(s.created_at),
            col(s.content_hash), col(s.activities), col(s.indicators), col(s.results),
            col(s.superseded), col(s.file_name),
        ).join(Agency, col(Agency.id) == s.agency_id).join(Period, col(Period.id) == s.period_id)
        if inst.role is Role.AGENCY:
            query = query.where(col(Agency.code) == inst.agency_code)
        if year is not None:
            query = query.where(col(Period.year) == year)
        rows = [
            SubmissionRow(code, period, version, uuid, _utc(created), digest, activities,
                          indicators, results, superseded, file_name)
            for (code, period, version, uuid, created, digest, activities, indicators,
                 results, superseded, file_name) in session.execute(query)
        ]
    rows.sort(key=lambda r: (-r.year, r.agency_code, -r.version))
    return rows
