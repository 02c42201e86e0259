"""The blank template workbook itself, made with openpyxl: its sheets, styles, dropdown
lists, validation and protection (what it holds is in template.py).

Apart from template.py so that openpyxl (~0.2 s of imports) is loaded only when a
template is written, not by every module that needs the template's facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from datetime import UTC, date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.core.exchange.columns import HEADER_ROWS, SHEETS, Column, Kind, Sheet
from desktop_app.core.exchange.template import (
    DATE_MAX,
    DATE_MIN,
    FIRST_ROW,
    FORMAT_NAME,
    FORMAT_VERSION,
    GENERAL_CELLS,
    GENERAL_SHEET,
    INPUT_ROWS,
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    MARKER_SHEET,
    REFERENCE_SHEET,
    STATUS_LABELS,
    STT,
    TEMPLATE_SHEETS,
    TYPE_LABELS,
    TemplateCatalog,
    choice_item,
)

_EXCEL_EPOCH = date(1899, 12, 30)


# --- the words ---------------------------------------------------------------------

def _instructions(catalog: TemplateCatalog, period: int | None) -> list[tuple[str, str]]:
    """(style, text) lines: Vietnamese first, then English."""
    act, ind, links = (s.title for s in SHEETS)
    period_vi = f" cho kỳ báo cáo {period}" if period else ""
    period_en = f" for the reporting period {period}" if period else ""
    types_vi = "; ".join(vi for vi, _ in TYPE_LABELS.values())
    types_en = "; ".join(en for _, en in TYPE_LABELS.values())
    status_vi = "; ".join(vi for vi, _ in STATUS_LABELS.values())
    status_en = "; ".join(en for _, en in STATUS_LABELS.values())
    version = catalog.version if catalog.version is not None else "-"
    plans_vi: list[tuple[str, str]] = []
    plans_en: list[tuple[str, str]] = []
    if catalog.plans:
        plans_vi.append(("body", f"Kế hoạch áp dụng cho kỳ báo cáo {period}: "
                         + "; ".join(p.text_vi for p in catalog.plans)
                         + ". Mẫu chỉ có các nhiệm vụ và khuyến nghị của kế hoạch này; nhiệm "
                           "vụ của kế hoạch khác bị từ chối khi nhập."))
        plans_en.append(("body", f"Plan in force for the reporting period {period}: "
                         + "; ".join(p.text_en for p in catalog.plans)
                         + ". The template offers only its tasks and recommendations; a task "
                           "of another plan is refused on import."))
    return [
        ("title", "MẪU BÁO CÁO THỰC HIỆN KẾ HOẠCH HÀNH ĐỘNG QUỐC GIA (ICCPR)"),
        ("body", f"Mẫu này dành cho cơ quan chưa cài chương trình NAP Reporter{period_vi}. "
                 f"Điền bằng Excel hoặc LibreOffice, lưu dưới dạng .xlsx rồi gửi lại cho "
                 f"Bộ Tư pháp qua thư điện tử. Danh mục phiên bản {version}."),
        *plans_vi,
        ("heading", "Cách điền"),
        ("body", f"1. Trang «{GENERAL_SHEET}»: chọn cơ quan báo cáo và kỳ báo cáo (năm) trong "
                 "danh sách thả xuống, nhập họ tên người liên hệ."),
        ("body", f"2. Trang «{act}»: mỗi dòng là một hoạt động. Cột STT đã đánh số sẵn, không "
                 "sửa. Chọn mã nhiệm vụ, loại hoạt động và trạng thái trong danh sách thả "
                 "xuống. Các cột có tiêu đề tô màu là bắt buộc."),
        ("body", f"3. Trang «{ind}»: mỗi dòng là một chỉ số. Ở cột «STT hoạt động», ghi số STT "
                 f"của hoạt động trên trang «{act}» mà chỉ số thuộc về; chỉ số không gắn với "
                 "hoạt động nào thì để trống cột này và chọn mã nhiệm vụ. Ghi kết quả đạt "
                 "được trong kỳ ở cột «Kết quả đạt được»."),
        ("body", f"4. Trang «{links}»: mỗi dòng nối một hoạt động (theo số STT của hoạt động) "
                 "với một khuyến nghị; một hoạt động thực hiện nhiều khuyến nghị thì ghi "
                 "nhiều dòng."),
        ("body", "Ngày ghi theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 25/03/2026. Số người "
                 "và kinh phí (đồng) là số nguyên không âm; chỉ tiêu và kết quả là số không âm."),
        ("body", "Mục chọn cơ quan, nhiệm vụ và khuyến nghị có dạng «MÃ — tên»; chương trình "
                 "đọc phần mã đứng trước dấu «—». Có thể gõ riêng phần mã. Loại hoạt động và "
                 "trạng thái chọn theo tên (tiếng Việt hoặc tiếng Anh). Toàn văn nhiệm vụ và "
                 f"khuyến nghị ở trang «{REFERENCE_SHEET}»."),
        ("body", f"Loại hoạt động: {types_vi}."),
        ("body", f"Trạng thái: {status_vi}."),
        ("heading", "Không được thay đổi"),
        ("body", "Không đổi tên, thêm, xóa hay sắp xếp lại các trang và các cột; không sửa hai "
                 "dòng tiêu đề và cột STT; không sửa các trang ẩn. Chương trình dựa vào chúng "
                 "để nhận biết và đọc mẫu này."),
        ("spacer", ""),
        ("title", "TEMPLATE: REPORT ON THE IMPLEMENTATION OF THE NATIONAL ACTION PLAN (ICCPR)"),
        ("body", f"This template is for offices that do not have NAP Reporter{period_en}. Fill "
                 "it in with Excel or LibreOffice, save it as .xlsx and e-mail it back to the "
                 f"Ministry of Justice. Catalog version {version}."),
        *plans_en,
        ("heading", "How to fill it in"),
        ("body", f"1. Sheet “{GENERAL_SHEET}” (general information): choose your agency and "
                 "the reporting period (year) from the dropdowns and type the contact person's "
                 "name."),
        ("body", f"2. Sheet “{act}” (activities): one activity a row. The STT (No.) column is "
                 "numbered already; do not change it. Choose the task code, activity type and "
                 "status from the dropdowns. Columns with a coloured header are required."),
        ("body", f"3. Sheet “{ind}” (indicators and results): one indicator a row. In "
                 f"“STT hoạt động” (Activity No.) write the STT of its activity on the sheet "
                 f"“{act}”; for an indicator of a task rather than an activity, leave it empty "
                 "and choose the task code. Write the period's result under “Kết quả đạt được” "
                 "(Result)."),
        ("body", f"4. Sheet “{links}” (recommendation links): each row links one activity (by "
                 "its STT) to one recommendation; an activity that implements several "
                 "recommendations takes several rows."),
        ("body", "Write dates as day/month/year (dd/mm/yyyy), e.g. 25/03/2026. Counts of people "
                 "and the budget (VND) are whole numbers, not negative; targets and results are "
                 "numbers, not negative."),
        ("body", "Agency, task and recommendation items read “CODE — name”; the program reads "
                 "the code before the “—”. Typing the code alone also works. Activity types "
                 "and statuses are chosen by name (Vietnamese or English). The full texts of "
                 f"the tasks and recommendations are on the sheet “{REFERENCE_SHEET}”."),
        ("body", f"Activity types: {types_en}."),
        ("body", f"Statuses: {status_en}."),
        ("heading", "Do not change"),
        ("body", "Do not rename, add, delete or reorder sheets or columns; do not edit the two "
                 "header rows or the STT column; do not edit the hidden sheets. The program "
                 "relies on them to recognise and read this template."),
    ]


# --- styles ------------------------------------------------------------------------

_THIN = Side(style="thin", color="B0B0B0")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LOCKED = Protection(locked=True)
_UNLOCKED = Protection(locked=False)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_REQUIRED_FILL = PatternFill("solid", fgColor="F6D7A7")
_STT_FILL = PatternFill("solid", fgColor="EEEEEE")

_INPUT_FORMATS = {
    Kind.TEXT: "@", Kind.LONG_TEXT: "@", Kind.CODE: "@", Kind.UUID: "@",
    Kind.DATE: "DD/MM/YYYY", Kind.INTEGER: "#,##0", Kind.NUMBER: "General",
}


def _input_style(kind: Kind) -> NamedStyle:
    wrap = kind in (Kind.LONG_TEXT, Kind.TEXT)
    return NamedStyle(
        name=f"nap_input_{kind.value}", number_format=_INPUT_FORMATS[kind],
        protection=_UNLOCKED, border=_BORDER,
        alignment=Alignment(vertical="top", wrap_text=wrap))


def _text(cell: Cell, value: str) -> None:
    """User-facing text, always a text cell (never read as a formula)."""
    cell.value = value
    cell.data_type = "s"


def _excel_serial(day: date) -> int:
    return (day - _EXCEL_EPOCH).days


# --- sheets -------------------------------------------------------------------------

PRINT_ROWS = 25  # input rows a blank data sheet prints: the form, not 2,000 empty rows


def _fit_to_page_width(ws: Worksheet, period: int | None = None) -> None:
    """A4, one page wide, as many down as needed; the period and page in the margins."""
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_margins.left = ws.page_margins.right = 0.5
    title = "Mẫu báo cáo thực hiện Kế hoạch hành động quốc gia (ICCPR)"
    if period is not None:
        title += f" — Kỳ báo cáo {period}"
    ws.oddHeader.left.text = title
    ws.oddHeader.left.size = 8
    ws.oddFooter.left.text = ws.title.replace("&", "&&")
    ws.oddFooter.left.size = 8
    ws.oddFooter.right.text = "Trang &P / &N"
    ws.oddFooter.right.size = 8


def _protect(ws: Worksheet) -> None:
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widening a column is allowed
    ws.protection.formatRows = False
    ws.protection.selectLockedCells = False
    ws.protection.selectUnlockedCells = False


def _write_lists(wb: Workbook, catalog: TemplateCatalog) -> dict[str, str]:
    """The hidden lists sheet; returns list name -> absolute range reference."""
    ws = wb.create_sheet(LISTS_SHEET)
    lists: dict[str, Sequence[str | int]] = {
        "agencies": [choice_item(a.code, a.text_vi) for a in catalog.agencies],
        "periods": list(catalog.periods),
        "tasks": [choice_item(t.code, t.text_vi) for t in catalog.tasks],
        # the type and status dropdowns list the words only (the reader takes them back)
        "types": [vi for vi, _ in TYPE_LABELS.values()],
        "statuses": [vi for vi, _ in STATUS_LABELS.values()],
        "recommendations": [choice_item(r.code, r.text_vi) for r in catalog.recommendations],
    }
    refs = {}
    for index, (name, items) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        _text(ws.cell(1, index), name)
        for row, item in enumerate(items, start=2):
            cell = ws.cell(row, index)
            if isinstance(item, str):
                _text(cell, item)
            else:
                cell.value = item
        last = max(len(items) + 1, 2)  # an empty catalog still gives a valid range
        refs[name] = f"'{LISTS_SHEET}'!${letter}$2:${letter}${last}"
        ws.column_dimensions[letter].width = 40
    ws.sheet_state = "hidden"
    _protect(ws)
    return refs


def _list_validation(ref: str, what_vi: str) -> DataValidation:
    return DataValidation(
        type="list", formula1=ref, allow_blank=True, showDropDown=False,
        showErrorMessage=True, errorStyle="stop", errorTitle="Giá trị không hợp lệ",
        error=f"Hãy chọn {what_vi} trong danh sách. / Choose a value from the list.")


def _column_validation(column: Column, refs: dict[str, str]) -> DataValidation | None:
    if column.key == "task_code":
        return _list_validation(refs["tasks"], "mã nhiệm vụ")
    if column.key == "type":
        return _list_validation(refs["types"], "loại hoạt động")
    if column.key == "status":
        return _list_validation(refs["statuses"], "trạng thái")
    if column.key == "recommendation_code":
        return _list_validation(refs["recommendations"], "mã khuyến nghị")
    if column.key == "activity_stt":
        return DataValidation(
            type="whole", operator="between", formula1="1", formula2=str(INPUT_ROWS),
            allow_blank=True, showErrorMessage=True, errorTitle="Số STT không hợp lệ",
            error=f"Ghi số STT của hoạt động (1 – {INPUT_ROWS}). / "
                  "Write the activity's No.")
    if column.kind is Kind.DATE:
        return DataValidation(
            type="date", operator="between", formula1=str(_excel_serial(DATE_MIN)),
            formula2=str(_excel_serial(DATE_MAX)), allow_blank=True, showErrorMessage=True,
            errorTitle="Ngày không hợp lệ",
            error="Ghi ngày theo dạng dd/mm/yyyy, ví dụ 25/03/2026. / "
                  "Write a date as dd/mm/yyyy.")
    if column.kind is Kind.INTEGER:
        return DataValidation(
            type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
            showErrorMessage=True, errorTitle="Số không hợp lệ",
            error="Ghi số nguyên không âm, ví dụ 120. / Write a whole number, 0 or more.")
    if column.kind is Kind.NUMBER:
        return DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
            showErrorMessage=True, errorTitle="Số không hợp lệ",
            error="Ghi một số không âm, ví dụ 12,5. / Write a number, 0 or more.")
    return None


def _write_data_sheet(wb: Workbook, sheet: Sheet, columns: tuple[Column, ...],
                      refs: dict[str, str], styles: dict[Kind, str],
                      period: int | None) -> None:
    ws = wb.create_sheet(sheet.title)
    last_row = FIRST_ROW + INPUT_ROWS - 1
    bold = Font(bold=True)
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = column.width
        fill = _REQUIRED_FILL if column.required and column is not STT else _HEADER_FILL
        for row, header in ((1, column.header_vi), (2, column.header_en)):
            cell = ws.cell(row, index)
            _text(cell, header)
            cell.font = bold if row == 1 else Font(italic=True)
            cell.fill, cell.border, cell.protection = fill, _BORDER, _LOCKED
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        first = ws.cell(FIRST_ROW, index)
        if column is STT:
            first.fill, first.border, first.protection = _STT_FILL, _BORDER, _LOCKED
        else:
            first.style = styles[column.kind]
        # Copying the first cell's style index is ~20× faster than styling 2,000 cells.
        for row in range(FIRST_ROW, last_row + 1):
            cell = ws.cell(row, index)
            cell._style = copy(first._style)  # noqa: SLF001
            if column is STT:
                cell.value = row - FIRST_ROW + 1
        if column is STT:
            continue
        validation = _column_validation(column, refs)
        if validation is not None:
            validation.add(f"{letter}{FIRST_ROW}:{letter}{last_row}")
            ws.add_data_validation(validation)
    ws.freeze_panes = ws.cell(FIRST_ROW, 2)
    _fit_to_page_width(ws, period)
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.print_title_rows = f"1:{HEADER_ROWS}"
    # a blank form prints its headers and the first rows; the rest are the same rows
    ws.print_area = f"A1:{get_column_letter(len(columns))}{HEADER_ROWS + PRINT_ROWS}"
    ws.row_dimensions[1].height = 32
    _protect(ws)


def _write_general(wb: Workbook, refs: dict[str, str], period: int | None) -> None:
    ws = wb.create_sheet(GENERAL_SHEET)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 60
    _text(ws["A1"], "THÔNG TIN CHUNG / GENERAL INFORMATION")
    ws["A1"].font = Font(bold=True, size=13)
    rows = (
        ("agency", "Cơ quan báo cáo", "Reporting agency", refs["agencies"]),
        ("period", "Kỳ báo cáo (năm)", "Reporting period (year)", refs["periods"]),
        ("contact_person", "Người liên hệ (họ tên, điện thoại)",
         "Contact person (name, phone)", None),
    )
    for key, label_vi, label_en, ref in rows:
        answer = ws[GENERAL_CELLS[key]]
        _text(ws.cell(answer.row, 1), label_vi)
        ws.cell(answer.row, 1).font = Font(bold=True)
        _text(ws.cell(answer.row, 2), label_en)
        ws.cell(answer.row, 2).font = Font(italic=True)
        answer.protection, answer.border = _UNLOCKED, _BORDER
        answer.fill = _REQUIRED_FILL
        answer.number_format = "@" if key != "period" else "0"
        if ref is not None:
            what = "cơ quan" if key == "agency" else "kỳ báo cáo"
            validation = _list_validation(ref, what)
            validation.add(answer.coordinate)
            ws.add_data_validation(validation)
    if period is not None:
        ws[GENERAL_CELLS["period"]].value = period
    _text(ws["A7"], "Chọn trong danh sách thả xuống ở cột C. / "
                    "Choose from the dropdowns in column C.")
    ws["A7"].font = Font(italic=True, color="666666")
    _fit_to_page_width(ws, period)
    _protect(ws)


def _write_instructions(wb: Workbook, catalog: TemplateCatalog, period: int | None) -> None:
    ws = wb.active
    assert ws is not None
    ws.title = INSTRUCTIONS_SHEET
    ws.column_dimensions["A"].width = 80  # inside a portrait A4 page at 100%
    _fit_to_page_width(ws, period)
    # a named font: with none, LibreOffice lays the text out in one font and prints it in
    # another, and wrapped lines are cut at the column's edge
    fonts = {"title": Font(name="Calibri", bold=True, size=13),
             "heading": Font(name="Calibri", bold=True, size=11),
             "body": Font(name="Calibri", size=11), "spacer": Font(name="Calibri", size=11)}
    for row, (style, line) in enumerate(_instructions(catalog, period), start=1):
        cell = ws.cell(row, 1)
        if line:
            _text(cell, line)
        cell.font = fonts[style]
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if style == "body":  # tall enough for the wrapped lines, with room to spare
            ws.row_dimensions[row].height = 15 * (1 + len(line) // 70)
    _protect(ws)


def _write_reference(wb: Workbook, catalog: TemplateCatalog) -> None:
    ws = wb.create_sheet(REFERENCE_SHEET)
    widths = {"A": 18, "B": 80, "C": 60, "D": 20}
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width
    row = 1
    for title, items in (("NHIỆM VỤ / TASKS", catalog.tasks),
                         ("KHUYẾN NGHỊ / RECOMMENDATIONS", catalog.recommendations)):
        _text(ws.cell(row, 1), title)
        ws.cell(row, 1).font = Font(bold=True, size=12)
        row += 1
        for col, header in enumerate(("Mã / Code", "Tiếng Việt", "English", "Nguồn / Source"),
                                     start=1):
            _text(ws.cell(row, col), header)
            ws.cell(row, col).font = Font(bold=True)
            ws.cell(row, col).fill = _HEADER_FILL
        row += 1
        for item in items:
            for col, value in enumerate((item.code, item.text_vi, item.text_en, item.detail),
                                        start=1):
                cell = ws.cell(row, col)
                _text(cell, value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            row += 1
        row += 1
    _fit_to_page_width(ws)
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    _protect(ws)


def _write_marker(wb: Workbook, catalog: TemplateCatalog, period: int | None,
                  created: datetime, app_version: str) -> None:
    ws = wb.create_sheet(MARKER_SHEET)
    facts = (
        ("format", FORMAT_NAME),
        ("format_version", str(FORMAT_VERSION)),
        ("app_version", app_version),
        ("catalog_version", "" if catalog.version is None else str(catalog.version)),
        ("period", "" if period is None else str(period)),
        ("created_at", created.astimezone(UTC).replace(microsecond=0).isoformat()),
        ("input_rows", str(INPUT_ROWS)),
    )
    for row, (key, value) in enumerate(facts, start=1):
        _text(ws.cell(row, 1), key)
        if value:
            _text(ws.cell(row, 2), value)
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 40
    ws.sheet_state = "hidden"
    _protect(ws)


def build_template(catalog: TemplateCatalog, *, period: int | None = None,
                   now: datetime | None = None, app_version: str = "") -> Workbook:
    created = now or datetime.now(UTC)
    wb = Workbook()
    styles: dict[Kind, str] = {}
    for kind in Kind:
        style = _input_style(kind)
        wb.add_named_style(style)
        styles[kind] = style.name
    _write_instructions(wb, catalog, period)
    # The lists sheet is made first so the data sheets can refer to it, then moved last.
    refs = _write_lists(wb, catalog)
    _write_general(wb, refs, period)
    for sheet, columns in TEMPLATE_SHEETS:
        _write_data_sheet(wb, sheet, columns, refs, styles, period)
    _write_reference(wb, catalog)
    lists = wb[LISTS_SHEET]
    wb.move_sheet(lists, offset=len(wb.sheetnames) - 1 - wb.sheetnames.index(LISTS_SHEET))
    _write_marker(wb, catalog, period, created, app_version)
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)
    return wb


