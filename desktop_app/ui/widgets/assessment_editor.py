"""Beside the Recommendations table: the focal point's judgment and the Committee's grades.

Two boxes, two different things, never one form. ``AssessmentEditor``: the focal point's
own judgment of the selected recommendation for the period (fully / partially / not
implemented, with a note), saved through core.services.assessments.assess.
``CommitteeGradeEditor``: the Committee's follow-up grades of it (A–E, what each grade
means from the catalog), facts shown with their document and date — or "to check" —
and a form to record one from the Committee's document (its symbol, its date and, when
it grades one element, that element), saved through record_committee_grade.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop_app.core.domain.enums import Implementation
from desktop_app.core.services.consolidated import RecommendationView
from desktop_app.core.services.focal_facts import GradeMeaning
from desktop_app.ui import numbers
from desktop_app.ui.labels import names_of
from desktop_app.ui.read_only import disable


class AssessmentEditor(QGroupBox):
    """The focal point's judgment (fully / partially / not) and note, for the period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code: str | None = None
        self.read_only = False  # a viewer's window: shown, never edited (set_read_only)
        self.implementation_combo = QComboBox()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setMaximumHeight(80)
        self.save_button = QPushButton()
        self.saved_label = QLabel()
        self.implementation_label, self.note_label = QLabel(), QLabel()
        self.implementation_label.setBuddy(self.implementation_combo)
        self.note_label.setBuddy(self.note_edit)
        form = QFormLayout(self)
        form.addRow(self.implementation_label, self.implementation_combo)
        form.addRow(self.note_label, self.note_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        self.implementation_combo.currentIndexChanged.connect(self._edited)
        self.note_edit.textChanged.connect(self._edited)

    def retranslate(self) -> None:
        self.setTitle(self.tr("The focal point's judgment for this period"))
        self.implementation_label.setText(self.tr("&Implementation:"))
        self.note_label.setText(self.tr("&Note:"))
        self.save_button.setText(self.tr("&Save judgment"))
        self.implementation_combo.setPlaceholderText(self.tr("Choose"))
        implementation = self.implementation()
        self.implementation_combo.blockSignals(True)
        self.implementation_combo.clear()
        for value, name in names_of(Implementation).items():
            self.implementation_combo.addItem(name, value)
        self.implementation_combo.setCurrentIndex(
            self.implementation_combo.findData(implementation))
        self.implementation_combo.blockSignals(False)

    def implementation(self) -> str | None:
        value = self.implementation_combo.currentData()
        return value if isinstance(value, str) else None

    def show_for(self, view: RecommendationView | None) -> None:
        self.code = view.code if view else None
        self.setEnabled(view is not None)
        current = view.assessment if view else None
        for widget in (self.implementation_combo, self.note_edit):
            widget.blockSignals(True)
        self.implementation_combo.setCurrentIndex(
            self.implementation_combo.findData(current.implementation) if current else -1)
        self.note_edit.setPlainText(current.note if current else "")
        for widget in (self.implementation_combo, self.note_edit):
            widget.blockSignals(False)
        if current is None:
            self.saved_label.setText(self.tr("Not judged yet."))
        elif current.year is None:
            self.saved_label.setText(self.tr("Judged without a period."))
        else:
            self.saved_label.setText(self.tr("Judged."))
        self.save_button.setEnabled(False)

    def _edited(self, *_: object) -> None:
        self.save_button.setEnabled(not self.read_only and self.code is not None
                                    and self.implementation() is not None)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        disable(read_only, (self.implementation_combo, self.note_edit, self.save_button))


class CommitteeGradeEditor(QGroupBox):
    """The Committee's recorded grades of the selected recommendation, and a form to
    record one with the Committee's document and date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code: str | None = None
        self.read_only = False  # a viewer's window: shown, never edited (set_read_only)
        self.grades: list[GradeMeaning] = []
        self.lang = "vi"
        self.recorded = QLabel()
        self.recorded.setWordWrap(True)
        self.recorded.setTextFormat(Qt.TextFormat.RichText)
        self.recorded.setObjectName("committeeGrades")
        self.grade_combo = QComboBox()
        self.grade_meaning = QLabel()
        self.grade_meaning.setWordWrap(True)
        self.grade_meaning.setObjectName("gradeMeaning")
        self.document_edit = QLineEdit()
        self.document_edit.setMaxLength(80)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.element_edit = QLineEdit()
        self.record_button = QPushButton()
        self.grade_label, self.document_label, self.date_label, self.element_label = (
            QLabel(), QLabel(), QLabel(), QLabel())
        for label, buddy in ((self.grade_label, self.grade_combo),
                             (self.document_label, self.document_edit),
                             (self.date_label, self.date_edit),
                             (self.element_label, self.element_edit)):
            label.setBuddy(buddy)
        form = QFormLayout(self)
        form.addRow(self.recorded)
        form.addRow(self.grade_label, self.grade_combo)
        form.addRow("", self.grade_meaning)
        form.addRow(self.document_label, self.document_edit)
        form.addRow(self.date_label, self.date_edit)
        form.addRow(self.element_label, self.element_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.record_button)
        form.addRow(buttons)
        self.grade_combo.currentIndexChanged.connect(self._edited)
        self.document_edit.textChanged.connect(self._edited)

    def set_grades(self, grades: list[GradeMeaning], lang: str) -> None:
        self.grades, self.lang = grades, lang
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The Committee's assessment (A–E), a fact from its documents"))
        self.grade_label.setText(self.tr("&Grade (A–E):"))
        self.document_label.setText(self.tr("&Document:"))
        self.date_label.setText(self.tr("Document &date:"))
        self.element_label.setText(self.tr("&Element graded:"))
        self.document_edit.setPlaceholderText(self.tr("The Committee's symbol, e.g. CCPR/C/…"))
        self.element_edit.setPlaceholderText(self.tr("Empty: the whole recommendation"))
        self.record_button.setText(self.tr("&Record the Committee's grade"))
        self.grade_combo.setPlaceholderText(self.tr("Choose a grade"))
        grade = self.grade()
        self.grade_combo.blockSignals(True)
        self.grade_combo.clear()
        for g in self.grades:
            self.grade_combo.addItem(g.code, g.code)
            self.grade_combo.setItemData(self.grade_combo.count() - 1, g.meaning(self.lang),
                                         Qt.ItemDataRole.ToolTipRole)
        self.grade_combo.setCurrentIndex(self.grade_combo.findData(grade))
        self.grade_combo.blockSignals(False)
        self._edited()

    def grade(self) -> str | None:
        value = self.grade_combo.currentData()
        return value if isinstance(value, str) else None

    def issued_on(self) -> str:
        return self.date_edit.date().toString("yyyy-MM-dd")

    def show_for(self, view: RecommendationView | None) -> None:
        self.code = view.code if view else None
        self.setEnabled(view is not None)
        e = html.escape
        lines = []
        for g in view.committee_grades if view else ():
            where = ", ".join(x for x in (g.document, numbers.day(g.on)) if x)
            said = f"<b>{e(g.grade)}</b>"
            if g.element_vi:
                said += f" — {e(g.element_vi)}"
            if where:
                said += f" ({e(where)})"
            if not g.verified:
                said += f" <i>[{e(self.tr('to check against the document'))}]</i>"
            lines.append(said)
        if not lines:
            lines.append(e(self.tr("No grade of the Committee recorded.")))
        self.recorded.setText("<br>".join(lines))
        self.grade_combo.blockSignals(True)
        self.grade_combo.setCurrentIndex(-1)
        self.grade_combo.blockSignals(False)
        self.element_edit.clear()
        self._edited()

    def _edited(self, *_: object) -> None:
        code = self.grade()
        meaning = next((g.meaning(self.lang) for g in self.grades if g.code == code), "")
        self.grade_meaning.setText(meaning)
        self.record_button.setEnabled(not self.read_only and self.code is not None
                                      and code is not None
                                      and bool(self.document_edit.text().strip()))

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        disable(read_only, (self.grade_combo, self.document_edit, self.date_edit,
                            self.element_edit, self.record_button))
