"""Reading a submission workbook back: format, metadata, rows and the content hash.

The file is checked as a zip before any spreadsheet library sees it: an .xls,
an encrypted workbook, an .ods, a damaged or truncated file and a zip bomb are
refused by code. Cells are read with python-calamine (openpyxl's read-only mode
only when calamine cannot read the file) and converted back to the records by
the rules of cells.py, whatever form a re-save gave them. Conversion problems
are reported per cell, and rows with a problem are left out of the data.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop_app.core.exchange.bounds import (
    SUBMISSION,
    Checked,
    Limits,
    check_parts,
    identity,
    is_known_sound,
    known_sound,
    open_regular,
    open_sound,
    regular_file,
    sheet_parts,
    sheet_titles,
)
from desktop_app.core.exchange.canonical import HashedData, canonical_json
from desktop_app.core.exchange.cells import (
    CellProblem,
    calamine_sheets,
    column_letter,
    converter,
    is_empty,
    library_call,
    refusal,
    to_int,
    to_text,
)
from desktop_app.core.exchange.column_reading import (
    ColumnReader,
    ReadColumn,
    column_reader,
    sheet_json,
    sheets_json,
)
from desktop_app.core.exchange.columns import HEADER_ROWS, META_SHEET, SHEETS, Sheet
from desktop_app.core.exchange.submission import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ActivityRecord,
    ColumnData,
    IndicatorRecord,
    LinkRecord,
    SubmissionData,
    SubmissionMeta,
    records_of,
)
from desktop_app.core.exchange.template import GENERAL_SHEET, MARKER_SHEET, TEMPLATE_SHEETS
from desktop_app.core.problems import Location, Problem, RefusedError, os_detail

MAX_FILE = 100 * 2**20  # bytes on disk
MAX_META = 2**31 - 1  # a version, a period, a count: stored as SQLite integers
# A template's sheets are its own layout: no wider than its widest sheet, and a margin.
TEMPLATE = Limits(columns=max(len(columns) for _, columns in TEMPLATE_SHEETS) + 8)

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, or an encrypted .xlsx
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_RECORDS: dict[str, type] = {
    "activities": ActivityRecord, "indicators": IndicatorRecord, "links": LinkRecord,
}


@dataclass(frozen=True)
class ReadSubmission:
    meta: SubmissionMeta
    data: SubmissionData
    hash_ok: bool  # False: the values were changed after the program wrote the file
    problems: list[Problem]
    # sheet key -> the worksheet row number of each record in data (for locating problems)
    rows: dict[str, list[int]] = field(default_factory=dict)
    # canonical_json(data), when it was made as text for the hash ("": made as bytes)
    data_json: str = ""
    data_sha256: str = ""  # the data's hash (canonical.data_hash), always made


# --- the container -------------------------------------------------------------------


def check_container(path: Path) -> Checked:
    """Refuse what is not a sound xlsx zip within bounds (bounds.py), streamed, never whole.

    Nothing here blocks: a FIFO, a device or a folder is refused from its status first.
    A file found sound is not scanned again while it stays the same (a batch checks each
    file twice: for its heading, then whole, maybe in two processes: ``known_sound``).
    The answer names the file as found sound; the libraries open it with
    ``bounds.open_sound``, which refuses another file found in its place.
    """
    status = regular_file(path)
    found = identity(path, status)
    if not is_known_sound(found):
        found = _check_whole(path, status.st_size)
        known_sound(found)
    return found


def _check_whole(path: Path, size: int) -> Checked:
    """Scan the file at path; the answer names the very file scanned (its own status)."""
    try:
        with open_regular(path) as handle:
            head = handle.read(8)
            if head == _CFB:
                body = handle.read(MAX_FILE)
    except OSError as error:
        raise refusal("file.unreadable", path, detail=os_detail(error)) from None
    if head == _CFB:
        raise refusal("xlsx.encrypted" if _ENCRYPTION_INFO in body else "xlsx.legacy", path)
    if size > MAX_FILE:
        raise refusal("xlsx.too_large", path)
    if not head.startswith(b"PK"):
        raise refusal("xlsx.not_xlsx", path)
    try:
        with open_regular(path) as handle, zipfile.ZipFile(handle) as archive:
            scanned = identity(path, os.fstat(handle.fileno()))
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if "mimetype" in names and b"opendocument" in _head(archive, "mimetype"):
                raise refusal("xlsx.ods", path)
            if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
                raise refusal("xlsx.not_xlsx", path)
            if any(info.flag_bits & 0x1 for info in infos):
                raise refusal("xlsx.encrypted", path)
            template = MARKER_SHEET in sheet_titles(archive)
            errors = check_parts(path, archive, TEMPLATE if template else SUBMISSION)
            if errors:
                _refuse_error_cells(path, archive, errors)
        return scanned
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError,
            NotImplementedError, KeyError) as error:
        raise refusal("xlsx.damaged", path, detail=str(error)) from None
    except OSError as error:
        raise refusal("file.unreadable", path, detail=os_detail(error)) from None


# The sheets a submission or a filled template is read from: a cell of the error type
# there (#DIV/0!, #N/A... a formula that failed) is read by the libraries as an empty
# cell, and its value would be lost without a word. Other sheets are never read.
_READ_SHEETS = frozenset({META_SHEET, MARKER_SHEET, GENERAL_SHEET, *(s.title for s in SHEETS),
                          *(sheet.title for sheet, _ in TEMPLATE_SHEETS)})
_A1_PARTS = re.compile(r"([A-Za-z]{1,3})([0-9]{1,7})")


def _refuse_error_cells(path: Path, archive: zipfile.ZipFile, errors: dict[str, str]) -> None:
    """Refuse the first error cell in a sheet that is read, naming its sheet and cell."""
    for title, part in sheet_parts(archive).items():
        if part in errors and title in _READ_SHEETS:
            ref = errors[part]
            found = _A1_PARTS.fullmatch(ref)
            where = Location(path.name, title, int(found.group(2)) if found else None,
                             found.group(1).upper() if found else None)
            raise RefusedError(Problem("xlsx.error_cell", {"file": path.name, "cell": ref},
                                       where=where))


def _head(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as part:
        return part.read(200)


# --- the sheets ----------------------------------------------------------------------


def _calamine_sheets(path: Path) -> dict[str, list[list[Any]]]:
    return calamine_sheets(path, {META_SHEET, *(s.title for s in SHEETS)})


def _openpyxl_sheets(path: Path) -> dict[str, list[list[Any]]]:
    from openpyxl import load_workbook

    def load() -> dict[str, list[list[Any]]]:
        with open_sound(path) as handle:
            book = load_workbook(handle, read_only=True, data_only=True)
            try:
                wanted = {META_SHEET, *(s.title for s in SHEETS)}
                return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)]
                        for ws in book.worksheets if ws.title in wanted}
            finally:
                book.close()

    return library_call(path, load)


ENGINES: dict[str, Callable[[Path], dict[str, list[list[Any]]]]] = {
    "calamine": _calamine_sheets, "openpyxl": _openpyxl_sheets,
}


def _load(path: Path, engine: str) -> dict[str, list[list[Any]]]:
    order = [engine] + [name for name in ENGINES if name != engine]
    for name in order:
        try:
            return ENGINES[name](path)
        except RefusedError as error:  # the library's own failure on a bad file: try the
            if error.problems and error.problems[0].code == "file.changed_while_read":
                raise  # other; not another file found in its place
            continue
    raise refusal("xlsx.damaged", path, detail="unreadable workbook")


def _check_headers(path: Path, sheet: Sheet, rows: list[list[Any]]) -> None:
    headers = rows[HEADER_ROWS - 1] if len(rows) >= HEADER_ROWS else []
    found = [to_text(h).strip() if not is_empty(h) else "" for h in headers]
    expected = [c.header_en for c in sheet.columns]
    if found[:len(expected)] != expected:
        raise refusal("submission.bad_headers", path, sheet=sheet.title)


def _blank_row(cells: list[Any]) -> bool:
    first = cells[0]
    return (first is None or (isinstance(first, str) and not first.strip())) and all(
        is_empty(v) for v in cells)


def _sound_columns(sheet: Sheet, rows: list[list[Any]], numbers: list[int]
                   ) -> list[ReadColumn] | None:
    """The data rows read column by column (column_reading: each column's values and
    their canonical JSON), the worksheet row of each kept row appended to numbers; None
    when a cell has a problem (the rows are then read one by one, to locate every
    problem). Blank rows are left out, as _read_rows leaves them."""
    width = len(sheet.columns)
    body = rows[HEADER_ROWS:]
    if body and set(map(len, body)) != {width}:
        body = [(list(row) + [None] * width)[:width] for row in body]
    kept: Sequence[int] = range(HEADER_ROWS + 1, HEADER_ROWS + 1 + len(body))
    columns = [list(values) for values in zip(*body, strict=True)] if body else [
        [] for _ in sheet.columns]
    first = columns[0]
    if first and (set(map(type, first)) != {str} or "" in map(str.strip, first)):
        blank = [_blank_row(row) for row in body]
        if any(blank):
            kept = [number for number, skip in zip(kept, blank, strict=True) if not skip]
            body = [row for row, skip in zip(body, blank, strict=True) if not skip]
            columns = [list(values) for values in zip(*body, strict=True)] if body else [
                [] for _ in sheet.columns]
    try:
        read = [read_column(values) for read_column, values in zip(
            _column_readers(sheet), columns, strict=True)]
    except CellProblem:
        return None
    numbers.extend(kept)
    return read


_READERS: dict[str, list[ColumnReader]] = {}


def _column_readers(sheet: Sheet) -> list[ColumnReader]:
    if sheet.key not in _READERS:
        _READERS[sheet.key] = [column_reader(sheet.key, c) for c in sheet.columns]
    return _READERS[sheet.key]


def _read_rows(path: Path, sheet: Sheet, rows: list[list[Any]],
               problems: list[Problem], numbers: list[int] | None = None) -> list[Any]:
    """The sheet's records, cell by cell: every problem located, its row left out."""
    _check_headers(path, sheet, rows)
    record_type = _RECORDS[sheet.key]
    width = len(sheet.columns)
    converters = [converter(sheet.key, column) for column in sheet.columns]
    records = []
    for number, row in enumerate(rows[HEADER_ROWS:], start=HEADER_ROWS + 1):
        cells = (list(row) + [None] * width)[:width]
        first = cells[0]
        if (first is None or (isinstance(first, str) and not first.strip())) and all(
                is_empty(v) for v in cells):
            continue
        try:  # a sound row, the common case: converted in one go
            records.append(record_type(*[convert_cell(value) for convert_cell, value
                                         in zip(converters, cells, strict=True)]))
            if numbers is not None:
                numbers.append(number)
            continue
        except CellProblem:
            pass  # again cell by cell, to locate every problem of the row
        values, bad = [], False
        for index, (column, convert_cell, value) in enumerate(
                zip(sheet.columns, converters, cells, strict=True)):
            try:
                values.append(convert_cell(value))
            except CellProblem as problem:
                bad = True
                problems.append(Problem(problem.code, problem.params, column.key,
                                        Location(path.name, sheet.title, number,
                                                 column_letter(index))))
        if not bad:
            records.append(record_type(*values))
            if numbers is not None:
                numbers.append(number)
    return records


# --- the metadata --------------------------------------------------------------------


def _read_meta(path: Path, rows: list[list[Any]]) -> SubmissionMeta:
    pairs: dict[str, Any] = {}
    for row in rows:
        if len(row) >= 2 and isinstance(row[0], str) and row[0].strip():
            pairs[row[0].strip()] = row[1]
    if to_text(pairs.get("format", "")).strip() != FORMAT_NAME:
        raise refusal("submission.foreign_format", path)
    values: dict[str, Any] = {}
    for f in fields(SubmissionMeta):
        raw = pairs.get(f.name)
        try:
            if is_empty(raw) and f.name in _META_OPTIONAL:
                values[f.name] = _META_OPTIONAL[f.name]
                continue
            if is_empty(raw):
                raise ValueError("missing")
            values[f.name] = _meta_value(f.name, raw)
        except (ValueError, TypeError, CellProblem):
            raise refusal("submission.bad_metadata", path, field=f.name) from None
        if f.name == "format_version" and values[f.name] > FORMAT_VERSION:
            raise refusal("submission.format_too_new", path, found=values[f.name],
                          known=FORMAT_VERSION)
    return SubmissionMeta(**values)


# Fields a file may lack: files made before signatures have no public_key/signature.
_META_OPTIONAL: dict[str, Any] = {"contact_person": "", "from_template": False,
                                  "public_key": "", "signature": ""}
_META_INTS = frozenset({"format_version", "period", "version", "activities", "indicators",
                        "links"})


def _meta_value(name: str, raw: Any) -> Any:
    if name in _META_INTS:
        number = to_int(raw)
        if number > MAX_META or (number < 1 and name in ("format_version", "version",
                                                          "period")):
            raise ValueError(name)
        return number
    if name == "created_at":
        text = to_text(raw).strip()
        moment = datetime.fromisoformat(text[:-1] if text.endswith("Z") else text)
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    if name == "from_template":
        text = to_text(raw).strip().lower()
        if text not in ("true", "false"):
            raise ValueError(name)
        return text == "true"
    text = to_text(raw)
    if name == "content_hash" and not re.fullmatch(r"[0-9a-f]{64}", text):
        raise ValueError(name)
    return text


# --- the whole file ------------------------------------------------------------------


def read_meta(path: Path) -> SubmissionMeta:
    """The metadata sheet alone (the container must have been checked): a batch's order."""
    sheets = calamine_sheets(path, {META_SHEET})
    if META_SHEET not in sheets:
        raise refusal("submission.no_metadata", path)
    return _read_meta(path, sheets[META_SHEET])


def read_submission(path: Path, *, engine: str = "calamine",
                    checked: bool = False) -> ReadSubmission:
    """Open a submission, check its format and content hash, and return its data.

    checked: check_container(path) has been called already.
    """
    path = Path(path)
    if not checked:
        check_container(path)
    sheets = _load(path, engine)
    if META_SHEET not in sheets:
        raise refusal("submission.no_metadata", path)
    meta = _read_meta(path, sheets[META_SHEET])
    problems: list[Problem] = []
    parts: dict[str, list[Any]] = {}  # a sheet read row by row: its records
    columns: dict[str, list[list[Any]]] = {}  # a sound sheet: its fields' columns
    numbers: dict[str, list[int]] = {}
    sheet_rows: list[list[bytes]] | None = []  # each sheet's canonical rows, while all are sound
    for sheet in SHEETS:
        if sheet.title not in sheets:
            raise refusal("submission.missing_sheet", path, sheet=sheet.title)
        numbers[sheet.key] = []
        rows = sheets[sheet.title]
        _check_headers(path, sheet, rows)
        read = _sound_columns(sheet, rows, numbers[sheet.key])
        if read is not None:  # the common case: every cell sound
            columns[sheet.key] = [column[0] for column in read]
            if sheet_rows is not None:
                rows_json = sheet_json(sheet, read)
                if rows_json is None:
                    sheet_rows = None
                else:
                    sheet_rows.append(rows_json)
            continue
        sheet_rows = None
        parts[sheet.key] = _read_rows(path, sheet, rows, problems, numbers[sheet.key])
    # every sheet sound: the records made when first asked for, the columns kept for a
    # writer (ColumnData); else each sound sheet's records made from its columns now
    if not parts:
        data: SubmissionData = ColumnData(columns=(
            columns["activities"], columns["indicators"], columns["links"]))
    else:
        for key, kind_columns in columns.items():
            parts[key] = records_of(_RECORDS[key], kind_columns)
        data = SubmissionData(parts["activities"], parts["indicators"], parts["links"])
    # every text cell went through to_text (clean_text) already
    if sheet_rows is not None:  # the JSON made as UTF-8 already
        data_json, encoded = "", sheets_json(sheet_rows)
    else:
        data_json = canonical_json(data, clean=False)
        encoded = data_json.encode("utf-8")
    hashed = HashedData.of_bytes(encoded)
    hash_ok = not problems and hashed.content_hash(meta) == meta.content_hash
    return ReadSubmission(meta, data, hash_ok, problems, numbers, data_json,
                          hashlib.sha256(encoded).hexdigest())
