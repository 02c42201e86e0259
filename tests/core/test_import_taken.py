"""A new version's identifiers that other rows already use: found by the insert's UNIQUE
indexes once the batch has begun (imports.TAKEN_AT_INSERT), or looked up before each
file is decided (the way a preview decides). Both ways give the same plans, the same log
and the same rows, on batches whose files borrow each other's identifiers (Hypothesis)."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.catalog.agencies import agency_choices
from desktop_app.core.domain.enums import AgencyKind, ImportOutcome, Role
from desktop_app.core.exchange.reading import SubmissionFile, read_file
from desktop_app.core.exchange.signing import generate_key_pair, sign_submission
from desktop_app.core.exchange.submission import PreparedSubmission, SubmissionData
from desktop_app.core.exchange.xlsx_writer import write_workbook
from desktop_app.core.problems import Problem
from desktop_app.core.progress import drive
from desktop_app.core.services import imports
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.submissions import export_xlsx
from desktop_app.core.storage.database import Database

YEAR = 2025
UNITS = 3
# what a file may borrow from another: (sheet, which identifier)
KINDS = ("activity", "indicator", "result")


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> tuple[SubmissionFile, Path]:
    folder = tmp_path_factory.mktemp("taken")
    db = Database.open(folder / "agency.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(fill_demo(db, activities=12, seed=5, period=YEAR))
    path = folder / "source.xlsx"
    drive(export_xlsx(db, YEAR, path))
    db.close()
    read = read_file(path)
    assert isinstance(read, SubmissionFile)
    assert any(i.result_uuid for i in read.data.indicators)
    focal = Database.open(folder / "focal.sqlite")
    initialise(focal, Role.FOCAL_POINT)
    focal.close()
    return read, folder / "focal.sqlite"


def _files(read: SubmissionFile, folder: Path, borrowed: list[tuple[int, int, str, int]],
           count: int = UNITS) -> list[Path]:
    """One signed file per unit; borrowed: (file, from file, kind, index) — that record of
    the file keeps the identifier the other file gives it."""
    units = [c for c in agency_choices() if c.kind in (AgencyKind.CITY, AgencyKind.PROVINCE)]
    units = sorted(units, key=lambda u: u.code)[:count]

    def ident(unit: int, old: str | None) -> str | None:
        code = units[unit].code
        return None if old is None else str(uuid.uuid5(uuid.NAMESPACE_OID, f"{code}:{old}"))

    source = read.data
    paths = []
    for index, unit in enumerate(units):
        owner: dict[tuple[str, int], int] = {
            (kind, at): other for file, other, kind, at in borrowed if file == index}
        activities = [replace(a, uuid=ident(owner.get(("activity", n), index), a.uuid))
                      for n, a in enumerate(source.activities)]
        renamed = {a.uuid: b.uuid for a, b in zip(source.activities, activities, strict=True)}
        indicators = [replace(
            i, uuid=ident(owner.get(("indicator", n), index), i.uuid),
            activity_uuid=renamed.get(i.activity_uuid) if i.activity_uuid else None,
            result_uuid=ident(owner.get(("result", n), index), i.result_uuid))
            for n, i in enumerate(source.indicators)]
        links = [replace(link, activity_uuid=renamed[link.activity_uuid])
                 for link in source.links]
        data = SubmissionData(activities, indicators, links)
        meta = replace(read.meta, agency_code=unit.code, agency_name_vi=unit.name_vi,
                       agency_name_en=unit.name_en, submission_uuid=str(uuid.uuid4()),
                       content_hash="")
        meta = sign_submission(generate_key_pair(), meta, data)
        path = folder / f"{unit.code}_{YEAR}_v1.xlsx"
        drive(write_workbook(PreparedSubmission(meta, data, True), path))
        paths.append(path)
    return paths


_TABLES = {
    "activity": "SELECT id, uuid, agency_id, task_id, title, search_text, submission_id "
                "FROM activity ORDER BY id",
    "indicator": "SELECT id, uuid, activity_id, task_id, name, submission_id FROM indicator "
                 "ORDER BY id",
    "result": "SELECT id, uuid, indicator_id, value FROM result ORDER BY id",
    "link": "SELECT activity_id, recommendation_id FROM activityrecommendation "
            "ORDER BY activity_id, recommendation_id",
    "submission": "SELECT id, uuid, agency_id, version, content_hash, superseded, signed "
                  "FROM submission ORDER BY id",
    "log": "SELECT file_name, outcome, agency_code, version, submission_uuid, problems, "
           "problem_count FROM importrecord ORDER BY id",
    "audit": "SELECT action, entity FROM auditevent ORDER BY id",  # a batch's uuid is new
}


def _imported(files: list[Path], focal: Path, at_insert: bool, monkeypatch: Any
              ) -> tuple[list[Any], dict[str, list[Any]]]:
    copy = focal.with_name(f"focal-{at_insert}.sqlite")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    copy.write_bytes(focal.read_bytes())
    monkeypatch.setattr(imports, "TAKEN_AT_INSERT", at_insert)
    db = Database.open(copy)
    try:
        summary = drive(imports.run_import(db, files))
    finally:
        db.close()
    with sqlite3.connect(copy) as connection:
        rows = {name: connection.execute(sql).fetchall() for name, sql in _TABLES.items()}
    return summary.plans, rows


@settings(max_examples=5, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, UNITS - 1), st.integers(0, UNITS - 1),
                          st.sampled_from(KINDS), st.integers(0, 3)), max_size=4))
def test_identifiers_found_at_insert_or_before_give_the_same_import(
        source: tuple[SubmissionFile, Path], tmp_path_factory: pytest.TempPathFactory,
        monkeypatch: pytest.MonkeyPatch, borrowed: list[tuple[int, int, str, int]]) -> None:
    read, focal = source
    folder = tmp_path_factory.mktemp("batch")
    files = _files(read, folder, [b for b in borrowed if b[0] != b[1]])
    before = _imported(files, focal, False, monkeypatch)
    after = _imported(files, focal, True, monkeypatch)
    assert after[0] == before[0]
    assert after[1] == before[1]


def test_a_later_file_using_an_earlier_ones_identifiers_is_refused_as_before(
        source: tuple[SubmissionFile, Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch has begun when the colliding file comes (the path that finds it at
    insert), and the file after it is written as usual."""
    read, focal = source
    result = next(n for n, i in enumerate(read.data.indicators) if i.result_uuid)
    files = _files(read, tmp_path, [(1, 0, "activity", 2), (2, 0, "result", result)], 4)
    plans, rows = _imported(files, focal, True, monkeypatch)
    outcomes = [p.outcome for p in plans]
    assert outcomes == [ImportOutcome.NEW, ImportOutcome.REFUSED, ImportOutcome.REFUSED,
                        ImportOutcome.NEW]
    taken_activity = read.data.activities[2].uuid
    first = [a for a in rows["activity"] if a[6] == rows["submission"][0][0]]
    assert plans[1].problems == (Problem("import.uuid_taken", {
        "file": files[1].name, "uuid": first[2][1], "count": 1}),)
    assert taken_activity != first[2][1]  # the first file's own (derived) identifier
    assert plans[2].problems[0].code == "import.uuid_taken"
    assert len(rows["submission"]) == 2
    assert len(rows["activity"]) == 2 * len(read.data.activities)
    assert [r[1] for r in rows["log"]] == ["new", "refused", "refused", "new"]
    before = _imported(files, focal, False, monkeypatch)
    assert (plans, rows) == before
