"""The same figure reads the same on every page, table and dialog (issue 13, item 3).

One activity gets an indicator with target 12,500 and result 1,234.5, a budget of
1,500,000 đồng and an indicator due on 05/03/<year>; the focal point's views are given
counts of 12,500. Each page is rendered in Vietnamese and in English, and its visible
texts (labels, group titles, every table cell and tooltip) must hold the language's
form ("12.500", "1.234,5" in Vietnamese; "12,500", "1,234.5" in English) and never the
other language's form or a bare "12500".
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QLabel, QTextEdit, QWidget

from desktop_app.core.domain.validation import IndicatorDraft
from desktop_app.core.exchange.national_model import AreaView, RecommendationView, TaskView
from desktop_app.core.exchange.report_model import IndicatorCounts, StatusCounts
from desktop_app.core.services import activities
from desktop_app.core.services.overview import overview
from desktop_app.ui import numbers
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs.activity_editor import ActivityEditor
from desktop_app.ui.models.consolidated_table import ConsolidatedRecommendationModel
from desktop_app.ui.pages.activities_page import ActivitiesPage
from desktop_app.ui.pages.areas_tasks_page import AreasTasksPage
from desktop_app.ui.pages.indicators_page import IndicatorsPage
from desktop_app.ui.pages.overview_page import OverviewPage
from tests.ui.conftest import THIS_YEAR

BIG, VALUE, BUDGET = 12500, 1234.5, 1_500_000
DUE = date(THIS_YEAR, 3, 5)
FORMS = {  # lang -> (the count, the value, the budget): what must be shown
    "vi": ("12.500", "1.234,5", "1.500.000"),
    "en": ("12,500", "1,234.5", "1,500,000"),
}
WRONG = {"vi": ("12,500", "1,234.5", "1,500,000", "12500", "1234.5", "1500000"),
         "en": ("12.500", "1.234,5", "1.500.000", "12500", "1234,5", "1500000")}


def test_the_window_words_figures_in_the_language() -> None:
    assert (numbers.count(BIG, "vi"), numbers.count(BIG, "en")) == ("12.500", "12,500")
    assert (numbers.value(12.5, "vi"), numbers.value(12.5, "en")) == ("12,5", "12.5")
    assert (numbers.value(VALUE, "vi"), numbers.value(VALUE, "en")) == FORMS["vi"][1:2] + \
        FORMS["en"][1:2]
    assert numbers.amount(None, "vi") == "" and numbers.amount(BUDGET, "vi") == "1.500.000"
    assert numbers.ratio(1000, BIG, "vi") == "1.000 / 12.500"
    assert numbers.day(DUE, "vi") == numbers.day(DUE, "en") == f"05/03/{THIS_YEAR}"
    assert numbers.day(None) == ""


def _model_texts(model: QAbstractItemModel) -> list[str]:
    texts = []
    for section in range(model.columnCount()):
        texts.append(str(model.headerData(section, Qt.Orientation.Horizontal) or ""))
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    texts.append(value)
    return texts


def visible_texts(root: QWidget) -> str:
    """Every text a person can read on the widget: labels, titles, cells and tooltips."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QTextEdit):
            texts.append(widget.toPlainText())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts.extend(_model_texts(widget.model()))
    return "\n".join(texts)


def _check(texts: str, lang: str, wanted: tuple[str, ...]) -> None:
    for form in wanted:
        assert form in texts, (lang, form)
    for form in WRONG[lang]:
        assert form not in texts, (lang, form)


@pytest.fixture(params=["vi", "en"])
def any_ctx(request: pytest.FixtureRequest) -> AppContext:
    context: AppContext = request.getfixturevalue("vi_ctx" if request.param == "vi" else "ctx")
    return context


@pytest.fixture
def big(any_ctx: AppContext) -> str:
    """The uuid of an activity whose budget and indicator are >= 1000."""
    uuid = activities.list_activities(any_ctx.db, THIS_YEAR)[0].uuid
    draft = activities.load_draft(any_ctx.db, uuid)
    indicator = IndicatorDraft(name="Số người được trợ giúp pháp lý", unit="người",
                               target=float(BIG), baseline=None, due_date=DUE, result=VALUE)
    draft = dataclasses.replace(draft, budget_vnd=BUDGET, indicators=[indicator])
    activities.save_activity(any_ctx.db, draft, THIS_YEAR)
    return uuid


def _shown(qtbot: Any, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    return widget


def test_the_agency_pages_and_the_editor_show_one_form(qtbot: Any, any_ctx: AppContext,
                                                       big: str) -> None:
    lang = any_ctx.lang
    count, value, budget = FORMS[lang]
    indicators = _shown(qtbot, IndicatorsPage(any_ctx))
    _check(visible_texts(indicators), lang, (count, value, f"05/03/{THIS_YEAR}"))
    page = _shown(qtbot, ActivitiesPage(any_ctx))
    _check(visible_texts(page), lang, (budget,))
    draft = activities.load_draft(any_ctx.db, big)
    editor = ActivityEditor(any_ctx, draft)
    qtbot.addWidget(editor)
    _check(visible_texts(editor), lang, (count, value))
    assert editor.budget_edit.text() == budget
    editor.reject()


def test_the_overview_shows_one_form(qtbot: Any, any_ctx: AppContext) -> None:
    lang = any_ctx.lang
    page = _shown(qtbot, OverviewPage(any_ctx))
    assert isinstance(page, OverviewPage)
    o = overview(any_ctx.db, THIS_YEAR)
    page.overview = dataclasses.replace(
        o, activities=StatusCounts((BIG,) + (0,) * (len(o.activities.counts) - 1)),
        indicators=IndicatorCounts(BIG, BIG, BIG))
    page.retranslate()  # the page draws the figures it holds
    _check(page.summary_label.text(), lang, (FORMS[lang][0],))


def _counts(total: int) -> StatusCounts:
    return StatusCounts((total,) + (0,) * (len(StatusCounts().counts) - 1))


def test_the_focal_points_areas_and_recommendations_show_one_form(
        qtbot: Any, any_ctx: AppContext) -> None:
    lang = any_ctx.lang
    page = _shown(qtbot, AreasTasksPage(any_ctx))
    assert isinstance(page, AreasTasksPage)
    many = IndicatorCounts(BIG, BIG, BIG)
    page.areas = (AreaView("A1", 1, "Lĩnh vực", "Area", _counts(BIG), BIG, many),)
    page.tasks = (TaskView("T1", 1, "Nhiệm vụ", "Task", "A1", _counts(BIG), BIG, many),)
    page.retranslate()
    _check(visible_texts(page), lang, (FORMS[lang][0], f"{FORMS[lang][0]} / {FORMS[lang][0]}"))
    model = ConsolidatedRecommendationModel(lang)
    model.set_rows([RecommendationView("R1", "CO3", "24", True, "Khuyến nghị", "A text", (),
                                       BIG, many, None)])
    _check("\n".join(_model_texts(model)), lang, (FORMS[lang][0],))
