"""Ed25519 keys, fingerprints and signatures over metadata (core/exchange/signing.py).

Every bad signature a file can carry (malformed, truncated, another key's, over other
metadata) comes back as a SignatureCheck, never as an exception.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.exchange.canonical import content_hash
from desktop_app.core.exchange.signing import (
    SignatureFault,
    SignatureState,
    decode,
    encode,
    fingerprint,
    generate_key_pair,
    key_pair_from_private,
    sign,
    sign_submission,
    signed,
    verify,
    verify_submission,
)
from desktop_app.core.exchange.submission import (
    ActivityRecord,
    LinkRecord,
    SubmissionData,
    SubmissionMeta,
)

KEY = key_pair_from_private(bytes(range(32)))
OTHER = key_pair_from_private(bytes(range(1, 33)))
META = {"agency_code": "HNI", "period": 2026, "version": 3, "content_hash": "ab" * 32,
        "contact_person": "Nguyễn Thị Hoa"}


def test_a_new_key_pair_is_32_bytes_each_and_its_private_key_gives_it_back() -> None:
    pair = generate_key_pair()
    assert len(pair.private_raw) == 32 and len(pair.public_raw) == 32
    assert key_pair_from_private(pair.private_raw) == pair
    assert generate_key_pair().public_raw != pair.public_raw


def test_the_fingerprint_is_16_hex_digits_of_sha256_in_groups_of_four() -> None:
    digits = hashlib.sha256(KEY.public_raw).hexdigest()[:16]
    assert fingerprint(KEY.public_raw) == " ".join([digits[0:4], digits[4:8], digits[8:12],
                                                    digits[12:16]])
    assert len(KEY.fingerprint) == 19 and KEY.fingerprint.count(" ") == 3
    assert KEY.fingerprint != OTHER.fingerprint


def test_keys_and_signatures_travel_as_base64_of_exact_length() -> None:
    assert len(KEY.public_text) == 44 and decode(KEY.public_text, 32) == KEY.public_raw
    signature = sign(KEY, META)
    assert len(signature) == 88 and decode(signature, 64) is not None
    assert decode(signature[:-4], 64) is None  # truncated
    assert decode("not base64!", 32) is None and decode(None, 32) is None
    assert decode(encode(b"x" * 31), 32) is None


def test_signed_metadata_verifies_and_names_its_key() -> None:
    document = signed(KEY, META)
    check = verify(document)
    assert check.state is SignatureState.VALID and check.valid
    assert check.fingerprint == KEY.fingerprint and check.public_key == KEY.public_raw
    # deterministic: the same key and metadata give the same signature again
    assert signed(KEY, META) == document
    # the order of the fields does not matter (canonical JSON sorts them)
    assert verify(dict(reversed(list(document.items())))).valid


def test_metadata_without_key_or_signature_is_unsigned() -> None:
    assert verify(META).state is SignatureState.UNSIGNED
    assert verify({**META, "public_key": "", "signature": "  "}).state is SignatureState.UNSIGNED


def _fault(document: dict[str, object]) -> SignatureFault:
    check = verify(document)
    assert check.state is SignatureState.BAD
    return check.fault


def test_every_kind_of_bad_signature_is_bad_with_its_reason() -> None:
    good = signed(KEY, META)
    assert _fault({**good, "version": 1_000_000_000}) is SignatureFault.MISMATCH  # edited
    assert _fault({**good, "public_key": OTHER.public_text}) is SignatureFault.MISMATCH
    resigned = signed(OTHER, {**META, "version": 4})
    assert _fault({**resigned, "public_key": KEY.public_text}) is SignatureFault.MISMATCH
    # a signature over other metadata, carried over
    other_meta = signed(KEY, {**META, "period": 2025})
    assert _fault({**good, "signature": other_meta["signature"]}) is SignatureFault.MISMATCH
    truncated = {**good, "signature": str(good["signature"])[:60]}
    assert _fault(truncated) is SignatureFault.MALFORMED_SIGNATURE
    assert _fault({**good, "signature": "=" * 88}) is SignatureFault.MALFORMED_SIGNATURE
    assert _fault({**good, "public_key": "AAAA"}) is SignatureFault.MALFORMED_KEY
    assert _fault({**good, "public_key": 12345}) is SignatureFault.MALFORMED_KEY
    assert _fault({**good, "public_key": ""}) is SignatureFault.NO_KEY
    assert _fault({**good, "signature": ""}) is SignatureFault.NO_SIGNATURE
    # a signature over metadata that cannot be JSON (NaN): bad, not an exception
    assert _fault({**good, "version": float("nan")}) is SignatureFault.MALFORMED_KEY


@settings(max_examples=200, deadline=None)
@given(key=st.one_of(st.none(), st.text(max_size=120), st.integers(), st.binary(max_size=40)),
       signature=st.one_of(st.none(), st.text(max_size=120), st.floats(),
                           st.binary(max_size=80)),
       extra=st.dictionaries(st.text(max_size=5), st.one_of(st.text(), st.integers(),
                                                            st.none(), st.booleans()),
                             max_size=4))
def test_anything_a_file_may_hold_gives_an_answer_never_an_exception(
        key: object, signature: object, extra: dict[str, object]) -> None:
    check = verify({**extra, "public_key": key, "signature": signature})
    assert check.state in (SignatureState.UNSIGNED, SignatureState.BAD)


# --- submissions -----------------------------------------------------------------------


def _submission() -> tuple[SubmissionMeta, SubmissionData]:
    data = SubmissionData(
        [ActivityRecord("0b9c6a4e-1f61-4a1e-9d2f-0a7c3b1e2d4f", "T01", "Tập huấn", None,
                        "training", "completed", None, None, 10, None, None, None, 5_000_000,
                        None, None, None, None)],
        [], [LinkRecord("0b9c6a4e-1f61-4a1e-9d2f-0a7c3b1e2d4f", "CO3-DEATHPEN")])
    meta = SubmissionMeta(
        format_version=1, app_version="0.1.0", agency_code="HNI",
        agency_name_vi="Thành phố Hà Nội", agency_name_en="Ha Noi", contact_person="Hoa",
        period=2026, submission_uuid="5d0c1c55-8a8b-4b39-a5b8-2d2d1a4f0b61", version=2,
        created_at=datetime(2026, 12, 1, 8, 15, tzinfo=UTC), activities=1, indicators=0,
        links=1, content_hash="")
    return replace(meta, content_hash=content_hash(meta, data)), data


def _old_formula_hash(meta: SubmissionMeta, data_json: str) -> str:
    """The content hash as files made before signatures were hashed: every field but it."""
    fields = {
        "format_version": meta.format_version, "app_version": meta.app_version,
        "agency_code": meta.agency_code, "agency_name_vi": meta.agency_name_vi,
        "agency_name_en": meta.agency_name_en, "contact_person": meta.contact_person,
        "period": meta.period, "submission_uuid": meta.submission_uuid,
        "version": meta.version, "created_at": "2026-12-01T08:15:00Z",
        "activities": meta.activities, "indicators": meta.indicators, "links": meta.links,
        "from_template": meta.from_template,
    }
    text = json.dumps({"data": json.loads(data_json), "meta": fields}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_an_unsigned_submission_hashes_exactly_as_before_signatures() -> None:
    from desktop_app.core.exchange.canonical import canonical_json

    meta, data = _submission()
    assert meta.public_key == "" and meta.signature == ""
    assert meta.content_hash == _old_formula_hash(meta, canonical_json(data))
    assert verify_submission(meta).state is SignatureState.UNSIGNED


def test_a_signed_submission_covers_its_key_hash_and_every_field() -> None:
    meta, data = _submission()
    signed_meta = sign_submission(KEY, meta, data)
    assert signed_meta.public_key == KEY.public_text
    # the hash now covers the key too, so the key cannot be stripped unnoticed
    assert signed_meta.content_hash == content_hash(signed_meta, data)
    assert signed_meta.content_hash != meta.content_hash
    check = verify_submission(signed_meta)
    assert check.valid and check.fingerprint == KEY.fingerprint
    # the signature is not hashed: signing again changes nothing
    assert sign_submission(KEY, signed_meta, data) == signed_meta
    for change in ({"version": 1_000_000_000}, {"agency_code": "VLG"},
                   {"content_hash": "0" * 64}, {"contact_person": "Người khác"},
                   {"from_template": True}):
        assert verify_submission(replace(signed_meta, **change)).state is SignatureState.BAD
    # forged metadata with a recomputed hash: the hash checks out, the signature does not
    forged = replace(signed_meta, version=999_999)
    forged = replace(forged, content_hash=content_hash(forged, data))
    assert verify_submission(forged).fault is SignatureFault.MISMATCH
    # an impostor's installation signs with its own key: valid, but another fingerprint
    impostor = sign_submission(OTHER, meta, data)
    assert verify_submission(impostor).valid
    assert verify_submission(impostor).fingerprint == OTHER.fingerprint != KEY.fingerprint


def test_a_base64_key_that_is_not_ascii_is_malformed_not_an_error() -> None:
    assert decode("ĐĐĐĐ", 32) is None
    assert base64.b64encode(b"\0" * 32).decode() != KEY.public_text


def test_the_data_hashed_once_gives_every_metadata_its_own_content_hash() -> None:
    from desktop_app.core.exchange.canonical import HashedData, canonical_json

    meta, data = _submission()
    data_json = canonical_json(data)
    hashed = HashedData(data_json)
    later = replace(meta, version=meta.version + 1, contact_person="Người khác")
    # the same digest as hashing the whole document, for each metadata, in any order
    assert hashed.content_hash(later) == _old_formula_hash(later, data_json)
    assert hashed.content_hash(meta) == _old_formula_hash(meta, data_json)
    assert hashed.content_hash(later) == content_hash(later, data, data_json=data_json)
    signed = sign_submission(KEY, meta, data, hashed=hashed)
    assert signed == sign_submission(KEY, meta, data)
