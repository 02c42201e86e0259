"""Pages read when they are first shown, and a big list is read, sorted and filtered on
a worker while the window stays responsive. No timing here: the bench measures it."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from desktop_app.core.domain.text import collation_key, contains_folded
from desktop_app.core.progress import collector_paused
from desktop_app.core.services import activities
from desktop_app.core.services import activity_listing as listing
from desktop_app.ui import numbers
from desktop_app.ui.context import AppContext, year_shown
from desktop_app.ui.loading import (
    FIRST_OVERVIEW,
    UNTRACK_EVERY,
    Reader,
    ordered,
    read_early,
    take_early,
    wait_for_reads,
)
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.models import activity_table as cols
from desktop_app.ui.pages.activities_page import ActivitiesPage

pytestmark = pytest.mark.gui


@contextmanager
def statements(ctx: AppContext) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, sql: str, *_: Any) -> None:
        seen.append(" ".join(sql.split()))

    event.listen(ctx.db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", note)


def _every_indicator(statements: list[str]) -> list[str]:
    """The Indicators page's list (the overview lists only those with no result)."""
    return [s for s in statements  # the overview's SQL text names them i and r
            if ("indicator.unit" in s or " i.unit" in s)
            and "result.id IS NULL" not in s and " r.id IS NULL" not in s]


def test_hidden_pages_do_no_database_work_until_shown(qtbot: Any, ctx: AppContext) -> None:
    with statements(ctx) as made:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
    # The first page reads before the window shows (it is laid out with its data);
    # the hidden ones read nothing.
    assert window.pages["overview"].is_loaded()
    assert any("count(" in s and "FROM indicator" in s for s in made)
    assert not _every_indicator(made)
    indicators = window.pages["indicators"]
    activities_page = window.pages["activities"]
    assert not indicators.is_loaded() and indicators.model.rowCount() == 0
    assert not activities_page.is_loaded() and activities_page.model.rowCount() == 0
    window.show()
    with statements(ctx) as changed:
        ctx.data_changed.emit()  # the overview shows: it reloads; hidden pages only note it
    assert any("count(" in s for s in changed) and not _every_indicator(changed)
    assert not [s for s in changed if "activity.budget_vnd" in s]  # nor the Activities page
    with statements(ctx) as shown:
        window.show_page(2)
        qtbot.waitUntil(indicators.is_loaded)
    assert _every_indicator(shown) and indicators.model.rowCount() > 0


def test_the_first_overview_read_early_is_taken_once_by_the_first_page(
        qtbot: Any, ctx: AppContext) -> None:
    from desktop_app.core.services.overview import overview

    answers: list[Any] = []

    def early_read() -> Any:
        answers.append(overview(ctx.db, ctx.year))
        return answers[-1]

    read_early(FIRST_OVERVIEW, early_read)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.pages["overview"]
    qtbot.waitUntil(page.is_loaded)
    assert len(answers) == 1 and page.overview is answers[0]  # the early answer, as it is
    assert take_early(FIRST_OVERVIEW) is None  # taken once
    window.show()
    ctx.data_changed.emit()  # a later reload reads afresh
    qtbot.waitUntil(page.is_loaded)
    assert page.overview is not answers[0] and page.overview.year == ctx.year


def test_an_early_read_hands_over_its_error() -> None:
    def broken() -> Any:
        raise ValueError("no")

    read_early("test", broken)
    taken = take_early("test")
    assert taken is not None
    with pytest.raises(ValueError, match="no"):
        taken()
    wait_for_reads()


def test_the_window_opens_on_this_period_else_the_latest_before_it() -> None:
    assert year_shown([2024, 2025, 2026], 2026) == 2026
    assert year_shown([2023, 2024], 2026) == 2024
    assert year_shown([2027, 2028], 2026) == 2027
    assert year_shown([], 2026) == 2026


def test_ordered_is_a_stable_sort_in_slices() -> None:
    keys = [(i * 7919) % 1000 for i in range(30_000)]
    assert ordered(keys) == sorted(range(len(keys)), key=keys.__getitem__)
    assert ordered(keys, reverse=True) == sorted(range(len(keys)), key=keys.__getitem__,
                                                 reverse=True)
    assert ordered([]) == []


@pytest.fixture
def big_page(qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> ActivitiesPage:
    """The Activities page treating its 200 rows as a big list: read on a worker."""
    monkeypatch.setattr(ActivitiesPage, "SMALL", 0)
    monkeypatch.setattr(cols, "FACTS_BLOCK", 16)  # facts read by blocks of 16 rows
    monkeypatch.setattr(ActivitiesPage, "SEARCH_DELAY_MS", 0)
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.show()
        assert not page.is_loaded() and page.loading_bar.isVisible()  # read on a worker
    return page


def _titles(page: ActivitiesPage) -> list[str]:
    return [page.proxy.row_at(r).title for r in range(page.proxy.rowCount())]


def test_a_big_list_is_read_then_sorted_on_a_worker(big_page: ActivitiesPage,
                                                    ctx: AppContext) -> None:
    page = big_page
    assert not page.loading_bar.isVisible()
    expected = activities.list_activities(ctx.db, ctx.year)
    assert page.model.rowCount() == page.proxy.rowCount() == len(expected) == 200
    assert _titles(page) == sorted((r.title for r in expected), key=collation_key)
    assert page.count_label.text() == "200 of 200 activities"
    # the bar filled as the rows came (their number asked first), not a busy bar
    bar = page.loading_progress
    assert (bar.minimum(), bar.maximum(), bar.value()) == (0, 200, 200)
    # read without their facts but for the first rows drawn (a block of the rows in
    # order, read on the worker); those of the rows drawn later as they are drawn
    assert all(listing.has_facts(r) for r in page.model.records[:16])
    assert sum(map(listing.has_facts, page.model.records)) == 16
    shown = page.model.cell(0, cols.INDICATORS, Qt.ItemDataRole.DisplayRole)
    by_uuid = {r.uuid: dataclasses.replace(r, search_text="") for r in expected}
    first = page.proxy.row_at(0)
    assert first == by_uuid[first.uuid] and isinstance(shown, str)
    assert [page.proxy.row_at(r) for r in range(200)] == sorted(
        by_uuid.values(), key=lambda r: collation_key(r.title))


def test_a_big_lists_rows_on_screen_show_their_dates_and_budgets_once_loaded(
        qtbot: Any, big_page: ActivitiesPage, ctx: AppContext) -> None:
    """The dates and budgets are read with the facts of the rows drawn: a grab of the
    page as it says it has loaded shows them, and every row on screen, whatever the
    order, shows what the whole read has."""
    page = big_page
    expected = {r.uuid: r for r in activities.list_activities(ctx.db, ctx.year)}
    assert any(r.budget_vnd is not None for r in expected.values())
    assert not any(listing.has_facts(r) for r in page.model.records[16:])

    def on_screen() -> list[int]:
        height = page.table.viewport().height()
        first, last = page.table.rowAt(0), page.table.rowAt(height - 1)
        return list(range(first, (last if last >= 0 else page.proxy.rowCount() - 1) + 1))

    def check() -> None:
        rows = on_screen()
        assert len(rows) > 5
        for number in rows:
            row = expected[page.proxy.row_at(number).uuid]
            cells = [page.proxy.index(number, c).data() for c in (
                cols.START, cols.END, cols.BUDGET, cols.RECOMMENDATIONS)]
            lang = page.model.lang
            assert cells == [numbers.day(row.start_date, lang), numbers.day(row.end_date, lang),
                             numbers.amount(row.budget_vnd, lang),
                             ", ".join(row.recommendation_codes)]

    assert not page.grab().isNull()
    check()
    page.table.scrollToBottom()  # rows whose facts were not read: read as drawn
    check()
    with qtbot.waitSignal(page.loaded, timeout=20_000):  # every row's dates read first
        page.table.sortByColumn(cols.END, Qt.SortOrder.DescendingOrder)
    ends = [page.proxy.row_at(r).end_date for r in range(page.proxy.rowCount())]
    keys = [(end is None, end or date.min) for end in ends]
    assert keys == sorted(keys, reverse=True) and len(set(keys)) > 5
    page.table.scrollToTop()
    check()


def test_a_bulk_read_pauses_the_collector_until_the_last_one_ends(qtbot: Any) -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # reads on two threads overlap
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    seen: list[bool] = []
    bulk, plain = Reader(bulk=True), Reader()
    for reader in (bulk, plain):
        with qtbot.waitSignal(reader.done, timeout=10_000):
            reader.start(lambda: seen.append(gc.isenabled()))
    with qtbot.waitSignal(bulk.failed, timeout=10_000):
        bulk.start(lambda: 1 / 0)
    wait_for_reads()
    assert seen == [False, True] and gc.isenabled()


def test_a_bulk_read_untracks_its_plain_rows_as_it_goes(qtbot: Any) -> None:
    """Every UNTRACK_EVERY pieces the read's youngest objects are collected, so rows of
    plain values are no longer tracked long before the read ends."""
    made: list[list[tuple[str, int]]] = []
    untracked: list[bool] = []

    def pieces() -> Iterator[list[tuple[str, int]]]:
        for n in range(UNTRACK_EVERY + 1):
            if n == UNTRACK_EVERY:  # the reader has sent UNTRACK_EVERY pieces
                untracked.append(not any(gc.is_tracked(row) for p in made for row in p))
            piece = [(f"row {n}", number) for number in range(500)]
            assert all(gc.is_tracked(row) for row in piece)  # as every new tuple is
            made.append(piece)
            yield piece

    reader = Reader(bulk=True)
    with qtbot.waitSignal(reader.done, timeout=10_000):
        reader.start(pieces)
    wait_for_reads()
    assert untracked == [True]


def test_a_big_list_sorts_and_filters_on_a_worker(qtbot: Any, big_page: ActivitiesPage,
                                                  ctx: AppContext) -> None:
    page = big_page
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.table.sortByColumn(cols.BUDGET, Qt.SortOrder.DescendingOrder)
    budgets = [page.proxy.row_at(r).budget_vnd or -1 for r in range(page.proxy.rowCount())]
    assert budgets == sorted(budgets, reverse=True)

    texts = {r.uuid: r.search_text for r in activities.list_activities(ctx.db, ctx.year)}
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.search_edit.setText("tap huan")
    shown = {page.proxy.row_at(r).uuid for r in range(page.proxy.rowCount())}
    assert shown == {u for u, t in texts.items() if contains_folded(t, "tap huan")} != set()
    budgets = [page.proxy.row_at(r).budget_vnd or -1 for r in range(page.proxy.rowCount())]
    assert budgets == sorted(budgets, reverse=True)  # the filter keeps the order

    status = page.proxy.row_at(0).status
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.status_combo.setCurrentIndex(page.status_combo.findData(status))
    rows = [page.proxy.row_at(r) for r in range(page.proxy.rowCount())]
    assert rows and all(r.status == status and r.uuid in shown for r in rows)


def test_a_reload_of_a_big_list_keeps_the_filter_and_the_selection(
        qtbot: Any, big_page: ActivitiesPage, ctx: AppContext) -> None:
    page = big_page
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.search_edit.setText("tap huan")
    kept = page.proxy.row_at(2).uuid
    page.select_uuids({kept}, kept)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        ctx.data_changed.emit()
    assert page.proxy.rowCount() > 0 and page.selected_uuids() == [kept]
    assert page.model.rowCount() == 200  # swapped in whole, not doubled
