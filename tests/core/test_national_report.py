"""The focal point's national report: its numbers are the services' numbers, its workbook
holds text as text, its PDF is the official format issued by the Ministry of Justice."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import col, select

from desktop_app.core.domain.enums import ActivityStatus, ActivityType, AgencyKind, Role
from desktop_app.core.domain.labels import labels
from desktop_app.core.domain.models import Activity, Agency, Period, Submission, Task
from desktop_app.core.problems import RefusedError, UsageError
from desktop_app.core.progress import drive
from desktop_app.core.services.assessments import assess, record_committee_grade
from desktop_app.core.services.completeness import completeness
from desktop_app.core.services.consolidated import by_area, by_recommendation
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.focal_facts import grade_meanings
from desktop_app.core.services.national_report import (
    export_national_pdf,
    export_national_xlsx,
    national_report_data,
    read_national_report,
)
from desktop_app.core.services.report_settings import load_report_settings
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

YEAR = 2025
NOTE = "Đã sửa đổi Bộ luật Hình sự, giảm số tội danh có hình phạt tử hình."
TEST_DOCUMENT = "CCPR/C/TEST/1"  # a made-up symbol, for the test only
FORMULA_TITLE = "=1+1"
NOW = datetime(2026, 1, 20, 3, tzinfo=UTC)


@dataclass(frozen=True)
class Made:
    db: Database
    folder: Path
    xlsx: Path
    pdf: Path
    follow_up: str


def _former_province_submission(db: Database) -> None:
    """Hà Giang (merged into Tuyên Quang in 2025) sends one activity titled "=1+1"."""
    with db.unit_of_work() as session:
        period = session.exec(select(Period).where(col(Period.year) == YEAR)).one()
        hgg = session.exec(select(Agency).where(col(Agency.code) == "HGG")).one()
        task = session.exec(select(Task)).first()
        assert task is not None
        sub = Submission(uuid=str(uuid.uuid4()), agency_id=hgg.id or 0,
                         period_id=period.id or 0, version=1, content_hash="0" * 64,
                         created_at=datetime(YEAR, 12, 1, 2, tzinfo=UTC),
                         received_at=datetime(YEAR, 12, 1, 3, tzinfo=UTC), activities=1,
                         indicators=0, results=0, file_name="HGG_2025_v1.xlsx")
        session.add(sub)
        session.flush()
        session.add(Activity(uuid=str(uuid.uuid4()), agency_id=hgg.id or 0,
                             period_id=period.id or 0, task_id=task.id or 0,
                             title=FORMULA_TITLE, type="training", status="completed",
                             submission_id=sub.id))


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Made]:
    folder = tmp_path_factory.mktemp("national")
    db = Database.open(folder / "focal.sqlite")
    try:
        initialise(db, Role.FOCAL_POINT)
        drive(fill_demo(db, activities=400, seed=1, period=YEAR))
        _former_province_submission(db)
        follow_up = next(r.code for r in by_recommendation(db, YEAR) if r.follow_up)
        assess(db, follow_up, "partially", NOTE, YEAR)
        record_committee_grade(db, follow_up, "B", TEST_DOCUMENT, date(2024, 11, 1))
        xlsx, pdf = folder / "national.xlsx", folder / "national.pdf"
        assert drive(export_national_xlsx(db, YEAR, xlsx, now=NOW)) == xlsx
        assert drive(export_national_pdf(db, YEAR, pdf, now=NOW)) == pdf
        yield Made(db, folder, xlsx, pdf, follow_up)
    finally:
        db.close()


def _rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    wb = load_workbook(path, read_only=True)
    try:
        return [tuple(r) for r in wb[sheet].iter_rows(values_only=True)]
    finally:
        wb.close()


def test_the_data_agrees_with_the_services(made: Made) -> None:
    report = national_report_data(made.db, YEAR, now=NOW)
    grid = completeness(made.db, report.grid.years, today=NOW.date())
    assert report.counts == grid.counts[-1]
    assert report.grid.years[-1] == YEAR
    assert report.recommendations == by_recommendation(made.db, YEAR)
    assert report.areas == by_area(made.db, YEAR)
    assert report.statuses.total == sum(a.activities.total for a in report.areas)
    assert len(report.activities) == report.statuses.total
    # The former province's activity counts under its successor and keeps its own name.
    former = [a for a in report.activities if a.agency.code == "HGG"]
    assert len(former) == 1 and former[0].rollup.code == "TQG"
    tqg = next(r for r in report.grid.rows if r.code == "TQG")
    assert "HGG" in {u.code for u in report.cell_of(tqg).units}


def test_one_session_reads_the_same_report(made: Made) -> None:
    with made.db.reading() as session:
        inside = read_national_report(session, YEAR, NOW)
    assert inside == national_report_data(made.db, YEAR, now=NOW)


def test_the_words_come_from_the_label_table_and_the_catalog(made: Made) -> None:
    report = national_report_data(made.db, YEAR, now=NOW)
    catalog = grade_meanings(made.db)
    assert list(report.grades) == catalog and catalog[1].meaning_en
    summary = [row[1] for row in _rows(made.xlsx, "Tổng hợp")]
    assert f"  Grade B: {catalog[1].meaning_en}" in summary
    recs = _rows(made.xlsx, "Theo khuyến nghị")[2:]
    graded = next(r for r in recs if r[1] == made.follow_up)
    assert graded[14] == f"{catalog[1].meaning_vi} / {catalog[1].meaning_en}"
    annex = _rows(made.xlsx, "Phụ lục hoạt động")[2:]
    assert {r[8] for r in annex} <= set(labels(ActivityStatus, "vi").values())
    assert {r[7] for r in annex} <= set(labels(ActivityType, "vi").values())
    grid = _rows(made.xlsx, "Tình hình báo cáo")
    kinds = {r[4] for r in grid[2:] if r and isinstance(r[0], int)}
    assert kinds and kinds <= set(labels(AgencyKind, "vi").values())


def test_defaults_are_the_ministry_of_justice(made: Made) -> None:
    s = load_report_settings(made.db)
    assert s.governing_body == "BỘ TƯ PHÁP"
    assert s.document_number.startswith("Số:") and s.document_number.endswith("/BC-BTP")
    assert s.place == "Hà Nội"
    assert s.recipients == ("- Thủ tướng Chính phủ (để báo cáo);", "- Lưu: VT, Vụ PLQT.")


def test_the_workbook_numbers_equal_the_services(made: Made) -> None:
    wb = load_workbook(made.xlsx, read_only=True)
    assert wb.sheetnames == ["Tổng hợp", "Tình hình báo cáo", "Theo lĩnh vực",
                             "Theo khuyến nghị", "Phụ lục hoạt động"]
    wb.close()
    report = national_report_data(made.db, YEAR, now=NOW)
    c = report.counts
    summary = {row[0]: row[2] for row in _rows(made.xlsx, "Tổng hợp")[2:]}
    assert summary["Số cơ quan phải báo cáo"] == c.agencies
    assert summary["Số cơ quan đã gửi báo cáo"] == c.received
    assert summary["- Đúng hạn"] == c.on_time
    assert summary["- Muộn"] == c.late
    assert c.on_time_rate is not None
    assert summary["Tỷ lệ báo cáo đúng hạn (trên số đã nhận)"] == pytest.approx(
        c.on_time_rate, abs=1e-4)
    assert summary["Tổng số hoạt động"] == report.statuses.total

    grid = _rows(made.xlsx, "Tình hình báo cáo")
    assert grid[0][0] == "STT" and grid[1][0] == "No."
    state_col = grid[0].index(f"Năm {YEAR}: tình trạng")
    # a split former ministry is a row of its own for the years it had to report for
    split = {row.code for row in report.grid.rows if row.split_between}
    assert split == {"BLDTBXH"}
    states = [r[state_col] for r in grid[2:] if r and isinstance(r[0], int)
              and r[1] not in split]
    assert len(states) == c.agencies
    assert states.count("Đúng hạn / On time") == c.on_time
    assert states.count("Muộn / Late") == c.late
    assert states.count("Chưa nhận / Not received") == c.not_received

    recs = _rows(made.xlsx, "Theo khuyến nghị")[2:]
    expected = by_recommendation(made.db, YEAR)
    assert [r[1] for r in recs] == [v.code for v in expected]
    assert [r[9] for r in recs] == [v.activities for v in expected]
    flags = [r[4] for r in recs]
    assert flags[0] == "Có / Yes"
    first_other = flags.index(None)
    assert all(f is None for f in flags[first_other:])  # follow-up ones first
    graded = next(r for r in recs if r[1] == made.follow_up)
    assert str(graded[13]).endswith(f"B — {TEST_DOCUMENT}, 2024-11-01")  # the latest last
    assert "partially satisfactory" in str(graded[14])
    assert "Partially implemented" in str(graded[15]) and graded[16] == NOTE

    annex = _rows(made.xlsx, "Phụ lục hoạt động")[2:]
    assert len(annex) == report.statuses.total
    hgg = next(r for r in annex if r[3] == "HGG")
    assert hgg[1] == "TQG" and hgg[6] == FORMULA_TITLE


def test_no_cell_anywhere_is_a_formula(made: Made) -> None:
    wb = load_workbook(made.xlsx)  # not read-only: data_type "f" shows formulas
    found = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                found += cell.value == FORMULA_TITLE
    assert found == 1
    wb.close()


def test_refusals(made: Made, tmp_path: Path) -> None:
    with pytest.raises(UsageError) as unknown:
        drive(export_national_xlsx(made.db, 2099, tmp_path / "x.xlsx"))
    assert unknown.value.problems[0].code == "period.unknown"
    with pytest.raises(RefusedError) as folder:
        drive(export_national_pdf(made.db, YEAR, tmp_path / "missing" / "x.pdf"))
    assert folder.value.problems[0].code == "file.cannot_write"
    agency = Database.open(tmp_path / "agency.sqlite")
    try:
        initialise(agency, Role.AGENCY, "VLG")
        with pytest.raises(RefusedError) as role:
            drive(export_national_xlsx(agency, YEAR, tmp_path / "a.xlsx"))
        assert role.value.problems[0].code == "role.not_focal_point"
    finally:
        agency.close()
    assert list(tmp_path.glob("*.part")) == [] and not (tmp_path / "a.xlsx").exists()


# --- the PDF ----------------------------------------------------------------------------


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{name} is missing: install poppler-utils")
        pytest.skip(f"{name} not installed (poppler-utils)")
    return found


def run(*args: str) -> str:
    return subprocess.run([tool(args[0]), *args[1:]], check=True, capture_output=True,
                          text=True, encoding="utf-8").stdout


def test_the_pdf_reads_as_the_official_report(made: Made) -> None:
    pages = run("pdftotext", "-enc", "UTF-8", str(made.pdf), "-").split("\f")[:-1]
    text = unicodedata.normalize("NFC", "\n".join(pages))
    for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "BỘ TƯ PHÁP", "/BC-BTP", "Hà Nội, ngày", "BÁO CÁO",
                   "Tổng hợp kết quả thực hiện Kế hoạch", "I. TÌNH HÌNH BÁO CÁO",
                   "II. KẾT QUẢ THỰC HIỆN THEO LĨNH VỰC", "III. KẾT QUẢ THỰC HIỆN CÁC KHUYẾN NGHỊ",
                   "IV. ĐÁNH GIÁ CHUNG, KIẾN NGHỊ", "Nơi nhận:", "Thủ tướng Chính phủ (để báo cáo)",
                   "Phụ lục I", "Phụ lục II", "Tuyên Quang", "mức B"):
        assert phrase in text, phrase
    squeezed = "".join(text.split())
    assert "đượcphêduyệttạiQuyếtđịnhsố1252/QĐ-TTgngày26/09/2019" in squeezed
    assert "banhànhkèmtheo" not in squeezed
    # Recommendations by where they are in their document, never by internal code.
    rec = next(r for r in by_recommendation(made.db, YEAR) if r.code == made.follow_up)
    where = f"đoạn {rec.paragraph}, {rec.source_symbol}"
    assert where in text
    assert made.follow_up not in text
    # The grade is explained in the catalog's words.
    meaning = grade_meanings(made.db)[1].meaning_vi.lower().rstrip(".")
    assert "".join(meaning.split()) in "".join(text.split())
    # The follow-up recommendation comes before the table of the others.
    assert text.index(where) < text.index("2. Các khuyến nghị khác")
    # The others come under one heading per source, in the report's order of sources.
    others = [x for x in national_report_data(made.db, YEAR, now=NOW).recommendations
              if not x.follow_up]
    sources = list(dict.fromkeys((x.source_code, x.source_title_vi, x.source_symbol)
                                 for x in others))
    assert len(sources) >= 2  # the Committee's observations and the UPR cycles
    at = squeezed.index("2.Cáckhuyếnnghịkhác")
    for k, (code, title, symbol) in enumerate(sources, start=1):
        count = sum(1 for x in others if x.source_code == code)
        heading = (f"{title} ({symbol})" if title and symbol else title or symbol or code)
        found = squeezed.index("".join(f"2.{k}. {heading} ({count} khuyến nghị)".split()), at)
        assert found > at
        at = found
    # Page numbers from page 2 on, none on page 1.
    assert not pages[0].lstrip().splitlines()[0].strip().isdigit()
    for number, page in enumerate(pages[1:4], start=2):
        assert page.lstrip().splitlines()[0].strip() == str(number)


def test_the_pdf_embeds_only_tinos(made: Made) -> None:
    lines = run("pdffonts", str(made.pdf)).splitlines()[2:]
    assert lines
    for line in lines:
        fields = line.split()
        assert fields[0].split("+")[-1].startswith("Tinos"), line
        assert fields[-5] == "yes", line


def test_the_pdf_names_who_did_not_report_and_every_recommendation_by_its_text(
        made: Made) -> None:
    text = unicodedata.normalize("NFC", run("pdftotext", "-enc", "UTF-8", str(made.pdf), "-"))
    squeezed = "".join(text.split())
    missing = squeezed[squeezed.index("cơquanchưagửibáocáo:"):squeezed.index("Bảng1.")]
    assert "BộTưpháp" not in missing  # the focal point receives the reports
    report = national_report_data(made.db, YEAR, now=NOW)
    other = next(r for r in report.recommendations if not r.follow_up and r.paragraph)
    table = squeezed[squeezed.index("2.Cáckhuyếnnghịkhác"):squeezed.index("Bảng4.")]
    assert "".join(other.text_vi.split())[:40] in table
    assert squeezed.count("(KèmtheoBáocáosố") == 2


def test_the_reports_say_which_recommendations_are_checked_and_which_to_check(
        made: Made) -> None:
    views = {v.code: v for v in by_recommendation(made.db, YEAR)}
    recs = _rows(made.xlsx, "Theo khuyến nghị")[2:]
    cells = {r[1]: r[-1] for r in recs}
    for code, cell in cells.items():
        view = views[code]
        wanted = ("Tóm tắt theo chủ đề" if view.illustrative
                  else "Đã đối chiếu" if view.verified else "Cần đối chiếu")
        assert str(cell).startswith(wanted), (code, cell)
    assert any(v.illustrative for v in views.values())
    squeezed = "".join(unicodedata.normalize(
        "NFC", run("pdftotext", "-enc", "UTF-8", str(made.pdf), "-")).split())
    assert "tómtắttheochủđề,chưaphảinguyênvănkhuyếnnghị" in squeezed


def test_provenance_comes_from_the_catalog_files() -> None:
    from desktop_app.core.catalog.provenance import provenance_of

    found = provenance_of("recommendations", "CO3-NONDISC")
    assert found is not None and found.document == "CCPR/C/VNM/CO/3"
    assert found.checked == "unchecked" and "paragraph" in found.to_check
    assert not found.confirmed
    assert provenance_of("recommendations", "NO-SUCH") is None
