"""Writing files that travel: whole or not at all, and no leftovers of the times it failed.

Every write goes to a temporary file beside the destination, renamed over it
only when complete. A process killed mid-way leaves that temporary file behind
(and, for a database, SQLite's -journal/-wal/-shm beside it); the next write to
the same folder removes such leftovers. A temporary file still being written is
never taken for one: on POSIX its writer holds an advisory lock on it for as
long as it lives; on Windows a file in use cannot be removed, and only leftovers
older than LEFTOVER_AGE_S are tried.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from uuid import uuid4

from desktop_app.core.problems import Problem, RefusedError, os_detail

if sys.platform != "win32":
    import fcntl

LEFTOVER_AGE_S = 3600.0  # Windows only: no lock tells a live writer from a dead one
_TEMPORARY = re.compile(r"\..+\.[0-9a-f]{12}\.part")
_SIDECARS = ("-journal", "-wal", "-shm")


def cannot_write(path: Path, detail: str) -> RefusedError:
    return RefusedError(Problem("file.cannot_write", {"file": str(path), "detail": detail}))


def _is_leftover_name(name: str) -> bool:
    for sidecar in _SIDECARS:
        if name.endswith(sidecar):
            name = name[: -len(sidecar)]
            break
    return _TEMPORARY.fullmatch(name) is not None


def _nobody_writes(path: Path) -> bool:
    """Whether the temporary file at path is a leftover: its writer is gone."""
    if sys.platform == "win32":
        try:
            return time.time() - path.stat().st_mtime > LEFTOVER_AGE_S
        except OSError:
            return False
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # its writer still holds it
    else:
        return True
    finally:
        os.close(fd)


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files that interrupted writes left in folder."""
    removed: list[Path] = []
    try:
        names = [entry.name for entry in os.scandir(folder)
                 if entry.name.startswith(".") and entry.name.endswith((".part", *_SIDECARS))]
    except OSError:
        return removed
    parts = {name for name in names if _TEMPORARY.fullmatch(name)}
    for name in sorted(parts):
        path = Path(folder) / name
        if not _nobody_writes(path):
            continue
        for sidecar in _SIDECARS:
            with contextlib.suppress(OSError):
                (Path(folder) / (name + sidecar)).unlink()
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    for name in names:  # sidecars whose temporary file is already gone
        if name not in parts and _is_leftover_name(name):
            base = name[: name.rfind("-")]
            if base not in parts and not (Path(folder) / base).exists():
                with contextlib.suppress(OSError):
                    (Path(folder) / name).unlink()
                    removed.append(Path(folder) / name)
    return removed


@contextlib.contextmanager
def temporary_beside(path: Path) -> Iterator[Path]:
    """A new empty file in the destination's folder, removed again unless renamed away.

    An OSError while the block fills it (ENOSPC, EIO…) is a refusal naming the
    destination (RefusedError "file.cannot_write").

    Not mkstemp: its 0600 would leave an exported file unreadable to others;
    O_EXCL with 0666 lets the umask decide, as for any file the person saves.
    """
    path = Path(path)
    if path.is_dir():
        raise cannot_write(path, "EISDIR")
    remove_leftovers(path.parent)
    temp = path.with_name(f".{path.name}.{uuid4().hex[:12]}.part")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise cannot_write(path, os_detail(error)) from error
    if sys.platform == "win32":
        os.close(fd)  # an open file could not be renamed over the destination
        fd = -1
    else:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        yield temp
    except OSError as error:  # a full disk while filling it: a refusal, not a bug
        raise cannot_write(path, os_detail(error)) from error
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
        if fd >= 0:
            os.close(fd)


def replace_with(temp: Path, path: Path, *, durable: bool = True) -> None:
    """Rename temp over path, durably: temp's bytes reach the disk before the rename, and
    the folder's new entry after it. Without the first, a power cut soon after can leave
    the new name on an empty or partial file (ext4 and others may write the rename
    before the data: a file the person then e-mails, refused as damaged); without the
    second, the old file comes back.

    durable=False: the rename alone, for the program's own small scratch files written
    on the GUI thread as the person works (drafts, preferences): two flushes cost 10 ms
    on this machine's disk and can cost a laptop's old disk a visible pause each time."""
    if durable:
        on_disk(temp, shown_as=path)
    try:
        os.replace(temp, path)
    except OSError as error:
        raise cannot_write(path, os_detail(error)) from error
    if durable:
        folder_on_disk(path.parent)


# fsync where the file system has no such thing (some network and virtual ones): the
# bytes are as safe as it makes them, which is no reason to refuse the write
_CANNOT_SYNC = frozenset({errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EROFS})


def on_disk(path: Path, *, shown_as: Path | None = None) -> None:
    """path's written bytes flushed to the disk (fsync); a failure of the disk itself
    (EIO, a full network share) is a refusal naming shown_as (the destination)."""
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise cannot_write(shown_as or path, os_detail(error)) from error
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in _CANNOT_SYNC:
            raise cannot_write(shown_as or path, os_detail(error)) from error
    finally:
        os.close(fd)


def folder_on_disk(folder: Path) -> None:
    """A folder's entries flushed to the disk, where the system can (POSIX: fsync of the
    folder; Windows journals a rename itself and opens no folder for it)."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def put_back_if_failed(path: Path) -> Iterator[None]:
    """The file at path as it is now (if there is one) is put back there when the block
    fails, whatever the block renamed over it or removed meanwhile.

    For a file renamed into place before what records it commits (an export and its
    register row): a failed commit takes the new file away and the earlier file of the
    same name comes back. The earlier file stays reachable by a second name (a hard
    link, a temporary one's name beside it) for the length of the block; where no link
    can be made (a file system without them), the block runs as if there were none.
    """
    kept: Path | None = None
    second = path.with_name(f".{path.name}.{uuid4().hex[:12]}.part")
    with contextlib.suppress(OSError):  # no earlier file, or no links here
        os.link(path, second)
        kept = second
    try:
        yield
    except BaseException:
        if kept is not None:
            with contextlib.suppress(OSError):
                os.replace(kept, path)
                kept = None
        raise
    finally:
        if kept is not None:
            with contextlib.suppress(OSError):
                kept.unlink()


@contextlib.contextmanager
def replacing(path: Path, *, durable: bool = True) -> Iterator[Path]:
    """Fill the yielded temporary file; when the block ends normally it becomes path
    (replace_with, durable as it says).

    A failure, a refusal or a cancel (a generator closed mid-way) part-way leaves
    the destination as it was and no temporary file behind.
    """
    with temporary_beside(path) as temp:
        yield temp
        replace_with(temp, Path(path), durable=durable)


def write_atomically(path: Path, write: Callable[[Path], None], *,
                     durable: bool = True) -> None:
    """Let write() fill a temporary file in the destination folder, then rename it."""
    with replacing(path, durable=durable) as temp:
        try:
            write(temp)
        except OSError as error:
            raise cannot_write(Path(path), os_detail(error)) from error
