"""Writing a catalog document into a database.

A newer catalog is the whole truth: known codes are updated, new ones added,
and codes it no longer lists are retired (kept for the records that refer to
them, hidden from pickers). A catalog no newer than the installed one changes
nothing at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session, SQLModel, delete, select

from desktop_app.core.catalog.document import (
    Document,
    Entry,
    stored_catalog_version,
)
from desktop_app.core.catalog.successions import store_splits
from desktop_app.core.domain.models import (
    Agency,
    Area,
    FollowUpGrade,
    Period,
    Plan,
    Recommendation,
    RecommendationArea,
    Sdg,
    Source,
    Task,
    TaskRecommendation,
)
from desktop_app.core.storage.settings import CATALOG_VERSION, get_setting, set_setting

# Catalog entries get the same UUID on every machine: made from the code in a
# namespace of our own, unless the entry names one.
CATALOG_NAMESPACE = uuid.UUID("6f1c2d1e-5b0a-4e4b-9a57-7f3b1d2c9e10")


@dataclass
class CatalogChange:
    applied: bool
    version: int
    previous_version: int | None
    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    retired: dict[str, int] = field(default_factory=dict)
    # What became of the update's signing key (services/catalog.py): "" (nothing to say),
    # "pinned", "replaced" or "unsigned_accepted"; fingerprints of the key and the one before.
    key_event: str = ""
    fingerprint: str = ""
    previous_fingerprint: str = ""


def installed_version(session: Session) -> int | None:
    """The installed catalog's version; one above MAX_VERSION (a forged update installed
    before versions were bounded) counts as 0, so that the next genuine update applies."""
    return stored_catalog_version(get_setting(session, CATALOG_VERSION))


def _uuid(section: str, entry: Entry) -> str:
    return str(entry.get("uuid") or uuid.uuid5(CATALOG_NAMESPACE, f"{section}:{entry['code']}"))


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _lines(value: Any) -> str:
    """A list of names in the document -> one a line (anything else: none)."""
    if not isinstance(value, list):
        return ""
    return "\n".join(" ".join(str(v).split()) for v in value if str(v).strip())


def _upsert(
    session: Session,
    change: CatalogChange,
    section: str,
    model: type[SQLModel],
    entries: list[Entry],
    values: Callable[[Entry], dict[str, Any]],
    key: str = "code",
    retire: bool = True,
) -> dict[Any, Any]:
    """Insert or update rows by key; returns key -> row for linking."""
    existing: dict[Any, Any] = {getattr(row, key): row for row in session.exec(select(model))}
    seen: dict[Any, Any] = {}
    added = updated = 0
    for entry in entries:
        data = values(entry)
        row = existing.get(entry[key])
        if row is None:
            row = model(**data)
            added += 1
        else:
            before = row.model_dump()
            for name, value in data.items():
                if name != "uuid":
                    setattr(row, name, value)
            if row.model_dump() != before:
                updated += 1
        session.add(row)
        seen[entry[key]] = row
    retired = 0
    if retire:
        for code, row in existing.items():
            if code not in seen and not row.retired:
                row.retired = True
                session.add(row)
                retired += 1
    session.flush()
    change.added[section] = added
    change.updated[section] = updated
    change.retired[section] = retired
    return seen


def apply_catalog(session: Session, doc: Document, *, force: bool = False,
                  keep_periods: frozenset[int] = frozenset()) -> CatalogChange:
    """Apply doc if it is newer than the installed catalog (or force, for tests).

    keep_periods: years whose rows stay as they are (periods locked here)."""
    previous = installed_version(session)
    version = int(doc["version"])
    change = CatalogChange(applied=False, version=version, previous_version=previous)
    if previous is not None and version <= previous and not force:
        return change
    change.applied = True

    plans = _upsert(session, change, "plans", Plan, doc.get("plans", []), lambda e: {
        "uuid": _uuid("plans", e), "code": e["code"], "decision": e["decision"],
        "signed_on": _date(e.get("signed_on")), "cycle": e.get("cycle"),
        "starts": e.get("starts"), "ends": e.get("ends"), "title_vi": e["title_vi"],
        "title_en": e["title_en"], "verified": bool(e.get("verified")), "retired": False,
    })
    areas = _upsert(session, change, "areas", Area, doc.get("areas", []), lambda e: {
        "uuid": _uuid("areas", e), "code": e["code"], "plan_id": plans[e["plan"]].id,
        "number": int(e["number"]), "title_vi": e["title_vi"], "title_en": e["title_en"],
        "verified": bool(e.get("verified")), "illustrative": bool(e.get("illustrative")),
        "retired": False,
    })
    sources = _upsert(session, change, "sources", Source, doc.get("sources", []), lambda e: {
        "uuid": _uuid("sources", e), "code": e["code"], "kind": e["kind"],
        "symbol": e.get("symbol"), "title_vi": e["title_vi"], "title_en": e["title_en"],
        "adopted_on": _date(e.get("adopted_on")), "total": e.get("total"),
        "supported": e.get("supported"), "noted": e.get("noted"),
        "verified": bool(e.get("verified")), "retired": False,
    })
    recs_doc = doc.get("recommendations", [])
    recs = _upsert(session, change, "recommendations", Recommendation, recs_doc, lambda e: {
        "uuid": _uuid("recommendations", e), "code": e["code"],
        "source_id": sources[e["source"]].id, "paragraph": e.get("paragraph"),
        "follow_up": bool(e.get("follow_up")), "response": e.get("response"),
        "sdg_targets": " ".join(e.get("sdg_targets") or []), "text_vi": e["text_vi"],
        "text_en": e["text_en"], "verified": bool(e.get("verified")),
        "illustrative": bool(e.get("illustrative")), "retired": False,
        "states": _lines(e.get("states")), "themes": _lines(e.get("themes")),
        "affected_persons": _lines(e.get("affected_persons")),
    })
    tasks_doc = doc.get("tasks", [])
    tasks = _upsert(session, change, "tasks", Task, tasks_doc, lambda e: {
        "uuid": _uuid("tasks", e), "code": e["code"], "plan_id": plans[e["plan"]].id,
        "area_id": areas[e["area"]].id if e.get("area") else None,
        "number": int(e["number"]), "title_vi": e["title_vi"], "title_en": e["title_en"],
        "responsible_kinds": " ".join(e.get("responsible_kinds") or []),
        "starts": e.get("starts"), "ends": e.get("ends"),
        "expected_outcome_vi": _text(e.get("expected_outcome_vi")),
        "expected_outcome_en": _text(e.get("expected_outcome_en")),
        "verified": bool(e.get("verified")), "illustrative": bool(e.get("illustrative")),
        "retired": False,
    })
    _upsert(session, change, "agencies", Agency, doc.get("agencies", []), lambda e: {
        "uuid": _uuid("agencies", e), "code": e["code"], "kind": e["kind"],
        "name_vi": e["name_vi"], "name_en": e["name_en"],
        "aliases": "\n".join(e.get("aliases") or []), "active": e.get("active", True),
        "successor_code": e.get("successor"), "focal_point": bool(e.get("focal_point")),
        "verified": bool(e.get("verified")), "retired": False,
    })
    _upsert(session, change, "grades", FollowUpGrade, doc.get("grades", []), lambda e: {
        "code": e["code"], "scale": str(e["scale"]), "meaning_vi": e["meaning_vi"],
        "meaning_en": e["meaning_en"], "verified": bool(e.get("verified")),
    }, retire=False)
    _upsert(session, change, "sdgs", Sdg, doc.get("sdgs", []), lambda e: {
        "number": int(e["number"]), "title_vi": e["title_vi"], "title_en": e["title_en"],
    }, key="number", retire=False)
    periods = [e for e in doc.get("periods", []) if int(e["year"]) not in keep_periods]
    _upsert(session, change, "periods", Period, periods, lambda e: {
        "year": int(e["year"]), "due_date": _date(e.get("due_date")),
        "data_from": _date(e.get("data_from")), "data_to": _date(e.get("data_to")),
        "verified": bool(e.get("verified")),
    }, key="year", retire=False)

    # Links are wholly described by the document: replace them for what it lists.
    task_ids = [tasks[e["code"]].id for e in tasks_doc]
    if task_ids:
        session.exec(delete(TaskRecommendation).where(
            TaskRecommendation.task_id.in_(task_ids)))  # type: ignore[attr-defined]
    for e in tasks_doc:
        for code in e.get("recommendations") or []:
            session.add(TaskRecommendation(
                task_id=tasks[e["code"]].id, recommendation_id=recs[code].id))
    rec_ids = [recs[e["code"]].id for e in recs_doc]
    if rec_ids:
        session.exec(delete(RecommendationArea).where(
            RecommendationArea.recommendation_id.in_(rec_ids)))  # type: ignore[attr-defined]
    for e in recs_doc:
        for code in e.get("areas") or []:
            session.add(RecommendationArea(
                recommendation_id=recs[e["code"]].id, area_id=areas[code].id))

    store_splits(session, doc)  # the former units' split maps travel with the catalog
    set_setting(session, CATALOG_VERSION, str(version))
    session.flush()
    return change
