"""The words for a catalog item's provenance on the window's pages (issue 14, item 1).

Plans, areas, tasks and periods carry where they come from (document, date) and how they
were checked (catalog/provenance.py); the Areas/Tasks page marks each as checked against
the document, read in a secondary source, or still to check, and says which fields are
left to check. A paragraph number is shown only where the catalog gives one: none is
made up. The recommendations page keeps its own marks beside its columns.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop_app.core.catalog.provenance import Provenance, provenance_of
from desktop_app.ui import numbers


def item_provenance(section: str, key: str | int) -> Provenance | None:
    """The bundled catalog's provenance of one plan, area, task or period."""
    return provenance_of(section, str(key))


class ProvenanceMarks(QObject):
    """The words, in the window's language (a QObject for its tr() context)."""

    def checked_word(self, found: Provenance | None) -> str:
        """Checked / secondary source / to check; "–" when the catalog says nothing."""
        if found is None or not found.checked:
            return "–"
        if found.confirmed:
            return self.tr("Checked against the document")
        if found.checked == "secondary" and not found.to_check:
            return self.tr("Secondary source")
        return self.tr("To check")

    def _field(self, name: str) -> str:
        return {"decision": self.tr("decision number"), "signed_on": self.tr("date signed"),
                "title_vi": self.tr("Vietnamese title"), "title_en": self.tr("English title"),
                "starts": self.tr("first year"), "ends": self.tr("last year"),
                "due_date": self.tr("due date"), "data_from": self.tr("data range"),
                "data_to": self.tr("data range"), "paragraph": self.tr("paragraph"),
                "tasks": self.tr("tasks")}.get(name, name)

    def provenance_line(self, found: Provenance | None, paragraph: str | None = None) -> str:
        """ "1252/QĐ-TTg, 26/09/2019 — Secondary source; still to check: last year"."""
        if found is None:
            return self.tr("Where it comes from: not said in the catalog")
        parts = [found.document] if found.document else [self.tr("document not named")]
        if paragraph:
            parts.append(f"¶ {paragraph}")
        if found.on:
            parts.append(numbers.day(found.on))
        said = ", ".join(parts) + " — " + self.checked_word(found)
        fields = list(dict.fromkeys(self._field(f) for f in found.to_check))
        if fields:
            said += "; " + self.tr("still to check: %1").replace("%1", ", ".join(fields))
        return said
