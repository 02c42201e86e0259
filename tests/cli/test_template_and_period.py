"""`template` and `period lock|unlock` on the command line: exit codes and messages."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl

from tests.cli.conftest import CliRunner

YEAR = 2026


def test_template_writes_a_marked_workbook_at_both_roles(
        cli: CliRunner, agency_db: Path, focal_db: Path, tmp_path: Path) -> None:
    for db in (agency_db, focal_db):
        out = tmp_path / f"mau-{db.stem}.xlsx"
        result = cli("--db", db, "template", "--period", YEAR, "-o", out)
        assert result.code == 0, result.err
        assert str(out) in result.out
        wb = openpyxl.load_workbook(out, read_only=True)
        marker = {row[0]: row[1] for row in wb["_template"].iter_rows(values_only=True)}
        wb.close()
        assert marker["format"] == "nap-reporter-template" and marker["period"] == str(YEAR)
    assert sorted(p.name for p in tmp_path.glob("mau-*")) == ["mau-agency.xlsx",
                                                              "mau-focal.xlsx"]
    assert not list(tmp_path.glob(".*.tmp"))


def test_template_without_period_and_replacing_a_file(
        cli: CliRunner, focal_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "mau.xlsx"
    out.write_bytes(b"old")
    assert cli("--db", focal_db, "template", "-o", out).code == 0
    assert out.read_bytes()[:2] == b"PK"


def test_template_refusals(cli: CliRunner, focal_db: Path, tmp_path: Path) -> None:
    unknown = cli("--db", focal_db, "--lang", "vi", "template", "--period", "1990",
                  "-o", tmp_path / "a.xlsx")
    assert unknown.code == 2
    assert unknown.err_lines == ["Không có kỳ báo cáo 1990 trong danh mục.",
                                 "There is no reporting period 1990 in the catalog."]
    assert cli("--db", focal_db, "template", "--period", "20x6", "-o",
               tmp_path / "a.xlsx").code == 2
    assert cli("--db", focal_db, "template").code == 2  # -o is required
    missing = tmp_path / "no-such-folder" / "a.xlsx"
    unwritable = cli("--db", focal_db, "template", "-o", missing)
    assert unwritable.code == 3
    assert str(missing) in unwritable.err_lines[0] and str(missing) in unwritable.err_lines[1]
    assert unwritable.err_lines[0].startswith("Cannot write the template file")
    assert unwritable.err_lines[1].startswith("Không ghi được tệp mẫu")
    assert cli("--db", focal_db, "template", "-o", tmp_path).code == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["focal.sqlite"]


def _audit(db: Path, action: str) -> list[dict[str, object]]:
    with sqlite3.connect(db) as connection:
        return [json.loads(detail) for (detail,) in connection.execute(
            "SELECT detail FROM auditevent WHERE action = ? ORDER BY id", (action,))]


def test_lock_and_unlock_with_a_reason(cli: CliRunner, agency_db: Path) -> None:
    locked = cli("--db", agency_db, "--lang", "vi", "period", "lock", YEAR)
    assert locked.code == 0, locked.err
    assert str(YEAR) in locked.out and "khóa" in locked.out
    again = cli("--db", agency_db, "period", "lock", YEAR)
    assert again.code == 3
    assert again.err_lines == ["The period 2026 is already locked.",
                               "Kỳ báo cáo 2026 đã được khóa từ trước."]
    unlocked = cli("--db", agency_db, "period", "unlock", YEAR, "--reason",
                   "Bổ sung kết quả tháng 12")
    assert unlocked.code == 0, unlocked.err
    assert _audit(agency_db, "period.unlocked") == [
        {"agency": "VLG", "period": YEAR, "reason": "Bổ sung kết quả tháng 12"}]
    not_locked = cli("--db", agency_db, "period", "unlock", YEAR, "--reason", "x")
    assert not_locked.code == 3
    assert "2026" in not_locked.err_lines[0] and "2026" in not_locked.err_lines[1]


def test_lock_usage_errors(cli: CliRunner, agency_db: Path) -> None:
    assert cli("--db", agency_db, "period", "lock", "26").code == 2
    assert cli("--db", agency_db, "period", "lock").code == 2
    assert cli("--db", agency_db, "period").code == 2
    assert cli("--db", agency_db, "period", "lock", "1990").code == 2
    assert cli("--db", agency_db, "period", "lock", YEAR).code == 0
    missing = cli("--db", agency_db, "period", "unlock", YEAR)
    assert missing.code == 2 and "--reason" in missing.err
    blank = cli("--db", agency_db, "period", "unlock", YEAR, "--reason", "   ")
    assert blank.code == 2
    assert blank.err_lines == ["Unlocking the period 2026 needs a reason.",
                               "Mở khóa kỳ báo cáo 2026 cần nêu lý do."]
    assert _audit(agency_db, "period.unlocked") == []


def test_the_focal_point_cannot_lock(cli: CliRunner, focal_db: Path) -> None:
    result = cli("--db", focal_db, "period", "lock", YEAR)
    assert result.code == 3
    assert result.err_lines[0] == "Only a reporting agency locks or unlocks its own periods."
