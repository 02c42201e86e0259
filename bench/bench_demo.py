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
import time
from pathlib import Path

N = int(os.environ.get("BENCH_ACTIVITIES", "20000"))
ROOT = Path(__file__).resolve().parents[1]

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


def timed(cmd: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "NAP_REPORTER_HOME": tmp}
        db = Path(tmp) / "bench.sqlite"
        subprocess.run([sys.executable, "-m", "desktop_app", "--db", str(db), "init",
                        "--role", "agency", "--agency", "VLG"], check=True, env=env, cwd=ROOT,
                       stdout=subprocess.DEVNULL)
        ours = timed([sys.executable, "-m", "desktop_app", "--db", str(db), "demo",
                      "--activities", str(N), "--seed", "1"], env)
        raw = timed([sys.executable, "-c", RAW, str(db), str(Path(tmp) / "raw.sqlite")], env)
        with sqlite3.connect(db) as conn:
            count = conn.execute("SELECT count(*) FROM activity").fetchone()[0]
    print(f"demo {N} activities: ours {ours:.2f} s, raw sqlite3 {raw:.2f} s, "
          f"ratio {ours / raw:.2f}x ({count} rows)")


if __name__ == "__main__":
    main()
