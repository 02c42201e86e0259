"""The activities list: the model and filter over 20,000 rows, and the page's keyboard wiring."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.search import activity_search_text
from desktop_app.core.domain.text import collation_key, contains_folded
from desktop_app.core.problems import UsageError
from desktop_app.core.progress import drive
from desktop_app.core.services import activities, demo, setup
from desktop_app.core.services import activity_listing as listing
from desktop_app.core.services.activities import ActivityRow
from desktop_app.core.storage.database import Database
from desktop_app.ui.context import AppContext
from desktop_app.ui.models import activity_table as cols
from desktop_app.ui.models.activity_filter import ActivityFilterProxy
from desktop_app.ui.models.activity_table import ActivityTableModel
from desktop_app.ui.pages.activities_page import ActivitiesPage

pytestmark = pytest.mark.gui
YEAR = date.today().year


# ------------------------------------------------------------------ fixtures


# Spellings the filter must treat alike: new and old tone placement, NFD, upper case.
SPELLINGS = ["Họp Ủy ban nhân dân tỉnh", "HỌP UỶ BAN NHÂN DÂN",
             unicodedata.normalize("NFD", "Báo cáo Uỷ ban"), "Thanh Hóa tập huấn",
             "Thanh Hoá tập huấn", "THANH HOÁ"]


@pytest.fixture(scope="module")
def many_rows(tmp_path_factory: pytest.TempPathFactory) -> list[ActivityRow]:
    """20,000 demo rows plus a few whose titles spell the same words differently."""
    db = Database.open(tmp_path_factory.mktemp("many") / "agency.sqlite")
    try:
        setup.initialise(db, Role.AGENCY, "VLG")
        drive(demo.fill_demo(db, activities=20_000, seed=1, period=YEAR))
        rows = activities.list_activities(db, YEAR)
    finally:
        db.close()
    base = rows[0]
    extra = [dataclasses.replace(
        base, uuid=f"spelling-{n}", title=title,
        search_text=activity_search_text(title, "", (base.task_code,), ()))
        for n, title in enumerate(SPELLINGS)]
    return rows + extra


@pytest.fixture(scope="module")
def plain_texts(many_rows: list[ActivityRow]) -> dict[str, str]:
    return {r.uuid: plain_fold(r.search_text) for r in many_rows}


@pytest.fixture
def filtered(qapp: Any, many_rows: list[ActivityRow]) -> Iterator[ActivityFilterProxy]:
    model = ActivityTableModel("vi")
    proxy = ActivityFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(many_rows)
    yield proxy
    proxy.deleteLater()
    model.deleteLater()


@pytest.fixture
def small_db(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "agency.sqlite")
    setup.initialise(db, Role.AGENCY, "VLG")
    drive(demo.fill_demo(db, activities=30, seed=1, period=YEAR))
    yield db
    db.close()


@pytest.fixture
def page(qtbot: Any, small_db: Database) -> ActivitiesPage:
    ctx = AppContext(small_db, "vi")
    ctx.set_year(YEAR)
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def commit_text(widget: QWidget, text: str) -> None:
    """Type text as an input method does: one commit string, no key events."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def shown_uuids(proxy: ActivityFilterProxy) -> list[str]:
    return [proxy.row_at(r).uuid for r in range(proxy.rowCount())]


def plain_fold(text: str) -> str:
    """An independent spelling of "what a user without Vietnamese input types"."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", text)
                       if not unicodedata.combining(c))
    return stripped.replace("đ", "d").replace("Đ", "D").casefold()


# ------------------------------------------------------------------ model and filter


def _starts_a_word(word: str, text: str) -> bool:
    """The plain-Python expectation: word begins one of text's words."""
    return any(piece.startswith(word) for piece in re.split(r"[^0-9a-z]+", text))


def test_uy_ban_finds_every_spelling_of_uy_ban(filtered: ActivityFilterProxy,
                                               plain_texts: dict[str, str]) -> None:
    filtered.set_search("uy ban")
    expected = {u for u, text in plain_texts.items()
                if _starts_a_word("uy", text) and _starts_a_word("ban", text)}
    shown = set(shown_uuids(filtered))
    assert shown == expected
    assert {"spelling-0", "spelling-1", "spelling-2"} <= shown
    assert 0 < len(expected) < len(plain_texts)


def test_old_and_new_tone_placement_find_the_same_rows(filtered: ActivityFilterProxy,
                                                       plain_texts: dict[str, str]) -> None:
    filtered.set_search("hoá")  # old placement
    old = set(shown_uuids(filtered))
    filtered.set_search("HÓA")  # new placement, upper case
    new = set(shown_uuids(filtered))
    expected = {u for u, text in plain_texts.items() if _starts_a_word("hoa", text)}
    assert old == new == expected
    filtered.set_search("Thanh Hóa")
    assert set(shown_uuids(filtered)) >= {"spelling-3", "spelling-4", "spelling-5"}
    filtered.set_search("")
    assert filtered.rowCount() == len(plain_texts)


def test_combined_filters(filtered: ActivityFilterProxy, many_rows: list[ActivityRow],
                          plain_texts: dict[str, str]) -> None:
    area = many_rows[0].area_code
    filtered.set_area(area)
    filtered.set_status("completed")
    filtered.set_type("training")
    filtered.set_search("tap huan")
    expected = {r.uuid for r in many_rows
                if r.area_code == area and r.status == "completed" and r.type == "training"
                and all(_starts_a_word(w, plain_texts[r.uuid]) for w in ("tap", "huan"))}
    assert expected and set(shown_uuids(filtered)) == expected
    task = many_rows[0].task_code
    filtered.set_area(None)
    filtered.set_task(task)
    expected = {r.uuid for r in many_rows
                if r.task_code == task and r.status == "completed" and r.type == "training"
                and all(_starts_a_word(w, plain_texts[r.uuid]) for w in ("tap", "huan"))}
    assert set(shown_uuids(filtered)) == expected


def test_sorting_20000_rows_follows_vietnamese_collation(filtered: ActivityFilterProxy) -> None:
    filtered.sort(cols.TITLE, Qt.SortOrder.AscendingOrder)
    titles = [filtered.row_at(r).title for r in range(filtered.rowCount())]
    keys = [collation_key(t) for t in titles]
    assert keys == sorted(keys)
    filtered.sort(cols.BUDGET, Qt.SortOrder.DescendingOrder)
    budgets = [filtered.row_at(r).budget_vnd or -1 for r in range(filtered.rowCount())]
    assert budgets == sorted(budgets, reverse=True)


def test_d_stroke_sorts_after_d_and_before_e(qapp: Any, many_rows: list[ActivityRow]) -> None:
    base = many_rows[0]
    titles = ["Đánh giá", "Everything", "Dạy nghề", "Ủy ban", "Zebra", "Doanh nghiệp"]
    rows = [dataclasses.replace(base, uuid=str(n), title=t) for n, t in enumerate(titles)]
    model = ActivityTableModel("vi")
    proxy = ActivityFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(rows)
    proxy.sort(cols.TITLE)
    order = [proxy.row_at(r).title for r in range(proxy.rowCount())]
    assert order == ["Dạy nghề", "Doanh nghiệp", "Đánh giá", "Everything", "Ủy ban", "Zebra"]
    model.set_rows(list(reversed(rows)))  # a reload keeps the chosen order
    assert [proxy.row_at(r).title for r in range(proxy.rowCount())] == order
    proxy.deleteLater()
    model.deleteLater()


def test_budget_is_grouped_in_the_language(qapp: Any, many_rows: list[ActivityRow]) -> None:
    row = dataclasses.replace(many_rows[0], budget_vnd=1_500_000)
    model = ActivityTableModel("vi")
    model.set_rows([row])
    assert model.index(0, cols.BUDGET).data() == "1.500.000"
    model.set_language("en")
    assert model.index(0, cols.BUDGET).data() == "1,500,000"
    model.deleteLater()


# ------------------------------------------------------------------ the page


def test_page_lists_the_period_and_counts(page: ActivitiesPage) -> None:
    assert page.proxy.rowCount() == page.model.rowCount() == 30
    assert page.count_label.text() == "30 of 30 activities"


def test_search_box_filters_after_a_typing_pause(qtbot: Any, page: ActivitiesPage) -> None:
    page.activateWindow()
    qtbot.waitActive(page)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    word = page.model.rows[0].title.split()[0]
    commit_text(page.search_edit, word)
    assert page.proxy.rowCount() == 30  # not yet: the filter waits for a pause
    qtbot.waitUntil(lambda: page.proxy.rowCount() < 30 or page.proxy.search != "", timeout=2000)
    assert page.proxy.search == word
    shown = [page.proxy.row_at(r) for r in range(page.proxy.rowCount())]
    # The listed rows carry no search text: the page asked the database.
    texts = {r.uuid: r.search_text for r in activities.list_activities(page.ctx.db, YEAR)}
    assert shown and all(plain_fold(word) in plain_fold(texts[r.uuid]) for r in shown)
    assert {r.uuid for r in shown} == {u for u, t in texts.items()
                                       if contains_folded(t, word)}
    assert page.count_label.text() == f"{len(shown)} of 30 activities"


def test_filter_combos_narrow_the_list(page: ActivitiesPage) -> None:
    status = page.model.rows[0].status
    page.status_combo.setCurrentIndex(page.status_combo.findData(status))
    shown = [page.proxy.row_at(r) for r in range(page.proxy.rowCount())]
    assert shown and all(r.status == status for r in shown)
    page.status_combo.setCurrentIndex(0)
    assert page.proxy.rowCount() == 30


def test_delete_asks_first_and_undo_restores_same_uuid_and_indicators(
        qtbot: Any, page: ActivitiesPage, monkeypatch: pytest.MonkeyPatch) -> None:
    db = page.ctx.db
    row = next(r for r in page.model.rows if r.indicators)
    before = activities.load_draft(db, row.uuid)
    page.select_uuids({row.uuid}, row.uuid)
    page.table.setFocus()

    asked: list[list[str]] = []
    monkeypatch.setattr(ActivitiesPage, "confirm_delete",
                        lambda self, titles: asked.append(titles) or False)
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked == [[row.title]]
    assert page.model.row_of_uuid(row.uuid) is not None  # "Keep" keeps it

    monkeypatch.setattr(ActivitiesPage, "confirm_delete", lambda self, titles: True)
    QTest.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.row_of_uuid(row.uuid) is None
    assert row.uuid not in {r.uuid for r in activities.list_activities(db, YEAR)}

    page.undo_action.trigger()
    restored = activities.load_draft(db, row.uuid)
    assert restored == before  # same UUID, same indicators (with their UUIDs) and results
    assert page.model.row_of_uuid(row.uuid) is not None

    page.redo_action.trigger()
    assert page.model.row_of_uuid(row.uuid) is None
    assert page.count_label.text() == "29 of 29 activities"


def test_enter_opens_the_selected_activity(qtbot: Any, page: ActivitiesPage) -> None:
    row = page.model.rows[3]
    page.select_uuids({row.uuid}, row.uuid)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    editor = page.editor
    assert editor is not None and editor.isVisible()
    assert editor.title_edit.text() == row.title
    editor.reject()  # nothing changed: closes without asking
    assert page.editor is None


def test_ctrl_n_opens_a_new_editor(qtbot: Any, page: ActivitiesPage) -> None:
    page.activateWindow()
    qtbot.waitActive(page)
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.editor
    assert editor is not None and editor.is_new
    editor.reject()


def test_a_hidden_page_reloads_when_shown(qtbot: Any, page: ActivitiesPage) -> None:
    page.hide()
    draft = activities.load_draft(page.ctx.db, page.model.rows[0].uuid)
    copied = dataclasses.replace(draft, uuid=None, indicators=[
        dataclasses.replace(i, uuid=None) for i in draft.indicators])  # a copy, not the same
    activities.save_activity(page.ctx.db, copied, YEAR)
    page.ctx.data_changed.emit()
    assert page.model.rowCount() == 30
    page.show()
    assert page.model.rowCount() == 31


def _lock_period(db: Database) -> None:
    from sqlmodel import col, select

    from desktop_app.core.domain.models import Agency, AgencyPeriod, Period

    with db.unit_of_work() as session:
        agency = session.exec(select(Agency).where(col(Agency.code) == "VLG")).one()
        period = session.exec(select(Period).where(col(Period.year) == YEAR)).one()
        session.add(AgencyPeriod(agency_id=agency.id or 0, period_id=period.id or 0, locked=True))


def test_a_locked_period_refuses_with_a_message_not_a_crash(
        qtbot: Any, page: ActivitiesPage, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    def record(parent: Any, error: Any, lang: str) -> None:
        shown.append(error.problems[0].code)

    monkeypatch.setattr("desktop_app.ui.pages.activities_page.show_refusal", record)
    monkeypatch.setattr("desktop_app.ui.commands.undo.show_refusal", record)
    monkeypatch.setattr(ActivitiesPage, "confirm_delete", lambda self, titles: True)
    row = page.model.rows[0]
    page.select_uuids({row.uuid}, row.uuid)
    assert page.delete_selected() == 1
    _lock_period(page.ctx.db)
    page.undo_action.trigger()  # refused: the period is locked now
    assert shown == ["period.locked"]
    assert page.undo_stack.count() == 0  # the step that cannot be done is dropped
    page.select_uuids({page.model.rows[0].uuid}, page.model.rows[0].uuid)
    assert page.delete_selected() == 0
    assert shown == ["period.locked", "period.locked"]
    assert page.model.rowCount() == 29


def test_switching_language_regroups_budgets(qtbot: Any, page: ActivitiesPage) -> None:
    number = next(n for n, r in enumerate(page.model.rows) if (r.budget_vnd or 0) >= 1_000_000)
    index = page.model.index(number, cols.BUDGET)
    assert "." in index.data() and "," not in index.data()
    page.ctx.set_language("en")
    assert "," in index.data() and "." not in index.data()
    assert page.count_label.text() == "30 of 30 activities"


def test_sorting_by_a_header_keeps_the_selection(qtbot: Any, page: ActivitiesPage) -> None:
    row = page.model.rows[7]
    page.select_uuids({row.uuid}, row.uuid)
    page.table.sortByColumn(cols.BUDGET, Qt.SortOrder.DescendingOrder)
    assert page.selected_uuids() == [row.uuid]
    current = page.table.currentIndex()
    assert page.proxy.row_at(current.row()).uuid == row.uuid
    budgets = [page.proxy.row_at(r).budget_vnd or -1 for r in range(page.proxy.rowCount())]
    assert budgets == sorted(budgets, reverse=True)


# ------------------------------------------------------------------ facts read as drawn

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
         Qt.ItemDataRole.TextAlignmentRole, cols.SORT_ROLE)


def _lazy_model(rows: list[ActivityRow]) -> tuple[ActivityTableModel, list[list[str] | None]]:
    """A model over rows' records without their facts, reading them from rows (the
    questions it asks are kept)."""
    records = [listing.record_of(r) for r in rows]
    facts = {r[listing.UUID]: r[listing.FACTS] for r in records}
    asked: list[list[str] | None] = []

    def read(uuids: Any) -> dict[str, Any]:
        asked.append(None if uuids is None else list(uuids))
        return dict(facts) if uuids is None else {u: facts[u] for u in uuids if u in facts}

    model = ActivityTableModel("vi")
    model.set_facts_reader(read)
    model.set_rows([(*r[:listing.START_DATE], *listing.NOT_READ,
                     *r[listing.RESULTS + 1:]) for r in records])
    return model, asked


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_list_read_without_facts_shows_and_sorts_as_one_read_whole(
        qapp: Any, many_rows: list[ActivityRow], data: st.DataObject) -> None:
    picked = data.draw(st.lists(st.sampled_from(many_rows[:3000]), min_size=1, max_size=700,
                                unique_by=lambda r: r.uuid))
    column = data.draw(st.sampled_from(range(cols.COLUMN_COUNT)))
    order = data.draw(st.sampled_from([Qt.SortOrder.AscendingOrder,
                                       Qt.SortOrder.DescendingOrder]))
    whole = ActivityTableModel("vi")
    whole.set_rows(picked)
    lazy, asked = _lazy_model(picked)
    for number in data.draw(st.lists(st.integers(0, len(picked) - 1), max_size=30)):
        for c in range(cols.COLUMN_COUNT):
            for role in ROLES[:3]:
                assert lazy.cell(number, c, role) == whole.cell(number, c, role)
        assert lazy.row_at(number) == whole.row_at(number) == picked[number]
    # a row drawn reads the facts of its block of rows, once
    assert all(q is not None and len(q) <= cols.FACTS_BLOCK for q in asked)
    assert len(asked) <= len({n // cols.FACTS_BLOCK for n in range(len(picked))})
    # sorted on a worker (in_order) or by the view (SORT_ROLE), by any column
    in_order = lazy.in_order(lazy.records, column, order)
    assert lazy.completed(in_order) == whole.in_order(whole.records, column, order)
    assert all(listing.has_facts(r) for r in in_order) or column not in (
        cols.START, cols.END, cols.BUDGET, cols.RECOMMENDATIONS, cols.INDICATORS)
    # the rows drawn first come with their facts whatever the column
    assert all(listing.has_facts(r) for r in in_order[:cols.FACTS_BLOCK])
    lazy.sort(column, order)
    whole.sort(column, order)
    assert list(lazy.rows) == list(whole.rows)
    assert [lazy.cell(n, column, cols.SORT_ROLE) for n in range(len(picked))] == [
        whole.cell(n, column, cols.SORT_ROLE) for n in range(len(picked))]
    lazy.deleteLater()
    whole.deleteLater()


def test_facts_that_cannot_be_read_show_as_none(qapp: Any, many_rows: list[ActivityRow]) -> None:
    model, _ = _lazy_model(many_rows[:5])

    def refuse(_uuids: Any) -> dict[str, Any]:
        raise UsageError.of("period.unknown", period=YEAR)

    model.set_facts_reader(refuse)  # the period was deleted meanwhile
    assert model.cell(0, cols.RECOMMENDATIONS, Qt.ItemDataRole.DisplayRole) == ""
    assert model.cell(0, cols.INDICATORS, Qt.ItemDataRole.DisplayRole) == ""
    for column in (cols.START, cols.END, cols.BUDGET):
        assert model.cell(0, column, Qt.ItemDataRole.DisplayRole) == ""
    assert model.cell(0, cols.TITLE, Qt.ItemDataRole.DisplayRole) == many_rows[0].title
    model.deleteLater()
