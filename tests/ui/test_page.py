"""What the window asks its pages (Page) and how every widget follows the language."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.ui.context import AppContext
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.pages.page import EditActions, Page
from desktop_app.ui.retranslating import Retranslating

pytestmark = pytest.mark.gui


class _Counting(Retranslating, QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        self.times = 0
        self.retranslate()

    def retranslate(self) -> None:
        self.times += 1
        self.label.setText(self.tr("Overview"))


def test_a_language_change_retranslates_once(qtbot: Any) -> None:
    widget = _Counting()
    qtbot.addWidget(widget)
    assert widget.times == 1
    QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
    assert widget.times == 2
    QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.FontChange))
    assert widget.times == 2


def test_a_widget_that_shows_words_must_say_how(qtbot: Any) -> None:
    class Mute(Retranslating, QWidget):
        pass

    widget = Mute()
    qtbot.addWidget(widget)
    with pytest.raises(NotImplementedError, match="Mute"):
        widget.retranslate()


def test_a_page_offers_nothing_unless_it_says_so(qtbot: Any) -> None:
    class Plain(Page):
        def refresh(self) -> None:
            self._stale = False

        def retranslate(self) -> None:
            pass

    page = Plain()
    qtbot.addWidget(page)
    assert page.default_focus() is None
    assert page.can_close()
    assert page.edit_actions() == EditActions() and EditActions().offered() == {}


def test_the_activities_page_takes_the_keyboard_when_shown(qtbot: Any,
                                                          ctx: AppContext) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_page(1)
    focus = window.pages["activities"].default_focus()
    assert focus is not None
    qtbot.waitUntil(focus.hasFocus)


def test_a_page_with_unsaved_work_keeps_the_window_open(
        qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    page = window.pages["activities"]
    monkeypatch.setattr(page, "can_close", lambda: False)
    assert not window.close()
    assert window.isVisible()
    monkeypatch.setattr(page, "can_close", lambda: True)
    assert window.close()
