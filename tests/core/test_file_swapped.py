"""A file put in the place of one found sound, between its scan (check_container) and a
library's open, is refused (file.changed_while_read, exit 3 in a batch), never handed to
python-calamine unscanned (which aborts the process on some files) nor read as the file
that was checked. The scan's answer names the file it scanned, by its own status."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.exchange import bounds
from desktop_app.core.exchange.reading import RefusedFile, SubmissionFile, read_file
from desktop_app.core.exchange.template_reader import is_template
from desktop_app.core.exchange.xlsx_reader import check_container, read_submission
from desktop_app.core.problems import RefusedError
from desktop_app.core.progress import drive
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.submissions import export_xlsx
from desktop_app.core.storage.database import Database

YEAR = 2025


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("swapped")
    made = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAP_REPORTER_HOME", str(folder / "home"))
        for code, count in (("VLG", 3), ("THA", 5)):
            db = Database.open(folder / f"{code}.sqlite")
            initialise(db, Role.AGENCY, code)
            drive(fill_demo(db, activities=count, seed=2, period=YEAR))
            made.append(folder / f"{code}.xlsx")
            drive(export_xlsx(db, YEAR, made[-1]))
            db.close()
    return made[0], made[1]


def _swap(path: Path, other: Path) -> None:
    """other put in path's place as a sync client or a save does: a new file renamed."""
    temp = path.with_name(".swap.part")
    temp.write_bytes(other.read_bytes())
    os.replace(temp, path)


def test_a_file_swapped_after_its_scan_is_refused(two: tuple[Path, Path],
                                                  tmp_path: Path) -> None:
    path = tmp_path / "VLG.xlsx"
    path.write_bytes(two[0].read_bytes())
    check_container(path)
    _swap(path, two[1])  # a sound file too, but not the one scanned
    with pytest.raises(RefusedError) as refused:
        read_submission(path, checked=True)  # was: THA's data, as if checked
    assert refused.value.problems[0].code == "file.changed_while_read"
    with pytest.raises(RefusedError):
        is_template(path)
    check_container(path)  # scanned now: read as itself
    assert read_submission(path, checked=True).meta.agency_code == "THA"


def test_a_file_rewritten_during_its_scan_is_not_taken_as_scanned(
        two: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scan opens the file after its status is taken: a swap in between makes the
    answer name the file scanned, not the one first seen."""
    path = tmp_path / "VLG.xlsx"
    path.write_bytes(two[0].read_bytes())
    real = bounds.regular_file
    swapped: list[bool] = []

    def status_then_swap(found: Path) -> os.stat_result:
        status = real(found)
        if not swapped:
            swapped.append(True)
            _swap(path, two[1])
        return status

    monkeypatch.setattr("desktop_app.core.exchange.xlsx_reader.regular_file",
                        status_then_swap)
    checked = check_container(path)
    assert checked == bounds.identity(path, os.stat(path))  # the file in place, scanned
    assert read_submission(path, checked=True).meta.agency_code == "THA"


def test_the_import_read_refuses_a_swap_between_check_and_read(
        two: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core.exchange import reading

    path = tmp_path / "VLG.xlsx"
    path.write_bytes(two[0].read_bytes())
    real = reading.check_container

    def check_then_swap(found: Path) -> bounds.Checked:
        answer = real(found)
        far = tmp_path / "far.xlsx"  # one far cell: calamine would ask for ~550 GB
        with zipfile.ZipFile(two[1]) as source, zipfile.ZipFile(far, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "xl/worksheets/sheet1.xml":
                    data = data.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576">'
                                        b"<v>1</v></c></row></sheetData>")
                target.writestr(info, data)
        _swap(path, far)
        return answer

    monkeypatch.setattr(reading, "check_container", check_then_swap)
    read = read_file(path)
    assert isinstance(read, RefusedFile)
    assert [p.code for p in read.problems] == ["file.changed_while_read"]
    monkeypatch.setattr(reading, "check_container", real)
    path.write_bytes(two[0].read_bytes())
    assert isinstance(read_file(path), SubmissionFile)


def test_the_digest_recorded_is_of_the_file_read(
        two: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file swapped just before its check is read as the file found there; the digest
    the import records (its log line, the undo) is of those bytes, not of the one before
    (until 2 Dec 2026 the digest was taken before the check: VLG's, with THA's data)."""
    import hashlib

    from desktop_app.core.exchange import reading

    path = tmp_path / "VLG.xlsx"
    path.write_bytes(two[0].read_bytes())
    real = reading.check_container

    def swap_then_check(found: Path) -> bounds.Checked:
        _swap(path, two[1])
        return real(found)

    monkeypatch.setattr(reading, "check_container", swap_then_check)
    read = read_file(path)
    assert isinstance(read, SubmissionFile) and read.meta.agency_code == "THA"
    assert read.sha256 == hashlib.sha256(two[1].read_bytes()).hexdigest()


def test_a_file_swapped_between_its_check_and_its_digest_is_refused(
        two: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_app.core.exchange import reading

    path = tmp_path / "VLG.xlsx"
    path.write_bytes(two[0].read_bytes())
    real = reading.open_sound

    def swap_then_open(found: Path) -> Any:
        _swap(path, two[1])
        return real(found)

    monkeypatch.setattr(reading, "open_sound", swap_then_open)
    read = read_file(path)
    assert isinstance(read, RefusedFile)
    assert [p.code for p in read.problems] == ["file.changed_while_read"]
