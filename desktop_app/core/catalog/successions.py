"""Former units whose fields were split between several successors (issue 14, item 7).

A former province has one successor and rolls up to it. A ministry dissolved in the 2025
reorganisation whose fields went to several ministries (Labour, Invalids and Social
Affairs: to Home Affairs, Health, Education and Training, Agriculture and Environment)
has none: it keeps its own code and history, and each of its activities counts for a
successor only through the activity's task, by the catalog's map (``split.tasks``, then
``split.areas`` for the task's area). An activity whose task the map does not name is
"not attributed": the views show it under the former unit itself, never under one
successor chosen by default.

The maps are catalog data that an update carries: installing a catalog (the bundled one,
or a signed update) stores its agencies' ``split`` entries whole in the settings table,
and ``catalog export`` writes them back onto the agencies, so a focal point that installs
a corrected map publishes it to every agency. The views read the installed maps
(``splits_in``); only a database that has installed no catalog since the maps were stored
(catalog 3 and before) falls back to the bundled catalog's. A stored value that cannot be
read gives no map at all: the former unit's activities stay under the unit itself, never
under one of its successors.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from desktop_app.core.catalog.document import Document, read_bundled_catalog
from desktop_app.core.storage.settings import get_setting, set_setting

# The settings key under which the installed catalog's split entries are kept, as JSON:
# former unit code -> its ``split`` object as the catalog gives it.
SPLITS_SETTING = "catalog_splits"


@dataclass(frozen=True)
class Split:
    """How one former unit's fields were shared out, with where that is said."""

    former: str  # the former unit's code
    successors: tuple[str, ...]  # every unit that took one of its fields
    tasks: Mapping[str, str] = field(default_factory=dict)  # task code -> successor code
    areas: Mapping[str, str] = field(default_factory=dict)  # area code -> successor code
    document: str = ""
    date: str = ""
    checked: str = "unchecked"

    def successor_for(self, task_code: str | None, area_code: str | None) -> str | None:
        """The successor the activity's task (else its area) counts for; None when the
        map does not say: not attributed."""
        if task_code and task_code in self.tasks:
            return self.tasks[task_code]
        if area_code and area_code in self.areas:
            return self.areas[area_code]
        return None


def splits_of(doc: Document) -> dict[str, Split]:
    """Former unit code -> its split, for the agencies of ``doc`` that have one."""
    found: dict[str, Split] = {}
    for entry in doc.get("agencies", []):
        raw: Any = entry.get("split")
        if not isinstance(raw, dict):
            continue
        code = str(entry["code"])
        found[code] = Split(
            code, tuple(str(s) for s in raw.get("successors") or []),
            {str(k): str(v) for k, v in (raw.get("tasks") or {}).items()},
            {str(k): str(v) for k, v in (raw.get("areas") or {}).items()},
            str(raw.get("document") or ""), str(raw.get("date") or ""),
            str(raw.get("checked") or "unchecked"))
    return found


@functools.cache
def bundled_splits() -> dict[str, Split]:
    """The bundled catalog's splits, read once per process."""
    return splits_of(read_bundled_catalog())


def split_entries(doc: Document) -> dict[str, dict[str, Any]]:
    """Former unit code -> its ``split`` object as ``doc`` gives it (only well-formed ones)."""
    return {str(entry["code"]): dict(entry["split"]) for entry in doc.get("agencies", [])
            if isinstance(entry.get("split"), dict)}


@functools.cache
def _bundled_split_entries() -> dict[str, dict[str, Any]]:
    return split_entries(read_bundled_catalog())


def store_splits(session: Session, doc: Document) -> None:
    """Keep ``doc``'s split entries as the installed ones (called when a catalog is applied:
    a newer catalog is the whole truth, so one without splits leaves none)."""
    set_setting(session, SPLITS_SETTING,
                json.dumps(split_entries(doc), ensure_ascii=False, sort_keys=True))


def installed_split_entries(session: Session) -> dict[str, dict[str, Any]]:
    """The installed catalog's split entries: those stored when it was applied, else (a
    database that has installed no catalog since they were stored) the bundled ones."""
    stored = get_setting(session, SPLITS_SETTING)
    if stored is None:
        return copy.deepcopy(_bundled_split_entries())
    try:
        raw = json.loads(stored)
    except ValueError:
        return {}
    if not isinstance(raw, dict):
        return {}
    return {str(k): v for k, v in raw.items() if isinstance(v, dict)}


def splits_in(session: Session) -> dict[str, Split]:
    """Former unit code -> its split, as the installed catalog gives them."""
    entries = installed_split_entries(session)
    return splits_of({"agencies": [{"code": code, "split": split}
                                   for code, split in entries.items()]})


def exportable_split(split: Mapping[str, Any], agencies: set[str], tasks: set[str],
                     areas: set[str]) -> dict[str, Any]:
    """``split`` as a published catalog may carry it: the successors and map entries that
    name units, tasks and areas it still lists (a retired one would make it refused)."""
    successors = [s for s in split.get("successors") or [] if s in agencies]
    out = dict(split, successors=successors)
    for part, known in (("tasks", tasks), ("areas", areas)):
        mapping = split.get(part)
        if isinstance(mapping, dict):
            out[part] = {k: v for k, v in mapping.items() if k in known and v in successors}
    return out
