"""The focal point's contacts at each agency, and the reminder list of who has not reported.

Each accepted submission names its contact person (the "Người liên hệ" cell, often with
a phone number typed after the name); ``record_contact`` keeps the latest word of each
agency, splitting out the phone and the e-mail address where the text holds them. A
person may correct or complete a contact (``set_contact``); a file made before that
correction does not undo it, a newer one replaces the person and keeps the phone and
e-mail typed by hand while it names the same person.

``reminder_list`` is the period's units that had to report and have not (the
completeness grid's rule: a past period counts the units in force then), each with its
contact; ``export_reminders`` writes it as a workbook that prints on A4 landscape.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlmodel import Session, col, select

from desktop_app.core.domain.models import Agency, AgencyContact, Period, utc_now
from desktop_app.core.domain.text import nfc
from desktop_app.core.domain.timefmt import VIET_NAM, as_utc
from desktop_app.core.exchange.reminders_xlsx import (
    ReminderList,
    ReminderRow,
    write_reminders,
)
from desktop_app.core.exchange.report_model import issuing_body_vi
from desktop_app.core.files import cannot_write, replacing
from desktop_app.core.problems import Problem, UsageError, os_detail
from desktop_app.core.progress import Job, Progress
from desktop_app.core.services.completeness import completeness_in
from desktop_app.core.services.lookups import require_focal_point
from desktop_app.core.services.setup import audit
from desktop_app.core.storage.database import Database

MAX_FIELD = 200
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?:\+?84|0)[\d .\-()]{8,14}\d")
SEPARATORS = " ,;:-–—/()·|"


@dataclass(frozen=True)
class Contact:
    agency_code: str
    agency_name_vi: str
    agency_name_en: str
    contact_person: str
    phone: str
    email: str
    updated_at: datetime | None  # UTC; None: nothing known yet
    edited: bool


def split_contact(text: str) -> tuple[str, str, str]:
    """ "Nguyễn Thị Hoa, ĐT 0912 345 678, hoa@stp.vinhlong.gov.vn" -> the person, the
    phone and the e-mail address (empty where the text has none)."""
    clean = " ".join(nfc(text or "").split())
    email_match = EMAIL.search(clean)
    email = email_match.group(0) if email_match else ""
    rest = clean.replace(email, " ") if email else clean
    phone_match = PHONE.search(rest)
    phone = " ".join(phone_match.group(0).split()) if phone_match else ""
    if phone:
        rest = rest.replace(phone_match.group(0), " ") if phone_match else rest
    rest = re.sub(r"\b(?:ĐT|Đt|đt|SĐT|sđt|Tel|tel|Điện thoại|điện thoại|email|Email|E-mail)"
                  r"\b[.:]?", " ", rest)
    person = " ".join(rest.split()).strip(SEPARATORS)
    return person, phone, email


def record_contact(session: Session, agency_id: int, contact_person: str,
                   when: datetime) -> bool:
    """Keep the contact named by an accepted submission of ``agency_id`` made at ``when``
    (UTC); a word older than the one kept changes nothing. Returns whether it changed.

    The import calls it inside its own transaction, once per accepted file.
    """
    person, phone, email = split_contact(contact_person)
    if not person and not phone and not email:
        return False
    moment = as_utc(when).replace(microsecond=0)
    row = session.get(AgencyContact, agency_id)
    if row is None:
        session.add(AgencyContact(agency_id=agency_id, contact_person=person, phone=phone,
                                  email=email, updated_at=moment, edited=False))
        return True
    if moment <= as_utc(row.updated_at):
        return False
    if row.edited:  # set by hand at the focal point: a file only fills what is blank
        same = not row.contact_person or person.casefold() == row.contact_person.casefold()
        if not same:
            return False
        filled = (row.contact_person or person, row.phone or phone, row.email or email)
        if filled == (row.contact_person, row.phone, row.email):
            return False
        row.contact_person, row.phone, row.email = filled
        session.add(row)
        return True
    same = bool(person) and person.casefold() == row.contact_person.casefold()
    new = (person or row.contact_person, phone or (row.phone if same or not person else ""),
           email or (row.email if same or not person else ""))
    if new == (row.contact_person, row.phone, row.email):
        row.updated_at = moment
        session.add(row)
        return False
    row.contact_person, row.phone, row.email = new
    row.updated_at, row.edited = moment, False
    session.add(row)
    return True


def _check(contact_person: str, phone: str, email: str) -> list[Problem]:
    problems = []
    for field, value in (("contact_person", contact_person), ("phone", phone),
                         ("email", email)):
        if len(value) > MAX_FIELD:
            problems.append(Problem("value.too_long", {"length": len(value),
                                                       "max": MAX_FIELD}, field))
    if email and EMAIL.fullmatch(email) is None:
        problems.append(Problem("contact.bad_email", {"value": email}, "email"))
    if phone and (re.fullmatch(r"\+?[\d .\-()]{6,20}", phone) is None
                  or sum(c.isdigit() for c in phone) < 6):
        problems.append(Problem("contact.bad_phone", {"value": phone}, "phone"))
    return problems


def _agency(session: Session, code: str) -> Agency:
    agency = session.exec(select(Agency).where(col(Agency.code) == code.strip().upper())
                          ).first()
    if agency is None:
        raise UsageError.of("agency.unknown", code=code)
    return agency


def _contact(agency: Agency, row: AgencyContact | None) -> Contact:
    if row is None:
        return Contact(agency.code, agency.name_vi, agency.name_en, "", "", "", None, False)
    return Contact(agency.code, agency.name_vi, agency.name_en, row.contact_person,
                   row.phone, row.email, as_utc(row.updated_at), row.edited)


def set_contact(db: Database, code: str, *, contact_person: str, phone: str = "",
                email: str = "") -> Contact:
    """Record (or correct) the focal point's contact at agency ``code`` by hand."""
    person = " ".join(nfc(contact_person).split())
    phone = " ".join(phone.split())
    email = email.strip()
    problems = _check(person, phone, email)
    if problems:
        raise UsageError(*problems)
    with db.unit_of_work() as session:
        require_focal_point(session)
        agency = _agency(session, code)
        row = session.get(AgencyContact, agency.id)
        before = None if row is None else (row.contact_person, row.phone, row.email)
        if row is None:
            row = AgencyContact(agency_id=agency.id or 0)
        row.contact_person, row.phone, row.email = person, phone, email
        row.updated_at, row.edited = utc_now(), True
        session.add(row)
        audit(session, "contact.edited", "agency", agency.uuid, agency=agency.code,
              previous=before, contact_person=person, phone=phone, email=email)
        session.flush()
        return _contact(agency, row)


def contacts_in(session: Session) -> dict[str, Contact]:
    """Agency code -> its contact (an empty one where nothing is known)."""
    rows = {r.agency_id: r for r in session.exec(select(AgencyContact))}
    return {a.code: _contact(a, rows.get(a.id or 0)) for a in session.exec(select(Agency))}


def contacts(db: Database) -> dict[str, Contact]:
    """Every agency's contact, read in one transaction."""
    with db.reading() as session:
        return contacts_in(session)


def contact_of(db: Database, code: str) -> Contact:
    with db.reading() as session:
        agency = _agency(session, code)
        return _contact(agency, session.get(AgencyContact, agency.id))


# --- the reminder list --------------------------------------------------------------------


def reminder_list_in(session: Session, year: int, now: datetime,
                     today: date | None = None) -> ReminderList:
    """The units that had to report for ``year`` and have not, with their contacts."""
    require_focal_point(session)
    period = session.exec(select(Period).where(col(Period.year) == year)).first()
    if period is None:
        raise UsageError.of("period.unknown", period=year)
    today = today or as_utc(now).astimezone(VIET_NAM).date()
    grid = completeness_in(session, [year], today=today)
    known = contacts_in(session)
    kinds = {a.code: a.kind for a in session.exec(select(Agency))}
    rows = []
    for row in grid.rows:
        cell = row.cells[0]
        for unit in cell.missing:
            c = known.get(unit.code)
            rows.append(ReminderRow(
                unit.code, issuing_body_vi(kinds.get(unit.code, ""), unit.name_vi),
                unit.name_en, row.name_vi if unit.code != row.code else "",
                c.contact_person if c else "", c.phone if c else "", c.email if c else "",
                c.updated_at if c else None))
    days = (today - period.due_date).days if period.due_date else None
    return ReminderList(year, period.due_date, days, as_utc(now), grid.counts[0].agencies,
                        tuple(rows))


def reminder_list(db: Database, year: int, *, now: datetime | None = None,
                  today: date | None = None) -> ReminderList:
    with db.reading() as session:
        return reminder_list_in(session, year, now or datetime.now(UTC), today)


def export_reminders(db: Database, year: int, path: Path, *,
                     now: datetime | None = None) -> Job[Path]:
    """Write the reminder list of ``year`` to ``path`` (whole or untouched)."""
    yield Progress(0, 0, "prepare")
    data = reminder_list(db, year, now=now)
    with replacing(Path(path)) as temp:
        try:
            write_reminders(data, temp)
        except OSError as exc:
            raise cannot_write(Path(path), os_detail(exc)) from exc
    yield Progress(1, 1, "done")
    return Path(path)
