"""Reading off the GUI thread: a page's rows are read on a worker thread and handed back
in pieces, so the window keeps drawing and answering while 100,000 of them come in.

A `Reader` runs one read at a time for the page that owns it. A read is a plain
function of the core (a service call, or work over rows already read) that returns a
value, or an iterator whose items arrive one by one as `piece`; `done` follows with
the value (None after an iterator). Starting a new read makes the running one stale:
it is asked to stop between pieces, and whatever it still sends is dropped, so a page
shows only the answer to its latest question. Errors arrive as `failed`.

The threads are not children of the page: a page may be deleted while its read runs,
and a QThread destroyed while it runs takes the process down. Each thread is kept here
until it has ended; `wait_for_reads()` lets the window wait for them as it closes.

Pure-Python work on a worker holds the GIL, and the GUI thread takes it again for
every call into Python (each cell a view draws, each event a Python widget handles).
The interpreter makes a waiting thread wait up to its switch interval (5 ms) each
time, so a window drawing 350 cells next to a busy worker froze for seconds. While
reads run the interval is `SWITCH_INTERVAL` (the GUI thread waits a fraction of a
millisecond; a worker without a rival is not slowed), and it is put back after. One
long call into C that holds the GIL (sorting 100,000 keys in one `sorted()`) would
still freeze the window: `ordered()` sorts in slices for that reason.

A read that makes many objects which hold no cycles (100,000 rows of plain values) may
run with the cyclic garbage collector paused (`Reader(bulk=True)`, `collector_paused`):
each collection walks every object the process tracks, and a read of 100,000 rows
set off a few hundred of them, some full ones holding the GIL for tens of milliseconds
(~0.3 s of CPU in all, and the window's longest stalls). A bulk read collects its
youngest objects itself every few pieces (`UNTRACK_EVERY`): that pass stops tracking
the rows of plain values it made, in passes of ~20,000 rows (10-20 ms) rather than one
of 100,000 (50-90 ms under load, the window's longest stall) after the read. The
collector runs again when the last such read ends.

A read may also begin before the page that shows it exists (`read_early`): at start-up
the first page's read (the overview: SQL aggregates, mostly inside SQLite, which lets
the GIL go) runs while the GUI thread imports and builds the window, instead of after
it. The page takes the answer with `take_early` (once) and waits for it on its own
worker, so the GUI thread never waits for it.
"""

from __future__ import annotations

import gc
import heapq
import sys
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import nullcontext
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop_app.core.progress import collector_paused

Read = Callable[[], Any]

# Slices sorted in one C call each: ~10 ms of holding the GIL for this many keys.
_SLICE = 8192
SWITCH_INTERVAL = 0.00005  # seconds
UNTRACK_EVERY = 4  # pieces of a bulk read between its own passes of the collector


def ordered(keys: Sequence[Any], *, reverse: bool = False) -> list[int]:
    """Indexes of keys in sorted order (stable), without holding the GIL for long."""
    slices = [sorted(range(start, min(start + _SLICE, len(keys))), key=keys.__getitem__,
                     reverse=reverse)
              for start in range(0, len(keys), _SLICE)]
    if len(slices) <= 1:
        return slices[0] if slices else []
    return list(heapq.merge(*slices, key=keys.__getitem__, reverse=reverse))


class _ReadThread(QThread):
    piece = Signal(int, object)
    done = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, number: int, read: Read, stop: threading.Event,
                 bulk: bool = False) -> None:
        super().__init__()
        self.number = number
        self._read = read
        self._stop = stop
        self._bulk = bulk

    def run(self) -> None:
        with collector_paused() if self._bulk else nullcontext():
            self._run()

    def _run(self) -> None:
        try:
            result = self._read()
            if isinstance(result, Iterator):
                for sent, piece in enumerate(result, 1):
                    if self._stop.is_set():
                        if isinstance(result, Generator):
                            result.close()  # a read's transaction ends with it
                        return
                    self.piece.emit(self.number, piece)
                    if self._bulk and sent % UNTRACK_EVERY == 0:
                        gc.collect(0)  # the youngest objects only (see the module's note)
                result = None
            if not self._stop.is_set():
                self.done.emit(self.number, result)
        except BaseException as error:  # noqa: BLE001  (handed to the GUI thread)
            self.failed.emit(self.number, error)


class _Keeper(QObject):
    """Holds every read thread until it has ended (lives on the GUI thread)."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: set[_ReadThread] = set()
        self._interval = sys.getswitchinterval()

    def keep(self, thread: _ReadThread) -> None:
        if not self.threads:
            self._interval = sys.getswitchinterval()
            sys.setswitchinterval(min(self._interval, SWITCH_INTERVAL))
        self.threads.add(thread)
        thread.finished.connect(self._ended)

    @Slot()
    def _ended(self) -> None:
        for thread in [t for t in self.threads if t.isFinished()]:
            self.threads.discard(thread)
            thread.deleteLater()
        if not self.threads:
            sys.setswitchinterval(self._interval)


_keeper: _Keeper | None = None


def _keep(thread: _ReadThread) -> None:
    global _keeper
    if _keeper is None:
        _keeper = _Keeper()
    _keeper.keep(thread)


def wait_for_reads() -> None:
    """Wait for every read still running (the window is closing)."""
    if _keeper is None:
        return
    for thread in list(_keeper.threads):
        thread.wait()


class _Early:
    """One read begun ahead of its page; its answer (or error) is kept for one taker."""

    def __init__(self, read: Read) -> None:
        self._read = read
        self._ready = threading.Event()
        self._value: Any = None
        self._error: BaseException | None = None

    def run(self) -> None:
        try:
            self._value = self._read()
        except BaseException as error:  # noqa: BLE001  (given to whoever takes the answer)
            self._error = error
        finally:
            self._ready.set()

    def result(self) -> Any:
        """The answer (waiting for it), or the read's error raised here."""
        self._ready.wait()
        if self._error is not None:
            raise self._error
        return self._value


_early: dict[str, _Early] = {}
FIRST_OVERVIEW = "overview"  # the overview of the period the window opens on


def read_early(key: str, read: Read) -> None:
    """Begin read() on a worker now, for the page that will ask for `key`."""
    early = _Early(read)
    _early[key] = early
    thread = _ReadThread(0, early.run, threading.Event())
    _keep(thread)
    thread.start()


def take_early(key: str) -> Read | None:
    """The read begun early for `key` (it waits for the answer, so call it on a worker),
    or None when there is none; either way the early read is forgotten here."""
    early = _early.pop(key, None)
    return None if early is None else early.result


def forget_early() -> None:
    """Drop the answers nobody took (the window closed, or chose another page)."""
    _early.clear()


class Reader(QObject):
    """One page's reads, the latest winning. Signals arrive on the GUI thread."""

    piece = Signal(object)
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None, *, bulk: bool = False) -> None:
        """bulk: the reads make many objects without cycles (see the module's note)."""
        super().__init__(parent)
        self._number = 0
        self._stop = threading.Event()
        self._busy = False
        self._bulk = bulk

    def start(self, read: Read) -> None:
        """Read on a worker; the read running until now is stopped and forgotten."""
        self._stop.set()
        self._stop = threading.Event()
        self._number += 1
        self._busy = True
        thread = _ReadThread(self._number, read, self._stop, self._bulk)
        thread.piece.connect(self._piece)
        thread.done.connect(self._done)
        thread.failed.connect(self._failed)
        _keep(thread)
        thread.start()

    def stop(self) -> None:
        """Forget the running read (its results are dropped)."""
        self._stop.set()
        self._number += 1
        self._busy = False

    def busy(self) -> bool:
        return self._busy

    @Slot(int, object)
    def _piece(self, number: int, piece: object) -> None:
        if number == self._number:
            self.piece.emit(piece)

    @Slot(int, object)
    def _done(self, number: int, result: object) -> None:
        if number == self._number:
            self._busy = False
            self.done.emit(result)

    @Slot(int, object)
    def _failed(self, number: int, error: object) -> None:
        if number == self._number:
            self._busy = False
            self.failed.emit(error)
