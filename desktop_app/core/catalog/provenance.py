"""Where each catalog item comes from, as the bundled catalog files say it.

The provenance keys (``document``, ``date``, ``checked``, ``to_check``; see document.py)
live in the catalog files, not in the database, so they are read from the bundled files
once per process. An item with none (one loaded from an official list, or an older
catalog's) is described by its ``verified`` flag alone, by the caller.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from desktop_app.core.catalog.document import SECTIONS, read_bundled_catalog


@dataclass(frozen=True)
class Provenance:
    document: str  # the symbol or decision it comes from; "" when not said
    on: date | None  # that document's date
    checked: str  # "document", "secondary", "unchecked"; "" when not said
    to_check: tuple[str, ...]  # the item's fields still to check

    @property
    def confirmed(self) -> bool:
        """Read in the document itself, nothing left to check."""
        return self.checked == "document" and not self.to_check


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@functools.cache
def bundled_provenance() -> dict[tuple[str, str], Provenance]:
    """(section, key) -> the provenance the bundled catalog gives the item."""
    doc = read_bundled_catalog()
    found = {}
    for section, (key, _) in SECTIONS.items():
        for entry in doc.get(section, []):
            if not any(k in entry for k in ("document", "date", "checked", "to_check")):
                continue
            to_check = entry.get("to_check")
            found[(section, str(entry.get(key)))] = Provenance(
                str(entry.get("document") or ""), _date(entry.get("date")),
                str(entry.get("checked") or ""),
                tuple(str(f) for f in to_check) if isinstance(to_check, list) else ())
    return found


def provenance_of(section: str, key: str) -> Provenance | None:
    return bundled_provenance().get((section, key))
