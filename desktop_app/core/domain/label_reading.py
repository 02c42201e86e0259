"""Reading a coded value back from what a person or an earlier file wrote in a cell.

Workbooks show coded values (activity type, status...) as their labels (labels.py), so a
filled or re-saved file may hold the Vietnamese label, the English one, an earlier
label, a dropdown item "code — label", or the bare code. ``code_of`` finds the code
after folding case, Unicode form (NFC), spacing and the placement of Vietnamese tone
marks: the old style puts the mark on the first vowel of "oa", "oe", "uy" ("hòa",
"thủy"), the new style on the second ("hoà", "thuỷ"); ``fold`` moves every tone mark
to the end of its word, so both styles fold to one key.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum
from functools import cache

from desktop_app.core.domain.labels import EARLIER_LABELS, LABELS

# grave, acute, tilde, hook above, dot below: the five Vietnamese tone marks
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
SEPARATORS = (" — ", " – ", " - ")  # a dropdown item "code — label" of earlier files


def _fold_word(word: str) -> str:
    letters = [ch for ch in word if ch not in TONE_MARKS]
    tones = sorted(ch for ch in word if ch in TONE_MARKS)
    return "".join(letters) + "".join(tones)


def fold(text: str) -> str:
    """A comparison key: case, Unicode form, spacing and tone-mark placement folded."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    key = " ".join(_fold_word(word) for word in decomposed.split())
    return unicodedata.normalize("NFC", key)


@cache
def _table(kind: type[StrEnum]) -> dict[str, str]:
    table: dict[str, str] = {}
    earlier = EARLIER_LABELS.get(kind, {})
    for member in kind:
        vi, en = LABELS[kind][member]
        for text in (*earlier.get(member, ()), en, vi, member.value):
            table[fold(text)] = member.value
    return table


def code_of(kind: type[StrEnum], text: str) -> str | None:
    """The code ``text`` names (a label in either language, an earlier label, a dropdown
    item "code — label" or the code itself), or None when it names none."""
    table = _table(kind)
    found = table.get(fold(text))
    if found is not None:
        return found
    for separator in SEPARATORS:
        if separator in text:
            head, _, tail = text.partition(separator)
            return table.get(fold(head)) or table.get(fold(tail))
    return None
