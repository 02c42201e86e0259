"""The Indicators page's fast path agrees with the page it replaced, on generated data.

The old page folded each row's text whole, filtered in a QSortFilterProxyModel (a Python
`filterAcceptsRow` per row: the state, then `contains_folded` over the folded text) and
sorted it by the model's SORT_ROLE values. Here: the search texts folded a part at a
time (`SearchTexts`), the filter's decision (`IndicatorCriteria.decide`) and the order
(`sort_order`) over plain records, and the page that works them out on workers and
streams the rows in, against the old rules written out below.
"""

from __future__ import annotations

import functools
from dataclasses import fields
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from desktop_app.core.domain.text import collation_key, contains_folded, fold
from desktop_app.core.services import overview
from desktop_app.core.services.overview import IndicatorRow, list_indicators
from desktop_app.ui import numbers
from desktop_app.ui.context import AppContext
from desktop_app.ui.models import indicator_table as table
from desktop_app.ui.models.indicator_table import (
    SHOW_ALL,
    SHOW_BELOW,
    SHOW_NO_RESULT,
    SHOW_ON_TRACK,
    IndicatorCriteria,
    IndicatorFilterProxy,
    IndicatorTableModel,
    SearchTexts,
    sort_order,
)
from desktop_app.ui.pages import indicators_page
from desktop_app.ui.pages.indicators_page import IndicatorsPage
from tests.ui.conftest import THIS_YEAR

# --- the old page's rules, as it had them -----------------------------------------------


def old_search_text(r: IndicatorRow) -> str:
    return fold(" ".join((r.activity_title, r.task_code, r.name, r.unit, r.note)))


def old_accepts(r: IndicatorRow, search: str, state: int) -> bool:
    if state != SHOW_ALL:
        wanted = {SHOW_ON_TRACK: True, SHOW_BELOW: False, SHOW_NO_RESULT: None}[state]
        if r.on_track is not wanted:
            return False
    return contains_folded(old_search_text(r), search.strip())


def old_sort_value(r: IndicatorRow, column: int) -> Any:
    m = IndicatorTableModel
    if column in m.NUMBERS:
        value = {m.BASELINE: r.baseline, m.TARGET: r.target, m.RESULT: r.result}[column]
        return (value is None, value or 0.0)
    if column == m.ON_TRACK:
        return {True: 0, False: 1, None: 2}[r.on_track]
    if column == m.DUE:
        return (r.due_date is None, r.due_date or date.min)
    shown = {m.ACTIVITY: r.activity_title or r.task_code, m.INDICATOR: r.name,
             m.UNIT: r.unit, m.NOTE: r.note}[column]
    return collation_key(shown)


def old_order(rows: list[IndicatorRow], column: int, order: Qt.SortOrder) -> list[int]:
    # QSortFilterProxyModel's sort is stable both ways, as sorted() is
    return sorted(range(len(rows)), key=lambda n: old_sort_value(rows[n], column),
                  reverse=order == Qt.SortOrder.DescendingOrder)


# --- generated rows ---------------------------------------------------------------------

# Vietnamese letters in both forms, stray combining marks, odd whitespace, đ, capitals.
_LETTERS = "aăâeêioôơuưy" + "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ" + "ĐđTtLlSsNn" + "ỷ" + "0123"
_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_SPACES = " \t\u00a0\u3000\n"
texts = st.text(alphabet=st.sampled_from(_LETTERS + _MARKS + _SPACES + "-,.%"), max_size=14)
small_texts = st.sampled_from(["", "Tỷ lệ", "ty le", "Số người", "SO NGUOI", "người",
                               "Ủy ban", "uy", " \u0301 ", "đ", "%"])
values = st.one_of(st.none(), st.sampled_from([0.0, 1.0, 2.5, 10.0, 75.5, -1.0]))


@st.composite
def rows(draw: st.DrawFn) -> IndicatorRow:
    text = st.one_of(texts, small_texts)
    of_activity = draw(st.booleans())
    return IndicatorRow(
        draw(st.uuids()).hex, draw(text), draw(text), draw(values),
        draw(st.sampled_from([0.0, 1.0, 2.5, 10.0, 75.5])), draw(values), draw(text),
        draw(st.one_of(st.none(), st.dates(date(2024, 1, 1), date(2026, 12, 31)))),
        draw(st.uuids()).hex if of_activity else None,
        draw(text) if of_activity else "", draw(st.sampled_from(["", "QD1252-T01", "T 2"])))


row_lists = st.lists(rows(), max_size=40)
searches = st.one_of(small_texts, texts)
states = st.sampled_from([SHOW_ALL, SHOW_ON_TRACK, SHOW_BELOW, SHOW_NO_RESULT])
columns = st.sampled_from(range(IndicatorTableModel.NOTE + 1))
orders = st.sampled_from([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])


def _records(picked: list[IndicatorRow]) -> list[Any]:
    return [tuple(getattr(r, f.name) for f in fields(IndicatorRow)) for r in picked]


def test_the_record_places_are_the_row_fields() -> None:
    names = [f.name for f in fields(IndicatorRow)]
    assert [names.index(n) for n in ("uuid", "name", "unit", "baseline", "target", "result",
                                     "note", "due_date", "activity_uuid", "activity_title",
                                     "task_code")] == [
        table.UUID, table.NAME, table.UNIT, table.BASELINE, table.TARGET, table.RESULT,
        table.NOTE, table.DUE_DATE, table.ACTIVITY_UUID, table.ACTIVITY_TITLE,
        table.TASK_CODE]


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(row_lists, max_size=4))
def test_the_texts_folded_by_parts_are_the_texts_folded_whole(
        pieces: list[list[IndicatorRow]]) -> None:
    folder = SearchTexts()  # one per read: its folded parts are shared across pieces
    for piece in pieces:
        assert folder(_records(piece)) == [old_search_text(r) for r in piece]


@settings(max_examples=150, deadline=None)
@given(picked=row_lists, search=searches, state=states, data=st.data())
def test_the_decision_is_the_old_filter(picked: list[IndicatorRow], search: str, state: int,
                                        data: st.DataObject) -> None:
    records = _records(picked)
    texts_ = SearchTexts()(records)
    criteria = IndicatorCriteria(search.strip(), state)
    expected = [n for n, r in enumerate(picked) if old_accepts(r, search, state)]
    assert criteria.decide(records, texts_) == expected
    first = data.draw(st.integers(0, len(picked)))
    assert criteria.decide(records, texts_, first) == [n for n in expected if n >= first]
    assert [criteria.accepts(records[n], texts_[n]) for n in range(len(picked))] == [
        n in expected for n in range(len(picked))]


@settings(max_examples=150, deadline=None)
@given(picked=row_lists, column=columns, order=orders)
def test_the_order_is_the_old_sort(picked: list[IndicatorRow], column: int,
                                   order: Qt.SortOrder) -> None:
    assert sort_order(_records(picked), column, order) == old_order(picked, column, order)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(picked=row_lists, search=searches, state=states, column=columns, order=orders)
def test_the_proxy_shows_the_old_pages_rows_in_its_order(
        qapp: Any, picked: list[IndicatorRow], search: str, state: int, column: int,
        order: Qt.SortOrder) -> None:
    model = IndicatorTableModel("vi")
    proxy = IndicatorFilterProxy()
    proxy.setSourceModel(model)
    model.set_rows(picked)
    proxy.set_search(search)
    proxy.set_state(state)
    proxy.sort(column, order)
    shown = [proxy.mapToSource(proxy.index(n, 0)).row() for n in range(proxy.rowCount())]
    assert shown == [n for n in old_order(picked, column, order)
                     if old_accepts(picked[n], search, state)]
    for n in range(proxy.rowCount()):  # what each cell says, as the old model said it
        r = picked[shown[n]]
        assert proxy.index(n, IndicatorTableModel.RESULT).data() == numbers.value(r.result, "vi")
        assert proxy.index(n, IndicatorTableModel.ACTIVITY).data() == (
            r.activity_title or r.task_code)
        assert proxy.mapFromSource(model.index(shown[n], 0)).row() == n
    proxy.sort(-1, Qt.SortOrder.AscendingOrder)  # back to the model's order
    assert [proxy.mapToSource(proxy.index(n, 0)).row() for n in range(proxy.rowCount())] \
        == sorted(shown)


# --- the page on its workers --------------------------------------------------------------


@pytest.fixture
def streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page reads, filters and sorts as it does at 100,000: on workers, the rows
    streamed in pieces of 17, each added as it comes."""
    monkeypatch.setattr(IndicatorsPage, "_small", lambda _self: False)
    monkeypatch.setattr(IndicatorsPage, "SMALL", 0)
    monkeypatch.setattr(IndicatorsPage, "APPEND_EVERY_S", 0.0)
    monkeypatch.setattr(indicators_page, "indicator_records",
                        functools.partial(overview.indicator_records, chunk=17))


def _shown(page: IndicatorsPage) -> list[IndicatorRow]:
    return [page.model.row(page.proxy.mapToSource(page.proxy.index(n, 0)).row())
            for n in range(page.proxy.rowCount())]


def test_the_page_on_workers_shows_what_the_old_page_showed(
        qtbot: Any, ctx: AppContext, streamed: None) -> None:
    page = IndicatorsPage(ctx)
    qtbot.addWidget(page)
    added: list[int] = []
    page.proxy.rowsInserted.connect(lambda _p, first, last: added.append(last - first + 1))
    page.show()
    assert page.loading_bar.isVisibleTo(page)
    qtbot.waitUntil(page.is_loaded)
    expected = list_indicators(ctx.db, THIS_YEAR)
    assert _shown(page) == expected and len(expected) > 100
    assert len(added) > 3  # streamed in, piece by piece
    assert not page.loading_bar.isVisibleTo(page)

    page.filter_edit.setText("so nguoi")
    qtbot.waitUntil(page.is_loaded)
    assert _shown(page) == [r for r in expected if old_accepts(r, "so nguoi", SHOW_ALL)] != []
    page.show_combo.setCurrentIndex(SHOW_ON_TRACK)
    qtbot.waitUntil(page.is_loaded)
    wanted = [n for n, r in enumerate(expected) if old_accepts(r, "so nguoi", SHOW_ON_TRACK)]
    assert _shown(page) == [expected[n] for n in wanted] != []
    page.table.sortByColumn(IndicatorTableModel.RESULT, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(page.is_loaded)
    in_order = old_order(expected, IndicatorTableModel.RESULT, Qt.SortOrder.DescendingOrder)
    assert _shown(page) == [expected[n] for n in in_order if n in wanted]
    assert page.count_label.text().startswith(f"{len(wanted)} ")

    # a reload (data changed) swaps the rows in whole, filtered, in order, the current
    # indicator kept current
    current = _shown(page)[1]
    assert page.select_indicator(current.uuid)
    ctx.data_changed.emit()
    qtbot.waitUntil(page.is_loaded)
    assert _shown(page) == [expected[n] for n in in_order if n in wanted]
    assert page.current_row() == current

    # typing on while an answer is being worked out: the last text wins
    for text in ("s", "so", "so ng", ""):
        page.filter_edit.setText(text)
    qtbot.waitUntil(page.is_loaded)
    assert page.proxy.search == "" and page.proxy.state == SHOW_ON_TRACK
    assert _shown(page) == [expected[n] for n in in_order if expected[n].on_track]


def test_another_period_streams_in_from_an_empty_list(
        qtbot: Any, ctx: AppContext, streamed: None) -> None:
    page = IndicatorsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.is_loaded)
    assert page.model.rowCount() > 0
    ctx.set_year(THIS_YEAR - 1)
    assert page.model.rowCount() == 0  # not the other period's rows meanwhile
    qtbot.waitUntil(page.is_loaded)
    assert _shown(page) == list_indicators(ctx.db, THIS_YEAR - 1)
    assert str(THIS_YEAR - 1) in page.heading.text()


def test_a_reload_swapped_in_while_the_filter_changes_shows_the_new_rows(
        qtbot: Any, ctx: AppContext, streamed: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows of a reload wait for a worker to filter them; typing meanwhile (even back
    to the same text) filters the new rows, never leaving the old ones on screen."""
    import sqlite3
    import time
    from contextlib import closing

    page = IndicatorsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(page.is_loaded)
    page.filter_edit.setText("so nguoi")
    qtbot.waitUntil(page.is_loaded)
    changed = next(r for r in _shown(page) if r.result is not None)
    with closing(sqlite3.connect(ctx.db.path)) as connection, connection:
        connection.execute("UPDATE result SET value = 4242.0 WHERE indicator_id = "
                           "(SELECT id FROM indicator WHERE uuid = ?)", (changed.uuid,))

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)  # the worker's answer comes after the person has typed on
        return table.arrange(*args, **kwargs)

    monkeypatch.setattr(indicators_page, "arrange", slow)
    ctx.data_changed.emit()
    qtbot.waitUntil(lambda: not page.rows_reader.busy())
    page.filter_edit.setText("so")
    page.filter_edit.setText("so nguoi")
    qtbot.waitUntil(page.is_loaded)
    expected = [r for r in list_indicators(ctx.db, THIS_YEAR)
                if old_accepts(r, "so nguoi", SHOW_ALL)]
    assert _shown(page) == expected
    assert next(r for r in _shown(page) if r.uuid == changed.uuid).result == 4242.0
