"""The workbook cell kit every writer shares: text stays text (never a formula, never an
error value) and what a spreadsheet would read as a formula carries the quote prefix."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from desktop_app.core.exchange.xlsx_writer import Book

RISKY = ("=SUM(A1:A9)", "+84 912", "-5", "@home", "#N/A")


def test_text_cells_hold_exactly_the_text_and_quote_what_looks_like_a_formula(
        tmp_path: Path) -> None:
    path = tmp_path / "cells.xlsx"
    book = Book(path, title="cells", created=datetime(2025, 1, 1))
    sheet = book.sheet("Cells", [20, 20])
    for value in (*RISKY, "Hà Nội"):
        sheet.text(0, value)
        sheet.end_row()
    sheet.row([1500000, date(2025, 12, 14)])
    book.close()

    read = load_workbook(path)  # not read-only: data_type "f" would show a formula
    rows = list(read["Cells"].iter_rows())
    texts = rows[:-1]
    assert [r[0].value for r in texts] == [*RISKY, "Hà Nội"]
    assert all(r[0].data_type == "s" for r in texts)
    assert [r[0].quotePrefix for r in texts] == [True] * len(RISKY) + [False]
    number, day = rows[-1]
    assert number.value == 1500000 and number.data_type == "n"
    assert number.number_format == "#,##0"
    assert day.value.date() == date(2025, 12, 14) and day.number_format == "dd/mm/yyyy"
    read.close()
