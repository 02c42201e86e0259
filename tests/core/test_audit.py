"""The audit log: each write path leaves exactly its events, old -> new; a rolled-back
write leaves none; who is the OS user and the installation; pages and filters; the
0008 migration keeps the events written before it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import col, select

from desktop_app.core import paths
from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import AuditEvent, Recommendation
from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft
from desktop_app.core.problems import ValidationError
from desktop_app.core.services import activities as svc
from desktop_app.core.services import audit
from desktop_app.core.services.assessments import assess
from desktop_app.core.services.audit import AuditFilter, FieldChange, audit_page
from desktop_app.core.services.periods import lock_period, unlock_period
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.migrate import open_database
from desktop_app.core.storage.settings import AGENCY, INSTALLATION, get_setting, set_setting

YEAR = 2026


@pytest.fixture()
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Database]:
    monkeypatch.setattr(paths, "operating_user", lambda: "hoa.nguyen")
    monkeypatch.setattr(audit, "operating_user", lambda: "hoa.nguyen")
    database = Database.open(tmp_path / "agency.sqlite")
    initialise(database, Role.AGENCY, "VLG", "Nguyễn Thị Hoà")
    yield database
    database.close()


def _count(db: Database) -> int:
    return audit_page(db, limit=0).total


def _new_events(db: Database, before: int) -> list[audit.AuditRow]:
    page = audit_page(db, limit=1000)
    return list(reversed(page.rows[:page.total - before]))


def _draft(db: Database) -> ActivityDraft:
    picks = svc.choices(db)
    return ActivityDraft(
        title="Tập huấn về quyền dân sự", task_code=picks.tasks[0].code, type="training",
        status="in_progress", start_date=date(YEAR, 3, 1), budget_vnd=15_000_000,
        recommendation_codes=[picks.recommendations[0].code],
        indicators=[IndicatorDraft(name="Số người", unit="người", target=120.0,
                                   result=90.0)])


def test_an_activity_created_updated_and_deleted_leaves_its_fields_old_to_new(
        db: Database) -> None:
    before = _count(db)
    uuid = svc.save_activity(db, _draft(db), YEAR)
    draft = svc.load_draft(db, uuid)
    draft.status, draft.budget_vnd = "completed", 20_000_000
    draft.indicators[0].result = 120.0
    draft.indicators[0].name = "Số người được tập huấn"
    svc.save_activity(db, draft, YEAR)
    svc.delete_activity(db, uuid, YEAR)
    created, saved, deleted = _new_events(db, before)

    assert (created.action, created.entity, created.entity_uuid) == (
        "activity.created", "activity", uuid)
    assert created.entity_key == "Tập huấn về quyền dân sự"
    assert (created.actor, created.role, created.agency_code) == ("hoa.nguyen", "agency", "VLG")
    with db.reading() as session:
        assert created.installation == get_setting(session, INSTALLATION) != ""
    fields = {c.field: (c.old, c.new) for c in created.changes}
    assert fields["title"] == (None, "Tập huấn về quyền dân sự")
    assert fields["start_date"] == (None, "2026-03-01")
    assert fields["indicator[Số người].result"] == (None, 90.0)

    assert saved.action == "activity.saved"
    assert {c.field: (c.old, c.new) for c in saved.changes} == {
        "status": ("in_progress", "completed"),
        "budget_vnd": (15_000_000, 20_000_000),
        "indicator[Số người được tập huấn].name": ("Số người", "Số người được tập huấn"),
        "indicator[Số người được tập huấn].result": (90.0, 120.0),
    }

    assert deleted.action == "activity.deleted" and deleted.entity_uuid == uuid
    gone = {c.field: (c.old, c.new) for c in deleted.changes}
    assert gone["status"] == ("completed", None) and gone["budget_vnd"] == (20_000_000, None)
    assert gone["indicator[Số người được tập huấn].result"] == (120.0, None)


def test_a_refused_or_rolled_back_write_leaves_no_event(db: Database) -> None:
    before = _count(db)
    bad = _draft(db)
    bad.title = ""
    with pytest.raises(ValidationError):
        svc.save_activity(db, bad, YEAR)
    with pytest.raises(RuntimeError), db.unit_of_work() as session:
        audit.record(session, "activity.saved", "activity", None, key="x")
        raise RuntimeError("the change failed after its event was added")
    assert _count(db) == before


def test_a_period_lock_and_unlock_say_old_to_new_and_why(db: Database) -> None:
    before = _count(db)
    lock_period(db, YEAR)
    unlock_period(db, YEAR, "Bổ sung số liệu quý IV")
    locked, unlocked = _new_events(db, before)
    assert (locked.action, locked.entity_key) == ("period.locked", f"VLG {YEAR}")
    assert locked.changes == (FieldChange("locked", False, True),)
    assert unlocked.changes == (FieldChange("locked", True, False),)
    assert unlocked.detail["reason"] == "Bổ sung số liệu quý IV"


def test_an_assessment_recorded_then_replaced(tmp_path: Path) -> None:
    focal = Database.open(tmp_path / "focal.sqlite")
    try:
        initialise(focal, Role.FOCAL_POINT)
        before = _count(focal)
        with focal.reading() as session:
            code = session.exec(select(Recommendation.code).order_by(
                col(Recommendation.code))).first()
        assert code is not None
        outcome = assess(focal, code, "partially", "Đang sửa luật", YEAR)
        assess(focal, code, "fully", "Chậm", YEAR)
        recorded, replaced = _new_events(focal, before)
        assert recorded.entity_uuid == replaced.entity_uuid == outcome.row.uuid
        assert recorded.entity_key == replaced.entity_key == code
        assert recorded.role == "focal-point" and recorded.agency_code is None
        assert {c.field: (c.old, c.new) for c in replaced.changes} == {
            "implementation": ("partially", "fully"), "note": ("Đang sửa luật", "Chậm")}
    finally:
        focal.close()


def test_pages_and_filters(db: Database) -> None:
    for n in range(5):
        svc.save_activity(db, ActivityDraft(**{**_draft(db).__dict__,
                                               "title": f"Hoạt động số {n}"}), YEAR)
    lock_period(db, YEAR)
    every = audit_page(db, limit=3)
    assert len(every.rows) == 3 and every.total == _count(db)
    assert every.rows[0].action == "period.locked"  # newest first
    second = audit_page(db, offset=3, limit=3)
    assert {r.uuid for r in second.rows}.isdisjoint(r.uuid for r in every.rows)
    found = audit_page(db, AuditFilter(text="số 3"))
    assert [r.entity_key for r in found.rows] == ["Hoạt động số 3"]
    assert audit_page(db, AuditFilter(entity="activity")).total == 5
    assert audit_page(db, AuditFilter(text="100%_")).total == 0  # LIKE's signs are text
    assert "activity" in audit.audit_entities(db)


def test_the_database_role_comes_from_the_session_when_a_server_names_one(
        db: Database) -> None:
    with db.unit_of_work() as session:
        session.info[audit.DATABASE_ROLE] = "analyst_lan"
        audit.record(session, "test.event")
    assert audit_page(db, limit=1).rows[0].database_role == "analyst_lan"


def test_the_operating_user_has_a_safe_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass

    def nobody() -> str:
        raise OSError("no user name")

    monkeypatch.setattr(getpass, "getuser", nobody)
    assert paths.operating_user() == "?"
    monkeypatch.setattr(getpass, "getuser", lambda: "  lan  ")
    assert paths.operating_user() == "lan"


def test_the_0008_migration_keeps_the_events_written_before_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    open_database(path, target="0007").engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO auditevent (uuid, at, action, entity, entity_uuid, detail) "
                     "VALUES ('e-1', '2026-01-02 03:04:05', 'period.locked', 'period', NULL, "
                     "'{\"agency\": \"VLG\", \"period\": 2025}')")
    migrated = Database.open(path)
    try:
        [row] = audit_page(migrated).rows
        assert (row.uuid, row.action, row.actor, row.entity_key, row.changes) == (
            "e-1", "period.locked", "", "", ())
        assert row.detail == {"agency": "VLG", "period": 2025}
        with migrated.engine.connect() as conn:
            columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(auditevent)")}
            indexes = {r[1] for r in conn.exec_driver_sql("PRAGMA index_list(auditevent)")}
        assert set(AuditEvent.model_fields) == columns
        assert {"ix_auditevent_at", "ix_auditevent_entity"} <= indexes
        with migrated.reading() as session:
            assert session.exec(select(AuditEvent).where(
                col(AuditEvent.uuid) == "e-1")).one().detail.startswith("{")
    finally:
        migrated.close()


def test_a_key_pinned_then_replaced_says_which_fingerprint_it_was_and_became(
        tmp_path: Path) -> None:
    from desktop_app.core.domain.models import Agency
    from desktop_app.core.exchange.signing import key_pair_from_private
    from desktop_app.core.services import keys

    old, new = (key_pair_from_private(bytes([n]) * 32) for n in (1, 2))
    focal = Database.open(tmp_path / "focal.sqlite")
    try:
        initialise(focal, Role.FOCAL_POINT)
        before = _count(focal)
        with focal.unit_of_work() as session:
            hni = session.exec(select(Agency).where(col(Agency.code) == "HNI")).one()
            keys.pin_key(session, hni.id or 0, old.public_raw, "HNI_v1.xlsx", "b-1")
        with focal.unit_of_work() as session:
            keys.replace_key(session, hni.id or 0, new.public_raw, "HNI_new.xlsx", "b-2")
        pinned, replaced = _new_events(focal, before)
        assert (pinned.action, pinned.entity_key) == ("key.pinned", "HNI")
        assert pinned.changes == (FieldChange("fingerprint", None, old.fingerprint),)
        assert replaced.changes == (
            FieldChange("fingerprint", old.fingerprint, new.fingerprint),)
    finally:
        focal.close()


def test_a_catalog_install_says_the_version_it_was_and_became(
        db: Database, tmp_path: Path) -> None:
    import json

    from desktop_app.core.catalog.document import read_bundled_catalog
    from desktop_app.core.catalog.export import signed_catalog
    from desktop_app.core.exchange.signing import key_pair_from_private
    from desktop_app.core.services.catalog import install_catalog_file

    doc = read_bundled_catalog()
    version = int(doc["version"])
    doc["version"] = version + 1
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps(signed_catalog(doc, key_pair_from_private(bytes(32)))),
                    encoding="utf-8")
    before = _count(db)
    install_catalog_file(db, path)
    installed, pinned = _new_events(db, before)
    assert (installed.action, installed.entity, installed.entity_key) == (
        "catalog.installed", "catalog", "catalog.json")
    assert installed.changes == (FieldChange("version", version, version + 1),)
    assert pinned.action == "catalog.key_pinned" and pinned.changes[0].old is None


def test_a_demo_fill_and_a_carry_over_are_one_event_each(db: Database) -> None:
    from desktop_app.core.progress import drive
    from desktop_app.core.services.demo import fill_demo

    before = _count(db)
    drive(fill_demo(db, activities=40, seed=3, period=YEAR))
    [demo] = _new_events(db, before)
    assert (demo.action, demo.entity_key, demo.detail["activities"]) == ("demo", str(YEAR), 40)
    before = _count(db)
    svc.carry_over(db, YEAR, YEAR + 1)
    [carried] = _new_events(db, before)
    assert carried.action == "activity.carried_over" and carried.detail["count"] > 0


def test_an_event_names_the_installation_as_the_transaction_sees_it(db: Database) -> None:
    """The role, agency and installation are read once a transaction for its events, and
    a setting changed in the same transaction is what the next event names."""
    with db.unit_of_work() as session:
        first = audit.record(session, "test.before", "setting")
        set_setting(session, AGENCY, "HNI")
        second = audit.record(session, "test.after", "setting")
    with db.unit_of_work() as session:
        third = audit.record(session, "test.later", "setting")
        installation = get_setting(session, INSTALLATION)
    assert (first.role, first.agency_code) == ("agency", "VLG")
    assert (second.role, second.agency_code) == ("agency", "HNI")
    assert third.agency_code == "HNI"
    assert installation and {first.installation, second.installation,
                             third.installation} == {installation}
