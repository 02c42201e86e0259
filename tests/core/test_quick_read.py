"""The quick read path: the schema head known without alembic, and status() read with
sqlite3 alone giving the very facts the ORM gives, or leaving the file to the full open.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.paths import migrations_dir
from desktop_app.core.progress import drive
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.status import quick_status, status
from desktop_app.core.storage import schema
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.migrate import alembic_config, open_database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def scanned_from(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A copy of the migrations the scan reads instead of the real ones."""
    copy = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(schema, "migrations_dir", lambda: copy)
    schema.scanned_head.cache_clear()
    yield copy
    schema.scanned_head.cache_clear()


def test_the_scanned_head_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    schema.scanned_head.cache_clear()
    assert schema.scanned_head() == ScriptDirectory.from_config(
        alembic_config()).get_current_head()


def test_the_scan_follows_a_new_migration_and_gives_up_on_a_merge(scanned_from: Path) -> None:
    head = schema.scanned_head()
    versions = scanned_from / "versions"
    (versions / "0099_next.py").write_text(
        f'revision: str = "0099"\ndown_revision: str | None = "{head}"\n')
    schema.scanned_head.cache_clear()
    assert schema.scanned_head() == "0099"
    (versions / "0100_merge.py").write_text(
        'revision = "0100"\ndown_revision = ("0099", "0098")\n')
    schema.scanned_head.cache_clear()
    assert schema.scanned_head() is None  # alembic decides


def _made(path: Path, role: Role, activities: int) -> Database:
    db = Database.open(path)
    initialise(db, role, "VLG" if role is Role.AGENCY else None)
    drive(fill_demo(db, activities=activities, seed=3))
    return db


@pytest.mark.parametrize("role", [Role.AGENCY, Role.FOCAL_POINT])
def test_quick_status_says_what_status_says(tmp_path: Path, role: Role) -> None:
    db = _made(tmp_path / "x.sqlite", role, 40)
    try:
        facts = status(db)
    finally:
        db.close()
    assert facts["activities"] > 0 and (role is Role.AGENCY or facts["submissions"] > 0)
    assert quick_status(tmp_path / "x.sqlite") == facts


def test_quick_status_leaves_other_files_to_the_full_open(tmp_path: Path) -> None:
    assert quick_status(tmp_path / "missing.sqlite") is None
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database")
    assert quick_status(text) is None
    assert quick_status(Path("postgresql://user@localhost/nap")) is None
    older = tmp_path / "older.sqlite"
    open_database(older, target="0006").engine.dispose()
    assert quick_status(older) is None  # to be migrated first, by alembic
    newer = tmp_path / "newer.sqlite"
    Database.open(newer).close()
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    assert quick_status(newer) is None  # refused by the full open, as always


def _modules_after(*argv: str, env_home: Path) -> set[str]:
    heavy = ("sqlalchemy", "sqlmodel", "alembic", "openpyxl", "reportlab", "python_calamine",
             "cryptography", "pydantic", "PySide6")
    script = ("import sys, contextlib, io\nfrom desktop_app.cli import main\n"
              "with contextlib.redirect_stdout(io.StringIO()):\n"
              f"    code = main({list(argv)!r})\n"
              f"print(code, *sorted({{m.split('.')[0] for m in sys.modules}} & {set(heavy)!r}))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, env={"NAP_REPORTER_HOME": str(env_home), "PATH": ""},
                          timeout=60)
    assert done.returncode == 0, done.stderr
    code, *loaded = done.stdout.split()
    assert code == "0", done.stdout
    return set(loaded)


def test_the_quick_commands_import_no_heavy_library(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    _made(path, Role.AGENCY, 3).close()
    home = tmp_path / "home"
    assert _modules_after("--db", str(path), "status", "--json", env_home=home) == set()
    assert _modules_after("agencies", env_home=home) == set()
    assert _modules_after("--version", env_home=home) == set()


def test_opening_a_database_at_the_head_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite"
    Database.open(path).close()
    script = ("import sys\nfrom pathlib import Path\n"
              "from desktop_app.core.storage.database import Database\n"
              f"Database.open(Path({str(path)!r}), create=False).close()\n"
              "print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.stdout.strip() == "False", done.stderr
