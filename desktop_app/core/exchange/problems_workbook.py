"""The problems of an import as a workbook the focal point sends back to the agency.

One row per problem: file, agency, sheet, row, column, field, and the rule broken in
Vietnamese and in English. The words are the caller's (the faces word problem codes);
this module only lays them out, every text cell written as text, never as a formula.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.core.files import write_atomically

SHEET_TITLE = "Lỗi - Problems"
# (Vietnamese header, English header, width)
HEADERS = (("Tệp", "File", 28), ("Cơ quan", "Agency", 10), ("Trang tính", "Sheet", 22),
           ("Dòng", "Row", 7), ("Cột", "Column", 7), ("Trường", "Field", 18),
           ("Quy tắc bị vi phạm", "Rule (Vietnamese)", 60),
           ("Rule broken", "Rule (English)", 60))
_FIRST_RULE_COLUMN = 7


@dataclass(frozen=True)
class ProblemLine:
    file: str
    agency: str | None
    sheet: str | None
    row: int | None
    column: str | None
    field: str | None
    rule_vi: str
    rule_en: str


def write_problems_workbook(lines: Iterable[ProblemLine], path: Path) -> None:
    """Write the lines to path, whole or not at all."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET_TITLE
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE7F0")
    for index, (vi, en, width) in enumerate(HEADERS, start=1):
        for row, label in ((1, vi), (2, en)):
            cell = ws.cell(row, index)
            cell.value, cell.data_type = label, "s"
            cell.font, cell.fill = bold, fill
        ws.column_dimensions[chr(64 + index)].width = width
    ws.freeze_panes = "A3"
    wrap = Alignment(wrap_text=True, vertical="top")
    for row, line in enumerate(lines, start=3):
        values = (line.file, line.agency, line.sheet, line.row, line.column, line.field,
                  line.rule_vi, line.rule_en)
        for index, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = ws.cell(row, index)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # always text, never a formula
                if value.startswith(("=", "+", "-", "@")):
                    cell.quotePrefix = True
            if index >= _FIRST_RULE_COLUMN:
                cell.alignment = wrap
    # it prints: A4 landscape, one page wide, the header rows on every page, page numbers
    ws.page_setup.paperSize, ws.page_setup.orientation = ws.PAPERSIZE_A4, "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_title_rows = "1:2"
    ws.oddFooter.left.text, ws.oddFooter.right.text = SHEET_TITLE, "Trang &P / &N"
    write_atomically(Path(path), lambda temporary: wb.save(temporary))
