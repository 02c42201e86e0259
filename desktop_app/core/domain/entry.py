"""Reading what a person types into a number or date field, and showing a value back.

Every rule for how typed text becomes a value lives here, so that the editor (and any
other face) reads "1.500" the same way, and so that the language's own number forms
can change by changing this module alone. Each reader takes the text and the language
("vi" or "en") and returns the value, None for an empty field, or a Problem (a code
with parameters; the face words it). A reader never raises for what a person typed.

Issue 13's Vietnamese forms ("12,5" is 12.5, "1.000" is 1000, an ambiguous entry a
visible problem) are new rules in `parse_number` and `parse_whole_number`, returning
new problem codes from here; the fields show the problem and never guess a value.
"""

from __future__ import annotations

import re
from datetime import date

from desktop_app.core.problems import Problem

NOT_NUMBER = "value.not_number"
NOT_DATE = "value.not_date"

_SPACES = re.compile(r"[\s\u00a0]")
_GROUPED_BY_DOT = re.compile(r"\d{1,3}\.\d{3}")
_GROUPED_BY_COMMA = re.compile(r"\d{1,3},\d{3}")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_NOT_DIGIT = re.compile(r"\D")

Number = float | None | Problem
WholeNumber = int | None | Problem
TypedDate = date | None | Problem


def parse_number(text: str, lang: str) -> Number:
    """A typed number with either decimal mark; a lone "." + 3 digits groups in Vietnamese.

    Where both marks appear, the last one is the decimal mark; several of one mark are
    grouping; one comma followed by three digits groups in English.
    """
    t = _SPACES.sub("", text)
    if not t:
        return None
    dots, commas = t.count("."), t.count(",")
    if dots and commas:
        decimal = "." if t.rfind(".") > t.rfind(",") else ","
        t = t.replace("," if decimal == "." else ".", "").replace(decimal, ".")
    elif dots > 1 or (dots == 1 and lang == "vi" and _GROUPED_BY_DOT.fullmatch(t)):
        t = t.replace(".", "")
    elif commas > 1 or (commas == 1 and lang != "vi" and _GROUPED_BY_COMMA.fullmatch(t)):
        t = t.replace(",", "")
    else:
        t = t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return Problem(NOT_NUMBER, {"value": text})


def parse_whole_number(text: str, lang: str) -> WholeNumber:
    """A count or an amount of đồng: the digits typed, whatever separates them."""
    digits = _NOT_DIGIT.sub("", text)
    return int(digits) if digits else None


def parse_date(text: str, lang: str) -> TypedDate:
    """dd/mm/yyyy (also with "." or "-"), or yyyy-mm-dd."""
    t = text.strip()
    if not t:
        return None
    try:
        match = _DAY_MONTH_YEAR.fullmatch(t)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return date(year, month, day)
        return date.fromisoformat(t)
    except ValueError:
        return Problem(NOT_DATE, {"value": text})


def format_whole_number(value: int | None, lang: str) -> str:
    """1500000 -> "1.500.000" in Vietnamese, "1,500,000" in English; None -> ""."""
    if value is None:
        return ""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "vi" else text


def format_number(value: float | None, lang: str) -> str:
    """A whole value grouped by thousands; otherwise six significant digits, the
    language's decimal mark."""
    if value is None:
        return ""
    if float(value).is_integer():
        return format_whole_number(int(value), lang)
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "vi" else text


def format_date(value: date | None, lang: str) -> str:
    """The form parse_date reads back: dd/mm/yyyy."""
    return value.strftime("%d/%m/%Y") if value is not None else ""
