"""Editing an indicator and its result from the Indicators page (issue 13, item 5).

Enter, a double-click or the Edit button opens the indicator's activity in its editor,
on the Indicators tab with that indicator's result cell current; after Save the page
shows the new value. A locked period's editor is read-only; a read-only database
offers no Edit; a task's own indicator has no activity to open.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.services.overview import IndicatorRow, list_indicators
from desktop_app.core.services.periods import lock_period
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs.activity_editor import INDICATORS_TAB
from desktop_app.ui.dialogs.editor_indicators import RESULT
from desktop_app.ui.pages.indicators_page import IndicatorsPage, IndicatorTableModel
from tests.ui.conftest import THIS_YEAR


def _page(qtbot: Any, ctx: AppContext) -> IndicatorsPage:
    page = IndicatorsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    return page


def _of_an_activity(ctx: AppContext) -> IndicatorRow:
    return next(r for r in list_indicators(ctx.db, THIS_YEAR) if r.activity_uuid)


def _shown_result(page: IndicatorsPage, uuid: str) -> str:
    assert page.select_indicator(uuid)
    index = page.table.currentIndex()
    return str(page.proxy.index(index.row(), IndicatorTableModel.RESULT).data())


def test_enter_opens_the_activity_at_the_indicator_and_save_shows_the_new_value(
        qtbot: Any, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    row = _of_an_activity(ctx)
    assert page.select_indicator(row.uuid)
    assert page.edit_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    editor = page.editor
    assert editor is not None and editor.isVisible()
    assert editor.tabs.currentIndex() == INDICATORS_TAB
    table = editor.indicator_table
    assert table.currentColumn() == RESULT and editor.focusWidget() is table
    assert table.row_of(row.uuid) == table.currentRow()
    table.item(table.currentRow(), RESULT).setText("12,500.5")
    assert editor.save()
    assert page.editor is None
    assert _shown_result(page, row.uuid) == "12,500.5"
    stored = next(r for r in list_indicators(ctx.db, THIS_YEAR) if r.uuid == row.uuid)
    assert stored.result == 12500.5


def test_double_click_and_the_button_open_the_same_editor(qtbot: Any, ctx: AppContext) -> None:
    page = _page(qtbot, ctx)
    row = _of_an_activity(ctx)
    page.select_indicator(row.uuid)
    page.table.doubleClicked.emit(page.table.currentIndex())
    editor = page.editor
    assert editor is not None and editor.initial.uuid == row.activity_uuid
    assert page.edit_current() is None  # one editor at a time
    editor.reject()
    assert page.editor is None
    page.edit_button.click()
    assert page.editor is not None
    page.editor.reject()


def test_a_locked_period_opens_the_editor_read_only(qtbot: Any, ctx: AppContext) -> None:
    lock_period(ctx.db, THIS_YEAR)
    page = _page(qtbot, ctx)
    row = _of_an_activity(ctx)
    before = _shown_result(page, row.uuid)
    editor = page.edit_current()
    assert editor is not None
    assert editor.locked_banner.isVisibleTo(editor) and not editor.save_button.isVisibleTo(editor)
    table = editor.indicator_table
    assert table.editTriggers() == table.EditTrigger.NoEditTriggers
    assert not editor.save()
    editor.reject()
    assert _shown_result(page, row.uuid) == before


def test_a_read_only_database_offers_no_edit(qtbot: Any, ctx: AppContext,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ctx.db, "read_only", True)
    page = _page(qtbot, ctx)
    page.select_indicator(_of_an_activity(ctx).uuid)
    assert not page.edit_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.editor is None and page.edit_current() is None


def test_vietnamese_values_are_grouped_the_vietnamese_way(qtbot: Any, vi_ctx: AppContext
                                                          ) -> None:
    page = _page(qtbot, vi_ctx)
    row = _of_an_activity(vi_ctx)
    page.select_indicator(row.uuid)
    editor = page.edit_current()
    assert editor is not None
    table = editor.indicator_table
    table.item(table.currentRow(), RESULT).setText("12.500,5")
    assert editor.save()
    assert _shown_result(page, row.uuid) == "12.500,5"
