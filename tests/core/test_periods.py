"""Period states and the agency's lock: lock, unlock with a reason, edits refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, select

from desktop_app.core.domain.enums import PeriodState, Role
from desktop_app.core.domain.models import Agency, AuditEvent, Period, Submission, new_uuid, utc_now
from desktop_app.core.domain.validation import ActivityDraft
from desktop_app.core.problems import RefusedError, UsageError
from desktop_app.core.services import activities
from desktop_app.core.services.periods import (
    lock_period,
    period_facts,
    period_state,
    unlock_period,
)
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

YEAR = 2026


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "agency.sqlite")
    initialise(database, Role.AGENCY, "VLG", "Nguyễn Thị Hoà")
    yield database
    database.close()


@pytest.fixture()
def focal(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "focal.sqlite")
    initialise(database, Role.FOCAL_POINT)
    yield database
    database.close()


def _codes(error: pytest.ExceptionInfo[Exception]) -> list[str]:
    assert isinstance(error.value, RefusedError | UsageError)
    return [p.code for p in error.value.problems]


def _submit(db: Database, year: int) -> None:
    """A register entry as an export makes it (the export itself is another service)."""
    with db.unit_of_work() as session:
        agency = session.exec(select(Agency).where(col(Agency.code) == "VLG")).one()
        period = session.exec(select(Period).where(col(Period.year) == year)).one()
        session.add(Submission(uuid=new_uuid(), agency_id=agency.id or 0,
                               period_id=period.id or 0, version=1, content_hash="0" * 64,
                               created_at=utc_now()))


def _events(db: Database, action: str) -> list[dict[str, object]]:
    """The details of the audit events of one action, oldest first."""
    with db.reading() as session:
        return [json.loads(e.detail) for e in session.exec(
            select(AuditEvent).where(col(AuditEvent.action) == action)
            .order_by(col(AuditEvent.id)))]


def test_a_period_is_open_then_submitted_then_locked(db: Database) -> None:
    assert period_state(db, YEAR) is PeriodState.OPEN
    _submit(db, YEAR)
    assert period_state(db, YEAR) is PeriodState.SUBMITTED
    assert period_state(db, YEAR - 1) is PeriodState.OPEN
    lock_period(db, YEAR)
    assert period_state(db, YEAR) is PeriodState.LOCKED
    unlock_period(db, YEAR, "Bổ sung số liệu quý IV")
    assert period_state(db, YEAR) is PeriodState.SUBMITTED
    assert period_facts(db, YEAR).state is PeriodState.SUBMITTED


def test_an_open_period_can_be_locked_too(db: Database) -> None:
    lock_period(db, YEAR)
    assert period_state(db, YEAR) is PeriodState.LOCKED
    assert _events(db, "period.locked") == [{"agency": "VLG", "period": YEAR}]


def test_locking_twice_is_refused_and_unlocking_an_open_period_too(db: Database) -> None:
    lock_period(db, YEAR)
    with pytest.raises(RefusedError) as twice:
        lock_period(db, YEAR)
    assert _codes(twice) == ["period.already_locked"]
    unlock_period(db, YEAR, "sửa lỗi")
    with pytest.raises(RefusedError) as again:
        unlock_period(db, YEAR, "sửa lỗi")
    assert _codes(again) == ["period.not_locked"]
    assert len(_events(db, "period.locked")) == 1
    assert len(_events(db, "period.unlocked")) == 1


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_unlocking_needs_a_reason(db: Database, reason: str) -> None:
    lock_period(db, YEAR)
    with pytest.raises(UsageError) as refused:
        unlock_period(db, YEAR, reason)
    assert _codes(refused) == ["period.reason_required"]
    assert period_state(db, YEAR) is PeriodState.LOCKED
    assert _events(db, "period.unlocked") == []


def test_the_reason_is_recorded_in_the_audit_trail(db: Database) -> None:
    lock_period(db, YEAR)
    unlock_period(db, YEAR, "  Bổ sung kết quả tập huấn tháng 12  ")
    assert _events(db, "period.unlocked") == [
        {"agency": "VLG", "period": YEAR, "reason": "Bổ sung kết quả tập huấn tháng 12"}]


def test_unknown_period_is_wrong_usage(db: Database) -> None:
    for call in (lambda: lock_period(db, 1999), lambda: period_state(db, 1999),
                 lambda: unlock_period(db, 1999, "x")):
        with pytest.raises(UsageError) as error:
            call()
        assert _codes(error) == ["period.unknown"]


def test_the_focal_point_has_no_periods_to_lock(focal: Database) -> None:
    with pytest.raises(RefusedError) as error:
        lock_period(focal, YEAR)
    assert _codes(error) == ["period.agency_only"]
    assert period_facts(focal, YEAR).state is None


def test_a_locked_period_refuses_edits_until_unlocked(db: Database) -> None:
    picks = activities.choices(db)
    draft = ActivityDraft(title="Hội nghị tuyên truyền", task_code=picks.tasks[0].code,
                          type="awareness", status="completed",
                          start_date=date(YEAR, 5, 1), end_date=date(YEAR, 5, 1))
    lock_period(db, YEAR)
    with pytest.raises(RefusedError) as error:
        activities.save_activity(db, draft, YEAR)
    assert _codes(error) == ["period.locked"]
    assert activities.list_activities(db, YEAR) == []
    unlock_period(db, YEAR, "Thêm hoạt động còn thiếu")
    activities.save_activity(db, draft, YEAR)
    assert len(activities.list_activities(db, YEAR)) == 1
