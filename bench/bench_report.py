"""`nap-reporter report xlsx` at 100,000 activities against XlsxWriter (the chosen writer,
bench_writers.py) writing the same annex cells alone.

Both sides are whole processes with start-up included, in the same run, on a focal-point
database filled by `demo` (simulated submissions from the agencies). The plain side
reads the current activities with sqlite3 and writes the annex's 18 columns (number,
units, task, title, type and status as their Vietnamese labels, dates, recommendation
codes, counts, budget, UUID) under the two header rows in XlsxWriter's constant-memory
mode. Ours also reads the whole report (reporting status over five periods, areas,
tasks, recommendations) and writes its four other sheets (a few hundred rows): that, and
the sorting and roll-up of the annex, is what the ratio measures.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

N = int(os.environ.get("BENCH_REPORT_ACTIVITIES", "100000"))
YEAR = 2025
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from harness import Comparison, compare  # noqa: E402
from installed import demo_database, installed_env  # noqa: E402

RAW = r'''
import sqlite3, sys
from collections import defaultdict
from datetime import date
import xlsxwriter
sys.path.insert(0, ".")
from desktop_app.core.domain.enums import ActivityStatus, ActivityType
from desktop_app.core.domain.labels import labels

db, out, year = sys.argv[1], sys.argv[2], int(sys.argv[3])
TYPES, STATUSES = labels(ActivityType, "vi"), labels(ActivityStatus, "vi")
con = sqlite3.connect(db)
period = con.execute("SELECT id FROM period WHERE year = ?", (year,)).fetchone()[0]
links = defaultdict(list)
for activity_id, code in con.execute(
        "SELECT ar.activity_id, r.code FROM activityrecommendation ar JOIN recommendation r"
        " ON r.id = ar.recommendation_id"):
    links[activity_id].append(code)
wb = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False,
                               "strings_to_numbers": False, "strings_to_urls": False})
ws = wb.add_worksheet("Phụ lục hoạt động")
head = wb.add_format({"bold": True, "text_wrap": True})
wrap = wb.add_format({"text_wrap": True, "valign": "top"})
day = wb.add_format({"num_format": "dd/mm/yyyy", "valign": "top"})
integer = wb.add_format({"num_format": "#,##0", "valign": "top"})
for i, w in enumerate([7, 9, 26, 9, 26, 9, 50, 18, 14, 11, 11, 18, 9, 9, 10, 9, 15, 12]):
    ws.set_column(i, i, w)
ws.freeze_panes(2, 0)
ws.write_row(0, 0, ["h"] * 18, head)
ws.write_row(1, 0, ["h"] * 18, head)
rows = con.execute(
    "SELECT a.id, g.code, g.name_vi, g.code, g.name_vi, t.code, a.title, a.type, a.status,"
    " a.start_date, a.end_date, a.women, a.ethnic_minorities, a.disabilities, a.children,"
    " a.budget_vnd, a.uuid FROM activity a JOIN agency g ON g.id = a.agency_id"
    " JOIN task t ON t.id = a.task_id JOIN submission s ON s.id = a.submission_id"
    " WHERE a.period_id = ? AND s.superseded = 0 ORDER BY g.name_vi, t.code, a.title",
    (period,))
r = 2
for row in rows:
    ws.write_number(r, 0, r - 1, integer)
    for c, value in enumerate(row[1:6], 1):
        ws.write_string(r, c, value)
    ws.write_string(r, 6, row[6], wrap)
    ws.write_string(r, 7, TYPES[row[7]])
    ws.write_string(r, 8, STATUSES[row[8]])
    for c, value in ((9, row[9]), (10, row[10])):
        if value:
            ws.write_datetime(r, c, date.fromisoformat(value[:10]), day)
    codes = links.get(row[0])
    if codes:
        ws.write_string(r, 11, ", ".join(sorted(codes)))
    for c, value in enumerate(row[11:16], 12):
        if value is not None:
            ws.write_number(r, c, value, integer)
    ws.write_string(r, 17, row[16])
    r += 1
wb.close()
'''


def comparisons(rounds: int = 3) -> list[Comparison]:
    with tempfile.TemporaryDirectory() as tmp:
        env = installed_env({**os.environ, "NAP_REPORTER_HOME": tmp})
        db = Path(tmp) / "focal.sqlite"
        app = demo_database(db, env, ["focal-point"], N, YEAR)
        result = compare(
            f"report xlsx at {N} activities vs XlsxWriter writing the annex cells",
            lambda i: [*app, "report", "xlsx", "--period", str(YEAR), "-o",
                       str(Path(tmp) / f"ours{i}.xlsx")],
            lambda i: [sys.executable, "-c", RAW, str(db), str(Path(tmp) / f"raw{i}.xlsx"),
                       str(YEAR)],
            rounds=rounds, target="<= 1.2x", env=env)
        result.note = f"file {(Path(tmp) / 'ours0.xlsx').stat().st_size / 2**20:.1f} MB"
        return [result]


def main() -> None:
    for comparison in comparisons():
        print("\n".join(comparison.lines()))


if __name__ == "__main__":
    main()
