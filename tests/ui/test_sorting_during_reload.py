"""A header clicked while a reload's rows are being put in order on a worker.

The reload's rows must come in, in the order clicked last, and the GUI thread must not
sort them itself (at 100,000 rows that is a second's freeze, and by a date or the budget
a read of every row's facts). Until 2 Dec 2026 the click sorted the rows still shown and
the reload's rows were dropped (a column not sorted before), or the reload's answer was
sorted again on the GUI thread (a column sorted before)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from desktop_app.core.domain.text import collation_key
from desktop_app.core.services import activity_listing as field
from desktop_app.core.services.activity_listing import ActivityRecord
from desktop_app.ui.context import AppContext
from desktop_app.ui.models import activity_table as cols
from desktop_app.ui.models.activity_filter import Criteria
from desktop_app.ui.pages.activities_page import ActivitiesPage

pytestmark = pytest.mark.gui

RENAMED = "Zzz hoạt động đổi tên trong lúc tải lại"


@pytest.fixture
def big_page(qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> ActivitiesPage:
    """The Activities page treating its rows as a big list (it opens sorted by title)."""
    monkeypatch.setattr(ActivitiesPage, "SMALL", 0)
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
    assert page.model.sorted_by() == (cols.TITLE, Qt.SortOrder.AscendingOrder)
    return page


@pytest.mark.parametrize(("column", "order"), [
    (cols.BUDGET, Qt.SortOrder.DescendingOrder),  # not sorted by before: no ranks yet
    (cols.TITLE, Qt.SortOrder.DescendingOrder),  # sorted by before: ranks at hand
])
def test_a_click_during_a_reloads_sort_orders_the_reloaded_rows(
        qtbot: Any, big_page: ActivitiesPage, ctx: AppContext,
        monkeypatch: pytest.MonkeyPatch, column: int, order: Qt.SortOrder) -> None:
    page, model = big_page, big_page.model
    entered, release = threading.Event(), threading.Event()
    sorted_on_gui: list[int] = []
    in_order, order_for = model.in_order, model.order_for

    def gated(rows: list[ActivityRecord], by: int, how: Qt.SortOrder) -> list[ActivityRecord]:
        entered.set()
        release.wait(20)
        return in_order(rows, by, how)

    def watched(by: int, rows: Sequence[ActivityRecord]) -> list[int]:
        if threading.current_thread() is threading.main_thread():
            sorted_on_gui.append(by)
        return order_for(by, rows)

    monkeypatch.setattr(model, "in_order", gated)
    monkeypatch.setattr(model, "order_for", watched)
    with ctx.db.unit_of_work() as session:
        renamed = session.execute(
            text("SELECT uuid FROM activity ORDER BY id LIMIT 1")).scalar_one()
        session.execute(text("UPDATE activity SET title = :t WHERE uuid = :u"),
                        {"t": RENAMED, "u": renamed})
    ctx.data_changed.emit()  # the page reloads: its rows read, then sorted on a worker
    qtbot.waitUntil(entered.is_set, timeout=20_000)
    page.table.sortByColumn(column, order)  # clicked while that sort waits
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        release.set()

    shown = [page.proxy.row_at(r) for r in range(page.proxy.rowCount())]
    assert {r.uuid: r.title for r in shown}[renamed] == RENAMED  # the reload's rows
    assert model.sorted_by() == (column, order)
    if column == cols.BUDGET:
        budgets = [-1 if r.budget_vnd is None else r.budget_vnd for r in shown]
        assert budgets == sorted(budgets, reverse=True) and len(set(budgets)) > 3
    else:
        keys = [collation_key(r.title) for r in shown]
        assert keys == sorted(keys, reverse=True)
    assert sorted_on_gui == []


def test_a_sort_during_a_filters_work_has_the_filter_decided_again_on_the_worker(
        qtbot: Any, big_page: ActivitiesPage, monkeypatch: pytest.MonkeyPatch) -> None:
    """A header is clicked while the filter's answer is worked out over the rows shown,
    with a choice made: whichever answer comes first, no choice is decided over the
    rows on the GUI thread (only a quick one: every row, or the typed text's rows)."""
    page = big_page
    status = page.model.records[0][field.STATUS]
    entered, release = threading.Event(), threading.Event()
    decided_on_gui: list[int] = []
    decide = Criteria.decide

    def gated(self: Criteria, rows: Sequence[ActivityRecord], first: int = 0,
              stop: int | None = None) -> list[int]:
        if threading.current_thread() is threading.main_thread():
            if not self.is_quick():
                decided_on_gui.append((len(rows) if stop is None else stop) - first)
        else:
            entered.set()
            release.wait(20)
        return decide(self, rows, first, stop)

    monkeypatch.setattr(Criteria, "decide", gated)
    page.status_combo.setCurrentIndex(page.status_combo.findData(status))
    qtbot.waitUntil(entered.is_set, timeout=20_000)
    page.table.sortByColumn(cols.TITLE, Qt.SortOrder.DescendingOrder)  # ranks at hand
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        release.set()

    shown = [page.proxy.row_at(r) for r in range(page.proxy.rowCount())]
    expected = [r for r in page.model.rows if r.status == status]
    assert shown and [r.uuid for r in shown] == [r.uuid for r in expected]
    keys = [collation_key(r.title) for r in shown]
    assert keys == sorted(keys, reverse=True)
    assert not any(decided_on_gui)
