"""Run the benchmarks and print every ratio: `.venv/bin/python bench/run.py [NAME...]`.

NAME is a benchmark's short name (quick, export, import, pdf, demo, window, writers,
report, pg); none means all of them. `--rounds N` sets the rounds of each comparison (at
least 3). Each benchmark alternates our command and the raw tool in the same run and
quotes the medians (bench/harness.py); the summary at the end is the table the README
quotes.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_demo  # noqa: E402
import bench_export  # noqa: E402
import bench_import  # noqa: E402
import bench_pdf  # noqa: E402
import bench_quick  # noqa: E402
import bench_report  # noqa: E402
import bench_window  # noqa: E402
import bench_writers  # noqa: E402
import pg as bench_pg  # noqa: E402
from harness import Comparison  # noqa: E402

BENCHMARKS = {
    "quick": bench_quick.comparisons,
    "export": bench_export.comparisons,
    "import": bench_import.comparisons,
    "pdf": bench_pdf.comparisons,
    "demo": bench_demo.comparisons,
    "window": bench_window.comparisons,
    "pg": bench_pg.comparisons,
    "report": bench_report.comparisons,
    "writers": bench_writers.comparisons,
}


def machine() -> str:
    cores = len(os.sched_getaffinity(0))
    return f"{platform.machine()}, {cores} cores, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME", help=", ".join(BENCHMARKS))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    rounds = max(3, args.rounds)
    results: list[Comparison] = []
    for name in args.names or list(BENCHMARKS):
        print(f"== {name}", flush=True)
        for comparison in BENCHMARKS[name](rounds):
            print("\n".join(comparison.lines()), flush=True)
            results.append(comparison)
    print(f"\n| benchmark | ours | raw | ratio | target |  ({machine()})")
    print("| --- | --- | --- | --- | --- |")
    for c in results:
        unit = getattr(c, "unit", "s")  # a memory comparison quotes MB
        if not c.raw:  # a phase of ours alone (informative)
            print(f"| {c.name} | {c.ours_s:.2f} {unit} | – | – | {c.target} |")
            continue
        print(f"| {c.name} | {c.ours_s:.2f} {unit} | {c.raw_s:.2f} {unit} | {c.ratio:.2f}x | "
              f"{c.target}{' ' + c.note if c.note else ''} |")


if __name__ == "__main__":
    main()
