"""A submission sheet's cells read a column at a time: checked, converted and encoded as
their canonical JSON in one pass, and the sheet's canonical rows put together from them.

Exactly what the cell-by-cell rules give (cells.converter for the values, canonical's
encoding for the JSON), byte for byte, so that content hashes and signatures are what
they were (tests/core/test_column_reading.py holds them equal on generated cells). A
submission holds tens of thousands of cells, nearly all of a few common forms, so the
common columns are looked at whole, in C, instead of one Python step a cell:

- text: the cells joined with NUL (a character that never composes, so that one NFC of
  the joined column is each cell's NFC), encoded to UTF-8 once, and looked at as bytes:
  one bytes.translate tells that no cell holds a control character clean_text drops or
  changes (the line feed and the tab stay), two substring tests the noncharacters it
  drops; JSON's escapes of what is left (backslash, quote, line feed, tab) are made with
  bytes.replace where present, and each cell's JSON is its UTF-8 between quotes;
- UUIDs: one regular expression over the column (cells.all_uuids);
- codes (a few distinct values each): the cell rules run once for each distinct value,
  and the column mapped through the answers (dict lookups in C);
- dates and numbers: the cell rules' own column conversion, each distinct value's JSON
  made once.

The JSON is made as UTF-8 bytes, the data's whole in one join of pieces (bytes are copied
as they are, where text mixing ASCII and Vietnamese is widened character by character),
and hashed as it is: it is never a str.

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

from desktop_app.core.exchange.canonical import NULL, column_json
from desktop_app.core.exchange.cells import (
    ColumnConverter,
    all_uuids,
    column_converter,
    converter,
)
from desktop_app.core.exchange.columns import SHEETS, Column, Kind, Sheet

# A column read: its values as the records hold them, and each value's canonical JSON in
# UTF-8 (None: some value is no UTF-8, a lone surrogate, which only the slow way, failing
# where it always did, may meet); quoted: the JSON pieces are the texts' UTF-8 alone, to
# be put between quotes.
ReadColumn = tuple[list[Any], list[bytes] | None, bool]
ColumnReader = Callable[[list[Any]], ReadColumn]

_EMPTY = {"": None}
_SEP = "\x00"  # never in a clean text, and never composes under NFC
_NFC = unicodedata.normalize
_NULL = b"null"
_TEXT_KINDS = frozenset({Kind.TEXT, Kind.LONG_TEXT})
# Every byte but those of the control characters clean_text drops or changes (\r), which
# in UTF-8 are bytes of their own, and but 0xEF, the first byte of the two other
# characters it drops, U+FFFE and U+FFFF: deleting these leaves nothing when there is
# none of them, and only where an 0xEF is left are the two looked for (two searches cost
# 0.6 ms over a file's descriptions, mostly Vietnamese, where 0xEF is rare).
_KEPT_BYTES = bytes(b for b in range(256) if (b >= 0x20 and b != 0xEF) or b in (0, 9, 10))
_NONCHARACTERS = ("\ufffe".encode(), "\uffff".encode())
_LEAD = b"\xef"
# JSON's escapes (json.encoder.encode_basestring) of the characters left in a clean text
_ESCAPES = ((b"\\", b"\\\\"), (b'"', b'\\"'), (b"\n", b"\\n"), (b"\t", b"\\t"))


def _utf8(pieces: list[str]) -> list[bytes] | None:
    """Each piece (none holding a NUL) in UTF-8, in one encoding; None for a piece that is
    no UTF-8 (a lone surrogate)."""
    if not pieces:
        return []
    try:
        return _SEP.join(pieces).encode("utf-8").split(b"\x00")
    except UnicodeEncodeError:
        return None


def column_reader(sheet_key: str, column: Column) -> ColumnReader:
    """The reading of one column's cells (calamine's: text as str, "" when empty, dates
    as dates, numbers as floats), made once per sheet and column."""
    by_cell = column_converter(sheet_key, column)
    kind = column.kind

    def cell_by_cell(values: list[Any]) -> ReadColumn:
        out = by_cell(values)
        return out, _utf8(column_json(kind, out)), False

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
        if not values:
            return cell_by_cell(values)
        try:
            joined = _SEP.join(values)
        except TypeError:  # a cell that is not text
            return cell_by_cell(values)
        empties = values.count("")
        if empties and required:
            return cell_by_cell(values)  # raises for the first empty cell
        if list(map(str.strip, values)).count("") != empties:
            return cell_by_cell(values)  # a cell of whitespace alone
        out = values
        if not joined.isascii():
            normal = _NFC("NFC", joined)  # the text itself when it is in NFC already
            if normal is not joined:
                out, joined = normal.split(_SEP), normal
        try:
            raw = joined.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate
            return cell_by_cell(values)
        if _dropped(raw):
            return cell_by_cell(values)  # a character clean_text drops, or a \r
        # what JSON escapes of the rest: backslashes first, quotes, line feeds and tabs
        for character, escaped in _ESCAPES:
            if character in raw:
                raw = raw.replace(character, escaped)
        pieces = raw.split(b"\x00")
        if len(pieces) != len(values):
            return cell_by_cell(values)  # a NUL within a cell
        if not empties:
            return out, pieces, True  # each text between quotes
        return list(map(_EMPTY.get, out, out)), _quoted(pieces), False

    return read


def _dropped(raw: bytes) -> bool:
    """Whether the UTF-8 holds a character clean_text drops or changes."""
    left = raw.translate(None, _KEPT_BYTES)
    if not left:
        return False
    return left.strip(_LEAD) != b"" or _NONCHARACTERS[0] in raw or _NONCHARACTERS[1] in raw


def _quoted(texts: list[bytes]) -> list[bytes]:
    """Each text's JSON from the text as JSON escapes it: between quotes, an empty text
    null."""
    return [b'"%s"' % text if text else _NULL for text in texts]


def _uuid_reader(required: bool, cell_by_cell: ColumnReader) -> ColumnReader:
    def read(values: list[Any]) -> ReadColumn:
        if set(map(type, values)) - {str}:
            return cell_by_cell(values)
        present = list(filter(None, values))
        empties = len(values) - len(present)
        if (empties and required) or (present and not all_uuids(present)):
            return cell_by_cell(values)
        if not empties:
            return values, _SEP.join(values).encode("ascii").split(b"\x00") if values else [
                ], True
        return list(map(_EMPTY.get, values, values)), _quoted(
            _SEP.join(values).encode("ascii").split(b"\x00")), False

    return read


def _code_reader(cell: Callable[[Any], Any], cell_by_cell: ColumnReader) -> ColumnReader:
    """Codes (a few distinct values a column): the cell rules once for each distinct
    text, the column mapped through the answers."""

    def read(values: list[Any]) -> ReadColumn:
        if set(map(type, values)) - {str}:
            return cell_by_cell(values)
        distinct = list(set(values))
        converted = [cell(value) for value in distinct]  # CellProblem for a bad cell
        codes = dict(zip(distinct, converted, strict=True))
        encoded = _utf8(column_json(Kind.CODE, converted))
        if encoded is None:
            return list(map(codes.__getitem__, values)), None, False
        pieces = dict(zip(distinct, encoded, strict=True))
        return list(map(codes.__getitem__, values)), list(map(pieces.__getitem__, values)), \
            False

    return read


def _integer_reader(cell_by_cell: ColumnConverter) -> ColumnReader:
    """Whole numbers: the cell rules' ints (or None) written as their digits."""

    def read(values: list[Any]) -> ReadColumn:
        out = cell_by_cell(values)
        return out, _utf8([NULL if value is None else repr(value) for value in out]), False

    return read


def _keyed_reader(kind: Kind, cell_by_cell: ColumnConverter) -> ColumnReader:
    """Dates and numbers (a few hundred distinct values in a thousand cells): the cell
    rules' values, each distinct one encoded once. Equal values have the same canonical
    JSON (-0.0 and 0.0 both "0"), so either may stand for the other."""

    def read(values: list[Any]) -> ReadColumn:
        out = cell_by_cell(values)
        distinct = list(set(out))
        encoded = dict(zip(distinct, _utf8(column_json(kind, distinct)) or [], strict=True))
        return out, list(map(encoded.__getitem__, out)), False

    return read


# --- a sheet's canonical rows ---------------------------------------------------------


def sheet_json(sheet: Sheet, read: Sequence[ReadColumn]) -> list[bytes] | None:
    """The sheet's rows in canonical JSON (UTF-8), in pieces that join to them (joined by
    commas), as canonical.columns_json writes them: each row's keys in sorted order, the
    rows sorted as canonical._rows sorts them (by UUID; links by activity UUID, then
    recommendation code). None when a column has no JSON (ReadColumn)."""
    encoded = [column[1] for column in read if column[1] is not None]
    if len(encoded) != len(read):
        return None
    values = [column[0] for column in read]
    count = len(values[0]) if values else 0
    if not count:
        return []
    keys = {c.key: index for index, c in enumerate(sheet.columns)}
    if sheet.key == "links":  # by activity, then code: two stable sorts, the later first
        first, second = values[keys["activity_uuid"]], values[keys["recommendation_code"]]
        ranked = sorted(range(count), key=_or_empty(second).__getitem__)
        ranked.sort(key=_or_empty(first).__getitem__)
    else:
        ranked = sorted(range(count), key=_or_empty(values[keys["uuid"]]).__getitem__)
    take = itemgetter(*ranked) if count > 1 else lambda pieces: (pieces[0],)
    order = sorted(range(len(sheet.columns)), key=lambda i: sheet.columns[i].key)
    # row after row: a key's constant text (its quote when the value is quoted), the value
    step = 2 * len(order) + 1
    parts: list[bytes] = [b""] * (count * step)
    after = b""
    for place, index in enumerate(order):
        quote = b'"' if read[index][2] else b""
        key = (after + (b"," if place else b"{") + b'"' + sheet.columns[index].key.encode()
               + b'":' + quote)
        parts[2 * place::step] = [key] * count
        parts[2 * place + 1::step] = take(encoded[index])
        after = quote
    parts[step - 1::step] = [after + b"},"] * count
    parts[-1] = after + b"}"
    return parts


def _or_empty(values: list[Any]) -> list[Any]:
    """The values as canonical._rows sorts on them: None as ""."""
    return [value or "" for value in values] if None in values else values


def sheets_json(parts: Sequence[list[bytes]]) -> bytes:
    """The data's canonical JSON (UTF-8) from each sheet's rows (sheet_json), in SHEETS'
    order: canonical.columns_json's text exactly, encoded, in one join."""
    pieces: list[bytes] = []
    for place, (sheet, rows) in enumerate(zip(SHEETS, parts, strict=True)):
        pieces.append((b"," if place else b"[") + b'["' + sheet.key.encode() + b'",[')
        pieces += rows
        pieces.append(b"]]")
    pieces.append(b"]" if SHEETS else b"[]")
    return b"".join(pieces)
