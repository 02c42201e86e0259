"""The batch's first look in the reading children: each file's heading, and the finding
that its container is sound, which the read that follows takes on instead of scanning
the file again (while the file stays the same); the command line's children forked from
it while it has one thread, and the same children reading the files after looking."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from crashing_reader import heading_dies_on_crash

from desktop_app.core.exchange import bounds, xlsx_reader
from desktop_app.core.exchange.reading import SubmissionFile, heading_of, read_heading
from desktop_app.core.services.import_reading import EarlyHeadings, read_files, read_headings
from tests.fixtures.submissions import demo_submission

YEAR = 2025


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Path]]:
    folder = tmp_path_factory.mktemp("headings")
    good = demo_submission(folder, activities=4, seed=2, period=YEAR)
    text = folder / "notes.xlsx"
    text.write_text("not a workbook")
    yield [good, text, folder / "missing.xlsx", good]


def test_children_give_the_headings_this_process_gives(batch: list[Path]) -> None:
    found = list(read_headings(batch, readers=2))
    assert [heading for heading, _ in found] == [read_heading(p) for p in batch]
    assert found[0][0] is not None and found[0][0].agency == "VLG"
    assert found[0][0].period == YEAR and found[0][0].version == 1
    status = os.stat(batch[0])
    assert found[0][1] == (str(batch[0]), status.st_size, status.st_mtime_ns,
                           status.st_ctime_ns, status.st_ino, status.st_dev)
    assert found[1] == (None, None) and found[2] == (None, None)


def test_a_file_found_sound_is_not_scanned_again_while_unchanged(
        batch: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "copy.xlsx"
    copy.write_bytes(batch[0].read_bytes())
    _, checked = heading_of(copy)
    assert checked is not None
    scans: list[Path] = []
    monkeypatch.setattr(bounds, "_SOUND", {})  # a fresh process: nothing known yet
    monkeypatch.setattr(xlsx_reader, "_check_whole",
                        lambda path, size: scans.append(Path(path)))
    [read] = read_files([copy], readers=0, checked=[checked])
    assert isinstance(read, SubmissionFile) and read.hash_ok and scans == []
    # the same file changed since its check: scanned again
    copy.write_bytes(batch[0].read_bytes())
    os.utime(copy, ns=(1, 1))
    list(read_files([copy], readers=0, checked=[checked]))
    assert scans == [copy]


@pytest.mark.parametrize("readers", [0, 2])
def test_headings_begun_early_are_the_headings_read_later(batch: list[Path],
                                                          readers: int) -> None:
    early = EarlyHeadings([str(p) for p in batch], readers=readers)
    try:
        assert list(early) == list(read_headings(batch, readers=0))
    finally:
        early.close()
    early.close()  # twice: harmless


def test_a_child_that_dies_on_an_early_heading_gives_that_file_none(
        batch: list[Path], tmp_path: Path) -> None:
    crash = tmp_path / "crash.xlsx"
    crash.write_bytes(batch[0].read_bytes())
    files = [batch[0], crash, batch[1], batch[3]]
    early = EarlyHeadings(files, readers=2, look=heading_dies_on_crash)
    try:
        found = list(early)
    finally:
        early.close()
    assert found[1] == (None, None)
    assert [h for h, _ in found] == [read_heading(batch[0]), None, None, read_heading(batch[3])]
    assert found[0][1] is not None and found[3][1] is not None


@pytest.mark.parametrize("refusal", [
    BrokenProcessPool("a child died"),
    # CPython 3.11: the death noticed while submit starts a replacement child, which is
    # handed the call queue's reader the manager thread has just closed
    OSError("handle is closed"),
])
def test_a_pool_that_breaks_while_the_files_are_handed_over_gives_every_heading(
        batch: list[Path], monkeypatch: pytest.MonkeyPatch, refusal: Exception) -> None:
    """A child dies while the batch is still being handed to the children (the pool
    refuses the next file itself): the files not handed over are looked at as after any
    crash (it was an uncaught exception, the import's end)."""
    from concurrent.futures import ProcessPoolExecutor

    from desktop_app.core.services import import_reading

    class BreaksAtTheThird(ProcessPoolExecutor):
        handed = 0

        def submit(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
            BreaksAtTheThird.handed += 1
            if BreaksAtTheThird.handed > 2:
                raise refusal
            return super().submit(*args, **kwargs)  # type: ignore[arg-type]

    made = import_reading._pool
    monkeypatch.setattr(import_reading, "_pool",
                        lambda readers, **_: BreaksAtTheThird(readers))
    early = EarlyHeadings(batch[:4], readers=1)
    monkeypatch.setattr(import_reading, "_pool", made)  # the rest on sound pools
    try:
        found = list(early)
    finally:
        early.close()
    assert BreaksAtTheThird.handed == 3
    assert [h for h, _ in found] == [read_heading(p) for p in batch[:4]]


def test_headings_begun_for_other_files_are_refused(batch: list[Path]) -> None:
    from desktop_app.core.services.import_plan import Catalog
    from desktop_app.core.services.imports import _ordered

    early = EarlyHeadings(batch[:2], readers=0)
    with pytest.raises(ValueError, match="other files"):
        next(_ordered(batch, Catalog(None, {}, {}, {}), early))  # type: ignore[arg-type]
    early.close()


def test_readers_run_below_the_parents_priority(tmp_path: Path) -> None:
    """The parent writes one file after another and every file waits for it: its readers
    take the processor time it leaves (on two cores the three at one priority gave the
    parent two thirds of a core)."""
    from crashing_reader import niceness

    from desktop_app.core.services.import_reading import READER_NICENESS

    paths = [tmp_path / f"f{index}.xlsx" for index in range(3)]
    found = list(read_headings(paths, readers=2, look=niceness))  # type: ignore[arg-type]
    assert [seen for seen, _ in found] == [min(19, os.nice(0) + READER_NICENESS)] * 3


# The command line's way, in a process of its own (the test runner may have threads).
FORKED = r"""
import json, os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from crashing_reader import process_ids, read_process_id
from desktop_app.core.services import import_reading
paths = [Path(p) for p in sys.argv[2:]]
single = import_reading._single_threaded()
early = import_reading.EarlyHeadings(paths, readers=2, look=process_ids, fork=True)
try:
    looked = [ids for ids, _ in early]
    reads = import_reading.read_files(paths, readers=2, read=read_process_id, early=early)
    read = [list(map(int, found.sha256.split())) for found in reads]
finally:
    early.close()
print(json.dumps({"me": os.getpid(), "single": single, "looked": looked, "read": read}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked on Linux only")
def test_the_command_lines_readers_are_forked_from_it_and_read_after_looking(
        tmp_path: Path) -> None:
    paths = [tmp_path / f"f{index}.xlsx" for index in range(5)]
    run = subprocess.run([sys.executable, "-c", FORKED, str(Path(__file__).parent),
                          *map(str, paths)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    facts = json.loads(run.stdout)
    assert facts["single"]
    # forked from the script (a fork server's children have the server as their parent),
    # the reads too: the pool of the look (read_files makes new ones with the fork server)
    assert {parent for _, parent in facts["looked"]} == {facts["me"]}
    assert len(facts["read"]) == len(paths)
    assert {parent for _, parent in facts["read"]} == {facts["me"]}


# A child forked at the start dies reading: the pool breaks, the file is refused as a
# crash (read again alone, by the fork server: this process has threads by then) and the
# others are read.
FORKED_CRASH = r"""
import json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from crashing_reader import dies_on_crash
from desktop_app.core.services import import_reading
paths = [Path(p) for p in sys.argv[2:]]
early = import_reading.EarlyHeadings(paths, readers=2, fork=True)
try:
    checked = [found for _, found in early]
    reads = list(import_reading.read_files(paths, readers=2, read=dies_on_crash,
                                           checked=checked, early=early))
finally:
    early.close()
print(json.dumps([[type(r).__name__, [p.code for p in getattr(r, "problems", ())]]
                  for r in reads]))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forked on Linux only")
def test_a_forked_reader_that_dies_refuses_its_file_and_the_others_are_read(
        batch: list[Path], tmp_path: Path) -> None:
    files = [tmp_path / name for name in ("a.xlsx", "b.xlsx", "crash.xlsx", "c.xlsx", "d.xlsx")]
    for path in files:
        path.write_bytes(batch[0].read_bytes())
    run = subprocess.run([sys.executable, "-c", FORKED_CRASH, str(Path(__file__).parent),
                          *map(str, files)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [
        ["SubmissionFile", []], ["SubmissionFile", []],
        ["RefusedFile", ["import.reader_crashed"]],
        ["SubmissionFile", []], ["SubmissionFile", []]]


def test_a_process_with_another_thread_has_its_readers_from_the_fork_server(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from crashing_reader import process_ids

    from desktop_app.core.services import import_reading

    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not import_reading._single_threaded()
    finally:
        stop.set()
        other.join()
    monkeypatch.setattr(import_reading, "_single_threaded", lambda: False)
    early = EarlyHeadings([tmp_path / f"f{index}.xlsx" for index in range(3)], readers=2,
                          look=process_ids, fork=True)  # type: ignore[arg-type]
    try:
        parents = {parent for (_, parent), _ in early}  # type: ignore[misc]
    finally:
        early.close()
    assert os.getpid() not in parents


def test_the_looking_children_are_handed_to_the_reads_once(batch: list[Path]) -> None:
    early = EarlyHeadings(batch, readers=2)
    try:
        list(early)
        assert early.pool_for_reads(1) is None  # not as many as the reads want
        pool = early.pool_for_reads(2)
        assert pool is not None and early.pool_for_reads(2) is None
        early.close()  # the reads' now: left running
        assert pool.submit(os.getpid).result(timeout=60) != os.getpid()
        pool.shutdown()
    finally:
        early.close()


def test_children_that_died_looking_are_not_handed_to_the_reads(
        batch: list[Path], tmp_path: Path) -> None:
    crash = tmp_path / "crash.xlsx"
    crash.write_bytes(batch[0].read_bytes())
    files = [batch[0], crash, batch[3]]
    early = EarlyHeadings(files, readers=2, look=heading_dies_on_crash)
    try:
        checked = [found for _, found in early]
        assert early.pool_for_reads(2) is None
        reads = list(read_files(files, readers=2, checked=checked, early=early))
    finally:
        early.close()
    assert [type(read).__name__ for read in reads] == [
        "SubmissionFile", "SubmissionFile", "SubmissionFile"]


def test_children_that_cannot_be_forked_leave_the_headings_to_the_fork_server(
        batch: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """No child can be made at the start (the system's process limit): the headings come
    as after a crash, and nothing is handed over or forked again from a thread."""
    from concurrent.futures import ProcessPoolExecutor

    from desktop_app.core.services import import_reading

    class CannotFork(ProcessPoolExecutor):
        tries = 0

        def submit(self, *args: object, **kwargs: object) -> object:  # type: ignore[override]
            CannotFork.tries += 1
            raise OSError("Resource temporarily unavailable")

    made = import_reading._pool
    monkeypatch.setattr(import_reading, "_single_threaded", lambda: True)
    monkeypatch.setattr(import_reading, "_pool", lambda readers, **_: CannotFork(readers))
    early = EarlyHeadings(batch, readers=2, fork=True)
    monkeypatch.setattr(import_reading, "_pool", made)
    try:
        found = list(early)
        assert early.pool_for_reads(2) is None
    finally:
        early.close()
    assert CannotFork.tries == 1
    assert [heading for heading, _ in found] == [read_heading(p) for p in batch]
