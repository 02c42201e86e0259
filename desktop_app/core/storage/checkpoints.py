"""The write-ahead log copied into an SQLite database file by a thread of its own while a
batch of transactions writes, so that the writer does not wait for it.

Under WAL every commit appends its pages to the ``-wal`` file; a checkpoint copies them
into the database file and syncs both files to the disk (synchronous=NORMAL syncs
nothing else). SQLite runs it inside the commit that makes the log long enough
(``wal_autocheckpoint``), so the writer waits for the copy and for two syncs. An
import writes a file's thousands of rows a transaction: measured on the bench's 34
files (1,000 activities each, 4 Dec 2026, an AMD EPYC virtual machine), every ~6th
commit took 70–120 ms instead of 6–13 ms, about half of it off the processor (waiting
for the disk: 88 ms for a 29 MB log, 37 ms of it CPU, measured alone), and the
last one fell after the readers had finished, when nothing else was left to run. On a
laptop's spinning disk a sync takes longer still.

Here the log is checkpointed after every few commits, PASSIVE (never waiting for the
writer or a reader, never blocking either), on a connection of the thread's own:
sqlite3 lets the GIL go while it copies and syncs, so the writer goes on with the next
file meanwhile. The writer keeps its own automatic checkpoint, at a larger size than
SQLite's: it then finds little left to copy, and it lets the log start again from its
beginning (SQLite restarts the log only at a write that begins with every page of it
copied, which a thread copying while the next file is written never leaves). A
checkpoint changes only when committed pages reach the database file, never what a
commit keeps: a crash at any moment leaves the same database as before. Any failure
here (a disk error, the file gone) stops the thread quietly; the writer's own
checkpoints and its errors remain.

Measured side by side (the bench's 34 files, `import` as whole processes, paired
rounds): from no gain when the machine was quick (~3.0 s an import) to 7% when it was
slow (~4 s), where the copying and the syncs waited longer.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path
from types import TracebackType

from desktop_app.core.storage.engine import file_uri

EVERY_COMMITS = 3  # commits between two checkpoints


class BackgroundCheckpoints:
    """A thread that checkpoints the database at path every `every` commits it is told of.

    Used as a context manager around the batch; leaving it waits for a checkpoint under
    way and closes the thread's connection."""

    def __init__(self, path: Path, every: int = EVERY_COMMITS) -> None:
        self.path, self.every = Path(path), max(1, every)
        self._commits = 0
        self._wake = threading.Event()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="wal-checkpoints",
                                        daemon=True)
        self.checkpoints = 0  # done so far, for the tests

    def __enter__(self) -> BackgroundCheckpoints:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def committed(self) -> None:
        """The writer committed one more transaction."""
        self._commits += 1
        if self._commits % self.every == 0:
            self._wake.set()

    def close(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._thread.ident is not None:
            self._thread.join()

    def _run(self) -> None:
        try:
            connection = sqlite3.connect(file_uri(self.path, "mode=rw"), uri=True,
                                         isolation_level=None)
        except sqlite3.Error:
            return
        try:
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._stopping:
                    return
                connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                self.checkpoints += 1
        except sqlite3.Error:
            return
        finally:
            with contextlib.suppress(sqlite3.Error):
                connection.close()
