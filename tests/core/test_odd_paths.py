"""A database in a folder whose name holds '#', '?' or '%' ("Báo cáo #2") is the file
every plain sqlite3 look opens: the backup, the checks before opening, the start-up's
quick read and the window's watch. Their URIs ended the path at the '#' or '?', and
opened (made, even) a file of that shorter name: `backup` said done and wrote an empty
database; the watch never saw a commit."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.progress import drive
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.backup import backup_database, check_backup
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.health import check_database
from desktop_app.core.storage.schema import open_at_head
from desktop_app.core.storage.window_lock import ChangeWatch


@pytest.mark.parametrize("folder", ["Báo cáo #2", "what?mode=rwc", "100% xong"])
def test_every_plain_look_opens_the_named_file(tmp_path: Path, folder: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NAP_REPORTER_HOME", str(tmp_path / "home"))
    path = tmp_path / folder / "agency.sqlite"
    path.parent.mkdir()
    db = Database.open(path)
    try:
        initialise(db, Role.AGENCY, "VLG")
        drive(fill_demo(db, activities=5, seed=1, period=2025))
    finally:
        db.close()
    with closing(sqlite3.connect(path)) as conn:
        activities = conn.execute("SELECT count(*) FROM activity").fetchone()[0]
    assert activities == 5
    names = sorted(p.name for p in tmp_path.iterdir())

    assert check_database(path) is None and check_database(path, thorough=True) is None
    quick = open_at_head(path)
    assert quick is not None
    quick.close()
    watch = ChangeWatch(path)
    try:
        with closing(sqlite3.connect(path)) as other, other:
            other.execute("UPDATE activity SET title = title || '.' WHERE id = 1")
        assert watch.changed()  # the watch looks at this file
    finally:
        watch.close()
    copy = tmp_path / "copy.sqlite"
    backup_database(path, copy)
    check_backup(copy, shown_as=copy)
    with closing(sqlite3.connect(copy)) as conn:
        assert conn.execute("SELECT count(*) FROM activity").fetchone()[0] == activities
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*names, "copy.sqlite"])
