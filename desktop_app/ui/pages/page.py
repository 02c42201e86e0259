"""What every page of the main window shares: reloading at the right moment."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget


class Page(QWidget):
    """A page that reloads from the services when the data, period or language changes.

    A visible page reloads at once; a hidden one only marks itself stale and
    reloads when it is next shown, so one change does not reload every page.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = False

    def refresh(self) -> None:
        raise NotImplementedError

    def _changed(self, *_: object) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)
