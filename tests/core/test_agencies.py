"""Resolving agency codes and names, in every form they arrive in, and rolling them up."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.services.agencies import (
    AgencyDirectory,
    match_key,
    resolve_agency,
    rollup_code,
)
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database.open(tmp_path_factory.mktemp("agencies") / "focal.sqlite")
    initialise(database, Role.FOCAL_POINT)
    yield database
    database.close()


@pytest.fixture(scope="module")
def directory(db: Database) -> AgencyDirectory:
    return AgencyDirectory.load(db)


def code_of(directory: AgencyDirectory, text: str) -> str | None:
    found = directory.resolve(text)
    return None if found is None else found.code


@pytest.mark.parametrize(("text", "code"), [
    ("THA", "THA"), ("tha", "THA"), (" hgg ", "HGG"), ("BNNMT", "BNNMT"),
    # Vietnamese and English names, aliases
    ("Thanh Hóa", "THA"), ("Thanh Hoá", "THA"), ("THANH HOÁ", "THA"), ("thanh hoa", "THA"),
    ("Thanh Hoa", "THA"), ("Khánh Hoà", "KHA"), ("Hoà Bình", "HBH"), ("Ha Noi", "HNI"),
    ("Hanoi", "HNI"), ("Ministry of Justice", "BTP"), ("Bộ Tư pháp", "BTP"),
    ("Uỷ ban Dân tộc", "UBDT"), ("Ủy ban Dân tộc", "UBDT"),
    ("Bà Rịa–Vũng Tàu", "BRV"), ("Bà Rịa -  Vũng Tàu", "BRV"), ("TP.HCM", "HCM"),
    # office words in front of or after the name
    ("UBND tỉnh Thanh Hoá", "THA"), ("Ủy ban nhân dân tỉnh Thanh Hóa", "THA"),
    ("Uỷ ban nhân dân tỉnh Thanh Hoá", "THA"), ("Tỉnh Quảng Ngãi", "QNI"),
    ("TP. Hồ Chí Minh", "HCM"), ("Thành phố Hồ Chí Minh", "HCM"), ("TP Cần Thơ", "CTO"),
    ("UBND thành phố Hải Phòng", "HPG"), ("UBND TP. Đà Nẵng", "DNG"),
    ("Ho Chi Minh City", "HCM"), ("Ha Giang Province", "HGG"),
    ("People's Committee of Thanh Hoa Province", "THA"),
    ("Thua Thien Hue Provincial People's Committee", "HUE"),
    # former units stay themselves
    ("Hà Giang", "HGG"), ("Tỉnh Hà Giang", "HGG"),
    ("Bộ Lao động - Thương binh và Xã hội", "BLDTBXH"),
    ("Bộ Lao động – Thương binh và Xã hội", "BLDTBXH"), ("MOLISA", "BLDTBXH"),
    ("Ministry of Planning and Investment", "BKHDT"), ("Bộ Tài nguyên và Môi trường", "BTNMT"),
])
def test_resolves_codes_names_and_aliases(directory: AgencyDirectory, text: str,
                                          code: str) -> None:
    assert code_of(directory, text) == code


def test_decomposed_and_tone_before_circumflex_input(directory: AgencyDirectory) -> None:
    assert code_of(directory, unicodedata.normalize("NFD", "UBND tỉnh Thanh Hoá")) == "THA"
    assert code_of(directory, unicodedata.normalize("NFD", "Tỉnh Hà Giang")) == "HGG"
    # "ấ" typed as a + acute + circumflex by an old input method
    assert code_of(directory, "Bộ Tài chi\u0301nh") == "BTC"
    assert code_of(directory, "Đa\u0301\u0306k Nông") == "DKN"
    assert code_of(directory, "Tỉnh Đa\u0301\u0306k Lăk") == "DLK"


@pytest.mark.parametrize("text", [
    "", "   ", "Xyz", "Quảng Ngài",  # another tone is another word
    "UBND", "Tỉnh", "Thành phố", "Bộ", "Thanh", "Hà",  # office words alone, name parts
    "Tỉnh Atlantis",
])
def test_unknown_names_are_none(directory: AgencyDirectory, text: str) -> None:
    assert directory.resolve(text) is None


def test_no_name_of_the_bundled_catalog_is_ambiguous(directory: AgencyDirectory) -> None:
    assert directory.ambiguous == frozenset()
    for agency in directory.by_code.values():
        for name in (agency.name_vi, agency.name_en, *agency.aliases.splitlines()):
            assert directory.resolve(name) is agency, name


def test_rollup_follows_successors(directory: AgencyDirectory) -> None:
    hgg = directory.resolve("Hà Giang")
    assert hgg is not None and hgg.code == "HGG" and not hgg.active
    assert directory.rollup_code(hgg) == "TQG"
    assert directory.rollup_code("TQG") == "TQG"  # a unit in force rolls up to itself
    # split between several successors: it rolls up to none of them, it stays itself
    assert directory.rollup_code("BLDTBXH") == "BLDTBXH"
    assert directory.rollup_code("UBDT") == "BDTTG"
    for agency in directory.by_code.values():
        target = directory.rollup(agency)
        assert target is not None, agency.code
        assert target.active or directory.split_of(agency) is not None, agency.code


def test_rollup_chains_and_loops() -> None:
    from desktop_app.core.domain.models import Agency

    def unit(code: str, active: bool, successor: str | None = None) -> Agency:
        return Agency(uuid=code, code=code, kind="province", name_vi=code, name_en=code,
                      active=active, successor_code=successor)

    chain = AgencyDirectory.of([unit("A", False, "B"), unit("B", False, "C"), unit("C", True)])
    assert chain.rollup_code("A") == "C"
    loop = AgencyDirectory.of([unit("X", False, "Y"), unit("Y", False, "X")])
    assert loop.rollup_code("X") in {"X", "Y"}  # stops, never spins
    dangling = AgencyDirectory.of([unit("P", False, "GONE")])
    assert dangling.rollup_code("P") == "P"


def test_a_name_two_agencies_claim_equally_resolves_to_nobody() -> None:
    from desktop_app.core.domain.models import Agency

    twins = [Agency(uuid=c, code=c, kind="province", name_vi="Bình An", name_en=c)
             for c in ("AA", "BB")]
    directory = AgencyDirectory.of(twins)
    assert directory.resolve("Bình An") is None
    assert directory.resolve("aa") is twins[0]


def test_session_functions_agree_with_the_directory(db: Database) -> None:
    with db.reading() as session:
        found = resolve_agency(session, "UBND tỉnh Hà Giang")
        assert found is not None and found.code == "HGG"
        assert rollup_code(session, found) == "TQG"


def test_match_key_ignores_placement_case_and_punctuation() -> None:
    assert match_key("Thanh Hoá") == match_key("thanh  hóa")
    assert match_key("TP.HCM") == match_key("tp hcm")
    assert match_key("Quảng Ngãi") != match_key("Quang Ngai")
