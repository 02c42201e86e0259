"""One window per SQLite database: a lock file beside it, and what other programs changed.

A second window on the same database would be a second writer working from pages it
read earlier; instead it is told who has the database open. The lock file
(``DB.window-lock``, beside the database) holds the process id, the host, the user and
the time it was taken, as JSON; it is made with O_EXCL, so of two windows started at
once only one gets it, and removed when the window closes. A lock left by a process
that is gone (a crash, a power cut) is taken over: on the same host its process id is
checked; an unreadable lock file is taken over too. The command line takes no lock: it
works beside an open window, its writes waiting with BEGIN IMMEDIATE as any writer.

``ChangeWatch`` tells the window that another connection committed (SQLite's
``PRAGMA data_version`` on a connection of its own), so it reloads its pages.

Only for a database file: a server's database (a URL) has neither a lock file nor a
data version to watch.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop_app.core.problems import Problem, RefusedError
from desktop_app.core.storage.engine import file_uri

SUFFIX = ".window-lock"


@dataclass(frozen=True)
class LockHolder:
    """Who holds a database's window lock."""

    pid: int
    host: str
    user: str
    since: str  # ISO 8601, UTC

    def alive(self) -> bool:
        """Whether the holder may still be running (a process on another host may be)."""
        if self.host != socket.gethostname():
            return True
        if self.pid <= 0:
            return False
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:  # another user's live process
            return True
        return True


def is_file_database(db_path: Path | str) -> bool:
    return "://" not in str(db_path)


def lock_path(db_path: Path) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + SUFFIX)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001  (no user name in this environment)
        return ""


def read_holder(path: Path) -> LockHolder | None:
    """The holder a lock file names; None when it is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(int(data["pid"]), str(data["host"]), str(data["user"]),
                          str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class WindowLock:
    """The lock this process holds on one database; release() removes it."""

    def __init__(self, path: Path, holder: LockHolder, took_over: bool = False) -> None:
        self.path, self.holder = path, holder
        self.took_over = took_over  # the last window did not close cleanly

    def release(self) -> None:
        if read_holder(self.path) == self.holder:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()


def _create(path: Path, holder: LockHolder) -> bool:
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        return False
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(holder.__dict__, out)
    return True


def acquire(db_path: Path) -> WindowLock | None:
    """Take the window lock of the database at db_path (None for a server's database).

    Refused (``db.window_open``, exit 3) while another live window holds it.
    """
    if not is_file_database(db_path):
        return None
    path = lock_path(db_path)
    mine = LockHolder(os.getpid(), socket.gethostname(), _user(),
                      datetime.now(UTC).isoformat(timespec="seconds"))
    took_over = False
    for _ in range(3):
        try:
            created = _create(path, mine)
        except OSError:  # a folder that cannot be written: no lock to take, none to honour
            return None
        if created:
            return WindowLock(path, mine, took_over)
        holder = read_holder(path)
        if holder is not None and holder.pid != mine.pid and holder.alive():
            raise RefusedError(Problem("db.window_open", {
                "file": str(db_path), "pid": holder.pid, "host": holder.host,
                "user": holder.user, "since": holder.since}))
        with contextlib.suppress(FileNotFoundError):  # stale: taken over
            path.unlink()
        took_over = True
    raise RefusedError(Problem("db.window_open", {
        "file": str(db_path), "pid": "?", "host": "?", "user": "?", "since": "?"}))


class ChangeWatch:
    """Whether another connection committed to the database since the last look."""

    def __init__(self, db_path: Path) -> None:
        self.path = Path(db_path)
        self._connection: sqlite3.Connection | None = None
        self._seen: int | None = None
        self._file = self._identity()  # the file the window opened (device, inode)
        self.changed()

    def _identity(self) -> tuple[int, int] | None:
        try:
            status = os.stat(self.path)
        except OSError:
            return None
        return status.st_dev, status.st_ino

    def replaced(self) -> bool:
        """Whether the file at the path is no longer the one the window opened: removed,
        or another renamed into its place (a sync client, another program's restore).
        The window's connections would go on writing to the file it opened, which
        nothing reads again: its changes would be lost without a word."""
        if self._file is None:
            return False
        try:
            status = os.stat(self.path)
        except FileNotFoundError:
            return True
        except OSError:  # cannot tell now (a network share away): look again later
            return False
        return (status.st_dev, status.st_ino) != self._file

    def _version(self) -> int | None:
        try:
            if self._connection is None:
                self._connection = sqlite3.connect(file_uri(self.path, "mode=ro"), uri=True,
                                                   check_same_thread=False)
                self._connection.execute("PRAGMA busy_timeout = 0")
            return int(self._connection.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:
            return None  # busy, or gone for now: look again later

    def keep_opened(self, target: Path) -> str:
        """A copy of the file the window opened, at target, made through this watch's own
        connection, which still has that file (and its WAL) open whatever is at its path
        now; "" once made, else what stopped it."""
        if self._connection is None:
            return "no connection"
        try:
            with contextlib.closing(sqlite3.connect(target)) as copy:
                self._connection.backup(copy)
        except (sqlite3.Error, OSError) as error:
            with contextlib.suppress(OSError):
                target.unlink()
            return str(error) or type(error).__name__
        return ""

    def started(self) -> bool:
        """Whether it has taken its first look: commits from then on are told."""
        return self._seen is not None

    def changed(self) -> bool:
        """True once after each commit made through any other connection."""
        version = self._version()
        if version is None:
            return False
        before, self._seen = self._seen, version
        return before is not None and version != before

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
