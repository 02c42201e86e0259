"""Vietnamese text handling: normal form, search folding, tone matching and collation."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.domain.text import collation_key, contains_folded, fold, nfc, tone_key

# Modest and database-free, so the file runs in seconds and leaves no .hypothesis/ behind.
QUICK = settings(max_examples=150, deadline=None, database=None)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# Written out by hand rather than generated, so the tests do not share the module's logic.
LETTERS_BY_BASE = {
    "a": "àảãáạ" + "ăằẳẵắặ" + "âầẩẫấậ",
    "d": "đ",
    "e": "èẻẽéẹ" + "êềểễếệ",
    "i": "ìỉĩíị",
    "o": "òỏõóọ" + "ôồổỗốộ" + "ơờởỡớợ",
    "u": "ùủũúụ" + "ưừửữứự",
    "y": "ỳỷỹýỵ",
}
LOWER_LETTERS = "".join(LETTERS_BY_BASE.values())
UPPER_LETTERS = LOWER_LETTERS.upper()
VIETNAMESE_LETTERS = LOWER_LETTERS + UPPER_LETTERS

# The tone on the first or the second vowel: old and new placement, both in use.
TONE_PLACEMENT_PAIRS = [
    ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
    ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
]  # fmt: skip

# In the order of a Vietnamese list of provinces.
PROVINCES = [
    "An Giang",
    "Bà Rịa – Vũng Tàu",
    "Bạc Liêu",
    "Bắc Giang",
    "Bình Dương",
    "Bình Định",
    "Cà Mau",
    "Cao Bằng",
    "Cần Thơ",
    "Đà Nẵng",
    "Đắk Lắk",
    "Điện Biên",
    "Lai Châu",
    "Lạng Sơn",
    "Lào Cai",
    "Lâm Đồng",
    "Sóc Trăng",
    "Sơn La",
    "Thái Bình",
    "Thanh Hóa",
]

SAMPLES = [
    "Ủy ban nhân dân tỉnh Thanh Hoá",
    "Bộ Tư pháp",
    "Đắk Lắk",
    "  Quảng   Ngãi ",
    "Bà Rịa – Vũng Tàu",
    "Người khuyết tật",
    "ICCPR 2024",
    "",
]

vietnamese_text = st.text(alphabet=VIETNAMESE_LETTERS + "abcdeghiklmnopqrstuvxy ", max_size=40)


def test_the_letter_list_is_the_134_precomposed_letters() -> None:
    assert len(VIETNAMESE_LETTERS) == len(set(VIETNAMESE_LETTERS)) == 134
    assert all(unicodedata.is_normalized("NFC", c) and len(c) == 1 for c in VIETNAMESE_LETTERS)


# --------------------------------------------------------------------------- nfc


def test_nfc_composes_decomposed_text() -> None:
    assert nfc(nfd("Ủy ban nhân dân")) == "Ủy ban nhân dân"
    assert nfc("Ho\u0300a") == "Hòa"


def test_nfc_reorders_marks_in_a_non_canonical_order() -> None:
    # dot below (class 220) typed after the circumflex (230): canonical reordering fixes it
    assert nfc("o\u0302\u0323") == "ộ"
    assert nfc("o\u0323\u0302") == "ộ"
    # horn typed after the tone
    assert nfc("o\u0301\u031b") == "ớ"
    # a precomposed vowel with the tone added as a combining mark
    assert nfc("â\u0301") == "ấ"


def test_nfc_handles_a_tone_typed_before_the_circumflex_or_breve() -> None:
    # same combining class, so plain NFC leaves these apart
    assert unicodedata.normalize("NFC", "a\u0301\u0302") != "ấ"
    assert nfc("a\u0301\u0302") == "ấ"
    assert nfc("E\u0300\u0302") == "Ề"
    assert nfc("o\u0303\u0302") == "ỗ"
    assert nfc("a\u0309\u0306") == "ẳ"
    assert nfc("Ca\u0300\u0302n Tho\u031b") == "Cần Thơ"


def test_nfc_leaves_non_vietnamese_mark_orders_alone() -> None:
    assert nfc("e\u0301\u0306") == unicodedata.normalize("NFC", "e\u0301\u0306")


def test_nfc_of_ascii_and_already_composed_text_is_unchanged() -> None:
    for text in SAMPLES:
        assert nfc(text) == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("text", SAMPLES)
def test_nfc_of_nfd_input_equals_nfc_of_nfc_input(text: str) -> None:
    assert nfc(nfd(text)) == nfc(text)


# --------------------------------------------------------------------------- fold


@pytest.mark.parametrize(
    ("letter", "base"),
    [(c, base) for base, letters in LETTERS_BY_BASE.items() for c in letters + letters.upper()],
)
def test_fold_takes_every_vietnamese_letter_to_its_ascii_base(letter: str, base: str) -> None:
    assert fold(letter) == base
    assert fold(nfd(letter)) == base
    assert fold(letter).isascii() and "a" <= fold(letter) <= "z"


def test_fold_examples() -> None:
    assert fold("Ủy ban") == fold("uy ban") == fold("UỶ BAN") == "uy ban"
    assert fold("hoá") == fold("hóa") == "hoa"
    assert fold("Đắk Lắk") == "dak lak"
    assert fold("  Bộ   Tư\tpháp\n") == "bo tu phap"
    assert fold("Bà Rịa – Vũng Tàu") == "ba ria – vung tau"
    assert fold("Straße") == "strasse"
    assert fold("Ångström café") == "angstrom cafe"
    assert fold("") == ""
    assert fold("Hà \u0301 Nội \u0301") == "ha noi"  # a stray mark is not a word


@pytest.mark.parametrize("text", SAMPLES)
def test_fold_of_nfd_input_equals_fold_of_nfc_input(text: str) -> None:
    assert fold(nfd(text)) == fold(text)


def reference_fold(text: str) -> str:
    """fold as specified, one obvious step after another (and slowly)."""
    text = unicodedata.normalize("NFC", text).casefold().replace("đ", "d")
    bare = "".join(c for c in nfd(text) if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFC", bare).split())


@QUICK
@given(st.text() | vietnamese_text)
def test_fold_agrees_with_the_reference(text: str) -> None:
    assert fold(text) == reference_fold(text)


@QUICK
@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@QUICK
@given(st.text())
def test_fold_output_is_nfc_and_unaffected_by_the_input_form(text: str) -> None:
    folded = fold(text)
    assert unicodedata.is_normalized("NFC", folded)
    assert " ".join(folded.split()) == folded
    assert fold(nfd(text)) == folded


@QUICK
@given(vietnamese_text)
def test_fold_of_vietnamese_text_is_lowercase_ascii(text: str) -> None:
    folded = fold(text)
    assert folded.isascii() and folded == folded.lower()
    assert fold(text.upper()) == folded


# --------------------------------------------------------------------------- contains_folded


def test_contains_folded_matches_every_word_in_any_order() -> None:
    row = fold("Ủy ban nhân dân tỉnh Thanh Hóa")
    assert contains_folded(row, "thanh hoá")
    assert contains_folded(row, "THANH  uy")
    assert contains_folded(row, "hoa ban")
    assert contains_folded(row, "nhâ")  # a word still being typed
    assert not contains_folded(row, "thanh bình")
    assert not contains_folded(row, "quảng")


def test_contains_folded_matches_at_the_start_of_words_only() -> None:
    row = fold("Tập huấn về quyền con người cho cán bộ (QD2715-T05)")
    assert not contains_folded(row, "uy")  # inside "quyền"
    assert not contains_folded(row, "an")  # inside "huấn", "cán"
    assert contains_folded(row, "quy")
    assert contains_folded(row, "t05") and contains_folded(row, "qd2715")
    assert contains_folded(fold("Ủy ban nhân dân"), "uy ban")


def test_contains_folded_with_an_empty_needle_matches_everything() -> None:
    assert contains_folded(fold("Bộ Tư pháp"), "")
    assert contains_folded("", "   ")
    assert not contains_folded("", "a")


@pytest.mark.parametrize("needle", ["Ủy ban", "Thanh Hoá", "tư pháp", "Đắk"])
def test_contains_folded_with_an_nfd_needle(needle: str) -> None:
    for text in SAMPLES:
        assert contains_folded(fold(text), nfd(needle)) == contains_folded(fold(text), needle)
    assert contains_folded(fold(nfd("Ủy ban Thanh Hóa, Bộ Tư pháp, Đắk Lắk")), nfd(needle))


# --------------------------------------------------------------------------- tone_key


@pytest.mark.parametrize(("old", "new"), TONE_PLACEMENT_PAIRS)
def test_tone_key_ignores_old_versus_new_tone_placement(old: str, new: str) -> None:
    assert tone_key(old) == tone_key(new)
    assert tone_key("h" + old) == tone_key("h" + new)
    assert tone_key(old.upper()) == tone_key(new)


def test_tone_key_examples() -> None:
    assert tone_key("Thanh Hoá") == tone_key("Thanh Hóa") == "thanh0 hoa1"
    assert tone_key("Khánh Hoà") == tone_key("Khánh Hòa")
    assert tone_key("thuỷ") == tone_key("thủy") == "thuy3"
    assert tone_key("  THANH   HÓA ") == tone_key("Thanh Hóa")
    assert tone_key("Quảng Ngãi") != tone_key("Quang Ngai")
    assert tone_key("Hà Giang") != tone_key("Ha Giang")
    assert tone_key("Hà Giang") != tone_key("Há Giang")


def test_tone_key_keeps_the_vowel_marks() -> None:
    assert tone_key("Đồng") == "đông2"
    assert tone_key("ộ") == "ô5"  # dot below under a circumflex is still the tone
    assert tone_key("ặ") == "ă5"
    assert tone_key("ự") == "ư5"
    assert tone_key("Tân") != tone_key("Tàn") != tone_key("Tan")
    assert tone_key("ơ") != tone_key("o")


def test_tone_key_gives_each_syllable_its_own_tone() -> None:
    assert tone_key("Bà Rịa–Vũng Tàu") == "ba2 ria5–vung4 tau2"
    assert tone_key("Quận 1") == "quân5 1"


@pytest.mark.parametrize("text", SAMPLES)
def test_tone_key_of_nfd_input_equals_tone_key_of_nfc_input(text: str) -> None:
    assert tone_key(nfd(text)) == tone_key(text)


@QUICK
@given(st.text())
def test_tone_key_is_unaffected_by_the_input_form(text: str) -> None:
    assert tone_key(text) == tone_key(nfd(text))


@QUICK
@given(vietnamese_text)
def test_tone_key_is_unaffected_by_case(text: str) -> None:
    assert tone_key(text.upper()) == tone_key(text) == tone_key(nfd(text.upper()))


# --------------------------------------------------------------------------- collation_key


def test_collation_key_examples() -> None:
    names = ["Đồng Nai", "Dak", "Yên Bái", "Đà Nẵng", "Cà Mau"]
    assert sorted(names, key=collation_key) == ["Cà Mau", "Dak", "Đà Nẵng", "Đồng Nai", "Yên Bái"]
    assert sorted(["Anh", "Ba", "Ánh"], key=collation_key) == ["Anh", "Ánh", "Ba"]
    assert sorted(["ăb", "ác"], key=collation_key) == ["ác", "ăb"]  # letters before tones


def test_collation_key_orders_the_letters_and_the_tones() -> None:
    letters = (
        "a à ả ã á ạ ă ằ ẳ ẵ ắ ặ â b c d đ e ê f g h i j k l m n" + " o ô ơ p q r s t u ư v w x y z"
    ).split()
    assert sorted(reversed(letters), key=collation_key) == letters


def test_collation_key_puts_digits_before_letters_and_lower_before_upper() -> None:
    expected = ["1", "2", "a", "A", "b", "B"]
    assert sorted(reversed(expected), key=collation_key) == expected
    assert sorted(["Đà", "đà", "da", "Da"], key=collation_key) == ["da", "Da", "đà", "Đà"]


def test_collation_key_treats_whitespace_runs_as_one_space() -> None:
    key = collation_key("Hà  Nội")
    assert key[:3] == collation_key("Hà Nội")[:3]
    assert collation_key("Hà Nam") < collation_key("Hà  Nội") < collation_key("Hà Tĩnh")
    assert sorted(["Hải Phòng", "Hà  Nội"], key=collation_key) == ["Hà  Nội", "Hải Phòng"]


@pytest.mark.parametrize("text", SAMPLES + PROVINCES)
def test_collation_key_of_nfd_input_equals_that_of_nfc_input(text: str) -> None:
    assert collation_key(nfd(text)) == collation_key(text)


def test_collation_key_sorts_the_provinces() -> None:
    assert sorted(reversed(PROVINCES), key=collation_key) == PROVINCES
    assert sorted(PROVINCES) != PROVINCES  # code-point order would get this wrong


@QUICK
@given(st.permutations(PROVINCES))
def test_collation_key_sorts_any_shuffle_of_the_provinces(shuffled: list[str]) -> None:
    assert sorted(shuffled, key=collation_key) == PROVINCES
    assert sorted(map(nfd, shuffled), key=collation_key) == list(map(nfd, PROVINCES))


@QUICK
@given(st.sampled_from(PROVINCES), st.sampled_from(PROVINCES))
def test_collation_key_agrees_with_the_province_list_pairwise(a: str, b: str) -> None:
    assert (collation_key(a) < collation_key(b)) == (PROVINCES.index(a) < PROVINCES.index(b))
    assert (collation_key(a) == collation_key(b)) == (a == b)


@QUICK
@given(st.text(), st.text())
def test_collation_key_ties_only_canonically_equivalent_strings(a: str, b: str) -> None:
    assert (collation_key(a) == collation_key(b)) == (nfc(a) == nfc(b))
    assert collation_key(nfd(a)) == collation_key(a)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_clean_text_takes_its_short_way_only_where_the_long_way_gives_the_same(
        value: str) -> None:
    import re

    from desktop_app.core.exchange.canonical import clean_text

    # the whole rule, without clean_text's shortcut for text without control characters
    spelled_out = unicodedata.normalize("NFC", re.sub(
        r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "",
        value.replace("\r\n", "\n").replace("\r", "\n")))
    assert clean_text(value) == spelled_out
    assert clean_text(value + "\r\n\x07") == spelled_out + "\n"
