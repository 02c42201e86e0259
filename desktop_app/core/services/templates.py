"""Making the blank template workbook from this database's catalog (either role)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlmodel import col, select

from desktop_app.core.catalog.apply import installed_version
from desktop_app.core.catalog.document import Document, read_bundled_catalog
from desktop_app.core.domain.models import Agency, Period, Recommendation, Source, Task
from desktop_app.core.domain.text import collation_key
from desktop_app.core.exchange.template import CatalogItem, TemplateCatalog, write_template
from desktop_app.core.problems import UsageError
from desktop_app.core.services.setup import KIND_ORDER
from desktop_app.core.storage.database import Database


def _agency_order(kind: str, name_vi: str) -> tuple[int, tuple[str, ...]]:
    return (KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER),
            collation_key(name_vi))


def _source_detail(source: str, paragraph: str | None) -> str:
    return f"{source} ¶{paragraph}" if paragraph else source


def template_catalog(db: Database) -> TemplateCatalog:
    """The dropdowns' contents: this database's catalog, or the bundled one before setup."""
    with db.reading() as session:
        agencies = list(session.exec(select(Agency).where(
            col(Agency.active).is_(True), col(Agency.retired).is_(False))))
        if not agencies:
            return catalog_of_document(read_bundled_catalog())
        agencies.sort(key=lambda a: _agency_order(a.kind, a.name_vi))
        sources = {s.id: s.code for s in session.exec(select(Source))}
        return TemplateCatalog(
            version=installed_version(session),
            agencies=[CatalogItem(a.code, a.name_vi, a.name_en) for a in agencies],
            periods=list(session.exec(select(Period.year).order_by(col(Period.year)))),
            tasks=[CatalogItem(t.code, t.title_vi, t.title_en) for t in session.exec(
                select(Task).where(col(Task.retired).is_(False)).order_by(col(Task.code)))],
            recommendations=[
                CatalogItem(r.code, r.text_vi, r.text_en,
                            _source_detail(sources.get(r.source_id, ""), r.paragraph))
                for r in session.exec(select(Recommendation).where(
                    col(Recommendation.retired).is_(False)).order_by(col(Recommendation.code)))],
        )


def catalog_of_document(doc: Document) -> TemplateCatalog:
    agencies = sorted((e for e in doc.get("agencies", [])
                       if e.get("active", True) and not e.get("retired", False)),
                      key=lambda e: _agency_order(e["kind"], e["name_vi"]))
    return TemplateCatalog(
        version=int(doc["version"]) if doc.get("version") is not None else None,
        agencies=[CatalogItem(e["code"], e["name_vi"], e["name_en"]) for e in agencies],
        periods=sorted(int(e["year"]) for e in doc.get("periods", [])),
        tasks=[CatalogItem(e["code"], e["title_vi"], e["title_en"])
               for e in sorted(doc.get("tasks", []), key=lambda e: e["code"])
               if not e.get("retired", False)],
        recommendations=[
            CatalogItem(e["code"], e["text_vi"], e["text_en"],
                        _source_detail(e.get("source", ""), e.get("paragraph")))
            for e in sorted(doc.get("recommendations", []), key=lambda e: e["code"])
            if not e.get("retired", False)],
    )


def make_template(db: Database, path: Path, period: int | None = None,
                  now: datetime | None = None) -> TemplateCatalog:
    """Write the template (atomically); an unknown period is wrong usage."""
    catalog = template_catalog(db)
    if period is not None and period not in catalog.periods:
        raise UsageError.of("period.unknown", period=period)
    write_template(path, catalog, period=period, now=now)
    return catalog
