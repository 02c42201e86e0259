"""A viewer's window: what would write is disabled where it is offered, and says why.

On a shared PostgreSQL database a role with read-only rights (`Database.read_only`)
gets a window that reads everything and writes nothing. Refusing each write when it
is tried (the services' `db.read_only` problem) is the last line; before that, every
button, field and menu entry that would write is disabled, and a visible hint on each
page that has them (`ReadOnlyHint`) says why, so a viewer is not invited to type a
judgment that cannot be saved. `disable` is the one switch the pages, widgets and the
window use.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.ui.retranslating import Retranslating


class ReadOnlyHint(Retranslating, QLabel):
    """"Read only" and why, shown above what a viewer may not use; hidden otherwise."""

    def __init__(self, read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyHint")
        self.setWordWrap(True)
        self.setVisible(read_only)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Read only: your role on this shared database may read but "
                             "not change the data, so editing is turned off here."))


def disable(read_only: bool, items: Iterable[QWidget | QAction]) -> None:
    """Turn off every widget and action in items when the window may only read."""
    if not read_only:
        return
    for item in items:
        item.setEnabled(False)
        item.setToolTip(QCoreApplication.translate(
            "ReadOnlyHint", "Read only: your role may not change the data"))
