"""Reading a submission workbook back: format, metadata, rows and the content hash.

The file is checked as a zip before any spreadsheet library sees it: an .xls,
an encrypted workbook, an .ods, a damaged or truncated file and a zip bomb are
refused by code. Cells are read with python-calamine (openpyxl's read-only mode
only when calamine cannot read the file) and converted back to the records,
whatever form a re-save gave them: dates as dates, datetimes or serial numbers,
numbers as floats, text as text (or as a number when someone typed one).
Conversion problems are reported per cell, and rows with a problem are left out
of the data.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop_app.core.domain.enums import ActivityStatus, ActivityType
from desktop_app.core.exchange.canonical import canonical_json, clean_text, content_hash
from desktop_app.core.exchange.columns import HEADER_ROWS, META_SHEET, SHEETS, Column, Kind, Sheet
from desktop_app.core.exchange.submission import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ActivityRecord,
    IndicatorRecord,
    LinkRecord,
    SubmissionData,
    SubmissionMeta,
)
from desktop_app.core.problems import Location, Problem, RefusedError, os_detail

MAX_FILE = 100 * 2**20  # bytes on disk
MAX_MEMBER = 400 * 2**20  # one part, unzipped
MAX_TOTAL = 600 * 2**20  # all parts, unzipped
MAX_RATIO = 200  # unzipped / zipped, for parts over RATIO_FLOOR
RATIO_FLOOR = 2**20
MAX_MEMBERS = 2000
CHUNK = 2**20

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, or an encrypted .xlsx
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_ENUMS: dict[tuple[str, str], frozenset[str]] = {
    ("activities", "type"): frozenset(t.value for t in ActivityType),
    ("activities", "status"): frozenset(s.value for s in ActivityStatus),
}
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
    data_json: str = ""  # canonical_json(data), already made for the hash: reuse it


def _refuse(code: str, path: Path, **params: Any) -> RefusedError:
    return RefusedError(Problem(code, {"file": path.name or str(path), **params}))


# --- the container -------------------------------------------------------------------


def check_container(path: Path) -> None:
    """Refuse what is not a sound, reasonably sized xlsx zip, without unpacking it to memory."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
            if head == _CFB:
                body = handle.read(MAX_FILE)
    except FileNotFoundError:
        raise _refuse("file.not_found", path) from None
    except OSError as error:
        raise _refuse("file.unreadable", path, detail=os_detail(error)) from None
    if path.is_dir():
        raise _refuse("file.unreadable", path, detail="EISDIR")
    if head == _CFB:
        raise _refuse("xlsx.encrypted" if _ENCRYPTION_INFO in body else "xlsx.legacy", path)
    if size > MAX_FILE:
        raise _refuse("xlsx.too_large", path)
    if not head.startswith(b"PK"):
        raise _refuse("xlsx.not_xlsx", path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            names = {info.filename for info in infos}
            if "mimetype" in names and b"opendocument" in archive.read("mimetype")[:200]:
                raise _refuse("xlsx.ods", path)
            if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
                raise _refuse("xlsx.not_xlsx", path)
            if any(info.flag_bits & 0x1 for info in infos):
                raise _refuse("xlsx.encrypted", path)
            total = sum(info.file_size for info in infos)
            if len(infos) > MAX_MEMBERS or total > MAX_TOTAL or any(
                info.file_size > MAX_MEMBER
                or (info.file_size > RATIO_FLOOR
                    and info.file_size > MAX_RATIO * max(info.compress_size, 1))
                for info in infos
            ):
                raise _refuse("xlsx.too_large", path)
            for info in infos:  # every part whole and as large as it says, read in chunks
                read = 0
                with archive.open(info) as part:
                    while chunk := part.read(CHUNK):
                        read += len(chunk)
                        if read > info.file_size:
                            raise _refuse("xlsx.too_large", path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError,
            NotImplementedError, KeyError) as error:
        raise _refuse("xlsx.damaged", path, detail=str(error)) from None
    except OSError as error:
        raise _refuse("file.unreadable", path, detail=os_detail(error)) from None


# --- the cells -----------------------------------------------------------------------


def _calamine_sheets(path: Path) -> dict[str, list[list[Any]]]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    wanted = {META_SHEET, *(s.title for s in SHEETS)}
    return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            for name in book.sheet_names if name in wanted}


def _openpyxl_sheets(path: Path) -> dict[str, list[list[Any]]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        wanted = {META_SHEET, *(s.title for s in SHEETS)}
        return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)]
                for ws in book.worksheets if ws.title in wanted}
    finally:
        book.close()


ENGINES: dict[str, Callable[[Path], dict[str, list[list[Any]]]]] = {
    "calamine": _calamine_sheets, "openpyxl": _openpyxl_sheets,
}


def _load(path: Path, engine: str) -> dict[str, list[list[Any]]]:
    order = [engine] + [name for name in ENGINES if name != engine]
    for name in order:
        try:
            return ENGINES[name](path)
        except Exception:  # noqa: BLE001, S112  (a library's own error on a bad file)
            continue
    raise _refuse("xlsx.damaged", path, detail="unreadable workbook")


class _Bad(Exception):  # noqa: N818  (a cell's problem, turned into a Problem)
    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code, self.params = code, params


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _to_text(value: Any) -> str:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return _number_text(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return clean_text(str(value))


def _to_date(value: Any) -> date:
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise _Bad("value.not_date", value=value.isoformat(sep=" "))
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value < 2958466 or not float(value).is_integer():
            raise _Bad("value.not_date", value=_number_text(value))
        # 1900 date system; serial 60 is Excel's non-existent 29 Feb 1900
        return date(1899, 12, 31 if value < 60 else 30) + timedelta(days=int(value))
    text = str(value).strip()
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise _Bad("value.not_date", value=text)


def _to_float(value: Any) -> float:
    if isinstance(value, bool | datetime | date):
        raise _Bad("value.not_number", value=_to_text(value))
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        try:
            number = float(text)
        except ValueError:
            raise _Bad("value.not_number", value=text) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise _Bad("value.not_number", value=str(value))
    if number < 0:
        raise _Bad("value.negative", value=_number_text(number))
    return number


def _to_int(value: Any) -> int:
    if isinstance(value, str):
        value = value.strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    number = _to_float(value)
    if not number.is_integer():
        raise _Bad("value.not_whole_number", value=_number_text(number))
    return int(number)


def _convert(sheet: Sheet, column: Column, value: Any) -> Any:
    if _empty(value):
        if column.required:
            raise _Bad("value.required")
        return None
    kind = column.kind
    if kind is Kind.DATE:
        return _to_date(value)
    if kind is Kind.INTEGER:
        return _to_int(value)
    if kind is Kind.NUMBER:
        return _to_float(value)
    text = _to_text(value)
    if kind in (Kind.UUID, Kind.CODE):
        text = text.strip()
    if kind is Kind.UUID and not _UUID.match(text):
        raise _Bad("value.not_uuid", value=text)
    allowed = _ENUMS.get((sheet.key, column.key))
    if allowed is not None and text not in allowed:
        raise _Bad("value.not_in_list", value=text)
    return text


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _read_rows(path: Path, sheet: Sheet, rows: list[list[Any]],
               problems: list[Problem], numbers: list[int] | None = None) -> list[Any]:
    headers = rows[HEADER_ROWS - 1] if len(rows) >= HEADER_ROWS else []
    found = [_to_text(h).strip() if not _empty(h) else "" for h in headers]
    expected = [c.header_en for c in sheet.columns]
    if found[:len(expected)] != expected:
        raise _refuse("submission.bad_headers", path, sheet=sheet.title)
    record_type = _RECORDS[sheet.key]
    width = len(sheet.columns)
    records = []
    for number, row in enumerate(rows[HEADER_ROWS:], start=HEADER_ROWS + 1):
        cells = (list(row) + [None] * width)[:width]
        if all(_empty(v) for v in cells):
            continue
        values, bad = [], False
        for index, (column, value) in enumerate(zip(sheet.columns, cells, strict=True)):
            try:
                values.append(_convert(sheet, column, value))
            except _Bad as problem:
                bad = True
                problems.append(Problem(problem.code, problem.params, column.key,
                                        Location(path.name, sheet.title, number,
                                                 _letter(index))))
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
    if _to_text(pairs.get("format", "")).strip() != FORMAT_NAME:
        raise _refuse("submission.foreign_format", path)
    values: dict[str, Any] = {}
    for f in fields(SubmissionMeta):
        raw = pairs.get(f.name)
        try:
            if _empty(raw) and f.name in _META_OPTIONAL:
                values[f.name] = _META_OPTIONAL[f.name]
                continue
            if _empty(raw):
                raise ValueError("missing")
            values[f.name] = _meta_value(f.name, raw)
        except (ValueError, TypeError, _Bad):
            raise _refuse("submission.bad_metadata", path, field=f.name) from None
        if f.name == "format_version" and values[f.name] > FORMAT_VERSION:
            raise _refuse("submission.format_too_new", path, found=values[f.name],
                          known=FORMAT_VERSION)
    return SubmissionMeta(**values)


# Fields a file may lack: files made before signatures have no public_key/signature.
_META_OPTIONAL: dict[str, Any] = {"contact_person": "", "from_template": False,
                                  "public_key": "", "signature": ""}
_META_INTS = frozenset({"format_version", "period", "version", "activities", "indicators",
                        "links"})


def _meta_value(name: str, raw: Any) -> Any:
    if name in _META_INTS:
        number = _to_int(raw)
        if number < 1 and name in ("format_version", "version", "period"):
            raise ValueError(name)
        return number
    if name == "created_at":
        text = _to_text(raw).strip()
        moment = datetime.fromisoformat(text[:-1] if text.endswith("Z") else text)
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    if name == "from_template":
        text = _to_text(raw).strip().lower()
        if text not in ("true", "false"):
            raise ValueError(name)
        return text == "true"
    text = _to_text(raw)
    if name == "content_hash" and not re.fullmatch(r"[0-9a-f]{64}", text):
        raise ValueError(name)
    return text


# --- the whole file ------------------------------------------------------------------


def read_submission(path: Path, *, engine: str = "calamine") -> ReadSubmission:
    """Open a submission, check its format and content hash, and return its data."""
    path = Path(path)
    check_container(path)
    sheets = _load(path, engine)
    if META_SHEET not in sheets:
        raise _refuse("submission.no_metadata", path)
    meta = _read_meta(path, sheets[META_SHEET])
    problems: list[Problem] = []
    parts: dict[str, list[Any]] = {}
    numbers: dict[str, list[int]] = {}
    for sheet in SHEETS:
        if sheet.title not in sheets:
            raise _refuse("submission.missing_sheet", path, sheet=sheet.title)
        numbers[sheet.key] = []
        parts[sheet.key] = _read_rows(path, sheet, sheets[sheet.title], problems,
                                      numbers[sheet.key])
    data = SubmissionData(**parts)
    data_json = canonical_json(data)
    hash_ok = not problems and content_hash(meta, data, data_json=data_json) == meta.content_hash
    return ReadSubmission(meta, data, hash_ok, problems, numbers, data_json)
