"""The agencies that can report now, read from the bundled catalog without a database.

`nap-reporter agencies`, `init --agency CODE` and the window's first-run setup ask
for this list before any database exists, so it lives apart from the use cases
that write: importing it costs the catalog reader only, not the ORM (a quick
command stays quick; issue 11).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.core.catalog.document import Document, read_bundled_catalog
from desktop_app.core.domain.enums import AgencyKind
from desktop_app.core.domain.text import collation_key
from desktop_app.core.problems import UsageError

KIND_ORDER = [k.value for k in AgencyKind]


@dataclass(frozen=True)
class AgencyChoice:
    code: str
    kind: str
    name_vi: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


def agency_choices(doc: Document | None = None) -> list[AgencyChoice]:
    """The units that can report now: cities and provinces first, then the rest."""
    doc = doc if doc is not None else read_bundled_catalog()
    choices = [
        AgencyChoice(e["code"], e["kind"], e["name_vi"], e["name_en"])
        for e in doc.get("agencies", [])
        if e.get("active", True)
    ]
    return sorted(choices, key=lambda c: (KIND_ORDER.index(c.kind), collation_key(c.name_vi)))


def check_agency_code(code: str, doc: Document | None = None) -> AgencyChoice:
    for choice in agency_choices(doc):
        if choice.code == code.strip().upper():
            return choice
    raise UsageError.of("agency.unknown", code=code)
