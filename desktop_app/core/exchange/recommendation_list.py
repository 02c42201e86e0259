"""Reading a list of recommendations (an official list, as a spreadsheet or CSV) through a
column mapping: the file format only; what the catalog does with it is the services'.

The file is an .xlsx (checked as a bounded zip first, bounds.py via
``xlsx_reader.check_container``, then read with python-calamine) or a CSV in UTF-8 (with
or without a byte-order mark) or UTF-16 with its mark; any other encoding is refused by
name, never guessed, since a wrong guess would store mangled text. A ``ColumnMapping``
names, for each field, the column's heading as printed in the file; the heading row is
found among the first rows. Each data row becomes a ``ListedRecommendation`` or problems
naming its row and column; a row with a problem is left out, the others are kept.

Two presets describe the published layouts we know of, and say how sure we are
(``checked``): neither was compared with a published file (see the catalog README), so
both are assumptions to confirm with the first real file, and a saved mapping of one's
own takes any other layout.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.exchange.bounds import open_regular, open_sound, regular_file
from desktop_app.core.exchange.cells import library_call, refusal, to_text
from desktop_app.core.exchange.xlsx_reader import check_container
from desktop_app.core.problems import Location, Problem

FIELDS = ("number", "paragraph", "text_en", "text_vi", "states", "response", "themes",
          "sdgs", "affected")
MAX_FILE = 20 * 2**20  # bytes on disk
MAX_ROWS = 20_000  # data rows: a UPR cycle has a few hundred, a country's whole index more
MAX_COLUMNS = 64
MAX_CELL = 32_767  # what a spreadsheet cell holds
HEADING_ROWS = 20  # where the heading row is looked for
SUPPORTED = {"supported", "accepted", "support", "accept", "chấp thuận", "ủng hộ"}
NOTED = {"noted", "note", "taken note", "not supported", "ghi nhận"}
_NUMBER = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.()\-]{0,23}$")
_LEADING_NUMBER = re.compile(r"^\s*(\d{1,4}(?:\.\d{1,4}){1,2})[.:)]?\s+")
_TRAILING_STATE = re.compile(r"\(([^()]{2,120})\)\s*[;.]?\s*$")
_TARGET = re.compile(r"(?<![\d.])(\d{1,2}\.(?:\d{1,2}|[a-c]))(?![\d.])")
_GOAL = re.compile(r"\b(?:SDG|Goal|Mục tiêu)\s*(\d{1,2})\b", re.IGNORECASE)


@dataclass(frozen=True)
class ColumnMapping:
    """Field -> the column heading as printed in the file (case and spacing ignored)."""

    name: str
    columns: dict[str, str]
    number_in_text: bool = False  # "155.1 Ratify …": the number opens the text
    states_in_text: bool = False  # "… (Germany);": the recommending State closes it
    checked: bool = False  # compared with a published file of that layout
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "columns": dict(self.columns),
                "number_in_text": self.number_in_text, "states_in_text": self.states_in_text,
                "checked": self.checked, "note": self.note}

    @classmethod
    def from_json(cls, data: Any) -> ColumnMapping | None:
        """A saved mapping, or None when what was saved is not one."""
        if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
            return None
        columns = {str(k): str(v) for k, v in data["columns"].items()
                   if k in FIELDS and isinstance(v, str) and v.strip()}
        name = data.get("name")
        if not isinstance(name, str) or not name.strip() or "text_en" not in columns:
            return None
        return cls(name.strip(), columns, bool(data.get("number_in_text")),
                   bool(data.get("states_in_text")), bool(data.get("checked")),
                   str(data.get("note") or ""))


PRESETS: dict[str, ColumnMapping] = {
    "uhri": ColumnMapping(
        "uhri",
        {"text_en": "Recommendation", "paragraph": "Paragraph",
         "states": "Recommending States", "response": "Position", "themes": "Themes",
         "sdgs": "SDGs", "affected": "Affected persons"},
        note="Universal Human Rights Index export (uhri.ohchr.org). Its search fields "
             "(themes, affected persons, SDGs) are documented; the column headings of its "
             "export are an assumption, not compared with a downloaded file."),
    "upr-matrix": ColumnMapping(
        "upr-matrix",
        {"text_en": "Recommendation", "response": "Position", "themes": "Full list of themes"},
        number_in_text=True, states_in_text=True,
        note="OHCHR matrix of recommendations of a UPR cycle, one recommendation a row, "
             "'155.1 Text … (State);'. The matrix's 'Assessment/comments on level of "
             "implementation' column is documented (upr-info.org); the other headings and "
             "the number and State inside the text are assumptions."),
}


@dataclass(frozen=True)
class ListedRecommendation:
    row: int  # the row in the file, 1-based as a spreadsheet shows it
    number: str
    text_en: str
    text_vi: str = ""  # "" when the file has no Vietnamese column
    states: tuple[str, ...] = ()
    response: str | None = None  # "supported" / "noted"; None when not given
    themes: tuple[str, ...] = ()
    sdgs: tuple[str, ...] = ()
    affected: tuple[str, ...] = ()


@dataclass
class ReadList:
    rows: list[ListedRecommendation] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # rows left out
    notes: list[Problem] = field(default_factory=list)  # kept, with something to know
    columns_absent: tuple[str, ...] = ()  # optional fields whose heading was not found
    has_vietnamese: bool = False


# --- the cells ---------------------------------------------------------------------


def _csv_text(path: Path, data: bytes) -> str:
    marks = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
             (codecs.BOM_UTF16_BE, "utf-16"))
    encoding = next((name for mark, name in marks if data.startswith(mark)), "utf-8")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise refusal("recs.csv_encoding", path) from None
    if "\x00" in text:
        raise refusal("recs.csv_encoding", path)
    return text


def _csv_rows(path: Path) -> list[list[Any]]:
    with open_regular(path) as handle:
        data = handle.read(MAX_FILE + 1)
    if len(data) > MAX_FILE:
        raise refusal("file.too_large", path, limit_mb=MAX_FILE // 2**20)
    text = _csv_text(path, data)
    sample = text[:65536]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows: list[list[Any]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            rows.append(row)
            if len(rows) > MAX_ROWS + HEADING_ROWS:
                raise refusal("recs.too_many_rows", path, max=MAX_ROWS)
    except csv.Error as error:
        raise refusal("xlsx.damaged", path, detail=str(error)) from None
    return rows


def _xlsx_rows(path: Path) -> list[list[Any]]:
    check_container(path)
    from python_calamine import CalamineWorkbook

    def load() -> list[list[Any]]:
        with open_sound(path) as handle:
            book = CalamineWorkbook.from_filelike(handle)
            names = book.sheet_names
            if not names:
                return []
            rows: list[list[Any]] = book.get_sheet_by_name(names[0]).to_python(
                skip_empty_area=False)
            return rows

    return library_call(path, load)


def read_cells(path: Path) -> list[list[Any]]:
    """The first sheet's cells (or the CSV's), row by row, within bounds."""
    path = Path(path)
    status = regular_file(path)
    if status.st_size > MAX_FILE:
        raise refusal("file.too_large", path, limit_mb=MAX_FILE // 2**20)
    with open_regular(path) as handle:
        head = handle.read(8)
    rows = _xlsx_rows(path) if head.startswith((b"PK", b"\xd0\xcf\x11\xe0")) else _csv_rows(path)
    if len(rows) > MAX_ROWS + HEADING_ROWS:
        raise refusal("recs.too_many_rows", path, max=MAX_ROWS)
    if any(len(r) > MAX_COLUMNS for r in rows):
        raise refusal("recs.too_many_columns", path, max=MAX_COLUMNS)
    return rows


# --- the rows ------------------------------------------------------------------------


def _key(value: Any) -> str:
    return " ".join(to_text(value).split()).casefold() if value is not None else ""


def _split(value: str, separators: str) -> tuple[str, ...]:
    parts = re.split(f"[{re.escape(separators)}\n]+", value)
    seen: dict[str, None] = {}
    for part in parts:
        part = " ".join(part.split()).strip(" .")
        if part:
            seen.setdefault(part, None)
    return tuple(seen)


def sdg_targets(value: str) -> tuple[str, ...]:
    """ "16.3, 16.10 …" -> ("16.3", "16.10"); goals alone ("SDG 16") when no target."""
    found = _TARGET.findall(value) or _GOAL.findall(value)
    return tuple(dict.fromkeys(t for t in found if 1 <= int(t.split(".")[0]) <= 17))


def _response(value: str) -> str | None:
    key = value.casefold().strip(" .")
    if key in SUPPORTED:
        return "supported"
    if key in NOTED:
        return "noted"
    return None


def _heading(rows: list[list[Any]], mapping: ColumnMapping) -> tuple[int, dict[str, int]]:
    """The heading row's index and field -> column index (-1 when none matched)."""
    wanted = {f: _key(h) for f, h in mapping.columns.items()}
    best, best_found = -1, dict[str, int]()
    for index, row in enumerate(rows[:HEADING_ROWS]):
        keys = [_key(v) for v in row]
        found = {f: keys.index(h) for f, h in wanted.items() if h in keys}
        if len(found) > len(best_found):
            best, best_found = index, found
    return best, best_found


def _cell(row: list[Any], index: int | None) -> str:
    if index is None or index >= len(row) or row[index] is None:
        return ""
    return to_text(row[index]).strip()


def read_list(path: Path, mapping: ColumnMapping) -> ReadList:
    """The recommendations of the file at path, read through mapping (refused whole when
    it cannot be read or its text column is not found)."""
    path = Path(path)
    rows = read_cells(path)
    heading, found = _heading(rows, mapping)
    if "text_en" not in found or not ({"number", "paragraph"} & set(found)
                                      or mapping.number_in_text):
        needed = [mapping.columns.get(f, "") for f in ("text_en", "number", "paragraph")
                  if f in mapping.columns and f not in found]
        raise refusal("recs.columns_missing", path, mapping=mapping.name,
                      columns=", ".join(f"«{h}»" for h in needed if h) or "?")
    out = ReadList(columns_absent=tuple(f for f in mapping.columns if f not in found),
                   has_vietnamese="text_vi" in found)
    name = path.name or str(path)
    seen: dict[str, int] = {}
    for index in range(heading + 1, len(rows)):
        row, number_row = rows[index], index + 1
        if all(_cell(row, i) == "" for i in range(len(row))):
            continue
        if len(out.rows) >= MAX_ROWS:
            raise refusal("recs.too_many_rows", path, max=MAX_ROWS)

        def where(f: str, at: int = number_row) -> Location:
            column = found.get(f)
            return Location(name, None, at,
                            mapping.columns.get(f) if column is not None else None)

        text = _cell(row, found["text_en"])
        number = _cell(row, found.get("number")) or _cell(row, found.get("paragraph"))
        states = _split(_cell(row, found.get("states")), ",;")
        if mapping.number_in_text and not number:
            match = _LEADING_NUMBER.match(text)
            if match:
                number, text = match.group(1), text[match.end():]
        if mapping.states_in_text and not states:
            match = _TRAILING_STATE.search(text)
            if match:
                states = _split(match.group(1), ",;")
                text = text[:match.start()].rstrip()
        number = number.removeprefix("¶").removeprefix("§").strip()
        problems = []
        if not text:
            problems.append(Problem("recs.text_missing", {}, "text_en", where("text_en")))
        elif len(text) > MAX_CELL:
            problems.append(Problem("value.too_long", {"length": len(text), "max": MAX_CELL},
                                    "text_en", where("text_en")))
        if problems:
            pass  # no text: that is the row's problem
        elif not number:
            problems.append(Problem("recs.number_missing", {}, "number", where("number")))
        elif not _NUMBER.match(number):
            problems.append(Problem("recs.number_bad", {"value": number[:40]}, "number",
                                    where("number")))
        elif number in seen:
            problems.append(Problem("recs.number_twice", {"value": number,
                                                          "first": seen[number]},
                                    "number", where("number")))
        if problems:
            out.problems.extend(problems)
            continue
        seen[number] = number_row
        said = _cell(row, found.get("response"))
        response = _response(said) if said else None
        if said and response is None:
            out.notes.append(Problem("recs.response_unknown", {"value": said[:60]},
                                     "response", where("response")))
        out.rows.append(ListedRecommendation(
            number_row, number, " ".join(text.split()), " ".join(
                _cell(row, found.get("text_vi")).split()), states, response,
            _split(_cell(row, found.get("themes")), ";"),
            sdg_targets(_cell(row, found.get("sdgs"))),
            _split(_cell(row, found.get("affected")), ";")))
    return out
