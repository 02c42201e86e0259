"""`audit export -o FILE.xlsx` at both roles, read back with python-calamine: the events
of period locks, imports (batch and file), key pins, undo and restore, who made them,
their values as words; a destination that cannot be written is exit 3. The focal point's
runs on both engines (on a server, without the file backup and restore)."""

from __future__ import annotations

import getpass
import re
from pathlib import Path

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from desktop_app.core.services.audit import RESTORE_ACTION
from desktop_app.core.services.import_apply import FILE_ACTION
from desktop_app.core.services.imports import BATCH_ACTION, UNDO_ACTION
from desktop_app.messages import MESSAGES, audit_action_words, audit_field_words
from tests import pg
from tests.cli.conftest import CliRunner

YEAR = 2025
HEADER = ["STT", "Thời điểm", "Người dùng", "Cài đặt", "Thao tác", "Đối tượng", "Tên / mã",
          "Thay đổi (cũ → mới)", "Chi tiết", "Mã định danh"]


def _rows(path: Path) -> list[dict[str, str]]:
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    header = [str(v) for v in sheet[2]]
    assert header == HEADER
    assert [str(v) for v in sheet[3]][:3] == ["No.", "Time", "User"]
    return [dict(zip(header, (str(v) for v in row), strict=True)) for row in sheet[4:]]


def test_an_agency_exports_its_log_with_who_and_old_to_new(
        cli: CliRunner, agency_db: Path, tmp_path: Path) -> None:
    assert cli("--db", agency_db, "period", "lock", YEAR).code == 0
    assert cli("--db", agency_db, "period", "unlock", YEAR, "--reason", "Sửa số liệu").code == 0
    out = tmp_path / "audit.xlsx"
    done = cli("--db", agency_db, "--lang", "en", "audit", "export", "-o", out)
    assert done.code == 0, done.err
    assert str(out) in done.out and "events" in done.out
    rows = _rows(out)
    actions = [r["Thao tác"] for r in rows]
    assert actions[0] == "Database set up"
    assert actions[-2:] == ["Period locked", "Period unlocked"]
    locked = rows[-2]
    assert locked["Người dùng"] == getpass.getuser()
    assert locked["Cài đặt"] == "reporting agency VLG"
    assert locked["Tên / mã"] == f"VLG {YEAR}"
    assert locked["Thay đổi (cũ → mới)"] == "locked: no → yes"
    assert "Sửa số liệu" in rows[-1]["Chi tiết"]
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$3:$4"


def test_the_focal_point_log_has_the_import_its_files_the_pin_the_undo_and_the_restore(
        cli: CliRunner, agency_db: Path, focal_where: str, tmp_path: Path) -> None:
    assert cli("--db", agency_db, "demo", "--activities", "3", "--period", YEAR).code == 0
    submission = tmp_path / "vlg.xlsx"
    assert cli("--db", agency_db, "export", "xlsx", "--period", YEAR, "-o", submission
               ).code == 0
    assert cli("--db", focal_where, "import", submission).code == 0
    on_file = not pg.is_server(focal_where)  # a server's backups are pg_dump's business
    if on_file:
        backup = tmp_path / "focal.bak"
        assert cli("--db", focal_where, "backup", "-o", backup).code == 0
        assert cli("--db", focal_where, "restore", backup).code == 0
    undone = cli("--db", focal_where, "import", "--undo")  # the restore changed no data
    assert undone.code == 0, undone.err
    out = tmp_path / "audit.xlsx"
    assert cli("--db", focal_where, "--lang", "vi", "audit", "export", "-o", out).code == 0
    rows = _rows(out)
    actions = [r["Thao tác"] for r in rows]
    start = actions.index("Nhập báo cáo (một lần nhập)")
    restored = ["Khôi phục từ bản sao lưu"] if on_file else []
    assert actions[start:] == ["Nhập báo cáo (một lần nhập)", "Nhận tệp báo cáo",
                               "Ghim khóa ký của cơ quan", *restored, "Hoàn tác lần nhập"]
    accepted = rows[start + 1]
    assert accepted["Tên / mã"] == f"VLG {YEAR} v1" and accepted["Đối tượng"] == "submission"
    assert "signed: có" in accepted["Chi tiết"] and "vlg.xlsx" in accepted["Chi tiết"]
    assert accepted["Cài đặt"] == "cơ quan đầu mối"
    pinned = rows[start + 2]
    assert pinned["Tên / mã"] == "VLG" and pinned["Thay đổi (cũ → mới)"].startswith(
        "dấu vân tay của khóa: — → ")
    assert rows[-2]["Tên / mã"] == ("focal.bak" if on_file else "VLG")
    who = getpass.getuser()
    if not on_file:  # on a server, its login role too
        who += f" ({focal_where.split('//')[1].split('@')[0]})"
    assert rows[-1]["Người dùng"] == who


def test_an_export_to_a_place_that_cannot_be_written_is_refused(
        cli: CliRunner, agency_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "a-folder.xlsx"
    folder.mkdir()
    done = cli("--db", agency_db, "audit", "export", "-o", folder)
    assert done.code == 3, done.err
    assert done.err_lines and folder.is_dir()
    missing = cli("--db", tmp_path / "none.sqlite", "audit", "export", "-o", tmp_path / "x.xlsx")
    assert missing.code == 2 and not (tmp_path / "x.xlsx").exists()


def test_every_action_the_program_records_has_words_in_both_languages() -> None:
    root = Path(__file__).resolve().parents[2] / "desktop_app"
    recorded = re.compile(r'\baudit\(\s*session,\s*"([a-z_]+(?:\.[a-z_]+)?)"')
    actions = {BATCH_ACTION, UNDO_ACTION, FILE_ACTION, RESTORE_ACTION}
    for path in root.rglob("*.py"):
        actions |= set(recorded.findall(path.read_text(encoding="utf-8")))
    assert len(actions) > 20  # the scan really found them
    assert sorted(a for a in actions if f"audit.action.{a}" not in MESSAGES) == []
    assert audit_action_words("period.locked", "vi") == "Khóa kỳ báo cáo"
    assert audit_action_words("some.future_action", "en") == "some.future_action"


def test_every_field_the_program_records_has_words_in_both_languages() -> None:
    root = Path(__file__).resolve().parents[2] / "desktop_app"
    named = re.compile(r'FieldChange\(f?"([a-z_]+)')
    fields: set[str] = set()
    for path in root.rglob("*.py"):
        fields |= set(named.findall(path.read_text(encoding="utf-8")))
    assert {"fingerprint", "locked", "version", "due_date"} <= fields  # the scan found them
    for field in fields:
        assert audit_field_words(field, "vi") != field, field
        assert audit_field_words(field, "en") != field or " " not in field, field
    assert audit_field_words("due_date[2026]", "vi") == "thời hạn 2026"
    assert audit_field_words("indicators[2].target", "en") == "indicator 2, target"
    assert audit_field_words("fingerprint", "vi") == "dấu vân tay của khóa"
