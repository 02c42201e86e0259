"""The import rests Python's cycle collector while it makes and writes a file's records,
and always puts it back as it found it: after a batch, a preview, a refused file, a
cancelled import, and in the reading children."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.exchange.reading import RefusedFile, read_file
from desktop_app.core.progress import collector_paused, drive
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.import_reading import _read_known, read_files
from desktop_app.core.services.imports import plan_import, run_import
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.submissions import export_xlsx
from desktop_app.core.storage.database import Database

YEAR = 2025


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def _files(folder: Path) -> list[Path]:
    db = Database.open(folder / "agency.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(fill_demo(db, activities=15, seed=3, period=YEAR))
    good = folder / "good.xlsx"
    drive(export_xlsx(db, YEAR, good))
    db.close()
    bad = folder / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    return [good, bad]


def _focal(folder: Path) -> Database:
    focal = Database.open(folder / "focal.sqlite")
    initialise(focal, Role.FOCAL_POINT)
    return focal


def test_collector_is_back_after_a_batch_and_a_preview(tmp_path: Path, collector_on: None
                                                       ) -> None:
    files = _files(tmp_path)
    focal = _focal(tmp_path)
    seen: list[bool] = []
    plans = drive(plan_import(focal, files), lambda _: seen.append(gc.isenabled()))
    assert sorted(p.refused for p in plans) == [False, True]
    assert gc.isenabled()
    summary = drive(run_import(focal, files), lambda _: seen.append(gc.isenabled()))
    assert (summary.accepted, summary.refused) == (1, 1)
    assert gc.isenabled()
    assert all(seen)  # between files (each Progress) it runs as before
    focal.close()


def test_collector_is_back_after_a_cancelled_import(tmp_path: Path, collector_on: None
                                                    ) -> None:
    files = _files(tmp_path)
    focal = _focal(tmp_path)
    job = run_import(focal, files)
    stages = [next(job).stage for _ in range(4)]
    assert "import" in stages
    job.close()
    assert gc.isenabled()
    focal.close()


def test_a_collector_off_stays_off(tmp_path: Path, collector_on: None) -> None:
    files = _files(tmp_path)
    focal = _focal(tmp_path)
    gc.disable()
    try:
        drive(run_import(focal, files))
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    focal.close()


def test_a_reader_puts_the_collector_back(tmp_path: Path, collector_on: None) -> None:
    good, bad = _files(tmp_path)
    for path in (good, bad):
        assert not isinstance(_read_known(read_file, path, None), RefusedFile) or path == bad
        assert gc.isenabled()
        (read,) = read_files([path], readers=0)
        assert isinstance(read, RefusedFile) == (path == bad)
        assert gc.isenabled()


def test_pauses_on_two_threads_put_the_collector_back_when_the_last_ends() -> None:
    """An import on the window's worker and a page's read overlap, ending in either
    order: the collector stays paused until both are done, then runs again."""
    import threading

    entered, leave, left = threading.Event(), threading.Event(), threading.Event()

    def import_on_a_worker() -> None:
        with collector_paused():
            entered.set()
            leave.wait(10)
        left.set()

    assert gc.isenabled()
    worker = threading.Thread(target=import_on_a_worker)
    worker.start()
    assert entered.wait(10)
    with collector_paused():  # the page's read begins after, ends after
        leave.set()
        assert left.wait(10)
        assert not gc.isenabled()
    worker.join(10)
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # off before: left off
    finally:
        gc.enable()
