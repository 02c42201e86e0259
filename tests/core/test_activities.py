"""Recording activities through the services: save, load, update, delete, carry over."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, select

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import (
    Agency,
    AgencyPeriod,
    Indicator,
    Recommendation,
    Result,
    Task,
)
from desktop_app.core.domain.text import fold
from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft, validate_draft
from desktop_app.core.problems import RefusedError, ValidationError
from desktop_app.core.services import activities as svc
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

YEAR = 2026


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "agency.sqlite")
    initialise(database, Role.AGENCY, "VLG", "Nguyễn Thị Hoà")
    yield database
    database.close()


def _draft(db: Database, **changes: object) -> ActivityDraft:
    picks = svc.choices(db)
    draft = ActivityDraft(
        title="Tập huấn Ủy ban nhân dân xã về quyền dân sự",
        task_code=picks.tasks[0].code, type="training", status="in_progress",
        start_date=date(YEAR, 3, 1), end_date=date(YEAR, 3, 2), budget_vnd=15_000_000,
        recommendation_codes=[picks.recommendations[0].code],
        indicators=[IndicatorDraft(name="Số người được tập huấn", unit="người", target=120.0,
                                   result=90.0, result_note="Sơ bộ")],
    )
    for name, value in changes.items():
        setattr(draft, name, value)
    return draft


def test_save_then_list_and_load_round_trip(db: Database) -> None:
    uuid = svc.save_activity(db, _draft(db), YEAR)
    rows = svc.list_activities(db, YEAR)
    assert [r.uuid for r in rows] == [uuid]
    assert rows[0].indicators == 1 and rows[0].results == 1
    assert fold("uy ban") in rows[0].search_text
    loaded = svc.load_draft(db, uuid)
    assert loaded.title == "Tập huấn Ủy ban nhân dân xã về quyền dân sự"
    assert loaded.indicators[0].result == 90.0 and loaded.budget_vnd == 15_000_000


def test_update_replaces_links_and_indicators(db: Database) -> None:
    uuid = svc.save_activity(db, _draft(db), YEAR)
    draft = svc.load_draft(db, uuid)
    draft.title = "Đã đổi tên"
    draft.indicators[0].result = None
    draft.indicators.append(IndicatorDraft(name="Số lớp", unit="lớp", target=4.0))
    draft.recommendation_codes = []
    assert svc.save_activity(db, draft, YEAR) == uuid
    again = svc.load_draft(db, uuid)
    assert again.title == "Đã đổi tên" and again.recommendation_codes == []
    assert [i.name for i in again.indicators] == ["Số người được tập huấn", "Số lớp"]
    assert again.indicators[0].result is None
    with db.reading() as session:
        assert len(session.exec(select(Result)).all()) == 0


def test_an_invalid_draft_writes_nothing(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        svc.save_activity(db, _draft(db, title="", end_date=date(YEAR, 1, 1)), YEAR)
    assert {p.code for p in caught.value.problems} == {"value.required",
                                                       "date.end_before_start"}
    assert svc.list_activities(db, YEAR) == []


def test_delete_then_restore_with_the_same_uuid(db: Database) -> None:
    uuid = svc.save_activity(db, _draft(db), YEAR)
    deleted = svc.delete_activity(db, uuid, YEAR)
    assert svc.list_activities(db, YEAR) == []
    with db.reading() as session:
        assert session.exec(select(Indicator)).all() == []  # cascaded
    assert svc.save_activity(db, deleted, YEAR, keep_uuid=True) == uuid
    assert svc.load_draft(db, uuid).indicators[0].result == 90.0


def test_a_locked_period_refuses_changes(db: Database) -> None:
    uuid = svc.save_activity(db, _draft(db), YEAR)
    with db.unit_of_work() as session:
        agency = session.exec(select(Agency).where(Agency.code == "VLG")).one()
        period = svc._period(session, YEAR)
        session.add(AgencyPeriod(agency_id=agency.id or 0, period_id=period.id or 0,
                                 locked=True))
    with pytest.raises(RefusedError) as caught:
        svc.delete_activity(db, uuid, YEAR)
    assert caught.value.problems[0].code == "period.locked"
    assert len(svc.list_activities(db, YEAR)) == 1


def test_carry_over_copies_only_unfinished_work_once(db: Database) -> None:
    open_uuid = svc.save_activity(db, _draft(db), YEAR)
    svc.save_activity(db, _draft(db, status="completed", title="Xong"), YEAR)
    svc.save_activity(db, _draft(db, status="postponed", title="Hoãn"), YEAR)
    assert svc.carry_over_count(db, YEAR, YEAR + 1) == svc.CarryCount(2, 2)
    assert svc.carry_over(db, YEAR, YEAR + 1) == 2
    assert svc.carry_over_count(db, YEAR, YEAR + 1) == svc.CarryCount(2, 0)
    assert svc.carry_over(db, YEAR, YEAR + 1) == 0  # not twice
    svc.save_activity(db, _draft(db, status="in_progress", title="Mới"), YEAR)
    assert svc.carry_over_count(db, YEAR, YEAR + 1) == svc.CarryCount(3, 1)
    assert svc.carry_over(db, YEAR, YEAR + 1) == 1
    rows = svc.list_activities(db, YEAR + 1)
    assert len(rows) == 3 and open_uuid not in {row.uuid for row in rows}
    [row] = [row for row in rows if row.title == _draft(db).title]
    carried = svc.load_draft(db, row.uuid)
    assert carried.indicators[0].target == 120.0 and carried.indicators[0].result is None


def _retire(db: Database, table: type[Task] | type[Recommendation], code: str) -> None:
    with db.unit_of_work() as session:
        row = session.exec(select(table).where(col(table.code) == code)).one()
        row.retired = True
        session.add(row)


def test_the_editor_catalog_names_the_tasks_in_use_and_every_recommendation(
        db: Database) -> None:
    picks = svc.choices(db)
    task, rec = picks.tasks[0].code, picks.recommendations[0].code
    _retire(db, Task, task)
    _retire(db, Recommendation, rec)
    catalog = svc.activity_catalog(db)
    assert task not in catalog.task_codes
    assert catalog.task_codes == {t.code for t in picks.tasks} - {task}
    # an activity may keep its link to a recommendation retired since
    assert rec in catalog.recommendation_codes
    assert catalog.recommendation_codes >= {r.code for r in picks.recommendations}


def test_saving_checks_the_database_not_the_editors_snapshot(db: Database) -> None:
    draft = _draft(db)
    snapshot = svc.activity_catalog(db)
    assert validate_draft(draft, snapshot) == []
    _retire(db, Task, draft.task_code)  # a catalog update while the editor was open
    assert validate_draft(draft, snapshot) == []
    with pytest.raises(ValidationError) as caught:
        svc.save_activity(db, draft, YEAR)
    assert [(p.code, p.field) for p in caught.value.problems] == [("code.unknown_task", "task")]
    assert validate_draft(draft, svc.activity_catalog(db)) == list(caught.value.problems)
    assert svc.list_activities(db, YEAR) == []
