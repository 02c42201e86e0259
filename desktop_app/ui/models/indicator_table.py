"""The Indicators page's table: 122,000 indicators at 100,000 activities, without freezing.

The model holds the period's indicators as records (plain tuples of an IndicatorRow's
values, `services.overview.indicator_records`) and the folded text each is found by;
the proxy shows the model's rows that pass the filters, in the order asked for. It is
not a QSortFilterProxyModel: that one asks a Python `filterAcceptsRow` once per row at
every keystroke (~0.95 s of the GUI thread over 122,000 rows) and a Python `lessThan`
n log n times for a sort. Here what passes (`IndicatorCriteria.decide`) and the order
(`sort_order`) are pure functions over plain lists, which the page runs on a worker;
the proxy only swaps the answer in (`IndicatorFilterProxy.show`).

The folded texts are made a piece at a time as the rows are read (`SearchTexts`, on the
reading worker): each distinct title, name, unit, note and task code is folded once.
Folding is word by word, so the parts folded apart and joined give the text the old
page folded whole (`search_text_of`; a test holds the two together).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from operator import itemgetter
from typing import Any, Final, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from desktop_app.core.domain.text import collation_key, contains_folded, fold
from desktop_app.core.services.overview import IndicatorRecord, IndicatorRow
from desktop_app.ui import numbers
from desktop_app.ui.loading import ordered
from desktop_app.ui.models.proxies import SORT_ROLE, ShownRows
from desktop_app.ui.widgets.charts import BELOW_TARGET, ON_TRACK

AnyIndex = QModelIndex | QPersistentModelIndex
NO_RESULT_TEXT = QColor("#868e96")

# Each field's place in an IndicatorRecord (IndicatorRow's field order; a test checks).
UUID: Final = 0
NAME: Final = 1
UNIT: Final = 2
BASELINE: Final = 3
TARGET: Final = 4
RESULT: Final = 5
NOTE: Final = 6
DUE_DATE: Final = 7
ACTIVITY_UUID: Final = 8
ACTIVITY_TITLE: Final = 9
TASK_CODE: Final = 10

# The "show" filter: every indicator, or those in one state.
SHOW_ALL, SHOW_ON_TRACK, SHOW_BELOW, SHOW_NO_RESULT = range(4)
_WANTED: dict[int, bool | None] = {SHOW_ON_TRACK: True, SHOW_BELOW: False,
                                   SHOW_NO_RESULT: None}


def on_track(record: Sequence[Any]) -> bool | None:
    """IndicatorRow.on_track of a record."""
    result = record[RESULT]
    return None if result is None else result >= record[TARGET]


def search_text_of(row: IndicatorRow) -> str:
    """The folded text one row is found by (the page's rule since issue 7)."""
    return fold(" ".join((row.activity_title, row.task_code, row.name, row.unit, row.note)))


class _Folded(dict[str, str]):
    """text -> " " + its folded text ("" when that is empty), made once per text."""

    def __missing__(self, text: str) -> str:
        folded = fold(text)
        value = self[text] = " " + folded if folded else ""
        return value


_DROP_FIRST = itemgetter(slice(1, None))


class SearchTexts:
    """Folds pieces of records into their search texts (`search_text_of`), each distinct
    part once; one per read, used on the reading worker."""

    def __init__(self) -> None:
        self._folded = _Folded()

    def __call__(self, records: Sequence[IndicatorRecord]) -> list[str]:
        if not records:
            return []
        part = self._folded.__getitem__
        columns = list(zip(*records, strict=True))
        # Each part is " word word" or "": joined, the text has one space too many in
        # front, and none between or at the end (fold's own form). All in C.
        joined = map("".join, zip(
            map(part, columns[ACTIVITY_TITLE]), map(part, columns[TASK_CODE]),
            map(part, columns[NAME]), map(part, columns[UNIT]), map(part, columns[NOTE]),
            strict=True))
        return list(map(_DROP_FIRST, joined))


@dataclass(frozen=True)
class IndicatorCriteria:
    """What the filter box and the "show" choice ask for."""

    search: str = ""
    state: int = SHOW_ALL

    def searching(self) -> bool:
        return bool(fold(self.search).split())

    def everything(self) -> bool:
        return self.state == SHOW_ALL and not self.searching()

    def accepts(self, record: Sequence[Any], text: str) -> bool:
        """The whole rule for one row (its record and its search text)."""
        return ((self.state == SHOW_ALL or on_track(record) is _WANTED[self.state])
                and contains_folded(text, self.search))

    def decide(self, records: Sequence[IndicatorRecord], texts: Sequence[str],
               first: int = 0, stop: int | None = None) -> list[int]:
        """The numbers of the rows that pass, from `first` up to `stop`, in the model's
        order. Pure: it may run on a worker over lists the GUI thread only adds to."""
        numbers_ = range(first, len(records) if stop is None else stop)
        if self.everything():
            return list(numbers_)
        if self.state != SHOW_ALL:
            wanted = _WANTED[self.state]
            numbers_ = [n for n in numbers_ if on_track(records[n]) is wanted]  # type: ignore[assignment]
        if not self.searching():
            return list(numbers_)
        search = self.search
        return [n for n in numbers_ if contains_folded(texts[n], search)]


def _sort_keys(records: Sequence[IndicatorRecord], column: int) -> list[Any]:
    """Each row's key for sorting by a column (as SORT_ROLE answers it)."""
    if column in (IndicatorTableModel.BASELINE, IndicatorTableModel.TARGET,
                  IndicatorTableModel.RESULT):
        place = {IndicatorTableModel.BASELINE: BASELINE, IndicatorTableModel.TARGET: TARGET,
                 IndicatorTableModel.RESULT: RESULT}[column]
        return [(value is None, value or 0.0) for value in map(itemgetter(place), records)]
    if column == IndicatorTableModel.ON_TRACK:
        rank = {True: 0, False: 1, None: 2}
        return [rank[on_track(record)] for record in records]
    if column == IndicatorTableModel.DUE:
        return [(due is None, due or date.min) for due in map(itemgetter(DUE_DATE), records)]
    keys: dict[str, Any] = {}

    def key(text: str) -> Any:
        found = keys.get(text)
        if found is None:
            found = keys[text] = collation_key(text)
        return found

    return [key(_text(record, column)) for record in records]


def sort_order(records: Sequence[IndicatorRecord], column: int,
               order: Qt.SortOrder) -> list[int]:
    """The model's row numbers in the order of `column` (stable: equal keys keep the
    model's order, as QSortFilterProxyModel's sort does). Pure: for a worker."""
    return ordered(_sort_keys(records, column),
                   reverse=order == Qt.SortOrder.DescendingOrder)


def _text(record: Sequence[Any], column: int) -> str:
    """What a text column shows (the same in both languages)."""
    if column == IndicatorTableModel.ACTIVITY:
        return str(record[ACTIVITY_TITLE] or record[TASK_CODE])
    return str(record[{IndicatorTableModel.INDICATOR: NAME, IndicatorTableModel.UNIT: UNIT,
                       IndicatorTableModel.NOTE: NOTE}[column]])


class IndicatorTableModel(QAbstractTableModel):
    ACTIVITY, INDICATOR, UNIT, BASELINE, TARGET, RESULT, ON_TRACK, DUE, NOTE = range(9)
    NUMBERS = (BASELINE, TARGET, RESULT)
    TEXTS = (ACTIVITY, INDICATOR, UNIT, NOTE)

    def __init__(self, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.records: list[IndicatorRecord] = []
        self.texts: list[str] = []  # each record's folded search text

    def set_rows(self, rows: Iterable[IndicatorRow | IndicatorRecord],
                 search: list[str] | None = None) -> None:
        """Replace the rows (IndicatorRow objects or records); search: their folded texts,
        if worked out."""
        if isinstance(rows, list) and not any(isinstance(r, IndicatorRow) for r in rows[:1]):
            records = cast(list[IndicatorRecord], rows)  # records already (the page's read)
        else:
            records = [_record(row) for row in rows]
        self.beginResetModel()
        self.records = records
        self.texts = search if search is not None else SearchTexts()(records)
        self.endResetModel()

    def append_rows(self, records: list[IndicatorRecord], texts: list[str]) -> None:
        if not records:
            return
        first = len(self.records)
        self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
        self.records.extend(records)
        self.texts.extend(texts)
        self.endInsertRows()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        if self.records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.records) - 1, self.NOTE))

    def row(self, index: int) -> IndicatorRow:
        return IndicatorRow(*self.records[index])

    def search_text(self, index: int) -> str:
        return self.texts[index]

    def number_of(self, uuid: str) -> int | None:
        """The model's row number of the indicator with this UUID."""
        for number, record in enumerate(self.records):
            if record[UUID] == uuid:
                return number
        return None

    def headers(self) -> list[str]:
        return [self.tr("Activity"), self.tr("Indicator"), self.tr("Unit"), self.tr("Baseline"),
                self.tr("Target"), self.tr("Result"), self.tr("On track"), self.tr("Due date"),
                self.tr("Note")]

    def on_track_text(self, row: IndicatorRow | Sequence[Any]) -> str:
        track = row.on_track if isinstance(row, IndicatorRow) else on_track(row)
        if track is None:
            return self.tr("No result yet")
        return "✓ " + self.tr("On track") if track else "✗ " + self.tr("Below target")

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.NOTE + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def _display(self, r: Sequence[Any], column: int) -> str:
        if column in self.TEXTS:
            return _text(r, column)
        if column == self.BASELINE:
            return numbers.value(r[BASELINE], self.lang)
        if column == self.TARGET:
            return numbers.value(r[TARGET], self.lang)
        if column == self.RESULT:
            return numbers.value(r[RESULT], self.lang)
        if column == self.ON_TRACK:
            return self.on_track_text(r)
        return numbers.day(r[DUE_DATE], self.lang)

    def cell(self, number: int, column: int, role: int) -> Any:
        """What one cell answers for one role (the proxy asks with the model's row)."""
        r = self.records[number]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == SORT_ROLE:
            return _sort_keys([r], column)[0]
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.ACTIVITY, self.INDICATOR,
                                                              self.NOTE):
            return self._display(r, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.ON_TRACK:
            track = on_track(r)
            if track is None:
                return NO_RESULT_TEXT
            return ON_TRACK.darker(120) if track else BELOW_TARGET.darker(140)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.NOTE)
        if self.records:
            self.dataChanged.emit(self.index(0, self.ON_TRACK),
                                  self.index(len(self.records) - 1, self.ON_TRACK))


def _record(row: IndicatorRow | IndicatorRecord) -> IndicatorRecord:
    if not isinstance(row, IndicatorRow):
        return row
    return (row.uuid, row.name, row.unit, row.baseline, row.target, row.result, row.note,
            row.due_date, row.activity_uuid, row.activity_title, row.task_code)


Sorted = tuple[int, Qt.SortOrder] | None  # the column and direction, or the model's order


@dataclass(frozen=True)
class Arrangement:
    """What the proxy shows, worked out over the model's first `count` rows: the order
    (None: the model's) and the rows that pass in that order."""

    criteria: IndicatorCriteria
    sorted_by: Sorted
    order: list[int] | None
    visible: list[int]
    count: int


def arrange(records: Sequence[IndicatorRecord], texts: Sequence[str],
            criteria: IndicatorCriteria, sorted_by: Sorted,
            order: list[int] | None = None, count: int | None = None) -> Arrangement:
    """The arrangement of the first `count` rows (all when None). Pure: for a worker,
    over lists the GUI thread only adds to. order: the order already worked out for
    `sorted_by` over those rows, if it is."""
    count = len(records) if count is None else count
    if sorted_by is not None and order is None:
        order = sort_order(records if count == len(records) else records[:count],
                           *sorted_by)
    if sorted_by is None:
        order = None
    accepted = criteria.decide(records, texts, stop=count)
    if order is None:
        visible = accepted
    elif criteria.everything():
        visible = list(order)
    else:
        passing = set(accepted)
        visible = [n for n in order if n in passing]
    return Arrangement(criteria, sorted_by, order, visible, count)


class IndicatorFilterProxy(ShownRows):
    """The model's rows that pass the filters, in the order asked for.

    The setters decide at once (a short list; the page works a long one's answer out on
    a worker with `arrange` and hands it in with `show`). `sorter`, when set, is asked
    to sort instead (a header click), and answers with `show` too.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.criteria = IndicatorCriteria()
        self.sorted_by: Sorted = None
        self._order: list[int] | None = None
        self._preset: Arrangement | None = None

    def setSourceModel(self, model: Any) -> None:  # noqa: N802  (Qt's name)
        if not isinstance(model, IndicatorTableModel):
            raise TypeError("IndicatorFilterProxy shows an IndicatorTableModel")
        self._attach(model)

    def sourceModel(self) -> IndicatorTableModel:  # noqa: N802
        return cast(IndicatorTableModel, self._shown_cells())

    @property
    def search(self) -> str:
        return self.criteria.search

    @property
    def state(self) -> int:
        return self.criteria.state

    def set_search(self, text: str) -> None:
        self.set_criteria(IndicatorCriteria(text.strip(), self.state))

    def set_state(self, value: int) -> None:
        self.set_criteria(IndicatorCriteria(self.search, value))

    def set_criteria(self, criteria: IndicatorCriteria) -> None:
        """Filter at once (see the class's note)."""
        if criteria == self.criteria:
            return
        model = self.sourceModel()
        self.show(arrange(model.records, model.texts, criteria, self.sorted_by,
                          self.order_now()))

    def order_now(self) -> list[int] | None:
        """A copy of the order shown (None: the model's), for working out a new filter."""
        return None if self._order is None else list(self._order)

    def show(self, arrangement: Arrangement) -> None:
        """Show an arrangement worked out over the model's rows as they are now or were
        (rows added since are decided here and shown after it, in the model's order)."""
        model = self.sourceModel()
        self.beginResetModel()
        self._take(arrangement, model)
        self.endResetModel()

    def preset(self, arrangement: Arrangement) -> None:
        """The arrangement to show at the model's next reset (worked out over the rows
        it is being reset to)."""
        self._preset = arrangement

    def _take(self, arrangement: Arrangement, model: IndicatorTableModel) -> None:
        criteria = self.criteria = arrangement.criteria
        self.sorted_by = arrangement.sorted_by
        order = arrangement.order
        visible = list(arrangement.visible)
        count, now = arrangement.count, len(model.records)
        if count < now:
            if order is not None:
                order = [*order, *range(count, now)]
            visible.extend(criteria.decide(model.records, model.texts, first=count))
        self._order = order
        self._visible = visible
        self._proxy_row = None

    # ---------------------------------------------------------------- following the model

    def _source_reset(self) -> None:
        model = self.sourceModel()
        preset, self._preset = self._preset, None
        if preset is None or preset.count != len(model.records):
            preset = arrange(model.records, model.texts, self.criteria, self.sorted_by)
        self._take(preset, model)
        self.endResetModel()

    def _source_appended(self, _parent: AnyIndex, first: int, last: int) -> None:
        model = self.sourceModel()
        if self._order is not None:
            self._order.extend(range(first, last + 1))
        self._show_added(self.criteria.decide(model.records, model.texts, first, last + 1))

    # ---------------------------------------------------------------- sorting

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click (column -1: the model's order); `sorter` may work it out on a
        worker, else it is done at once."""
        wanted: Sorted = None if column < 0 else (column, order)
        if wanted == self.sorted_by:
            return
        if self.sorter is not None and wanted is not None:
            self.sorter(column, order)
            return
        model = self.sourceModel()
        self.reorder(arrange(model.records, model.texts, self.criteria, wanted))

    def reorder(self, arrangement: Arrangement) -> None:
        """Show a new order of the same rows, the selection and current row kept."""
        model = self.sourceModel()
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        numbers_ = [self._visible[i.row()] if 0 <= i.row() < len(self._visible) else None
                    for i in kept]
        self._take(arrangement, model)
        self._proxy_row = None
        moved = [QModelIndex() if n is None else self.mapFromSource(model.index(n, i.column()))
                 for n, i in zip(numbers_, kept, strict=True)]
        self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()
