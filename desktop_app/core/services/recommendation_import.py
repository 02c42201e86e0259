"""Loading an official list of recommendations into the catalog: preview, then apply.

``preview_list`` reads the file through a column mapping (a preset, or one saved under a
name) and compares it with the catalog's recommendations of the chosen source: each row
is new, changed or unchanged, and the rows with problems are listed by row and left out.
Nothing is written. ``apply_list`` writes a preview in one transaction: the rows, the
catalog version raised by one (so that ``catalog export`` publishes the update to the
agencies as any other), and one audit event naming the file and its SHA-256. A file
changed between the preview and the apply is refused (its hash no longer matches).

A row is the catalog's recommendation ``SOURCE-NUMBER`` (``UPR4-155.1``); an existing
recommendation of the source with the same paragraph is the same one, whatever its code.
The paragraph is the list's number. A list with no Vietnamese column keeps the Vietnamese
text already in the catalog; a new recommendation then has its English text in both
(translation to do). Recommendations of the source that the file does not list stay as
they are (``not_in_file``): a list is added to the catalog, never replacing it whole.

Saved mappings live in the database's settings (``recommendation_mappings``, JSON).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, col, select

from desktop_app.core.catalog.apply import installed_version
from desktop_app.core.catalog.document import MAX_VERSION
from desktop_app.core.domain.models import Recommendation, Source, new_uuid
from desktop_app.core.exchange.reading import file_sha256
from desktop_app.core.exchange.recommendation_list import (
    PRESETS,
    ColumnMapping,
    ListedRecommendation,
    read_list,
)
from desktop_app.core.problems import Problem, RefusedError, UsageError
from desktop_app.core.services.lookups import require_focal_point

# The audit trail: services.setup.audit today (another branch brings services/audit.py).
from desktop_app.core.services.setup import audit
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.settings import CATALOG_VERSION, get_setting, set_setting

MAPPINGS = "recommendation_mappings"
MAX_CODE = 40


@dataclass(frozen=True)
class Planned:
    """What one row of the file does to the catalog."""

    row: ListedRecommendation
    code: str
    outcome: str  # "new", "changed", "unchanged"
    changed: tuple[str, ...] = ()  # the fields that change


@dataclass
class ListPreview:
    path: Path
    sha256: str
    source: str
    mapping: ColumnMapping
    planned: list[Planned] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # rows left out
    notes: list[Problem] = field(default_factory=list)
    columns_absent: tuple[str, ...] = ()
    has_vietnamese: bool = False
    not_in_file: int = 0  # the source's recommendations the file does not list

    def count(self, outcome: str) -> int:
        return sum(1 for p in self.planned if p.outcome == outcome)

    @property
    def supported(self) -> int:
        return sum(1 for p in self.planned if p.row.response == "supported")

    @property
    def noted(self) -> int:
        return sum(1 for p in self.planned if p.row.response == "noted")


@dataclass(frozen=True)
class ListApplied:
    added: int
    changed: int
    unchanged: int
    version: int | None  # the catalog's version now (None: nothing changed, not raised)


# --- mappings ------------------------------------------------------------------------


def _saved(session: Session) -> dict[str, ColumnMapping]:
    try:
        data = json.loads(get_setting(session, MAPPINGS) or "{}")
    except ValueError:
        return {}
    found = {}
    for value in data.values() if isinstance(data, dict) else ():
        mapping = ColumnMapping.from_json(value)
        if mapping is not None:
            found[mapping.name] = mapping
    return found


def mappings(db: Database) -> dict[str, ColumnMapping]:
    """The presets, then the mappings saved here (a saved one may not take a preset's name)."""
    with db.reading() as session:
        return {**PRESETS, **{k: v for k, v in _saved(session).items() if k not in PRESETS}}


def save_mapping(db: Database, mapping: ColumnMapping) -> None:
    """Save (or replace) a mapping under its name; a preset's name is refused."""
    name = mapping.name.strip()
    if not name or name in PRESETS or len(name) > 60:
        raise UsageError(Problem("recs.mapping_name", {"name": name[:60]}, "mapping"))
    if not mapping.columns.get("text_en"):
        raise UsageError(Problem("value.required", {}, "text_en"))
    with db.unit_of_work() as session:
        require_focal_point(session)
        saved = {k: v.to_json() for k, v in _saved(session).items()}
        saved[name] = ColumnMapping(name, mapping.columns, mapping.number_in_text,
                                    mapping.states_in_text).to_json()
        set_setting(session, MAPPINGS, json.dumps(saved, ensure_ascii=False, sort_keys=True))
        audit(session, "catalog.mapping_saved", "mapping", None, name=name,
              columns=mapping.columns)


def mapping_named(db: Database, name: str | None) -> ColumnMapping:
    """The mapping called name (default: the UPR matrix preset), or wrong usage."""
    found = mappings(db)
    key = (name or "upr-matrix").strip()
    if key not in found:
        raise UsageError(Problem("recs.mapping_unknown",
                                 {"name": key[:60], "known": ", ".join(found)}, "mapping"))
    return found[key]


# --- preview and apply -----------------------------------------------------------------


def _lines(values: tuple[str, ...]) -> str:
    return "\n".join(values)


def _values(row: ListedRecommendation, existing: Recommendation | None,
            has_vietnamese: bool) -> dict[str, object]:
    text_vi = row.text_vi if has_vietnamese and row.text_vi else (
        existing.text_vi if existing is not None else row.text_en)
    return {"paragraph": row.number, "response": row.response,
            "sdg_targets": " ".join(row.sdgs), "text_en": row.text_en, "text_vi": text_vi,
            "states": _lines(row.states), "themes": _lines(row.themes),
            "affected_persons": _lines(row.affected)}


def _source(session: Session, code: str) -> Source:
    source = session.exec(select(Source).where(col(Source.code) == code.strip())).first()
    if source is None or source.retired:
        raise UsageError(Problem("recs.source_unknown", {"code": code.strip()[:40]},
                                 "source"))
    return source


def _existing(session: Session, source: Source) -> tuple[dict[str, Recommendation],
                                                           dict[str, Recommendation]]:
    recs = list(session.exec(select(Recommendation).where(
        col(Recommendation.source_id) == source.id)))
    by_paragraph = {r.paragraph: r for r in recs if r.paragraph}
    by_code = {r.code: r for r in session.exec(select(Recommendation))}
    return by_paragraph, by_code


def _plan(session: Session, preview: ListPreview, source: Source,
          rows: list[ListedRecommendation]) -> None:
    by_paragraph, by_code = _existing(session, source)
    matched: set[int] = set()
    for row in rows:
        code = f"{source.code}-{row.number}"
        existing = by_paragraph.get(row.number) or by_code.get(code)
        if existing is not None and existing.source_id != source.id:
            preview.problems.append(Problem("recs.code_taken", {"code": code}, "number"))
            continue
        if existing is None and len(code) > MAX_CODE:
            preview.problems.append(Problem("recs.number_bad", {"value": row.number},
                                            "number"))
            continue
        if existing is None:
            preview.planned.append(Planned(row, code, "new"))
            continue
        matched.add(existing.id or 0)
        values = _values(row, existing, preview.has_vietnamese)
        changed = tuple(k for k, v in values.items() if getattr(existing, k) != v)
        if existing.retired or existing.illustrative:
            changed += ("retired",) if existing.retired else ("illustrative",)
        preview.planned.append(Planned(row, existing.code,
                                       "changed" if changed else "unchanged", changed))
    preview.not_in_file = sum(1 for r in by_paragraph.values()
                              if (r.id or 0) not in matched and not r.retired)


def preview_list(db: Database, path: Path, source_code: str,
                 mapping: ColumnMapping) -> ListPreview:
    """What loading the file would do; nothing is written."""
    path = Path(path)
    with db.reading() as session:
        require_focal_point(session)
        source_code = _source(session, source_code).code
    read = read_list(path, mapping)
    preview = ListPreview(path, file_sha256(path), source_code, mapping,
                          problems=list(read.problems), notes=list(read.notes),
                          columns_absent=read.columns_absent,
                          has_vietnamese=read.has_vietnamese)
    with db.reading() as session:
        _plan(session, preview, _source(session, source_code), read.rows)
    return preview


def apply_list(db: Database, preview: ListPreview) -> ListApplied:
    """Write the preview's new and changed rows in one transaction, raising the catalog's
    version; a file changed since its preview is refused and nothing is written."""
    if file_sha256(preview.path) != preview.sha256:
        raise RefusedError(Problem("recs.file_changed", {"file": preview.path.name}))
    added = sum(1 for p in preview.planned if p.outcome == "new")
    changed = sum(1 for p in preview.planned if p.outcome == "changed")
    unchanged = len(preview.planned) - added - changed
    if not added and not changed:
        return ListApplied(0, 0, unchanged, None)
    with db.unit_of_work() as session:
        require_focal_point(session)
        source = _source(session, preview.source)
        fresh = ListPreview(preview.path, preview.sha256, preview.source, preview.mapping,
                            has_vietnamese=preview.has_vietnamese)
        _plan(session, fresh, source, [p.row for p in preview.planned])
        if [(p.code, p.outcome) for p in fresh.planned] != [
                (p.code, p.outcome) for p in preview.planned]:
            raise RefusedError(Problem("recs.catalog_changed", {"file": preview.path.name}))
        by_code = {r.code: r for r in session.exec(select(Recommendation))}
        for p in fresh.planned:
            if p.outcome == "unchanged":
                continue
            rec = by_code.get(p.code)
            values = _values(p.row, rec, fresh.has_vietnamese)
            if rec is None:
                rec = Recommendation(uuid=new_uuid(), code=p.code, source_id=source.id or 0,
                                     **values)  # type: ignore[arg-type]
            else:
                for name, value in values.items():
                    setattr(rec, name, value)
            rec.verified, rec.illustrative, rec.retired = True, False, False
            session.add(rec)
        version = (installed_version(session) or 0) + 1
        if version > MAX_VERSION:
            raise RefusedError(Problem("catalog.bad_version", {"found": version}))
        set_setting(session, CATALOG_VERSION, str(version))
        audit(session, "catalog.recommendations_loaded", "source", source.uuid, key=source.code,
              file=preview.path.name, sha256=preview.sha256, source=source.code,
              mapping=preview.mapping.name, added=added, changed_rows=changed,
              unchanged=unchanged, left_out=len(preview.problems), version=version)
        session.flush()
    return ListApplied(added, changed, unchanged, version)


@dataclass(frozen=True)
class SourceChoice:
    code: str
    symbol: str | None
    title_vi: str
    title_en: str

    def title(self, lang: str) -> str:
        return self.title_vi if lang == "vi" else self.title_en


def list_sources(db: Database) -> list[SourceChoice]:
    """The catalog's sources in force, for the choice of where a list goes."""
    with db.reading() as session:
        return [SourceChoice(s.code, s.symbol, s.title_vi, s.title_en)
                for s in session.exec(select(Source).where(col(Source.retired).is_(False))
                                      .order_by(col(Source.code)))]
