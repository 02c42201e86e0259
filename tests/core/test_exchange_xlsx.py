"""The submission workbook: written, read back, re-saved by LibreOffice, versioned, hostile.

One agency database with demo data and a few hostile texts, exported once per
module; LibreOffice (a real office suite) re-saves that export and converts it
to CSV, which takes seconds, so it is done once too.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import random
import shutil
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from python_calamine import CalamineWorkbook
from sqlmodel import col, select

from desktop_app.core.domain.enums import ActivityStatus, ActivityType, Role
from desktop_app.core.domain.labels import labels
from desktop_app.core.domain.models import Agency, Period, Submission
from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft
from desktop_app.core.exchange import block_zip, xlsx_writer
from desktop_app.core.exchange.canonical import (
    canonical_data,
    canonical_number,
    content_hash,
    data_hash,
)
from desktop_app.core.exchange.columns import HEADER_ROWS, META_SHEET, SHEETS
from desktop_app.core.exchange.signing import verify_submission
from desktop_app.core.exchange.submission import (
    ActivityRecord,
    PreparedSubmission,
    SubmissionData,
)
from desktop_app.core.exchange.xlsx_reader import ReadSubmission, read_submission
from desktop_app.core.problems import NapError, RefusedError
from desktop_app.core.progress import Cancelled, Job, Progress, drive
from desktop_app.core.services import activities as act
from desktop_app.core.services import submission_data
from desktop_app.core.services import submissions as svc
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

YEAR = 2025
NOW = datetime(2026, 1, 15, 8, 30, 5, tzinfo=UTC)
HOSTILE = {
    "title": "=1+1",
    "description": "+84 912 345 678\r\nDòng hai\x0b có ký tự điều khiển",
    "outputs": "-5",
    "challenges": "@x",
    "next_steps": "#N/A",
    "evidence": "  leading and trailing spaces  ",
}


def _soffice() -> str | None:
    found = shutil.which("libreoffice") or shutil.which("soffice")
    if found is None and os.environ.get("CI") == "true":
        pytest.fail("LibreOffice is required on CI (libreoffice-calc-nogui)")
    return found


def _convert(source: Path, out: Path, target: str, profile: Path) -> Path:
    soffice = _soffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         target, "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180, text=True,
        # a locale that exists, or LibreOffice cannot name a file after a Vietnamese sheet
        env={**os.environ, "LC_ALL": "C.UTF-8"})
    # a CSV of one sheet is named after the sheet too: "<stem>-<sheet>.csv"
    made = sorted(out.glob(f"{source.stem}*.{target.split(':')[0]}"))
    assert made, f"LibreOffice made nothing from {source}"
    return made[0]


def _records(db: Database) -> SubmissionData:
    with db.reading() as session:
        agency = session.exec(select(Agency).where(col(Agency.code) == "VLG")).one()
        period = session.exec(select(Period).where(col(Period.year) == YEAR)).one()
        return submission_data.collect(session, agency, period)


def _hostile_draft(db: Database) -> ActivityDraft:
    picks = act.choices(db)
    return ActivityDraft(
        task_code=picks.tasks[0].code, type="training", status="in_progress",
        start_date=date(YEAR, 3, 1), end_date=date(YEAR, 3, 2), budget_vnd=15_000_000,
        women=0, recommendation_codes=[picks.recommendations[0].code],
        indicators=[IndicatorDraft(name="=SUM(A1:A9)", unit="người", target=120.0,
                                   baseline=0.1, result=90.5, result_note="Sơ bộ")],
        **HOSTILE)


@dataclass(frozen=True)
class Exported:
    db: Database
    path: Path
    prepared: PreparedSubmission
    folder: Path


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    folder = tmp_path_factory.mktemp("export")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAP_REPORTER_HOME", str(folder / "home"))
        # its sheets deflated in blocks of 16 KB (block_zip; 2 MB ones only in a sheet of
        # ~1,000 activities or more), so that LibreOffice and the readers below read such
        # a file too
        patch.setattr(block_zip, "BLOCK", 2**14)
        db = Database.open(folder / "agency.sqlite")
        initialise(db, Role.AGENCY, "VLG", "Nguyễn Thị Hoà")
        drive(fill_demo(db, activities=120, seed=7, period=YEAR))
        act.save_activity(db, _hostile_draft(db), YEAR)
        path = folder / svc.suggested_file_name("VLG", YEAR, 1, "xlsx")
        prepared = drive(svc.export_xlsx(db, YEAR, path, now=NOW))
        yield Exported(db, path, prepared, folder)
        db.close()


@pytest.fixture(scope="module")
def resaved(exported: Exported) -> Path:
    """The export opened and saved again by LibreOffice."""
    return _convert(exported.path, exported.folder / "lo", "xlsx", exported.folder / "profile")


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "agency.sqlite")
    initialise(database, Role.AGENCY, "VLG")
    drive(fill_demo(database, activities=30, seed=3, period=YEAR))
    yield database
    database.close()


# --- the canonical form -------------------------------------------------------------


def test_numbers_have_one_canonical_form() -> None:
    assert canonical_number(15000000) == canonical_number(15000000.0) == 15000000
    assert canonical_number(0.1) == canonical_number(0.1000000000004) == 0.1
    assert canonical_number(-0.0) == 0 and canonical_number(1e20) == 10**20
    assert canonical_number(2.9999999999) == 3


def test_hash_ignores_row_order_nfc_and_empty_text_but_not_values(exported: Exported) -> None:
    data = exported.prepared.data
    meta = exported.prepared.meta
    first = data.activities[0]
    nfd = replace(first, title=__import__("unicodedata").normalize("NFD", first.title),
                  description=first.description or "")
    shuffled = SubmissionData([nfd, *reversed(data.activities[1:])], data.indicators[::-1],
                              data.links[::-1])
    assert content_hash(meta, shuffled) == meta.content_hash
    assert data_hash(shuffled) == data_hash(data)
    changed = SubmissionData([replace(first, women=(first.women or 0) + 1),
                              *data.activities[1:]], data.indicators, data.links)
    assert content_hash(meta, changed) != meta.content_hash
    assert content_hash(replace(meta, contact_person="Other"), data) != meta.content_hash
    assert [sheet for sheet, _ in canonical_data(data)] == [s.key for s in SHEETS]


# --- export and read back -----------------------------------------------------------


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
def test_export_reads_back_equal_to_the_database(exported: Exported, engine: str) -> None:
    read = read_submission(exported.path, engine=engine)
    expected = _records(exported.db)
    assert read.problems == [] and read.hash_ok
    assert read.data_sha256 == data_hash(read.data) == data_hash(expected)
    assert read.meta == exported.prepared.meta
    # every field of every record, the hostile texts cleaned as a workbook holds them
    assert canonical_data(read.data) == canonical_data(expected)
    hostile = next(a for a in read.data.activities if a.title == "=1+1")
    assert hostile.description == "+84 912 345 678\nDòng hai có ký tự điều khiển"
    assert (hostile.outputs, hostile.challenges, hostile.next_steps, hostile.evidence) == (
        "-5", "@x", "#N/A", "  leading and trailing spaces  ")
    assert hostile.women == 0 and hostile.budget_vnd == 15_000_000
    clean = [a for a in expected.activities if a.title != "=1+1"]
    assert [a for a in read.data.activities if a.title != "=1+1"] == clean
    assert sorted(read.data.links, key=repr) == sorted(expected.links, key=repr)
    assert sorted(read.data.indicators, key=repr) == sorted(
        [replace(i, name=i.name) for i in expected.indicators], key=repr)


def test_openpyxl_and_calamine_see_the_same_cells(exported: Exported) -> None:
    book = openpyxl.load_workbook(exported.path, read_only=True)
    calamine = CalamineWorkbook.from_path(str(exported.path))
    for sheet in SHEETS:
        ours = [list(r) for r in book[sheet.title].iter_rows(values_only=True)]
        theirs = calamine.get_sheet_by_name(sheet.title).to_python(skip_empty_area=False)
        assert len(ours) == len(theirs) == HEADER_ROWS + len(
            getattr(exported.prepared.data, sheet.key))
        assert ours[0] == [c.header_vi for c in sheet.columns]
        assert ours[1] == [c.header_en for c in sheet.columns]
        for a_row, b_row in zip(ours[HEADER_ROWS:], theirs[HEADER_ROWS:], strict=True):
            width = len(sheet.columns)
            a_row, b_row = (a_row + [None] * width)[:width], (b_row + [""] * width)[:width]
            for a, b in zip(a_row, b_row, strict=True):
                if isinstance(a, datetime):
                    a = a.date()
                assert (a if a is not None else "") == b or a == b
    book.close()


def test_no_formula_anywhere_text_is_text_and_the_layout_is_right(exported: Exported) -> None:
    book = openpyxl.load_workbook(exported.path)  # normal mode: styles and protection
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate}"
    ws = book[SHEETS[0].title]
    assert ws.freeze_panes == "A3"
    assert ws["A1"].font.b and ws["A2"].font.b
    # XlsxWriter stores the width with Excel's cell padding: the same width on screen
    assert abs(ws.column_dimensions["C"].width - SHEETS[0].column("title").width) < 1
    # coded values are written as their Vietnamese labels; the hash still reads codes
    assert {r[4].value for r in ws.iter_rows(min_row=3)} <= set(
        labels(ActivityType, "vi").values())
    assert {r[5].value for r in ws.iter_rows(min_row=3)} <= set(
        labels(ActivityStatus, "vi").values())
    # it prints on A4, one page wide, the header rows on every page, agency and pages
    assert int(ws.page_setup.paperSize) == 9 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(ws.page_setup.fitToHeight) == 0 and ws.page_setup.fitToWidth in (None, 1)
    assert ws.print_title_rows.replace("$", "") == "1:2"
    assert "Trang &P" in ws.oddFooter.right.text
    assert "Kỳ báo cáo 2025 (số liệu từ ngày 15/12/2024 đến ngày 14/12/2025)" \
        in ws.oddHeader.left.text
    row = next(r for r in ws.iter_rows(min_row=3) if r[2].value == "=1+1")
    assert row[2].data_type == "s" and row[2].quotePrefix
    assert row[3].alignment.wrap_text  # description: long text
    assert isinstance(row[6].value, datetime) and row[6].number_format == "dd/mm/yyyy"
    assert row[12].value == 15_000_000 and row[12].number_format == "#,##0"
    meta = book[META_SHEET]
    assert meta.sheet_state == "hidden" and meta.protection.sheet
    keys = [r[0].value for r in meta.iter_rows()]
    assert keys[:2] == ["format", "format_version"] and "content_hash" in keys
    assert book.properties.creator == "NAP Reporter" and book.properties.title


# --- LibreOffice, the real client ---------------------------------------------------


def test_libreoffice_resave_reads_back_intact(exported: Exported, resaved: Path) -> None:
    read = read_submission(resaved)
    assert read.problems == [] and read.hash_ok
    assert read.meta == exported.prepared.meta
    assert verify_submission(read.meta).valid  # the signature survives an office suite
    assert canonical_data(read.data) == canonical_data(read_submission(exported.path).data)


def _edit_one_cell(source: Path, target: Path) -> None:
    book = openpyxl.load_workbook(source)
    ws = book[SHEETS[0].title]
    title = next(r[2] for r in ws.iter_rows(min_row=3) if not r[2].value.startswith("="))
    title.value = f"{title.value} (sửa)"
    book.save(target)


def test_one_cell_changed_is_reported_as_edited(exported: Exported, resaved: Path) -> None:
    edited = exported.folder / "edited.xlsx"
    _edit_one_cell(exported.path, edited)
    read = read_submission(edited)
    assert read.problems == [] and not read.hash_ok
    again = _convert(edited, exported.folder / "lo-edited", "xlsx", exported.folder / "profile")
    assert not read_submission(again).hash_ok
    lo_edited = exported.folder / "lo-then-edited.xlsx"
    _edit_one_cell(resaved, lo_edited)
    assert not read_submission(lo_edited).hash_ok


def test_text_that_looks_like_a_formula_stays_text_in_libreoffice_csv(
    exported: Exported,
) -> None:
    # 44 comma, 34 quote, 76 UTF-8, first line 1, column formats default; sheet 1: activities
    target = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1"
    made = _convert(exported.path, exported.folder / "csv", target, exported.folder / "profile")
    rows = list(csv.reader(io.StringIO(made.read_text(encoding="utf-8"))))
    hostile = next(r for r in rows if r and r[2] in ("=1+1", "2"))
    assert hostile[2] == "=1+1"
    assert hostile[3].startswith("+84 912 345 678")
    assert (hostile[13], hostile[14], hostile[15]) == ("-5", "@x", "#N/A")


# --- versions and the register ------------------------------------------------------


def test_same_data_same_version_changed_data_next_version(db: Database, tmp_path: Path) -> None:
    first = drive(svc.export_xlsx(db, YEAR, tmp_path / "a.xlsx", now=NOW))
    second = drive(svc.export_xlsx(db, YEAR, tmp_path / "b.xlsx"))
    assert first.new_version and not second.new_version
    assert second.meta == first.meta and first.meta.version == 1
    assert read_submission(tmp_path / "b.xlsx").meta == first.meta
    uuid = first.data.activities[0].uuid
    draft = act.load_draft(db, uuid)
    draft.title = draft.title + " (bổ sung)"
    act.save_activity(db, draft, YEAR)
    third = drive(svc.export_xlsx(db, YEAR, tmp_path / "c.xlsx"))
    assert third.new_version and third.meta.version == 2
    assert third.meta.submission_uuid != first.meta.submission_uuid
    rows = svc.list_submissions(db)
    assert [(r.version, r.file_name) for r in rows] == [(2, "c.xlsx"), (1, "b.xlsx")]
    assert rows[0].content_hash == third.meta.content_hash
    assert rows[0].activities == len(third.data.activities)
    assert svc.suggested_file_name("vlg", YEAR, 2, ".XLSX") == "VLG_2025_v2.xlsx"


def test_one_version_never_has_two_content_hashes(db: Database, tmp_path: Path) -> None:
    """A new contact person changes what the file says: that is a new version, so the
    focal point never meets the same (UUID, version) with two different hashes."""
    from desktop_app.core.storage.settings import CONTACT, set_setting

    first = drive(svc.export_xlsx(db, YEAR, tmp_path / "a.xlsx", now=NOW))
    with db.unit_of_work() as session:
        set_setting(session, CONTACT, "Trần Thị Thuỷ")
    second = drive(svc.export_xlsx(db, YEAR, tmp_path / "b.xlsx"))
    assert second.new_version and second.meta.version == first.meta.version + 1
    assert second.meta.contact_person == "Trần Thị Thuỷ"
    again = drive(svc.export_xlsx(db, YEAR, tmp_path / "c.xlsx"))
    assert again.meta == second.meta


def test_prepare_submission_registers_and_export_then_reuses_it(db: Database,
                                                                tmp_path: Path) -> None:
    prepared = svc.prepare_submission(db, YEAR, now=NOW)
    assert prepared.new_version and prepared.meta.version == 1
    exported = drive(svc.export_xlsx(db, YEAR, tmp_path / "x.xlsx"))
    assert not exported.new_version and exported.meta == prepared.meta


def test_the_focal_point_does_not_export_a_submission(tmp_path: Path) -> None:
    focal = Database.open(tmp_path / "focal.sqlite")
    try:
        initialise(focal, Role.FOCAL_POINT)
        with pytest.raises(RefusedError) as caught:
            drive(svc.export_xlsx(focal, YEAR, tmp_path / "x.xlsx"))
        assert caught.value.problems[0].code == "submission.not_agency"
        assert list(tmp_path.glob("*.xlsx")) == []
    finally:
        focal.close()


# --- atomic writing -----------------------------------------------------------------


def _submission_rows(db: Database) -> int:
    with db.reading() as session:
        return len(session.exec(select(Submission)).all())


def _failing_writer(prepared: PreparedSubmission, path: Path, *,
                    clean: bool = True) -> Job[None]:
    path.write_bytes(b"PK half a workbook")
    yield Progress(1, 2, "xlsx")
    raise OSError(28, "No space left on device")


def test_a_failure_while_writing_leaves_no_file_and_no_version(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(xlsx_writer, "write_workbook", _failing_writer)
    with pytest.raises((OSError, RefusedError)):  # a full disk is a refusal (exit 3)
        drive(svc.export_xlsx(db, YEAR, out / "VLG.xlsx"))
    assert list(out.iterdir()) == []
    assert _submission_rows(db) == 0


def test_cancel_leaves_no_file_and_no_version(db: Database, tmp_path: Path) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        drive(svc.export_xlsx(db, YEAR, tmp_path / "VLG.xlsx"), cancel=cancel)
    assert not any(p.suffix in (".xlsx", ".part") for p in tmp_path.iterdir())
    assert _submission_rows(db) == 0


def test_a_failure_of_the_register_leaves_no_file(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk I/O error")

    from desktop_app.core.services import setup

    monkeypatch.setattr(setup, "audit", broken)  # the register's last step
    with pytest.raises(RuntimeError):
        drive(svc.export_xlsx(db, YEAR, tmp_path / "VLG.xlsx"))
    assert not any(p.suffix in (".xlsx", ".part") for p in tmp_path.iterdir())
    assert _submission_rows(db) == 0


@pytest.mark.parametrize("where", ["missing folder", "a folder"])
def test_unwritable_destinations_are_refused_before_any_work(
    db: Database, tmp_path: Path, where: str,
) -> None:
    path = tmp_path / "nowhere" / "x.xlsx" if where == "missing folder" else tmp_path
    with pytest.raises(RefusedError) as caught:
        drive(svc.export_xlsx(db, YEAR, path))
    assert caught.value.problems[0].code in ("file.no_folder", "file.is_folder")
    assert _submission_rows(db) == 0


# --- hostile files ------------------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def _refused(path: Path) -> str:
    with pytest.raises(RefusedError) as caught:
        read_submission(path)
    return caught.value.problems[0].code


def test_hostile_files_are_refused_with_clean_codes(exported: Exported, tmp_path: Path) -> None:
    rng = random.Random(4)
    junk = tmp_path / "random.xlsx"
    junk.write_bytes(bytes(rng.getrandbits(8) for _ in range(5000)))
    assert _refused(junk) == "xlsx.not_xlsx"

    assert _refused(_zip(tmp_path / "photos.xlsx", {"a.jpg": b"\xff\xd8" * 100})) == \
        "xlsx.not_xlsx"

    whole = exported.path.read_bytes()
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(whole[: len(whole) // 2])
    assert _refused(truncated) == "xlsx.damaged"

    flipped = bytearray(whole)
    middle = len(flipped) // 2
    flipped[middle:middle + 64] = bytes(64)
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(bytes(flipped))
    assert _refused(damaged) == "xlsx.damaged"

    ods = _zip(tmp_path / "sheet.ods", {
        "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
        "content.xml": b"<office:document-content/>"}, zipfile.ZIP_STORED)
    assert _refused(ods) == "xlsx.ods"

    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000))
    assert _refused(xls) == "xlsx.legacy"
    encrypted = tmp_path / "locked.xlsx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)
                          + "EncryptionInfo".encode("utf-16-le") + bytes(512))
    assert _refused(encrypted) == "xlsx.encrypted"

    bomb = _zip(tmp_path / "bomb.xlsx", {
        "[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>",
        "xl/worksheets/sheet1.xml": b"<" + b"0" * (300 * 2**20)})
    assert bomb.stat().st_size < 2 * 2**20
    assert _refused(bomb) == "xlsx.too_large"

    assert _refused(tmp_path / "absent.xlsx") == "file.not_found"


def test_a_workbook_from_another_program_is_not_a_submission(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["Họ tên", "Số tiền"])
    book.active.append(["Nguyễn Văn A", 1000])
    book.save(tmp_path / "other.xlsx")
    assert _refused(tmp_path / "other.xlsx") == "submission.no_metadata"

    book.create_sheet(META_SHEET).append(["format", "someone-else"])
    book.save(tmp_path / "other-meta.xlsx")
    assert _refused(tmp_path / "other-meta.xlsx") == "submission.foreign_format"


def _rewrite(source: Path, target: Path, sheet: str, cell: str, value: Any) -> Path:
    book = openpyxl.load_workbook(source)
    book[sheet][cell].value = value
    book.save(target)
    return target


def test_newer_format_and_broken_metadata_are_refused(exported: Exported,
                                                      tmp_path: Path) -> None:
    newer = _rewrite(exported.path, tmp_path / "newer.xlsx", META_SHEET, "B2", "99")
    assert _refused(newer) == "submission.format_too_new"
    broken = _rewrite(exported.path, tmp_path / "broken.xlsx", META_SHEET, "B10", "many")
    assert _refused(broken) == "submission.bad_metadata"


def test_wrong_cells_are_problems_with_their_location(exported: Exported,
                                                      tmp_path: Path) -> None:
    book = openpyxl.load_workbook(exported.path)
    ws = book[SHEETS[0].title]
    ws["G3"].value = "next Tuesday"  # start date
    ws["I4"].value = -3  # women
    ws["M5"].value = "a lot"  # budget
    ws["E6"].value = "party"  # type
    ws["J7"].value = 2.5  # ethnic minorities
    book.save(tmp_path / "wrong.xlsx")
    read: ReadSubmission = read_submission(tmp_path / "wrong.xlsx")
    found = {(p.code, p.where.row, p.where.column, p.field) for p in read.problems
             if p.where is not None}
    assert found == {
        ("value.not_date", 3, "G", "start_date"), ("value.negative", 4, "I", "women"),
        ("value.not_number", 5, "M", "budget_vnd"), ("value.not_in_list", 6, "E", "type"),
        ("value.not_whole_number", 7, "J", "ethnic_minorities"),
    }
    assert all(p.where is not None and p.where.sheet == SHEETS[0].title
               and p.where.file == "wrong.xlsx" for p in read.problems)
    assert not read.hash_ok
    assert len(read.data.activities) == len(exported.prepared.data.activities) - 5


def test_a_date_cell_below_day_one_says_it_holds_a_time(exported: Exported,
                                                        tmp_path: Path) -> None:
    """A date-formatted zero or negative number comes out of the file as a time of day
    (00:00:00): it is refused with words that say so (until 2 Dec 2026: "“00:00:00” is
    not a date", which no one had typed)."""
    from desktop_app.messages import problem_text

    book = openpyxl.load_workbook(exported.path)
    ws = book[SHEETS[0].title]
    for cell, value in (("G3", -5), ("G4", 0), ("G5", 0.75)):
        ws[cell].value, ws[cell].number_format = value, "dd/mm/yyyy"
    book.save(tmp_path / "early.xlsx")
    read = read_submission(tmp_path / "early.xlsx")
    found = sorted((p.code, p.where.row, p.where.column) for p in read.problems
                   if p.where is not None)
    assert found == [("value.time_not_date", row, "G") for row in (3, 4, 5)]
    first = next(p for p in read.problems if p.where is not None and p.where.row == 3)
    assert "“00:00:00”, not a date" in problem_text(first, "en")
    assert "«00:00:00» chứ không phải một ngày" in problem_text(first, "vi")
    assert "18:00:00" in problem_text(
        next(p for p in read.problems if p.where is not None and p.where.row == 5), "en")


def test_dates_as_serial_numbers_and_numbers_as_text_still_read(exported: Exported,
                                                                tmp_path: Path) -> None:
    source = read_submission(exported.path).data
    book = openpyxl.load_workbook(exported.path)
    ws = book[SHEETS[0].title]
    for row in ws.iter_rows(min_row=3):
        start = row[6]
        if isinstance(start.value, datetime):
            serial = (start.value - datetime(1899, 12, 30)).days
            start.value, start.number_format = serial, "General"
        if isinstance(row[12].value, int):
            row[12].value = str(row[12].value)
    book.save(tmp_path / "serials.xlsx")
    read = read_submission(tmp_path / "serials.xlsx")
    assert read.problems == [] and read.hash_ok
    assert canonical_data(read.data) == canonical_data(source)


def test_reader_never_raises_anything_but_a_refusal_on_garbage(tmp_path: Path) -> None:
    rng = random.Random(11)
    for index in range(30):
        path = tmp_path / f"g{index}.xlsx"
        size = rng.randint(0, 3000)
        head = rng.choice([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"])
        path.write_bytes(head + bytes(rng.getrandbits(8) for _ in range(size)))
        with contextlib.suppress(NapError):  # a refusal is fine; anything else fails
            read_submission(path)


def test_activity_records_match_columns() -> None:
    from dataclasses import fields

    assert [f.name for f in fields(ActivityRecord)] == [c.key for c in SHEETS[0].columns]


# --- the import's one way in ------------------------------------------------------------


def test_read_file_gives_a_submission_its_heading_or_a_refusal(exported: Exported,
                                                                tmp_path: Path) -> None:
    from desktop_app.core.exchange.reading import (
        Heading,
        RefusedFile,
        SubmissionFile,
        file_sha256,
        read_file,
        read_heading,
    )

    read = read_file(exported.path)
    assert isinstance(read, SubmissionFile) and read.hash_ok and read.problems == ()
    assert read.meta == exported.prepared.meta
    assert canonical_data(read.data) == canonical_data(exported.prepared.data)
    assert read.rows["activities"][:2] == [HEADER_ROWS + 1, HEADER_ROWS + 2]
    assert read.sha256 == file_sha256(exported.path) and len(read.sha256) == 64
    meta = exported.prepared.meta
    assert read_heading(exported.path) == Heading(False, "VLG", meta.agency_name_vi, YEAR,
                                                  meta.version)
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    for path in (text, tmp_path / "missing.xlsx", tmp_path):
        refused = read_file(path)
        assert isinstance(refused, RefusedFile) and refused.problems, path
        assert read_heading(path) is None


def test_the_cells_convert_the_same_for_both_readers() -> None:
    from desktop_app.core.exchange import cells

    assert [cells.column_letter(i) for i in (0, 8, 25, 26, 51, 701, 702)] == [
        "A", "I", "Z", "AA", "AZ", "ZZ", "AAA"]
    assert cells.to_date(45658) == date(2025, 1, 1) == cells.to_date("01/01/2025")
    assert cells.to_int("15,000,000") == 15_000_000 and cells.to_text(3.0) == "3"
    for value, code in (("nhiều", "value.not_number"), (-4, "value.negative"),
                        (2.5, "value.not_whole_number")):
        with pytest.raises(cells.CellProblem) as caught:
            cells.to_int(value)
        assert caught.value.code == code
    status = SHEETS[0].column("status")
    assert cells.convert("activities", status, " completed ") == "completed"
    with pytest.raises(cells.CellProblem) as caught:
        cells.convert("activities", status, "done")
    assert caught.value.code == "value.not_in_list"
