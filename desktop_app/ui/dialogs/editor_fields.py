"""The activity editor's form fields: a whole-number field, an optional date, a search
filter that ignores diacritics, and the recommendation picker.

They read and show values through `core/domain/entry.py`, so the rules for what a
typed "1.500" means live in one place. Their words keep the editor's translation
context ("ActivityEditor"), where they were before the editor was split, so that the
.ts entries stay where translators know them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QRegularExpressionValidator, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.domain.entry import (
    WholeNumber,
    format_whole_number,
    marks,
    parse_whole_number,
)
from desktop_app.core.domain.text import contains_folded, fold
from desktop_app.core.problems import Problem
from desktop_app.core.services.activities import RecommendationChoice

_NOT_DIGIT = re.compile(r"\D")
CODE_ROLE = Qt.ItemDataRole.UserRole


class NumberEdit(QLineEdit):
    """A whole number that may be left empty, grouped by thousands as it is typed."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[\d.,\s]{0,26}"),
                                                      self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaximumWidth(220)
        # The text as last shown and whether its marks are ours (set by grouping): then
        # an edit is a digit typed or removed and the digits are regrouped; a mark the
        # person typed is read strictly, so "1.5" stays as typed and is a problem.
        self._last, self._ours = "", True
        self.textEdited.connect(self._regroup)

    def entry(self) -> WholeNumber:
        """What the field holds: the number, None when empty, or why it cannot be read."""
        return parse_whole_number(self.text(), self.lang)

    def value(self) -> int | None:
        entry = self.entry()
        return None if isinstance(entry, Problem) else entry

    def set_value(self, value: int | None) -> None:
        self._last, self._ours = format_whole_number(value, self.lang), True
        self.setText(self._last)

    def _regroup(self, text: str) -> None:
        """Show what was understood, keeping the cursor after the same digit."""
        group = marks(self.lang)[0]
        digits_only = all(c.isdigit() or c == group or c.isspace() for c in text)
        if self._ours and digits_only and text.count(group) <= self._last.count(group):
            digits = _NOT_DIGIT.sub("", text)
            entry: WholeNumber = int(digits) if digits else None
        else:  # a decimal mark is never rewritten away: "12," stays, so "12,5" shows
            entry = parse_whole_number(text, self.lang) if digits_only else Problem("", {})
        self._last = text
        if isinstance(entry, Problem):
            self._ours = False
            return  # leave the text as typed: the editor says what is wrong with it
        self._ours = True
        digits_before_cursor = len(_NOT_DIGIT.sub("", text[: self.cursorPosition()]))
        grouped = format_whole_number(entry, self.lang)
        if grouped == text:
            return
        self.setText(grouped)
        self._last = grouped
        position, seen = 0, 0
        while position < len(grouped) and seen < digits_before_cursor:
            if grouped[position].isdigit():
                seen += 1
            position += 1
        self.setCursorPosition(position)


class DateField(QWidget):
    """An optional date: a check box says whether there is one, the date edit holds it."""

    changed = Signal()

    def __init__(self, default: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self.tr("Known"), self)
        self.check.setToolTip(self.tr("Leave unticked when there is no date"))
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setDate(QDate(default.year, default.month, default.day))
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        qdate = self.edit.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))
        self.check.setChecked(value is not None)


class FoldedFilterProxy(QSortFilterProxyModel):
    """Rows whose text contains every typed word, ignoring diacritics, case and tone place."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folded: list[str] = []
        self.needle = ""

    def set_folded(self, folded: list[str]) -> None:
        self.beginFilterChange()
        self.folded = folded
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_needle(self, text: str) -> None:
        if text != self.needle:
            self.beginFilterChange()
            self.needle = text
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if source_row >= len(self.folded):
            return True
        return contains_folded(self.folded[source_row], self.needle)


class RecommendationPicker(QWidget):
    """The recommendations to tick, follow-up ones first, found by typing without tones.

    A link to a recommendation retired since it was made stays in the list (by its
    code), so that opening an old activity never drops it silently.
    """

    changed = Signal()

    def __init__(self, recommendations: Iterable[RecommendationChoice], linked: Iterable[str],
                 lang: str, error_label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(
            QCoreApplication.translate("ActivityEditor", "Search the recommendations"))
        self.search.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        codes_in_catalog = set()
        folded = []
        follow_up = QCoreApplication.translate("ActivityEditor", "follow-up")
        for rec in recommendations:
            codes_in_catalog.add(rec.code)
            text = rec.text_vi if lang == "vi" else rec.text_en
            mark = f"★ {follow_up} · " if rec.follow_up else ""
            paragraph = f" · §{rec.paragraph}" if rec.paragraph else ""
            label = f"{mark}{rec.code}{paragraph} — {text}"
            folded.append(fold(f"{label} {rec.source_code}"))
            self.model.appendRow(self._item(rec.code, label, text))
        for code in linked:
            if code not in codes_in_catalog:
                folded.append(fold(code))
                self.model.appendRow(self._item(code, code, code))
        self.filter = FoldedFilterProxy(self)
        self.filter.setSourceModel(self.model)
        self.filter.set_folded(folded)
        self.list = QListView(self)
        self.list.setModel(self.filter)
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.search.textChanged.connect(self.filter.set_needle)
        self.model.itemChanged.connect(self.changed)
        self.count = QLabel(self)
        list_box = QWidget(self)
        box_layout = QVBoxLayout(list_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        box_layout.addWidget(self.list)
        box_layout.addWidget(error_label)
        list_box.setFocusProxy(self.list)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(list_box, 1)
        layout.addWidget(self.count)

    @staticmethod
    def _item(code: str, label: str, tooltip: str) -> QStandardItem:
        item = QStandardItem(label)
        item.setData(code, CODE_ROLE)
        item.setToolTip(tooltip)
        item.setCheckable(True)
        item.setEditable(False)
        return item

    def checked_codes(self) -> list[str]:
        return [self.model.item(r).data(CODE_ROLE) for r in range(self.model.rowCount())
                if self.model.item(r).checkState() == Qt.CheckState.Checked]

    def set_checked(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(CODE_ROLE) in wanted
                               else Qt.CheckState.Unchecked)

    def show_count(self, count: int) -> None:
        self.count.setText(QCoreApplication.translate("ActivityEditor", "%n selected", "",
                                                      count))
