"""The Submissions page: the register of exported versions, the period's state, its lock.

The register and the period's state come from the core (services.submissions,
services.periods); the page shows them, and locks, unlocks and exports through them.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.domain.enums import PeriodState, Role
from desktop_app.core.domain.timefmt import local_text
from desktop_app.core.problems import NapError
from desktop_app.core.services.periods import (
    MAX_REASON,
    PeriodFacts,
    lock_period,
    period_facts,
    unlock_period,
)
from desktop_app.core.services.submissions import SubmissionRow, list_submissions
from desktop_app.ui import numbers
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.labels import name_of
from desktop_app.ui.pages.page import Page

# --- small dialogs (tests replace these module functions) ---------------------------


class UnlockDialog(QDialog):
    """Asks why the period is unlocked; the reason goes into the audit trail."""

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unlock period %1").replace("%1", str(year)))
        self.setMinimumWidth(460)
        self.prompt = QLabel(self.tr(
            "Why is the period %1 unlocked? The reason is recorded with the date.")
            .replace("%1", str(year)))
        self.prompt.setWordWrap(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. add the results of December"))
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(90)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.reason_edit)
        layout.addLayout(buttons)
        self.reason_edit.textChanged.connect(self._changed)
        self.unlock_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def _changed(self) -> None:
        self.unlock_button.setEnabled(0 < len(self.reason()) <= MAX_REASON)

    def accept(self) -> None:
        if self.reason():  # an empty reason is refused, whatever pressed Enter
            super().accept()


def ask_unlock_reason(parent: QWidget | None, year: int) -> str | None:
    dialog = UnlockDialog(year, parent)
    try:
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def confirm_lock(parent: QWidget | None, year: int) -> bool:
    return message_box.ask(
        parent,
        QCoreApplication.translate("SubmissionsPage", "Lock period %1").replace("%1", str(year)),
        QCoreApplication.translate(
            "SubmissionsPage",
            "Lock the period %1? No activity or result of %1 can be changed until the period "
            "is unlocked, which asks for a reason.").replace("%1", str(year)),
        QCoreApplication.translate("SubmissionsPage", "&Lock"),
        QCoreApplication.translate("SubmissionsPage", "Cancel"))


# --- the page ------------------------------------------------------------------------

HASH_SHOWN = 12


class SubmissionTableModel(QAbstractTableModel):
    AGENCY, PERIOD, VERSION, CREATED, HASH, ACTIVITIES, INDICATORS, RESULTS, FILE = range(9)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SubmissionRow] = []

    def set_rows(self, rows: list[SubmissionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("Agency"), self.tr("Period"), self.tr("Version"), self.tr("Created"),
                self.tr("Content hash"), self.tr("Activities"), self.tr("Indicators"),
                self.tr("Results"), self.tr("File")]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FILE + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values: list[Any] = [
                row.agency_code, str(row.year), str(row.version),
                local_text(row.created_at, zone=False),
                row.content_hash[:HASH_SHOWN],
                numbers.count(row.activities), numbers.count(row.indicators),
                numbers.count(row.results), row.file_name]
            if column == self.VERSION and row.superseded:
                return self.tr("%1 (superseded)").replace("%1", str(row.version))
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.HASH:
            return row.content_hash
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                self.VERSION, self.ACTIVITIES, self.INDICATORS, self.RESULTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.FILE)


class SubmissionsPage(Page):
    """Reloads at once on every change (it is small), shown or not."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.facts: PeriodFacts | None = None
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.state_label = QLabel()
        self.state_label.setObjectName("periodStateLine")
        self.state_label.setWordWrap(True)
        self.export_button = QPushButton()
        self.lock_button = QPushButton()
        self.unlock_button = QPushButton()
        bar = QHBoxLayout()
        bar.addWidget(self.state_label, 1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.lock_button)
        bar.addWidget(self.unlock_button)
        self.model = SubmissionTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.body = QStackedWidget()
        self.body.addWidget(self.empty)
        self.body.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.body, 1)
        self.export_button.clicked.connect(self.open_export)
        self.lock_button.clicked.connect(self.lock)
        self.unlock_button.clicked.connect(self.unlock)
        ctx.data_changed.connect(self._changed)
        ctx.period_changed.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Submissions"))
        self.empty.setText(self.tr(
            "No submission exported yet.\n"
            "Each export of this period's report becomes a new version listed here."))
        self.export_button.setText(self.tr("&Export…"))
        self.lock_button.setText(self.tr("&Lock period"))
        self.unlock_button.setText(self.tr("&Unlock period…"))
        self.lock_button.setToolTip(self.tr("No edits to this period until it is unlocked"))
        self.unlock_button.setToolTip(self.tr("Allow edits again; asks for the reason"))
        self.model.retranslate()
        self._show_state()

    def state_text(self, facts: PeriodFacts) -> str:
        meanings = {
            PeriodState.OPEN: self.tr("nothing exported yet, edits allowed"),
            PeriodState.SUBMITTED: self.tr(
                "exported at least once; edits go into the next version"),
            PeriodState.LOCKED: self.tr("no edits until it is unlocked with a reason"),
        }
        if facts.state is None:
            return self.tr("Period %1").replace("%1", str(facts.year))
        return (self.tr("Period %1 is %2: %3.").replace("%1", str(facts.year))
                .replace("%2", name_of(PeriodState, facts.state).lower())
                .replace("%3", meanings[facts.state]))

    def _show_state(self) -> None:
        facts = self.facts
        if facts is None:
            return
        agency = facts.role is Role.AGENCY and facts.state is not None
        self.state_label.setText(self.state_text(facts))
        for button in (self.export_button, self.lock_button, self.unlock_button):
            button.setVisible(agency)
        self.lock_button.setEnabled(agency and facts.state is not PeriodState.LOCKED)
        self.unlock_button.setEnabled(agency and facts.state is PeriodState.LOCKED)

    def refresh(self) -> None:
        self._stale = False
        self.facts = period_facts(self.ctx.db, self.ctx.year)
        rows = list_submissions(self.ctx.db)
        self.model.set_rows(rows)
        self.body.setCurrentWidget(self.table if rows else self.empty)
        self._show_state()

    # --- commands ------------------------------------------------------------------

    def open_export(self) -> None:
        from desktop_app.ui.dialogs import export_dialog

        export_dialog.open_export(self.ctx, self)

    def lock(self) -> None:
        year = self.ctx.year
        if not confirm_lock(self, year):
            return
        self._change(lambda: lock_period(self.ctx.db, year), self.tr("Lock period"))

    def unlock(self) -> None:
        year = self.ctx.year
        reason = ask_unlock_reason(self, year)
        if reason is None:
            return
        self._change(lambda: unlock_period(self.ctx.db, year, reason),
                     self.tr("Unlock period"))

    def _change(self, change: Any, title: str) -> None:
        try:
            change()
        except NapError as error:
            message_box.show_error(self, title, error, self.ctx.lang)
        self.ctx.data_changed.emit()
