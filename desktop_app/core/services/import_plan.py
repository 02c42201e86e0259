"""The import's decision for one file: a pure function, with no database and no file.

``plan_file`` takes what the reader made of a file (exchange.reading) and a snapshot of
what the database holds for the file's agency and period (``Holdings``, read by
import_state before planning) and says what importing it means:

- NEW / NEWER: an exported submission whose version is new; a newer version replaces
  the agency's earlier version for that period whole (its rows go, the old Submission
  is superseded, the new rows go in with the file's UUIDs);
- DUPLICATE: the same version with the same content hash again (nothing to do);
- CONFLICT: the same version with another content hash (refused, naming the file
  imported before);
- OLDER: a version older than the one in force (ignored);
- TEMPLATE: a filled-in template, the agency's next version unless its data is the
  same as the version in force (then DUPLICATE);
- EDITED: a file changed after export (its content hash does not match), accepted only
  with accept_edited, then checked like a template and stored as the next version;
- REFUSED: anything else, with every problem found.

Signatures (issue 9): each file's signature is judged against the agency's pinned key
(services/import_keys.py says the rule); a refusal on that ground comes before the
version rules, an accepted file may pin or replace the key at apply.

Versions. A file's version lies in 1…999,999 (the reader refuses others). Versions are
compared within a key's lineage (the submissions stored with the same key fingerprint,
"" for unsigned ones): a new laptop numbering from 1 again is a lineage of its own, so
a file accepted with accept_new_key supersedes whatever is stored. A stored version
above 999,999 (a forgery taken before the bound) counts as 0. The number stored on the
Submission keeps rising (the file's own version, or one above every stored version when
that is higher), and ``Submission.file_version`` keeps the file's.

A file names its own unit: a former province keeps its own code and version history,
and views roll it up to its 2025 successor. The result is a ``Decision``: the file's
summary (``FilePlan``: outcome, rows added / changed / removed, problems) and, for an
accepted file, the ``Write`` that import_apply carries out. ``after`` gives the
holdings as they are once a file is in, so a preview of a batch carries on from there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.core.domain.enums import ImportOutcome
from desktop_app.core.domain.models import Agency, new_uuid
from desktop_app.core.exchange.canonical import content_hash, data_hash
from desktop_app.core.exchange.reading import (
    Heading,
    ReadFile,
    RefusedFile,
    SubmissionFile,
    TemplateFile,
    version_ok,
    version_problem,
)
from desktop_app.core.exchange.signing import encode, fingerprint
from desktop_app.core.exchange.submission import (
    FORMAT_VERSION,
    SubmissionData,
    SubmissionMeta,
)
from desktop_app.core.exchange.template import GENERAL_CELLS, GENERAL_SHEET
from desktop_app.core.problems import Location, Problem
from desktop_app.core.services.agencies import AgencyDirectory
from desktop_app.core.services.import_keys import KeyJudgement, judge, signature_of
from desktop_app.core.services.import_rules import (
    EXPORT_LETTERS,
    CheckedSubmission,
    Locator,
    RowRules,
    check_rows,
    count_changes,
)
from desktop_app.core.services.keys import KeyVerdict

REFUSALS = frozenset({ImportOutcome.REFUSED, ImportOutcome.CONFLICT})
UNCHANGED = frozenset({ImportOutcome.DUPLICATE, ImportOutcome.OLDER})


# --- what planning needs to know ----------------------------------------------------------


@dataclass(frozen=True)
class TaskRef:
    id: int
    title_vi: str
    title_en: str


@dataclass(frozen=True)
class Catalog:
    """The catalog's codes as the import checks and writes them."""

    directory: AgencyDirectory
    periods: Mapping[int, int]  # year -> Period id
    tasks: Mapping[str, TaskRef]  # code -> task
    recommendations: Mapping[str, int]  # code -> Recommendation id
    version: int | None = None  # the catalog version installed
    # year -> the task codes of the plans in force then (templates.tasks_in_force)
    tasks_in_force: Mapping[int, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredVersion:
    content_hash: str
    file_name: str


@dataclass(frozen=True)
class Holdings:
    """What the database holds for one agency and period, read before a file is planned.

    Facts later rules need (the agency's pinned key, whether the period is locked)
    belong here too, so the plan stays a function of what it is given.
    """

    agency_id: int
    period_id: int
    # The versions of the claim's key lineage as the files stated them, superseded too.
    versions: Mapping[int, StoredVersion] = field(default_factory=dict)
    current_version: int | None = None  # the lineage's highest (within 1…MAX_VERSION)
    current_data_hash: str | None = None
    # The rows of the version in force; None when not read because the file's version
    # alone settles its outcome (see may_accept).
    data_in_force: SubmissionData | None = field(default_factory=SubmissionData)
    in_force: tuple[int, ...] = ()  # Submission ids an accepted file supersedes
    taken: tuple[str, ...] = ()  # the file's UUIDs that rows outside in_force already use
    top_version: int | None = None  # the highest stored number, every lineage (≤ MAX_VERSION)
    in_force_version: int | None = None  # the stored number of the version in force
    pinned_key: str = ""  # base64 of the agency's pinned public key; "" when none
    pinned_fingerprint: str = ""
    signed_in_force: bool = False  # the version in force came signed

    @property
    def signed_agency(self) -> bool:
        """Whether an unsigned file would replace signed data (needs accept_new_key)."""
        return bool(self.pinned_key) or self.signed_in_force


@dataclass(frozen=True)
class Claim:
    """Whose rows a file carries, for which period: what the database is asked about."""

    agency: Agency
    period: int
    period_id: int
    version: int | None  # as the file states it; None when it becomes the next version
    data: SubmissionData  # its rows, with the identifiers to look for in the database
    lineage: str = ""  # the fingerprint of a validly signed file's key; "" when unsigned


# --- what planning says ---------------------------------------------------------------


@dataclass(frozen=True)
class FilePlan:
    """One file's summary: what importing it does (or did), without its rows."""

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
    signed: bool = False  # validly signed, and taken as such
    key_fingerprint: str = ""  # of the key the file names (signed or not), "" when none
    pinned_fingerprint: str = ""  # the agency's pinned key's, "" when none
    key_action: str = ""  # what an acceptance does to the pin: "pin", "replace" or ""
    needs_new_key: bool = False  # refused only for want of accept_new_key
    notes: tuple[Problem, ...] = ()  # what an acceptance says besides (a key pinned...)

    @property
    def accepted(self) -> bool:
        return self.outcome.changed_data

    @property
    def refused(self) -> bool:
        return self.outcome in REFUSALS


@dataclass(frozen=True)
class Write:
    """An accepted file's new version, which replaces the version in force whole."""

    agency_id: int
    period_id: int
    period: int
    version: int
    submission_uuid: str
    content_hash: str
    data_hash: str
    created_at: datetime
    data: SubmissionData  # the rows to add
    supersedes: tuple[int, ...]  # Submission ids whose rows go
    from_template: bool
    edited: bool
    file_name: str
    signed: bool = False
    key_fingerprint: str = ""  # "" for an unsigned version
    file_version: int | None = None  # the version the file states (None: same as version)
    pin: bytes = b""  # the raw public key to pin at apply ("": leave the pin)
    replace_pin: bool = False  # the pin is replaced deliberately (accept_new_key)
    unsigned_over_signed: bool = False  # accepted deliberately: in the audit log
    contact_person: str = ""  # the contact the file names (services/contacts.py keeps it)
    # each activity's search text, made where the file was read; empty: made at the write
    search_texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    plan: FilePlan
    write: Write | None = None
    submission_uuid: str | None = None  # the submission the file is (new or already in)


# --- the rules ---------------------------------------------------------------------------


def _agency_of(read: SubmissionFile | TemplateFile, catalog: Catalog) -> Agency | None:
    if isinstance(read, TemplateFile):
        text = read.template.agency_text
        return catalog.directory.resolve(text) if text else None
    meta = read.meta
    return catalog.directory.get(meta.agency_code) or catalog.directory.resolve(
        meta.agency_name_vi)


def claim_of(read: ReadFile, catalog: Catalog, *, accept_edited: bool) -> Claim | None:
    """What the file claims, or None when it is refused before the database matters."""
    if isinstance(read, RefusedFile):
        return None
    agency = _agency_of(read, catalog)
    if isinstance(read, TemplateFile):
        template = read.template
        period = template.period
        if (agency is None or period is None or period not in catalog.periods
                or template.problems):
            return None
        records = template.records(agency.code, period)
        if records.problems:
            return None
        return Claim(agency, period, catalog.periods[period], None, records.data)
    meta = read.meta
    if (agency is None or meta.period not in catalog.periods or read.problems
            or not (read.hash_ok or accept_edited)):
        return None
    check = signature_of(read)
    return Claim(agency, meta.period, catalog.periods[meta.period],
                 meta.version if read.hash_ok else None, read.data,
                 check.fingerprint if check.valid else "")


def may_accept(claim: Claim, held: Holdings, *, accept_new_key: bool = False) -> bool:
    """Whether the file may be accepted as far as its version tells.

    When it may not (a duplicate, a conflict, an older version), the rows in force and
    the identifiers taken need not be read. With accept_new_key an older version may
    still be accepted (a new laptop numbers from 1 again).
    """
    if claim.version is None:
        return True
    if claim.version in held.versions:
        return False
    return (accept_new_key or held.current_version is None
            or claim.version > held.current_version)


def _stored_number(held: Holdings, stated: int) -> int:
    """The number a new version is stored under: the file's, or above every stored one."""
    return max(stated, (held.top_version or 0) + 1)


def plan_file(read: ReadFile, catalog: Catalog, held: Holdings | None, *,
              accept_edited: bool, now: datetime, accept_new_key: bool = False,
              make_uuid: Callable[[], str] = new_uuid) -> Decision:
    """The outcome of one file against what the database holds for its agency and period.

    held: the holdings for claim_of(read, ...); None only when that is None.
    make_uuid: the new version's UUID for a template or an edited file.
    accept_new_key: take a file signed by another key than the pinned one, or an
    unsigned file over a signed agency (the window's confirmation, --accept-new-key).
    """
    if isinstance(read, RefusedFile):
        return Decision(_plan(read, ImportOutcome.REFUSED, problems=read.problems))
    if isinstance(read, TemplateFile):
        return _plan_template(read, catalog, held, now, make_uuid, accept_new_key)
    meta = read.meta
    agency = _agency_of(read, catalog)
    if agency is None:
        return Decision(_plan(read, ImportOutcome.REFUSED, period=meta.period,
                              version=meta.version, problems=[_file_problem(
                                  read, "import.unknown_agency", agency=meta.agency_code)]))
    base: dict[str, Any] = {"agency": agency, "catalog": catalog, "period": meta.period,
                            "version": meta.version}
    if not version_ok(meta.version):  # the reader refuses these already
        return Decision(_plan(read, ImportOutcome.REFUSED, **{**base, "version": None},
                              problems=[version_problem(read.path, meta.version)]))
    if meta.period not in catalog.periods:
        return Decision(_plan(read, ImportOutcome.REFUSED, **base, problems=[_file_problem(
            read, "import.unknown_period", period=meta.period)]))
    if read.problems:
        return Decision(_plan(read, ImportOutcome.REFUSED, **base, problems=read.problems))
    if not read.hash_ok and not accept_edited:
        return Decision(_plan(read, ImportOutcome.REFUSED, **base, problems=[
            _file_problem(read, "import.edited_after_export")]))
    assert held is not None, "an acceptable file is planned against its holdings"
    keyed = judge(read, agency.code, held.pinned_key, held.pinned_fingerprint,
                  held.signed_agency, accept_new_key)
    facts = keyed.facts()
    if keyed.refusal is not None:
        return Decision(replace(_plan(read, ImportOutcome.REFUSED, **base,
                                      problems=[keyed.refusal]), **facts))
    where = Locator(read.path, read.rows, EXPORT_LETTERS)
    if not read.hash_ok:
        return _like_template(read, read.data, agency, meta.period, held, catalog, where,
                              edited=True, contact=meta.contact_person,
                              created=meta.created_at, make_uuid=make_uuid, keyed=keyed)
    if meta.version in held.versions:
        known = held.versions[meta.version]
        if known.content_hash == meta.content_hash:
            return Decision(replace(_plan(read, ImportOutcome.DUPLICATE, **base), **facts),
                            submission_uuid=meta.submission_uuid)
        other = known.file_name or "?"
        return Decision(replace(_plan(
            read, ImportOutcome.CONFLICT, **base, conflict_with=other,
            problems=[_file_problem(read, "import.conflict", version=meta.version,
                                    other=other)]), **facts))
    if (not keyed.deliberate and held.current_version is not None
            and meta.version < held.current_version):
        return Decision(replace(_plan(read, ImportOutcome.OLDER, **base, problems=[
            _file_problem(read, "import.older", version=meta.version,
                          current=held.current_version)]), **facts))
    checked = _checked_in_reader(read, catalog)
    problems = (list(checked.row_problems) if checked is not None
                else check_rows(read.data, catalog.tasks, catalog.recommendations, where))
    problems += _taken(read, held)
    if problems:
        return Decision(replace(_plan(read, ImportOutcome.REFUSED, **base,
                                      problems=problems), **facts))
    outcome = ImportOutcome.NEW if held.in_force_version is None else ImportOutcome.NEWER
    signed = keyed.signed
    write = Write(held.agency_id, held.period_id, meta.period,
                  _stored_number(held, meta.version), meta.submission_uuid,
                  meta.content_hash,
                  read.data_sha256 or data_hash(read.data, data_json=read.data_json or None),
                  meta.created_at,
                  read.data, held.in_force, False, False, read.path.name,
                  signed=signed, key_fingerprint=keyed.check.fingerprint if signed else "",
                  file_version=meta.version,
                  pin=keyed.pin,
                  replace_pin=keyed.verdict is KeyVerdict.OTHER,
                  unsigned_over_signed=keyed.deliberate and not signed,
                  contact_person=meta.contact_person,
                  search_texts=checked.search_texts if checked is not None else ())
    counts = count_changes(held.data_in_force, read.data)
    plan = replace(_plan(read, outcome, **base, counts=counts), **facts, notes=keyed.notes())
    return Decision(plan, write, meta.submission_uuid)


def row_rules(catalog: Catalog) -> RowRules:
    """The catalog's codes as a reading child checks a file's rows against them."""
    return RowRules({code: (task.title_vi, task.title_en)
                     for code, task in catalog.tasks.items()},
                    frozenset(catalog.recommendations))


def _checked_in_reader(read: SubmissionFile, catalog: Catalog) -> CheckedSubmission | None:
    """The file as its reader checked it, when against this catalog's very rules."""
    if isinstance(read, CheckedSubmission) and read.rules is not None and (
            read.rules == row_rules(catalog)):
        return read
    return None


def _file_name(read: ReadFile) -> str:
    return read.path.name or str(read.path)


def _plan_template(read: TemplateFile, catalog: Catalog, held: Holdings | None,
                   now: datetime, make_uuid: Callable[[], str],
                   accept_new_key: bool) -> Decision:
    template = read.template
    agency = _agency_of(read, catalog)
    problems = list(template.problems)

    def general(key: str) -> Location:
        ref = GENERAL_CELLS[key]
        return Location(read.path.name, GENERAL_SHEET, int(ref[1:]), ref[0])

    if template.agency_text and agency is None:
        problems.insert(0, Problem("import.unknown_agency", {"agency": template.agency_text},
                                   "agency", general("agency")))
    period = template.period
    if period is not None and period not in catalog.periods:
        problems.insert(0, Problem("import.unknown_period", {"period": period}, "period",
                                   general("period")))
    flags: dict[str, Any] = {"agency": agency, "catalog": catalog, "period": period,
                             "from_template": True}
    if problems or agency is None or period is None:
        return Decision(_plan(read, ImportOutcome.REFUSED, **flags, problems=problems))
    records = template.records(agency.code, period)
    if records.problems:
        return Decision(_plan(read, ImportOutcome.REFUSED, **flags, problems=records.problems))
    assert held is not None, "an acceptable file is planned against its holdings"
    keyed = judge(read, agency.code, held.pinned_key, held.pinned_fingerprint,
                  held.signed_agency, accept_new_key)
    if keyed.refusal is not None:
        return Decision(replace(_plan(read, ImportOutcome.REFUSED, **flags,
                                      problems=[keyed.refusal]), **keyed.facts()))
    where = Locator(read.path, records.rows, template.letters)
    return _like_template(read, records.data, agency, period, held, catalog, where,
                          edited=False, contact=template.contact_person, created=now,
                          make_uuid=make_uuid, keyed=keyed)


def _like_template(read: SubmissionFile | TemplateFile, data: SubmissionData, agency: Agency,
                   period: int, held: Holdings, catalog: Catalog, where: Locator, *,
                   edited: bool, contact: str, created: datetime,
                   make_uuid: Callable[[], str], keyed: KeyJudgement) -> Decision:
    """A template or an edited file: checked row by row, then the agency's next version,
    unsigned."""
    outcome = ImportOutcome.EDITED if edited else ImportOutcome.TEMPLATE
    flags: dict[str, Any] = {"agency": agency, "catalog": catalog, "period": period,
                             "from_template": not edited, "edited": edited}
    facts = keyed.facts()
    # a filled template may name only the tasks of the plans in force for its period
    in_force = None if edited else catalog.tasks_in_force.get(period)
    problems = check_rows(data, catalog.tasks, catalog.recommendations, where,
                          in_force=in_force, period=period)
    if problems:
        return Decision(replace(_plan(read, ImportOutcome.REFUSED, problems=problems,
                                      **flags), **facts))
    digest = data_hash(data)
    if held.in_force_version is not None and held.current_data_hash == digest:
        return Decision(replace(_plan(
            read, ImportOutcome.DUPLICATE, version=held.in_force_version,
            problems=[_file_problem(read, "import.same_as_current",
                                    version=held.in_force_version)], **flags), **facts))
    taken = _taken(read, held)
    if taken:
        return Decision(replace(_plan(read, ImportOutcome.REFUSED, problems=taken, **flags),
                                **facts))
    version = (held.top_version or 0) + 1
    from desktop_app import __version__

    meta = SubmissionMeta(
        format_version=FORMAT_VERSION, app_version=__version__, agency_code=agency.code,
        agency_name_vi=agency.name_vi, agency_name_en=agency.name_en,
        contact_person=contact, period=period, submission_uuid=make_uuid(), version=version,
        created_at=created.astimezone(UTC).replace(microsecond=0),
        activities=len(data.activities), indicators=len(data.indicators),
        links=len(data.links), content_hash="", from_template=not edited)
    write = Write(held.agency_id, held.period_id, period, version, meta.submission_uuid,
                  content_hash(meta, data), digest, meta.created_at, data, held.in_force,
                  not edited, edited, read.path.name, file_version=version,
                  unsigned_over_signed=keyed.deliberate, contact_person=contact)
    counts = count_changes(held.data_in_force, data)
    plan = replace(_plan(read, outcome, version=version, counts=counts, **flags), **facts,
                   notes=keyed.notes())
    return Decision(plan, write, meta.submission_uuid)


def _taken(read: SubmissionFile | TemplateFile, held: Holdings) -> list[Problem]:
    if not held.taken:
        return []
    return [_file_problem(read, "import.uuid_taken", uuid=held.taken[0],
                          count=len(held.taken))]


def after(held: Holdings, decision: Decision) -> Holdings:
    """The holdings once the decided file is in: a preview of a batch carries on from here.

    The rows in force stay those of the database (the preview wrote nothing), so the
    next file's taken identifiers are looked up against them again.
    """
    write = decision.write
    if write is None:
        return held
    stated = write.file_version if write.file_version is not None else write.version
    pinned = (encode(write.pin), fingerprint(write.pin)) if write.pin else (
        held.pinned_key, held.pinned_fingerprint)
    return replace(
        held, versions={**held.versions, stated: StoredVersion(
            write.content_hash, write.file_name)},
        current_version=max(stated, held.current_version or 0),
        current_data_hash=write.data_hash, data_in_force=write.data, taken=(),
        top_version=max(write.version, held.top_version or 0),
        in_force_version=write.version, signed_in_force=write.signed,
        pinned_key=pinned[0], pinned_fingerprint=pinned[1])


# --- the summary ---------------------------------------------------------------------


def _plan(read: ReadFile, outcome: ImportOutcome, *, agency: Agency | None = None,
          catalog: Catalog | None = None, period: int | None = None,
          version: int | None = None, counts: tuple[int, int, int] = (0, 0, 0),
          problems: Iterable[Problem] = (), conflict_with: str | None = None,
          from_template: bool = False, edited: bool = False) -> FilePlan:
    rollup = (catalog.directory.rollup_code(agency) if agency is not None and catalog
              else None)
    return FilePlan(read.path, outcome, agency.code if agency else None, rollup,
                    agency.name_vi if agency else None, period, version, from_template,
                    edited, *counts, tuple(problems), conflict_with, read.sha256)


def _file_problem(read: ReadFile, code: str, **params: Any) -> Problem:
    # no location: the message names the file
    return Problem(code, {"file": read.path.name or str(read.path), **params})


def refused_plan(path: Path, sha256: str, problem: Problem) -> FilePlan:
    """A file refused whatever it held (the database could not take it)."""
    return _plan(RefusedFile(path, sha256, ()), ImportOutcome.REFUSED, problems=[problem])


def batch_order(path: Path, heading: Heading | None,
                catalog: Catalog) -> tuple[int, str, int, int, str]:
    """Where a file goes in its batch: refused ones first, then by agency, period and
    version, a template last of its agency and period (it becomes the next version)."""
    if heading is None:
        return (0, "", 0, 0, path.name)
    if heading.template:
        agency = catalog.directory.resolve(heading.agency or "")
        return (1, agency.code if agency else "", heading.period or 0, 1 << 30, path.name)
    known = catalog.directory.get(heading.agency)
    return (1, known.code if known else heading.agency, heading.period or 0,
            heading.version or 0, path.name)
