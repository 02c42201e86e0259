"""What the import asks the database before it plans a file: the catalog and the holdings.

The plan (import_plan) is a pure function; everything it needs to know about the
database is read here first, in the session of the file's transaction: the catalog's
codes once per batch, and for each file the ``Holdings`` of its agency and period —
every version stored, the version in force with its rows, the submissions an accepted
file would supersede and which of the file's identifiers other rows already use. The
rows in force and the identifiers are read only when the file's version leaves its
acceptance open (``may_accept``): a duplicate costs one small query.

The versions the plan compares with are those of the file's key lineage (submissions
stored with the same key fingerprint, "" for unsigned ones), as the files stated them
(``Submission.file_version``); a stored version above MAX_VERSION counts as 0. The
agency's pinned key travels in the holdings too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from desktop_app.core.catalog.apply import installed_version
from desktop_app.core.domain.models import (
    Activity,
    Agency,
    Indicator,
    Period,
    Recommendation,
    Result,
    Submission,
    Task,
)
from desktop_app.core.exchange.submission import MAX_VERSION, SubmissionData
from desktop_app.core.services.agencies import AgencyDirectory
from desktop_app.core.services.import_apply import ACTIVITY, INDICATOR, RESULT
from desktop_app.core.services.import_plan import (
    Catalog,
    Claim,
    Holdings,
    StoredVersion,
    TaskRef,
    may_accept,
)
from desktop_app.core.services.keys import pinned_key
from desktop_app.core.services.plans import tasks_in_force

_CHUNK = 500  # identifiers per IN (...) query
# the tables as SQL names ("result" quoted, as SQLAlchemy would)
_ACTIVITY, _INDICATOR, _RESULT = (f'"{table.name}"' for table in (ACTIVITY, INDICATOR, RESULT))


def catalog_of(session: Session) -> Catalog:
    """The catalog's codes, detached from the session (a batch uses them throughout)."""
    agencies = list(session.exec(select(Agency)).all())
    for agency in agencies:
        session.expunge(agency)
    return Catalog(
        AgencyDirectory.of(agencies),
        {p.year: p.id or 0 for p in session.exec(select(Period))},
        {t.code: TaskRef(t.id or 0, t.title_vi, t.title_en) for t in session.exec(select(Task))},
        {r.code: r.id or 0 for r in session.exec(select(Recommendation))},
        installed_version(session),
        tasks_in_force(session),
    )


def _bounded(version: int) -> int:
    return version if 1 <= version <= MAX_VERSION else 0


def stated_version(submission: Submission) -> int:
    """The version the submission's file stated (older rows: the stored number)."""
    return submission.file_version if submission.file_version is not None else (
        submission.version)


def stored_holdings(session: Session, claim: Claim) -> Holdings:
    """The versions of the claim's agency and period, without their rows."""
    rows = session.exec(select(Submission).where(
        col(Submission.agency_id) == claim.agency.id,
        col(Submission.period_id) == claim.period_id)).all()
    current = [s for s in rows if not s.superseded]
    top = max(current, key=lambda s: _bounded(s.version)) if current else None
    lineage = [s for s in rows if (s.key_fingerprint or "") == claim.lineage]
    stated = [_bounded(stated_version(s)) for s in lineage]
    pin = pinned_key(session, claim.agency.id or 0)
    return Holdings(
        claim.agency.id or 0, claim.period_id,
        {stated_version(s): StoredVersion(s.content_hash, s.file_name) for s in lineage},
        max(stated) if stated else None, top.data_hash if top else None, None,
        tuple(s.id or 0 for s in current),
        top_version=max((_bounded(s.version) for s in rows), default=None),
        in_force_version=top.version if top else None,
        pinned_key=pin.public_key if pin else "",
        pinned_fingerprint=pin.fingerprint if pin else "",
        signed_in_force=any(s.signed for s in current))


def holdings_of(session: Session, claim: Claim, carried: Holdings | None = None, *,
                accept_new_key: bool = False, taken_at_insert: bool = False) -> Holdings:
    """Everything the plan needs to know about the database for this file.

    carried: the holdings a preview carries on with after an earlier file of the same
    agency, period and key lineage (the database does not have that file's rows).
    taken_at_insert: the file replaces no version, so its identifiers are taken exactly
    when a row already has them; the caller's insert will find that (the UNIQUE uuid
    indexes) and decide again without this, so they are not looked up here.
    """
    held = carried if carried is not None else stored_holdings(session, claim)
    if not may_accept(claim, held, accept_new_key=accept_new_key):
        return replace(held, taken=())
    data = held.data_in_force
    if data is None:
        data = SubmissionData() if not held.in_force else _rows_in_force(
            session, claim)
    if taken_at_insert and not held.in_force:
        return replace(held, data_in_force=data, taken=())
    return replace(held, data_in_force=data,
                   taken=tuple(taken_uuids(session, claim.data, held.in_force)))


def _rows_in_force(session: Session, claim: Claim) -> SubmissionData:
    from desktop_app.core.services.submission_data import collect

    period = session.get(Period, claim.period_id)
    assert period is not None
    return collect(session, claim.agency, period)


def taken_uuids(session: Session, data: SubmissionData, replaced: Sequence[int]) -> list[str]:
    """The file's identifiers that rows outside the versions it replaces already use."""
    if session.get_bind().dialect.name == "sqlite":
        return _taken_on_sqlite(session, data, replaced)
    taken: list[str] = []
    groups: list[tuple[Any, list[str]]] = [
        (Activity, [a.uuid for a in data.activities]),
        (Indicator, [i.uuid for i in data.indicators]),
    ]
    for model, uuids in groups:
        for start in range(0, len(uuids), _CHUNK):
            query = sa_select(col(model.uuid)).where(
                col(model.uuid).in_(uuids[start:start + _CHUNK]))
            if replaced:
                query = query.where(col(model.submission_id).is_(None)
                                    | col(model.submission_id).not_in(list(replaced)))
            taken.extend(session.execute(query).scalars())
    results = [i.result_uuid for i in data.indicators if i.result_uuid]
    mine = {i.uuid for i in data.indicators}
    for start in range(0, len(results), _CHUNK):
        query = (sa_select(col(Result.uuid))
                 .join(Indicator, col(Indicator.id) == Result.indicator_id)
                 .where(col(Result.uuid).in_(results[start:start + _CHUNK])))
        if replaced:
            query = query.where(col(Indicator.submission_id).is_(None)
                                | col(Indicator.submission_id).not_in(list(replaced)))
        taken.extend(u for u in session.execute(query).scalars() if u not in mine)
    return taken


def _taken_on_sqlite(session: Session, data: SubmissionData, replaced: Sequence[int]
                     ) -> list[str]:
    """taken_uuids' queries written for the driver: SQLAlchemy's expanding IN costs
    ~30 ms of Python a file of a thousand activities, far more than SQLite's lookups."""
    connection = session.connection()
    others = list(replaced)
    outside = ("" if not others else " AND ({0}submission_id IS NULL OR {0}submission_id "
               f"NOT IN ({', '.join('?' for _ in others)}))")
    queries = [
        ([a.uuid for a in data.activities],
         f"SELECT uuid FROM {_ACTIVITY} WHERE uuid IN (%s)" + outside.format("")),
        ([i.uuid for i in data.indicators],
         f"SELECT uuid FROM {_INDICATOR} WHERE uuid IN (%s)" + outside.format("")),
        ([i.result_uuid for i in data.indicators if i.result_uuid],
         f"SELECT r.uuid FROM {_RESULT} AS r JOIN {_INDICATOR} AS i ON i.id = r.indicator_id"
         " WHERE r.uuid IN (%s)" + outside.format("i.")),
    ]
    taken: list[str] = []
    mine = {i.uuid for i in data.indicators}
    for index, (uuids, sql) in enumerate(queries):
        for start in range(0, len(uuids), _CHUNK):
            chunk = uuids[start:start + _CHUNK]
            found = connection.exec_driver_sql(sql % ", ".join("?" for _ in chunk),
                                               (*chunk, *others)).scalars()
            taken.extend(found if index < 2 else (u for u in found if u not in mine))
    return taken
