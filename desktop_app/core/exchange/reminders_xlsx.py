"""The reminder list of a period as a workbook an analyst prints and phones down.

One sheet: a title naming the period and its due date, then one row per unit that had
to report and has not, with its contact person, phone and e-mail (bilingual headers,
Vietnamese above English). It prints on A4 landscape, one page wide, the header rows
repeated on every page, the period and the page number in the footer. A list of a few
dozen rows, so the workbook is written in openpyxl's normal mode, which has the whole
print setup; every text is text, never a formula.

The workbook's libraries are imported when one is written, not with this module: the
focal point's Reporting status page reads the contacts through services/contacts.py,
which would otherwise bring openpyxl and XlsxWriter along (~0.25 s of imports on its
first read, on a worker beside the GUI thread).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.core.domain.text import nfc
from desktop_app.core.domain.timefmt import local_text

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

SHEET = "Danh sách nhắc"
COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("STT", "No.", 6),
    ("Cơ quan", "Agency", 38),
    ("Nay thuộc", "Now part of", 18),
    ("Người liên hệ", "Contact person", 26),
    ("Điện thoại", "Phone", 16),
    ("Thư điện tử", "E-mail", 30),
    ("Cập nhật liên hệ", "Contact as of", 20),
    ("Ghi chú (kết quả liên hệ)", "Notes (outcome of the call)", 30),
)
HEADER_ROWS = (4, 5)  # the Vietnamese and the English header
THIN_COLOR = "888888"


@dataclass(frozen=True)
class ReminderRow:
    code: str
    name_vi: str  # the body in full: "Ủy ban nhân dân tỉnh Cao Bằng"
    name_en: str
    now_part_of_vi: str  # a former unit: the unit in force it became part of
    contact_person: str
    phone: str
    email: str
    contact_updated: datetime | None  # UTC


@dataclass(frozen=True)
class ReminderList:
    year: int
    due_date: date | None
    days_overdue: int | None  # negative: days left; None: no due date
    created_at: datetime  # UTC
    agencies: int  # units that had to report for the period
    rows: tuple[ReminderRow, ...]


def _text(ws: Worksheet, row: int, column: int, value: str) -> Any:
    """User text as text: a value that looks like a formula is quoted, not computed."""
    from desktop_app.core.exchange.xlsx_writer import QUOTED_START

    cell = ws.cell(row=row, column=column)
    cell.value = nfc(value) if value else None
    if value:
        cell.data_type = "s"
        if value.startswith(QUOTED_START):
            cell.quotePrefix = True
    return cell


def _due_words(r: ReminderList) -> str:
    if r.due_date is None:
        return "Kỳ báo cáo chưa có hạn gửi báo cáo / No due date set"
    due = r.due_date.strftime("%d/%m/%Y")
    if r.days_overdue is not None and r.days_overdue > 0:
        return (f"Hạn gửi báo cáo: {due}, đã quá hạn {r.days_overdue} ngày / "
                f"Due {due}, {r.days_overdue} days overdue")
    return f"Hạn gửi báo cáo: {due} / Due {due}"


def write_reminders(r: ReminderList, path: Path) -> None:
    """The reminder list ``r`` as a workbook at ``path`` (the caller makes it atomic)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    from desktop_app.core.exchange.xlsx_writer import CREATOR

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    wb.properties.title = f"Danh sách nhắc gửi báo cáo năm {r.year}"
    wb.properties.creator = wb.properties.lastModifiedBy = CREATOR
    wb.properties.created = wb.properties.modified = r.created_at.replace(tzinfo=None)
    width = len(COLUMNS)
    last = get_column_letter(width)
    title = _text(ws, 1, 1, f"DANH SÁCH CƠ QUAN CHƯA GỬI BÁO CÁO NĂM {r.year} / "
                            f"AGENCIES THAT HAVE NOT REPORTED FOR {r.year}")
    title.font = Font(bold=True, size=13)
    ws.merge_cells(f"A1:{last}1")
    _text(ws, 2, 1, f"{_due_words(r)} · {len(r.rows)}/{r.agencies} cơ quan chưa gửi "
                    f"/ not yet reported")
    ws.merge_cells(f"A2:{last}2")
    _text(ws, 3, 1, f"Lập lúc / Made at: {local_text(r.created_at)}").font = Font(
        italic=True, size=9)
    ws.merge_cells(f"A3:{last}3")
    head_fill = PatternFill("solid", fgColor="E8E8E8")
    thin = Side(style="thin", color=THIN_COLOR)
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    for index, (vi, en, col_width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = col_width
        for row, words, bold in ((HEADER_ROWS[0], vi, True), (HEADER_ROWS[1], en, False)):
            cell = _text(ws, row, index, words)
            cell.font = Font(bold=bold, italic=not bold)
            cell.fill, cell.border = head_fill, border
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for n, item in enumerate(r.rows, start=1):
        row = HEADER_ROWS[1] + n
        cell = ws.cell(row=row, column=1, value=n)
        values = (item.name_vi, item.now_part_of_vi, item.contact_person, item.phone,
                  item.email, local_text(item.contact_updated, zone=False)
                  if item.contact_updated else "", "")
        cells = [cell] + [_text(ws, row, k, v) for k, v in enumerate(values, start=2)]
        for c in cells:
            c.border, c.alignment = border, wrap
        ws.row_dimensions[row].height = 30  # room to note the outcome of the call by hand
    if not r.rows:
        _text(ws, HEADER_ROWS[1] + 1, 2, "Tất cả các cơ quan đã gửi báo cáo. / Every "
                                         "agency has reported.")
    ws.freeze_panes = f"A{HEADER_ROWS[1] + 1}"
    ws.print_title_rows = f"{HEADER_ROWS[0]}:{HEADER_ROWS[1]}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the list needs
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.left.text = f"Danh sách nhắc gửi báo cáo năm {r.year}"
    ws.oddFooter.right.text = "Trang &P/&N"
    ws.print_area = f"A1:{last}{max(HEADER_ROWS[1] + len(r.rows), HEADER_ROWS[1] + 1)}"
    wb.save(path)
