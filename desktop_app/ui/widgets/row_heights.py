"""A table's rows fitted to their wrapped text as they come into view, not all at once.

A QTableView whose vertical header is in ResizeToContents measures every cell of every
row (a text layout of each wrapped text, and a dozen model roles asked of each cell)
whenever its rows or its widths change. The import log's 200 rows took ~0.44 s of the
GUI thread when its page was shown, and its columns sized to their contents over every
row ~0.11 s more (measured 2 Dec 2026, a focal point with 239 log lines). Here a row
keeps the one-line height until it is in the viewport and is fitted then, a screenful
at a time; a change of the columns' widths (the stretched column follows the window)
fits the rows shown again, and the others when they are next shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView


class RowsFittedInView(QObject):
    """Fits the rows of `view` to their contents as they come into its viewport (the
    view's model when this is made: set the model first)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view
        self._fitted: set[int] = set()
        # a reset, a resize and a scroll in one turn fit once, when control is back in
        # the event loop; the timer goes with the view
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._fit)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._to_end = False  # the view was at its end when its last rows grew
        view.verticalScrollBar().valueChanged.connect(self._later)
        view.verticalScrollBar().rangeChanged.connect(self._range_changed)
        view.horizontalHeader().sectionResized.connect(self._widths_changed)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.rowsRemoved, model.dataChanged):
            signal.connect(self._rows_changed)

    def fitted(self) -> frozenset[int]:
        """The rows fitted since the rows or the widths last changed."""
        return frozenset(self._fitted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._later()
        return False

    def _rows_changed(self, *_: object) -> None:
        self._fitted.clear()
        self._later()

    def _widths_changed(self, _section: int, old: int, new: int) -> None:
        if old != new:
            self._rows_changed()

    def _later(self, *_: object) -> None:
        self._timer.start()

    def _range_changed(self, _least: int, most: int) -> None:
        if self._to_end:  # taller last rows lengthen the scroll: keep to the end
            self._to_end = False
            self._view.verticalScrollBar().setValue(most)

    def _fit(self) -> None:
        self._to_end = False
        view = self._view
        model = view.model()
        if model is None or not view.isVisible():
            return
        rows = model.rowCount()
        row = view.rowAt(0)
        if row < 0:
            return
        bar = view.verticalScrollBar()
        # at the end of a list that scrolls (one that fitted on one line a row is at its
        # top as much as at its end, and stays at its top)
        at_end = 0 < bar.maximum() == bar.value()
        height = view.viewport().height()
        grown = False
        # each row fitted moves the ones below it: their places are read after it
        while row < rows and view.rowViewportPosition(row) < height:
            if row not in self._fitted:
                view.resizeRowToContents(row)
                self._fitted.add(row)
                grown = True
            row += 1
        # at the end, the last rows stay in view as they grow (and are fitted then)
        self._to_end = at_end and grown
