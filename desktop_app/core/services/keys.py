"""Whose keys this installation holds: its own signing key and the keys it trusts.

- Its own key pair (both roles), made at init and kept in the setting table, so a
  backup carries it (and must be guarded like the laptop). A database made
  before signatures gets its key on first need: the first export or catalog
  export stores it in the transaction that registers what it signed.
- At the focal point, the pinned key of each agency (PinnedKey): the key of the
  first accepted signed file of that agency; later files must be signed by it
  unless a new key is accepted deliberately (replace_key, in the audit log).
- At an agency, the focal point's key, pinned at its first signed catalog update
  (the catalog shipped with the program is trusted as it is).

Trust on first use: the first key is believed because it came first, so the
fingerprint printed on the signed paper letter is what a person checks.
"""

from __future__ import annotations

from enum import StrEnum

from sqlmodel import Session, col, select

from desktop_app.core.domain.models import Agency, PinnedKey, utc_now
from desktop_app.core.exchange.signing import (
    KEY_BYTES,
    KeyPair,
    SignatureCheck,
    SignatureState,
    decode,
    encode,
    fingerprint,
    generate_key_pair,
    stored_key_pair,
)
from desktop_app.core.problems import Problem, RefusedError
from desktop_app.core.services.audit import FieldChange
from desktop_app.core.services.key_listing import (
    CATALOG_KEY,
    CATALOG_KEY_FILE,
    CATALOG_KEY_PINNED_AT,
    LISTED_SETTINGS,
    OWN_KEY,
    ROLE,
    CatalogKeyPin,
    KeyListing,
    PinnedRow,
    catalog_pin_from,
    listing_from,
    utc,
)
from desktop_app.core.services.setup import audit
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.settings import get_setting, set_setting

# --- this installation's key -----------------------------------------------------------


def own_key(session: Session) -> KeyPair | None:
    """The stored key pair, or None in a database made before signatures."""
    return stored_key_pair(get_setting(session, OWN_KEY))


def own_key_or_new(session: Session) -> KeyPair:
    """The stored key, or a new one not yet stored (keep_own_key stores it).

    For planning in a read-only session: what is signed with it is registered in a
    later transaction, which stores the key with it.
    """
    return own_key(session) or generate_key_pair()


def keep_own_key(session: Session, key: KeyPair) -> None:
    """Store key as this installation's key unless it is already; refuse another one."""
    stored = own_key(session)
    if stored is None:
        set_setting(session, OWN_KEY, encode(key.private_raw))
        audit(session, "key.created", "key", fingerprint=key.fingerprint,
              changed=[FieldChange("fingerprint", None, key.fingerprint)])
    elif stored.public_raw != key.public_raw:
        raise RefusedError.of("key.changed_meanwhile")


def ensure_own_key(session: Session) -> KeyPair:
    """This installation's key, made and stored (in this transaction) if it has none."""
    key = own_key_or_new(session)
    keep_own_key(session, key)
    return key


# --- the focal point's pinned agency keys ----------------------------------------------


def pinned_key(session: Session, agency_id: int) -> PinnedKey | None:
    return session.exec(select(PinnedKey).where(col(PinnedKey.agency_id) == agency_id)).first()


def _agency_code(session: Session, agency_id: int) -> str:
    agency = session.get(Agency, agency_id)
    return agency.code if agency is not None else str(agency_id)


def pin_key(session: Session, agency_id: int, public_key: bytes, file_name: str,
            batch_uuid: str) -> PinnedKey:
    """Pin an agency's first key (its first accepted signed file); the same key again is
    a no-op. Another key is refused (key.other_key): accepting one is replace_key."""
    current = pinned_key(session, agency_id)
    text = encode(public_key)
    if current is not None:
        if current.public_key != text:
            raise RefusedError.of("key.other_key", agency=_agency_code(session, agency_id),
                                  pinned=current.fingerprint, found=fingerprint(public_key))
        return current
    row = PinnedKey(agency_id=agency_id, public_key=text, fingerprint=fingerprint(public_key),
                    pinned_at=utc_now(), file_name=file_name, batch_uuid=batch_uuid)
    session.add(row)
    code = _agency_code(session, agency_id)
    audit(session, "key.pinned", "agency", None, agency=code,
          fingerprint=row.fingerprint, file=file_name, batch=batch_uuid, key=code,
          changed=[FieldChange("fingerprint", None, row.fingerprint)])
    session.flush()
    return row


def replace_key(session: Session, agency_id: int, public_key: bytes, file_name: str,
                batch_uuid: str) -> PinnedKey:
    """Accept an agency's new key deliberately (import --accept-new-key): the pin now holds
    it, and the audit log the key it replaced."""
    current = pinned_key(session, agency_id)
    if current is None:
        return pin_key(session, agency_id, public_key, file_name, batch_uuid)
    previous = current.fingerprint
    current.public_key, current.fingerprint = encode(public_key), fingerprint(public_key)
    current.pinned_at, current.file_name, current.batch_uuid = utc_now(), file_name, batch_uuid
    session.add(current)
    code = _agency_code(session, agency_id)
    audit(session, "key.replaced", "agency", None, agency=code,
          fingerprint=current.fingerprint, previous=previous, file=file_name,
          batch=batch_uuid, key=code,
          changed=[FieldChange("fingerprint", previous, current.fingerprint)])
    session.flush()
    return current


class KeyVerdict(StrEnum):
    """What a file's signature means against the key pinned for its sender."""

    FIRST = "first"  # signed and valid, nothing pinned yet: pin this key
    SAME = "same"  # signed by the pinned key
    OTHER = "other"  # signed and valid, by another key: refuse unless accepted
    UNSIGNED = "unsigned"  # no signature at all (template, edited, earlier format)
    BAD = "bad"  # a signature that does not check out: always refused


def judge_key(pinned_public_key: bytes | str | None, check: SignatureCheck) -> KeyVerdict:
    """The verdict on a file's signature check, given the pinned key (raw, base64 or None).

    Pure, for the import's plan; whether an unsigned file may replace a signed
    submission is the plan's own rule.
    """
    if check.state is SignatureState.BAD:
        return KeyVerdict.BAD
    if check.state is SignatureState.UNSIGNED:
        return KeyVerdict.UNSIGNED
    if pinned_public_key is None or pinned_public_key in ("", b""):
        return KeyVerdict.FIRST
    pinned = (decode(pinned_public_key, KEY_BYTES) if isinstance(pinned_public_key, str)
              else pinned_public_key)
    return KeyVerdict.SAME if pinned == check.public_key else KeyVerdict.OTHER


def key_problem(verdict: KeyVerdict, *, file: str, agency: str, pinned: str,
                check: SignatureCheck) -> Problem | None:
    """The refusal an import reports for a verdict that is not accepted as it is (None for
    FIRST and SAME; UNSIGNED is a refusal only over a signed submission, which the caller
    knows). pinned: the pinned key's fingerprint, "" when none."""
    if verdict is KeyVerdict.BAD:
        return Problem("import.bad_signature", {"file": file, "agency": agency})
    if verdict is KeyVerdict.OTHER:
        return Problem("import.key_other", {"file": file, "agency": agency, "pinned": pinned,
                                            "found": check.fingerprint})
    if verdict is KeyVerdict.UNSIGNED:
        return Problem("import.unsigned_over_signed", {"file": file, "agency": agency,
                                                       "pinned": pinned or "-"})
    return None


# --- an agency's pin of the focal point's catalog key ----------------------------------


def pinned_catalog_key(session: Session) -> CatalogKeyPin | None:
    return catalog_pin_from({name: get_setting(session, name) for name in
                             (CATALOG_KEY, CATALOG_KEY_PINNED_AT, CATALOG_KEY_FILE)})


def pin_catalog_key(session: Session, public_key: bytes, file_name: str) -> CatalogKeyPin:
    """Pin (or, accepted deliberately, replace) the focal point's catalog key."""
    previous = pinned_catalog_key(session)
    now = utc_now()
    set_setting(session, CATALOG_KEY, encode(public_key))
    set_setting(session, CATALOG_KEY_PINNED_AT, now.isoformat())
    set_setting(session, CATALOG_KEY_FILE, file_name)
    pin = CatalogKeyPin(public_key, fingerprint(public_key), now, file_name)
    if previous is None:
        audit(session, "catalog.key_pinned", "catalog", fingerprint=pin.fingerprint,
              file=file_name, key=file_name,
              changed=[FieldChange("fingerprint", None, pin.fingerprint)])
    elif previous.public_key != public_key:
        audit(session, "catalog.key_replaced", "catalog", fingerprint=pin.fingerprint,
              previous=previous.fingerprint, file=file_name, key=file_name,
              changed=[FieldChange("fingerprint", previous.fingerprint, pin.fingerprint)])
    return pin


# --- what `keys list` and the window show ----------------------------------------------


def key_listing(session: Session) -> KeyListing:
    settings = {name: get_setting(session, name) for name in LISTED_SETTINGS}
    if not settings[ROLE]:
        raise RefusedError.of("catalog.not_installed")
    if settings[OWN_KEY]:
        own_key(session)  # a damaged key is refused in words (key.damaged)
    found = session.exec(select(PinnedKey, Agency.code)
                         .join(Agency, col(Agency.id) == PinnedKey.agency_id)
                         .order_by(col(Agency.code))).all()
    return listing_from(settings, (PinnedRow(code, pin.fingerprint, pin.public_key,
                                             utc(pin.pinned_at), pin.file_name)
                                   for pin, code in found))


def list_keys(db: Database) -> KeyListing:
    """This installation's key, and the keys it has pinned (keys list)."""
    with db.reading() as session:
        return key_listing(session)
