"""Making a database ready for one role: the catalog, the role, the agency and its key."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, select

from desktop_app.core.catalog.agencies import (  # their old home: the setup dialog's import
    KIND_ORDER as KIND_ORDER,
)
from desktop_app.core.catalog.agencies import AgencyChoice as AgencyChoice
from desktop_app.core.catalog.agencies import agency_choices as agency_choices
from desktop_app.core.catalog.agencies import check_agency_code
from desktop_app.core.catalog.apply import CatalogChange, apply_catalog
from desktop_app.core.catalog.document import read_bundled_catalog
from desktop_app.core.domain.enums import Role, stored_role
from desktop_app.core.domain.models import Agency, new_uuid
from desktop_app.core.problems import RefusedError, UsageError
from desktop_app.core.services.audit import FieldChange, record
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.settings import (
    AGENCY,
    CONTACT,
    INSTALLATION,
    ROLE,
    get_setting,
    set_setting,
)


@dataclass(frozen=True)
class Installation:
    role: Role | None
    agency_code: str | None
    contact_person: str


def installation(session: Session) -> Installation:
    role = get_setting(session, ROLE)
    return Installation(
        stored_role(role),
        get_setting(session, AGENCY),
        get_setting(session, CONTACT) or "",
    )


def audit(session: Session, action: str, entity: str = "", entity_uuid: str | None = None,
          *, key: str = "", changed: Iterable[FieldChange] = (), **detail: Any) -> None:
    """One event in the audit log, in the caller's unit of work (see services/audit)."""
    record(session, action, entity, entity_uuid, key=key, changed=changed, **detail)


def initialise(
    db: Database, role: Role, agency_code: str | None = None, contact_person: str = ""
) -> CatalogChange:
    """Load the bundled catalog and record the role; repeating the same init is harmless."""
    doc = read_bundled_catalog()
    if role is Role.AGENCY:
        if not agency_code:
            raise UsageError.of("agency.missing")
        agency_code = check_agency_code(agency_code, doc).code
    else:
        agency_code = None
    with db.unit_of_work() as session:
        current = installation(session)
        if current.role is not None and (current.role, current.agency_code) != (
            role, agency_code
        ):
            raise RefusedError.of(
                "init.already", role=current.role.value, agency=current.agency_code or "-"
            )
        change = apply_catalog(session, doc)
        if current.role is None:
            set_setting(session, ROLE, role.value)
            if agency_code:
                set_setting(session, AGENCY, agency_code)
            set_setting(session, INSTALLATION, new_uuid())
            audit(session, "init", role=role.value, agency=agency_code)
        if contact_person:
            set_setting(session, CONTACT, contact_person.strip())
        # Imported here: keys.py builds on this module (audit, installation).
        from desktop_app.core.services.keys import ensure_own_key

        ensure_own_key(session)  # both roles sign: submissions, catalog updates
        return change


def agency_row(session: Session, code: str) -> Agency:
    row = session.exec(select(Agency).where(Agency.code == code)).first()
    if row is None:
        raise UsageError.of("agency.unknown", code=code)
    return row
