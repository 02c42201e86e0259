"""The window's one way to show a count, a value, an amount of đồng and a date.

Every page, table model and dialog words its figures through these functions, so that
a number reads the same everywhere in the window (issue 13): "12.500" and "12,5" in
Vietnamese, "12,500" and "12.5" in English; dates dd/mm/yyyy. The rule itself is the
core's (`core/domain/entry.py`, which the number fields read back), not a second copy:
what the window shows is what a person may type.

``lang`` is the window's language ("vi" or "en"); left out, the window's current one.
"""

from __future__ import annotations

from datetime import date

from desktop_app.core.domain import entry
from desktop_app.ui.labels import ui_lang


def count(value: int, lang: str | None = None) -> str:
    """A count of things (activities, indicators, agencies): 3513 -> "3.513" / "3,513"."""
    return entry.format_whole_number(int(value), lang or ui_lang())


def amount(value: int | None, lang: str | None = None) -> str:
    """An amount of đồng or a whole figure that may be missing; None -> ""."""
    return entry.format_whole_number(value, lang or ui_lang())


def value(number: float | None, lang: str | None = None) -> str:
    """A measured value (baseline, target, result): 12500.0 -> "12.500", 12.5 -> "12,5"."""
    return entry.format_number(number, lang or ui_lang())


def ratio(part: int, whole: int, lang: str | None = None) -> str:
    """ "12 / 1.500": a part of a whole, both counts."""
    return f"{count(part, lang)} / {count(whole, lang)}"


def day(when: date | None, lang: str | None = None) -> str:
    """A date as dd/mm/yyyy (the form the date fields read back); None -> ""."""
    return entry.format_date(when, lang or ui_lang())
