"""The focal point's national consolidated report of a period as the analyst's workbook.

Five sheets — summary, reporting status (this period and up to four before it), areas
and tasks, recommendations (follow-up ones first, with the assessment), and every
current activity — each with a two-row header (Vietnamese, then English) frozen under
it. It draws a ``NationalReport`` read by the services, with the cell kit of
``xlsx_writer``: every text is written as text (never a formula), so a title typed as
"=1+1" stays a title in Excel and LibreOffice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from xlsxwriter.format import Format

from desktop_app.core.domain.enums import (
    ActivityStatus,
    ActivityType,
    AgencyKind,
    Grade,
    Implementation,
)
from desktop_app.core.domain.labels import label, label_of, labels, words
from desktop_app.core.domain.timefmt import local_date, local_text
from desktop_app.core.exchange.assessment_words import checked_cell, committee_cell
from desktop_app.core.exchange.canonical import clean_text
from desktop_app.core.exchange.national_model import NationalReport
from desktop_app.core.exchange.report_model import (
    STATUSES,
    IndicatorCounts,
    StatusCounts,
)
from desktop_app.core.exchange.xlsx_writer import (
    Book,
    BookSheet,
    PrintSetup,
    cell_writers,
    needs_quote,
)
from desktop_app.core.progress import Job, Progress

STEP = 2000  # annex rows between progress reports

_Written = tuple[str, Format | None] | None  # an annex text cleaned, with its format; None: empty


def _percent(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


class _Sheet:
    """A sheet with a two-row bilingual header, frozen under it and repeated in print."""

    def __init__(self, wb: Book, title: str,
                 columns: Sequence[tuple[str, str, float]], *,
                 landscape: bool = True, header: str = "") -> None:
        self.out: BookSheet = wb.sheet(title, [w for _vi, _en, w in columns])
        self.out.print_setup(PrintSetup(header=header, landscape=landscape))
        self.out.headers([vi for vi, _en, _w in columns], [en for _vi, en, _w in columns])

    def row(self, *values: Any, long: Sequence[int] = (), percent: Sequence[int] = ()
            ) -> None:
        self.out.row(values, long=long, percent=percent)


def _print_header(r: NationalReport) -> str:
    return f"Bộ Tư pháp — Báo cáo tổng hợp — Kỳ báo cáo {r.year}"


def _status_columns() -> list[tuple[str, str, float]]:
    return [(*words(ActivityStatus(s)), 12) for s in STATUSES]


def _summary_sheet(wb: Book, r: NationalReport) -> None:
    sheet = _Sheet(wb, "Tổng hợp", [("Nội dung", "Item", 52), ("Nội dung (tiếng Anh)",
                                     "Item (English)", 46), ("Giá trị", "Value", 22)],
                   landscape=False, header=_print_header(r))
    c = r.counts
    rows: list[tuple[str, str, Any]] = [
        ("Kỳ báo cáo", "Reporting period", str(r.year)),
        ("Số liệu từ ngày", "Data from", r.period_from),
        ("Đến ngày", "Data to", r.period_to),
        ("Kế hoạch", "Plan", f"{r.plan_decision} {r.plan_title_vi}".strip()),
        ("Hạn gửi báo cáo", "Due date", r.due_date),
        ("Thời điểm lập báo cáo", "Made at", local_text(r.created_at)),
        ("Số cơ quan phải báo cáo", "Agencies expected to report", c.agencies),
        ("Số cơ quan đã gửi báo cáo", "Agencies that reported", c.received),
        ("- Đúng hạn", "- on time", c.on_time),
        ("- Muộn", "- late", c.late),
        ("Số cơ quan chưa gửi báo cáo", "Agencies not yet reported", c.not_received),
    ]
    for vi, en, value in rows:
        sheet.row(vi, en, value, long=(2,))
    sheet.row("Tỷ lệ báo cáo đúng hạn (trên số đã nhận)", "On-time rate (of those received)",
              _percent(c.on_time_rate), percent=(2,))
    more: list[tuple[str, str, Any]] = [
        ("Số cơ quan có hoạt động", "Agencies with activities", r.agencies_acting),
        ("Tổng số hoạt động", "Activities", r.statuses.total),
    ]
    more += [(f"- {label(ActivityStatus(s), 'vi')}", f"- {label(ActivityStatus(s), 'en').lower()}",
              r.statuses.of(s)) for s in STATUSES]
    more += [
        ("Tổng kinh phí (đồng)", "Budget (VND)", r.budget_vnd),
        ("Số chỉ số", "Indicators", r.indicators.total),
        ("- Đã có kết quả", "- with a result", r.indicators.with_result),
        ("- Đạt hoặc vượt chỉ tiêu", "- on track (result ≥ target)", r.indicators.on_track),
        ("Số khuyến nghị", "Recommendations", len(r.recommendations)),
        ("- Thuộc thủ tục theo dõi của Ủy ban", "- under the Committee's follow-up",
         sum(1 for x in r.recommendations if x.follow_up)),
        ("- Đã có hoạt động thực hiện", "- with activities",
         sum(1 for x in r.recommendations if x.activities)),
        ("- Đã được cơ quan đầu mối đánh giá", "- assessed by the focal point",
         sum(1 for x in r.recommendations if x.assessment is not None)),
    ]
    more.append(("Khuyến nghị đã được Ủy ban Nhân quyền đánh giá trong thủ tục theo dõi",
                 "Recommendations the Committee graded in its follow-up procedure",
                 sum(1 for x in r.recommendations if x.committee_grades)))
    more.append(("- Trong đó có mức đánh giá chưa đối chiếu văn bản của Ủy ban",
                 "- of which with a grade still to check against the Committee's document",
                 sum(1 for x in r.recommendations
                     if any(not g.verified for g in x.committee_grades))))
    grades = Counter(g.grade for x in r.recommendations for g in x.committee_grades)
    for g in r.grades:
        vi, en = words(Grade(g.code))
        more.append((f"  {vi}: {g.meaning_vi}" if g.meaning_vi else f"  {vi}",
                     f"  {en}: {g.meaning_en}" if g.meaning_en else f"  {en}",
                     grades.get(g.code, 0)))
    for vi, en, value in more:
        sheet.row(vi, en, value)


def _kind(code: str) -> str:
    return label_of(AgencyKind, code, "vi")


def _completeness_sheet(wb: Book, r: NationalReport) -> None:
    columns: list[tuple[str, str, float]] = [
        ("STT", "No.", 6), ("Mã", "Code", 9), ("Cơ quan", "Agency", 32),
        ("Cơ quan (tiếng Anh)", "Agency (English)", 30), ("Loại", "Kind", 18),
        ("Đơn vị cũ gộp vào", "Former units rolled up", 16)]
    for year in r.grid.years:
        columns += [(f"Năm {year}: tình trạng", f"{year}: state", 18),
                    (f"Năm {year}: số phiên bản", f"{year}: versions", 10)]
    columns += [(f"Năm {r.year}: ngày nhận đầu tiên", f"{r.year}: first received", 14),
                (f"Năm {r.year}: đơn vị đã gửi (phiên bản hiện hành)",
                 f"{r.year}: units that sent (current version)", 26)]
    sheet = _Sheet(wb, "Tình hình báo cáo", columns, header=_print_header(r))
    for n, row in enumerate(r.grid.rows, start=1):
        rolled = ", ".join(row.former) if not row.split_between else (
            "Chia cho / split between: " + ", ".join(row.split_between))
        values: list[Any] = [n, row.code, row.name_vi, row.name_en, _kind(row.kind), rolled]
        for cell in row.cells:
            values += [" / ".join(words(cell.state)), cell.versions]
        this = r.cell_of(row)
        received = local_date(this.first_received) if this.first_received else None
        units = ", ".join(f"{u.code} v{u.current_version}"
                          + ("" if u.signed else " (chưa ký / unsigned)") for u in this.units)
        sheet.row(*values, received, units)
    sheet.row()
    totals = (("Số cơ quan phải báo cáo", "expected", "agencies"),
              ("Đã nhận", "received", "received"), ("Đúng hạn", "on time", "on_time"),
              ("Muộn", "late", "late"), ("Chưa nhận", "not received", "not_received"))
    for vi, en, attr in totals:
        values = ["", "", f"{vi} / {en.capitalize()}", "", "", ""]
        for counts in r.grid.counts:
            values += [getattr(counts, attr), None]
        sheet.row(*values)
    values = ["", "", "Tỷ lệ đúng hạn / On-time rate", "", "", ""]
    rates: list[int] = []
    for k, counts in enumerate(r.grid.counts):
        values += [_percent(counts.on_time_rate), None]
        rates.append(6 + 2 * k)
    sheet.row(*values, percent=rates)


def _area_sheet(wb: Book, r: NationalReport) -> None:
    columns: list[tuple[str, str, float]] = [
        ("Cấp", "Level", 10), ("Mã", "Code", 10), ("Số TT", "No.", 6),
        ("Lĩnh vực / nhiệm vụ", "Area / task", 48),
        ("Lĩnh vực / nhiệm vụ (tiếng Anh)", "Area / task (English)", 40),
        ("Số cơ quan có hoạt động", "Agencies acting", 11),
        ("Tổng số hoạt động", "Activities", 11), *_status_columns(),
        ("Số chỉ số", "Indicators", 10), ("Đã có kết quả", "With a result", 10),
        ("Đạt chỉ tiêu", "On track", 10), ("Tỷ lệ đạt", "On-track rate", 10)]
    sheet = _Sheet(wb, "Theo lĩnh vực", columns, header=_print_header(r))

    def numbers(acts: StatusCounts, inds: IndicatorCounts) -> list[Any]:
        rate = inds.on_track / inds.with_result if inds.with_result else None
        return [acts.total, *(acts.of(s) for s in STATUSES), inds.total, inds.with_result,
                inds.on_track, _percent(rate)]

    rate_col = 7 + len(STATUSES) + 3
    placed: set[str] = set()
    for area in r.areas:
        sheet.row("Lĩnh vực / Area", area.code, area.number, area.title_vi, area.title_en,
                  area.agencies, *numbers(area.activities, area.indicators),
                  long=(3, 4), percent=(rate_col,))
        for task in (t for t in r.tasks if t.area_code == area.code):
            placed.add(task.code)
            sheet.row("Nhiệm vụ / Task", task.code, task.number, task.title_vi,
                      task.title_en, task.agencies, *numbers(task.activities, task.indicators),
                      long=(3, 4), percent=(rate_col,))
    for task in (t for t in r.tasks if t.code not in placed):
        sheet.row("Nhiệm vụ / Task", task.code, task.number, task.title_vi, task.title_en,
                  task.agencies, *numbers(task.activities, task.indicators),
                  long=(3, 4), percent=(rate_col,))
    total = sum((a.activities for a in r.areas), StatusCounts())
    inds = sum((a.indicators for a in r.areas), IndicatorCounts())
    sheet.row("Cộng / Total", "", None, "", "", r.agencies_acting, *numbers(total, inds),
              percent=(rate_col,))


def _recommendation_sheet(wb: Book, r: NationalReport) -> None:
    columns: list[tuple[str, str, float]] = [
        ("STT", "No.", 6), ("Mã khuyến nghị", "Code", 14), ("Nguồn", "Source", 14),
        ("Đoạn", "Paragraph", 8), ("Thủ tục theo dõi", "Follow-up", 10),
        ("Nội dung", "Text (Vietnamese)", 50), ("Nội dung (tiếng Anh)", "Text (English)", 50),
        ("Số cơ quan đã thực hiện", "Agencies that acted", 11),
        ("Các cơ quan đã thực hiện", "Agencies that acted (names)", 40),
        ("Số hoạt động", "Activities", 10), ("Số chỉ số", "Indicators", 10),
        ("Đã có kết quả", "With a result", 10), ("Đạt chỉ tiêu", "On track", 10),
        ("Đánh giá của Ủy ban (A–E), văn bản, ngày",
         "The Committee's assessment (A–E), document, date", 30),
        ("Ý nghĩa mức đánh giá gần nhất", "Meaning of the latest grade", 36),
        ("Mức độ thực hiện (cơ quan đầu mối đánh giá)",
         "Implementation (the focal point's judgment)", 20),
        ("Ghi chú đánh giá", "Note", 40),
        ("Kỳ đánh giá", "Assessed for", 12),
        ("Đối chiếu văn bản", "Checked against its document", 22)]
    sheet = _Sheet(wb, "Theo khuyến nghị", columns, header=_print_header(r))
    for n, rec in enumerate(r.recommendations, start=1):
        a = rec.assessment
        latest = rec.committee_grades[-1] if rec.committee_grades else None
        meaning = r.grade(latest.grade) if latest else None
        sheet.row(
            n, rec.code, rec.source_code, rec.paragraph or "", rec.follow_up, rec.text_vi,
            rec.text_en, len(rec.agencies), "; ".join(x.name_vi for x in rec.agencies),
            rec.activities, rec.indicators.total, rec.indicators.with_result,
            rec.indicators.on_track, "; ".join(committee_cell(g) for g in rec.committee_grades),
            f"{meaning.meaning_vi} / {meaning.meaning_en}" if meaning else "",
            f"{label_of(Implementation, a.implementation, 'vi')} / "
            f"{label_of(Implementation, a.implementation, 'en')}" if a else "",
            a.note if a else "",
            ("" if a is None else str(a.year) if a.year is not None
             else "Không gắn kỳ / Any period"), checked_cell(rec),
            long=(5, 6, 8, 14, 16))


def _annex_sheet(wb: Book, r: NationalReport) -> Job[None]:
    columns: list[tuple[str, str, float]] = [
        ("STT", "No.", 7), ("Mã đơn vị (2025)", "Unit code (2025)", 9),
        ("Đơn vị (2025)", "Unit in force (2025)", 26),
        ("Mã đơn vị báo cáo", "Reporting unit code", 9),
        ("Đơn vị báo cáo", "Reporting unit", 26), ("Nhiệm vụ", "Task", 9),
        ("Tên hoạt động", "Activity", 50), ("Loại hoạt động", "Type", 18),
        ("Tình trạng", "Status", 14), ("Bắt đầu", "Start", 11), ("Kết thúc", "End", 11),
        ("Khuyến nghị", "Recommendations", 18), ("Phụ nữ", "Women", 9),
        ("Người DTTS", "Ethnic minorities", 9), ("Người khuyết tật", "Persons with "
                                                 "disabilities", 10),
        ("Trẻ em", "Children", 9), ("Kinh phí (đồng)", "Budget (VND)", 15),
        ("Mã hoạt động", "Activity UUID", 12)]  # technical: last, narrow
    sheet = _Sheet(wb, "Phụ lục hoạt động", columns, header=_print_header(r))
    # 100,000 rows: each cell straight to XlsxWriter, with the formats and the words that
    # ``BookSheet.row`` would choose for it (numbers "#,##0", dates, the title wrapped,
    # every text quoted where a spreadsheet would read it as a formula)
    out = sheet.out
    ws, book = out.ws, out.book
    write_string, write_number, write_datetime = cell_writers(ws)
    integer, day, long, quoted, long_quoted = (book.integer, book.date, book.long,
                                               book.text_quoted, book.long_quoted)
    types, statuses = labels(ActivityType, "vi"), labels(ActivityStatus, "vi")
    row = out.next_row
    total = len(r.activities)
    # Each distinct text is cleaned and checked once: the units, tasks, types, statuses
    # and recommendation lists repeat over 100,000 rows, and titles often do.
    short: dict[str | None, _Written] = {}
    titles: dict[str | None, _Written] = {}

    def cleaned(value: str | None, fmt: Format | None, quoted_fmt: Format) -> _Written:
        value = clean_text(value) if value else value
        if not value:
            return None
        return value, quoted_fmt if needs_quote(value) else fmt

    def text(col: int, value: str | None, cache: dict[str | None, _Written] = short,
             fmt: Format | None = None, quoted_fmt: Format = quoted) -> None:
        if value in cache:
            found = cache[value]
        else:
            found = cache[value] = cleaned(value, fmt, quoted_fmt)
        if found is not None:
            write_string(row, col, found[0], found[1])

    for n, a in enumerate(r.activities, start=1):
        # a split former unit's activity its task leaves with no successor: no unit in force
        unit = a.rollup.name_vi if a.attributed else "Chưa phân bổ cho cơ quan kế thừa"
        write_number(row, 0, n, integer)
        text(1, a.rollup.code if a.attributed else "")
        text(2, unit)
        text(3, a.agency.code)
        text(4, a.agency.name_vi)
        text(5, a.task_code)
        text(6, a.title, titles, long, long_quoted)
        text(7, types.get(a.type, a.type))
        text(8, statuses.get(a.status, a.status))
        for col, moment in ((9, a.start_date), (10, a.end_date)):
            if moment is not None:
                write_datetime(row, col, moment, day)
        text(11, ", ".join(a.recommendations))
        for col, count in ((12, a.women), (13, a.ethnic_minorities), (14, a.disabilities),
                           (15, a.children), (16, a.budget_vnd)):
            if count is not None:
                write_number(row, col, count, integer)
        found = cleaned(a.uuid, None, quoted)  # unique: not worth keeping
        if found is not None:
            write_string(row, 17, *found)
        row += 1
        if n % STEP == 0:
            out.next_row = row
            yield Progress(n, total, "xlsx")
    out.next_row = row


def write_national_workbook(report: NationalReport, path: Path) -> Job[None]:
    """The workbook of ``report`` at ``path`` (the caller makes it atomic)."""
    total = len(report.activities)
    yield Progress(0, total, "xlsx")
    wb = Book(path, title=f"Báo cáo tổng hợp năm {report.year} - Bộ Tư pháp",
              created=report.created_at)
    _summary_sheet(wb, report)
    _completeness_sheet(wb, report)
    _area_sheet(wb, report)
    _recommendation_sheet(wb, report)
    yield from _annex_sheet(wb, report)
    wb.close()
    yield Progress(total, total, "xlsx")
