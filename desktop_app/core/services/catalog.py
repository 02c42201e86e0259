"""The catalog at work: publishing and installing an update, and the focal point's changes.

A published update is signed with the focal point's key. An agency pins that
key at its first signed update (the catalog shipped with the program is trusted
as it is) and refuses an update signed by another key, or unsigned, unless the
person accepts it deliberately (accept_new_key, in the audit log). An update
whose signature does not match its content is refused whatever is asked.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlmodel import Session, col, select

from desktop_app.core.catalog.apply import CatalogChange, apply_catalog, installed_version
from desktop_app.core.catalog.document import catalog_signature, read_catalog
from desktop_app.core.catalog.export import catalog_document, signed_catalog, write_catalog
from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import Period
from desktop_app.core.exchange.report_model import default_period_range
from desktop_app.core.exchange.signing import SignatureCheck, SignatureState
from desktop_app.core.problems import RefusedError, UsageError
from desktop_app.core.services.audit import FieldChange, plain
from desktop_app.core.services.keys import ensure_own_key, pin_catalog_key, pinned_catalog_key
from desktop_app.core.services.lookups import require_focal_point
from desktop_app.core.services.periods import data_range, locked_years
from desktop_app.core.services.setup import audit, installation
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.settings import CATALOG_VERSION, set_setting


def export_catalog(db: Database, path: Path) -> int:
    """Write the installed catalog to path, signed (atomically); returns its version.

    A database made before signatures makes its key now, kept only if the file is
    written (and the file only if the key is kept).
    """
    path = Path(path)
    with db.unit_of_work() as session:
        key = ensure_own_key(session)
        doc = signed_catalog(catalog_document(session), key)
        session.flush()
        write_catalog(doc, path)
        try:
            session.commit()
        except BaseException:
            with contextlib.suppress(OSError):
                path.unlink()
            raise
    return int(doc["version"])


def _key_event(session: Session, check: SignatureCheck, file: str,
               accept_new_key: bool) -> tuple[str, str]:
    """Refuse an update this installation must not take; else what to record if it applies
    ("pinned", "replaced", "unsigned_accepted" or "") and the fingerprint pinned before."""
    if check.state is SignatureState.BAD:
        raise RefusedError.of("catalog.bad_signature", file=file)
    if installation(session).role is Role.FOCAL_POINT:
        return "", ""  # the publisher itself pins nothing; a broken signature is refused
    pin = pinned_catalog_key(session)
    pinned = pin.fingerprint if pin else ""
    if check.state is SignatureState.UNSIGNED:
        if accept_new_key:
            return "unsigned_accepted", pinned
        if pin is None:
            raise RefusedError.of("catalog.unsigned", file=file)
        raise RefusedError.of("catalog.unsigned_pinned", file=file, pinned=pinned)
    if pin is None:
        return "pinned", ""
    if pin.public_key == check.public_key:
        return "", pinned
    if not accept_new_key:
        raise RefusedError.of("catalog.other_key", file=file, pinned=pinned,
                              found=check.fingerprint)
    return "replaced", pinned


def install_catalog_file(db: Database, path: Path, *,
                         accept_new_key: bool = False) -> CatalogChange:
    """Check the whole file and its signature first, then apply it in one transaction if
    it is newer; a refused file changes nothing. accept_new_key: take an update signed by
    a key other than the pinned one (which it then replaces), or an unsigned one."""
    path = Path(path)
    doc = read_catalog(path)
    check = catalog_signature(doc)
    with db.unit_of_work() as session:
        event, previous = _key_event(session, check, path.name, accept_new_key)
        change = apply_catalog(session, doc, keep_periods=locked_years(session))
        if change.applied:
            audit(session, "catalog.installed", "catalog", file=str(path),
                  version=change.version, previous=change.previous_version,
                  signature=check.state.value, fingerprint=check.fingerprint, key=path.name,
                  changed=[FieldChange("version", change.previous_version, change.version)])
            if event in ("pinned", "replaced"):
                pin_catalog_key(session, check.public_key, path.name)
            elif event == "unsigned_accepted":
                audit(session, "catalog.unsigned_accepted", "catalog", file=str(path),
                      version=change.version, pinned=previous, key=path.name)
            change.key_event, change.fingerprint = event, check.fingerprint
            change.previous_fingerprint = previous
    return change


@dataclass(frozen=True)
class PeriodDue:
    year: int
    due_date: date | None
    data_from: date | None = None  # None: the default range
    data_to: date | None = None

    @property
    def data_range(self) -> tuple[date, date]:
        """The data the period covers: the range set for it, else the default one."""
        return data_range(self.year, self.data_from, self.data_to)


def periods(db: Database) -> list[PeriodDue]:
    with db.reading() as session:
        return [PeriodDue(p.year, p.due_date, p.data_from, p.data_to)
                for p in session.exec(select(Period).order_by(col(Period.year)))]


def period_range_in(session: Session, year: int) -> tuple[date, date]:
    """The data range that applies to period ``year`` (the default when none is set, or
    when the catalog has no such period)."""
    period = session.exec(select(Period).where(col(Period.year) == year)).first()
    if period is None:
        return default_period_range(year)
    return PeriodDue(year, period.due_date, period.data_from, period.data_to).data_range


def set_period_ranges(db: Database, ranges: dict[int, tuple[date, date] | None]) -> int | None:
    """The focal point sets periods' data ranges (None: back to the default); returns the
    catalog's new version, or None when nothing changed. Activities keep their period:
    only what the period is said to cover changes."""
    with db.unit_of_work() as session:
        require_focal_point(session)
        current = {p.year: p for p in session.exec(select(Period))}
        changed = {}
        for year, wanted in sorted(ranges.items()):
            period = current.get(year)
            if period is None:
                raise UsageError.of("period.unknown", period=year)
            start, end = wanted if wanted is not None else default_period_range(year)
            if start > end:
                raise UsageError.of("period.range_reversed", period=year,
                                    start=start.isoformat(), end=end.isoformat())
            now = PeriodDue(year, None, period.data_from, period.data_to).data_range
            if now != (start, end):
                period.data_from, period.data_to = start, end
                session.add(period)
                changed[str(year)] = [start.isoformat(), end.isoformat()]
        if not changed:
            return None
        version = (installed_version(session) or 0) + 1
        set_setting(session, CATALOG_VERSION, str(version))
        audit(session, "catalog.period_ranges", version=version, changes=changed)
        return version


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
        before = {y: p.due_date for y, p in current.items()}
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
        audit(session, "catalog.due_dates", "period", version=version,
              changes={str(y): d.isoformat() if d else None for y, d in changes.items()},
              changed=[FieldChange(f"due_date[{y}]", plain(before.get(y)), plain(d))
                       for y, d in sorted(changes.items()) if before.get(y) != d])
        return version
