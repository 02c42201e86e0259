"""The national report's model read in one pass (issue 11) says what the separate reads
said: the three consolidated views from one read of the period equal each view read on
its own, and the annex equals the activities read as ORM objects and ordered the plain
way, on both engines; ``themes`` counting each distinct text once equals counting every
text."""

from __future__ import annotations

import shutil
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import col, select

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import (
    Activity,
    ActivityRecommendation,
    Period,
    Recommendation,
    Source,
    Submission,
    Task,
)
from desktop_app.core.domain.text import collation_key, nfc
from desktop_app.core.exchange.report_model import natural_key, reference, short_text, themes
from desktop_app.core.progress import drive
from desktop_app.core.services import demo
from desktop_app.core.services.agencies import AgencyDirectory
from desktop_app.core.services.assessments import assess
from desktop_app.core.services.consolidated import (
    PeriodViews,
    by_area,
    by_area_in,
    by_recommendation,
    by_recommendation_in,
    by_task,
    by_task_in,
    current_activities,
    period_links,
    views_in,
)
from desktop_app.core.services.national_report import national_report_data
from desktop_app.core.services.period_counts import (
    PeriodRows,
    counts_of_rows,
    recommendation_counts,
    task_counts,
)
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from tests import pg

YEAR = 2025
NOW = datetime(2026, 1, 20, 3, tzinfo=UTC)


def _fill(location: str) -> None:
    """Two rounds (some submissions superseded), an earlier period, an assessment."""
    database = pg.open_location(location)
    initialise(database, Role.FOCAL_POINT)
    drive(demo.fill_demo(database, activities=300, seed=7, period=YEAR))
    drive(demo.fill_demo(database, activities=80, seed=8, period=YEAR))
    drive(demo.fill_demo(database, activities=50, seed=9, period=YEAR - 1))
    code = next(r.code for r in by_recommendation(database, YEAR) if r.activities)
    assess(database, code, "partially", "Đã thực hiện một phần.", YEAR)
    database.close()


@pytest.fixture(scope="module", params=pg.ENGINES)
def template(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("national_reads") / "focal.sqlite"
        _fill(str(path))
        return str(path)
    return pg.cluster_or_skip().template_of("national_reads", _fill)


@pytest.fixture()
def db(template: str, tmp_path: Path) -> Iterator[Database]:
    if "/" not in template:
        where = pg.cluster_or_skip().fresh_database(template=template)
    else:
        where = str(tmp_path / "focal.sqlite")
        shutil.copyfile(template, where)
    database = pg.open_location(where)
    yield database
    database.close()


def test_one_read_makes_the_three_views(db: Database) -> None:
    with db.reading() as session:
        shared = views_in(session, YEAR)
        alone = PeriodViews(by_area_in(session, YEAR), by_task_in(session, YEAR),
                            by_recommendation_in(session, YEAR))
    assert shared == alone
    assert any(r.activities for r in shared.recommendations)
    report = national_report_data(db, YEAR, now=NOW)
    assert report.areas == by_area(db, YEAR)
    assert report.tasks == by_task(db, YEAR)
    assert report.recommendations == by_recommendation(db, YEAR)
    assert report.statuses.total == sum(t.activities.total for t in report.tasks)


def test_the_counts_of_the_rows_read_are_the_counting_queries(db: Database) -> None:
    """The views' counts made from the annex's rows and links (the national report) are
    the four counting queries' (the pages), superseded rows and links left out alike."""
    with db.unit_of_work() as session:  # one submission's rows left behind, superseded
        period_id = session.exec(select(Period.id).where(col(Period.year) == YEAR)).one()
        first = session.exec(select(Submission).where(
            col(Submission.period_id) == period_id, col(Submission.superseded).is_(False)
        ).order_by(col(Submission.id))).first()
        assert first is not None
        first.superseded = True
        session.add(first)
    with db.reading() as session:
        period = session.exec(select(Period).where(col(Period.year) == YEAR)).one()
        connection = session.connection()
        rows = PeriodRows()
        for activity_id, agency_id, task_id, status in connection.execute(
                current_activities(period.id or 0)):
            rows.add(activity_id, agency_id, task_id, status)
        links = connection.execute(period_links(period.id or 0)).all()
        tasks, recommendations = counts_of_rows(session, period, rows, links)
        assert tasks == task_counts(session, period)
        assert recommendations == recommendation_counts(session, period)
        everything = session.exec(select(Activity.id).where(
            col(Activity.period_id) == period.id)).all()
    assert len(everything) > len(rows.activities)  # some rows are not current
    assert {a for a, _ in links} - set(rows.activities)  # nor are some links'
    assert tasks.indicators and recommendations.indicators and recommendations.pairs


def test_the_annex_is_the_current_activities_in_order(db: Database) -> None:
    report = national_report_data(db, YEAR, now=NOW)
    with db.reading() as session:
        directory = AgencyDirectory.from_session(session)
        period = session.exec(select(Period).where(col(Period.year) == YEAR)).one()
        superseded = set(session.exec(select(Submission.id).where(
            col(Submission.superseded).is_(True))))
        current = [a for a in session.exec(select(Activity).where(
            col(Activity.period_id) == period.id)) if a.submission_id not in superseded]
        tasks = {t.id: t for t in session.exec(select(Task))}
        sources = {s.id: s for s in session.exec(select(Source))}
        recs = {r.id: r for r in session.exec(select(Recommendation))}
        links: dict[int, list[str]] = defaultdict(list)
        for link in session.exec(select(ActivityRecommendation)):
            links[link.activity_id].append(recs[link.recommendation_id].code)
        expected = []
        for a in current:
            own = directory.by_code[next(c for c, g in directory.by_code.items()
                                         if g.id == a.agency_id)]
            unit = directory.attribute(own, tasks[a.task_id].code) or own
            codes = tuple(sorted(links.get(a.id or 0, []), key=natural_key))
            refs = []
            for code in codes:
                rec = next(r for r in recs.values() if r.code == code)
                source = sources.get(rec.source_id)
                where = reference(source.symbol if source else None, rec.paragraph,
                                  source.title_vi if source else "")
                refs.append(where if rec.paragraph else f"{where}: {short_text(rec.text_vi, 4)}")
            expected.append((unit.code, own.code, tasks[a.task_id].code, nfc(a.title),
                             a.type, a.status, a.start_date, a.end_date, a.budget_vnd, codes,
                             tuple(refs), a.uuid, collation_key(unit.name_vi),
                             collation_key(own.name_vi)))
    expected.sort(key=lambda e: (e[12], e[0], e[1] != e[0], e[13], natural_key(e[2]),
                                 collation_key(e[3]), e[11]))
    got = [(a.rollup.code, a.agency.code, a.task_code, a.title, a.type, a.status,
            a.start_date, a.end_date, a.budget_vnd, a.recommendations, a.recommendation_refs,
            a.uuid) for a in report.activities]
    assert got == [e[:12] for e in expected]
    assert any(a.recommendations for a in report.activities)


def _themes_one_by_one(texts: Iterable[str | None]) -> list[tuple[str, int]]:
    """themes as it was written first: every text cleaned."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, text in enumerate(texts):
        clean = " ".join(nfc(text or "").split())
        if not clean:
            continue
        counts[clean] += 1
        first.setdefault(clean, i)
    return sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))


def test_themes_counts_each_distinct_text_once_with_the_same_answer() -> None:
    said = "Thiếu kinh phí"
    texts = [None, "", "  ", "Thiếu cán bộ", said, f" {said}  ", unicodedata.normalize(
        "NFD", said), "Thiếu cán  bộ", "Khác", "Khác", "Thiếu cán bộ", None, "Mới"]
    for order in (texts, texts[::-1], texts[3:] + texts[:3]):
        assert themes(order) == _themes_one_by_one(order)
    assert themes(texts)[:3] == [("Thiếu cán bộ", 3), (said, 3), ("Khác", 2)]
    assert themes([]) == []


def test_a_workbook_read_without_the_themes_is_the_same_file(db: Database,
                                                            tmp_path: Path) -> None:
    """The workbook shows no themes of challenges and next steps, so its export reads
    none (issue 11): the file is the one written from the whole report, member by member."""
    import zipfile

    from desktop_app.core.exchange.national_xlsx import write_national_workbook

    whole = national_report_data(db, YEAR, now=NOW)
    light = national_report_data(db, YEAR, now=NOW, themes=False)
    assert whole.challenges and whole.next_steps
    assert not light.challenges and not light.next_steps
    files = []
    for name, report in (("whole", whole), ("light", light)):
        path = tmp_path / f"{name}.xlsx"
        drive(write_national_workbook(report, path))
        files.append(zipfile.ZipFile(path))
    assert files[0].namelist() == files[1].namelist()
    for member in files[0].namelist():
        assert files[0].read(member) == files[1].read(member), member
