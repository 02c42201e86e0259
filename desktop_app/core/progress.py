"""Long work as plain generators: they yield Progress and return their result.

The faces adapt them: the command line draws a bar, the window runs them on a
worker thread with a progress dialog. Cancelling closes the generator, which
unwinds its open transaction, so cancelled work leaves no trace.
"""

from __future__ import annotations

import contextlib
import gc
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


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while long work makes many values that are in no
    cycle (a submission's rows, records and tuples: hundreds of thousands), which the
    collector would otherwise pass over again and again as they are made; reference
    counting frees them as before. The collector is put back as it was after, and then
    finds whatever cycles were made meanwhile (a database session's), so memory stays
    bounded. The collector is the process's: a pause in a worker thread pauses it for all
    threads, which only makes it run later."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
