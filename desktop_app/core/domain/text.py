"""Vietnamese text handling that every comparison, search and sort in the app relies on.

The same name reaches us in several byte forms: NFC from most keyboards, NFD or
"tone typed before the circumflex" from older input methods and Excel exports, and with
the tone on either vowel of "oa"/"oe"/"uy" depending on whether the writer follows the
old or the new placement rule. Agencies must never see "Thanh Hoá" and "Thanh Hóa" as
two provinces, and a search for "uy ban" must find "Ủy ban", so nothing outside this
module compares raw strings.

Only the standard library is used, and nothing here may import Qt: the functions run in
services and migrations as well as the UI. ``fold`` and ``collation_key`` run on every
row of a list, tens of thousands of times per refresh. Vietnamese is written in a few
thousand distinct syllables, so each function memoises its answer per whitespace-separated
word, and the per-character work of a new word is done in C by ``str.translate`` with
tables that memoise each character's answer the first time it is seen. A call on text of
known words is then a split, one dictionary look-up per word and a join.
"""

from __future__ import annotations

import codecs
import functools
import re
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

__all__ = ["collation_key", "contains_folded", "fold", "nfc", "tone_key"]

_normalize = unicodedata.normalize
_combining = unicodedata.combining

# The marks of Vietnamese orthography, as they appear after canonical decomposition.
_GRAVE = "\u0300"  # huyền
_ACUTE = "\u0301"  # sắc
_TILDE = "\u0303"  # ngã
_HOOK = "\u0309"  # hỏi
_DOT = "\u0323"  # nặng
_BREVE = "\u0306"  # ă
_CIRCUMFLEX = "\u0302"  # â ê ô
_HORN = "\u031b"  # ơ ư

# Dictionary order of the tones (the secondary level of collation_key): ngang (no mark)
# first, then huyền, hỏi, ngã, sắc, nặng.
_TONES_IN_COLLATION_ORDER = (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)
_TONE_RANK = {mark: rank for rank, mark in enumerate(_TONES_IN_COLLATION_ORDER, start=1)}

# tone_key appends the tone as a digit; these are the VNI keyboard digits, which
# Vietnamese users already read as tones ("hoa1" is hóa). 0 means no tone mark.
_TONE_DIGIT = {_ACUTE: "1", _GRAVE: "2", _HOOK: "3", _TILDE: "4", _DOT: "5"}
_VOWEL_MARKS = frozenset((_BREVE, _CIRCUMFLEX, _HORN))

# Vietnamese alphabet order, with the Latin letters Vietnamese does not use (f j w z) in
# their usual places. Letters carrying a vowel mark are spelt decomposed (base + mark)
# because that is how _collation_parts sees them.
_ALPHABET = (
    "a", "a\u0306", "a\u0302", "b", "c", "d", "đ", "e", "e\u0302", "f", "g", "h", "i", "j",
    "k", "l", "m", "n", "o", "o\u0302", "o\u031b", "p", "q", "r", "s", "t", "u", "u\u031b",
    "v", "w", "x", "y", "z",
)  # fmt: skip
_ALPHABET_INDEX = {letter: index for index, letter in enumerate(_ALPHABET)}

# Primary weights are code points so that a primary key is a plain str and compares in C.
# The alphabet takes the slot of ASCII a-z, stretched from 26 to 33 places; characters
# above "z" move up by the 7 extra places so they keep their code-point order.
_LETTER_WEIGHT_BASE = ord("a")
_ABOVE_LETTERS_SHIFT = len(_ALPHABET) - 26
_MAX_CODE_POINT = 0x10FFFF

# Memo tables only need the characters and words real text uses (Vietnamese has about
# 7,000 syllables in use, and each appears in two or three cases). A table that reaches
# this size is emptied and refills with what is in use now, so unusual input (a column of
# serial numbers, every code point in turn) neither grows it without bound nor leaves it
# full of words nobody will look up again.
_MEMO_LIMIT = 1 << 15

_K = TypeVar("_K")
_V = TypeVar("_V")
_TranslateValue = str | None


class _Memo(dict[_K, _V]):
    """A dict that computes a missing entry on first use and keeps it.

    Being a dict, it serves both as a ``str.translate`` table (looked up from C) and as a
    per-word cache whose ``__getitem__`` can be mapped over ``str.split()`` without a
    Python-level loop. A table built up front would either miss characters (anything
    beyond Vietnamese) or cost the whole code-point space at import.
    """

    def __init__(self, compute: Callable[[_K], _V]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, key: _K) -> _V:
        value = self._compute(key)
        if len(self) >= _MEMO_LIMIT:
            self.clear()
        self[key] = value
        return value


def _character_table(compute: Callable[[str], _TranslateValue]) -> _Memo[int, _TranslateValue]:
    """A ``str.translate`` table whose entries ``compute`` derives from the character."""
    return _Memo(lambda code_point: compute(chr(code_point)))


def _vietnamese_letters() -> list[str]:
    """The 134 precomposed letters (67 lower, 67 upper) that are not plain ASCII."""
    vowels = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
    letters: list[str] = []
    for vowel in vowels:
        for tone in ("", *_TONES_IN_COLLATION_ORDER):
            letter = _normalize("NFC", vowel + tone)
            if not letter.isascii():
                letters += (letter, letter.upper())
    return [*letters, "đ", "Đ"]


# --------------------------------------------------------------------------- nfc


def _put_vowel_mark_first(match: re.Match[str]) -> str:
    base, tone, vowel_mark = match.groups()
    if vowel_mark == _BREVE and base not in "Aa":
        return match.group()  # ĕ, ŏ: not Vietnamese, leave the writer's order alone
    return base + vowel_mark + tone


# A tone mark typed before the circumflex/breve on the same letter. Both marks have
# canonical combining class 230, so Unicode treats the order as meaningful and NFC cannot
# compose "a" + acute + circumflex into "ấ"; some older input methods produce exactly that.
_TONE_BEFORE_VOWEL_MARK = re.compile(
    f"([AaEeOo])([{_GRAVE}{_ACUTE}{_TILDE}{_HOOK}])([{_CIRCUMFLEX}{_BREVE}])"
)


def nfc(text: str) -> str:
    """Return ``text`` in the one form the database and the UI store and display.

    NFC alone already undoes decomposed input and marks in non-canonical order (NFC
    decomposes and canonically reorders before it composes). What it cannot undo is a
    tone typed before the circumflex or breve, because those marks share a combining
    class; such text would display the same but never compare equal, so those marks are
    swapped into Vietnamese order and composed again.
    """
    if text.isascii():
        return text
    composed = _normalize("NFC", text)
    if _CIRCUMFLEX not in composed and _BREVE not in composed:
        return composed
    reordered = _TONE_BEFORE_VOWEL_MARK.sub(_put_vowel_mark_first, _normalize("NFD", composed))
    return _normalize("NFC", reordered)


# --------------------------------------------------------------------------- fold


def _fold_character(character: str) -> _TranslateValue:
    """One character's search form: its base letters without any combining mark."""
    if character in "đĐ":
        return "d"  # đ has no decomposition, yet every Vietnamese reader types it as "d"
    decomposed = _normalize("NFD", character)
    bare = "".join(c for c in decomposed if not _combining(c))
    if bare == decomposed:
        return character  # nothing to strip (Hangul, CJK, punctuation...): keep it as is
    return bare or None  # a lone combining mark folds to nothing


_FOLD_TABLE = _character_table(_fold_character)
_FOLD_TABLE.update(
    (ord(c), _fold_character(c)) for c in (*_vietnamese_letters(), *map(chr, range(0x0300, 0x0370)))
)


def _fold_word(word: str) -> str:
    folded = word.casefold().translate(_FOLD_TABLE)
    # Only non-ASCII leftovers can need it: scripts whose letters compose again once
    # their marks are gone (Hangul jamo, say).
    return folded if folded.isascii() else _normalize("NFC", folded)


_FOLDED_WORDS = _Memo(_fold_word)

# What an agency writes: the characters fold may take whole, as bytes (_fold_known).
# Byte 0 stays NUL, as codecs wants for a fast encoding map (not a dictionary); the
# Vietnamese letters take the control characters' bytes, which a cleaned text never holds.
_KNOWN_PUNCTUATION = (
    "\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u00ab\u00bb\u00b0"
    "\u00b7\u00d7\u00b1\u00a7\u2116\u20ac\u00a9\u00ae\u2122\u2030\u00b2\u00b3"
)


def _known_tables() -> tuple[Any, bytes, str, list[str]]:
    """The tables of _fold_known: each known character's byte (a codecs encoding map),
    each byte's folded byte, the folded bytes as text, and the known characters. Every
    entry is what _fold_word gives for the character alone, checked here: one character,
    whitespace (as a space) for whitespace only, ASCII or the character itself, and
    nothing NFC could compose with a neighbour (then NFC of a folded word is the word,
    and words folded whole are words folded one by one)."""
    kept_ascii = frozenset([*map(chr, range(0x20, 0x7F)), "\t", "\n"])
    free = [b for b in range(1, 256) if chr(b) not in kept_ascii]
    decoding = [c if c in kept_ascii else "" for c in map(chr, range(256))]
    decoding[0] = "\x00"
    for byte, character in zip(free, (*_vietnamese_letters(), *_KNOWN_PUNCTUATION),
                               strict=False):
        decoding[byte] = character
    folded = bytearray(range(256))
    folded_text = [chr(b) if b < 0x80 else "\ufffe" for b in range(256)]
    for byte, character in enumerate(decoding):
        out = " " if character.isspace() else _fold_word(character) if character else ""
        if len(out) == 1 and out.isascii():
            folded[byte] = ord(out)
        elif out == character and byte >= 0x80 and not out.isspace():
            folded_text[byte] = out  # kept as it is (punctuation), at its own byte
        else:
            decoding[byte] = ""  # not taken whole: such text is folded word by word
    alphabet = [c for c in folded_text if c != "\ufffe"]
    for byte, character in enumerate(folded_text):
        if byte >= 0x80 and character != "\ufffe" and not _inert(character, alphabet):
            decoding[byte] = ""
    encoding = codecs.charmap_build("".join(c or "\ufffe" for c in decoding))
    known = [c for c in decoding if c]
    if isinstance(encoding, dict):  # not the C map: a dictionary would cost the gain
        return None, bytes(folded), "".join(folded_text), known
    return encoding, bytes(folded), "".join(folded_text), known


def _inert(character: str, alphabet: list[str]) -> bool:
    """Whether NFC leaves the character as it is beside any character of the alphabet:
    one text where it stands before and after each of them (NFC composes neighbours
    only), not one a pair, which cost 2.5 ms at each start of a process."""
    text = character + character.join(alphabet) + character
    return _normalize("NFC", text) == text


_KNOWN, _FOLDED_BYTES, _FOLDED_TEXT, _KNOWN_CHARACTERS = _known_tables()
_ENCODE, _DECODE = codecs.charmap_encode, codecs.charmap_decode


def _known_in_nfc(known: list[str]) -> bool:
    """Whether any text of known characters alone is in NFC already: each is NFC's own,
    no combining mark (so NFC could compose it only with a neighbour) and none composes
    with a neighbour. Then fold need not normalise such text first (0.4 ms a file)."""
    return _KNOWN is not None and all(  # ASCII beside ASCII never composes
        not _combining(character) and _inert(character, known)
        for character in known if not character.isascii())


_KNOWN_IN_NFC = _known_in_nfc(_KNOWN_CHARACTERS)


def _fold_known(normal: str) -> str | None:
    """fold of text in NFC whose characters are all known (_known_tables), in a few C
    calls for the whole text: own_words over a file's thousand activities' titles and
    descriptions in 3.0 ms, against 12.7 word by word (measured); None for other text."""
    if _KNOWN is None:
        return None
    try:
        raw = _ENCODE(normal, "strict", _KNOWN)[0].translate(_FOLDED_BYTES)
    except UnicodeEncodeError:
        return None
    if b"  " in raw or raw[:1] == b" " or raw[-1:] == b" ":
        raw = b" ".join(raw.split())  # whitespace runs as one space, none at the ends
    return raw.decode("ascii") if raw.isascii() else _DECODE(raw, "strict", _FOLDED_TEXT)[0]


def fold(text: str) -> str:
    """Return the search key: what a user typing without Vietnamese input would type.

    People search with whatever keyboard they have, often without tones or with a
    different case, so "Ủy ban", "uy ban" and "UỶ BAN" must all meet at "uy ban". The
    key keeps only base letters (đ becomes d), case-folded, with whitespace runs as one
    space. The key is NFC, and the same whatever form the input is in.

    Text of ASCII, Vietnamese letters and common punctuation alone (nearly all an agency
    writes) is folded whole in C (_fold_known); any other, word by word.
    """
    folded = _fold_known(text) if _KNOWN_IN_NFC else None  # in NFC, if all known
    if folded is not None:
        return folded
    normal = _normalize("NFC", text)
    folded = _fold_known(normal) if normal is not text or not _KNOWN_IN_NFC else None
    return _fold_words(normal) if folded is None else folded


def _fold_words(normal: str) -> str:
    """fold, word by word, of text in NFC."""
    folded = " ".join(map(_FOLDED_WORDS.__getitem__, normal.split()))
    if "  " in folded or folded[:1] == " " or folded[-1:] == " ":
        # A "word" that was nothing but stray combining marks folded to nothing.
        return " ".join(folded.split())
    return folded


@functools.lru_cache(maxsize=256)
def _needle_words(needle: str) -> tuple[str, ...]:
    return tuple(fold(needle).split())


def _begins_a_word_in(word: str, haystack: str) -> bool:
    # str.find runs in C; a regex with a look-behind was ten times slower over
    # 20,000 rows with long descriptions.
    at = haystack.find(word)
    while at != -1:
        if at == 0 or not haystack[at - 1].isalnum():
            return True
        at = haystack.find(word, at + 1)
    return False


def contains_folded(haystack_folded: str, needle: str) -> bool:
    """Whether a row whose folded text is ``haystack_folded`` matches a filter box.

    The haystack is folded once when the row is stored; the needle is what the user has
    typed so far, folded here (and memoised, since one needle is tested against every
    row). Each word must begin a word of the row, in any order, because users type
    "thanh hoa uy ban" for "Ủy ban nhân dân tỉnh Thanh Hóa" — and "uy" must not find
    "quyền" nor "ban" find "ngoài ra ban...": matching inside words floods the list.
    A word still being typed matches as a prefix ("nhâ" finds "nhân"). An empty needle
    matches everything, so clearing the box shows all rows.
    """
    return all(_begins_a_word_in(word, haystack_folded) for word in _needle_words(needle))


# --------------------------------------------------------------------------- tone_key

# A run of letters with their combining marks, i.e. one syllable once text is NFD. Digits
# and punctuation end a syllable, so "Rịa–Vũng" is two syllables with a tone each.
_SYLLABLE = re.compile(r"(?:[^\W\d_][\u0300-\u036f]*)+")
_DROP_TONES = str.maketrans(dict.fromkeys(_TONE_DIGIT))


def _move_tone_to_end(match: re.Match[str]) -> str:
    syllable = match.group()
    toneless = syllable.translate(_DROP_TONES)
    if len(toneless) == len(syllable):
        return syllable + "0"
    return toneless + "".join([_TONE_DIGIT[c] for c in syllable if c in _TONE_DIGIT])


def _tone_key_word(word: str) -> str:
    # Unicode canonical caseless matching: NFD, casefold, NFD.
    decomposed = _normalize("NFD", _normalize("NFD", word).casefold())
    return _normalize("NFC", _SYLLABLE.sub(_move_tone_to_end, decomposed))


_TONE_KEYED_WORDS = _Memo(_tone_key_word)


def tone_key(text: str) -> str:
    """Return a key that matches names written with either tone-mark placement.

    Both "Thanh Hoá" (old placement, tone on the last vowel) and "Thanh Hóa" (new) are
    correct and both occur in official documents, so matching a typed or imported name
    to the catalogue must ignore where the tone sits but not whether it is there or which
    one it is: "Quảng Ngãi" and "Quang Ngai" are different strings that a user did not
    mean as the same. Each syllable's tone is therefore taken off its vowel and written
    as a digit after the syllable (VNI digits: 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng, 0
    none), keeping the vowel marks of ă â ê ô ơ ư. Case, Unicode form and whitespace
    runs are ignored.
    """
    return " ".join(map(_TONE_KEYED_WORDS.__getitem__, _normalize("NFC", text).split()))


# --------------------------------------------------------------------------- collation


def _collation_parts(character: str) -> tuple[str, str] | None:
    """Split a character into its base and marks, or None if it is itself a mark.

    Only a base followed by combining marks is split: other decompositions (Hangul
    syllables into jamo, say) would make different letters share a primary weight.
    """
    decomposed = _normalize("NFD", character)
    base, marks = decomposed[0], decomposed[1:]
    if _combining(base):
        return None
    if not marks or not all(_combining(m) for m in marks):
        return character, ""
    return base, marks


def _primary_weight(character: str) -> _TranslateValue:
    """The letter, ignoring tone and case: the level a Vietnamese reader sorts by first."""
    parts = _collation_parts(character)
    if parts is None:
        return None  # a stray mark that did not compose: ignorable
    base, marks = parts
    lower = base.lower()
    if len(lower) != 1:
        lower = base
    vowel_marks = "".join(m for m in marks if m in _VOWEL_MARKS)
    index = _ALPHABET_INDEX.get(lower + vowel_marks)
    if index is None:
        index = _ALPHABET_INDEX.get(lower)  # e.g. ç, ñ, ü sort with c, n, u
    if index is not None:
        return chr(_LETTER_WEIGHT_BASE + index)
    code_point = ord(lower)
    if code_point < _LETTER_WEIGHT_BASE:
        return chr(code_point)  # punctuation and digits come before letters, as in ASCII
    return chr(min(code_point + _ABOVE_LETTERS_SHIFT, _MAX_CODE_POINT))


def _secondary_weight(character: str) -> _TranslateValue:
    """The tone, in dictionary order; 0 for no tone and for characters without one."""
    parts = _collation_parts(character)
    if parts is None:
        return None
    rank = next((_TONE_RANK[m] for m in parts[1] if m in _TONE_RANK), 0)
    return chr(ord("0") + rank)


def _tertiary_weight(character: str) -> _TranslateValue:
    """Lower case before upper case."""
    parts = _collation_parts(character)
    if parts is None:
        return None
    return "1" if parts[0].lower() != parts[0] else "0"


_PRIMARY = _character_table(_primary_weight)
_SECONDARY = _character_table(_secondary_weight)
_TERTIARY = _character_table(_tertiary_weight)


def _collation_levels(word: str) -> tuple[str, str, str]:
    return word.translate(_PRIMARY), word.translate(_SECONDARY), word.translate(_TERTIARY)


_COLLATION_WORDS = _Memo(_collation_levels)


def collation_key(text: str) -> tuple[str, str, str, str]:
    """Return a ``sorted()`` key that orders Vietnamese as a Vietnamese reader expects.

    Code-point order puts Đ after Y and "ă" after "z", which looks broken in every list
    of agencies and provinces. The key compares, in turn: the letters in Vietnamese
    alphabet order ignoring tone and case (a ă â b c d đ e ê ... ơ ... u ư v x y), then
    the tones in dictionary order (none, huyền, hỏi, ngã, sắc, nặng), then lower before
    upper case, then the NFC text itself so that only canonically equivalent strings tie.
    Whitespace runs count as one space for the first three levels.
    """
    normal = nfc(text)
    words = list(map(_COLLATION_WORDS.__getitem__, normal.split()))
    if not words:
        return "", "", "", normal
    primary, secondary, tertiary = zip(*words, strict=True)
    # Between words: a space at the primary level, "no tone" and "lower case" below it.
    return " ".join(primary), "0".join(secondary), "0".join(tertiary), normal
