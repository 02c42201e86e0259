"""`nap-reporter export pdf` of 2,000 activities against reportlab's platypus building the
same tables with the same font.

Ours is the whole command: start-up, the submission's register (content hash, version),
and the whole report (header, sections, chart, signature block, then the annexes that list
every activity and every indicator). The raw side reads the same activities and
indicators with sqlite3 and builds the two annex tables alone, as platypus LongTables of
plain strings broken into lines with reportlab's simpleSplit (what our tables hold), with
the same cells (types and statuses in Vietnamese, dd/mm/yyyy dates, numbers with dots
between thousands, under each indicator the activity it measures, the assessment in
bold when met and shaded when not), the same font (Tinos, registered the same way),
sizes, widths and grid, on A4 pages. Ours also groups the annex by area and task and
draws everything before it.
reportlab's C accelerator (rl_accel) is used by both sides when it is installed, as
reportlab itself decides. Target: at most 1.2x (issue 11).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from harness import Comparison, compare  # noqa: E402
from installed import demo_database, installed_env  # noqa: E402

N = int(os.environ.get("BENCH_PDF_ACTIVITIES", "2000"))
YEAR = 2025

RAW = r'''
import sqlite3, sys
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import LongTable, PageBreak, SimpleDocTemplate, TableStyle

db, fonts, out = sys.argv[1:4]
for name, file in (("Tinos", "Tinos-Regular"), ("Tinos-Bold", "Tinos-Bold"),
                   ("Tinos-Italic", "Tinos-Italic"), ("Tinos-BoldItalic", "Tinos-BoldItalic")):
    pdfmetrics.registerFont(TTFont(name, f"{fonts}/{file}.ttf"))
SIZE = 10.5

def wrap(text, width):
    return "\n".join(simpleSplit(text or "", "Tinos", SIZE, width - 6))

def style():
    return TableStyle([("FONT", (0, 0), (-1, -1), "Tinos", SIZE),
                       ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                       ("LEFTPADDING", (0, 0), (-1, -1), 3),
                       ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                       ("TOPPADDING", (0, 0), (-1, -1), 2),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                       ("LEADING", (0, 1), (-1, -1), SIZE * 1.15)])

c = sqlite3.connect(db)
year = int(sys.argv[4])
sys.path.insert(0, ".")
from desktop_app.core.domain.enums import ActivityStatus, ActivityType
from desktop_app.core.domain.labels import labels
TYPES, STATUSES = labels(ActivityType, "vi"), labels(ActivityStatus, "vi")

def dots(v):
    return f"{v:,}".replace(",", ".")

def number(v):
    if float(v).is_integer():
        return dots(int(v))
    whole, _, frac = f"{v:,.2f}".partition(".")
    frac = frac.rstrip("0")
    return whole.replace(",", ".") + ("," + frac if frac else "")

def day(v):
    return f"{v[8:10]}/{v[5:7]}/{v[:4]}" if v else ""

acts = c.execute("SELECT a.title, a.type, a.status, a.start_date, a.end_date, a.women, "
                 "a.ethnic_minorities, a.disabilities, a.children, a.budget_vnd FROM activity a "
                 "JOIN period p ON p.id = a.period_id WHERE p.year = ? ORDER BY a.id",
                 (year,)).fetchall()
widths = [10 * mm, 48 * mm, 24 * mm, 18 * mm, 22 * mm, 20 * mm, 23 * mm]
rows = [["STT", "Tên hoạt động", "Loại hoạt động", "Tình trạng", "Thời gian",
         "Người hưởng lợi", "Kinh phí (đồng)"]]
for n, (title, kind, status, start, end, w, e, d, ch, budget) in enumerate(acts, 1):
    people = "\n".join(f"{k}: {dots(v)}" for k, v in (("PN", w), ("DTTS", e), ("NKT", d),
                                                       ("TE", ch)) if v)
    period = day(start)
    if end:
        period = f"{period} –\n{day(end)}" if period else f"đến\n{day(end)}"
    rows.append([str(n), wrap(title, widths[1]), wrap(TYPES.get(kind, kind), widths[2]),
                 wrap(STATUSES.get(status, status), widths[3]), period, people,
                 dots(budget) if budget is not None else ""])
activities = LongTable(rows, colWidths=widths, repeatRows=1)
activities.setStyle(style())
# each indicator with the activity it measures on a line of its own, as ours shows it; the
# assessment in bold when met, shaded when not
inds = c.execute("SELECT i.name, i.unit, i.baseline, i.target, r.value, a.title FROM indicator i "
                 "LEFT JOIN activity a ON a.id = i.activity_id "
                 "LEFT JOIN result r ON r.indicator_id = i.id ORDER BY i.id").fetchall()
widths = [10 * mm, 67 * mm, 18 * mm, 17 * mm, 17 * mm, 17 * mm, 19 * mm]
rows = [["STT", "Chỉ số", "Đơn vị tính", "Giá trị cơ sở", "Chỉ tiêu", "Kết quả", "Đánh giá"]]
marks = []
for n, (name, unit, base, target, value, about) in enumerate(inds, 1):
    state = "Chưa có kết quả" if value is None else ("Đạt" if value >= target else "Chưa đạt")
    text = wrap(name, widths[1]) + ("\n" + wrap(f"({about})", widths[1]) if about else "")
    rows.append([str(n), text, wrap(unit, widths[2]),
                 "" if base is None else number(base), number(target),
                 "" if value is None else number(value), wrap(state, widths[6])])
    if state == "Đạt":
        marks.append(("FONT", (6, n), (6, n), "Tinos-Bold", SIZE))
    elif state == "Chưa đạt":
        marks.append(("BACKGROUND", (6, n), (6, n), colors.HexColor("#fde0dc")))
indicators = LongTable(rows, colWidths=widths, repeatRows=1)
indicators.setStyle(style())
indicators.setStyle(TableStyle(marks))
doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=30 * mm, rightMargin=15 * mm,
                        topMargin=20 * mm, bottomMargin=20 * mm)
doc.build([activities, PageBreak(), indicators])
'''


def comparisons(rounds: int = 3) -> list[Comparison]:
    with tempfile.TemporaryDirectory() as tmp:
        env = installed_env({**os.environ, "NAP_REPORTER_HOME": tmp})
        db = Path(tmp) / "agency.sqlite"
        app = demo_database(db, env, ["agency", "--agency", "VLG"], N, YEAR)
        fonts = ROOT / "desktop_app" / "resources" / "fonts"
        return [compare(
            f"export pdf of {N} activities vs platypus building the same tables",
            lambda i: [*app, "export", "pdf", "--period", str(YEAR), "-o",
                       str(Path(tmp) / f"ours{i}.pdf")],
            lambda i: [sys.executable, "-c", RAW, str(db), str(fonts),
                       str(Path(tmp) / f"raw{i}.pdf"), str(YEAR)],
            rounds=rounds, target="<= 1.2x", env=env)]


def main() -> None:
    for comparison in comparisons():
        print("\n".join(comparison.lines()))


if __name__ == "__main__":
    main()
