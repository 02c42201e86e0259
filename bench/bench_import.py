"""`nap-reporter import` of 34 submissions of 1,000 activities each, against
python-calamine (and, for the record, openpyxl read_only) merely reading the same files.

The 34 files are made once into a temporary folder: one agency database with 1,000
demo activities exports its submission, which is then re-identified for each of the
34 provinces and cities (new UUIDs, agency fields and content hash, written by the
program's own writer), so every file is a valid submission of another agency.

Both sides are whole processes with start-up included, in the same run, alternating,
the median of the rounds quoted (bench/harness.py). Ours reads every file
(python-calamine), checks the container, metadata, content hash and every row's types
and catalog codes, classifies it against the database, takes the automatic backup and
writes each file in its own transaction. The raw side
opens each file with python-calamine and reads every cell of every sheet, doing
nothing with the values (target: at most 2.5x, issue 11); openpyxl's read_only mode
doing the same is printed beside it (issue 5's yardstick).
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
YEAR = 2025
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from harness import Comparison, compare  # noqa: E402

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


def make_files(folder: Path) -> list[Path]:
    from desktop_app.core.domain.enums import AgencyKind, Role
    from desktop_app.core.exchange.canonical import content_hash
    from desktop_app.core.exchange.submission import PreparedSubmission, SubmissionData
    from desktop_app.core.exchange.xlsx_reader import read_submission
    from desktop_app.core.exchange.xlsx_writer import write_workbook
    from desktop_app.core.progress import drive
    from desktop_app.core.services.demo import fill_demo
    from desktop_app.core.services.setup import agency_choices, initialise
    from desktop_app.core.services.submissions import export_xlsx
    from desktop_app.core.storage.database import Database

    db = Database.open(folder / "agency.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(fill_demo(db, activities=N, seed=1, period=YEAR))
    source = folder / "source.xlsx"
    drive(export_xlsx(db, YEAR, source))
    db.close()
    read = read_submission(source)
    units = [c for c in agency_choices() if c.kind in (AgencyKind.CITY, AgencyKind.PROVINCE)]
    files = []
    for unit in units:
        def new(old: str | None, code: str = unit.code) -> str | None:
            return None if old is None else str(uuid.uuid5(uuid.NAMESPACE_OID, f"{code}:{old}"))

        data = SubmissionData(
            [replace(a, uuid=new(a.uuid)) for a in read.data.activities],
            [replace(i, uuid=new(i.uuid), activity_uuid=new(i.activity_uuid),
                     result_uuid=new(i.result_uuid)) for i in read.data.indicators],
            [replace(link, activity_uuid=new(link.activity_uuid)) for link in read.data.links])
        meta = replace(read.meta, agency_code=unit.code, agency_name_vi=unit.name_vi,
                       agency_name_en=unit.name_en, submission_uuid=str(uuid.uuid4()),
                       content_hash="", public_key="", signature="")  # unsigned: re-made
        meta = replace(meta, content_hash=content_hash(meta, data))
        path = folder / f"{unit.code}_{YEAR}_v1.xlsx"
        drive(write_workbook(PreparedSubmission(meta, data, True), path))
        files.append(path)
    return files


def comparisons(rounds: int = 3) -> list[Comparison]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "NAP_REPORTER_HOME": str(folder / "home")}
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
            compare(f"{title} vs openpyxl read_only reading every cell", ours,
                    lambda _: [sys.executable, "-c", OPENPYXL, *names], rounds=rounds,
                    target="informative (issue 5: <= 1.0x)", env=env, before=fresh),
        ]
        count = subprocess.run(
            [sys.executable, "-m", "desktop_app", "--db", str(folder / "focal0.sqlite"),
             "status", "--json"], check=True, env=env, cwd=ROOT, capture_output=True,
            text=True).stdout
        assert f'"activities": {len(files) * N}' in count, count
        return results


def main() -> None:
    for comparison in comparisons():
        print("\n".join(comparison.lines()))


if __name__ == "__main__":
    main()
