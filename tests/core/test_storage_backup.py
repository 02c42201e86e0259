"""Backups rotate per database; restore checks a private copy before anything is replaced."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.paths import backups_dir
from desktop_app.core.problems import RefusedError
from desktop_app.core.progress import drive
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.backup import (
    KEEP_AUTOMATIC,
    KEEP_DAYS,
    automatic_backup,
    automatic_backups,
    backup_database,
    latest_backup,
    restore_database,
    rotate_backups,
)
from desktop_app.core.storage.database import Database

STAMP = "%Y%m%d-%H%M%S-%f"


@pytest.fixture(scope="module")
def _made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An agency database with a few activities and a focal-point one, made once."""
    folder = tmp_path_factory.mktemp("made")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAP_REPORTER_HOME", str(folder / "home"))
        made = {}
        for role, code in ((Role.AGENCY, "VLG"), (Role.FOCAL_POINT, None)):
            path = folder / f"{role.value}.sqlite"
            db = Database.open(path)
            try:
                initialise(db, role, code)
                if role is Role.AGENCY:
                    drive(fill_demo(db, activities=12, period=2025))
            finally:
                db.close()
            made[role.value] = path
    return made


def _copy(made: dict[str, Path], role: str, target: Path) -> Path:
    backup_database(made[role], target)
    return target


def _digest(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- rotation ----------------------------------------------------------------------------


def _fake_backups(source: Path, ages_days: list[float], now: datetime) -> list[Path]:
    """Backup files as automatic_backup names them, made ages_days ago."""
    made = automatic_backup(source, "before-import")  # a real one gives the name's prefix
    prefix = made.name[: made.name.index("-", len(source.stem) + 1)]
    made.unlink()
    paths = []
    for index, age in enumerate(ages_days):
        stamp = (now - timedelta(days=age, microseconds=index)).strftime(STAMP)
        path = backups_dir() / f"{prefix}-{stamp}-before-import.sqlite"
        path.write_bytes(b"")
        paths.append(path)
    return paths


def test_backups_rotate_per_database_keeping_ten_and_all_younger_than_thirty_days(
        tmp_path: Path) -> None:
    now = datetime.now()
    one, other = tmp_path / "one" / "agency.sqlite", tmp_path / "two" / "agency.sqlite"
    for path in (one, other):
        path.parent.mkdir()
        Database.open(path).close()
    young = [float(day) for day in range(0, 28, 2)]  # 14 copies, all younger than 30 days
    old = [40.0 + day for day in range(6)]  # 6 more, older
    paths = _fake_backups(one, young + old, now)
    others = _fake_backups(other, [90.0 + day for day in range(12)], now)
    assert len(automatic_backups(one)) == 20 and len(automatic_backups(other)) == 12

    removed = rotate_backups(one, now)
    assert sorted(removed) == sorted(paths[len(young):])  # the old ones beyond the ten
    assert len(young) > KEEP_AUTOMATIC and all(p.exists() for p in paths[:len(young)])
    assert all(p.exists() for p in others)  # another database's copies are its own

    removed = rotate_backups(other, now)  # all older than 30 days: the newest ten stay
    assert sorted(removed) == sorted(others[KEEP_AUTOMATIC:])
    kept = [p for _, p in automatic_backups(other)]
    assert sorted(kept) == sorted(others[:KEEP_AUTOMATIC])
    assert latest_backup(other) == others[0]
    assert KEEP_DAYS == 30


def test_an_automatic_backup_is_a_consistent_copy_and_the_latest_one_is_known(
        _made: dict[str, Path], tmp_path: Path) -> None:
    db = _copy(_made, "agency", tmp_path / "agency.sqlite")
    assert latest_backup(db) is None
    first = automatic_backup(db, "before-import")
    second = automatic_backup(db, "before-restore")
    assert latest_backup(db) == second and first.exists()
    assert _digest(second) == _digest(db)
    assert second.name.startswith("agency-") and second.name.endswith("-before-restore.sqlite")


# --- restore -----------------------------------------------------------------------------


def _break_a_page(path: Path) -> None:
    """Garbage over the middle pages: the header is fine, the b-trees are not."""
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.seek(4096 * 2)
        handle.write(b"\xa5" * (size - 4096 * 2))


def test_a_backup_that_fails_the_integrity_check_is_refused_before_anything_changes(
        _made: dict[str, Path], tmp_path: Path) -> None:
    db = _copy(_made, "agency", tmp_path / "agency.sqlite")
    backup = _copy(_made, "agency", tmp_path / "damaged.sqlite")
    _break_a_page(backup)
    raw, listing = backup.read_bytes(), _files(tmp_path)
    before = db.read_bytes()
    with pytest.raises(RefusedError) as caught:
        restore_database(backup, db)
    assert caught.value.problems[0].code == "db.backup_damaged"
    assert caught.value.problems[0].params["file"] == str(backup)
    assert db.read_bytes() == before
    assert backup.read_bytes() == raw and _files(tmp_path) == listing  # no copy left behind
    assert automatic_backups(db) == []  # not even the safety copy: nothing was to change


def test_a_backup_with_a_broken_foreign_key_is_refused(
        _made: dict[str, Path], tmp_path: Path) -> None:
    db = _copy(_made, "agency", tmp_path / "agency.sqlite")
    backup = _copy(_made, "agency", tmp_path / "orphan.sqlite")
    with sqlite3.connect(backup) as conn:  # foreign keys are off on a plain connection
        conn.execute("UPDATE activity SET task_id = 987654 WHERE id = "
                     "(SELECT min(id) FROM activity)")
    before = db.read_bytes()
    with pytest.raises(RefusedError) as caught:
        restore_database(backup, db)
    assert caught.value.problems[0].code == "db.backup_damaged"
    assert "foreign key: activity" in caught.value.problems[0].params["detail"]
    assert db.read_bytes() == before


@pytest.mark.parametrize(("backup_role", "target_role"), [
    ("focal-point", "agency"), ("agency", "focal-point")])
def test_a_backup_of_the_other_role_needs_to_be_accepted(
        _made: dict[str, Path], tmp_path: Path, backup_role: str, target_role: str) -> None:
    db = _copy(_made, target_role, tmp_path / "mine.sqlite")
    backup = _copy(_made, backup_role, tmp_path / "theirs.sqlite")
    before = db.read_bytes()
    with pytest.raises(RefusedError) as caught:
        restore_database(backup, db)
    problem = caught.value.problems[0]
    assert problem.code == "db.other_role"
    assert (problem.params["backup_role"], problem.params["role"]) == (backup_role, target_role)
    assert db.read_bytes() == before
    safety = restore_database(backup, db, accept_other_role=True)
    assert _digest(db) == _digest(backup)
    assert _digest(safety) == _digest(_made[target_role])


def test_restore_onto_an_empty_path_makes_the_database_from_the_checked_copy(
        _made: dict[str, Path], tmp_path: Path) -> None:
    backup = _copy(_made, "agency", tmp_path / "backup.sqlite")
    target = tmp_path / "new laptop" / "nap-reporter.sqlite"
    assert restore_database(backup, target) == target
    assert _files(target.parent) == ["nap-reporter.sqlite"]  # no temporary copy left
    assert _digest(target) == _digest(backup)
    assert automatic_backups(target) == []


def test_a_damaged_database_can_be_restored_over_and_is_kept_byte_for_byte(
        _made: dict[str, Path], tmp_path: Path) -> None:
    db = _copy(_made, "agency", tmp_path / "agency.sqlite")
    backup = _copy(_made, "agency", tmp_path / "good.sqlite")
    _break_a_page(db)
    damaged = db.read_bytes()
    safety = restore_database(backup, db)
    assert safety.read_bytes() == damaged
    assert _digest(db) == _digest(backup)
    assert _count(db, "activity") == 12


def test_a_damaged_database_names_its_latest_automatic_backup(
        _made: dict[str, Path], tmp_path: Path) -> None:
    from desktop_app.core.services.status import status

    db = _copy(_made, "agency", tmp_path / "agency.sqlite")
    newest = automatic_backup(db, "before-import")
    _break_a_page(db)
    with pytest.raises(RefusedError) as caught:
        opened = Database.open(db, create=False)
        try:
            status(opened)
        finally:
            opened.close()
    problem = caught.value.problems[0]
    assert (problem.code, problem.params) == (
        "db.damaged", {"file": str(db), "backup": str(newest)})
    shutil.copyfile(db, tmp_path / "no-backup.sqlite")
    with pytest.raises(RefusedError) as caught:
        Database.open(tmp_path / "no-backup.sqlite", create=False).close()
        opened = Database.open(tmp_path / "no-backup.sqlite", create=False)
        try:
            status(opened)
        finally:
            opened.close()
    assert caught.value.problems[0].code == "db.damaged_no_backup"


def test_restore_onto_a_database_another_program_holds_gives_busy_error(
        _made: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core.storage.engine import BusyError

    monkeypatch.setenv("NAP_BUSY_TIMEOUT_S", "0.5")
    db = _copy(_made, "agency", tmp_path / "agency.sqlite")
    backup = _copy(_made, "focal-point", tmp_path / "other.sqlite")
    before = _digest(db)
    told: list[float] = []
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(BusyError) as caught:
            restore_database(backup, db, accept_other_role=True, notice=told.append)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert caught.value.exit_code == 4 and told == [0.5]
    assert _digest(db) == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
