"""The Indicators page: the period's indicators, target against result.

A table model over the period's indicators as plain records (`ui/models/
indicator_table.py`) behind a proxy that shows the rows that pass, in the order asked
for; the filter box matches folded text and a second filter picks on track, below
target or no result yet. The page reads nothing until it is shown. A big period's
indicators (122,000 at 100,000 activities) are read on a worker through the driver
(`indicator_records`), with their folded search texts, and stream into an empty list;
a reload swaps the new rows in whole once read. What passes a filter and the order of
a sort are worked out on a worker too (`arrange`): the GUI thread only swaps the
answers in. The columns keep fixed widths instead of being sized to their contents.

An indicator is edited where it is kept, in its activity's editor: a double-click, Enter
or the Edit button opens that editor at the indicator's result cell (issue 13); saving
changes the data, and the page reloads. A locked period's editor opens read-only with
its banner; a read-only database offers no Edit. Figures are worded by `ui/numbers.py`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
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

from desktop_app.core.problems import NapError
from desktop_app.core.services.activities import load_draft
from desktop_app.core.services.overview import (
    IndicatorRecord,
    IndicatorRow,
    count_indicators,
    indicator_records,
)
from desktop_app.core.storage.database import Database
from desktop_app.messages import problem_text
from desktop_app.ui import numbers
from desktop_app.ui.commands.undo import show_refusal
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs.activity_editor import ActivityEditor
from desktop_app.ui.loading import Reader
from desktop_app.ui.models.indicator_table import (
    SHOW_ALL as SHOW_ALL,
)
from desktop_app.ui.models.indicator_table import (
    SHOW_BELOW as SHOW_BELOW,
)
from desktop_app.ui.models.indicator_table import (
    SHOW_NO_RESULT as SHOW_NO_RESULT,
)
from desktop_app.ui.models.indicator_table import (
    SHOW_ON_TRACK as SHOW_ON_TRACK,
)
from desktop_app.ui.models.indicator_table import (
    Arrangement,
    IndicatorCriteria,
    IndicatorFilterProxy,
    IndicatorTableModel,
    SearchTexts,
    Sorted,
    arrange,
)
from desktop_app.ui.pages.page import READ_AT_ONCE_BELOW, Page

__all__ = ["IndicatorFilterProxy", "IndicatorTableModel", "IndicatorsPage"]

_WIDTHS = {0: 240, 1: 240, 2: 90, 3: 80, 4: 80, 5: 80, 6: 120, 7: 90, 8: 160}

Piece = tuple[list[IndicatorRecord], list[str]]


def indicator_pieces(db: Database, year: int) -> Iterator[Piece]:
    """The period's indicators a piece at a time, each with its rows' search texts
    (for the reading worker)."""
    texts = SearchTexts()
    pieces = indicator_records(db, year)
    try:
        for piece in pieces:
            yield piece, texts(piece)
    finally:
        pieces.close()


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

        self.rows_reader = Reader(self, bulk=True)  # 122,000 plain tuples
        self.rows_reader.piece.connect(self._rows_read)
        self.rows_reader.done.connect(self._all_rows_read)
        self.rows_reader.failed.connect(self._read_failed)
        self.arrange_reader = Reader(self)
        self.arrange_reader.done.connect(self._arranged)
        self.arrange_reader.failed.connect(self._read_failed)
        self.proxy.sorter = self._sort
        self._streaming = False
        self._incoming: list[IndicatorRecord] = []
        self._incoming_texts: list[str] = []
        self._appended_at = 0.0
        self._rows_year: int | None = None  # the period of the rows the model holds
        self._asked_sort: Sorted = None  # the last header click's order
        # rows read by a reload, waiting to be filtered and ordered on a worker
        self._pending_swap: tuple[list[IndicatorRecord], list[str]] | None = None
        self.retranslate()

    # --- reading, filtering, sorting ---------------------------------------------------

    # A list of fewer rows than this is filtered and sorted on the GUI thread at once.
    SMALL = 2000
    APPEND_EVERY_S = 0.4  # streamed rows join the list this often (each addition redraws)

    def refresh(self) -> None:
        """Read the period's indicators: at once when few, else on a worker. Into an
        empty list (or another period's) the rows stream in as they are read; a list
        that shows this period's rows keeps them until the new ones are all read."""
        self._stale = False
        self._update_heading()
        self.arrange_reader.stop()
        self._pending_swap = None
        db, year = self.ctx.db, self.ctx.year
        try:
            small = self._small()
            if small:
                self.rows_reader.stop()
                self._streaming = False
                records: list[IndicatorRecord] = []
                texts: list[str] = []
                for piece, piece_texts in indicator_pieces(db, year):
                    records += piece
                    texts += piece_texts
        except NapError as error:
            self._read_failed(error)
            return
        if small:
            self._swap_in(records, texts, None)
            self._finish_loading()
            return
        if self._rows_year != year and self.model.records:
            self.model.set_rows([])
        self._rows_year = year
        self._streaming = not self.model.records
        self._incoming, self._incoming_texts = [], []
        self._begin_loading(self.tr("Reading the indicators…"))
        self.rows_reader.start(lambda: indicator_pieces(db, year))

    def _small(self) -> bool:
        """Whether the period's indicators are few enough to read at once."""
        if self._read_count is not None and self._rows_year == self.ctx.year:
            return self._read_count < READ_AT_ONCE_BELOW
        try:
            return count_indicators(self.ctx.db, self.ctx.year,
                                    up_to=READ_AT_ONCE_BELOW) < READ_AT_ONCE_BELOW
        except NapError:
            return True  # the read at once says why

    def _rows_read(self, piece: Piece) -> None:
        records, texts = piece
        self._incoming += records
        self._incoming_texts += texts
        if not self._streaming:
            return
        now = time.monotonic()
        if not self.model.records or now - self._appended_at >= self.APPEND_EVERY_S:
            self.model.append_rows(self._incoming, self._incoming_texts)
            self._incoming, self._incoming_texts = [], []
            self._appended_at = now

    def _all_rows_read(self, _result: object) -> None:
        records, texts = self._incoming, self._incoming_texts
        self._incoming, self._incoming_texts = [], []
        if self._streaming:
            self._streaming = False
            self.model.append_rows(records, texts)
            self._read_count = len(self.model.records)
            if self._wanted_order() is not None:  # the rows streamed in after the sort
                self._rearrange(self._wanted(), self._wanted_order(), "sort", again=True)
            self._settled()
            return
        self._read_count = len(records)
        # what the person asks for now (an answer still being worked out included)
        criteria, sorted_by = self._wanted(), self._wanted_order()
        if len(records) < self.SMALL or (criteria.everything() and sorted_by is None):
            self._swap_in(records, texts, None)
            self._settled()
            return
        self._swap_later(records, texts, criteria, sorted_by)

    def _swap_later(self, records: list[IndicatorRecord], texts: list[str],
                    criteria: IndicatorCriteria, sorted_by: Sorted) -> None:
        """Swap these rows in once a worker has filtered and ordered them."""
        self._pending_swap = (records, texts)
        self.arrange_reader.start(lambda: ("swap", records, texts, arrange(
            records, texts, criteria, sorted_by)))

    def _swap_in(self, records: list[IndicatorRecord], texts: list[str],
                 arrangement: Arrangement | None) -> None:
        """The model's rows replaced whole, the current indicator kept current."""
        self._read_count = len(records)
        self._rows_year = self.ctx.year
        self.message.hide()
        current = self.current_row()
        if arrangement is not None:
            self.proxy.preset(arrangement)
        self.model.set_rows(records, texts)
        if current is not None:  # after an edit, the indicator edited stays current
            self.select_indicator(current.uuid)
        self._update_count()

    def _rearrange(self, criteria: IndicatorCriteria, sorted_by: Sorted, kind: str, *,
                   again: bool = False) -> None:
        """Show the rows that pass `criteria` in the order `sorted_by`: at once for a
        short list, else worked out on a worker."""
        proxy = self.proxy
        if self._pending_swap is not None:  # new rows are waiting: arrange those instead
            self._swap_later(*self._pending_swap, criteria, sorted_by)
            return
        if criteria == proxy.criteria and sorted_by == proxy.sorted_by and not again:
            self.arrange_reader.stop()  # an answer to an older question is not wanted
            self._settled()
            return
        records, texts = self.model.records, self.model.texts
        order = proxy.order_now() if sorted_by == proxy.sorted_by and not again else None
        count = len(records)
        if count < self.SMALL:
            self.arrange_reader.stop()
            self._show(kind, arrange(records, texts, criteria, sorted_by, order))
            self._settled()
            return
        self._begin_loading(self.tr("Sorting the indicators…") if kind == "sort"
                            else self.tr("Filtering the indicators…"))
        self.arrange_reader.start(lambda: (kind, records, texts, arrange(
            records, texts, criteria, sorted_by, order, count)))

    def _arranged(self, answer: tuple[str, list[IndicatorRecord], list[str], Arrangement]
                  ) -> None:
        kind, records, texts, arrangement = answer
        if kind == "swap":
            self._pending_swap = None
            self._swap_in(records, texts, arrangement)
        elif records is self.model.records:
            self._show(kind, arrangement)
            if (arrangement.sorted_by is not None and not self._streaming
                    and arrangement.count < len(records)):
                # rows streamed in after the order was worked out: order them all
                self._rearrange(arrangement.criteria, arrangement.sorted_by, "sort",
                                again=True)
                return
        else:  # the rows were replaced meanwhile: work it out again over the new ones
            self._rearrange(arrangement.criteria, arrangement.sorted_by, kind, again=True)
            return
        self._settled()

    def _show(self, kind: str, arrangement: Arrangement) -> None:
        if kind == "sort" and arrangement.criteria == self.proxy.criteria:  # the same rows
            self.proxy.reorder(arrangement)
        else:
            self.proxy.show(arrangement)
        self._update_count()

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        self._asked_sort = (column, order)
        self._rearrange(self.proxy.criteria, (column, order), "sort")

    def _settled(self) -> None:
        if not (self.rows_reader.busy() or self.arrange_reader.busy() or self._streaming):
            self._finish_loading()

    def _read_failed(self, error: object) -> None:
        self._streaming = False
        self._finish_loading()
        if not isinstance(error, NapError):
            raise error if isinstance(error, BaseException) else RuntimeError(error)
        self._refused(error)

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
        self._rearrange(IndicatorCriteria(text.strip(), self._wanted().state),
                        self._wanted_order(), "filter")

    def _show_changed(self, index: int) -> None:
        self._rearrange(IndicatorCriteria(self._wanted().search, index),
                        self._wanted_order(), "filter")

    def _wanted(self) -> IndicatorCriteria:
        """What the filter box and the choice ask for now."""
        return IndicatorCriteria(self.filter_edit.text().strip(),
                                 max(self.show_combo.currentIndex(), 0))

    def _wanted_order(self) -> Sorted:
        return self._asked_sort if self._asked_sort is not None else self.proxy.sorted_by

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
        number = self.model.number_of(uuid)
        if number is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(number, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.edit_current()
            return True
        return super().eventFilter(watched, event)
