"""The workbooks printed as a person prints them: through LibreOffice headless to PDF.

A 500-activity submission prints in at most 30 A4 pages, one page wide, its titles on
page 1 with the agency and the period above them. The national workbook of the same
activities prints in proportion: at most 45 pages (its annex is one narrow row an
activity, its four other sheets a few pages); the blank template in at most 10 (its
instructions whole inside the page, each data sheet's first rows). Page counts come
from pdfinfo and the words of a page from pdftotext.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from desktop_app.core.catalog.document import read_bundled_catalog
from desktop_app.core.domain.enums import Role
from desktop_app.core.exchange.problems_workbook import ProblemLine, write_problems_workbook
from desktop_app.core.exchange.template import write_template
from desktop_app.core.progress import drive
from desktop_app.core.services import submissions as svc
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.national_report import export_national_xlsx
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.templates import catalog_of_document
from desktop_app.core.storage.database import Database

YEAR = 2025
ACTIVITIES = 500


def _tools() -> str:
    soffice = shutil.which("libreoffice") or shutil.which("soffice")
    if soffice is None or shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice and poppler-utils are required on CI")
        pytest.skip("LibreOffice or poppler-utils is not installed")
    return soffice


def _print(workbook: Path, tmp_path: Path) -> Path:
    subprocess.run([_tools(), f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(workbook)], check=True, capture_output=True, timeout=300,
                   env={**os.environ, "LC_ALL": "C.UTF-8"})
    pdf = tmp_path / f"{workbook.stem}.pdf"
    assert pdf.exists(), "LibreOffice printed nothing"
    return pdf


def _pages(pdf: Path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    return pages, info


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def agency(tmp_path_factory: pytest.TempPathFactory) -> Database:
    folder = tmp_path_factory.mktemp("print-agency")
    db = Database.open(folder / "a.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(fill_demo(db, activities=ACTIVITIES, seed=1, period=YEAR))
    return db


def test_a_500_activity_submission_prints_on_at_most_30_pages_titles_first(
        agency: Database, tmp_path: Path) -> None:
    _tools()
    path = tmp_path / "VLG_2025.xlsx"
    export = drive(svc.export_xlsx(agency, YEAR, path))
    pdf = _print(path, tmp_path)
    pages, info = _pages(pdf)
    assert re.search(r"Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)", info)  # landscape
    assert pages <= 30
    first = _page_text(pdf, 1)
    assert "Vĩnh Long" in first and "2025" in first  # the print header
    titles = [a.title for a in export.data.activities[:3]]
    # the first activities' titles (as pdftotext wraps them: compare their first words)
    for title in titles:
        assert " ".join(title.split()[:3]) in " ".join(first.split())
    assert "Tên hoạt động" in first and "Trang 1 /" in first


def test_the_national_workbook_prints_in_proportion(tmp_path: Path) -> None:
    _tools()
    db = Database.open(tmp_path / "f.sqlite")
    initialise(db, Role.FOCAL_POINT, None)
    drive(fill_demo(db, activities=ACTIVITIES, seed=1, period=YEAR))
    path = tmp_path / "national.xlsx"
    drive(export_national_xlsx(db, YEAR, path))
    pdf = _print(path, tmp_path)
    pages, _info = _pages(pdf)
    assert pages <= 45
    first = _page_text(pdf, 1)
    assert "Báo cáo tổng hợp" in first and "Kỳ báo cáo" in first


def test_the_blank_template_prints_as_a_short_form_its_instructions_whole(
        tmp_path: Path) -> None:
    _tools()
    path = tmp_path / "mau.xlsx"
    write_template(path, catalog_of_document(read_bundled_catalog()), period=YEAR)
    pdf = _print(path, tmp_path)
    pages, _info = _pages(pdf)
    # instructions (2), general information (1), three data sheets' first rows (3), the
    # catalog (2-3): not 2,000 numbered rows each
    assert pages <= 10
    first = " ".join(_page_text(pdf, 1).split())
    assert "MẪU BÁO CÁO" in first and "Kỳ báo cáo 2025" in first
    # a long line of the instructions, wrapped inside the page: its last words are there
    assert "Danh mục phiên bản" in first and "Trang 1 /" in first


def test_the_problems_workbook_has_a_print_setup(tmp_path: Path) -> None:
    path = tmp_path / "loi.xlsx"
    write_problems_workbook([ProblemLine("a.xlsx", "VLG", "Hoạt động", 3, "B", "task_code",
                                         "=sai", "wrong")], path)
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and int(ws.page_setup.fitToHeight) == 0
    assert ws.print_title_rows.replace("$", "") == "1:2" and "&P" in ws.oddFooter.right.text
