"""The focal point's assessment of each recommendation's implementation.

One assessment per recommendation and period (or one not tied to a period): the
Committee's A–E follow-up grade and fully / partially / not implemented, with a note.
Assessing again replaces the grade in place (the record keeps its UUID) and the audit
log keeps what it replaced, so a changed mind is never a lost one.
``list_assessments_in`` reads inside the caller's transaction (the national report's).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from desktop_app.core.domain.models import Assessment, Period, Recommendation, new_uuid, utc_now
from desktop_app.core.domain.text import nfc
from desktop_app.core.domain.validation import MAX_TEXT, validate_assessment
from desktop_app.core.exchange.national_model import AssessmentRow as AssessmentRow
from desktop_app.core.problems import Problem, UsageError
from desktop_app.core.services.consolidated import ordered_recommendations
from desktop_app.core.services.lookups import require_focal_point
from desktop_app.core.services.setup import audit
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.server import serialise


@dataclass(frozen=True)
class AssessOutcome:
    row: AssessmentRow
    replaced: AssessmentRow | None  # what it replaced, if anything



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
    return AssessmentRow(a.uuid, code, year, a.grade, a.implementation, a.note, a.assessed_at)


def assess(db: Database, code: str, grade: str, implementation: str, note: str = "",
           year: int | None = None) -> AssessOutcome:
    """Record (or replace) the assessment of recommendation ``code`` for ``year``."""
    code = code.strip()
    note = nfc(note.strip())
    with db.unit_of_work() as session:
        require_focal_point(session)
        recs = {r.code: r for r in session.exec(select(Recommendation))}
        problems = validate_assessment(code, grade, implementation,
                                       recommendation_codes=recs.keys())
        if len(note) > MAX_TEXT:
            problems.append(Problem("value.too_long", {"length": len(note), "max": MAX_TEXT},
                                    "note"))
        if problems:
            raise UsageError(*problems)
        rec = recs[code]
        serialise(session.connection(), "assessment", code, year)  # two analysts: in turn
        period_id = _period_id(session, year)
        existing = session.exec(select(Assessment).where(
            col(Assessment.recommendation_id) == rec.id,
            col(Assessment.period_id).is_(None) if period_id is None
            else col(Assessment.period_id) == period_id,
        )).first()
        replaced = None
        if existing is None:
            existing = Assessment(uuid=new_uuid(), recommendation_id=rec.id or 0,
                                  period_id=period_id, grade=grade,
                                  implementation=implementation, note=note)
            session.add(existing)
            audit(session, "assessment.recorded", "assessment", existing.uuid,
                  recommendation=code, period=year, grade=grade,
                  implementation=implementation, note=note)
        else:
            replaced = _row(existing, code, year)
            audit(session, "assessment.replaced", "assessment", existing.uuid,
                  recommendation=code, period=year,
                  previous={"grade": existing.grade, "implementation": existing.implementation,
                            "note": existing.note, "assessed_at": existing.assessed_at},
                  grade=grade, implementation=implementation, note=note)
            existing.grade, existing.implementation, existing.note = grade, implementation, note
            existing.assessed_at = utc_now()
            session.add(existing)
        session.flush()
        return AssessOutcome(_row(existing, code, year), replaced)


def list_assessments(db: Database, year: int | None = None) -> list[AssessmentRow]:
    """Assessments of ``year`` (every assessment when None), follow-up ones first."""
    with db.reading() as session:
        return list_assessments_in(session, year)


def list_assessments_in(session: Session, year: int | None = None) -> list[AssessmentRow]:
    """``list_assessments`` inside the caller's transaction."""
    years = {p.id: p.year for p in session.exec(select(Period))}
    recs = ordered_recommendations(session, session.exec(select(Recommendation)))
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
