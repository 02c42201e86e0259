"""The focal point's contacts at each agency and the reminder list of who has not reported."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import col, select

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import Agency, AuditEvent, Period, Submission, new_uuid
from desktop_app.core.problems import UsageError
from desktop_app.core.progress import drive
from desktop_app.core.services.contacts import (
    contact_of,
    export_reminders,
    record_contact,
    reminder_list,
    set_contact,
    split_contact,
)
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.migrate import open_database

YEAR = 2025


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "focal.sqlite")
    initialise(database, Role.FOCAL_POINT)
    yield database
    database.close()


def _id(db: Database, code: str) -> int:
    with db.reading() as session:
        return session.exec(select(Agency.id).where(col(Agency.code) == code)).one() or 0


def _record(db: Database, code: str, text: str, when: datetime) -> bool:
    with db.unit_of_work() as session:
        return record_contact(session, _id(db, code), text, when)


@pytest.mark.parametrize(("text", "expected"), [
    ("Nguyễn Thị Hoa", ("Nguyễn Thị Hoa", "", "")),
    ("Nguyễn Thị Hoa, ĐT 0912 345 678", ("Nguyễn Thị Hoa", "0912 345 678", "")),
    ("Trần Văn An - 0270.3822.111 - an.tv@stp.vinhlong.gov.vn",
     ("Trần Văn An", "0270.3822.111", "an.tv@stp.vinhlong.gov.vn")),
    ("Lê B (điện thoại: +84 24 3825 1234; email le.b@moj.gov.vn)",
     ("Lê B", "+84 24 3825 1234", "le.b@moj.gov.vn")),
    ("  ", ("", "", "")),
])
def test_a_contact_text_splits_into_person_phone_and_email(
        text: str, expected: tuple[str, str, str]) -> None:
    assert split_contact(text) == expected


def test_the_latest_submission_names_the_contact(db: Database) -> None:
    assert _record(db, "VLG", "Nguyễn Thị Hoa, 0912 345 678", utc(2025, 11, 1))
    assert not _record(db, "VLG", "Người Cũ", utc(2025, 10, 1))  # an older file
    kept = contact_of(db, "VLG")
    assert (kept.contact_person, kept.phone, kept.edited) == ("Nguyễn Thị Hoa",
                                                              "0912 345 678", False)
    assert kept.updated_at == utc(2025, 11, 1)
    assert _record(db, "VLG", "Trần Văn An", utc(2025, 12, 1))  # a new person...
    now = contact_of(db, "VLG")
    assert (now.contact_person, now.phone) == ("Trần Văn An", "")  # ...not the old phone
    assert not _record(db, "VLG", "", utc(2025, 12, 2))


def test_a_hand_edit_is_never_overwritten_by_a_file_only_completed(db: Database) -> None:
    _record(db, "HNI", "Phạm Thu", utc(2025, 11, 1))
    edited = set_contact(db, "hni", contact_person="Phạm Thu", phone="024 3825 1234",
                         email="pham.thu@hanoi.gov.vn")
    assert edited.edited and edited.email == "pham.thu@hanoi.gov.vn"
    later = datetime.now(UTC).replace(year=datetime.now(UTC).year + 1)
    assert not _record(db, "HNI", "Người Khác", utc(2025, 11, 2))  # made before the edit
    assert not _record(db, "HNI", "Người Khác, 0912 000 000", later)  # another person
    assert not _record(db, "HNI", "Phạm Thu, 0988 000 111", later)  # another phone
    kept = contact_of(db, "HNI")
    assert (kept.contact_person, kept.phone, kept.email, kept.edited) == (
        "Phạm Thu", "024 3825 1234", "pham.thu@hanoi.gov.vn", True)
    set_contact(db, "HNI", contact_person="Phạm Thu", phone="024 3825 1234", email="")
    assert _record(db, "HNI", "Phạm Thu, thu.p@hanoi.gov.vn", later)  # fills the blank
    filled = contact_of(db, "HNI")
    assert (filled.phone, filled.email) == ("024 3825 1234", "thu.p@hanoi.gov.vn")
    with db.reading() as session:
        details = session.exec(select(AuditEvent.detail).where(
            col(AuditEvent.action) == "contact.edited")).all()
    assert len(details) == 2 and "pham.thu@hanoi.gov.vn" in details[0]


@pytest.mark.parametrize(("fields", "code"), [
    ({"email": "not-an-address"}, "contact.bad_email"),
    ({"phone": "call me"}, "contact.bad_phone"),
    ({"contact_person": "x" * 201}, "value.too_long"),
])
def test_a_bad_contact_is_refused(db: Database, fields: dict[str, str], code: str) -> None:
    values = {"contact_person": "Hoa", **fields}
    with pytest.raises(UsageError) as error:
        set_contact(db, "VLG", **values)
    assert error.value.problems[0].code == code
    assert contact_of(db, "VLG").contact_person == ""


def test_an_unknown_agency_is_a_usage_error(db: Database) -> None:
    with pytest.raises(UsageError):
        set_contact(db, "ZZZ", contact_person="Hoa")


def test_a_database_of_the_previous_schema_gets_the_table(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    open_database(path, target="0003").engine.dispose()
    db = Database.open(path)
    db.close()
    with sqlite3.connect(path) as conn:
        columns = {row[1] for row in conn.execute("PRAGMA table_info(agencycontact)")}
    assert columns == {"agency_id", "contact_person", "phone", "email", "updated_at",
                       "edited"}


def _submit(db: Database, code: str, year: int) -> None:
    with db.unit_of_work() as session:
        agency = session.exec(select(Agency).where(col(Agency.code) == code)).one()
        period = session.exec(select(Period).where(col(Period.year) == year)).one()
        session.add(Submission(uuid=new_uuid(), agency_id=agency.id or 0,
                               period_id=period.id or 0, version=1, content_hash="0" * 64,
                               created_at=utc(year, 12, 1), received_at=utc(year, 12, 1),
                               file_name=f"{code}.xlsx"))


def test_the_reminder_list_names_who_has_not_reported_with_their_contacts(
        db: Database, tmp_path: Path) -> None:
    _submit(db, "HNI", 2024)
    _submit(db, "PTO", 2024)
    _record(db, "VPC", "Đỗ Minh, 0211 3862 123", utc(2024, 6, 1))  # a former province
    made = reminder_list(db, 2024, now=utc(2025, 1, 10), today=date(2025, 1, 10))
    codes = [r.code for r in made.rows]
    assert made.agencies == 63 + 17 + 4 + 2  # who had to report in 2024
    assert len(codes) == made.agencies - 2
    assert "HNI" not in codes and "PTO" not in codes and "BTP" not in codes
    vpc = next(r for r in made.rows if r.code == "VPC")
    assert (vpc.name_vi, vpc.now_part_of_vi) == ("Ủy ban nhân dân tỉnh Vĩnh Phúc", "Phú Thọ")
    assert (vpc.contact_person, vpc.phone) == ("Đỗ Minh", "0211 3862 123")
    assert made.days_overdue is not None and made.days_overdue > 0
    later = reminder_list(db, 2026, now=utc(2026, 1, 10))
    assert later.agencies == 34 + 16 + 2
    assert {r.code for r in later.rows} >= {"HNI", "PTO"}


@pytest.fixture()
def workbook(db: Database, tmp_path: Path) -> Path:
    _record(db, "CBG", "=1+1", utc(2025, 11, 1))
    path = tmp_path / "nhac.xlsx"
    assert drive(export_reminders(db, YEAR, path, now=utc(2026, 1, 5))) == path
    return path


def test_the_reminder_workbook_prints_on_a4_landscape_one_page_wide(workbook: Path) -> None:
    wb = load_workbook(workbook)
    ws = wb.active
    assert ws is not None
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows.replace("$", "") == "4:5"
    assert "&P" in ws.oddFooter.right.text
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "Người liên hệ" in values and "Contact person" in values
    hostile = next(c for row in ws.iter_rows() for c in row if c.value == "=1+1")
    assert hostile.data_type == "s"  # text, never a formula


def test_libreoffice_prints_the_reminder_list_one_page_wide(workbook: Path,
                                                            tmp_path: Path) -> None:
    soffice = shutil.which("libreoffice") or shutil.which("soffice")
    if soffice is None or shutil.which("pdfinfo") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice and poppler-utils are required on CI")
        pytest.skip("LibreOffice or pdfinfo is not installed")
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(workbook)], check=True, capture_output=True, timeout=180,
                   env={**os.environ, "LC_ALL": "C.UTF-8"})
    pdf = tmp_path / "nhac.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    assert re.search(r"Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)", info)  # landscape
    pages = int(next(line.split()[-1] for line in info.splitlines()
                     if line.startswith("Pages:")))
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], check=True,
                           capture_output=True, text=True).stdout
    assert "Ghi chú" in first and "STT" in first  # the last column and the first, together
    assert pages <= 3  # 50 rows, header repeated


def test_reading_the_contacts_brings_no_workbook_library_along() -> None:
    """The Reporting status page reads the contacts; openpyxl and XlsxWriter come only
    with the reminder workbook's writing (exchange/reminders_xlsx.py)."""
    import sys

    script = ("import sys\nimport desktop_app.core.services.contacts\n"
              "print(sorted({'openpyxl', 'xlsxwriter'} & {m.split('.')[0] for m in sys.modules}))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == "[]"
