"""The submission workbook's rows, written straight through XlsxWriter's own cell writers
(xlsx_writer.cell_writers: 400,000 cells at 20,000 activities), make the very file the
public methods make: every member of the zip compared, on a demo submission with rows
a careless or hostile sender would have (text a spreadsheet reads as a formula or an
error value, decomposed Vietnamese, control characters, empty texts, no dates, no
counts), with the text cleaned by the writer and already clean (collect's clean)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from xlsxwriter.worksheet import Worksheet

from desktop_app.core.exchange import xlsx_writer
from desktop_app.core.exchange.canonical import clean_text
from desktop_app.core.exchange.submission import PreparedSubmission
from desktop_app.core.exchange.xlsx_reader import read_submission
from desktop_app.core.progress import drive
from tests.fixtures.submissions import demo_submission
from tests.hostile.corpus import parts_of

YEAR = 2025
NFD = unicodedata.normalize("NFD", "Tập huấn Hoà Bình")


@pytest.fixture(scope="module")
def submission(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PreparedSubmission]:
    read = read_submission(demo_submission(tmp_path_factory.mktemp("submission_same"),
                                           activities=60, seed=4))
    data = read.data
    first, second, third, *rest = data.activities
    dirty = [replace(first, title="=1+1", description="#N/A", outputs="@x", evidence="-"),
             replace(second, title=NFD + "\x0b\r\n", description="a\x00b", start_date=None,
                     end_date=None, women=None, budget_vnd=None),
             replace(third, title="#REF!", description="", challenges="+84 912")]
    indicator, *others = data.indicators
    odd = replace(indicator, name="=SUM(A1:A9)", unit="", baseline=None, due_date=None)
    yield PreparedSubmission(read.meta, replace(data, activities=[*dirty, *rest],
                                                indicators=[odd, *others]), True)


def _public(ws: Worksheet) -> tuple[Any, Any, Any]:
    return ws.write_string, ws.write_number, ws.write_datetime


def _both_ways(submission: PreparedSubmission, folder: Path, monkeypatch: pytest.MonkeyPatch,
               *, clean: bool = True) -> tuple[dict[str, bytes], dict[str, bytes]]:
    fast, public = folder / "fast.xlsx", folder / "public.xlsx"
    drive(xlsx_writer.write_workbook(submission, fast, clean=clean))
    with monkeypatch.context() as m:
        m.setattr(xlsx_writer, "cell_writers", _public)
        drive(xlsx_writer.write_workbook(submission, public, clean=clean))
    return parts_of(fast), parts_of(public)


def test_the_rows_are_the_cells_the_public_methods_write(
        submission: PreparedSubmission, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    fast, public = _both_ways(submission, tmp_path, monkeypatch)
    assert fast.keys() == public.keys()
    sheets = [name for name in fast if name.startswith("xl/worksheets/sheet")]
    assert len(sheets) == 4  # the three data sheets and the metadata
    activities = fast[sheets[0]]
    assert activities.count(b"<row ") == 2 + len(submission.data.activities)
    assert b"=1+1" in activities and b"quotePrefix" in fast["xl/styles.xml"]
    for name in fast:
        assert fast[name] == public[name], name


def test_text_already_clean_is_written_the_same_both_ways(
        submission: PreparedSubmission, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """collect's clean: the writer takes the text as it is (clean=False)."""
    data = submission.data
    cleaned = replace(data, activities=[
        replace(a, title=clean_text(a.title), description=clean_text(a.description or ""))
        for a in data.activities])
    fast, public = _both_ways(replace(submission, data=cleaned), tmp_path, monkeypatch,
                              clean=False)
    assert fast == public
    assert NFD.encode() not in b"".join(fast.values())  # made NFC on the way in
