"""`nap-reporter import` of 34 submissions of 1,000 activities each, against
python-calamine (and, for the record, openpyxl read_only) merely reading the same files.

The 34 files are made once into a temporary folder: one agency database with 1,000
demo activities exports its submission, which is then re-identified for each of the
34 provinces and cities (new UUIDs, agency fields, content hash and a signature by a
key of each unit's own, written by the program's own writer), so every file is a
valid signed submission of another agency.

Both sides are whole processes with start-up included, in the same run, alternating,
the median of the rounds quoted (bench/harness.py). Ours reads every file
(python-calamine), checks the container, metadata, content hash and every row's types
and catalog codes, classifies it against the database, takes the automatic backup and
writes each file in its own transaction. The raw side
opens each file with python-calamine and reads every cell of every sheet, doing
nothing with the values (target: at most 2.5x, issue 11); openpyxl's read_only mode
doing the same is printed beside it (issue 5's yardstick).

Both sides run the way an installed program runs: the package is compiled once
(compileall) before the rounds and the children run without PYTHONDONTWRITEBYTECODE, so
neither side compiles its modules at every start.

Memory stays flat as the batch grows: batches of 34, 100 and 500 files of
BENCH_MEMORY_ACTIVITIES activities each (100 unless told; the 34 provinces and cities,
each with versions 1, 2, ... signed by the unit's own key, so later versions replace the
earlier ones) are imported once each, and each batch's peak memory is compared with the
34 files' (target: within 1.5x, issue 11). The peak is the largest resident set of the
import's processes (the command or one of its readers: os.wait4's maximum), taken by a
small launcher (LAUNCH) so that the benchmark's own size does not count.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from dataclasses import replace
from pathlib import Path

N = int(os.environ.get("BENCH_ACTIVITIES", "1000"))
MEMORY_ACTIVITIES = int(os.environ.get("BENCH_MEMORY_ACTIVITIES", "100"))
MEMORY_BATCHES = (34, 100, 500)
YEAR = 2025
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from harness import Comparison, Run, compare, run_process  # noqa: E402

CALAMINE = r'''
import sys
from python_calamine import CalamineWorkbook

cells = 0
for name in sys.argv[1:]:
    wb = CalamineWorkbook.from_path(name)
    for sheet in wb.sheet_names:
        for row in wb.get_sheet_by_name(sheet).to_python():
            cells += len(row)
print(cells)
'''

OPENPYXL = r'''
import sys
from openpyxl import load_workbook

cells = 0
for name in sys.argv[1:]:
    wb = load_workbook(name, read_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for value in row:
                cells += 1
    wb.close()
print(cells)
'''


def make_files(folder: Path, activities: int = N, count: int = 0) -> list[Path]:
    """Signed submissions of `activities` activities: one per province and city (34), or
    `count` of them, the units taking turns and each unit's later files its next versions."""
    from desktop_app.core.catalog.agencies import agency_choices
    from desktop_app.core.domain.enums import AgencyKind, Role
    from desktop_app.core.exchange.signing import generate_key_pair, sign_submission
    from desktop_app.core.exchange.submission import PreparedSubmission, SubmissionData
    from desktop_app.core.exchange.xlsx_reader import read_submission
    from desktop_app.core.exchange.xlsx_writer import write_workbook
    from desktop_app.core.progress import drive
    from desktop_app.core.services.demo import fill_demo
    from desktop_app.core.services.setup import initialise
    from desktop_app.core.services.submissions import export_xlsx
    from desktop_app.core.storage.database import Database

    folder.mkdir(parents=True, exist_ok=True)
    db = Database.open(folder / "agency.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(fill_demo(db, activities=activities, seed=1, period=YEAR))
    source = folder / "source.xlsx"
    drive(export_xlsx(db, YEAR, source))
    db.close()
    read = read_submission(source)
    units = [c for c in agency_choices() if c.kind in (AgencyKind.CITY, AgencyKind.PROVINCE)]
    keys = {unit.code: generate_key_pair() for unit in units}
    files = []
    for index in range(count or len(units)):
        unit, version = units[index % len(units)], index // len(units) + 1

        def new(old: str | None, code: str = f"{unit.code}:{version}") -> str | None:
            return None if old is None else str(uuid.uuid5(uuid.NAMESPACE_OID, f"{code}:{old}"))

        data = SubmissionData(
            [replace(a, uuid=new(a.uuid)) for a in read.data.activities],
            [replace(i, uuid=new(i.uuid), activity_uuid=new(i.activity_uuid),
                     result_uuid=new(i.result_uuid)) for i in read.data.indicators],
            [replace(link, activity_uuid=new(link.activity_uuid)) for link in read.data.links])
        meta = replace(read.meta, agency_code=unit.code, agency_name_vi=unit.name_vi,
                       agency_name_en=unit.name_en, submission_uuid=str(uuid.uuid4()),
                       version=version, content_hash="")
        # signed by a key of the unit's own, as its installation would (the import checks
        # the signature and pins the key)
        meta = sign_submission(keys[unit.code], meta, data)
        path = folder / f"{unit.code}_{YEAR}_v{version}.xlsx"
        drive(write_workbook(PreparedSubmission(meta, data, True), path))
        files.append(path)
    return files


class Growth(Comparison):
    """A bigger batch's peak memory (MB) against the 34 files' ("ours" and "raw")."""

    unit = "MB"

    @property
    def ours_s(self) -> float:
        return max(r.peak_mb for r in self.ours)

    @property
    def raw_s(self) -> float:
        return max(r.peak_mb for r in self.raw)

    def lines(self) -> list[str]:
        return [f"{self.name}",
                f"  ours {self.ours_s:8.0f} MB  ({self.ours[0].seconds:.1f} s)",
                f"  34   {self.raw_s:8.0f} MB  ({self.raw[0].seconds:.1f} s)",
                f"  ratio {self.ratio:.2f}x  (target {self.target})"]


def installed_env(folder: Path) -> dict[str, str]:
    """The environment of both sides, as an installed program has it: the package compiled
    once (compileall; the dependencies are compiled at their install) and byte code kept,
    where this environment sets PYTHONDONTWRITEBYTECODE (each start would compile ~110
    modules, ~0.4 s)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "desktop_app")],
                   check=True, stdout=subprocess.DEVNULL)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NAP_REPORTER_HOME"] = str(folder / "home")
    return env


# Starts the command from a small process and writes its peak memory (KB) to a file. A
# child forked from the benchmark itself would report at least the benchmark's own
# resident size (Linux carries the parent's high-water mark over fork and exec: every
# figure under ~120 MB came out as ~120 MB).
LAUNCH = r'''
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    out.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
'''


def memory_growth(folder: Path, env: dict[str, str]) -> list[Comparison]:
    """Each batch imported once into a fresh focal point: its peak memory against 34's."""
    files = make_files(folder / "memory", MEMORY_ACTIVITIES, max(MEMORY_BATCHES))
    runs: dict[int, Run] = {}
    peak = folder / "peak.txt"
    for count in MEMORY_BATCHES:
        focal = folder / f"memory{count}.sqlite"
        subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(focal), "init",
                        "--role", "focal-point"], check=True, env=env, cwd=ROOT,
                       stdout=subprocess.DEVNULL)
        timed = run_process([sys.executable, "-c", LAUNCH, str(peak), sys.executable, "-m",
                             "desktop_app", "--db", str(focal), "import",
                             *(str(f) for f in files[:count])], env)
        runs[count] = Run(timed.seconds, int(peak.read_text()) / 1024)
    first = MEMORY_BATCHES[0]
    return [Growth(f"import peak memory, {count} files x {MEMORY_ACTIVITIES} activities vs "
                   f"{first} files", "<= 1.5x", [runs[count]], [runs[first]])
            for count in MEMORY_BATCHES[1:]]


def comparisons(rounds: int = 3) -> list[Comparison]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = installed_env(folder)
        os.environ["NAP_REPORTER_HOME"] = env["NAP_REPORTER_HOME"]
        files = make_files(folder)
        focal = folder / "focal.sqlite"
        subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(focal), "init",
                        "--role", "focal-point"], check=True, env=env, cwd=ROOT,
                       stdout=subprocess.DEVNULL)
        names = [str(f) for f in files]

        def fresh(index: int) -> None:
            shutil.copyfile(focal, folder / f"focal{index}.sqlite")

        def ours(index: int) -> list[str]:
            return [sys.executable, "-m", "desktop_app", "--db",
                    str(folder / f"focal{index}.sqlite"), "import", *names]

        title = f"import of {len(files)} submissions x {N} activities"
        results = [
            compare(f"{title} vs python-calamine reading every cell", ours,
                    lambda _: [sys.executable, "-c", CALAMINE, *names], rounds=rounds,
                    target="<= 2.5x", env=env, before=fresh),
        ]
        if os.environ.get("BENCH_IMPORT_OPENPYXL", "1") != "0":  # slow: ~40x calamine
            results.append(compare(
                f"{title} vs openpyxl read_only reading every cell", ours,
                lambda _: [sys.executable, "-c", OPENPYXL, *names], rounds=rounds,
                target="informative (issue 5: <= 1.0x)", env=env, before=fresh))
        count = subprocess.run(
            [sys.executable, "-m", "desktop_app", "--db", str(folder / "focal0.sqlite"),
             "status", "--json"], check=True, env=env, cwd=ROOT, capture_output=True,
            text=True).stdout
        assert f'"activities": {len(files) * N}' in count, count
        if os.environ.get("BENCH_IMPORT_MEMORY", "1") != "0":
            results += memory_growth(folder, env)
        return results


def main() -> None:
    for comparison in comparisons():
        print("\n".join(comparison.lines()))


if __name__ == "__main__":
    main()
