"""Demo data for 20,000 activities, against raw sqlite3 inserting the same rows.

Both sides are whole processes with start-up included. The raw side copies the
rows our run wrote into a fresh file with the same schema, so it measures only
the cheapest possible way to get those rows onto disk.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

N = int(os.environ.get("BENCH_ACTIVITIES", "20000"))
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from harness import Comparison, compare  # noqa: E402

RAW = """
import sqlite3, sys
src, dst = sys.argv[1], sys.argv[2]
s = sqlite3.connect(src)
d = sqlite3.connect(dst)
d.execute("PRAGMA journal_mode=WAL")
tables = ["activity", "activityrecommendation", "indicator", "result"]
rows = {t: s.execute(f"SELECT * FROM {t}").fetchall() for t in tables}
for t in tables:
    cols = [c[1] for c in s.execute(f"PRAGMA table_info({t})")]
    d.execute(f"CREATE TABLE {t} ({', '.join(cols)})")
    d.executemany(f"INSERT INTO {t} VALUES ({', '.join('?' * len(cols))})", rows[t])
d.commit()
"""


def comparisons(rounds: int = 3) -> list[Comparison]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NAP_REPORTER_HOME": tmp}
        folder = Path(tmp)

        def fresh(index: int) -> None:
            db = folder / f"bench{index}.sqlite"
            subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "init",
                            "--role", "agency", "--agency", "VLG"], check=True, env=env,
                           cwd=ROOT, stdout=subprocess.DEVNULL)
            # the raw side copies rows that a previous demo wrote
            if index == 0:
                subprocess.run([sys.executable, "-m", "desktop_app", "--db",
                                str(folder / "source.sqlite"), "init", "--role", "agency",
                                "--agency", "VLG"], check=True, env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL)
                subprocess.run([sys.executable, "-m", "desktop_app", "--db",
                                str(folder / "source.sqlite"), "demo", "--activities", str(N),
                                "--seed", "1"], check=True, env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL)
            (folder / f"raw{index}.sqlite").unlink(missing_ok=True)

        result = compare(
            f"demo of {N} activities vs sqlite3 executemany of the same rows",
            lambda i: [sys.executable, "-m", "desktop_app", "--db",
                       str(folder / f"bench{i}.sqlite"), "demo", "--activities", str(N),
                       "--seed", "1"],
            lambda i: [sys.executable, "-c", RAW, str(folder / "source.sqlite"),
                       str(folder / f"raw{i}.sqlite")],
            rounds=rounds, target="informative (ours composes and validates every row)",
            env=env, before=fresh)
        with sqlite3.connect(folder / "bench0.sqlite") as conn:
            count = conn.execute("SELECT count(*) FROM activity").fetchone()[0]
        assert count == N, count
        return [result]


def main() -> None:
    for comparison in comparisons():
        print("\n".join(comparison.lines()))


if __name__ == "__main__":
    main()
