"""What a page of the main window is: what it may offer the window, and when it reloads.

The window talks to its pages only through `Page`: where the keyboard starts when the
page is shown (`default_focus`), whether the page may close now (`can_close`: unsaved
work), and the actions it puts in the Edit menu (`edit_actions`). Each has a default,
so a page declares only what it offers. A page's words follow the language through
`Retranslating` (define `retranslate()`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QWidget

from desktop_app.ui.context import AppContext
from desktop_app.ui.retranslating import Retranslating


@dataclass(frozen=True)
class EditActions:
    """The page's own actions for the window's Edit menu; None leaves the window's own
    (disabled) stand-in in the menu."""

    undo: QAction | None = None
    redo: QAction | None = None
    new: QAction | None = None
    delete: QAction | None = None
    find: QAction | None = None

    def offered(self) -> dict[str, QAction]:
        """name -> action, for the actions the page offers."""
        named = {"undo": self.undo, "redo": self.redo, "new": self.new,
                 "delete": self.delete, "find": self.find}
        return {name: action for name, action in named.items() if action is not None}


class Page(Retranslating, QWidget):
    """A page that reloads from the services when the data, period or language changes.

    A visible page reloads at once; a hidden one only marks itself stale and
    reloads when it is next shown, so one change does not reload every page (20,000
    activities are not read for nobody). Subclasses define `refresh()` (which clears
    `_stale`) and `retranslate()`, and connect the context's signals to `_changed`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = False

    def refresh(self) -> None:
        raise NotImplementedError

    # --- what the window asks ----------------------------------------------------------

    def default_focus(self) -> QWidget | None:
        """The widget that takes the keyboard when the page is shown; None leaves it."""
        return None

    def can_close(self) -> bool:
        """False keeps the window open (the page has asked about unsaved work)."""
        return True

    def edit_actions(self) -> EditActions:
        """The page's actions for the Edit menu (undo, redo, new, delete, find)."""
        return EditActions()

    # --- reloading ---------------------------------------------------------------------

    def _changed(self, *_: object) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)


# A page class as the window makes it: PageClass(ctx, parent). (key, page class) pairs
# give the order of the navigation list.
PageClass = Callable[[AppContext, QWidget | None], Page]
PageSpecs = tuple[tuple[str, PageClass], ...]
