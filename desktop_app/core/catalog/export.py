"""The installed catalog as one document: what the focal point publishes to agencies.

The published document is signed with the focal point's key (signed_catalog);
services/catalog.py export_catalog finds the key and writes the file.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from desktop_app.core.catalog.apply import installed_version
from desktop_app.core.catalog.document import FORMAT, FORMAT_VERSION, Document, nfc_everywhere
from desktop_app.core.catalog.successions import exportable_split, installed_split_entries
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
from desktop_app.core.exchange.signing import KeyPair, signed
from desktop_app.core.files import write_atomically
from desktop_app.core.problems import RefusedError


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _words(value: str) -> list[str]:
    return value.split()


def _lines(value: str) -> list[str]:
    return [line for line in value.splitlines() if line.strip()]


def catalog_document(session: Session) -> Document:
    """Every entry in force (retired ones left out, so that importing retires them too)."""
    version = installed_version(session)
    if version is None:
        raise RefusedError.of("catalog.not_installed")
    plans = {p.id: p for p in session.exec(select(Plan).where(col(Plan.retired).is_(False)))}
    areas = {a.id: a for a in session.exec(select(Area).where(col(Area.retired).is_(False)))}
    sources = {s.id: s for s in session.exec(select(Source).where(col(Source.retired).is_(False)))}
    recs = {r.id: r for r in session.exec(
        select(Recommendation).where(col(Recommendation.retired).is_(False)))}
    rec_areas: dict[int, list[str]] = defaultdict(list)
    for link in session.exec(select(RecommendationArea)):
        if link.area_id in areas:
            rec_areas[link.recommendation_id].append(areas[link.area_id].code)
    task_recs: dict[int, list[str]] = defaultdict(list)
    for t_link in session.exec(select(TaskRecommendation)):
        if t_link.recommendation_id in recs:
            task_recs[t_link.task_id].append(recs[t_link.recommendation_id].code)
    doc: dict[str, Any] = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "version": version,
        "published": date.today().isoformat(),
    }
    doc["agencies"] = [{
        "uuid": a.uuid, "code": a.code, "kind": a.kind, "name_vi": a.name_vi,
        "name_en": a.name_en, "aliases": [x for x in a.aliases.splitlines() if x],
        "active": a.active, "successor": a.successor_code, "focal_point": a.focal_point,
        "verified": a.verified,
    } for a in session.exec(select(Agency).where(col(Agency.retired).is_(False))
                            .order_by(col(Agency.id)))]
    doc["plans"] = [{
        "uuid": p.uuid, "code": p.code, "decision": p.decision,
        "signed_on": _iso(p.signed_on), "cycle": p.cycle, "starts": p.starts, "ends": p.ends,
        "title_vi": p.title_vi, "title_en": p.title_en, "verified": p.verified,
    } for p in plans.values()]
    doc["areas"] = [{
        "uuid": a.uuid, "code": a.code, "plan": plans[a.plan_id].code, "number": a.number,
        "title_vi": a.title_vi, "title_en": a.title_en, "verified": a.verified,
        "illustrative": a.illustrative,
    } for a in areas.values() if a.plan_id in plans]
    doc["sources"] = [{
        "uuid": s.uuid, "code": s.code, "kind": s.kind, "symbol": s.symbol,
        "title_vi": s.title_vi, "title_en": s.title_en, "adopted_on": _iso(s.adopted_on),
        "total": s.total, "supported": s.supported, "noted": s.noted, "verified": s.verified,
    } for s in sources.values()]
    doc["recommendations"] = [{
        "uuid": r.uuid, "code": r.code, "source": sources[r.source_id].code,
        "paragraph": r.paragraph, "follow_up": r.follow_up, "response": r.response,
        "sdg_targets": _words(r.sdg_targets), "areas": sorted(rec_areas.get(r.id or 0, [])),
        "text_vi": r.text_vi, "text_en": r.text_en, "verified": r.verified,
        "illustrative": r.illustrative, "states": _lines(r.states),
        "themes": _lines(r.themes), "affected_persons": _lines(r.affected_persons),
    } for r in recs.values() if r.source_id in sources]
    doc["tasks"] = [{
        "uuid": t.uuid, "code": t.code, "plan": plans[t.plan_id].code,
        "area": areas[t.area_id].code if t.area_id in areas else None, "number": t.number,
        "title_vi": t.title_vi, "title_en": t.title_en,
        "responsible_kinds": _words(t.responsible_kinds), "starts": t.starts, "ends": t.ends,
        "expected_outcome_vi": t.expected_outcome_vi,
        "expected_outcome_en": t.expected_outcome_en,
        "recommendations": sorted(task_recs.get(t.id or 0, [])), "verified": t.verified,
        "illustrative": t.illustrative,
    } for t in session.exec(select(Task).where(col(Task.retired).is_(False))
                            .order_by(col(Task.code))) if t.plan_id in plans]
    _add_splits(session, doc)
    doc["grades"] = [{
        "code": g.code, "scale": g.scale, "meaning_vi": g.meaning_vi,
        "meaning_en": g.meaning_en, "verified": g.verified,
    } for g in session.exec(select(FollowUpGrade).order_by(col(FollowUpGrade.id)))]
    doc["sdgs"] = [{"number": s.number, "title_vi": s.title_vi, "title_en": s.title_en}
                   for s in session.exec(select(Sdg).order_by(col(Sdg.number)))]
    doc["periods"] = [{"year": p.year, "due_date": _iso(p.due_date),
                       "data_from": _iso(p.data_from), "data_to": _iso(p.data_to),
                       "verified": p.verified}
                      for p in session.exec(select(Period).order_by(col(Period.year)))]
    return doc


def _add_splits(session: Session, doc: dict[str, Any]) -> None:
    """The installed split maps onto their former units (the database's agency rows keep
    only the core fields; catalog/successions.py keeps the maps)."""
    entries = installed_split_entries(session)
    agencies = {a["code"] for a in doc["agencies"]}
    tasks = {t["code"] for t in doc["tasks"]}
    areas = {a["code"] for a in doc["areas"]}
    for agency in doc["agencies"]:
        split = entries.get(agency["code"])
        if split is not None:
            agency["split"] = exportable_split(split, agencies, tasks, areas)


def signed_catalog(doc: Document, key: KeyPair) -> Document:
    """doc as it is read back (strings NFC), with key's public key and signature."""
    return signed(key, nfc_everywhere(doc))


def _write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def write_catalog(doc: Document, path: Path) -> None:
    """Write a catalog document to path, atomically."""
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    write_atomically(path, lambda tmp: _write_text(tmp, text))
