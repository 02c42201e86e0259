"""The reader's column-at-once conversion and its canonical JSON are exactly the cell-by-cell
ones: the same values (and types) or a problem, and byte for byte the same JSON, so the
content hash and the signature of every file are what they were."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.exchange.canonical import canonical_json, columns_json
from desktop_app.core.exchange.cells import CellProblem, column_converter, converter
from desktop_app.core.exchange.columns import SHEETS, Kind
from desktop_app.core.exchange.submission import (
    ActivityRecord,
    IndicatorRecord,
    LinkRecord,
    SubmissionData,
)

UUID = "0f8fad5b-d9cb-469f-a165-70867728950e"
TEXTS = ["", " ", "\t", "a", " Tập huấn ", "Đã hủy", "Da huy", "training", "Training ",
         "completed", "cancelled", "Hoa\u0300 ", "x\x01y", "\x01", "a\r\nb", "\ufffe",
         UUID, UUID.upper(), f" {UUID} ", f"{UUID}\n{UUID}", UUID[:-1], UUID + "0",
         "QD1252-T04", "CO3-VAW", "15000000", "1,5", "2025-07-15", "15/07/2025", "-3",
         "nan", "1e400", "12 000", "1\u00a0000"]
CELLS = st.one_of(
    st.sampled_from(TEXTS), st.text(max_size=6), st.none(), st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([0.0, -0.0, 2.5, 1e15,
                                                                     1e15 + 2, 45658.0]),
    st.integers(min_value=-5, max_value=10**16), st.dates(),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)))
COLUMNS = [(sheet.key, column) for sheet in SHEETS for column in sheet.columns]
RECORDS = {"activities": ActivityRecord, "indicators": IndicatorRecord, "links": LinkRecord}


def _typed(values: list[Any]) -> list[tuple[type, Any]]:
    return [(type(v), v) for v in values]


def _cell_by_cell(sheet_key: str, column: Any, values: list[Any]) -> list[Any] | None:
    cell = converter(sheet_key, column)
    try:
        return [cell(v) for v in values]
    except CellProblem:
        return None


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(COLUMNS), st.lists(CELLS, max_size=12))
def test_a_column_converts_as_its_cells_do(where: Any, values: list[Any]) -> None:
    sheet_key, column = where
    expected = _cell_by_cell(sheet_key, column, values)
    try:
        got = column_converter(sheet_key, column)(values)
    except CellProblem:
        got = None
    assert (None if got is None else _typed(got)) == (
        None if expected is None else _typed(expected))


def test_common_cells_take_the_fast_way_and_agree() -> None:
    rows = {
        "uuid": [UUID, UUID.upper()], "type": ["Tập huấn", "training"],
        "women": ["", 3.0], "start_date": [date(2025, 1, 2), ""],
        "title": ["Hội nghị", "x\x01"], "target": [2.5, 0.0],
    }
    for sheet_key, column in COLUMNS:
        values = rows.get(column.key)
        if values is None:
            continue
        assert _typed(column_converter(sheet_key, column)(values)) == _typed(
            _cell_by_cell(sheet_key, column, values) or [])


def _sheet_values(draw: Any, sheet: Any, count: int) -> list[list[Any]]:
    """Columns of values as the reader makes them (clean text, dates, ints, floats, None)."""
    columns = []
    for column in sheet.columns:
        if column.kind is Kind.DATE:
            kind = st.one_of(st.none(), st.dates())
        elif column.kind is Kind.INTEGER:
            kind = st.one_of(st.none(), st.integers(min_value=0, max_value=10**15))
        elif column.kind is Kind.NUMBER:
            kind = st.one_of(st.none(), st.floats(min_value=0, max_value=1e12),
                             st.sampled_from([0.1 + 0.2, 1.0000000001, 3.0, 1e-10]))
        else:
            kind = st.one_of(st.none(), st.sampled_from(["", "a", "Đ", 'q"\\\n\t%s', UUID,
                                                         "\u2028", "z" * 40]),
                             st.text(max_size=5).map(lambda t: t.replace("\r", "")))
        columns.append(draw(st.lists(kind, min_size=count, max_size=count)))
    return columns


@st.composite
def _read_data(draw: Any) -> list[list[list[Any]]]:
    return [_sheet_values(draw, sheet, draw(st.integers(0, 6))) for sheet in SHEETS]


@settings(max_examples=80, deadline=None)
@given(_read_data())
def test_the_columns_json_is_the_canonical_json(sheets: list[list[list[Any]]]) -> None:
    data = SubmissionData(**{
        sheet.key: list(map(RECORDS[sheet.key], *columns)) if columns[0] else []
        for sheet, columns in zip(SHEETS, sheets, strict=True)})
    assert columns_json(sheets) == canonical_json(data, clean=False)
