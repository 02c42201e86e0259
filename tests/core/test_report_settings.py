"""The report's issuer settings: defaults by agency, NFC, limits, one Setting row per field."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.problems import ValidationError
from desktop_app.core.services.report_settings import (
    default_settings,
    load_report_settings,
    save_report_settings,
    validate_report_settings,
)
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "agency.sqlite")
    initialise(database, Role.AGENCY, "VLG")
    yield database
    database.close()


def test_a_province_gets_the_peoples_committee_header() -> None:
    s = default_settings("province", "VLG", "Vĩnh Long")
    assert s.governing_body == "ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG"
    assert s.issuing_unit == ""
    assert s.document_number == "Số:      /BC-UBND"
    assert s.place == "Vĩnh Long"
    assert s.signer_title == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    assert s.recipients == ("- Bộ Tư pháp;", "- Lưu: VT.")


def test_cities_do_not_repeat_thanh_pho() -> None:
    hcm = default_settings("city", "HCM", "Thành phố Hồ Chí Minh")
    assert hcm.governing_body == "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH"
    assert hcm.place == "Thành phố Hồ Chí Minh"
    hue = default_settings("city", "HUE", "Huế")
    assert hue.governing_body == "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HUẾ"
    assert hue.place == "Huế"


def test_a_ministry_signs_in_its_own_name_from_ha_noi() -> None:
    s = default_settings("ministry", "BGDDT", "Bộ Giáo dục và Đào tạo")
    assert s.governing_body == "BỘ GIÁO DỤC VÀ ĐÀO TẠO"
    assert s.document_number == "Số:      /BC-BGDĐT"
    assert s.place == "Hà Nội"
    assert s.signer_title == "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG"
    long_name = default_settings("ministry", "BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch")
    assert long_name.governing_body == "BỘ VĂN HÓA, THỂ THAO\nVÀ DU LỊCH"


def test_defaults_come_from_the_installed_agency(db: Database) -> None:
    assert load_report_settings(db) == default_settings("province", "VLG", "Vĩnh Long")


def test_saved_settings_are_nfc_and_read_back(db: Database) -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn Bình")
    saved = save_report_settings(db, replace(
        load_report_settings(db), signer_name=f"  {nfd} ", issuing_unit="Sở Tư pháp",
        recipients=("- Bộ Tư pháp;", "", unicodedata.normalize("NFD", "- Lưu: VT, STP.")),
        fill_date=True))
    assert saved.signer_name == "Nguyễn Văn Bình"
    loaded = load_report_settings(db)
    assert loaded == saved
    assert loaded.recipients == ("- Bộ Tư pháp;", "- Lưu: VT, STP.")
    assert loaded.fill_date is True
    with closing(sqlite3.connect(db.path)) as conn:
        rows = dict(conn.execute("SELECT key, value FROM setting WHERE key LIKE 'report.%'"))
    assert rows["report.signer_name"] == "Nguyễn Văn Bình"
    assert rows["report.recipients"] == '["- Bộ Tư pháp;", "- Lưu: VT, STP."]'


def test_too_long_or_too_many_lines_is_refused_and_nothing_is_saved(db: Database) -> None:
    base = load_report_settings(db)
    bad = replace(base, signer_name="x" * 101, signer_title="A\nB\nC\nD\nE")
    codes = {(p.code, p.field) for p in validate_report_settings(bad)}
    assert codes == {("value.too_long", "signer_name"), ("value.too_many_lines", "signer_title")}
    with pytest.raises(ValidationError):
        save_report_settings(db, bad)
    assert load_report_settings(db) == base
    assert validate_report_settings(replace(base, governing_body="", issuing_unit=""))
