"""A submission sheet's cells read a column at a time: checked, converted and encoded as
their canonical JSON in one pass, and the sheet's canonical rows put together from them.

Exactly what the cell-by-cell rules give (cells.converter for the values, canonical's
encoding for the JSON), byte for byte, so that content hashes and signatures are what
they were (tests/core/test_column_reading.py holds them equal on generated cells). A
submission holds tens of thousands of cells, nearly all of a few common forms, so the
common columns are looked at whole, in C, instead of one Python step a cell:

- text: one join of the column tells that no cell holds a character clean_text would
  change but NFC (no control character to drop, no carriage return), one NFC check of
  the cells joined with NUL (a character that never composes: normalising the joined
  text is normalising each cell) tells whether any cell needs NFC, and the cells'
  canonical JSON, when no cell holds a quote or backslash, is the cell between quotes;
- UUIDs: one regular expression over the column (cells.all_uuids);
- codes, dates and numbers (a few distinct values each): the cell rules run once for
  each distinct value, and the column is mapped through the answers (dict lookups in C).

A column with a cell outside those forms (a number in a text column, a datetime, a
whitespace-only text...) is converted cell by cell by cells.column_converter, and its
JSON made by canonical.column_json: the rules themselves, unchanged. A cell that breaks
its column's rules raises CellProblem either way; the reader then reads the sheet cell
by cell to locate every problem.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from desktop_app.core.exchange.canonical import NULL, UNWRITABLE, column_json
from desktop_app.core.exchange.cells import (
    ColumnConverter,
    all_uuids,
    column_converter,
    converter,
)
from desktop_app.core.exchange.columns import SHEETS, Column, Kind, Sheet

# A column read: its values as the records hold them, and each value's canonical JSON;
# quoted: the JSON pieces are the texts themselves, to be put between quotes.
ReadColumn = tuple[list[Any], Sequence[str], bool]
ColumnReader = Callable[[list[Any]], ReadColumn]

_EMPTY = {"": None}
_SEP = "\x00"  # never in a clean text (UNWRITABLE), and never composes under NFC
_NFC = unicodedata.normalize
_TEXT_KINDS = frozenset({Kind.TEXT, Kind.LONG_TEXT})


def column_reader(sheet_key: str, column: Column) -> ColumnReader:
    """The reading of one column's cells (calamine's: text as str, "" when empty, dates
    as dates, numbers as floats), made once per sheet and column."""
    by_cell = column_converter(sheet_key, column)
    kind = column.kind

    def cell_by_cell(values: list[Any]) -> ReadColumn:
        out = by_cell(values)
        return out, column_json(kind, out), False

    required = column.required
    if kind in _TEXT_KINDS:
        return _text_reader(required, cell_by_cell)
    if kind is Kind.UUID:
        return _uuid_reader(required, cell_by_cell)
    if kind is Kind.INTEGER:
        return _integer_reader(by_cell)
    if kind in (Kind.DATE, Kind.NUMBER):
        return _keyed_reader(kind, by_cell)
    return _code_reader(converter(sheet_key, column), cell_by_cell)


def _text_reader(required: bool, cell_by_cell: ColumnReader) -> ColumnReader:
    def read(values: list[Any]) -> ReadColumn:
        try:
            whole = "".join(values)
        except TypeError:  # a cell that is not text
            return cell_by_cell(values)
        printable = whole.isprintable()
        if not printable and ("\r" in whole or UNWRITABLE.search(whole) is not None):
            return cell_by_cell(values)  # clean_text drops or changes more than the form
        empties = values.count("")
        if empties and required:
            return cell_by_cell(values)  # raises for the first empty cell
        if list(map(str.strip, values)).count("") != empties:
            return cell_by_cell(values)  # a cell of spaces alone
        if whole.isascii():
            out = values
        else:
            joined = _SEP.join(values)
            normal = _NFC("NFC", joined)  # the text itself when it is in NFC already
            out = values if normal is joined else normal.split(_SEP)
        kept = list(map(_EMPTY.get, out, out)) if empties else out
        if '"' in whole or "\\" in whole:
            return kept, column_json(Kind.TEXT, kept), False
        if not printable:  # line feeds and tabs (the only characters below space left)
            escaped = _SEP.join(out).replace("\n", "\\n")
            if "\t" in whole:
                escaped = escaped.replace("\t", "\\t")
            out = escaped.split(_SEP)  # each text as JSON escapes it, but its quotes
        if not empties:
            return kept, out, True  # each text between quotes
        return kept, _quoted(out), False

    return read


def _quoted(texts: list[str]) -> list[str]:
    """Each text's JSON when no text holds a character JSON escapes: the text between
    quotes, an empty text null."""
    return [f'"{text}"' if text else NULL for text in texts]


def _uuid_reader(required: bool, cell_by_cell: ColumnReader) -> ColumnReader:
    def read(values: list[Any]) -> ReadColumn:
        if set(map(type, values)) - {str}:
            return cell_by_cell(values)
        present = list(filter(None, values))
        empties = len(values) - len(present)
        if (empties and required) or (present and not all_uuids(present)):
            return cell_by_cell(values)
        if not empties:
            return values, values, True
        return list(map(_EMPTY.get, values, values)), _quoted(values), False

    return read


def _code_reader(cell: Callable[[Any], Any], cell_by_cell: ColumnReader) -> ColumnReader:
    """Codes (a few distinct values a column): the cell rules once for each distinct
    text, the column mapped through the answers."""

    def read(values: list[Any]) -> ReadColumn:
        if set(map(type, values)) - {str}:
            return cell_by_cell(values)
        distinct = list(set(values))
        converted = [cell(value) for value in distinct]  # CellProblem for a bad cell
        encoded = dict(zip(distinct, column_json(Kind.CODE, converted), strict=True))
        codes = dict(zip(distinct, converted, strict=True))
        return list(map(codes.__getitem__, values)), list(map(encoded.__getitem__, values)), \
            False

    return read


def _integer_reader(cell_by_cell: ColumnConverter) -> ColumnReader:
    """Whole numbers: the cell rules' ints (or None) written as their digits."""

    def read(values: list[Any]) -> ReadColumn:
        out = cell_by_cell(values)
        return out, [NULL if value is None else repr(value) for value in out], False

    return read


def _keyed_reader(kind: Kind, cell_by_cell: ColumnConverter) -> ColumnReader:
    """Dates and numbers (a few hundred distinct values in a thousand cells): the cell
    rules' values, each distinct one encoded once. Equal values have the same canonical
    JSON (-0.0 and 0.0 both "0"), so either may stand for the other."""

    def read(values: list[Any]) -> ReadColumn:
        out = cell_by_cell(values)
        distinct = list(set(out))
        encoded = dict(zip(distinct, column_json(kind, distinct), strict=True))
        return out, list(map(encoded.__getitem__, out)), False

    return read


# --- a sheet's canonical rows ---------------------------------------------------------


def sheet_json(sheet: Sheet, read: Sequence[ReadColumn]) -> str:
    """The sheet's rows in canonical JSON, joined by commas, as canonical.columns_json
    writes them: each row's keys in sorted order, the rows sorted as canonical._rows
    sorts them (by UUID; links by activity UUID, then recommendation code)."""
    values = [column[0] for column in read]
    count = len(values[0]) if values else 0
    if not count:
        return ""
    keys = {c.key: index for index, c in enumerate(sheet.columns)}
    if sheet.key == "links":
        first, second = values[keys["activity_uuid"]], values[keys["recommendation_code"]]
        if None in first or None in second:
            first, second = [a or "" for a in first], [b or "" for b in second]
        sort_keys: list[Any] = list(zip(first, second, strict=True))
    else:
        sort_keys = values[keys["uuid"]]
        if None in sort_keys:
            sort_keys = [u or "" for u in sort_keys]
    ranked = sorted(range(count), key=sort_keys.__getitem__)
    order = sorted(range(len(sheet.columns)), key=lambda i: sheet.columns[i].key)
    template, after = "{", ""
    for place, index in enumerate(order):
        quote = '"' if read[index][2] else ""
        template += after + ("," if place else "") + f'"{sheet.columns[index].key}":' + quote
        template += "%s"
        after = quote
    template += after + "}"  # (no key holds a "%")
    if count == 1:
        return template % tuple(read[index][1][0] for index in order)
    take = itemgetter(*ranked)
    return ",".join(map(template.__mod__, zip(*[take(read[index][1]) for index in order],
                                              strict=True)))


def sheets_json(parts: Sequence[str]) -> str:
    """The data's canonical JSON from each sheet's rows (sheet_json), in SHEETS' order:
    canonical.columns_json's text exactly."""
    return "[" + ",".join(f'["{sheet.key}",[{rows}]]'
                          for sheet, rows in zip(SHEETS, parts, strict=True)) + "]"
