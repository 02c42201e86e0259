"""A read file's rows as a database image (services/import_image): made by the reading
child, copied in by the writer. Its columns come back exactly as the reader gave them;
values that would not come back get no image; images of any size attached in turn on one
connection are read right; and the rows the writer copies from an image are the rows it
writes from the columns, field for field."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.domain.enums import Role
from desktop_app.core.exchange.submission import (
    ACTIVITIES,
    ColumnData,
    stored_rows,
)
from desktop_app.core.progress import drive
from desktop_app.core.services import import_apply, import_image, import_reading
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.import_apply import _attached_image
from desktop_app.core.services.import_image import (
    LAYOUT,
    NAMES,
    ImageRows,
    columns_of,
    image_of,
    period_of,
)
from desktop_app.core.services.import_plan import Write, row_rules
from desktop_app.core.services.import_reading import read_files
from desktop_app.core.services.import_rules import CheckedSubmission
from desktop_app.core.services.import_state import catalog_of
from desktop_app.core.services.imports import run_import
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.submissions import export_xlsx
from desktop_app.core.storage.database import Database

YEAR = 2025
_TEXT = st.one_of(st.none(), st.sampled_from(["", "Ủy ban", "quyền\ncon người", 'a "b" \\c',
                                               "日本", "\t"]), st.text(max_size=8))
_NUMBER = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False),
                    st.integers(-(2**63), 2**63 - 1))
_DAY = st.one_of(st.none(), st.dates())


@st.composite
def _columns(draw: st.DrawFn) -> tuple[Any, list[str]]:
    """Columns as a reader could give them: activities, their indicators and links (an
    owner that is one of the file's activities, or none), any texts, numbers and days."""
    count = draw(st.integers(0, 6))
    uuids = [str(uuid.UUID(int=draw(st.integers(0, 2**128 - 1)))) for _ in range(count)]
    uuids = list(dict.fromkeys(uuids))
    count = len(uuids)
    owner = st.sampled_from(uuids) if uuids else st.none()
    activities = [uuids] + [
        [draw(_DAY) if name.endswith("_date") else draw(_TEXT) if name not in (
            "women", "ethnic_minorities", "disabilities", "children", "budget_vnd")
         else draw(st.one_of(st.none(), st.integers(0, 10**15))) for _ in range(count)]
        for name in NAMES[0][1:]]
    indicators_count = draw(st.integers(0, 6))

    def indicator_value(name: str) -> Any:
        if name == "activity_uuid":
            return draw(st.one_of(st.none(), owner))
        if name in ("baseline", "target", "result"):
            return draw(_NUMBER)
        if name == "due_date":
            return draw(_DAY)
        return draw(_TEXT)

    indicators = [[indicator_value(name) for _ in range(indicators_count)]
                  for name in NAMES[1]]
    links_count = draw(st.integers(0, 6)) if uuids else 0
    links = [[draw(owner) for _ in range(links_count)],
             [draw(st.sampled_from(["CCPR-5", "UPR-1.2", "x"])) for _ in range(links_count)]]
    texts = [draw(st.text(max_size=10)) for _ in range(count)]
    return (activities, indicators, links), texts


@settings(max_examples=200, deadline=None)
@given(_columns(), st.integers(1, 9999))
def test_columns_come_back_as_the_reader_gave_them(made: tuple[Any, list[str]],
                                                   period: int) -> None:
    columns, texts = made
    image = image_of(columns, texts, period)
    assert image is not None
    assert period_of(image) == period
    back = columns_of(image)
    for given_kind, back_kind in zip(columns, back, strict=True):
        assert len(back_kind) == len(given_kind)
        for given_column, back_column in zip(given_kind, back_kind, strict=True):
            assert list(back_column) == list(given_column)
            assert list(map(type, back_column)) == list(map(type, given_column))


def _one_activity() -> tuple[list[list[Any]], list[list[Any]], list[list[Any]]]:
    activity = {name: None for name in NAMES[0]}
    activity.update(uuid="a" * 36, task_code="T1", title="t", type="x", status="y",
                    start_date=date(2025, 1, 2))
    indicator = {name: None for name in NAMES[1]}
    indicator.update(uuid="b" * 36, activity_uuid="a" * 36, name="n", unit="u", target=1.0)
    return ([[activity[n]] for n in NAMES[0]], [[indicator[n]] for n in NAMES[1]],
            [["a" * 36], ["CCPR-5"]])


def _changed(kind: int, name: str, value: Any) -> Any:
    columns = _one_activity()
    columns[kind][NAMES[kind].index(name)][0] = value
    return columns


@pytest.mark.parametrize(("columns", "texts"), [
    (_changed(1, "baseline", float("nan")), ["t"]),  # a NaN would come back NULL
    (_changed(0, "start_date", datetime(2025, 1, 2, 3, 4)), ["t"]),  # no plain day
    (_changed(0, "end_date", "2025-01-02"), ["t"]),
    (_changed(1, "activity_uuid", "c" * 36), ["t"]),  # an activity the file lacks
    (_changed(2, "activity_uuid", "c" * 36), ["t"]),
    (_changed(0, "title", "\ud800"), ["t"]),  # a lone surrogate: no UTF-8
    (_changed(0, "women", 2**70), ["t"]),  # beyond SQLite's integers
    (_changed(1, "target", [1]), ["t"]),  # a value of no reader's type
    (_one_activity(), []),  # a search text an activity
])
def test_values_that_would_not_come_back_get_no_image(columns: Any, texts: list[str]) -> None:
    assert image_of(columns, texts, YEAR) is None
    assert image_of(_one_activity(), ["t"], YEAR) is not None  # the same, sound


def test_no_image_where_sqlite_cannot_serialise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(import_image, "SERIALIZES", False)
    assert image_of(_one_activity(), ["t"], YEAR) is None


def test_images_of_other_sizes_attached_in_turn_are_read_right() -> None:
    """One connection keeps an attached database's schema while its cookie stays the same:
    every image lays its tables out alike, so each is read through its own pages."""
    images = []
    for count in (3, 200, 1, 60):
        columns = _one_activity()
        uuids = [f"{n:036d}" for n in range(count)]
        columns[0][0] = uuids
        for place in range(1, len(NAMES[0])):
            columns[0][place] = columns[0][place] * count
        columns[2][0], columns[2][1] = uuids, ["CCPR-5"] * count
        columns[1][1] = [uuids[0]]
        image = image_of(columns, ["t" * 50] * count, YEAR)
        assert image is not None
        images.append((count, image))
    connection = sqlite3.connect(":memory:")
    connection.execute("ATTACH DATABASE ':memory:' AS rows")
    for count, image in images + images[::-1]:
        connection.deserialize(image, name="rows")
        assert tuple(connection.execute(
            "SELECT name, rootpage FROM rows.sqlite_master ORDER BY rootpage")) == LAYOUT
        assert connection.execute("SELECT count(*) FROM rows.activities").fetchone() == (
            count,)
        assert connection.execute("SELECT count(*) FROM rows.links").fetchone() == (count,)
    connection.close()


def _exported(folder: Path, agency: str, activities: int, seed: int) -> Path:
    db = Database.open(folder / f"{agency}.sqlite")
    initialise(db, Role.AGENCY, agency)
    drive(fill_demo(db, activities=activities, seed=seed, period=YEAR))
    db.close()
    with sqlite3.connect(folder / f"{agency}.sqlite") as raw:  # a task's own indicator too
        agency_id, task_id, period_id = raw.execute(
            "SELECT agency_id, task_id, period_id FROM activity LIMIT 1").fetchone()
        raw.execute("INSERT INTO indicator (uuid, agency_id, activity_id, task_id, name, "
                    "unit, baseline, target, due_date) VALUES (?, ?, NULL, ?, "
                    "'Chỉ số của nhiệm vụ', 'lượt', NULL, 5.0, NULL)",
                    (str(uuid.uuid4()), agency_id, task_id))
        raw.execute("INSERT INTO result (uuid, indicator_id, period_id, value, note) "
                    "VALUES (?, last_insert_rowid(), ?, 3.0, '')",
                    (str(uuid.uuid4()), period_id))
    db = Database.open(folder / f"{agency}.sqlite")
    path = folder / f"{agency}_{YEAR}.xlsx"
    drive(export_xlsx(db, YEAR, path))
    db.close()
    return path


_TABLES = {"activity": "created_at, updated_at", "indicator": "", "result": "",
           "activityrecommendation": "", "submission": "received_at"}


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as raw:
        found = {}
        for table, left_out in _TABLES.items():
            names = [row[1] for row in raw.execute(f"PRAGMA table_info({table})")
                     if row[1] not in left_out.split(", ")]
            found[table] = raw.execute(
                f"SELECT {', '.join(names)} FROM {table} ORDER BY rowid").fetchall()
    return found


def test_rows_copied_from_images_are_the_rows_written_from_columns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = [_exported(tmp_path, "VLG", 30, 5), _exported(tmp_path, "TQG", 12, 6)]
    copies: list[int] = []
    copy = import_apply._copy_image

    def counted(*args: Any, **kwargs: Any) -> None:
        copies.append(1)
        copy(*args, **kwargs)

    monkeypatch.setattr(import_apply, "_copy_image", counted)
    found = {}
    for way in ("image", "columns"):
        copies.clear()
        if way == "columns":  # the children make no image: the columns travel
            monkeypatch.setattr(import_reading, "image_of", lambda *_: None)
        focal = Database.open(tmp_path / f"focal-{way}.sqlite")
        initialise(focal, Role.FOCAL_POINT)
        summary = drive(run_import(focal, files))  # two files: read in this process
        assert summary.accepted == 2
        focal.close()
        found[way] = _rows(tmp_path / f"focal-{way}.sqlite")
        assert len(copies) == (2 if way == "image" else 0)
    assert all(found["image"][table] for table in _TABLES)  # rows of every kind
    assert any(row[4] for row in found["image"]["indicator"])  # a task's own indicator
    assert found["image"] == found["columns"]


def test_an_image_for_another_period_or_catalog_is_not_copied(tmp_path: Path) -> None:
    path = _exported(tmp_path, "VLG", 10, 8)
    focal = Database.open(tmp_path / "focal.sqlite")
    initialise(focal, Role.FOCAL_POINT)
    with focal.reading() as session:
        catalog = catalog_of(session)
    (read,) = list(read_files([path], readers=0, rules=row_rules(catalog), images=True))
    assert isinstance(read, CheckedSubmission)
    stored = stored_rows(read.data)
    assert isinstance(stored, ImageRows) and isinstance(read.data, ColumnData)
    # for a server (or unasked) the same file comes as columns, and reads the same
    (plain,) = list(read_files([path], readers=0, rules=row_rules(catalog)))
    assert isinstance(plain, CheckedSubmission) and stored_rows(plain.data) is None
    assert plain.data == read.data and plain.search_texts == read.search_texts
    write = Write(1, catalog.periods[YEAR], YEAR, 1, "u", "h", "d", datetime.now(UTC),
                  read.data, (), False, False, path.name, search_texts=read.search_texts)
    a_task = next(iter({a.task_code for a in read.data.activities}))
    fewer = replace(catalog, tasks={code: task for code, task in catalog.tasks.items()
                                    if code != a_task})
    with focal.unit_of_work() as session:
        assert _attached_image(session, write, catalog) == sum(
            1 for i in read.data.indicators if i.result is not None)
        assert _attached_image(session, replace(write, period=YEAR + 1), catalog) is None
        assert _attached_image(session, write, fewer) is None
        assert _attached_image(session, replace(write, search_texts=()), catalog) is None
        session.rollback()
    assert stored.counts[ACTIVITIES] == 10
    focal.close()


def test_a_file_rolled_back_after_its_image_leaves_the_next_files_copied(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The temporary table of the catalog's ids goes with a rolled-back transaction; the
    next file's image is copied all the same."""
    from sqlalchemy.exc import OperationalError

    files = [_exported(tmp_path, "VLG", 6, 5), _exported(tmp_path, "TQG", 4, 6)]
    copy, calls = import_apply._copy_image, []

    def failing_once(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("INSERT", {}, sqlite3.OperationalError("disk I/O error"))
        copy(*args, **kwargs)

    monkeypatch.setattr(import_apply, "_copy_image", failing_once)
    focal = Database.open(tmp_path / "focal.sqlite")
    initialise(focal, Role.FOCAL_POINT)
    summary = drive(run_import(focal, files))  # in batch order: TQG, then VLG
    assert [plan.refused for plan in summary.plans] == [True, False]
    assert summary.plans[1].agency_code == "VLG"
    assert summary.plans[0].problems[0].code == "import.write_failed"
    assert len(calls) == 2
    focal.close()
    assert len(_rows(tmp_path / "focal.sqlite")["activity"]) == 6  # VLG's, from its image


def test_images_are_made_for_a_database_file_only(
        focal_where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server takes the rows as columns: its reading children make no image for it."""
    from desktop_app.cli import main

    files = [_exported(tmp_path, "VLG", 5, 5), _exported(tmp_path, "TQG", 3, 6)]
    made: list[int] = []
    make = import_reading.image_of

    def counted(*args: Any) -> bytes | None:
        made.append(1)
        return make(*args)

    monkeypatch.setattr(import_reading, "image_of", counted)
    assert main(["--db", focal_where, "import", *map(str, files)]) == 0  # read here
    assert len(made) == (0 if focal_where.startswith("postgresql") else 2)
