"""The focal point's list of the agencies that have not reported, on its Overview page.

Its rows are the reminder list's (``Overview.not_reported``: `contacts.reminder_list_in`,
the completeness grid's rule), each with the contact person, phone and e-mail the focal
point knows; its button asks for the window's File > Reminder list command, which saves
the same list as a workbook (`reminder_list_requested`). Counts and dates are worded by
`ui/numbers.py`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.domain.timefmt import VIET_NAM
from desktop_app.ui import numbers
from desktop_app.ui.widgets.lines import Line, LinesModel, lines_table

if TYPE_CHECKING:
    from desktop_app.core.exchange.reminders_xlsx import ReminderRow
    from desktop_app.core.services.overview import Overview


class NotReportedList(QWidget):
    reminder_list_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = "en"
        self.label = QLabel()
        self.label.setWordWrap(True)
        # Two columns fit the Overview's right-hand half on a 1366-pixel screen; the
        # tooltip holds each part on its own.
        self.model = LinesModel(2, parent=self)
        self.table = lines_table(self.model, stretch=1, widths={0: 210})
        self.button = QPushButton()
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.reminder_list_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def show_for(self, o: Overview, lang: str) -> None:
        """Who has not reported for the period, and how to reach them."""
        self.lang = lang
        due = o.agencies_due or 0
        missing = len(o.not_reported)
        if missing:
            self.label.setText(
                self.tr("Agencies that have not reported for %1: %2 of %3")
                .replace("%1", str(o.year)).replace("%2", numbers.count(missing, lang))
                .replace("%3", numbers.count(due, lang)))
        else:
            self.label.setText(
                self.tr("Every agency that had to report for %1 has reported (%2).")
                .replace("%1", str(o.year)).replace("%2", numbers.count(due, lang)))
        self.model.set_headers([self.tr("Agency"),
                                self.tr("Contact: person · phone · e-mail")])
        self.model.set_items(o.not_reported, self._line)
        self.table.setVisible(bool(missing))
        self.button.setText(self.tr("Save the reminder list…"))
        self.button.setToolTip(self.tr(
            "The agencies that have not reported, with their contacts, as a workbook "
            "that prints on A4 (File > Reminder list of agencies not reported)"))
        self.button.setEnabled(bool(missing))

    def clear(self) -> None:
        self.label.clear()
        self.model.set_lines([])

    def _line(self, row: ReminderRow) -> Line:
        name = row.name_vi if self.lang == "vi" else (row.name_en or row.name_vi)
        tip = [name]
        if row.now_part_of_vi:
            tip.append(self.tr("Now part of: %1").replace("%1", row.now_part_of_vi))
        contact = " · ".join(p for p in (row.contact_person, row.phone, row.email) if p)
        if contact:
            tip.append(contact)
        else:
            tip.append(self.tr("No contact is known yet: it comes with the agency's first "
                               "file, or is set on the Reporting status page."))
        if row.contact_updated is not None:
            tip.append(self.tr("Contact as of %1").replace(
                "%1", numbers.day(row.contact_updated.astimezone(VIET_NAM).date(), self.lang)))
        return Line((name, contact or "–"), "\n".join(tip))
