"""One time: stored in UTC, shown in this machine's zone, labelled only as it truly is.

Each test runs under two or more time zones (TZ set, then time.tzset()), as laptops in
Hà Nội, Bangkok and Paris are set, and checks the words a person reads in the window's
format, the PDF footer and the workbook.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.timefmt import (
    is_viet_nam_time,
    local_date,
    local_text,
    offset_label,
    zone_label,
)
from desktop_app.core.progress import drive
from desktop_app.core.services.national_report import export_national_pdf, export_national_xlsx
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

pytestmark = pytest.mark.skipif(not hasattr(time, "tzset"), reason="time.tzset is POSIX only")

MOMENT = datetime(2026, 1, 5, 20, 30, tzinfo=UTC)  # 03:30 on 6 January in Hà Nội


@pytest.fixture()
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(("name", "shown", "label", "day"), [
    ("Asia/Ho_Chi_Minh", "06/01/2026 03:30", "giờ Việt Nam, UTC+07:00", 6),
    ("Asia/Bangkok", "06/01/2026 03:30", "UTC+07:00", 6),  # the same clock, not Viet Nam
    ("Europe/Paris", "05/01/2026 21:30", "UTC+01:00", 5),
    ("UTC", "05/01/2026 20:30", "UTC", 5),
])
def test_a_moment_is_shown_on_the_machine_clock(zone: object, name: str, shown: str,
                                                label: str, day: int) -> None:
    zone(name)  # type: ignore[operator]
    assert local_text(MOMENT) == f"{shown} ({label})"
    assert local_text(MOMENT.replace(tzinfo=None)) == f"{shown} ({label})"  # stored naive
    assert local_text(MOMENT, zone=False) == shown
    assert local_date(MOMENT).day == day
    assert is_viet_nam_time(MOMENT) is (name == "Asia/Ho_Chi_Minh")
    assert zone_label(MOMENT, "en") == label.replace("giờ Việt Nam", "Viet Nam time")


def test_summer_time_changes_the_offset(zone: object) -> None:
    zone("Europe/Paris")  # type: ignore[operator]
    assert offset_label(datetime(2026, 7, 1, tzinfo=UTC)) == "UTC+02:00"
    assert offset_label(datetime(2026, 1, 1, tzinfo=UTC)) == "UTC+01:00"


@pytest.fixture(scope="module")
def focal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = Database.open(tmp_path_factory.mktemp("tz") / "focal.sqlite")
    initialise(db, Role.FOCAL_POINT)
    yield db
    db.close()


@pytest.mark.parametrize(("name", "words"), [
    ("Asia/Ho_Chi_Minh", "06/01/2026 03:30 (giờ Việt Nam, UTC+07:00)"),
    ("Europe/Paris", "05/01/2026 21:30 (UTC+01:00)"),
])
def test_the_files_show_the_same_local_time(zone: object, focal: Database, tmp_path: Path,
                                            name: str, words: str) -> None:
    zone(name)  # type: ignore[operator]
    xlsx, pdf = tmp_path / "n.xlsx", tmp_path / "n.pdf"
    drive(export_national_xlsx(focal, 2026, xlsx, now=MOMENT))
    drive(export_national_pdf(focal, 2026, pdf, now=MOMENT))
    wb = load_workbook(xlsx, read_only=True)
    made = next(row[2] for row in wb["Tổng hợp"].iter_rows(values_only=True)
                if row[0] == "Thời điểm lập báo cáo")
    wb.close()
    assert made == words
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert f"lập lúc {words}" in " ".join(text.split())
    if name != "Asia/Ho_Chi_Minh":
        assert "giờ Việt Nam" not in text
