"""The report settings page: who issues the official PDF report, its number, signer, recipients.

The fields are ReportSettings (desktop_app.core.services.report_settings); the dialog
loads them (or the defaults derived from the agency), lets the person edit them and
saves them through the core, which checks lengths and stores the text in NFC.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.domain.text import nfc
from desktop_app.core.problems import NapError
from desktop_app.core.services.report_settings import (
    MAX_LENGTH,
    ReportSettings,
    defaults_for,
    load_report_settings,
    save_report_settings,
)
from desktop_app.core.storage.database import Database
from desktop_app.messages import problems_bilingual
from desktop_app.ui.retranslating import Retranslating


def _text_box(lines: int, name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setTabChangesFocus(True)
    box.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    height = QFontMetrics(box.font()).lineSpacing() * lines + 14
    box.setFixedHeight(height)
    return box


def _line(name: str, max_length: int) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(max_length)
    return edit


class ReportSettingsDialog(Retranslating, QDialog):
    def __init__(self, db: Database, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.saved: ReportSettings | None = None
        self.setObjectName("reportSettingsDialog")
        self.setMinimumWidth(660)  # the date check box says all on one line

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.governing_body = _text_box(3, "governingBody")
        self.issuing_unit = _line("issuingUnit", MAX_LENGTH["issuing_unit"])
        self.document_number = _line("documentNumber", MAX_LENGTH["document_number"])
        self.place = _line("place", MAX_LENGTH["place"])
        self.fill_date = QCheckBox()
        self.fill_date.setObjectName("fillDate")
        self.signer_title = _text_box(3, "signerTitle")
        self.signer_name = _line("signerName", MAX_LENGTH["signer_name"])
        self.recipients = _text_box(5, "recipients")

        self.labels = {name: QLabel() for name in (
            "governing_body", "issuing_unit", "document_number", "place", "signer_title",
            "signer_name", "recipients")}
        form = QFormLayout()
        for name, widget in (
                ("governing_body", self.governing_body), ("issuing_unit", self.issuing_unit),
                ("document_number", self.document_number), ("place", self.place)):
            self.labels[name].setBuddy(widget)
            form.addRow(self.labels[name], widget)
        form.addRow("", self.fill_date)
        for name, widget in (
                ("signer_title", self.signer_title), ("signer_name", self.signer_name),
                ("recipients", self.recipients)):
            self.labels[name].setBuddy(widget)
            form.addRow(self.labels[name], widget)

        self.problem = QLabel()
        self.problem.setObjectName("reportSettingsProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelButton")
        self.defaults_button = QPushButton()
        self.defaults_button.setObjectName("defaultsButton")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.defaults_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.defaults_button.clicked.connect(self.restore_defaults)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.retranslate()
        self.show_settings(load_report_settings(db))
        self.governing_body.setFocus()

    # --- words ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Report settings"))
        self.intro.setText(self.tr(
            "These details appear on the official PDF report (Decree 30/2020/NĐ-CP): "
            "the issuing authority, the document number, the place, the signer and the "
            "recipients. Write them in Vietnamese, as they should be printed."))
        words = {
            "governing_body": self.tr("&Governing body:"),
            "issuing_unit": self.tr("&Issuing unit:"),
            "document_number": self.tr("Document &number:"),
            "place": self.tr("&Place:"),
            "signer_title": self.tr("Signer's &title:"),
            "signer_name": self.tr("Signer's na&me:"),
            "recipients": self.tr("&Recipients:"),
        }
        for name, label in words.items():
            self.labels[name].setText(label)
        self.governing_body.setPlaceholderText(self.tr("One line per printed line"))
        self.issuing_unit.setPlaceholderText(self.tr(
            "Only when a unit under the governing body issues the report"))
        self.document_number.setPlaceholderText("Số:      /BC-UBND")
        self.signer_title.setPlaceholderText(self.tr("One line per printed line"))
        self.recipients.setPlaceholderText(self.tr("One recipient per line"))
        self.fill_date.setText(self.tr("Print &today's date (otherwise day and month are "
                                       "left blank for the clerk)"))
        self.save_button.setText(self.tr("&Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.defaults_button.setText(self.tr("Restore &defaults"))

    # --- values --------------------------------------------------------------------------

    def show_settings(self, settings: ReportSettings) -> None:
        self.governing_body.setPlainText(settings.governing_body)
        self.issuing_unit.setText(settings.issuing_unit)
        self.document_number.setText(settings.document_number)
        self.place.setText(settings.place)
        self.fill_date.setChecked(settings.fill_date)
        self.signer_title.setPlainText(settings.signer_title)
        self.signer_name.setText(settings.signer_name)
        self.recipients.setPlainText("\n".join(settings.recipients))

    def settings(self) -> ReportSettings:
        """What the fields say now (NFC; not yet checked)."""
        return ReportSettings(
            governing_body=nfc(self.governing_body.toPlainText()),
            issuing_unit=nfc(self.issuing_unit.text()),
            document_number=nfc(self.document_number.text()),
            place=nfc(self.place.text()),
            signer_title=nfc(self.signer_title.toPlainText()),
            signer_name=nfc(self.signer_name.text()),
            recipients=tuple(nfc(self.recipients.toPlainText()).splitlines()),
            fill_date=self.fill_date.isChecked(),
        )

    def restore_defaults(self) -> None:
        """Fill in the defaults derived from the agency (saved only with Save)."""
        with self.db.reading() as session:
            defaults = defaults_for(session)
        self.show_settings(defaults)
        self.problem.hide()

    def accept(self) -> None:
        try:
            self.saved = save_report_settings(self.db, self.settings())
        except NapError as error:
            self.problem.setText("\n".join(problems_bilingual(error.problems, self.lang)))
            self.problem.show()
            return
        super().accept()
