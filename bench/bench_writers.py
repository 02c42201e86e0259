"""Which workbook writer: openpyxl write_only (with lxml), XlsxWriter constant_memory and
the Rust-backed rustpy-xlsxwriter, each writing the same cells of our files.

The cells are our real ones: every activity row of a demo database read with sqlite3
(18 columns: texts, long wrapped texts, dates as dates, counts and money as numbers
with "#,##0"), under the two header rows (Vietnamese, English) our sheets have, at
20,000 activities (an agency's submission export) and at 100,000 (the annex of the
national report at the focal point). Text that starts with "=" is written with the
quote prefix where the writer can do it per cell. Every side is a whole process (this
file run as `bench_writers.py child WRITER DB OUT`), alternating in each round as the
harness does, openpyxl's side the reference of each ratio. What each writer can do
for our files beyond speed is in the README's benchmark section.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from harness import Comparison, Run, run_process  # noqa: E402
from installed import demo_database, installed_env  # noqa: E402

SMALL = int(os.environ.get("BENCH_ACTIVITIES", "20000"))
LARGE = int(os.environ.get("BENCH_REPORT_ACTIVITIES", str(SMALL * 5)))
YEAR = 2025
WRITERS = ("openpyxl", "xlsxwriter", "rustpy")

QUERY = (
    "SELECT a.uuid, t.code, a.title, a.description, a.type, a.status, a.start_date,"
    " a.end_date, a.women, a.ethnic_minorities, a.disabilities, a.children, a.budget_vnd,"
    " a.outputs, a.challenges, a.next_steps, a.evidence, a.carried_from"
    " FROM activity a JOIN task t ON t.id = a.task_id ORDER BY t.code, a.id")
# what each column is: T text, W wrapped long text, D date, I integer with "#,##0"
KINDS = "TTTWTTDDIIIIIWWWWT"
WIDTHS = [38, 16, 50, 60, 16, 14, 13, 13, 10, 12, 12, 10, 16, 40, 40, 40, 30, 38]
HEADERS_VI = [f"Cột {i + 1}" for i in range(len(KINDS))]
HEADERS_EN = [f"Column {i + 1}" for i in range(len(KINDS))]
TITLE = "Hoạt động"


def _rows(db: str) -> Iterator[list[Any]]:
    con = sqlite3.connect(db)
    for row in con.execute(QUERY):
        out: list[Any] = []
        for kind, value in zip(KINDS, row, strict=True):
            if value is None or value == "":
                out.append(None)
            elif kind == "D":
                out.append(date.fromisoformat(value[:10]))
            else:
                out.append(value)
        yield out


def _openpyxl(db: str, out: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(TITLE)
    for i, w in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A3"
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for line in (HEADERS_VI, HEADERS_EN):
        cells = []
        for h in line:
            c = WriteOnlyCell(ws, value=h)
            c.font = bold
            cells.append(c)
        ws.append(cells)
    for row in _rows(db):
        values: list[Any] = []
        for kind, value in zip(KINDS, row, strict=True):
            if value is None:
                values.append(None)
                continue
            if kind == "T" and not value.startswith("="):
                values.append(value)
                continue
            c = WriteOnlyCell(ws)
            c._value, c.data_type = value, {"D": "d", "I": "n"}.get(kind, "s")
            if kind == "W":
                c.alignment = wrap
            elif kind == "D":
                c.number_format = "dd/mm/yyyy"
            elif kind == "I":
                c.number_format = "#,##0"
            if kind in "TW" and value.startswith("="):
                c.quotePrefix = True
            values.append(c)
        ws.append(values)
    wb.save(out)


def _xlsxwriter(db: str, out: str) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False,
                                   "strings_to_numbers": False, "strings_to_urls": False})
    ws = wb.add_worksheet(TITLE)
    bold = wb.add_format({"bold": True, "text_wrap": True})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    quoted = wb.add_format({"quote_prefix": True})
    wrap_quoted = wb.add_format({"text_wrap": True, "valign": "top", "quote_prefix": True})
    day = wb.add_format({"num_format": "dd/mm/yyyy", "valign": "top"})
    integer = wb.add_format({"num_format": "#,##0", "valign": "top"})
    for i, w in enumerate(WIDTHS):
        ws.set_column(i, i, w)
    ws.freeze_panes(2, 0)
    ws.write_row(0, 0, HEADERS_VI, bold)
    ws.write_row(1, 0, HEADERS_EN, bold)
    r = 2
    write_string, write_number, write_datetime = ws.write_string, ws.write_number, \
        ws.write_datetime
    for row in _rows(db):
        for c, (kind, value) in enumerate(zip(KINDS, row, strict=True)):
            if value is None:
                continue
            if kind == "T":
                write_string(r, c, value, quoted if value.startswith("=") else None)
            elif kind == "W":
                write_string(r, c, value, wrap_quoted if value.startswith("=") else wrap)
            elif kind == "D":
                write_datetime(r, c, value, day)
            else:
                write_number(r, c, value, integer)
        r += 1
    wb.close()


def _rustpy(db: str, out: str) -> None:
    import rustpy_xlsxwriter as rx

    # The writer takes records keyed by one header row: the Vietnamese header is the
    # key, the English one a first data row. Formats go per column, not per cell.
    formats = []
    for kind in KINDS:
        f = rx.Format()
        if kind == "W":
            f = f.set_text_wrap()
        elif kind == "D":
            f = f.set_num_format("dd/mm/yyyy")
        elif kind == "I":
            f = f.set_num_format("#,##0")
        formats.append(f)

    def records() -> Iterator[dict[str, Any]]:
        yield dict(zip(HEADERS_VI, HEADERS_EN, strict=True))
        for row in _rows(db):
            yield dict(zip(HEADERS_VI, row, strict=True))

    rx.write_worksheets([(TITLE, records())], out,
                        freeze_panes={TITLE: {"row": 2, "col": 0}}, bold_headers=True,
                        column_widths={TITLE: WIDTHS}, column_formats={TITLE: formats})


def child(argv: Sequence[str]) -> None:
    writer, db, out = argv
    {"openpyxl": _openpyxl, "xlsxwriter": _xlsxwriter, "rustpy": _rustpy}[writer](db, out)


def _make_databases(tmp: Path, env: dict[str, str]) -> tuple[Path, Path]:
    agency, focal = tmp / "agency.sqlite", tmp / "focal.sqlite"
    demo_database(agency, env, ["agency", "--agency", "VLG"], SMALL, YEAR)
    demo_database(focal, env, ["focal-point"], LARGE, YEAR)
    return agency, focal


def measure(db: Path, label: str, rounds: int, tmp: Path,
            env: dict[str, str]) -> list[Comparison]:
    """Every writer on the cells of `db`, alternating; one comparison per other writer."""
    runs: dict[str, list[Run]] = {w: [] for w in WRITERS}
    for index in range(rounds):
        order = list(WRITERS) if index % 2 == 0 else list(reversed(WRITERS))
        for writer in order:
            out = tmp / f"{label}-{writer}-{index}.xlsx"
            runs[writer].append(run_process(
                [sys.executable, __file__, "child", writer, str(db), str(out)], env))
    results = []
    for writer in WRITERS[1:]:
        c = Comparison(f"writer {writer} vs openpyxl write_only + lxml, {label}",
                       "informative", runs[writer], runs["openpyxl"])
        size = (tmp / f"{label}-{writer}-0.xlsx").stat().st_size / 2**20
        c.note = f"file {size:.1f} MB"
        results.append(c)
    return results


def comparisons(rounds: int = 3) -> list[Comparison]:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        env = installed_env({**os.environ, "NAP_REPORTER_HOME": name})
        agency, focal = _make_databases(tmp, env)
        return [*measure(agency, f"{SMALL} activities (submission)", rounds, tmp, env),
                *measure(focal, f"{LARGE} activities (national annex)", rounds, tmp, env)]


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        child(sys.argv[2:])
        return
    for comparison in comparisons():
        print("\n".join(comparison.lines()))


if __name__ == "__main__":
    main()
