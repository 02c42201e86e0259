"""The national workbook's annex, written cell by cell straight through XlsxWriter's own
cell writers (issue 11: 1.4 million cells at 100,000 activities), is the file the plain
way writes: every row through ``BookSheet.row``, the kit every other sheet uses, which
picks each cell's format by its value's type, cleans the text and quotes what would be a
formula. Checked member by member (every sheet's XML, the shared formats, the document
properties) on a report read from a demo database and on annex rows Hypothesis makes:
any text (decomposed Vietnamese, control characters, formula-like and error-like
texts, empty), dates or none, counts or none, and rows not attributed to a successor.
"""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.domain.enums import ActivityStatus, ActivityType, Role
from desktop_app.core.domain.labels import labels
from desktop_app.core.exchange import national_xlsx
from desktop_app.core.exchange.national_model import AgencyRef, AnnexActivity, NationalReport
from desktop_app.core.progress import Job, drive
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.national_report import national_report_data
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

YEAR = 2025
NOW = datetime(2026, 1, 20, 3, tzinfo=UTC)
NFD = unicodedata.normalize("NFD", "Tập huấn Hoà Bình")


def _plain_annex(wb: national_xlsx.Book, r: NationalReport) -> Job[None]:
    """The annex the plain way: one ``BookSheet.row`` per activity (what the fast loop
    says it does), on the same sheet, columns and header as the fast one."""
    made: list[national_xlsx._Sheet] = []
    real = national_xlsx._Sheet

    class Keep(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            made.append(self)

    national_xlsx._Sheet = Keep  # type: ignore[misc]
    try:
        no_rows = replace(r, activities=())
        yield from _FAST(wb, no_rows)  # the sheet, its columns, print setup and headers
    finally:
        national_xlsx._Sheet = real  # type: ignore[misc]
    out = made[-1].out
    types, statuses = labels(ActivityType, "vi"), labels(ActivityStatus, "vi")
    for n, a in enumerate(r.activities, start=1):
        out.row([n, a.rollup.code if a.attributed else "",
                 a.rollup.name_vi if a.attributed else "Chưa phân bổ cho cơ quan kế thừa",
                 a.agency.code, a.agency.name_vi, a.task_code, a.title,
                 types.get(a.type, a.type), statuses.get(a.status, a.status),
                 a.start_date, a.end_date, ", ".join(a.recommendations), a.women,
                 a.ethnic_minorities, a.disabilities, a.children, a.budget_vnd, a.uuid],
                long=(6,))


_FAST = national_xlsx._annex_sheet


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def _both_ways(report: NationalReport, folder: Path, monkeypatch: pytest.MonkeyPatch
               ) -> tuple[dict[str, bytes], dict[str, bytes]]:
    fast, plain = folder / "fast.xlsx", folder / "plain.xlsx"
    drive(national_xlsx.write_national_workbook(report, fast))
    with monkeypatch.context() as m:
        m.setattr(national_xlsx, "_annex_sheet", _plain_annex)
        drive(national_xlsx.write_national_workbook(report, plain))
    return _members(fast), _members(plain)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NationalReport]:
    folder = tmp_path_factory.mktemp("national_same")
    with pytest.MonkeyPatch.context() as m:
        m.setenv("NAP_REPORTER_HOME", str(folder / "home"))
        db = Database.open(folder / "focal.sqlite")
        initialise(db, Role.FOCAL_POINT)
        drive(fill_demo(db, activities=300, seed=5, period=YEAR))
        yield national_report_data(db, YEAR, now=NOW, themes=False)
        db.close()


def test_the_annex_is_the_sheet_the_plain_rows_make(report: NationalReport, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    first, *rest = report.activities
    # text a spreadsheet would misread, text to clean, and a row with no unit in force
    dirty = (replace(first, title="=1+1", uuid="@" + first.uuid, task_code="#N/A"),
             replace(first, title=NFD + "\x0b\r\n", start_date=None, women=None),
             replace(first, title="", attributed=False, recommendations=()))
    report = replace(report, activities=(*dirty, *rest))
    fast, plain = _both_ways(report, tmp_path, monkeypatch)
    assert fast.keys() == plain.keys()
    sheets = [name for name in fast if name.startswith("xl/worksheets/")]
    assert len(sheets) == 5
    annex = fast[sheets[-1]]
    assert annex.count(b"<row ") == 2 + len(report.activities)
    assert b"quotePrefix" in fast["xl/styles.xml"]
    for name in fast:
        assert fast[name] == plain[name], name


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
_count = st.none() | st.integers(min_value=0, max_value=10**12)
_day = st.none() | st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))
_ref = st.builds(AgencyRef, _text, _text, _text)
_words = st.sampled_from([*(t.value for t in ActivityType), *(s.value for s in ActivityStatus),
                          "=SUM(A1)", "", "khác"])
_annex_row = st.builds(
    AnnexActivity, uuid=_text, rollup=_ref, agency=_ref, task_code=_text,
    title=_text | st.sampled_from(["=1+1", "+84 912", "-", "@x", "#REF!", NFD, "a\x00b"]),
    type=_words, status=_words, start_date=_day, end_date=_day, women=_count,
    ethnic_minorities=_count, disabilities=_count, children=_count, budget_vnd=_count,
    recommendations=st.lists(_text, max_size=3).map(tuple), attributed=st.booleans())


@settings(max_examples=40, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture])
@given(rows=st.lists(_annex_row, min_size=1, max_size=8))
def test_any_annex_rows_make_the_same_sheet(rows: list[AnnexActivity], report: NationalReport,
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    fast, plain = _both_ways(replace(report, activities=tuple(rows)), tmp_path, monkeypatch)
    assert fast == plain
