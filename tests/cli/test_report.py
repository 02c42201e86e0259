"""`report xlsx|pdf --period P -o FILE`: the national report from the command line, on
both engines."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.cli.conftest import CliRunner


def _demo(cli: CliRunner, db: str) -> None:
    result = cli("--db", db, "demo", "--activities", "120", "--period", "2025")
    assert result.code == 0, result.err


def test_report_writes_both_files_and_says_so(cli: CliRunner, focal_where: str,
                                              tmp_path: Path) -> None:
    _demo(cli, focal_where)
    xlsx, pdf = tmp_path / "bao-cao.xlsx", tmp_path / "bao-cao.pdf"
    done = cli("--db", focal_where, "--lang", "vi", "report", "xlsx", "--period", "2025",
               "-o", xlsx)
    assert done.code == 0, done.err
    assert "Đã ghi báo cáo tổng hợp năm 2025" in done.out and str(xlsx) in done.out
    wb = load_workbook(xlsx, read_only=True)
    assert "Theo khuyến nghị" in wb.sheetnames
    wb.close()
    done = cli("--db", focal_where, "report", "pdf", "--period", "2025", "-o", pdf)
    assert done.code == 0, done.err
    assert "Wrote the consolidated report of 2025" in done.out
    assert pdf.read_bytes().startswith(b"%PDF")


def test_report_exit_codes(cli: CliRunner, focal_where: str, agency_db: Path,
                           tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    for period in ("20x5", "25", "2099"):
        result = cli("--db", focal_where, "report", "xlsx", "--period", period, "-o", out)
        assert result.code == 2, (period, result.err)
    result = cli("--db", focal_where, "report", "docx", "--period", "2025", "-o", out)
    assert result.code == 2
    result = cli("--db", focal_where, "report", "pdf", "--period", "2025", "-o",
                 tmp_path / "no-such-folder" / "r.pdf")
    assert result.code == 3 and "no-such-folder" in result.err
    result = cli("--db", focal_where, "report", "xlsx", "--period", "2025", "-o", tmp_path)
    assert result.code == 3
    result = cli("--db", agency_db, "report", "xlsx", "--period", "2025", "-o", out)
    assert result.code == 3 and "focal point" in result.err
    assert not out.exists()
    assert list(tmp_path.glob(".*.part")) == []
