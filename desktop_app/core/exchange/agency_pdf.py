"""The agency's official PDF report of a period, in the format of Decree 30/2020/NĐ-CP.

The issuer's header with the national title and motto; place and date; the title naming
the plan and period; four numbered sections (summary with the chart, results by area and
task, indicators, challenges and next steps); "Nơi nhận" and the signature block. The
detailed lists (every activity, every indicator with its target against its result)
follow the signature as annexes, as reports of this kind do, so that the signed part
stays a few pages long.

``render`` draws one PreparedSubmission (the register's version of exactly this data)
with the issuer's settings and the catalog's look-ups, all plain values read by the
services beforehand; ``render_job`` does it on a worker thread as a ``Job``. The parts
come from ``pdf_kit``, the build from ``pdf_render``.
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
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop_app.core.domain.enums import ActivityStatus, ActivityType
from desktop_app.core.domain.labels import label_of
from desktop_app.core.domain.text import nfc
from desktop_app.core.domain.timefmt import local_text
from desktop_app.core.exchange.pdf_kit import (
    CREATOR,
    MISSED_FILL,
    TABLE_SIZE,
    S,
    annex_reference,
    area_table,
    closing,
    date_vi,
    grid_style,
    header,
    markup,
    number_vi,
    period_line,
    register_fonts,
    status_chart,
    status_phrase,
    status_word,
    table_style,
    thousands,
    title_block,
    wrap,
    wrapped_label,
)
from desktop_app.core.exchange.pdf_render import DocumentInfo, render_on_worker, render_story
from desktop_app.core.exchange.report_model import (
    AreaProgress,
    IndicatorCounts,
    ReportLookups,
    ReportSettings,
    StatusCounts,
    TaskProgress,
    natural_key,
    plan_excerpt,
    themes,
)
from desktop_app.core.exchange.submission import (
    ActivityRecord,
    IndicatorRecord,
    PreparedSubmission,
)
from desktop_app.core.progress import Job

# The annex lists at most this many activities; beyond it the list would run to well
# over a thousand pages (and minutes of rendering), and the workbook of the same
# version carries every row anyway. The PDF says so where it stops.
MAX_ANNEX_ACTIVITIES = 5000
MAX_ANNEX_INDICATORS = 5000
MAX_THEMES = 8  # challenges and next steps: the most frequent distinct statements

TaskGroup = tuple[TaskProgress | None, str, list[ActivityRecord]]


# --- pieces of the report ------------------------------------------------------------


def _title(prepared: PreparedSubmission, lookups: ReportLookups) -> list[Flowable]:
    year = prepared.meta.period
    excerpt = plan_excerpt("Kết quả", lookups.plan_title_vi, lookups.plan_decision,
                           lookups.plan_signed_on)
    return title_block(excerpt, period_line(year, lookups.period_from, lookups.period_to))


def _status_counts(activities: Sequence[ActivityRecord]) -> StatusCounts:
    return StatusCounts.from_mapping(Counter(a.status for a in activities))


def _beneficiaries(activities: Sequence[ActivityRecord]) -> tuple[int, int, int, int]:
    return (sum(a.women or 0 for a in activities),
            sum(a.ethnic_minorities or 0 for a in activities),
            sum(a.disabilities or 0 for a in activities),
            sum(a.children or 0 for a in activities))


def _indicator_state(ind: IndicatorRecord) -> str:
    if ind.result is None:
        return "Chưa có kết quả"
    return "Đạt" if ind.result >= ind.target else "Chưa đạt"


def _indicator_summary(areas: Sequence[AreaProgress]) -> Table:
    head = ["TT", "Lĩnh vực", "Số chỉ số", "Đã có kết quả", "Đạt chỉ tiêu", "Tỷ lệ đạt"]
    rows: list[list[Any]] = [[Paragraph(h, S.cell_head) for h in head]]
    total = IndicatorCounts()
    for a in areas:
        total = total + a.indicators
        rows.append([Paragraph(str(a.number), S.cell_c), Paragraph(markup(a.title_vi), S.cell),
                     *_indicator_cells(a.indicators)])
    rows.append(["", Paragraph("Cộng", S.cell_group), *_indicator_cells(total, bold=True)])
    table = LongTable(rows, colWidths=[9 * mm, 68 * mm, 22 * mm, 22 * mm, 22 * mm, 22 * mm],
                      repeatRows=1)
    table.setStyle(TableStyle(grid_style()))
    return table


def _indicator_cells(c: IndicatorCounts, bold: bool = False) -> list[Paragraph]:
    share = f"{number_vi(round(100 * c.on_track / c.with_result, 1))}%" if c.with_result else "-"
    values = [thousands(c.total), thousands(c.with_result), thousands(c.on_track), share]
    return [Paragraph(f"<b>{v}</b>" if bold else v, S.cell_r) for v in values]


def _task_groups(prepared: PreparedSubmission, lookups: ReportLookups
                 ) -> list[tuple[AreaProgress | None, list[TaskGroup]]]:
    """The activities by area and task, in the plan's order."""
    by_task: dict[str, list[ActivityRecord]] = defaultdict(list)
    for a in prepared.data.activities:
        by_task[a.task_code].append(a)
    tasks = {t.code: t for t in lookups.tasks}
    groups: list[tuple[AreaProgress | None, list[TaskGroup]]] = []
    placed: set[str] = set()
    for area in lookups.areas:
        members: list[TaskGroup] = [
            (tasks[c], c, by_task[c])
            for c in sorted((c for c in by_task if c in tasks
                             and tasks[c].area_code == area.code), key=natural_key)]
        placed.update(c for _t, c, _a in members)
        groups.append((area, members))
    rest: list[TaskGroup] = [(tasks.get(c), c, by_task[c])
                             for c in sorted(by_task, key=natural_key) if c not in placed]
    if rest:
        groups.append((None, rest))
    return groups


def _task_label(task: TaskProgress | None, code: str) -> str:
    """A task as the plan names it ("Nhiệm vụ 3. Tuyên truyền …"); never its code."""
    if task is None:
        return "Nhiệm vụ không thuộc Kế hoạch của kỳ báo cáo"
    return f"Nhiệm vụ {task.number}. {nfc(task.title_vi)}"


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
        people = "\n".join(f"{short}: {thousands(v)}" for short, v in
                           (("PN", a.women), ("DTTS", a.ethnic_minorities),
                            ("NKT", a.disabilities), ("TE", a.children)) if v)
        rows.append([
            str(n),
            wrap(a.title, title_w),
            wrapped_label(label_of(ActivityType, a.type, "vi"), type_w),
            wrapped_label(status_word(a.status), status_w),
            period,
            people,
            thousands(a.budget_vnd) if a.budget_vnd is not None else "",
        ])
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    style = table_style()
    style += [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (4, 1), (4, -1), "CENTER"),
              ("ALIGN", (6, 1), (6, -1), "RIGHT")]
    table.setStyle(TableStyle(style))
    return table


def _indicator_table(indicators: Sequence[IndicatorRecord], titles: dict[str, str],
                     tasks: dict[str, TaskProgress]) -> LongTable:
    head = ["STT", "Chỉ số", "Đơn vị tính", "Giá trị cơ sở", "Chỉ tiêu", "Kết quả",
            "Đánh giá"]
    widths = [10 * mm, 67 * mm, 18 * mm, 17 * mm, 17 * mm, 17 * mm, 19 * mm]
    rows: list[list[Any]] = [[Paragraph(h, S.cell_head) for h in head]]
    marks: list[tuple[Any, ...]] = []
    for n, ind in enumerate(indicators, start=1):
        about = titles.get(ind.activity_uuid or "") or (
            _task_label(tasks.get(ind.task_code), ind.task_code) if ind.task_code else "")
        name = wrap(ind.name, widths[1])
        if about:
            name += "\n" + wrap(f"({about})", widths[1])
        state = _indicator_state(ind)
        rows.append([
            str(n), name, wrap(ind.unit, widths[2]),
            number_vi(ind.baseline) if ind.baseline is not None else "",
            number_vi(ind.target),
            number_vi(ind.result) if ind.result is not None else "",
            wrapped_label(state, widths[6]),
        ])
        if state == "Đạt":
            marks.append(("FONT", (6, n), (6, n), "Tinos-Bold", TABLE_SIZE))
        elif state == "Chưa đạt":
            marks.append(("BACKGROUND", (6, n), (6, n), MISSED_FILL))
    table = LongTable(rows, colWidths=widths, repeatRows=1)
    style = table_style()
    style += [("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (2, 1), (2, -1), "CENTER"),
              ("ALIGN", (3, 1), (5, -1), "RIGHT"), ("ALIGN", (6, 1), (6, -1), "CENTER")]
    table.setStyle(TableStyle(style + marks))
    return table


def _fingerprint(prepared: PreparedSubmission) -> str:
    meta = prepared.meta
    return (f"{CREATOR} {escape(meta.app_version)} · {escape(meta.agency_code)} · kỳ "
            f"{meta.period} · phiên bản {meta.version} · mã kiểm tra (SHA-256) "
            f"{meta.content_hash[:16]} · lập lúc {escape(local_text(meta.created_at))} · "
            f"mã báo cáo {escape(meta.submission_uuid)}")


# --- the story -----------------------------------------------------------------------


def _summary(prepared: PreparedSubmission, lookups: ReportLookups, agency: str
             ) -> list[Flowable]:
    """Section I: what was done, spent and reached, with the chart and its table."""
    acts, inds = prepared.data.activities, prepared.data.indicators
    year = prepared.meta.period
    tasks_with = len({a.task_code for a in acts})
    budget = sum(a.budget_vnd or 0 for a in acts)
    women, ethnic, disabled, children = _beneficiaries(acts)
    with_result = sum(1 for i in inds if i.result is not None)
    on_track = sum(1 for i in inds if i.result is not None and i.result >= i.target)
    out: list[Flowable] = [Paragraph("I. KHÁI QUÁT KẾT QUẢ THỰC HIỆN", S.section)]
    out.append(Paragraph(escape(
        f"Trong kỳ báo cáo năm {year}, {agency} đã triển khai {thousands(len(acts))} "
        f"hoạt động thuộc {thousands(tasks_with)} nhiệm vụ của Kế hoạch"
        + (f", trong đó: {status_phrase(_status_counts(acts))}." if acts else ".")), S.body))
    out.append(Paragraph(escape(
        f"Tổng kinh phí đã bố trí cho các hoạt động là {thousands(budget)} đồng. Người hưởng "
        f"lợi (lượt người): phụ nữ {thousands(women)}; người dân tộc thiểu số "
        f"{thousands(ethnic)}; người khuyết tật {thousands(disabled)}; trẻ em "
        f"{thousands(children)}."), S.body))
    out.append(Paragraph(escape(
        f"Về chỉ số: {thousands(len(inds))} chỉ số, trong đó {thousands(with_result)} "
        f"chỉ số đã có kết quả, {thousands(on_track)} chỉ số đạt hoặc vượt chỉ tiêu."),
        S.body))
    if lookups.areas:
        out.append(KeepTogether([
            status_chart(lookups.areas),
            Paragraph("Biểu đồ 1. Tiến độ thực hiện các hoạt động theo lĩnh vực", S.caption),
        ]))
        out.append(area_table(lookups.areas))
        out.append(Paragraph("Bảng 1. Số hoạt động theo lĩnh vực và tình trạng thực hiện",
                             S.caption))
    return out


def _by_area(groups: list[tuple[AreaProgress | None, list[TaskGroup]]]) -> list[Flowable]:
    """Section II: each area's tasks, their activities and a typical result."""
    out: list[Flowable] = [CondPageBreak(30 * mm),
                           Paragraph("II. KẾT QUẢ THỰC HIỆN THEO LĨNH VỰC, NHIỆM VỤ", S.section)]
    for number, (area, members) in enumerate(groups, start=1):
        title = nfc(area.title_vi) if area else "Nhiệm vụ khác"
        out.append(Paragraph(escape(f"{number}. {title}"), S.subsection))
        if not members:
            out.append(Paragraph("Chưa có hoạt động trong kỳ báo cáo.", S.body))
            continue
        for k, (task, code, items) in enumerate(members, start=1):
            b = sum(a.budget_vnd or 0 for a in items)
            text = (f"<i>{number}.{k}. {escape(_task_label(task, code))}:</i> "
                    f"{thousands(len(items))} hoạt động "
                    f"({escape(status_phrase(_status_counts(items)))})"
                    f"; kinh phí {thousands(b)} đồng.")
            done = [a for a in items if a.status == ActivityStatus.COMPLETED and a.outputs
                    and not a.outputs.lstrip().startswith(("=", "+", "-", "@"))]
            if done:
                text += f" Kết quả tiêu biểu: {markup(done[0].outputs)}"
            out.append(Paragraph(text, S.body))
    out.append(Paragraph("(Danh mục chi tiết các hoạt động tại Phụ lục I kèm theo.)",
                         S.reference))
    return out


def _indicators(prepared: PreparedSubmission, lookups: ReportLookups) -> list[Flowable]:
    """Section III: the indicators against their targets, by area."""
    inds = prepared.data.indicators
    out: list[Flowable] = [CondPageBreak(30 * mm),
                           Paragraph("III. KẾT QUẢ THỰC HIỆN CÁC CHỈ SỐ", S.section)]
    if not inds:
        out.append(Paragraph("Chưa có chỉ số trong kỳ báo cáo.", S.body))
        return out
    with_result = sum(1 for i in inds if i.result is not None)
    on_track = sum(1 for i in inds if i.result is not None and i.result >= i.target)
    below = len(inds) - with_result
    out.append(Paragraph(escape(
        f"Trong {thousands(len(inds))} chỉ số, {thousands(on_track)} chỉ số đạt "
        f"hoặc vượt chỉ tiêu, {thousands(with_result - on_track)} chỉ số chưa đạt và "
        f"{thousands(below)} chỉ số chưa có kết quả. Kết quả từng chỉ số so với chỉ tiêu "
        f"tại Phụ lục II kèm theo."), S.body))
    out.append(_indicator_summary(lookups.areas))
    out.append(Paragraph("Bảng 2. Chỉ số theo lĩnh vực", S.caption))
    return out


def _challenges(acts: Sequence[ActivityRecord]) -> list[Flowable]:
    """Section IV: the most frequent challenges and next steps."""
    out: list[Flowable] = [CondPageBreak(30 * mm), Paragraph(
        "IV. KHÓ KHĂN, VƯỚNG MẮC VÀ NHIỆM VỤ TIẾP THEO", S.section)]
    for n, (heading, texts) in enumerate((
            ("Khó khăn, vướng mắc", (a.challenges for a in acts)),
            ("Nhiệm vụ, giải pháp trong thời gian tới", (a.next_steps for a in acts))), 1):
        out.append(Paragraph(f"{n}. {heading}", S.subsection))
        found = themes(texts)
        if not found:
            out.append(Paragraph("Không có.", S.body))
        for text, times in found[:MAX_THEMES]:
            suffix = f" (nêu tại {thousands(times)} hoạt động)" if times > 1 else ""
            out.append(Paragraph(f"- {markup(text)}{suffix}", S.bullet))
        if len(found) > MAX_THEMES:
            out.append(Paragraph(escape(
                f"- Các ý kiến khác: {thousands(len(found) - MAX_THEMES)} nội dung, chi tiết "
                f"trong tệp Excel của báo cáo cùng phiên bản."), S.bullet))
    return out


def _annex_activities(prepared: PreparedSubmission, settings: ReportSettings, agency: str,
                      groups: list[tuple[AreaProgress | None, list[TaskGroup]]]
                      ) -> list[Flowable]:
    """Annex I: every activity by area and task, up to MAX_ANNEX_ACTIVITIES."""
    meta, acts = prepared.meta, prepared.data.activities
    left_out = max(0, len(acts) - MAX_ANNEX_ACTIVITIES)
    out: list[Flowable] = [
        PageBreak(), Paragraph("Phụ lục I", S.annex),
        Paragraph("DANH MỤC CÁC HOẠT ĐỘNG THEO LĨNH VỰC, NHIỆM VỤ", S.annex),
        Paragraph(escape(annex_reference(settings, meta.created_at, agency)), S.annex_sub),
        Paragraph("Ghi chú: PN - phụ nữ; DTTS - người dân tộc thiểu số; NKT - người khuyết "
                  "tật; TE - trẻ em (lượt người).", S.note)]
    budget_left = MAX_ANNEX_ACTIVITIES
    shown = 0
    for number, (area, members) in enumerate(groups, start=1):
        if not members or budget_left <= 0:
            continue
        title = nfc(area.title_vi) if area else "Nhiệm vụ khác"
        out.append(CondPageBreak(40 * mm))
        out.append(Paragraph(escape(f"{number}. {title}"), S.annex_group))
        for k, (task, code, items) in enumerate(members, start=1):
            if budget_left <= 0:
                break
            part = items[:budget_left]
            budget_left -= len(part)
            out.append(CondPageBreak(30 * mm))
            out.append(Paragraph(f"{number}.{k}. {escape(_task_label(task, code))}", S.task))
            out.append(_activity_table(part, shown + 1))
            out.append(Spacer(1, 8))
            shown += len(part)
    if not acts:
        out.append(Paragraph("Chưa có hoạt động trong kỳ báo cáo.", S.plain))
    if left_out:
        out.append(Paragraph(escape(
            f"Phụ lục này liệt kê {thousands(shown)} trong số {thousands(len(acts))} hoạt động; "
            f"{thousands(left_out)} hoạt động còn lại có trong tệp Excel của báo cáo "
            f"cùng phiên bản {meta.version} (mã kiểm tra {meta.content_hash[:16]})."), S.note))
    return out


def _annex_indicators(prepared: PreparedSubmission, settings: ReportSettings, agency: str,
                      lookups: ReportLookups) -> list[Flowable]:
    """Annex II: every indicator against its target, up to MAX_ANNEX_INDICATORS."""
    acts, inds = prepared.data.activities, prepared.data.indicators
    out: list[Flowable] = [
        PageBreak(), Paragraph("Phụ lục II", S.annex),
        Paragraph("KẾT QUẢ THỰC HIỆN CÁC CHỈ SỐ SO VỚI CHỈ TIÊU", S.annex),
        Paragraph(escape(annex_reference(settings, prepared.meta.created_at, agency)),
                  S.annex_sub)]
    if inds:
        titles = {a.uuid: a.title for a in acts}
        tasks = {t.code: t for t in lookups.tasks}
        out.append(_indicator_table(inds[:MAX_ANNEX_INDICATORS], titles, tasks))
    else:
        out.append(Paragraph("Chưa có chỉ số trong kỳ báo cáo.", S.plain))
    if len(inds) > MAX_ANNEX_INDICATORS:
        out.append(Paragraph(escape(
            f"Phụ lục này liệt kê {thousands(MAX_ANNEX_INDICATORS)} trong số "
            f"{thousands(len(inds))} chỉ số; các chỉ số còn lại có trong tệp Excel của báo cáo "
            f"cùng phiên bản."), S.note))
    return out


def build_story(prepared: PreparedSubmission, settings: ReportSettings,
                lookups: ReportLookups) -> tuple[list[Flowable], dict[str, int]]:
    """The flowables of the whole report, and facts about what was left out."""
    register_fonts()
    settings = settings.normalised()
    meta, data = prepared.meta, prepared.data
    agency = nfc(lookups.agency_name_vi or meta.agency_name_vi)
    groups = _task_groups(prepared, lookups)
    story: list[Flowable] = [header(settings, meta.created_at), *_title(prepared, lookups)]
    story += _summary(prepared, lookups, agency)
    story += _by_area(groups)
    story += _indicators(prepared, lookups)
    story += _challenges(data.activities)
    # Recipients and signature: never alone on a page --------------------------------
    story.append(KeepTogether([story.pop(), Spacer(1, 6),
                               closing(settings, prepared.key_fingerprint)]))
    story.append(Paragraph(_fingerprint(prepared), S.small))
    story += _annex_activities(prepared, settings, agency, groups)
    story += _annex_indicators(prepared, settings, agency, lookups)
    story.append(Paragraph(_fingerprint(prepared), S.small))
    left_out = {"activities": max(0, len(data.activities) - MAX_ANNEX_ACTIVITIES),
                "indicators": max(0, len(data.indicators) - MAX_ANNEX_INDICATORS)}
    return story, left_out


# --- the document --------------------------------------------------------------------


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
    info = DocumentInfo(
        title=f"Báo cáo kết quả thực hiện Kế hoạch năm {meta.period} - {agency}",
        author=agency,
        subject=nfc(f"Báo cáo năm {meta.period}: {lookups.plan_decision} "
                    f"{lookups.plan_title_vi}".strip()),
        keywords=(f"content-hash={meta.content_hash}; version={meta.version}; "
                  f"submission={meta.submission_uuid}; agency={meta.agency_code}; "
                  f"period={meta.period}"))
    fingerprint = (f"{CREATOR} · {meta.agency_code} · {meta.period} · phiên bản {meta.version}"
                   f" · {meta.content_hash[:16]}")
    return render_story(story, path, info, fingerprint, on_page)


def render_job(prepared: PreparedSubmission, settings: ReportSettings, lookups: ReportLookups,
               path: Path) -> Job[None]:
    """``render`` as a job: reportlab builds on a helper thread while this generator
    reports its pages; closing the job (Cancel) stops the build at the next page."""
    # About 12 rows of either annex fit a page (measured on the demo data).
    estimate = (5 + min(len(prepared.data.activities), MAX_ANNEX_ACTIVITIES) // 12
                + min(len(prepared.data.indicators), MAX_ANNEX_INDICATORS) // 12)
    # An OSError (a full disk) goes up as it is: the caller writes into a temporary
    # file (files.temporary_beside), whose refusal names the destination, not it.
    yield from render_on_worker(
        lambda on_page: render(prepared, settings, lookups, path, on_page), estimate,
        "pdf-render")
