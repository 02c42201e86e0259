"""The activities list's filter: the rows that pass, as a list of the model's row numbers.

It is not a QSortFilterProxyModel: that one asks Python's filterAcceptsRow once per
row and rebuilds its mapping on every change, which over 100,000 rows stalls the window
for a quarter of a second per keystroke. It keeps
the list of the model's row numbers that pass (`decide`, a pure function that can run
on a worker) and shows them in the model's order. The rows the window lists carry no
search text: the page asks the database which rows a typed text finds
(`services.activities.matching_activities`) and hands the answer in with the text;
rows that carry their search text (as `list_activities` gives them) are matched here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from PySide6.QtCore import (
    QObject,
    Qt,
)

from desktop_app.core.domain.text import contains_folded, fold
from desktop_app.core.services import activity_listing as field
from desktop_app.core.services.activities import ActivityRow
from desktop_app.core.services.activity_listing import ActivityRecord, record_of
from desktop_app.ui.models.activity_table import ActivityTableModel, AnyIndex
from desktop_app.ui.models.proxies import ShownRows


@dataclass(frozen=True)
class Criteria:
    """What the filters ask for. `found`: the UUIDs the database found for `search`
    (None: match the rows' own search text)."""

    search: str = ""
    area: str | None = None
    task: str | None = None
    status: str | None = None
    type: str | None = None
    found: frozenset[str] | None = None

    def accepts(self, row: ActivityRecord) -> bool:
        """The whole rule for one row (its record)."""
        return ((self.area is None or row[field.AREA_CODE] == self.area)
                and (self.task is None or row[field.TASK_CODE] == self.task)
                and (self.status is None or row[field.STATUS] == self.status)
                and (self.type is None or row[field.TYPE] == self.type)
                and self._found(row))

    def _found(self, row: ActivityRecord) -> bool:
        if self.found is not None:
            return row[field.UUID] in self.found
        return contains_folded(row[field.SEARCH_TEXT], self.search)

    def searching(self) -> bool:
        return bool(fold(self.search).split())

    def is_quick(self) -> bool:
        """Whether deciding costs next to nothing: no choice made, and a typed text, if
        any, already answered by the database (a set look-up per row)."""
        return (self.area is None and self.task is None and self.status is None
                and self.type is None and (self.found is not None or not self.searching()))

    def decide(self, rows: Sequence[ActivityRecord], first: int = 0,
               stop: int | None = None) -> list[int]:
        """The numbers of the rows that pass, from `first` up to `stop`. Pure: it may run
        on a worker over a list the GUI thread only adds to."""
        numbers = range(first, len(rows) if stop is None else stop)
        if (self.area is None and self.task is None and self.status is None
                and self.type is None):
            if not self.searching():
                return list(numbers)
            if self.found is not None:
                found = self.found
                return [n for n in numbers if rows[n][field.UUID] in found]
        accepts = self.accepts
        return [n for n in numbers if accepts(rows[n])]


class ActivityFilterProxy(ShownRows):
    """Filter as you type (diacritics, case and tone placement ignored) plus four choices.

    Shows the model's rows that pass, in the model's order. The setters decide at once
    (over 100,000 rows that takes a moment: the page decides on a worker and hands the
    answer in with `show_decided`).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.criteria = Criteria()
        self._coming: tuple[list[ActivityRecord], Criteria, list[int]] | None = None

    def setSourceModel(self, model: Any) -> None:  # noqa: N802  (Qt's name)
        if not isinstance(model, ActivityTableModel):
            raise TypeError("ActivityFilterProxy filters an ActivityTableModel")
        self._attach(model)

    def sourceModel(self) -> ActivityTableModel:  # noqa: N802
        return self._source()

    def _source(self) -> ActivityTableModel:
        return cast(ActivityTableModel, self._shown_cells())

    # ---------------------------------------------------------------- the criteria

    @property
    def search(self) -> str:
        return self.criteria.search

    @property
    def area(self) -> str | None:
        return self.criteria.area

    @property
    def task(self) -> str | None:
        return self.criteria.task

    @property
    def status(self) -> str | None:
        return self.criteria.status

    @property
    def type(self) -> str | None:
        return self.criteria.type

    def set_search(self, text: str, found: frozenset[str] | None = None) -> None:
        """Filter by typed text; found: the UUIDs the database found for it."""
        self._set(Criteria(text.strip(), self.area, self.task, self.status, self.type, found))

    def set_area(self, code: str | None) -> None:
        self._set(self._with(area=code or None))

    def set_task(self, code: str | None) -> None:
        self._set(self._with(task=code or None))

    def set_status(self, value: str | None) -> None:
        self._set(self._with(status=value or None))

    def set_type(self, value: str | None) -> None:
        self._set(self._with(type=value or None))

    def _with(self, **changes: str | None) -> Criteria:
        c = self.criteria
        values = {"search": c.search, "area": c.area, "task": c.task, "status": c.status,
                  "type": c.type, **changes}
        return Criteria(values["search"] or "", values["area"], values["task"],
                        values["status"], values["type"], c.found)

    def _set(self, criteria: Criteria) -> None:
        if criteria == self.criteria:
            return
        self.show_decided(criteria, criteria.decide(self._source().records))

    def accepts(self, row: ActivityRow) -> bool:
        return self.criteria.accepts(record_of(row))

    def show_decided(self, criteria: Criteria, visible: list[int]) -> None:
        """Show the rows `criteria.decide` let through (decided over the current rows)."""
        self.beginResetModel()
        self.criteria = criteria
        self._visible = visible
        self._proxy_row = None
        self.endResetModel()

    # ---------------------------------------------------------------- following the model

    def expect_rows(self, rows: list[ActivityRecord], criteria: Criteria,
                    visible: list[int]) -> None:
        """What `criteria.decide(rows)` gives, worked out on a worker for the rows the
        model is about to take (a sort's, a reload's): its reset then shows that, where it
        would decide again over 100,000 rows on the GUI thread (~0.1 s once a choice is
        made). Taken only while the criteria are still those and the rows those rows."""
        self._coming = (rows, criteria, visible)

    def _source_reset(self) -> None:
        coming, self._coming = self._coming, None
        records = self._source().records
        if coming is not None and coming[0] is records and coming[1] == self.criteria:
            self._visible = coming[2]
        else:
            self._visible = self.criteria.decide(records)
        self._proxy_row = None
        self.endResetModel()

    def _source_appended(self, _parent: AnyIndex, first: int, _last: int) -> None:
        self._show_added(self.criteria.decide(self._source().records, first))

    # ---------------------------------------------------------------- sorting

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the model (see the module's note); `sorter` may do it on a worker."""
        if self.sorter is not None:
            self.sorter(column, order)
        else:
            self._source().sort(column, order)

    def sort_key(self, row: ActivityRow, column: int) -> Any:
        """The collation key the order follows for one row (for checks and tests)."""
        return self._source()._sort_key(column)(record_of(row))

    def row_at(self, proxy_row: int) -> ActivityRow:
        return self._source().row_at(self._visible[proxy_row])
