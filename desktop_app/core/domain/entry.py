"""Reading what a person types into a number or date field, and showing a value back.

Every rule for how typed text becomes a value lives here, so that the editor (and any
other face) reads "1.500" the same way, and so that the language's own number forms
can change by changing this module alone. Each reader takes the text and the language
("vi" or "en") and returns the value, None for an empty field, or a Problem (a code
with parameters; the face words it). A reader never raises for what a person typed.

Numbers follow the language (issue 13): "12,5" is 12.5 and "1.000" is 1000 in
Vietnamese; an ambiguous or malformed entry is a problem the field shows
(AMBIGUOUS_NUMBER, NOT_WHOLE), never a guessed value.
"""

from __future__ import annotations

import re
from datetime import date

from desktop_app.core.problems import Problem

NOT_NUMBER = "value.not_number"
NOT_DATE = "value.not_date"
AMBIGUOUS_NUMBER = "value.ambiguous_number"
NOT_WHOLE = "value.not_whole_number"

_SPACES = re.compile(r"[\s\u00a0\u202f]")
_PLAIN = re.compile(r"[+-]?(\d+|\d+\.\d*|\.\d+)")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")

Number = float | None | Problem
WholeNumber = int | None | Problem
TypedDate = date | None | Problem


def marks(lang: str) -> tuple[str, str]:
    """(thousands mark, decimal mark): "." and "," in Vietnamese, "," and "." in English."""
    return (".", ",") if lang == "vi" else (",", ".")


def _grouped(digits: str, mark: str) -> bool:
    """"1.234.567": a first group of one to three digits (not starting with 0), then
    groups of exactly three, each after the mark."""
    return re.fullmatch(rf"[1-9]\d{{0,2}}(?:{re.escape(mark)}\d{{3}})+", digits) is not None


def parse_number(text: str, lang: str) -> Number:
    """A typed number in the language's form: "1.234,5" in Vietnamese, "1,234.5" in English.

    The thousands mark must group by three ("1.000" is 1000 in Vietnamese); where both
    marks appear the last is the decimal mark and the other must group correctly. An
    entry that fits no reading of its language ("1.5" or "12.50" in Vietnamese, "1,5"
    in English) is a problem (AMBIGUOUS_NUMBER), never a guess: a wrong guess would be
    a value ten or a thousand times off.
    """
    t = _SPACES.sub("", text)
    if not t:
        return None
    group, decimal = marks(lang)
    sign = t[0] if t[0] in "+-" else ""
    body = t[len(sign):]
    if group in body and decimal in body:
        last = "." if body.rfind(".") > body.rfind(",") else ","
        whole, _, fraction = body.rpartition(last)
        other = "," if last == "." else "."
        if not (fraction.isdigit() and _grouped(whole, other)):
            return _unreadable(text, body)
        return float(f"{sign}{whole.replace(other, '')}.{fraction}")
    if group in body:
        if _grouped(body, group):
            return float(sign + body.replace(group, ""))
        return _unreadable(text, body)
    plain = sign + body.replace(decimal, ".")
    if body.count(decimal) > 1 or not _PLAIN.fullmatch(plain) or not any(
            c.isdigit() for c in body):
        return _unreadable(text, body)
    return float(plain)


def _unreadable(text: str, body: str) -> Problem:
    """Digits and marks that fit no reading: ambiguous; anything else: not a number."""
    if body and all(c.isdigit() or c in ".," for c in body) and any(c.isdigit() for c in body):
        return Problem(AMBIGUOUS_NUMBER, {"value": text})
    return Problem(NOT_NUMBER, {"value": text})


def parse_whole_number(text: str, lang: str) -> WholeNumber:
    """A count or an amount of đồng: digits, grouped by the language's thousands mark.

    "12,5" in Vietnamese is twelve and a half, so not a count (NOT_WHOLE); "1.5" fits
    no Vietnamese reading (AMBIGUOUS_NUMBER). Neither becomes 125 or 15.
    """
    t = _SPACES.sub("", text)
    if not t:
        return None
    group, _decimal = marks(lang)
    if t.isdigit():
        return int(t)
    if _grouped(t, group):
        return int(t.replace(group, ""))
    number = parse_number(text, lang)
    if isinstance(number, float) and (not number.is_integer() or number < 0):
        return Problem(NOT_WHOLE, {"value": text})
    if isinstance(number, float):  # "12,0" or "+5": whole, though not written as one
        return int(number)
    return number if number is not None else Problem(NOT_NUMBER, {"value": text})


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
    """A value in the language's form, its whole part grouped by thousands and at most
    six decimals: 1234567.5 -> "1.234.567,5" in Vietnamese, "1,234,567.5" in English.

    Never in exponent form ("1,23457e+06" is no number an official reads), and what is
    shown reads back with parse_number."""
    if value is None:
        return ""
    if float(value).is_integer():
        return format_whole_number(int(value), lang)
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    if text == "-0":  # a tiny negative value, rounded to nothing
        text = "0"
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_date(value: date | None, lang: str) -> str:
    """The form parse_date reads back: dd/mm/yyyy."""
    return value.strftime("%d/%m/%Y") if value is not None else ""
