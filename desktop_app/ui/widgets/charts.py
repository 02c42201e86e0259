"""Stacked horizontal bars painted with QPainter: no charting library to ship or start.

QtCharts is only in PySide6-Addons (+157 MB) and deprecated; a handful of bars by area
needs a few dozen lines of painting. Each row has a label line and one thin bar per
series (activities by status, indicators against target), every bar scaled against the
largest total of its series so that areas compare at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

STATUS_COLORS = {
    "planned": QColor("#adb5bd"),
    "in_progress": QColor("#4c8fd6"),
    "completed": QColor("#2f9e44"),
    "postponed": QColor("#f59f00"),
    "cancelled": QColor("#e03131"),
}
ON_TRACK = QColor("#2f9e44")
BELOW_TARGET = QColor("#f59f00")
NO_RESULT = QColor("#c3cad1")


@dataclass(frozen=True)
class Series:
    """One kind of bar, with its legend: a name and the name and colour of each segment."""

    name: str
    segments: tuple[tuple[str, QColor], ...]


@dataclass(frozen=True)
class BarRow:
    label: str
    values: tuple[tuple[int, ...], ...]  # one tuple of segment values per series
    captions: tuple[str, ...]  # one caption per series, drawn right of its bar
    tooltip: str = ""


class StackedBars(QWidget):
    BAR_HEIGHT = 12
    BAR_GAP = 3
    ROW_GAP = 8
    SWATCH = 10
    MARGIN = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._series: tuple[Series, ...] = ()
        self._rows: tuple[BarRow, ...] = ()
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    # --- data --------------------------------------------------------------------

    def set_data(self, series: tuple[Series, ...], rows: tuple[BarRow, ...],
                 empty_text: str = "") -> None:
        self._series, self._rows, self._empty_text = series, rows, empty_text
        self.updateGeometry()
        self.update()

    def rows(self) -> tuple[BarRow, ...]:
        return self._rows

    # --- geometry ----------------------------------------------------------------

    def _line(self) -> int:
        return QFontMetrics(self.font()).height()

    def _legend_layout(self, width: int) -> tuple[list[tuple[int, int, str, QColor | None]],
                                                   int]:
        """Place the legend's entries, wrapping to a new line where the width ends.

        Returns (x, line number, text, swatch colour or None for a series name) and
        the number of lines; Vietnamese names are long, so one line rarely suffices.
        """
        metrics = QFontMetrics(self.font())
        placed: list[tuple[int, int, str, QColor | None]] = []
        line = 0
        for series in self._series:
            x = 0
            name = series.name + ":"
            placed.append((x, line, name, None))
            x += metrics.horizontalAdvance(name) + 8
            indent = x
            for segment_name, color in series.segments:
                needed = self.SWATCH + 4 + metrics.horizontalAdvance(segment_name)
                if x > indent and x + needed > width:
                    line, x = line + 1, indent
                placed.append((x, line, segment_name, color))
                x += needed + 12
            line += 1
        return placed, line

    def _legend_height(self) -> int:
        width = max(self.width() - 2 * self.MARGIN, 200)
        return self._legend_layout(width)[1] * (self._line() + 2) + 6

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.updateGeometry()  # the legend may wrap differently at the new width

    def _row_height(self) -> int:
        return self._line() + 2 + len(self._series) * (self.BAR_HEIGHT + self.BAR_GAP) \
            + self.ROW_GAP

    def _caption_width(self) -> int:
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(c) for r in self._rows for c in r.captions),
                     default=0)
        return widest + 10

    def sizeHint(self) -> QSize:
        rows = max(len(self._rows), 1)
        return QSize(420, self.MARGIN * 2 + self._legend_height() + rows * self._row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def _row_at(self, y: int) -> int | None:
        top = self.MARGIN + self._legend_height()
        if y < top:
            return None
        index = (y - top) // self._row_height()
        return index if 0 <= index < len(self._rows) else None

    # --- painting ----------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        metrics = QFontMetrics(self.font())
        text_color = self.palette().color(QPalette.ColorRole.WindowText)
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText)
        left, width = self.MARGIN, self.width() - 2 * self.MARGIN
        y = self.MARGIN
        line = self._line()

        # legend, wrapped to the width
        placed, lines = self._legend_layout(max(width, 200))
        for x, number, label, color in placed:
            top = y + number * (line + 2)
            if color is None:
                painter.setPen(muted)
                painter.drawText(QRect(left + x, top, width, line),
                                 Qt.AlignmentFlag.AlignVCenter, label)
                continue
            painter.fillRect(QRect(left + x, top + (line - self.SWATCH) // 2, self.SWATCH,
                                   self.SWATCH), color)
            painter.setPen(text_color)
            painter.drawText(QRect(left + x + self.SWATCH + 4, top, width, line),
                             Qt.AlignmentFlag.AlignVCenter, label)
        y += lines * (line + 2) + 6

        if not self._rows:
            painter.setPen(muted)
            painter.drawText(QRect(left, y, width, line), Qt.AlignmentFlag.AlignVCenter,
                             self._empty_text)
            return

        caption_width = self._caption_width()
        bar_width = max(width - caption_width, 40)
        maxima = [max((sum(r.values[i]) for r in self._rows), default=0)
                  for i in range(len(self._series))]
        for row in self._rows:
            painter.setPen(text_color)
            label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, width)
            painter.drawText(QRect(left, y, width, line), Qt.AlignmentFlag.AlignVCenter, label)
            y += line + 2
            for i, series in enumerate(self._series):
                values = row.values[i]
                track = QRect(left, y, bar_width, self.BAR_HEIGHT)
                painter.fillRect(track, self.palette().color(QPalette.ColorRole.AlternateBase))
                scale = bar_width / maxima[i] if maxima[i] else 0.0
                start = float(left)
                for value, (_, color) in zip(values, series.segments, strict=True):
                    if value <= 0:
                        continue
                    end = start + value * scale
                    painter.fillRect(QRect(round(start), y, max(round(end) - round(start), 1),
                                           self.BAR_HEIGHT), color)
                    start = end
                painter.setPen(text_color)
                painter.drawText(QRect(left + bar_width + 6, y - 2, caption_width,
                                       self.BAR_HEIGHT + 4),
                                 Qt.AlignmentFlag.AlignVCenter, row.captions[i])
                y += self.BAR_HEIGHT + self.BAR_GAP
            y += self.ROW_GAP

    # --- tooltips ----------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._row_at(event.pos().y())
            if index is not None and self._rows[index].tooltip:
                QToolTip.showText(event.globalPos(), self._rows[index].tooltip, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_at(self, point: QPoint) -> str:
        index = self._row_at(point.y())
        return self._rows[index].tooltip if index is not None else ""
