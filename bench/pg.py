"""Importing into PostgreSQL against importing into SQLite, in the same run.

The 34 submissions of 1,000 activities of bench_import.py are imported by the command
line into a focal point's database on a throw-away PostgreSQL server on this machine
(tests/pg.py: initdb + pg_ctl, fsync off as for the tests) and, alternating, into an
SQLite file; then the same with two importers in parallel, each taking half of the
files (on SQLite the second waits for the first's write lock, file by file; on
PostgreSQL both write at once, serialised only per agency and period). Each round
starts from a freshly initialised database, made before the clock starts. "ours" is
PostgreSQL, "raw" SQLite: the ratio is PostgreSQL's time over SQLite's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import bench_import  # noqa: E402
from harness import Comparison, compare  # noqa: E402

from tests import pg  # noqa: E402

PARALLEL = r'''
import subprocess, sys
db, half = sys.argv[1], (len(sys.argv) - 2 + 1) // 2
files = sys.argv[2:]
children = [subprocess.Popen([sys.executable, "-m", "desktop_app", "--db", db, "import",
                              *part], stdout=subprocess.DEVNULL)
            for part in (files[:half], files[half:])]
sys.exit(max(child.wait() for child in children))
'''


def comparisons(rounds: int = 3) -> list[Comparison]:
    cluster = pg.start_cluster()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            return _compare(cluster, Path(tmp), rounds)
    finally:
        cluster.stop()


def _compare(cluster: pg.Cluster, folder: Path, rounds: int) -> list[Comparison]:
    env = {**os.environ, "NAP_REPORTER_HOME": str(folder / "home")}
    os.environ["NAP_REPORTER_HOME"] = env["NAP_REPORTER_HOME"]
    files = [str(f) for f in bench_import.make_files(folder)]
    focal = folder / "focal.sqlite"

    def init(db: str) -> None:
        subprocess.run([sys.executable, "-m", "desktop_app", "--db", db, "init", "--role",
                        "focal-point"], check=True, env=env, cwd=ROOT,
                       stdout=subprocess.DEVNULL)

    init(str(focal))
    urls: dict[tuple[str, int], str] = {}

    def fresh(kind: str) -> object:
        def before(index: int) -> None:
            shutil.copyfile(focal, folder / f"{kind}{index}.sqlite")
            urls[kind, index] = cluster.fresh_database()
            init(urls[kind, index])
        return before

    def one(kind: str, parallel: bool, server: bool) -> object:
        def command(index: int) -> list[str]:
            db = urls[kind, index] if server else str(folder / f"{kind}{index}.sqlite")
            if parallel:
                return [sys.executable, "-c", PARALLEL, db, *files]
            return [sys.executable, "-m", "desktop_app", "--db", db, "import", *files]
        return command

    title = f"import of {len(files)} submissions x {bench_import.N} activities"
    results = [
        compare(f"{title}: PostgreSQL vs SQLite", one("one", False, True),
                one("one", False, False), rounds=rounds, env=env, before=fresh("one"),
                target="informative"),
        compare(f"{title}, two importers in parallel: PostgreSQL vs SQLite",
                one("two", True, True), one("two", True, False), rounds=rounds, env=env,
                before=fresh("two"), target="informative"),
    ]
    for kind in ("one", "two"):
        for db in (urls[kind, 0], str(folder / f"{kind}0.sqlite")):
            facts = subprocess.run([sys.executable, "-m", "desktop_app", "--db", db,
                                    "status", "--json"], check=True, env=env, cwd=ROOT,
                                   capture_output=True, text=True).stdout
            assert f'"activities": {len(files) * bench_import.N}' in facts, (db, facts)
    return results


def main() -> None:
    for comparison in comparisons():
        print("\n".join(comparison.lines()))


if __name__ == "__main__":
    main()
