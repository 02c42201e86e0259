"""`export xlsx|pdf --period P -o FILE`: versions, refusals and exit codes."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.exchange.xlsx_reader import read_submission
from tests.cli.conftest import CliRunner

YEAR = "2025"


def _demo(cli: CliRunner, db: Path) -> None:
    assert cli("--db", db, "demo", "--activities", 40, "--period", YEAR).code == 0


def _versions(db: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT version, file_name FROM submission ORDER BY version").fetchall()


def test_export_twice_keeps_the_version_then_an_edit_makes_the_next(
    cli: CliRunner, agency_db: Path, tmp_path: Path,
) -> None:
    _demo(cli, agency_db)
    first = cli("--db", agency_db, "export", "xlsx", "--period", YEAR, "-o",
                tmp_path / "VLG_2025_v1.xlsx")
    assert first.code == 0, first.err
    assert "version 1 (new)" in first.out
    again = cli("--db", agency_db, "--lang", "vi", "export", "xlsx", "--period", YEAR, "-o",
                tmp_path / "again.xlsx")
    assert again.code == 0 and "phiên bản 1 (dữ liệu không đổi" in again.out
    a, b = (read_submission(tmp_path / n) for n in ("VLG_2025_v1.xlsx", "again.xlsx"))
    assert a.meta == b.meta and a.hash_ok and b.hash_ok
    _demo(cli, agency_db)  # more activities: the data changed
    third = cli("--db", agency_db, "export", "xlsx", "--period", YEAR, "-o",
                tmp_path / "VLG_2025_v2.xlsx")
    assert third.code == 0 and "version 2 (new)" in third.out
    assert _versions(agency_db) == [(1, "again.xlsx"), (2, "VLG_2025_v2.xlsx")]


@pytest.mark.parametrize("where", ["missing folder", "a folder", "read-only folder"])
def test_unwritable_destinations_exit_3_in_both_languages(
    cli: CliRunner, agency_db: Path, tmp_path: Path, where: str,
) -> None:
    if where == "missing folder":
        target = tmp_path / "nowhere" / "x.xlsx"
    elif where == "a folder":
        target = tmp_path
    else:
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            pytest.skip("root writes into read-only folders")
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
        target = folder / "x.xlsx"
    result = cli("--db", agency_db, "--lang", "vi", "export", "xlsx", "--period", YEAR,
                 "-o", target)
    assert result.code == 3
    lines = result.err_lines
    assert len(lines) == 2 and "Không ghi được" in lines[0] and "Cannot write" in lines[1]
    assert str(target) in lines[0] and "Traceback" not in result.err
    assert _versions(agency_db) == []


def test_focal_point_and_unknown_period_are_refused(
    cli: CliRunner, focal_db: Path, agency_db: Path, tmp_path: Path,
) -> None:
    focal = cli("--db", focal_db, "export", "xlsx", "--period", YEAR, "-o", tmp_path / "x.xlsx")
    assert focal.code == 3 and "Only a reporting agency" in focal.err
    unknown = cli("--db", agency_db, "export", "xlsx", "--period", "1999", "-o",
                  tmp_path / "x.xlsx")
    assert unknown.code == 2 and "1999" in unknown.err
    wrong = cli("--db", agency_db, "export", "docx", "--period", YEAR, "-o", tmp_path / "x")
    assert wrong.code == 2
    assert list(tmp_path.glob("x*")) == []


def test_pdf_and_xlsx_of_the_same_data_are_the_same_version(
    cli: CliRunner, agency_db: Path, tmp_path: Path,
) -> None:
    _demo(cli, agency_db)
    pdf = cli("--db", agency_db, "export", "pdf", "--period", YEAR, "-o", tmp_path / "r.pdf")
    assert pdf.code == 0, pdf.err
    xlsx = cli("--db", agency_db, "export", "xlsx", "--period", YEAR, "-o",
               tmp_path / "r.xlsx")
    assert xlsx.code == 0 and "version 1 (data unchanged" in xlsx.out
    assert _versions(agency_db) == [(1, "r.xlsx")]


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_the_export_puts_the_collector_back_as_it_found_it(
    cli: CliRunner, agency_db: Path, tmp_path: Path, fmt: str,
) -> None:
    """The export pauses the cyclic collector for its own run; a caller in the same
    process (a test, a script calling main) gets it back running, after a refusal too."""
    import gc

    _demo(cli, agency_db)
    assert gc.isenabled()
    assert cli("--db", agency_db, "export", fmt, "--period", YEAR, "-o",
               tmp_path / f"out.{fmt}").code == 0
    assert gc.isenabled()
    assert cli("--db", agency_db, "export", fmt, "--period", "1999", "-o",
               tmp_path / f"none.{fmt}").code == 2  # no such period
    assert gc.isenabled()
    gc.disable()
    try:
        assert cli("--db", agency_db, "export", fmt, "--period", YEAR, "-o",
                   tmp_path / f"again.{fmt}").code == 0
        assert not gc.isenabled()  # left paused, as it was
    finally:
        gc.enable()


@pytest.mark.parametrize("way", ["quick", "full"])
@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_a_disk_filling_up_while_writing_names_the_destination(
    cli: CliRunner, agency_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    way: str, kind: str,
) -> None:
    """The refusal names the file the person asked for, not the temporary one beside it
    (the PDF's named its `.part`)."""
    from desktop_app.core.exchange import agency_pdf, xlsx_writer
    from desktop_app.core.storage import quick_sqlite

    _demo(cli, agency_db)
    if way == "full":
        monkeypatch.setattr(quick_sqlite, "open_quick", lambda *a, **k: None)

    def full_disk(*args: object, **kwargs: object) -> None:
        temp = next(a for a in args if isinstance(a, Path))
        temp.write_bytes(b"half a file")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(agency_pdf, "render", full_disk)
    monkeypatch.setattr(xlsx_writer, "write_workbook", full_disk)
    target = tmp_path / "out" / f"VLG.{kind}"
    target.parent.mkdir()
    result = cli("--db", agency_db, "--lang", "vi", "export", kind, "--period", YEAR,
                 "-o", target)
    assert result.code == 3, result.err
    lines = result.err_lines
    assert len(lines) == 2 and "Không ghi được" in lines[0] and "Cannot write" in lines[1]
    assert f"{target} " in lines[1] or f"{target}:" in lines[1], lines[1]
    assert ".part" not in result.err and "ổ đĩa đã đầy" in lines[0] and "disk is full" in lines[1]
    assert list(target.parent.iterdir()) == []
    assert _versions(agency_db) == []


@pytest.mark.parametrize("way", ["quick", "full"])
def test_a_failed_commit_puts_the_earlier_file_of_the_same_name_back(
    cli: CliRunner, agency_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    way: str,
) -> None:
    """The new file is renamed over the earlier one before its register row commits; a
    commit that fails took both away (the new one removed, the earlier one replaced)."""
    from desktop_app.core.problems import RefusedError
    from desktop_app.core.services import submissions
    from desktop_app.core.storage import quick_sqlite

    _demo(cli, agency_db)
    target = tmp_path / "VLG.xlsx"
    assert cli("--db", agency_db, "export", "xlsx", "--period", YEAR, "-o", target).code == 0
    earlier = target.read_bytes()
    _demo(cli, agency_db)  # more activities: the next export is a new version
    if way == "full":
        monkeypatch.setattr(quick_sqlite, "open_quick", lambda *a, **k: None)
    committed = submissions._committed

    def commit_fails(commit: object, path: Path) -> None:
        def failing() -> None:
            raise RefusedError.of("db.disk_full", file=str(agency_db))
        committed(failing, path)

    monkeypatch.setattr(submissions, "_committed", commit_fails)
    result = cli("--db", agency_db, "export", "xlsx", "--period", YEAR, "-o", target)
    assert result.code == 3, result.err
    assert target.read_bytes() == earlier
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert _versions(agency_db) == [(1, "VLG.xlsx")]
    assert read_submission(target).hash_ok
