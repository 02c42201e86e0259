"""What a page of the main window is: what it may offer the window, and when it reloads.

A page reads nothing until it is first shown: the window makes its first page at
start-up and the others after the first paint (`LazyPages`), and a hidden page that
read its rows then (the Indicators page read all 100,000 indicators behind the
Overview) made everyone wait for what nobody looked at. A page
whose rows can be many reads them on a worker (`ui/loading.py`) and shows a busy bar
meanwhile (`loading_bar`, placed by the page in its layout); `loaded` says the page
shows what it was asked for, and `is_loaded()` whether it does now.

The window talks to its pages only through `Page`: where the keyboard starts when the
page is shown (`default_focus`), whether the page may close now (`can_close`: unsaved
work), and the actions it puts in the Edit menu (`edit_actions`). Each has a default,
so a page declares only what it offers. A page's words follow the language through
`Retranslating` (define `retranslate()`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from desktop_app.core.problems import NapError
from desktop_app.ui.context import AppContext
from desktop_app.ui.loading import Reader
from desktop_app.ui.retranslating import Retranslating

if TYPE_CHECKING:
    from desktop_app.core.storage.database import Database

# A page whose period holds fewer activities than this reads on the GUI thread at once
# (tens of milliseconds); a bigger one on a worker, with the busy bar.
READ_AT_ONCE_BELOW = 2000


def small_period(db: Database, year: int) -> bool:
    """Whether the period's list is small enough to read on the GUI thread at once."""
    from desktop_app.core.services.activities import count_activities  # not at start-up

    try:
        return count_activities(db, year, up_to=READ_AT_ONCE_BELOW) < READ_AT_ONCE_BELOW
    except NapError:
        return True  # the read at once says why


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

    A page starts stale and reads when first shown; then a visible page reloads at
    once and a hidden one only marks itself stale and reloads when it is next shown,
    so one change does not reload every page (100,000 activities are not read for
    nobody). Subclasses define `refresh()` (which clears `_stale`, and calls
    `_finish_loading()` once the data is on screen) and `retranslate()`, and connect
    the context's signals to `_changed`.
    """

    loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = True
        self._loading = False
        # What is being read, and a busy bar (a busy QProgressBar shows no text itself).
        self.loading_bar = QWidget(self)
        self.loading_label = QLabel(self.loading_bar)
        self.loading_progress = busy = QProgressBar(self.loading_bar)
        busy.setRange(0, 0)  # how long a read takes is not known
        busy.setTextVisible(False)
        busy.setMaximumWidth(220)
        row = QHBoxLayout(self.loading_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.loading_label)
        row.addWidget(busy)
        row.addStretch(1)
        self.loading_bar.hide()
        self._reader: Reader | None = None
        self._then: tuple[Callable[[Any], None], Callable[[NapError], None]] | None = None

    def refresh(self) -> None:
        raise NotImplementedError

    def load(self) -> None:
        """Read now if the page has not (the window's first page, read before the
        window is shown, so that it is laid out with its data)."""
        if self._stale:
            self.refresh()

    def is_loaded(self) -> bool:
        """Whether the page shows the data as it is now (read, and not being re-read)."""
        return not self._stale and not self._loading

    def _begin_loading(self, text: str) -> None:
        """The page is reading: the busy bar says what, until `_finish_loading`."""
        self._loading = True
        self.loading_label.setText(text)
        self.loading_progress.setRange(0, 0)
        self.loading_bar.show()

    def _loading_progress(self, done: int, total: int) -> None:
        """How far the read is, when its length is known: the bar fills instead of
        moving to and fro (a busy bar is redrawn at every frame of its animation,
        ~30-50 ms of the GUI thread's CPU over a read of a second and a half)."""
        self.loading_progress.setRange(0, max(total, done))
        self.loading_progress.setValue(done)

    def _finish_loading(self) -> None:
        self._loading = False
        self.loading_bar.hide()
        self.loaded.emit()

    def _load(self, read: Callable[[], Any], show: Callable[[Any], None],
              refused: Callable[[NapError], None], *, text: str, at_once: bool) -> None:
        """read() the page's data and show() it: at once when it is small, else on a
        worker while the busy bar says `text`. A NapError goes to refused(); a newer
        load makes an older one's answer stale."""
        if at_once:
            if self._reader is not None:
                self._reader.stop()
            try:
                result = read()
            except NapError as error:
                refused(error)
            else:
                show(result)
            self._finish_loading()
            return
        if self._reader is None:
            self._reader = Reader(self)
            self._reader.done.connect(self._read_done)
            self._reader.failed.connect(self._read_refused)
        self._then = (show, refused)
        self._begin_loading(text)
        self._reader.start(read)

    def stop_loading(self) -> None:
        """Forget the reads under way (the window is closing)."""
        for reader in self.findChildren(Reader):
            reader.stop()

    def _read_done(self, result: object) -> None:
        if self._then is not None:
            self._then[0](result)
        self._finish_loading()

    def _read_refused(self, error: object) -> None:
        self._finish_loading()
        if not isinstance(error, NapError):
            raise error if isinstance(error, BaseException) else RuntimeError(error)
        if self._then is not None:
            self._then[1](error)

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


class LazyPages(Mapping[str, Page]):
    """The window's pages by key, each made by `make(key)` the first time it is asked for.

    Every key of the window's page list is there from the start (the navigation lists
    them all); `built()` gives the pages made so far, which is what closing, stopping
    the reads and rebuilding the window must ask (not every page, which would make them).
    """

    def __init__(self, keys: tuple[str, ...], make: Callable[[str], Page],
                 made: Callable[[str], None] | None = None) -> None:
        self._keys = keys
        self._make = make
        self._made = made  # told once a page is made and here
        self._built: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        page = self._built.get(key)
        if page is None:
            if key not in self._keys:
                raise KeyError(key)
            page = self._built[key] = self._make(key)
            if self._made is not None:
                self._made(key)
        return page

    def __contains__(self, key: object) -> bool:  # without making the page
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def is_built(self, key: str) -> bool:
        return key in self._built

    def built(self) -> list[Page]:
        """The pages made so far, in the page list's order."""
        return [self._built[key] for key in self._keys if key in self._built]
