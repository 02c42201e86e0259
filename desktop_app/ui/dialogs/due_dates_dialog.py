"""The focal point sets the periods' due dates and data ranges (default: 15 December of
the year before to 14 December) and publishes the catalog update."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.problems import NapError
from desktop_app.core.services import catalog
from desktop_app.ui.commands.worker import show_error
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs.file_dialogs import documents_folder, own_file_dialog


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _picked(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class DueDatesDialog(QDialog):
    """One date per period; saving raises the catalog's version, publishing writes the file."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Reporting periods and due dates"))
        self.edits: dict[int, QDateEdit] = {}
        self.range_edits: dict[int, tuple[QDateEdit, QDateEdit]] = {}
        self.grid = QGridLayout()
        self.grid.addWidget(QLabel(self.tr("Period")), 0, 0)
        self.grid.addWidget(QLabel(self.tr("Due date")), 0, 1)
        self.grid.addWidget(QLabel(self.tr("Data from")), 0, 2)
        self.grid.addWidget(QLabel(self.tr("Data to")), 0, 3)
        for period in catalog.periods(ctx.db):
            self._add_row(period.year, period.due_date, period.data_range)
        self.new_year = QSpinBox()
        self.new_year.setRange(2000, 2100)
        self.new_year.setValue(max(self.edits, default=date.today().year) + 1)
        add = QPushButton(self.tr("Add period"))
        add.clicked.connect(lambda: self._add_row(self.new_year.value(), None))
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Save"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.publish_button = buttons.addButton(self.tr("Save and publish the catalog…"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.publish_button.clicked.connect(self.publish)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Agencies see these dates once they install the catalog update you publish.")))
        layout.addLayout(self.grid)
        adding = QGridLayout()
        adding.addWidget(self.new_year, 0, 0)
        adding.addWidget(add, 0, 1)
        layout.addLayout(adding)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _add_row(self, year: int, due: date | None,
                 data_range: tuple[date, date] | None = None) -> None:
        if year in self.edits:
            return
        start, end = data_range or catalog.PeriodDue(year, None).data_range
        edit, first, last = _date_edit(due or date(year, 12, 15)), _date_edit(start), \
            _date_edit(end)
        row = len(self.edits) + 1
        self.grid.addWidget(QLabel(str(year)), row, 0)
        self.grid.addWidget(edit, row, 1)
        self.grid.addWidget(first, row, 2)
        self.grid.addWidget(last, row, 3)
        self.edits[year] = edit
        self.range_edits[year] = (first, last)

    def ranges(self) -> dict[int, tuple[date, date] | None]:
        return {year: (_picked(first), _picked(last))
                for year, (first, last) in self.range_edits.items()}

    def dates(self) -> dict[int, date | None]:
        picked = {year: edit.date() for year, edit in self.edits.items()}
        return {year: date(d.year(), d.month(), d.day()) for year, d in picked.items()}

    def save(self) -> int | None:
        try:
            version = catalog.set_due_dates(self.ctx.db, self.dates())
            version = catalog.set_period_ranges(self.ctx.db, self.ranges()) or version
        except NapError as error:
            show_error(self, self.tr("Not saved"), error, self.ctx.lang)
            return None
        if version is not None:
            self.status.setText(self.tr("Saved: the catalog is now version %1.")
                                .replace("%1", str(version)))
            self.ctx.data_changed.emit()
        return version

    def publish_path(self) -> Path | None:
        dialog = own_file_dialog(self, self.tr("Publish the catalog update"),
                                 documents_folder(), QFileDialog.FileMode.AnyFile,
                                 self.tr("File name:"), self.tr("Save"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Catalog updates (*.json)"))
        dialog.selectFile("nap-catalog.json")
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles():
                return Path(dialog.selectedFiles()[0])
            return None
        finally:
            dialog.deleteLater()

    def publish(self) -> None:
        from desktop_app.core.services.catalog import export_catalog

        self.save()
        path = self.publish_path()
        if path is None:
            return
        try:
            version = export_catalog(self.ctx.db, path)
        except NapError as error:
            show_error(self, self.tr("Not published"), error, self.ctx.lang)
            return
        self.status.setText(self.tr("Published catalog version %1 to %2; send it to the "
                                    "agencies.").replace("%1", str(version))
                            .replace("%2", str(path)))
