"""The activity editor's indicator table: one row per indicator, typed like a spreadsheet.

Numbers and due dates are read with `core/domain/entry.py`; what cannot be read comes
back as a Problem naming its cell (`indicators[<row>].<field>`, the field names the
core's validation uses), so the editor shows both kinds of problem the same way. Its
words keep the editor's translation context ("ActivityEditor").
"""

from __future__ import annotations

import dataclasses
import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from desktop_app.core.domain.entry import format_date, format_number, parse_date, parse_number
from desktop_app.core.domain.text import nfc
from desktop_app.core.domain.validation import IndicatorDraft
from desktop_app.core.problems import Problem

NAME, UNIT, BASELINE, TARGET, DUE, RESULT, NOTE = range(7)
FIELD_COLUMNS = {"name": NAME, "unit": UNIT, "baseline": BASELINE, "target": TARGET,
                 "due_date": DUE, "result": RESULT}
_NUMBER_COLUMNS = (("baseline", BASELINE), ("target", TARGET), ("result", RESULT))
_UUID_ROLE = Qt.ItemDataRole.UserRole + 1
_INDICATOR_FIELD = re.compile(r"indicators\[(\d+)\]\.(\w+)")


class IndicatorTable(QTableWidget):
    """Indicators as rows of text cells; read() turns them into drafts and problems."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(0, 7, parent)
        self.lang = lang
        self.setHorizontalHeaderLabels([
            QCoreApplication.translate("ActivityEditor", "Name"),
            QCoreApplication.translate("ActivityEditor", "Unit"),
            QCoreApplication.translate("ActivityEditor", "Baseline"),
            QCoreApplication.translate("ActivityEditor", "Target"),
            QCoreApplication.translate("ActivityEditor", "Due date"),
            QCoreApplication.translate("ActivityEditor", "Result"),
            QCoreApplication.translate("ActivityEditor", "Note")])
        due_header = self.horizontalHeaderItem(DUE)
        if due_header is not None:
            due_header.setToolTip(
                QCoreApplication.translate("ActivityEditor", "Write the date as dd/mm/yyyy."))
        header = self.horizontalHeader()
        for column in (UNIT, BASELINE, TARGET, DUE, RESULT):
            self.setColumnWidth(column, 95)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.setTabKeyNavigation(False)

    def append(self, indicator: IndicatorDraft) -> None:
        row = self.rowCount()
        self.insertRow(row)
        texts = [indicator.name, indicator.unit, format_number(indicator.baseline, self.lang),
                 format_number(indicator.target, self.lang),
                 format_date(indicator.due_date, self.lang),
                 format_number(indicator.result, self.lang), indicator.result_note]
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column == NAME:
                # "" rather than None: PySide6 6.12 hands an empty QVariant back as None
                # without a reference, and enough of those abort the interpreter.
                item.setData(_UUID_ROLE, indicator.uuid or "")
            self.setItem(row, column, item)

    def _cell(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return nfc(item.text()) if item is not None else ""

    def read(self) -> tuple[list[IndicatorDraft], list[Problem]]:
        """The rows as drafts, and a problem for each cell whose text is not a value."""
        indicators, problems = [], []
        for row in range(self.rowCount()):
            prefix = f"indicators[{row + 1}]."
            numbers: dict[str, float | None] = {}
            for name, column in _NUMBER_COLUMNS:
                number = parse_number(self._cell(row, column), self.lang)
                if isinstance(number, Problem):
                    problems.append(dataclasses.replace(number, field=prefix + name))
                    number = None
                numbers[name] = number
            due = parse_date(self._cell(row, DUE), self.lang)
            if isinstance(due, Problem):
                problems.append(dataclasses.replace(due, field=prefix + "due_date"))
                due = None
            name_item = self.item(row, NAME)
            indicators.append(IndicatorDraft(
                name=self._cell(row, NAME), unit=self._cell(row, UNIT),
                target=numbers["target"], baseline=numbers["baseline"], due_date=due,
                result=numbers["result"], result_note=self._cell(row, NOTE),
                uuid=(name_item.data(_UUID_ROLE) or None) if name_item is not None else None))
        return indicators, problems

    def row_of(self, uuid: str) -> int | None:
        """The row of the indicator with this UUID, or None (a new or removed one)."""
        for row in range(self.rowCount()):
            item = self.item(row, NAME)
            if item is not None and uuid and item.data(_UUID_ROLE) == uuid:
                return row
        return None

    @staticmethod
    def cell_of(field: str) -> tuple[int, int] | None:
        """(row, column) of a problem's field such as "indicators[2].target"; else None."""
        match = _INDICATOR_FIELD.fullmatch(field)
        if match is None:
            return None
        return int(match.group(1)) - 1, FIELD_COLUMNS.get(match.group(2), NAME)

    def column_title(self, column: int) -> str:
        item = self.horizontalHeaderItem(column)
        return item.text() if item is not None else ""

    def mark(self, bad_cells: set[tuple[int, int]]) -> None:
        """Yellow behind the cells that have a problem, plain behind the others."""
        self.blockSignals(True)
        try:
            for row in range(self.rowCount()):
                for column in range(self.columnCount()):
                    item = self.item(row, column)
                    if item is None:
                        item = QTableWidgetItem("")
                        self.setItem(row, column, item)
                    if (row, column) in bad_cells:
                        item.setBackground(Qt.GlobalColor.yellow)
                    else:
                        item.setData(Qt.ItemDataRole.BackgroundRole, None)
        finally:
            self.blockSignals(False)
