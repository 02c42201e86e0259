"""Fixtures for the window tests, and guards that fail a test leaving threads or timers.

The guards follow napari's conftest: every QThread and QTimer started from Python
during a test is remembered, and a test fails when one of them still runs at its end;
so does a Python thread it started and left alive, and a busy global QThreadPool.
"""

from __future__ import annotations

import shutil
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThread, QThreadPool, QTimer

from desktop_app.core.domain.enums import Role
from desktop_app.core.progress import drive
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

DEMO_ACTIVITIES = 200
THIS_YEAR = date.today().year
GRACE_MS = 2000


# --- databases ---------------------------------------------------------------------


def focal_template(path: Path, *fills: tuple[int, int, int]) -> Path:
    """A focal-point database at path, filled by the demo: (activities, seed, period)
    each; a module makes one and its tests work on copies (opened_copy)."""
    db = Database.open(path)
    try:
        initialise(db, Role.FOCAL_POINT)
        for activities, seed, period in fills:
            drive(fill_demo(db, activities=activities, seed=seed, period=period))
    finally:
        db.close()
    return path


def opened_copy(template: Path, tmp_path: Path) -> Iterator[Database]:
    """A test's own copy of a template database, open; closed when the test ends."""
    path = tmp_path / template.name
    shutil.copyfile(template, path)
    db = Database.open(path)
    yield db
    db.close()



@pytest.fixture(scope="session", autouse=True)
def _compiled_translations() -> None:
    """Build the .qm files from the .ts sources, as setup and the bundle do."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "translations_tool", Path(__file__).resolve().parents[2] / "scripts" / "translations.py")
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    tool.compile_all()


@pytest.fixture(scope="session")
def _agency_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One agency database (VLG, 200 demo activities this year), built once, copied per test."""
    path = tmp_path_factory.mktemp("template") / "agency.sqlite"
    db = Database.open(path)
    try:
        initialise(db, Role.AGENCY, "VLG", "Nguyễn Thị Hoa")
        drive(fill_demo(db, activities=DEMO_ACTIVITIES, seed=1, period=THIS_YEAR))
    finally:
        db.close()
    return path


@pytest.fixture
def agency_db_path(_agency_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "agency.sqlite"
    shutil.copyfile(_agency_template, path)
    return path


@pytest.fixture
def agency_db(agency_db_path: Path) -> Iterator[Database]:
    db = Database.open(agency_db_path)
    yield db
    db.close()


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Database]:
    """A database with no role yet (the first run)."""
    db = Database.open(tmp_path / "empty.sqlite")
    yield db
    db.close()


@pytest.fixture
def ctx(qapp: Any, agency_db: Database) -> Iterator[Any]:
    """An AppContext in English on the agency database, period = this year."""
    from desktop_app.ui.app import create_application
    from desktop_app.ui.context import AppContext

    create_application("en")
    context = AppContext(agency_db, "en")
    context.set_year(THIS_YEAR)
    yield context
    _reset_translator()


@pytest.fixture
def vi_ctx(qapp: Any, agency_db: Database) -> Iterator[Any]:
    from desktop_app.ui.app import create_application
    from desktop_app.ui.context import AppContext

    create_application("vi")
    context = AppContext(agency_db, "vi")
    context.set_year(THIS_YEAR)
    yield context
    _reset_translator()


def _reset_translator() -> None:
    from desktop_app.ui.app import install_translator

    install_translator("en")


# --- leak guards -----------------------------------------------------------------------


def _wait_until(condition: Callable[[], bool], ms: int = GRACE_MS) -> bool:
    """Process events until condition() holds or ms pass (pending deleteLater, signals)."""
    end = time.monotonic() + ms / 1000
    while True:
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if condition():
            return True
        if time.monotonic() > end:
            return False
        time.sleep(0.01)


@pytest.fixture(autouse=True)
def _no_dangling_qthreads(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    started: list[weakref.ref[QThread]] = []
    original = QThread.start

    def start(self: QThread, *args: Any) -> None:
        started.append(weakref.ref(self))
        original(self, *args)

    monkeypatch.setattr(QThread, "start", start)
    yield

    def running() -> list[QThread]:
        alive = []
        for ref in started:
            thread = ref()
            try:
                if thread is not None and thread.isRunning():
                    alive.append(thread)
            except RuntimeError:  # the C++ object is gone, so is the thread
                pass
        return alive

    if not _wait_until(lambda: not running()):
        pytest.fail(f"the test left {len(running())} QThread(s) running")


@pytest.fixture(autouse=True)
def _no_dangling_python_threads() -> Iterator[None]:
    before = set(threading.enumerate())
    yield

    def new_threads() -> list[threading.Thread]:
        # Qt's own threads show up as _DummyThread once they run Python code and never
        # leave threading's table; the QThread guard covers them.
        return [t for t in threading.enumerate()
                if t not in before and t.is_alive()
                and not isinstance(t, threading._DummyThread)]  # noqa: SLF001

    if not _wait_until(lambda: not new_threads()):
        pytest.fail(f"the test left Python threads running: {new_threads()}")


@pytest.fixture(autouse=True)
def _no_busy_thread_pool() -> Iterator[None]:
    yield
    pool = QThreadPool.globalInstance()
    pool.waitForDone(GRACE_MS)
    if pool.activeThreadCount() != 0:
        pytest.fail(f"the test left {pool.activeThreadCount()} QThreadPool job(s) running")


@pytest.fixture(autouse=True)
def _no_dangling_qtimers(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    timers: list[weakref.ref[QTimer]] = []
    original_start = QTimer.start
    original_single_shot = QTimer.singleShot
    pending: dict[int, str] = {}
    counter = iter(range(1 << 30))

    def start(self: QTimer, *args: Any) -> None:
        timers.append(weakref.ref(self))
        original_start(self, *args)

    def single_shot(*args: Any) -> None:
        # singleShot(msec, callable) or (msec, receiver, slot) or (msec, type, ...)
        *head, target = args
        if callable(target) and not isinstance(target, str):
            key = next(counter)
            pending[key] = repr(target)

            def fire(*fired: Any) -> None:
                pending.pop(key, None)
                target(*fired)

            original_single_shot(*head, fire)
        else:
            original_single_shot(*args)

    monkeypatch.setattr(QTimer, "start", start)
    monkeypatch.setattr(QTimer, "singleShot", staticmethod(single_shot))
    yield

    def active() -> list[QTimer]:
        found = []
        for ref in timers:
            timer = ref()
            try:
                if timer is not None and timer.isActive():
                    found.append(timer)
            except RuntimeError:  # deleted on the C++ side
                pass
        return found

    _wait_until(lambda: not pending, 200)
    still = active()
    if still or pending:
        for timer in still:
            timer.stop()
        pytest.fail(f"the test left {len(still)} QTimer(s) active and {len(pending)} "
                    f"singleShot call(s) pending: {list(pending.values())}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Destroy leftover widgets while the QApplication still exists.

    Left to the interpreter's final garbage collection, Qt objects die in any order,
    and PySide6 can then crash the process after every test has passed.
    """
    import gc

    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        for widget in QApplication.topLevelWidgets():
            widget.close()
            widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
