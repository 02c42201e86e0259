"""Long work as plain generators: they yield Progress and return their result.

The faces adapt them: the command line draws a bar, the window runs them on a
worker thread with a progress dialog. Cancelling closes the generator, which
unwinds its open transaction, so cancelled work leaves no trace.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    stage: str = ""


Job = Generator[Progress, None, T]


class Cancelled(Exception):  # noqa: N818  (a request, not a fault)
    """The person asked to stop; nothing was written."""


def drive(
    job: Job[T],
    on_progress: Callable[[Progress], None] | None = None,
    cancel: threading.Event | None = None,
) -> T:
    """Run a job to its end, reporting progress and stopping when cancel is set."""
    try:
        while True:
            step = next(job)
            if cancel is not None and cancel.is_set():
                job.close()
                raise Cancelled
            if on_progress is not None:
                on_progress(step)
    except StopIteration as stop:
        result: T = stop.value
        return result


_pause_lock = threading.Lock()
_pauses = 0  # blocks running with the collector paused, on any thread
_was_enabled = True  # the collector's state before the first of them


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while long work makes many values that are in no
    cycle (a submission's rows, records and tuples: hundreds of thousands), which the
    collector would otherwise pass over again and again as they are made; reference
    counting frees them as before.

    The collector is the process's: pauses on several threads (an import on a worker,
    a page's read) overlap, and it is put back as it was before the first of them once
    the last ends. It then finds whatever cycles were made meanwhile (a database
    session's), so memory stays bounded."""
    global _pauses, _was_enabled
    with _pause_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the system says it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
