"""Installing a catalog update file (the command line and the window share this)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.catalog.apply import CatalogChange, apply_catalog
from desktop_app.core.catalog.document import read_catalog
from desktop_app.core.services.setup import audit
from desktop_app.core.storage.database import Database


def install_catalog_file(db: Database, path: Path) -> CatalogChange:
    """Check the whole file first, then apply it in one transaction if it is newer."""
    doc = read_catalog(Path(path))
    with db.unit_of_work() as session:
        change = apply_catalog(session, doc)
        if change.applied:
            audit(session, "catalog.installed", file=str(path), version=change.version,
                  previous=change.previous_version)
    return change
