"""Catalog publishing and installing, backup and restore, through the command line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from desktop_app.core.catalog.document import read_bundled_catalog
from desktop_app.core.catalog.export import signed_catalog
from desktop_app.core.exchange.signing import KEY_BYTES, KeyPair, decode, key_pair_from_private


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _init(cli, db: Path, *args: str) -> None:
    assert cli("--db", db, "init", *args).code == 0


def _key(db: Path) -> KeyPair:
    """The installation's own signing key, as its database keeps it."""
    with sqlite3.connect(db) as conn:
        text = conn.execute("SELECT value FROM setting WHERE key = 'signing_key'").fetchone()[0]
    raw = decode(text, KEY_BYTES)
    assert raw is not None
    return key_pair_from_private(raw)


def test_catalog_export_then_import_elsewhere_is_the_same_catalog(cli, tmp_path):
    focal, agency, published = tmp_path / "f.sqlite", tmp_path / "a.sqlite", tmp_path / "c.json"
    _init(cli, focal, "--role", "focal-point")
    assert cli("--db", focal, "catalog", "export", "-o", published).code == 0
    doc = json.loads(published.read_text(encoding="utf-8"))
    bundled = read_bundled_catalog()
    for section in ("agencies", "tasks", "recommendations", "periods", "sdgs"):
        assert len(doc[section]) == len(bundled[section]), section
    assert doc["version"] == bundled["version"]

    # an agency set up from the bundled catalog: the same version changes nothing
    _init(cli, agency, "--role", "agency", "--agency", "VLG")
    done = cli("--lang", "en", "--db", agency, "catalog", "import", published)
    assert done.code == 0 and "nothing changed" in done.out

    # the focal point publishes an update: a new period, a task renamed, one retired
    doc["version"] += 1
    doc["periods"].append({"year": 2031, "due_date": "2032-01-15", "verified": True})
    doc["tasks"][0]["title_vi"] = "Nhiệm vụ đã đổi tên chính thức"
    retired = doc["tasks"].pop()["code"]
    doc = signed_catalog(doc, _key(focal))  # as the focal point's catalog export signs it
    published.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    done = cli("--lang", "en", "--db", agency, "catalog", "import", published)
    assert done.code == 0 and "Installed catalog version" in done.out
    with sqlite3.connect(agency) as conn:
        assert conn.execute("SELECT count(*) FROM period WHERE year = 2031").fetchone()[0] == 1
        assert conn.execute("SELECT retired FROM task WHERE code = ?", (retired,)).fetchone()[0]
        assert conn.execute("SELECT title_vi FROM task WHERE code = ?",
                            (doc["tasks"][0]["code"],)).fetchone()[0] == (
            "Nhiệm vụ đã đổi tên chính thức")
    # importing the same file again changes nothing
    assert "nothing changed" in cli("--lang", "en", "--db", agency, "catalog", "import",
                                    published).out


def test_a_broken_catalog_file_is_refused_and_changes_nothing(cli, tmp_path):
    db, bad = tmp_path / "a.sqlite", tmp_path / "bad.json"
    _init(cli, db, "--role", "agency", "--agency", "VLG")
    doc = read_bundled_catalog()
    doc["version"] = 99
    doc["tasks"][0]["area"] = "NO-SUCH-AREA"
    bad.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    before = _count(db, "task")
    done = cli("--lang", "vi", "--db", db, "catalog", "import", bad)
    assert done.code == 3
    assert "NO-SUCH-AREA" in done.err and done.err.index("tham chiếu") < done.err.index(
        "names an unknown code")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM setting WHERE key='catalog_version'"
                            ).fetchone()[0] == str(read_bundled_catalog()["version"])
    assert _count(db, "task") == before
    assert cli("--db", db, "catalog", "import", tmp_path / "missing.json").code == 3


def test_backup_then_restore_brings_back_the_data(cli, tmp_path):
    db, copy = tmp_path / "a.sqlite", tmp_path / "copy.sqlite"
    _init(cli, db, "--role", "agency", "--agency", "VLG")
    assert cli("--db", db, "demo", "--activities", "30").code == 0
    assert cli("--db", db, "backup", "-o", copy).code == 0
    assert _count(copy, "activity") == 30
    assert cli("--db", db, "demo", "--activities", "20").code == 0
    assert _count(db, "activity") == 50
    done = cli("--lang", "en", "--db", db, "restore", copy)
    assert done.code == 0 and "Restored" in done.out
    assert _count(db, "activity") == 30
    backups = list((tmp_path / "nap-home" / "backups").glob("a-*-before-restore.sqlite"))
    assert len(backups) == 1 and _count(backups[0], "activity") == 50


def test_restore_refuses_what_is_not_a_backup_and_keeps_the_data(cli, tmp_path):
    db = tmp_path / "a.sqlite"
    _init(cli, db, "--role", "agency", "--agency", "VLG")
    assert cli("--db", db, "demo", "--activities", "5").code == 0
    text = tmp_path / "notes.txt"
    text.write_text("not a database", encoding="utf-8")
    future = tmp_path / "future.sqlite"
    assert cli("--db", future, "init", "--role", "focal-point").code == 0
    with sqlite3.connect(future) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    for bad in (text, future, tmp_path / "missing.sqlite"):
        done = cli("--db", db, "restore", bad)
        assert done.code == 3, bad
        assert "Traceback" not in done.err
    assert _count(db, "activity") == 5


def test_backup_to_a_place_that_cannot_be_written_is_refused(cli, tmp_path):
    db = tmp_path / "a.sqlite"
    assert cli("--db", db, "init", "--role", "focal-point").code == 0
    done = cli("--lang", "en", "--db", db, "backup", "-o", tmp_path / "no" / "such" / "x.sqlite")
    assert done.code == 3 and "Cannot write" in done.err
    assert cli("--db", db, "backup", "-o", tmp_path).code == 3  # a folder
    assert list(tmp_path.glob("*.part")) == []
