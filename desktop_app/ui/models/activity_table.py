"""The activities list as a thin table model over core ActivityRow objects, and its filter.

Built for 100,000 rows. The model keeps the rows the core returns and answers data()
from them; rows can arrive in pieces (`append_rows`) while a worker reads them.
Sorting compares ranks worked out once per column with the core's Vietnamese
collation, and the ranks can be worked out on a worker (`ranks_for`, then
`sort_by_ranks`): a Python lessThan called by a QSortFilterProxyModel for each of its
~300,000 comparisons took four seconds over 20,000 rows, so the model sorts itself.

The filter (`ActivityFilterProxy`) is not a QSortFilterProxyModel either: that one asks
Python's filterAcceptsRow once per row and rebuilds its mapping on every change, which
over 100,000 rows stalls the window for a quarter of a second per keystroke. It keeps
the list of the model's row numbers that pass (`decide`, a pure function that can run
on a worker) and shows them in the model's order. The rows the window lists carry no
search text: the page asks the database which rows a typed text finds
(`services.activities.matching_activities`) and hands the answer in with the text;
rows that carry their search text (as `list_activities` gives them) are matched here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop_app.core.domain.enums import ActivityStatus
from desktop_app.core.domain.text import collation_key, contains_folded, fold
from desktop_app.core.services.activities import ActivityRow
from desktop_app.ui.labels import group_thousands, status_names, type_names
from desktop_app.ui.loading import ordered

TITLE, TASK, AREA, TYPE, STATUS, START, END, BUDGET, RECOMMENDATIONS, INDICATORS = range(10)
COLUMN_COUNT = 10

SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex

_STATUS_ORDER = {status.value: rank for rank, status in enumerate(ActivityStatus)}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class ActivityTableModel(QAbstractTableModel):
    """One row per activity; DisplayRole text, ToolTipRole detail, SORT_ROLE a rank."""

    def __init__(self, lang: str = "vi", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ActivityRow] = []
        self.lang = lang
        self._area_titles: dict[str, str] = {}
        self._types = type_names()
        self._statuses = status_names()
        self._ranks: dict[int, list[int]] = {}
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None

    # ---------------------------------------------------------------- contents

    def set_rows(self, rows: list[ActivityRow],
                 ranks: Sequence[int] | None = None) -> None:
        """Replace all rows, keeping the current sort order (ranks: the sorted column's,
        worked out by `ranks_for` for these rows, on a worker)."""
        self.beginResetModel()
        self.rows = list(rows)
        self._ranks.clear()
        if self._sorted_by is not None:
            if ranks is not None:
                self._ranks[self._sorted_by[0]] = list(ranks)
            self._reorder(self._order(*self._sorted_by))
        self.endResetModel()

    def append_rows(self, rows: Sequence[ActivityRow]) -> None:
        """Add rows at the end as they are read (in the order they come; `sort_by_ranks`
        puts them in order once all are in)."""
        if not rows:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self._ranks.clear()
        self.endInsertRows()

    def sorted_by(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sorted_by

    def expect_sort(self, column: int, order: Qt.SortOrder) -> None:
        """The order asked for, before it is worked out (rows set meanwhile follow it)."""
        self._sorted_by = (column, order)

    def has_ranks(self, column: int) -> bool:
        return column in self._ranks

    def set_area_titles(self, titles: dict[str, str]) -> None:
        """Area code -> title in the UI language (the rows carry only the code)."""
        self._area_titles = dict(titles)
        self._ranks.pop(AREA, None)
        self._changed_all()

    def set_language(self, lang: str) -> None:
        """Budgets are grouped by the language's convention; type/status names re-read."""
        self.lang = lang
        self._types, self._statuses = type_names(), status_names()
        self._ranks.pop(TYPE, None)
        self._changed_all()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)

    def _changed_all(self) -> None:
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, COLUMN_COUNT - 1))

    def row_at(self, row: int) -> ActivityRow:
        return self.rows[row]

    def row_of_uuid(self, uuid: str) -> int | None:
        for number, row in enumerate(self.rows):
            if row.uuid == uuid:
                return number
        return None

    # ---------------------------------------------------------------- Qt model

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section] if 0 <= section < COLUMN_COUNT else None
        if role == Qt.ItemDataRole.ToolTipRole and section == INDICATORS:
            return self.tr("Indicators with a result / all indicators")
        return None

    def headers(self) -> list[str]:
        return [self.tr("Title"), self.tr("Task"), self.tr("Area"), self.tr("Type"),
                self.tr("Status"), self.tr("Start"), self.tr("End"), self.tr("Budget (VND)"),
                self.tr("Recommendations"), self.tr("Results")]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        return self.cell(index.row(), column, role)

    def cell(self, number: int, column: int, role: int) -> Any:
        """data() for row `number` of the model (the filter asks this way, without an index)."""
        row = self.rows[number]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == SORT_ROLE:
            return self.sort_ranks(column)[number]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (BUDGET, INDICATORS):
            return _RIGHT
        return None

    def _display(self, row: ActivityRow, column: int) -> str:
        if column == TITLE:
            return row.title
        if column == TASK:
            return row.task_code
        if column == AREA:
            return self._area_titles.get(row.area_code, row.area_code)
        if column == TYPE:
            return self._types.get(row.type, row.type)
        if column == STATUS:
            return self._statuses.get(row.status, row.status)
        if column == START:
            return format_date(row.start_date)
        if column == END:
            return format_date(row.end_date)
        if column == BUDGET:
            return "" if row.budget_vnd is None else group_thousands(row.budget_vnd, self.lang)
        if column == RECOMMENDATIONS:
            return ", ".join(row.recommendation_codes)
        if column == INDICATORS:
            return f"{row.results}/{row.indicators}" if row.indicators else ""
        return ""

    def _tooltip(self, row: ActivityRow, column: int) -> str:
        if column == TASK:
            title = row.task_title_vi if self.lang == "vi" else row.task_title_en
            return f"{row.task_code} — {title}"
        if column == AREA:
            return row.area_code
        return self._display(row, column)

    # ---------------------------------------------------------------- sorting

    def sort_ranks(self, column: int) -> list[int]:
        """Each row's place in the column's order, worked out once per column and rows."""
        ranks = self._ranks.get(column)
        if ranks is None:
            ranks = self._ranks[column] = self.ranks_for(column, self.rows)
        return ranks

    def ranks_for(self, column: int, rows: Sequence[ActivityRow]) -> list[int]:
        """Each of rows' place in the column's order. Reads only rows and the model's
        words, so it may run on a worker while the rows stay as they are."""
        # Titles repeat (the same training held by many units): each text's key is
        # worked out once, and equal keys are one object, not one per row.
        known: dict[str, Any] = {}

        def collate(text: str) -> Any:
            found = known.get(text)
            if found is None:
                found = known[text] = collation_key(text)
            return found

        key = self._sort_key(column, collate)
        keys = [key(row) for row in rows]
        ranks = [0] * len(keys)
        for place, number in enumerate(ordered(keys)):
            ranks[number] = place
        return ranks

    def in_order(self, rows: list[ActivityRow], column: int,
                 order: Qt.SortOrder) -> list[ActivityRow]:
        """rows sorted by the column (pure like `ranks_for`: a worker's job), for
        `set_sorted_rows`."""
        ranks = self.ranks_for(column, rows)
        return [rows[number] for number in _inverse(ranks, order)]

    def set_sorted_rows(self, rows: list[ActivityRow], column: int,
                        order: Qt.SortOrder) -> None:
        """Replace all rows with rows already sorted by (column, order) (`in_order`):
        nothing is sorted on the GUI thread."""
        self.beginResetModel()
        self.rows = rows
        self._sorted_by = (column, order)
        places = range(len(rows))
        self._ranks = {column: list(places if order == Qt.SortOrder.AscendingOrder
                                    else reversed(places))}
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows as a model reset; views keep their selection by UUID.

        Not a layout change: in PySide6 6.12, emitting layoutAboutToBeChanged/layoutChanged
        from Python drops a reference to True each time, and persistentIndexList /
        changePersistentIndexList one to None, until the interpreter aborts.
        """
        if not 0 <= column < COLUMN_COUNT:
            return
        self._sorted_by = (column, order)
        self.beginResetModel()
        self._reorder(self._order(column, order))
        self.endResetModel()

    def _order(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Current row numbers in their new order."""
        return _inverse(self.sort_ranks(column), order)

    def _reorder(self, moved_from: list[int]) -> None:
        self.rows = [self.rows[i] for i in moved_from]
        for column, ranks in self._ranks.items():
            self._ranks[column] = [ranks[i] for i in moved_from]

    def _sort_key(self, column: int, collate: Callable[[str], Any] = collation_key
                  ) -> Callable[[ActivityRow], Any]:
        if column == TITLE:
            return lambda r: collate(r.title)
        if column == TASK:
            return lambda r: collate(r.task_code)
        if column == AREA:
            return lambda r: collate(self._area_titles.get(r.area_code, r.area_code))
        if column == TYPE:
            return lambda r: collate(self._types.get(r.type, r.type))
        if column == STATUS:
            return lambda r: _STATUS_ORDER.get(r.status, len(_STATUS_ORDER))
        if column == START:
            return lambda r: (r.start_date is None, r.start_date or date.min)
        if column == END:
            return lambda r: (r.end_date is None, r.end_date or date.min)
        if column == BUDGET:
            return lambda r: -1 if r.budget_vnd is None else r.budget_vnd
        if column == RECOMMENDATIONS:
            return lambda r: r.recommendation_codes
        return lambda r: (r.indicators, r.results)


def _inverse(ranks: Sequence[int], order: Qt.SortOrder) -> list[int]:
    """Row numbers in the order their ranks (0..n-1, each once) give: no sorting."""
    numbers = [0] * len(ranks)
    for number, rank in enumerate(ranks):
        numbers[rank] = number
    if order == Qt.SortOrder.DescendingOrder:
        numbers.reverse()
    return numbers


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

    def accepts(self, row: ActivityRow) -> bool:
        """The whole rule for one row."""
        return ((self.area is None or row.area_code == self.area)
                and (self.task is None or row.task_code == self.task)
                and (self.status is None or row.status == self.status)
                and (self.type is None or row.type == self.type)
                and self._found(row))

    def _found(self, row: ActivityRow) -> bool:
        if self.found is not None:
            return row.uuid in self.found
        return contains_folded(row.search_text, self.search)

    def searching(self) -> bool:
        return bool(fold(self.search).split())

    def decide(self, rows: Sequence[ActivityRow], first: int = 0,
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
                return [n for n in numbers if rows[n].uuid in found]
        accepts = self.accepts
        return [n for n in numbers if accepts(rows[n])]


class ActivityFilterProxy(QAbstractTableModel):
    """Filter as you type (diacritics, case and tone placement ignored) plus four choices.

    Shows the model's rows that pass, in the model's order. The setters decide at once
    (over 100,000 rows that takes a moment: the page decides on a worker and hands the
    answer in with `show_decided`).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.criteria = Criteria()
        self._model: ActivityTableModel | None = None
        self._visible: list[int] = []
        self._proxy_row: dict[int, int] | None = None
        self.sorter: Callable[[int, Qt.SortOrder], None] | None = None

    def setSourceModel(self, model: Any) -> None:  # noqa: N802  (Qt's name)
        if not isinstance(model, ActivityTableModel):
            raise TypeError("ActivityFilterProxy filters an ActivityTableModel")
        self._model = model
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.rowsInserted.connect(self._source_appended)
        model.dataChanged.connect(self._source_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        self.beginResetModel()
        self._source_reset()

    def sourceModel(self) -> ActivityTableModel:  # noqa: N802
        return self._source()

    def _source(self) -> ActivityTableModel:
        if self._model is None:
            raise RuntimeError("no source model yet")
        return self._model

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
        self.show_decided(criteria, criteria.decide(self._source().rows))

    def accepts(self, row: ActivityRow) -> bool:
        return self.criteria.accepts(row)

    def show_decided(self, criteria: Criteria, visible: list[int]) -> None:
        """Show the rows `criteria.decide` let through (decided over the current rows)."""
        self.beginResetModel()
        self.criteria = criteria
        self._visible = visible
        self._proxy_row = None
        self.endResetModel()

    # ---------------------------------------------------------------- following the model

    def _source_reset(self) -> None:
        self._visible = self.criteria.decide(self._source().rows)
        self._proxy_row = None
        self.endResetModel()

    def _source_appended(self, _parent: AnyIndex, first: int, _last: int) -> None:
        added = self.criteria.decide(self._source().rows, first)
        if added:
            start = len(self._visible)
            self.beginInsertRows(QModelIndex(), start, start + len(added) - 1)
            self._visible.extend(added)
            self._proxy_row = None
            self.endInsertRows()

    def _source_changed(self, *_: Any) -> None:
        if self._visible:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._visible) - 1, COLUMN_COUNT - 1))

    # ---------------------------------------------------------------- Qt model

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self._source().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self._source().cell(self._visible[index.row()], index.column(), role)

    def multiData(self, index: AnyIndex,  # noqa: N802
                  roles: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a view asks of one cell in one call. The delegate asks some eight
        roles per cell; one Python call each means one taking of the GIL each, and
        while a worker runs Python the GUI thread waits for it every time."""
        if not index.isValid():
            return
        model, number, column = self._source(), self._visible[index.row()], index.column()
        # The stubs miss that a span iterates over its QModelRoleData.
        asked_for = cast(Iterable[QModelRoleData], roles) if isinstance(
            roles, QModelRoleDataSpan) else (roles,)
        for asked in asked_for:
            asked.setData(model.cell(number, column, asked.role()))

    def mapToSource(self, index: AnyIndex) -> QModelIndex:  # noqa: N802
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return QModelIndex()
        return self._source().index(self._visible[index.row()], index.column())

    def mapFromSource(self, index: AnyIndex) -> QModelIndex:  # noqa: N802
        if not index.isValid():
            return QModelIndex()
        if self._proxy_row is None:
            self._proxy_row = {number: row for row, number in enumerate(self._visible)}
        row = self._proxy_row.get(index.row())
        return QModelIndex() if row is None else self.index(row, index.column())

    # ---------------------------------------------------------------- sorting

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the model (see the module's note); `sorter` may do it on a worker."""
        if self.sorter is not None:
            self.sorter(column, order)
        else:
            self._source().sort(column, order)

    def sort_key(self, row: ActivityRow, column: int) -> Any:
        """The collation key the order follows for one row (for checks and tests)."""
        return self._source()._sort_key(column)(row)

    def row_at(self, proxy_row: int) -> ActivityRow:
        return self._source().row_at(self._visible[proxy_row])
