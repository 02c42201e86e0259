"""The canonical form of a submission and its content hash (DESIGN.md, "Content hash").

The hash is taken over values, never over a file's bytes, so that a workbook
re-saved by Excel or LibreOffice (shared strings instead of inline ones, dates
as serial numbers, 15000000 written as 15000000.0) still hashes the same:

- sheets in the fixed order of columns.SHEETS, each a [key, rows] pair;
- rows sorted by UUID (links by activity UUID, then recommendation code);
- text in NFC with line ends as "\\n" and the control characters a workbook
  cannot hold removed; empty text and empty cells null;
- dates as ISO 8601 dates;
- numbers: an integral value (int or float) as its integer digits, any other
  as the shortest repr of the float rounded to 9 decimals;
- the metadata: every SubmissionMeta field but content_hash, created_at as
  ISO 8601 UTC to the second with "Z"; never the signature (it is made over
  the hash), and the public key only when there is one, so that a file written
  before signatures existed hashes exactly as it did.

JSON with sorted keys, no spaces, ensure_ascii=False, UTF-8, SHA-256.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from datetime import UTC, date, datetime
from json.encoder import encode_basestring as encode_text  # ensure_ascii=False's
from operator import attrgetter
from typing import Any

from desktop_app.core.exchange.columns import SHEETS, Column, Kind, Sheet
from desktop_app.core.exchange.submission import SubmissionData, SubmissionMeta

# What an xlsx cell cannot hold (XML 1.0 forbids them); tab and line feed stay.
UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

Canonical = Any  # JSON-ready: dict, list, str, int, float, None


def clean_text(value: str) -> str:
    """Text as a workbook can carry it: NFC, "\\n" line ends, no forbidden controls."""
    if value.isprintable():  # no control character at all (the common case): NFC only
        return unicodedata.normalize("NFC", value)
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if UNWRITABLE.search(value):
        value = UNWRITABLE.sub("", value)
    return unicodedata.normalize("NFC", value)


def canonical_text(value: object) -> str | None:
    if value is None:
        return None
    text = clean_text(value if isinstance(value, str) else str(value))
    return text or None


def canonical_number(value: object) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    number = float(value)  # type: ignore[arg-type]
    if not math.isfinite(number):
        raise ValueError(f"not a finite number: {value!r}")
    if number.is_integer():
        return int(number)
    rounded = round(number, 9)
    return int(rounded) if rounded.is_integer() else rounded


def canonical_date(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    raise ValueError(f"not a date: {value!r}")


_CONVERT = {Kind.DATE: canonical_date, Kind.INTEGER: canonical_number,
            Kind.NUMBER: canonical_number}


def _rows(sheet: Sheet, records: list[Any], clean: bool = True) -> list[dict[str, Canonical]]:
    # each row's keys in sorted order already, so the JSON needs no sorting of its own
    columns = sorted(sheet.columns, key=lambda c: c.key)
    keys = [c.key for c in columns]
    getter = attrgetter(*keys)
    if clean:
        converters = [_CONVERT.get(c.kind, canonical_text) for c in columns]
        rows = [
            dict(zip(keys, [None if v is None else f(v)
                            for f, v in zip(converters, getter(record), strict=True)],
                     strict=True))
            for record in records
        ]
    else:
        rows = [dict(zip(keys, values, strict=True))
                for values in _clean_values(columns, records, getter)]
    if sheet.key == "links":
        rows.sort(key=lambda r: (r["activity_uuid"] or "", r["recommendation_code"] or ""))
    else:
        rows.sort(key=lambda r: r["uuid"] or "")
    return rows


def _clean_values(columns: Sequence[Column], records: list[Any], getter: attrgetter[Any]
                  ) -> list[list[Canonical]]:
    """The records' values (getter: the columns' values in that order) in canonical form
    when their text is clean already (as the reader makes it): only dates, numbers and
    empty text need a change."""
    converted = [(index, _CONVERT[c.kind]) for index, c in enumerate(columns)
                 if c.kind in _CONVERT]
    out = []
    for record in records:
        values = list(getter(record))
        for index, convert in converted:
            value = values[index]
            if value is not None and type(value) is not int:
                values[index] = convert(value)
        if "" in values:
            values = [None if v == "" else v for v in values]
        out.append(values)
    return out


def canonical_data(data: SubmissionData, *, clean: bool = True) -> list[list[Canonical]]:
    """The data in canonical form: [[sheet key, rows], ...] in the order of SHEETS.

    clean=False: the data's text is clean already (clean_text: the reader's cells are),
    so it is not cleaned again (a submission has a million text cells)."""
    return [[sheet.key, _rows(sheet, getattr(data, sheet.key), clean)] for sheet in SHEETS]


def iso_utc(moment: datetime) -> str:
    """created_at as it is hashed and written: "2026-03-01T08:15:00Z"."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None, microsecond=0).isoformat() + "Z"


_UNHASHED = frozenset({"content_hash", "signature"})


def canonical_meta(meta: SubmissionMeta) -> dict[str, Canonical]:
    out: dict[str, Canonical] = {}
    for f in fields(meta):
        if f.name in _UNHASHED or (f.name == "public_key" and not meta.public_key):
            continue
        value = getattr(meta, f.name)
        if isinstance(value, datetime):
            out[f.name] = iso_utc(value)
        elif isinstance(value, str):
            out[f.name] = unicodedata.normalize("NFC", value)
        else:
            out[f.name] = value
    return out


def signed_meta(meta: SubmissionMeta) -> dict[str, Canonical]:
    """What a submission's signature covers: every metadata field in canonical form,
    the content hash (and so the data) among them, with the public key and the signature
    fields that signing.verify reads (the signature itself is left out of what is signed)."""
    out = canonical_meta(meta)
    out["content_hash"] = meta.content_hash
    out["public_key"] = meta.public_key
    out["signature"] = meta.signature
    return out


def _json(document: object) -> str:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def json_text(document: object) -> str:
    """The canonical JSON of any document: sorted keys, no spaces, no NaN, not ASCII-escaped."""
    return _json(document)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_json(data: SubmissionData, *, clean: bool = True) -> str:
    """The canonical data as the JSON text that is hashed (the costly part: reuse it).

    Exactly ``_json(canonical_data(data, clean=clean))``: the rows' keys are in sorted
    order already. clean=False: the data's text is clean already (see canonical_data).
    """
    return json.dumps(canonical_data(data, clean=clean), separators=(",", ":"),
                      ensure_ascii=False, allow_nan=False)


NULL = "null"


def column_json(kind: Kind, values: Sequence[Any]) -> list[str]:
    """Each value of a column (as the reader makes them) as the JSON text json.dumps gives
    its canonical form."""
    if kind is Kind.DATE:
        return [NULL if v is None else f'"{canonical_date(v)}"' for v in values]
    if kind in (Kind.INTEGER, Kind.NUMBER):
        return [NULL if v is None else repr(v if type(v) is int else canonical_number(v))
                for v in values]
    return [NULL if v is None or v == "" else encode_text(v) for v in values]


def columns_json(sheets: Sequence[Sequence[Sequence[Any]]]) -> str:
    """canonical_json(data, clean=False), exactly, from the data as the reader holds it
    before it makes records: for each sheet of SHEETS, its columns' values in the sheet's
    column order, the text clean already (clean_text), dates as dates, numbers as ints or
    floats. Each value is encoded once, column by column, and each row put together from
    its sheet's template, with no dictionaries (their keys cost the encoder as much as
    the values); the rows are sorted as _rows sorts them."""
    return "".join(columns_json_parts(sheets))


def columns_json_parts(sheets: Sequence[Sequence[Sequence[Any]]]) -> Iterator[str]:
    """columns_json in pieces, a sheet's rows at a time (HashedData.of_parts hashes them
    as they come: a large submission's JSON is tens of megabytes, and every whole copy
    of it counts in the peak memory)."""
    for place, (sheet, columns) in enumerate(zip(SHEETS, sheets, strict=True)):
        order = sorted(range(len(sheet.columns)), key=lambda i: sheet.columns[i].key)
        encoded = [column_json(sheet.columns[i].kind, columns[i]) for i in order]
        template = "{" + ",".join(f'"{sheet.columns[i].key}":%s' for i in order) + "}"
        rows = [template % row for row in zip(*encoded, strict=True)]
        del encoded
        keys = {c.key: index for index, c in enumerate(sheet.columns)}
        if sheet.key == "links":
            first, second = columns[keys["activity_uuid"]], columns[keys["recommendation_code"]]
            sort_keys: list[Any] = [(a or "", b or "") for a, b in zip(first, second,
                                                                        strict=True)]
        else:
            sort_keys = [u or "" for u in columns[keys["uuid"]]]
        ranked = sorted(range(len(rows)), key=sort_keys.__getitem__)
        yield ("," if place else "[") + f'["{sheet.key}",['
        yield ",".join([rows[i] for i in ranked])
        yield "]]"
        del rows, ranked
    yield "]" if SHEETS else "[]"


def data_hash(data: SubmissionData, *, data_json: str | None = None) -> str:
    """The hash of the data alone: tells whether the data changed since the last export."""
    return _sha256(data_json if data_json is not None else canonical_json(data))


class HashedData:
    """The canonical data hashed once, for the content hash of any metadata over it.

    The content hash is SHA-256 over '{"data":' + the data's JSON + ',"meta":' + the
    metadata's JSON + '}'; this holds the hash's state after the data, so each content
    hash (the export takes two: the data's own and the signed version's) costs only its
    metadata, not another encoding and pass over megabytes of JSON.
    """

    def __init__(self, data_json: str) -> None:
        self._state = hashlib.sha256(b'{"data":')
        self._state.update(data_json.encode("utf-8"))

    @classmethod
    def of_bytes(cls, data_json: bytes) -> HashedData:
        """The data's JSON already encoded as UTF-8 (for the data's own hash too)."""
        hashed = cls("")
        hashed._state.update(data_json)
        return hashed

    @classmethod
    def of_parts(cls, parts: Iterable[str]) -> HashedData:
        """The data's JSON given in pieces that join to it (columns_json_parts)."""
        hashed = cls("")
        for part in parts:
            hashed._state.update(part.encode("utf-8"))
        return hashed

    def content_hash(self, meta: SubmissionMeta) -> str:
        state = self._state.copy()
        # Exactly _json({"data": ..., "meta": ...}): sorted keys put "data" first.
        state.update((',"meta":' + _json(canonical_meta(meta)) + "}").encode("utf-8"))
        return state.hexdigest()


def content_hash(meta: SubmissionMeta, data: SubmissionData, *,
                 data_json: str | None = None, hashed: HashedData | None = None) -> str:
    """SHA-256 of the JSON {"data": canonical data, "meta": every field but the hash}.

    data_json: canonical_json(data) when the caller already has it; hashed: that JSON
    already hashed (HashedData), for more than one content hash over the same data.
    """
    if hashed is None:
        hashed = HashedData(data_json if data_json is not None else canonical_json(data))
    return hashed.content_hash(meta)
