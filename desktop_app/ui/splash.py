"""The first thing a person sees: a small window saying what is being opened.

Shown as soon as Qt is up, before the database is opened (and migrated, with its
backup), the demo filled or the window made, so a large database never opens to a
blank wait. Each stage says what it does; once the window is shown the splash goes,
and the pages show their own progress (their busy bars) while they read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QSplashScreen, QWidget

from desktop_app.ui.app import APP_NAME

SIZE = (460, 150)


def _picture() -> QPixmap:
    palette = QApplication.palette()
    pixmap = QPixmap(*SIZE)
    pixmap.fill(palette.color(QPalette.ColorRole.Window))
    painter = QPainter(pixmap)
    painter.setPen(QColor(palette.color(QPalette.ColorRole.Mid)))
    painter.drawRect(0, 0, SIZE[0] - 1, SIZE[1] - 1)
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(palette.color(QPalette.ColorRole.WindowText))
    painter.drawText(QRect(0, 24, SIZE[0], 40), Qt.AlignmentFlag.AlignHCenter, APP_NAME)
    painter.end()
    return pixmap


class Splash(QSplashScreen):
    """Says which stage of opening the program is in."""

    def __init__(self) -> None:
        super().__init__(_picture())

    def opening(self, path: Path) -> None:
        self.say(self.tr("Opening %1…").replace("%1", path.name))

    def filling_demo(self) -> None:
        self.say(self.tr("Filling the demo database…"))

    def preparing(self) -> None:
        self.say(self.tr("Preparing the window…"))

    def say(self, text: str) -> None:
        if not self.isVisible():
            self.show()
        self.showMessage(text, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                         QApplication.palette().color(QPalette.ColorRole.WindowText))
        # Drawn now: what follows keeps the GUI thread busy until the window shows.
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def done(self, window: QWidget | None) -> None:
        if window is not None:
            self.finish(window)
        else:
            self.close()
