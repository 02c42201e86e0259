"""Writing files that travel: whole or not at all."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop_app.core.problems import RefusedError


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Let write() fill a temporary file in the destination folder, then rename it.

    A failure (or a cancel) part-way leaves the destination as it was and no
    temporary file behind; a destination that cannot be written is refused with
    file.cannot_write, which the faces word and the command line exits 3 for.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise RefusedError.of("file.cannot_write", file=str(path), detail="is a folder")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise RefusedError.of("file.cannot_write", file=str(path),
                              detail=exc.strerror or str(exc)) from exc
    os.close(handle)
    tmp = Path(name)
    try:
        write(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise RefusedError.of("file.cannot_write", file=str(path),
                              detail=exc.strerror or str(exc)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
