"""`keys list` read with sqlite3 alone gives the listing the ORM gives, or leaves the file
to the full open (which words what is wrong with it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import col, select

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import Agency, Setting
from desktop_app.core.exchange.signing import key_pair_from_private
from desktop_app.core.services import keys
from desktop_app.core.services.key_listing import AGENCY, ROLE, quick_key_listing
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage import settings
from desktop_app.core.storage.database import Database

ROOT = Path(__file__).resolve().parents[2]
HNI_KEY = key_pair_from_private(bytes(range(32)))
VLG_KEY = key_pair_from_private(bytes(range(100, 132)))
FOCAL_KEY = key_pair_from_private(bytes(range(50, 82)))


def _made(path: Path, role: Role) -> Database:
    db = Database.open(path)
    initialise(db, role, "VLG" if role is Role.AGENCY else None)
    return db


def _agency_id(db: Database, code: str) -> int:
    with db.reading() as session:
        found = session.exec(select(Agency).where(col(Agency.code) == code)).one()
        assert found.id is not None
        return found.id


def test_the_setting_names_are_the_stores_own() -> None:
    assert (ROLE, AGENCY) == (settings.ROLE, settings.AGENCY)


def test_at_a_focal_point_both_ways_list_the_same_keys_and_pins(tmp_path: Path) -> None:
    db = _made(tmp_path / "focal.sqlite", Role.FOCAL_POINT)
    try:
        with db.unit_of_work() as session:
            keys.pin_key(session, _agency_id(db, "VLG"), VLG_KEY.public_raw, "v.xlsx", "b1")
            keys.pin_key(session, _agency_id(db, "HNI"), HNI_KEY.public_raw, "h.xlsx", "b2")
        listing = keys.list_keys(db)
    finally:
        db.close()
    assert [pin.agency_code for pin in listing.pinned] == ["HNI", "VLG"]
    assert quick_key_listing(tmp_path / "focal.sqlite") == listing


@pytest.mark.parametrize("pinned", [False, True])
def test_at_an_agency_both_ways_list_the_same_key_and_catalog_pin(
        tmp_path: Path, pinned: bool) -> None:
    db = _made(tmp_path / "agency.sqlite", Role.AGENCY)
    try:
        if pinned:
            with db.unit_of_work() as session:
                keys.pin_catalog_key(session, FOCAL_KEY.public_raw, "catalog-5.json")
        listing = keys.list_keys(db)
    finally:
        db.close()
    assert (listing.catalog_key is not None) is pinned
    assert listing.own_fingerprint and listing.agency_code == "VLG"
    assert quick_key_listing(tmp_path / "agency.sqlite") == listing


def test_what_the_quick_way_is_not_sure_of_goes_to_the_full_open(tmp_path: Path) -> None:
    assert quick_key_listing(tmp_path / "missing.sqlite") is None
    bare = Database.open(tmp_path / "bare.sqlite")  # at the schema, no role yet
    bare.close()
    assert quick_key_listing(tmp_path / "bare.sqlite") is None
    db = _made(tmp_path / "damaged.sqlite", Role.AGENCY)
    try:
        with db.unit_of_work() as session:
            row = session.get(Setting, keys.OWN_KEY)
            assert row is not None
            row.value = "not a key"
            session.add(row)
        with pytest.raises(keys.RefusedError) as caught:
            keys.list_keys(db)
        assert caught.value.problems[0].code == "key.damaged"
    finally:
        db.close()
    assert quick_key_listing(tmp_path / "damaged.sqlite") is None


def test_keys_list_on_a_file_at_the_schema_imports_no_sqlalchemy(tmp_path: Path) -> None:
    db = _made(tmp_path / "agency.sqlite", Role.AGENCY)
    db.close()
    probe = ("import sys; from desktop_app.cli import main; code = main(['--db', sys.argv[1],"
             " '--lang', 'en', 'keys', 'list']); heavy = [m for m in ('sqlalchemy', 'sqlmodel',"
             " 'alembic') if m in sys.modules]; print(code, heavy)")
    done = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "agency.sqlite")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "0 []"
    assert "signing key (reporting agency VLG)" in done.stdout
