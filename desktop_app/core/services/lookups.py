"""Lookups every use case needs: the period of a year, this installation's agency and role."""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import Agency, Period
from desktop_app.core.problems import RefusedError, UsageError
from desktop_app.core.services.setup import installation


def period_by_year(session: Session, year: int) -> Period:
    """The catalog's period for a year; an unknown year is wrong usage (exit 2)."""
    period = session.exec(select(Period).where(col(Period.year) == year)).first()
    if period is None:
        raise UsageError.of("period.unknown", period=year)
    return period


def reporting_agency(session: Session, refusal: str = "role.not_agency") -> Agency:
    """This installation's agency; refused with `refusal` at a focal-point database."""
    inst = installation(session)
    if inst.role is not Role.AGENCY or not inst.agency_code:
        raise RefusedError.of(refusal)
    agency = session.exec(select(Agency).where(col(Agency.code) == inst.agency_code)).first()
    if agency is None:
        raise UsageError.of("agency.unknown", code=inst.agency_code)
    return agency


def require_focal_point(session: Session) -> None:
    """Refuse (role.not_focal_point) unless this is the focal point's database."""
    role = installation(session).role
    if role is None:
        raise RefusedError.of("catalog.not_installed")
    if role is not Role.FOCAL_POINT:
        raise RefusedError.of("role.not_focal_point")
