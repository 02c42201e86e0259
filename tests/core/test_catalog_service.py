"""The focal point's own catalog changes: due dates and new periods raise the version
(on both engines)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.catalog.document import read_bundled_catalog
from desktop_app.core.domain.enums import Role
from desktop_app.core.problems import RefusedError
from desktop_app.core.services import catalog
from desktop_app.core.services.catalog import export_catalog
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from tests import pg


def _db(tmp_path: Path, role: Role, name: str) -> Database:
    db = Database.open(tmp_path / name)
    initialise(db, role, "VLG" if role is Role.AGENCY else None)
    return db


@pytest.fixture()
def focal(focal_where: str) -> Iterator[Database]:
    """A focal point's database, on SQLite and on PostgreSQL."""
    db = pg.open_location(focal_where, create=False)
    yield db
    db.close()


def test_due_dates_raise_the_version_and_reach_the_agencies(focal: Database,
                                                            tmp_path: Path) -> None:
    before = {p.year: p.due_date for p in catalog.periods(focal)}
    newer = read_bundled_catalog()["version"] + 1
    version = catalog.set_due_dates(focal, {2026: date(2027, 1, 10), 2031: date(2032, 1, 15)})
    assert version == newer
    after = {p.year: p.due_date for p in catalog.periods(focal)}
    assert after[2026] == date(2027, 1, 10) and after[2031] == date(2032, 1, 15)
    assert len(after) == len(before) + 1
    # asking for what is already there changes nothing, not even the version
    assert catalog.set_due_dates(focal, {2026: date(2027, 1, 10)}) is None

    published = tmp_path / "update.json"
    assert export_catalog(focal, published) == newer
    assert json.loads(published.read_text(encoding="utf-8"))["version"] == newer
    agency = _db(tmp_path, Role.AGENCY, "agency.sqlite")
    try:
        change = catalog.install_catalog_file(agency, published)
        assert change.applied and change.version == newer
        assert {p.year: p.due_date for p in catalog.periods(agency)} == after
    finally:
        agency.close()


def test_only_the_focal_point_sets_due_dates(tmp_path: Path) -> None:
    agency = _db(tmp_path, Role.AGENCY, "agency.sqlite")
    try:
        with pytest.raises(RefusedError):
            catalog.set_due_dates(agency, {2026: date(2027, 1, 10)})
    finally:
        agency.close()
