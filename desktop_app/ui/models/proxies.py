"""The filter-and-sort proxies the list pages share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from desktop_app.core.domain.text import contains_folded

# Models answer this role with a value that sorts the column the Vietnamese way.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def answered_roles(*roles: Qt.ItemDataRole | int) -> frozenset[int]:
    """The roles a model's data() answers in some column, as the numbers the view asks
    with: a view asks a dozen roles of every cell it sizes and draws, and data() answers
    the others (None) before any other work (`role not in ROLES`)."""
    return frozenset(int(role) for role in roles)


class SearchProxy(QSortFilterProxyModel):
    """Filters as the person types (any diacritics, word starts) and sorts by SORT_ROLE.

    The source model gives each row's folded text through search_text(row);
    subclasses add their own criteria in filterAcceptsRow and call accepts_search.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = ""
        self.setSortRole(SORT_ROLE)

    def set_search(self, text: str) -> None:
        self._set("search", text.strip())

    def _set(self, name: str, value: object) -> None:
        if getattr(self, name) == value:
            return
        self.beginFilterChange()
        setattr(self, name, value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts_search(self, source_row: int) -> bool:
        model: Any = self.sourceModel()
        return contains_folded(model.search_text(source_row), self.search)

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        return self.accepts_search(source_row)

    def lessThan(self, left: Any, right: Any) -> bool:
        return bool(left.data(SORT_ROLE) < right.data(SORT_ROLE))


AnyIndex = QModelIndex | QPersistentModelIndex


class Cells(Protocol):
    """A list's model as `ShownRows` reads it: each row's cells by its number."""

    def cell(self, number: int, column: int, role: int) -> Any: ...
    def columnCount(self, parent: AnyIndex = ...) -> int: ...  # noqa: N802
    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = ...) -> Any: ...
    def index(self, row: int, column: int, parent: AnyIndex = ...) -> QModelIndex: ...


class ShownRows(QAbstractTableModel):
    """Some of a model's rows, in an order of their own: the rows a filter lets through
    and a sort arranges, worked out elsewhere (on a worker, over plain lists) and handed
    in as the model's row numbers (`_visible`). Not a QSortFilterProxyModel: that one
    asks a Python `filterAcceptsRow` of every row at every keystroke and a Python
    `lessThan` n log n times for a sort (~1 s of the GUI thread over 100,000 rows).

    A subclass takes its model in `setSourceModel` (`_attach`) and says what follows the
    model's resets and additions (`_source_reset`, `_source_appended`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cells: Cells | None = None
        self._visible: list[int] = []
        self._proxy_row: dict[int, int] | None = None
        self.sorter: Callable[[int, Qt.SortOrder], None] | None = None

    def _attach(self, model: QAbstractTableModel) -> None:
        self._cells = cast(Cells, model)
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.rowsInserted.connect(self._source_appended)
        model.dataChanged.connect(self._source_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        self.beginResetModel()
        self._source_reset()

    def _source_reset(self) -> None:
        raise NotImplementedError

    def _source_appended(self, _parent: AnyIndex, first: int, last: int) -> None:
        raise NotImplementedError

    def _show_added(self, added: list[int]) -> None:
        """The model's rows ``added`` (their numbers) shown after those shown already."""
        if added:
            start = len(self._visible)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            self._visible.extend(added)
            self._proxy_row = None
            self.endInsertRows()

    def _source_changed(self, *_: Any) -> None:
        if self._visible:  # a row's facts or the language: every cell shown may change
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1,
                                                               self.columnCount() - 1))

    def _shown_cells(self) -> Cells:
        if self._cells is None:
            raise RuntimeError("no source model yet")
        return self._cells

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or self._cells is None else self._cells.columnCount()

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._shown_cells().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self._shown_cells().cell(self._visible[index.row()], index.column(), role)

    def multiData(self, index: AnyIndex,  # noqa: N802
                  roles: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a view asks of one cell in one call. The delegate asks some eight
        roles per cell; one Python call each means one taking of the GIL each, and
        while a worker runs Python the GUI thread waits for it every time."""
        if not index.isValid():
            return
        model, number, column = self._shown_cells(), self._visible[index.row()], index.column()
        # The stubs miss that a span iterates over its QModelRoleData.
        asked_for = cast(Iterable[QModelRoleData], roles) if isinstance(
            roles, QModelRoleDataSpan) else (roles,)
        for asked in asked_for:
            asked.setData(model.cell(number, column, asked.role()))

    def mapToSource(self, index: AnyIndex) -> QModelIndex:  # noqa: N802
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return QModelIndex()
        return self._shown_cells().index(self._visible[index.row()], index.column())

    def mapFromSource(self, index: AnyIndex) -> QModelIndex:  # noqa: N802
        if not index.isValid():
            return QModelIndex()
        if self._proxy_row is None:
            self._proxy_row = {number: row for row, number in enumerate(self._visible)}
        row = self._proxy_row.get(index.row())
        return QModelIndex() if row is None else self.index(row, index.column())
