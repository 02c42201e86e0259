"""Readers for the reading children's tests: one that kills its process on a file named
*crash*, as python-calamine's abort on a hostile file would, and looks and reads that
tell which process ran them. A module of its own, importing only the reader, so that the
child processes which import it start quickly."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from desktop_app.core.exchange.bounds import Checked
from desktop_app.core.exchange.reading import (
    Heading,
    ReadFile,
    RefusedFile,
    heading_of,
    read_file,
)


def dies_on_crash(path: Path) -> ReadFile:
    if "crash" in Path(path).name:
        os.kill(os.getpid(), signal.SIGKILL)
    return read_file(path)


def heading_dies_on_crash(path: Path) -> tuple[Heading | None, Checked | None]:
    if "crash" in Path(path).name:
        os.kill(os.getpid(), signal.SIGKILL)
    return heading_of(path)


def niceness(path: Path) -> tuple[int, None]:
    """A look that tells the priority its child runs at (test_import_headings)."""
    return os.nice(0), None


def process_ids(path: Path) -> tuple[tuple[int, int], None]:
    """A look that tells its child's process and that process's parent."""
    return (os.getpid(), os.getppid()), None


def read_process_id(path: Path) -> ReadFile:
    """A read that tells its child's process and that process's parent ("pid ppid"), as
    the digest of a file refused."""
    return RefusedFile(Path(path), f"{os.getpid()} {os.getppid()}", ())
