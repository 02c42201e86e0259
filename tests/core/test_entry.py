"""Today's reading of typed numbers and dates, pinned input by input.

The editor's number and date fields read what a person types with these rules; the
tables below are what the program understood before the rules moved into the core
(issue 8); issue 13 made them follow the language: the thousands mark groups by three,
the other mark is the decimal one, and whatever fits no reading of the language
("1.5" in Vietnamese, "12,5" in a count) is a problem, never a value ten times off.
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.domain.entry import (
    AMBIGUOUS_NUMBER,
    NOT_DATE,
    NOT_NUMBER,
    NOT_WHOLE,
    format_date,
    format_number,
    format_whole_number,
    parse_date,
    parse_number,
    parse_whole_number,
)
from desktop_app.core.problems import Problem

AMBIGUOUS = AMBIGUOUS_NUMBER

# text, read in Vietnamese, read in English
NUMBERS: list[tuple[str, object, object]] = [
    ('', None, None),
    (' ', None, None),
    ('\xa0', None, None),
    ('12', 12.0, 12.0),
    ('12,5', 12.5, AMBIGUOUS),
    ('12.5', AMBIGUOUS, 12.5),
    ('1.000', 1000.0, 1.0),
    ('1,000', 1.0, 1000.0),
    ('1.5', AMBIGUOUS, 1.5),
    ('1,5', 1.5, AMBIGUOUS),
    ('1.500', 1500.0, 1.5),
    ('1,500', 1.5, 1500.0),
    ('1.234.567,5', 1234567.5, 1234567.5),
    ('1,234,567.5', 1234567.5, 1234567.5),
    ('1.234,5', 1234.5, 1234.5),
    ('1,234.5', 1234.5, 1234.5),
    ('12.345', 12345.0, 12.345),
    ('12,345', 12.345, 12345.0),
    ('123.456', 123456.0, 123.456),
    ('1234.567', AMBIGUOUS, 1234.567),
    ('1234,567', 1234.567, AMBIGUOUS),
    ('0.5', AMBIGUOUS, 0.5),
    (',5', 0.5, AMBIGUOUS),
    ('.5', AMBIGUOUS, 0.5),
    ('5.', AMBIGUOUS, 5.0),
    ('5,', 5.0, AMBIGUOUS),
    ('1.2.3', AMBIGUOUS, AMBIGUOUS),
    ('1,2,3', AMBIGUOUS, AMBIGUOUS),
    ('1 000', 1000.0, 1000.0),
    ('1\xa0000,5', 1000.5, AMBIGUOUS),
    ('-5', -5.0, -5.0),
    ('+5', 5.0, 5.0),
    ('1e3', NOT_NUMBER, NOT_NUMBER),
    ('nan', NOT_NUMBER, NOT_NUMBER),
    ('inf', NOT_NUMBER, NOT_NUMBER),
    ('abc', NOT_NUMBER, NOT_NUMBER),
    ('nhiều', NOT_NUMBER, NOT_NUMBER),
    ('1_000', NOT_NUMBER, NOT_NUMBER),
    ('1.000.000', 1000000.0, AMBIGUOUS),
    ('1,000,000', AMBIGUOUS, 1000000.0),
    ('1..2', AMBIGUOUS, AMBIGUOUS),
    ('1,,2', AMBIGUOUS, AMBIGUOUS),
    ('  7  ', 7.0, 7.0),
    ('1.0001', AMBIGUOUS, 1.0001),
    ('1,0001', 1.0001, AMBIGUOUS),
    ('0,001', 0.001, AMBIGUOUS),
    ('0.001', AMBIGUOUS, 0.001),
    ('9.999', 9999.0, 9.999),
    ('9,999', 9.999, 9999.0),
    ('1234.5678', AMBIGUOUS, 1234.5678),
]

DATES: list[tuple[str, object]] = [
    ('', None),
    (' ', None),
    ('01/02/2026', date(2026, 2, 1)),
    ('1/2/2026', date(2026, 2, 1)),
    ('1.2.2026', date(2026, 2, 1)),
    ('1-2-2026', date(2026, 2, 1)),
    ('2026-02-01', date(2026, 2, 1)),
    ('31/02/2026', NOT_DATE),
    ('2026-2-1', NOT_DATE),
    ('20260201', date(2026, 2, 1)),
    ('1/2/26', NOT_DATE),
    ('32/01/2026', NOT_DATE),
    ('abc', NOT_DATE),
    (' 05/06/2026 ', date(2026, 6, 5)),
    ('2026-02-01T00:00', NOT_DATE),
    ('01/13/2026', NOT_DATE),
]

# a whole-number field (budget, beneficiaries): text -> read in Vietnamese, in English
COUNTS: list[tuple[str, object, object]] = [
    ('', None, None),
    (' ', None, None),
    ('0', 0, 0),
    ('7', 7, 7),
    ('1500000', 1500000, 1500000),
    ('1.500.000', 1500000, AMBIGUOUS),
    ('1,500,000', AMBIGUOUS, 1500000),
    ('12,5', NOT_WHOLE, AMBIGUOUS),
    ('1.5', AMBIGUOUS, NOT_WHOLE),
    ('1 000', 1000, 1000),
    ('abc', NOT_NUMBER, NOT_NUMBER),
    ('-5', NOT_WHOLE, NOT_WHOLE),
    ('0012', 12, 12),
    ('١٢', 12, 12),
    ('99999999999999999999', 99999999999999999999, 99999999999999999999),
]

# a value shown in an indicator cell: value, in Vietnamese, in English.
# 1234567.5 and 123456.789 lose digits on the way (six significant digits): today's
# behaviour, kept while the rules move; issue 13's number forms are where it changes.
SHOWN: list[tuple[float | None, str, str]] = [
    (None, "", ""), (0.0, "0", "0"), (1500.0, "1.500", "1,500"), (1.5, "1,5", "1.5"),
    (0.1, "0,1", "0.1"), (-3.0, "-3", "-3"), (1234567.5, "1.234.567,5", "1,234,567.5"),
    (123456.789, "123.456,789", "123,456.789"), (1e-05, "0,00001", "0.00001"),
    (12500.25, "12.500,25", "12,500.25"), (-1500.5, "-1.500,5", "-1,500.5"),
    (1e20, "100.000.000.000.000.000.000", "100,000,000,000,000,000,000"),
]


def _code(result: object, text: str) -> object:
    """A problem as its code, after checking it names what was typed."""
    if isinstance(result, Problem):
        assert result.params == {"value": text} and result.field is None
        return result.code
    return result


def _count(text: str, lang: str) -> object:
    return _code(parse_whole_number(text, lang), text)


def _number(text: str, lang: str) -> object:
    return _code(parse_number(text, lang), text)


def _date(text: str, lang: str) -> object:
    return _code(parse_date(text, lang), text)


@pytest.mark.parametrize(("text", "vi", "en"), NUMBERS)
def test_a_typed_number_is_read_as_before(text: str, vi: object, en: object) -> None:
    assert (_number(text, "vi"), _number(text, "en")) == (vi, en)


@pytest.mark.parametrize(("text", "expected"), DATES)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_typed_date_is_read_as_before(text: str, expected: object, lang: str) -> None:
    assert _date(text, lang) == expected


@pytest.mark.parametrize(("text", "vi", "en"), COUNTS)
def test_a_typed_whole_number_follows_the_language(text: str, vi: object, en: object) -> None:
    assert (_count(text, "vi"), _count(text, "en")) == (vi, en)


@pytest.mark.parametrize(("value", "vi", "en"), SHOWN)
def test_a_number_is_shown_as_before(value: float | None, vi: str, en: str) -> None:
    assert (format_number(value, "vi"), format_number(value, "en")) == (vi, en)


@pytest.mark.parametrize("value", [1, 999, 1000, 1_500_000, 10**15])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_whole_number_shown_reads_back_the_same(value: int, lang: str) -> None:
    shown = format_whole_number(value, lang)
    assert parse_whole_number(shown, lang) == value
    assert parse_number(shown, lang) == float(value)


@pytest.mark.parametrize("value", [date(2026, 2, 1), date(1990, 12, 31), None])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_date_shown_reads_back_the_same(value: date | None, lang: str) -> None:
    assert parse_date(format_date(value, lang), lang) == value


@pytest.mark.parametrize("value", [1.5, 0.1, 1234567.5, 123456.789, 12500.25, -1500.5])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_number_shown_reads_back_the_same(value: float, lang: str) -> None:
    assert parse_number(format_number(value, lang), lang) == value
