"""Whole files or none: a full disk is a refusal, and interrupted writes leave nothing for long."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.files import remove_leftovers, replacing, temporary_beside, write_atomically
from desktop_app.core.problems import RefusedError
from desktop_app.core.storage import backup as backup_module
from desktop_app.core.storage.backup import backup_database
from desktop_app.core.storage.database import Database

LEFTOVERS = (".report.xlsx.0123456789ab.part", ".backup.sqlite.ba9876543210.part",
             ".backup.sqlite.ba9876543210.part-journal", ".old.sqlite.abcdefabcdef.part-wal")
NOT_OURS = (".hidden.part", ".config", ".x.xlsx.0123.part", "notes.part", "report.xlsx")


def _names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _full_disk(*_args: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_the_next_write_to_a_folder_removes_leftovers_of_interrupted_writes(
        tmp_path: Path) -> None:
    for name in LEFTOVERS + NOT_OURS:
        (tmp_path / name).write_bytes(b"half")
    write_atomically(tmp_path / "new.json", lambda temp: temp.write_text("{}"))
    assert _names(tmp_path) == {*NOT_OURS, "new.json"}


def test_a_temporary_file_still_being_written_is_not_a_leftover(tmp_path: Path) -> None:
    with temporary_beside(tmp_path / "slow.xlsx") as busy:
        busy.write_bytes(b"in progress")
        write_atomically(tmp_path / "other.xlsx", lambda temp: temp.write_bytes(b"x"))
        assert remove_leftovers(tmp_path) == []
        assert busy.exists()
    assert _names(tmp_path) == {"other.xlsx"}


def test_a_full_disk_while_writing_is_a_refusal_and_leaves_no_half_file(
        tmp_path: Path) -> None:
    (tmp_path / "report.xlsx").write_bytes(b"the old report")
    with pytest.raises(RefusedError) as caught:
        write_atomically(tmp_path / "report.xlsx", _full_disk)
    problem = caught.value.problems[0]
    assert (problem.code, problem.params["detail"]) == ("file.cannot_write", "ENOSPC")
    assert _names(tmp_path) == {"report.xlsx"}
    assert (tmp_path / "report.xlsx").read_bytes() == b"the old report"
    with pytest.raises(RefusedError) as caught, replacing(tmp_path / "report.pdf") as temp:
        temp.write_bytes(b"half a pdf")
        _full_disk()
    assert caught.value.problems[0].params == {"file": str(tmp_path / "report.pdf"),
                                               "detail": "ENOSPC"}
    assert _names(tmp_path) == {"report.xlsx"}


def test_a_full_disk_during_a_backup_is_a_refusal_and_leaves_no_half_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite itself reports the disk full: a destination allowed only two pages."""
    source = tmp_path / "agency.sqlite"
    Database.open(source).close()
    out = tmp_path / "out"
    out.mkdir()
    connect = sqlite3.connect

    def small_disk(target: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(target, *args, **kwargs)
        if str(target).endswith(".part"):
            conn.execute("PRAGMA max_page_count = 2")
        return conn

    monkeypatch.setattr(backup_module.sqlite3, "connect", small_disk)
    with pytest.raises(RefusedError) as caught:
        backup_database(source, out / "copy.sqlite")
    problem = caught.value.problems[0]
    assert (problem.code, problem.params) == (
        "file.cannot_write", {"file": str(out / "copy.sqlite"), "detail": "ENOSPC"})
    assert _names(out) == set()


def test_the_earlier_file_comes_back_only_when_the_block_fails(tmp_path: Path) -> None:
    from desktop_app.core.files import put_back_if_failed

    target = tmp_path / "report.xlsx"
    with put_back_if_failed(target):  # no earlier file: nothing to keep
        target.write_bytes(b"first")
    target.write_bytes(b"earlier")
    with put_back_if_failed(target):
        (tmp_path / "new").write_bytes(b"new")
        os.replace(tmp_path / "new", target)
    assert target.read_bytes() == b"new" and _names(tmp_path) == {"report.xlsx"}
    with pytest.raises(RefusedError), put_back_if_failed(target):
        target.unlink()
        raise RefusedError.of("db.disk_full", file="x")
    assert target.read_bytes() == b"new" and _names(tmp_path) == {"report.xlsx"}
    target.unlink()
    with pytest.raises(KeyboardInterrupt), put_back_if_failed(target):
        target.write_bytes(b"made in the block")
        raise KeyboardInterrupt
    assert target.read_bytes() == b"made in the block"  # nothing earlier to put back
