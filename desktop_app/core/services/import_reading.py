"""The import's read step on the machine's cores: files read in child processes, a few
ahead, handed back one by one in batch order.

Reading a submission (unzipping, parsing the XML with python-calamine, checking every
cell, hashing the content) is most of an import's work, and it needs nothing from the
database, so several files are read at once, each in a child process; the plan and the
write stay in the parent, one file after another, in order, each write its own
transaction (services/imports.py). At most two files per child are in flight, so the
memory a batch holds does not grow with the batch: the parent keeps a file's rows only
until it has been applied. A read submission comes back with its data's hash rather than
its canonical JSON, and its rows not as records (pickling a thousand frozen dataclasses
costs more than rebuilding them): given the batch's catalog (import_rules.RowRules), the
child checks an exported file's rows, makes its activities' search texts and puts the
rows into a database image (import_image), which the writer copies in SQLite as it is;
otherwise they come as columns of plain values. Either way they stay so in the parent
(ColumnData: records are made only if the plan asks for them), so that the work the
parent would otherwise do between two writes is done here.

A child that dies while reading (python-calamine aborts the process on some hostile
files; the memory limit below turns a runaway allocation into such a death) breaks the
whole pool, without saying which file did it. The first file still waiting is then read
again alone, in a fresh child: if that child dies too, the file is refused
(`import.reader_crashed`) and the batch carries on with a new pool for the others.
A batch of one or two files, or a machine with one core, is read in this process: a
child would cost more to start than it saves.

Before that, the batch is put in order from what each file says of itself
(``read_headings``): that first look checks each container against its bounds, the
costly part of it, so it too runs in the children; each file found sound is named to the
child that later reads it whole (xlsx_reader.known_sound), which then does not scan it
again while it stays the same. The command line begins that look as it starts
(EarlyHeadings), in children forked from itself while it has no other thread, and the
same children then read the files.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import fields, replace
from datetime import date
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar, cast

from desktop_app.core.exchange.bounds import Checked, known_sound
from desktop_app.core.exchange.canonical import data_hash
from desktop_app.core.exchange.reading import (
    Heading,
    ReadFile,
    RefusedFile,
    SubmissionFile,
    file_sha256,
    heading_of,
    read_file,
)
from desktop_app.core.exchange.submission import (
    ActivityRecord,
    ColumnData,
    IndicatorRecord,
    LinkRecord,
    given_columns,
    with_searched,
)
from desktop_app.core.problems import Problem
from desktop_app.core.progress import collector_paused, usable_cores
from desktop_app.core.services.import_image import ImageRows, image_of
from desktop_app.core.services.import_rules import (
    CheckedSubmission,
    RowRules,
    checked_rows,
    own_words_of,
)

MAX_READERS = 4  # child processes at most, however many cores
AHEAD = 2  # files in flight per child
DISCARD_S = 30.0  # the longest a broken pool is waited for (_discard_broken)
FEWEST_FILES = 3  # below this, read in this process
CHILD_MEMORY_BYTES = 4 * 2**30  # a reader's address space; beyond it the child dies
# What a pool's submit raises once a child has died: BrokenProcessPool, or OSError
# ("handle is closed") when the death is noticed while the submit starts a replacement
# child: CPython 3.11's manager thread closes the call queue's reader without the lock
# submit holds, and the new child is handed that closed reader (seen once in the test
# suite under load). Either way the pool is broken, and the file is read as after a crash.
POOL_BROKEN = (BrokenProcessPool, OSError)


def readers_for(files: int) -> int:
    """How many child processes read a batch of this many files (0: none, read here)."""
    cores = usable_cores()
    if cores < 2 or files < FEWEST_FILES:
        return 0
    return min(cores, MAX_READERS, files)


Read = Callable[[Path], ReadFile]  # a function of a module, so a child can find it
T = TypeVar("T")


Look = Callable[[Path], tuple[Heading | None, Checked | None]]  # as Read


def read_headings(paths: Sequence[Path], readers: int | None = None, look: Look = heading_of
                  ) -> Generator[tuple[Heading | None, Checked | None], None, None]:
    """What each file says of itself (`look`, exchange.reading.heading_of), in the order
    given, by `readers` children (None: as readers_for says): the container's check, the
    costly part, on the machine's cores. A child that dies on a file gives it no heading
    (the batch puts it first, and its read refuses it)."""
    yield from _in_children([(Path(p),) for p in paths], look, lambda _: (None, None),
                            readers_for(len(paths)) if readers is None else readers)


class EarlyHeadings:
    """read_headings begun at once: every file's first look is handed to the children, by a
    thread of its own, as this is made, so that it runs while the caller is still getting
    ready (the command line makes it before it loads the database layer, ~0.6 s, which
    the look then overlaps; measured on the bench's 34 files, 3 Dec 2026, 8 alternating
    rounds, with the collector's rest in cmd_import: 3.91 -> 3.84 s).
    Iterated once, it gives read_headings' answers in the order given; close() stops the
    children, unless the reads took them over (pool_for_reads). The answers are small (a
    heading and a container's identity), so the whole batch is in flight at once.

    fork: the children may be forked from this process itself, when it is a Linux process
    with one thread (the command line, at its start): they start at once, with all this
    process has loaded, where the fork server takes ~0.15 s to start and load the reader
    itself. Anywhere else (the window has Qt's threads) the fork server starts them."""

    def __init__(self, paths: Sequence[Path | str], readers: int | None = None,
                 look: Look = heading_of, *, fork: bool = False) -> None:
        self.paths = [Path(p) for p in paths]
        self.readers = readers_for(len(self.paths)) if readers is None else readers
        self.look = look
        forks = fork and _single_threaded()
        self._pool = _pool(self.readers, fork=forks) if self.readers > 0 else None
        self._futures: list[Future[tuple[Heading | None, Checked | None]]] = []
        handing = self._pool is not None and bool(self.paths)
        if self._pool is not None and handing and forks:
            # the first hand-over forks every child, here, while this is the only thread
            try:
                self._futures.append(self._pool.submit(self.look, self.paths[0]))
            except POOL_BROKEN:  # no child could be made: the files as __iter__ says
                handing = False  # (never forked again, from a thread)
        # The children start (the first hand-over waits for the fork server's own start,
        # ~0.1 s) and the files go to them on a thread of their own: the caller goes on.
        self._handing = threading.Thread(target=self._hand_over, name="first-look",
                                         daemon=True)
        if handing:
            self._handing.start()

    def _hand_over(self) -> None:
        assert self._pool is not None
        try:
            for path in self.paths[len(self._futures):]:
                self._futures.append(self._pool.submit(self.look, path))
        except POOL_BROKEN:  # a child died already: the rest as __iter__ says
            pass

    def __iter__(self) -> Generator[tuple[Heading | None, Checked | None], None, None]:
        if self._pool is None:
            yield from read_headings(self.paths, readers=0, look=self.look)
            return
        if self._handing.ident is not None:  # started (not when no child could be made)
            self._handing.join()
        for index in range(len(self.paths)):
            try:
                if index == len(self._futures):  # not handed over: the pool broke first
                    raise BrokenProcessPool
                done = self._futures[index].result()
            except BrokenProcessPool:  # the rest as read_headings reads them, crashes and all
                pool, self._pool = self._pool, None
                _discard_broken(pool)
                yield from read_headings(self.paths[index:], self.readers, self.look)
                return
            yield done

    def pool_for_reads(self, readers: int) -> ProcessPoolExecutor | None:
        """The children that looked, if `readers` of them, for the reads that follow
        (read_files): their start and the reader's first use are not paid twice. None when
        the headings were not all given by them (a child died) or were read in this
        process. The reads then own them: close() leaves them be."""
        pool = self._pool
        if pool is None or readers != self.readers or len(self._futures) != len(
                self.paths) or any(
                not future.done() or future.exception() is not None
                for future in self._futures):
            return None
        self._pool = None
        return pool

    def close(self) -> None:
        if self._handing.is_alive():
            self._handing.join()
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def read_files(paths: Sequence[Path], readers: int | None = None, read: Read = read_file,
               checked: Sequence[Checked | None] | None = None, rules: RowRules | None = None,
               early: EarlyHeadings | None = None, *, images: bool = False
               ) -> Generator[ReadFile, None, None]:
    """Every file read (`read`, exchange.reading.read_file), in the order given, by
    `readers` children (None: as readers_for says).

    checked: for each file, read_headings' finding that it is sound (the child then does
    not scan it again while it stays the same). rules: the batch's catalog, against which
    the child also checks an exported file's rows and makes its search texts (a
    CheckedSubmission). early: the batch's first look, whose children then read too
    (EarlyHeadings.pool_for_reads), taken when the first file is asked for (until then
    they stay early's to stop). images: a file so checked comes with its rows as a
    database image (import_image), for a writer on SQLite to copy. Closing the iterator
    early (a cancelled import) stops the children.
    """
    found = list(checked) if checked is not None else [None] * len(paths)
    count = readers_for(len(paths)) if readers is None else readers
    pool = early.pool_for_reads(count) if early is not None else None
    for done in _in_children([(read, Path(p), c, rules, images)
                              for p, c in zip(paths, found, strict=True)],
                             _read_known, _crashed, count, pool):
        yield _unpacked(done, rules)


def _read_known(read: Read, path: Path, checked: Checked | None, rules: RowRules | None = None,
                images: bool = False) -> ReadFile | Packed:
    with collector_paused():  # a file's cells, rows and records: none in a cycle
        if checked is not None:
            known_sound(checked)
        return _packed(read(path), rules, images)


def _crashed(work: tuple[Any, ...]) -> ReadFile:
    path = work[1]
    return RefusedFile(path, file_sha256(path), (Problem(
        "import.reader_crashed", {"file": path.name or str(path)}),))


# A read submission as it travels from a child: its records as columns of plain values
# (pickled at a fraction of the cost of dataclasses; a ColumnData in the parent, whose
# records are made, by records_of, only when asked for), its data's hash instead of its
# canonical JSON, and each activity's own words folded for search.
Packed = tuple[Any, ...]
_PACKED = "submission"
_KINDS = (ActivityRecord, IndicatorRecord, LinkRecord)
_NAMES = [[f.name for f in fields(kind)] for kind in _KINDS]
# The text and date columns whose values repeat within a file, and are not already one
# object from the reader (as a task's code, a type or a status are): a title, a date, an
# indicator's name and unit, an activity's UUID in its indicators and links. Each equal
# value travels as one object, which pickle writes once and then refers to.
# Measured on the bench's 34 files (1,000 activities each, medians, 2 Dec 2026), with the
# columns: the pickle 2.26 -> 2.00 MB; its dump 8.0 -> 4.3 ms in the child (the columns
# and the sharing cost ~1 ms there), its load 5.3 -> 3.7 ms and the records made again
# 4.7 -> 2.8 ms in the parent, which every file waits for: ~6 ms of CPU a file in all.
_SHARED = (
    {"uuid", "title", "start_date", "end_date"},
    {"activity_uuid", "name", "unit", "due_date", "result_note"},
    {"activity_uuid"},
)
_ROWS = [attrgetter(*names) for names in _NAMES]  # every kind has several fields


def _packed(read: ReadFile, rules: RowRules | None = None, images: bool = False
            ) -> ReadFile | Packed:
    if not isinstance(read, SubmissionFile):
        return read
    data = read.data
    given = given_columns(data)
    digest = read.data_sha256 or (data_hash(data, data_json=read.data_json)
                                  if read.data_json else "")
    # the costly part of each activity's search text, folded here rather than by the
    # parent, which writes one file after another (domain.search)
    searched = own_words_of(data)
    # an exported file's rows checked here too, and its search texts made (the plan takes
    # them when its catalog gives the same rules): the parent writes one file after another
    row_problems, texts = ((), ()) if rules is None or read.problems or not read.hash_ok else (
        checked_rows(replace(read, data=with_searched(data, searched)), rules))
    checked = rules is not None and not read.problems and read.hash_ok
    if texts:  # each holds its activity's own words: those need not travel too
        searched = []
    # a sound file's rows as the writer stores them, in a database image (import_image),
    # which travels as one string of bytes, in place of its columns
    image = (image_of(given, texts, read.meta.period)
             if images and given is not None and texts and not row_problems else None)
    records: Any
    if image is not None and given is not None:
        records = (image, tuple(len(kind[0]) for kind in given))
    else:
        if given is not None:  # the reader's own (every sheet sound): no records' turn
            columns = [list(kind) for kind in given]
        else:  # records (a sheet read row by row): their fields turned into columns
            groups: list[list[Any]] = [data.activities, data.indicators, data.links]
            columns = [_columns(group, names, rows)
                       for group, names, rows in zip(groups, _NAMES, _ROWS, strict=True)]
        seen: dict[Any, Any] = {}  # one for the file: an activity's UUID in its links
        records = [_shared(kind, names, shared, seen)
                   for kind, names, shared in zip(columns, _NAMES, _SHARED, strict=True)]
    return (_PACKED, read.path, read.sha256, read.meta, records, read.hash_ok, read.problems,
            read.rows, digest, searched, checked, row_problems, texts)


def _columns(group: list[Any], names: list[str], rows: attrgetter[Any]
             ) -> list[Sequence[Any]]:
    """The records' values field by field (their rows turned in C: a getter a record, not
    one a value)."""
    return (list(zip(*map(rows, group), strict=True)) if group
            else [() for _ in names])


def _shared(columns: list[Sequence[Any]], names: list[str], shared: set[str],
            seen: dict[Any, Any]) -> list[Sequence[Any]]:
    """The columns with, in the shared fields, each value equal to one already seen as
    that one object. Only a column of texts, dates and None is shared: values of other
    types may be equal without being the same (0.0 and -0.0, 1 and 1.0)."""
    for index, name in enumerate(names):
        column = columns[index]
        if name in shared and _SHAREABLE.issuperset(map(type, column)):
            columns[index] = list(map(seen.setdefault, column, column))
    return columns


_SHAREABLE = frozenset({str, date, type(None)})


def _unpacked(done: ReadFile | Packed, rules: RowRules | None = None) -> ReadFile:
    if not isinstance(done, tuple):
        return done
    (_, path, sha256, meta, records, hash_ok, problems, rows, digest,
     searched, checked, row_problems, texts) = done
    # the records made only if the plan asks for them (a file replacing a version): the
    # write takes the image or the columns (exchange.submission.ColumnData)
    if isinstance(records, tuple) and isinstance(records[0], bytes):  # (image, counts)
        data = ColumnData(stored=ImageRows(*records), searched=tuple(searched))
    else:
        data = ColumnData(columns=tuple(records), searched=tuple(searched))
    if checked and rules is not None:
        return CheckedSubmission(path, sha256, meta, data, hash_ok, problems, rows,
                                 data_sha256=digest, rules=rules, row_problems=row_problems,
                                 search_texts=texts)
    return SubmissionFile(path, sha256, meta, data, hash_ok, problems, rows,
                          data_sha256=digest)


def _in_children(works: list[tuple[Any, ...]], do: Callable[..., T],
                 crashed: Callable[[tuple[Any, ...]], T], readers: int,
                 started: ProcessPoolExecutor | None = None) -> Generator[T, None, None]:
    """do(*work) for every work, in order, by `readers` children (0: in this process);
    crashed(work) for a work whose lone child died too. started: `readers` children to
    begin with (shut down at the end, as a pool made here)."""
    if readers <= 0:
        for work in works:
            yield do(*work)
        return
    waiting = deque(works)
    pool = started if started is not None else _pool(readers)
    flight: deque[tuple[tuple[Any, ...], Future[T]]] = deque()
    try:
        while waiting or flight:
            while waiting and len(flight) < readers * AHEAD:
                try:
                    future = pool.submit(do, *waiting[0])
                except POOL_BROKEN:  # a child died since the last answer
                    break
                flight.append((waiting.popleft(), future))
            work, handed = flight.popleft() if flight else (waiting.popleft(), None)
            try:
                if handed is None:  # the pool broke before anything was handed to it
                    raise BrokenProcessPool
                done = handed.result()
            except BrokenProcessPool:
                _discard_broken(pool)
                done = _alone(work, do, crashed)
                waiting.extendleft(reversed([other for other, _ in flight]))
                flight.clear()
                pool = _pool(readers)
            yield done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _alone(work: tuple[Any, ...], do: Callable[..., T],
           crashed: Callable[[tuple[Any, ...]], T]) -> T:
    """The work done by a child of its own; crashed(work) when that child dies too."""
    alone, broken = _pool(1), False
    try:
        return alone.submit(do, *work).result()
    except POOL_BROKEN:
        broken = True
        return crashed(work)
    finally:
        if broken:
            _discard_broken(alone)
        else:
            alone.shutdown(wait=True)


def _discard_broken(pool: ProcessPoolExecutor) -> None:
    """Shut down a pool one of whose children died, its other children killed first.

    CPython 3.11's executor stops the workers it knows of when one dies, but a worker it
    started meanwhile (for a work submitted just before) is left waiting for work, and
    shutting the pool down then waits for that worker for ever (seen in the test suite:
    the manager thread joining a worker idle on its call queue). No child of a broken
    pool has anything left to give, so every one still there is killed.

    Killed again until the pool's manager thread has ended, and for DISCARD_S at most:
    a child the pool registers while that thread is ending (one started for a work handed
    over at the moment another died) is one it then waits for; seen under heavy load.
    """
    # the pool's own (no public way): the dict its manager thread joins the children of,
    # which shutdown() lets go of, and that thread
    processes = (pool._processes or {}).values()  # noqa: SLF001  (a live view)
    manager = cast("threading.Thread | None", pool._executor_manager_thread)  # noqa: SLF001
    pool.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + DISCARD_S
    while True:
        for process in list(processes):
            with contextlib.suppress(OSError, ValueError):  # gone already, or closed
                process.kill()
        if manager is None or time.monotonic() > deadline:
            return
        manager.join(0.05)
        if not manager.is_alive():
            return


def _pool(readers: int, *, fork: bool = False) -> ProcessPoolExecutor:
    # Children are forked from this process only when the caller found it has one thread
    # (fork: _single_threaded, the pool's first work handed over at once): the window
    # imports on a worker thread, and a fork of a process with threads can deadlock (a
    # lock another thread held stays held in the child for ever). Otherwise a fork
    # server (or, on Windows, spawn) starts them clean; the fork server has the reader
    # imported once for all.
    if fork:
        context: Any = multiprocessing.get_context("fork")
        sys.stdout.flush()  # what this process has yet to write is not the children's to
        sys.stderr.flush()  # write again as they end
    elif sys.platform != "win32":
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["desktop_app.core.services.import_reading",
                                        "python_calamine"])
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(readers, mp_context=context, initializer=_reader_started)


def _single_threaded() -> bool:
    """Whether this is a Linux process with one thread, counted by the kernel (Python's
    threading does not see the threads a library starts in C, as Qt does)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _reader_started() -> None:
    """What every reading child does first: bound its memory, watch its parent, and
    yield the processor to it."""
    _limit_memory()
    _leave_with_parent()
    _yield_to_parent()


READER_NICENESS = 10


def _yield_to_parent() -> None:
    """A reader runs at a lower priority than the process that started it.

    The parent plans and writes one file after another, and every file waits for it; the
    readers work ahead of it (AHEAD files each) and only need what processor time the
    parent leaves. On two cores, two readers and the parent at one priority each got two
    thirds of a core while all three were busy (the parent's ~65 ms of work a file took
    ~100 ms). Measured on the bench's 34 files (2 Dec 2026, 7 alternating rounds): 5.58
    → 5.40 s, a few per cent, as the readers' own work then sets the pace. The window,
    which imports on a worker thread of its own process, keeps its turn while they read."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(READER_NICENESS)


def _leave_with_parent() -> None:
    """The child ends when the process that started the import does, however it ends.

    A child idle on the pool's call queue waits for ever: it holds both ends of that
    queue's pipe itself, so the parent's death never reaches it. It also holds the
    parent's end of the fork server's liveness pipe (multiprocessing hands it to every
    child), so the fork server never learns of the death either. A program killed during
    an import (the crash-safety tests do it on purpose; a laptop's power button, a
    task manager) left both behind for good, a fork server and a reader per core. A
    daemon thread waits on the parent's sentinel and ends the child with it.
    """
    import threading
    from multiprocessing.connection import wait

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _limit_memory() -> None:
    """A reader gets a bounded address space: a file built to allocate gigabytes kills its
    own child, never the machine (the parent refuses the file)."""
    try:
        import resource
    except ImportError:  # Windows: no such limit; the checks before reading still hold
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = CHILD_MEMORY_BYTES if hard == resource.RLIM_INFINITY else min(hard,
                                                                          CHILD_MEMORY_BYTES)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
