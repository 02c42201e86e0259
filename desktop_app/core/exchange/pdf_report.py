"""The official PDF report, in the format of Decree 30/2020/NĐ-CP (Appendix I).

A4 with margins top 20, bottom 20, left 30, right 15 mm; Tinos (Times New Roman's
metrics, every Vietnamese letter) embedded in its four styles; the issuer's header and
the national title and motto; place and date; the title naming the plan and period;
numbered sections; "Nơi nhận" and the signature block; page numbers centred in the top
margin from page 2 on. The detailed lists (every activity, every indicator with its
target against its result) follow the signature as annexes, as reports of this kind
do, so that the signed part stays a few pages long.

``render`` draws one PreparedSubmission (the register's version of exactly this data);
``export_pdf`` is the use case: prepare the submission, render it into a temporary
file beside the destination, then rename it into place.

Every string is normalised to NFC before it reaches reportlab: decomposed text would be
drawn with its marks beside the letters.
"""

from __future__ import annotations

import functools
import queue
import threading
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from sqlmodel import col, select

from desktop_app.core.domain.enums import ActivityStatus, ActivityType
from desktop_app.core.domain.models import Agency, Plan
from desktop_app.core.domain.text import nfc
from desktop_app.core.exchange.submission import (
    ActivityRecord,
    IndicatorRecord,
    PreparedSubmission,
)
from desktop_app.core.paths import resources_dir
from desktop_app.core.problems import RefusedError, os_detail
from desktop_app.core.progress import Job, Progress
from desktop_app.core.services.overview import (
    AreaProgress,
    IndicatorCounts,
    TaskProgress,
    natural_key,
    overview,
    plan_in_force,
)
from desktop_app.core.services.report_settings import ReportSettings, load_report_settings
from desktop_app.core.storage.database import Database

FAMILY = "Tinos"
STYLES = {  # registered name -> file in resources/fonts
    "Tinos": "Tinos-Regular.ttf",
    "Tinos-Bold": "Tinos-Bold.ttf",
    "Tinos-Italic": "Tinos-Italic.ttf",
    "Tinos-BoldItalic": "Tinos-BoldItalic.ttf",
}
CREATOR = "NAP Reporter"

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT  # 165 mm

BODY_SIZE = 13.5  # Decree 30: 13-14 pt
TABLE_SIZE = 10.5  # annex tables: smaller, as the annexes of official reports are
VIETNAM_TIME = timezone(timedelta(hours=7))  # no daylight saving time

# The annex lists at most this many activities; beyond it the list would run to well
# over a thousand pages (and minutes of rendering), and the workbook of the same
# version carries every row anyway. The PDF says so where it stops.
MAX_ANNEX_ACTIVITIES = 5000
MAX_ANNEX_INDICATORS = 5000
MAX_THEMES = 8  # challenges and next steps: the most frequent distinct statements

STATUS_VI = {
    ActivityStatus.PLANNED: "Chưa bắt đầu",
    ActivityStatus.IN_PROGRESS: "Đang thực hiện",
    ActivityStatus.COMPLETED: "Đã hoàn thành",
    ActivityStatus.POSTPONED: "Tạm hoãn",
    ActivityStatus.CANCELLED: "Đã hủy",
}
STATUS_COLOURS = {  # distinct in colour and still apart when printed in grey
    ActivityStatus.COMPLETED: colors.HexColor("#1b5e20"),
    ActivityStatus.IN_PROGRESS: colors.HexColor("#66bb6a"),
    ActivityStatus.PLANNED: colors.HexColor("#c8e6c9"),
    ActivityStatus.POSTPONED: colors.HexColor("#ffb74d"),
    ActivityStatus.CANCELLED: colors.HexColor("#9e9e9e"),
}
CHART_ORDER = (ActivityStatus.COMPLETED, ActivityStatus.IN_PROGRESS, ActivityStatus.PLANNED,
               ActivityStatus.POSTPONED, ActivityStatus.CANCELLED)
TYPE_VI = {
    ActivityType.LEGISLATIVE: "Xây dựng, hoàn thiện pháp luật",
    ActivityType.ADMINISTRATIVE: "Hành chính",
    ActivityType.JUDICIAL: "Tư pháp",
    ActivityType.TRAINING: "Tập huấn",
    ActivityType.AWARENESS: "Tuyên truyền, nâng cao nhận thức",
    ActivityType.CONSULTATION: "Tham vấn các bên liên quan",
    ActivityType.OTHER: "Khác",
}

GRID = colors.HexColor("#444444")
HEADER_FILL = colors.HexColor("#e8e8e8")


# --- fonts ---------------------------------------------------------------------------


_fonts_lock = threading.Lock()


def register_fonts(folder: Path | None = None) -> None:
    """Register Tinos's four styles as one family (once per process)."""
    with _fonts_lock:
        if FAMILY in pdfmetrics.getRegisteredFontNames():
            return
        folder = folder or resources_dir() / "fonts"
        for name, file_name in STYLES.items():
            path = folder / file_name
            if not path.is_file():
                raise RefusedError.of("pdf.font_missing", file=str(path))
            pdfmetrics.registerFont(TTFont(name, str(path)))
        registerFontFamily(FAMILY, normal="Tinos", bold="Tinos-Bold", italic="Tinos-Italic",
                           boldItalic="Tinos-BoldItalic")


# --- what the renderer looks up besides the submission -------------------------------


@dataclass(frozen=True)
class ReportLookups:
    """Catalog facts and the period's progress, read once before rendering."""

    agency_name_vi: str
    plan_decision: str  # "1252/QĐ-TTg"; empty when no plan is in force
    plan_signed_on: date | None
    plan_title_vi: str
    areas: tuple[AreaProgress, ...]  # in the plan's order (also the chart's bars)
    tasks: tuple[TaskProgress, ...]


def report_lookups(db: Database, year: int) -> ReportLookups:
    from desktop_app.core.services.setup import installation

    view = overview(db, year)
    with db.reading() as session:
        plan = plan_in_force(session, year)
        signed = plan.signed_on if isinstance(plan, Plan) else None
        code = installation(session).agency_code
        agency = (session.exec(select(Agency).where(col(Agency.code) == code)).first()
                  if code else None)
        name = agency.name_vi if agency is not None else "Bộ Tư pháp"
    return ReportLookups(
        agency_name_vi=name, plan_decision=view.plan_decision, plan_signed_on=signed,
        plan_title_vi=view.plan_title_vi, areas=view.by_area, tasks=view.by_task)


# --- words and numbers ---------------------------------------------------------------


def thousands(value: int) -> str:
    """1500000 -> "1.500.000" (Vietnamese: dots between thousands)."""
    return f"{value:,}".replace(",", ".")


def number_vi(value: float) -> str:
    """12.5 -> "12,5"; 1200.0 -> "1.200" (Vietnamese decimal comma)."""
    if float(value).is_integer():
        return thousands(int(value))
    whole, _, frac = f"{value:,.2f}".partition(".")
    frac = frac.rstrip("0")
    return whole.replace(",", ".") + ("," + frac if frac else "")


def date_vi(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _date_line(place: str, when: date | None, year: int) -> str:
    """ "Vĩnh Long, ngày 05 tháng 01 năm 2026" (day < 10 and month < 3 take a zero)."""
    if when is None:
        gap = "\u00a0" * 6
        return f"{place}, ngày {gap} tháng {gap} năm {year}"
    month = f"{when.month:02d}" if when.month < 3 else str(when.month)
    return f"{place}, ngày {when.day:02d} tháng {month} năm {when.year}"


def _x(text: str | None) -> str:
    """User text made safe for a Paragraph: NFC, XML-escaped, line breaks kept."""
    return escape(nfc(text or "")).replace("\n", "<br/>")


def _lines(text: str) -> str:
    return "<br/>".join(escape(nfc(line)) for line in text.splitlines())


# --- styles --------------------------------------------------------------------------


def _style(name: str, *, size: float = BODY_SIZE, font: str = "Tinos", align: int = TA_LEFT,
           leading: float | None = None, before: float = 0, after: float = 0,
           indent: float = 0) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size,
                          leading=leading if leading is not None else size * 1.2,
                          alignment=align, spaceBefore=before, spaceAfter=after,
                          firstLineIndent=indent)


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle = _style("body", align=TA_JUSTIFY, after=6, indent=10 * mm)
    plain: ParagraphStyle = _style("plain", align=TA_JUSTIFY, after=6)
    bullet: ParagraphStyle = _style("bullet", align=TA_JUSTIFY, after=3, indent=10 * mm)
    section: ParagraphStyle = _style("section", font="Tinos-Bold", before=6, after=6,
                                     indent=10 * mm)
    subsection: ParagraphStyle = _style("subsection", font="Tinos-Bold", after=6,
                                        indent=10 * mm, align=TA_JUSTIFY)
    task: ParagraphStyle = _style("task", font="Tinos-BoldItalic", after=4, align=TA_JUSTIFY)
    head_plain: ParagraphStyle = _style("head_plain", size=12.5, align=TA_CENTER)
    head_bold: ParagraphStyle = _style("head_bold", size=12.5, font="Tinos-Bold",
                                       align=TA_CENTER)
    nation: ParagraphStyle = _style("nation", size=12.5, font="Tinos-Bold", align=TA_CENTER)
    motto: ParagraphStyle = _style("motto", size=13.5, font="Tinos-Bold", align=TA_CENTER)
    number: ParagraphStyle = _style("number", size=13, align=TA_CENTER)
    date: ParagraphStyle = _style("date", size=13.5, font="Tinos-Italic", align=TA_CENTER)
    title: ParagraphStyle = _style("title", size=14, font="Tinos-Bold", align=TA_CENTER,
                                   before=18, after=2)
    subtitle: ParagraphStyle = _style("subtitle", size=14, font="Tinos-Bold", align=TA_CENTER,
                                      after=2)
    annex: ParagraphStyle = _style("annex", size=14, font="Tinos-Bold", align=TA_CENTER,
                                   after=4)
    annex_sub: ParagraphStyle = _style("annex_sub", size=13, font="Tinos-Italic",
                                       align=TA_CENTER, after=8)
    caption: ParagraphStyle = _style("caption", size=12, font="Tinos-Italic",
                                     align=TA_CENTER, before=2, after=8)
    note: ParagraphStyle = _style("note", size=11, font="Tinos-Italic", after=4,
                                  align=TA_JUSTIFY)
    cell: ParagraphStyle = _style("cell", size=TABLE_SIZE, leading=TABLE_SIZE * 1.15)
    cell_c: ParagraphStyle = _style("cell_c", size=TABLE_SIZE, leading=TABLE_SIZE * 1.15,
                                    align=TA_CENTER)
    cell_r: ParagraphStyle = _style("cell_r", size=TABLE_SIZE, leading=TABLE_SIZE * 1.15,
                                    align=TA_RIGHT)
    cell_head: ParagraphStyle = _style("cell_head", size=TABLE_SIZE, font="Tinos-Bold",
                                       leading=TABLE_SIZE * 1.15, align=TA_CENTER)
    cell_group: ParagraphStyle = _style("cell_group", size=TABLE_SIZE, font="Tinos-Bold",
                                        leading=TABLE_SIZE * 1.15)
    recipients_head: ParagraphStyle = _style("recipients_head", size=12,
                                             font="Tinos-BoldItalic")
    recipients: ParagraphStyle = _style("recipients", size=11, leading=13)
    signer_title: ParagraphStyle = _style("signer_title", size=13.5, font="Tinos-Bold",
                                          align=TA_CENTER)
    signer_name: ParagraphStyle = _style("signer_name", size=13.5, font="Tinos-Bold",
                                         align=TA_CENTER)
    small: ParagraphStyle = _style("small", size=8, leading=10, before=12,
                                   align=TA_LEFT)
    signing_key: ParagraphStyle = _style("signing_key", size=9, leading=11, before=4,
                                         align=TA_CENTER)


S = _Styles()


# --- pieces of the document ----------------------------------------------------------


class _Rule(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A short centred rule (Decree 30's line under a heading), the same in a table cell
    and in the frame: it takes the whole width and centres itself."""

    def __init__(self, length: float, above: float, below: float) -> None:
        super().__init__()
        self.length, self.above, self.below = length, above, below

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = self.above + self.below
        return self.width, self.height

    def draw(self) -> None:
        length = min(self.length, self.width)
        x = (self.width - length) / 2
        self.canv.saveState()
        self.canv.setLineWidth(0.6)
        self.canv.line(x, self.below, x + length, self.below)
        self.canv.restoreState()


def _rule(width: float, before: float = 4.5, after: float = 2) -> Flowable:
    return _Rule(width, before, after)


def _widest(text: str, font: str, size: float) -> float:
    return max((stringWidth(line, font, size) for line in text.splitlines()), default=0.0)


def _header(settings: ReportSettings, created: datetime) -> Table:
    """Issuer and number on the left; national title, motto and date on the right."""
    nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto = "Độc lập - Tự do - Hạnh phúc"
    right_width = stringWidth(nation, "Tinos-Bold", S.nation.fontSize) + 4 * mm
    left_width = TEXT_WIDTH - right_width
    left: list[Flowable] = []
    if settings.issuing_unit:
        left.append(Paragraph(_lines(settings.governing_body.upper()), S.head_plain))
        issuer = settings.issuing_unit.upper()
    else:
        issuer = settings.governing_body.upper()
    left.append(Paragraph(_lines(issuer), S.head_bold))
    left.append(_rule(max(_widest(issuer, "Tinos-Bold", S.head_bold.fontSize) * 0.4, 20 * mm)))
    right: list[Flowable] = [
        Paragraph(nation, S.nation),
        Paragraph(motto, S.motto),
        _rule(stringWidth(motto, "Tinos-Bold", S.motto.fontSize)),
    ]
    when = created.astimezone(VIETNAM_TIME).date()
    place_date = _date_line(nfc(settings.place), when if settings.fill_date else None,
                            when.year)
    number = nfc(settings.document_number).replace(" ", "\u00a0")  # keep the clerk's gap
    table = Table(
        [[left, right],
         [Paragraph(escape(number), S.number), Paragraph(escape(place_date), S.date)]],
        colWidths=[left_width, right_width], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "Tinos", BODY_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 1), (-1, 1), 4),
    ]))
    return table


def _title(prepared: PreparedSubmission, lookups: ReportLookups) -> list[Flowable]:
    year = prepared.meta.period
    plan = nfc(lookups.plan_title_vi) or "Kế hoạch thực hiện Công ước quốc tế về các quyền " \
                                         "dân sự và chính trị"
    decision = ""
    if lookups.plan_decision:
        decision = f" ban hành kèm theo Quyết định số {nfc(lookups.plan_decision)}"
        if lookups.plan_signed_on:
            decision += f" ngày {lookups.plan_signed_on.day}/{lookups.plan_signed_on.month}/" \
                        f"{lookups.plan_signed_on.year}"
        decision += " của Thủ tướng Chính phủ"
    subtitle = f"Kết quả thực hiện {plan}{decision} năm {year}"
    subtitle = subtitle[0] + subtitle[1:]
    return [
        Paragraph("BÁO CÁO", S.title),
        Paragraph(escape(subtitle), S.subtitle),
        Paragraph(escape(f"(Kỳ báo cáo: từ ngày 01/01/{year} đến ngày 31/12/{year})"),
                  _style("period", size=13, font="Tinos-Italic", align=TA_CENTER, after=2)),
        _rule(45 * mm, before=4.5, after=14),
    ]


def _status_counts(activities: Iterable[ActivityRecord]) -> Counter[str]:
    return Counter(a.status for a in activities)


def _beneficiaries(activities: Sequence[ActivityRecord]) -> tuple[int, int, int, int]:
    return (sum(a.women or 0 for a in activities),
            sum(a.ethnic_minorities or 0 for a in activities),
            sum(a.disabilities or 0 for a in activities),
            sum(a.children or 0 for a in activities))


def _status_phrase(counts: Counter[str]) -> str:
    parts = [f"{thousands(counts[s])} {STATUS_VI[s].lower()}" for s in CHART_ORDER if counts[s]]
    return ", ".join(parts)


def _indicator_state(ind: IndicatorRecord) -> str:
    if ind.result is None:
        return "Chưa có kết quả"
    return "Đạt" if ind.result >= ind.target else "Chưa đạt"


def _chart(areas: Sequence[AreaProgress]) -> Drawing:
    """Horizontal stacked bars: the activities of each area by status."""
    shown = list(areas) or []
    rows = max(len(shown), 1)
    bar_h = 9 * mm
    legend_h = 13 * mm
    height = rows * bar_h + legend_h + 16 * mm
    drawing = Drawing(TEXT_WIDTH, height)
    drawing.initialFontName = "Tinos"  # else the renderer starts with Helvetica
    drawing.initialFontSize = 10
    chart = HorizontalBarChart()
    chart.x = 28 * mm
    chart.y = legend_h + 12 * mm
    chart.width = TEXT_WIDTH - chart.x - 6 * mm
    chart.height = rows * bar_h
    chart.data = [[a.activities.of(s) for a in shown] or [0] for s in CHART_ORDER]
    chart.categoryAxis.categoryNames = [f"Lĩnh vực {a.number}" for a in shown] or [""]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.reverseDirection = 1  # area 1 on top
    chart.categoryAxis.labels.fontName = "Tinos"
    chart.categoryAxis.labels.fontSize = 10.5
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = "Tinos"
    chart.valueAxis.labels.fontSize = 9.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: thousands(int(v))
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#cccccc")
    chart.valueAxis.gridStrokeWidth = 0.3
    most = max((a.activities.total for a in shown), default=0)
    if most == 0:
        chart.valueAxis.valueMax = 1
    chart.barWidth = bar_h * 0.62
    chart.groupSpacing = bar_h * 0.38
    chart.bars.strokeWidth = 0.3
    chart.bars.strokeColor = colors.white
    for i, status in enumerate(CHART_ORDER):
        chart.bars[i].fillColor = STATUS_COLOURS[status]
    drawing.add(chart)
    legend = Legend()
    legend.x = chart.x
    legend.y = legend_h
    legend.alignment = "right"
    legend.fontName = "Tinos"
    legend.fontSize = 10.5
    legend.columnMaximum = 2
    legend.deltax = 42 * mm
    legend.dxTextSpace = 4
    legend.boxAnchor = "nw"
    legend.colorNamePairs = [(STATUS_COLOURS[s], STATUS_VI[s]) for s in CHART_ORDER]
    drawing.add(legend)
    drawing.add(String(chart.x + chart.width / 2, legend_h + 3 * mm, "Số hoạt động",
                       fontName="Tinos", fontSize=9.5, textAnchor="middle"))
    return drawing


def _grid_style(header_rows: int = 1) -> list[tuple[Any, ...]]:
    return [
        ("FONT", (0, 0), (-1, -1), "Tinos", TABLE_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


def _area_table(areas: Sequence[AreaProgress]) -> Table:
    head = ["TT", "Lĩnh vực", "Tổng số", *(STATUS_VI[s] for s in CHART_ORDER)]
    rows: list[list[Any]] = [[Paragraph(h, S.cell_head) for h in head]]
    total = [0] * (len(CHART_ORDER) + 1)
    for a in areas:
        counts = [a.activities.total, *(a.activities.of(s) for s in CHART_ORDER)]
        total = [t + c for t, c in zip(total, counts, strict=True)]
        rows.append([Paragraph(str(a.number), S.cell_c), Paragraph(_x(a.title_vi), S.cell),
                     *(Paragraph(thousands(c), S.cell_r) for c in counts)])
    rows.append(["", Paragraph("Cộng", S.cell_group),
                 *(Paragraph(f"<b>{thousands(c)}</b>", S.cell_r) for c in total)])
    widths = [9 * mm, 52 * mm, 15 * mm] + [17.8 * mm] * len(CHART_ORDER)
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(_grid_style()))
    return table


def _indicator_summary(areas: Sequence[AreaProgress]) -> Table:
    head = ["TT", "Lĩnh vực", "Số chỉ số", "Đã có kết quả", "Đạt chỉ tiêu", "Tỷ lệ đạt"]
    rows: list[list[Any]] = [[Paragraph(h, S.cell_head) for h in head]]
    total = IndicatorCounts()
    for a in areas:
        total = total + a.indicators
        rows.append([Paragraph(str(a.number), S.cell_c), Paragraph(_x(a.title_vi), S.cell),
                     *_indicator_cells(a.indicators)])
    rows.append(["", Paragraph("Cộng", S.cell_group), *_indicator_cells(total, bold=True)])
    table = LongTable(rows, colWidths=[9 * mm, 68 * mm, 22 * mm, 22 * mm, 22 * mm, 22 * mm],
                      repeatRows=1)
    table.setStyle(TableStyle(_grid_style()))
    return table


def _indicator_cells(c: IndicatorCounts, bold: bool = False) -> list[Paragraph]:
    share = f"{number_vi(round(100 * c.on_track / c.with_result, 1))}%" if c.with_result else "-"
    values = [thousands(c.total), thousands(c.with_result), thousands(c.on_track), share]
    return [Paragraph(f"<b>{v}</b>" if bold else v, S.cell_r) for v in values]


def _task_groups(prepared: PreparedSubmission, lookups: ReportLookups
                 ) -> list[tuple[AreaProgress | None, list[tuple[TaskProgress | None, str,
                                                                 list[ActivityRecord]]]]]:
    """The activities by area and task, in the plan's order."""
    by_task: dict[str, list[ActivityRecord]] = defaultdict(list)
    for a in prepared.data.activities:
        by_task[a.task_code].append(a)
    tasks = {t.code: t for t in lookups.tasks}
    groups: list[tuple[AreaProgress | None, list[tuple[TaskProgress | None, str,
                                                       list[ActivityRecord]]]]] = []
    placed: set[str] = set()
    for area in lookups.areas:
        members = [(tasks[c], c, by_task[c])
                   for c in sorted((c for c in by_task if c in tasks
                                    and tasks[c].area_code == area.code), key=natural_key)]
        placed.update(c for _t, c, _a in members)
        groups.append((area, list(members)))
    rest = [(tasks.get(c), c, by_task[c]) for c in sorted(by_task, key=natural_key)
            if c not in placed]
    if rest:
        groups.append((None, rest))
    return groups


def _task_label(task: TaskProgress | None, code: str) -> str:
    return f"{nfc(task.title_vi)} ({code})" if task else f"Nhiệm vụ {code}"


PAD = 3  # points of padding left and right in every table cell


def _wrap(text: str, width: float, font: str = "Tinos", size: float = TABLE_SIZE) -> str:
    """Text broken into lines that fit ``width`` points, for a plain-string table cell.

    Plain strings cost a fraction of a Paragraph to lay out, which is what keeps an
    annex of thousands of rows fast; the words are the same.
    """
    lines = simpleSplit(nfc(text), font, size, width - 2 * PAD)
    return "\n".join(lines)


@functools.lru_cache(maxsize=256)
def _label(text: str, width: float) -> str:
    return _wrap(text, width)


def _table_style(header_rows: int = 1) -> list[tuple[Any, ...]]:
    return [*_grid_style(header_rows), ("LEADING", (0, 1), (-1, -1), TABLE_SIZE * 1.15)]


def _activity_table(activities: Sequence[ActivityRecord], first_number: int) -> LongTable:
    head = ["STT", "Tên hoạt động", "Loại hoạt động", "Tình trạng", "Thời gian",
            "Người hưởng lợi", "Kinh phí (đồng)"]
    widths = [10 * mm, 48 * mm, 24 * mm, 18 * mm, 22 * mm, 20 * mm, 23 * mm]
    rows: list[list[Any]] = [[Paragraph(h, S.cell_head) for h in head]]
    title_w, type_w, status_w = widths[1], widths[2], widths[3]
    for n, a in enumerate(activities, start=first_number):
        period = date_vi(a.start_date)
        if a.end_date:
            period = f"{period} –\n{date_vi(a.end_date)}" if period else \
                f"đến\n{date_vi(a.end_date)}"
        people = "\n".join(f"{label}: {thousands(v)}" for label, v in
                           (("PN", a.women), ("DTTS", a.ethnic_minorities),
                            ("NKT", a.disabilities), ("TE", a.children)) if v)
        rows.append([
            str(n),
            _wrap(a.title, title_w),
            _label(TYPE_VI.get(ActivityType(a.type), a.type)
                   if a.type in TYPE_VI else a.type, type_w),
            _label(STATUS_VI.get(ActivityStatus(a.status), a.status)
                   if a.status in STATUS_VI else a.status, status_w),
            period,
            people,
            thousands(a.budget_vnd) if a.budget_vnd is not None else "",
        ])
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    style = _table_style()
    style += [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (4, 1), (4, -1), "CENTER"),
              ("ALIGN", (6, 1), (6, -1), "RIGHT")]
    table.setStyle(TableStyle(style))
    return table


def _indicator_table(indicators: Sequence[IndicatorRecord], titles: dict[str, str]
                     ) -> LongTable:
    head = ["STT", "Chỉ số", "Đơn vị tính", "Giá trị cơ sở", "Chỉ tiêu", "Kết quả",
            "Đánh giá"]
    widths = [10 * mm, 67 * mm, 18 * mm, 17 * mm, 17 * mm, 17 * mm, 19 * mm]
    rows: list[list[Any]] = [[Paragraph(h, S.cell_head) for h in head]]
    marks: list[tuple[Any, ...]] = []
    for n, ind in enumerate(indicators, start=1):
        about = titles.get(ind.activity_uuid or "") or (f"Nhiệm vụ {ind.task_code}"
                                                         if ind.task_code else "")
        name = _wrap(ind.name, widths[1])
        if about:
            name += "\n" + _wrap(f"({about})", widths[1])
        state = _indicator_state(ind)
        rows.append([
            str(n), name, _wrap(ind.unit, widths[2]),
            number_vi(ind.baseline) if ind.baseline is not None else "",
            number_vi(ind.target),
            number_vi(ind.result) if ind.result is not None else "",
            _label(state, widths[6]),
        ])
        if state == "Đạt":
            marks.append(("FONT", (6, n), (6, n), "Tinos-Bold", TABLE_SIZE))
        elif state == "Chưa đạt":
            marks.append(("BACKGROUND", (6, n), (6, n), colors.HexColor("#fde0dc")))
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    style = _table_style()
    style += [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (2, -1), "CENTER"),
              ("ALIGN", (3, 1), (5, -1), "RIGHT"), ("ALIGN", (6, 1), (6, -1), "CENTER")]
    table.setStyle(TableStyle(style + marks))
    return table


def _themes(texts: Iterable[str | None]) -> list[tuple[str, int]]:
    """The distinct statements, most frequent first (then in order of appearance)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, text in enumerate(texts):
        clean = " ".join(nfc(text or "").split())
        if not clean:
            continue
        counts[clean] += 1
        first.setdefault(clean, i)
    return sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))


def _closing(settings: ReportSettings, key_fingerprint: str = "") -> Table:
    left: list[Flowable] = [Paragraph("Nơi nhận:", S.recipients_head)]
    left += [Paragraph(escape(nfc(line)), S.recipients) for line in settings.recipients]
    right: list[Flowable] = [Paragraph(_lines(settings.signer_title.upper()), S.signer_title),
                             Spacer(1, 28 * mm)]
    if settings.signer_name:
        right.append(Paragraph(escape(nfc(settings.signer_name)), S.signer_name))
    if key_fingerprint:  # the signed letter vouches for the key that signed the workbook
        right.append(Paragraph(escape(f"Mã khóa ký / Signing key: {key_fingerprint}"),
                               S.signing_key))
    table = Table([[left, right]], colWidths=[TEXT_WIDTH * 0.45, TEXT_WIDTH * 0.55])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "Tinos", BODY_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


def _fingerprint(prepared: PreparedSubmission) -> str:
    meta = prepared.meta
    created = meta.created_at.astimezone(VIETNAM_TIME).strftime("%d/%m/%Y %H:%M")
    return (f"{CREATOR} {escape(meta.app_version)} · {escape(meta.agency_code)} · kỳ "
            f"{meta.period} · phiên bản {meta.version} · mã kiểm tra (SHA-256) "
            f"{meta.content_hash[:16]} · lập lúc {created} (giờ Việt Nam) · "
            f"mã báo cáo {escape(meta.submission_uuid)}")


def build_story(prepared: PreparedSubmission, settings: ReportSettings,
                lookups: ReportLookups) -> tuple[list[Flowable], dict[str, int]]:
    """The flowables of the whole report, and facts about what was left out."""
    register_fonts()
    settings = settings.normalised()
    meta, data = prepared.meta, prepared.data
    acts = data.activities
    agency = nfc(lookups.agency_name_vi or meta.agency_name_vi)
    year = meta.period
    story: list[Flowable] = [_header(settings, meta.created_at), *_title(prepared, lookups)]

    # I. Summary ------------------------------------------------------------------------
    counts = _status_counts(acts)
    tasks_with = len({a.task_code for a in acts})
    budget = sum(a.budget_vnd or 0 for a in acts)
    women, ethnic, disabled, children = _beneficiaries(acts)
    inds = data.indicators
    with_result = sum(1 for i in inds if i.result is not None)
    on_track = sum(1 for i in inds if i.result is not None and i.result >= i.target)
    story.append(Paragraph("I. KHÁI QUÁT KẾT QUẢ THỰC HIỆN", S.section))
    story.append(Paragraph(escape(
        f"Trong năm {year}, {agency} đã triển khai {thousands(len(acts))} hoạt động thuộc "
        f"{thousands(tasks_with)} nhiệm vụ của Kế hoạch"
        + (f", trong đó: {_status_phrase(counts)}." if acts else ".")), S.body))
    story.append(Paragraph(escape(
        f"Tổng kinh phí đã bố trí cho các hoạt động là {thousands(budget)} đồng. Người hưởng "
        f"lợi (lượt người): phụ nữ {thousands(women)}; người dân tộc thiểu số "
        f"{thousands(ethnic)}; người khuyết tật {thousands(disabled)}; trẻ em "
        f"{thousands(children)}."), S.body))
    story.append(Paragraph(escape(
        f"Về chỉ số theo dõi: {thousands(len(inds))} chỉ số, trong đó {thousands(with_result)} "
        f"chỉ số đã có kết quả, {thousands(on_track)} chỉ số đạt hoặc vượt chỉ tiêu."),
        S.body))
    if lookups.areas:
        story.append(KeepTogether([
            _chart(lookups.areas),
            Paragraph("Biểu đồ 1. Tiến độ thực hiện các hoạt động theo lĩnh vực", S.caption),
        ]))
        story.append(_area_table(lookups.areas))
        story.append(Paragraph("Bảng 1. Số hoạt động theo lĩnh vực và tình trạng thực hiện",
                               S.caption))

    # II. By area and task --------------------------------------------------------------
    story.append(CondPageBreak(30 * mm))
    story.append(Paragraph("II. KẾT QUẢ THỰC HIỆN THEO LĨNH VỰC, NHIỆM VỤ", S.section))
    groups = _task_groups(prepared, lookups)
    for number, (area, members) in enumerate(groups, start=1):
        title = nfc(area.title_vi) if area else "Nhiệm vụ khác"
        story.append(Paragraph(escape(f"{number}. {title}"), S.subsection))
        if not members:
            story.append(Paragraph("Chưa có hoạt động trong kỳ báo cáo.", S.body))
            continue
        for k, (task, code, items) in enumerate(members, start=1):
            c = _status_counts(items)
            b = sum(a.budget_vnd or 0 for a in items)
            text = (f"<i>{number}.{k}. {escape(_task_label(task, code))}:</i> "
                    f"{thousands(len(items))} hoạt động ({escape(_status_phrase(c))})"
                    f"; kinh phí {thousands(b)} đồng.")
            done = [a for a in items if a.status == ActivityStatus.COMPLETED and a.outputs
                    and not a.outputs.lstrip().startswith(("=", "+", "-", "@"))]
            if done:
                text += f" Kết quả tiêu biểu: {_x(done[0].outputs)}"
            story.append(Paragraph(text, S.body))
    story.append(Paragraph("(Danh mục chi tiết các hoạt động tại Phụ lục I kèm theo.)",
                           _style("ref", font="Tinos-Italic", after=6, indent=10 * mm)))

    # III. Indicators -------------------------------------------------------------------
    story.append(CondPageBreak(30 * mm))
    story.append(Paragraph("III. KẾT QUẢ THỰC HIỆN CÁC CHỈ SỐ", S.section))
    if inds:
        below = len(inds) - with_result
        story.append(Paragraph(escape(
            f"Trong {thousands(len(inds))} chỉ số theo dõi, {thousands(on_track)} chỉ số đạt "
            f"hoặc vượt chỉ tiêu, {thousands(with_result - on_track)} chỉ số chưa đạt và "
            f"{thousands(below)} chỉ số chưa có kết quả. Kết quả từng chỉ số so với chỉ tiêu "
            f"tại Phụ lục II kèm theo."), S.body))
        story.append(_indicator_summary(lookups.areas))
        story.append(Paragraph("Bảng 2. Chỉ số theo lĩnh vực", S.caption))
    else:
        story.append(Paragraph("Chưa có chỉ số theo dõi trong kỳ báo cáo.", S.body))

    # IV. Challenges and next steps -----------------------------------------------------
    story.append(CondPageBreak(30 * mm))
    story.append(Paragraph("IV. KHÓ KHĂN, VƯỚNG MẮC VÀ NHIỆM VỤ TIẾP THEO", S.section))
    for n, (heading, texts) in enumerate((
            ("Khó khăn, vướng mắc", (a.challenges for a in acts)),
            ("Nhiệm vụ, giải pháp trong thời gian tới", (a.next_steps for a in acts))), 1):
        story.append(Paragraph(f"{n}. {heading}", S.subsection))
        themes = _themes(texts)
        if not themes:
            story.append(Paragraph("Không có.", S.body))
        for text, times in themes[:MAX_THEMES]:
            suffix = f" (nêu tại {thousands(times)} hoạt động)" if times > 1 else ""
            story.append(Paragraph(f"- {_x(text)}{suffix}", S.bullet))
        if len(themes) > MAX_THEMES:
            story.append(Paragraph(escape(
                f"- Các ý kiến khác: {thousands(len(themes) - MAX_THEMES)} nội dung, chi tiết "
                f"trong tệp báo cáo Excel cùng phiên bản."), S.bullet))

    # Recipients and signature: never alone on a page --------------------------------
    story.append(KeepTogether([story.pop(), Spacer(1, 6),
                               _closing(settings, prepared.key_fingerprint)]))
    story.append(Paragraph(_fingerprint(prepared), S.small))

    # Annex I: activities ---------------------------------------------------------------
    left_out = {"activities": max(0, len(acts) - MAX_ANNEX_ACTIVITIES),
                "indicators": max(0, len(inds) - MAX_ANNEX_INDICATORS)}
    story.append(PageBreak())
    story.append(Paragraph("Phụ lục I", S.annex))
    story.append(Paragraph("DANH MỤC CÁC HOẠT ĐỘNG THEO LĨNH VỰC, NHIỆM VỤ", S.annex))
    story.append(Paragraph(escape(f"(Kèm theo Báo cáo năm {year} của {agency})"), S.annex_sub))
    story.append(Paragraph(
        "Ghi chú: PN - phụ nữ; DTTS - người dân tộc thiểu số; NKT - người khuyết tật; "
        "TE - trẻ em (lượt người).", S.note))
    budget_left = MAX_ANNEX_ACTIVITIES
    shown = 0
    for number, (area, members) in enumerate(groups, start=1):
        if not members or budget_left <= 0:
            continue
        title = nfc(area.title_vi) if area else "Nhiệm vụ khác"
        story.append(CondPageBreak(40 * mm))
        story.append(Paragraph(escape(f"{number}. {title}"), _style(
            "annex_area", size=12.5, font="Tinos-Bold", before=6, after=4)))
        for k, (task, code, items) in enumerate(members, start=1):
            if budget_left <= 0:
                break
            part = items[:budget_left]
            budget_left -= len(part)
            story.append(CondPageBreak(30 * mm))
            story.append(Paragraph(f"{number}.{k}. {escape(_task_label(task, code))}", S.task))
            story.append(_activity_table(part, shown + 1))
            story.append(Spacer(1, 8))
            shown += len(part)
    if not acts:
        story.append(Paragraph("Chưa có hoạt động trong kỳ báo cáo.", S.plain))
    if left_out["activities"]:
        story.append(Paragraph(escape(
            f"Phụ lục này liệt kê {thousands(shown)} trong số {thousands(len(acts))} hoạt động; "
            f"{thousands(left_out['activities'])} hoạt động còn lại có trong tệp báo cáo Excel "
            f"cùng phiên bản {meta.version} (mã kiểm tra {meta.content_hash[:16]})."), S.note))

    # Annex II: indicators --------------------------------------------------------------
    story.append(PageBreak())
    story.append(Paragraph("Phụ lục II", S.annex))
    story.append(Paragraph("KẾT QUẢ THỰC HIỆN CÁC CHỈ SỐ SO VỚI CHỈ TIÊU", S.annex))
    story.append(Paragraph(escape(f"(Kèm theo Báo cáo năm {year} của {agency})"), S.annex_sub))
    if inds:
        titles = {a.uuid: a.title for a in acts}
        story.append(_indicator_table(inds[:MAX_ANNEX_INDICATORS], titles))
    else:
        story.append(Paragraph("Chưa có chỉ số theo dõi trong kỳ báo cáo.", S.plain))
    if left_out["indicators"]:
        story.append(Paragraph(escape(
            f"Phụ lục này liệt kê {thousands(MAX_ANNEX_INDICATORS)} trong số "
            f"{thousands(len(inds))} chỉ số; các chỉ số còn lại có trong tệp báo cáo Excel "
            f"cùng phiên bản."), S.note))
    story.append(Paragraph(_fingerprint(prepared), S.small))
    return story, left_out


# --- the document --------------------------------------------------------------------


class _Stop(Exception):  # noqa: N818
    """Raised inside reportlab's build to abandon it (the job was cancelled)."""


def _page_furniture(fingerprint: str) -> tuple[Callable[[Canvas, Any], None],
                                               Callable[[Canvas, Any], None]]:
    def first(canvas: Canvas, _doc: Any) -> None:
        footer(canvas)

    def later(canvas: Canvas, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Tinos", 13.5)
        canvas.drawCentredString(MARGIN_LEFT + TEXT_WIDTH / 2, PAGE_HEIGHT - 12 * mm,
                                 str(doc.page))
        canvas.restoreState()
        footer(canvas)

    def footer(canvas: Canvas) -> None:
        canvas.saveState()
        canvas.setFont("Tinos", 7)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(MARGIN_LEFT, 10 * mm, fingerprint)
        canvas.restoreState()

    return first, later


def render(prepared: PreparedSubmission, settings: ReportSettings, lookups: ReportLookups,
           path: Path, on_page: Callable[[int], None] | None = None) -> int:
    """Write the report to ``path``; returns the number of pages.

    ``on_page`` is called with each finished page's number (from reportlab's build, in the
    calling thread); it may raise to abandon the build.
    """
    register_fonts()
    settings = settings.normalised()
    meta = prepared.meta
    story, _left_out = build_story(prepared, settings, lookups)
    agency = nfc(lookups.agency_name_vi or meta.agency_name_vi)
    title = f"Báo cáo kết quả thực hiện Kế hoạch năm {meta.period} - {agency}"
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
        title=title, author=agency,
        subject=nfc(f"Báo cáo năm {meta.period}: {lookups.plan_decision} "
                    f"{lookups.plan_title_vi}".strip()),
        creator=CREATOR,
        keywords=(f"content-hash={meta.content_hash}; version={meta.version}; "
                  f"submission={meta.submission_uuid}; agency={meta.agency_code}; "
                  f"period={meta.period}"),
        lang="vi-VN",
        initialFontName="Tinos", initialFontSize=BODY_SIZE,  # no stray Helvetica
    )
    pages = [0]

    def progress(kind: str, value: Any) -> None:
        if kind == "PAGE":
            pages[0] = int(value)
            if on_page is not None:
                on_page(pages[0])

    doc.setProgressCallBack(progress)
    fingerprint = (f"{CREATOR} · {meta.agency_code} · {meta.period} · phiên bản {meta.version}"
                   f" · {meta.content_hash[:16]}")
    first, later = _page_furniture(fingerprint)
    doc.build(story, onFirstPage=first, onLaterPages=later)
    return max(pages[0], int(doc.page))


def render_job(prepared: PreparedSubmission, settings: ReportSettings, lookups: ReportLookups,
               path: Path) -> Job[None]:
    """``render`` as a job: reportlab builds on a helper thread while this generator
    reports its pages; closing the job (Cancel) stops the build at the next page."""
    # About 12 rows of either annex fit a page (measured on the demo data).
    estimate = (5 + min(len(prepared.data.activities), MAX_ANNEX_ACTIVITIES) // 12
                + min(len(prepared.data.indicators), MAX_ANNEX_INDICATORS) // 12)
    yield Progress(0, estimate, "render")
    pages: queue.Queue[int] = queue.Queue()
    stop = threading.Event()
    outcome: dict[str, BaseException] = {}

    def on_page(page: int) -> None:
        if stop.is_set():
            raise _Stop
        pages.put(page)

    def work() -> None:
        try:
            render(prepared, settings, lookups, path, on_page)
        except BaseException as error:  # handed over to the job's thread below
            outcome["error"] = error
        finally:
            pages.put(-1)

    worker = threading.Thread(target=work, name="pdf-render", daemon=True)
    worker.start()
    try:
        while (page := pages.get()) >= 0:
            yield Progress(page, max(estimate, page), "render")
    finally:
        stop.set()  # a no-op once the build is over; stops it when the job was closed
        worker.join()
    failure = outcome.get("error")
    if isinstance(failure, OSError):
        raise RefusedError.of("file.cannot_write", file=str(path),
                              detail=os_detail(failure)) from failure
    if failure is not None:
        raise failure


def export_pdf(db: Database, year: int, path: Path, *,
               now: datetime | None = None) -> Job[PreparedSubmission]:
    """Prepare the year's submission (a new version only if the data changed) and write
    its official report to ``path``: into a temporary file beside it, then renamed into
    place, and the version registered only once the file is there."""
    from desktop_app.core.services.submissions import write_submission_file

    yield Progress(0, 0, "prepare")
    settings = load_report_settings(db)
    lookups = report_lookups(db, year)

    def writer(prepared: PreparedSubmission, temp: Path) -> Job[None]:
        return render_job(prepared, settings, lookups, temp)

    prepared = yield from write_submission_file(db, year, Path(path), writer, now=now)
    yield Progress(1, 1, "done")
    return prepared
