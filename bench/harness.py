"""How every benchmark measures: our command against the raw tool, alternating, median.

Both sides are whole processes started the same way, in the same run, so the machine's
speed and load cancel out in the ratio. Each round runs both sides, the order swapped
every round (ours first, then raw first...), and the median of the rounds is quoted,
with every round's time beside it. Peak memory is each child's own maximum resident
set size (os.wait4), not the benchmark's.

CPU time is the child's user + system time with that of every process it started,
including those that outlive it: multiprocessing's fork server and the import's readers
it forks are not waited for by the command, so os.wait4 on the command alone never sees
their time. On Linux the benchmark makes itself their subreaper (prctl
PR_SET_CHILD_SUBREAPER): orphaned descendants become its children, and their time is
added when they end (`_reap_orphans`).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float
    cpu_seconds: float = 0.0  # the child's user + system time: steadier on a shared machine


@dataclass
class Comparison:
    name: str
    target: str  # e.g. "<= 1.2x", or "informative"
    ours: list[Run] = field(default_factory=list)
    raw: list[Run] = field(default_factory=list)
    note: str = ""

    @property
    def ours_s(self) -> float:
        return statistics.median(r.seconds for r in self.ours)

    @property
    def raw_s(self) -> float:
        return statistics.median(r.seconds for r in self.raw)

    @property
    def ratio(self) -> float:
        return self.ours_s / self.raw_s if self.raw_s else float("inf")

    @property
    def cpu_ratio(self) -> float:
        ours = statistics.median(r.cpu_seconds for r in self.ours)
        raw = statistics.median(r.cpu_seconds for r in self.raw)
        return ours / raw if raw else float("inf")

    @property
    def memory_ratio(self) -> float:
        ours = statistics.median(r.peak_mb for r in self.ours)
        raw = statistics.median(r.peak_mb for r in self.raw)
        return ours / raw if raw else float("inf")

    def lines(self) -> list[str]:
        def times(runs: Sequence[Run]) -> str:
            return ", ".join(f"{r.seconds:.2f}" for r in runs)

        cpu = [
            f"  cpu  ours {statistics.median(r.cpu_seconds for r in self.ours):.2f} s, raw "
            f"{statistics.median(r.cpu_seconds for r in self.raw):.2f} s: {self.cpu_ratio:.2f}x"
        ] if all(r.cpu_seconds for r in [*self.ours, *self.raw]) else []
        return [
            f"{self.name}",
            f"  ours {self.ours_s:8.3f} s  (rounds: {times(self.ours)}; "
            f"peak {max(r.peak_mb for r in self.ours):.0f} MB)",
            f"  raw  {self.raw_s:8.3f} s  (rounds: {times(self.raw)}; "
            f"peak {max(r.peak_mb for r in self.raw):.0f} MB)",
            f"  ratio {self.ratio:.2f}x  (target {self.target})"
            + (f"  {self.note}" if self.note else ""),
            *cpu,
        ]


def _become_subreaper() -> bool:
    """Adopt the orphans of the children's descendants (Linux); see the module's docstring."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    pr_set_child_subreaper = 36
    return int(ctypes.CDLL(None, use_errno=True).prctl(pr_set_child_subreaper, 1, 0, 0, 0)) == 0


SUBREAPER = _become_subreaper()


def _reap_orphans(wait_s: float) -> float:
    """The CPU seconds of the adopted descendants that end within wait_s (a fork server
    ends as soon as the command that started it has)."""
    cpu, deadline = 0.0, time.monotonic() + wait_s
    while True:
        try:
            pid, _status, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:  # none left
            return cpu
        if pid == 0:
            if time.monotonic() > deadline:
                return cpu
            time.sleep(0.005)
            continue
        cpu += usage.ru_utime + usage.ru_stime


def run_process(cmd: Sequence[str], env: dict[str, str] | None = None,
                cwd: Path = ROOT) -> Run:
    """Run a command to its end; its wall time, its own peak memory and the CPU time of
    it and every process it started."""
    if SUBREAPER:
        _reap_orphans(0.0)  # what earlier commands (a database's making) left: not timed
    started = time.perf_counter()
    with subprocess.Popen(list(cmd), env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE) as child:
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        error = child.stderr.read().decode(errors="replace") if child.stderr else ""
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {child.returncode}: {error[-2000:]}")
    orphans = _reap_orphans(5.0) if SUBREAPER else 0.0
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime + orphans)


def compare(name: str, ours: Callable[[int], Sequence[str]], raw: Callable[[int], Sequence[str]],
            *, rounds: int = 3, target: str = "informative",
            env: dict[str, str] | None = None,
            before: Callable[[int], None] | None = None) -> Comparison:
    """Alternate both sides for `rounds` rounds; `before(round)` resets state first.

    `ours(round)` and `raw(round)` give the command line of each side for a round (so a
    side can work on a fresh copy of a database each time).
    """
    result = Comparison(name, target)
    for index in range(rounds):
        if before is not None:
            before(index)
        sides = [("ours", ours), ("raw", raw)]
        if index % 2:
            sides.reverse()
        for side, command in sides:
            measured = run_process(command(index), env)
            (result.ours if side == "ours" else result.raw).append(measured)
    return result
