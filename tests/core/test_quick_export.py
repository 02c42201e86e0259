"""The exports on sqlite3 alone make what the exports on the full open make (issue 11).

`export xlsx` and `export pdf` of an agency's file at the program's schema run on a plain
sqlite3 connection (storage/quick_sqlite.QuickFile): the same SQL text for every read,
and the register written as SQL text (services/submission_register.py) instead of
through the ORM. These tests run both ways on two copies of one database, with the
version's UUID, time and (for a database made before signatures) the new key fixed, and
hold them to byte-identical files and identical rows in every table the export writes:
a new version, the same version again (workbook, then PDF), a database with no key yet,
and a version registered by someone else meanwhile. The canonical JSON of clean data made
from its columns is checked against the dictionaries' JSON on generated records.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.domain.enums import Role
from desktop_app.core.exchange.canonical import (
    canonical_json,
    canonical_text,
    columns_json_parts,
)
from desktop_app.core.exchange.columns import SHEETS
from desktop_app.core.exchange.signing import (
    SignatureState,
    encode,
    generate_key_pair,
    verify_submission,
)
from desktop_app.core.exchange.submission import (
    ActivityRecord,
    IndicatorRecord,
    LinkRecord,
    SubmissionData,
)
from desktop_app.core.exchange.xlsx_reader import read_submission
from desktop_app.core.problems import RefusedError
from desktop_app.core.progress import Job, drive
from desktop_app.core.services import agency_report, submissions
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage import settings as stored_settings
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.quick_sqlite import QuickFile, open_quick

YEAR = 2025
NOW = datetime(2026, 2, 3, 4, 5, 6, tzinfo=UTC)


def _copy(source: Path, target: Path) -> Path:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


@pytest.fixture()
def made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NAP_REPORTER_HOME", str(tmp_path / "home"))
    db = Database.open(tmp_path / "made.sqlite")
    initialise(db, Role.AGENCY, "VLG", "Nguyễn Thị Hoà")
    drive(fill_demo(db, activities=60, seed=5, period=YEAR))
    db.close()
    return tmp_path / "made.sqlite"


def _rows(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """What the export writes: the register, the settings, and the audit log without
    each event's own UUID and time (those are made when the event is)."""
    with closing(sqlite3.connect(path)) as conn:
        events = conn.execute("SELECT id, action, entity, entity_uuid, detail, actor,"
                              " database_role, role, agency_code, installation, entity_key,"
                              " changes FROM auditevent ORDER BY id").fetchall()
        return {"submission": conn.execute("SELECT * FROM submission ORDER BY id").fetchall(),
                "setting": conn.execute("SELECT * FROM setting ORDER BY key").fetchall(),
                "auditevent": events,
                "times": conn.execute("SELECT typeof(at), length(at), substr(at, 20)"
                                      " FROM auditevent ORDER BY id").fetchall()}


def _export(kind: str, db: Database | QuickFile, out: Path) -> Job[Any]:
    if kind == "xlsx":
        return submissions.export_xlsx(db, YEAR, out, now=NOW)
    return agency_report.export_pdf(db, YEAR, out, now=NOW)


def _both(made: Path, tmp: Path, monkeypatch: pytest.MonkeyPatch,
          steps: list[str]) -> tuple[Path, Path]:
    """Each step (xlsx or pdf) exported on both ways, one copy of made each, into a folder
    of each way's own under the same names (the register keeps the file's name)."""
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "invariant", 1)  # no time stamp, a fixed document id
    for way in ("full", "quick"):
        (tmp / way).mkdir()
        location = _copy(made, tmp / f"{way}.sqlite")
        counter = iter(range(10**6))
        monkeypatch.setattr(submissions, "new_uuid",
                            lambda c=counter: f"00000000-0000-4000-8000-{next(c):012d}")
        for number, kind in enumerate(steps):
            out = tmp / way / f"VLG{number}.{kind}"
            db: Database | QuickFile
            if way == "full":
                db = Database.open(location, create=False)
            else:
                quick = open_quick(location)
                assert quick is not None and submissions.quick_exportable(quick, YEAR)
                db = quick
            try:
                drive(_export(kind, db, out))
            finally:
                db.close()
    return tmp / "full.sqlite", tmp / "quick.sqlite"


@pytest.mark.parametrize("steps", [["xlsx"], ["xlsx", "xlsx", "pdf"], ["pdf", "xlsx"]])
def test_both_ways_write_the_same_files_and_rows(made: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 steps: list[str]) -> None:
    full_db, quick_db = _both(made, tmp_path, monkeypatch, steps)
    for number, kind in enumerate(steps):
        name = f"VLG{number}.{kind}"
        full, quick = tmp_path / "full" / name, tmp_path / "quick" / name
        assert full.read_bytes() == quick.read_bytes(), name
        if kind == "xlsx":
            back = read_submission(quick)
            assert back.hash_ok and verify_submission(back.meta).state is SignatureState.VALID
    ours, theirs = _rows(full_db), _rows(quick_db)
    assert ours == theirs
    assert len(ours["submission"]) == 1  # the same data: one version
    named = [f"VLG{n}.{k}" for n, k in enumerate(steps) if k == "xlsx"]
    assert ours["submission"][0][14] == named[-1]  # the register names the last workbook
    exported = [r for r in ours["auditevent"] if r[1] == "submission.exported"]
    assert len(exported) == len(steps)
    assert set(ours["times"]) == {("text", 26, ".000000")}  # as SQLAlchemy keeps it


def test_a_database_without_a_key_gets_the_same_key_and_events(
        made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with closing(sqlite3.connect(made)) as conn, conn:
        conn.execute("DELETE FROM setting WHERE key = 'signing_key'")
    key = generate_key_pair()
    monkeypatch.setattr(submissions, "generate_key_pair", lambda: key)
    full_db, quick_db = _both(made, tmp_path, monkeypatch, ["xlsx"])
    ours, theirs = _rows(full_db), _rows(quick_db)
    assert ours == theirs
    assert [r[1] for r in ours["auditevent"]][-2:] == ["key.created", "submission.exported"]
    assert ("signing_key", encode(key.private_raw)) in ours["setting"]
    assert (tmp_path / "full" / "VLG0.xlsx").read_bytes() == (
        tmp_path / "quick" / "VLG0.xlsx").read_bytes()


def test_a_version_registered_meanwhile_is_refused_and_leaves_nothing(
        made: Path, tmp_path: Path) -> None:
    quick = open_quick(made)
    assert quick is not None
    out, other = tmp_path / "late.xlsx", tmp_path / "first.xlsx"
    before = _rows(made)

    def writer(prepared: Any, temp: Path) -> Job[None]:
        # someone else exports (a new version) while this file is being written
        db = Database.open(made, create=False)
        try:
            drive(submissions.export_xlsx(db, YEAR, other, now=NOW))
        finally:
            db.close()
        temp.write_bytes(b"x")
        yield from ()

    with pytest.raises(RefusedError) as caught:
        drive(submissions.write_submission_file(quick, YEAR, out, writer, now=NOW))
    quick.close()
    assert caught.value.problems[0].code == "submission.changed_meanwhile"
    assert not out.exists() and other.exists()
    after = _rows(made)
    assert len(after["submission"]) == len(before["submission"]) + 1  # theirs alone
    assert len(after["auditevent"]) == len(before["auditevent"]) + 1


def test_a_failure_of_the_register_leaves_no_file_and_no_row(
        made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core.services import submission_register

    def broken() -> str:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(submission_register, "operating_user", broken)  # the audit event
    before = _rows(made)
    quick = open_quick(made)
    assert quick is not None
    try:
        with pytest.raises(sqlite3.OperationalError):
            drive(submissions.export_xlsx(quick, YEAR, tmp_path / "VLG.xlsx", now=NOW))
    finally:
        quick.close()
    assert not any(p.suffix in (".xlsx", ".part") for p in tmp_path.iterdir())
    assert _rows(made) == before


def test_the_quick_way_is_taken_only_for_an_agency_file_at_the_schema(
        made: Path, tmp_path: Path) -> None:
    quick = open_quick(made)
    assert quick is not None
    assert submissions.quick_exportable(quick, YEAR)
    assert not submissions.quick_exportable(quick, 1999)  # unknown period: the full open
    quick.close()
    with closing(sqlite3.connect(made)) as conn, conn:
        conn.execute("UPDATE setting SET value = 'focal-point' WHERE key = 'role'")
    quick = open_quick(made)
    assert quick is not None and not submissions.quick_exportable(quick, YEAR)
    quick.close()
    with closing(sqlite3.connect(made)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    assert open_quick(made) is None  # a file to migrate
    assert open_quick(tmp_path / "missing.sqlite") is None


def test_the_export_command_imports_no_sqlalchemy(made: Path, tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from desktop_app.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "assert code == 0, code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in"
        " ('sqlalchemy', 'sqlmodel', 'alembic')))\n")
    for kind in ("xlsx", "pdf"):
        done = subprocess.run(
            [sys.executable, "-c", script, "--db", str(made), "export", kind, "--period",
             str(YEAR), "-o", str(tmp_path / f"out.{kind}")],
            capture_output=True, text=True, check=False, env=_env(tmp_path))
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip().splitlines()[-1] == "[]"
        assert (tmp_path / f"out.{kind}").stat().st_size > 0


def _env(tmp_path: Path) -> dict[str, str]:
    import os

    return {**os.environ, "NAP_REPORTER_HOME": str(tmp_path / "home")}


def test_the_setting_names_are_the_storage_names() -> None:
    from desktop_app.core.services import key_listing, submission_register

    assert (submissions.ROLE, submissions.AGENCY, submissions.CONTACT) == (
        stored_settings.ROLE, stored_settings.AGENCY, stored_settings.CONTACT)
    assert submissions.OWN_KEY == key_listing.OWN_KEY
    assert submission_register.INSTALLATION == stored_settings.INSTALLATION


# --- the canonical JSON of clean data -----------------------------------------------------

TEXT = st.one_of(st.none(), st.sampled_from(["Hội thảo", "a\nb", "=1+1", '"q"', "\\", "Đ"]),
                 st.text(max_size=8)).map(lambda t: None if t is None else canonical_text(t))
UUIDS = st.sampled_from(["b", "a", "0f8fad5b-d9cb-469f-a165-70867728950e", "c", "a"])
INTS = st.one_of(st.none(), st.integers(min_value=-10, max_value=10**15))
NUMBERS = st.one_of(INTS, st.floats(allow_nan=False, allow_infinity=False, width=64),
                    st.sampled_from([0.1, 2.5, 1e15 + 0.5, -0.0, 15000000.0]))
DATES = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)))
ACTIVITY = st.builds(ActivityRecord, UUIDS, TEXT, TEXT, TEXT, TEXT, TEXT, DATES, DATES, INTS,
                     INTS, INTS, INTS, INTS, TEXT, TEXT, TEXT, TEXT, TEXT)
INDICATOR = st.builds(IndicatorRecord, UUIDS, TEXT, TEXT, TEXT, TEXT, NUMBERS, NUMBERS, DATES,
                      TEXT, NUMBERS, TEXT)
LINK = st.builds(LinkRecord, UUIDS, TEXT)


@settings(max_examples=150, deadline=None)
@given(st.lists(ACTIVITY, max_size=6), st.lists(INDICATOR, max_size=6),
       st.lists(LINK, max_size=6))
def test_the_columns_json_of_clean_data_is_its_canonical_json(
        activities: list[ActivityRecord], indicators: list[IndicatorRecord],
        links: list[LinkRecord]) -> None:
    data = SubmissionData(activities, indicators, links)
    expected = canonical_json(data, clean=False)
    sheets = [[[getattr(r, c.key) for r in getattr(data, sheet.key)] for c in sheet.columns]
              for sheet in SHEETS]
    assert "".join(columns_json_parts(sheets)) == expected  # what the export hashes
