"""The two annexes of the focal point's national PDF report (``national_pdf``): the
reporting status of every agency (Annex I) and the activities by agency (Annex II).

Annex II is capped at about MAX_ANNEX_ACTIVITIES rows, shared out between the agencies
so that none is left out (at least MIN_PER_AGENCY each); the workbook of the same report
carries every row. Both are tables of plain strings wrapped with ``pdf_kit.wrap``, which
keeps a long annex fast to lay out.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    LongTable,
    PageBreak,
    Paragraph,
    Spacer,
    TableStyle,
)

from desktop_app.core.domain.enums import CellState
from desktop_app.core.domain.labels import label
from desktop_app.core.domain.timefmt import local_date
from desktop_app.core.exchange.national_model import AnnexActivity, NationalReport
from desktop_app.core.exchange.pdf_kit import (
    MISSED_FILL,
    TABLE_SIZE,
    S,
    annex_reference,
    date_vi,
    head_row,
    status_word,
    table_style,
    text,
    thousands,
    wrap,
    wrapped_label,
)

FOCAL_POINT = "Bộ Tư pháp"
# The PDF's annex of activities stops at about this many rows (shared out between the
# agencies, so that none is left out); the workbook carries every row.
MAX_ANNEX_ACTIVITIES = 2500
MIN_PER_AGENCY = 20


def annex_reference_of(r: NationalReport) -> str:
    """The line under each annex's title naming the report it belongs to."""
    return annex_reference(r.settings.normalised(), r.created_at, FOCAL_POINT)


def annex_reporting(r: NationalReport) -> list[Flowable]:
    out: list[Flowable] = [
        PageBreak(), Paragraph("Phụ lục I", S.annex),
        Paragraph("TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC BỘ, NGÀNH, ĐỊA PHƯƠNG", S.annex),
        text(annex_reference_of(r), S.annex_sub)]
    rows: list[list[Any]] = [head_row("STT", "Cơ quan", "Tình trạng", "Ngày nhận",
                                      "Số phiên bản", "Ghi chú")]
    widths = [11 * mm, 58 * mm, 24 * mm, 24 * mm, 18 * mm, 30 * mm]
    marks: list[Any] = []
    for n, row in enumerate(r.grid.rows, start=1):
        cell = r.cell_of(row)
        received = date_vi(local_date(cell.first_received)) if cell.first_received else ""
        sent = ", ".join(u.name_vi or u.code for u in cell.units if u.code != row.code)
        notes = [f"Gồm báo cáo của: {sent}"] if sent else []
        if cell.missing and cell.expected > 1:
            notes.append("Chưa nhận của: " + ", ".join(m.name_vi for m in cell.missing))
        if cell.unsigned:  # issue 9: data no signature vouches for
            notes.append("Không có chữ ký: " + ", ".join(cell.unsigned))
        note = "; ".join(notes)
        rows.append([str(n), wrap(row.name_vi, widths[1]), label(cell.state, "vi"), received,
                     thousands(cell.versions) if cell.versions else "",
                     wrap(note, widths[5])])
        if cell.state is CellState.NOT_RECEIVED:
            marks.append(("BACKGROUND", (2, n), (2, n), MISSED_FILL))
        elif cell.state is CellState.LATE:
            marks.append(("FONT", (2, n), (2, n), "Tinos-Italic", TABLE_SIZE))
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([*table_style(), ("ALIGN", (0, 1), (0, -1), "CENTER"),
                               ("ALIGN", (2, 1), (4, -1), "CENTER"), *marks]))
    out.append(table)
    return out


def per_agency(r: NationalReport) -> int:
    groups = len({a.rollup.code for a in r.activities}) or 1
    return max(MIN_PER_AGENCY, math.ceil(MAX_ANNEX_ACTIVITIES / groups))


def annex_activities(r: NationalReport) -> tuple[list[Flowable], int]:
    """Annex II, capped; returns the flowables and how many rows it shows."""
    out: list[Flowable] = [
        PageBreak(), Paragraph("Phụ lục II", S.annex),
        Paragraph("DANH MỤC CÁC HOẠT ĐỘNG THEO BỘ, NGÀNH, ĐỊA PHƯƠNG", S.annex),
        text(annex_reference_of(r), S.annex_sub)]
    groups: dict[str, list[AnnexActivity]] = defaultdict(list)
    for a in r.activities:
        groups[a.rollup.code].append(a)
    if not groups:
        out.append(text("Chưa có hoạt động trong kỳ báo cáo.", S.plain))
        return out, 0
    most = per_agency(r)
    if any(len(items) > most for items in groups.values()):
        out.append(text(
            f"Ghi chú: Phụ lục này liệt kê tối đa {thousands(most)} hoạt động của mỗi "
            f"cơ quan; danh mục đầy đủ {thousands(len(r.activities))} hoạt động có trong tệp "
            f"Excel của báo cáo tổng hợp (trang tính «Phụ lục hoạt động»).", S.note))
    widths = [11 * mm, 55 * mm, 23 * mm, 22 * mm, 22 * mm, 32 * mm]
    shown = 0
    for n, items in enumerate(groups.values(), start=1):
        unit = items[0].rollup
        part = items[:most]
        shown += len(part)
        out.append(CondPageBreak(35 * mm))
        unattributed = "" if items[0].attributed else \
            " – chưa phân bổ cho cơ quan kế thừa theo nhiệm vụ"
        out.append(text(f"{n}. {unit.name_vi}{unattributed} "
                        f"({thousands(len(items))} hoạt động)", S.annex_group))
        rows: list[list[Any]] = [head_row("STT", "Tên hoạt động", "Nhiệm vụ", "Tình trạng",
                                          "Thời gian", "Khuyến nghị")]
        for k, a in enumerate(part, start=1):
            title = wrap(a.title, widths[1])
            if a.agency.code != a.rollup.code:
                title += "\n" + wrap(f"(báo cáo của {a.agency.name_vi})", widths[1])
            period = date_vi(a.start_date)
            if a.end_date:
                period = f"{period} –\n{date_vi(a.end_date)}" if period else \
                    f"đến\n{date_vi(a.end_date)}"
            task = f"Nhiệm vụ {a.task_number}" if a.task_number is not None else "-"
            rows.append([str(k), title, wrapped_label(task, widths[2]),
                         wrapped_label(status_word(a.status), widths[3]), period,
                         wrap("; ".join(a.recommendation_refs), widths[5])])
        table = LongTable(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([*table_style(), ("ALIGN", (0, 1), (0, -1), "CENTER"),
                                   ("ALIGN", (2, 1), (2, -1), "CENTER"),
                                   ("ALIGN", (4, 1), (4, -1), "CENTER")]))
        out.append(table)
        if len(items) > len(part):
            out.append(text(f"… và {thousands(len(items) - len(part))} hoạt động khác (xem "
                            f"tệp Excel).", S.note))
        out.append(Spacer(1, 6))
    return out, shown
