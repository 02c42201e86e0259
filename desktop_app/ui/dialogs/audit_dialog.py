"""The audit log in the window: who changed what, when, old -> new (issue 10 item 8).

A thin dialog over core ``services/audit``: a table model that holds the pages read so
far (newest first, ``PAGE`` events at a time, "Show more" for the next), a filter by
kind of entity and by text, and an export button that writes the events the filter
shows with the same service as `audit export`. Each event is worded by core
``audit_line``, so the window and the workbook say the same thing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.domain.timefmt import local_text
from desktop_app.core.problems import NapError
from desktop_app.core.progress import drive
from desktop_app.core.services.audit import (
    PAGE,
    AuditFilter,
    AuditRow,
    audit_entities,
    audit_line,
    audit_page,
    export_audit,
)
from desktop_app.messages import audit_action_words, audit_field_words
from desktop_app.ui import numbers
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import file_dialogs, message_box
from desktop_app.ui.retranslating import Retranslating

AnyIndex = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    """The events read so far, one a row: time, user, installation, action, key, changes."""

    COLUMNS = 6

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[AuditRow] = []
        self.headers: list[str] = [""] * self.COLUMNS
        self.retranslate()

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def add_rows(self, rows: tuple[AuditRow, ...]) -> None:
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()

    def retranslate(self) -> None:
        self.headers = [
            QCoreApplication.translate("AuditTable", "Time"),
            QCoreApplication.translate("AuditTable", "User"),
            QCoreApplication.translate("AuditTable", "Installation"),
            QCoreApplication.translate("AuditTable", "Action"),
            QCoreApplication.translate("AuditTable", "Name / code"),
            QCoreApplication.translate("AuditTable", "Changes (old → new)")]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.rows[index.row()]
        line = audit_line(row, self.lang, audit_action_words, audit_field_words)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (row.action, line.changes, line.detail,
                                          line.entity_uuid) if x)
        values = (local_text(line.at, self.lang, zone=False, seconds=True), line.user,
                  line.installation, line.action, line.key or entity_words(line.entity),
                  line.changes.replace("\n", "; "))
        return values[index.column()]


def entity_words(entity: str) -> str:
    """The kind of entity the log names, in the window's language (else its code)."""
    words = {
        "activity": QCoreApplication.translate("AuditDialog", "Activities"),
        "assessment": QCoreApplication.translate("AuditDialog", "Assessments"),
        "period": QCoreApplication.translate("AuditDialog", "Periods"),
        "submission": QCoreApplication.translate("AuditDialog", "Submissions"),
        "import_batch": QCoreApplication.translate("AuditDialog", "Imports"),
        "agency": QCoreApplication.translate("AuditDialog", "Agencies and their keys"),
        "catalog": QCoreApplication.translate("AuditDialog", "Catalog"),
        "key": QCoreApplication.translate("AuditDialog", "This installation's key"),
        "database": QCoreApplication.translate("AuditDialog", "Restores"),
        "demo": QCoreApplication.translate("AuditDialog", "Demo data"),
    }
    return words.get(entity, entity)


def save_dialog(parent: QWidget | None) -> QFileDialog:
    """Where to write the audit workbook (a module function, so tests can answer it)."""
    dialog = file_dialogs.own_file_dialog(
        parent, QCoreApplication.translate("AuditDialog", "Export the audit log"),
        file_dialogs.documents_folder(), QFileDialog.FileMode.AnyFile,
        QCoreApplication.translate("AuditDialog", "File name:"),
        QCoreApplication.translate("AuditDialog", "Save"))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilter(
        QCoreApplication.translate("AuditDialog", "Excel workbooks (*.xlsx)"))
    dialog.selectFile(str(file_dialogs.documents_folder() / "nhat-ky-thay-doi.xlsx"))
    return dialog


class AuditDialog(Retranslating, QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self.ctx = ctx
        self.total = 0
        self.resize(1000, 560)
        self.search = QLineEdit()
        self.search.setObjectName("auditSearch")
        self.search.setClearButtonEnabled(True)
        self.entity = QComboBox()
        self.entity.setObjectName("auditEntity")
        self.entity.addItem("", "")
        for name in audit_entities(ctx.db):
            self.entity.addItem(name, name)
        self.model = AuditTableModel(ctx.lang, self)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.shown = QLabel()
        self.more = QPushButton()
        self.more.setObjectName("auditMore")
        self.more.clicked.connect(self.show_more)
        self.export = QPushButton()
        self.export.setObjectName("auditExport")
        self.export.clicked.connect(self.export_log)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        top = QHBoxLayout()
        self.search_label, self.entity_label = QLabel(), QLabel()
        self.search_label.setBuddy(self.search)
        self.entity_label.setBuddy(self.entity)
        for widget in (self.search_label, self.search, self.entity_label, self.entity):
            top.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.shown, 1)
        for button in (self.more, self.export, self.close_button):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.search.textChanged.connect(self.reload)
        self.entity.currentIndexChanged.connect(self.reload)
        self.reload()
        self.retranslate()

    def wanted(self) -> AuditFilter:
        return AuditFilter(str(self.entity.currentData() or ""), self.search.text())

    def reload(self) -> None:
        page = audit_page(self.ctx.db, self.wanted(), limit=PAGE)
        self.total = page.total
        self.model.set_rows(list(page.rows))
        self._show_count()

    def show_more(self) -> None:
        page = audit_page(self.ctx.db, self.wanted(), offset=len(self.model.rows), limit=PAGE)
        self.total = page.total
        self.model.add_rows(page.rows)
        self._show_count()

    def _show_count(self) -> None:
        self.shown.setText(self.tr("Showing %1 of %2 events")
                           .replace("%1", numbers.count(len(self.model.rows)))
                           .replace("%2", numbers.count(self.total)))
        self.more.setEnabled(len(self.model.rows) < self.total)

    def export_log(self) -> None:
        dialog = save_dialog(self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
                return
            path = Path(dialog.selectedFiles()[0])
        finally:
            dialog.deleteLater()
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            count = drive(export_audit(self.ctx.db, path, wanted=self.wanted(),
                                       lang=self.ctx.lang, action_words=audit_action_words,
                                       field_words=audit_field_words))
        except NapError as error:
            message_box.show_error(self, self.tr("Audit log not exported"), error,
                                   self.ctx.lang)
            return
        message_box.inform(self, self.tr("Audit log"),
                           self.tr("Wrote %1 events to %2.").replace("%1", numbers.count(count))
                           .replace("%2", str(path)), self.tr("Close"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audit log"))
        self.search_label.setText(self.tr("&Find:"))
        self.search.setPlaceholderText(self.tr("title, code, user, field…"))
        self.entity_label.setText(self.tr("&Kind:"))
        self.entity.setItemText(0, self.tr("All"))
        for index in range(1, self.entity.count()):
            self.entity.setItemText(index, entity_words(str(self.entity.itemData(index))))
        self.more.setText(self.tr("Show &more"))
        self.export.setText(self.tr("&Export…"))
        self.close_button.setText(self.tr("Close"))
        self.model.lang = self.ctx.lang
        self.model.retranslate()
        self._show_count()
