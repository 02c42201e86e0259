"""The hostile corpus through the command line, in child processes limited to 500 MB of
address space (issue 10, item 9): every hostile file is one clean, bilingual refusal
naming it on standard error, the good file of the same batch still goes in (or, in a
dry run, is planned), and nothing else changes — the database's dump hashes the same
before and after a dry run, and after a batch of refusals only the import log grew.

The whole corpus is one batch per run (three child processes), then checked kind by
kind from the output lines; a generous timeout stands against a hang.
"""

from __future__ import annotations

import hashlib
import os
import re
import resource
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app.cli import main
from desktop_app.core.domain.enums import Role
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from desktop_app.messages import visible
from tests.fixtures.submissions import demo_submission
from tests.hostile.corpus import KINDS, make_corpus

LIMIT = 500 * 2**20
YEAR = 2025
_ENGLISH = re.compile(r"\b(the|is|not|must|was|has|holds|lies|file)\b")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Corpus:
    folder: Path
    home: Path
    good: Path
    files: dict[str, Path]
    focal: Path  # a fresh focal point's database, never written: copy it


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    folder = tmp_path_factory.mktemp("hostile")
    home = folder / "home"
    good = demo_submission(folder, f"VLG_{YEAR}_v1.xlsx", activities=4, seed=3, period=YEAR)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAP_REPORTER_HOME", str(home))
        focal = Database.open(folder / "focal.sqlite")
        initialise(focal, Role.FOCAL_POINT)
        focal.close()
        yield Corpus(folder, home, good, make_corpus(good, folder / "files"),
                     folder / "focal.sqlite")


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def _child(db: Path, home: Path, *argv: str | Path) -> Run:
    env = {**os.environ, "NAP_REPORTER_HOME": str(home), "LANG": "en_US.UTF-8",
           "RUST_BACKTRACE": "1", "PYTHONIOENCODING": "utf-8"}
    env.pop("LC_ALL", None)
    done = subprocess.run(  # noqa: S603  (our own program)
        [sys.executable, "-m", "desktop_app", "--db", str(db), "--lang", "en", *map(str, argv)],
        capture_output=True, env=env, preexec_fn=_limit, timeout=300, check=False)
    # all output is UTF-8: undecodable bytes of names were made visible
    return Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def _dump_hash(db: Path, skip: tuple[str, ...] = ()) -> str:
    connection = sqlite3.connect(db)
    try:
        lines = [line for line in connection.iterdump()
                 if not any(f'"{table}"' in line.split("VALUES")[0] for table in skip)]
    finally:
        connection.close()
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _count(db: Path, table: str) -> int:
    connection = sqlite3.connect(db)
    try:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608
    finally:
        connection.close()


def _backups(home: Path) -> list[Path]:
    return sorted(home.rglob("*before-import*.sqlite")) if home.exists() else []


# The reason some kinds must be refused for: the bounds, before any library saw the file.
EXPECTED = {
    **{k: "lies beyond the limit" for k in (
        "far-cell-XFD1048576", "far-cell-ZZ400000", "far-column-BM", "far-row-200001",
        "far-cell-lowercase", "far-cell-single-quotes", "far-cell-prefixed",
        "far-cell-gt-in-attribute", "cells-without-reference", "rows-without-reference",
        "dimension-lie-XFD", "dimension-lie-rows", "far-cell-in-other-part")},
    **{k: "too many strings" for k in (
        "sst-uniqueCount-lie", "sst-count-lie", "sst-too-many-strings")},
    **{k: "DOCTYPE/ENTITY" for k in ("billion-laughs", "external-entity",
                                      "doctype-in-workbook")},
    **{k: "not a regular file" for k in ("fifo", "device", "socket")},
    **{k: "too large when unpacked" for k in ("ratio-bomb", "huge-declared-part",
                                               "huge-string")},
    "too-many-parts": "too many parts", "too-many-sheets": "too many parts",
    "version-10^20": "submission's “version” is missing or wrong", "utf16-far-cell": "damaged",
    "legacy-xls": "old Excel workbook", "encrypted-cfb": "password-protected",
    "error-cell": "holds an error",
}


def _check_refusals(run: Run, files: dict[str, Path]) -> None:
    assert "Traceback" not in run.err and "panicked" not in run.err, run.err[-3000:]
    assert not _CONTROL.search(run.out + run.err.replace("\n", ""))
    out_lines = run.out.splitlines()
    err_lines = run.err.splitlines()
    for name, path in files.items():
        shown = visible(path.name or str(path))
        lines = [line for line in out_lines if line.startswith(shown + ": ")]
        assert lines and all("refused" in line for line in lines), (name, run.out[-2000:])
        reasons = [line for line in err_lines if line.startswith(f"  {shown}: ")]
        english = [line for line in reasons if _ENGLISH.search(line)]
        vietnamese = [line for line in reasons if re.search("[ăâđêôơưàáảãạếệọ]", line)]
        assert english and vietnamese, (name, reasons)
        if name in EXPECTED:
            assert any(EXPECTED[name] in line for line in english), (name, reasons)


def test_every_hostile_file_is_one_clean_refusal_in_a_bounded_child(
        corpus: Corpus, tmp_path: Path) -> None:
    assert len(KINDS) >= 60
    hostile = list(corpus.files.values())
    home = tmp_path / "home"
    db = tmp_path / "focal.sqlite"
    db.write_bytes(corpus.focal.read_bytes())

    # a dry run of the corpus and the good file: the good file planned, nothing written
    before = _dump_hash(db)
    dry = _child(db, home, "import", "--dry-run", *hostile, corpus.good)
    assert dry.code == 3, dry.err[-3000:]
    _check_refusals(dry, corpus.files)
    assert f"{len(hostile) + 1} files; 1 would be accepted, 0 unchanged, {len(hostile)} refused" \
        in dry.out
    assert _dump_hash(db) == before
    assert _backups(home) == []

    # the corpus alone: refusals write their log lines and nothing else, and no backup
    audit_before = _count(db, "auditevent")
    refused = _child(db, home, "import", *hostile)
    assert refused.code == 3
    _check_refusals(refused, corpus.files)
    assert _dump_hash(db, skip=("importrecord",)) == before
    assert _count(db, "importrecord") == len(hostile)
    assert _count(db, "auditevent") == audit_before
    assert _backups(home) == []

    # the corpus and the good file: the good one goes in, after one backup
    mixed = _child(db, home, "import", *hostile, corpus.good)
    assert mixed.code == 3
    _check_refusals(mixed, corpus.files)
    assert (f"Imported {len(hostile) + 1} files: 1 accepted, 0 unchanged, "
            f"{len(hostile)} refused.") in mixed.out
    assert any(line.startswith(corpus.good.name + ": VLG") and "new" in line
               for line in mixed.out.splitlines())
    assert len(_backups(home)) == 1


def test_ten_reimports_of_an_unchanged_file_add_no_backup(
        corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("NAP_REPORTER_HOME", str(home))
    db = tmp_path / "focal.sqlite"
    db.write_bytes(corpus.focal.read_bytes())
    assert main(["--db", str(db), "import", str(corpus.good)]) == 0
    assert len(_backups(home)) == 1
    for _ in range(10):
        assert main(["--db", str(db), "import", str(corpus.good)]) == 0
    out = capsys.readouterr().out
    assert out.count("duplicate") == 10
    assert len(_backups(home)) == 1
