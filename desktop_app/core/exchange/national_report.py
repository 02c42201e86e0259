"""The focal point's national consolidated report of a period, as a workbook and a PDF.

``national_report_data`` reads everything the report says in one read transaction (the
completeness grid, the views by area, task and recommendation, the assessments and the
annex of activities), so the numbers of every sheet and section agree with each other and
with the services they come from. ``export_national_xlsx`` writes the analyst's workbook
(bilingual headers, every text written as text); ``export_national_pdf`` the official
report issued by the Ministry of Justice, in the Decree 30/2020/NĐ-CP format of the
agency report, whose building blocks (fonts, header, tables, chart, signature, page
furniture) it reuses. Both write into a temporary file beside the destination and rename
it into place: the destination is whole or untouched.
"""

from __future__ import annotations

import math
import queue
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from sqlalchemy import or_
from sqlmodel import Session, col, select

from desktop_app.core.domain.enums import ActivityStatus, ActivityType, AgencyKind, CellState
from desktop_app.core.domain.models import (
    Activity,
    ActivityRecommendation,
    Period,
    Plan,
    Recommendation,
    Submission,
    Task,
)
from desktop_app.core.domain.text import collation_key, nfc
from desktop_app.core.exchange import pdf_report as pdf
from desktop_app.core.exchange.canonical import clean_text
from desktop_app.core.exchange.xlsx_writer import _cell, _cells_only, _Styles, text_cell
from desktop_app.core.files import cannot_write, replacing
from desktop_app.core.problems import RefusedError, UsageError, os_detail
from desktop_app.core.progress import Job, Progress
from desktop_app.core.services.agencies import AgencyDirectory
from desktop_app.core.services.assessments import AssessmentRow, list_assessments
from desktop_app.core.services.completeness import (
    VIET_NAM,
    Cell,
    Grid,
    PeriodCounts,
    Row,
    completeness,
)
from desktop_app.core.services.consolidated import (
    AgencyRef,
    AreaView,
    RecommendationView,
    TaskView,
    by_area,
    by_recommendation,
    by_task,
)
from desktop_app.core.services.lookups import require_focal_point
from desktop_app.core.services.overview import (
    STATUSES,
    AreaProgress,
    IndicatorCounts,
    StatusCounts,
    natural_key,
    plan_in_force,
)
from desktop_app.core.services.report_settings import ReportSettings, read_report_settings
from desktop_app.core.storage.database import Database

CREATOR = "NAP Reporter"
HISTORY_YEARS = 5  # the completeness sheet shows this period and up to four before it
MAX_THEMES = 5  # challenges and next steps in section IV: the most frequent ones
# The PDF's annex of activities stops at about this many rows (shared out between the
# agencies, so that none is left out); the workbook carries every row.
MAX_ANNEX_ACTIVITIES = 2500
MIN_PER_AGENCY = 20
MAX_NAMES = 12  # agencies named in a sentence before "và N cơ quan khác"

GRADE_MEANING: dict[str, tuple[str, str]] = {  # the Committee's scale (CCPR/C/128/3)
    "A": ("Trả lời/hành động phần lớn đạt yêu cầu",
          "Reply/action largely satisfactory"),
    "B": ("Trả lời/hành động đạt yêu cầu một phần",
          "Reply/action partially satisfactory"),
    "C": ("Trả lời/hành động chưa đạt yêu cầu", "Reply/action not satisfactory"),
    "D": ("Không hợp tác với Ủy ban", "No cooperation with the Committee"),
    "E": ("Thông tin hoặc biện pháp trái với, hoặc thể hiện việc bác bỏ, khuyến nghị",
          "Information or measures contrary to, or rejecting, the recommendation"),
}
IMPLEMENTATION_VI = {"fully": "Đã thực hiện đầy đủ", "partially": "Đã thực hiện một phần",
                     "not": "Chưa thực hiện"}
IMPLEMENTATION_EN = {"fully": "Fully implemented", "partially": "Partially implemented",
                     "not": "Not implemented"}
STATE_TEXT = {CellState.NOT_RECEIVED: "Chưa nhận / Not received",
              CellState.ON_TIME: "Đúng hạn / On time", CellState.LATE: "Muộn / Late"}
STATE_VI = {CellState.NOT_RECEIVED: "Chưa nhận", CellState.ON_TIME: "Đúng hạn",
            CellState.LATE: "Muộn"}
STATUS_EN = {"planned": "Not started", "in_progress": "In progress", "completed": "Completed",
             "postponed": "Postponed", "cancelled": "Cancelled"}
KIND_VI = {AgencyKind.CITY: "Thành phố trực thuộc TW", AgencyKind.PROVINCE: "Tỉnh",
           AgencyKind.MINISTRY: "Bộ", AgencyKind.MINISTERIAL_AGENCY: "Cơ quan ngang bộ",
           AgencyKind.CENTRAL_BODY: "Cơ quan trung ương"}
GROUPS = (  # how section I counts the agencies
    ("Địa phương", frozenset({AgencyKind.CITY, AgencyKind.PROVINCE})),
    ("Bộ, cơ quan ngang bộ", frozenset({AgencyKind.MINISTRY, AgencyKind.MINISTERIAL_AGENCY})),
    ("Cơ quan trung ương khác", frozenset({AgencyKind.CENTRAL_BODY})),
)


# --- the data --------------------------------------------------------------------------


@dataclass(frozen=True)
class AnnexActivity:
    """One current activity of the period, under the unit in force it counts for."""

    uuid: str
    rollup: AgencyRef  # the 2025 unit
    agency: AgencyRef  # the unit that reported it (a former province stays itself)
    task_code: str
    title: str
    type: str
    status: str
    start_date: date | None
    end_date: date | None
    women: int | None
    ethnic_minorities: int | None
    disabilities: int | None
    children: int | None
    budget_vnd: int | None
    recommendations: tuple[str, ...]


@dataclass(frozen=True)
class NationalReport:
    year: int
    created_at: datetime  # UTC
    due_date: date | None
    plan_decision: str
    plan_signed_on: date | None
    plan_title_vi: str
    settings: ReportSettings
    grid: Grid  # this period and up to four before it, oldest first
    counts: PeriodCounts  # this period's
    statuses: StatusCounts  # every current activity of the period, by status
    indicators: IndicatorCounts
    agencies_acting: int  # units in force with at least one activity
    budget_vnd: int
    areas: tuple[AreaView, ...]
    tasks: tuple[TaskView, ...]
    recommendations: tuple[RecommendationView, ...]  # follow-up ones first
    assessments: tuple[AssessmentRow, ...]  # of this period, follow-up ones first
    activities: tuple[AnnexActivity, ...]  # by unit in force, reporting unit, title
    challenges: tuple[tuple[str, int], ...]  # distinct statements, most frequent first
    next_steps: tuple[tuple[str, int], ...]

    @property
    def column(self) -> int:
        """The index of this period in the grid's cells."""
        return self.grid.years.index(self.year)

    def cell_of(self, row: Row) -> Cell:
        return row.cells[self.column]


class _OneReading(Database):
    """The database as the services see it while the report reads: every ``reading`` is
    the same session, so that all of them read one snapshot (one transaction)."""

    def __init__(self, db: Database, session: Session) -> None:
        self.path, self.engine = db.path, db.engine
        self.migrated_from, self.migration_backup = db.migrated_from, db.migration_backup
        self._session = session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        yield self._session

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:  # the report never writes
        raise RuntimeError("the national report only reads")
        yield self._session  # pragma: no cover



def _current(submission_id: Any) -> Any:
    return or_(submission_id.is_(None), submission_id.in_(
        select(Submission.id).where(col(Submission.superseded).is_(False))))


def _annex(session: Session, directory: AgencyDirectory, period_id: int
           ) -> tuple[list[AnnexActivity], list[str], list[str]]:
    tasks = {t.id or 0: t.code for t in session.exec(select(Task))}
    recs = {r.id or 0: r.code for r in session.exec(select(Recommendation))}
    links: dict[int, list[str]] = defaultdict(list)
    for activity_id, rec_id in session.exec(
            select(ActivityRecommendation.activity_id, ActivityRecommendation.recommendation_id)
            .join(Activity, col(Activity.id) == ActivityRecommendation.activity_id)
            .where(col(Activity.period_id) == period_id)):
        links[activity_id].append(recs.get(rec_id, ""))
    by_id = {a.id or 0: a for a in directory.by_code.values()}
    refs: dict[int, tuple[AgencyRef, AgencyRef]] = {}
    for agency_id, agency in by_id.items():
        unit = directory.rollup(agency) or agency
        refs[agency_id] = (AgencyRef(unit.code, unit.name_vi, unit.name_en),
                           AgencyRef(agency.code, agency.name_vi, agency.name_en))
    rows: list[AnnexActivity] = []
    challenges: list[str] = []
    next_steps: list[str] = []
    for a in session.exec(select(Activity).where(
            col(Activity.period_id) == period_id, _current(col(Activity.submission_id)))):
        unknown = AgencyRef(str(a.agency_id), "", "")
        rollup, own = refs.get(a.agency_id, (unknown, unknown))
        rows.append(AnnexActivity(
            a.uuid, rollup, own, tasks.get(a.task_id, ""), nfc(a.title), a.type, a.status,
            a.start_date, a.end_date, a.women, a.ethnic_minorities, a.disabilities,
            a.children, a.budget_vnd,
            tuple(sorted(links.get(a.id or 0, []), key=natural_key))))
        challenges.append(a.challenges)
        next_steps.append(a.next_steps)
    rows.sort(key=lambda r: (collation_key(r.rollup.name_vi), r.rollup.code,
                             r.agency.code != r.rollup.code, collation_key(r.agency.name_vi),
                             natural_key(r.task_code), collation_key(r.title), r.uuid))
    return rows, challenges, next_steps


def national_report_data(db: Database, year: int, *, now: datetime | None = None,
                         today: date | None = None) -> NationalReport:
    """Everything the national report of ``year`` says, read in one transaction."""
    created = now or datetime.now(UTC)
    with db.reading() as session:
        require_focal_point(session)
        periods = {p.year: p for p in session.exec(select(Period))}
        if year not in periods:
            raise UsageError.of("period.unknown", period=year)
        years = sorted(y for y in periods if y <= year)[-HISTORY_YEARS:]
        one = _OneReading(db, session)
        grid = completeness(one, years, today=today or created.astimezone(VIET_NAM).date())
        areas = by_area(one, year)
        tasks = by_task(one, year)
        recommendations = by_recommendation(one, year)
        assessments = list_assessments(one, year)
        directory = AgencyDirectory.from_session(session)
        activities, challenges, next_steps = _annex(session, directory,
                                                    periods[year].id or 0)
        plan = plan_in_force(session, year)
        settings = read_report_settings(session)
        decision = plan.decision if isinstance(plan, Plan) else ""
        signed = plan.signed_on if isinstance(plan, Plan) else None
        plan_title = plan.title_vi if isinstance(plan, Plan) else ""
        due = periods[year].due_date
    counts = grid.counts[grid.years.index(year)]
    statuses = StatusCounts.from_mapping(Counter(a.status for a in activities))
    return NationalReport(
        year=year, created_at=created, due_date=due, plan_decision=nfc(decision or ""),
        plan_signed_on=signed, plan_title_vi=nfc(plan_title or ""), settings=settings,
        grid=grid, counts=counts, statuses=statuses,
        indicators=sum((t.indicators for t in tasks), IndicatorCounts()),
        agencies_acting=len({a.rollup.code for a in activities}),
        budget_vnd=sum(a.budget_vnd or 0 for a in activities),
        areas=areas, tasks=tasks, recommendations=recommendations,
        assessments=tuple(assessments), activities=tuple(activities),
        challenges=tuple(pdf._themes(challenges)), next_steps=tuple(pdf._themes(next_steps)))


def national_summary(report: NationalReport, lang: str = "en") -> dict[str, Any]:
    """The headline numbers, for a confirmation message in ``lang``."""
    c = report.counts
    rate = "-" if c.on_time_rate is None else f"{round(100 * c.on_time_rate, 1)}%"
    if lang == "vi":
        rate = rate.replace(".", ",")
    return {"received": c.received, "agencies": c.agencies, "on_time": c.on_time,
            "rate": rate, "activities": report.statuses.total,
            "recommendations": len(report.recommendations),
            "assessed": sum(1 for r in report.recommendations if r.assessment is not None)}


# --- writing whole or not at all --------------------------------------------------------


def _atomic(path: Path, write: Callable[[Path], Job[None]]) -> Job[Path]:
    """Let the job ``write`` fill a temporary file beside ``path``, then rename it."""
    with replacing(path) as temp:
        try:
            yield from write(temp)
        except OSError as exc:
            raise cannot_write(Path(path), os_detail(exc)) from exc
    return Path(path)


def _check_request(db: Database, year: int, path: Path) -> None:
    """Refuse the wrong role, an unknown period or a destination whose folder is missing
    before the (long) reading starts."""
    with db.reading() as session:
        require_focal_point(session)
        if session.exec(select(Period.id).where(col(Period.year) == year)).first() is None:
            raise UsageError.of("period.unknown", period=year)
    folder = Path(path).parent if str(Path(path).parent) else Path(".")
    if Path(path).is_dir():
        raise RefusedError.of("file.cannot_write", file=str(path), detail="EISDIR")
    if not folder.is_dir():
        raise RefusedError.of("file.cannot_write", file=str(path),
                              detail=f"no folder {folder}")


# --- the workbook ---------------------------------------------------------------------


def _percent(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


class _Sheet:
    """A write-only sheet with a two-row bilingual header, frozen under it."""

    def __init__(self, wb: Workbook, title: str,
                 columns: Sequence[tuple[str, str, float]]) -> None:
        ws: WriteOnlyWorksheet = wb.create_sheet(title)
        ws._values_to_row = _cells_only
        self.ws = ws
        self.styles = _Styles(ws)
        self.percent = self._style(number_format="0.0%")
        self.bold = self._style(font_bold=True)
        for index, (_vi, _en, width) in enumerate(columns, 1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A3"
        ws.append([_cell(ws, vi, "s", self.styles.header_vi) for vi, _en, _w in columns])
        ws.append([_cell(ws, en, "s", self.styles.header_en) for _vi, en, _w in columns])

    def _style(self, number_format: str = "General", font_bold: bool = False) -> Any:
        from openpyxl.cell.cell import Cell
        from openpyxl.styles import Alignment, Font

        cell = Cell(self.ws, 1, 1)
        cell.number_format = number_format
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        if font_bold:
            cell.font = Font(bold=True)
        return cell._style

    def value(self, value: Any, *, long: bool = False, kind: str = "") -> Any:
        s = self.styles
        if value is None or value == "":
            return None
        if isinstance(value, str):
            text = clean_text(value)
            if long:
                return text_cell(self.ws, text, s.long, s.long_quoted)
            return text_cell(self.ws, text, s.plain, s.text_quoted)
        if isinstance(value, bool):
            return text_cell(self.ws, "Có / Yes" if value else "", s.plain, s.text_quoted)
        if isinstance(value, datetime):
            return _cell(self.ws, value.replace(tzinfo=None), "d", s.date)
        if isinstance(value, date):
            return _cell(self.ws, value, "d", s.date)
        if kind == "percent":
            return _cell(self.ws, value, "n", self.percent)
        if isinstance(value, int):
            return _cell(self.ws, value, "n", s.integer)
        return _cell(self.ws, value, "n", s.number)

    def row(self, *values: Any, long: Sequence[int] = (), percent: Sequence[int] = ()
            ) -> None:
        self.ws.append([self.value(v, long=i in long, kind="percent" if i in percent else "")
                        for i, v in enumerate(values)])


def _status_columns() -> list[tuple[str, str, float]]:
    return [(pdf.STATUS_VI[ActivityStatus(s)], STATUS_EN[s], 12) for s in STATUSES]


def _date_text(value: date | None) -> str:
    return pdf.date_vi(value) if value else ""


def _summary_sheet(wb: Workbook, r: NationalReport) -> None:
    sheet = _Sheet(wb, "Tổng hợp", [("Nội dung", "Item", 52), ("Nội dung (tiếng Anh)",
                                     "Item (English)", 46), ("Giá trị", "Value", 22)])
    c = r.counts
    created = r.created_at.astimezone(VIET_NAM)
    rows: list[tuple[str, str, Any]] = [
        ("Kỳ báo cáo", "Reporting period", str(r.year)),
        ("Kế hoạch", "Plan", f"{r.plan_decision} {r.plan_title_vi}".strip()),
        ("Hạn gửi báo cáo", "Due date", r.due_date),
        ("Thời điểm lập báo cáo (giờ Việt Nam)", "Made at (Viet Nam time)",
         created.strftime("%d/%m/%Y %H:%M")),
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
    more += [(f"- {pdf.STATUS_VI[ActivityStatus(s)]}", f"- {STATUS_EN[s].lower()}",
              r.statuses.of(s)) for s in STATUSES]
    more += [
        ("Tổng kinh phí (đồng)", "Budget (VND)", r.budget_vnd),
        ("Số chỉ số theo dõi", "Indicators", r.indicators.total),
        ("- Đã có kết quả", "- with a result", r.indicators.with_result),
        ("- Đạt hoặc vượt chỉ tiêu", "- on track (result ≥ target)", r.indicators.on_track),
        ("Số khuyến nghị", "Recommendations", len(r.recommendations)),
        ("- Cần báo cáo tiếp theo (follow-up)", "- follow-up",
         sum(1 for x in r.recommendations if x.follow_up)),
        ("- Đã có hoạt động thực hiện", "- with activities",
         sum(1 for x in r.recommendations if x.activities)),
        ("- Đã được đánh giá", "- assessed",
         sum(1 for x in r.recommendations if x.assessment is not None)),
    ]
    grades = Counter(x.assessment.grade for x in r.recommendations if x.assessment)
    more += [(f"  Mức {g}: {GRADE_MEANING[g][0]}", f"  Grade {g}: {GRADE_MEANING[g][1]}",
              grades.get(g, 0)) for g in GRADE_MEANING]
    for vi, en, value in more:
        sheet.row(vi, en, value)


def _completeness_sheet(wb: Workbook, r: NationalReport) -> None:
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
    sheet = _Sheet(wb, "Tình hình báo cáo", columns)
    for n, row in enumerate(r.grid.rows, start=1):
        values: list[Any] = [n, row.code, row.name_vi, row.name_en,
                             KIND_VI.get(AgencyKind(row.kind), row.kind)
                             if row.kind in KIND_VI else row.kind, ", ".join(row.former)]
        for cell in row.cells:
            values += [STATE_TEXT[cell.state], cell.versions]
        this = r.cell_of(row)
        received = this.first_received.astimezone(VIET_NAM).date() \
            if this.first_received else None
        units = ", ".join(f"{u.code} v{u.current_version}" for u in this.units)
        sheet.row(*values, received, units)
    sheet.row()
    labels = (("Số cơ quan phải báo cáo", "expected", "agencies"),
              ("Đã nhận", "received", "received"), ("Đúng hạn", "on time", "on_time"),
              ("Muộn", "late", "late"), ("Chưa nhận", "not received", "not_received"))
    for vi, en, attr in labels:
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


def _area_sheet(wb: Workbook, r: NationalReport) -> None:
    columns: list[tuple[str, str, float]] = [
        ("Cấp", "Level", 10), ("Mã", "Code", 10), ("Số TT", "No.", 6),
        ("Lĩnh vực / nhiệm vụ", "Area / task", 48),
        ("Lĩnh vực / nhiệm vụ (tiếng Anh)", "Area / task (English)", 40),
        ("Số cơ quan có hoạt động", "Agencies acting", 11),
        ("Tổng số hoạt động", "Activities", 11), *_status_columns(),
        ("Số chỉ số", "Indicators", 10), ("Đã có kết quả", "With a result", 10),
        ("Đạt chỉ tiêu", "On track", 10), ("Tỷ lệ đạt", "On-track rate", 10)]
    sheet = _Sheet(wb, "Theo lĩnh vực", columns)

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


def _recommendation_sheet(wb: Workbook, r: NationalReport) -> None:
    columns: list[tuple[str, str, float]] = [
        ("STT", "No.", 6), ("Mã khuyến nghị", "Code", 14), ("Nguồn", "Source", 14),
        ("Đoạn", "Paragraph", 8), ("Cần báo cáo tiếp theo", "Follow-up", 10),
        ("Nội dung", "Text (Vietnamese)", 50), ("Nội dung (tiếng Anh)", "Text (English)", 50),
        ("Số cơ quan đã thực hiện", "Agencies that acted", 11),
        ("Các cơ quan đã thực hiện", "Agencies that acted (names)", 40),
        ("Số hoạt động", "Activities", 10), ("Số chỉ số", "Indicators", 10),
        ("Đã có kết quả", "With a result", 10), ("Đạt chỉ tiêu", "On track", 10),
        ("Mức đánh giá (A–E)", "Grade (A–E)", 9), ("Ý nghĩa mức đánh giá", "Meaning", 36),
        ("Mức độ thực hiện", "Implementation", 20), ("Ghi chú đánh giá", "Note", 40),
        ("Kỳ đánh giá", "Assessed for", 12)]
    sheet = _Sheet(wb, "Theo khuyến nghị", columns)
    for n, rec in enumerate(r.recommendations, start=1):
        a = rec.assessment
        meaning = GRADE_MEANING.get(a.grade) if a else None
        sheet.row(
            n, rec.code, rec.source_code, rec.paragraph or "", rec.follow_up, rec.text_vi,
            rec.text_en, len(rec.agencies), "; ".join(x.name_vi for x in rec.agencies),
            rec.activities, rec.indicators.total, rec.indicators.with_result,
            rec.indicators.on_track, a.grade if a else "",
            f"{meaning[0]} / {meaning[1]}" if meaning else "",
            f"{IMPLEMENTATION_VI.get(a.implementation, a.implementation)} / "
            f"{IMPLEMENTATION_EN.get(a.implementation, a.implementation)}" if a else "",
            a.note if a else "",
            ("" if a is None else str(a.year) if a.year is not None
             else "Không gắn kỳ / Any period"),
            long=(5, 6, 8, 14, 16))


def _annex_sheet(wb: Workbook, r: NationalReport) -> Job[None]:
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
        ("Mã hoạt động", "Activity UUID", 38)]
    sheet = _Sheet(wb, "Phụ lục hoạt động", columns)
    total = len(r.activities)
    for n, a in enumerate(r.activities, start=1):
        sheet.row(n, a.rollup.code, a.rollup.name_vi, a.agency.code, a.agency.name_vi,
                  a.task_code, a.title,
                  pdf.TYPE_VI[ActivityType(a.type)] if a.type in pdf.TYPE_VI else a.type,
                  pdf.STATUS_VI[ActivityStatus(a.status)] if a.status in pdf.STATUS_VI
                  else a.status,
                  a.start_date, a.end_date, ", ".join(a.recommendations), a.women,
                  a.ethnic_minorities, a.disabilities, a.children, a.budget_vnd, a.uuid,
                  long=(6,))
        if n % 2000 == 0:
            yield Progress(n, total, "xlsx")


def write_national_workbook(report: NationalReport, path: Path) -> Job[None]:
    """The workbook of ``report`` at ``path`` (the caller makes it atomic)."""
    total = len(report.activities)
    yield Progress(0, total, "xlsx")
    wb = Workbook(write_only=True)
    wb.properties.title = f"Báo cáo tổng hợp năm {report.year} - Bộ Tư pháp"
    wb.properties.creator = wb.properties.lastModifiedBy = CREATOR
    wb.properties.created = wb.properties.modified = report.created_at.replace(tzinfo=None)
    _summary_sheet(wb, report)
    _completeness_sheet(wb, report)
    _area_sheet(wb, report)
    _recommendation_sheet(wb, report)
    yield from _annex_sheet(wb, report)
    wb.save(path)
    yield Progress(total, total, "xlsx")


def export_national_xlsx(db: Database, year: int, path: Path, *,
                         now: datetime | None = None,
                         report: NationalReport | None = None) -> Job[Path]:
    """Read the national report of ``year`` (or take ``report``, read by the caller) and
    write its workbook to ``path``."""
    _check_request(db, year, path)
    yield Progress(0, 0, "prepare")
    data = report if report is not None else national_report_data(db, year, now=now)
    written = yield from _atomic(path, lambda temp: write_national_workbook(data, temp))
    return written


# --- the PDF --------------------------------------------------------------------------


S = pdf.S
_BODY_REF = pdf._style("nat_ref", font="Tinos-Italic", after=6, indent=10 * mm)
_SUB_ITALIC = pdf._style("nat_sub_italic", font="Tinos-BoldItalic", after=4, indent=10 * mm)


def _p(text: str, style: Any = None) -> Paragraph:
    """A paragraph of plain text (escaped, NFC)."""
    return Paragraph(escape(nfc(text)), style or S.body)


def _names(refs: Sequence[str], most: int = MAX_NAMES) -> str:
    shown = [nfc(n) for n in refs[:most]]
    rest = len(refs) - len(shown)
    text = ", ".join(shown)
    return f"{text} và {pdf.thousands(rest)} cơ quan khác" if rest > 0 else text


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{pdf.number_vi(round(100 * value, 1))}%"


def _status_phrase(counts: StatusCounts) -> str:
    parts = [f"{pdf.thousands(counts.of(s))} {pdf.STATUS_VI[s].lower()}" for s in pdf.CHART_ORDER
             if counts.of(s)]
    return ", ".join(parts)


def _as_progress(areas: Sequence[AreaView]) -> list[AreaProgress]:
    return [AreaProgress(a.code, a.number, a.title_vi, a.title_en, a.activities, a.indicators)
            for a in areas]


def _title(r: NationalReport) -> list[Flowable]:
    plan = r.plan_title_vi or ("Kế hoạch thực hiện Công ước quốc tế về các quyền dân sự và "
                               "chính trị")
    decision = ""
    if r.plan_decision:
        decision = f" ban hành kèm theo Quyết định số {r.plan_decision}"
        if r.plan_signed_on:
            s = r.plan_signed_on
            decision += f" ngày {s.day}/{s.month}/{s.year}"
        decision += " của Thủ tướng Chính phủ"
    return [
        Paragraph("BÁO CÁO", S.title),
        _p(f"Tổng hợp kết quả thực hiện {plan}{decision} năm {r.year}", S.subtitle),
        _p(f"(Kỳ báo cáo: từ ngày 01/01/{r.year} đến ngày 31/12/{r.year})",
           pdf._style("nat_period", size=13, font="Tinos-Italic", align=TA_CENTER, after=2)),
        pdf._rule(45 * mm, before=4.5, after=14),
    ]


def _table(rows: list[list[Any]], widths: Sequence[float], extra: Sequence[Any] = ()
           ) -> LongTable:
    table = LongTable(rows, colWidths=list(widths), repeatRows=1)
    table.setStyle(TableStyle([*pdf._grid_style(), *extra]))
    return table


def _head(*titles: str) -> list[Any]:
    return [Paragraph(escape(t), S.cell_head) for t in titles]


def _r(value: Any, bold: bool = False) -> Paragraph:
    text = escape(str(value))
    return Paragraph(f"<b>{text}</b>" if bold else text, S.cell_r)


def _group_counts(r: NationalReport) -> list[tuple[str, int, int, int, int]]:
    out = []
    for label, kinds in GROUPS:
        cells = [r.cell_of(row) for row in r.grid.rows if row.kind in kinds]
        if not cells:
            continue
        out.append((label, len(cells), sum(1 for c in cells if c.received),
                    sum(1 for c in cells if c.state is CellState.ON_TIME),
                    sum(1 for c in cells if c.state is CellState.LATE)))
    return out


def _section_reporting(r: NationalReport) -> list[Flowable]:
    c = r.counts
    out: list[Flowable] = [Paragraph("I. TÌNH HÌNH BÁO CÁO CỦA CÁC BỘ, NGÀNH, ĐỊA PHƯƠNG",
                                     S.section)]
    when = r.created_at.astimezone(VIET_NAM).date()
    due = f" (hạn gửi báo cáo: ngày {pdf.date_vi(r.due_date)})" if r.due_date else ""
    out.append(_p(
        f"Tính đến ngày {pdf.date_vi(when)}, Bộ Tư pháp đã nhận được báo cáo năm {r.year} của "
        f"{pdf.thousands(c.received)}/{pdf.thousands(c.agencies)} bộ, ngành, địa phương{due}, "
        f"trong đó {pdf.thousands(c.on_time)} báo cáo gửi đúng hạn và {pdf.thousands(c.late)} "
        f"báo cáo gửi muộn; tỷ lệ báo cáo đúng hạn (trên số báo cáo đã nhận) là "
        f"{_rate(c.on_time_rate)}."))
    missing = [row.name_vi for row in r.grid.rows
               if r.cell_of(row).state is CellState.NOT_RECEIVED]
    if missing:
        out.append(_p(f"Còn {pdf.thousands(len(missing))} cơ quan chưa gửi báo cáo: "
                      f"{_names(missing, most=len(missing))}."))
    else:
        out.append(_p("Tất cả các bộ, ngành, địa phương đã gửi báo cáo."))
    rows: list[list[Any]] = [_head("Nhóm cơ quan", "Phải báo cáo", "Đã nhận", "Đúng hạn",
                                   "Muộn", "Chưa nhận")]
    for label, total, received, on_time, late in _group_counts(r):
        rows.append([Paragraph(escape(label), S.cell), _r(pdf.thousands(total)),
                     _r(pdf.thousands(received)), _r(pdf.thousands(on_time)),
                     _r(pdf.thousands(late)), _r(pdf.thousands(total - received))])
    rows.append([Paragraph("Cộng", S.cell_group), *(_r(pdf.thousands(v), bold=True) for v in (
        c.agencies, c.received, c.on_time, c.late, c.not_received))])
    out.append(_table(rows, [55 * mm, 22 * mm, 22 * mm, 22 * mm, 22 * mm, 22 * mm]))
    out.append(_p(f"Bảng 1. Tình hình gửi báo cáo năm {r.year}", S.caption))
    if len(r.grid.years) > 1:
        rows = [_head("Năm", "Phải báo cáo", "Đã nhận", "Đúng hạn", "Muộn",
                      "Tỷ lệ đúng hạn")]
        for k in r.grid.counts:
            rows.append([Paragraph(str(k.year), S.cell_c), _r(pdf.thousands(k.agencies)),
                         _r(pdf.thousands(k.received)), _r(pdf.thousands(k.on_time)),
                         _r(pdf.thousands(k.late)), _r(_rate(k.on_time_rate))])
        out.append(CondPageBreak(40 * mm))
        out.append(_table(rows, [25 * mm, 28 * mm, 28 * mm, 28 * mm, 28 * mm, 28 * mm]))
        out.append(_p("Bảng 2. Tình hình gửi báo cáo qua các năm", S.caption))
    out.append(Paragraph("(Danh sách chi tiết tại Phụ lục I kèm theo.)", _BODY_REF))
    return out


def _section_areas(r: NationalReport) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(30 * mm),
                           Paragraph("II. KẾT QUẢ THỰC HIỆN THEO LĨNH VỰC", S.section)]
    total = r.statuses.total
    phrase = _status_phrase(r.statuses)
    out.append(_p(
        f"Trong năm {r.year}, {pdf.thousands(r.agencies_acting)} bộ, ngành, địa phương đã báo "
        f"cáo {pdf.thousands(total)} hoạt động thực hiện Kế hoạch"
        + (f", trong đó: {phrase}" if phrase else "")
        + f"; tổng kinh phí {pdf.thousands(r.budget_vnd)} đồng. Về chỉ số theo dõi: "
        f"{pdf.thousands(r.indicators.total)} chỉ số, trong đó "
        f"{pdf.thousands(r.indicators.with_result)} chỉ số đã có kết quả, "
        f"{pdf.thousands(r.indicators.on_track)} chỉ số đạt hoặc vượt chỉ tiêu."))
    areas = _as_progress(r.areas)
    if areas:
        out.append(KeepTogether([
            pdf._chart(areas),
            _p("Biểu đồ 1. Tiến độ thực hiện các hoạt động theo lĩnh vực", S.caption)]))
        out.append(pdf._area_table(areas))
        out.append(_p("Bảng 3. Số hoạt động theo lĩnh vực và tình trạng thực hiện",
                      S.caption))
    for n, area in enumerate(r.areas, start=1):
        tasks = [t for t in r.tasks if t.area_code == area.code]
        acting = [t for t in tasks if t.activities.total]
        inds = area.indicators
        text = (f"<b>{n}. {pdf._x(area.title_vi)}:</b> "
                f"{pdf.thousands(area.activities.total)} hoạt động của "
                f"{pdf.thousands(area.agencies)} cơ quan, thuộc "
                f"{pdf.thousands(len(acting))}/{pdf.thousands(len(tasks))} nhiệm vụ")
        if area.activities.total:
            text += f" ({escape(_status_phrase(area.activities))})"
        if inds.total:
            text += (f"; {pdf.thousands(inds.on_track)}/{pdf.thousands(inds.with_result)} chỉ số "
                     f"có kết quả đạt chỉ tiêu")
        idle = [t.code for t in tasks if not t.activities.total]
        if idle:
            text += f". Nhiệm vụ chưa có hoạt động: {escape(', '.join(idle))}"
        out.append(Paragraph(text + ".", S.body))
    return out


def _assessment_text(rec: RecommendationView) -> str:
    a = rec.assessment
    if a is None:
        return "chưa đánh giá"
    meaning = GRADE_MEANING.get(a.grade, ("", ""))[0].lower()
    text = f"mức {a.grade} ({meaning}); {IMPLEMENTATION_VI.get(a.implementation, '').lower()}"
    if a.note:
        text += f". {_sentence(a.note)}"
    return text.rstrip(".")


def _sentence(text: str) -> str:
    """Text without its closing full stop or semicolon (the caller adds its own)."""
    return " ".join(nfc(text).split()).rstrip(" .;")


def _section_recommendations(r: NationalReport) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(30 * mm),
                           Paragraph("III. KẾT QUẢ THỰC HIỆN CÁC KHUYẾN NGHỊ", S.section)]
    recs = r.recommendations
    follow = [x for x in recs if x.follow_up]
    others = [x for x in recs if not x.follow_up]
    acted = sum(1 for x in recs if x.activities)
    assessed = sum(1 for x in recs if x.assessment is not None)
    out.append(_p(
        f"Trong {pdf.thousands(len(recs))} khuyến nghị được theo dõi, "
        f"{pdf.thousands(acted)} khuyến nghị đã có hoạt động thực hiện trong năm {r.year}; "
        f"Bộ Tư pháp đã đánh giá {pdf.thousands(assessed)} khuyến nghị theo thang đánh giá "
        f"A–E của Ủy ban Nhân quyền."))
    out.append(Paragraph("1. Các khuyến nghị cần báo cáo tiếp theo", S.subsection))
    if not follow:
        out.append(_p("Không có khuyến nghị cần báo cáo tiếp theo."))
    for k, rec in enumerate(follow, start=1):
        where = f", đoạn {rec.paragraph}" if rec.paragraph else ""
        names = _names([a.name_vi for a in rec.agencies])
        label = f"1.{k}. Khuyến nghị {rec.code} ({rec.source_code}{where})"
        text = f"<i>{escape(label)}:</i> {pdf._x(rec.text_vi)} "
        if rec.activities:
            text += escape(f"Kết quả: {pdf.thousands(rec.activities)} hoạt động của "
                           f"{pdf.thousands(len(rec.agencies))} cơ quan ({names})")
            if rec.indicators.total:
                text += escape(f"; {pdf.thousands(rec.indicators.on_track)}/"
                               f"{pdf.thousands(rec.indicators.with_result)} chỉ số có kết quả "
                               f"đạt chỉ tiêu")
            text += ". "
        else:
            text += "Chưa có hoạt động thực hiện trong kỳ. "
        text += f"<b>Đánh giá:</b> {escape(_assessment_text(rec))}."
        out.append(Paragraph(text, S.body))
    out.append(Paragraph("2. Các khuyến nghị khác", S.subsection))
    if others:
        rows: list[list[Any]] = [_head("TT", "Khuyến nghị", "Số cơ quan", "Số hoạt động",
                                       "Chỉ số đạt / có kết quả", "Đánh giá")]
        for n, rec in enumerate(others, start=1):
            a = rec.assessment
            grade = "-" if a is None else (
                f"{a.grade} - {IMPLEMENTATION_VI.get(a.implementation, a.implementation)}")
            label = pdf._wrap(f"{rec.code} ({rec.source_code}"
                            f"{', đ. ' + rec.paragraph if rec.paragraph else ''})", 36 * mm)
            rows.append([str(n), label, pdf.thousands(len(rec.agencies)),
                         pdf.thousands(rec.activities),
                         f"{pdf.thousands(rec.indicators.on_track)} / "
                         f"{pdf.thousands(rec.indicators.with_result)}",
                         pdf._wrap(grade, 40 * mm)])
        table = LongTable(rows, colWidths=[10 * mm, 36 * mm, 22 * mm, 22 * mm, 35 * mm,
                                           40 * mm], repeatRows=1)
        table.setStyle(TableStyle([*pdf._table_style(), ("ALIGN", (0, 1), (0, -1), "CENTER"),
                                   ("ALIGN", (2, 1), (4, -1), "RIGHT")]))
        out.append(table)
        out.append(_p("Bảng 4. Kết quả thực hiện các khuyến nghị khác", S.caption))
    else:
        out.append(_p("Không có."))
    return out


def _section_assessment(r: NationalReport) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(30 * mm),
                           Paragraph("IV. ĐÁNH GIÁ CHUNG, KIẾN NGHỊ", S.section),
                           Paragraph("1. Đánh giá chung", S.subsection)]
    recs = r.recommendations
    graded = [x.assessment for x in recs if x.assessment is not None]
    c = r.counts
    done = r.statuses.of(ActivityStatus.COMPLETED)
    share = _rate(done / r.statuses.total if r.statuses.total else None)
    out.append(_p(
        f"Các bộ, ngành, địa phương tiếp tục quan tâm triển khai Kế hoạch: "
        f"{pdf.thousands(c.received)}/{pdf.thousands(c.agencies)} cơ quan đã gửi báo cáo; "
        f"{share} số hoạt động đã hoàn thành; "
        f"{pdf.thousands(sum(1 for x in recs if x.activities))}/{pdf.thousands(len(recs))} "
        f"khuyến nghị đã có hoạt động thực hiện."))
    if graded:
        grades = Counter(a.grade for a in graded)
        impl = Counter(a.implementation for a in graded)
        out.append(_p(
            f"Kết quả đánh giá {pdf.thousands(len(graded))} khuyến nghị: "
            + ", ".join(f"mức {g}: {pdf.thousands(grades[g])}" for g in GRADE_MEANING
                        if grades[g])
            + "; " + ", ".join(f"{IMPLEMENTATION_VI[i].lower()}: {pdf.thousands(impl[i])}"
                               for i in IMPLEMENTATION_VI if impl[i]) + "."))
    else:
        out.append(_p("Bộ Tư pháp chưa đánh giá khuyến nghị nào trong kỳ báo cáo."))
    out.append(Paragraph("2. Khó khăn, vướng mắc", S.subsection))
    if not r.challenges:
        out.append(_p("Các cơ quan không nêu khó khăn, vướng mắc."))
    for text, times in r.challenges[:MAX_THEMES]:
        suffix = f" (nêu tại {pdf.thousands(times)} hoạt động)" if times > 1 else ""
        out.append(Paragraph(f"- {pdf._x(_sentence(text))}{suffix}.", S.bullet))
    out.append(Paragraph("3. Kiến nghị", S.subsection))
    proposals: list[str] = []
    if c.not_received:
        proposals.append(f"Đề nghị {pdf.thousands(c.not_received)} cơ quan chưa gửi báo cáo "
                         f"khẩn trương gửi báo cáo năm {r.year} về Bộ Tư pháp.")
    idle = [x.code for x in recs if not x.activities]
    if idle:
        proposals.append(f"Đề nghị các bộ, ngành, địa phương quan tâm triển khai các khuyến "
                         f"nghị chưa có hoạt động thực hiện: {', '.join(idle[:MAX_NAMES])}"
                         + (f" và {len(idle) - MAX_NAMES} khuyến nghị khác"
                            if len(idle) > MAX_NAMES else "") + ".")
    weak = [a for a in graded if a.grade in ("C", "D", "E") or a.implementation == "not"]
    if weak:
        proposals.append(f"Tập trung thực hiện {pdf.thousands(len(weak))} khuyến nghị được đánh "
                         f"giá chưa đạt yêu cầu hoặc chưa thực hiện.")
    proposals += [text for text, _times in r.next_steps[:MAX_THEMES]]
    for text in proposals:
        out.append(Paragraph(f"- {pdf._x(_sentence(text))}.", S.bullet))
    return out


def _annex_reporting(r: NationalReport) -> list[Flowable]:
    out: list[Flowable] = [
        PageBreak(), Paragraph("Phụ lục I", S.annex),
        Paragraph("TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC BỘ, NGÀNH, ĐỊA PHƯƠNG", S.annex),
        _p(f"(Kèm theo Báo cáo tổng hợp năm {r.year} của Bộ Tư pháp)", S.annex_sub)]
    rows: list[list[Any]] = [_head("STT", "Cơ quan", "Tình trạng", "Ngày nhận",
                                   "Số phiên bản", "Ghi chú")]
    widths = [11 * mm, 58 * mm, 24 * mm, 24 * mm, 18 * mm, 30 * mm]
    marks: list[Any] = []
    for n, row in enumerate(r.grid.rows, start=1):
        cell = r.cell_of(row)
        received = (pdf.date_vi(cell.first_received.astimezone(VIET_NAM).date())
                    if cell.first_received else "")
        note = ", ".join(u.code for u in cell.units if u.code != row.code)
        note = f"Gồm báo cáo của: {note}" if note else ""
        rows.append([str(n), pdf._wrap(row.name_vi, widths[1]), STATE_VI[cell.state], received,
                     pdf.thousands(cell.versions) if cell.versions else "",
                     pdf._wrap(note, widths[5])])
        if cell.state is CellState.NOT_RECEIVED:
            marks.append(("BACKGROUND", (2, n), (2, n), colors.HexColor("#fde0dc")))
        elif cell.state is CellState.LATE:
            marks.append(("FONT", (2, n), (2, n), "Tinos-Italic", pdf.TABLE_SIZE))
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([*pdf._table_style(), ("ALIGN", (0, 1), (0, -1), "CENTER"),
                               ("ALIGN", (2, 1), (4, -1), "CENTER"), *marks]))
    out.append(table)
    return out


def _annex_activities(r: NationalReport) -> tuple[list[Flowable], int]:
    """Annex II, capped; returns the flowables and how many rows it shows."""
    out: list[Flowable] = [
        PageBreak(), Paragraph("Phụ lục II", S.annex),
        Paragraph("DANH MỤC CÁC HOẠT ĐỘNG THEO BỘ, NGÀNH, ĐỊA PHƯƠNG", S.annex),
        _p(f"(Kèm theo Báo cáo tổng hợp năm {r.year} của Bộ Tư pháp)", S.annex_sub)]
    groups: dict[str, list[AnnexActivity]] = defaultdict(list)
    for a in r.activities:
        groups[a.rollup.code].append(a)
    if not groups:
        out.append(_p("Chưa có hoạt động trong kỳ báo cáo.", S.plain))
        return out, 0
    per_agency = max(MIN_PER_AGENCY, math.ceil(MAX_ANNEX_ACTIVITIES / len(groups)))
    capped = any(len(items) > per_agency for items in groups.values())
    if capped:
        out.append(_p(
            f"Ghi chú: Phụ lục này liệt kê tối đa {pdf.thousands(per_agency)} hoạt động của mỗi "
            f"cơ quan; danh mục đầy đủ {pdf.thousands(len(r.activities))} hoạt động có trong tệp "
            f"Excel của báo cáo tổng hợp (trang tính «Phụ lục hoạt động»).", S.note))
    widths = [11 * mm, 55 * mm, 23 * mm, 22 * mm, 22 * mm, 32 * mm]
    shown = 0
    for n, items in enumerate(groups.values(), start=1):
        unit = items[0].rollup
        part = items[:per_agency]
        shown += len(part)
        out.append(CondPageBreak(35 * mm))
        out.append(_p(f"{n}. {unit.name_vi} ({pdf.thousands(len(items))} hoạt động)", pdf._style(
            "nat_annex_agency", size=12.5, font="Tinos-Bold", before=6, after=4)))
        rows: list[list[Any]] = [_head("STT", "Tên hoạt động", "Nhiệm vụ", "Tình trạng",
                                       "Thời gian", "Khuyến nghị")]
        for k, a in enumerate(part, start=1):
            title = pdf._wrap(a.title, widths[1])
            if a.agency.code != a.rollup.code:
                title += "\n" + pdf._wrap(f"(báo cáo của {a.agency.name_vi})", widths[1])
            period = pdf.date_vi(a.start_date)
            if a.end_date:
                period = f"{period} –\n{pdf.date_vi(a.end_date)}" if period else \
                    f"đến\n{pdf.date_vi(a.end_date)}"
            status = pdf.STATUS_VI[ActivityStatus(a.status)] if a.status in pdf.STATUS_VI \
                else a.status
            rows.append([str(k), title, pdf._label(a.task_code, widths[2]),
                         pdf._label(status, widths[3]), period,
                         pdf._wrap(", ".join(a.recommendations), widths[5])])
        table = LongTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([*pdf._table_style(), ("ALIGN", (0, 1), (0, -1), "CENTER"),
                                   ("ALIGN", (2, 1), (2, -1), "CENTER"),
                                   ("ALIGN", (4, 1), (4, -1), "CENTER")]))
        out.append(table)
        if len(items) > len(part):
            out.append(_p(f"… và {pdf.thousands(len(items) - len(part))} hoạt động khác (xem "
                          f"tệp Excel).", S.note))
        out.append(Spacer(1, 6))
    return out, shown


def _fingerprint(r: NationalReport) -> str:
    made = r.created_at.astimezone(VIET_NAM).strftime("%d/%m/%Y %H:%M")
    return (f"{CREATOR} · Báo cáo tổng hợp năm {r.year} · {pdf.thousands(r.counts.received)}/"
            f"{pdf.thousands(r.counts.agencies)} cơ quan đã báo cáo · "
            f"{pdf.thousands(r.statuses.total)} hoạt động · lập lúc {made} (giờ Việt Nam)")


def build_national_story(r: NationalReport) -> list[Flowable]:
    pdf.register_fonts()
    settings = r.settings.normalised()
    story: list[Flowable] = [pdf._header(settings, r.created_at), *_title(r)]
    plan = f" {r.plan_title_vi}" if r.plan_title_vi else " Kế hoạch"
    story.append(_p(
        f"Thực hiện{plan}"
        + (f" (Quyết định số {r.plan_decision} của Thủ tướng Chính phủ)"
           if r.plan_decision else "")
        + f", trên cơ sở báo cáo của các bộ, ngành, địa phương, Bộ Tư pháp (cơ quan đầu mối) "
        f"tổng hợp kết quả thực hiện năm {r.year} như sau:"))
    story += _section_reporting(r)
    story += _section_areas(r)
    story += _section_recommendations(r)
    story += _section_assessment(r)
    story.append(KeepTogether([story.pop(), Spacer(1, 6), pdf._closing(settings)]))
    story.append(Paragraph(escape(_fingerprint(r)), S.small))
    story += _annex_reporting(r)
    annex, _shown = _annex_activities(r)
    story += annex
    return story


def render_national(r: NationalReport, path: Path,
                    on_page: Callable[[int], None] | None = None) -> int:
    """Write the report to ``path``; returns the number of pages."""
    pdf.register_fonts()
    story = build_national_story(r)
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=pdf.MARGIN_LEFT, rightMargin=pdf.MARGIN_RIGHT,
        topMargin=pdf.MARGIN_TOP, bottomMargin=pdf.MARGIN_BOTTOM,
        title=f"Báo cáo tổng hợp kết quả thực hiện Kế hoạch năm {r.year}",
        author="Bộ Tư pháp", creator=CREATOR, lang="vi-VN",
        subject=nfc(f"Báo cáo tổng hợp năm {r.year}: {r.plan_decision} "
                    f"{r.plan_title_vi}".strip()),
        keywords=f"national-report; period={r.year}",
        initialFontName="Tinos", initialFontSize=pdf.BODY_SIZE)
    pages = [0]

    def progress(kind: str, value: Any) -> None:
        if kind == "PAGE":
            pages[0] = int(value)
            if on_page is not None:
                on_page(pages[0])

    doc.setProgressCallBack(progress)
    first, later = pdf._page_furniture(_fingerprint(r))
    doc.build(story, onFirstPage=first, onLaterPages=later)
    return max(pages[0], int(doc.page))


def _estimate_pages(r: NationalReport) -> int:
    groups = len({a.rollup.code for a in r.activities}) or 1
    per_agency = max(MIN_PER_AGENCY, math.ceil(MAX_ANNEX_ACTIVITIES / groups))
    rows = sum(min(n, per_agency) for n in Counter(a.rollup.code for a in r.activities)
               .values())
    return 8 + len(r.grid.rows) // 25 + rows // 14


def render_national_job(r: NationalReport, path: Path) -> Job[None]:
    """``render_national`` on a helper thread, reporting pages; closing the job stops it."""
    estimate = _estimate_pages(r)
    yield Progress(0, estimate, "render")
    pages: queue.Queue[int] = queue.Queue()
    stop = threading.Event()
    outcome: dict[str, BaseException] = {}

    def on_page(page: int) -> None:
        if stop.is_set():
            raise pdf._Stop
        pages.put(page)

    def work() -> None:
        try:
            render_national(r, path, on_page)
        except BaseException as error:  # handed over to the job's thread below
            outcome["error"] = error
        finally:
            pages.put(-1)

    worker = threading.Thread(target=work, name="national-pdf", daemon=True)
    worker.start()
    try:
        while (page := pages.get()) >= 0:
            yield Progress(page, max(estimate, page), "render")
    finally:
        stop.set()
        worker.join()
    failure = outcome.get("error")
    if failure is not None:
        raise failure


def export_national_pdf(db: Database, year: int, path: Path, *,
                        now: datetime | None = None,
                        report: NationalReport | None = None) -> Job[Path]:
    """Read the national report of ``year`` (or take ``report``, read by the caller) and
    write its official PDF to ``path``."""
    _check_request(db, year, path)
    yield Progress(0, 0, "prepare")
    data = report if report is not None else national_report_data(db, year, now=now)
    written = yield from _atomic(path, lambda temp: render_national_job(data, temp))
    return written
