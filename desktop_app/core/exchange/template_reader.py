"""Reading a filled-in template back (the blank workbook of template.py, filled by hand).

The workbook is recognised by its hidden marker sheet. The general sheet names the
agency (a dropdown item "CODE — name", a bare code or a typed name), the period and
the contact person; the data sheets are read by the same column rules as an exported
submission (xlsx_reader), except that rows are numbered (STT) and the indicator and
link sheets name their activity by its STT. A row that carries nothing but its
pre-printed STT is blank and skipped.

Identifiers: a template has no UUIDs, so the reader makes them, deterministically, as
UUIDv5 of (agency code, period, sheet, STT). The same filled template read twice gives
the same records, so importing it again is recognised as identical to the last version
(nothing to do); a corrected row keeps its UUID and counts as changed rather than as
one removed and one added. The agency and the period are in the name, so two agencies'
templates (or a former province's and its successor's) never share an identifier.

Conversion problems are located by sheet, row and column; the caller refuses the file
when there is any (a template is imported whole or not at all).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_app.core.exchange.bounds import open_sound
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
from desktop_app.core.exchange.columns import HEADER_ROWS, Column, Kind, Sheet
from desktop_app.core.exchange.submission import (
    ActivityRecord,
    IndicatorRecord,
    LinkRecord,
    SubmissionData,
)
from desktop_app.core.exchange.template import (
    FORMAT_NAME,
    FORMAT_VERSION,
    GENERAL_CELLS,
    GENERAL_SHEET,
    MARKER_SHEET,
    TEMPLATE_SHEETS,
    parse_choice,
)
from desktop_app.core.exchange.xlsx_reader import check_container
from desktop_app.core.problems import Location, Problem

# Fixed for ever: changing it would give every template row a new identity.
NAMESPACE = uuid.UUID("6f1d3c2a-5b8e-4c47-9a31-0e2d7c9b4f10")


def row_uuid(agency_code: str, period: int, sheet: str, stt: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{agency_code.upper()}|{period}|{sheet}|{stt}"))


def sheet_names(path: Path) -> list[str]:
    """The workbook's sheet names (the container must have been checked)."""
    from python_calamine import CalamineWorkbook

    def names() -> list[str]:
        with open_sound(path) as handle:
            return list(CalamineWorkbook.from_filelike(handle).sheet_names)

    return library_call(path, names)


def is_template(path: Path) -> bool:
    return MARKER_SHEET in sheet_names(path)


def _sheets(path: Path, wanted: set[str]) -> dict[str, list[list[Any]]]:
    return calamine_sheets(path, wanted)


def _cell(rows: list[list[Any]], ref: str) -> Any:
    column = ord(ref[0]) - ord("A")
    row = int(ref[1:]) - 1
    if row < len(rows) and column < len(rows[row]):
        return rows[row][column]
    return None


def _check_marker(path: Path, rows: list[list[Any]]) -> None:
    pairs = {str(r[0]).strip(): r[1] for r in rows if len(r) >= 2 and isinstance(r[0], str)}
    if to_text(pairs.get("format") or "").strip() != FORMAT_NAME:
        raise refusal("template.foreign", path)
    try:
        version = to_int(pairs.get("format_version") or "")
    except CellProblem:
        raise refusal("template.foreign", path) from None
    if version > FORMAT_VERSION:
        raise refusal("submission.format_too_new", path, found=version, known=FORMAT_VERSION)


@dataclass
class TemplateRows:
    """One data sheet's converted rows: values by column key, with their row numbers."""

    sheet: Sheet
    columns: tuple[Column, ...]
    values: list[dict[str, Any]] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)

    def letter(self, key: str) -> str:
        for index, column in enumerate(self.columns):
            if column.key == key:
                return column_letter(index)
        return ""


@dataclass(frozen=True)
class TemplateRecords:
    data: SubmissionData
    rows: dict[str, list[int]]  # sheet key -> row number of each record
    problems: list[Problem]  # broken STT references and repeated STTs


@dataclass(frozen=True)
class ReadTemplate:
    path: Path
    agency_text: str  # as written (the code of a dropdown item, or a typed name)
    period: int | None
    contact_person: str
    problems: list[Problem]  # conversion problems, located by sheet, row and column
    sheets: dict[str, TemplateRows]  # sheet key -> converted rows, before identifiers are made
    # where each record field sits: sheet key -> field key -> column letter
    letters: dict[str, dict[str, str]] = field(default_factory=dict)

    def records(self, agency_code: str, period: int) -> TemplateRecords:
        return _records(self, agency_code, period)


def _read_sheet(path: Path, sheet: Sheet, columns: tuple[Column, ...],
                rows: list[list[Any]], problems: list[Problem]) -> TemplateRows:
    found = [("" if is_empty(h) else to_text(h).strip())
             for h in (rows[HEADER_ROWS - 1] if len(rows) >= HEADER_ROWS else [])]
    if found[:len(columns)] != [c.header_en for c in columns]:
        raise refusal("submission.bad_headers", path, sheet=sheet.title)
    out = TemplateRows(sheet, columns)
    width = len(columns)
    converters = [converter(sheet.key, column) for column in columns]
    for number, row in enumerate(rows[HEADER_ROWS:], start=HEADER_ROWS + 1):
        cells = (list(row) + [None] * width)[:width]
        if all(is_empty(v) for v in cells[1:]):
            continue  # only the pre-printed STT: a blank row
        values: dict[str, Any] = {}
        bad = False
        for index, (column, convert_cell, value) in enumerate(
                zip(columns, converters, cells, strict=True)):
            if column.kind is Kind.CODE and not is_empty(value):
                value = parse_choice(value)
            try:
                values[column.key] = convert_cell(value)
            except CellProblem as problem:
                bad = True
                problems.append(Problem(problem.code, problem.params, column.key,
                                        Location(path.name, sheet.title, number,
                                                 column_letter(index))))
        if not bad:
            out.values.append(values)
            out.numbers.append(number)
    return out


@dataclass(frozen=True)
class TemplateGeneral:
    """The general sheet's answers: who reports, for which period, and who to ask."""

    agency_text: str  # as written (the code of a dropdown item, or a typed name)
    period: int | None
    contact_person: str
    problems: list[Problem]


def _general(path: Path, sheets: dict[str, list[list[Any]]]) -> TemplateGeneral:
    if MARKER_SHEET not in sheets:
        raise refusal("template.foreign", path)
    _check_marker(path, sheets[MARKER_SHEET])
    if GENERAL_SHEET not in sheets:
        raise refusal("submission.missing_sheet", path, sheet=GENERAL_SHEET)
    general = sheets[GENERAL_SHEET]
    problems: list[Problem] = []

    def where(key: str) -> Location:
        ref = GENERAL_CELLS[key]
        return Location(path.name, GENERAL_SHEET, int(ref[1:]), ref[0])

    agency_text = parse_choice(_cell(general, GENERAL_CELLS["agency"]))
    if not agency_text:
        problems.append(Problem("value.required", {}, "agency", where("agency")))
    raw_period = _cell(general, GENERAL_CELLS["period"])
    period: int | None = None
    if is_empty(raw_period):
        problems.append(Problem("value.required", {}, "period", where("period")))
    else:
        try:
            period = to_int(parse_choice(raw_period))
        except CellProblem as bad:
            problems.append(Problem(bad.code, bad.params, "period", where("period")))
    raw_contact = _cell(general, GENERAL_CELLS["contact_person"])
    contact = "" if is_empty(raw_contact) else to_text(raw_contact).strip()
    return TemplateGeneral(agency_text, period, contact, problems)


def read_template_general(path: Path) -> TemplateGeneral:
    """The marker and general sheets alone (the container must have been checked)."""
    return _general(path, _sheets(path, {MARKER_SHEET, GENERAL_SHEET}))


def read_template(path: Path, *, checked: bool = False) -> ReadTemplate:
    """Read a filled template; UUIDs are made once the agency is known (see records)."""
    path = Path(path)
    if not checked:
        check_container(path)
    data_titles = {sheet.title for sheet, _ in TEMPLATE_SHEETS}
    sheets = _sheets(path, {MARKER_SHEET, GENERAL_SHEET, *data_titles})
    general = _general(path, sheets)
    problems = list(general.problems)
    read: dict[str, TemplateRows] = {}
    for sheet, columns in TEMPLATE_SHEETS:
        if sheet.title not in sheets:
            raise refusal("submission.missing_sheet", path, sheet=sheet.title)
        read[sheet.key] = _read_sheet(path, sheet, columns, sheets[sheet.title], problems)
    letters = {key: {c.key: rows.letter(c.key) for c in rows.columns}
               for key, rows in read.items()}
    for key in letters:  # a record's activity_uuid sits in the "activity_stt" column
        if "activity_stt" in letters[key]:
            letters[key]["activity_uuid"] = letters[key]["activity_stt"]
    return ReadTemplate(path, general.agency_text, general.period, general.contact_person,
                        problems, read, letters)


def _records(template: ReadTemplate, agency_code: str, period: int) -> TemplateRecords:
    """The template's records, with UUIDs made from the agency and the period.

    STT references that point nowhere (an indicator or link naming an activity STT
    that is not on the activities sheet) and repeated STTs become located problems.
    """
    read, path = template.sheets, template.path
    problems: list[Problem] = []

    def problem(problem_code: str, rows: TemplateRows, index: int, key: str, /,
                **params: Any) -> None:
        problems.append(Problem(problem_code, params, key, Location(
            path.name, rows.sheet.title, rows.numbers[index], rows.letter(key))))

    def make(sheet: str, stt: int) -> str:
        return row_uuid(agency_code, period, sheet, stt)

    acts = read["activities"]
    by_stt: dict[int, str] = {}
    activities: list[ActivityRecord] = []
    numbers: dict[str, list[int]] = {"activities": [], "indicators": [], "links": []}
    for index, v in enumerate(acts.values):
        stt = v["stt"]
        if stt in by_stt:
            problem("template.duplicate_stt", acts, index, "stt", stt=stt)
            continue
        by_stt[stt] = make("activities", stt)
        activities.append(ActivityRecord(
            by_stt[stt], v["task_code"], v["title"], v.get("description"), v["type"],
            v["status"], v.get("start_date"), v.get("end_date"), v.get("women"),
            v.get("ethnic_minorities"), v.get("disabilities"), v.get("children"),
            v.get("budget_vnd"), v.get("outputs"), v.get("challenges"), v.get("next_steps"),
            v.get("evidence"), None))
        numbers["activities"].append(acts.numbers[index])
    inds = read["indicators"]
    seen: set[int] = set()
    indicators: list[IndicatorRecord] = []
    for index, v in enumerate(inds.values):
        stt = v["stt"]
        if stt in seen:
            problem("template.duplicate_stt", inds, index, "stt", stt=stt)
            continue
        seen.add(stt)
        owner = v.get("activity_stt")
        if owner is not None and owner not in by_stt:
            problem("template.unknown_activity_stt", inds, index, "activity_stt", stt=owner)
            continue
        if owner is None and not v.get("task_code"):
            problem("template.indicator_owner", inds, index, "activity_stt")
            continue
        result = v.get("result")
        indicators.append(IndicatorRecord(
            make("indicators", stt), by_stt[owner] if owner is not None else None,
            v.get("task_code") if owner is None else None, v["name"], v["unit"],
            v.get("baseline"), v["target"], v.get("due_date"),
            make("results", stt) if result is not None else None, result,
            v.get("result_note") if result is not None else None))
        numbers["indicators"].append(inds.numbers[index])
    links_rows = read["links"]
    pairs: set[tuple[int, str]] = set()
    links: list[LinkRecord] = []
    for index, v in enumerate(links_rows.values):
        owner, code = v["activity_stt"], v["recommendation_code"]
        if owner not in by_stt:
            problem("template.unknown_activity_stt", links_rows, index, "activity_stt",
                    stt=owner)
            continue
        if (owner, code) in pairs:
            problem("code.duplicate_link", links_rows, index, "recommendation_code",
                    code=code)
            continue
        pairs.add((owner, code))
        links.append(LinkRecord(by_stt[owner], code))
        numbers["links"].append(links_rows.numbers[index])
    return TemplateRecords(SubmissionData(activities, indicators, links), numbers, problems)
