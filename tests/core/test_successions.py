"""A former ministry split between several successors (issue 14, item 7): it keeps its own
code and history, and its activities count for a successor only through their task, or
stay "not attributed" — never all under one successor by default."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlmodel import col, select

from desktop_app.core.catalog.document import check_catalog, read_bundled_catalog
from desktop_app.core.catalog.successions import (
    SPLITS_SETTING,
    Split,
    bundled_splits,
    splits_in,
    splits_of,
)
from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import (
    Activity,
    ActivityRecommendation,
    Agency,
    Period,
    Recommendation,
    Task,
    TaskRecommendation,
    new_uuid,
)
from desktop_app.core.progress import drive
from desktop_app.core.services.agencies import AgencyDirectory
from desktop_app.core.services.consolidated import (
    activities_for_recommendation,
    by_recommendation,
    by_task,
)
from desktop_app.core.services.national_report import export_national_xlsx, national_report_data
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

YEAR = 2024  # the 2019 plan's period: the former ministry still had to report
NOW = datetime(2025, 1, 10, tzinfo=UTC)


def test_the_bundled_catalog_splits_labour_invalids_and_social_affairs() -> None:
    splits = bundled_splits()
    assert set(splits) == {"BLDTBXH"}
    molisa = splits["BLDTBXH"]
    assert set(molisa.successors) == {"BNV", "BYT", "BGDDT", "BNNMT"}
    assert molisa.document == "176/2025/QH15" and molisa.checked == "secondary"
    # only the task the sources let us tell is attributed; the rest are not
    assert dict(molisa.tasks) == {"QD1252-T11": "BYT"}
    assert molisa.successor_for("QD1252-T11", "QD1252-A3") == "BYT"
    assert molisa.successor_for("QD1252-T09", "QD1252-A3") is None
    assert molisa.successor_for(None, None) is None
    entry = next(a for a in read_bundled_catalog()["agencies"] if a["code"] == "BLDTBXH")
    assert entry["successor"] is None and entry["active"] is False


def test_an_area_map_applies_when_the_task_has_none() -> None:
    split = Split("X", ("A", "B"), {"T1": "A"}, {"AR2": "B"})
    assert split.successor_for("T1", "AR2") == "A"  # the task's own entry wins
    assert split.successor_for("T9", "AR2") == "B"
    assert split.successor_for("T9", "AR9") is None


def _unit(code: str, active: bool, successor: str | None = None) -> Agency:
    return Agency(uuid=code, code=code, kind="ministry", name_vi=code, name_en=code,
                  active=active, successor_code=successor)


def test_the_directory_attributes_through_the_task() -> None:
    directory = AgencyDirectory.of(
        [_unit("OLD", False), _unit("A", True), _unit("B", False, "C"), _unit("C", True),
         _unit("P", False, "A")],
        {"OLD": Split("OLD", ("A", "B"), {"T1": "A", "T2": "B"}, {"AR": "A"})})
    assert directory.rollup_code("OLD") == "OLD"  # rolls up to no single successor
    assert directory.attribute("OLD", "T1") is directory.get("A")
    assert directory.attribute("OLD", "T2") is directory.get("C")  # followed to the unit
    assert directory.attribute("OLD", "T3", "AR") is directory.get("A")
    assert directory.attribute("OLD", "T3", "OTHER") is None  # not attributed
    assert directory.attribute("P", "T3") is directory.get("A")  # one successor: rollup
    assert directory.attribute("A", None) is directory.get("A")
    assert directory.attribute("NOPE", "T1") is None


def test_the_catalog_refuses_a_split_naming_unknown_units_or_tasks() -> None:
    doc = read_bundled_catalog()
    doc["version"] = 1
    entry = next(a for a in doc["agencies"] if a["code"] == "BLDTBXH")
    entry["split"] = {"successors": ["BNV", "NOBODY"], "tasks": {"NO-TASK": "BNV",
                                                                 "QD1252-T11": "BTP"}}
    problems = [(p.code, p.params.get("field"), p.params.get("value"))
                for p in check_catalog(doc, "catalog.json")]
    assert ("catalog.unknown_reference", "split.successors", "NOBODY") in problems
    assert ("catalog.unknown_reference", "split.tasks", "NO-TASK") in problems
    assert ("catalog.unknown_reference", "split.successors", "BTP") in problems
    entry = next(a for a in doc["agencies"] if a["code"] == "BLDTBXH")  # the check copies
    entry["split"] = "BNV"
    assert any(p.params.get("field") == "split" for p in check_catalog(doc, "catalog.json"))
    assert splits_of({"agencies": [{"code": "Y", "split": "bad"}]}) == {}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A focal point with three activities of the former ministry in 2024: one on the
    trafficking task (attributed to Health), two on tasks the map does not name."""
    path: Path = tmp_path_factory.mktemp("successions") / "focal.sqlite"
    database = Database.open(path)
    initialise(database, Role.FOCAL_POINT)
    with database.unit_of_work() as session:
        molisa = session.exec(select(Agency).where(col(Agency.code) == "BLDTBXH")).one()
        period = session.exec(select(Period).where(col(Period.year) == YEAR)).one()
        tasks = {t.code: t for t in session.exec(select(Task))}
        recs = {r.id: r for r in session.exec(select(Recommendation))}
        for n, code in enumerate(["QD1252-T11", "QD1252-T09", "QD1252-T05"], start=1):
            task = tasks[code]
            activity = Activity(uuid=new_uuid(), agency_id=molisa.id or 0,
                                period_id=period.id or 0, task_id=task.id or 0,
                                title=f"Hoạt động {n}", type="training", status="completed")
            session.add(activity)
            session.flush()
            link = session.exec(select(TaskRecommendation).where(
                col(TaskRecommendation.task_id) == task.id)).first()
            if link is not None and link.recommendation_id in recs:
                session.add(ActivityRecommendation(activity_id=activity.id or 0,
                                                   recommendation_id=link.recommendation_id))
    yield database
    database.close()


def test_the_national_report_attributes_by_task_or_says_not_attributed(
        db: Database) -> None:
    report = national_report_data(db, YEAR, now=NOW)
    mine = {a.task_code: a for a in report.activities if a.agency.code == "BLDTBXH"}
    assert set(mine) == {"QD1252-T11", "QD1252-T09", "QD1252-T05"}
    assert (mine["QD1252-T11"].rollup.code, mine["QD1252-T11"].attributed) == ("BYT", True)
    for code in ("QD1252-T09", "QD1252-T05"):
        assert (mine[code].rollup.code, mine[code].attributed) == ("BLDTBXH", False)
    assert not any(a.rollup.code == "BNV" for a in report.activities)  # no default
    molisa = next(r for r in report.grid.rows if r.code == "BLDTBXH")
    assert set(molisa.split_between) == {"BNV", "BYT", "BGDDT", "BNNMT"}


def test_the_consolidated_views_attribute_by_task(db: Database) -> None:
    acting = {v.code: v.agencies for v in by_task(db, YEAR)}
    assert acting["QD1252-T11"] == 1 and acting["QD1252-T09"] == 1
    for view in by_recommendation(db, YEAR):
        if view.activities:
            assert "BNV" not in {a.code for a in view.agencies}
            for row in activities_for_recommendation(db, YEAR, view.code):
                assert row.attributed == (row.task_code == "QD1252-T11")
                assert row.rollup.code == ("BYT" if row.attributed else "BLDTBXH")


def test_the_workbook_says_not_attributed(db: Database, tmp_path: Path) -> None:
    path = drive(export_national_xlsx(db, YEAR, tmp_path / "national.xlsx", now=NOW))
    wb = load_workbook(path, read_only=True)
    try:
        annex = [tuple(r) for r in wb["Phụ lục hoạt động"].iter_rows(values_only=True)]
        grid = [tuple(r) for r in wb["Tình hình báo cáo"].iter_rows(values_only=True)]
    finally:
        wb.close()
    mine = {r[5]: r for r in annex if len(r) > 5 and r[3] == "BLDTBXH"}
    assert mine["QD1252-T11"][1:3] == ("BYT", "Bộ Y tế")
    for task in ("QD1252-T09", "QD1252-T05"):
        assert mine[task][1:3] == (None, "Chưa phân bổ cho cơ quan kế thừa")  # no code
    molisa = next(r for r in grid if len(r) > 5 and r[1] == "BLDTBXH")
    assert str(molisa[5]).startswith("Chia cho / split between: ")
    assert set(str(molisa[5]).split(": ")[1].split(", ")) == {"BNV", "BYT", "BGDDT", "BNNMT"}


def test_a_database_on_catalog_2_learns_the_split(tmp_path: Path) -> None:
    """Catalog 3 makes the split: an installation on 2 (Labour → Home Affairs) updates."""
    from desktop_app.core.catalog.apply import apply_catalog, installed_version
    from desktop_app.core.storage.settings import CATALOG_VERSION, set_setting

    database = Database.open(tmp_path / "focal.sqlite")
    try:
        initialise(database, Role.FOCAL_POINT)
        with database.unit_of_work() as session:
            molisa = session.exec(select(Agency).where(col(Agency.code) == "BLDTBXH")).one()
            molisa.successor_code = "BNV"  # as catalog 2 had it
            session.add(molisa)
            set_setting(session, CATALOG_VERSION, "2")
        with database.unit_of_work() as session:
            bundled = read_bundled_catalog()
            change = apply_catalog(session, bundled)
            assert change.applied and change.version == installed_version(session)
            assert change.version == bundled["version"]
            molisa = session.exec(select(Agency).where(col(Agency.code) == "BLDTBXH")).one()
            assert molisa.successor_code is None and not molisa.active
    finally:
        database.close()


def _molisa_split(doc: dict[str, Any]) -> dict[str, Any]:
    entry = next(a for a in doc["agencies"] if a["code"] == "BLDTBXH")
    return dict(entry["split"])


def test_an_installed_catalog_update_brings_its_own_split_map(tmp_path: Path) -> None:
    """The maps are catalog data: a newer catalog's map replaces the bundled one in the
    views, and a newer catalog without one leaves the former ministry under itself, never
    under one of its successors."""
    from desktop_app.core.catalog.apply import apply_catalog

    database = Database.open(tmp_path / "focal.sqlite")
    try:
        initialise(database, Role.FOCAL_POINT)
        with database.reading() as session:
            assert splits_in(session) == bundled_splits()  # stored when first installed
        update = read_bundled_catalog()
        update["version"] += 1
        entry = next(a for a in update["agencies"] if a["code"] == "BLDTBXH")
        entry["split"] = dict(entry["split"], tasks={"QD1252-T11": "BYT",
                                                     "QD1252-T09": "BGDDT"},
                              areas={"QD1252-A1": "BNV"})
        assert check_catalog(update, "update.json") == []
        with database.unit_of_work() as session:
            assert apply_catalog(session, update).applied
        directory = AgencyDirectory.load(database)
        gdd = directory.attribute("BLDTBXH", "QD1252-T09", "QD1252-A3")
        assert gdd is not None and gdd.code == "BGDDT"
        bnv = directory.attribute("BLDTBXH", "QD1252-T01", "QD1252-A1")
        assert bnv is not None and bnv.code == "BNV"  # the update's area map
        assert directory.attribute("BLDTBXH", "QD1252-T05", "QD1252-A2") is None
        with database.reading() as session:  # the per-session directory reads it too
            assert AgencyDirectory.from_session(session).splits["BLDTBXH"].tasks == {
                "QD1252-T11": "BYT", "QD1252-T09": "BGDDT"}
        without = read_bundled_catalog()
        without["version"] = update["version"] + 1
        for agency in without["agencies"]:
            agency.pop("split", None)
        with database.unit_of_work() as session:
            assert apply_catalog(session, without).applied
        directory = AgencyDirectory.load(database)
        assert directory.splits == {}
        itself = directory.attribute("BLDTBXH", "QD1252-T11")
        assert itself is not None and itself.code == "BLDTBXH"  # under itself, no successor
    finally:
        database.close()


def test_a_database_without_stored_maps_uses_the_bundled_ones(tmp_path: Path) -> None:
    """A database that installed catalog 3 or before kept no maps: the bundled ones stand
    in; a stored value that cannot be read attributes nothing."""
    from desktop_app.core.domain.models import Setting

    database = Database.open(tmp_path / "agency.sqlite")
    try:
        initialise(database, Role.FOCAL_POINT)
        with database.unit_of_work() as session:
            session.delete(session.get(Setting, SPLITS_SETTING))
        with database.reading() as session:
            assert splits_in(session) == bundled_splits()
        for broken in ("{not json", "[1, 2]", '{"BLDTBXH": "BNV"}'):
            with database.unit_of_work() as session:
                row = session.get(Setting, SPLITS_SETTING) or Setting(key=SPLITS_SETTING,
                                                                      value="")
                row.value = broken
                session.add(row)
            with database.reading() as session:
                assert splits_in(session) == {}, broken
    finally:
        database.close()


def test_the_exported_catalog_carries_the_installed_map(tmp_path: Path) -> None:
    from desktop_app.core.catalog.export import catalog_document

    database = Database.open(tmp_path / "focal.sqlite")
    try:
        initialise(database, Role.FOCAL_POINT)
        with database.reading() as session:
            doc = catalog_document(session)
        assert _molisa_split(doc) == _molisa_split(read_bundled_catalog())
        assert check_catalog(doc, "export.json") == []
        with database.unit_of_work() as session:  # a task retired since: left off the map
            task = session.exec(select(Task).where(col(Task.code) == "QD1252-T11")).one()
            task.retired = True
            session.add(task)
        with database.reading() as session:
            doc = catalog_document(session)
        assert _molisa_split(doc)["tasks"] == {}
        assert check_catalog(doc, "export.json") == []
    finally:
        database.close()
