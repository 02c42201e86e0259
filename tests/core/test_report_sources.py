"""One activity reported against recommendations of several sources (issue 14, item 5):
the ICCPR plan's task serves the Committee's observations and a UPR cycle at once. The
national report counts the activity under each recommendation it serves, and both its
workbook and its PDF group the recommendations by source."""

from __future__ import annotations

import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlmodel import col, select

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import (
    Activity,
    ActivityRecommendation,
    Agency,
    Period,
    Recommendation,
    Task,
    new_uuid,
)
from desktop_app.core.progress import drive
from desktop_app.core.services.national_report import (
    export_national_pdf,
    export_national_xlsx,
    national_report_data,
)
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

YEAR = 2026  # Decision 2715's first year: CO/4 and UPR cycle 4 in force
NOW = datetime(2027, 1, 20, 3, tzinfo=UTC)
TITLE = "Tập huấn về quyền được xét xử công bằng cho cán bộ tư pháp"
SERVED = ("CO4-FAIRTRIAL", "UPR4-T01", "CO3-DEATHPEN")  # CO/4, UPR cycle 4, closed CO/3


@dataclass(frozen=True)
class Made:
    db: Database
    xlsx: Path
    pdf: Path


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Made]:
    folder = tmp_path_factory.mktemp("sources")
    db = Database.open(folder / "focal.sqlite")
    try:
        initialise(db, Role.FOCAL_POINT)
        with db.unit_of_work() as session:
            agency = session.exec(select(Agency).where(col(Agency.code) == "BCA")).one()
            period = session.exec(select(Period).where(col(Period.year) == YEAR)).one()
            task = session.exec(select(Task).where(col(Task.code) == "QD2715-T06")).one()
            activity = Activity(uuid=new_uuid(), agency_id=agency.id or 0,
                                period_id=period.id or 0, task_id=task.id or 0, title=TITLE,
                                type="training", status="completed")
            session.add(activity)
            session.flush()
            for code in SERVED:
                rec = session.exec(select(Recommendation).where(
                    col(Recommendation.code) == code)).one()
                session.add(ActivityRecommendation(activity_id=activity.id or 0,
                                                   recommendation_id=rec.id or 0))
        xlsx, pdf = folder / "national.xlsx", folder / "national.pdf"
        assert drive(export_national_xlsx(db, YEAR, xlsx, now=NOW)) == xlsx
        assert drive(export_national_pdf(db, YEAR, pdf, now=NOW)) == pdf
        yield Made(db, xlsx, pdf)
    finally:
        db.close()


def _rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    wb = load_workbook(path, read_only=True)
    try:
        return [tuple(r) for r in wb[sheet].iter_rows(values_only=True)]
    finally:
        wb.close()


def _contiguous(sequence: list[str]) -> bool:
    """Each value's rows come together: once another value starts, it never comes back."""
    done: set[str] = set()
    for before, value in zip([None, *sequence], sequence, strict=False):
        if value != before:
            if value in done:
                return False
            done.add(value)
    return True


def test_the_activity_counts_under_each_recommendation_it_serves(made: Made) -> None:
    report = national_report_data(made.db, YEAR, now=NOW)
    views = {r.code: r for r in report.recommendations}
    for code in SERVED:
        assert views[code].activities == 1, code
        assert [a.code for a in views[code].agencies] == ["BCA"]
    assert {views[c].source_code for c in SERVED} == {"CCPR-CO4", "UPR4", "CCPR-CO3"}
    assert sum(1 for r in report.recommendations if r.activities) == len(SERVED)
    assert [a.title for a in report.activities] == [TITLE]  # one activity, not three


def test_the_workbook_groups_the_recommendations_by_source(made: Made) -> None:
    rows = [r for r in _rows(made.xlsx, "Theo khuyến nghị")[2:] if r[1]]
    sources = [str(r[2]) for r in rows if r[2]]
    assert len(set(sources)) >= 3 and _contiguous(sources), sources
    # the sources of the cycle in force before the closed earlier one
    order = list(dict.fromkeys(sources))
    assert order.index("CCPR-CO4") < order.index("CCPR-CO3")
    assert order.index("UPR4") < order.index("UPR3")
    served = {str(r[1]): r for r in rows if r[1] in SERVED}
    for code in SERVED:
        assert served[code][9] == 1, code  # the activity, counted under each
        assert served[code][8] == "Bộ Công an"
    annex = [r for r in _rows(made.xlsx, "Phụ lục hoạt động") if len(r) > 11 and r[6] == TITLE]
    assert len(annex) == 1
    assert set(str(annex[0][11]).replace(",", " ").replace(";", " ").split()) == set(SERVED)


def test_the_pdf_puts_each_recommendation_under_its_own_source(made: Made) -> None:
    text = unicodedata.normalize("NFC", subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(made.pdf), "-"], check=True, capture_output=True,
        text=True).stdout)
    squeezed = "".join(text.split())
    report = national_report_data(made.db, YEAR, now=NOW)
    others = [r for r in report.recommendations if not r.follow_up]
    starts = {}
    at = squeezed.index("2.Cáckhuyếnnghịkhác")
    for k, code in enumerate(dict.fromkeys(r.source_code for r in others), start=1):
        starts[code] = at = squeezed.index(f"2.{k}.", at)
    end = squeezed.index("IV.ĐÁNHGIÁCHUNG")
    bounds = sorted([*starts.values(), end])
    for rec in (r for r in others if r.code in SERVED):
        start = starts[rec.source_code]
        stop = next(b for b in bounds if b > start)
        words = "".join(rec.text_vi.split())[:30]
        assert words in squeezed[start:stop], rec.code
