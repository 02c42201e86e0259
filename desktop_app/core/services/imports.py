"""The focal point's import: many submission files, each merged exactly once.

Every file is read and checked before anything is written (format, metadata, content
hash, each row's types and codes), then classified against what the database holds
for its agency and period:

- NEW / NEWER: an exported submission whose version is new; a newer version replaces
  the agency's earlier version for that period whole (its rows are deleted, the old
  Submission is marked superseded, the new rows go in with the file's UUIDs);
- DUPLICATE: the same version with the same content hash again (nothing to do);
- CONFLICT: the same version with another content hash (refused, naming the file
  imported before);
- OLDER: a version older than the one in force (ignored);
- TEMPLATE: a filled-in template, the agency's next version unless its data is the
  same as the version in force (then DUPLICATE);
- EDITED: a file changed after export (its content hash does not match), accepted only
  with accept_edited, then validated like a template and stored as the next version;
- REFUSED: anything else, with the reason.

A file names its own unit: a former province keeps its own code, Agency row and
version history, and views roll it up to its 2025 successor, so three pre-merger
provinces never replace each other.

Files of one batch are taken in the order (agency, period, version), so v1 and v2 in
one batch both apply. Each accepted file is one transaction; a refused file writes
only its ImportRecord. Before the first write of a batch an automatic backup is taken;
undoing the batch restores that backup and puts the import log back on top of it, so
the data is exactly as it was before the batch.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid as uuid_module
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, delete, func, insert, update
from sqlalchemy import select as sa_select
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, select

from desktop_app.core.catalog.apply import installed_version
from desktop_app.core.domain.enums import ImportOutcome
from desktop_app.core.domain.models import (
    Activity,
    ActivityRecommendation,
    Agency,
    AuditEvent,
    ImportRecord,
    Indicator,
    Period,
    Recommendation,
    Result,
    Submission,
    Task,
    new_uuid,
    utc_now,
)
from desktop_app.core.domain.search import activity_search_text
from desktop_app.core.domain.validation import (
    EARLIEST,
    LATEST,
    LONG_TEXT_FIELDS,
    MAX_BUDGET_VND,
    MAX_COUNT,
    MAX_TEXT,
    MAX_TITLE,
)
from desktop_app.core.exchange.canonical import canonical_data, content_hash, data_hash
from desktop_app.core.exchange.columns import SHEETS
from desktop_app.core.exchange.submission import (
    FORMAT_VERSION,
    SubmissionData,
    SubmissionMeta,
)
from desktop_app.core.exchange.template_reader import ReadTemplate
from desktop_app.core.exchange.xlsx_reader import _letter
from desktop_app.core.problems import Location, Problem, RefusedError
from desktop_app.core.progress import Job, Progress
from desktop_app.core.services.agencies import AgencyDirectory
from desktop_app.core.services.lookups import require_focal_point
from desktop_app.core.services.setup import audit
from desktop_app.core.storage.database import Database

__all__ = [
    "FilePlan", "ImportLogRow", "ImportSummary", "UndoResult", "import_log", "plan_import",
    "run_import", "save_problems_workbook", "undo_last_import",
]

BATCH_ACTION = "import.batch"
UNDO_ACTION = "import.undo"
BACKUP_REASON = "before-import"
_CHUNK = 500  # identifiers per IN (...) query
_REFUSALS = frozenset({ImportOutcome.REFUSED, ImportOutcome.CONFLICT})
_UNCHANGED = frozenset({ImportOutcome.DUPLICATE, ImportOutcome.OLDER})


# --- what callers see ------------------------------------------------------------------


@dataclass(frozen=True)
class FilePlan:
    path: Path
    outcome: ImportOutcome
    agency_code: str | None  # the unit the file names (a former province keeps its own)
    rollup_code: str | None  # the 2025 unit it counts under
    agency_name: str | None
    period: int | None
    version: int | None
    from_template: bool
    edited: bool
    added: int  # activity rows, against the agency's version in force for the period
    changed: int
    removed: int
    problems: tuple[Problem, ...]
    conflict_with: str | None  # the file imported before, for a CONFLICT
    file_sha256: str

    @property
    def accepted(self) -> bool:
        return self.outcome.changed_data

    @property
    def refused(self) -> bool:
        return self.outcome in _REFUSALS


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
    message: str
    undone: bool


# --- reading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Read:
    """One file as read, before it is classified."""

    path: Path
    sha256: str
    problems: tuple[Problem, ...] = ()  # the file as a whole was refused
    meta: SubmissionMeta | None = None
    data: SubmissionData | None = None
    hash_ok: bool = False
    row_problems: tuple[Problem, ...] = ()
    rows: dict[str, list[int]] = field(default_factory=dict)
    template: ReadTemplate | None = None
    data_json: str = ""  # the canonical JSON of data, when the reader made it


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(2**20):
                digest.update(chunk)
    except OSError:
        return ""
    return digest.hexdigest()


def _read(path: Path) -> _Read:
    from desktop_app.core.exchange.template_reader import is_template, read_template
    from desktop_app.core.exchange.xlsx_reader import check_container, read_submission

    sha = _sha256(path) if path.is_file() else ""
    try:
        check_container(path)
        if is_template(path):
            return _Read(path, sha, template=read_template(path, checked=True))
        read = read_submission(path)
        return _Read(path, sha, meta=read.meta, data=read.data, hash_ok=read.hash_ok,
                     row_problems=tuple(read.problems), rows=read.rows,
                     data_json=read.data_json)
    except RefusedError as error:
        return _Read(path, sha, problems=error.problems)
    except (MemoryError, RecursionError, ValueError, TypeError, KeyError, IndexError,
            AttributeError, OSError) as error:  # a library tripping on a malformed file
        return _Read(path, sha, problems=(Problem(
            "xlsx.damaged", {"file": path.name, "detail": type(error).__name__}),))


# --- the catalog and the database's state ----------------------------------------------


@dataclass(frozen=True)
class _Catalog:
    directory: AgencyDirectory
    periods: dict[int, int]  # year -> id
    tasks: dict[str, tuple[int, str, str]]  # code -> (id, title_vi, title_en)
    recommendations: dict[str, int]  # code -> id
    version: int | None

    @classmethod
    def of(cls, session: Session) -> _Catalog:
        agencies = list(session.exec(select(Agency)).all())
        for agency in agencies:
            session.expunge(agency)
        return cls(
            AgencyDirectory.of(agencies),
            {p.year: p.id or 0 for p in session.exec(select(Period))},
            {t.code: (t.id or 0, t.title_vi, t.title_en) for t in session.exec(select(Task))},
            {r.code: r.id or 0 for r in session.exec(select(Recommendation))},
            installed_version(session),
        )


@dataclass
class _Pair:
    """What the database (and, in a preview, the files before) hold for agency × period."""

    agency: Agency
    period_id: int
    versions: dict[int, tuple[str, str]]  # version -> (content hash, file name)
    current_version: int | None
    current_data_hash: str | None
    in_force: list[int]  # Submission ids a newly accepted file supersedes
    data: SubmissionData | None = None  # the data in force, loaded when first needed

    def current_data(self, session: Session) -> SubmissionData:
        if self.data is None:
            if self.current_version is None:
                self.data = SubmissionData()
            else:
                from desktop_app.core.services.submissions import collect

                period = session.get(Period, self.period_id)
                assert period is not None
                self.data = collect(session, self.agency, period)
        return self.data


class _Pairs:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.known: dict[tuple[int, int], _Pair] = {}

    def get(self, agency: Agency, period_id: int) -> _Pair:
        key = (agency.id or 0, period_id)
        if key not in self.known:
            rows = self.session.exec(select(Submission).where(
                col(Submission.agency_id) == agency.id,
                col(Submission.period_id) == period_id)).all()
            current = [s for s in rows if not s.superseded]
            top = max(current, key=lambda s: s.version) if current else None
            self.known[key] = _Pair(
                agency, period_id, {s.version: (s.content_hash, s.file_name) for s in rows},
                top.version if top else None, top.data_hash if top else None,
                [s.id or 0 for s in current])
        return self.known[key]


# --- checking rows -----------------------------------------------------------------------

_EXPORT_LETTERS: dict[str, dict[str, str]] = {
    sheet.key: {c.key: _letter(i) for i, c in enumerate(sheet.columns)} for sheet in SHEETS
}
_TITLES = {sheet.key: sheet.title for sheet in SHEETS}


class _Locator:
    def __init__(self, path: Path, rows: dict[str, list[int]],
                 letters: dict[str, dict[str, str]]) -> None:
        self.path, self.rows, self.letters = path, rows, letters

    def __call__(self, sheet: str, index: int, key: str) -> Location:
        numbers = self.rows.get(sheet, [])
        return Location(self.path.name, _TITLES[sheet],
                        numbers[index] if index < len(numbers) else None,
                        self.letters.get(sheet, {}).get(key) or None)


def _check_rows(data: SubmissionData, catalog: _Catalog, where: _Locator) -> list[Problem]:
    """The rules the reader cannot know: catalog codes, ranges, references, repeats."""
    problems: list[Problem] = []

    def add(problem_code: str, sheet: str, index: int, key: str, /, **params: Any) -> None:
        problems.append(Problem(problem_code, params, key, where(sheet, index, key)))

    def check_date(sheet: str, index: int, key: str, value: Any) -> None:
        if value is not None and not EARLIEST <= value <= LATEST:
            add("value.date_out_of_range", sheet, index, key, value=value.isoformat(),
                min=EARLIEST.isoformat(), max=LATEST.isoformat())

    activity_uuids: set[str] = set()
    for i, a in enumerate(data.activities):
        if a.uuid in activity_uuids:
            add("import.duplicate_uuid", "activities", i, "uuid", uuid=a.uuid)
        activity_uuids.add(a.uuid)
        if a.task_code not in catalog.tasks:
            add("code.unknown_task", "activities", i, "task_code", code=a.task_code)
        if len(a.title.strip()) > MAX_TITLE:
            add("value.too_long", "activities", i, "title", length=len(a.title), max=MAX_TITLE)
        for key in LONG_TEXT_FIELDS:
            text = getattr(a, key) or ""
            if len(text) > MAX_TEXT:
                add("value.too_long", "activities", i, key, length=len(text), max=MAX_TEXT)
        check_date("activities", i, "start_date", a.start_date)
        check_date("activities", i, "end_date", a.end_date)
        if a.start_date and a.end_date and a.end_date < a.start_date:
            add("date.end_before_start", "activities", i, "end_date",
                start=a.start_date.isoformat(), end=a.end_date.isoformat())
        for key in ("women", "ethnic_minorities", "disabilities", "children", "budget_vnd"):
            value = getattr(a, key)
            limit = MAX_BUDGET_VND if key == "budget_vnd" else MAX_COUNT
            if value is not None and value > limit:
                add("value.too_large", "activities", i, key, value=value, max=limit)
    seen: set[str] = set()
    for i, ind in enumerate(data.indicators):
        if ind.uuid in seen or (ind.result_uuid and ind.result_uuid in seen):
            add("import.duplicate_uuid", "indicators", i, "uuid", uuid=ind.uuid)
        seen.add(ind.uuid)
        if ind.result_uuid:
            seen.add(ind.result_uuid)
        if ind.activity_uuid is not None and ind.activity_uuid not in activity_uuids:
            add("import.unknown_activity", "indicators", i, "activity_uuid",
                uuid=ind.activity_uuid)
        if ind.activity_uuid is None and not ind.task_code:
            add("template.indicator_owner", "indicators", i, "activity_uuid")
        if ind.task_code and ind.task_code not in catalog.tasks:
            add("code.unknown_task", "indicators", i, "task_code", code=ind.task_code)
        check_date("indicators", i, "due_date", ind.due_date)
    pairs: set[tuple[str, str]] = set()
    for i, link in enumerate(data.links):
        if link.activity_uuid not in activity_uuids:
            add("import.unknown_activity", "links", i, "activity_uuid",
                uuid=link.activity_uuid)
        if link.recommendation_code not in catalog.recommendations:
            add("code.unknown_recommendation", "links", i, "recommendation_code",
                code=link.recommendation_code)
        elif (link.activity_uuid, link.recommendation_code) in pairs:
            add("code.duplicate_link", "links", i, "recommendation_code",
                code=link.recommendation_code)
        pairs.add((link.activity_uuid, link.recommendation_code))
    return problems


def _taken_uuids(session: Session, data: SubmissionData, replaced: Sequence[int]
                 ) -> list[str]:
    """The file's identifiers that rows outside the version it replaces already use."""
    taken: list[str] = []
    groups: list[tuple[Any, list[str]]] = [
        (Activity, [a.uuid for a in data.activities]),
        (Indicator, [i.uuid for i in data.indicators]),
    ]
    for model, uuids in groups:
        for start in range(0, len(uuids), _CHUNK):
            query = sa_select(col(model.uuid)).where(
                col(model.uuid).in_(uuids[start:start + _CHUNK]))
            if replaced:
                query = query.where(col(model.submission_id).is_(None)
                                    | col(model.submission_id).not_in(list(replaced)))
            taken.extend(session.execute(query).scalars())
    results = [i.result_uuid for i in data.indicators if i.result_uuid]
    mine = [i.uuid for i in data.indicators]
    for start in range(0, len(results), _CHUNK):
        query = (sa_select(col(Result.uuid))
                 .join(Indicator, col(Indicator.id) == Result.indicator_id)
                 .where(col(Result.uuid).in_(results[start:start + _CHUNK])))
        if replaced:
            query = query.where(col(Indicator.submission_id).is_(None)
                                | col(Indicator.submission_id).not_in(list(replaced)))
        taken.extend(u for u in session.execute(query).scalars() if u not in mine)
    return taken


def _fingerprints(data: SubmissionData) -> dict[str, list[Any]]:
    """Each activity with its indicators and links, in canonical form."""
    sheets = dict((key, rows) for key, rows in canonical_data(data))
    groups: dict[str, list[Any]] = {r["uuid"]: [r] for r in sheets["activities"]}
    for key in ("indicators", "links"):
        for row in sheets[key]:
            owner = row.get("activity_uuid")
            if owner in groups:
                groups[owner].append(row)
    return groups


def _counts(old: SubmissionData, new: SubmissionData) -> tuple[int, int, int]:
    if not old.activities:
        return len(new.activities), 0, 0
    before, after = _fingerprints(old), _fingerprints(new)
    added = sum(1 for u in after if u not in before)
    removed = sum(1 for u in before if u not in after)
    changed = sum(1 for u, fp in after.items() if u in before and before[u] != fp)
    return added, changed, removed


# --- classifying -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Write:
    agency_id: int
    period_id: int
    period: int
    version: int
    submission_uuid: str
    content_hash: str
    data_hash: str
    created_at: datetime
    data: SubmissionData
    supersedes: tuple[int, ...]
    from_template: bool
    edited: bool
    file_name: str


@dataclass(frozen=True)
class _Decision:
    plan: FilePlan
    write: _Write | None = None
    submission_uuid: str | None = None


def _plan(read: _Read, outcome: ImportOutcome, *, agency: Agency | None = None,
          catalog: _Catalog | None = None, period: int | None = None,
          version: int | None = None, counts: tuple[int, int, int] = (0, 0, 0),
          problems: Iterable[Problem] = (), conflict_with: str | None = None,
          from_template: bool = False, edited: bool = False) -> FilePlan:
    rollup = (catalog.directory.rollup_code(agency) if agency is not None and catalog
              else None)
    return FilePlan(read.path, outcome, agency.code if agency else None, rollup,
                    agency.name_vi if agency else None, period, version, from_template,
                    edited, *counts, tuple(problems), conflict_with, read.sha256)


def _file_problem(read: _Read, code: str, **params: Any) -> Problem:
    # no location: the message names the file
    return Problem(code, {"file": read.path.name or str(read.path), **params})


def _decide(read: _Read, catalog: _Catalog, pairs: _Pairs, accept_edited: bool,
            now: datetime) -> _Decision:
    if read.problems:
        return _Decision(_plan(read, ImportOutcome.REFUSED, problems=read.problems))
    if read.template is not None:
        return _decide_template(read, read.template, catalog, pairs, now)
    assert read.meta is not None and read.data is not None
    meta = read.meta
    agency = catalog.directory.get(meta.agency_code) or catalog.directory.resolve(
        meta.agency_name_vi)
    if agency is None:
        return _Decision(_plan(read, ImportOutcome.REFUSED, period=meta.period,
                               version=meta.version, problems=[_file_problem(
                                   read, "import.unknown_agency", agency=meta.agency_code)]))
    base: dict[str, Any] = {"agency": agency, "catalog": catalog, "period": meta.period}
    if meta.period not in catalog.periods:
        return _Decision(_plan(read, ImportOutcome.REFUSED, version=meta.version, **base,
                               problems=[_file_problem(read, "import.unknown_period",
                                                       period=meta.period)]))
    if read.row_problems:
        return _Decision(_plan(read, ImportOutcome.REFUSED, version=meta.version, **base,
                               problems=read.row_problems))
    where = _Locator(read.path, read.rows, _EXPORT_LETTERS)
    pair = pairs.get(agency, catalog.periods[meta.period])
    if not read.hash_ok:
        if not accept_edited:
            return _Decision(_plan(read, ImportOutcome.REFUSED, version=meta.version, **base,
                                   problems=[_file_problem(read, "import.edited_after_export")]))
        return _accept_like_template(read, read.data, agency, meta.period, pair, catalog,
                                     pairs.session, where, now, edited=True,
                                     contact=meta.contact_person, created=meta.created_at)
    if meta.version in pair.versions:
        known_hash, known_file = pair.versions[meta.version]
        if known_hash == meta.content_hash:
            return _Decision(_plan(read, ImportOutcome.DUPLICATE, version=meta.version,
                                   **base), submission_uuid=meta.submission_uuid)
        return _Decision(_plan(read, ImportOutcome.CONFLICT, version=meta.version, **base,
                               conflict_with=known_file or "?", problems=[_file_problem(
                                   read, "import.conflict", version=meta.version,
                                   other=known_file or "?")]))
    if pair.current_version is not None and meta.version < pair.current_version:
        return _Decision(_plan(read, ImportOutcome.OLDER, version=meta.version, **base,
                               problems=[_file_problem(read, "import.older",
                                                       version=meta.version,
                                                       current=pair.current_version)]))
    problems = _check_rows(read.data, catalog, where)
    problems += _taken(read, read.data, pair, pairs.session)
    if problems:
        return _Decision(_plan(read, ImportOutcome.REFUSED, version=meta.version, **base,
                               problems=problems))
    outcome = ImportOutcome.NEW if pair.current_version is None else ImportOutcome.NEWER
    counts = _counts(pair.current_data(pairs.session), read.data)
    write = _Write(agency.id or 0, pair.period_id, meta.period, meta.version,
                   meta.submission_uuid, meta.content_hash,
                   data_hash(read.data, data_json=read.data_json or None),
                   meta.created_at, read.data, tuple(pair.in_force), False, False,
                   read.path.name)
    _accept_in(pair, write)
    return _Decision(_plan(read, outcome, version=meta.version, counts=counts, **base),
                     write, meta.submission_uuid)


def _taken(read: _Read, data: SubmissionData, pair: _Pair, session: Session) -> list[Problem]:
    taken = _taken_uuids(session, data, pair.in_force)
    if not taken:
        return []
    return [_file_problem(read, "import.uuid_taken", uuid=taken[0], count=len(taken))]


def _accept_in(pair: _Pair, write: _Write) -> None:
    """The pair as it is once the file is in (a preview carries on from there)."""
    pair.versions[write.version] = (write.content_hash, write.file_name)
    pair.current_version = write.version
    pair.current_data_hash = write.data_hash
    pair.data = write.data


def _decide_template(read: _Read, template: ReadTemplate, catalog: _Catalog, pairs: _Pairs,
                     now: datetime) -> _Decision:
    from desktop_app.core.exchange.template import GENERAL_CELLS, GENERAL_SHEET

    agency = catalog.directory.resolve(template.agency_text) if template.agency_text else None
    problems = list(template.problems)
    if template.agency_text and agency is None:
        ref = GENERAL_CELLS["agency"]
        problems.insert(0, Problem("import.unknown_agency", {"agency": template.agency_text},
                                   "agency", Location(read.path.name, GENERAL_SHEET,
                                                      int(ref[1:]), ref[0])))
    period = template.period
    if period is not None and period not in catalog.periods:
        ref = GENERAL_CELLS["period"]
        problems.insert(0, Problem("import.unknown_period", {"period": period}, "period",
                                   Location(read.path.name, GENERAL_SHEET, int(ref[1:]),
                                            ref[0])))
    if problems or agency is None or period is None:
        return _Decision(_plan(read, ImportOutcome.REFUSED, agency=agency, catalog=catalog,
                               period=period, from_template=True, problems=problems))
    records = template.records(agency.code, period)
    if records.problems:
        return _Decision(_plan(read, ImportOutcome.REFUSED, agency=agency, catalog=catalog,
                               period=period, from_template=True, problems=records.problems))
    pair = pairs.get(agency, catalog.periods[period])
    where = _Locator(read.path, records.rows, template.letters)
    return _accept_like_template(read, records.data, agency, period, pair, catalog,
                                 pairs.session, where, now, edited=False,
                                 contact=template.contact_person, created=now)


def _accept_like_template(read: _Read, data: SubmissionData, agency: Agency, period: int,
                          pair: _Pair, catalog: _Catalog, session: Session, where: _Locator,
                          now: datetime, *, edited: bool, contact: str,
                          created: datetime) -> _Decision:
    """A template or an edited file: checked row by row, then the agency's next version."""
    outcome = ImportOutcome.EDITED if edited else ImportOutcome.TEMPLATE
    flags: dict[str, Any] = {"agency": agency, "catalog": catalog, "period": period,
                             "from_template": not edited, "edited": edited}
    problems = _check_rows(data, catalog, where)
    if problems:
        return _Decision(_plan(read, ImportOutcome.REFUSED, problems=problems, **flags))
    digest = data_hash(data)
    if pair.current_version is not None and pair.current_data_hash == digest:
        return _Decision(_plan(read, ImportOutcome.DUPLICATE, version=pair.current_version,
                               problems=[_file_problem(read, "import.same_as_current",
                                                       version=pair.current_version)],
                               **flags))
    taken = _taken(read, data, pair, session)
    if taken:
        return _Decision(_plan(read, ImportOutcome.REFUSED, problems=taken, **flags))
    version = max(pair.versions, default=0) + 1
    from desktop_app import __version__

    meta = SubmissionMeta(
        format_version=FORMAT_VERSION, app_version=__version__, agency_code=agency.code,
        agency_name_vi=agency.name_vi, agency_name_en=agency.name_en,
        contact_person=contact, period=period, submission_uuid=new_uuid(), version=version,
        created_at=created.astimezone(UTC).replace(microsecond=0),
        activities=len(data.activities), indicators=len(data.indicators),
        links=len(data.links), content_hash="", from_template=not edited)
    counts = _counts(pair.current_data(session), data)
    write = _Write(agency.id or 0, pair.period_id, period, version, meta.submission_uuid,
                   content_hash(meta, data), digest, meta.created_at, data,
                   tuple(pair.in_force), not edited, edited, read.path.name)
    _accept_in(pair, write)
    return _Decision(_plan(read, outcome, version=version, counts=counts, **flags), write,
                     meta.submission_uuid)


# --- the order of a batch ------------------------------------------------------------------


def _order_key(read: _Read, catalog: _Catalog) -> tuple[int, str, int, int, str]:
    if read.template is not None:
        agency = catalog.directory.resolve(read.template.agency_text or "")
        return (1, agency.code if agency else "", read.template.period or 0, 1 << 30,
                read.path.name)
    if read.meta is not None:
        agency = catalog.directory.get(read.meta.agency_code)
        return (1, agency.code if agency else read.meta.agency_code, read.meta.period,
                read.meta.version, read.path.name)
    return (0, "", 0, 0, read.path.name)


def _read_all(paths: Sequence[Path]) -> Job[list[_Read]]:
    reads = []
    yield Progress(0, len(paths), "read")
    for index, path in enumerate(paths, start=1):
        reads.append(_read(Path(path)))
        yield Progress(index, len(paths), "read")
    return reads




# --- the public use cases ----------------------------------------------------------------


def plan_import(db: Database, paths: Sequence[Path], *, accept_edited: bool = False
                ) -> Job[list[FilePlan]]:
    """Read, check and classify every file, in batch order; write nothing."""
    with db.reading() as session:
        require_focal_point(session)
        catalog = _Catalog.of(session)
    reads = yield from _read_all(paths)
    reads.sort(key=lambda r: _order_key(r, catalog))
    plans: list[FilePlan] = []
    now = utc_now()
    with db.reading() as session:
        pairs = _Pairs(session)
        for index, read in enumerate(reads, start=1):
            plans.append(_decide(read, catalog, pairs, accept_edited, now).plan)
            yield Progress(index, len(reads), "check")
    return plans


def run_import(db: Database, paths: Sequence[Path], *, accept_edited: bool = False
               ) -> Job[ImportSummary]:
    """Import a batch: each accepted file is one transaction; every file is logged."""
    from desktop_app.core.storage.backup import automatic_backup

    with db.reading() as session:
        require_focal_point(session)
        catalog = _Catalog.of(session)
    reads = yield from _read_all(paths)
    reads.sort(key=lambda r: _order_key(r, catalog))
    batch = new_uuid()
    backup = automatic_backup(db.path, BACKUP_REASON) if reads else None
    plans: list[FilePlan] = []
    for index, read in enumerate(reads, start=1):
        plans.append(_import_one(db, read, catalog, batch,
                                 backup if index == 1 else None, accept_edited))
        yield Progress(index, len(reads), "import")
    return ImportSummary(
        batch, plans, sum(1 for p in plans if p.accepted), sum(1 for p in plans if p.refused),
        sum(1 for p in plans if p.outcome in _UNCHANGED))


def _import_one(db: Database, read: _Read, catalog: _Catalog, batch: str,
                backup: Path | None, accept_edited: bool) -> FilePlan:
    now = utc_now()
    try:
        with db.unit_of_work() as session:
            if backup is not None:
                audit(session, BATCH_ACTION, "import_batch", batch, backup=str(backup),
                      catalog_version=catalog.version)
            decision = _decide(read, catalog, _Pairs(session), accept_edited, now)
            if decision.write is not None:
                _write(session, decision.write, catalog, now)
            session.add(_record(decision.plan, batch, now, decision.submission_uuid))
            return decision.plan
    except SQLAlchemyError as error:
        plan = _plan(read, ImportOutcome.REFUSED, problems=[_file_problem(
            read, "import.write_failed", detail=type(error).__name__)])
        with db.unit_of_work() as session:
            if backup is not None:
                audit(session, BATCH_ACTION, "import_batch", batch, backup=str(backup),
                      catalog_version=catalog.version)
            session.add(_record(plan, batch, now, None))
        return plan


def _message(problems: Sequence[Problem]) -> str:
    if not problems:
        return ""
    from desktop_app.messages import problem_text

    first = problems[0]
    more = f" (+{len(problems) - 1})" if len(problems) > 1 else ""
    return f"{problem_text(first, 'vi')}{more} / {problem_text(first, 'en')}{more}"


def _record(plan: FilePlan, batch: str, now: datetime, submission_uuid: str | None
            ) -> ImportRecord:
    return ImportRecord(
        uuid=new_uuid(), batch_uuid=batch, file_name=plan.path.name,
        file_sha256=plan.file_sha256, imported_at=now, outcome=plan.outcome.value,
        agency_code=plan.agency_code, period_year=plan.period, version=plan.version,
        submission_uuid=submission_uuid, message=_message(plan.problems))


class _NextIds:
    def __init__(self, session: Session, model: Any) -> None:
        table = model.__table__
        self.next = int(session.execute(sa_select(func.coalesce(func.max(table.c.id), 0)))
                        .scalar_one())

    def take(self) -> int:
        self.next += 1
        return self.next


def _table(model: Any) -> Any:
    return model.__table__


def _write(session: Session, w: _Write, catalog: _Catalog, now: datetime) -> None:
    """Replace the agency's version in force for the period by this one, in bulk."""
    for old in w.supersedes:
        session.execute(delete(_table(Activity)).where(_table(Activity).c.submission_id == old))
        session.execute(delete(_table(Indicator))
                        .where(_table(Indicator).c.submission_id == old))
    if w.supersedes:
        session.execute(update(_table(Submission))
                        .where(_table(Submission).c.id.in_(list(w.supersedes)))
                        .values(superseded=True))
    data = w.data
    results = sum(1 for i in data.indicators if i.result is not None)
    submission_id = _NextIds(session, Submission).take()
    session.execute(insert(_table(Submission)), [{
        "id": submission_id, "uuid": w.submission_uuid, "agency_id": w.agency_id,
        "period_id": w.period_id, "version": w.version, "content_hash": w.content_hash,
        "data_hash": w.data_hash, "created_at": w.created_at, "received_at": now,
        "activities": len(data.activities), "indicators": len(data.indicators),
        "results": results, "from_template": w.from_template, "edited": w.edited,
        "superseded": False, "file_name": w.file_name,
    }])
    codes: dict[str, list[str]] = {}
    for link in data.links:
        codes.setdefault(link.activity_uuid, []).append(link.recommendation_code)
    activity_ids = _NextIds(session, Activity)
    by_uuid: dict[str, int] = {}
    activities = []
    for a in data.activities:
        task_id, title_vi, title_en = catalog.tasks[a.task_code]
        activity_id = by_uuid[a.uuid] = activity_ids.take()
        activities.append({
            "id": activity_id, "uuid": a.uuid, "agency_id": w.agency_id,
            "period_id": w.period_id, "task_id": task_id, "title": a.title,
            "description": a.description or "", "type": a.type, "status": a.status,
            "start_date": a.start_date, "end_date": a.end_date, "women": a.women,
            "ethnic_minorities": a.ethnic_minorities, "disabilities": a.disabilities,
            "children": a.children, "budget_vnd": a.budget_vnd, "outputs": a.outputs or "",
            "challenges": a.challenges or "", "next_steps": a.next_steps or "",
            "evidence": a.evidence or "",
            "search_text": activity_search_text(a.title, a.description or "",
                                                (a.task_code, title_vi, title_en),
                                                codes.get(a.uuid, [])),
            "carried_from": a.carried_from, "submission_id": submission_id,
            "created_at": now, "updated_at": now,
        })
    links = [{"activity_id": by_uuid[link.activity_uuid],
              "recommendation_id": catalog.recommendations[link.recommendation_code]}
             for link in data.links]
    indicator_ids = _NextIds(session, Indicator)
    indicators, results_rows = [], []
    for ind in data.indicators:
        indicator_id = indicator_ids.take()
        indicators.append({
            "id": indicator_id, "uuid": ind.uuid, "agency_id": w.agency_id,
            "activity_id": by_uuid[ind.activity_uuid] if ind.activity_uuid else None,
            "task_id": (catalog.tasks[ind.task_code][0]
                        if ind.activity_uuid is None and ind.task_code else None),
            "name": ind.name, "unit": ind.unit, "baseline": ind.baseline,
            "target": ind.target, "due_date": ind.due_date, "submission_id": submission_id,
        })
        if ind.result is not None:
            results_rows.append({
                "uuid": ind.result_uuid or str(uuid_module.uuid5(
                    uuid_module.NAMESPACE_URL, f"nap-result:{ind.uuid}:{w.period}")),
                "indicator_id": indicator_id, "period_id": w.period_id, "value": ind.result,
                "note": ind.result_note or "",
            })
    for model, rows in ((Activity, activities), (ActivityRecommendation, links),
                        (Indicator, indicators), (Result, results_rows)):
        _bulk(session, model, rows)


def _stored(value: Any) -> Any:
    """A value as SQLAlchemy's SQLite types store it (dates and times as ISO text)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _bulk(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """INSERT many rows through the driver's executemany, in the session's transaction.

    SQLAlchemy's own executemany spends longer preparing the parameters of a few
    thousand rows than SQLite spends inserting them; the values are converted here as
    its Date and DateTime types would store them.
    """
    if not rows:
        return
    table = _table(model)
    keys = list(rows[0])
    sql = (f"INSERT INTO {table.name} ({', '.join(keys)}) "  # noqa: S608  (our own names)
           f"VALUES ({', '.join('?' * len(keys))})")
    timed = [i for i, key in enumerate(keys)
             if isinstance(table.c[key].type, Date | DateTime)]
    getter = itemgetter(*keys)
    params: list[Any] = [getter(row) for row in rows] if len(keys) > 1 else [
        (row[keys[0]],) for row in rows]
    if timed:
        for index, values in enumerate(params):
            values = list(values)
            for i in timed:
                if values[i] is not None:
                    values[i] = _stored(values[i])
            params[index] = values
    connection = session.connection().connection.driver_connection
    assert connection is not None
    connection.executemany(sql, params)


# --- the log and undo ----------------------------------------------------------------------


def import_log(db: Database, limit: int = 200) -> list[ImportLogRow]:
    """The files met by imports, newest first."""
    with db.reading() as session:
        rows = session.exec(select(ImportRecord).order_by(col(ImportRecord.id).desc())
                            .limit(limit)).all()
        return [ImportLogRow(
            r.batch_uuid, r.file_name, r.file_sha256,
            r.imported_at.replace(tzinfo=UTC) if r.imported_at.tzinfo is None
            else r.imported_at.astimezone(UTC),
            ImportOutcome(r.outcome), r.agency_code, r.period_year, r.version,
            r.submission_uuid, r.message, r.undone) for r in rows]


_CHANGED = [o.value for o in ImportOutcome if o.changed_data]


def _batch_changed(session: Session, batch: str) -> bool:
    return session.exec(select(func.count()).select_from(ImportRecord).where(
        col(ImportRecord.batch_uuid) == batch, col(ImportRecord.outcome).in_(_CHANGED),
        col(ImportRecord.undone).is_(False))).one() > 0


def undo_last_import(db: Database) -> UndoResult:
    """Undo the last import batch that changed data: its backup comes back, the log stays.

    Refused (nothing changes) when there is nothing to undo, when the batch's backup
    is gone, or when anything else changed the database after the batch.
    """
    from desktop_app.core.paths import backups_dir
    from desktop_app.core.storage.backup import backup_to, restore_database

    with db.reading() as session:
        require_focal_point(session)
        batch = session.exec(select(ImportRecord.batch_uuid).where(
            col(ImportRecord.outcome).in_(_CHANGED), col(ImportRecord.undone).is_(False))
            .order_by(col(ImportRecord.id).desc())).first()
        if batch is None:
            raise RefusedError.of("import.nothing_to_undo")
        event = session.exec(select(AuditEvent).where(
            col(AuditEvent.action) == BATCH_ACTION, col(AuditEvent.entity_uuid) == batch)).first()
        detail = json.loads(event.detail) if event is not None else {}
        backup = Path(detail.get("backup") or "")
        if event is None or not detail.get("backup") or not backup.is_file():
            raise RefusedError.of("import.undo_no_backup")
        later = session.exec(select(AuditEvent).where(col(AuditEvent.id) > event.id)
                             .order_by(col(AuditEvent.id))).all()
        for other in later:
            if other.action == UNDO_ACTION or (
                    other.action == BATCH_ACTION and other.entity_uuid
                    and not _batch_changed(session, other.entity_uuid)):
                continue
            raise RefusedError.of("import.undo_changed_after", action=other.action,
                                  at=other.at.isoformat(sep=" "))
        if installed_version(session) != detail.get("catalog_version"):
            raise RefusedError.of("import.undo_changed_after", action="catalog",
                                  at="-")
        files = session.exec(select(func.count()).select_from(ImportRecord).where(
            col(ImportRecord.batch_uuid) == batch)).one()
    # The state to come back to: the backup, with the import log (this batch's records
    # marked undone) and the audit trail carried over; then one restore puts it in place.
    staging = backups_dir() / f".undo-{batch}.sqlite"
    staging.unlink(missing_ok=True)
    try:
        backup_to(backup, staging)
        connection = sqlite3.connect(staging)
        try:
            connection.execute("ATTACH DATABASE ? AS live", (str(db.path),))
            with connection:
                for table in ("importrecord", "auditevent"):
                    connection.execute(
                        f"INSERT INTO main.{table} SELECT * FROM live.{table} "  # noqa: S608
                        f"WHERE uuid NOT IN (SELECT uuid FROM main.{table}) ORDER BY id")
                connection.execute("UPDATE main.importrecord SET undone = 1 "
                                   "WHERE batch_uuid = ?", (batch,))
                connection.execute(
                    "INSERT INTO main.auditevent (uuid, at, action, entity, entity_uuid, "
                    "detail) VALUES (?, ?, ?, ?, ?, ?)",
                    (new_uuid(), utc_now().replace(tzinfo=None).isoformat(sep=" ")
                     + ".000000", UNDO_ACTION, "import_batch", batch,
                     json.dumps({"files": files}, ensure_ascii=False)))
            connection.execute("DETACH DATABASE live")
        finally:
            connection.close()
        db.engine.dispose()
        restore_database(staging, db.path)
        db.engine.dispose()
    finally:
        staging.unlink(missing_ok=True)
    return UndoResult(batch, int(files))


# --- the problems, as a workbook for the agency --------------------------------------------


def save_problems_workbook(plans: Sequence[FilePlan], path: Path) -> None:
    """Every problem of the plans, one a row (file, sheet, row, column, rule vi/en)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from desktop_app.core.files import write_atomically
    from desktop_app.messages import text

    def words(problem: Problem, lang: int) -> str:
        return text(problem.code, "vi" if lang == 0 else "en", **problem.params)

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Lỗi - Problems"
    headers = (("Tệp", "File", 28), ("Cơ quan", "Agency", 10), ("Trang tính", "Sheet", 22),
               ("Dòng", "Row", 7), ("Cột", "Column", 7), ("Trường", "Field", 18),
               ("Quy tắc bị vi phạm", "Rule (Vietnamese)", 60),
               ("Rule broken", "Rule (English)", 60))
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE7F0")
    for index, (vi, en, width) in enumerate(headers, start=1):
        for row, label in ((1, vi), (2, en)):
            cell = ws.cell(row, index)
            cell.value, cell.data_type = label, "s"
            cell.font, cell.fill = bold, fill
        ws.column_dimensions[chr(64 + index)].width = width
    ws.freeze_panes = "A3"
    row = 3
    wrap = Alignment(wrap_text=True, vertical="top")
    for plan in plans:
        for problem in plan.problems:
            where = problem.where or Location()
            values: list[str | int | None] = [
                where.file or plan.path.name, plan.agency_code, where.sheet, where.row,
                where.column, problem.field, words(problem, 0), words(problem, 1)]
            for index, value in enumerate(values, start=1):
                if value is None:
                    continue
                cell = ws.cell(row, index)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # always text, never a formula
                    if value.startswith(("=", "+", "-", "@")):
                        cell.quotePrefix = True
                if index >= 7:
                    cell.alignment = wrap
            row += 1
    write_atomically(Path(path), lambda temporary: wb.save(temporary))
