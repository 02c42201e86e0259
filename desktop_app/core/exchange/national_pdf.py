"""The focal point's national consolidated report of a period as the official PDF issued
by the Ministry of Justice, in the Decree 30/2020/NĐ-CP format of the agency report.

Four numbered sections (who reported; results by area; results by recommendation,
follow-up ones first, the others under a heading per source; overall assessment and
proposals), "Nơi nhận" and the signature,
then two annexes (``national_annexes``): the reporting status of every agency and the
activities by agency (capped, shared out between the agencies so that none is left out;
the workbook carries every row). It draws a ``NationalReport`` — plain values the
services read in one transaction — with the parts of ``pdf_kit`` and the build of
``pdf_render``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    Spacer,
    TableStyle,
)

from desktop_app.core.domain.enums import ActivityStatus, AgencyKind, Implementation
from desktop_app.core.domain.labels import label, label_of
from desktop_app.core.domain.text import nfc
from desktop_app.core.domain.timefmt import local_date, local_text
from desktop_app.core.exchange.assessment_words import (
    checked_note,
    committee_text,
    judgment_text,
    sentence,
    where,
)
from desktop_app.core.exchange.national_annexes import (
    annex_activities,
    annex_reporting,
    per_agency,
)
from desktop_app.core.exchange.national_model import (
    AreaView,
    NationalReport,
    RecommendationView,
)
from desktop_app.core.exchange.pdf_kit import (
    CREATOR,
    S,
    area_table,
    closing,
    date_vi,
    grid_table,
    head_row,
    header,
    markup,
    number_vi,
    period_line,
    register_fonts,
    right_cell,
    status_chart,
    status_phrase,
    table_style,
    text,
    thousands,
    title_block,
    wrap,
)
from desktop_app.core.exchange.pdf_render import DocumentInfo, render_on_worker, render_story
from desktop_app.core.exchange.report_model import (
    AreaProgress,
    plan_excerpt,
)
from desktop_app.core.progress import Job

MAX_THEMES = 5  # challenges and next steps in section IV: the most frequent ones
MAX_NAMES = 12  # agencies named in a sentence before "và N cơ quan khác"
WEAK_GRADES = frozenset({"C", "D", "E"})  # the Committee's grades below "partially"

GROUPS = (  # how section I counts the agencies
    ("Địa phương", frozenset({AgencyKind.CITY, AgencyKind.PROVINCE})),
    ("Bộ, cơ quan ngang bộ", frozenset({AgencyKind.MINISTRY, AgencyKind.MINISTERIAL_AGENCY})),
    ("Cơ quan trung ương khác", frozenset({AgencyKind.CENTRAL_BODY})),
)


def _names(refs: Sequence[str], most: int = MAX_NAMES) -> str:
    shown = [nfc(n) for n in refs[:most]]
    rest = len(refs) - len(shown)
    joined = ", ".join(shown)
    return f"{joined} và {thousands(rest)} cơ quan khác" if rest > 0 else joined


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{number_vi(round(100 * value, 1))}%"


def _implementation(code: str) -> str:
    return label_of(Implementation, code, "vi")


def _as_progress(areas: Sequence[AreaView]) -> list[AreaProgress]:
    return [AreaProgress(a.code, a.number, a.title_vi, a.title_en, a.activities, a.indicators)
            for a in areas]


KIND_GROUPS = (  # how a list of agencies is said: the units of each kind together
    ("Ủy ban nhân dân các tỉnh, thành phố", frozenset({AgencyKind.CITY, AgencyKind.PROVINCE})),
    ("các bộ, cơ quan ngang bộ", frozenset({AgencyKind.MINISTRY,
                                            AgencyKind.MINISTERIAL_AGENCY})),
    ("các cơ quan trung ương khác", frozenset({AgencyKind.CENTRAL_BODY})),
)


def _title(r: NationalReport) -> list[Flowable]:
    excerpt = plan_excerpt("Tổng hợp kết quả", r.plan_title_vi, r.plan_decision,
                           r.plan_signed_on)
    return title_block(excerpt, period_line(r.year, r.period_from, r.period_to))


def _group_counts(r: NationalReport) -> list[tuple[str, int, int, int, int]]:
    """Per group of kinds: units that had to report, received, on time, late."""
    out = []
    for name, kinds in GROUPS:
        cells = [r.cell_of(row) for row in r.grid.rows if row.kind in kinds]
        if not cells:
            continue
        reported = sum(c.reported for c in cells)
        late = sum(c.late for c in cells)
        out.append((name, sum(c.expected for c in cells), reported, reported - late, late))
    return out


def _missingsentence(r: NationalReport) -> str:
    """The units that had to report and did not, said by kind: "Ủy ban nhân dân các
    tỉnh, thành phố: Cao Bằng, Lai Châu; các bộ, cơ quan ngang bộ: Bộ Y tế"."""
    parts = []
    for words, kinds in KIND_GROUPS:
        names = [m.name_vi for row in r.grid.rows if row.kind in kinds
                 for m in r.cell_of(row).missing]
        if names:
            parts.append(f"{words}: {_names(names, most=len(names))}")
    return "; ".join(parts)


def _section_reporting(r: NationalReport) -> list[Flowable]:
    c = r.counts
    out: list[Flowable] = [Paragraph("I. TÌNH HÌNH BÁO CÁO CỦA CÁC BỘ, NGÀNH, ĐỊA PHƯƠNG",
                                     S.section)]
    when = local_date(r.created_at)
    due = f" (hạn gửi báo cáo: ngày {date_vi(r.due_date)})" if r.due_date else ""
    out.append(text(
        f"Tính đến ngày {date_vi(when)}, Bộ Tư pháp đã nhận được báo cáo năm {r.year} của "
        f"{thousands(c.received)}/{thousands(c.agencies)} bộ, ngành, địa phương{due}, "
        f"trong đó {thousands(c.on_time)} báo cáo gửi đúng hạn và {thousands(c.late)} "
        f"báo cáo gửi muộn; tỷ lệ báo cáo đúng hạn (trên số báo cáo đã nhận) là "
        f"{_rate(c.on_time_rate)}."))
    if c.not_received:
        out.append(text(f"Còn {thousands(c.not_received)} cơ quan chưa gửi báo cáo: "
                        f"{_missingsentence(r)}."))
    else:
        out.append(text("Tất cả các bộ, ngành, địa phương đã gửi báo cáo."))
    rows: list[list[Any]] = [head_row("Nhóm cơ quan", "Phải báo cáo", "Đã nhận", "Đúng hạn",
                                      "Muộn", "Chưa nhận")]
    for name, total, received, on_time, late in _group_counts(r):
        rows.append([Paragraph(escape(name), S.cell), right_cell(thousands(total)),
                     right_cell(thousands(received)), right_cell(thousands(on_time)),
                     right_cell(thousands(late)), right_cell(thousands(total - received))])
    rows.append([Paragraph("Cộng", S.cell_group), *(right_cell(thousands(v), bold=True) for v in (
        c.agencies, c.received, c.on_time, c.late, c.not_received))])
    out.append(grid_table(rows, [55 * mm, 22 * mm, 22 * mm, 22 * mm, 22 * mm, 22 * mm]))
    out.append(text(f"Bảng 1. Tình hình gửi báo cáo năm {r.year}", S.caption))
    if len(r.grid.years) > 1:
        rows = [head_row("Năm", "Phải báo cáo", "Đã nhận", "Đúng hạn", "Muộn",
                         "Tỷ lệ đúng hạn")]
        for k in r.grid.counts:
            rows.append([Paragraph(str(k.year), S.cell_c), right_cell(thousands(k.agencies)),
                         right_cell(thousands(k.received)), right_cell(thousands(k.on_time)),
                         right_cell(thousands(k.late)), right_cell(_rate(k.on_time_rate))])
        out.append(CondPageBreak(40 * mm))
        out.append(grid_table(rows, [25 * mm, 28 * mm, 28 * mm, 28 * mm, 28 * mm, 28 * mm]))
        out.append(text("Bảng 2. Tình hình gửi báo cáo qua các năm", S.caption))
    out.append(Paragraph("(Danh sách chi tiết tại Phụ lục I kèm theo.)", S.reference))
    return out


def _section_areas(r: NationalReport) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(30 * mm),
                           Paragraph("II. KẾT QUẢ THỰC HIỆN THEO LĨNH VỰC", S.section)]
    total = r.statuses.total
    phrase = status_phrase(r.statuses)
    out.append(text(
        f"Trong năm {r.year}, {thousands(r.agencies_acting)} bộ, ngành, địa phương đã báo "
        f"cáo {thousands(total)} hoạt động thực hiện Kế hoạch"
        + (f", trong đó: {phrase}" if phrase else "")
        + f"; tổng kinh phí {thousands(r.budget_vnd)} đồng. Về chỉ số: "
        f"{thousands(r.indicators.total)} chỉ số, trong đó "
        f"{thousands(r.indicators.with_result)} chỉ số đã có kết quả, "
        f"{thousands(r.indicators.on_track)} chỉ số đạt hoặc vượt chỉ tiêu."))
    areas = _as_progress(r.areas)
    if areas:
        out.append(KeepTogether([
            status_chart(areas),
            text("Biểu đồ 1. Tiến độ thực hiện các hoạt động theo lĩnh vực", S.caption)]))
        out.append(area_table(areas))
        out.append(text("Bảng 3. Số hoạt động theo lĩnh vực và tình trạng thực hiện",
                        S.caption))
    for n, area in enumerate(r.areas, start=1):
        tasks = [t for t in r.tasks if t.area_code == area.code]
        acting = [t for t in tasks if t.activities.total]
        inds = area.indicators
        line = (f"<b>{n}. {markup(area.title_vi)}:</b> "
                f"{thousands(area.activities.total)} hoạt động của "
                f"{thousands(area.agencies)} cơ quan, thuộc "
                f"{thousands(len(acting))}/{thousands(len(tasks))} nhiệm vụ")
        if area.activities.total:
            line += f" ({escape(status_phrase(area.activities))})"
        if inds.total:
            line += (f"; {thousands(inds.on_track)}/{thousands(inds.with_result)} chỉ số "
                     f"có kết quả đạt chỉ tiêu")
        idle = [str(t.number) for t in tasks if not t.activities.total]
        if idle:
            line += (f". Nhiệm vụ chưa có hoạt động: nhiệm vụ số "
                     f"{escape(', '.join(idle))}")
        out.append(Paragraph(line + ".", S.body))
    return out


def _section_recommendations(r: NationalReport) -> list[Flowable]:
    out: list[Flowable] = [CondPageBreak(30 * mm),
                           Paragraph("III. KẾT QUẢ THỰC HIỆN CÁC KHUYẾN NGHỊ", S.section)]
    recs = r.recommendations
    follow = [x for x in recs if x.follow_up]
    others = [x for x in recs if not x.follow_up]
    acted = sum(1 for x in recs if x.activities)
    judged = sum(1 for x in recs if x.assessment is not None and x.assessment.implementation)
    graded = sum(1 for x in recs if x.committee_grades)
    out.append(text(
        f"Trong {thousands(len(recs))} khuyến nghị, {thousands(acted)} khuyến nghị đã có "
        f"hoạt động thực hiện trong năm {r.year}; cơ quan đầu mối đã đánh giá mức độ thực "
        f"hiện của {thousands(judged)} khuyến nghị (đã thực hiện đầy đủ, một phần hoặc chưa "
        f"thực hiện). Ủy ban Nhân quyền đã đánh giá việc thực hiện {thousands(graded)} "
        f"khuyến nghị trong thủ tục theo dõi (thang đánh giá A–E của Ủy ban)."))
    out.append(Paragraph("1. Các khuyến nghị thuộc thủ tục theo dõi của Ủy ban Nhân quyền",
                         S.subsection))
    if not follow:
        out.append(text("Không có khuyến nghị thuộc thủ tục theo dõi."))
    for k, rec in enumerate(follow, start=1):
        names = _names([a.name_vi for a in rec.agencies])
        heading = f"1.{k}. Khuyến nghị tại {where(rec)}"
        if checked_note(rec):
            heading += f" {checked_note(rec)}"
        line = f"<i>{escape(heading)}:</i> {markup(sentence(rec.text_vi))}. "
        if rec.activities:
            line += escape(f"Kết quả: {thousands(rec.activities)} hoạt động của "
                           f"{thousands(len(rec.agencies))} cơ quan ({names})")
            if rec.indicators.total:
                line += escape(f"; {thousands(rec.indicators.on_track)}/"
                               f"{thousands(rec.indicators.with_result)} chỉ số có kết quả "
                               f"đạt chỉ tiêu")
            line += ". "
        else:
            line += "Chưa có hoạt động thực hiện trong kỳ. "
        committee = committee_text(r, rec)
        if committee:
            line += f"{escape(committee)}. "
        line += f"<b>Đánh giá của cơ quan đầu mối:</b> {escape(judgment_text(rec))}."
        out.append(Paragraph(line, S.body))
    out.append(Paragraph("2. Các khuyến nghị khác", S.subsection))
    if not others:
        out.append(text("Không có."))
    # one heading and one table per source (the Committee's observations, each UPR cycle):
    # an activity may serve recommendations of several sources, counted under each
    by_source: dict[str, list[RecommendationView]] = defaultdict(list)
    for rec in others:
        by_source[rec.source_code].append(rec)
    for k, group in enumerate(by_source.values(), start=1):
        out.extend(_source_table(r, group, k))
    return out


def _source_heading(rec: RecommendationView) -> str:
    """ "Ủy ban Nhân quyền ... (CCPR/C/VNM/CO/4)": the source as its document names it."""
    title, symbol = rec.source_title_vi, rec.source_symbol
    if title and symbol:
        return f"{title} ({symbol})"
    return title or symbol or rec.source_code


def _source_table(r: NationalReport, others: list[RecommendationView], k: int
                  ) -> list[Flowable]:
    """The heading of one source and the table of its recommendations."""
    out: list[Flowable] = [CondPageBreak(25 * mm), text(
        f"2.{k}. {_source_heading(others[0])} ({thousands(len(others))} khuyến nghị)",
        S.annex_group)]
    widths = [10 * mm, 72 * mm, 18 * mm, 18 * mm, 20 * mm, 27 * mm]
    rows: list[list[Any]] = [head_row("TT", "Khuyến nghị", "Số cơ quan", "Số hoạt động",
                                      "Chỉ số đạt / có kết quả",
                                      "Đánh giá của cơ quan đầu mối")]
    for n, rec in enumerate(others, start=1):
        note = f" {checked_note(rec)}" if checked_note(rec) else ""
        said = wrap(f"{where(rec)}{note}: {sentence(rec.text_vi)}", widths[1])
        committee = committee_text(r, rec)
        if committee:
            said += "\n" + wrap(committee, widths[1])
        a = rec.assessment
        judged_text = ("-" if a is None or not a.implementation
                       else label_of(Implementation, a.implementation, "vi"))
        rows.append([str(n), said, thousands(len(rec.agencies)),
                     thousands(rec.activities),
                     f"{thousands(rec.indicators.on_track)} / "
                     f"{thousands(rec.indicators.with_result)}",
                     wrap(judged_text, widths[5])])
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([*table_style(), ("ALIGN", (0, 1), (0, -1), "CENTER"),
                               ("ALIGN", (2, 1), (4, -1), "RIGHT")]))
    out.append(table)
    out.append(text(f"Bảng 4.{k}. Kết quả thực hiện các khuyến nghị khác – "
                    f"{_source_heading(others[0])}", S.caption))
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
    out.append(text(
        f"Các bộ, ngành, địa phương tiếp tục quan tâm triển khai Kế hoạch: "
        f"{thousands(c.received)}/{thousands(c.agencies)} cơ quan đã gửi báo cáo; "
        f"{share} số hoạt động đã hoàn thành; "
        f"{thousands(sum(1 for x in recs if x.activities))}/{thousands(len(recs))} "
        f"khuyến nghị đã có hoạt động thực hiện."))
    judged = [a for a in graded if a.implementation]
    if judged:
        impl = Counter(a.implementation for a in judged)
        out.append(text(
            f"Cơ quan đầu mối đánh giá mức độ thực hiện {thousands(len(judged))} khuyến nghị: "
            + ", ".join(f"{label(i, 'vi').lower()}: {thousands(impl[i])}"
                        for i in Implementation if impl[i]) + "."))
    else:
        out.append(text("Cơ quan đầu mối chưa đánh giá mức độ thực hiện khuyến nghị nào "
                        "trong kỳ báo cáo."))
    committee = Counter(g.grade for x in recs for g in x.committee_grades)
    unchecked = sum(1 for x in recs for g in x.committee_grades if not g.verified)
    if committee:
        out.append(text(
            "Trong thủ tục theo dõi, Ủy ban Nhân quyền đã đánh giá việc thực hiện các khuyến "
            "nghị (hoặc từng nội dung của khuyến nghị) như sau: "
            + ", ".join(f"mức {g.code}: {thousands(committee[g.code])}" for g in r.grades
                        if committee[g.code]) + "."
            + (f" Trong đó {thousands(unchecked)} mức đánh giá chưa được đối chiếu với văn "
               f"bản của Ủy ban." if unchecked else "")))
    out.append(Paragraph("2. Khó khăn, vướng mắc", S.subsection))
    if not r.challenges:
        out.append(text("Các cơ quan không nêu khó khăn, vướng mắc."))
    for said, times in r.challenges[:MAX_THEMES]:
        suffix = f" (nêu tại {thousands(times)} hoạt động)" if times > 1 else ""
        out.append(Paragraph(f"- {markup(sentence(said))}{suffix}.", S.bullet))
    out.append(Paragraph("3. Kiến nghị", S.subsection))
    proposals: list[str] = []
    if c.not_received:
        proposals.append(f"Đề nghị {thousands(c.not_received)} cơ quan chưa gửi báo cáo "
                         f"khẩn trương gửi báo cáo năm {r.year} về Bộ Tư pháp.")
    idle = [x for x in recs if not x.activities]
    if idle:
        proposals.append(f"Đề nghị các bộ, ngành, địa phương quan tâm triển khai "
                         f"{thousands(len(idle))} khuyến nghị chưa có hoạt động thực hiện "
                         f"(mục III)")
    weak = [x for x in recs
            if any(g.grade in WEAK_GRADES for g in x.committee_grades)
            or (x.assessment is not None and x.assessment.implementation == "not")]
    if weak:
        proposals.append(f"Tập trung thực hiện {thousands(len(weak))} khuyến nghị mà Ủy ban "
                         f"Nhân quyền đánh giá chưa đạt yêu cầu (mức C, D hoặc E) hoặc cơ "
                         f"quan đầu mối đánh giá chưa thực hiện.")
    proposals += [said for said, _times in r.next_steps[:MAX_THEMES]]
    for said in proposals:
        out.append(Paragraph(f"- {markup(sentence(said))}.", S.bullet))
    return out


def _fingerprint(r: NationalReport) -> str:
    return (f"{CREATOR} · Báo cáo tổng hợp năm {r.year} · {thousands(r.counts.received)}/"
            f"{thousands(r.counts.agencies)} cơ quan đã báo cáo · "
            f"{thousands(r.statuses.total)} hoạt động · lập lúc {local_text(r.created_at)}")


def build_national_story(r: NationalReport) -> list[Flowable]:
    """The flowables of the whole national report."""
    register_fonts()
    settings = r.settings.normalised()
    story: list[Flowable] = [header(settings, r.created_at), *_title(r)]
    story.append(text(
        f"Trên cơ sở báo cáo của các bộ, ngành, địa phương, Bộ Tư pháp (cơ quan đầu mối) "
        f"tổng hợp kết quả triển khai Kế hoạch trong kỳ báo cáo năm {r.year} như sau:"))
    story += _section_reporting(r)
    story += _section_areas(r)
    story += _section_recommendations(r)
    story += _section_assessment(r)
    story.append(KeepTogether([story.pop(), Spacer(1, 6), closing(settings)]))
    story.append(Paragraph(escape(_fingerprint(r)), S.small))
    story += annex_reporting(r)
    annex, _shown = annex_activities(r)
    story += annex
    return story


def render_national(r: NationalReport, path: Path,
                    on_page: Callable[[int], None] | None = None) -> int:
    """Write the report to ``path``; returns the number of pages."""
    register_fonts()
    story = build_national_story(r)
    info = DocumentInfo(
        title=f"Báo cáo tổng hợp kết quả thực hiện Kế hoạch năm {r.year}",
        author="Bộ Tư pháp",
        subject=nfc(f"Báo cáo tổng hợp năm {r.year}: {r.plan_decision} "
                    f"{r.plan_title_vi}".strip()),
        keywords=f"national-report; period={r.year}")
    return render_story(story, path, info, _fingerprint(r), on_page)


def _estimate_pages(r: NationalReport) -> int:
    most = per_agency(r)
    rows = sum(min(n, most) for n in Counter(a.rollup.code for a in r.activities)
               .values())
    return 8 + len(r.grid.rows) // 25 + rows // 14


def render_national_job(r: NationalReport, path: Path) -> Job[None]:
    """``render_national`` on a helper thread, reporting pages; closing the job stops it."""
    return render_on_worker(lambda on_page: render_national(r, path, on_page),
                            _estimate_pages(r), "national-pdf")
