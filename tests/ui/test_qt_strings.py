"""Qt's own strings in the Vietnamese window: Qt ships no Vietnamese, qt_vi.ts does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
)

from desktop_app.ui.app import install_translator
from desktop_app.ui.dialogs.file_dialogs import own_file_dialog

pytestmark = pytest.mark.gui


@pytest.fixture
def vietnamese(qapp: Any) -> Any:
    install_translator("vi")
    yield
    install_translator("en")


def _menu_texts(widget: Any) -> list[str]:
    menu = widget.createStandardContextMenu()
    texts = [a.text().split("\t")[0].replace("&", "") for a in menu.actions() if a.text()]
    menu.deleteLater()
    return texts


def test_context_menus_of_text_fields_are_vietnamese(vietnamese: Any, qtbot: Any) -> None:
    line, text = QLineEdit(), QPlainTextEdit()
    qtbot.addWidget(line)
    qtbot.addWidget(text)
    line.setText("x")
    for widget in (line, text):
        texts = _menu_texts(widget)
        assert "Sao chép" in texts and "Dán" in texts and "Chọn tất cả" in texts, texts
        assert not {"Copy", "Paste", "Select All", "Undo"} & set(texts)


def test_standard_buttons_are_vietnamese(vietnamese: Any, qtbot: Any) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Yes
                           | QDialogButtonBox.StandardButton.No)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"OK", "Hủy", "Có", "Không"}
    message = QMessageBox(QMessageBox.Icon.Question, "t", "q",
                          QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Save)
    qtbot.addWidget(message)
    assert {b.text().replace("&", "") for b in message.buttons()} == {"Đóng", "Lưu"}


def test_the_file_dialog_is_vietnamese(vietnamese: Any, qtbot: Any, tmp_path: Path) -> None:
    (tmp_path / "a.xlsx").write_bytes(b"x")
    dialog = own_file_dialog(None, "Chọn", tmp_path, QFileDialog.FileMode.ExistingFile,
                             "Tệp:", "Chọn")
    qtbot.addWidget(dialog)
    headers = [h for h in dialog.findChildren(QHeaderView) if h.model() is not None]
    names = {str(h.model().headerData(i, h.orientation())) for h in headers
             for i in range(h.count())}
    assert {"Tên", "Kích thước", "Loại", "Ngày sửa"} <= names, names
    assert not {"Name", "Size", "Type", "Date Modified"} & names
    tips = {b.toolTip() for b in dialog.findChildren(QToolButton)}
    assert {"Quay lại", "Tạo thư mục mới"} <= tips, tips
    assert not {"Back", "Create New Folder"} & tips
    assert "Cancel" not in {b.text() for b in dialog.findChildren(QPushButton)}


def test_english_keeps_qt_own_words(qapp: Any, qtbot: Any) -> None:
    install_translator("en")
    line = QLineEdit()
    qtbot.addWidget(line)
    assert "Copy" in _menu_texts(line)
