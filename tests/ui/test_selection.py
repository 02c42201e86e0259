"""A table's selection through a sorting proxy, in the source model's rows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop_app.ui.widgets.selection import select_where, selected_source_row


def _table(qtbot: Any) -> tuple[QTableView, QSortFilterProxyModel]:
    source = QStandardItemModel()
    for code in ("CO3-A", "CO3-C", "CO3-B"):
        source.appendRow([QStandardItem(code), QStandardItem(code.lower())])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(source)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)  # shown C, B, A: no row where it is held
    table = QTableView()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setModel(proxy)
    qtbot.addWidget(table)
    return table, proxy


def test_the_selected_row_is_the_sources_row_under_the_sort(qtbot: Any) -> None:
    table, proxy = _table(qtbot)
    assert selected_source_row(table, proxy) is None  # nothing selected yet
    assert select_where(table, proxy, 0, "CO3-B")
    assert table.selectionModel().selectedRows()[0].row() == 1  # shown second
    assert selected_source_row(table, proxy) == 2  # held third
    assert select_where(table, proxy, 1, "co3-c") and selected_source_row(table, proxy) == 1


def test_a_value_not_shown_selects_nothing_new(qtbot: Any) -> None:
    table, proxy = _table(qtbot)
    assert select_where(table, proxy, 0, "CO3-A")
    proxy.setFilterFixedString("CO3-C")  # A and B filtered out
    assert not select_where(table, proxy, 0, "CO3-B")
    assert selected_source_row(table, proxy) in (None, 1)  # never a hidden row


def test_a_row_selected_while_ctrl_is_held_is_selected_alone(qtbot: Any) -> None:
    """The row goes in alone even when the application last saw Ctrl held."""
    table, proxy = _table(qtbot)
    assert select_where(table, proxy, 0, "CO3-B")
    qtbot.keyPress(table, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
    try:
        assert select_where(table, proxy, 0, "CO3-C")
        assert [i.row() for i in table.selectionModel().selectedRows()] == [0]
        assert selected_source_row(table, proxy) == 1
    finally:
        qtbot.keyRelease(table, Qt.Key.Key_Control)
