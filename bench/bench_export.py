"""`nap-reporter export xlsx` of 20,000 demo activities against XlsxWriter (the chosen
writer, bench_writers.py) writing the same cells alone.

Both sides are whole processes with start-up included, in the same run. The
plain side reads the same rows from the same database with sqlite3 and writes
the same cells (same sheets, the two header rows, the same values, the type and
status as their Vietnamese labels, dates with a date format, counts and money with
"#,##0", wrapped long texts) in XlsxWriter's constant-memory mode, one write_string /
write_number / write_datetime per cell with shared formats. It does not compute a
content hash, sign, check text for formulas or keep a register: that difference is
what the ratio measures.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

N = int(os.environ.get("BENCH_ACTIVITIES", "20000"))
YEAR = 2025
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from harness import Comparison, compare  # noqa: E402
from installed import demo_database, installed_env  # noqa: E402

RAW = r'''
import sqlite3, sys
from datetime import date
import xlsxwriter

db, out, year = sys.argv[1], sys.argv[2], int(sys.argv[3])
con = sqlite3.connect(db)
period = con.execute("SELECT id FROM period WHERE year = ?", (year,)).fetchone()[0]
wb = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False,
                               "strings_to_numbers": False, "strings_to_urls": False})
head = wb.add_format({"bold": True, "text_wrap": True})
F = {"wrap": wb.add_format({"text_wrap": True, "valign": "top"}),
     "#,##0": wb.add_format({"num_format": "#,##0", "valign": "top"}),
     "dd/mm/yyyy": wb.add_format({"num_format": "dd/mm/yyyy", "valign": "top"}),
     "num": wb.add_format({"valign": "top"})}
# the words our workbook shows for the type and status codes (labels.py)
sys.path.insert(0, ".")
from desktop_app.core.domain.enums import ActivityStatus, ActivityType
from desktop_app.core.domain.labels import labels
TYPES, STATUSES = labels(ActivityType, "vi"), labels(ActivityStatus, "vi")

def d(v):
    return None if v is None else date.fromisoformat(v[:10])

def sheet(title, headers, widths, formats, rows):
    ws = wb.add_worksheet(title)
    for i, w in enumerate(widths):
        ws.set_column(i, i, w)
    ws.freeze_panes(2, 0)
    for r, line in enumerate(headers):
        ws.write_row(r, 0, line, head)
    r = 2
    for row in rows:
        for c, (value, fmt) in enumerate(zip(row, formats)):
            if value is None or value == "":
                continue
            if fmt is None or fmt == "wrap":
                ws.write_string(r, c, value, F[fmt] if fmt else None)
            elif fmt == "dd/mm/yyyy":
                ws.write_datetime(r, c, value, F[fmt])
            else:
                ws.write_number(r, c, value, F[fmt])
        r += 1

acts = con.execute(
    "SELECT a.uuid, t.code, a.title, a.description, a.type, a.status, a.start_date,"
    " a.end_date, a.women, a.ethnic_minorities, a.disabilities, a.children, a.budget_vnd,"
    " a.outputs, a.challenges, a.next_steps, a.evidence, a.carried_from"
    " FROM activity a JOIN task t ON t.id = a.task_id WHERE a.period_id = ?"
    " ORDER BY t.code, a.id", (period,))
I, W, D, N = "#,##0", "wrap", "dd/mm/yyyy", "num"
sheet("Hoạt động", [["h"] * 18, ["h"] * 18], [38, 16, 50, 60, 16, 14, 13, 13, 10, 12, 12, 10,
      16, 40, 40, 40, 30, 38],
      [None, None, None, W, None, None, D, D, I, I, I, I, I, W, W, W, W, None],
      ([*r[:4], TYPES[r[4]], STATUSES[r[5]], d(r[6]), d(r[7]), *r[8:]] for r in acts))
inds = con.execute(
    "SELECT i.uuid, a.uuid, t.code, i.name, i.unit, i.baseline, i.target, i.due_date,"
    " r.uuid, r.value, r.note FROM indicator i LEFT JOIN activity a ON a.id = i.activity_id"
    " LEFT JOIN task t ON t.id = i.task_id"
    " LEFT JOIN result r ON r.indicator_id = i.id AND r.period_id = ?"
    " WHERE a.period_id = ? OR i.activity_id IS NULL ORDER BY a.id, i.id", (period, period))
sheet("Chỉ số và kết quả", [["h"] * 11, ["h"] * 11], [38, 38, 16, 40, 12, 12, 12, 13, 38, 12, 30],
      [None, None, None, None, None, N, N, D, None, N, W],
      ([*r[:7], d(r[7]), *r[8:]] for r in inds))
links = con.execute(
    "SELECT a.uuid, rec.code FROM activityrecommendation ar"
    " JOIN activity a ON a.id = ar.activity_id JOIN recommendation rec"
    " ON rec.id = ar.recommendation_id WHERE a.period_id = ? ORDER BY a.id, rec.code",
    (period,))
sheet("Liên kết khuyến nghị", [["h"] * 2, ["h"] * 2], [38, 20], [None, None], links)
wb.close()
'''


def comparisons(rounds: int = 3) -> list[Comparison]:
    with tempfile.TemporaryDirectory() as tmp:
        env = installed_env({**os.environ, "NAP_REPORTER_HOME": tmp})
        db = Path(tmp) / "bench.sqlite"
        app = demo_database(db, env, ["agency", "--agency", "VLG"], N, YEAR)
        result = compare(
            f"export xlsx of {N} activities vs XlsxWriter writing the same cells",
            lambda i: [*app, "export", "xlsx", "--period", str(YEAR), "-o",
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
