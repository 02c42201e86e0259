"""Writing files that travel: whole or not at all."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from uuid import uuid4

from desktop_app.core.problems import Problem, RefusedError, os_detail


def cannot_write(path: Path, detail: str) -> RefusedError:
    return RefusedError(Problem("file.cannot_write", {"file": str(path), "detail": detail}))


@contextlib.contextmanager
def temporary_beside(path: Path) -> Iterator[Path]:
    """A new empty file in the destination's folder, removed again unless renamed away.

    Not mkstemp: its 0600 would leave an exported file unreadable to others;
    O_EXCL with 0666 lets the umask decide, as for any file the person saves.
    """
    path = Path(path)
    if path.is_dir():
        raise cannot_write(path, "EISDIR")
    temp = path.with_name(f".{path.name}.{uuid4().hex[:12]}.part")
    try:
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as error:
        raise cannot_write(path, os_detail(error)) from error
    try:
        yield temp
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def replace_with(temp: Path, path: Path) -> None:
    try:
        os.replace(temp, path)
    except OSError as error:
        raise cannot_write(path, os_detail(error)) from error


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Fill the yielded temporary file; when the block ends normally it becomes path.

    A failure, a refusal or a cancel (a generator closed mid-way) part-way leaves
    the destination as it was and no temporary file behind.
    """
    with temporary_beside(path) as temp:
        yield temp
        replace_with(temp, Path(path))


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Let write() fill a temporary file in the destination folder, then rename it."""
    with replacing(path) as temp:
        try:
            write(temp)
        except OSError as error:
            raise cannot_write(Path(path), os_detail(error)) from error
