"""The installation's own facts, kept in the Setting table."""

from __future__ import annotations

from typing import cast

from sqlmodel import Session, col, select

from desktop_app.core.domain.models import Setting

ROLE = "role"
AGENCY = "agency"
CONTACT = "contact_person"
CATALOG_VERSION = "catalog_version"
INSTALLATION = "installation_uuid"


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row else None


_FACTS = "nap_installation_facts"  # session.info: (transaction, facts) of installation_facts


def installation_facts(session: Session) -> tuple[str, str | None, str]:
    """The role, agency code (None if unset) and installation UUID, as every audit event
    names them: one query a transaction, kept in the session for it (set_setting lets go
    of them). Three get_setting calls an event loaded their rows again each time (the
    session keeps only the rows something holds): an import's two events a file made
    six queries of it."""
    kept = session.info.get(_FACTS)
    if kept is not None and kept[0] is not None and kept[0] is session.get_transaction():
        return cast("tuple[str, str | None, str]", kept[1])
    found = dict(session.exec(select(Setting.key, Setting.value).where(
        col(Setting.key).in_((ROLE, AGENCY, INSTALLATION)))).all())
    facts = (found.get(ROLE) or "", found.get(AGENCY), found.get(INSTALLATION) or "")
    session.info[_FACTS] = (session.get_transaction(), facts)  # the query began it
    return facts


def set_setting(session: Session, key: str, value: str) -> None:
    session.info.pop(_FACTS, None)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)
