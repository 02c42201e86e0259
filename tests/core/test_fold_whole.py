"""fold's whole-text way (text._fold_known) held to the word by word way it replaces.

Text of ASCII, Vietnamese letters and common punctuation is folded in a few C calls over
the whole text; any other text word by word, as before. Both must give exactly what the
word by word rules gave for any text (the search texts stored in the database are made
with them), so the old rules are written out here as they were, and fold is compared
with them over all of Unicode, over the known characters (NFC and NFD), and over each
known character on its own and beside every other.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.domain import text as text_module
from desktop_app.core.domain.text import fold

EXAMPLES = settings(max_examples=400, deadline=None, database=None)


def _old_fold_character(character: str) -> str | None:
    if character in "đĐ":
        return "d"
    decomposed = unicodedata.normalize("NFD", character)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    if bare == decomposed:
        return character
    return bare or None


def old_fold(text: str) -> str:
    """fold as it was before the whole-text way: each word case-folded, its characters
    folded, NFC again where not ASCII, the words joined by one space."""
    words = []
    for word in unicodedata.normalize("NFC", text).split():
        folded = "".join(_old_fold_character(c) or "" for c in word.casefold())
        words.append(folded if folded.isascii() else unicodedata.normalize("NFC", folded))
    return " ".join(" ".join(words).split())


# The characters the whole-text way knows: printable ASCII, tab and line feed, the
# Vietnamese letters and the punctuation text.py lists (the no-break space among it).
VIETNAMESE = "".join(sorted({c for c in "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợ"
                             "ùủũúụưừửữứựỳỷỹýỵ"} | {c.upper() for c in
                                                    "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíị"
                                                    "òỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ"}))
KNOWN = ("".join(map(chr, range(0x20, 0x7F))) + "\t\n" + VIETNAMESE
         + text_module._KNOWN_PUNCTUATION)
known_text = st.text(alphabet=KNOWN, max_size=300)
vietnamese_words = st.lists(st.text(alphabet=VIETNAMESE + "abcdeghiklmnopqrstuvxy",
                                    min_size=1, max_size=8), max_size=40).map(" ".join)


def test_the_whole_text_way_is_there() -> None:
    """The C encoding map was built (not a dictionary, which would cost the gain) and
    Vietnamese text takes the whole-text way: fold stays right without it, only slow."""
    text = "Ủy ban nhân dân tỉnh Thanh Hóa – “Hội nghị” tập huấn 2025."
    assert not isinstance(text_module._KNOWN, dict | type(None))
    assert text_module._KNOWN_IN_NFC  # so such text is not normalised first
    assert text_module._fold_known(text) == (
        "uy ban nhan dan tinh thanh hoa – “hoi nghi” tap huan 2025.")


def test_every_known_character_takes_the_whole_text_way() -> None:
    for character in KNOWN:
        assert text_module._fold_known(character) is not None, repr(character)


def test_each_known_character_alone_and_beside_each_other_folds_as_before() -> None:
    for character in KNOWN:
        assert fold(character) == old_fold(character), repr(character)
        for other in KNOWN:
            pair = character + other
            assert fold(pair) == old_fold(pair), repr(pair)


def test_examples_fold_as_before() -> None:
    for text in ["", " ", "\t\n", "  Quảng   Ngãi ", "Bà Rịa – Vũng Tàu", "ĐẮK LẮK",
                 "\u00a0Hà\u00a0Nội\u00a0", "a\u00a0 \tb", "x\u0301y", "İstanbul", "Straße",
                 "한국어 text", "e\u0301", "a\x00b", "\x7f", "Ω\u212b", "\ufffe", "a\ud800 b",
                 "\u00a0", "x\u2013\u2013y", "\u3000a\u2000"]:
        assert fold(text) == old_fold(text), repr(text)


@EXAMPLES
@given(st.text())
def test_fold_of_any_text_is_as_before(text: str) -> None:
    assert fold(text) == old_fold(text)


@EXAMPLES
@given(known_text)
def test_known_text_is_in_nfc_already(text: str) -> None:
    assert unicodedata.normalize("NFC", text) == text


@EXAMPLES
@given(known_text)
def test_fold_of_known_text_is_as_before_in_nfc_and_nfd(text: str) -> None:
    assert fold(text) == old_fold(text)
    decomposed = unicodedata.normalize("NFD", text)
    assert fold(decomposed) == old_fold(decomposed) == fold(text)


@EXAMPLES
@given(vietnamese_words, st.sampled_from(["NFC", "NFD"]))
def test_fold_of_vietnamese_words_is_as_before(text: str, form: str) -> None:
    text = unicodedata.normalize(form, text)
    assert fold(text) == old_fold(text)
    assert fold(text.upper()) == old_fold(text.upper())


@EXAMPLES
@given(known_text, st.text(min_size=1, max_size=3), st.integers(min_value=0))
def test_known_text_with_any_other_character_is_folded_as_before(
        text: str, other: str, place: int) -> None:
    at = place % (len(text) + 1)
    mixed = text[:at] + other + text[at:]
    assert fold(mixed) == old_fold(mixed)
