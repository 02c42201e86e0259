"""The report settings page: defaults from the agency, Vietnamese typing, saving, refusals."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from desktop_app.core.services.report_settings import load_report_settings
from desktop_app.core.storage.database import Database
from desktop_app.ui.dialogs.report_settings_dialog import ReportSettingsDialog

pytestmark = pytest.mark.gui


def commit_text(widget: QWidget, text: str) -> None:
    """Type text as an input method (IBus, Unikey) does: one commit string, no key events."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def replace_text(widget: QLineEdit | QPlainTextEdit, text: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    else:
        widget.selectAll()
        cursor = widget.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
    commit_text(widget, text)


@pytest.fixture
def dialog(qtbot: Any, ctx: Any, agency_db: Database) -> ReportSettingsDialog:
    made = ReportSettingsDialog(agency_db, "en")
    qtbot.addWidget(made)
    return made


def test_it_opens_with_the_defaults_of_the_agency(dialog: ReportSettingsDialog) -> None:
    assert dialog.governing_body.toPlainText() == "ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG"
    assert dialog.document_number.text() == "Số:      /BC-UBND"
    assert dialog.place.text() == "Vĩnh Long"
    assert dialog.signer_title.toPlainText().startswith("TM. ỦY BAN NHÂN DÂN")
    assert dialog.recipients.toPlainText() == "- Bộ Tư pháp;\n- Lưu: VT."
    assert dialog.save_button.text() == "&Save"
    assert dialog.cancel_button.text() == "Cancel"


def test_vietnamese_typed_with_an_input_method_is_saved_in_nfc(
        dialog: ReportSettingsDialog, agency_db: Database) -> None:
    # An older input method sends decomposed text; it must be stored composed.
    name = unicodedata.normalize("NFD", "Nguyễn Thị Hồng Nhung")
    replace_text(dialog.signer_name, name)
    replace_text(dialog.issuing_unit, "Sở Tư pháp")
    cursor = dialog.recipients.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    dialog.recipients.setTextCursor(cursor)
    commit_text(dialog.recipients, "\n- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh;")
    dialog.save_button.click()

    assert dialog.result() == ReportSettingsDialog.DialogCode.Accepted
    saved = load_report_settings(agency_db)
    assert saved.signer_name == "Nguyễn Thị Hồng Nhung"
    assert unicodedata.is_normalized("NFC", saved.signer_name)
    assert saved.issuing_unit == "Sở Tư pháp"
    assert saved.recipients == ("- Bộ Tư pháp;", "- Lưu: VT.",
                                "- Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh;")
    assert saved.governing_body == "ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG"

    again = ReportSettingsDialog(agency_db, "en")
    try:
        assert again.signer_name.text() == "Nguyễn Thị Hồng Nhung"
    finally:
        again.deleteLater()


def test_a_refused_value_is_explained_and_nothing_is_saved(
        dialog: ReportSettingsDialog, agency_db: Database) -> None:
    replace_text(dialog.signer_title, "A\nB\nC\nD\nE\nF")
    dialog.save_button.click()

    assert dialog.result() != ReportSettingsDialog.DialogCode.Accepted
    assert dialog.problem.isVisibleTo(dialog)
    assert "Too many lines: 6, at most 4" in dialog.problem.text()
    assert load_report_settings(agency_db).signer_title.startswith("TM. ỦY BAN NHÂN DÂN")


def test_restore_defaults_refills_the_fields(dialog: ReportSettingsDialog) -> None:
    replace_text(dialog.place, "Cần Thơ")
    dialog.defaults_button.click()
    assert dialog.place.text() == "Vĩnh Long"


def test_the_vietnamese_interface_has_vietnamese_buttons(qtbot: Any, vi_ctx: Any,
                                                         agency_db: Database) -> None:
    made = ReportSettingsDialog(agency_db, "vi")
    qtbot.addWidget(made)
    assert made.windowTitle() == "Thiết lập báo cáo"
    assert made.save_button.text() == "&Lưu"
    assert made.cancel_button.text() == "Hủy"
