"""The selection of a table shown through a sorting and filtering proxy, in the source's
terms: which source row is selected, and selecting the row whose cell holds a value."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel
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
    """Select the first row shown whose cell in `column` displays `value`; False if none."""
    for row in range(proxy.rowCount()):
        if proxy.index(row, column).data() == value:
            table.selectRow(row)
            return True
    return False
