"""Consistent copies of a live database, made with SQLite's backup API."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from desktop_app.core.paths import backups_dir

KEEP_AUTOMATIC = 10


def backup_to(source: Path, destination: Path) -> None:
    """Copy a database page by page while it may be in use; never copy the file itself."""
    tmp = destination.with_name(destination.name + ".part")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(destination)


def automatic_backup(source: Path, reason: str) -> Path:
    """Back up before risky work, keeping the newest few copies per database."""
    folder = backups_dir()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    destination = folder / f"{source.stem}-{stamp}-{reason}.sqlite"
    backup_to(source, destination)
    old = sorted(folder.glob(f"{source.stem}-*-{reason}.sqlite"))[:-KEEP_AUTOMATIC]
    for path in old:
        path.unlink(missing_ok=True)
    return destination
