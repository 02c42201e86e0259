"""Assessments of recommendations: two different things, never mixed.

The focal point's own judgment of a recommendation's implementation for a period (or
one not tied to a period): fully / partially / not implemented, with a note (``assess``).
The Committee's follow-up grade (A–E) of a recommendation or an element of it, a fact
the focal point records with the Committee's document and that document's date
(``record_committee_grade``). Grades stored before the two were kept apart carry no
document or date: they are Committee grades still to check (migration 0009); recording
the same grade with its document confirms such a one in place.

Judging or grading again replaces the record in place (it keeps its UUID) and the audit
log keeps what it replaced, so a changed mind is never a lost one. The ``*_in`` readers
work inside the caller's transaction (the national report's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from desktop_app.core.domain.models import (
    Assessment,
    CommitteeAssessment,
    Period,
    Recommendation,
    new_uuid,
    utc_now,
)
from desktop_app.core.domain.text import nfc
from desktop_app.core.domain.validation import (
    MAX_TEXT,
    validate_assessment,
    validate_committee_grade,
)
from desktop_app.core.exchange.national_model import AssessmentRow as AssessmentRow
from desktop_app.core.exchange.national_model import CommitteeGrade as CommitteeGrade
from desktop_app.core.problems import Problem, UsageError
from desktop_app.core.services.audit import changes
from desktop_app.core.services.consolidated import (
    committee_grades_in,
    ordered_recommendations,
    recorded_grade,
)
from desktop_app.core.services.lookups import require_focal_point
from desktop_app.core.services.periods import ensure_open
from desktop_app.core.services.setup import audit
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.server import serialise


@dataclass(frozen=True)
class AssessOutcome:
    row: AssessmentRow
    replaced: AssessmentRow | None  # what it replaced, if anything


@dataclass(frozen=True)
class GradeOutcome:
    recommendation_code: str
    grade: CommitteeGrade
    replaced: CommitteeGrade | None  # what it replaced (the same document and element)


def _period_id(session: Session, year: int | None) -> int | None:
    if year is None:
        return None
    period = session.exec(select(Period).where(col(Period.year) == year)).first()
    if period is None:
        raise UsageError.of("period.unknown", period=year)
    return period.id


def default_year(db: Database, today: date | None = None) -> int | None:
    """The current year if the catalog has it as a period, else None (no period)."""
    year = (today or date.today()).year
    with db.reading() as session:
        found = session.exec(select(Period.id).where(col(Period.year) == year)).first()
    return year if found is not None else None


def _row(a: Assessment, code: str, year: int | None) -> AssessmentRow:
    return AssessmentRow(a.uuid, code, year, a.implementation, a.note, a.assessed_at)


def _note(note: str) -> str:
    note = nfc(note.strip())
    if len(note) > MAX_TEXT:
        raise UsageError(Problem("value.too_long", {"length": len(note), "max": MAX_TEXT},
                                 "note"))
    return note


def assess(db: Database, code: str, implementation: str, note: str = "",
           year: int | None = None) -> AssessOutcome:
    """Record (or replace) the focal point's judgment of recommendation ``code`` for
    ``year``: fully / partially / not implemented, with a note."""
    code = code.strip()
    with db.unit_of_work() as session:
        require_focal_point(session)
        recs = {r.code: r for r in session.exec(select(Recommendation))}
        problems = validate_assessment(code, implementation, recommendation_codes=recs.keys())
        if problems:
            raise UsageError(*problems)
        note = _note(note)
        rec = recs[code]
        serialise(session.connection(), "assessment", code, year)  # two analysts: in turn
        period_id = _period_id(session, year)
        if period_id is not None:
            ensure_open(session, period_id)
        existing = session.exec(select(Assessment).where(
            col(Assessment.recommendation_id) == rec.id,
            col(Assessment.period_id).is_(None) if period_id is None
            else col(Assessment.period_id) == period_id,
        )).first()
        replaced = None
        if existing is None:
            existing = Assessment(uuid=new_uuid(), recommendation_id=rec.id or 0,
                                  period_id=period_id, implementation=implementation,
                                  note=note)
            session.add(existing)
            audit(session, "assessment.recorded", "assessment", existing.uuid,
                  recommendation=code, period=year, implementation=implementation, note=note,
                  key=code, changed=changes({}, {"implementation": implementation,
                                                 "note": note}))
        else:
            replaced = _row(existing, code, year)
            audit(session, "assessment.replaced", "assessment", existing.uuid,
                  recommendation=code, period=year,
                  previous={"implementation": existing.implementation,
                            "note": existing.note, "assessed_at": existing.assessed_at},
                  implementation=implementation, note=note, key=code,
                  changed=changes(
                      {"implementation": existing.implementation, "note": existing.note},
                      {"implementation": implementation, "note": note}))
            existing.implementation, existing.note = implementation, note
            existing.assessed_at = utc_now()
            session.add(existing)
        session.flush()
        return AssessOutcome(_row(existing, code, year), replaced)


def _grade(c: CommitteeAssessment) -> CommitteeGrade:
    return recorded_grade(c)


def record_committee_grade(db: Database, code: str, grade: str, document: str,
                           issued_on: date | None, element: str = "",
                           today: date | None = None) -> GradeOutcome:
    """Record the Committee's grade of recommendation ``code`` (or of ``element`` of it)
    as given in its ``document`` of ``issued_on``. The same document and element again
    replaces that grade; a grade still to check (no document) of the same value is
    confirmed in place."""
    code, document = code.strip(), " ".join(nfc(document).split())
    element = " ".join(nfc(element).split())
    with db.unit_of_work() as session:
        require_focal_point(session)
        recs = {r.code: r for r in session.exec(select(Recommendation))}
        problems = validate_committee_grade(code, grade, document, issued_on,
                                            recommendation_codes=recs.keys(),
                                            today=today or date.today())
        if len(element) > MAX_TEXT:
            problems.append(Problem("value.too_long", {"length": len(element),
                                                       "max": MAX_TEXT}, "element"))
        if problems:
            raise UsageError(*problems)
        rec_id = recs[code].id or 0
        stored = list(session.exec(select(CommitteeAssessment).where(
            col(CommitteeAssessment.recommendation_id) == rec_id)))
        same = [c for c in stored if c.document.casefold() == document.casefold()
                and c.element.casefold() == element.casefold()]
        unchecked = [c for c in stored if not c.document and not c.verified
                     and c.grade == grade]
        existing = next(iter(same or unchecked), None)
        replaced = None
        if existing is None:
            existing = CommitteeAssessment(uuid=new_uuid(), recommendation_id=rec_id,
                                           grade=grade, element=element, document=document,
                                           issued_on=issued_on, verified=True)
            audit(session, "committee_grade.recorded", "committee_assessment", existing.uuid,
                  recommendation=code, grade=grade, document=document, date=issued_on,
                  element=element, key=code,
                  changed=changes({}, {"grade": grade, "document": document,
                                       "date": issued_on, "element": element}))
        else:
            replaced = _grade(existing)
            audit(session, "committee_grade.replaced", "committee_assessment", existing.uuid,
                  recommendation=code,
                  previous={"grade": existing.grade, "document": existing.document,
                            "date": existing.issued_on, "element": existing.element,
                            "verified": existing.verified},
                  grade=grade, document=document, date=issued_on, element=element, key=code,
                  changed=changes(
                      {"grade": existing.grade, "document": existing.document,
                       "date": existing.issued_on, "element": existing.element},
                      {"grade": grade, "document": document, "date": issued_on,
                       "element": element}))
            existing.grade, existing.document, existing.element = grade, document, element
            existing.issued_on, existing.verified = issued_on, True
            existing.recorded_at = utc_now()
        session.add(existing)
        session.flush()
        return GradeOutcome(code, _grade(existing), replaced)


def list_committee_grades(db: Database) -> dict[str, tuple[CommitteeGrade, ...]]:
    """``committee_grades_in`` in its own reading transaction."""
    with db.reading() as session:
        return committee_grades_in(session)


def list_assessments(db: Database, year: int | None = None) -> list[AssessmentRow]:
    """Judgments of ``year`` (every judgment when None), follow-up ones first."""
    with db.reading() as session:
        return list_assessments_in(session, year)


def list_assessments_in(session: Session, year: int | None = None) -> list[AssessmentRow]:
    """``list_assessments`` inside the caller's transaction."""
    years = {p.id: p.year for p in session.exec(select(Period))}
    recs = ordered_recommendations(session, session.exec(select(Recommendation)), year)
    codes = {r.id: r.code for r in recs}
    rank = {r.code: index for index, r in enumerate(recs)}
    query = select(Assessment)
    if year is not None:
        query = query.where(col(Assessment.period_id) == _period_id(session, year))
    rows = [_row(a, codes.get(a.recommendation_id, ""),
                 years.get(a.period_id) if a.period_id is not None else None)
            for a in session.exec(query)]
    return sorted(rows, key=lambda r: (rank.get(r.recommendation_code, len(rank)),
                                       r.year is not None, r.year or 0))
