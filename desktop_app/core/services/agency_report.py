"""The agency's official PDF report of a period: what it says besides the submission,
and its export.

``report_lookups`` reads, in one transaction, the catalog facts and the period's progress
the report shows (the agency's name, the plan in force, the views by area and task);
``export_pdf`` is the use case beside ``submissions.export_xlsx``: it prepares the
period's submission (a new version only if the data changed), renders its report with
``exchange.agency_pdf`` into a temporary file beside the destination, renames it into
place, and registers the version only once the file is there.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.exchange.report_model import (
    ReportLookups,
    ReportSettings,
    issuing_body_vi,
)
from desktop_app.core.exchange.submission import PreparedSubmission
from desktop_app.core.progress import Job, Progress
from desktop_app.core.services.overview import Overview, overview_in, quick_overview
from desktop_app.core.services.period_facts import data_range
from desktop_app.core.services.report_settings import read_report_settings, report_settings_by
from desktop_app.core.services.submissions import write_submission_file
from desktop_app.core.storage.quick_sqlite import QuickFile
from desktop_app.core.storage.sql_text import Execute, day, session_execute

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop_app.core.storage.database import Database

FOCAL_POINT_NAME = "Bộ Tư pháp"  # who issues a report made at the focal point


def report_lookups_by(execute: Execute, view: Overview, year: int) -> ReportLookups:
    """The report's lookups from the period's overview and the catalog, as SQL text."""
    signed = None
    if view.plan_code is not None:
        plan = execute("SELECT signed_on FROM plan WHERE code = :code", {"code": view.plan_code})
        signed = day(plan[0][0]) if plan else None
    code = {key: value for key, value in execute(
        "SELECT key, value FROM setting WHERE key = 'agency'", {})}.get("agency")
    agency = execute("SELECT kind, name_vi FROM agency WHERE code = :code",
                     {"code": code}) if code else []
    name = issuing_body_vi(agency[0][0], agency[0][1]) if agency else FOCAL_POINT_NAME
    period = execute("SELECT data_from, data_to FROM period WHERE year = :year",
                     {"year": year})
    start, end = data_range(year, *((day(period[0][0]), day(period[0][1])) if period
                                    else (None, None)))
    return ReportLookups(
        agency_name_vi=name, plan_decision=view.plan_decision, plan_signed_on=signed,
        plan_title_vi=view.plan_title_vi, areas=view.by_area, tasks=view.by_task,
        period_from=start, period_to=end)


def read_report_lookups(session: Session, year: int) -> ReportLookups:
    """``report_lookups`` inside the caller's transaction."""
    return report_lookups_by(session_execute(session), overview_in(session, year), year)


def report_lookups(db: Database, year: int) -> ReportLookups:
    """The catalog facts and the period's progress the agency report shows."""
    with db.reading() as session:
        return read_report_lookups(session, year)


def _settings_and_lookups(db: Database | QuickFile, year: int
                          ) -> tuple[ReportSettings, ReportLookups]:
    if isinstance(db, QuickFile):
        with db.reading() as execute:
            view = quick_overview(db.connection, year)
            assert view is not None  # quick_exportable: an agency's database
            return report_settings_by(execute), report_lookups_by(execute, view, year)
    with db.reading() as session:
        settings = read_report_settings(session)
    return settings, report_lookups(db, year)


def export_pdf(db: Database | QuickFile, year: int, path: Path, *,
               now: datetime | None = None) -> Job[PreparedSubmission]:
    """Prepare the year's submission (a new version only if the data changed) and write
    its official report to ``path``: into a temporary file beside it, then renamed into
    place, and the version registered only once the file is there.

    db: an open Database, or an agency's file opened with sqlite3 alone
    (submissions.quick_exportable)."""
    from desktop_app.core.exchange.agency_pdf import render_job

    yield Progress(0, 0, "prepare")
    settings, lookups = _settings_and_lookups(db, year)

    def writer(prepared: PreparedSubmission, temp: Path) -> Job[None]:
        return render_job(prepared, settings, lookups, temp)

    prepared = yield from write_submission_file(db, year, Path(path), writer, now=now)
    yield Progress(1, 1, "done")
    return prepared
