"""Consistent copies of a live database, made with SQLite's backup API."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from desktop_app.core.paths import backups_dir

KEEP_AUTOMATIC = 10


def _copy_into(source: Path, target: Path) -> None:
    """Copy a database page by page while it may be in use; never copy the file itself.

    Into an existing database, SQLite writes the pages in one transaction, so a
    failure leaves the target as it was.
    """
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def backup_to(source: Path, destination: Path) -> None:
    from desktop_app.core.files import write_atomically

    write_atomically(destination, lambda tmp: _copy_into(source, tmp))


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


def backup_database(source: Path, destination: Path) -> None:
    """The `backup` command: a consistent copy, written whole or not at all."""
    backup_to(source, destination)


def restore_database(source: Path, target: Path) -> Path:
    """Replace target's content with the backup at source; returns the safety copy made first.

    The backup is checked (an SQLite file of this program, not from a newer
    version) before anything changes. SQLite's backup API then writes the pages
    into target in one transaction, so a failure leaves target as it was.
    """
    from desktop_app.core.problems import RefusedError
    from desktop_app.core.storage.migrate import check_restorable

    if not Path(source).is_file():
        raise RefusedError.of("file.not_found", file=str(source))
    check_restorable(Path(source))
    safety = automatic_backup(target, "before-restore") if Path(target).exists() else None
    _copy_into(source, target)
    return safety or Path(target)
