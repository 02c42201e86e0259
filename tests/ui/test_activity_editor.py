"""The activity editor, typed into the way Unikey/IBus deliver Vietnamese (commit strings)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import event

from desktop_app.core.domain.entry import parse_number, parse_whole_number
from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft
from desktop_app.core.problems import Problem
from desktop_app.core.progress import drive
from desktop_app.core.services import activities, demo, setup
from desktop_app.core.services.drafts import (
    draft_from_json,
    draft_to_json,
    load_draft_file,
    pending_drafts,
)
from desktop_app.core.storage.database import Database
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import editor_fields, message_box
from desktop_app.ui.dialogs.activity_editor import ActivityEditor
from desktop_app.ui.dialogs.editor_indicators import DUE, TARGET
from desktop_app.ui.pages.activities_page import ActivitiesPage

pytestmark = pytest.mark.gui
YEAR = date.today().year
TITLE = "Tập huấn Ủy ban nhân dân xã Ỷ La"


def commit_text(widget: QWidget, text: str) -> None:
    """Type text as an input method does: one commit string, no key events."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def small_db(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "agency.sqlite")
    setup.initialise(db, Role.AGENCY, "VLG")
    drive(demo.fill_demo(db, activities=10, seed=1, period=YEAR))
    yield db
    db.close()


@pytest.fixture
def page(qtbot: Any, small_db: Database) -> ActivitiesPage:
    ctx = AppContext(small_db, "vi")
    ctx.set_year(YEAR)
    page = ActivitiesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def new_editor(page: ActivitiesPage) -> ActivityEditor:
    editor = page.new_activity()
    assert page.editor is editor
    return editor


def test_create_with_vietnamese_typed_by_an_input_method(
        qtbot: Any, page: ActivitiesPage) -> None:
    editor = new_editor(page)
    commit_text(editor.title_edit, TITLE)
    assert editor.title_edit.text() == TITLE

    # The task is found without tones, as someone without Unikey would type it.
    task = editor.catalog.tasks[0]
    task_line = editor.task_combo.lineEdit()
    assert task_line is not None
    words = " ".join(task.title_vi.split()[:3])
    commit_text(task_line, words)
    assert editor.task_filter.rowCount() >= 1
    assert editor.error_text("task")  # text that is not a task yet
    first = editor.task_filter.index(0, 0).data()
    task_line.setText("")
    commit_text(task_line, first)
    assert editor.current_draft().task_code == task.code
    assert editor.error_text("task") == ""

    # A recommendation found by searching, ticked from the keyboard.
    commit_text(editor.rec_search, "tu hinh")
    assert 0 < editor.rec_filter.rowCount() < editor.rec_model.rowCount()
    editor.tabs.setCurrentIndex(1)
    editor.rec_list.setFocus()
    editor.rec_list.setCurrentIndex(editor.rec_filter.index(0, 0))
    QTest.keyClick(editor.rec_list, Qt.Key.Key_Space)
    code = editor.rec_filter.index(0, 0).data(Qt.ItemDataRole.UserRole)
    assert editor.current_draft().recommendation_codes == [code]
    assert "§" in editor.rec_filter.index(0, 0).data()

    QTest.keyClicks(editor.budget_edit, "1500000")
    assert editor.budget_edit.text() == "1.500.000"
    QTest.keyClicks(editor.count_edits["women"], "25")
    commit_text(editor.text_edits["challenges"], "Đường xa, thời tiết xấu")

    editor.add_indicator()
    for column, text in enumerate(["Số người được tập huấn", "người", "0", "120", "",
                                   "95", "Số liệu sơ bộ"]):
        editor.indicator_table.item(editor.indicator_table.rowCount() - 1, column).setText(text)
    assert editor.save_button.isEnabled(), editor.problems

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert page.editor is None

    saved = [r for r in activities.list_activities(page.ctx.db, YEAR) if r.title == TITLE]
    assert len(saved) == 1
    draft = activities.load_draft(page.ctx.db, saved[0].uuid)
    assert (draft.budget_vnd, draft.women, draft.challenges) == (
        1_500_000, 25, "Đường xa, thời tiết xấu")
    assert draft.recommendation_codes == [code]
    assert [(i.name, i.target, i.result) for i in draft.indicators] == [
        ("Số người được tập huấn", 120.0, 95.0)]
    assert page.model.row_of_uuid(saved[0].uuid) is not None
    assert page.selected_uuids() == [saved[0].uuid]

    page.undo_action.trigger()  # undo the creation
    assert page.model.row_of_uuid(saved[0].uuid) is None
    page.redo_action.trigger()
    assert activities.load_draft(page.ctx.db, saved[0].uuid) == draft


def test_edit_then_undo_and_redo(qtbot: Any, page: ActivitiesPage) -> None:
    row = page.model.rows[0]
    page.select_uuids({row.uuid}, row.uuid)
    editor = page.edit_selected()
    assert editor is not None and not editor.is_new
    editor.title_edit.selectAll()
    commit_text(editor.title_edit, "Hội nghị phổ biến pháp luật")
    assert editor.save() is True
    assert activities.load_draft(page.ctx.db, row.uuid).title == "Hội nghị phổ biến pháp luật"
    page.undo_action.trigger()
    assert activities.load_draft(page.ctx.db, row.uuid).title == row.title
    page.redo_action.trigger()
    assert activities.load_draft(page.ctx.db, row.uuid).title == "Hội nghị phổ biến pháp luật"


def test_empty_title_is_shown_next_to_the_field_and_save_is_disabled(
        qtbot: Any, page: ActivitiesPage) -> None:
    editor = new_editor(page)
    assert editor.error_text("title") == ""  # a blank form: no marks yet
    assert editor.save() is False  # Save shows them
    assert editor.error_text("title") == "Trường này là bắt buộc."
    assert not editor.save_button.isEnabled()
    commit_text(editor.title_edit, TITLE)
    assert editor.error_text("title") == ""
    editor.title_edit.setText("   ")
    assert editor.error_text("title") == "Trường này là bắt buộc."
    assert editor.save() is False


def test_end_before_start_is_shown_at_the_end_date(qtbot: Any, page: ActivitiesPage) -> None:
    row = page.model.rows[0]
    page.select_uuids({row.uuid}, row.uuid)
    editor = page.edit_selected()
    assert editor is not None
    assert editor.save_button.isEnabled()
    editor.start_field.set_value(date(YEAR, 6, 10))
    editor.end_field.check.setChecked(True)
    editor.end_field.edit.setDate(QDate(YEAR, 6, 1))
    assert editor.error_text("end_date") == (
        f"Ngày kết thúc 01/06/{YEAR} trước ngày bắt đầu 10/06/{YEAR}.")  # dd/mm/yyyy
    assert not editor.save_button.isEnabled()
    assert "⚠" in editor.tabs.tabText(0)
    editor.end_field.check.setChecked(False)  # dates are optional
    assert editor.error_text("end_date") == ""
    assert editor.save_button.isEnabled()


def test_a_bad_indicator_number_is_named_by_row_and_column(
        qtbot: Any, page: ActivitiesPage) -> None:
    editor = new_editor(page)
    editor.add_indicator()
    editor.indicator_table.item(0, 3).setText("nhiều")
    assert "“nhiều”" in editor.error_text("indicators")
    assert editor.error_text("indicators").startswith("Row 1")


def test_closing_with_unsaved_changes_asks(
        qtbot: Any, page: ActivitiesPage, monkeypatch: pytest.MonkeyPatch) -> None:
    editor = new_editor(page)
    commit_text(editor.title_edit, TITLE)
    answers = ["cancel", "discard"]
    monkeypatch.setattr(ActivityEditor, "ask_unsaved", lambda self: answers.pop(0))
    editor.close()
    assert editor.isVisible() and page.editor is editor  # "keep editing"
    editor.close()
    assert page.editor is None and answers == []
    assert TITLE not in {r.title for r in activities.list_activities(page.ctx.db, YEAR)}


def test_unsaved_prompt_can_save(
        qtbot: Any, page: ActivitiesPage, monkeypatch: pytest.MonkeyPatch) -> None:
    row = page.model.rows[0]
    page.select_uuids({row.uuid}, row.uuid)
    editor = page.edit_selected()
    assert editor is not None
    editor.text_edits["next_steps"].moveCursor(QTextCursor.MoveOperation.End)
    commit_text(editor.text_edits["next_steps"], " Tiếp tục.")
    monkeypatch.setattr(ActivityEditor, "ask_unsaved", lambda self: "save")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    assert page.editor is None
    assert activities.load_draft(page.ctx.db, row.uuid).next_steps.endswith(" Tiếp tục.")


def test_draft_file_is_written_while_editing_and_removed_after_save(
        qtbot: Any, page: ActivitiesPage) -> None:
    editor = new_editor(page)
    path = editor.draft_path
    assert not path.exists()
    commit_text(editor.title_edit, TITLE)
    qtbot.waitUntil(path.exists, timeout=3000)
    assert pending_drafts(page.ctx.db.path) == [path]
    assert load_draft_file(path).title == TITLE
    editor.task_combo.setCurrentIndex(0)
    assert editor.save()
    assert not path.exists() and pending_drafts(page.ctx.db.path) == []


def test_a_draft_left_by_a_crash_can_be_reopened(qtbot: Any, page: ActivitiesPage) -> None:
    editor = new_editor(page)
    commit_text(editor.title_edit, TITLE)
    editor.flush_draft_file()
    path = editor.draft_path
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    editor._remove_draft_file = lambda: None  # type: ignore[method-assign]  # "crash"
    editor.done(0)
    editor.deleteLater()
    assert pending_drafts(page.ctx.db.path) == [path]
    restored = page.open_editor(load_draft_file(path), draft_path=path)
    assert restored.title_edit.text() == TITLE
    restored.task_combo.setCurrentIndex(0)
    assert restored.save()
    assert pending_drafts(page.ctx.db.path) == []


def test_draft_json_round_trip() -> None:
    draft = ActivityDraft(
        title=TITLE, task_code="T1", type="training", status="planned",
        start_date=date(2026, 3, 1), budget_vnd=5, recommendation_codes=["A"],
        indicators=[IndicatorDraft("n", "u", 3.0, due_date=date(2026, 12, 1), uuid="x")],
        uuid=None)
    restored, year = draft_from_json(draft_to_json(draft, 2026))
    assert restored == draft and year == 2026
    assert dataclasses.asdict(restored)["indicators"][0]["due_date"] == date(2026, 12, 1)


@pytest.mark.parametrize(("text", "lang", "value"), [
    ("1.500", "vi", 1500.0), ("1,5", "vi", 1.5), ("1.5", "en", 1.5), ("1,500", "en", 1500.0),
    ("1.234.567,5", "vi", 1234567.5), ("", "vi", None), ("12", "en", 12.0)])
def test_parse_number(text: str, lang: str, value: float | None) -> None:
    assert parse_number(text, lang) == value


def test_typing_asks_the_database_nothing(qtbot: Any, page: ActivitiesPage) -> None:
    editor = new_editor(page)
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    event.listen(page.ctx.db.engine, "before_cursor_execute", seen)
    try:
        assert editor.error_text("title") == ""  # a blank form: no marks before an edit
        QTest.keyClicks(editor.title_edit, "Tap huan")
        commit_text(editor.title_edit, " Ủy ban")
        QTest.keyClicks(editor.budget_edit, "1500000")
        QTest.keyClicks(editor.count_edits["women"], "25")
        editor.task_combo.setCurrentIndex(0)
        editor.add_indicator()
        editor.indicator_table.item(0, TARGET).setText("12,5")
        editor.indicator_table.item(0, DUE).setText("31/02/2026")
        editor.flush_draft_file()
        typed = list(statements)
        # validation did run on every change, against the loaded catalog
        assert editor.error_text("title") == "" and editor.error_text("task") == ""
        assert "Due date" in editor.error_text("indicators")
        assert editor.budget_edit.text() == "1.500.000"
        svc_catalog = activities.activity_catalog(page.ctx.db)  # the listener does count
    finally:
        event.remove(page.ctx.db.engine, "before_cursor_execute", seen)
    assert typed == []
    assert sum(s.startswith("SELECT") for s in statements) == 2  # what opening one costs
    assert editor.codes == svc_catalog


def test_the_unsaved_changes_box_names_its_own_buttons(
        qtbot: Any, page: ActivitiesPage, monkeypatch: pytest.MonkeyPatch) -> None:
    editor = new_editor(page)
    commit_text(editor.title_edit, TITLE)
    seen: list[list[str]] = []

    def press_discard() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(sorted(b.text() for b in box.buttons()))
        assert box.defaultButton().text() == "Keep editing"
        next(b for b in box.buttons() if b.text() == "Discard changes").click()

    QTimer.singleShot(0, press_discard)
    assert editor.ask_unsaved() == "discard"
    assert seen == [["Discard changes", "Keep editing", "Save"]]
    asked: list[str] = []
    monkeypatch.setattr(message_box, "ask_unsaved_changes",
                        lambda parent, title, text, *buttons: asked.append(text) or "discard")
    editor.reject()
    assert asked == ["This activity has changes that are not saved."]
    assert page.editor is None


def test_a_whole_number_the_rules_cannot_read_is_shown_and_left_as_typed(
        qtbot: Any, page: ActivitiesPage, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where issue 13's rules will refuse "12,5" people: the fields already show it."""

    def refuse_a_comma(text: str, lang: str) -> int | None | Problem:
        if "," in text:
            return Problem("value.not_whole_number", {"value": text})
        return parse_whole_number(text, lang)

    monkeypatch.setattr(editor_fields, "parse_whole_number", refuse_a_comma)
    editor = new_editor(page)
    commit_text(editor.title_edit, TITLE)
    editor.task_combo.setCurrentIndex(0)
    assert editor.save_button.isEnabled()
    QTest.keyClicks(editor.count_edits["women"], "12,5")
    assert editor.count_edits["women"].text() == "12,5"  # not regrouped into 125
    assert editor.error_text("women") == "«12,5» phải là số nguyên."
    assert not editor.save_button.isEnabled()
    assert editor.current_draft().women is None
