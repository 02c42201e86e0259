"""A database whose role setting holds a value the program never writes (edited by hand
or by another program) is refused with its own words and exit 3 by every command that
reads the role, on the quick way (sqlite3 alone) and the full open alike, and nothing
in it changes. It was an internal error (exit 1)."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role, stored_role
from desktop_app.core.problems import RefusedError
from desktop_app.core.storage import quick_sqlite
from tests.cli.conftest import CliRunner

WORDS = ("The database records the role “viewer”", "Cơ sở dữ liệu ghi vai trò «viewer»")


def _with_role(db: Path, role: str) -> bytes:
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE setting SET value = ? WHERE key = 'role'", (role,))
    return hashlib.sha256(db.read_bytes()).digest()


def test_the_stored_role_is_read_or_refused() -> None:
    assert stored_role("agency") is Role.AGENCY
    assert stored_role("focal-point") is Role.FOCAL_POINT
    assert stored_role(None) is None and stored_role("") is None
    with pytest.raises(RefusedError) as refused:
        stored_role("Agency")
    assert refused.value.problems[0].code == "db.unknown_role"


@pytest.mark.parametrize("way", ["quick", "full"])
@pytest.mark.parametrize("command", [["status", "--json"], ["keys", "list"],
                                     ["export", "xlsx", "--period", "2025"]])
def test_a_role_the_program_never_writes_is_refused(
        cli: CliRunner, agency_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        way: str, command: list[str]) -> None:
    stored = _with_role(agency_db, "viewer")
    if way == "full":
        monkeypatch.setattr(quick_sqlite, "open_quick", lambda *a, **k: None)
    out = tmp_path / "out"
    out.mkdir()
    if command[0] == "export":
        command = [*command, "-o", str(out / "x.xlsx")]
    result = cli("--lang", "en", "--db", agency_db, *command)
    assert result.code == 3, result.err
    assert all(word in result.err for word in WORDS), result.err
    assert "internal error" not in result.err.lower()
    assert result.out == ""
    assert list(out.iterdir()) == []
    assert hashlib.sha256(agency_db.read_bytes()).digest() == stored
