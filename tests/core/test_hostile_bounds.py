"""Bounds before the libraries, one by one: the visible-characters helper, special files
for catalogs and backups, a library's panic as one refusal, and the streamed checks on
a good file (which must pass them)."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop_app.core.catalog.document import read_catalog
from desktop_app.core.domain.enums import Role
from desktop_app.core.exchange.bounds import SUBMISSION, Limits, check_parts, open_regular
from desktop_app.core.exchange.cells import calamine_sheets
from desktop_app.core.exchange.reading import RefusedFile, SubmissionFile, read_file, storable
from desktop_app.core.exchange.xlsx_reader import check_container
from desktop_app.core.problems import RefusedError
from desktop_app.core.progress import drive
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.submissions import export_xlsx
from desktop_app.core.storage.backup import restore_database
from desktop_app.core.storage.database import Database
from desktop_app.messages import problem_text, text, visible


@pytest.fixture
def good(tmp_path: Path) -> Path:
    db = Database.open(tmp_path / "agency.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(fill_demo(db, activities=2, seed=1, period=2025))
    drive(export_xlsx(db, 2025, tmp_path / "good.xlsx"))
    db.close()
    return tmp_path / "good.xlsx"


def test_visible_shows_control_escape_bidi_and_undecodable_characters() -> None:
    assert visible("a\x1b[31mb") == "a␛[31mb"
    assert visible("x\ny\x07\x7f\x9b") == "x\\x0ay\\x07\\x7f\\x9b"
    assert visible("abc\u202egnp") == "abc\\u202egnp"
    assert visible(os.fsdecode(b"bad-\xff.xlsx")) == "bad-\\xff.xlsx"
    assert visible("Hà Nội — ổn") == "Hà Nội — ổn"
    line = text("import.line", "en", file="\x1b]0;x\x07.xlsx", agency="?", period="?",
                version="-", outcome="refused", added=0, changed=0, removed=0)
    assert "\x1b" not in line and "\x07" not in line and line.startswith("␛]0;x\\x07.xlsx")
    long = text("file.not_found", "en", file="A" * 10_000)
    assert len(long) < 400 and "…" in long


def test_storable_names_keep_their_bytes_as_text() -> None:
    assert storable(os.fsdecode(b"v\xe9rsion.xlsx")) == "v\\xe9rsion.xlsx"
    assert storable("Hà Nội.xlsx") == "Hà Nội.xlsx"


def test_a_good_file_passes_the_streamed_checks(good: Path) -> None:
    with zipfile.ZipFile(good) as archive:
        check_parts(good, archive, SUBMISSION)
    narrow = Limits(columns=2)
    with zipfile.ZipFile(good) as archive, pytest.raises(RefusedError) as refused:
        check_parts(good, archive, narrow)
    assert refused.value.problems[0].code == "xlsx.far_cell"


def test_a_library_panic_is_one_refusal_not_a_base_exception(good: Path, tmp_path: Path
                                                            ) -> None:
    book = openpyxl.load_workbook(good)
    for sheet in book.worksheets:
        sheet["B60"] = -1e15
        sheet["B60"].number_format = "yyyy-mm-dd"
    book.save(tmp_path / "panic.xlsx")
    check_container(tmp_path / "panic.xlsx")  # as every reader does first (bounds.open_sound)
    with pytest.raises(RefusedError) as refused:
        calamine_sheets(tmp_path / "panic.xlsx", {s.title for s in book.worksheets})
    assert refused.value.problems[0].code == "xlsx.damaged"
    assert refused.value.problems[0].params["detail"] == "PanicException"
    # the reader goes on with the other library, which reads the cell as an error
    assert isinstance(read_file(tmp_path / "panic.xlsx"), RefusedFile | SubmissionFile)


def test_special_files_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(RefusedError) as refused:
        read_catalog(fifo)
    assert refused.value.problems[0].code == "file.special"
    with pytest.raises(RefusedError) as refused:
        open_regular(fifo)
    assert refused.value.problems[0].code == "file.special"
    with pytest.raises(RefusedError) as refused:
        restore_database(fifo, tmp_path / "db.sqlite")
    assert refused.value.problems[0].code == "file.special"
    read = read_file(fifo)
    assert isinstance(read, RefusedFile) and read.problems[0].code == "file.special"
    assert "not a regular file" in problem_text(read.problems[0], "en")


def test_catalogs_and_backups_are_capped_and_checked_before_parsing(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    with pytest.raises(RefusedError) as refused:
        read_catalog(deep)
    assert refused.value.problems[0].code == "catalog.not_json"
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(21 * 2**20)
    with pytest.raises(RefusedError) as refused:
        read_catalog(big)
    assert refused.value.problems[0].code == "catalog.too_large"
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("hello", encoding="utf-8")
    with pytest.raises(RefusedError) as refused:
        restore_database(text_file, tmp_path / "db.sqlite")
    assert refused.value.problems[0].code == "db.not_a_database"
    assert not (tmp_path / "db.sqlite").exists()
