"""Former units whose fields were split between several successors (issue 14, item 7).

A former province has one successor and rolls up to it. A ministry dissolved in the 2025
reorganisation whose fields went to several ministries (Labour, Invalids and Social
Affairs: to Home Affairs, Health, Education and Training, Agriculture and Environment)
has none: it keeps its own code and history, and each of its activities counts for a
successor only through the activity's task, by the catalog's map (``split.tasks``, then
``split.areas`` for the task's area). An activity whose task the map does not name is
"not attributed": the views show it under the former unit itself, never under one
successor chosen by default.

The database keeps the catalog's core agency fields only, so the maps are read from the
bundled catalog, once per process, as the units' terms in force are
(``services/completeness.unit_terms``).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop_app.core.catalog.document import Document, read_bundled_catalog


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
