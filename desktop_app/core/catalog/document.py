"""Reading and checking catalog documents (the bundled files or an update file).

Besides the fields every entry needs (``SECTIONS``), entries may carry optional
provenance keys (``CHECKED``, ``_check_provenance``): where the fact comes from, of
what date, whether it was checked against the document itself, and which of the
entry's fields are still to check. They are checked when present and never
required; the database keeps only the fields ``apply`` writes, so they live in the
catalog files (and in update files written by hand), not in ``catalog export``.

A published update carries the focal point's public key and a signature over
the canonical JSON of the whole document (every string NFC) without the
signature itself: catalog_signature checks it; which key to trust is the
installing service's business (services/catalog.py).
"""

from __future__ import annotations

import json
import os
import stat
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.core.paths import resources_dir
from desktop_app.core.problems import Problem, RefusedError

if TYPE_CHECKING:  # signing pulls in cryptography: only a catalog update needs it
    from desktop_app.core.exchange.signing import SignatureCheck

FORMAT = "nap-reporter-catalog"
FORMAT_VERSION = 1
# Catalog versions lie in 1…999,999: a forged 10**9 would make every genuine update older.
MAX_VERSION = 999_999
MAX_FILE_BYTES = 20 * 1024 * 1024

Entry = dict[str, Any]
Document = dict[str, Any]

# section -> (key field, required fields)
SECTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "agencies": ("code", ("code", "kind", "name_vi", "name_en")),
    "plans": ("code", ("code", "decision", "title_vi", "title_en")),
    "areas": ("code", ("code", "plan", "number", "title_vi", "title_en")),
    "sources": ("code", ("code", "kind", "title_vi", "title_en")),
    "recommendations": ("code", ("code", "source", "text_vi", "text_en")),
    "tasks": ("code", ("code", "plan", "number", "title_vi", "title_en")),
    "grades": ("code", ("code", "scale", "meaning_vi", "meaning_en")),
    "sdgs": ("number", ("number", "title_vi", "title_en")),
    "periods": ("year", ("year",)),
}

AGENCY_KINDS = {"city", "province", "ministry", "ministerial_agency", "central_body"}

# Optional provenance keys. Any entry may say which document it comes from
# (``document``, a symbol or decision number), of what ``date``, how it was ``checked``
# and which of its fields are ``to_check``; a few sections know more (below).
CHECKED = {
    "document",   # read in the named document itself
    "secondary",  # read in a secondary source (press, an NGO's account, a rule applying it)
    "unchecked",  # a summary or a recollection still to check against the document
}
LINKS_BASIS = {"decision", "project_reading"}  # who says a task serves those recommendations
PLAN_KINDS = {"iccpr", "upr"}
OPTIONAL_DATES: dict[str, tuple[str, ...]] = {
    "agencies": ("in_force_from", "in_force_until"),
    "sources": ("reviewed_on", "released_on"),
    "recommendations": ("follow_up_due",),
    "periods": ("data_from", "data_to"),
}


def stored_catalog_version(value: str | None) -> int | None:
    """The installed catalog's version from its setting; one above MAX_VERSION (a forged
    update installed before versions were bounded) counts as 0, so that the next genuine
    update applies."""
    if not value:
        return None
    version = int(value)
    return version if version <= MAX_VERSION else 0


def bundled_catalog_path() -> Path:
    return resources_dir() / "catalog" / "catalog.json"


def _read_json(path: Path) -> Any:
    try:  # a regular file only (a FIFO would block), and no more read than the cap
        mode = os.stat(path).st_mode
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise RefusedError.of("file.special", file=str(path))
        with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)), "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise RefusedError.of("catalog.too_large", file=str(path))
        return json.loads(data.decode("utf-8"))
    except FileNotFoundError as exc:
        raise RefusedError.of("file.not_found", file=str(path)) from exc
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise RefusedError.of("catalog.not_json", file=str(path), detail=str(exc)) from exc
    except OSError as exc:
        raise RefusedError.of("file.unreadable", file=str(path), detail=str(exc)) from exc


def read_catalog(path: Path) -> Document:
    """Read a catalog: a manifest with part files beside it, or one whole document."""
    doc = _read_json(path)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise RefusedError.of("catalog.not_catalog", file=str(path))
    parts = doc.pop("parts", None) or []
    for part_name in parts:
        part_path = (path.parent / str(part_name)).resolve()
        if part_path.parent != path.parent.resolve():
            raise RefusedError.of("catalog.bad_part", file=str(path), part=str(part_name))
        part = _read_json(part_path)
        if not isinstance(part, dict):
            raise RefusedError.of("catalog.bad_part", file=str(path), part=str(part_name))
        for section, entries in part.items():
            doc.setdefault(section, []).extend(entries if isinstance(entries, list) else [])
    problems = check_catalog(doc, str(path))
    if problems:
        raise RefusedError(*problems)
    return doc


def read_bundled_catalog() -> Document:
    return read_catalog(bundled_catalog_path())


def nfc_everywhere(value: Any) -> Any:
    """value with every string value in it in NFC: the form a catalog is read in."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc_everywhere(v) for v in value]
    if isinstance(value, dict):
        return {k: nfc_everywhere(v) for k, v in value.items()}
    return value


def catalog_signature(doc: Document) -> SignatureCheck:
    """The signature a catalog document (as read_catalog returns it) carries."""
    from desktop_app.core.exchange.signing import verify

    return verify(doc)


def check_catalog(doc: Document, file: str) -> list[Problem]:
    """Structure and references; the first problems found, at most a screenful."""
    problems: list[Problem] = []

    def bad(code: str, **params: Any) -> None:
        problems.append(Problem(code, {"file": file, **params}))

    if doc.get("format_version") != FORMAT_VERSION:
        bad("catalog.format_version", found=doc.get("format_version"), wanted=FORMAT_VERSION)
    version = doc.get("version")
    if (not isinstance(version, int) or isinstance(version, bool)
            or not 1 <= version <= MAX_VERSION):
        bad("catalog.bad_version", found=version)
    for section, (key, required) in SECTIONS.items():
        entries = doc.get(section, [])
        if not isinstance(entries, list):
            bad("catalog.bad_section", section=section)
            continue
        seen: set[Any] = set()
        for index, entry in enumerate(entries, start=1):
            if not isinstance(entry, dict):
                bad("catalog.bad_entry", section=section, index=index)
                continue
            for name in required:
                if entry.get(name) in (None, ""):
                    bad("catalog.missing_field", section=section, index=index, field=name)
            if entry.get(key) in seen:
                bad("catalog.duplicate", section=section, key=entry.get(key))
            seen.add(entry.get(key))
        if len(problems) > 20:
            return problems
    for k, v in list(doc.items()):
        doc[k] = nfc_everywhere(v)
    codes = {s: {e.get(SECTIONS[s][0]) for e in doc.get(s, [])} for s in SECTIONS}

    def refers(section: str, field: str, target: str, many: bool = False) -> None:
        for entry in doc.get(section, []):
            values = entry.get(field) or []
            for value in values if many else [values] if values else []:
                if value not in codes[target]:
                    bad("catalog.unknown_reference", section=section,
                        key=entry.get("code"), field=field, value=value)

    refers("areas", "plan", "plans")
    refers("tasks", "plan", "plans")
    refers("tasks", "area", "areas")
    refers("tasks", "recommendations", "recommendations", many=True)
    refers("recommendations", "source", "sources")
    refers("recommendations", "areas", "areas", many=True)
    refers("agencies", "successor", "agencies")
    _check_splits(doc, codes, bad)
    for entry in doc.get("agencies", []):
        if entry.get("kind") not in AGENCY_KINDS:
            bad("catalog.bad_value", section="agencies", key=entry.get("code"),
                field="kind", value=entry.get("kind"))
        code = entry.get("code")
        if not (isinstance(code, str) and code.isascii() and code.isalnum()):
            bad("catalog.bad_value", section="agencies", key=code, field="code", value=code)
    _check_provenance(doc, codes, bad)
    for entry in doc.get("periods", []):
        year = entry.get("year")
        if not isinstance(year, int) or not 1900 <= year <= 9999:
            bad("catalog.bad_value", section="periods", key=year, field="year", value=year)
        due = entry.get("due_date")
        if due is not None:
            try:
                date.fromisoformat(due)
            except (TypeError, ValueError):
                bad("catalog.bad_value", section="periods", key=year, field="due_date",
                    value=due)
    return problems


def _is_date(value: Any) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _check_provenance(doc: Document, codes: dict[str, set[Any]],
                      bad: Callable[..., None]) -> None:
    """The optional keys: right shape when present, references that exist."""
    for section, (key, _required) in SECTIONS.items():
        for entry in doc.get(section, []):
            name = entry.get(key)

            def wrong(field: str, value: Any, name: Any = name, section: str = section) -> None:
                bad("catalog.bad_value", section=section, key=name, field=field, value=value)

            if "document" in entry and not isinstance(entry["document"], str | None):
                wrong("document", entry["document"])
            for field in ("date", *OPTIONAL_DATES.get(section, ())):
                if entry.get(field) is not None and not _is_date(entry[field]):
                    wrong(field, entry[field])
            checked = entry.get("checked")
            if checked is not None and checked not in CHECKED:
                wrong("checked", checked)
            if checked == "unchecked" and entry.get("verified") is True:
                wrong("verified", True)  # a fact still to check is not verified
            to_check = entry.get("to_check")
            if to_check is not None and not (
                    isinstance(to_check, list)
                    and all(isinstance(f, str) and f in entry for f in to_check)):
                wrong("to_check", to_check)
    for entry in doc.get("plans", []):
        if entry.get("kind") is not None and entry["kind"] not in PLAN_KINDS:
            bad("catalog.bad_value", section="plans", key=entry.get("code"), field="kind",
                value=entry["kind"])
        for value in entry.get("implements") or []:
            if value not in codes["sources"]:
                bad("catalog.unknown_reference", section="plans", key=entry.get("code"),
                    field="implements", value=value)
    for entry in doc.get("sources", []):
        if entry.get("closed") is not None and not isinstance(entry["closed"], bool):
            bad("catalog.bad_value", section="sources", key=entry.get("code"), field="closed",
                value=entry["closed"])
        later = entry.get("superseded_by")
        if later is not None and later not in codes["sources"]:
            bad("catalog.unknown_reference", section="sources", key=entry.get("code"),
                field="superseded_by", value=later)
        for item in entry.get("documents") or []:
            if not (isinstance(item, dict) and isinstance(item.get("symbol"), str)
                    and (item.get("date") is None or _is_date(item["date"]))):
                bad("catalog.bad_value", section="sources", key=entry.get("code"),
                    field="documents", value=item)
    for entry in doc.get("tasks", []):
        basis = entry.get("links_basis")
        if basis is not None and basis not in LINKS_BASIS:
            bad("catalog.bad_value", section="tasks", key=entry.get("code"),
                field="links_basis", value=basis)
    for entry in doc.get("recommendations", []):
        for grade in entry.get("committee_grades") or []:
            if not (isinstance(grade, dict) and grade.get("grade") in codes["grades"]
                    and (grade.get("date") is None or _is_date(grade["date"]))
                    and isinstance(grade.get("verified", False), bool)):
                bad("catalog.bad_value", section="recommendations", key=entry.get("code"),
                    field="committee_grades", value=grade)
    for entry in doc.get("periods", []):
        start, end = entry.get("data_from"), entry.get("data_to")
        if _is_date(start) and _is_date(end) and start > end:
            bad("catalog.bad_value", section="periods", key=entry.get("year"),
                field="data_to", value=end)


def _check_splits(doc: Document, codes: dict[str, set[Any]],
                  bad: Callable[..., None]) -> None:
    """A split former unit (``split``, read by catalog/successions.py) names known units as
    its successors and maps known tasks and areas to one of them only."""
    for entry in doc.get("agencies", []):
        split = entry.get("split")
        if split is None:
            continue
        key = entry.get("code")
        if not isinstance(split, dict) or not isinstance(split.get("successors"), list):
            bad("catalog.bad_value", section="agencies", key=key, field="split", value=split)
            continue
        successors = split["successors"]
        for value in successors:
            if value not in codes["agencies"]:
                bad("catalog.unknown_reference", section="agencies", key=key,
                    field="split.successors", value=value)
        for part, target in (("tasks", "tasks"), ("areas", "areas")):
            mapping = split.get(part) or {}
            if not isinstance(mapping, dict):
                bad("catalog.bad_value", section="agencies", key=key, field=f"split.{part}",
                    value=mapping)
                continue
            for item, successor in mapping.items():
                if item not in codes[target]:
                    bad("catalog.unknown_reference", section="agencies", key=key,
                        field=f"split.{part}", value=item)
                if successor not in successors:
                    bad("catalog.unknown_reference", section="agencies", key=key,
                        field="split.successors", value=successor)
