"""An installation's own key, signed exports, and the focal point's pinned agency keys."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from sqlmodel import col, select

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import Agency, AuditEvent, Setting
from desktop_app.core.exchange import xlsx_writer
from desktop_app.core.exchange.canonical import content_hash
from desktop_app.core.exchange.columns import META_SHEET
from desktop_app.core.exchange.signing import (
    KeyPair,
    SignatureFault,
    SignatureState,
    key_pair_from_private,
    sign_submission,
    verify_submission,
)
from desktop_app.core.exchange.submission import PreparedSubmission, SubmissionData, SubmissionMeta
from desktop_app.core.exchange.xlsx_reader import read_submission
from desktop_app.core.problems import RefusedError
from desktop_app.core.progress import Job, drive
from desktop_app.core.services import keys
from desktop_app.core.services import submissions as svc
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.backup import backup_database
from desktop_app.core.storage.database import Database

YEAR = 2025
HNI_KEY = key_pair_from_private(bytes(range(32)))
NEW_LAPTOP = key_pair_from_private(bytes(range(100, 132)))


def _open(tmp_path: Path, role: Role, name: str) -> Database:
    db = Database.open(tmp_path / name)
    initialise(db, role, "VLG" if role is Role.AGENCY else None)
    return db


@pytest.fixture()
def agency(tmp_path: Path) -> Iterator[Database]:
    db = _open(tmp_path, Role.AGENCY, "agency.sqlite")
    drive(fill_demo(db, activities=8, seed=2, period=YEAR))
    yield db
    db.close()


@pytest.fixture()
def focal(tmp_path: Path) -> Iterator[Database]:
    db = _open(tmp_path, Role.FOCAL_POINT, "focal.sqlite")
    yield db
    db.close()


def _own(db: Database) -> KeyPair | None:
    with db.reading() as session:
        return keys.own_key(session)


def _actions(db: Database, prefix: str) -> list[dict[str, object]]:
    with db.reading() as session:
        return [json.loads(e.detail) for e in session.exec(
            select(AuditEvent).where(col(AuditEvent.action) == prefix).order_by(
                col(AuditEvent.id)))]


# --- this installation's key -----------------------------------------------------------


def test_init_makes_a_key_for_either_role_and_repeating_init_keeps_it(
        agency: Database, focal: Database) -> None:
    agency_key, focal_key = _own(agency), _own(focal)
    assert agency_key is not None and focal_key is not None
    assert agency_key.public_raw != focal_key.public_raw
    initialise(agency, Role.AGENCY, "VLG")
    assert _own(agency) == agency_key
    assert [e["fingerprint"] for e in _actions(agency, "key.created")] == [
        agency_key.fingerprint]


def test_a_backup_carries_the_key(agency: Database, tmp_path: Path) -> None:
    copy = tmp_path / "backup.sqlite"
    backup_database(agency.path, copy)
    restored = Database.open(copy)
    try:
        assert _own(restored) == _own(agency)
    finally:
        restored.close()


def _forget_key(db: Database) -> None:
    """The database as one made before signatures: no key."""
    with db.unit_of_work() as session:
        row = session.get(Setting, keys.OWN_KEY)
        assert row is not None
        session.delete(row)


def test_a_database_made_before_signatures_gets_its_key_with_its_first_export(
        agency: Database, tmp_path: Path) -> None:
    _forget_key(agency)
    assert _own(agency) is None

    def broken(prepared: PreparedSubmission, path: Path) -> Job[None]:
        raise OSError(28, "No space left on device")
        yield  # a generator, as writers are

    with pytest.raises((OSError, RefusedError)):
        drive(svc.write_submission_file(agency, YEAR, tmp_path / "x.xlsx", broken))
    assert _own(agency) is None  # the export failed: no key kept either
    path = tmp_path / "VLG_2025_v1.xlsx"
    prepared = drive(svc.export_xlsx(agency, YEAR, path))
    key = _own(agency)
    assert key is not None and prepared.key_fingerprint == key.fingerprint
    check = verify_submission(read_submission(path).meta)
    assert check.valid and check.fingerprint == key.fingerprint
    assert len(_actions(agency, "key.created")) == 2  # at init, then anew after forgetting


def test_every_export_is_signed_and_an_unchanged_one_is_the_same_version(
        agency: Database, tmp_path: Path) -> None:
    first = drive(svc.export_xlsx(agency, YEAR, tmp_path / "a.xlsx"))
    again = drive(svc.export_xlsx(agency, YEAR, tmp_path / "b.xlsx"))
    assert not again.new_version and again.meta == first.meta  # the signature too
    key = _own(agency)
    assert key is not None
    read = read_submission(tmp_path / "b.xlsx")
    assert read.hash_ok and read.meta == first.meta
    assert read.meta.public_key == key.public_text and len(read.meta.signature) == 88
    assert verify_submission(read.meta).fingerprint == key.fingerprint
    # the PDF gets the same fingerprint to print beside the signature block
    assert first.key_fingerprint == key.fingerprint


def test_a_workbook_written_without_key_or_signature_still_reads_intact(
        agency: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    signed = drive(svc.export_xlsx(agency, YEAR, tmp_path / "new.xlsx"))
    old_meta = replace(signed.meta, public_key="", signature="")
    old_meta = replace(old_meta, content_hash=content_hash(old_meta, signed.data))
    rows = xlsx_writer.meta_rows
    monkeypatch.setattr(xlsx_writer, "meta_rows", lambda meta: [
        r for r in rows(meta) if r[0] not in ("public_key", "signature")])
    old = tmp_path / "old.xlsx"
    drive(xlsx_writer.write_workbook(PreparedSubmission(old_meta, signed.data, True), old))
    sheet = openpyxl.load_workbook(old)[META_SHEET]
    assert "public_key" not in {row[0].value for row in sheet.iter_rows()}
    read = read_submission(old)
    assert read.hash_ok and read.meta == old_meta
    assert verify_submission(read.meta).state is SignatureState.UNSIGNED


def test_forged_metadata_with_a_recomputed_hash_is_a_bad_signature(
        agency: Database, tmp_path: Path) -> None:
    path = tmp_path / "VLG.xlsx"
    prepared = drive(svc.export_xlsx(agency, YEAR, path))
    forged_meta = replace(prepared.meta, version=1_000_000_000)
    forged_meta = replace(forged_meta, content_hash=content_hash(forged_meta, prepared.data))
    book = openpyxl.load_workbook(path)
    for key_cell, value_cell in book[META_SHEET].iter_rows(max_col=2):
        if key_cell.value == "version":
            value_cell.value = "1000000000"
        elif key_cell.value == "content_hash":
            value_cell.value = forged_meta.content_hash
    book.save(tmp_path / "forged.xlsx")
    read = read_submission(tmp_path / "forged.xlsx")
    assert read.hash_ok  # the hash alone does not stop a forger
    check = verify_submission(read.meta)
    assert check.state is SignatureState.BAD and check.fault is SignatureFault.MISMATCH


# --- the focal point's pins ------------------------------------------------------------


def _agency_id(db: Database, code: str) -> int:
    with db.reading() as session:
        row = session.exec(select(Agency).where(col(Agency.code) == code)).one()
        assert row.id is not None
        return row.id


def test_pin_then_same_key_then_another_key_refused_then_replaced_deliberately(
        focal: Database) -> None:
    hni = _agency_id(focal, "HNI")
    with focal.unit_of_work() as session:
        assert keys.pinned_key(session, hni) is None
        pin = keys.pin_key(session, hni, HNI_KEY.public_raw, "HNI_2026_v1.xlsx", "batch-1")
        assert pin.fingerprint == HNI_KEY.fingerprint
    with focal.unit_of_work() as session:  # the same key again: nothing new
        keys.pin_key(session, hni, HNI_KEY.public_raw, "HNI_2026_v2.xlsx", "batch-2")
    with pytest.raises(RefusedError) as caught, focal.unit_of_work() as session:
        keys.pin_key(session, hni, NEW_LAPTOP.public_raw, "HNI_2026_v1.xlsx", "batch-3")
    assert caught.value.problems[0].code == "key.other_key"
    assert caught.value.problems[0].params == {
        "agency": "HNI", "pinned": HNI_KEY.fingerprint, "found": NEW_LAPTOP.fingerprint}
    with focal.reading() as session:
        still = keys.pinned_key(session, hni)
        assert still is not None and still.file_name == "HNI_2026_v1.xlsx"
    with focal.unit_of_work() as session:
        keys.replace_key(session, hni, NEW_LAPTOP.public_raw, "HNI_new.xlsx", "batch-4")
    with focal.reading() as session:
        now = keys.pinned_key(session, hni)
        assert now is not None and now.fingerprint == NEW_LAPTOP.fingerprint
        assert now.batch_uuid == "batch-4" and now.file_name == "HNI_new.xlsx"
    assert [e["fingerprint"] for e in _actions(focal, "key.pinned")] == [HNI_KEY.fingerprint]
    replaced = _actions(focal, "key.replaced")
    assert len(replaced) == 1 and replaced[0]["previous"] == HNI_KEY.fingerprint
    assert replaced[0]["fingerprint"] == NEW_LAPTOP.fingerprint and replaced[0]["agency"] == "HNI"


def test_the_verdict_on_a_file_against_the_pinned_key() -> None:
    meta = SubmissionMeta(1, "0.1.0", "HNI", "Hà Nội", "Ha Noi", "", 2026,
                          "5d0c1c55-8a8b-4b39-a5b8-2d2d1a4f0b61", 1, datetime(2026, 1, 1),
                          0, 0, 0, "")
    by_hni = verify_submission(sign_submission(HNI_KEY, meta, SubmissionData()))
    by_new = verify_submission(sign_submission(NEW_LAPTOP, meta, SubmissionData()))
    bad = verify_submission(replace(sign_submission(HNI_KEY, meta, SubmissionData()),
                                    version=2))
    unsigned = verify_submission(meta)
    judge = keys.judge_key
    assert judge(None, by_hni) is keys.KeyVerdict.FIRST
    assert judge(HNI_KEY.public_raw, by_hni) is keys.KeyVerdict.SAME
    assert judge(HNI_KEY.public_text, by_hni) is keys.KeyVerdict.SAME
    assert judge(HNI_KEY.public_text, by_new) is keys.KeyVerdict.OTHER
    assert judge(HNI_KEY.public_raw, unsigned) is keys.KeyVerdict.UNSIGNED
    assert judge(None, bad) is keys.KeyVerdict.BAD
    problem = keys.key_problem(keys.KeyVerdict.OTHER, file="f.xlsx", agency="HNI",
                               pinned=HNI_KEY.fingerprint, check=by_new)
    assert problem is not None and problem.code == "import.key_other"
    assert problem.params["found"] == NEW_LAPTOP.fingerprint
    assert keys.key_problem(keys.KeyVerdict.SAME, file="f", agency="HNI", pinned="",
                            check=by_hni) is None


def test_the_listing_shows_the_own_key_and_the_pins_by_agency(focal: Database) -> None:
    with focal.unit_of_work() as session:
        keys.pin_key(session, _agency_id(focal, "VLG"), NEW_LAPTOP.public_raw, "v.xlsx", "b")
        keys.pin_key(session, _agency_id(focal, "HNI"), HNI_KEY.public_raw, "h.xlsx", "b")
    listing = keys.list_keys(focal)
    own = _own(focal)
    assert own is not None and listing.own_fingerprint == own.fingerprint
    assert listing.role is Role.FOCAL_POINT and listing.catalog_key is None
    assert [(p.agency_code, p.fingerprint, p.file_name) for p in listing.pinned] == [
        ("HNI", HNI_KEY.fingerprint, "h.xlsx"), ("VLG", NEW_LAPTOP.fingerprint, "v.xlsx")]
    assert all(p.pinned_at.tzinfo is not None for p in listing.pinned)


def test_the_pdf_prints_the_signing_key_beside_the_signature_block(
        agency: Database, tmp_path: Path) -> None:
    import shutil
    import subprocess

    from desktop_app.core.services.agency_report import export_pdf

    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.fail("pdftotext (poppler-utils) is needed to read the PDF")
    workbook = drive(svc.export_xlsx(agency, YEAR, tmp_path / "VLG.xlsx"))
    paper = drive(export_pdf(agency, YEAR, tmp_path / "VLG.pdf"))
    assert paper.meta == workbook.meta  # the same version: the letter vouches for the file
    text = subprocess.run([pdftotext, "-enc", "UTF-8", str(tmp_path / "VLG.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    key = _own(agency)
    assert key is not None
    assert f"Mã khóa ký / Signing key: {key.fingerprint}" in text


def test_a_focal_point_made_before_signatures_gets_its_key_at_its_first_catalog_export(
        focal: Database, tmp_path: Path) -> None:
    from desktop_app.core.catalog.document import catalog_signature, read_catalog
    from desktop_app.core.services.catalog import export_catalog

    _forget_key(focal)
    with pytest.raises(RefusedError):  # the file cannot be written: no key kept either
        export_catalog(focal, tmp_path / "no" / "such" / "folder" / "c.json")
    assert _own(focal) is None
    from desktop_app.core.catalog.document import read_bundled_catalog

    assert export_catalog(focal, tmp_path / "c.json") == read_bundled_catalog()["version"]
    key = _own(focal)
    assert key is not None
    check = catalog_signature(read_catalog(tmp_path / "c.json"))
    assert check.valid and check.fingerprint == key.fingerprint
