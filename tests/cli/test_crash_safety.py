"""Nothing is lost when a process dies (issue 10, item 9): SIGKILL at about 20 points of
an `import` of several files, of an `export xlsx` and of an edit loop (a script saving
activities through the service), spread over each operation's duration measured first;
then the database passes `PRAGMA integrity_check`, no import is half applied (each
file's submission, rows and ImportChange are all there or none), no half-written export
is left under its final name, and a rerun ends with exactly the right totals.

Plus two importers of different files started at once (both succeed, the totals add
up) and an outside lock held past the wait during an import (exit 4, its message,
nothing written). The data are small: the whole module takes about a minute.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.domain.enums import Role
from desktop_app.core.exchange.xlsx_reader import read_submission
from desktop_app.core.progress import drive
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.submissions import export_xlsx
from desktop_app.core.storage.database import Database

YEAR = 2025
KILLS = 20
AGENCIES = {"CTO": 14, "DNG": 10, "HNI": 12}  # code -> activities in its file

EDIT_SCRIPT = """
import sys
from pathlib import Path
from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft
from desktop_app.core.services import activities
from desktop_app.core.storage.database import Database

db = Database.open(Path(sys.argv[1]), create=False)
wanted, year = int(sys.argv[2]), int(sys.argv[3])
task = sorted(activities.activity_catalog(db).task_codes)[0]
done = sum(1 for row in activities.list_activities(db, year) if row.title.startswith("crash-"))
for number in range(done, wanted):
    draft = ActivityDraft(
        title=f"crash-{number}", task_code=task, type="training", status="in_progress",
        indicators=[IndicatorDraft(name=f"n{k}", unit="người", target=10, result=k)
                    for k in range(3)])
    uuid = activities.save_activity(db, draft, year)
    edited = activities.load_draft(db, uuid)
    edited.description = "sửa lần hai"
    activities.save_activity(db, edited, year)
db.close()
"""


@dataclass(frozen=True)
class Setup:
    folder: Path
    home: Path
    agency: Path  # an agency database with data, never written by the tests: copy it
    focal: Path  # a fresh focal point's database: copy it
    files: dict[str, Path]  # agency code -> its exported submission
    rows: dict[str, tuple[int, int]]  # agency code -> (activities, indicators) in its file


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    folder = tmp_path_factory.mktemp("crash")
    home = folder / "home"
    files, rows = {}, {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAP_REPORTER_HOME", str(home))
        for code, count in AGENCIES.items():
            db = Database.open(folder / f"{code}.sqlite")
            initialise(db, Role.AGENCY, code)
            drive(fill_demo(db, activities=count, seed=7, period=YEAR))
            files[code] = folder / f"{code}_{YEAR}_v1.xlsx"
            drive(export_xlsx(db, YEAR, files[code]))
            db.close()
            data = read_submission(files[code]).data
            rows[code] = (len(data.activities), len(data.indicators))
        focal = folder / "focal.sqlite"
        assert main(["--db", str(focal), "init", "--role", "focal-point"]) == 0
    yield Setup(folder, home, folder / "CTO.sqlite", focal, files, rows)


def _env(setup: Setup, **extra: str) -> dict[str, str]:
    return {**os.environ, "NAP_REPORTER_HOME": str(setup.home), "LANG": "en_US.UTF-8",
            "NAP_BUSY_TIMEOUT_S": "20", **extra}


def _argv(db: Path, *args: str | Path) -> list[str]:
    return [sys.executable, "-m", "desktop_app", "--db", str(db), "--lang", "en",
            *map(str, args)]


def _run(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, env=env, capture_output=True, text=True,  # noqa: S603
                          timeout=120, check=False)


# A process that has imported the program once and forks a child per run: the child
# runs the command line (or the edit script) at once, so the kill points fall in the
# operation itself rather than in Python's start-up, and twenty runs cost seconds.
ZYGOTE = """
import os, sys
from desktop_app.cli import main
import desktop_app.core.services.activities, desktop_app.core.services.imports  # noqa
import desktop_app.core.services.submissions, desktop_app.core.storage.database  # noqa
print("ready", flush=True)
for line in sys.stdin:
    kind, _, rest = line.rstrip("\\n").partition("\\t")
    args = rest.split("\\t")
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            if kind == "cli":
                code = main(args)
            else:
                sys.argv = ["edit", *args]
                exec(compile(open(kind).read(), kind, "exec"), {"__name__": "__main__"})
                code = 0
        except BaseException:
            code = 99
        os._exit(code)
    print(pid, flush=True)
    _, status = os.waitpid(pid, 0)
    print(status, flush=True)
"""


class Zygote:
    def __init__(self, env: dict[str, str]) -> None:
        self.child = subprocess.Popen(  # noqa: S603
            [sys.executable, "-c", ZYGOTE], env=env, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True)
        assert self._line() == "ready"

    def _line(self) -> str:
        assert self.child.stdout is not None
        return self.child.stdout.readline().strip()

    def run(self, kind: str, args: list[str], kill_after: float | None = None) -> int:
        """Run once; SIGKILL it after kill_after seconds; its wait status."""
        assert self.child.stdin is not None
        self.child.stdin.write(kind + "\t" + "\t".join(args) + "\n")
        self.child.stdin.flush()
        pid = int(self._line())
        if kill_after is not None:
            time.sleep(kill_after)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        return int(self._line())

    def measured(self, kind: str, args: list[str],
                 probe: Callable[[], object] = lambda: None) -> tuple[float, list[float]]:
        """One whole run: its duration, and when probe() changed (its writes) meanwhile."""
        assert self.child.stdin is not None and self.child.stdout is not None
        start = time.monotonic()
        self.child.stdin.write(kind + "\t" + "\t".join(args) + "\n")
        self.child.stdin.flush()
        int(self._line())
        seen, changes = probe(), []
        while not select.select([self.child.stdout], [], [], 0.005)[0]:
            now = probe()
            if now != seen:
                seen = now
                changes.append(time.monotonic() - start)
        assert int(self._line()) == 0
        return time.monotonic() - start, changes

    def close(self) -> None:
        assert self.child.stdin is not None
        self.child.stdin.close()
        self.child.wait(timeout=30)
        if self.child.stdout is not None:
            self.child.stdout.close()


@pytest.fixture
def zygote(setup: Setup) -> Iterator[Zygote]:
    made = Zygote(_env(setup))
    yield made
    made.close()


def _cli_args(db: Path, *args: str | Path) -> list[str]:
    return ["--db", str(db), "--lang", "en", *map(str, args)]


def _points(duration: float, writes: list[float] | None = None) -> list[float]:
    """KILLS moments: spread over the whole operation, and where it was seen writing,
    half of them over that stretch (a small import reads for seconds and writes its
    files within a fifth of a second)."""
    if not writes:
        return [duration * (k + 0.5) / KILLS for k in range(KILLS)]
    half = KILLS // 2
    first, last = max(0.0, writes[0] - 0.05), min(duration, writes[-1] + 0.05)
    return ([duration * (k + 0.5) / half for k in range(half)]
            + [first + (last - first) * (k + 0.5) / (KILLS - half)
               for k in range(KILLS - half)])


def _sql(db: Path, query: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def _integrity(db: Path) -> None:
    assert _sql(db, "PRAGMA integrity_check") == [("ok",)]
    assert _sql(db, "PRAGMA foreign_key_check") == []


def _per_agency(db: Path) -> dict[str, tuple[int, int, int, int]]:
    """code -> (submissions, activities, indicators, import changes) in the database."""
    found = {}
    for code in AGENCIES:
        found[code] = tuple(int(str(_sql(db, query.format(code=code))[0][0])) for query in (
            "SELECT count(*) FROM submission s JOIN agency a ON a.id = s.agency_id "
            "WHERE a.code = '{code}'",
            "SELECT count(*) FROM activity x JOIN agency a ON a.id = x.agency_id "
            "WHERE a.code = '{code}'",
            "SELECT count(*) FROM indicator x JOIN agency a ON a.id = x.agency_id "
            "WHERE a.code = '{code}'",
            "SELECT count(*) FROM importchange c JOIN submission s ON s.id = c.submission_id "
            "JOIN agency a ON a.id = s.agency_id WHERE a.code = '{code}'"))
    return found  # type: ignore[return-value]


def _whole_or_none(setup: Setup, db: Path) -> int:
    """Each file all there or not at all; returns how many are there."""
    there = 0
    for code, (submissions, activities, indicators, changes) in _per_agency(db).items():
        expected = (1, *setup.rows[code], 1)
        assert (submissions, activities, indicators, changes) in (expected, (0, 0, 0, 0)), code
        there += submissions
    return there


def test_import_killed_anywhere_is_whole_or_nothing_and_a_rerun_completes(
        setup: Setup, tmp_path: Path, zygote: Zygote) -> None:
    files = [setup.files[code] for code in AGENCIES]
    db = tmp_path / "focal.sqlite"
    args = _cli_args(db, "import", *files)
    shutil.copyfile(setup.focal, db)
    def submissions() -> object:
        with contextlib.suppress(sqlite3.Error):
            return _sql(db, "SELECT count(*) FROM submission")
        return None

    duration, writes = zygote.measured("cli", args, submissions)
    partial: set[int] = set()

    def killed_after(after: float) -> None:
        shutil.copyfile(setup.focal, db)
        for sidecar in ("-wal", "-shm"):
            db.with_name(db.name + sidecar).unlink(missing_ok=True)
        zygote.run("cli", args, kill_after=after)
        _integrity(db)
        there = _whole_or_none(setup, db)
        if there not in partial or 0 < there < len(files):  # a rerun of each kind of state
            partial.add(there)
            assert zygote.run("cli", args) == 0
            assert _whole_or_none(setup, db) == len(files)
            assert sum(r[1] for r in _per_agency(db).values()) == sum(
                a for a, _ in setup.rows.values())

    for after in _points(duration, writes):
        killed_after(after)
    # On a loaded machine a killed run can be slower than the one measured, so that every
    # kill lands before the first write: later moments then, up to twice the measured run.
    for step in range(1, KILLS + 1):
        if len(partial) >= 2:
            break
        killed_after(duration * (1 + step / KILLS))
    assert len(partial) >= 2, partial  # the kills did land before, between or after files


def test_export_killed_anywhere_leaves_no_half_file_and_a_rerun_writes_it(
        setup: Setup, tmp_path: Path, zygote: Zygote) -> None:
    db = tmp_path / "agency.sqlite"
    out = tmp_path / "out" / f"CTO_{YEAR}.xlsx"
    out.parent.mkdir()
    args = _cli_args(db, "export", "xlsx", "--period", YEAR, "-o", out)
    shutil.copyfile(setup.agency, db)
    def files() -> object:
        return sorted(p.name for p in out.parent.iterdir())

    duration, writes = zygote.measured("cli", args, files)
    expected = read_submission(out).data
    for after in _points(duration, writes):
        out.unlink(missing_ok=True)
        zygote.run("cli", args, kill_after=after)
        _integrity(db)
        if out.exists():  # only ever whole under its final name
            assert read_submission(out).data.activities == expected.activities
    assert zygote.run("cli", args) == 0
    assert read_submission(out).data.activities == expected.activities
    assert [p.name for p in out.parent.iterdir()] == [out.name]  # leftovers removed
    versions = _sql(db, "SELECT count(*), count(DISTINCT version) FROM submission")
    assert versions[0][0] == versions[0][1]  # no half-recorded version


def test_an_edit_killed_anywhere_keeps_every_saved_activity_whole(
        setup: Setup, tmp_path: Path, zygote: Zygote) -> None:
    db = tmp_path / "agency.sqlite"
    script = tmp_path / "edit.py"
    script.write_text(EDIT_SCRIPT, encoding="utf-8")
    shutil.copyfile(setup.agency, db)
    wanted = 8
    args = [str(db), str(wanted), str(YEAR)]
    duration, _ = zygote.measured(str(script), args)
    shutil.copyfile(setup.agency, db)
    for sidecar in ("-wal", "-shm"):
        db.with_name(db.name + sidecar).unlink(missing_ok=True)
    for after in _points(duration):
        zygote.run(str(script), args, kill_after=after)  # goes on where the last was killed
        _integrity(db)
        counts = _sql(db, "SELECT a.id, (SELECT count(*) FROM indicator i "
                          "WHERE i.activity_id = a.id) FROM activity a "
                          "WHERE a.title LIKE 'crash-%'")
        assert all(n == 3 for _, n in counts), counts  # an activity and its indicators
        results = _sql(db, "SELECT count(*) FROM result r JOIN indicator i "
                           "ON i.id = r.indicator_id JOIN activity a ON a.id = i.activity_id "
                           "WHERE a.title LIKE 'crash-%'")
        assert results[0][0] == 3 * len(counts)
    assert zygote.run(str(script), args) == 0
    titles = _sql(db, "SELECT title, count(*) FROM activity WHERE title LIKE 'crash-%' "
                      "GROUP BY title")
    assert sorted(t for t, _ in titles) == sorted(f"crash-{n}" for n in range(wanted))
    assert all(n == 1 for _, n in titles)


def test_two_importers_of_different_files_at_once_both_succeed(
        setup: Setup, tmp_path: Path) -> None:
    db = tmp_path / "focal.sqlite"
    shutil.copyfile(setup.focal, db)
    env = _env(setup, NAP_BUSY_TIMEOUT_S="60")
    codes = list(AGENCIES)
    batches = [[setup.files[codes[0]], setup.files[codes[1]]], [setup.files[codes[2]]]]
    children = [subprocess.Popen(_argv(db, "import", *batch), env=env,  # noqa: S603
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for batch in batches]
    outcomes = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0, 0], outcomes
    assert "OperationalError" not in "".join(err for _, err in outcomes)
    assert _whole_or_none(setup, db) == 3
    assert int(str(_sql(db, "SELECT count(*) FROM activity")[0][0])) == sum(
        a for a, _ in setup.rows.values())
    done = _run(_argv(db, "status", "--json"), env)
    assert '"imports": 2' in done.stdout


def test_an_import_under_an_outside_lock_past_the_wait_is_exit_4(
        setup: Setup, tmp_path: Path) -> None:
    db = tmp_path / "focal.sqlite"
    shutil.copyfile(setup.focal, db)
    before = _sql(db, "SELECT count(*) FROM importrecord")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        run = _run(_argv(db, "import", *setup.files.values()),
                   _env(setup, NAP_BUSY_TIMEOUT_S="0.5"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert run.returncode == 4, run.stderr
    assert "busy" in run.stderr and "bận" in run.stderr
    assert "internal error" not in run.stderr.lower() and "Traceback" not in run.stderr
    assert _sql(db, "SELECT count(*) FROM importrecord") == before
    assert _whole_or_none(setup, db) == 0
