"""How much the database holds, counted as DESIGN.md defines it.

Two ways to the same facts: status() through the ORM on an open Database, and
quick_status() with sqlite3 alone, for `status` on a SQLite file already at the
program's schema. The quick way imports neither SQLAlchemy nor the models nor
alembic, which is most of what the command would wait for (issue 11); any file it
is not sure of (missing, another revision, PostgreSQL, an error) it leaves to the
full open. A test holds both ways to the same answer.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.core.catalog.document import stored_catalog_version
from desktop_app.core.domain.enums import ImportOutcome, Role, stored_role
from desktop_app.core.storage.schema import open_at_head, scanned_head

if TYPE_CHECKING:
    from desktop_app.core.storage.database import Database

_CHANGED = tuple(o.value for o in ImportOutcome if o.changed_data)


def status(db: Database) -> dict[str, Any]:
    from sqlalchemy import distinct, func
    from sqlmodel import col, select

    from desktop_app.core.catalog.apply import installed_version
    from desktop_app.core.domain.models import Activity, ImportRecord, Indicator, Submission
    from desktop_app.core.services.setup import installation
    from desktop_app.core.storage.migrate import head_revision

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
        imports = count(
            select(func.count(distinct(col(ImportRecord.batch_uuid)))).where(
                ImportRecord.outcome.in_(_CHANGED),  # type: ignore[attr-defined]
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


def quick_status(location: Path) -> dict[str, Any] | None:
    """status() of the SQLite file at location, read with sqlite3 alone; None when the
    file needs the full open (see storage/schema.py open_at_head)."""
    conn = open_at_head(location)
    if conn is None:
        return None
    try:
        with conn:
            return _counted(conn, location)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _counted(conn: sqlite3.Connection, location: Path) -> dict[str, Any]:
    def count(sql: str, *params: Any) -> int:
        return int(conn.execute(sql, params).fetchone()[0])

    conn.execute("BEGIN")  # one snapshot for every count, as db.reading() gives
    settings = dict(conn.execute(
        "SELECT key, value FROM setting WHERE key IN ('role', 'agency', 'contact_person',"
        " 'catalog_version')").fetchall())
    role = stored_role(settings.get("role"))
    if role is Role.FOCAL_POINT:
        submissions = count("SELECT count(*) FROM (SELECT DISTINCT agency_id, period_id"
                            " FROM submission WHERE superseded = 0)")
    else:
        submissions = count("SELECT count(*) FROM submission")
    marks = ", ".join("?" for _ in _CHANGED)
    imports = count("SELECT count(DISTINCT batch_uuid) FROM importrecord"
                    f" WHERE outcome IN ({marks}) AND undone = 0", *_CHANGED)
    return {
        "role": role.value if role else None,
        "agency": settings.get("agency"),
        "contact_person": settings.get("contact_person") or None,
        "activities": count("SELECT count(*) FROM activity"),
        "indicators": count("SELECT count(*) FROM indicator"),
        "submissions": submissions,
        "imports": imports,
        "catalog_version": stored_catalog_version(settings.get("catalog_version")),
        "schema": scanned_head(),
        "database": str(location),
    }
