"""The audit log as a workbook a person prints and files: who changed what, when.

One sheet: a title naming the installation and when the list was made, then one row
per event, oldest first: the time on this machine's clock (the header names the zone),
the user, the installation, the action, the entity, its key and UUID, the fields
changed old -> new (one a line) and any further facts. Bilingual headers, Vietnamese
above English; A4 landscape, one page wide, the header rows repeated on every page.
A pure renderer of plain text (the service words every value); every text is text,
never a formula. The log grows slowly (a demo fill is one event), so openpyxl's
normal mode, which has the whole print setup, is fast enough.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.core.domain.text import nfc
from desktop_app.core.domain.timefmt import local_text, zone_label
from desktop_app.core.exchange.xlsx_writer import CREATOR, QUOTED_START

SHEET = "Nhật ký thay đổi"
COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("STT", "No.", 6),
    ("Thời điểm", "Time", 19),
    ("Người dùng", "User", 14),
    ("Cài đặt", "Installation", 20),
    ("Thao tác", "Action", 22),
    ("Đối tượng", "Entity", 12),
    ("Tên / mã", "Name / code", 30),
    ("Thay đổi (cũ → mới)", "Changes (old → new)", 48),
    ("Chi tiết", "Details", 36),
    ("Mã định danh", "UUID", 20),
)
HEADER_ROWS = (3, 4)  # the Vietnamese and the English header
THIN = Side(style="thin", color="888888")
MAX_CELL = 32_000  # a spreadsheet cell holds 32,767 characters


@dataclass(frozen=True, slots=True)
class AuditLine:
    at: datetime  # UTC
    user: str
    installation: str
    action: str
    entity: str
    key: str
    entity_uuid: str
    changes: str  # "field: old → new", one a line
    detail: str


@dataclass(frozen=True, slots=True)
class AuditSheet:
    created_at: datetime  # UTC
    installation: str  # "cơ quan báo cáo HNI", "cơ quan đầu mối"
    lines: Sequence[AuditLine]


def _text(ws: Worksheet, row: int, column: int, value: str) -> Any:
    """User text as text: a value that looks like a formula is quoted, not computed."""
    cell = ws.cell(row=row, column=column)
    value = nfc(value)[:MAX_CELL] if value else ""
    cell.value = value or None
    if value:
        cell.data_type = "s"
        if value.startswith(QUOTED_START):
            cell.quotePrefix = True
    return cell


def write_audit_workbook(sheet: AuditSheet, path: Path) -> None:
    """``sheet`` as a workbook at ``path`` (the caller makes it atomic)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    wb.properties.title = "Nhật ký thay đổi / Audit log"
    wb.properties.creator = wb.properties.lastModifiedBy = CREATOR
    wb.properties.created = wb.properties.modified = sheet.created_at.replace(tzinfo=None)
    last = get_column_letter(len(COLUMNS))
    title = _text(ws, 1, 1, "NHẬT KÝ THAY ĐỔI / AUDIT LOG"
                  + (f" — {sheet.installation}" if sheet.installation else ""))
    title.font = Font(bold=True, size=13)
    ws.merge_cells(f"A1:{last}1")
    zone = zone_label(sheet.created_at)
    _text(ws, 2, 1, f"Lập lúc / Made at: {local_text(sheet.created_at)} · "
                    f"{len(sheet.lines)} sự kiện / events · giờ / times: {zone}").font = Font(
        italic=True, size=9)
    ws.merge_cells(f"A2:{last}2")
    head_fill = PatternFill("solid", fgColor="E8E8E8")
    border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, (vi, en, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
        for row, words, bold in ((HEADER_ROWS[0], vi, True), (HEADER_ROWS[1], en, False)):
            cell = _text(ws, row, index, words)
            cell.font = Font(bold=bold, italic=not bold)
            cell.fill, cell.border = head_fill, border
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for n, line in enumerate(sheet.lines, start=1):
        row = HEADER_ROWS[1] + n
        values = (local_text(line.at, zone=False, seconds=True), line.user,
                  line.installation, line.action, line.entity, line.key, line.changes,
                  line.detail, line.entity_uuid)
        cells = [ws.cell(row=row, column=1, value=n)]
        cells += [_text(ws, row, k, v) for k, v in enumerate(values, start=2)]
        for c in cells:
            c.border, c.alignment = border, wrap
    ws.freeze_panes = f"A{HEADER_ROWS[1] + 1}"
    ws.print_title_rows = f"{HEADER_ROWS[0]}:{HEADER_ROWS[1]}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the log needs
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.left.text = "Nhật ký thay đổi / Audit log"
    ws.oddFooter.right.text = "Trang &P/&N"
    ws.print_area = f"A1:{last}{HEADER_ROWS[1] + max(len(sheet.lines), 1)}"
    wb.save(path)
