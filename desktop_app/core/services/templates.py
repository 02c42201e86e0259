"""Making the blank template workbook from this database's catalog (either role).

A template for a period offers only the plans in force for it (``plans_in_force``):
their tasks, the recommendations those tasks implement, and the period. A plan is in
force in the years from its start to its end; one whose end is not known stays in force
until a later plan starts (services/plans.py, whose ``tasks_in_force`` gives the import
the same answer, so a filled template naming another plan's task is refused row by row).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from desktop_app.core.catalog.apply import installed_version
from desktop_app.core.catalog.document import Document, read_bundled_catalog
from desktop_app.core.domain.models import (
    Agency,
    Period,
    Plan,
    Recommendation,
    Source,
    Task,
    TaskRecommendation,
)
from desktop_app.core.domain.text import collation_key
from desktop_app.core.exchange.template import CatalogItem, TemplateCatalog, write_template
from desktop_app.core.problems import UsageError
from desktop_app.core.services.plans import in_force, plans_in_force
from desktop_app.core.services.setup import KIND_ORDER
from desktop_app.core.storage.database import Database


def _agency_order(kind: str, name_vi: str) -> tuple[int, tuple[str, ...]]:
    return (KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER),
            collation_key(name_vi))


def _source_detail(source: str, paragraph: str | None) -> str:
    return f"{source} ¶{paragraph}" if paragraph else source


def _plan_items(plans: Iterable[Plan]) -> list[CatalogItem]:
    return [CatalogItem(p.code, f"{p.decision} — {p.title_vi}", f"{p.decision} — {p.title_en}")
            for p in plans]


def template_catalog(db: Database, period: int | None = None) -> TemplateCatalog:
    """The dropdowns' contents: this database's catalog, or the bundled one before setup;
    for a period, only its plans in force, their tasks and their recommendations."""
    with db.reading() as session:
        agencies = list(session.exec(select(Agency).where(
            col(Agency.active).is_(True), col(Agency.retired).is_(False))))
        if not agencies:
            return catalog_of_document(read_bundled_catalog(), period)
        agencies.sort(key=lambda a: _agency_order(a.kind, a.name_vi))
        sources = {s.id: s.code for s in session.exec(select(Source))}
        tasks = list(session.exec(
            select(Task).where(col(Task.retired).is_(False)).order_by(col(Task.code))))
        recommendations = list(session.exec(select(Recommendation).where(
            col(Recommendation.retired).is_(False)).order_by(col(Recommendation.code))))
        plans: list[Plan] = []
        if period is not None:
            plans = plans_in_force(session, period)
            plan_ids = {p.id for p in plans}
            tasks = [t for t in tasks if t.plan_id in plan_ids]
            task_ids = {t.id for t in tasks}
            linked = {rec_id for task_id, rec_id in session.exec(
                select(TaskRecommendation.task_id, TaskRecommendation.recommendation_id))
                if task_id in task_ids}
            if linked:  # a plan whose tasks name no recommendation offers them all
                recommendations = [r for r in recommendations if r.id in linked]
        return TemplateCatalog(
            version=installed_version(session),
            agencies=[CatalogItem(a.code, a.name_vi, a.name_en) for a in agencies],
            periods=list(session.exec(select(Period.year).order_by(col(Period.year)))),
            tasks=[CatalogItem(t.code, t.title_vi, t.title_en) for t in tasks],
            recommendations=[
                CatalogItem(r.code, r.text_vi, r.text_en,
                            _source_detail(sources.get(r.source_id, ""), r.paragraph))
                for r in recommendations],
            plans=_plan_items(plans),
        )


def catalog_of_document(doc: Document, period: int | None = None) -> TemplateCatalog:
    """The template's contents from a catalog document (the bundled one before setup)."""
    agencies = sorted((e for e in doc.get("agencies", [])
                       if e.get("active", True) and not e.get("retired", False)),
                      key=lambda e: _agency_order(e["kind"], e["name_vi"]))
    tasks = sorted((e for e in doc.get("tasks", []) if not e.get("retired", False)),
                   key=lambda e: e["code"])
    recommendations = sorted((e for e in doc.get("recommendations", [])
                              if not e.get("retired", False)), key=lambda e: e["code"])
    plans: list[dict[str, Any]] = []
    if period is not None:
        every = [e for e in doc.get("plans", []) if not e.get("retired", False)]
        plans = in_force(every, [e.get("starts") for e in every], [e.get("ends") for e in every],
                         period)
        codes = {e["code"] for e in plans}
        tasks = [e for e in tasks if e.get("plan") in codes]
        linked = {code for e in tasks for code in e.get("recommendations", [])}
        if linked:
            recommendations = [e for e in recommendations if e["code"] in linked]
    return TemplateCatalog(
        version=int(doc["version"]) if doc.get("version") is not None else None,
        agencies=[CatalogItem(e["code"], e["name_vi"], e["name_en"]) for e in agencies],
        periods=sorted(int(e["year"]) for e in doc.get("periods", [])),
        tasks=[CatalogItem(e["code"], e["title_vi"], e["title_en"]) for e in tasks],
        recommendations=[
            CatalogItem(e["code"], e["text_vi"], e["text_en"],
                        _source_detail(e.get("source", ""), e.get("paragraph")))
            for e in recommendations],
        plans=[CatalogItem(e["code"], f"{e['decision']} — {e['title_vi']}",
                           f"{e['decision']} — {e['title_en']}") for e in plans],
    )


def make_template(db: Database, path: Path, period: int | None = None,
                  now: datetime | None = None) -> TemplateCatalog:
    """Write the template (atomically); an unknown period is wrong usage."""
    catalog = template_catalog(db, period)
    if period is not None and period not in catalog.periods:
        raise UsageError.of("period.unknown", period=period)
    write_template(path, catalog, period=period, now=now)
    return catalog
