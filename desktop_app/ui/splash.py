"""The first thing a person sees: a small window saying what is being opened.

Shown as soon as Qt is up, before the database is opened (and migrated, with its
backup), the demo filled or the window made, so a large database never opens to a
blank wait. Each stage says what it does; once the window is shown the splash goes,
and the pages show their own progress (their busy bars) while they read.

A plain frameless widget, not a QSplashScreen: QSplashScreen's show waits up to a
second for the window system to report the window exposed (a copy of QTest's
qWaitForWindowExposed inside Qt), and where it never does (offscreen, some window
managers) every start-up lost that second before anything else happened. This one
is drawn by one repaint() and costs a few milliseconds.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.ui.app import APP_NAME

SIZE = (460, 150)


class Splash(QWidget):
    """Says which stage of opening the program is in."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setFixedSize(*SIZE)
        self.message = ""
        self._title_font = QFont(QApplication.font())
        self._title_font.setPointSizeF(self._title_font.pointSizeF() * 1.6)
        self._title_font.setBold(True)
        screen = QApplication.primaryScreen()
        if screen is not None:
            self.move(screen.availableGeometry().center() - self.rect().center())

    def opening(self, path: Path) -> None:
        self.say(self.tr("Opening %1…").replace("%1", path.name))

    def filling_demo(self) -> None:
        self.say(self.tr("Filling the demo database…"))

    def preparing(self) -> None:
        self.say(self.tr("Preparing the window…"))

    def say(self, text: str) -> None:
        self.message = text
        if not self.isVisible():
            self.show()
        # Drawn now: what follows keeps the GUI thread busy until the window shows.
        self.repaint()

    def done(self, window: QWidget | None) -> None:
        """The window is there (or a dialog comes first): the splash goes, until the next
        say() if there is one (after the first-run setup)."""
        self.close()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hide()  # as a QSplashScreen does: a click puts it away

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        painter = QPainter(self)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(0, 0, SIZE[0] - 1, SIZE[1] - 1)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        font = painter.font()
        painter.setFont(self._title_font)
        painter.drawText(QRect(0, 24, SIZE[0], 40), Qt.AlignmentFlag.AlignHCenter, APP_NAME)
        painter.setFont(font)
        painter.drawText(QRect(12, 0, SIZE[0] - 24, SIZE[1] - 12),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
                         | Qt.TextFlag.TextWordWrap, self.message)
        painter.end()
