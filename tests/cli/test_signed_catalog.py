"""`keys list`, and signed catalog updates: pinned at the first, refused when forged,
signed by another key, unsigned or numbered out of range, unless accepted deliberately.

Every refusal is checked for its exit code, its words in both languages and a database
left exactly as it was (the hash of its SQL dump before and after).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from desktop_app.core.catalog.document import read_bundled_catalog
from desktop_app.core.catalog.export import signed_catalog
from desktop_app.core.domain.models import Agency
from desktop_app.core.exchange.signing import KeyPair, key_pair_from_private
from desktop_app.core.services import catalog, keys
from desktop_app.core.services.agencies import AgencyDirectory
from desktop_app.core.storage.database import Database
from tests.cli.conftest import CliRunner

IMPOSTOR = key_pair_from_private(bytes(range(7, 39)))


def _dump_hash(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode("utf-8")).hexdigest()


def _own_key(db_path: Path) -> KeyPair:
    db = Database.open(db_path)
    try:
        with db.reading() as session:
            key = keys.own_key(session)
    finally:
        db.close()
    assert key is not None
    return key


def _audit(db: Path, action: str) -> list[dict[str, Any]]:
    with sqlite3.connect(db) as conn:
        return [json.loads(detail) for (detail,) in conn.execute(
            "SELECT detail FROM auditevent WHERE action = ? ORDER BY id", (action,))]


@pytest.fixture
def vietnam_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


# --- keys list ---------------------------------------------------------------------------


def test_keys_list_at_an_agency_shows_its_own_key(cli: CliRunner, agency_db: Path) -> None:
    own = _own_key(agency_db)
    done = cli("--lang", "en", "--db", agency_db, "keys", "list")
    assert done.code == 0, done.err
    assert done.out_lines[0] == (f"This installation's signing key (reporting agency VLG): "
                                 f"{own.fingerprint}")
    assert done.out_lines[1] == f"  Public key: {own.public_text}"
    assert "The focal point's key is not pinned yet" in done.out
    vi = cli("--lang", "vi", "--db", agency_db, "keys", "list")
    assert vi.out_lines[0] == (f"Khóa ký của máy này (cơ quan báo cáo VLG): {own.fingerprint}")


def test_keys_list_at_the_focal_point_shows_each_pinned_agency_key_with_when_and_where(
        cli: CliRunner, focal_db: Path, vietnam_time: None) -> None:
    done = cli("--lang", "en", "--db", focal_db, "keys", "list")
    assert done.code == 0 and "No agency key is pinned yet" in done.out
    assert _own_key(focal_db).fingerprint in done.out_lines[0]
    hni, vlg = key_pair_from_private(bytes(32)), IMPOSTOR
    db = Database.open(focal_db)
    try:
        with db.unit_of_work() as session:
            ids = {a.code: a.id or 0 for a in session.exec(select(Agency))}
            keys.pin_key(session, ids["VLG"], vlg.public_raw, "VLG_2026_v1.xlsx", "b1")
            keys.pin_key(session, ids["HNI"], hni.public_raw, "HNI_2026_v3.xlsx", "b2")
    finally:
        db.close()
    with sqlite3.connect(focal_db) as conn:  # pinned at 03:05 UTC = 10:05 in Viet Nam
        conn.execute("UPDATE pinnedkey SET pinned_at = '2026-12-01 03:05:00.000000'")
    vi = cli("--lang", "vi", "--db", focal_db, "keys", "list")
    assert vi.code == 0, vi.err
    assert vi.out_lines[2:] == [
        "Khóa đã ghim của các cơ quan (2):",
        f"HNI\t{hni.fingerprint}\tghim lúc 01/12/2026 10:05\ttừ tệp HNI_2026_v3.xlsx",
        f"VLG\t{vlg.fingerprint}\tghim lúc 01/12/2026 10:05\ttừ tệp VLG_2026_v1.xlsx",
    ]
    en = cli("--lang", "en", "--db", focal_db, "keys", "list")
    assert f"HNI\t{hni.fingerprint}\tpinned 01/12/2026 10:05\tfrom HNI_2026_v3.xlsx" in en.out


def test_keys_needs_its_action(cli: CliRunner, agency_db: Path) -> None:
    assert cli("--db", agency_db, "keys").code == 2
    assert cli("--db", agency_db, "keys", "forget").code == 2

# Versions below are relative to the bundled catalog's (BASE + 1 is the bundled one).
BASE = read_bundled_catalog()["version"] - 1



# --- signed catalog updates ----------------------------------------------------------------


@pytest.fixture
def published(cli: CliRunner, focal_db: Path, tmp_path: Path) -> dict[str, Any]:
    """The focal point's signed catalog update, version 2 (a new period, 2031)."""
    db = Database.open(focal_db)
    try:
        assert catalog.set_due_dates(db, {2031: date(2032, 1, 15)}) == BASE + 2
    finally:
        db.close()
    path = tmp_path / "catalog-v2.json"
    assert cli("--db", focal_db, "catalog", "export", "-o", path).code == 0
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["public_key"] == _own_key(focal_db).public_text and doc["signature"]
    return dict(doc)


def _write(tmp_path: Path, name: str, doc: dict[str, Any]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _refused(cli: CliRunner, db: Path, path: Path, *words: str) -> str:
    """Install path at db: refused (exit 3), in Vietnamese first, and nothing changed."""
    before = _dump_hash(db)
    done = cli("--lang", "vi", "--db", db, "catalog", "import", path)
    assert done.code == 3, (done.out, done.err)
    assert done.out == "" and "Traceback" not in done.err
    vi, en = done.err_lines
    for word in words:
        assert word in done.err
    assert "Không có gì bị thay đổi" in vi and "Nothing was changed" in en
    assert _dump_hash(db) == before
    return done.err


def test_the_first_signed_update_pins_the_focal_points_key(
        cli: CliRunner, agency_db: Path, focal_db: Path, published: dict[str, Any],
        tmp_path: Path) -> None:
    focal = _own_key(focal_db)
    done = cli("--lang", "en", "--db", agency_db, "catalog", "import",
               _write(tmp_path, "v2.json", published))
    assert done.code == 0, done.err
    assert f"Installed catalog version {BASE + 2}" in done.out
    assert f"Pinned the focal point's signing key: {focal.fingerprint}" in done.out
    assert _audit(agency_db, "catalog.key_pinned") == [
        {"fingerprint": focal.fingerprint, "file": "v2.json"}]
    listed = cli("--lang", "en", "--db", agency_db, "keys", "list")
    assert f"The focal point's key (signs catalog updates): {focal.fingerprint}" in listed.out
    assert "from v2.json" in listed.out


def test_an_update_edited_after_signing_is_refused_even_with_accept_new_key(
        cli: CliRunner, agency_db: Path, published: dict[str, Any], tmp_path: Path) -> None:
    forged = dict(published, periods=[dict(p, due_date="2099-01-01")
                                      for p in published["periods"]])
    path = _write(tmp_path, "forged.json", forged)
    _refused(cli, agency_db, path, "forged.json", "không khớp với nội dung",
             "does not match its content")
    before = _dump_hash(agency_db)
    assert cli("--db", agency_db, "catalog", "import", path, "--accept-new-key").code == 3
    assert _dump_hash(agency_db) == before


@pytest.fixture
def pinned_agency(cli: CliRunner, agency_db: Path, published: dict[str, Any],
                  tmp_path: Path) -> Path:
    assert cli("--db", agency_db, "catalog", "import",
               _write(tmp_path, "v2.json", published)).code == 0
    return agency_db


def _v3(published: dict[str, Any], **changes: Any) -> dict[str, Any]:
    doc = {k: v for k, v in published.items() if k not in ("public_key", "signature")}
    doc["version"] = BASE + 3
    doc["periods"] = [*doc["periods"], {"year": 2032, "due_date": None, "verified": True}]
    doc.update(changes)
    return doc


def test_an_update_signed_by_another_key_is_refused_naming_both_fingerprints(
        cli: CliRunner, pinned_agency: Path, focal_db: Path, published: dict[str, Any],
        tmp_path: Path) -> None:
    path = _write(tmp_path, "other.json", signed_catalog(_v3(published), IMPOSTOR))
    _refused(cli, pinned_agency, path, "other.json", _own_key(focal_db).fingerprint,
             IMPOSTOR.fingerprint, "--accept-new-key")


def test_an_unsigned_update_is_refused_with_or_without_a_pinned_key(
        cli: CliRunner, agency_db: Path, focal_db: Path, published: dict[str, Any],
        tmp_path: Path) -> None:
    path = _write(tmp_path, "unsigned.json", _v3(published))
    _refused(cli, agency_db, path, "unsigned.json", "không có chữ ký",
             "not signed by the focal point", "--accept-new-key")
    assert cli("--db", agency_db, "catalog", "import",
               _write(tmp_path, "v2.json", published)).code == 0
    _refused(cli, agency_db, path, "unsigned.json", _own_key(focal_db).fingerprint,
             "is not signed")


@pytest.mark.parametrize("version", [10**9, 10**20, 0, -1])
def test_a_version_outside_one_to_999999_is_refused_even_signed(
        cli: CliRunner, pinned_agency: Path, focal_db: Path, published: dict[str, Any],
        tmp_path: Path, version: int) -> None:
    path = _write(tmp_path, "huge.json",
                  signed_catalog(_v3(published, version=version), _own_key(focal_db)))
    _refused(cli, pinned_agency, path, str(version), "999.999", "999,999")


def test_a_new_focal_point_key_or_an_unsigned_update_accepted_deliberately(
        cli: CliRunner, pinned_agency: Path, focal_db: Path, published: dict[str, Any],
        tmp_path: Path) -> None:
    genuine = _own_key(focal_db)
    path = _write(tmp_path, "new-key.json", signed_catalog(_v3(published), IMPOSTOR))
    done = cli("--lang", "en", "--db", pinned_agency, "catalog", "import", path,
               "--accept-new-key")
    assert done.code == 0, done.err
    assert (f"Accepted the focal point's new key {IMPOSTOR.fingerprint} in place of "
            f"{genuine.fingerprint}") in done.out
    assert _audit(pinned_agency, "catalog.key_replaced") == [
        {"fingerprint": IMPOSTOR.fingerprint, "previous": genuine.fingerprint,
         "file": "new-key.json"}]
    with sqlite3.connect(pinned_agency) as conn:
        assert conn.execute("SELECT count(*) FROM period WHERE year = 2032").fetchone()[0] == 1
    # the new key is now the pinned one: the genuine old key is the other key
    old_key = _write(tmp_path, "old-key.json",
                     signed_catalog(_v3(published, version=BASE + 4), genuine))
    _refused(cli, pinned_agency, old_key, genuine.fingerprint, IMPOSTOR.fingerprint)
    unsigned = _write(tmp_path, "unsigned.json", _v3(published, version=BASE + 5))
    done = cli("--lang", "en", "--db", pinned_agency, "catalog", "import", unsigned,
               "--accept-new-key")
    assert done.code == 0 and "Installed an unsigned catalog update as asked" in done.out
    assert [e["version"] for e in _audit(pinned_agency, "catalog.unsigned_accepted")] == [BASE + 5]
    listed = cli("--lang", "en", "--db", pinned_agency, "keys", "list")
    assert IMPOSTOR.fingerprint in listed.out  # an unsigned update leaves the pin as it was


def test_a_version_stored_above_the_bound_no_longer_locks_updates_out(
        cli: CliRunner, agency_db: Path, published: dict[str, Any], tmp_path: Path) -> None:
    with sqlite3.connect(agency_db) as conn:  # a forged 10**9 installed by an older program
        conn.execute("UPDATE setting SET value = '1000000000' WHERE key = 'catalog_version'")
    done = cli("--lang", "en", "--db", agency_db, "catalog", "import",
               _write(tmp_path, "v2.json", published))
    assert done.code == 0 and f"Installed catalog version {BASE + 2}" in done.out


def test_the_focal_point_refuses_a_forged_update_but_pins_nothing(
        cli: CliRunner, focal_db: Path, published: dict[str, Any], tmp_path: Path) -> None:
    forged = _write(tmp_path, "forged.json", dict(published, version=BASE + 7))
    _refused(cli, focal_db, forged, "forged.json")
    other = _write(tmp_path, "other.json", signed_catalog(_v3(published), IMPOSTOR))
    assert cli("--db", focal_db, "catalog", "import", other).code == 0
    assert _audit(focal_db, "catalog.key_pinned") == []


# --- the split maps travel with the signed update ------------------------------------------


def _with_molisa_tasks(doc: dict[str, Any], tasks: dict[str, str]) -> dict[str, Any]:
    return dict(doc, agencies=[
        dict(a, split=dict(a["split"], tasks=tasks)) if a["code"] == "BLDTBXH" else a
        for a in doc["agencies"]])


def test_a_signed_update_carries_the_split_map_and_the_agency_uses_it(
        cli: CliRunner, pinned_agency: Path, focal_db: Path, published: dict[str, Any],
        tmp_path: Path) -> None:
    """Labour, Invalids and Social Affairs' map is part of what the focal point signs and
    publishes; the agency's views then attribute by the installed map, not the bundled one."""
    molisa = next(a for a in published["agencies"] if a["code"] == "BLDTBXH")
    bundled = next(a for a in read_bundled_catalog()["agencies"] if a["code"] == "BLDTBXH")
    assert molisa["split"] == bundled["split"]  # the export carries the installed map
    edited = _with_molisa_tasks(published, {"QD1252-T11": "BNV"})  # after signing
    _refused(cli, pinned_agency, _write(tmp_path, "edited.json", edited), "edited.json")
    update = signed_catalog(_with_molisa_tasks(_v3(published), {"QD1252-T09": "BGDDT"}),
                            _own_key(focal_db))
    done = cli("--lang", "en", "--db", pinned_agency, "catalog", "import",
               _write(tmp_path, "v3.json", update))
    assert done.code == 0, done.err
    directory = AgencyDirectory.load(db := Database.open(pinned_agency))
    db.close()
    education = directory.attribute("BLDTBXH", "QD1252-T09")
    assert education is not None and education.code == "BGDDT"
    assert directory.attribute("BLDTBXH", "QD1252-T11") is None  # the bundled entry is gone
