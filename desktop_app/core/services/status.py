"""How much the database holds, counted as DESIGN.md defines it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import distinct, func
from sqlmodel import col, select

from desktop_app.core.catalog.apply import installed_version
from desktop_app.core.domain.enums import ImportOutcome, Role
from desktop_app.core.domain.models import Activity, ImportRecord, Indicator, Submission
from desktop_app.core.services.setup import installation
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.migrate import head_revision


def status(db: Database) -> dict[str, Any]:
    with db.reading() as session:
        inst = installation(session)

        def count(statement: Any) -> int:
            return int(session.exec(statement).one())

        if inst.role is Role.FOCAL_POINT:
            pairs = select(Submission.agency_id, Submission.period_id).where(
                Submission.superseded == False  # noqa: E712
            ).distinct().subquery()
            submissions = count(select(func.count()).select_from(pairs))
        else:
            submissions = count(select(func.count()).select_from(Submission))
        changed = [o.value for o in ImportOutcome if o.changed_data]
        imports = count(
            select(func.count(distinct(col(ImportRecord.batch_uuid)))).where(
                ImportRecord.outcome.in_(changed),  # type: ignore[attr-defined]
                ImportRecord.undone == False,  # noqa: E712
            )
        )
        return {
            "role": inst.role.value if inst.role else None,
            "agency": inst.agency_code,
            "contact_person": inst.contact_person or None,
            "activities": count(select(func.count()).select_from(Activity)),
            "indicators": count(select(func.count()).select_from(Indicator)),
            "submissions": submissions,
            "imports": imports,
            "catalog_version": installed_version(session),
            "schema": head_revision(),
            "database": db.location,
        }
