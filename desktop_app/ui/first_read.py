"""The first paint's reads, begun on a plain thread the moment the window is asked for.

An agency's SQLite file at the program's schema is drawn from sqlite3 reads before
the database layer is imported (`launch.py`, issue 11): the status bar's facts, the
catalog's years and the first page's overview. At 100,000 activities the overview's
SQL is ~0.3 s of CPU, and it was begun only once Qt was up, the splash drawn, the
window lock taken and the file checked: the window then waited for it. Begun here,
before Qt is imported, it runs beside all that. It needs no Qt, and its three reads
are one snapshot (one transaction), so the facts and the figures agree. The overview's
two long counts (the indicators, the links per recommendation) run at once on two
connections (`_Links`), kept only when no other program wrote between them.

The window lock and the check for damage still come first for everything the window
does: they may ask the person, and a damaged file may be put aside for its backup.
A read begun before them is used only when the file is still the one it read (the
same device and inode): a restored backup is another file, and `launch.py` reads that
one again. Whatever the read cannot do the quick way (a focal point, another
revision, an SQLite error) it leaves to the full open, as before.

What the window draws from this read is a second or more old by the time its database
is open and its watch on other programs' commits begins (ui/db_watch.py). The watch
(`ChangeWatch`) is therefore begun here, before the read's snapshot, and handed to the
window (`take_watch`): a commit made by another program at any moment after the
snapshot reloads the pages, never leaving rows read before it shown as current.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.core.services.overview import Overview
    from desktop_app.core.services.period_facts import PeriodFacts
    from desktop_app.core.storage.window_lock import ChangeWatch


class _Links:
    """The overview's links per recommendation, read on a second connection and thread
    while the first connection counts the indicators (each count is one long step
    inside SQLite, which lets the GIL go: the two run at once on two cores).

    Both read transactions begin within a few milliseconds; `FirstRead` keeps the
    answer only when no other connection committed between its first connection's
    `PRAGMA data_version` before its transaction and after the overview (then both
    snapshots are that same state), and reads everything again on one connection
    otherwise."""

    def __init__(self, path: Path, year: int) -> None:
        self._path, self._year = path, year
        self._links: dict[int, int] | None = None
        self.read = False  # whether result() gave the links read here
        self._thread = threading.Thread(target=self._run, name="first-read-links",
                                        daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from desktop_app.core.services.overview import quick_links
        from desktop_app.core.storage.schema import open_at_head

        conn = open_at_head(self._path)
        if conn is None:
            return
        try:
            with conn:
                conn.execute("BEGIN")
                self._links = quick_links(conn, self._year)
        except Exception:  # noqa: BLE001  (the first connection reads them instead)
            self._links = None
        finally:
            conn.close()

    def result(self) -> dict[int, int] | None:
        """The links (waiting for them), or None: the caller reads them itself."""
        self._thread.join()
        self.read = self._links is not None
        return self._links


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


class FirstRead:
    """The facts, years and overview of the file at path, read on a thread of its own."""

    def __init__(self, path: Path, today: date | None = None) -> None:
        self._path = path
        self._today = today or date.today()
        self._identity = _identity(path)
        self._facts_read = threading.Event()
        self._done = threading.Event()
        self._facts: tuple[PeriodFacts, list[int]] | None = None
        self._overview: Overview | None = None
        self._error: BaseException | None = None
        self._watch: ChangeWatch | None = None
        self._watch_lock = threading.Lock()
        # A daemon: a window that does not open (its lock refused) does not wait for it.
        threading.Thread(target=self._run, name="first-read", daemon=True).start()

    def _run(self) -> None:
        try:
            self._read()
        except BaseException as error:  # noqa: BLE001  (given to whoever takes the overview)
            self._error = error
        finally:
            self._facts_read.set()
            self._done.set()

    def _read(self) -> None:
        from desktop_app.core.domain.enums import Role
        from desktop_app.core.services.overview import quick_overview
        from desktop_app.core.services.period_facts import facts_by, year_shown, years_by
        from desktop_app.core.storage.schema import open_at_head
        from desktop_app.core.storage.sql_text import sqlite_execute
        from desktop_app.core.storage.window_lock import ChangeWatch

        conn = open_at_head(self._path)
        if conn is None:
            return
        begun = ChangeWatch(self._path)  # its first look comes before the snapshot
        watch: ChangeWatch | None = begun  # closed at the end unless handed over
        try:
            (version,) = conn.execute("PRAGMA data_version").fetchone()
            with conn:
                conn.execute("BEGIN")  # one snapshot, as db.reading() gives
                execute = sqlite_execute(conn)
                years = years_by(execute)
                facts = facts_by(execute, year_shown(years, self._today.year))
                if facts.role is not Role.AGENCY:
                    return  # a focal point's window takes the full open
                if begun.started():
                    with self._watch_lock:
                        self._watch, watch = begun, None  # the window's, with the facts
                self._facts = (facts, years)
                self._facts_read.set()
                links = _Links(self._path, facts.year)
                overview = quick_overview(conn, facts.year, self._today, links.result)
            if links.read and conn.execute("PRAGMA data_version").fetchone()[0] != version:
                # Another program wrote meanwhile: the links' snapshot may be a later
                # one. Read all of it again in one (rare: a write in those 0.3 s).
                with conn:
                    conn.execute("BEGIN")
                    overview = quick_overview(conn, facts.year, self._today)
            self._overview = overview
        except sqlite3.Error:
            return  # the full open, or the database's own read, decides and words it
        finally:
            conn.close()
            if watch is not None:  # not handed over: no facts for the window to show
                watch.close()

    def wait(self) -> None:
        """Until the read is over and its connection closed."""
        self._done.wait()

    def take_watch(self) -> ChangeWatch | None:
        """The watch on other programs' commits begun before the read's snapshot (the
        caller's to close), once the facts are read; None when there are none, or the
        watch could not take its first look."""
        self._facts_read.wait()
        with self._watch_lock:
            watch, self._watch = self._watch, None
        return watch

    def release(self) -> None:
        """Until the read is over, then its watch closed too (unless taken): nothing of
        this read holds the file open any more."""
        self.wait()
        watch = self.take_watch()
        if watch is not None:
            watch.close()

    def still_the_file(self) -> bool:
        """Whether the file at the path is the one the read began on."""
        return self._identity is not None and _identity(self._path) == self._identity

    def facts(self) -> tuple[PeriodFacts, list[int]] | None:
        """The status bar's facts and the catalog's years (waiting for them); None when
        the full open must decide."""
        self._facts_read.wait()
        return self._facts

    def overview(self, otherwise: Callable[[], Overview]) -> Overview:
        """The first page's overview (waiting for it; call it on a worker): the read's,
        its error raised here, or otherwise() when it could not read it the quick way."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._overview if self._overview is not None else otherwise()
