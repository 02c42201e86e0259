"""The focal point's national consolidated report of a period: its read model and its
export as a workbook and as a PDF.

``national_report_data`` reads everything the report says in one read transaction — the
completeness grid, the views by area, task and recommendation, the assessments, the
Committee's grade meanings, the issuer's settings and the annex of activities — by
calling the session-taking form of each service, so the numbers of every sheet and
section agree with each other and with the pages that show the same services. The
renderers (``exchange.national_xlsx``, ``exchange.national_pdf``) draw that plain model;
the exports write into a temporary file beside the destination and rename it into
place: the destination is whole or untouched.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import chain
from pathlib import Path
from typing import Any

from sqlalchemy import null
from sqlmodel import Session, col, select

from desktop_app.core.domain.models import (
    Activity,
    Area,
    Period,
    Plan,
    Recommendation,
    Source,
    Task,
)
from desktop_app.core.domain.text import collation_key, nfc
from desktop_app.core.domain.timefmt import VIET_NAM
from desktop_app.core.exchange.national_model import AgencyRef, AnnexActivity
from desktop_app.core.exchange.national_model import NationalReport as NationalReport
from desktop_app.core.exchange.report_model import (
    IndicatorCounts,
    StatusCounts,
    natural_key,
    reference,
    short_text,
    themes_of,
)
from desktop_app.core.files import cannot_write, replacing
from desktop_app.core.problems import RefusedError, UsageError, os_detail
from desktop_app.core.progress import Job, Progress
from desktop_app.core.services.agencies import AgencyDirectory
from desktop_app.core.services.assessments import list_assessments_in
from desktop_app.core.services.catalog import period_range_in
from desktop_app.core.services.completeness import completeness_in
from desktop_app.core.services.consolidated import (
    ROWS_AT_ONCE,
    current_activities,
    period_links,
    views_in,
)
from desktop_app.core.services.focal_facts import grade_meanings_in
from desktop_app.core.services.lookups import require_focal_point
from desktop_app.core.services.overview import plan_in_force
from desktop_app.core.services.period_counts import PeriodRows
from desktop_app.core.services.report_settings import read_report_settings
from desktop_app.core.storage.database import Database

HISTORY_YEARS = 5  # the completeness sheet shows this period and up to four before it


# --- the read model ---------------------------------------------------------------------


def _annex_rows(period_id: int, themes: bool) -> Any:
    """The annex's columns of the period's current activities (after the id, agency id,
    task id and status of ``current_activities``); their challenges and next steps only
    for a report that shows their themes (nulls in their place otherwise)."""
    a = Activity
    return current_activities(period_id).add_columns(
        col(a.uuid), col(a.title), col(a.type), col(a.start_date), col(a.end_date),
        col(a.women), col(a.ethnic_minorities), col(a.disabilities), col(a.children),
        col(a.budget_vnd), *((col(a.challenges), col(a.next_steps)) if themes
                             else (null(), null())))


@dataclass
class _Annex:
    """The annex and what else the report takes from the same rows."""

    rows: list[AnnexActivity] = field(default_factory=list)
    # the ids the views count by (``period_counts.counts_of_rows``)
    counted: PeriodRows = field(default_factory=PeriodRows)
    challenges: Counter[str | None] = field(default_factory=Counter)  # in order of appearance
    next_steps: Counter[str | None] = field(default_factory=Counter)


def _annex(session: Session, directory: AgencyDirectory, activity_rows: Iterable[Any],
           link_rows: Sequence[Any], themes: bool = True) -> _Annex:
    """The annex of the rows of ``_annex_rows``, read as they stream in: the texts of
    challenges and next steps are counted (``themes``), not kept (100,000 of each)."""
    task_rows = {t.id or 0: t for t in session.exec(select(Task))}
    tasks = {i: t.code for i, t in task_rows.items()}
    numbers = {i: t.number for i, t in task_rows.items()}
    sources = {s.id or 0: s for s in session.exec(select(Source))}
    recs: dict[int, str] = {}
    refs_of: dict[str, str] = {}
    for r in session.exec(select(Recommendation)):
        recs[r.id or 0] = r.code
        source = sources.get(r.source_id)
        where = reference(source.symbol if source else None, r.paragraph,
                          source.title_vi if source else "")
        refs_of[r.code] = where if r.paragraph else f"{where}: {short_text(r.text_vi, 4)}"
    rec_keys = {c: natural_key(c) for c in [*recs.values(), ""]}
    links: dict[int, list[str]] = defaultdict(list)
    for linked_id, rec_id in link_rows:
        links[linked_id].append(recs.get(rec_id, ""))
    by_id = {a.id or 0: a for a in directory.by_code.values()}
    areas = {r.id or 0: r.code for r in session.exec(select(Area))}
    annex = _Annex()
    rows = annex.rows
    challenges, next_steps = annex.challenges, annex.next_steps
    count = annex.counted.add
    # Worked out once each: the units an (agency, task) pair counts for, the order and the
    # references of each set of linked recommendations, the NFC form of each title.
    units: dict[tuple[int, int], tuple[AgencyRef, AgencyRef, bool]] = {}
    linked: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {(): ((), ())}
    titles: dict[str, str] = {}
    for (activity_id, agency_id, task_id, status, uuid, title, kind, start, end, women,
         minorities, disabilities, children, budget, challenge, next_step) in activity_rows:
        pair = units.get((agency_id, task_id))
        if pair is None:
            agency = by_id.get(agency_id)
            task = task_rows.get(task_id)
            unit = None if agency is None else directory.attribute(
                agency, task.code if task else None,
                areas.get(task.area_id or 0) if task else None)
            attributed = agency is None or unit is not None
            unit = unit or agency
            own = (AgencyRef(agency.code, agency.name_vi, agency.name_en) if agency
                   else AgencyRef(str(agency_id), "", ""))
            rollup = AgencyRef(unit.code, unit.name_vi, unit.name_en) if unit else own
            pair = units[(agency_id, task_id)] = (rollup, own, attributed)
        rollup, own, attributed = pair
        count(activity_id, agency_id, task_id, status)
        found = tuple(links.get(activity_id or 0, ()))
        codes_refs = linked.get(found)
        if codes_refs is None:
            codes = tuple(sorted(found, key=rec_keys.__getitem__))
            codes_refs = linked[found] = (codes, tuple(refs_of.get(c, c) for c in codes))
        codes, refs = codes_refs
        clean_title = titles.get(title)
        if clean_title is None:
            clean_title = titles[title] = nfc(title)
        rows.append(AnnexActivity(
            uuid, rollup, own, tasks.get(task_id, ""), clean_title, kind, status,
            start, end, women, minorities, disabilities, children, budget, codes,
            numbers.get(task_id),
            refs, attributed))
        if themes:
            challenges[challenge] += 1
            next_steps[next_step] += 1
    # the sort keys of unit names, task codes and titles, once each (a few hundred names
    # and codes; at the focal point a title often repeats across agencies), each turned
    # into its place among them: 100,000 rows compare small integers, not nested tuples
    names = _places({n: collation_key(n) for n in {r.rollup.name_vi for r in rows}
                     | {r.agency.name_vi for r in rows}})
    task_keys = _places({c: natural_key(c) for c in {r.task_code for r in rows}})
    title_keys = _places({t: collation_key(t) for t in titles.values()})
    rows.sort(key=lambda r: (names[r.rollup.name_vi], r.rollup.code,
                             r.agency.code != r.rollup.code, names[r.agency.name_vi],
                             task_keys[r.task_code], title_keys[r.title], r.uuid))
    return annex


def _places(keys: dict[str, Any]) -> dict[str, int]:
    """Each text's place in the order of the sort keys (equal keys, one place): comparing
    places orders as comparing the keys would."""
    order = {key: place for place, key in enumerate(sorted(set(keys.values())))}
    return {text: order[key] for text, key in keys.items()}


def read_national_report(session: Session, year: int, created: datetime,
                         today: date | None = None, *, themes: bool = True) -> NationalReport:
    """The national report of ``year`` read inside the caller's transaction; ``themes``
    False leaves out the themes of the challenges and next steps (the PDF's section IV:
    the workbook shows none, and at 100,000 activities reading and sorting their texts
    is a good part of the workbook's reading), the report's ``challenges`` and
    ``next_steps`` then empty."""
    require_focal_point(session)
    periods = {p.year: p for p in session.exec(select(Period))}
    if year not in periods:
        raise UsageError.of("period.unknown", period=year)
    years = sorted(y for y in periods if y <= year)[-HISTORY_YEARS:]
    grid = completeness_in(session, years, today=today or created.astimezone(VIET_NAM).date())
    # The period's activities and their links are read as plain rows on the connection
    # (100,000 activities and a quarter of a million links at the focal point) for the
    # annex; the three consolidated views are counted by the database (``views_in``).
    connection = session.connection()
    period_id = periods[year].id or 0
    link_rows = connection.execute(period_links(period_id)).all()
    directory = AgencyDirectory.from_session(session)
    annex = _annex(session, directory, chain.from_iterable(
        connection.execute(_annex_rows(period_id, themes)).partitions(ROWS_AT_ONCE)),
        link_rows, themes)
    views = views_in(session, year, (annex.counted, link_rows))
    del link_rows
    activities = annex.rows
    tasks = views.tasks
    plan = plan_in_force(session, year)
    counts = grid.counts[grid.years.index(year)]
    return NationalReport(
        year=year, created_at=created, due_date=periods[year].due_date,
        plan_decision=nfc(plan.decision or "") if isinstance(plan, Plan) else "",
        plan_signed_on=plan.signed_on if isinstance(plan, Plan) else None,
        plan_title_vi=nfc(plan.title_vi or "") if isinstance(plan, Plan) else "",
        settings=read_report_settings(session),
        grid=grid, counts=counts,
        statuses=StatusCounts.from_mapping(Counter(a.status for a in activities)),
        indicators=sum((t.indicators for t in tasks), IndicatorCounts()),
        agencies_acting=len({a.rollup.code for a in activities}),
        budget_vnd=sum(a.budget_vnd or 0 for a in activities),
        areas=views.areas, tasks=tasks, recommendations=views.recommendations,
        assessments=tuple(list_assessments_in(session, year)),
        activities=tuple(activities),
        challenges=tuple(themes_of(annex.challenges)) if themes else (),
        next_steps=tuple(themes_of(annex.next_steps)) if themes else (),
        grades=tuple(grade_meanings_in(session)),
        period_from=period_range_in(session, year)[0],
        period_to=period_range_in(session, year)[1])


def national_report_data(db: Database, year: int, *, now: datetime | None = None,
                         today: date | None = None, themes: bool = True) -> NationalReport:
    """Everything the national report of ``year`` says, read in one transaction
    (``themes``: see ``read_national_report``; the workbook's export leaves them out)."""
    with db.reading() as session:
        return read_national_report(session, year, now or datetime.now(UTC), today,
                                    themes=themes)


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


# --- the exports ------------------------------------------------------------------------


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


def export_national_xlsx(db: Database, year: int, path: Path, *,
                         now: datetime | None = None,
                         report: NationalReport | None = None) -> Job[Path]:
    """Read the national report of ``year`` (or take ``report``, read by the caller) and
    write its workbook to ``path``."""
    _check_request(db, year, path)
    # each renderer is imported by its own export: the workbook needs no reportlab
    from desktop_app.core.exchange.national_xlsx import write_national_workbook

    yield Progress(0, 0, "prepare")
    data = report if report is not None else national_report_data(db, year, now=now,
                                                                  themes=False)
    written = yield from _atomic(path, lambda temp: write_national_workbook(data, temp))
    return written


def export_national_pdf(db: Database, year: int, path: Path, *,
                        now: datetime | None = None,
                        report: NationalReport | None = None) -> Job[Path]:
    """Read the national report of ``year`` (or take ``report``, read by the caller) and
    write its official PDF to ``path``."""
    _check_request(db, year, path)
    from desktop_app.core.exchange.national_pdf import render_national_job

    yield Progress(0, 0, "prepare")
    data = report if report is not None else national_report_data(db, year, now=now)
    written = yield from _atomic(path, lambda temp: render_national_job(data, temp))
    return written
