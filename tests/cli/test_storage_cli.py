"""The command line's storage contract: no database by mistake, busy is exit 4, restore checks
its backup, a damaged database or a full disk is a message, never a traceback."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.storage.backup import automatic_backup
from tests.cli.conftest import CliRunner, Run

INIT_HINT = ("Set one up with: nap-reporter --db", "Hãy khởi tạo bằng lệnh: nap-reporter --db")


def _digest(db: Path, *, without_audit: bool = False) -> str:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        lines = [line for line in conn.iterdump() if not (
            without_audit and '"auditevent"' in line.split("VALUES")[0])]
        return hashlib.sha256("\n".join(lines).encode()).hexdigest()
    finally:
        conn.close()


def _count(db: Path, table: str) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def _bilingual(run: Run, first: str, second: str) -> None:
    """The chosen language's line first, the other's after; never a traceback."""
    lines = run.err_lines
    assert any(first in line for line in lines), run.err
    assert any(second in line for line in lines), run.err
    assert min(i for i, line in enumerate(lines) if first in line) < min(
        i for i, line in enumerate(lines) if second in line), run.err
    assert "Traceback" not in run.err + run.out


# --- no database by mistake --------------------------------------------------------------


@pytest.mark.parametrize("command", [
    ["status"], ["status", "--json"], ["demo", "--activities", "3"], ["period", "lock", "2025"],
    ["export", "xlsx", "--period", "2025", "-o", "out.xlsx"], ["template", "-o", "t.xlsx"],
    ["backup", "-o", "copy.sqlite"], ["catalog", "export", "-o", "c.json"],
    ["import", "--undo"], ["assess", "CO3-X", "--implementation", "fully"],
], ids=lambda argv: "-".join(argv[:2]))
def test_a_command_on_a_missing_database_says_to_run_init_and_makes_nothing(
        cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    db = tmp_path / "typo.sqlite"
    run = cli("--lang", "en", "--db", db, *command)
    assert run.code == 2, run.err
    _bilingual(run, f"There is no database at {db}. {INIT_HINT[0]}", INIT_HINT[1])
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_empty_file_is_no_database_either(cli: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite"
    db.touch()
    assert cli("--db", db, "status").code == 2
    assert db.read_bytes() == b""
    assert cli("--db", db, "init", "--role", "focal-point").code == 0  # init may make it
    assert cli("--db", db, "status").code == 0


@pytest.mark.parametrize("url", ["postgresql://analyst@127.0.0.1:1/nap",
                                 "postgres://u@127.0.0.1:1/x",
                                 "postgresql+psycopg://u@127.0.0.1:1/x"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_postgresql_url_is_not_taken_for_a_file_name(
        cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, url: str,
        lang: str) -> None:
    monkeypatch.chdir(tmp_path)
    for command in (["status"], ["init", "--role", "focal-point"]):
        run = cli("--lang", lang, "--db", url, *command)
        assert run.code == 4, run.err  # a server, out of reach (nothing listens on port 1)
        vi, en = "Không kết nối được tới máy chủ", "Cannot connect to the database server"
        _bilingual(run, *((vi, en) if lang == "vi" else (en, vi)))
    assert list(tmp_path.iterdir()) == []  # no folder named "postgresql:"


def test_another_url_is_refused_too(cli: CliRunner, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("--lang", "en", "--db", "mysql://u@h/x", "status")
    assert run.code == 2 and "is an address, not a database file" in run.err
    assert list(tmp_path.iterdir()) == []


# --- busy ----------------------------------------------------------------------------------


def test_another_program_holding_the_lock_past_the_wait_is_exit_4(
        cli: CliRunner, agency_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAP_BUSY_TIMEOUT_S", "1")
    before = _digest(agency_db)
    holder = sqlite3.connect(agency_db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        for argv in (["demo", "--activities", "5"], ["period", "lock", "2025"]):
            run = cli("--lang", "vi", "--db", agency_db, *argv)
            assert run.code == 4, run.err
            assert run.err_lines[:2] == ["Cơ sở dữ liệu đang bận, đang chờ (tối đa 1 giây)…",
                                         "The database is busy, waiting (up to 1 s)…"]
            _bilingual(run, f"Cơ sở dữ liệu {agency_db} đang bận",
                       f"The database {agency_db} is busy")
            assert "internal error" not in run.err.lower()
        status = cli("--db", agency_db, "status")  # reading does not wait under WAL
        assert status.code == 0 and status.err == ""
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _digest(agency_db) == before


def test_two_writers_at_once_both_succeed(agency_db: Path) -> None:
    """Two processes, each reading the database and then writing: neither refuses."""
    env = {"NAP_BUSY_TIMEOUT_S": "60"}
    argv = ["--db", agency_db, "demo", "--activities", "400", "--period", "2025"]
    procs = [subprocess.Popen([sys.executable, "-m", "desktop_app", *map(str, argv),
                               "--seed", str(seed)], env={**os.environ, **env},
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for seed in (1, 2)]
    results = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in procs]
    for proc in procs:
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    assert [code for code, _ in results] == [0, 0], results
    assert _count(agency_db, "activity") == 800


# --- restore -------------------------------------------------------------------------------


def test_restore_of_the_other_role_needs_accept_other_role(
        cli: CliRunner, agency_db: Path, focal_db: Path, tmp_path: Path) -> None:
    backup = tmp_path / "focal-backup.sqlite"
    assert cli("--db", focal_db, "backup", "-o", backup).code == 0
    before = _digest(agency_db)
    run = cli("--lang", "en", "--db", agency_db, "restore", backup)
    assert run.code == 3
    _bilingual(run, "add --accept-other-role", "hãy thêm --accept-other-role")
    assert _digest(agency_db) == before
    run = cli("--lang", "en", "--db", agency_db, "restore", backup, "--accept-other-role")
    assert run.code == 0, run.err
    assert "Restored" in run.out
    facts = cli("--db", agency_db, "status", "--json")
    assert '"role": "focal-point"' in facts.out


def test_restore_refuses_a_damaged_backup_and_keeps_the_database(
        cli: CliRunner, agency_db: Path, tmp_path: Path) -> None:
    assert cli("--db", agency_db, "demo", "--activities", "20", "--period", "2025").code == 0
    backup = tmp_path / "backup.sqlite"
    assert cli("--db", agency_db, "backup", "-o", backup).code == 0
    with open(backup, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\x5a" * (backup.stat().st_size - 4096 * 3))
    before = _digest(agency_db)
    run = cli("--lang", "vi", "--db", agency_db, "restore", backup)
    assert run.code == 3
    _bilingual(run, f"Bản sao lưu {backup} bị hỏng", f"The backup {backup} is damaged")
    assert _digest(agency_db) == before


def test_restore_onto_an_empty_path_creates_the_database(
        cli: CliRunner, agency_db: Path, tmp_path: Path) -> None:
    backup, target = tmp_path / "backup.sqlite", tmp_path / "laptop" / "db.sqlite"
    assert cli("--db", agency_db, "backup", "-o", backup).code == 0
    run = cli("--lang", "en", "--db", target, "restore", backup)
    assert run.code == 0, run.err
    assert run.out_lines == [f"Created {target} from the backup {backup}."]
    # the same data; the restored database's audit log records the restore itself
    assert _digest(target, without_audit=True) == _digest(agency_db, without_audit=True)
    assert _count(target, "auditevent") == _count(agency_db, "auditevent") + 1


# --- a damaged database, a full disk ------------------------------------------------------------


def test_a_damaged_database_names_itself_and_the_latest_backup(
        cli: CliRunner, agency_db: Path) -> None:
    assert cli("--db", agency_db, "demo", "--activities", "30", "--period", "2025").code == 0
    backup = automatic_backup(agency_db, "before-import")
    for start in (100, 4096 * 2):  # the schema page, then the data pages
        damaged = agency_db.with_name(f"damaged-{start}.sqlite")
        shutil.copyfile(agency_db, damaged)
        newest = automatic_backup(damaged, "before-import")
        with open(damaged, "r+b") as handle:
            handle.seek(start)
            handle.write(b"\xa5" * (damaged.stat().st_size - start))
        for argv in (["status"], ["demo", "--activities", "2"], ["backup", "-o",
                                                                  damaged.with_suffix(".bak")]):
            run = cli("--lang", "en", "--db", damaged, *argv)
            if argv[0] == "backup" and run.code == 0:
                continue  # SQLite copies pages without reading them: a copy is fine
            assert run.code == 3, (start, argv, run.err)
            _bilingual(run, f"The database {damaged} is damaged. The latest automatic "
                       f"backup: {newest}", f"Cơ sở dữ liệu {damaged} bị hỏng")
            assert f"restore {newest}" in run.err
    assert backup.exists()


def test_a_full_disk_during_backup_or_export_is_exit_3_and_leaves_no_half_file(
        cli: CliRunner, agency_db: Path, tmp_path: Path) -> None:
    """A real full disk: a 64 KB tmpfs in a mount namespace of the command's own."""
    assert cli("--db", agency_db, "demo", "--activities", "300", "--period", "2025").code == 0
    before = _digest(agency_db)
    disk = tmp_path / "disk"
    disk.mkdir()
    unshare = shutil.which("unshare")
    probe = subprocess.run([unshare or "unshare", "-rm", "sh", "-c",
                            f'mount -t tmpfs -o size=64k tmpfs "{disk}"'],
                           capture_output=True, check=False) if unshare else None
    if probe is None or probe.returncode != 0:
        pytest.skip("no mount namespace (unshare -rm) here to make a full disk")
    script = ('mount -t tmpfs -o size=64k tmpfs "$DISK" && "$@"; rc=$?; '
              'echo "LISTING:$(ls -A "$DISK" | tr "\\n" " ")" >&2; exit $rc')
    for argv in (["backup", "-o", disk / "copy.sqlite"],
                 ["export", "xlsx", "--period", "2025", "-o", disk / "vlg.xlsx"],
                 ["export", "pdf", "--period", "2025", "-o", disk / "vlg.pdf"]):
        run = subprocess.run(
            [unshare, "-rm", "sh", "-c", script, "sh", sys.executable, "-m", "desktop_app",
             "--lang", "en", "--db", str(agency_db), *map(str, argv)],
            capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
            env={**os.environ, "DISK": str(disk)})
        assert run.returncode == 3, (argv, run.stderr)
        assert "the disk is full" in run.stderr and "ổ đĩa đã đầy" in run.stderr
        assert "Traceback" not in run.stderr and "Exception ignored" not in run.stderr
        listing = run.stderr.split("LISTING:", 1)[1].split()
        assert listing == [], (argv, listing)  # no half file, no temporary file
    assert _digest(agency_db) == before
