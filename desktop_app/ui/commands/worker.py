"""The one way the window runs long work: a core Job on a worker thread, with Cancel.

A Job is a plain generator from the core that yields Progress and returns its result
(see core/progress.py). run_job drives it on its own QThread, shows a progress dialog
whose Cancel sets the threading.Event that drive() checks, and hands the result or the
error back on the GUI thread. Cancelling closes the generator, which rolls back its
transaction, so a cancelled job leaves nothing written.

    runner = run_job(self, lambda: export_xlsx(db, year, path), self.tr("Exporting"))
    runner.succeeded.connect(self._exported)

The thread is waited for before the runner reports, so no thread outlives its job.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_app.core.progress import Cancelled, Job, Progress, drive
from desktop_app.ui.dialogs import message_box

# merge: import_dialog.py still imports show_error from here; once it calls
# message_box.show_error itself, this line goes.
show_error = message_box.show_error

JobFactory = Callable[[], Job[Any]]

# A job that ends within this time never shows its dialog (no flicker for quick work).
SHOW_AFTER_MS = 400


class _JobThread(QThread):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, factory: JobFactory, cancel: threading.Event,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._cancel = cancel

    def run(self) -> None:
        def report(step: Progress) -> None:
            self.progressed.emit(step.done, step.total, step.stage)

        try:
            result = drive(self._factory(), report, self._cancel)
        except Cancelled:
            self.cancelled.emit()
        except BaseException as error:  # noqa: BLE001  (handed to the GUI thread)
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)


class JobRunner(QObject):
    """One running job. Signals arrive on the GUI thread after the thread has ended.

    succeeded(result), failed(exception) after the error was shown, cancelled(),
    and finished() in every case, last.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, parent: QWidget | None, factory: JobFactory, title: str, *,
                 show_errors: bool = True) -> None:
        super().__init__(parent)
        self._parent = parent
        self._title = title
        self._show_errors = show_errors
        self.cancel_event = threading.Event()
        self.done = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False

        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setLabelText(title)
        self.dialog.setCancelButtonText(self.tr("Cancel"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setRange(0, 0)
        self.dialog.canceled.connect(self.cancel)

        self._thread = _JobThread(factory, self.cancel_event)
        self._thread.progressed.connect(self._on_progress)
        self._thread.succeeded.connect(self._on_succeeded)
        self._thread.failed.connect(self._on_failed)
        self._thread.cancelled.connect(self._on_cancelled)

    def start(self) -> JobRunner:
        self.dialog.setValue(0)  # starts the dialog's show-after timer
        self._thread.start()
        return self

    def cancel(self) -> None:
        self.cancel_event.set()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    def stop(self) -> None:
        """Cancel and wait for the thread to end (the window is closing)."""
        self.cancel()
        self._thread.wait()

    def is_running(self) -> bool:
        return not self.done

    def _on_progress(self, done: int, total: int, stage: str) -> None:
        if self.done:
            return
        if total > 0:
            if self.dialog.maximum() != total:
                self.dialog.setRange(0, total)
            self.dialog.setValue(min(done, total))
        self.progressed.emit(done, total)

    def _end(self) -> None:
        self.done = True
        self._thread.wait()
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.reset()  # stops its show-after timer
        self.dialog.hide()
        self.dialog.deleteLater()
        self._thread.deleteLater()

    def _on_succeeded(self, result: Any) -> None:
        self.result = result
        self._end()
        self.succeeded.emit(result)
        self.finished.emit()

    def _on_cancelled(self) -> None:
        self.was_cancelled = True
        self._end()
        self.cancelled.emit()
        self.finished.emit()

    def _on_failed(self, error: BaseException) -> None:
        self.error = error
        self._end()
        if self._show_errors:
            message_box.show_error(self._parent, self._title, error, self._lang())
        self.failed.emit(error)
        self.finished.emit()

    def _lang(self) -> str:
        widget = self._parent
        while widget is not None:
            ctx = getattr(widget, "ctx", None)
            if ctx is not None and getattr(ctx, "lang", None) in ("vi", "en"):
                return str(ctx.lang)
            widget = widget.parentWidget()
        return "en"


def run_job(parent: QWidget | None, job_factory: JobFactory, title: str, *,
            show_errors: bool = True) -> JobRunner:
    """Run a core Job off the GUI thread with a progress dialog; returns the runner."""
    return JobRunner(parent, job_factory, title, show_errors=show_errors).start()
