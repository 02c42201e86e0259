"""The activity editor opens a locked period's activities read-only and says why before
anyone types (issue 10, item 7): a banner with the lock and its date, no field that
takes text, no Save, and nothing written."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from desktop_app.core.services import activities
from desktop_app.core.services.drafts import pending_drafts
from desktop_app.core.services.periods import lock_period, unlock_period
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs.activity_editor import ActivityEditor

pytestmark = pytest.mark.gui
YEAR = date.today().year


def test_a_locked_periods_activity_opens_read_only_with_the_reason(
        qtbot: Any, ctx: AppContext) -> None:
    uuid = activities.list_activities(ctx.db, YEAR)[0].uuid
    draft = activities.load_draft(ctx.db, uuid)
    lock_period(ctx.db, YEAR)
    editor = ActivityEditor(ctx, draft)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    banner = editor.locked_banner
    assert banner.isVisible()
    assert f"period {YEAR} is locked" in banner.text()
    assert date.today().strftime("%d/%m/%Y") in banner.text()  # since when, dd/mm/yyyy
    assert not editor.save_button.isEnabled() and not editor.save_button.isVisible()
    assert editor.title_edit.isReadOnly()
    assert all(w.isReadOnly() for w in editor.tabs.findChildren(QPlainTextEdit))
    assert all(w.isReadOnly() for w in editor.tabs.findChildren(QLineEdit))
    assert not any(w.isEnabled() for w in editor.tabs.findChildren(QComboBox))
    assert not editor.save()  # Ctrl+S does nothing either
    editor.reject()
    assert not editor.isVisible()
    assert pending_drafts(ctx.db.path) == []
    assert activities.load_draft(ctx.db, uuid) == draft


def test_an_open_periods_editor_has_no_banner(qtbot: Any, ctx: AppContext) -> None:
    lock_period(ctx.db, YEAR)
    unlock_period(ctx.db, YEAR, "Sửa số liệu")
    editor = ActivityEditor(ctx)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    assert not editor.locked_banner.isVisible()
    assert not editor.title_edit.isReadOnly()
    editor.reject()
