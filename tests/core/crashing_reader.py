"""A reader for test_import_reading that kills its process on a file named *crash*, as
python-calamine's abort on a hostile file would. A module of its own, importing only the
reader, so that the child processes which import it start quickly."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from desktop_app.core.exchange.reading import ReadFile, read_file


def dies_on_crash(path: Path) -> ReadFile:
    if "crash" in Path(path).name:
        os.kill(os.getpid(), signal.SIGKILL)
    return read_file(path)
