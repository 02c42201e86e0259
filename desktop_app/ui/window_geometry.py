"""The window's place on the screen: inside the available area, as the person left it.

Old laptops have 1366x768 screens with a task bar, so a fixed 1280x800 window would
hang off the bottom with its status bar out of sight. The window opens within the
screen's available geometry (room left for its frame and title bar), at the size and
position saved when it was last closed (the per-user preferences file) when that
still fits, else centred. Dialogs are held to the same area by `fit_dialog`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop_app.core.preferences import load_preferences, save_preference

WINDOW = "window"
DEFAULT_SIZE = QSize(1280, 800)
# Room for the frame and title bar, which a window only knows of once it is shown.
FRAME = QSize(16, 40)


def available_area(widget: QWidget | None = None) -> QRect:
    """The area windows may use on the widget's screen (the primary one by default)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def room(area: QRect) -> QSize:
    """The largest client size whose frame still fits the area."""
    return QSize(max(area.width() - FRAME.width(), 200), max(area.height() - FRAME.height(), 150))


def _saved() -> dict[str, Any]:
    value = load_preferences().get(WINDOW)
    if not isinstance(value, dict):
        return {}
    numbers = ("x", "y", "width", "height")
    if not all(isinstance(value.get(k), int) and not isinstance(value.get(k), bool)
               for k in numbers):
        return {}
    return value


def place_window(window: QWidget, area: QRect | None = None) -> None:
    """Size and move the window within the area, as saved when it fits, else centred."""
    area = area if area is not None else available_area(window)
    fits = room(area)
    saved = _saved()
    size = QSize(saved["width"], saved["height"]) if saved else QSize(DEFAULT_SIZE)
    window.setMinimumSize(window.minimumSize().boundedTo(fits))
    size = size.boundedTo(fits).expandedTo(window.minimumSize())
    window.resize(size)
    outer = QRect(QPoint(saved.get("x", 0), saved.get("y", 0)), size + FRAME)
    if saved and area.contains(outer):
        window.move(outer.topLeft())
    else:
        centred = QRect(QPoint(0, 0), size + FRAME)
        centred.moveCenter(area.center())
        window.move(_inside(centred, area))
    if saved.get("maximized") is True:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def _inside(rect: QRect, area: QRect) -> QPoint:
    return QPoint(max(rect.left(), area.left()), max(rect.top(), area.top()))


def remember_window(window: QWidget) -> None:
    """Save the window's normal size and position for the next start."""
    maximized = window.isMaximized()
    geometry = window.normalGeometry() if maximized else window.geometry()
    frame_offset = window.geometry().topLeft() - window.pos()
    corner = geometry.topLeft() - frame_offset
    save_preference(WINDOW, {"x": corner.x(), "y": corner.y(), "width": geometry.width(),
                             "height": geometry.height(), "maximized": maximized})


def fit_dialog(dialog: QWidget) -> None:
    """Hold a dialog within the available area of its screen (and its minimum too)."""
    fits = room(available_area(dialog.parentWidget() or dialog))
    dialog.setMinimumSize(dialog.minimumSize().boundedTo(fits))
    dialog.setMaximumSize(dialog.maximumSize().boundedTo(fits))
    wanted = dialog.size() if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized) else (
        dialog.sizeHint())
    dialog.resize(wanted.boundedTo(fits))
