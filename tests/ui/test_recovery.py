"""What survives a restart: an unsaved activity after a crash, the chosen language,
and where the keyboard is when a page opens."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import desktop_app.ui.main_window as main_window_module
from desktop_app.core.domain.validation import ActivityDraft
from desktop_app.core.preferences import preferred_language
from desktop_app.core.services.drafts import new_draft_path, pending_drafts, write_draft_file
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
YEAR = date.today().year
TITLE = "Hội nghị tập huấn Ủy ban nhân dân xã Ỷ La (chưa lưu)"


@pytest.fixture
def window(qtbot: Any, ctx: AppContext) -> MainWindow:
    shown = MainWindow(ctx)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _left_draft(ctx: AppContext) -> Path:
    path = new_draft_path(ctx.db.path, None)
    draft = ActivityDraft(title=TITLE, task_code="", type="training", status="planned")
    write_draft_file(path, draft, YEAR)
    return path


def _answer(monkeypatch: pytest.MonkeyPatch, index: int) -> list[str]:
    asked: list[str] = []

    def choose(parent: Any, title: str, text: str, buttons: list[str]) -> int:
        asked.append(text)
        return index

    monkeypatch.setattr(message_box, "choose", choose)
    return asked


def test_an_unsaved_draft_is_offered_and_reopened(window: MainWindow, ctx: AppContext,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = _left_draft(ctx)
    asked = _answer(monkeypatch, 0)
    window.offer_unsaved_drafts()
    assert len(asked) == 1 and TITLE in asked[0]
    page: Any = window.pages["activities"]
    assert window.current_page_key() == "activities"
    editor = page.editor
    assert editor is not None and editor.title_edit.text() == TITLE
    assert editor.draft_path == path
    # closing a recovered draft without touching it still asks: it was never saved
    asked_unsaved: list[bool] = []
    monkeypatch.setattr(editor, "ask_unsaved",
                        lambda: asked_unsaved.append(True) or "discard")
    editor.reject()
    assert asked_unsaved == [True] and not path.exists()


def test_a_discarded_draft_is_gone_and_later_keeps_it(window: MainWindow, ctx: AppContext,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = _left_draft(ctx)
    _answer(monkeypatch, 2)  # later
    window.offer_unsaved_drafts()
    assert path.exists()
    _answer(monkeypatch, 1)  # discard
    window.offer_unsaved_drafts()
    assert not path.exists() and pending_drafts(ctx.db.path) == []


def test_drafts_of_another_database_are_not_offered(window: MainWindow, ctx: AppContext,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    other = new_draft_path(tmp_path / "other.sqlite", None)
    write_draft_file(other, ActivityDraft(title="x", task_code="", type="other",
                                          status="planned"), YEAR)
    asked = _answer(monkeypatch, 1)
    window.offer_unsaved_drafts()
    assert asked == [] and other.exists()


def test_the_language_chosen_in_the_window_is_remembered(window: MainWindow,
                                                         ctx: AppContext) -> None:
    ctx.set_language("vi")
    assert preferred_language() == "vi"
    ctx.set_language("en")
    assert preferred_language() == "en"


def test_a_page_opened_from_the_list_takes_the_keyboard(window: MainWindow,
                                                        qtbot: Any) -> None:
    activities_row = [key for key, *_ in main_window_module.PAGES].index("activities")
    item = window.navigation.item(activities_row)
    rect = window.navigation.visualItemRect(item)
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    page: Any = window.pages["activities"]
    assert window.current_page_key() == "activities"
    focused = QApplication.focusWidget()
    assert focused is not None and page.isAncestorOf(focused)
