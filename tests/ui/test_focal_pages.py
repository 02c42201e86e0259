"""The focal point's window: its pages, the completeness grid, the assessment editor."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from desktop_app.core.domain.enums import CellState, Role
from desktop_app.core.services import assessments, completeness
from desktop_app.core.services.completeness import KindGroup
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from desktop_app.ui.app import create_application, install_translator
from desktop_app.ui.context import AppContext
from desktop_app.ui.main_window import FOCAL_PAGES, PAGES, MainWindow
from desktop_app.ui.models.consolidated_table import ConsolidatedRecommendationModel
from desktop_app.ui.pages.areas_tasks_page import AreasTasksPage
from desktop_app.ui.pages.assessments_page import AssessmentsPage
from desktop_app.ui.pages.completeness_page import STATE_ROLE, CompletenessModel, CompletenessPage
from desktop_app.ui.pages.imports_page import ImportsPage
from desktop_app.ui.pages.overview_page import OverviewPage
from tests.ui.conftest import focal_template, opened_copy

THIS_YEAR = date.today().year
pytestmark = pytest.mark.gui


@pytest.fixture(scope="session")
def _focal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # the last fill: corrected versions of some of the same units' submissions
    return focal_template(tmp_path_factory.mktemp("focal") / "focal.sqlite",
                          (150, 1, THIS_YEAR - 1), (200, 1, THIS_YEAR), (60, 1, THIS_YEAR))


@pytest.fixture
def focal_db(_focal_template: Path, tmp_path: Path) -> Iterator[Database]:
    yield from opened_copy(_focal_template, tmp_path)


@pytest.fixture
def focal_ctx(qapp: Any, focal_db: Database) -> Iterator[AppContext]:
    create_application("en")
    context = AppContext(focal_db, "en")
    context.set_year(THIS_YEAR)
    yield context
    install_translator("en")


def _window(qtbot: Any, ctx: AppContext) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_focal_point_database_shows_the_focal_pages(qtbot: Any,
                                                    focal_ctx: AppContext) -> None:
    window = _window(qtbot, focal_ctx)
    assert window.stack.count() == len(FOCAL_PAGES)
    assert [window.navigation.item(i).text() for i in range(window.navigation.count())] == [
        "Overview", "Reporting status", "Recommendations", "Areas and tasks", "Imports"]
    pages = [OverviewPage, CompletenessPage, AssessmentsPage, AreasTasksPage, ImportsPage]
    for index, ((key, _make), page_class) in enumerate(zip(FOCAL_PAGES, pages, strict=True)):
        window.show_page(index)
        assert window.current_page_key() == key
        assert type(window.pages[key]) is page_class
    assert window.status_text().startswith("Focal point · Ministry of Justice")
    assert window.acceptDrops()
    assert window.import_files_action.isVisible()
    assert window.national_report_action.isVisible()
    assert not window.export_action.isVisible()


def test_agency_database_keeps_the_agency_pages(qtbot: Any, ctx: AppContext) -> None:
    window = _window(qtbot, ctx)
    assert [type(window.pages[key]).__name__ for key, _page in PAGES] == [
        "OverviewPage", "ActivitiesPage", "IndicatorsPage", "RecommendationsPage",
        "SubmissionsPage"]
    assert window.navigation.item(1).text() == "Activities"
    assert not window.acceptDrops()
    assert not window.import_files_action.isVisible()
    assert not window.national_report_action.isVisible()


def test_completeness_cells_equal_the_core_grid(qtbot: Any, focal_ctx: AppContext) -> None:
    page = CompletenessPage(focal_ctx)
    qtbot.addWidget(page)
    page.show()  # a page reads when it is first shown
    model = page.model
    grid = completeness.completeness(focal_ctx.db, list(model.grid.years))
    assert model.grid.years[-1] == THIS_YEAR and THIS_YEAR - 1 in model.grid.years
    assert model.rowCount() == len(grid.rows) > 30
    states = set()
    for r, row in enumerate(grid.rows):
        assert model.index(r, CompletenessModel.NAME).data() == row.name_en
        for c, cell in enumerate(row.cells):
            index = model.index(r, CompletenessModel.FIRST_PERIOD + c)
            assert CellState(index.data(STATE_ROLE)) is cell.state
            states.add(cell.state)
            text = index.data()
            assert text.startswith(model.state_name(cell.state))
            if cell.received:  # ⚠: the data in force came unsigned (issue 9)
                assert text.endswith(f"· {cell.versions}" + (" ⚠" if cell.unsigned else ""))
            assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert states == set(CellState)
    counts = next(c for c in grid.counts if c.year == THIS_YEAR)
    rate = round(counts.on_time * 100 / counts.received)
    assert page.rate_label.text() == (
        f"Period {THIS_YEAR}: received {counts.received} of {counts.agencies} · on time "
        f"{counts.on_time} · late {counts.late} · not received {counts.not_received} · "
        f"on-time rate {rate}%")


def _shown_cells(model: CompletenessModel) -> list[tuple[str, list[tuple[CellState, int]]]]:
    return [(model.index(r, CompletenessModel.NAME).data(),
             [(CellState(model.index(r, CompletenessModel.FIRST_PERIOD + c).data(STATE_ROLE)),
               model.cell(r, CompletenessModel.FIRST_PERIOD + c).versions)
              for c in range(len(model.grid.years))])
            for r in range(model.rowCount())]


def _core_cells(grid: completeness.Grid) -> list[tuple[str, list[tuple[CellState, int]]]]:
    return [(row.name_en, [(cell.state, cell.versions) for cell in row.cells])
            for row in grid.rows]


@pytest.mark.parametrize("on_a_worker", [False, True])
def test_a_period_change_shows_that_periods_grid(qtbot: Any, focal_ctx: AppContext,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 on_a_worker: bool) -> None:
    """At 100,000 activities the grid is read on a worker, the busy bar showing; the
    page then shows the grid of the period chosen, as a small period's read at once."""
    from desktop_app.ui.pages import completeness_page

    if on_a_worker:
        monkeypatch.setattr(completeness_page, "small_period", lambda _db, _year: False)
    page = CompletenessPage(focal_ctx)
    qtbot.addWidget(page)
    page.show()
    assert page.loading_bar.isVisibleTo(page) is on_a_worker
    qtbot.waitUntil(page.is_loaded)
    years = page.years()
    assert page.model.grid.years[-1] == THIS_YEAR
    assert _shown_cells(page.model) == _core_cells(completeness_page.trim_to_reported(
        completeness.completeness(focal_ctx.db, years), keep=len(years) - 1))
    assert page.rate_label.text().startswith(f"Period {THIS_YEAR}: ")

    focal_ctx.set_year(THIS_YEAR - 1)
    assert page.loading_bar.isVisibleTo(page) is on_a_worker
    qtbot.waitUntil(page.is_loaded)
    years = page.years()
    assert years[-1] == THIS_YEAR - 1 and page.model.grid.years[-1] == THIS_YEAR - 1
    earlier = completeness_page.trim_to_reported(
        completeness.completeness(focal_ctx.db, years), keep=len(years) - 1)
    assert _shown_cells(page.model) == _core_cells(earlier) and earlier.rows
    assert page.rate_label.text().startswith(f"Period {THIS_YEAR - 1}: received ")
    assert [c.year for c in page.model.grid.counts] == [c.year for c in earlier.counts]
    assert not page.loading_bar.isVisibleTo(page)


def test_the_status_page_shows_each_agencys_contact(qtbot: Any, focal_ctx: AppContext,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    from desktop_app.core.services.contacts import set_contact
    from desktop_app.ui.dialogs import message_box

    set_contact(focal_ctx.db, "VLG", contact_person="Nguyễn Thị Hoa", phone="0270 3822 111",
                email="hoa@stp.vinhlong.gov.vn")
    page = CompletenessPage(focal_ctx)
    qtbot.addWidget(page)
    page.show()
    model = page.model
    column = model.contact_column()
    assert column == model.columnCount() - 1
    assert model.headerData(column, Qt.Orientation.Horizontal) == \
        "Contact (person · phone · e-mail)"
    row = next(r for r, x in enumerate(model.grid.rows) if x.code == "VLG")
    assert model.index(row, column).data() == \
        "Nguyễn Thị Hoa · 0270 3822 111 · hoa@stp.vinhlong.gov.vn"
    # the reminder list is a command of the focal point's window
    window = MainWindow(focal_ctx)
    qtbot.addWidget(window)
    assert window.reminders_action in window.file_menu.actions()
    target = tmp_path / "nhac.xlsx"
    monkeypatch.setattr(window.import_commands(), "pick_save_path", lambda *a: target)
    said: list[str] = []
    monkeypatch.setattr(message_box, "inform", lambda _w, _t, text, *a: said.append(text))
    window.reminders_action.trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert target.exists() and str(target) in said[0]


def test_kind_filter_narrows_the_grid_and_its_counts(qtbot: Any,
                                                     focal_ctx: AppContext) -> None:
    page = CompletenessPage(focal_ctx)
    qtbot.addWidget(page)
    page.show()  # a page reads when it is first shown
    everyone = page.model.rowCount()
    page.set_kind_filter(KindGroup.MINISTRY)
    ministries = completeness.completeness(focal_ctx.db, list(page.model.grid.years),
                                           [KindGroup.MINISTRY.value])
    assert 0 < page.model.rowCount() == len(ministries.rows) < everyone
    assert {r.kind for r in page.model.grid.rows} <= {"ministry", "ministerial_agency"}
    assert page.model.grid.counts == ministries.counts
    page.set_kind_filter(KindGroup.PROVINCE)
    assert {r.kind for r in page.model.grid.rows} == {"city", "province"}
    page.set_kind_filter(None)
    assert page.model.rowCount() == everyone


def test_names_sort_the_vietnamese_way(qtbot: Any, focal_ctx: AppContext) -> None:
    focal_ctx.lang = "vi"
    page = CompletenessPage(focal_ctx)
    qtbot.addWidget(page)
    page.show()  # a page reads when it is first shown
    page.set_kind_filter(KindGroup.PROVINCE)
    page.table.sortByColumn(CompletenessModel.NAME, Qt.SortOrder.AscendingOrder)
    names = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    # Đ comes right after D, not after Y as a code-point sort would put it.
    first_d = next(i for i, n in enumerate(names) if n.startswith("Đ"))
    assert names[first_d - 1][0] in "CD" and not names[-1].startswith("Đ")


def test_assessment_editor_saves_through_assess(qtbot: Any, focal_ctx: AppContext,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    page = AssessmentsPage(focal_ctx)
    qtbot.addWidget(page)
    page.show()
    first = page.model.row(0)
    assert first.source_code == "CCPR-CO4"  # the cycle the plan in force implements first
    starred = next(r for r in range(page.proxy.rowCount()) if page.model.row(
        page.proxy.mapToSource(page.proxy.index(r, 0)).row()).follow_up)
    assert page.proxy.index(starred, ConsolidatedRecommendationModel.FOLLOW_UP).data() == "★"
    assert page.select_code(first.code)
    editor = page.editor
    assert not editor.save_button.isEnabled()
    editor.implementation_combo.setCurrentIndex(
        editor.implementation_combo.findData("partially"))
    editor.note_edit.setPlainText("Dự thảo luật đang trình")
    assert editor.save_button.isEnabled()
    calls: list[tuple[Any, ...]] = []
    real = assessments.assess

    def spy(db: Any, code: str, implementation: str, note: str = "",
            year: int | None = None) -> Any:
        calls.append((code, implementation, note, year))
        return real(db, code, implementation, note, year)

    monkeypatch.setattr(assessments, "assess", spy)
    with qtbot.waitSignal(focal_ctx.data_changed):
        editor.save_button.click()
    assert calls == [(first.code, "partially", "Dự thảo luật đang trình", THIS_YEAR)]
    stored = assessments.list_assessments(focal_ctx.db, THIS_YEAR)
    assert [(a.recommendation_code, a.implementation) for a in stored] == [
        (first.code, "partially")]
    assert page.current() is not None and page.current().code == first.code
    row = page.table.currentIndex().row()
    assert page.proxy.index(row, ConsolidatedRecommendationModel.IMPLEMENTATION).data() \
        == "Partially implemented"
    assert editor.saved_label.text() == "Saved."
    assert assessments.list_committee_grades(focal_ctx.db).get(first.code, ()) == \
        first.committee_grades  # judging records no grade of the Committee


def test_committee_grade_editor_records_a_fact_with_document_and_date(
        qtbot: Any, focal_ctx: AppContext) -> None:
    page = AssessmentsPage(focal_ctx)
    qtbot.addWidget(page)
    page.show()
    first = page.model.row(0)
    assert page.select_code(first.code)
    box = page.committee
    shown = box.recorded.text()
    for g in first.committee_grades:  # the catalog's facts, "to check" where not verified
        assert f"<b>{g.grade}</b>" in shown
    assert ("to check against the document" in shown) == any(
        not g.verified for g in first.committee_grades)
    assert not box.record_button.isEnabled()
    box.grade_combo.setCurrentIndex(box.grade_combo.findData("B"))
    assert box.grade_meaning.text()  # the catalog's meaning of B
    assert not box.record_button.isEnabled()  # no document yet
    box.document_edit.setText("CCPR/C/TEST/1")
    box.date_edit.setDate(QDate(2024, 11, 1))
    box.element_edit.setText("trợ giúp pháp lý")
    assert box.record_button.isEnabled()
    with qtbot.waitSignal(focal_ctx.data_changed):
        box.record_button.click()
    mine = [g for g in assessments.list_committee_grades(focal_ctx.db)[first.code] if g.uuid]
    assert [(g.grade, g.document, g.on, g.element_vi, g.verified) for g in mine] == [
        ("B", "CCPR/C/TEST/1", date(2024, 11, 1), "trợ giúp pháp lý", True)]
    assert assessments.list_assessments(focal_ctx.db) == []  # not a judgment
    row = page.table.currentIndex().row()
    marks = page.proxy.index(row, ConsolidatedRecommendationModel.GRADE).data()
    assert marks.split()[-1] == "B"  # the latest last
    assert "CCPR/C/TEST/1" in box.recorded.text()


def test_focal_window_in_vietnamese_has_no_english_left(qtbot: Any, focal_db: Database,
                                                        tmp_path: Path) -> None:
    from tests.ui.test_translations import _english_only, _texts

    install_translator("vi")
    try:
        ctx = AppContext(focal_db, "vi")
        ctx.set_year(THIS_YEAR)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        shown: list[str] = []
        for index in range(window.stack.count()):
            window.show_page(index)
            shown.extend(_texts(window))
            window.grab().save(str(tmp_path / f"focal_{index}.png"))
        leaks = sorted({text for text in shown if text in _english_only() - {"English"}})
        assert leaks == []
        assert "Tình hình báo cáo" in shown and "Nhập báo cáo" in shown
        assert window.status_text().startswith("Cơ quan đầu mối · Bộ Tư pháp")
    finally:
        install_translator("en")


def test_recommendation_list_dialog_previews_then_loads(qtbot: Any, focal_ctx: AppContext,
                                                        tmp_path: Path) -> None:
    from desktop_app.core.services.recommendation_import import mappings
    from desktop_app.ui.dialogs.recommendation_list_dialog import RecommendationListDialog
    from tests.fixtures.recommendation_lists import cycle4_rows, matrix_xlsx

    rows = cycle4_rows(12, 10)
    rows[4][0] = ""  # a row left out, shown by its row
    path = matrix_xlsx(tmp_path / "upr4.xlsx", rows)
    dialog = RecommendationListDialog(focal_ctx)
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(path))
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("UPR4"))
    assert dialog.mapping_combo.currentData() == "upr-matrix"
    assert dialog.column_edits["text_en"].text() == "Recommendation"
    assert not dialog.load_button.isEnabled()
    dialog.preview_button.click()
    assert "11 recommendations — 11 new" in dialog.summary.text()
    assert dialog.problems.rowCount() == 1 and dialog.problems.item(0, 0).text() == "8"
    assert dialog.load_button.isEnabled()
    with qtbot.waitSignal(focal_ctx.data_changed):
        dialog.load_button.click()
    assert "Wrote 11 new" in dialog.summary.text()
    loaded = [r.code for r in assessments.list_assessments(focal_ctx.db)]
    assert loaded == []  # loading a list judges nothing
    dialog.preview_button.click()
    assert "0 new, 0 changed, 11 unchanged" in dialog.summary.text()
    assert not dialog.load_button.isEnabled()
    # Edited headings saved under a name come back as a mapping of their own.
    dialog.column_edits["themes"].setText("Chủ đề")
    dialog.save_name.setText("của tôi")
    dialog.save_mapping()
    assert mappings(focal_ctx.db)["của tôi"].columns["themes"] == "Chủ đề"
    assert dialog.mapping_combo.currentData() == "của tôi"


def test_recommendations_page_marks_what_is_to_check_with_its_provenance(
        qtbot: Any, qapp: Any, tmp_path: Path) -> None:
    from desktop_app.ui.pages.recommendations_page import (
        RecommendationsPage,
        RecommendationTableModel,
    )

    db = Database.open(tmp_path / "agency.sqlite")
    try:
        initialise(db, Role.AGENCY, "VLG")
        ctx = AppContext(db, "en")
        page = RecommendationsPage(ctx)
        qtbot.addWidget(page)
        page.refresh()
        assert page.select_code("CO3-NONDISC")
        row = page.table.currentIndex().row()
        cell = page.proxy.index(row, RecommendationTableModel.CHECKED)
        assert cell.data() == "To check"
        tip = cell.data(Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("CCPR/C/VNM/CO/3") and "still to check: paragraph" in tip
        assert "Where it comes from" in page.detail.toPlainText()
    finally:
        db.close()


def test_a_big_periods_recommendation_lists_its_activities_from_a_worker(
        qtbot: Any, focal_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """At 100,000 activities the selected recommendation's activities take seconds to
    read: the detail says they are being read, and lists them when they come, as the
    read at once does for a small period."""
    from desktop_app.ui.pages import assessments_page

    at_once = AssessmentsPage(focal_ctx)
    qtbot.addWidget(at_once)
    at_once.refresh()
    row = next(r for r in range(at_once.model.rowCount()) if at_once.model.row(r).activities)
    code = at_once.model.row(row).code
    assert at_once.select_code(code)
    expected = at_once.detail.toPlainText()
    assert "Reading the activities" not in expected

    monkeypatch.setattr(assessments_page, "small_period", lambda _db, _year: False)
    page = AssessmentsPage(focal_ctx)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(page.is_loaded, timeout=20000)
    page.table.clearSelection()
    assert page.select_code(code)
    assert "Reading the activities…" in page.detail.toPlainText()
    qtbot.waitUntil(lambda: page.detail.toPlainText() == expected, timeout=20000)


def test_the_detail_lists_the_first_activities_and_counts_the_rest(
        qtbot: Any, focal_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the activities the detail lists are read (issue 11: one recommendation can
    have 16,000 at the focal point): the first MAX_ACTIVITIES_SHOWN in the list's order,
    then how many more the period holds."""
    from desktop_app.core.services import consolidated
    from desktop_app.ui.pages import assessments_page

    monkeypatch.setattr(assessments_page, "MAX_ACTIVITIES_SHOWN", 3)
    page = AssessmentsPage(focal_ctx)
    qtbot.addWidget(page)
    page.refresh()
    view = max((page.model.row(r) for r in range(page.model.rowCount())),
               key=lambda v: v.activities)
    assert view.activities > 3
    assert page.select_code(view.code)
    every = consolidated.activities_for_recommendation(focal_ctx.db, THIS_YEAR, view.code)
    shown = page.detail.toPlainText()
    assert all(a.title in shown for a in every[:3])
    assert f"… and {view.activities - 3} more" in shown
    assert len(every) == view.activities


def test_a_reload_shows_the_selected_recommendation_once(
        qtbot: Any, focal_ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reload keeps the selection and draws its detail once: until 2 Dec 2026 the
    detail was built twice (by the selection's change, then again), and in a big period
    its activities' read started twice, on the GUI thread's longest turn of the page."""
    from desktop_app.ui.pages import assessments_page

    monkeypatch.setattr(assessments_page, "small_period", lambda _db, _year: False)
    page = AssessmentsPage(focal_ctx)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(page.is_loaded, timeout=20000)
    view = max((page.model.row(r) for r in range(page.model.rowCount())),
               key=lambda v: v.activities)
    assert page.select_code(view.code)
    qtbot.waitUntil(lambda: not page.detail_reader.busy(), timeout=20000)
    shown = page.detail.toPlainText()
    started: list[object] = []
    start = page.detail_reader.start
    monkeypatch.setattr(page.detail_reader, "start",
                        lambda read: (started.append(read), start(read)))
    page.refresh()
    qtbot.waitUntil(lambda: page.is_loaded() and not page.detail_reader.busy(),
                    timeout=20000)
    current = page.current()
    assert current is not None and current.code == view.code
    assert len(started) == 1
    qtbot.waitUntil(lambda: page.detail.toPlainText() == shown, timeout=20000)
