"""The installation's own facts, kept in the Setting table."""

from __future__ import annotations

from sqlmodel import Session

from desktop_app.core.domain.models import Setting

ROLE = "role"
AGENCY = "agency"
CONTACT = "contact_person"
CATALOG_VERSION = "catalog_version"
INSTALLATION = "installation_uuid"


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row else None


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)
