"""Small read-only tables over plain rows: a Line per row, a thin model, a view.

The pages' lists (tasks, indicators with no result, agencies not reported, counts per
period, the import log) are Lines in a LinesModel shown by `lines_table`: no item
widgets, and a long list is made a Line at a time, when the view asks for its row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

T = TypeVar("T")

_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _FONT, _FOREGROUND, _ALIGNMENT})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Line:
    """One row of a small read-only table: its cells and how to show them."""

    cells: tuple[str, ...]
    tooltip: str = ""
    bold: bool = False
    color: QColor | None = None


class LinesModel(QAbstractTableModel):
    """A thin table model over Lines, for the page's lists (no item widgets).

    A list that can be long (30,000 indicators with no result) is given as items and
    the way to make a Line of one (`set_items`): a Line is made when the view asks for
    its row, not all of them while the page is shown.
    """

    def __init__(self, columns: int, right_aligned: tuple[int, ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = [""] * columns
        self._right = right_aligned
        self._items: Sequence[Any] = []
        self._make: Callable[[Any], Line] = _as_line
        self._made: dict[int, Line] = {}

    def set_headers(self, headers: list[str]) -> None:
        if headers == self._headers:
            return
        self._headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)

    def set_lines(self, lines: list[Line]) -> None:
        self.set_items(lines, _as_line)

    def set_items(self, items: Sequence[T], make: Callable[[T], Line]) -> None:
        self.beginResetModel()
        self._items, self._make, self._made = items, make, {}
        self.endResetModel()

    def line(self, row: int) -> Line:
        made = self._made.get(row)
        if made is None:
            made = self._made[row] = self._make(self._items[row])
        return made

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks a dozen roles of every cell it sizes and draws, most of them none
        # of these: those are answered before any other work (the overview's tables,
        # sized to their contents, ask ~5,000 times before the first paint).
        if role not in _ROLES or not index.isValid():
            return None
        line = self.line(index.row())
        if role == _DISPLAY:
            return line.cells[index.column()]
        if role == _TOOLTIP:
            return line.tooltip or line.cells[index.column()]
        if role == _FONT:
            if not line.bold:
                return None
            font = QFont()
            font.setBold(True)
            return font
        if role == _FOREGROUND:
            return line.color
        return _RIGHT if index.column() in self._right else None


def _as_line(line: Line) -> Line:
    return line


def lines_table(model: LinesModel, stretch: int,
                widths: dict[int, int] | None = None) -> QTableView:
    """A small read-only table; given widths, its columns keep them (a long list)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    header = view.horizontalHeader()
    if widths is None:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in widths.items():
            view.setColumnWidth(column, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
