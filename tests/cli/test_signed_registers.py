"""Issue 9 item 4, end to end: the agency's register records its exports as signed by
its key; the import log's "signed" is what the import recorded for each file (not looked
up later); the reporting-status grid and both reports mark data that came unsigned."""

from __future__ import annotations

import sqlite3
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

from python_calamine import CalamineWorkbook

from desktop_app.core.exchange.xlsx_reader import read_submission
from desktop_app.core.services.imports import import_log
from desktop_app.core.storage.database import Database
from tests.cli.conftest import CliRunner
from tests.cli.test_import_signatures import (
    YEAR,
    Made,
    _ok,
    _query,
    _rehashed,
    _rewrite,
    made,
)

__all__ = ["made"]  # the module's files, made once for these tests too


def test_the_agency_register_records_every_export_as_signed_by_its_key(made: Made) -> None:
    rows = _query(made.folder / "hni.sqlite",
                  "SELECT version, signed, key_fingerprint FROM submission ORDER BY version")
    assert rows == [(v, 1, made.hni_key.fingerprint) for v in (1, 2, 3)]


def _unsigned_v2(made: Made, tmp_path: Path) -> Path:
    meta = read_submission(made.v2).meta
    return _rewrite(made.v2, tmp_path / "stripped.xlsx", _rehashed(
        replace(meta, public_key="", signature=""), made.v2))


def test_the_import_log_says_what_the_import_recorded_for_each_file(
        cli: CliRunner, focal_db: Path, made: Made, tmp_path: Path) -> None:
    _ok(cli, focal_db, made.v1)
    _ok(cli, focal_db, "--accept-new-key", _unsigned_v2(made, tmp_path))
    assert _query(focal_db, "SELECT file_name, signed, key_fingerprint FROM importrecord "
                            "ORDER BY id") == [
        (made.v1.name, 1, made.hni_key.fingerprint), ("stripped.xlsx", 0, "")]
    with sqlite3.connect(focal_db) as con:  # the register changes later: the log does not
        con.execute("UPDATE submission SET signed = 1 - signed, key_fingerprint = ''")
    db = Database.open(focal_db)
    try:
        log = {row.file_name: (row.signed, row.key_fingerprint) for row in import_log(db)}
    finally:
        db.close()
    assert log == {made.v1.name: (True, made.hni_key.fingerprint),
                   "stripped.xlsx": (False, "")}


def test_both_reports_mark_the_data_that_came_unsigned(
        cli: CliRunner, focal_db: Path, made: Made, tmp_path: Path) -> None:
    _ok(cli, focal_db, made.v1)
    _ok(cli, focal_db, "--accept-new-key", _unsigned_v2(made, tmp_path))
    xlsx, pdf = tmp_path / "report.xlsx", tmp_path / "report.pdf"
    for fmt, path in (("xlsx", xlsx), ("pdf", pdf)):
        done = cli("--db", focal_db, "report", fmt, "--period", YEAR, "-o", path)
        assert done.code == 0, done.err
    book = CalamineWorkbook.from_path(str(xlsx))
    cells = [str(v) for name in book.sheet_names
             for row in book.get_sheet_by_name(name).to_python() for v in row]
    assert "HNI v2 (chưa ký / unsigned)" in cells
    text = unicodedata.normalize("NFC", subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True,
        check=True, timeout=60).stdout)
    assert "Không có chữ ký: HNI" in " ".join(text.split())
