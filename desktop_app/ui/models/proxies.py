"""The filter-and-sort proxy the list pages share."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QWidget

from desktop_app.core.domain.text import contains_folded

# Models answer this role with a value that sorts the column the Vietnamese way.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


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
