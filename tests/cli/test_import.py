"""The focal point's import: versions in any order, duplicates, conflicts, templates,
edited files, former provinces, refused rows, hostile files, one transaction per file,
the dry run, undo and the status counts; each on SQLite and on PostgreSQL
(`focal_where`), read back through SQLAlchemy on either engine (tests/pg.py).

Submission files are made once per module by real agency databases (init, demo,
export); a former province's file is an export re-identified with the canonical
functions and written by the same writer; templates are the blank template filled
with openpyxl.
"""

from __future__ import annotations

import itertools
import json
import shutil
import uuid
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy.exc import OperationalError

from desktop_app.cli import main
from desktop_app.core.domain.enums import ImportOutcome, Role
from desktop_app.core.exchange.canonical import content_hash
from desktop_app.core.exchange.signing import sign_submission
from desktop_app.core.exchange.submission import PreparedSubmission, SubmissionData
from desktop_app.core.exchange.xlsx_reader import read_submission
from desktop_app.core.exchange.xlsx_writer import write_workbook
from desktop_app.core.problems import Problem
from desktop_app.core.progress import drive
from desktop_app.core.services import imports
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.keys import own_key
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.status import status as status_facts
from desktop_app.core.services.submissions import export_xlsx
from desktop_app.core.storage.database import Database
from desktop_app.messages import problem_text
from tests import pg
from tests.cli.conftest import CliRunner

YEAR = 2025


@dataclass(frozen=True)
class Files:
    folder: Path
    vlg: list[Path]  # v1, v2, v3 of one agency
    vlg_other_v1: Path  # another VLG database's v1: same version, other content
    tha: Path
    tqg: Path
    hgg: Path  # former province, merged into TQG
    nbh: Path
    hnm: Path  # former provinces merged into NBH
    ndh: Path
    template: Path  # blank template for YEAR


def _agency_db(folder: Path, code: str, name: str) -> Database:
    db = Database.open(folder / f"{name}.sqlite")
    initialise(db, Role.AGENCY, code)
    return db


def _export(db: Database, path: Path) -> Path:
    drive(export_xlsx(db, YEAR, path))
    return path


def _retarget(source: Path, code: str, name_vi: str, name_en: str, target: Path) -> Path:
    """The same submission as if a former unit had exported it (new identifiers)."""
    read = read_submission(source)
    assert read.hash_ok

    def new(old: str | None) -> str | None:
        return None if old is None else str(uuid.uuid5(uuid.NAMESPACE_OID, f"{code}:{old}"))

    data = SubmissionData(
        [replace(a, uuid=new(a.uuid)) for a in read.data.activities],
        [replace(i, uuid=new(i.uuid), activity_uuid=new(i.activity_uuid),
                 result_uuid=new(i.result_uuid)) for i in read.data.indicators],
        [replace(link, activity_uuid=new(link.activity_uuid)) for link in read.data.links],
    )
    # unsigned, as a file of the earlier format (a signature would not survive the change)
    meta = replace(read.meta, agency_code=code, agency_name_vi=name_vi, agency_name_en=name_en,
                   submission_uuid=str(uuid.uuid4()), content_hash="", public_key="",
                   signature="")
    meta = replace(meta, content_hash=content_hash(meta, data))
    drive(write_workbook(PreparedSubmission(meta, data, True), target))
    return target


def _resigned(path: Path, by: Database) -> Path:
    """The file as if the installation `by` had signed it (another v1 of the same key)."""
    read = read_submission(path)
    with by.reading() as session:
        key = own_key(session)
    assert key is not None and read.hash_ok
    meta = sign_submission(key, read.meta, read.data)
    drive(write_workbook(PreparedSubmission(meta, read.data, True), path))
    return path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Files]:
    folder = tmp_path_factory.mktemp("import-files")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAP_REPORTER_HOME", str(folder / "home"))
        vlg_db = _agency_db(folder, "VLG", "vlg")
        vlg = []
        for version, count in enumerate((12, 4, 3), start=1):
            drive(fill_demo(vlg_db, activities=count, seed=version, period=YEAR))
            vlg.append(_export(vlg_db, folder / f"VLG_{YEAR}_v{version}.xlsx"))
        other = _agency_db(folder, "VLG", "vlg-other")
        drive(fill_demo(other, activities=5, seed=99, period=YEAR))
        (folder / "other").mkdir()
        vlg_other = _resigned(_export(other, folder / "other" / f"VLG_{YEAR}_v1.xlsx"),
                              vlg_db)
        made = {}
        for code in ("THA", "TQG", "NBH"):
            db = _agency_db(folder, code, code.lower())
            drive(fill_demo(db, activities=6, seed=7, period=YEAR))
            made[code] = _export(db, folder / f"{code}_{YEAR}_v1.xlsx")
            db.close()
        hgg = _retarget(made["TQG"], "HGG", "Hà Giang", "Ha Giang", folder / "HGG.xlsx")
        hnm = _retarget(made["NBH"], "HNM", "Hà Nam", "Ha Nam", folder / "HNM.xlsx")
        ndh = _retarget(made["NBH"], "NDH", "Nam Định", "Nam Dinh", folder / "NDH.xlsx")
        template = folder / "blank.xlsx"
        focal = Database.open(folder / "focal.sqlite")
        initialise(focal, Role.FOCAL_POINT)
        from desktop_app.core.services.templates import make_template

        make_template(focal, template, YEAR)
        for db in (vlg_db, other, focal):
            db.close()
        yield Files(folder, vlg, vlg_other, made["THA"], made["TQG"], hgg, made["NBH"], hnm,
                    ndh, template)


def _dump(db: str, skip: tuple[str, ...] = ()) -> dict[str, list[str]]:
    return pg.dump(db, skip)


def _query(db: str, sql: str, **params: Any) -> list[Any]:
    return pg.rows(db, sql, **params)


def _uuids(path: Path) -> set[str]:
    return {a.uuid for a in read_submission(path).data.activities}


def _fill_template(blank: Path, target: Path, agency: str, rows: list[dict[str, Any]],
                   links: list[tuple[int, str]] = (), indicators: list[dict[str, Any]] = ()
                   ) -> Path:
    wb = openpyxl.load_workbook(blank)
    wb["Thông tin chung"]["C3"] = agency
    wb["Thông tin chung"]["C5"] = "Nguyễn Văn A, 0912 345 678"
    columns = {"task_code": "B", "title": "C", "type": "E", "status": "F", "start_date": "G",
               "end_date": "H", "women": "I", "budget_vnd": "M"}
    sheet = wb["Hoạt động"]
    for number, row in enumerate(rows, start=3):
        for key, value in row.items():
            cell = sheet[f"{columns[key]}{number}"]
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # typed text, as Excel keeps it in a text-formatted cell
    for number, (stt, code) in enumerate(links, start=3):
        wb["Liên kết khuyến nghị"][f"B{number}"] = stt
        wb["Liên kết khuyến nghị"][f"C{number}"] = code
    ind_cols = {"activity_stt": "B", "name": "D", "unit": "E", "target": "G", "result": "I"}
    for number, row in enumerate(indicators, start=3):
        for key, value in row.items():
            wb["Chỉ số và kết quả"][f"{ind_cols[key]}{number}"] = value
    wb.save(target)
    return target


def _task_and_rec(db: str) -> tuple[str, str]:
    task = _query(db, "SELECT code FROM task WHERE NOT retired ORDER BY code LIMIT 1")[0][0]
    rec = _query(db, "SELECT code FROM recommendation ORDER BY code LIMIT 1")[0][0]
    return task, rec


def _activity_rows(task: str) -> list[dict[str, Any]]:
    return [
        {"task_code": f"{task} — nhiệm vụ", "title": "Tập huấn cán bộ tư pháp",
         "type": "training — Tập huấn", "status": "completed", "women": 12,
         "budget_vnd": 15_000_000},
        {"task_code": task, "title": "=Tuyên truyền pháp luật", "type": "awareness",
         "status": "in_progress"},
    ]


# --- versions, duplicates, conflicts -------------------------------------------------------


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_versions_in_every_order_end_with_the_newest_whole(
        cli: CliRunner, focal_where: str, files: Files, order: tuple[int, ...]) -> None:
    for index in order:
        result = cli("--db", focal_where, "import", files.vlg[index])
        assert result.code == 0, result.out + result.err
    assert {r[0] for r in _query(focal_where, "SELECT uuid FROM activity")} == _uuids(files.vlg[2])
    current = _query(focal_where, "SELECT version FROM submission WHERE superseded = false")
    assert current == [(3,)]


def test_one_batch_applies_every_version_in_order(cli: CliRunner, focal_where: str,
                                                  files: Files, status: Any) -> None:
    result = cli("--db", focal_where, "import", files.vlg[2], files.vlg[0], files.vlg[1])
    assert result.code == 0, result.out
    lines = result.out_lines
    assert "version 1: new" in lines[0] and "version 2: newer" in lines[1]
    assert "version 3: newer" in lines[2]
    assert {r[0] for r in _query(focal_where, "SELECT uuid FROM activity")} == _uuids(files.vlg[2])
    assert _query(focal_where, "SELECT version, superseded FROM submission ORDER BY version") == [
        (1, 1), (2, 1), (3, 0)]
    facts = status(focal_where)  # sqlite3 alone on a file: the same as the ORM's count
    assert (facts["submissions"], facts["imports"]) == (1, 1)
    db = pg.open_location(focal_where, create=False)
    try:
        assert status_facts(db) == facts
    finally:
        db.close()
    v3 = read_submission(files.vlg[2])
    assert (facts["activities"], facts["indicators"]) == (len(v3.data.activities),
                                                          len(v3.data.indicators))


def test_reimport_is_a_duplicate_and_older_is_ignored(cli: CliRunner, focal_where: str,
                                                     files: Files, status: Any) -> None:
    assert cli("--db", focal_where, "import", files.vlg[1]).code == 0
    before = _dump(focal_where, skip=("importrecord", "auditevent"))
    again = cli("--db", focal_where, "import", files.vlg[1], files.vlg[0])
    assert again.code == 0
    assert "duplicate" in again.out and "older version, ignored" in again.out
    assert _dump(focal_where, skip=("importrecord", "auditevent")) == before
    assert status(focal_where)["imports"] == 1
    outcomes = {r[0] for r in _query(focal_where, "SELECT outcome FROM importrecord")}
    assert outcomes == {"new", "duplicate", "older"}


def test_same_version_other_content_is_a_conflict_naming_both_files(
        cli: CliRunner, focal_where: str, files: Files) -> None:
    assert cli("--db", focal_where, "import", files.vlg[0]).code == 0
    before = _dump(focal_where, skip=("importrecord", "auditevent"))
    result = cli("--db", focal_where, "--lang", "en", "import", files.vlg_other_v1)
    assert result.code == 3
    assert "conflict" in result.out
    assert result.err.count(files.vlg[0].name) >= 2  # this file and the one imported before
    assert "hai tệp cùng phiên bản" in result.err  # both languages
    assert _dump(focal_where, skip=("importrecord", "auditevent")) == before


def test_dry_run_writes_nothing_not_even_the_log(cli: CliRunner, focal_where: str,
                                                files: Files, tmp_path: Path) -> None:
    assert cli("--db", focal_where, "import", files.vlg[0]).code == 0
    before = _dump(focal_where)
    backups = sorted((tmp_path / "nap-home").rglob("*.sqlite"))
    result = cli("--db", focal_where, "import", "--dry-run", files.vlg[1], files.tha,
                 files.folder / "missing.xlsx")
    assert result.code == 3
    assert "newer version — 4 added, 0 changed, 0 removed" in result.out
    assert "Dry run, nothing written" in result.out
    assert _dump(focal_where) == before
    assert sorted((tmp_path / "nap-home").rglob("*.sqlite")) == backups


def test_a_dry_run_carries_on_from_each_file_it_would_accept(
        cli: CliRunner, focal_where: str, files: Files) -> None:
    before = _dump(focal_where)
    result = cli("--db", focal_where, "import", "--dry-run", files.vlg[1], files.vlg[2],
                 files.vlg[0], files.vlg[0])
    assert result.code == 0, result.out + result.err
    lines = result.out_lines
    assert "version 1: new — 12 added" in lines[0]
    assert "version 1: duplicate" in lines[1]  # the same file twice in one batch
    assert "version 2: newer version" in lines[2] and "version 3: newer version" in lines[3]
    assert _dump(focal_where) == before


# --- templates, edited files ------------------------------------------------------------


def test_filled_template_is_the_next_version_and_again_a_duplicate(
        cli: CliRunner, focal_where: str, files: Files, tmp_path: Path) -> None:
    task, rec = _task_and_rec(focal_where)
    filled = _fill_template(files.template, tmp_path / "thanh-hoa.xlsx", "Thanh Hoá",
                            _activity_rows(task), links=[(1, rec), (2, rec)],
                            indicators=[{"activity_stt": 1, "name": "Số người", "unit": "người",
                                         "target": 50, "result": 42}])
    assert cli("--db", focal_where, "import", files.tha).code == 0
    # THA's key is pinned: an unsigned template replaces its data only deliberately
    assert cli("--db", focal_where, "import", filled).code == 3
    result = cli("--db", focal_where, "import", "--accept-new-key", filled)
    assert result.code == 0, result.out
    assert "THA, period 2025, version 2: filled template — 2 added" in result.out
    row = _query(focal_where, "SELECT version, from_template, superseded, activities FROM "
                           "submission WHERE superseded = false")
    assert row == [(2, 1, 0, 2)]
    titles = {r[0] for r in _query(focal_where, "SELECT title FROM activity")}
    assert titles == {"Tập huấn cán bộ tư pháp", "=Tuyên truyền pháp luật"}
    assert _query(focal_where, "SELECT value FROM result") == [(42.0,)]
    # the contact the template names becomes the agency's contact at the focal point
    assert _query(focal_where, "SELECT c.contact_person, c.phone, c.edited FROM agencycontact c "
                            "JOIN agency a ON a.id = c.agency_id WHERE a.code = 'THA'") == [
        ("Nguyễn Văn A", "0912 345 678", 0)]
    again = cli("--db", focal_where, "import", "--accept-new-key", filled)
    assert again.code == 0 and "duplicate" in again.out
    assert len(_query(focal_where, "SELECT id FROM submission")) == 2


def test_template_rows_with_problems_are_located_and_refused(
        cli: CliRunner, focal_where: str, files: Files, tmp_path: Path) -> None:
    task, _ = _task_and_rec(focal_where)
    rows = _activity_rows(task)
    rows[0] = {**rows[0], "task_code": "NO-SUCH-TASK", "women": -4}
    rows[1] = {**rows[1], "start_date": "31/02/2025"}
    filled = _fill_template(files.template, tmp_path / "bad.xlsx", "VLG", rows)
    before = _dump(focal_where, skip=("importrecord", "auditevent"))
    result = cli("--db", focal_where, "--lang", "en", "import", filled)
    assert result.code == 3
    assert "sheet Hoạt động, row 3, column I" in result.err  # negative women
    assert "row 4, column G" in result.err  # not a date
    assert "dòng 3, cột I" in result.err
    assert _dump(focal_where, skip=("importrecord", "auditevent")) == before
    # bad task code alone: the catalog check names the cell too
    rows = _activity_rows(task)
    rows[0] = {**rows[0], "task_code": "NO-SUCH-TASK"}
    result = cli("--db", focal_where, "import", _fill_template(files.template,
                                                            tmp_path / "bad2.xlsx", "VLG", rows))
    assert result.code == 3
    assert "row 3, column B" in result.err and "NO-SUCH-TASK" in result.err


def test_a_template_naming_another_plans_task_is_refused_row_by_row(
        cli: CliRunner, focal_where: str, files: Files, tmp_path: Path) -> None:
    # the 2025 template offers the 2019 plan's tasks only; the 2026 plan's are refused
    later = _query(focal_where, "SELECT t.code FROM task t JOIN plan p ON p.id = t.plan_id "
                             "WHERE p.starts > :year ORDER BY t.code LIMIT 1", year=YEAR)[0][0]
    task, _ = _task_and_rec(focal_where)
    rows = _activity_rows(task)
    rows[1] = {**rows[1], "task_code": later}
    filled = _fill_template(files.template, tmp_path / "other-plan.xlsx", "VLG", rows)
    before = _dump(focal_where, skip=("importrecord", "auditevent"))
    result = cli("--db", focal_where, "--lang", "en", "import", filled)
    assert result.code == 3
    assert "other-plan.xlsx" in result.err and "sheet Hoạt động, row 4, column B" in result.err
    assert f"The task “{later}” is not in the plan in force for the reporting period 2025" \
        in result.err
    assert "row 3, column B" not in result.err  # the row with the plan's own task is fine
    assert f"Nhiệm vụ «{later}» không thuộc kế hoạch áp dụng cho kỳ báo cáo 2025" in result.err
    assert _dump(focal_where, skip=("importrecord", "auditevent")) == before


def test_unknown_agency_says_to_update_the_catalog(cli: CliRunner, focal_where: str,
                                                  files: Files, tmp_path: Path) -> None:
    task, _ = _task_and_rec(focal_where)
    filled = _fill_template(files.template, tmp_path / "x.xlsx", "Tỉnh Không Có",
                            _activity_rows(task))
    result = cli("--db", focal_where, "import", filled)
    assert result.code == 3 and "update the catalog" in result.err


def _edit(source: Path, target: Path, cell: str, value: Any) -> Path:
    wb = openpyxl.load_workbook(source)
    wb["Hoạt động"][cell] = value
    wb.save(target)
    return target


def test_edited_file_is_refused_then_accepted_with_accept_edited(
        cli: CliRunner, focal_where: str, files: Files, tmp_path: Path) -> None:
    assert cli("--db", focal_where, "import", files.vlg[0]).code == 0
    edited = _edit(files.vlg[1], tmp_path / "edited.xlsx", "C3", "Tiêu đề đã sửa bằng Excel")
    result = cli("--db", focal_where, "import", edited)
    assert result.code == 3 and "was edited after it was exported" in result.err
    assert "đã bị sửa sau khi xuất" in result.err
    result = cli("--db", focal_where, "import", "--accept-edited", "--accept-new-key", edited)
    assert result.code == 0, result.out
    assert "version 2: edited after export, accepted" in result.out
    assert _query(focal_where, "SELECT version, edited, from_template FROM submission "
                            "WHERE superseded = false") == [(2, 1, 0)]
    assert ("Tiêu đề đã sửa bằng Excel",) in _query(focal_where, "SELECT title FROM activity")


def test_edited_rows_with_bad_values_are_located(cli: CliRunner, focal_where: str,
                                                files: Files, tmp_path: Path) -> None:
    bad = _edit(files.vlg[0], tmp_path / "neg.xlsx", "I4", -5)
    bad = _edit(bad, bad, "G5", "not a date")
    result = cli("--db", focal_where, "--lang", "en", "import", "--accept-edited", bad)
    assert result.code == 3
    assert "file neg.xlsx, sheet Hoạt động, row 4, column I" in result.err
    assert "row 5, column G" in result.err
    wrong_task = _edit(files.vlg[0], tmp_path / "task.xlsx", "B3", "XX-99")
    result = cli("--db", focal_where, "import", "--accept-edited", wrong_task)
    assert result.code == 3 and "row 3, column B" in result.err and "XX-99" in result.err
    assert _query(focal_where, "SELECT count(*) FROM activity") == [(0,)]


# --- former provinces ----------------------------------------------------------------------


def test_former_provinces_keep_their_own_history_and_roll_up(
        cli: CliRunner, focal_where: str, files: Files, status: Any) -> None:
    result = cli("--db", focal_where, "import", files.tqg, files.hgg, files.nbh, files.hnm,
                 files.ndh)
    assert result.code == 0, result.out
    assert "HGG (→ TQG)" in result.out and "HNM (→ NBH)" in result.out
    rows = _query(focal_where, "SELECT a.code, s.version, s.superseded FROM submission s "
                            "JOIN agency a ON a.id = s.agency_id ORDER BY a.code")
    assert rows == [("HGG", 1, 0), ("HNM", 1, 0), ("NBH", 1, 0), ("NDH", 1, 0), ("TQG", 1, 0)]
    assert status(focal_where)["submissions"] == 5
    from desktop_app.core.services.completeness import completeness

    db = pg.open_location(focal_where)
    try:
        grid = completeness(db, [YEAR])
    finally:
        db.close()
    by_code = {row.code: row for row in grid.rows}
    nbh_cell = by_code["NBH"].cells[0]
    assert {u.code for u in nbh_cell.units} == {"NBH", "HNM", "NDH"}


def test_names_match_across_tone_placement(files: Files, focal_where: str) -> None:
    db = pg.open_location(focal_where)
    try:
        from desktop_app.core.services.agencies import AgencyDirectory

        directory = AgencyDirectory.load(db)
    finally:
        db.close()
    assert directory.resolve("Thanh Hoá").code == directory.resolve("Thanh Hóa").code == "THA"
    hgg = directory.resolve("Hà Giang")
    assert hgg is not None and hgg.code == "HGG" and directory.rollup_code(hgg) == "TQG"


# --- hostile files --------------------------------------------------------------------------


def test_files_that_are_not_submissions_are_refused_cleanly(
        cli: CliRunner, focal_where: str, files: Files, tmp_path: Path) -> None:
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(files.vlg[0].read_bytes()[:4000])
    foreign = tmp_path / "budget.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "=SUM(1,2)"
    wb.save(foreign)
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    ods = tmp_path / "sheet.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    folder = tmp_path / "a-folder"
    folder.mkdir()
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    hostile = [text, truncated, foreign, xls, ods, folder, empty, tmp_path / "missing.xlsx"]
    result = cli("--db", focal_where, "import", *hostile, files.vlg[0])
    assert result.code == 3
    assert "Traceback" not in result.out + result.err
    assert result.out.count(": ?, period ?, version -: refused") == len(hostile)
    assert "Imported 9 files: 1 accepted, 0 unchanged, 8 refused." in result.out
    assert "old Excel workbook (.xls)" in result.err and "OpenDocument" in result.err
    assert _query(focal_where, "SELECT count(*) FROM importrecord") == [(9,)]


def test_an_agency_database_does_not_import(cli: CliRunner, agency_db: Path,
                                            files: Files) -> None:
    result = cli("--db", agency_db, "import", files.vlg[0])
    assert result.code == 3 and "Only the focal point" in result.err
    assert cli("--db", agency_db, "import", "--undo").code == 3


def test_usage(cli: CliRunner, focal_where: str, files: Files) -> None:
    assert cli("--db", focal_where, "import").code == 2
    assert cli("--db", focal_where, "import", "--undo", files.vlg[0]).code == 2
    assert cli("--db", focal_where, "import", "--undo", "--dry-run").code == 2


# --- transactions, undo --------------------------------------------------------------------


def test_a_failure_mid_file_writes_nothing_of_that_file(
        focal_where: str, files: Files, monkeypatch: pytest.MonkeyPatch) -> None:
    original = imports.apply_write
    calls = []

    def failing(session: Any, write: Any, catalog: Any, now: Any, **keys: Any) -> int:
        submission_id = original(session, write, catalog, now, **keys)  # every row is in ...
        calls.append(write.file_name)
        if len(calls) == 2:  # ... then the second file fails before its commit
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))
        return submission_id

    monkeypatch.setattr(imports, "apply_write", failing)
    db = pg.open_location(focal_where)
    try:
        summary = drive(imports.run_import(db, [files.tha, files.vlg[0]]))
    finally:
        db.close()
    outcomes = {p.path.name: p.outcome for p in summary.plans}
    assert outcomes == {files.tha.name: ImportOutcome.NEW,
                        files.vlg[0].name: ImportOutcome.REFUSED}
    assert (summary.accepted, summary.refused) == (1, 1)
    codes = _query(focal_where, "SELECT a.code FROM submission s JOIN agency a "
                             "ON a.id = s.agency_id")
    assert codes == [("THA",)]
    assert {r[0] for r in _query(focal_where, "SELECT uuid FROM activity")} == _uuids(files.tha)
    assert len(_query(focal_where, "SELECT id FROM importrecord")) == 2


def test_an_import_interrupted_after_some_files_says_those_stay(
        cli: CliRunner, focal_where: str, files: Files, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C after two of three files: each file is its own transaction, so the two stay,
    and the words say so (not the command line's "nothing was written"); undo takes them
    back. Interrupted before any file is done, nothing was written, as they say."""
    import desktop_app.cli as cli_module

    class Interrupting:
        def __init__(self, stage: str, done: int) -> None:
            self.at = stage, done

        def __call__(self, step: Any) -> None:
            if (step.stage, step.done) == self.at:
                raise KeyboardInterrupt

    batch = [files.tha, files.vlg[0], files.tqg]
    monkeypatch.setattr(cli_module, "ProgressBar", lambda: Interrupting("import", 2))
    result = cli("--db", focal_where, "--lang", "en", "import", *batch)
    assert result.code == 3
    assert "Cancelled after 2 of 3 files: those finished stay as they are" in result.err
    assert "Đã hủy sau 2 trong 3 tệp" in result.err
    assert "nothing was written" not in result.err
    assert _query(focal_where, "SELECT count(*) FROM submission") == [(2,)]
    monkeypatch.setattr(cli_module, "ProgressBar", lambda: Interrupting("order", 0))
    assert cli("--db", focal_where, "import", "--undo").code == 0
    result = cli("--db", focal_where, "--lang", "en", "import", *batch)
    assert result.code == 3 and "Cancelled; nothing was written." in result.err
    assert _query(focal_where, "SELECT count(*) FROM submission") == [(0,)]


def test_undo_restores_exactly_the_state_before_and_logs_the_batch(
        cli: CliRunner, focal_where: str, files: Files, status: Any) -> None:
    assert cli("--db", focal_where, "import", files.vlg[0], files.tha).code == 0
    before = _dump(focal_where, skip=("importrecord", "auditevent"))
    assert cli("--db", focal_where, "import", files.vlg[2], files.vlg[1], files.tqg).code == 0
    assert cli("--db", focal_where, "import", files.tqg).code == 0  # a batch that changes nothing
    assert status(focal_where)["imports"] == 2
    result = cli("--db", focal_where, "import", "--undo")
    assert result.code == 0, result.err
    assert "3 files" in result.out
    assert _dump(focal_where, skip=("importrecord", "auditevent")) == before
    assert status(focal_where)["imports"] == 1
    db = pg.open_location(focal_where)
    try:
        log = imports.import_log(db)
    finally:
        db.close()
    assert len(log) == 6
    undone = {(r.file_name, r.undone) for r in log if r.outcome.changed_data}
    assert (files.vlg[2].name, True) in undone and (files.tha.name, False) in undone
    # and the batch before it can be undone in turn, back to the empty database
    assert cli("--db", focal_where, "import", "--undo").code == 0
    assert _query(focal_where, "SELECT count(*) FROM submission") == [(0,)]
    assert cli("--db", focal_where, "import", "--undo").code == 3  # nothing left to undo


def test_undo_is_refused_when_something_changed_after_the_batch(
        cli: CliRunner, focal_where: str, files: Files) -> None:
    assert cli("--db", focal_where, "import", files.vlg[0]).code == 0
    rec = _task_and_rec(focal_where)[1]
    assert cli("--db", focal_where, "assess", rec, "--implementation",
               "partially", "--period", YEAR).code == 0
    before = _dump(focal_where)
    result = cli("--db", focal_where, "import", "--undo")
    assert result.code == 3 and "changed after that import" in result.err
    assert _dump(focal_where) == before


# --- the problems workbook ---------------------------------------------------------------


def test_problems_are_saved_as_a_workbook_for_the_agency(
        focal_where: str, files: Files, tmp_path: Path) -> None:
    bad = _edit(files.vlg[0], tmp_path / "neg.xlsx", "I4", -5)
    db = pg.open_location(focal_where)
    try:
        plans = drive(imports.plan_import(db, [bad, tmp_path / "missing.xlsx"]))
    finally:
        db.close()
    target = tmp_path / "problems.xlsx"
    imports.save_problems_workbook(
        plans, target, lambda problem, lang: problem_text(Problem(problem.code, problem.params),
                                                          lang))
    rows = sorted(openpyxl.load_workbook(target).active.iter_rows(min_row=3, values_only=True),
                  key=lambda r: r[0])
    assert rows[0][0] == "missing.xlsx" and "does not exist" in rows[0][7]
    assert rows[1][:6] == ("neg.xlsx", "VLG", "Hoạt động", 4, "I", "women")
    assert "âm" in rows[1][6] and "negative" in rows[1][7]


def test_main_never_prints_a_traceback_for_a_file(tmp_path: Path, focal_where: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    weird = tmp_path / "weird.xlsx"
    with zipfile.ZipFile(weird, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<<<not xml")
    assert main(["--db", str(focal_where), "import", str(weird)]) == 3
    assert "Traceback" not in capsys.readouterr().err


def test_copies_of_the_same_file_under_another_name_are_duplicates(
        cli: CliRunner, focal_where: str, files: Files, tmp_path: Path) -> None:
    copy = tmp_path / "renamed.xlsx"
    shutil.copyfile(files.vlg[0], copy)
    result = cli("--db", focal_where, "import", files.vlg[0], copy)
    assert result.code == 0 and "duplicate" in result.out


# --- undo works from what the import recorded; the log keeps codes ------------------------


def test_undo_needs_no_backup_and_puts_back_what_a_newer_version_replaced(
        cli: CliRunner, focal_where: str, files: Files, status: Any, tmp_path: Path) -> None:
    assert cli("--db", focal_where, "import", files.vlg[0]).code == 0
    before = _dump(focal_where, skip=("importrecord", "auditevent"))
    assert cli("--db", focal_where, "import", files.vlg[1]).code == 0
    assert _query(focal_where, "SELECT count(*) FROM importchange") == [(2,)]
    removed = _query(focal_where, "SELECT removed FROM importchange ORDER BY id")[1][0]
    v1 = read_submission(files.vlg[0]).data
    assert len(json.loads(removed)["activity"]) == len(v1.activities)
    assert len(json.loads(removed)["indicator"]) == len(v1.indicators)
    for backup in (tmp_path / "nap-home").rglob("*.sqlite"):
        backup.unlink()  # undo does not use them
    result = cli("--db", focal_where, "import", "--undo")
    assert result.code == 0, result.err
    assert _dump(focal_where, skip=("importrecord", "auditevent")) == before
    assert {r[0] for r in _query(focal_where, "SELECT uuid FROM activity")} == _uuids(files.vlg[0])
    assert status(focal_where)["imports"] == 1
    assert _query(focal_where, "SELECT action FROM auditevent ORDER BY id")[-1] == ("import.undo",)


def test_a_batch_imported_before_changes_were_recorded_is_not_undone(
        cli: CliRunner, focal_where: str, files: Files) -> None:
    assert cli("--db", focal_where, "import", files.vlg[0]).code == 0
    pg.execute(focal_where, "DELETE FROM importchange")  # as an earlier version left it
    before = _dump(focal_where)
    result = cli("--db", focal_where, "--lang", "en", "import", "--undo")
    assert result.code == 3 and "earlier version of the program" in result.err
    assert _dump(focal_where) == before


def test_the_log_keeps_problems_as_codes_and_old_lines_their_words(
        cli: CliRunner, focal_where: str, files: Files, tmp_path: Path) -> None:
    bad = _edit(files.vlg[0], tmp_path / "neg.xlsx", "I4", -5)
    assert cli("--db", focal_where, "import", "--accept-edited", bad).code == 3
    (stored,) = _query(focal_where, "SELECT message, problems, problem_count FROM importrecord")
    pg.execute(  # a line as an earlier version wrote it: words only
        focal_where,
        "INSERT INTO importrecord (uuid, batch_uuid, file_name, file_sha256, imported_at, "
        "outcome, message, problems, problem_count, undone) VALUES ('old', 'b-old', "
        "'old.xlsx', '', '2025-12-01 08:00:00.000000', 'refused', 'Tệp hỏng / Damaged', "
        "'', 0, false)")
    assert stored[0] == "" and '"code":"value.negative"' in stored[1]
    assert "Không được" not in stored[1] and "Must not" not in stored[1]  # no words
    assert stored[2] == 1
    db = pg.open_location(focal_where)
    try:
        old, new = imports.import_log(db)
    finally:
        db.close()
    assert old.message == "Tệp hỏng / Damaged" and old.problems == ()
    assert new.message == "" and new.problem_count == 1
    problem = new.problems[0]
    assert (problem.code, problem.params, problem.field) == ("value.negative",
                                                             {"value": "-5"}, "women")
    assert problem.where is not None and (problem.where.sheet, problem.where.row,
                                          problem.where.column) == ("Hoạt động", 4, "I")
