"""A locked period is locked on every write path (issue 10, item 7).

One check (``periods.ensure_open``) inside each path's transaction: activities,
indicators and results, carry-over, `demo`, an import of a file for a locked agency
and period, assessments; each refuses with exit 3 and a bilingual message, writing
nothing. A catalog update leaves a locked period's row (its due date) as it was.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft
from desktop_app.core.problems import RefusedError
from desktop_app.core.progress import drive
from desktop_app.core.services import activities, periods
from desktop_app.core.services.catalog import set_due_dates
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.submissions import export_xlsx
from desktop_app.core.storage.database import Database
from tests.cli.conftest import CliRunner

YEAR = 2025


def _sql(db: Path, query: str, *args: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query, args).fetchall()


def _count(db: Path, table: str) -> int:
    return int(_sql(db, f"SELECT count(*) FROM {table}")[0][0])  # noqa: S608


def _lock_row(db: Path, agency: str, year: int) -> None:
    """A lock as `period lock` stores it, for an agency the command cannot name here."""
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO agencyperiod (agency_id, period_id, locked, changed_at) "
                     "SELECT a.id, p.id, 1, '2026-01-01 00:00:00' FROM agency a, period p "
                     "WHERE a.code = ? AND p.year = ?", (agency, year))
    assert _sql(db, "SELECT count(*) FROM agencyperiod WHERE locked")[0][0] >= 1


def _refused_both_languages(run_err: str, year: int) -> None:
    lines = [line for line in run_err.splitlines() if line.strip()]
    assert len(lines) == 2, run_err
    assert all(str(year) in line for line in lines)
    assert "locked" in lines[0] and "khóa" in lines[1]


def test_demo_refuses_to_add_rows_into_a_locked_period(cli: CliRunner, agency_db: Path) -> None:
    assert cli("--db", agency_db, "demo", "--activities", "2", "--period", YEAR).code == 0
    before = _count(agency_db, "activity"), _count(agency_db, "indicator")
    assert cli("--db", agency_db, "period", "lock", YEAR).code == 0
    run = cli("--db", agency_db, "--lang", "en", "demo", "--activities", "3", "--period", YEAR)
    assert run.code == 3
    _refused_both_languages(run.err, YEAR)
    assert (_count(agency_db, "activity"), _count(agency_db, "indicator")) == before
    # another period is still open
    assert cli("--db", agency_db, "demo", "--activities", "1", "--period", YEAR + 1).code == 0


def _draft(db: Database) -> ActivityDraft:
    catalog = activities.activity_catalog(db)
    task = sorted(catalog.task_codes)[0]
    return ActivityDraft(title="Tập huấn", task_code=task, type="training",
                         status="in_progress", indicators=[IndicatorDraft(
                             name="Người tham gia", unit="người", target=10, result=7)])


def test_every_activity_path_refuses_a_locked_period(agency_db: Path) -> None:
    db = Database.open(agency_db)
    try:
        saved = activities.save_activity(db, _draft(db), YEAR)
        periods.lock_period(db, YEAR)
        counts = [_count(agency_db, t) for t in ("activity", "indicator", "result")]
        edited = activities.load_draft(db, saved)
        for attempt in (
            lambda: activities.save_activity(db, _draft(db), YEAR),  # new, with a result
            lambda: activities.save_activity(db, edited, YEAR),  # an edit
            lambda: activities.delete_activity(db, saved, YEAR),
            lambda: activities.carry_over(db, YEAR - 1, YEAR),
        ):
            with pytest.raises(RefusedError) as refused:
                attempt()
            assert refused.value.problems[0].code == "period.locked"
            assert refused.value.exit_code == 3
        assert [_count(agency_db, t) for t in ("activity", "indicator", "result")] == counts
        with pytest.raises(RefusedError):
            drive(fill_demo(db, activities=1, period=YEAR))
    finally:
        db.close()


def test_a_catalog_update_leaves_a_locked_periods_due_date(
        cli: CliRunner, agency_db: Path, focal_db: Path, tmp_path: Path) -> None:
    assert cli("--db", agency_db, "period", "lock", YEAR).code == 0
    before = _sql(agency_db, "SELECT due_date FROM period WHERE year = ?", YEAR)
    focal = Database.open(focal_db)
    try:  # the focal point moves two due dates and publishes its signed update
        assert set_due_dates(focal, dict.fromkeys((YEAR, YEAR + 1), date(2031, 6, 30)))
    finally:
        focal.close()
    published = tmp_path / "catalog.json"
    assert cli("--db", focal_db, "catalog", "export", "-o", published).code == 0
    run = cli("--db", agency_db, "catalog", "import", published)
    assert run.code == 0, run.err
    assert _sql(agency_db, "SELECT due_date FROM period WHERE year = ?", YEAR) == before
    assert _sql(agency_db, "SELECT due_date FROM period WHERE year = ?", YEAR + 1) == [
        ("2031-06-30",)]


@pytest.fixture
def submission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NAP_REPORTER_HOME", str(tmp_path / "home"))
    db = Database.open(tmp_path / "vlg.sqlite")
    try:
        initialise(db, Role.AGENCY, "VLG")
        drive(fill_demo(db, activities=2, seed=4, period=YEAR))
        path = tmp_path / f"VLG_{YEAR}_v1.xlsx"
        drive(export_xlsx(db, YEAR, path))
    finally:
        db.close()
    return path


def test_an_import_for_a_locked_agency_and_period_is_refused(
        cli: CliRunner, focal_db: Path, submission: Path) -> None:
    _lock_row(focal_db, "VLG", YEAR)
    before = _count(focal_db, "activity"), _count(focal_db, "submission")
    dry = cli("--db", focal_db, "--lang", "en", "import", submission, "--dry-run")
    assert dry.code == 3
    run = cli("--db", focal_db, "--lang", "en", "import", submission)
    assert run.code == 3
    assert submission.name in run.err and "locked" in run.err and "khóa" in run.err
    assert (_count(focal_db, "activity"), _count(focal_db, "submission")) == before
    facts = json.loads(cli("--db", focal_db, "status", "--json").out)
    assert facts["imports"] == 0


def test_undoing_an_import_into_a_period_locked_since_is_refused(
        cli: CliRunner, focal_db: Path, submission: Path) -> None:
    assert cli("--db", focal_db, "import", submission).code == 0
    _lock_row(focal_db, "VLG", YEAR)  # locked after the import
    before = _count(focal_db, "activity"), _count(focal_db, "submission")
    assert before[0] > 0
    run = cli("--db", focal_db, "--lang", "en", "import", "--undo")
    assert run.code == 3
    _refused_both_languages(run.err, YEAR)
    assert (_count(focal_db, "activity"), _count(focal_db, "submission")) == before
    assert _sql(focal_db, "SELECT count(*) FROM importrecord WHERE undone")[0][0] == 0


def test_an_assessment_for_a_locked_period_is_refused(cli: CliRunner, focal_db: Path) -> None:
    rec = str(_sql(focal_db, "SELECT code FROM recommendation ORDER BY code")[0][0])
    _lock_row(focal_db, "BTP", YEAR)  # the focal point's own agency
    run = cli("--db", focal_db, "--lang", "en", "assess", rec,
              "--implementation", "fully", "--period", YEAR)
    assert run.code == 3
    _refused_both_languages(run.err, YEAR)
    assert _count(focal_db, "assessment") == 0
    assert cli("--db", focal_db, "assess", rec, "--implementation", "fully",
               "--period", YEAR + 1).code == 0


def test_ensure_open_is_the_one_check(agency_db: Path) -> None:
    db = Database.open(agency_db)
    try:
        with db.reading() as session:
            period_id = int(str(_sql(agency_db, "SELECT id FROM period WHERE year = ?",
                                     YEAR)[0][0]))
            periods.ensure_open(session, period_id)  # open: no refusal
        periods.lock_period(db, YEAR)
        with db.reading() as session, pytest.raises(RefusedError):
            periods.ensure_open(session, period_id)
        with db.reading() as session:
            assert periods.locked_years(session) == frozenset({YEAR})
    finally:
        db.close()
