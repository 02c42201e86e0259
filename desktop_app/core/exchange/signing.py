"""Ed25519 keys and signatures over metadata, and the fingerprint people compare.

Every installation has one key pair (made at init, kept in its database). A file
it sends (a submission workbook, a catalog update) carries the raw public key
and a signature over the canonical JSON (canonical.json_text: sorted keys, no
spaces, UTF-8) of its metadata mapping without the ``signature`` field itself.
Both travel as standard base64 text: 44 characters for the 32-byte key, 88 for
the 64-byte signature.

Whoever receives the file checks the signature here, with no exception escaping
for anything a file may hold: the answer is a SignatureCheck, signed and valid,
unsigned, or bad (malformed, truncated, made by another key, or the metadata
changed after signing). Which key to trust is not decided here: the receiver
compares the fingerprint with the one it pinned (services/keys.py).

The fingerprint is the first 16 hex digits of SHA-256 of the raw public key,
shown in groups of four ("ab12 cd34 ef56 7890"): short enough to print beside
the signature of a paper letter and read out over the telephone.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from desktop_app.core.exchange.canonical import (
    HashedData,
    content_hash,
    json_text,
    signed_meta,
)
from desktop_app.core.exchange.submission import SubmissionData, SubmissionMeta

KEY_BYTES = 32
SIGNATURE_BYTES = 64
PUBLIC_KEY_FIELD = "public_key"
SIGNATURE_FIELD = "signature"
# Longest text worth decoding: a little room over 88 characters for stray spaces.
_MAX_TEXT = 200


@dataclass(frozen=True)
class KeyPair:
    """An installation's signing key: the raw 32-byte private and public keys."""

    private_raw: bytes
    public_raw: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_raw)

    @property
    def public_text(self) -> str:
        return encode(self.public_raw)


# cryptography is imported by the functions that sign or check: ~50 ms of imports that
# the window and the quick commands need not pay until a key is used. The raw bytes of a
# key come from private_bytes_raw / public_bytes_raw (the same bytes as Encoding.Raw),
# which spares every export the import of cryptography's serialization package (its
# SSH, PKCS#12 and PEM parts: another ~50 ms).


def generate_key_pair() -> KeyPair:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return key_pair_from_private(Ed25519PrivateKey.generate().private_bytes_raw())


def key_pair_from_private(private_raw: bytes) -> KeyPair:
    """The pair of a stored private key (ValueError when it is not 32 bytes)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.from_private_bytes(bytes(private_raw))
    public = private.public_key().public_bytes_raw()
    return KeyPair(bytes(private_raw), public)


def stored_key_pair(text: str | None) -> KeyPair | None:
    """The key pair stored as this installation's (its private key in base64), or None
    in a database made before signatures; a key that is not one is refused."""
    from desktop_app.core.problems import RefusedError

    if not text:
        return None
    raw = decode(text, KEY_BYTES)
    if raw is None:
        raise RefusedError.of("key.damaged")
    return key_pair_from_private(raw)


def fingerprint(public_key_raw: bytes) -> str:
    """"ab12 cd34 ef56 7890": the first 16 hex digits of SHA-256 of the raw key."""
    digits = hashlib.sha256(public_key_raw).hexdigest()[:16]
    return " ".join(digits[i:i + 4] for i in range(0, 16, 4))


def encode(raw: bytes) -> str:
    """How a key or a signature is written into a file: standard base64."""
    return base64.b64encode(raw).decode("ascii")


def decode(text: object, length: int) -> bytes | None:
    """The bytes of base64 text of exactly `length` bytes; None for anything else."""
    if not isinstance(text, str) or len(text) > _MAX_TEXT:
        return None
    compact = "".join(text.split())
    try:
        raw = base64.b64decode(compact.encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
    return raw if len(raw) == length else None


def signed_bytes(metadata: Mapping[str, Any]) -> bytes:
    """What a signature covers: the canonical JSON of every field but the signature."""
    return json_text({k: v for k, v in metadata.items() if k != SIGNATURE_FIELD}
                     ).encode("utf-8")


def sign(key: KeyPair, metadata: Mapping[str, Any]) -> str:
    """The base64 signature of metadata (which must name key's public key).

    Ed25519 is deterministic: the same key and metadata always give the same
    signature, so signing an unchanged export again changes nothing in it.
    """
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    private = Ed25519PrivateKey.from_private_bytes(key.private_raw)
    return encode(private.sign(signed_bytes(metadata)))


def signed(key: KeyPair, metadata: Mapping[str, Any]) -> dict[str, Any]:
    """metadata with this key's public key and its signature added (or replaced)."""
    out = {k: v for k, v in metadata.items() if k != SIGNATURE_FIELD}
    out[PUBLIC_KEY_FIELD] = key.public_text
    out[SIGNATURE_FIELD] = sign(key, out)
    return out


class SignatureState(StrEnum):
    VALID = "valid"  # signed, and the signature is the key's over exactly this metadata
    UNSIGNED = "unsigned"  # neither a key nor a signature
    BAD = "bad"  # a key or a signature that does not check out


class SignatureFault(StrEnum):
    """Why a signature is bad (for logs and tests; the words are the face's)."""

    NONE = ""
    NO_KEY = "no_key"  # a signature without a public key
    NO_SIGNATURE = "no_signature"  # a public key without a signature
    MALFORMED_KEY = "malformed_key"  # not base64 of 32 bytes, or not a point of the curve
    MALFORMED_SIGNATURE = "malformed_signature"  # not base64 of 64 bytes (e.g. truncated)
    MISMATCH = "mismatch"  # another key's signature, or the metadata changed after signing


@dataclass(frozen=True)
class SignatureCheck:
    state: SignatureState
    fingerprint: str = ""  # of the public key the file names, when it names a readable one
    public_key: bytes = b""  # that key, raw (what a receiver pins)
    fault: SignatureFault = SignatureFault.NONE

    @property
    def valid(self) -> bool:
        return self.state is SignatureState.VALID


UNSIGNED = SignatureCheck(SignatureState.UNSIGNED)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def verify(metadata: Mapping[str, Any]) -> SignatureCheck:
    """Check the signature a metadata mapping carries in its public_key/signature fields."""
    key_text, signature_text = metadata.get(PUBLIC_KEY_FIELD), metadata.get(SIGNATURE_FIELD)
    if _blank(key_text) and _blank(signature_text):
        return UNSIGNED
    if _blank(key_text):
        return SignatureCheck(SignatureState.BAD, fault=SignatureFault.NO_KEY)
    raw_key = decode(key_text, KEY_BYTES)
    if raw_key is None:
        return SignatureCheck(SignatureState.BAD, fault=SignatureFault.MALFORMED_KEY)
    named = fingerprint(raw_key)
    if _blank(signature_text):
        return SignatureCheck(SignatureState.BAD, named, raw_key, SignatureFault.NO_SIGNATURE)
    raw_signature = decode(signature_text, SIGNATURE_BYTES)
    if raw_signature is None:
        return SignatureCheck(SignatureState.BAD, named, raw_key,
                              SignatureFault.MALFORMED_SIGNATURE)
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        public = Ed25519PublicKey.from_public_bytes(raw_key)
        public.verify(raw_signature, signed_bytes(metadata))
    except InvalidSignature:
        return SignatureCheck(SignatureState.BAD, named, raw_key, SignatureFault.MISMATCH)
    except (ValueError, TypeError):  # not a point of the curve, or metadata not JSON-able
        return SignatureCheck(SignatureState.BAD, named, raw_key, SignatureFault.MALFORMED_KEY)
    return SignatureCheck(SignatureState.VALID, named, raw_key)


# --- submissions ---------------------------------------------------------------------


def sign_submission(key: KeyPair, meta: SubmissionMeta, data: SubmissionData, *,
                    data_json: str | None = None,
                    hashed: HashedData | None = None) -> SubmissionMeta:
    """meta with key's public key, the content hash that covers it, and the signature
    (data_json or hashed: the data's canonical JSON, or that JSON already hashed)."""
    keyed = replace(meta, public_key=key.public_text, signature="")
    keyed = replace(keyed, content_hash=content_hash(keyed, data, data_json=data_json,
                                                     hashed=hashed))
    return replace(keyed, signature=sign(key, signed_meta(keyed)))


def verify_submission(meta: SubmissionMeta) -> SignatureCheck:
    """Whether a submission's metadata (its content hash among it) is signed by the key it
    names. That the content hash matches the data is the reader's check (hash_ok)."""
    try:
        return verify(signed_meta(meta))
    except Exception:  # noqa: BLE001  (metadata from a file: never an exception)
        return SignatureCheck(SignatureState.BAD, fault=SignatureFault.MALFORMED_SIGNATURE)
