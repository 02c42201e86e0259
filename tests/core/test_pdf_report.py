"""The official PDF report, checked the way a reader would: with poppler's tools.

pdftotext shows what a person (or a search) reads, pdffonts which fonts are embedded,
pdfinfo the page size and metadata. Without poppler-utils these tests are skipped,
except in CI (CI=true), where a missing tool is a failure.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.exchange import agency_pdf, pdf_kit
from desktop_app.core.exchange.agency_pdf import render
from desktop_app.core.exchange.report_model import ReportLookups
from desktop_app.core.exchange.submission import (
    ActivityRecord,
    IndicatorRecord,
    PreparedSubmission,
    SubmissionData,
    SubmissionMeta,
)
from desktop_app.core.paths import resources_dir
from desktop_app.core.problems import RefusedError
from desktop_app.core.progress import Progress, drive
from desktop_app.core.services.agency_report import export_pdf, report_lookups
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.report_settings import (
    ReportSettings,
    load_report_settings,
    save_report_settings,
)
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

YEAR = 2025
SIGNER = "Nguyễn Văn Bình"
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
STYLES = {"Tinos", "Tinos-Bold", "Tinos-Italic", "Tinos-BoldItalic"}


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


def page_texts(pdf: Path, *, raw: bool = False) -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed).

    raw: in drawing order, which keeps the lines of one table cell together.
    """
    mode = ["-raw"] if raw else []
    return run("pdftotext", *mode, "-enc", "UTF-8", str(pdf), "-").split("\f")[:-1]


def squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFC", text).split())


@dataclass(frozen=True)
class Report:
    pdf: Path
    prepared: PreparedSubmission
    db_path: Path


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Report]:
    folder = tmp_path_factory.mktemp("pdf")
    db = Database.open(folder / "agency.sqlite")
    try:
        initialise(db, Role.AGENCY, "VLG", "Nguyễn Thị Hoa")
        drive(fill_demo(db, activities=150, seed=1, period=YEAR))
        save_report_settings(db, replace(load_report_settings(db), signer_name=SIGNER))
        pdf = folder / "VLG_2025_v1.pdf"
        prepared = drive(export_pdf(db, YEAR, pdf))
        yield Report(pdf, prepared, folder / "agency.sqlite")
    finally:
        db.close()


def test_the_font_covers_every_vietnamese_letter() -> None:
    from reportlab.pdfbase.ttfonts import TTFont

    letters = {"đ", "Đ"}
    for base in "aăâeêioôơuưy":
        for mark in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"):
            letter = unicodedata.normalize("NFC", base + mark)
            letters |= {letter, letter.upper()}
    letters -= set("aeiouyAEIOUY")
    assert len(letters) == 134
    for style, file_name in pdf_kit.STYLES.items():
        font = TTFont(f"check-{style}", str(resources_dir() / "fonts" / file_name))
        missing = sorted(c for c in letters if ord(c) not in font.face.charToGlyph)
        assert missing == [], style
    assert (resources_dir() / "fonts" / "LICENSE-Tinos.txt").read_text(
        encoding="utf-8").count("SIL OPEN FONT LICENSE") >= 1


def test_the_text_has_the_official_parts_with_every_letter_right(report: Report) -> None:
    pages = page_texts(report.pdf)
    text = unicodedata.normalize("NFC", "\n".join(pages))
    assert NATION in text
    assert MOTTO in text
    assert "ỦY BAN NHÂN DÂN" in text and "TỈNH VĨNH LONG" in text
    assert "Vĩnh Long, ngày" in text
    assert "BÁO CÁO" in text
    assert "1252/QĐ-TTg" in text
    assert "Nơi nhận:" in text and "- Bộ Tư pháp;" in text
    assert SIGNER in text
    meta = report.prepared.meta
    assert f"phiên bản {meta.version}" in text
    assert meta.content_hash[:16] in text
    # An activity title exactly as typed, diacritics and all (wrapped lines joined).
    squeezed = squeeze("".join(page_texts(report.pdf, raw=True)))
    titles = [a.title for a in report.prepared.data.activities
              if not a.title.isascii() and not a.title.startswith("=")]
    assert titles
    assert squeeze(titles[0]) in squeezed
    shown = sum(squeeze(t) in squeezed for t in titles[:40])
    assert shown == len(titles[:40])


def test_only_tinos_is_used_and_every_style_is_embedded(report: Report) -> None:
    lines = run("pdffonts", str(report.pdf)).splitlines()[2:]
    assert lines
    names = set()
    for line in lines:
        fields = line.split()
        name = fields[0].split("+")[-1]
        emb = fields[-5]
        assert name in STYLES, line
        assert emb == "yes", line
        names.add(name)
    assert names == STYLES


def test_a4_metadata_and_page_numbers_from_page_two(report: Report) -> None:
    info = run("pdfinfo", str(report.pdf))
    assert re.search(r"Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)", info)
    assert "Creator:         NAP Reporter" in info
    assert "Author:          Ủy ban nhân dân tỉnh Vĩnh Long" in info
    assert report.prepared.meta.content_hash in info  # the full hash, in the keywords
    pages = page_texts(report.pdf)
    assert len(pages) >= 3
    first_line = [line for line in pages[0].splitlines() if line.strip()][0]
    assert not first_line.strip().isdigit()
    for number, page in enumerate(pages[1:4], start=2):
        assert page.lstrip().splitlines()[0].strip() == str(number)


def test_a_long_table_repeats_its_header_on_the_next_page(report: Report) -> None:
    pages = page_texts(report.pdf)
    annex = next(i for i, p in enumerate(pages) if "DANH MỤC CÁC HOẠT ĐỘNG" in p)
    indicators = next(i for i, p in enumerate(pages) if "SO VỚI CHỈ TIÊU" in p)
    assert indicators - annex >= 2
    for page in pages[annex:indicators]:
        assert "Tên hoạt động" in page and "Kinh phí" in page
    # A page goes on with the table of the page before (and starts with its header row)
    # unless it starts with the heading of the next task.
    continued = 0
    for page in page_texts(report.pdf, raw=True)[annex + 1:indicators]:
        first = [line for line in page.splitlines()[1:]
                 if line.strip() and not line.startswith("NAP Reporter")][0]  # no footer
        if first.startswith("STT"):
            continued += 1
        else:
            assert re.match(r"\d+\.(\d+\.)? ", first), first
    assert continued >= 1
    *table, last = pages[indicators + 1:]
    for page in table:
        assert "Chỉ số" in page and "Đánh giá" in page
    # the last page may hold only the closing line (software, hash, report id) when the
    # table ends at the foot of the page before
    assert ("Chỉ số" in last and "Đánh giá" in last) or "mã báo cáo" in last


def test_the_pages_render_to_pictures(report: Report, tmp_path: Path) -> None:
    pages = len(page_texts(report.pdf))
    for first in (1, 2, pages):
        run("pdftoppm", "-png", "-r", "60", "-f", str(first), "-l", str(first),
            str(report.pdf), str(tmp_path / "page"))
    pictures = sorted(tmp_path.glob("page-*.png"))
    assert len(pictures) == 3
    assert all(p.stat().st_size > 5000 for p in pictures)


def test_the_same_data_exports_the_same_version(report: Report, tmp_path: Path) -> None:
    db = Database.open(report.db_path)
    try:
        again = drive(export_pdf(db, YEAR, tmp_path / "again.pdf"))
    finally:
        db.close()
    assert again.meta.version == report.prepared.meta.version
    assert again.meta.content_hash == report.prepared.meta.content_hash
    assert squeeze(report.prepared.meta.content_hash[:16]) in squeeze(
        "".join(page_texts(tmp_path / "again.pdf")))


def test_a_destination_that_cannot_be_written_is_refused_and_leaves_nothing(
        report: Report, tmp_path: Path) -> None:
    db = Database.open(report.db_path)
    try:
        with pytest.raises(RefusedError) as missing:
            drive(export_pdf(db, YEAR, tmp_path / "no such folder" / "r.pdf"))
        assert missing.value.problems[0].code.startswith("file.")
        if os.geteuid() != 0:  # root writes anywhere
            locked = tmp_path / "locked"
            locked.mkdir()
            locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
            with pytest.raises(RefusedError):
                drive(export_pdf(db, YEAR, locked / "r.pdf"))
            locked.chmod(stat.S_IRWXU)
            assert list(locked.iterdir()) == []
    finally:
        db.close()


def test_cancelling_leaves_no_file(report: Report, tmp_path: Path) -> None:
    db = Database.open(report.db_path)
    try:
        job = export_pdf(db, YEAR, tmp_path / "r.pdf")
        for step in job:
            if step.stage == "render" and step.done >= 2:
                break
        job.close()
    finally:
        db.close()
    assert list(tmp_path.iterdir()) == []


# --- a submission built by hand: NFD text, the cap of the annex ------------------------


def _prepared(activities: int) -> PreparedSubmission:
    nfd = unicodedata.normalize("NFD", "Tập huấn về quyền của người khuyết tật ở xã Ỷ La")
    acts = [ActivityRecord(
        uuid=f"00000000-0000-0000-0000-{n:012d}", task_code="QD1252-T05",
        title=f"{nfd} {n}", description=None, type="training", status="completed",
        start_date=date(2025, 3, 1), end_date=date(2025, 3, 2), women=10, ethnic_minorities=None,
        disabilities=3, children=None, budget_vnd=1_500_000, outputs="Đã tổ chức 1 lớp.",
        challenges="Kinh phí còn hạn chế.", next_steps=None, evidence=None)
        for n in range(1, activities + 1)]
    inds = [IndicatorRecord(
        uuid="10000000-0000-0000-0000-000000000001", activity_uuid=acts[0].uuid,
        task_code="QD1252-T05", name="Số người được tập huấn", unit="người", baseline=0,
        target=100, due_date=None, result_uuid=None, result=120.5, result_note=None)]
    meta = SubmissionMeta(
        format_version=1, app_version="0.0.0", agency_code="VLG", agency_name_vi="Vĩnh Long",
        agency_name_en="Vinh Long", contact_person="", period=YEAR,
        submission_uuid="20000000-0000-0000-0000-000000000002", version=7,
        created_at=datetime(2026, 1, 5, 2, 0, tzinfo=UTC), activities=len(acts),
        indicators=1, links=0, content_hash="ab" * 32)
    return PreparedSubmission(meta, SubmissionData(acts, inds, []), new_version=True)


LOOKUPS = ReportLookups(agency_name_vi="Vĩnh Long", plan_decision="1252/QĐ-TTg",
                        plan_signed_on=date(2019, 9, 26), plan_title_vi="Kế hoạch thử",
                        areas=(), tasks=())
SETTINGS = ReportSettings(
    governing_body=unicodedata.normalize("NFD", "Ủy ban nhân dân\ntỉnh Vĩnh Long"),
    issuing_unit="Sở Tư pháp", document_number="Số: 12/BC-STP", place="Vĩnh Long",
    signer_title="KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
    signer_name=unicodedata.normalize("NFD", "Trần Thị Ánh Tuyết"),
    recipients=("- Bộ Tư pháp;", "- Lưu: VT."), fill_date=True)


def test_decomposed_text_is_drawn_composed(tmp_path: Path) -> None:
    pdf = tmp_path / "r.pdf"
    render(_prepared(3), SETTINGS, LOOKUPS, pdf)
    text = unicodedata.normalize("NFC", "\n".join(page_texts(pdf)))
    raw = "\n".join(page_texts(pdf))
    assert "\u0301" not in raw and "\u0309" not in raw  # no loose combining marks
    assert "Trần Thị Ánh Tuyết" in text
    assert "SỞ TƯ PHÁP" in text and "ỦY BAN NHÂN DÂN" in text
    assert "Vĩnh Long, ngày 05 tháng 01 năm 2026" in text  # Vietnam time, zero-padded
    assert "Số: 12/BC-STP" in text.replace("\u00a0", " ")
    assert squeeze("Tập huấn về quyền của người khuyết tật ở xã Ỷ La 1") in squeeze(text)
    assert "120,5" in text and "1.500.000" in text
    assert "phiên bản 7" in text and "abababababababab" in text


def test_a_huge_annex_is_capped_and_says_so(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(agency_pdf, "MAX_ANNEX_ACTIVITIES", 4)
    pdf = tmp_path / "r.pdf"
    render(_prepared(10), SETTINGS, LOOKUPS, pdf)
    text = " ".join(unicodedata.normalize("NFC", "\n".join(page_texts(pdf))).split())
    assert "Phụ lục này liệt kê 4 trong số 10 hoạt động" in text
    assert "10 hoạt động" in text  # the summary still counts them all


def test_progress_reports_pages(report: Report, tmp_path: Path) -> None:
    db = Database.open(report.db_path)
    steps: list[Progress] = []
    try:
        drive(export_pdf(db, YEAR, tmp_path / "r.pdf"), steps.append)
    finally:
        db.close()
    rendered = [s for s in steps if s.stage == "render"]
    assert rendered and rendered[-1].done >= 3
    assert steps[-1].stage == "done"
    assert report_lookups  # the lookups are public for callers that render themselves


def test_the_report_reads_as_a_civil_servant_writes_it(report: Report) -> None:
    text = unicodedata.normalize("NFC", "\n".join(page_texts(report.pdf)))
    squeezed = squeeze(text)
    # The excerpt names the plan once and the Decision that approved it.
    assert squeeze("Kết quả thực hiện Kế hoạch tăng cường thực thi hiệu quả Công ước") in squeezed
    assert squeeze("được phê duyệt tại Quyết định số 1252/QĐ-TTg ngày 26/09/2019 của Thủ "
                   "tướng Chính phủ") in squeezed
    assert squeeze("ban hành kèm theo") not in squeezed
    assert squeeze("thực hiện Kế hoạch thực hiện") not in squeezed
    assert squeeze("(Kỳ báo cáo năm 2025: số liệu từ ngày 15/12/2024 đến ngày 14/12/2025)"
                   ) in squeezed
    # The body names the issuing body in full, tasks by number, never internal codes.
    assert squeeze("Ủy ban nhân dân tỉnh Vĩnh Long đã triển khai") in squeezed
    assert re.search(r"Nhiệm vụ \d+\. ", text)
    assert not re.search(r"QD\d{4}-T\d+|CO\d-[A-Z]+|UPR\d-T\d+", text)
    # Each annex refers to the report by its number and date.
    assert squeezed.count(squeeze("(Kèm theo Báo cáo số")) == 2
    in_order = squeeze("".join(page_texts(report.pdf, raw=True)))
    assert squeeze("ngày tháng năm") in in_order  # the clerk writes the day and month
    assert squeeze("của Ủy ban nhân dân tỉnh Vĩnh Long)") in in_order


@pytest.mark.parametrize(("most", "step"), [(0, 1), (1, 1), (5, 1), (7, 2), (13, 5),
                                            (60, 10), (300, 50), (1234, 500)])
def test_chart_axes_step_in_whole_numbers(most: int, step: int) -> None:
    assert pdf_kit.whole_step(most) == step


def test_a_chart_of_one_activity_labels_its_axis_0_and_1() -> None:
    from desktop_app.core.exchange.report_model import AreaProgress, IndicatorCounts, StatusCounts

    one = AreaProgress("A1", 1, "Lĩnh vực", "Area",
                       StatusCounts.from_mapping({"completed": 1}), IndicatorCounts())
    chart = next(c for c in pdf_kit.status_chart([one]).contents
                 if hasattr(c, "valueAxis"))
    assert (chart.valueAxis.valueStep, chart.valueAxis.valueMax) == (1, 1)


def test_the_issuing_body_is_named_in_full() -> None:
    from desktop_app.core.exchange.report_model import issuing_body_vi

    assert issuing_body_vi("city", "Hà Nội") == "Ủy ban nhân dân Thành phố Hà Nội"
    assert issuing_body_vi("city", "Thành phố Hồ Chí Minh") == (
        "Ủy ban nhân dân Thành phố Hồ Chí Minh")
    assert issuing_body_vi("province", "Vĩnh Long") == "Ủy ban nhân dân tỉnh Vĩnh Long"
    assert issuing_body_vi("ministry", "Bộ Tư pháp") == "Bộ Tư pháp"
