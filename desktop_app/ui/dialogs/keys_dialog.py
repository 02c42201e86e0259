"""The signing keys, as `keys list` prints them: a small read-only dialog (issue 9).

At the focal point: this installation's key and every agency key it has pinned, with
when and from which file (the fingerprints to compare with the agencies' signed
letters). At an agency: its own key (the fingerprint its PDF prints beside the
signature) and the focal point's catalog key it pinned. The words follow the language
through the Retranslating mixin; the facts come from core ``keys.list_keys``.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.domain.enums import Role
from desktop_app.core.services.key_listing import KeyListing
from desktop_app.core.services.keys import list_keys
from desktop_app.ui.context import AppContext
from desktop_app.ui.retranslating import Retranslating


def _local(moment: datetime | None) -> str:
    return "–" if moment is None else moment.astimezone().strftime("%d/%m/%Y %H:%M")


class KeysDialog(Retranslating, QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keysDialog")
        self.listing: KeyListing = list_keys(ctx.db)
        self.resize(720, 420)
        self.own = QLabel()
        self.own.setObjectName("ownKey")
        self.own.setWordWrap(True)
        self.own.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pinned_label = QLabel()
        self.pinned_label.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("pinnedKeys")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.own)
        layout.addWidget(self.pinned_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.retranslate()

    def _fill(self) -> None:
        rows: list[tuple[str, str, str, str]] = [
            (pin.agency_code, pin.fingerprint, _local(pin.pinned_at), pin.file_name)
            for pin in self.listing.pinned]
        focal = self.listing.catalog_key
        if self.listing.role is Role.AGENCY and focal is not None:
            rows = [(self.tr("Focal point"), focal.fingerprint, _local(focal.pinned_at),
                     focal.file_name)]
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value or "–"))
        self.table.resizeColumnsToContents()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Signing keys"))
        listing = self.listing
        if listing.own_fingerprint:
            self.own.setText(self.tr("This installation's signing key: %1")
                             .replace("%1", listing.own_fingerprint))
        else:
            self.own.setText(self.tr(
                "This installation has no signing key yet; it is made at the first export."))
        if listing.role is Role.FOCAL_POINT:
            self.pinned_label.setText(self.tr(
                "The agencies' keys pinned here (at each agency's first signed file). "
                "Compare a fingerprint with the one printed on the agency's signed letter."))
        else:
            self.pinned_label.setText(self.tr(
                "The focal point's key pinned here (at its first signed catalog update)."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Agency"), self.tr("Fingerprint"), self.tr("Pinned"), self.tr("From file")])
        self._fill()
