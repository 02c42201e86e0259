"""The Indicators page: the period's indicators, target against result.

A thin table model over core IndicatorRow objects behind a sort/filter proxy; the
filter box matches folded text and a second filter picks on track, below target or
no result yet. The page reads nothing until it is shown; a big period's indicators
(and the folded text each is found by) are read on a worker, and the columns keep
fixed widths instead of being sized to 100,000 rows' contents.

An indicator is edited where it is kept, in its activity's editor: a double-click, Enter
or the Edit button opens that editor at the indicator's result cell (issue 13); saving
changes the data, and the page reloads. A locked period's editor opens read-only with
its banner; a read-only database offers no Edit. Figures are worded by `ui/numbers.py`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.domain.text import collation_key, fold
from desktop_app.core.problems import NapError
from desktop_app.core.services.activities import load_draft
from desktop_app.core.services.overview import IndicatorRow, list_indicators
from desktop_app.core.storage.database import Database
from desktop_app.messages import problem_text
from desktop_app.ui import numbers
from desktop_app.ui.commands.undo import show_refusal
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs.activity_editor import ActivityEditor
from desktop_app.ui.models.proxies import SORT_ROLE, SearchProxy
from desktop_app.ui.pages.page import READ_AT_ONCE_BELOW, Page, small_period
from desktop_app.ui.widgets.charts import BELOW_TARGET, ON_TRACK

AnyIndex = QModelIndex | QPersistentModelIndex
NO_RESULT_TEXT = QColor("#868e96")


def search_texts(rows: list[IndicatorRow]) -> list[str]:
    """The folded text each row is found by (pure: a worker may work it out)."""
    return [fold(" ".join((r.activity_title, r.task_code, r.name, r.unit, r.note)))
            for r in rows]


def read_indicators(db: Database, year: int) -> tuple[list[IndicatorRow], list[str]]:
    rows = list_indicators(db, year)
    return rows, search_texts(rows)


_WIDTHS = {0: 240, 1: 240, 2: 90, 3: 80, 4: 80, 5: 80, 6: 120, 7: 90, 8: 160}


class IndicatorTableModel(QAbstractTableModel):
    ACTIVITY, INDICATOR, UNIT, BASELINE, TARGET, RESULT, ON_TRACK, DUE, NOTE = range(9)
    NUMBERS = (BASELINE, TARGET, RESULT)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows: list[IndicatorRow] = []
        self._search: list[str] = []

    def set_rows(self, rows: list[IndicatorRow], search: list[str] | None = None) -> None:
        """Replace the rows; search: their folded texts (`search_texts`), if worked out."""
        self.beginResetModel()
        self._rows = list(rows)
        self._search = search if search is not None else search_texts(rows)
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.NOTE))

    def row(self, index: int) -> IndicatorRow:
        return self._rows[index]

    def search_text(self, index: int) -> str:
        return self._search[index]

    def headers(self) -> list[str]:
        return [self.tr("Activity"), self.tr("Indicator"), self.tr("Unit"), self.tr("Baseline"),
                self.tr("Target"), self.tr("Result"), self.tr("On track"), self.tr("Due date"),
                self.tr("Note")]

    def on_track_text(self, row: IndicatorRow) -> str:
        if row.on_track is None:
            return self.tr("No result yet")
        return "✓ " + self.tr("On track") if row.on_track else "✗ " + self.tr("Below target")

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.NOTE + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def _display(self, r: IndicatorRow, column: int) -> str:
        values = {
            self.ACTIVITY: r.activity_title or r.task_code,
            self.INDICATOR: r.name,
            self.UNIT: r.unit,
            self.BASELINE: numbers.value(r.baseline, self.lang),
            self.TARGET: numbers.value(r.target, self.lang),
            self.RESULT: numbers.value(r.result, self.lang),
            self.ON_TRACK: self.on_track_text(r),
            self.DUE: numbers.day(r.due_date, self.lang),
            self.NOTE: r.note,
        }
        return values[column]

    def _sort_value(self, r: IndicatorRow, column: int) -> Any:
        if column in self.NUMBERS:
            value = {self.BASELINE: r.baseline, self.TARGET: r.target,
                     self.RESULT: r.result}[column]
            return (value is None, value or 0.0)
        if column == self.ON_TRACK:
            return {True: 0, False: 1, None: 2}[r.on_track]
        if column == self.DUE:
            return (r.due_date is None, r.due_date or date.min)
        return collation_key(self._display(r, column))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == SORT_ROLE:
            return self._sort_value(r, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.ACTIVITY, self.INDICATOR,
                                                              self.NOTE):
            return self._display(r, column) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == self.ON_TRACK:
            if r.on_track is None:
                return NO_RESULT_TEXT
            return ON_TRACK.darker(120) if r.on_track else BELOW_TARGET.darker(140)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.NOTE)
        if self._rows:
            self.dataChanged.emit(self.index(0, self.ON_TRACK),
                                  self.index(len(self._rows) - 1, self.ON_TRACK))


# The "show" filter: every indicator, or those in one state.
SHOW_ALL, SHOW_ON_TRACK, SHOW_BELOW, SHOW_NO_RESULT = range(4)


class IndicatorFilterProxy(SearchProxy):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = SHOW_ALL

    def _source(self) -> IndicatorTableModel:
        model = self.sourceModel()
        assert isinstance(model, IndicatorTableModel)
        return model

    def set_state(self, value: int) -> None:
        self._set("state", value)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self._source()
        if self.state != SHOW_ALL:
            wanted = {SHOW_ON_TRACK: True, SHOW_BELOW: False, SHOW_NO_RESULT: None}[self.state]
            if model.row(source_row).on_track is not wanted:
                return False
        return self.accepts_search(source_row)


class IndicatorsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._read_count: int | None = None
        self.editor: ActivityEditor | None = None
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.show_combo = QComboBox()
        self.count_label = QLabel()
        self.edit_button = QPushButton()
        self.edit_button.setAutoDefault(False)
        self.edit_button.setEnabled(False)

        self.model = IndicatorTableModel(ctx.lang, self)
        self.proxy = IndicatorFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in _WIDTHS.items():
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.show_combo)
        bar.addWidget(self.count_label)
        bar.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.loading_bar)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.filter_edit.textChanged.connect(self._filter_changed)
        self.show_combo.currentIndexChanged.connect(self._show_changed)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_edit)
        self.proxy.layoutChanged.connect(self._update_edit)
        self.table.selectionModel().currentRowChanged.connect(self._update_edit)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.table.installEventFilter(self)
        self.edit_button.clicked.connect(lambda: self.edit_current())
        ctx.data_changed.connect(self._changed)
        ctx.period_changed.connect(self._changed)
        ctx.language_changed.connect(self._language_changed)
        self.retranslate()

    def refresh(self) -> None:
        self._stale = False
        self._update_heading()
        db, year = self.ctx.db, self.ctx.year
        self._load(lambda: read_indicators(db, year), self._loaded, self._refused,
                   text=self.tr("Reading the indicators…"), at_once=self._small())

    def _small(self) -> bool:
        if self._read_count is not None:
            return self._read_count < READ_AT_ONCE_BELOW
        return small_period(self.ctx.db, self.ctx.year)

    def _loaded(self, read: tuple[list[IndicatorRow], list[str]]) -> None:
        rows, search = read
        self._read_count = len(rows)
        self.message.hide()
        current = self.current_row()
        self.model.set_rows(rows, search)
        if current is not None:  # after an edit, the indicator edited stays current
            self.select_indicator(current.uuid)
        self._update_count()

    def _refused(self, error: NapError) -> None:
        self._read_count = None
        self.message.setText("\n".join(problem_text(p, self.ctx.lang) for p in error.problems))
        self.message.show()
        self.model.set_rows([])
        self._update_count()

    def _language_changed(self, lang: str) -> None:
        self.model.set_language(lang)

    def retranslate(self) -> None:
        self._update_heading()
        self.filter_edit.setPlaceholderText(self.tr(
            "Filter by activity, indicator, unit or note (with or without diacritics)"))
        current = max(self.show_combo.currentIndex(), 0)
        self.show_combo.blockSignals(True)
        self.show_combo.clear()
        self.show_combo.addItems([self.tr("All indicators"), self.tr("On track"),
                                  self.tr("Below target"), self.tr("No result yet")])
        self.show_combo.setCurrentIndex(current)
        self.show_combo.blockSignals(False)
        self.model.retranslate()
        self.edit_button.setText(self.tr("&Edit…"))
        self._update_count()
        self._update_edit()

    def _update_heading(self) -> None:
        self.heading.setText(self.tr("Indicators of the %1 reporting period")
                             .replace("%1", str(self.ctx.year)))

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()

    def _show_changed(self, index: int) -> None:
        self.proxy.set_state(index)
        self._update_count()

    def _update_count(self) -> None:
        lang = self.ctx.lang
        self.count_label.setText(
            self.tr("%1 of %2").replace("%1", numbers.count(self.proxy.rowCount(), lang))
            .replace("%2", numbers.count(self.model.rowCount(), lang)))

    # --- editing in the activity's editor ------------------------------------------------

    def default_focus(self) -> QWidget:
        return self.table

    def current_row(self) -> IndicatorRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def _update_edit(self, *_: object) -> None:
        row = self.current_row()
        if self.ctx.db.read_only:
            enabled, tip = False, self.tr("This database is open read-only.")
        elif row is None:
            enabled, tip = False, self.tr("Choose an indicator to edit it and its result.")
        elif row.activity_uuid is None:
            enabled, tip = False, self.tr(
                "This indicator belongs to the task %1, not to an activity; it is kept "
                "with the task.").replace("%1", row.task_code)
        else:
            enabled, tip = True, self.tr(
                "Edit this indicator and its result in the activity “%1” (Enter or "
                "double-click)").replace("%1", row.activity_title)
        self.edit_button.setEnabled(enabled)
        self.edit_button.setToolTip(tip)

    def edit_current(self) -> ActivityEditor | None:
        """Open the current indicator's activity in its editor, at that indicator."""
        row = self.current_row()
        if (row is None or row.activity_uuid is None or self.ctx.db.read_only
                or self.editor is not None):
            return None
        try:
            draft = load_draft(self.ctx.db, row.activity_uuid)
        except NapError as error:
            show_refusal(self, error, self.ctx.lang)
            self.refresh()
            return None
        editor = ActivityEditor(self.ctx, draft, parent=self)  # saves and says data changed
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.finished.connect(self._editor_closed)
        self.editor = editor
        editor.open()
        editor.show_indicator(row.uuid)
        return editor

    def _editor_closed(self) -> None:
        self.editor = None
        self.table.setFocus()

    def select_indicator(self, uuid: str) -> bool:
        """Make the indicator with this UUID the current row (after a reload too)."""
        for number in range(self.model.rowCount()):
            if self.model.row(number).uuid == uuid:
                index = self.proxy.mapFromSource(self.model.index(number, 0))
                if index.isValid():
                    self.table.setCurrentIndex(index)
                    self.table.scrollTo(index)
                    return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.edit_current()
            return True
        return super().eventFilter(watched, event)
