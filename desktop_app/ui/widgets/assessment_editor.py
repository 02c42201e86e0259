"""The focal point's assessment of one recommendation for the period, beside its table.

The Committee's follow-up grade (A–E, with what each grade means, from the catalog)
and the focal point's own judgment of implementation (fully / partially / not), with
a note. The page saves it through core.services.assessments.assess.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop_app.core.domain.enums import Implementation
from desktop_app.core.services.consolidated import RecommendationView
from desktop_app.core.services.focal_facts import GradeMeaning
from desktop_app.ui.labels import names_of


class AssessmentEditor(QGroupBox):
    """Grade, implementation and note of the selected recommendation for the period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code: str | None = None
        self.grades: list[GradeMeaning] = []
        self.lang = "vi"
        self.grade_combo = QComboBox()
        self.grade_meaning = QLabel()
        self.grade_meaning.setWordWrap(True)
        self.grade_meaning.setObjectName("gradeMeaning")
        self.implementation_combo = QComboBox()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setMaximumHeight(90)
        self.save_button = QPushButton()
        self.saved_label = QLabel()
        self.grade_label, self.implementation_label, self.note_label = (
            QLabel(), QLabel(), QLabel())
        self.grade_label.setBuddy(self.grade_combo)
        self.implementation_label.setBuddy(self.implementation_combo)
        self.note_label.setBuddy(self.note_edit)
        form = QFormLayout(self)
        form.addRow(self.grade_label, self.grade_combo)
        form.addRow("", self.grade_meaning)
        form.addRow(self.implementation_label, self.implementation_combo)
        form.addRow(self.note_label, self.note_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        self.grade_combo.currentIndexChanged.connect(self._edited)
        self.implementation_combo.currentIndexChanged.connect(self._edited)
        self.note_edit.textChanged.connect(self._edited)

    def set_grades(self, grades: list[GradeMeaning], lang: str) -> None:
        self.grades, self.lang = grades, lang
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Assessment for this period"))
        self.grade_label.setText(self.tr("&Grade (A–E):"))
        self.implementation_label.setText(self.tr("&Implementation:"))
        self.note_label.setText(self.tr("&Note:"))
        self.save_button.setText(self.tr("&Save assessment"))
        self.grade_combo.setPlaceholderText(self.tr("Choose a grade"))
        self.implementation_combo.setPlaceholderText(self.tr("Choose"))
        self._fill_combos()

    def _fill_combos(self) -> None:
        grade, implementation = self.grade(), self.implementation()
        for combo in (self.grade_combo, self.implementation_combo):
            combo.blockSignals(True)
            combo.clear()
        for g in self.grades:
            self.grade_combo.addItem(g.code, g.code)
            self.grade_combo.setItemData(self.grade_combo.count() - 1, g.meaning(self.lang),
                                         Qt.ItemDataRole.ToolTipRole)
        for value, name in names_of(Implementation).items():
            self.implementation_combo.addItem(name, value)
        self.grade_combo.setCurrentIndex(self.grade_combo.findData(grade))
        self.implementation_combo.setCurrentIndex(
            self.implementation_combo.findData(implementation))
        for combo in (self.grade_combo, self.implementation_combo):
            combo.blockSignals(False)
        self._show_meaning()

    def grade(self) -> str | None:
        value = self.grade_combo.currentData()
        return value if isinstance(value, str) else None

    def implementation(self) -> str | None:
        value = self.implementation_combo.currentData()
        return value if isinstance(value, str) else None

    def show_for(self, view: RecommendationView | None) -> None:
        self.code = view.code if view else None
        self.setEnabled(view is not None)
        current = view.assessment if view else None
        for widget in (self.grade_combo, self.implementation_combo, self.note_edit):
            widget.blockSignals(True)
        self.grade_combo.setCurrentIndex(
            self.grade_combo.findData(current.grade) if current else -1)
        self.implementation_combo.setCurrentIndex(
            self.implementation_combo.findData(current.implementation) if current else -1)
        self.note_edit.setPlainText(current.note if current else "")
        for widget in (self.grade_combo, self.implementation_combo, self.note_edit):
            widget.blockSignals(False)
        if current is None:
            self.saved_label.setText(self.tr("Not assessed yet."))
        elif current.year is None:
            self.saved_label.setText(self.tr("Assessed without a period."))
        else:
            self.saved_label.setText(self.tr("Assessed."))
        self._show_meaning()
        self.save_button.setEnabled(False)

    def _show_meaning(self) -> None:
        code = self.grade()
        meaning = next((g.meaning(self.lang) for g in self.grades if g.code == code), "")
        self.grade_meaning.setText(meaning)

    def _edited(self, *_: object) -> None:
        self._show_meaning()
        self.save_button.setEnabled(self.code is not None and self.grade() is not None
                                    and self.implementation() is not None)
