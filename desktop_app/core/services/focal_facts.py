"""Small catalog facts the focal point shows: its own name and the A–E grades.

Two read-only look-ups; each reads in one transaction and returns plain values, so
the pages stay free of database objects. ``grade_meanings_in`` reads inside a caller's
transaction (the national report says what each grade means in the catalog's words).
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop_app.core.domain.enums import Grade
from desktop_app.core.domain.models import Agency, FollowUpGrade
from desktop_app.core.exchange.report_model import GradeMeaning as GradeMeaning
from desktop_app.core.storage.database import Database


def focal_point_name(db: Database, lang: str) -> str:
    """The focal point agency's name (the Ministry of Justice), or "" if the catalog has none."""
    with db.reading() as session:
        agency = session.exec(select(Agency).where(col(Agency.focal_point).is_(True))
                              .order_by(col(Agency.code))).first()
        if agency is None:
            return ""
        return agency.name_vi if lang == "vi" else agency.name_en


def grade_meanings(db: Database) -> list[GradeMeaning]:
    """The A–E follow-up grades with the catalog's meaning (an empty meaning if missing)."""
    with db.reading() as session:
        return grade_meanings_in(session)


def grade_meanings_in(session: Session) -> list[GradeMeaning]:
    """``grade_meanings`` inside the caller's transaction."""
    rows = {g.code: (g.meaning_vi, g.meaning_en) for g in session.exec(select(FollowUpGrade))}
    return [GradeMeaning(grade.value, *rows.get(grade.value, ("", ""))) for grade in Grade]
