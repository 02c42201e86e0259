"""The window and the other programs on its database: their changes, and their locks.

An open window notices what another process (the command line, a script) committed:
SQLite's data version (a server's change token), looked at every few seconds and
whenever the window comes to the front, moves with every commit made through another
connection (looked at first before the window's first reads, when launch.py begins it
then: a commit between those reads and the watch is told too); the window then emits
``data_changed`` once, so its pages reload, and says so in the status bar. The window's
own writes move it too: after each ``data_changed`` the version seen is taken again, so
an own change is not reloaded twice.

While a writer of the window waits for a database another program keeps locked
(BEGIN IMMEDIATE, up to NAP_BUSY_TIMEOUT_S), the status bar says so instead of the
window waiting silently; the wait's own outcome (done, or "busy" after the wait) is
shown as it is today.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop_app.core.storage.database import Database
from desktop_app.core.storage.window_lock import ChangeWatch, is_file_database
from desktop_app.messages import text
from desktop_app.ui.context import AppContext

POLL_MS = 2000
RELOADED_SHOWN_MS = 8000


class TokenWatch:
    """ChangeWatch for a server's database: its change token, looked at when asked."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._seen: str | None = None
        self.changed()

    def changed(self) -> bool:
        try:
            token = self.db.change_token()
        except Exception:  # the server out of reach for now: look again later
            return False
        before, self._seen = self._seen, token
        return before is not None and token != before

    def close(self) -> None:
        pass


class DatabaseWatch(QObject):
    busy = Signal(float)

    def __init__(self, window: QMainWindow, ctx: AppContext, poll_ms: int = POLL_MS,
                 begun: ChangeWatch | None = None) -> None:
        """begun: a watch on the database file begun before the window's first reads
        (ui/first_read.py, launch.py): the commits made since those reads are told too,
        not only those after this watch is made."""
        super().__init__(window)
        self.window, self.ctx = window, ctx
        self.reloads = 0
        self._watch: ChangeWatch | TokenWatch | None = (
            TokenWatch(ctx.db) if ctx.db.server is not None
            else None if not is_file_database(ctx.db.path)
            else begun if begun is not None else ChangeWatch(ctx.db.path))
        if begun is not None and self._watch is not begun:
            begun.close()
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.check)
        if self._watch is not None:
            self._timer.start()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self._state_changed)
        ctx.data_changed.connect(self._seen_own_change)
        self.busy.connect(self._show_busy, Qt.ConnectionType.QueuedConnection)
        ctx.db.busy.notice = self._notice

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()

    def _seen_own_change(self) -> None:
        if self._watch is not None:
            self._watch.changed()

    def check(self) -> bool:
        """Reload the pages when another program changed the database; whether it had.
        A file replaced or removed under the window closes it (ChangeWatch.replaced)."""
        if isinstance(self._watch, ChangeWatch) and self._watch.replaced():
            self._replaced()
            return False
        if self._watch is None or not self._watch.changed():
            return False
        self.reloads += 1
        self.ctx.data_changed.emit()
        self.window.statusBar().showMessage(text("window.reloaded", self.ctx.lang),
                                            RELOADED_SHOWN_MS)
        return True

    def _replaced(self) -> None:
        """The file the window opened is no longer at its path: the window keeps a copy
        of the file it had beside the path (with every change saved in it, those made
        since the replacement too), says so, and closes before anything more is written
        to a file nobody would read again. Opened again, the program checks what is at
        the path now as at any start."""
        from desktop_app.ui.dialogs.message_box import warn

        watch, path, lang = self._watch, self.ctx.db.path, self.ctx.lang
        kept = path.with_name(f"{path.stem}.replaced-{datetime.now():%Y%m%d-%H%M%S}"
                              f"{path.suffix}")
        failed = watch.keep_opened(kept) if isinstance(watch, ChangeWatch) else "?"
        self.stop()
        said = (text("window.db_replaced_lost", lang, file=str(path), detail=failed)
                if failed else text("window.db_replaced", lang, file=str(path), kept=str(kept)))
        warn(self.window, text("window.db_replaced_title", lang), said,
             text("window.close", lang))
        self.window.close()

    def _notice(self, seconds: float) -> None:
        """Called by a writer (often on a worker thread) that starts to wait for the lock."""
        if QThread.currentThread() is self.thread():
            self._show_busy(seconds)
            self.window.statusBar().repaint()  # the GUI thread itself is about to wait
        else:
            self.busy.emit(seconds)

    def _show_busy(self, seconds: float) -> None:
        shown = int(seconds) if float(seconds).is_integer() else seconds
        self.window.statusBar().showMessage(text("window.busy", self.ctx.lang, seconds=shown),
                                            int(seconds * 1000) + 1000)

    def stop(self) -> None:
        self._timer.stop()
        if self.ctx.db.busy.notice == self._notice:
            self.ctx.db.busy.notice = None
        watch, self._watch = self._watch, None  # stopped: nothing looked at again
        if watch is not None:
            watch.close()
