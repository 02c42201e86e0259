"""The import's read step in child processes: the same reads as in this process, in
batch order, and a child that dies is one refused file, never the batch's end."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from crashing_reader import dies_on_crash

from desktop_app.core.exchange.reading import ReadFile, RefusedFile, SubmissionFile, read_file
from desktop_app.core.services.import_reading import read_files, readers_for
from tests.fixtures.submissions import demo_submission

YEAR = 2025


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Path]]:
    folder = tmp_path_factory.mktemp("reading")
    good = demo_submission(folder, activities=6, seed=4, period=YEAR)
    other = folder / "other.xlsx"
    other.write_bytes(good.read_bytes())
    text = folder / "notes.xlsx"
    text.write_text("not a workbook")
    yield [good, text, folder / "missing.xlsx", other, good]


def _facts(read: ReadFile) -> tuple[object, ...]:
    if isinstance(read, SubmissionFile):
        return ("submission", read.path, read.sha256, read.meta, read.data, read.hash_ok)
    if isinstance(read, RefusedFile):
        return ("refused", read.path, read.sha256, read.problems)
    return ("other", read.path)


def test_children_read_what_this_process_reads_in_the_same_order(batch: list[Path]) -> None:
    here = [_facts(read_file(path)) for path in batch]
    assert [_facts(read) for read in read_files(batch, readers=2)] == here
    assert [f[0] for f in here] == ["submission", "refused", "refused", "submission",
                                    "submission"]


def test_a_child_that_dies_is_one_refused_file(batch: list[Path]) -> None:
    crash = batch[0].with_name("crash.xlsx")
    crash.write_bytes(batch[0].read_bytes())
    files = [batch[0], crash, batch[3], batch[1], batch[4]]
    reads = list(read_files(files, readers=2, read=dies_on_crash))
    assert [read.path for read in reads] == files
    refused = reads[1]
    assert isinstance(refused, RefusedFile)
    assert [p.code for p in refused.problems] == ["import.reader_crashed"]
    assert refused.problems[0].params["file"] == "crash.xlsx" and refused.sha256
    assert [_facts(r) for r in reads[2:]] == [_facts(read_file(p)) for p in files[2:]]
    assert isinstance(reads[0], SubmissionFile)


def test_a_child_that_dies_between_two_answers_is_one_refused_file(
        batch: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool breaks while the caller still holds the answer before: the next file
    handed over is refused by the broken pool itself (it was an uncaught
    BrokenProcessPool, the whole import's end)."""
    import time

    from desktop_app.core.services import import_reading

    pools: list[ProcessPoolExecutor] = []
    made = import_reading._pool

    def recorded(readers: int) -> ProcessPoolExecutor:
        pools.append(made(readers))
        return pools[-1]

    monkeypatch.setattr(import_reading, "_pool", recorded)
    crash = batch[0].with_name("crash.xlsx")
    crash.write_bytes(batch[0].read_bytes())
    files = [batch[0], crash, batch[3], batch[4], batch[0]]
    reads = read_files(files, readers=1, read=dies_on_crash)  # two in flight: good, crash
    first = next(reads)
    deadline = time.monotonic() + 60
    while not pools[0]._broken and time.monotonic() < deadline:  # the crash's child died
        time.sleep(0.01)
    assert pools[0]._broken
    rest = list(reads)
    assert [read.path for read in [first, *rest]] == files
    assert isinstance(rest[0], RefusedFile)
    assert [p.code for p in rest[0].problems] == ["import.reader_crashed"]
    assert [_facts(r) for r in [first, *rest[1:]]] == [
        _facts(read_file(p)) for p in [files[0], *files[2:]]]


def test_a_small_batch_is_read_in_this_process() -> None:
    assert readers_for(1) == 0 and readers_for(2) == 0
    assert readers_for(34) == (0 if len(os.sched_getaffinity(0)) < 2
                               else min(len(os.sched_getaffinity(0)), 4))


KILLED_PARENT = r"""
import os, signal, sys
from desktop_app.core.services.import_reading import _pool

import time

pool = _pool(2)
# two at once: two readers, both idle on the queue afterwards
for future in [pool.submit(time.sleep, 0.5) for _ in range(2)]:
    future.result()
children = set(pool._processes)
server = {int(open(f"/proc/{pid}/stat").read().split(")")[1].split()[1]) for pid in children}
print(" ".join(map(str, sorted(children | server))), flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # as a task manager ends a program mid-import
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
def test_readers_and_their_fork_server_end_with_a_killed_parent(tmp_path: Path) -> None:
    """An import killed mid-way leaves no reader and no fork server behind (they used to
    wait for ever: an idle reader holds both ends of its queue's pipe itself)."""
    import subprocess
    import sys
    import time

    said = tmp_path / "said.txt"  # a file: a pipe would stay open while any child lives
    with said.open("w") as out:
        done = subprocess.run([sys.executable, "-c", KILLED_PARENT], stdout=out,
                              stderr=subprocess.DEVNULL, timeout=60, check=False)
    assert done.returncode == -9, said.read_text()
    left = [int(pid) for pid in said.read_text().splitlines()[0].split()]
    assert len(left) == 3  # two readers and the fork server they came from
    deadline = time.monotonic() + 30  # (how long they may take is not what is tested)
    while any(map(_alive, left)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in left if _alive(pid)]


def test_a_submit_refused_with_a_closed_handle_is_a_broken_pool(
        batch: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """CPython 3.11: a child's death noticed while submit starts a replacement child makes
    submit raise OSError ("handle is closed"), not BrokenProcessPool: the files are read
    on as after a crash (it was an uncaught OSError, the import's end)."""
    from desktop_app.core.services import import_reading

    class ClosedAtTheThird(ProcessPoolExecutor):
        handed = 0

        def submit(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
            ClosedAtTheThird.handed += 1
            if ClosedAtTheThird.handed == 3:
                raise OSError("handle is closed")
            return super().submit(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(import_reading, "_pool", lambda readers: ClosedAtTheThird(readers))
    files = [batch[0], batch[3], batch[4], batch[0], batch[1]]
    reads = list(read_files(files, readers=1))
    assert ClosedAtTheThird.handed > 3
    assert [read.path for read in reads] == files
    assert [_facts(r) for r in reads] == [_facts(read_file(p)) for p in files]
