"""The first-run setup: search as you type, Vietnamese input, and the core's initialise."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop_app.core.services.status import status
from desktop_app.core.storage.database import Database
from desktop_app.ui.dialogs.setup_dialog import SetupDialog

pytestmark = pytest.mark.gui


def type_like_an_input_method(widget: QWidget, text: str) -> None:
    """What IBus or Unikey deliver: a committed string, not key presses."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


@pytest.fixture
def dialog(qtbot: Any, qapp: Any, empty_db: Database) -> SetupDialog:
    from desktop_app.ui.app import create_application, install_translator

    create_application("vi")
    shown = SetupDialog(empty_db, "vi")
    qtbot.addWidget(shown, before_close_func=lambda _w: install_translator("en"))
    shown.show()
    return shown


def test_typing_vinh_long_without_marks_finds_the_province(dialog: SetupDialog) -> None:
    assert len(dialog.visible_agencies()) > 40
    dialog.search.setText("vinh long")
    assert dialog.visible_agencies() == ["VLG"]
    assert dialog.selected_agency() == "VLG"
    assert dialog.agency_list.currentItem().text().startswith("Vĩnh Long")
    dialog.search.setText("")
    assert len(dialog.visible_agencies()) > 40


def test_vietnamese_typed_by_an_input_method_filters_too(dialog: SetupDialog) -> None:
    type_like_an_input_method(dialog.search, "Vĩnh")
    assert dialog.search.text() == "Vĩnh"
    assert "VLG" in dialog.visible_agencies()
    assert all("vinh" in dialog._folded[code] for code in dialog.visible_agencies())
    type_like_an_input_method(dialog.search, " LONG")
    assert dialog.visible_agencies() == ["VLG"]


def test_agencies_sorted_the_vietnamese_way(dialog: SetupDialog) -> None:
    names = [dialog.agency_list.item(i).text() for i in range(dialog.agency_list.count())]
    cities = [n.split("  ·  ")[0] for n in names[:6]]
    assert cities.index("Cần Thơ") < cities.index("Đà Nẵng") < cities.index("Hà Nội")


def test_setup_initialises_the_database_as_the_chosen_agency(
        qtbot: Any, dialog: SetupDialog, empty_db: Database) -> None:
    assert not dialog.start_button.isEnabled()  # nothing chosen yet
    dialog.search.setText("vinh long")
    type_like_an_input_method(dialog.contact, "Nguyễn Thị Hoa, chuyên viên")
    assert dialog.start_button.isEnabled()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    facts = status(empty_db)
    assert (facts["role"], facts["agency"]) == ("agency", "VLG")
    assert facts["contact_person"] == "Nguyễn Thị Hoa, chuyên viên"
    assert dialog.lang == "vi"


def test_focal_point_needs_no_agency(qtbot: Any, dialog: SetupDialog,
                                     empty_db: Database) -> None:
    dialog.focal_role.setChecked(True)
    assert not dialog.agency_list.isEnabled()
    assert dialog.start_button.isEnabled()
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    facts = status(empty_db)
    assert (facts["role"], facts["agency"]) == ("focal-point", None)


def test_choosing_english_renames_the_list(dialog: SetupDialog) -> None:
    dialog.search.setText("vinh long")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert dialog.lang == "en"
    assert dialog.agency_list.currentItem().text().startswith("Vinh Long")
    assert dialog.start_button.text() == "&Start"


def test_quit_leaves_the_database_uninitialised(qtbot: Any, dialog: SetupDialog,
                                                empty_db: Database) -> None:
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert status(empty_db)["role"] is None
