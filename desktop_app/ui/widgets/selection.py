"""The selection of a table shown through a sorting and filtering proxy, in the source's
terms: which source row is selected, and selecting the row whose cell holds a value."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel
from PySide6.QtWidgets import QTableView


def selected_source_row(table: QTableView, proxy: QSortFilterProxyModel) -> int | None:
    """The source model's row of the first selected row, or None when none is."""
    selection = table.selectionModel()
    rows = selection.selectedRows() if selection else []
    if not rows:
        return None
    return proxy.mapToSource(rows[0]).row()


def select_where(table: QTableView, proxy: QSortFilterProxyModel, column: int,
                 value: object) -> bool:
    """Select the first row shown whose cell in `column` displays `value`, alone (and
    make it current); False if none. Not QTableView.selectRow, which in a table that
    selects several rows adds the row to the selection while a Ctrl or Shift key is
    held, or the application last saw one held (seen once in the suite: the test's
    table then held two rows)."""
    selection = table.selectionModel()
    for row in range(proxy.rowCount()):
        if proxy.index(row, column).data() == value and selection is not None:
            flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
            selection.setCurrentIndex(proxy.index(row, 0), flags)
            return True
    return False
