"""The submission workbook is the same file however its text is cleaned (issue 11).

The export cleans every text value once, as it reads the rows (``collect(clean=True)``),
and neither the content hash nor the writer cleans it again. These tests put text that
needs cleaning into the database (decomposed Vietnamese, Windows line ends, control
characters a workbook cannot hold, empty text, text that looks like a formula) and check
that the export is byte for byte the workbook the earlier way makes (raw rows, cleaned
by the hash pass and again by the writer), with the same content hash and data hash, and
that it still reads back, verifies and imports.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import col, select

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import Agency, Period, Submission
from desktop_app.core.exchange import xlsx_writer
from desktop_app.core.exchange.canonical import canonical_json, content_hash
from desktop_app.core.exchange.signing import SignatureState, verify_submission
from desktop_app.core.exchange.submission import SubmissionData
from desktop_app.core.exchange.xlsx_reader import read_submission
from desktop_app.core.progress import drive
from desktop_app.core.services import submission_data
from desktop_app.core.services import submissions as svc
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

YEAR = 2025
NOW = datetime(2026, 2, 3, 4, 5, 6, tzinfo=UTC)
NFD = unicodedata.normalize("NFD", "Hội thảo tập huấn Hoà Bình")


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setenv("NAP_REPORTER_HOME", str(tmp_path / "home"))
    database = Database.open(tmp_path / "agency.sqlite")
    initialise(database, Role.AGENCY, "VLG", "Nguyễn Thị Hoà")
    drive(fill_demo(database, activities=40, seed=11, period=YEAR))
    # Text the entry forms would never store, as another program or an old version might.
    with database.unit_of_work() as session:
        ids = [i for (i,) in session.execute(text("SELECT id FROM activity ORDER BY id"))]
        dirty = [
            {"title": NFD + "\x0b", "description": "Dòng một\r\nDòng hai\rba\x00",
             "outputs": "", "challenges": "=1+1", "next_steps": "Bước\x07 tiếp"},
            {"title": "@cuối", "description": "", "outputs": NFD + "\r\nhai",
             "challenges": "#N/A", "next_steps": "-5"},
        ]
        for row_id, values in zip(ids, dirty, strict=False):
            session.execute(text(
                "UPDATE activity SET title = :title, description = :description,"
                " outputs = :outputs, challenges = :challenges, next_steps = :next_steps"
                " WHERE id = :id"), {**values, "id": row_id})
        session.execute(text(
            "UPDATE indicator SET name = :name, unit = :unit WHERE id ="
            " (SELECT min(id) FROM indicator)"), {"name": "+" + NFD, "unit": "\x1fngười"})
        session.execute(text("UPDATE result SET note = :note WHERE id ="
                             " (SELECT min(id) FROM result)"), {"note": NFD + "\x0c"})
    yield database
    database.close()


def _raw_rows(db: Database) -> SubmissionData:
    with db.reading() as session:
        agency = session.exec(select(Agency).where(col(Agency.code) == "VLG")).one()
        period = session.exec(select(Period).where(col(Period.year) == YEAR)).one()
        return submission_data.collect(session, agency, period)


def test_the_export_is_the_file_the_raw_rows_make(db: Database, tmp_path: Path) -> None:
    ours = tmp_path / "ours.xlsx"
    prepared = drive(svc.export_xlsx(db, YEAR, ours, now=NOW))
    raw = _raw_rows(db)
    assert any("\r" in (a.description or "") for a in raw.activities)  # the rows are dirty
    # The hashes the earlier way takes: the raw rows, cleaned by the hash pass itself.
    assert prepared.meta.content_hash == content_hash(prepared.meta, raw)
    with db.reading() as session:
        registered = session.exec(select(col(Submission.data_hash))).one()
    # the register's data hash: the content hash of the metadata without its identity
    anonymous = replace(prepared.meta, submission_uuid="", version=0,
                        created_at=datetime(1970, 1, 1, tzinfo=UTC))
    assert registered == content_hash(anonymous, raw)
    # The workbook the earlier way writes: the raw rows, cleaned by the writer.
    earlier = tmp_path / "earlier.xlsx"
    drive(xlsx_writer.write_workbook(replace(prepared, data=raw), earlier))
    assert ours.read_bytes() == earlier.read_bytes()

    back = read_submission(ours)
    assert back.hash_ok and back.meta == prepared.meta
    assert verify_submission(back.meta).state is SignatureState.VALID
    first = next(a for a in back.data.activities if a.uuid == raw.activities[0].uuid)
    assert first.title == unicodedata.normalize("NFC", NFD)
    assert first.description == "Dòng một\nDòng hai\nba"
    assert first.outputs is None


def test_clean_rows_are_the_raw_rows_cleaned(db: Database) -> None:
    raw = _raw_rows(db)
    with db.reading() as session:
        agency = session.exec(select(Agency).where(col(Agency.code) == "VLG")).one()
        period = session.exec(select(Period).where(col(Period.year) == YEAR)).one()
        clean = submission_data.collect(session, agency, period, clean=True)
    assert canonical_json(clean, clean=False) == canonical_json(raw)
    assert [a.start_date for a in clean.activities] == [a.start_date for a in raw.activities]
    assert all(isinstance(a.start_date, date | None) for a in clean.activities)
    at = next(i for i, a in enumerate(raw.activities) if a.title == "@cuối")
    assert clean.activities[at].description is None  # empty text: None, as it is hashed
    assert clean.activities[at].outputs == unicodedata.normalize("NFC", NFD) + "\nhai"
    assert "người" in {i.unit for i in clean.indicators}
