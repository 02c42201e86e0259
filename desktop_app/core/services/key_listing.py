"""What `keys list` and the window's key dialog show, made from plain stored values.

Two ways to the same listing, as for status (services/status.py): `keys.key_listing`
through the ORM on an open Database, and `quick_key_listing` with sqlite3 alone, for
`keys list` on a SQLite file already at the program's schema, which then imports
neither SQLAlchemy nor the models nor alembic (issue 11: a quick command may take only
a few times a bare `python3 -c`). Both build the listing with `listing_from`, from the
same settings and pinned rows, so they cannot drift apart; whatever the quick way is
not sure of (no role yet, a damaged key, an odd value) it leaves to the full open,
which words it as it always does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.core.domain.enums import Role, stored_role
from desktop_app.core.exchange.signing import KEY_BYTES, decode, fingerprint, key_pair_from_private
from desktop_app.core.storage.schema import open_at_head

OWN_KEY = "signing_key"  # base64 of the raw 32-byte Ed25519 private key
CATALOG_KEY = "catalog_public_key"  # an agency's pin of the focal point's key
CATALOG_KEY_PINNED_AT = "catalog_key_pinned_at"  # ISO 8601 UTC
CATALOG_KEY_FILE = "catalog_key_file"
ROLE, AGENCY = "role", "agency"  # as services/setup.py stores them
LISTED_SETTINGS = (ROLE, AGENCY, OWN_KEY, CATALOG_KEY, CATALOG_KEY_PINNED_AT,
                   CATALOG_KEY_FILE)


@dataclass(frozen=True)
class CatalogKeyPin:
    public_key: bytes
    fingerprint: str
    pinned_at: datetime | None  # UTC
    file_name: str


@dataclass(frozen=True)
class PinnedRow:
    agency_code: str
    fingerprint: str
    public_key: str  # base64
    pinned_at: datetime  # UTC
    file_name: str


@dataclass(frozen=True)
class KeyListing:
    role: Role | None
    agency_code: str | None
    own_fingerprint: str  # "" before the first export of a database made before signatures
    own_public_key: str  # base64, or ""
    pinned: tuple[PinnedRow, ...]  # the focal point's pinned agency keys, by agency code
    catalog_key: CatalogKeyPin | None  # an agency's pin of the focal point's key


class NotListableError(Exception):
    """The stored values cannot be listed as they are: the full open words why."""


def utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def catalog_pin_from(settings: Mapping[str, str | None]) -> CatalogKeyPin | None:
    """An agency's pin of the focal point's key, from its three settings."""
    raw = decode(settings.get(CATALOG_KEY) or "", KEY_BYTES)
    if raw is None:
        return None
    at = settings.get(CATALOG_KEY_PINNED_AT)
    moment = datetime.fromisoformat(at).astimezone(UTC) if at else None
    return CatalogKeyPin(raw, fingerprint(raw), moment, settings.get(CATALOG_KEY_FILE) or "")


def listing_from(settings: Mapping[str, str | None],
                 pinned: Iterable[PinnedRow]) -> KeyListing:
    """The listing of the stored settings (LISTED_SETTINGS) and pinned rows (by code).

    Raises NotListableError when no role is recorded or the own key cannot be read.
    """
    role_text = settings.get(ROLE)
    if not role_text:
        raise NotListableError(ROLE)
    role = stored_role(role_text)
    own_text = settings.get(OWN_KEY)
    own_fingerprint = own_public = ""
    if own_text:
        raw = decode(own_text, KEY_BYTES)
        if raw is None:
            raise NotListableError(OWN_KEY)
        key = key_pair_from_private(raw)
        own_fingerprint, own_public = key.fingerprint, key.public_text
    return KeyListing(role, settings.get(AGENCY), own_fingerprint, own_public,
                      tuple(pinned) if role is Role.FOCAL_POINT else (),
                      catalog_pin_from(settings) if role is Role.AGENCY else None)


def quick_key_listing(location: Path) -> KeyListing | None:
    """The listing of the SQLite file at location, read with sqlite3 alone; None when the
    file needs the full open (storage/schema.py open_at_head) or its values do."""
    conn = open_at_head(location)
    if conn is None:
        return None
    try:
        with conn:
            conn.execute("BEGIN")  # one snapshot, as db.reading() gives
            marks = ", ".join("?" for _ in LISTED_SETTINGS)
            settings: dict[str, str | None] = dict(conn.execute(
                f"SELECT key, value FROM setting WHERE key IN ({marks})",
                LISTED_SETTINGS).fetchall())
            pinned = [PinnedRow(code, printed, public, utc(datetime.fromisoformat(at)), name)
                      for code, printed, public, at, name in conn.execute(
                          "SELECT a.code, p.fingerprint, p.public_key, p.pinned_at, p.file_name"
                          " FROM pinnedkey p JOIN agency a ON a.id = p.agency_id"
                          " ORDER BY a.code")]
        return listing_from(settings, pinned)
    except (sqlite3.Error, NotListableError, ValueError, TypeError):
        return None
    finally:
        conn.close()
