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

from sqlmodel import Session, col, select

from desktop_app.core.domain.models import Agency, Plan
from desktop_app.core.exchange.agency_pdf import render_job
from desktop_app.core.exchange.report_model import (
    ReportLookups,
    issuing_body_vi,
)
from desktop_app.core.exchange.submission import PreparedSubmission
from desktop_app.core.progress import Job, Progress
from desktop_app.core.services.catalog import period_range_in
from desktop_app.core.services.overview import overview_in, plan_in_force
from desktop_app.core.services.report_settings import load_report_settings
from desktop_app.core.services.setup import installation
from desktop_app.core.services.submissions import write_submission_file
from desktop_app.core.storage.database import Database

FOCAL_POINT_NAME = "Bộ Tư pháp"  # who issues a report made at the focal point


def read_report_lookups(session: Session, year: int) -> ReportLookups:
    """``report_lookups`` inside the caller's transaction."""
    view = overview_in(session, year)
    plan = plan_in_force(session, year)
    signed = plan.signed_on if isinstance(plan, Plan) else None
    code = installation(session).agency_code
    agency = (session.exec(select(Agency).where(col(Agency.code) == code)).first()
              if code else None)
    name = (issuing_body_vi(agency.kind, agency.name_vi) if agency is not None
            else FOCAL_POINT_NAME)
    start, end = period_range_in(session, year)
    return ReportLookups(
        agency_name_vi=name, plan_decision=view.plan_decision, plan_signed_on=signed,
        plan_title_vi=view.plan_title_vi, areas=view.by_area, tasks=view.by_task,
        period_from=start, period_to=end)


def report_lookups(db: Database, year: int) -> ReportLookups:
    """The catalog facts and the period's progress the agency report shows."""
    with db.reading() as session:
        return read_report_lookups(session, year)


def export_pdf(db: Database, year: int, path: Path, *,
               now: datetime | None = None) -> Job[PreparedSubmission]:
    """Prepare the year's submission (a new version only if the data changed) and write
    its official report to ``path``: into a temporary file beside it, then renamed into
    place, and the version registered only once the file is there."""
    yield Progress(0, 0, "prepare")
    settings = load_report_settings(db)
    lookups = report_lookups(db, year)

    def writer(prepared: PreparedSubmission, temp: Path) -> Job[None]:
        return render_job(prepared, settings, lookups, temp)

    prepared = yield from write_submission_file(db, year, Path(path), writer, now=now)
    yield Progress(1, 1, "done")
    return prepared
