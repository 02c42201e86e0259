"""Wiring of the Overview, Recommendations and Indicators pages over the core services."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.text import fold
from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft
from desktop_app.core.progress import drive
from desktop_app.core.services import activities as svc
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.overview import list_indicators, list_recommendations, overview
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from desktop_app.ui.context import AppContext
from desktop_app.ui.pages.indicators_page import SHOW_NO_RESULT, IndicatorsPage
from desktop_app.ui.pages.overview_page import FOLLOW_UP_MARK, OverviewPage
from desktop_app.ui.pages.recommendations_page import RecommendationsPage, RecommendationTableModel
from desktop_app.ui.widgets.charts import StackedBars

YEAR = 2025
TODAY = date(YEAR, 12, 1)  # the 2025 period is due on 15/12/2025


@pytest.fixture(scope="module")
def _overview_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("overview") / "agency.sqlite"
    db = Database.open(path)
    try:
        initialise(db, Role.AGENCY, "VLG")
        drive(fill_demo(db, activities=80, seed=1, period=YEAR))
    finally:
        db.close()
    return path


@pytest.fixture
def overview_db(_overview_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "agency.sqlite"
    shutil.copyfile(_overview_template, path)
    db = Database.open(path)
    yield db
    db.close()


@pytest.fixture
def octx(qapp: Any, overview_db: Database) -> AppContext:
    from desktop_app.ui.app import create_application

    create_application("vi")
    context = AppContext(overview_db, "vi")
    context.set_year(YEAR)
    return context


def _death_penalty_code(db: Database) -> str:
    """The Committee's paragraph 24 (2019): the death penalty, a follow-up recommendation."""
    return next(r.code for r in list_recommendations(db)
                if r.source_symbol == "CCPR/C/VNM/CO/3" and r.paragraph == "24")


def _overview_page(qtbot: Any, ctx: AppContext, today: date = TODAY) -> OverviewPage:
    page = OverviewPage(ctx, today=today)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


# --- overview --------------------------------------------------------------------------


def test_overview_shows_the_core_counts(qtbot: Any, octx: AppContext) -> None:
    page = _overview_page(qtbot, octx)
    core = overview(octx.db, YEAR, TODAY)
    assert page.overview == core
    assert core.activities.total == 80
    bars = page.area_chart.rows()
    assert [row.values[0] for row in bars] == [a.activities.counts for a in core.by_area]
    assert [sum(row.values[1]) for row in bars] == [a.indicators.total for a in core.by_area]
    assert bars[0].label.startswith("1. Hình phạt tử hình")  # Vietnamese titles in "vi"
    assert page.task_model.rowCount() == len(core.by_task)
    for row, task in enumerate(core.by_task):
        cells = page.task_model.line(row).cells
        assert cells[0] == task.code and cells[2] == str(task.activities.total)
    summary = page.summary_label.text()
    assert str(core.activities.total) in summary and str(core.indicators.on_track) in summary
    assert page.missing_results_model.rowCount() == len(core.missing_results)
    assert page.missing_tasks_model.rowCount() == len(core.missing_tasks)


def test_days_left_label_for_a_fixed_date(qtbot: Any, octx: AppContext) -> None:
    page = _overview_page(qtbot, octx)
    assert page.due_label.text() == "Hạn gửi báo cáo 15/12/2025 — còn 14 ngày"
    page.today = date(YEAR, 12, 14)
    page.refresh()
    assert page.due_label.text().endswith("còn 1 ngày")
    page.today = date(YEAR, 12, 15)
    page.refresh()
    assert page.due_label.text().endswith("đến hạn hôm nay")
    page.today = date(YEAR, 12, 20)
    page.refresh()
    assert page.due_label.text() == "Hạn gửi báo cáo 15/12/2025 — quá hạn 5 ngày"
    assert "color" in page.due_label.styleSheet()


def test_follow_up_recommendations_come_first(qtbot: Any, octx: AppContext) -> None:
    page = _overview_page(qtbot, octx)
    model = page.recommendations_model
    marks = [model.line(row).cells[0] for row in range(model.rowCount())]
    assert marks[0] == FOLLOW_UP_MARK
    follow_up = marks.count(FOLLOW_UP_MARK)
    assert follow_up >= 1 and marks[:follow_up] == [FOLLOW_UP_MARK] * follow_up
    assert FOLLOW_UP_MARK not in marks[follow_up:]
    assert model.line(0).bold and not model.line(follow_up).bold


def test_overview_follows_period_data_and_language(qtbot: Any, octx: AppContext) -> None:
    page = _overview_page(qtbot, octx)
    before = page.overview
    assert before is not None
    svc.save_activity(octx.db, ActivityDraft(
        title="Hội nghị tập huấn", task_code=before.by_task[0].code, type="training",
        status="completed", indicators=[IndicatorDraft(name="Số người", unit="người",
                                                       target=10.0)]), YEAR)
    octx.data_changed.emit()
    assert page.overview is not None
    assert page.overview.activities.total == before.activities.total + 1
    assert len(page.overview.missing_results) == len(before.missing_results) + 1

    octx.set_year(2026)  # the 2025 plan (QD2715) is in force: nothing reported yet
    assert page.overview.year == 2026 and page.overview.activities.total == 0
    assert page.missing_tasks_model.rowCount() == len(page.overview.missing_tasks) > 0

    octx.set_language("en")
    assert page.area_chart.rows()[0].label == f"1. {page.overview.by_area[0].title_en}"


def test_hidden_overview_reloads_when_shown(qtbot: Any, octx: AppContext) -> None:
    page = _overview_page(qtbot, octx)
    page.hide()
    octx.set_year(2026)
    assert page.overview is not None and page.overview.year == YEAR  # not reloaded yet
    page.show()
    assert page.overview.year == 2026


def test_unknown_period_shows_a_message(qtbot: Any, octx: AppContext) -> None:
    octx.year = 1990
    page = _overview_page(qtbot, octx)
    assert page.overview is None
    assert "1990" in page.plan_label.text()
    assert page.task_model.rowCount() == 0


def test_area_chart_tooltip_and_size(qtbot: Any, octx: AppContext) -> None:
    page = _overview_page(qtbot, octx)
    chart: StackedBars = page.area_chart
    assert chart.sizeHint().height() > 0
    middle = chart.sizeHint().height() - chart.ROW_GAP - 2
    assert chart.tooltip_at(QPoint(5, 1)) == ""
    assert chart.tooltip_at(QPoint(5, middle))
    assert not chart.grab().isNull()


# --- recommendations -------------------------------------------------------------------


def test_recommendations_filter_without_diacritics(qtbot: Any, octx: AppContext) -> None:
    page = RecommendationsPage(octx)
    qtbot.addWidget(page)
    page.show()  # a page reads when it is first shown
    total = page.proxy.rowCount()
    assert total == page.model.rowCount() > 0
    page.filter_edit.setText("tu hinh")
    shown = [page.proxy.index(r, RecommendationTableModel.CODE).data()
             for r in range(page.proxy.rowCount())]
    assert _death_penalty_code(octx.db) in shown and 0 < len(shown) < total
    for row in range(page.proxy.rowCount()):
        rec = page.model.row(page.proxy.mapToSource(page.proxy.index(row, 0)).row())
        folded = fold(" ".join((rec.code, rec.text_vi, rec.text_en)))
        assert "tu" in folded and "hinh" in folded  # every word, in any order
    assert page.count_label.text() == f"{len(shown)}/{total}"  # "%1 of %2" in Vietnamese
    assert page.current() is not None
    assert "tử hình" in page.detail.toPlainText()

    page.filter_edit.setText("TỬ HÌNH")  # set, never typed: keyClicks aborts on non-ASCII
    assert page.proxy.rowCount() == len(shown)
    page.filter_edit.setText("")
    page.follow_up_only.setChecked(True)
    assert 0 < page.proxy.rowCount() < total
    assert all(page.model.row(page.proxy.mapToSource(page.proxy.index(r, 0)).row()).follow_up
               for r in range(page.proxy.rowCount()))


def test_recommendations_detail_shows_both_languages(qtbot: Any, octx: AppContext) -> None:
    page = RecommendationsPage(octx)
    qtbot.addWidget(page)
    page.show()  # a page reads when it is first shown
    code = _death_penalty_code(octx.db)
    assert page.select_code(code)
    text = page.detail.toPlainText()
    rec = page.current()
    assert rec is not None and rec.code == code
    assert rec.text_vi in text and rec.text_en in text
    assert page.proxy.index(0, RecommendationTableModel.TEXT).data() == page.model.row(0).text_vi
    octx.set_language("en")
    assert page.proxy.index(0, RecommendationTableModel.TEXT).data() == page.model.row(0).text_en


def test_recommendations_sort_by_paragraph_number(qtbot: Any, octx: AppContext) -> None:
    page = RecommendationsPage(octx)
    qtbot.addWidget(page)
    page.show()  # a page reads when it is first shown
    page.filter_edit.setText("CCPR/C/VNM/CO/3")
    assert page.proxy.rowCount() > 2
    page.table.sortByColumn(RecommendationTableModel.PARAGRAPH, Qt.SortOrder.AscendingOrder)
    column = RecommendationTableModel.PARAGRAPH
    paragraphs = [int(page.proxy.index(r, column).data()) for r in range(page.proxy.rowCount())]
    assert paragraphs == sorted(paragraphs)  # 8 before 12, not as text


# --- indicators ------------------------------------------------------------------------


def test_indicators_page_rows_match_the_core(qtbot: Any, octx: AppContext) -> None:
    page = IndicatorsPage(octx)
    qtbot.addWidget(page)
    page.show()  # a page reads when it is first shown
    rows = list_indicators(octx.db, YEAR)
    assert page.model.rowCount() == page.proxy.rowCount() == len(rows) > 0
    page.show_combo.setCurrentIndex(SHOW_NO_RESULT)
    assert page.proxy.rowCount() == sum(1 for r in rows if r.result is None)
    page.show_combo.setCurrentIndex(0)
    name = rows[0].name
    page.filter_edit.setText(fold(name))
    assert 0 < page.proxy.rowCount() <= len(rows)
    assert all(fold(name) in page.model.search_text(page.proxy.mapToSource(
        page.proxy.index(r, 0)).row()) for r in range(page.proxy.rowCount()))
    octx.set_year(2026)
    page.show()
    assert page.model.rowCount() == 0
    assert "2026" in page.heading.text()


def test_pages_close_and_delete_cleanly(qtbot: Any, octx: AppContext) -> None:
    pages = [OverviewPage(octx, today=TODAY), RecommendationsPage(octx), IndicatorsPage(octx)]
    destroyed: list[str] = []
    for page in pages:
        page.destroyed.connect(lambda *_: destroyed.append("x"))
        page.show()
    for page in pages:
        page.close()
        page.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    assert len(destroyed) == 3
    octx.data_changed.emit()  # signals into deleted pages must not crash
    octx.set_year(2026)
