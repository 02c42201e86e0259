"""The submission workbook, written with openpyxl's write-only mode, and the cell kit
other workbooks of the program (the national report's) write with.

Every text cell is written as text (never a formula, never an error value), and
text that Excel or LibreOffice would read as a formula or a number once edited
(it starts with = + - @) carries the quote prefix, so it shows as typed: ``text_cell``
is the one way to write user text. Styles are made once per kind of cell and shared
(``Styles``, ``style_of``): a style object per cell costs more than writing the cell.
``new_sheet`` makes a write-only sheet whose rows are all cells (``cells_only``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from datetime import date, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from desktop_app.core.exchange.canonical import clean_text, iso_utc
from desktop_app.core.exchange.columns import HEADER_ROWS, META_SHEET, SHEETS, Kind, Sheet
from desktop_app.core.exchange.submission import FORMAT_NAME, PreparedSubmission, SubmissionMeta
from desktop_app.core.progress import Job, Progress

DATE_FORMAT = "dd/mm/yyyy"
INTEGER_FORMAT = "#,##0"
NUMBER_FORMAT = "General"  # "#,##0.##" would show 150 as "150."
CREATOR = "NAP Reporter"
STEP = 2000  # rows between progress reports
QUOTED_START = ("=", "+", "-", "@")  # what a spreadsheet would read as a formula
_ERROR_TEXTS = frozenset(ERROR_CODES)


def style_of(ws: WriteOnlyWorksheet, **attrs: Any) -> Any:
    """A shareable style array with these cell attributes (font, alignment, fill...)."""
    cell = Cell(ws, 1, 1)
    for name, value in attrs.items():
        setattr(cell, name, value)
    return cell._style


class Styles:
    """One style array per kind of cell, made once and shared by every cell of that kind."""

    def __init__(self, ws: WriteOnlyWorksheet) -> None:
        def style(**attrs: Any) -> Any:
            return style_of(ws, **attrs)

        wrap = Alignment(wrap_text=True, vertical="top")
        top = Alignment(vertical="top")  # level with the wrapped texts beside it
        # Plain text goes unstyled: a style on 300,000 short cells costs more than
        # aligning them to the top is worth.
        self.plain = style()
        self.text_quoted = style(quotePrefix=True)
        self.long = style(alignment=wrap)
        self.long_quoted = style(alignment=wrap, quotePrefix=True)
        self.date = style(number_format=DATE_FORMAT, alignment=top)
        self.integer = style(number_format=INTEGER_FORMAT, alignment=top)
        self.number = style(number_format=NUMBER_FORMAT, alignment=top)
        header_fill = PatternFill("solid", fgColor="DDE7F0")
        self.header_vi = style(font=Font(bold=True), alignment=wrap, fill=header_fill)
        self.header_en = style(font=Font(bold=True, italic=True), alignment=wrap,
                               fill=header_fill)


def _cell(ws: WriteOnlyWorksheet, value: Any, data_type: str, style: Any) -> Cell:
    cell = Cell(ws, 1, 1, style_array=style)
    cell._value = value
    cell.data_type = data_type
    return cell


def text_cell(ws: WriteOnlyWorksheet, value: str, plain: Any, quoted: Any) -> Cell:
    """A cell that holds exactly this text, whatever it starts with: always a string,
    never a formula or an error value; text starting with = + - @ (or spelling an error
    value) gets the ``quoted`` style, which carries the quote prefix, so that a person
    editing it later still sees it as typed."""
    if value.startswith(QUOTED_START) or value in _ERROR_TEXTS:
        return _cell(ws, value, "s", quoted)
    return _cell(ws, value, "s", plain)


def number_cell(ws: WriteOnlyWorksheet, value: float, style: Any) -> Cell:
    """A numeric cell (int or float) in ``style``."""
    return _cell(ws, value, "n", style)


def date_cell(ws: WriteOnlyWorksheet, value: date | datetime, style: Any) -> Cell:
    """A date cell in ``style`` (a naive datetime or a date)."""
    return _cell(ws, value, "d", style)


def cells_only(values: list[Cell | None], row_idx: int) -> Iterator[Cell]:
    """Stands in for openpyxl's _values_to_row on our sheets, whose rows are all Cells.

    openpyxl's own version takes a Cell only after failing to assign it as a value
    (an exception and a repr per styled cell), which doubled the time of a large
    export; the cells are written one by one before the next row is made.
    """
    for col_idx, cell in enumerate(values, 1):
        if cell is not None:
            cell.row, cell.column = row_idx, col_idx
            yield cell


def new_sheet(wb: Workbook, title: str) -> WriteOnlyWorksheet:
    """A write-only sheet whose rows are appended as lists of cells (see ``cells_only``)."""
    ws: WriteOnlyWorksheet = wb.create_sheet(title)
    ws._values_to_row = cells_only
    return ws


class _RowMaker:
    """Turns a record's values into a row of cells, reusing one Cell per column and style.

    A write-only sheet writes each row before the next is appended, so the same
    Cell objects can carry every row's values: no cell or style object per value.
    """

    def __init__(self, ws: WriteOnlyWorksheet, sheet: Sheet, styles: Styles) -> None:
        self.ws = ws
        self.kinds = [c.kind for c in sheet.columns]
        self.plain: list[Cell] = []
        self.quoted: list[Cell] = []
        for kind in self.kinds:
            if kind is Kind.LONG_TEXT:
                plain, quoted = styles.long, styles.long_quoted
            elif kind is Kind.DATE:
                plain = quoted = styles.date
            elif kind is Kind.INTEGER:
                plain = quoted = styles.integer
            elif kind is Kind.NUMBER:
                plain = quoted = styles.number
            else:
                plain, quoted = styles.plain, styles.text_quoted
            data_type = {Kind.DATE: "d", Kind.INTEGER: "n", Kind.NUMBER: "n"}.get(kind, "s")
            self.plain.append(_cell(ws, None, data_type, plain))
            self.quoted.append(_cell(ws, None, data_type, quoted))

    def row(self, values: tuple[Any, ...]) -> list[Cell | None]:
        out: list[Cell | None] = []
        for kind, value, plain, quoted in zip(self.kinds, values, self.plain, self.quoted,
                                              strict=True):
            if value is None:
                out.append(None)
                continue
            cell = plain
            if kind in _TEXT_KINDS:
                value = clean_text(value if isinstance(value, str) else str(value))
                if not value:
                    out.append(None)
                    continue
                if value.startswith(QUOTED_START) or value in _ERROR_TEXTS:
                    cell = quoted
            cell._value = value
            out.append(cell)
        return out


_TEXT_KINDS = frozenset({Kind.TEXT, Kind.LONG_TEXT, Kind.CODE, Kind.UUID})


def _start_sheet(wb: Workbook, sheet: Sheet) -> tuple[WriteOnlyWorksheet, Styles]:
    ws = new_sheet(wb, sheet.title)
    styles = Styles(ws)
    for index, column in enumerate(sheet.columns, 1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = f"A{HEADER_ROWS + 1}"
    ws.append([_cell(ws, c.header_vi, "s", styles.header_vi) for c in sheet.columns])
    ws.append([_cell(ws, c.header_en, "s", styles.header_en) for c in sheet.columns])
    return ws, styles


def meta_rows(meta: SubmissionMeta) -> list[tuple[str, str]]:
    """The metadata sheet's key/value rows, every value as text."""
    rows = [("format", FORMAT_NAME)]
    for f in fields(meta):
        value = getattr(meta, f.name)
        if isinstance(value, datetime):
            text = iso_utc(value)
        elif isinstance(value, bool):
            text = "true" if value else "false"
        else:
            text = str(value)
        rows.append((f.name, text))
    return rows


def _write_meta(wb: Workbook, meta: SubmissionMeta) -> None:
    ws = new_sheet(wb, META_SHEET)
    styles = Styles(ws)
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 70
    for key, value in meta_rows(meta):
        ws.append([_cell(ws, key, "s", styles.plain),
                   text_cell(ws, clean_text(value), styles.plain, styles.text_quoted)])
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def write_workbook(submission: PreparedSubmission, path: Path) -> Job[None]:
    """Write the submission to path (the caller makes it atomic)."""
    meta, data = submission.meta, submission.data
    total = sum(len(getattr(data, s.key)) for s in SHEETS)
    done = 0
    yield Progress(0, total, "xlsx")
    wb = Workbook(write_only=True)
    wb.properties.title = (f"NAP Reporter — {meta.agency_code} — {meta.period} — "
                           f"v{meta.version}")
    wb.properties.creator = CREATOR
    wb.properties.lastModifiedBy = CREATOR
    created = meta.created_at.replace(tzinfo=None)
    wb.properties.created = wb.properties.modified = created
    for sheet in SHEETS:
        ws, styles = _start_sheet(wb, sheet)
        maker = _RowMaker(ws, sheet, styles)
        getter = attrgetter(*(c.key for c in sheet.columns))
        for record in getattr(data, sheet.key):
            ws.append(maker.row(getter(record)))
            done += 1
            if done % STEP == 0:
                yield Progress(done, total, "xlsx")
    _write_meta(wb, meta)
    yield Progress(done, total, "xlsx")
    wb.save(path)
    yield Progress(total, total, "xlsx")
