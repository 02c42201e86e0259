"""The parts every official PDF of the program is made of, in the format of Decree
30/2020/NĐ-CP (Appendix I): the agency's report and the focal point's national report
are both built from them, so the two look like documents of one administration.

A4 with margins top 20, bottom 20, left 30, right 15 mm; Tinos (Times New Roman's
metrics, every Vietnamese letter) embedded in its four styles; the issuer's header with
the national title and motto, the number, place and date; "Nơi nhận" and the signature
block; grid tables (wrapped plain-text cells keep long annexes fast); the chart of
activities by area and status. Its sibling ``pdf_render`` adds the page furniture (page
numbers from page 2, the footer) and builds a story into a file on a worker thread.

Every string is normalised to NFC before it reaches reportlab: decomposed text would be
drawn with its marks beside the letters.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
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
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, LongTable, Paragraph, Spacer, Table, TableStyle

from desktop_app.core.domain.enums import ActivityStatus
from desktop_app.core.domain.labels import label, label_of
from desktop_app.core.domain.text import nfc
from desktop_app.core.domain.timefmt import local_date
from desktop_app.core.exchange.report_model import (
    AreaProgress,
    ReportSettings,
    StatusCounts,
)
from desktop_app.core.paths import resources_dir
from desktop_app.core.problems import RefusedError

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
PAD = 3  # points of padding left and right in every table cell

STATUS_COLOURS = {  # distinct in colour and still apart when printed in grey
    ActivityStatus.COMPLETED: colors.HexColor("#1b5e20"),
    ActivityStatus.IN_PROGRESS: colors.HexColor("#66bb6a"),
    ActivityStatus.PLANNED: colors.HexColor("#c8e6c9"),
    ActivityStatus.POSTPONED: colors.HexColor("#ffb74d"),
    ActivityStatus.CANCELLED: colors.HexColor("#9e9e9e"),
}
CHART_ORDER = (ActivityStatus.COMPLETED, ActivityStatus.IN_PROGRESS, ActivityStatus.PLANNED,
               ActivityStatus.POSTPONED, ActivityStatus.CANCELLED)

GRID = colors.HexColor("#444444")
HEADER_FILL = colors.HexColor("#e8e8e8")
MISSED_FILL = colors.HexColor("#fde0dc")  # a cell that says something was not done


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


def date_line(place: str, when: date | None, year: int) -> str:
    """ "Vĩnh Long, ngày 05 tháng 01 năm 2026" (day < 10 and month < 3 take a zero)."""
    if when is None:
        gap = "\u00a0" * 6
        return f"{place}, ngày {gap} tháng {gap} năm {year}"
    month = f"{when.month:02d}" if when.month < 3 else str(when.month)
    return f"{place}, ngày {when.day:02d} tháng {month} năm {when.year}"


def markup(text: str | None) -> str:
    """User text made safe for a Paragraph: NFC, XML-escaped, line breaks kept."""
    return escape(nfc(text or "")).replace("\n", "<br/>")


def markup_lines(text: str) -> str:
    """Each line NFC and escaped, joined by Paragraph line breaks (no empty last line)."""
    return "<br/>".join(escape(nfc(line)) for line in text.splitlines())


def status_word(status: str) -> str:
    """A stored status in Vietnamese (an unknown code as it is)."""
    return label_of(ActivityStatus, status, "vi")


def status_phrase(counts: StatusCounts) -> str:
    """ "3 đã hoàn thành, 2 đang thực hiện": the statuses that occur, in the chart's order."""
    parts = [f"{thousands(counts.of(s))} {label(s, 'vi').lower()}" for s in CHART_ORDER
             if counts.of(s)]
    return ", ".join(parts)


# --- styles --------------------------------------------------------------------------


def style(name: str, *, size: float = BODY_SIZE, font: str = "Tinos", align: int = TA_LEFT,
          leading: float | None = None, before: float = 0, after: float = 0,
          indent: float = 0) -> ParagraphStyle:
    """A paragraph style in Tinos; leading 1.2 times the size unless given."""
    return ParagraphStyle(name, fontName=font, fontSize=size,
                          leading=leading if leading is not None else size * 1.2,
                          alignment=align, spaceBefore=before, spaceAfter=after,
                          firstLineIndent=indent)


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of Decree 30 documents, shared by both reports (as ``S``)."""

    body: ParagraphStyle = style("body", align=TA_JUSTIFY, after=6, indent=10 * mm)
    plain: ParagraphStyle = style("plain", align=TA_JUSTIFY, after=6)
    bullet: ParagraphStyle = style("bullet", align=TA_JUSTIFY, after=3, indent=10 * mm)
    section: ParagraphStyle = style("section", font="Tinos-Bold", before=6, after=6,
                                    indent=10 * mm)
    subsection: ParagraphStyle = style("subsection", font="Tinos-Bold", after=6,
                                       indent=10 * mm, align=TA_JUSTIFY)
    task: ParagraphStyle = style("task", font="Tinos-BoldItalic", after=4, align=TA_JUSTIFY)
    head_plain: ParagraphStyle = style("head_plain", size=12.5, align=TA_CENTER)
    head_bold: ParagraphStyle = style("head_bold", size=12.5, font="Tinos-Bold",
                                      align=TA_CENTER)
    nation: ParagraphStyle = style("nation", size=12.5, font="Tinos-Bold", align=TA_CENTER)
    motto: ParagraphStyle = style("motto", size=13.5, font="Tinos-Bold", align=TA_CENTER)
    number: ParagraphStyle = style("number", size=13, align=TA_CENTER)
    date: ParagraphStyle = style("date", size=13.5, font="Tinos-Italic", align=TA_CENTER)
    title: ParagraphStyle = style("title", size=14, font="Tinos-Bold", align=TA_CENTER,
                                  before=18, after=2)
    subtitle: ParagraphStyle = style("subtitle", size=14, font="Tinos-Bold", align=TA_CENTER,
                                     after=2)
    period: ParagraphStyle = style("period", size=13, font="Tinos-Italic", align=TA_CENTER,
                                   after=2)
    reference: ParagraphStyle = style("reference", font="Tinos-Italic", after=6,
                                      indent=10 * mm)
    annex: ParagraphStyle = style("annex", size=14, font="Tinos-Bold", align=TA_CENTER,
                                  after=4)
    annex_sub: ParagraphStyle = style("annex_sub", size=13, font="Tinos-Italic",
                                      align=TA_CENTER, after=8)
    annex_group: ParagraphStyle = style("annex_group", size=12.5, font="Tinos-Bold",
                                        before=6, after=4)
    caption: ParagraphStyle = style("caption", size=12, font="Tinos-Italic",
                                    align=TA_CENTER, before=2, after=8)
    note: ParagraphStyle = style("note", size=11, font="Tinos-Italic", after=4,
                                 align=TA_JUSTIFY)
    cell: ParagraphStyle = style("cell", size=TABLE_SIZE, leading=TABLE_SIZE * 1.15)
    cell_c: ParagraphStyle = style("cell_c", size=TABLE_SIZE, leading=TABLE_SIZE * 1.15,
                                   align=TA_CENTER)
    cell_r: ParagraphStyle = style("cell_r", size=TABLE_SIZE, leading=TABLE_SIZE * 1.15,
                                   align=TA_RIGHT)
    cell_head: ParagraphStyle = style("cell_head", size=TABLE_SIZE, font="Tinos-Bold",
                                      leading=TABLE_SIZE * 1.15, align=TA_CENTER)
    cell_group: ParagraphStyle = style("cell_group", size=TABLE_SIZE, font="Tinos-Bold",
                                       leading=TABLE_SIZE * 1.15)
    recipients_head: ParagraphStyle = style("recipients_head", size=12,
                                            font="Tinos-BoldItalic")
    recipients: ParagraphStyle = style("recipients", size=11, leading=13)
    signer_title: ParagraphStyle = style("signer_title", size=13.5, font="Tinos-Bold",
                                         align=TA_CENTER)
    signer_name: ParagraphStyle = style("signer_name", size=13.5, font="Tinos-Bold",
                                        align=TA_CENTER)
    small: ParagraphStyle = style("small", size=8, leading=10, before=12, align=TA_LEFT)
    signing_key: ParagraphStyle = style("signing_key", size=9, leading=11, before=4,
                                        align=TA_CENTER)


S = Styles()


def text(value: str, paragraph_style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain text (escaped, NFC), in the body style unless given."""
    return Paragraph(escape(nfc(value)), paragraph_style or S.body)


# --- the header and the closing ------------------------------------------------------


class Rule(Flowable):  # type: ignore[misc]  # reportlab has no type hints
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


def rule(width: float, before: float = 4.5, after: float = 2) -> Flowable:
    return Rule(width, before, after)


def _widest(value: str, font: str, size: float) -> float:
    return max((stringWidth(line, font, size) for line in value.splitlines()), default=0.0)


def header(settings: ReportSettings, created: datetime) -> Table:
    """Issuer and number on the left; national title, motto and date on the right."""
    nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto = "Độc lập - Tự do - Hạnh phúc"
    right_width = stringWidth(nation, "Tinos-Bold", S.nation.fontSize) + 4 * mm
    left_width = TEXT_WIDTH - right_width
    left: list[Flowable] = []
    if settings.issuing_unit:
        left.append(Paragraph(markup_lines(settings.governing_body.upper()), S.head_plain))
        issuer = settings.issuing_unit.upper()
    else:
        issuer = settings.governing_body.upper()
    left.append(Paragraph(markup_lines(issuer), S.head_bold))
    left.append(rule(max(_widest(issuer, "Tinos-Bold", S.head_bold.fontSize) * 0.4, 20 * mm)))
    right: list[Flowable] = [
        Paragraph(nation, S.nation),
        Paragraph(motto, S.motto),
        rule(stringWidth(motto, "Tinos-Bold", S.motto.fontSize)),
    ]
    place_date = date_line(nfc(settings.place), document_date(settings, created),
                           local_date(created).year)
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


def document_date(settings: ReportSettings, created: datetime) -> date | None:
    """The document's date: the day it was made on this machine's clock when the issuer
    fills the date in; None when the clerk writes it on the signed copy."""
    return local_date(created) if settings.fill_date else None


def period_line(year: int, start: date | None, end: date | None) -> str:
    """ "(Kỳ báo cáo năm 2026: số liệu từ ngày 15/12/2025 đến ngày 14/12/2026)"."""
    if start is None or end is None:
        return f"(Kỳ báo cáo năm {year})"
    return (f"(Kỳ báo cáo năm {year}: số liệu từ ngày {date_vi(start)} đến ngày "
            f"{date_vi(end)})")


def title_block(excerpt: str, period: str) -> list[Flowable]:
    """ "BÁO CÁO", the excerpt line (trích yếu), the period line under it and the rule."""
    return [
        Paragraph("BÁO CÁO", S.title),
        Paragraph(escape(nfc(excerpt)), S.subtitle),
        Paragraph(escape(nfc(period)), S.period),
        rule(45 * mm, before=4.5, after=14),
    ]


def annex_reference(settings: ReportSettings, created: datetime, issuer: str) -> str:
    """ "(Kèm theo Báo cáo số 12/BC-STP ngày 05 tháng 01 năm 2026 của …)": the report
    an annex belongs to, by its number and date; blanks where the clerk writes them."""
    number = nfc(settings.document_number).strip()
    if number.lower().startswith("số"):
        number = number[2:].lstrip(" :")
    number = number.replace(" ", "\u00a0") if number else "\u00a0" * 6
    when = document_date(settings, created)
    if when is None:
        gap = "\u00a0" * 5
        day = f"ngày {gap} tháng {gap} năm {local_date(created).year}"
    else:
        month = f"{when.month:02d}" if when.month < 3 else str(when.month)
        day = f"ngày {when.day:02d} tháng {month} năm {when.year}"
    return f"(Kèm theo Báo cáo số {number} {day} của {nfc(issuer)})"


def closing(settings: ReportSettings, key_fingerprint: str = "",
            below_signer: Sequence[Flowable] = ()) -> Table:
    """ "Nơi nhận" and its lines on the left; the signer's title and name on the right,
    then ``below_signer`` (e.g. the line naming the key that signed the file)."""
    left: list[Flowable] = [Paragraph("Nơi nhận:", S.recipients_head)]
    left += [Paragraph(escape(nfc(line)), S.recipients) for line in settings.recipients]
    right: list[Flowable] = [
        Paragraph(markup_lines(settings.signer_title.upper()), S.signer_title),
        Spacer(1, 28 * mm)]
    if settings.signer_name:
        right.append(Paragraph(escape(nfc(settings.signer_name)), S.signer_name))
    if key_fingerprint:  # the signed letter vouches for the key that signed the workbook
        right.append(Paragraph(escape(f"Mã khóa ký / Signing key: {key_fingerprint}"),
                               S.signing_key))
    right += list(below_signer)
    table = Table([[left, right]], colWidths=[TEXT_WIDTH * 0.45, TEXT_WIDTH * 0.55])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), "Tinos", BODY_SIZE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return table


# --- tables --------------------------------------------------------------------------


def grid_style(header_rows: int = 1) -> list[tuple[Any, ...]]:
    """A ruled table with a shaded header, for Paragraph cells."""
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


def table_style(header_rows: int = 1) -> list[tuple[Any, ...]]:
    """``grid_style`` for tables of plain-string cells (see ``wrap``)."""
    return [*grid_style(header_rows), ("LEADING", (0, 1), (-1, -1), TABLE_SIZE * 1.15)]


# The width of each word in each font and size, measured once: an annex of 2,000
# activities measures ~130,000 words, most of them the same few thousand.
_WORD_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}
_MAX_WORDS = 100_000  # a font's cache is emptied beyond this (a long session)


def split_lines(text: str, font: str, size: float, max_width: float) -> list[str]:
    """reportlab's ``simpleSplit``, line for line the same, each word measured once.

    The same greedy rule in the same arithmetic: a word joins the line while the line's
    width plus a space plus the word is at most ``max_width`` (or the line is empty).
    """
    if not max_width:
        return text.split("\n")
    widths = _WORD_WIDTHS.setdefault((font, size), {})
    if len(widths) > _MAX_WORDS:
        widths.clear()
    space = stringWidth(" ", font, size)
    out: list[str] = []
    for line in text.split("\n"):
        words: list[str] = []
        used = -space
        for word in line.split():
            word_width = widths.get(word)
            if word_width is None:
                word_width = widths[word] = stringWidth(word, font, size)
            if used + space + word_width <= max_width or not words:
                words.append(word)
                used = used + space + word_width
            else:
                out.append(" ".join(words))
                words = [word]
                used = word_width
        if words:
            out.append(" ".join(words))
    return out


def wrap(value: str, width: float, font: str = "Tinos", size: float = TABLE_SIZE) -> str:
    """Text broken into lines that fit ``width`` points, for a plain-string table cell.

    Plain strings cost a fraction of a Paragraph to lay out, which is what keeps an
    annex of thousands of rows fast; the words are the same.
    """
    return "\n".join(split_lines(nfc(value), font, size, width - 2 * PAD))


@functools.lru_cache(maxsize=256)
def wrapped_label(value: str, width: float) -> str:
    """``wrap`` for the few texts that repeat down a column (types, statuses, codes)."""
    return wrap(value, width)


def head_row(*titles: str) -> list[Any]:
    """A table's header row of bold centred titles."""
    return [Paragraph(escape(t), S.cell_head) for t in titles]


def right_cell(value: Any, bold: bool = False) -> Paragraph:
    """A right-aligned (number) cell."""
    shown = escape(str(value))
    return Paragraph(f"<b>{shown}</b>" if bold else shown, S.cell_r)


def grid_table(rows: list[list[Any]], widths: Sequence[float], extra: Sequence[Any] = ()
               ) -> LongTable:
    """Paragraph rows in a ruled table whose header row repeats on every page."""
    table = LongTable(rows, colWidths=list(widths), repeatRows=1)
    table.setStyle(TableStyle([*grid_style(), *extra]))
    return table


def area_table(areas: Sequence[AreaProgress]) -> Table:
    """Activities of each area by status, with a total row."""
    head = ["TT", "Lĩnh vực", "Tổng số", *(label(s, "vi") for s in CHART_ORDER)]
    rows: list[list[Any]] = [[Paragraph(h, S.cell_head) for h in head]]
    total = [0] * (len(CHART_ORDER) + 1)
    for a in areas:
        counts = [a.activities.total, *(a.activities.of(s) for s in CHART_ORDER)]
        total = [t + c for t, c in zip(total, counts, strict=True)]
        rows.append([Paragraph(str(a.number), S.cell_c), Paragraph(markup(a.title_vi), S.cell),
                     *(Paragraph(thousands(c), S.cell_r) for c in counts)])
    rows.append(["", Paragraph("Cộng", S.cell_group),
                 *(Paragraph(f"<b>{thousands(c)}</b>", S.cell_r) for c in total)])
    widths = [9 * mm, 52 * mm, 15 * mm] + [17.8 * mm] * len(CHART_ORDER)
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    return table


def whole_step(most: int, ticks: int = 6) -> int:
    """A whole tick step of 1, 2 or 5 times a power of ten giving at most ``ticks``
    steps up to ``most`` (1 for an empty chart)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if -(-max(most, 1) // (step * factor)) <= ticks:
                return step * factor
        step *= 10


def status_chart(areas: Sequence[AreaProgress]) -> Drawing:
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
    most = max((a.activities.total for a in shown), default=0)
    step = whole_step(most)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(step, -(-most // step) * step)
    chart.valueAxis.valueStep = step  # whole numbers only: never "0 0 0 0 0 1"
    chart.valueAxis.labelTextFormat = lambda v: thousands(round(v))
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor("#cccccc")
    chart.valueAxis.gridStrokeWidth = 0.3
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
    legend.colorNamePairs = [(STATUS_COLOURS[s], label(s, "vi")) for s in CHART_ORDER]
    drawing.add(legend)
    drawing.add(String(chart.x + chart.width / 2, legend_h + 3 * mm, "Số hoạt động",
                       fontName="Tinos", fontSize=9.5, textAnchor="middle"))
    return drawing
