"""The import's write-ahead log copied into the database file by a thread of its own
(storage/checkpoints.py): the committed pages reach the file itself while the writer
goes on, and a thread that cannot do it stays quiet."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from desktop_app.core.storage.checkpoints import BackgroundCheckpoints


def _writer(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA wal_autocheckpoint = 0")  # only the thread copies
    connection.execute("CREATE TABLE row (id INTEGER PRIMARY KEY, text TEXT)")
    connection.execute("PRAGMA wal_checkpoint")  # the empty table in the file itself
    return connection


def _rows_in_file_alone(path: Path, copy: Path) -> int:
    """The rows the database file holds without its log (a copy of the file alone)."""
    shutil.copyfile(path, copy)
    connection = sqlite3.connect(f"file:{copy}?mode=ro&immutable=1", uri=True)
    try:
        return int(connection.execute("SELECT count(*) FROM row").fetchone()[0])
    finally:
        connection.close()


def _written(connection: sqlite3.Connection, first: int, count: int) -> None:
    connection.execute("BEGIN IMMEDIATE")
    connection.executemany("INSERT INTO row VALUES (?, ?)",
                           [(first + n, "đã ghi " * 50) for n in range(count)])
    connection.execute("COMMIT")


def _wait_for(copier: BackgroundCheckpoints, done: int) -> None:
    deadline = time.monotonic() + 30
    while copier.checkpoints < done and time.monotonic() < deadline:
        time.sleep(0.01)
    assert copier.checkpoints >= done


def test_committed_pages_reach_the_database_file_while_the_writer_goes_on(tmp_path):
    path = tmp_path / "focal.sqlite"
    writer = _writer(path)
    try:
        assert _rows_in_file_alone(path, tmp_path / "before.sqlite") == 0
        with BackgroundCheckpoints(path, every=2) as copier:
            _written(writer, 0, 500)
            copier.committed()
            time.sleep(0.05)
            assert copier.checkpoints == 0  # every second commit only
            _written(writer, 500, 500)
            copier.committed()
            _wait_for(copier, 1)
            # the writer's transaction is not held up: it writes while the thread lives
            _written(writer, 1000, 10)
        assert _rows_in_file_alone(path, tmp_path / "copy.sqlite") >= 1000
        wal = path.with_name(path.name + "-wal")
        assert wal.exists()  # the writer's own connection is still open: its log stays
    finally:
        writer.close()
    # the last connection closed: everything in the file, as before the thread
    assert _rows_in_file_alone(path, tmp_path / "after.sqlite") == 1010


def test_a_thread_that_cannot_open_the_database_says_nothing_and_stops(tmp_path):
    missing = tmp_path / "gone" / "focal.sqlite"
    with BackgroundCheckpoints(missing, every=1) as copier:
        copier.committed()
        copier.committed()
    assert copier.checkpoints == 0
    assert not missing.exists()  # mode=rw: never made


def test_closing_before_starting_or_twice_is_harmless(tmp_path):
    copier = BackgroundCheckpoints(tmp_path / "focal.sqlite")
    copier.close()
    with BackgroundCheckpoints(tmp_path / "focal.sqlite") as started:
        pass
    started.close()
