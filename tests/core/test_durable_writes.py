"""Files that travel reach the disk before their name does, and an export's register
row right after its file: a power cut just after "done" loses neither (files.replace_with,
services/submissions._commit_on_disk). Watched through os.fsync and os.replace."""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.problems import RefusedError
from desktop_app.core.progress import drive
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.submissions import export_xlsx
from desktop_app.core.storage.database import Database

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/fd")
YEAR = 2025


@pytest.fixture
def agency(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("NAP_REPORTER_HOME", str(tmp_path / "home"))
    db = Database.open(tmp_path / "VLG.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(fill_demo(db, activities=4, seed=3, period=YEAR))
    return db


def _watch(monkeypatch: pytest.MonkeyPatch, fail_on: str | None = None) -> list[tuple[str, str]]:
    """What is synced and renamed, in order; fsync of a path ending in fail_on fails."""
    seen: list[tuple[str, str]] = []
    fsync, rename = os.fsync, os.replace

    def synced(fd: int) -> None:
        name = os.readlink(f"/proc/self/fd/{fd}")
        if fail_on is not None and name.endswith(fail_on):
            raise OSError(errno.EIO, "Input/output error")
        seen.append(("fsync", name))
        fsync(fd)

    def renamed(source: Any, target: Any) -> None:
        seen.append(("replace", f"{source} -> {target}"))
        rename(source, target)

    monkeypatch.setattr(os, "fsync", synced)
    monkeypatch.setattr(os, "replace", renamed)
    return seen


def test_an_export_syncs_its_file_then_its_name_then_its_register_row(
        agency: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out" / "VLG.xlsx"
    out.parent.mkdir()
    seen = _watch(monkeypatch)
    drive(export_xlsx(agency, YEAR, out))
    renames = [n for n, (kind, what) in enumerate(seen)
               if kind == "replace" and what.endswith(f"-> {out}")]
    assert len(renames) == 1
    at = renames[0]
    temp = seen[at][1].split(" -> ")[0]
    assert ("fsync", temp) in seen[:at]  # the bytes first
    after = seen[at + 1:]
    folder = after.index(("fsync", str(out.parent)))  # then the name
    wal = after.index(("fsync", f"{agency.path}-wal"))  # then the register's commit
    assert folder < wal
    agency.close()
    with sqlite3.connect(agency.path) as conn:
        assert conn.execute("SELECT file_name FROM submission").fetchall() == [("VLG.xlsx",)]


def test_a_disk_failing_as_the_file_is_flushed_refuses_the_export_and_keeps_nothing(
        agency: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "VLG.xlsx"
    _watch(monkeypatch, fail_on=".part")
    with pytest.raises(RefusedError) as refused:
        drive(export_xlsx(agency, YEAR, out))
    problem = refused.value.problems[0]
    assert (problem.code, problem.params["file"]) == ("file.cannot_write", str(out))
    assert "EIO" in str(problem.params["detail"])
    assert not out.exists() and not list(tmp_path.glob(".*.part"))
    agency.close()
    with sqlite3.connect(agency.path) as conn:
        assert conn.execute("SELECT count(*) FROM submission").fetchone() == (0,)


def test_a_draft_written_as_the_person_types_is_renamed_without_a_flush(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The editor writes its draft on the GUI thread a moment after each change: no flush
    there (an old disk's fsync is a visible pause), only the atomic rename."""
    from desktop_app.core.domain.validation import ActivityDraft
    from desktop_app.core.services.drafts import write_draft_file

    seen = _watch(monkeypatch)
    path = tmp_path / "draft.json"
    write_draft_file(path, ActivityDraft(title="Tập huấn", task_code="", type="other",
                                         status="planned"), YEAR)
    assert [kind for kind, _ in seen] == ["replace"] and path.exists()
