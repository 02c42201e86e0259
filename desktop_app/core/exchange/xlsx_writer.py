"""The submission workbook, and the cell kit the program's large workbooks write with,
on XlsxWriter in constant-memory mode (chosen by measurement: bench/bench_writers.py and
the README's benchmark section).

Every text cell is written as text (never a formula, never an error value, never a
URL), and text that Excel or LibreOffice would read as a formula once edited (it
starts with = + - @, or spells an error value) carries the quote prefix, so it shows as
typed: ``BookSheet.text`` is the one way to write user text. Formats are made once per
workbook (``Book``) and shared. Rows are written in order, each one whole before the
next (constant memory): a sheet's widths, panes and print setup are set first.

Every sheet a person reads gets a print setup (``BookSheet.print_setup``): A4, landscape
where wide, one page wide, the header rows repeated, a header with the agency and the
period and a footer with the page number.
"""

from __future__ import annotations

import threading
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any

import xlsxwriter
import xlsxwriter.workbook
from xlsxwriter.exceptions import FileCreateError
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from desktop_app.core.domain.enums import ActivityStatus, ActivityType
from desktop_app.core.domain.labels import labels
from desktop_app.core.exchange.block_zip import BlockZip
from desktop_app.core.exchange.canonical import clean_text, iso_utc
from desktop_app.core.exchange.columns import (
    HEADER_ROWS,
    META_SHEET,
    SHEETS,
    Column,
    Kind,
    Sheet,
)
from desktop_app.core.exchange.submission import FORMAT_NAME, PreparedSubmission, SubmissionMeta
from desktop_app.core.progress import Job, Progress

DATE_FORMAT = "dd/mm/yyyy"
INTEGER_FORMAT = "#,##0"
NUMBER_FORMAT = "General"  # "#,##0.##" would show 150 as "150."
CREATOR = "NAP Reporter"
STEP = 2000  # rows between progress reports
QUOTED_START = ("=", "+", "-", "@")  # what a spreadsheet would read as a formula
ERROR_TEXTS = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!",
                         "#N/A", "#GETTING_DATA"})
A4 = 9  # XlsxWriter's paper code for A4
# The submission's sheets hold many rows of long texts: at 9 points a 500-activity
# submission prints on under 30 pages, one page wide (tests/core/test_print.py).
SUBMISSION_FONT_SIZE = 9

# The columns whose codes the submission workbook shows as their Vietnamese labels.
LABELLED = {"type": ActivityType, "status": ActivityStatus}


def needs_quote(text: str) -> bool:
    """Whether a spreadsheet would read this text as a formula or an error value."""
    return text.startswith(QUOTED_START) or text in ERROR_TEXTS


def header_footer_text(text: str) -> str:
    """Text for a print header or footer, its ampersands not read as codes."""
    return text.replace("&", "&&")


@dataclass(frozen=True)
class PrintSetup:
    """How a sheet prints: A4, one page wide, header rows repeated on every page."""

    header: str = ""  # the agency and the period, printed at the top of every page
    landscape: bool = True
    repeat_rows: int = HEADER_ROWS  # the first rows repeated on every page (0: none)


_ZIPPING = threading.Lock()  # XlsxWriter's module names the zip file class: one at a time


class _Workbook(xlsxwriter.Workbook):  # type: ignore[misc]  # XlsxWriter has no types
    """XlsxWriter's workbook, its file zipped by block_zip.BlockZip: the sheets deflated
    in blocks on the machine's cores (~0.3 s of a 20,000-activity export's ~5 s on two).

    XlsxWriter makes the zip file from the class its workbook module names (ZipFile) as it
    stores the workbook; the name is ours while this store runs. Were XlsxWriter to
    store otherwise, its own zip file is used, the file the same but for its deflating
    (tests/core/test_block_zip.py notices)."""

    def _store_workbook(self) -> None:
        module = xlsxwriter.workbook
        with _ZIPPING:
            if getattr(module, "ZipFile", None) is not zipfile.ZipFile:
                super()._store_workbook()  # another XlsxWriter: its own way
                return
            module.ZipFile = BlockZip
            try:
                super()._store_workbook()
            finally:
                module.ZipFile = zipfile.ZipFile


class Book:
    """An XlsxWriter workbook in constant-memory mode with the shared formats."""

    def __init__(self, path: Path, *, title: str, created: datetime,
                 font_size: float = 11) -> None:
        self.wb = _Workbook(str(path), {
            "constant_memory": True, "strings_to_formulas": False,
            "strings_to_numbers": False, "strings_to_urls": False,
        })
        self.wb.set_properties({"title": title, "author": CREATOR,
                                "created": created.replace(tzinfo=None)})
        self.font_size = font_size
        self.wb.formats[0].set_font_size(font_size)  # the workbook's default cell format

        def add(properties: dict[str, Any]) -> Format:
            return self.wb.add_format({"font_size": font_size, **properties})

        top = {"valign": "top"}
        wrap = {"text_wrap": True, "valign": "top"}
        self.plain: Format | None = None  # the default format, written as no format
        self.text_quoted = add({"quote_prefix": True})
        self.long = add(wrap)
        self.long_quoted = add({**wrap, "quote_prefix": True})
        self.date = add({"num_format": DATE_FORMAT, **top})
        self.integer = add({"num_format": INTEGER_FORMAT, **top})
        self.number = add({**top})
        self.percent = add({"num_format": "0.0%", **wrap})
        header = {"bold": True, **wrap, "bg_color": "#DDE7F0", "border": 1}
        self.header_vi = add(header)
        self.header_en = add({**header, "italic": True})

    def sheet(self, title: str, widths: Sequence[float]) -> BookSheet:
        ws = self.wb.add_worksheet(title)
        if self.font_size < 11:
            ws.set_default_row(round(self.font_size * 1.3, 1))  # rows as tall as the font
        for index, width in enumerate(widths):
            ws.set_column(index, index, width)
        return BookSheet(self, ws, len(widths))

    def close(self) -> None:
        """Write the file; a disk that refuses it raises its OSError (full, read-only...),
        which XlsxWriter wraps in FileCreateError, so callers report it as for any file."""
        try:
            self.wb.close()
        except FileCreateError as error:
            cause = error.args[0] if error.args else None
            if isinstance(cause, OSError):
                raise cause from None
            raise


class BookSheet:
    """One sheet of a ``Book``: rows appended in order, each written cell by cell."""

    def __init__(self, book: Book, ws: Worksheet, width: int) -> None:
        self.book, self.ws, self.width = book, ws, width
        self.next_row = 0

    def print_setup(self, setup: PrintSetup) -> None:
        ws = self.ws
        ws.set_paper(A4)
        if setup.landscape:
            ws.set_landscape()
        else:
            ws.set_portrait()
        ws.fit_to_pages(1, 0)  # one page wide, as many pages down as the rows need
        ws.set_margins(left=0.4, right=0.4, top=0.7, bottom=0.6)
        if setup.repeat_rows:
            ws.repeat_rows(0, setup.repeat_rows - 1)
        if setup.header:
            ws.set_header(f"&L&8{header_footer_text(setup.header)}", {"margin": 0.25})
        ws.set_footer("&L&8" + header_footer_text(ws.name) + "&R&8Trang &P / &N",
                      {"margin": 0.25})

    def headers(self, vi: Sequence[str], en: Sequence[str]) -> None:
        """The two header rows (Vietnamese, then English), frozen above the data."""
        self.ws.freeze_panes(HEADER_ROWS, 0)
        for texts, fmt in ((vi, self.book.header_vi), (en, self.book.header_en)):
            for col, text in enumerate(texts):
                self.ws.write_string(self.next_row, col, text, fmt)
            self.next_row += 1

    def text(self, col: int, value: str, plain: Format | None = None,
             quoted: Format | None = None) -> None:
        """Exactly this text in the current row, quoted where it would be a formula."""
        if needs_quote(value):
            self.ws.write_string(self.next_row, col, value,
                                 quoted if quoted is not None else self.book.text_quoted)
        else:
            self.ws.write_string(self.next_row, col, value, plain)

    def number(self, col: int, value: float, fmt: Format | None = None) -> None:
        self.ws.write_number(self.next_row, col, value,
                             fmt if fmt is not None else self.book.number)

    def date(self, col: int, value: date | datetime) -> None:
        if isinstance(value, datetime):
            value = value.replace(tzinfo=None)
        self.ws.write_datetime(self.next_row, col, value, self.book.date)

    def value(self, col: int, value: Any, *, long: bool = False,
              fmt: Format | None = None) -> None:
        """Any plain value, by its type: text, number, date, yes/no; None writes nothing."""
        b = self.book
        if value is None or value == "":
            return
        if isinstance(value, str):
            text = clean_text(value)
            if text:
                self.text(col, text, b.long if long else None,
                          b.long_quoted if long else b.text_quoted)
        elif isinstance(value, bool):
            if value:
                self.text(col, "Có / Yes")
        elif isinstance(value, datetime | date):
            self.date(col, value)
        elif isinstance(value, int):
            self.number(col, value, fmt if fmt is not None else b.integer)
        else:
            self.number(col, value, fmt)

    def end_row(self) -> None:
        self.next_row += 1

    def row(self, values: Sequence[Any], *, long: Sequence[int] = (),
            percent: Sequence[int] = ()) -> None:
        for col, value in enumerate(values):
            self.value(col, value, long=col in long,
                       fmt=self.book.percent if col in percent else None)
        self.end_row()


_TEXT, _DATE, _NUMBER = 0, 1, 2


def _column_plan(book: Book, column: Column) -> tuple[int, Format | None, Format | None,
                                                       dict[str, str] | None]:
    """How one column's values are written: (what, format, quoted format, labels)."""
    kind = column.kind
    if kind is Kind.DATE:
        return _DATE, book.date, None, None
    if kind is Kind.INTEGER:
        return _NUMBER, book.integer, None, None
    if kind is Kind.NUMBER:
        return _NUMBER, book.number, None, None
    enum = LABELLED.get(column.key)
    names = labels(enum, "vi") if enum is not None else None
    if kind is Kind.LONG_TEXT:
        return _TEXT, book.long, book.long_quoted, names
    return _TEXT, None, book.text_quoted, names


def cell_writers(ws: Worksheet) -> tuple[Any, Any, Any]:
    """The worksheet's string, number and date writers for (row, column) cells: XlsxWriter's
    own, without the public methods' wrapper that reads A1 notation (two Python calls
    more a cell: ~0.2 s of a 20,000-activity export, ~0.6 s of the national workbook at
    100,000). The cells and the file are the same (tests/core/test_national_workbook_same.py,
    test_submission_workbook_same.py)."""
    return ws._write_string, ws._write_number, ws._write_datetime  # noqa: SLF001


def _write_rows(out: BookSheet, sheet: Sheet, records: list[Any],
                clean: bool = True) -> Iterator[int]:
    """The records' rows, one a step; yields the count written every STEP rows.

    The loop writes straight through XlsxWriter's own cell writers (cell_writers): at
    20,000 activities it runs 400,000 times, so each cell costs one type test and one
    call. clean=False: the records' text is clean already (a str, as clean_text makes
    it), so it is written as it is.
    """
    plans = [_column_plan(out.book, c) for c in sheet.columns]
    getter = attrgetter(*(c.key for c in sheet.columns))
    write_string, write_number, write_datetime = cell_writers(out.ws)
    row = out.next_row
    for done, record in enumerate(records, 1):
        for col, (value, (what, fmt, quoted, names)) in enumerate(
                zip(getter(record), plans, strict=True)):
            if value is None:
                continue
            if what == _TEXT:
                text = (clean_text(value if isinstance(value, str) else str(value))
                        if clean else value)
                if names is not None:
                    text = names.get(text, text)
                if not text:
                    continue
                if text.startswith(QUOTED_START) or text in ERROR_TEXTS:
                    write_string(row, col, text, quoted)
                else:
                    write_string(row, col, text, fmt)
            elif what == _NUMBER:
                write_number(row, col, value, fmt)
            else:
                write_datetime(row, col, value, fmt)
        row += 1
        if done % STEP == 0:
            yield done
    out.next_row = row


def _data_sheet(book: Book, sheet: Sheet, setup: PrintSetup) -> BookSheet:
    out = book.sheet(sheet.title, [c.width for c in sheet.columns])
    out.print_setup(setup)
    out.headers([c.header_vi for c in sheet.columns], [c.header_en for c in sheet.columns])
    return out


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


def _write_meta(book: Book, meta: SubmissionMeta) -> None:
    sheet = book.sheet(META_SHEET, [18, 70])
    for key, value in meta_rows(meta):
        sheet.text(0, key)
        sheet.text(1, clean_text(value))
        sheet.end_row()
    sheet.ws.hide()
    sheet.ws.protect()


def submission_header(meta: SubmissionMeta,
                      data_range: tuple[date, date] | None = None) -> str:
    """The print header of a submission's sheets: agency, period (with its data range,
    dd/mm/yyyy, when given), version."""
    period = f"Kỳ báo cáo {meta.period}"
    if data_range is not None:
        start, end = (day.strftime("%d/%m/%Y") for day in data_range)
        period += f" (số liệu từ ngày {start} đến ngày {end})"
    return f"{meta.agency_name_vi or meta.agency_code} — {period} — phiên bản {meta.version}"


def write_workbook(submission: PreparedSubmission, path: Path, *,
                   clean: bool = True) -> Job[None]:
    """Write the submission to path (the caller makes it atomic).

    clean=False: the data's text is clean already (submissions.collect's clean), so it is
    not cleaned again; the file is the same.
    """
    meta, data = submission.meta, submission.data
    total = sum(len(getattr(data, s.key)) for s in SHEETS)
    done = 0
    yield Progress(0, total, "xlsx")
    book = Book(path, title=f"NAP Reporter — {meta.agency_code} — {meta.period} — "
                            f"v{meta.version}", created=meta.created_at,
                font_size=SUBMISSION_FONT_SIZE)
    for sheet in SHEETS:
        # the links sheet has two narrow columns: upright, more rows to a page
        setup = PrintSetup(header=submission_header(meta, submission.data_range),
                           landscape=len(sheet.columns) > 4)
        out = _data_sheet(book, sheet, setup)
        records = getattr(data, sheet.key)
        for written in _write_rows(out, sheet, records, clean):
            yield Progress(done + written, total, "xlsx")
        done += len(records)
    _write_meta(book, meta)
    yield Progress(done, total, "xlsx")
    book.close()
    yield Progress(total, total, "xlsx")
