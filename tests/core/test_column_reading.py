"""The reader's one pass per column (column_reading) gives exactly what the rules give cell
by cell: the same values (and types) or a problem, each value's canonical JSON byte for
byte, and the sheets' canonical JSON exactly canonical_json's, encoded, so that every
content hash and signature is what it was. Columns are made as calamine hands them over
(text as str, "" when empty, dates as dates, numbers as floats), mostly of one type so
that the whole-column ways are taken, with odd texts among them: NFD, control characters,
lone surrogates, NUL, quotes, backslashes, line feeds, tabs, non-breaking and other
unprintable spaces; huge numbers, -0.0, NaN, infinities; dates as serials and as text."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop_app.core.exchange.canonical import canonical_json, column_json
from desktop_app.core.exchange.cells import CellProblem, column_converter
from desktop_app.core.exchange.column_reading import column_reader, sheet_json, sheets_json
from desktop_app.core.exchange.columns import SHEETS, Kind
from desktop_app.core.exchange.submission import (
    ActivityRecord,
    IndicatorRecord,
    LinkRecord,
    SubmissionData,
    records_from_rows,
    records_of,
)

UUID = "0f8fad5b-d9cb-469f-a165-70867728950e"
ODD = ["", " ", "  ", "\t", "\n", "a\nb", "a\tb", "a\r\nb", "x\x01y", "\x01", "\x00", "a\x00b",
       "\ufffe", "\uffff", "\ud800", "a\udfffb", 'say "hi"', "back\\slash", "\\u0000",
       "\u00a0", "a\u00a0b", "\u2028", "\u200b", "Hoa\u0300", "Ho\u0300a", "\u0301a",
       "e\u0301", "Tập huấn", "Ta\u0323\u0302p hua\u0302\u0301n", "Đã hủy", "Da huy",
       "training", " Training ", "cancelled", "completed", "QD1252-T04", "CO3-VAW", UUID,
       UUID.upper(), f" {UUID} ", f"{UUID}\n{UUID}", UUID[:-1], "15000000", "1,5",
       "2025-07-15", "15/07/2025", "-3", "nan", "1e400", "12 000", "1\u00a0000", "%s", "null",
       "x\ufffe", "\uffffy", "a\x0bb", "a\x0cb", "a\x1cb", "\x1f", "a\x85b", "\x7f",
       "tab\tand\nline", "\r", "q\\\"", "\U0001f600", "\u00e9\u0301",
       # UTF-8 starting with 0xEF, as U+FFFE and U+FFFF do: kept, unless one of those two
       "\ufeff", "\uff21", "\uff21\ufffe", "\ufeffa\x01", "\uffef\uffff", "\uffef"]
TEXT = st.one_of(st.sampled_from(ODD), st.text(max_size=8),
                 st.text(alphabet="aăâeêoôơuưyĐđ \u0300\u0301\u0303\u0309\u0323\n\t\"\\",
                         max_size=12))
NUMBER = st.one_of(st.floats(allow_nan=True, allow_infinity=True),
                   st.sampled_from([0.0, -0.0, 2.5, 0.1 + 0.2, 1e15, 1e15 + 2, 1e16, 2.0**53,
                                    2.0**53 + 2, 45658.0, 1e-10, 1.0000000001, 1e308]),
                   st.integers(min_value=0, max_value=10**4).map(float))
DATE = st.one_of(st.dates(), st.dates(min_value=date(2024, 1, 1),
                                      max_value=date(2024, 1, 20)))
# a cell as calamine gives it, by the column's kind: mostly that kind, sometimes another
ODD_CELL = st.one_of(st.none(), st.booleans(), st.integers(-5, 10**16), NUMBER, DATE,
                     st.datetimes(min_value=datetime(1900, 1, 1),
                                  max_value=datetime(2100, 1, 1)), TEXT)
CELLS = {
    Kind.TEXT: TEXT, Kind.LONG_TEXT: TEXT,
    Kind.CODE: st.one_of(st.sampled_from(["", "Tập huấn", "training", "Đã hủy", "completed",
                                          "QD1252-T04", "CO3-VAW", " CO3-VAW", "x"]), TEXT),
    Kind.UUID: st.one_of(st.just(""), st.uuids().map(str), st.uuids().map(
        lambda u: str(u).upper()), TEXT),
    Kind.DATE: st.one_of(st.just(""), DATE, st.sampled_from([45658.0, 60.0, 0.0, -1.0, 2.5]),
                         TEXT),
    Kind.INTEGER: st.one_of(st.just(""), NUMBER, st.integers(0, 10**16)),
    Kind.NUMBER: st.one_of(st.just(""), NUMBER),
}
COLUMNS = [(sheet.key, column) for sheet in SHEETS for column in sheet.columns]
RECORDS = {"activities": ActivityRecord, "indicators": IndicatorRecord, "links": LinkRecord}


def _typed(values: list[Any]) -> list[tuple[type, Any]]:
    return [(type(v), repr(v)) for v in values]  # repr: -0.0 is not 0.0, NaN is NaN


# texts none of which sends a column the slow way: the whole-column ways are taken
NICE = st.one_of(st.just(""), st.sampled_from(["Tập huấn", "Ho\u0300a", "a\nb", "\u00a0x",
                                               "x\u2028", 'q"', "b\\", "%s"]),
                 st.text(alphabet="aăâeĐđ \u0300\u0301\u0323\n\t\"\\\u00a0", min_size=1,
                         max_size=12).filter(str.strip))


@st.composite
def _column_cells(draw: Any) -> tuple[str, Any, list[Any]]:
    sheet_key, column = draw(st.sampled_from(COLUMNS))
    common = CELLS[column.kind]
    if column.kind in (Kind.TEXT, Kind.LONG_TEXT) and draw(st.booleans()):
        common = NICE
    cells = draw(st.lists(common, max_size=14))
    if draw(st.integers(0, 4)) == 0:  # now and then a cell of another type
        cells.insert(draw(st.integers(0, len(cells))), draw(ODD_CELL))
    return sheet_key, column, cells


def _by_cell(sheet_key: str, column: Any, values: list[Any]) -> tuple[list[Any], list[str]
                                                                      ] | None:
    try:
        out = column_converter(sheet_key, column)(list(values))
    except CellProblem:
        return None
    return out, column_json(column.kind, out)


def _old_utf8(pieces: list[str]) -> list[bytes] | None:
    try:
        return [piece.encode("utf-8") for piece in pieces]
    except UnicodeEncodeError:
        return None


@settings(max_examples=600, deadline=None)
@given(_column_cells())
def test_a_column_reads_as_its_cells_do(drawn: tuple[str, Any, list[Any]]) -> None:
    sheet_key, column, values = drawn
    expected = _by_cell(sheet_key, column, values)
    try:
        got = column_reader(sheet_key, column)(list(values))
    except CellProblem:
        assert expected is None
        return
    assert expected is not None
    out, pieces, quoted = got
    assert _typed(out) == _typed(expected[0])
    old = _old_utf8(expected[1])
    if pieces is None:  # only where the old JSON is no UTF-8 either
        assert old is None
        return
    assert old is not None
    assert ([b'"' + p + b'"' for p in pieces] if quoted else list(pieces)) == old


def test_the_whole_column_ways_are_taken_and_agree() -> None:
    """Columns of one kind each (the common case) take the fast ways: the same answers."""
    columns = {
        Kind.TEXT: ["Hội nghị", "Ho\u0323i nghi\u0323", "", "Tập huấn"],
        Kind.LONG_TEXT: ["a\nb", "", "c\td", "Đ\u0300\ne"],
        Kind.UUID: [UUID, "", UUID.upper()],
        Kind.CODE: ["Tập huấn", "training", "training"],
        Kind.DATE: [date(2025, 1, 2), "", date(2025, 1, 2)],
        Kind.INTEGER: [3.0, "", 0.0, -0.0, 1e15],
        Kind.NUMBER: [2.5, -0.0, 0.0, "", 0.1 + 0.2, 1e16],
    }
    for sheet_key, column in COLUMNS:
        values = columns[column.kind]
        if column.required:
            values = [v for v in values if v != ""]
        expected = _by_cell(sheet_key, column, values)
        if expected is None:  # a code that is not in this column's list
            with pytest.raises(CellProblem):
                column_reader(sheet_key, column)(values)
            continue
        out, pieces, quoted = column_reader(sheet_key, column)(list(values))
        assert _typed(out) == _typed(expected[0])
        assert pieces is not None
        assert ([b'"' + p + b'"' for p in pieces] if quoted else pieces) == _old_utf8(
            expected[1])


def test_one_odd_cell_among_common_ones_reads_as_its_cells_do() -> None:
    """Each odd text alone in a column of common ones, for every column: a character that
    clean_text drops or JSON escapes is found wherever it is."""
    for sheet_key, column in COLUMNS:
        for odd in ODD:
            for values in ([odd], ["Tập huấn", odd, "a\nb"], ["x", "y", odd],
                           [UUID, odd], ["training", odd]):
                expected = _by_cell(sheet_key, column, values)
                try:
                    out, pieces, quoted = column_reader(sheet_key, column)(list(values))
                except CellProblem:
                    assert expected is None, (column.key, values)
                    continue
                assert expected is not None, (column.key, values)
                assert _typed(out) == _typed(expected[0]), (column.key, values)
                old = _old_utf8(expected[1])
                assert (None if pieces is None else [b'"' + p + b'"' for p in pieces]
                        if quoted else list(pieces)) == old, (column.key, values)


def test_nfd_text_comes_back_in_nfc() -> None:
    column = SHEETS[0].column("title")
    values = ["Ta\u0323\u0302p hua\u0302\u0301n", "Ho\u0300a", "plain"]
    out, pieces, quoted = column_reader("activities", column)(values)
    assert out == [unicodedata.normalize("NFC", v) for v in values]
    assert pieces is not None and quoted
    assert [p.decode() for p in pieces] == out


# --- whole sheets ---------------------------------------------------------------------


def _sound(key: str, kind: Kind, required: bool) -> Any:
    """A sound cell of the column, as calamine gives it."""
    if kind in (Kind.TEXT, Kind.LONG_TEXT):
        text = st.one_of(st.sampled_from(["Hội nghị", "a\nb", 'q"\\\t', "Ho\u0300a", "x\x01",
                                          "\u2028", "z" * 40, "%s"]),
                         st.text(max_size=6).filter(str.strip))
    elif kind is Kind.UUID:
        text = st.uuids().map(str)
    elif key == "type":
        text = st.sampled_from(["Tập huấn", "training", "other"])
    elif key == "status":
        text = st.sampled_from(["completed", "Đã hủy", "cancelled"])
    elif kind is Kind.CODE:
        text = st.sampled_from(["QD1252-T04", "CO3-VAW", " CO3-VAW", "Tập huấn"])
    elif kind is Kind.DATE:
        text = st.one_of(st.dates(), st.just(45658.0))
    elif kind is Kind.INTEGER:
        text = st.integers(0, 10**15).map(float)
    else:
        text = st.one_of(st.floats(min_value=0, max_value=1e12), st.sampled_from(
            [0.1 + 0.2, 1.0000000001, 3.0, 1e-10, -0.0]))
    return text if required else st.one_of(st.just(""), text)


@st.composite
def _sheets(draw: Any) -> list[list[list[Any]]]:
    sheets = []
    for sheet in SHEETS:
        count = draw(st.integers(0, 7))
        sheets.append([draw(st.lists(_sound(c.key, c.kind, c.required), min_size=count,
                                     max_size=count)) for c in sheet.columns])
    return sheets


@settings(max_examples=150, deadline=None)
@given(_sheets())
def test_the_sheets_json_is_the_canonical_json(sheets: list[list[list[Any]]]) -> None:
    parts, records = [], {}
    for sheet, columns in zip(SHEETS, sheets, strict=True):
        try:
            read = [column_reader(sheet.key, c)(list(values))
                    for c, values in zip(sheet.columns, columns, strict=True)]
        except CellProblem:  # a code that is not in this column's list
            assume(False)
            return
        rows = sheet_json(sheet, read)
        assert rows is not None
        parts.append(rows)
        values = [column[0] for column in read]
        records[sheet.key] = records_of(RECORDS[sheet.key], values)
        assert records[sheet.key] == list(map(RECORDS[sheet.key], *values))
    data = SubmissionData(**records)
    assert sheets_json(parts) == canonical_json(data).encode("utf-8")
    assert sheets_json(parts) == canonical_json(data, clean=False).encode("utf-8")


def test_records_of_makes_what_the_records_constructor_makes() -> None:
    columns = [[UUID, UUID.upper()], ["CO3-VAW", "x"]]
    made = records_of(LinkRecord, columns)
    assert made == [LinkRecord(UUID, "CO3-VAW"), LinkRecord(UUID.upper(), "x")]
    assert [type(r) for r in made] == [LinkRecord, LinkRecord]
    assert records_of(LinkRecord, [[], []]) == []
    with pytest.raises(TypeError):
        records_of(LinkRecord, [[UUID]])
    with pytest.raises(AttributeError):  # still frozen
        made[0].recommendation_code = "y"  # type: ignore[misc]


def test_records_from_rows_makes_what_the_records_constructor_makes() -> None:
    """As the writer makes a file's records from the rows a reading child sent."""
    import pickle

    activity = (UUID, "QD1252-T04", "Tập huấn", None, "training", "completed",
                date(2025, 7, 15), None, 1, None, 0, None, 15_000_000, "x", None, None, None,
                None)
    indicator = (UUID, None, "T1", "n", "u", 1.5, 2.0, None, None, None, None)
    for kind, row in ((ActivityRecord, activity), (IndicatorRecord, indicator),
                      (LinkRecord, (UUID, "CO3-VAW"))):
        rows = [row, tuple(reversed(row))]
        made = records_from_rows(kind, rows)
        assert made == [kind(*r) for r in rows]
        assert [type(r) for r in made] == [kind, kind]
        assert [vars(r) for r in made] == [vars(kind(*r)) for r in rows]  # the same order
        assert pickle.loads(pickle.dumps(made)) == made
        assert records_from_rows(kind, []) == []
        with pytest.raises(TypeError):
            records_from_rows(kind, [row, row[:-1]])
        with pytest.raises(TypeError):
            records_from_rows(kind, [(*row, None)])
        with pytest.raises(AttributeError):  # still frozen
            made[0].uuid = "y"  # type: ignore[misc]
