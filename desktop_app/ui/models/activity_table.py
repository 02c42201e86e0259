"""The activities list as a thin table model over the core's activity records.

Built for 100,000 rows. The model keeps the records the core returns (plain tuples of
an ActivityRow's values: see `services/activity_listing.py` for why not objects) and
answers data() from them; `rows` and `row_at` give them as ActivityRow. Records can
arrive in pieces (`append_rows`) while a worker reads them. A long list's records come
without their facts (dates, budget, recommendations' codes, indicator counts:
`activity_records`); the model reads those of the rows it is asked to show, a block at
a time, through `facts_reader` (a few milliseconds for a screenful), and those of all
rows before it sorts by one of them. Every cell of those columns, their tooltips and
`row_at` (the rows handed to dialogs and actions) come completed.
Sorting compares ranks worked out once per column with the core's Vietnamese
collation, and the sorted rows can be worked out on a worker (`in_order`, then
`set_sorted_rows`): a Python lessThan called by a QSortFilterProxyModel for each of its
~300,000 comparisons took four seconds over 20,000 rows, so the model sorts itself.
The filter in front of it is `activity_filter.py`.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from datetime import date
from itertools import chain
from operator import itemgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop_app.core.domain.enums import ActivityStatus
from desktop_app.core.domain.text import collation_key
from desktop_app.core.problems import NapError
from desktop_app.core.services import activity_listing as field
from desktop_app.core.services.activities import ActivityRow
from desktop_app.core.services.activity_listing import (
    ActivityRecord,
    Facts,
    has_facts,
    record_of,
    row_of,
    with_facts,
)
from desktop_app.ui import numbers
from desktop_app.ui.labels import status_names, type_names

TITLE, TASK, AREA, TYPE, STATUS, START, END, BUDGET, RECOMMENDATIONS, INDICATORS = range(10)
COLUMN_COUNT = 10

SORT_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex

_STATUS_ORDER = {status.value: rank for rank, status in enumerate(ActivityStatus)}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ActivityTableModel(QAbstractTableModel):
    """One row per activity; DisplayRole text, ToolTipRole detail, SORT_ROLE a rank."""

    def __init__(self, lang: str = "vi", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.records: list[ActivityRecord] = []
        self.lang = lang
        self._area_titles: dict[str, str] = {}
        self._types = type_names()
        self._statuses = status_names()
        self._ranks: dict[int, list[int]] = {}
        self._collated: dict[str, Any] = {}  # text -> collation key, kept across sorts
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        self._facts: dict[str, Facts] = {}  # uuid -> the facts read for records without
        self._facts_reader: FactsReader | None = None

    # ---------------------------------------------------------------- contents

    @property
    def rows(self) -> Sequence[ActivityRow]:
        """The rows in the list's order, as ActivityRow (each made when asked for)."""
        return RowView(self)

    def set_facts_reader(self, reader: FactsReader | None) -> None:
        """Where the facts of records read without them are read (uuids -> facts; None:
        every listed activity's); the facts read before are forgotten."""
        self._facts_reader = reader
        self._facts = {}

    def complete(self, number: int) -> ActivityRecord:
        """Record `number` with its facts (read with those of the rows around it)."""
        record = self.records[number]
        if has_facts(record):
            return record
        facts = self._facts.get(record[field.UUID])
        if facts is None:
            start = number - number % FACTS_BLOCK
            self._read_facts([r[field.UUID] for r in self.records[start:start + FACTS_BLOCK]
                              if not has_facts(r)])
            facts = self._facts.get(record[field.UUID], NO_FACTS)
        return with_facts(record, facts)

    def completed(self, rows: Sequence[ActivityRecord]) -> list[ActivityRecord]:
        """rows, each with its facts (those missing read at once). Pure but for the
        facts it keeps: a worker may call it."""
        known = self._facts
        missing = [r[field.UUID] for r in rows
                   if not has_facts(r) and r[field.UUID] not in known]
        if missing:
            self._read_facts(None if len(missing) > FACTS_BLOCK else missing)
            known = self._facts
        return [r if has_facts(r) else with_facts(r, known.get(r[field.UUID], NO_FACTS))
                for r in rows]

    def _read_facts(self, uuids: list[str] | None) -> None:
        read: dict[str, Facts] = {}
        if self._facts_reader is not None:
            try:
                read = self._facts_reader(uuids)
            except NapError:  # the period is gone: the page says so when it reloads
                read = {}
        if uuids is not None:  # the ones gone meanwhile: not asked again
            read = {**dict.fromkeys(uuids, NO_FACTS), **read}
        self._facts = {**self._facts, **read}  # one swap: a worker may be reading it

    def set_rows(self, rows: Sequence[ActivityRecord | ActivityRow],
                 ranks: Sequence[int] | None = None) -> None:
        """Replace all rows (records, or ActivityRow objects), keeping the current sort
        order (ranks: the sorted column's, worked out by `ranks_for` for these rows, on a
        worker)."""
        self.beginResetModel()
        self.records = [row if isinstance(row, tuple) else record_of(row) for row in rows]
        self._ranks.clear()
        if self._sorted_by is not None:
            if ranks is not None:
                self._ranks[self._sorted_by[0]] = list(ranks)
            self._reorder(self._order(*self._sorted_by))
        self.endResetModel()

    def append_rows(self, rows: Sequence[ActivityRecord]) -> None:
        """Add records at the end as they are read (in the order they come;
        `set_sorted_rows` puts them in order once all are in)."""
        if not rows:
            return
        first = len(self.records)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.records.extend(rows)
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
        if self.records:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.records) - 1, COLUMN_COUNT - 1))

    def row_at(self, row: int) -> ActivityRow:
        return row_of(self.complete(row))

    def row_of_uuid(self, uuid: str) -> int | None:
        for number, found in enumerate(map(_UUID, self.records)):
            if found == uuid:
                return number
        return None

    # ---------------------------------------------------------------- Qt model

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

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
        row = self.records[number]
        if column in _FACT_COLUMNS and not has_facts(row):
            row = self.complete(number)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == SORT_ROLE:
            return self.sort_ranks(column)[number]
        if role == ROW_ROLE:
            return row_of(self.complete(number))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (BUDGET, INDICATORS):
            return _RIGHT
        return None

    def _display(self, row: ActivityRecord, column: int) -> str:
        if column == TITLE:
            return row[field.TITLE]
        if column == TASK:
            return row[field.TASK_CODE]
        if column == AREA:
            return self._area_titles.get(row[field.AREA_CODE], row[field.AREA_CODE])
        if column == TYPE:
            return self._types.get(row[field.TYPE], row[field.TYPE])
        if column == STATUS:
            return self._statuses.get(row[field.STATUS], row[field.STATUS])
        if column == START:
            return numbers.day(row[field.START_DATE], self.lang)
        if column == END:
            return numbers.day(row[field.END_DATE], self.lang)
        if column == BUDGET:
            return numbers.amount(row[field.BUDGET_VND], self.lang)
        if column == RECOMMENDATIONS:
            return ", ".join(row[field.RECOMMENDATION_CODES] or ())
        if column == INDICATORS:
            indicators = row[field.INDICATORS]
            return (numbers.ratio(row[field.RESULTS] or 0, indicators, self.lang)
                    if indicators else "")
        return ""

    def _tooltip(self, row: ActivityRecord, column: int) -> str:
        if column == TASK:
            title = row[field.TASK_TITLE_VI] if self.lang == "vi" else row[field.TASK_TITLE_EN]
            return f"{row[field.TASK_CODE]} — {title}"
        if column == AREA:
            return row[field.AREA_CODE]
        return self._display(row, column)

    # ---------------------------------------------------------------- sorting

    def sort_ranks(self, column: int) -> list[int]:
        """Each row's place in the column's order, worked out once per column and rows."""
        ranks = self._ranks.get(column)
        if ranks is None:
            ranks = self._ranks[column] = self.ranks_for(column, self.records)
        return ranks

    def ranks_for(self, column: int, rows: Sequence[ActivityRecord]) -> list[int]:
        """Each of rows' place in the column's order. Reads only rows and the model's
        words, so it may run on a worker while the rows stay as they are."""
        places = [0] * len(rows)
        for place, number in enumerate(self.order_for(column, rows)):
            places[number] = place
        return places

    def order_for(self, column: int, rows: Sequence[ActivityRecord]) -> list[int]:
        """The numbers of rows in the column's ascending order, equal ones as they come
        (a stable sort). Pure like `ranks_for`.

        The facts columns read every row's facts first (`completed`).

        Values repeat (100,000 rows hold ~4,000 titles, a few hundred dates): only the
        distinct values are collated and sorted, then the rows are dealt into one bucket
        per place, a pass that lets the GUI thread in between rows where one sorted()
        of 100,000 keys would hold the GIL throughout (and, measured on 2 Dec 2026 over
        100,000 rows of 4,200 titles, takes half the time of `sorted(range(n),
        key=places.__getitem__)` over C-made int places: 10 ms against 20 ms)."""
        if column in _FACT_COLUMNS:
            rows = self.completed(rows)
        value, key = self._sort_value(column)
        values = list(map(value, rows))
        keys = {found: key(found) for found in dict.fromkeys(values)}
        rank: dict[Any, int] = {}
        places = -1
        previous: Any = _NOTHING
        for found in sorted(keys, key=keys.__getitem__):
            if keys[found] != previous:  # equal keys share a place
                places, previous = places + 1, keys[found]
            rank[found] = places
        buckets: list[list[int]] = [[] for _ in range(places + 1)]
        for number, place in enumerate(map(rank.__getitem__, values)):
            buckets[place].append(number)
        return list(chain.from_iterable(buckets))

    def collating(self, pieces: Iterator[list[ActivityRecord]]
                  ) -> Iterator[list[ActivityRecord]]:
        """pieces as they come, with the collation keys of the sorted column's texts
        worked out after each (on the worker that reads them, while the database
        works on the next piece): once every row is in, the order costs little."""
        try:
            column = None if self._sorted_by is None else self._sorted_by[0]
            value, key = self._sort_value(TITLE if column is None else column)
            text_column = column in (TITLE, TASK, AREA, TYPE)
            for piece in pieces:
                yield piece
                if text_column:
                    for found in set(map(value, piece)):
                        key(found)
        finally:
            if isinstance(pieces, Generator):
                pieces.close()

    def in_order(self, rows: list[ActivityRecord], column: int,
                 order: Qt.SortOrder) -> list[ActivityRecord]:
        """rows sorted by the column (pure like `ranks_for`: a worker's job), for
        `set_sorted_rows`; by a facts column, the rows come with their facts, and by
        any other the first FACTS_BLOCK, those drawn first, do)."""
        if column in _FACT_COLUMNS:
            rows = self.completed(rows)
        numbers = self.order_for(column, rows)
        if order == Qt.SortOrder.DescendingOrder:
            numbers.reverse()
        in_order = list(map(rows.__getitem__, numbers))
        in_order[:FACTS_BLOCK] = self.completed(in_order[:FACTS_BLOCK])
        return in_order

    def set_sorted_rows(self, rows: list[ActivityRecord], column: int,
                        order: Qt.SortOrder) -> None:
        """Replace all rows with rows already sorted by (column, order) (`in_order`):
        nothing is sorted on the GUI thread."""
        self.beginResetModel()
        self.records = rows
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
        self.records = list(map(self.records.__getitem__, moved_from))
        for column, ranks in self._ranks.items():
            self._ranks[column] = [ranks[i] for i in moved_from]

    def _sort_key(self, column: int) -> Callable[[ActivityRecord], Any]:
        """The key one record sorts by in the column (the order `order_for` gives)."""
        value, key = self._sort_value(column)
        return lambda row: key(value(row))

    def _sort_value(self, column: int) -> tuple[Callable[[ActivityRecord], Any],
                                                 Callable[[Any], Any]]:
        """(the row's value in the column, that value's sort key): values repeat from
        row to row, so each distinct one is keyed once."""
        collate = self._collate
        if column == TITLE:
            return itemgetter(field.TITLE), collate
        if column == TASK:
            return itemgetter(field.TASK_CODE), collate
        if column == AREA:
            titles = self._area_titles
            return itemgetter(field.AREA_CODE), lambda code: collate(titles.get(code, code))
        if column == TYPE:
            types = self._types
            return itemgetter(field.TYPE), lambda kind: collate(types.get(kind, kind))
        if column == STATUS:
            return itemgetter(field.STATUS), lambda s: _STATUS_ORDER.get(s, len(_STATUS_ORDER))
        if column in (START, END):
            return (itemgetter(field.START_DATE if column == START else field.END_DATE),
                    lambda day: (day is None, day or date.min))
        if column == BUDGET:
            return itemgetter(field.BUDGET_VND), lambda budget: -1 if budget is None else budget
        if column == RECOMMENDATIONS:
            return itemgetter(field.RECOMMENDATION_CODES), _same
        return itemgetter(field.INDICATORS, field.RESULTS), _same

    def _collate(self, text: str) -> Any:
        """collation_key(text), worked out once per text while the model lives (a worker
        may call it: one dict look-up or store at a time is safe across threads)."""
        key = self._collated.get(text)
        if key is None:
            if len(self._collated) >= _COLLATED_LIMIT:
                self._collated = {}
            key = self._collated[text] = collation_key(text)
        return key


_COLLATED_LIMIT = 1 << 18
_UUID = itemgetter(field.UUID)
# The columns drawn from a record's facts (`activity_listing.FACTS`), which a long list's
# records come without.
_FACT_COLUMNS = frozenset((START, END, BUDGET, RECOMMENDATIONS, INDICATORS))
FACTS_BLOCK = 256  # rows whose facts are read at once, for the one drawn
NO_FACTS: Facts = (None, None, None, (), 0, 0)  # an activity gone meanwhile
FactsReader = Callable[[Sequence[str] | None], dict[str, Facts]]


class RowView(Sequence[ActivityRow]):
    """A model's records seen as ActivityRow objects, each made when it is asked for."""

    __slots__ = ("model",)

    def __init__(self, model: ActivityTableModel) -> None:
        self.model = model

    def __len__(self) -> int:
        return len(self.model.records)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self.model.row_at(n) for n in range(len(self.model.records))[index]]
        return self.model.row_at(index)


def _same(value: Any) -> Any:
    return value


_NOTHING = object()


def _inverse(ranks: Sequence[int], order: Qt.SortOrder) -> list[int]:
    """Row numbers in the order their ranks (0..n-1, each once) give: no sorting."""
    numbers = [0] * len(ranks)
    for number, rank in enumerate(ranks):
        numbers[rank] = number
    if order == Qt.SortOrder.DescendingOrder:
        numbers.reverse()
    return numbers
