"""The quick commands (`status --json`, `agencies`, `keys list`) against a bare `python3 -c`
that opens the same database with sqlite3 and counts its activities.

What a person waits for here is start-up: the imports the command needs and the
opening of the database. Target: at most 5x (issue 11), which leaves no room for
importing alembic, openpyxl or reportlab when they are not needed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from harness import Comparison, compare  # noqa: E402
from installed import demo_database, installed_env  # noqa: E402

N = int(os.environ.get("BENCH_ACTIVITIES", "20000"))
RAW = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
       "print(c.execute('SELECT count(*) FROM activity').fetchone()[0])")


def comparisons(rounds: int = 5) -> list[Comparison]:
    with tempfile.TemporaryDirectory() as tmp:
        env = installed_env({**os.environ, "NAP_REPORTER_HOME": tmp})
        db = Path(tmp) / "bench.sqlite"
        app = demo_database(db, env, ["agency", "--agency", "VLG"], N, date.today().year)
        raw = [sys.executable, "-c", RAW, str(db)]
        return [
            compare(f"status --json ({N} activities) vs python3 -c sqlite3 count",
                    lambda _: [*app, "status", "--json"], lambda _: raw, rounds=rounds,
                    target="<= 5x", env=env),
            compare("agencies vs python3 -c sqlite3 count",
                    lambda _: [sys.executable, "-m", "desktop_app", "agencies"],
                    lambda _: raw, rounds=rounds, target="<= 5x", env=env),
            compare("keys list vs python3 -c sqlite3 count",
                    lambda _: [*app, "keys", "list"], lambda _: raw, rounds=rounds,
                    target="<= 5x", env=env),
        ]


def main() -> None:
    for comparison in comparisons():
        print("\n".join(comparison.lines()))


if __name__ == "__main__":
    main()
