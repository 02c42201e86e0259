"""An agency's reporting periods: open, submitted or locked, and locking them.

A period is open until a version is exported (submitted; still editable, the
next export is a new version) and locked when the agency locks it: no edits
until it is unlocked, and an unlock needs a reason, which the audit trail keeps.
Each lock or unlock is one transaction with its audit event.

``ensure_open`` is the one check every write path calls inside its transaction
(activities, indicators and results, carry-over, demo rows, imports of a file for
a locked agency and period, assessments): a locked period refuses with
``period.locked`` (exit 3) before anything is written. Catalog updates leave a locked
period's own row (its due date) as it was (``locked_years``).
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select

from desktop_app.core.domain.enums import PeriodState, Role
from desktop_app.core.domain.models import Agency, AgencyPeriod, Period, Submission, utc_now
from desktop_app.core.problems import RefusedError, UsageError
from desktop_app.core.services.audit import FieldChange
from desktop_app.core.services.period_facts import PeriodFacts as PeriodFacts
from desktop_app.core.services.period_facts import data_range as data_range
from desktop_app.core.services.period_facts import facts_by
from desktop_app.core.services.setup import audit, installation
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.sql_text import session_execute

MAX_REASON = 1000


def _find_period(session: Session, year: int) -> Period | None:
    return session.exec(select(Period).where(col(Period.year) == year)).first()


def _state(session: Session, agency: Agency, period: Period) -> PeriodState:
    lock = session.get(AgencyPeriod, (agency.id, period.id))
    if lock is not None and lock.locked:
        return PeriodState.LOCKED
    submitted = session.exec(select(Submission.id).where(
        col(Submission.agency_id) == agency.id,
        col(Submission.period_id) == period.id)).first()
    return PeriodState.SUBMITTED if submitted is not None else PeriodState.OPEN


def _own_agency(session: Session) -> Agency:
    inst = installation(session)
    if inst.role is not Role.AGENCY or not inst.agency_code:
        raise RefusedError.of("period.agency_only")
    agency = session.exec(select(Agency).where(col(Agency.code) == inst.agency_code)).first()
    if agency is None:
        raise UsageError.of("agency.unknown", code=inst.agency_code)
    return agency


def _period(session: Session, year: int) -> Period:
    period = _find_period(session, year)
    if period is None:
        raise UsageError.of("period.unknown", period=year)
    return period


def is_locked(session: Session, agency_id: int, period_id: int) -> bool:
    """Whether the agency has locked the period."""
    row = session.get(AgencyPeriod, (agency_id, period_id))
    return bool(row and row.locked)


def _own_agency_id(session: Session) -> int | None:
    """This installation's agency: the agency's own, or at a focal point the catalog's
    focal-point agency (its assessments); None when there is none."""
    inst = installation(session)
    query = (select(Agency.id).where(col(Agency.code) == inst.agency_code)
             if inst.role is Role.AGENCY and inst.agency_code
             else select(Agency.id).where(col(Agency.focal_point).is_(True)))
    return session.exec(query).first()


def ensure_open(session: Session, period_id: int, agency_id: int | None = None) -> None:
    """Refuse (``period.locked``, exit 3) a change to a locked period.

    agency_id: whose lock counts (an imported file's agency); None, this installation's.
    """
    agency_id = agency_id if agency_id is not None else _own_agency_id(session)
    if agency_id is not None and is_locked(session, agency_id, period_id):
        period = session.get(Period, period_id)
        raise RefusedError.of("period.locked", period=period.year if period else period_id)


def locked_years(session: Session) -> frozenset[int]:
    """The years this installation has locked (a catalog update leaves them as they are)."""
    agency_id = _own_agency_id(session)
    if agency_id is None:
        return frozenset()
    return frozenset(session.exec(select(Period.year).join(
        AgencyPeriod, col(AgencyPeriod.period_id) == col(Period.id)).where(
        col(AgencyPeriod.agency_id) == agency_id, col(AgencyPeriod.locked).is_(True))))


def locked_since(db: Database, year: int) -> datetime | None:
    """When this installation locked the period (None: open, or no such period)."""
    with db.reading() as session:
        agency_id, period = _own_agency_id(session), _find_period(session, year)
        if agency_id is None or period is None:
            return None
        row = session.get(AgencyPeriod, (agency_id, period.id))
        return row.changed_at if row is not None and row.locked else None


def period_facts(db: Database, year: int) -> PeriodFacts:
    """The installation, the period's due date and (at an agency) its state (read as
    SQL text by services/period_facts.py, as the window's start-up reads it)."""
    with db.reading() as session:
        return facts_by(session_execute(session), year)


def period_state(db: Database, year: int) -> PeriodState:
    """Locked, submitted (a version was exported) or open, for this agency."""
    with db.reading() as session:
        return _state(session, _own_agency(session), _period(session, year))


def lock_period(db: Database, year: int) -> None:
    """Lock the period against edits; refused when it is locked already."""
    with db.unit_of_work() as session:
        agency, period = _own_agency(session), _period(session, year)
        row = session.get(AgencyPeriod, (agency.id, period.id))
        if row is not None and row.locked:
            raise RefusedError.of("period.already_locked", period=year)
        if row is None:
            row = AgencyPeriod(agency_id=agency.id or 0, period_id=period.id or 0)
        row.locked, row.changed_at = True, utc_now()
        session.add(row)
        audit(session, "period.locked", "period", None, agency=agency.code, period=year,
              key=f"{agency.code} {year}", changed=[FieldChange("locked", False, True)])


def check_reason(reason: str | None, year: int) -> str:
    """The reason, trimmed; a blank or missing reason is wrong usage."""
    cleaned = (reason or "").strip()
    if not cleaned:
        raise UsageError.of("period.reason_required", period=year)
    if len(cleaned) > MAX_REASON:
        raise UsageError.of("value.too_long", length=len(cleaned), max=MAX_REASON)
    return cleaned


def unlock_period(db: Database, year: int, reason: str) -> None:
    """Unlock the period; the reason is required and recorded in the audit trail."""
    cleaned = check_reason(reason, year)
    with db.unit_of_work() as session:
        agency, period = _own_agency(session), _period(session, year)
        row = session.get(AgencyPeriod, (agency.id, period.id))
        if row is None or not row.locked:
            raise RefusedError.of("period.not_locked", period=year)
        row.locked, row.changed_at = False, utc_now()
        session.add(row)
        audit(session, "period.unlocked", "period", None, agency=agency.code, period=year,
              reason=cleaned, key=f"{agency.code} {year}",
              changed=[FieldChange("locked", True, False)])
