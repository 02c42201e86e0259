"""The window and its dialogs fit an old laptop's 1366x768 screen, and the window
opens where the person left it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget

from desktop_app.core.preferences import load_preferences, save_preference
from desktop_app.ui.dialogs.export_dialog import ExportDialog
from desktop_app.ui.dialogs.import_dialog import ImportDialog
from desktop_app.ui.dialogs.report_settings_dialog import ReportSettingsDialog
from desktop_app.ui.dialogs.setup_dialog import SetupDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.window_geometry import FRAME, WINDOW, place_window, remember_window

pytestmark = pytest.mark.gui
LAPTOP = QRect(0, 0, 1366, 728)  # 1366x768 less a 40-pixel task bar


def _outer(widget: QWidget) -> QRect:
    return QRect(widget.pos(), widget.size() + FRAME)


def test_the_window_opens_within_a_small_laptop_screen(qtbot: Any, ctx: Any) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    place_window(window, LAPTOP)
    assert LAPTOP.contains(_outer(window))
    assert window.height() <= 688 and window.width() >= 960
    window.show()
    qtbot.waitExposed(window)
    status = window.statusBar()
    assert status.isVisible() and status.geometry().bottom() < window.height()


def test_the_window_remembers_its_size_and_position(qtbot: Any, ctx: Any) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1000, 620)
    window.move(40, 30)
    remember_window(window)
    saved = load_preferences()[WINDOW]
    assert (saved["width"], saved["height"]) == (1000, 620)
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    place_window(again, LAPTOP)
    assert again.size() == QSize(1000, 620)
    assert again.pos() == window.pos()


def test_a_size_saved_on_a_bigger_screen_is_held_to_this_one(qtbot: Any, ctx: Any) -> None:
    save_preference(WINDOW, {"x": 1500, "y": 900, "width": 1900, "height": 1100,
                             "maximized": False})
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    place_window(window, LAPTOP)
    assert LAPTOP.contains(_outer(window))


def test_a_damaged_saved_place_is_ignored(qtbot: Any, ctx: Any) -> None:
    save_preference(WINDOW, {"x": "left", "width": True})
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    place_window(window, LAPTOP)
    assert LAPTOP.contains(_outer(window))


def _fits(dialog: QWidget) -> None:
    wanted = dialog.sizeHint().expandedTo(dialog.minimumSize())
    assert wanted.width() <= LAPTOP.width() - FRAME.width(), type(dialog).__name__
    assert wanted.height() <= LAPTOP.height() - FRAME.height(), type(dialog).__name__


def test_every_big_dialog_fits_the_laptop_screen(qtbot: Any, ctx: Any, vi_ctx: Any,
                                                 empty_db: Any, tmp_path: Path) -> None:
    window = MainWindow(vi_ctx)
    qtbot.addWidget(window)
    editor = window.pages["activities"].new_activity()  # type: ignore[attr-defined]
    _fits(editor)
    editor.reject()
    for dialog in (ExportDialog(vi_ctx), ReportSettingsDialog(vi_ctx.db, "vi"),
                   SetupDialog(empty_db, "vi"),
                   ImportDialog(vi_ctx, [tmp_path / "a.xlsx"], plan_now=False)):
        qtbot.addWidget(dialog)
        if isinstance(dialog, ExportDialog):
            qtbot.waitUntil(dialog.version_known, timeout=10000)
        _fits(dialog)
