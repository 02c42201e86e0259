"""The catalog at work: installing an update, and the focal point's own changes to it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import col, select

from desktop_app.core.catalog.apply import CatalogChange, apply_catalog, installed_version
from desktop_app.core.catalog.document import read_catalog
from desktop_app.core.domain.models import Period
from desktop_app.core.problems import UsageError
from desktop_app.core.services.lookups import require_focal_point
from desktop_app.core.services.setup import audit
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.settings import CATALOG_VERSION, set_setting


def install_catalog_file(db: Database, path: Path) -> CatalogChange:
    """Check the whole file first, then apply it in one transaction if it is newer."""
    doc = read_catalog(Path(path))
    with db.unit_of_work() as session:
        change = apply_catalog(session, doc)
        if change.applied:
            audit(session, "catalog.installed", file=str(path), version=change.version,
                  previous=change.previous_version)
    return change


@dataclass(frozen=True)
class PeriodDue:
    year: int
    due_date: date | None


def periods(db: Database) -> list[PeriodDue]:
    with db.reading() as session:
        return [PeriodDue(p.year, p.due_date)
                for p in session.exec(select(Period).order_by(col(Period.year)))]


def set_due_dates(db: Database, changes: dict[int, date | None]) -> int | None:
    """The focal point sets periods' due dates (adding new years); returns the new version.

    Every change to the catalog raises its version, so that the update the focal
    point then publishes (catalog export) is newer than what agencies have.
    Nothing changes (and None is returned) when every date is already as asked.
    """
    with db.unit_of_work() as session:
        require_focal_point(session)
        for year in changes:
            if not 1900 <= year <= 9999:
                raise UsageError.of("period.malformed", value=year)
        current = {p.year: p for p in session.exec(select(Period))}
        changed = False
        for year, due in sorted(changes.items()):
            period = current.get(year)
            if period is None:
                session.add(Period(year=year, due_date=due, verified=True))
                changed = True
            elif period.due_date != due:
                period.due_date, period.verified = due, True
                session.add(period)
                changed = True
        if not changed:
            return None
        version = (installed_version(session) or 0) + 1
        set_setting(session, CATALOG_VERSION, str(version))
        audit(session, "catalog.due_dates", version=version,
              changes={str(y): d.isoformat() if d else None for y, d in changes.items()})
        return version
