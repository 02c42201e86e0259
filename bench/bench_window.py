"""The window against a bare PySide6 window over the same file: start-up, the Activities
page, memory, one filter keystroke, and the longest stall of the GUI thread.

Every side is a whole process (this file run as `bench_window.py child MODE ...`), under
QT_QPA_PLATFORM=offscreen, alternating ours and raw in each round (bench/harness.py's
rule) and quoting the medians. The end point of "a drawn window" is the same on both
sides: the first paint of a table's viewport once its rows are there (ours: the page
shown first has loaded), and the process leaves at once (os._exit), so the harness's
wall time of the process is the start-up. Phases inside one process (opening the
Activities page, one filter keystroke) are timed by the child itself and printed as
JSON on its last line; its peak memory comes from os.wait4 as in the harness.

- start-up: `nap-reporter --db FILE` (the real command line, up to the first page
  drawn) against a window that reads 20,000 x 8 activity cells with sqlite3 into a
  plain table model and draws them (at 20,000 and at 100,000 activities; the bare side
  reads 20,000 rows from the same file both times);
- the Activities page with 100,000 activities: from asking for the page to all rows in
  and drawn, against the bare window reading and drawing 100,000 x 8 cells; the peak
  memory of the whole window with that page shown against that bare window;
- one filter keystroke over 100,000 rows: a word committed into the filter box (as an
  input method does) until the filtered list is drawn, against setFilterFixedString on
  a QSortFilterProxyModel over a QStringListModel of the same search texts. The typing
  pause the page waits for before it filters (ActivitiesPage.SEARCH_DELAY_MS) is a
  deliberate wait, not work: the bench sets it to 0;
- the longest stall of the GUI thread: a 10 ms QTimer in the window's process records
  the longest gap between its ticks while the Activities page opens and filters.

- the Indicators page at LARGE activities (informative: no bare side does the same
  work): on the same agency database, from asking for the page to its rows all in and
  drawn (122,323 indicators at 100,000 activities), then one word committed into its
  filter box until the filtered list is drawn, with the longest gap of a 10 ms QTimer
  during each (`bench_window.py indicators FILE` runs it alone);

- the focal point's pages at LARGE activities (informative; `BENCH_WINDOW_FOCAL=0` leaves
  it out, `bench_window.py focal FILE` runs it alone on a focal-point database): the
  window on a focal-point demo database, each of its pages shown in turn, from asking
  for it to its first paint with its data, with the longest gap of a 10 ms QTimer while
  it opens; for the Recommendations page also until the selected recommendation's
  activities are in its detail (read on a worker when it is selected).

The children run as an installed program does (`installed_env`): the package compiled
once with compileall and PYTHONDONTWRITEBYTECODE left out of their environment, on both
sides; otherwise every start of ours compiled ~110 modules from source.

Opening the Activities page is asked for on the turn after the first page was drawn,
or, when the window was drawn before its database was opened (ui/launch.py, issue 11),
once that open is done and the window's other pages are made, which follow it a turn
each (both belong to the start-up, not to the page; until 1 Dec 2026 the pages were
all made in the turn that opened the database).

Our children leave as a window that closes does: they remove the window's lock file
(`core/storage/window_lock.py`) before os._exit. Until 1 Dec 2026 they left it behind,
so every next start of ours found a stale lock, took it over as after a crash, and ran
the check that follows a crash (SQLite's quick_check over every page of the file,
0.3 s at 20,000 activities under load, more at 100,000) before anything else: the
bench timed the start after a crash, not the start people wait for every day. The
raw side and the end point are as they were.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from harness import Comparison, Run  # noqa: E402

SMALL = int(os.environ.get("BENCH_ACTIVITIES", "20000"))
LARGE = int(os.environ.get("BENCH_WINDOW_LARGE", str(SMALL * 5)))
BARE_ROWS = SMALL  # the bare start-up window draws 20,000 x 8 cells at both sizes
NEEDLE = "họp"  # one word committed into the filter box
STALL_TICK_MS = 10

# The 8 columns the bare window shows: what a list of activities shows.
BARE_QUERY = ("SELECT a.title, t.code, a.type, a.status, a.start_date, a.end_date, "
              "a.budget_vnd, a.uuid FROM activity a JOIN task t ON t.id = a.task_id "
              "ORDER BY a.id LIMIT ?")


# --- the children ----------------------------------------------------------------------


def _report(**figures: object) -> None:
    print(json.dumps(figures), flush=True)
    os._exit(0)


def _bare_window(db: str, rows: int) -> None:
    """A QMainWindow with a QTableView over rows x 8 cells read with sqlite3; returns
    when the table's viewport has been painted with the rows."""
    import sqlite3

    from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    started, started_cpu = time.perf_counter(), time.process_time()
    connection = sqlite3.connect(db)
    data = connection.execute(BARE_QUERY, (rows,)).fetchall()

    class Model(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else len(data)

        def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
            return 0 if parent.isValid() else 8

        def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
            if role == Qt.ItemDataRole.DisplayRole:
                value = data[index.row()][index.column()]
                return "" if value is None else str(value)
            return None

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is view.viewport():
                _report(open=time.perf_counter() - started,
                        open_cpu=time.process_time() - started_cpu, rows=len(data))
            return False

    window = QMainWindow()
    view = QTableView()
    model = Model()
    view.setModel(model)
    window.setCentralWidget(view)
    window.resize(1280, 800)
    painted = Painted()
    view.viewport().installEventFilter(painted)
    window.show()
    app.exec()


def _bare_filter(db: str, rows: int) -> None:
    """QSortFilterProxyModel over a QStringListModel of the same search texts."""
    import sqlite3

    from PySide6.QtCore import (
        QEvent,
        QObject,
        QSortFilterProxyModel,
        QStringListModel,
        Qt,
        QTimer,
    )
    from PySide6.QtWidgets import QApplication, QListView

    from desktop_app.core.domain.text import fold

    app = QApplication(sys.argv[:1])
    connection = sqlite3.connect(db)
    texts = [text for (text,) in connection.execute(
        "SELECT search_text FROM activity ORDER BY id LIMIT ?", (rows,))]
    model = QStringListModel(texts)
    proxy = QSortFilterProxyModel()
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setSourceModel(model)
    view = QListView()
    view.setUniformItemSizes(True)  # one row height: no text layout of every row
    view.setModel(proxy)
    view.resize(1280, 800)
    needle = fold(NEEDLE)
    state: dict[str, float] = {}

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and watched is view.viewport():
                if "typed" in state:
                    _report(filter=time.perf_counter() - state["typed"],
                            filter_cpu=time.process_time() - state["typed_cpu"],
                            shown=proxy.rowCount(), rows=len(texts))
                QTimer.singleShot(50, type_it)
            return False

    def type_it() -> None:
        if "typed" not in state:
            state["typed"], state["typed_cpu"] = time.perf_counter(), time.process_time()
            proxy.setFilterFixedString(needle)

    painted = Painted()
    view.viewport().installEventFilter(painted)
    view.show()
    app.exec()


class _Window:
    """Our window, started through the real command line, watched from outside.

    The main window is found as it is shown (QWidget.show wrapped for the process), and
    from then on only the viewports of its tables are watched, as the bare window's
    one viewport is. A page is drawn at the first paint of one of its viewports once
    the page says it has loaded.

    Until 1 Dec 2026 (evening) an application-wide event filter looked for the window
    instead, from before the splash until the window was found: PySide6 then wraps
    every event of the start-up and its receiver in Python objects, making their
    types and enums as it goes (a QComboBox's setSizeAdjustPolicy alone: 0.5 ms
    without the filter, 60 ms with it). That was the bench's cost, not the
    program's: no filter of that kind runs in the program, and the bare side never
    had one.
    """

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer
        from PySide6.QtWidgets import QApplication, QWidget

        self.app = QApplication(sys.argv[:1])
        self.started = time.perf_counter()
        self.waiting: list[tuple[object, object]] = []  # (page or None, then)
        self.window: object = None
        self.longest_gap = 0.0
        self._last_tick = 0.0
        self._probe: QTimer | None = None
        outer = self

        class Watch(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint and outer.waiting:
                    outer._painted(watched)
                return False

        self._watch = Watch()
        show = QWidget.show

        def shown(widget: QWidget) -> None:
            if outer.window is None:
                outer._found_window(widget)
            show(widget)

        QWidget.show = shown  # type: ignore[method-assign]

    def main_window(self) -> object:
        return self.window

    def _found_window(self, widget: object) -> None:
        from PySide6.QtWidgets import QAbstractScrollArea

        if "desktop_app.ui.main_window" not in sys.modules:
            return  # no window yet (the splash): importing it here would time it twice
        from desktop_app.ui.main_window import MainWindow

        if isinstance(widget, MainWindow) and widget.pages:
            self.window = widget
            for area in widget.findChildren(QAbstractScrollArea):
                area.viewport().installEventFilter(self._watch)

    def when_drawn(self, page: object, then: object) -> None:
        """Call then() at the first paint inside page once page has loaded."""
        if page is not None:  # a page made after the window was found: watch it too
            from PySide6.QtWidgets import QAbstractScrollArea

            for area in page.findChildren(QAbstractScrollArea):  # type: ignore[attr-defined]
                area.viewport().installEventFilter(self._watch)
        self.waiting.append((page, then))

    def _painted(self, watched: object) -> None:
        page, then = self.waiting[0]
        if page is None:
            page = self.window.current_page()  # type: ignore[attr-defined]
        loaded = getattr(page, "is_loaded", None)  # the code before the page said so
        if loaded is not None and not loaded():
            return
        if not page.isAncestorOf(watched):  # type: ignore[attr-defined]
            return
        self.waiting.pop(0)
        then()  # type: ignore[operator]

    def start_probe(self) -> None:
        from PySide6.QtCore import QTimer

        self._probe = QTimer()
        self._probe.setInterval(STALL_TICK_MS)
        self._last_tick = time.perf_counter()
        self._probe.timeout.connect(self._tick)
        self._probe.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest_gap = max(self.longest_gap, now - self._last_tick)
        self._last_tick = now

    def run(self, db: str) -> None:
        from desktop_app.cli import main

        main(["--db", db, "--lang", "vi"])


def _closed(db: str, **figures: object) -> None:
    """_report, after removing the window's lock as a window that closes does."""
    from desktop_app.core.storage.window_lock import lock_path

    lock_path(Path(db)).unlink(missing_ok=True)
    _report(**figures)


def _ours_start(db: str) -> None:
    watcher = _Window()
    watcher.when_drawn(None, lambda: _closed(db, open=time.perf_counter() - watcher.started))
    watcher.run(db)


def _ours_activities(db: str) -> None:
    """Open the window, then the Activities page, then type one word in its filter."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.pages.activities_page import ActivitiesPage

    ActivitiesPage.SEARCH_DELAY_MS = 0
    watcher = _Window()
    marks: dict[str, float] = {}

    def open_page() -> None:
        window = watcher.main_window()
        # A window drawn before its database is opened opens it after the first paint
        # and then makes its other pages, a turn each (ui/launch.py, main_window.py):
        # the page is asked for once that start-up work is done, as a person's first
        # click comes, so this phase times the page, not the start.
        pages = window.pages  # type: ignore[attr-defined]
        built = getattr(pages, "is_built", lambda _key: True)
        if (not getattr(window.ctx, "is_open", lambda: True)()  # type: ignore[attr-defined]
                or not all(built(key) for key in pages)):
            QTimer.singleShot(10, open_page)
            return
        page = window.pages["activities"]  # type: ignore[attr-defined]
        watcher.start_probe()
        marks["asked"], marks["asked_cpu"] = time.perf_counter(), time.process_time()
        watcher.when_drawn(page, lambda: QTimer.singleShot(0, lambda: type_word(page)))
        window.show_page(list(window.pages).index("activities"))  # type: ignore[attr-defined]

    def type_word(page: ActivitiesPage) -> None:
        marks["opened"], marks["opened_cpu"] = time.perf_counter(), time.process_time()
        event = QInputMethodEvent("", [])
        event.setCommitString(NEEDLE)
        page.search_edit.setFocus()
        marks["typed"], marks["typed_cpu"] = time.perf_counter(), time.process_time()
        QApplication.sendEvent(page.search_edit, event)
        watcher.when_drawn(page, lambda: filtered(page))

    def filtered(page: ActivitiesPage) -> None:
        if page.proxy.search != NEEDLE:  # the code before this bench filtered later
            watcher.when_drawn(page, lambda: filtered(page))
            return
        done, done_cpu = time.perf_counter(), time.process_time()
        _closed(db, open=marks["opened"] - marks["asked"], filter=done - marks["typed"],
                open_cpu=marks["opened_cpu"] - marks["asked_cpu"],
                filter_cpu=done_cpu - marks["typed_cpu"],
                stall=watcher.longest_gap, rows=page.model.rowCount(),
                shown=page.proxy.rowCount())

    watcher.when_drawn(None, lambda: QTimer.singleShot(0, open_page))
    watcher.run(db)

INDICATOR_NEEDLE = "tỷ"  # one word committed into the Indicators page's filter box


def _ours_indicators(db: str) -> None:
    """Open the window, then the Indicators page (122,000 indicators at 100,000
    activities), then commit one word into its filter box; the longest timer gap while
    it opens and while it filters."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    watcher = _Window()
    marks: dict[str, float] = {}

    def open_page() -> None:
        window = watcher.main_window()
        pages = window.pages  # type: ignore[attr-defined]
        built = getattr(pages, "is_built", lambda _key: True)
        if (not getattr(window.ctx, "is_open", lambda: True)()  # type: ignore[attr-defined]
                or not all(built(key) for key in pages)):
            QTimer.singleShot(10, open_page)
            return
        page = window.pages["indicators"]  # type: ignore[attr-defined]
        watcher.start_probe()
        marks["asked"], marks["asked_cpu"] = time.perf_counter(), time.process_time()
        watcher.when_drawn(page, lambda: QTimer.singleShot(0, lambda: type_word(page)))
        window.show_page(list(window.pages).index("indicators"))  # type: ignore[attr-defined]

    def type_word(page: object) -> None:
        marks["opened"], marks["opened_cpu"] = time.perf_counter(), time.process_time()
        watcher._tick()  # the gap still open counts too
        marks["open_stall"], watcher.longest_gap = watcher.longest_gap, 0.0
        event = QInputMethodEvent("", [])
        event.setCommitString(INDICATOR_NEEDLE)
        edit = page.filter_edit  # type: ignore[attr-defined]
        edit.setFocus()
        marks["typed"], marks["typed_cpu"] = time.perf_counter(), time.process_time()
        QApplication.sendEvent(edit, event)
        watcher.when_drawn(page, lambda: filtered(page))

    def filtered(page: object) -> None:
        if page.proxy.search != INDICATOR_NEEDLE:  # type: ignore[attr-defined]
            watcher.when_drawn(page, lambda: filtered(page))
            return
        done, done_cpu = time.perf_counter(), time.process_time()
        watcher._tick()
        _closed(db, open=marks["opened"] - marks["asked"], filter=done - marks["typed"],
                open_cpu=marks["opened_cpu"] - marks["asked_cpu"],
                filter_cpu=done_cpu - marks["typed_cpu"],
                open_stall=marks["open_stall"], filter_stall=watcher.longest_gap,
                rows=page.model.rowCount(),  # type: ignore[attr-defined]
                shown=page.proxy.rowCount())  # type: ignore[attr-defined]

    watcher.when_drawn(None, lambda: QTimer.singleShot(0, open_page))
    watcher.run(db)


def indicators_page(rounds: int, db: Path, env: dict[str, str]) -> list[Comparison]:
    """The Indicators page opened and filtered in the window on ``db``, ``rounds`` times
    (informative: no bare side does the same work)."""
    me = [sys.executable, str(Path(__file__).resolve()), "child"]
    (runs,) = _alternate(rounds, [[*me, "ours-indicators", str(db)]], env)
    rows = int(runs[0].figures["rows"])
    shown = int(runs[0].figures["shown"])
    return [
        PageFigures(f"opening the Indicators page, {rows} indicators, until drawn",
                    [_phase(m, "open") for m in runs],
                    statistics.median(m.figures["open_stall"] for m in runs) * 1000),
        PageFigures(f"one filter keystroke on the Indicators page ({shown} of {rows} shown)",
                    [_phase(m, "filter") for m in runs],
                    statistics.median(m.figures["filter_stall"] for m in runs) * 1000)]


# The focal point's pages, in the window's order, and the period they show (the demo's).
FOCAL_PAGES = ("completeness", "recommendations", "areas", "imports")
FOCAL_YEAR = 2025


def _ours_focal_pages(db: str) -> None:
    """Open a focal point's window, then, once it has made its pages (on the turn after
    its first paint) and been set to FOCAL_YEAR, show each page in turn until drawn with
    its data; the longest timer gap while each opens (the probe restarted per page)."""
    from PySide6.QtCore import QTimer

    watcher = _Window()
    figures: dict[str, float] = {}
    queue = list(FOCAL_PAGES)

    def next_page() -> None:
        window = watcher.main_window()
        if not getattr(window.ctx, "is_open", lambda: True)():  # type: ignore[attr-defined]
            QTimer.singleShot(10, next_page)
            return
        pages = window.pages  # type: ignore[attr-defined]
        if len(pages.built()) < len(pages):  # the window makes them after its first paint
            QTimer.singleShot(10, next_page)
            return
        if not queue:
            _closed(db, **figures)
        if len(queue) == len(FOCAL_PAGES):
            window.set_period(FOCAL_YEAR)  # type: ignore[attr-defined]  (read when shown)
        key = queue.pop(0)
        watcher.start_probe()
        watcher.longest_gap = 0.0
        asked, asked_cpu = time.perf_counter(), time.process_time()
        page = window.pages[key]  # type: ignore[attr-defined]  (made now if not yet)

        def drawn() -> None:
            figures[key] = time.perf_counter() - asked
            figures[f"{key}_cpu"] = time.process_time() - asked_cpu
            detail = getattr(page, "detail_reader", None)
            if detail is None:
                finished()
            else:
                wait_detail(detail)

        def wait_detail(reader: object) -> None:
            if reader.busy():  # type: ignore[attr-defined]
                QTimer.singleShot(5, lambda: wait_detail(reader))
                return
            figures[f"{key}_detail"] = time.perf_counter() - asked
            finished()

        def finished() -> None:
            # the gap still open counts too: a page that never let the timer tick
            watcher._tick()
            figures[f"{key}_stall"] = watcher.longest_gap
            QTimer.singleShot(0, next_page)

        watcher.when_drawn(page, drawn)
        window.show_page(list(window.pages).index(key))  # type: ignore[attr-defined]

    watcher.when_drawn(None, lambda: QTimer.singleShot(0, next_page))
    watcher.run(db)


def child(argv: Sequence[str]) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    mode, db, *rest = argv
    rows = int(rest[0]) if rest else 0
    {"bare-start": lambda: _bare_window(db, rows),
     "bare-view": lambda: _bare_window(db, rows),
     "bare-filter": lambda: _bare_filter(db, rows),
     "ours-start": lambda: _ours_start(db),
     "ours-activities": lambda: _ours_activities(db),
     "ours-indicators": lambda: _ours_indicators(db),
     "ours-focal-pages": lambda: _ours_focal_pages(db)}[mode]()
    raise SystemExit(f"{mode} ended before its end point")


# --- the parent ------------------------------------------------------------------------


@dataclass(frozen=True)
class Measured:
    run: Run  # the whole process: wall time, peak memory and CPU time (user + system)
    figures: dict[str, float]  # what the child timed inside itself


def measure(cmd: Sequence[str], env: dict[str, str]) -> Measured:
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        with subprocess.Popen(list(cmd), env=env, cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=errors) as process:
            out = process.stdout.read() if process.stdout else b""
            _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(cmd)} exited {process.returncode}: "
                               f"{errors.read().decode(errors='replace')[-2000:]}")
    lines = out.decode().strip().splitlines()
    return Measured(Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime),
                    json.loads(lines[-1]))


class MemoryComparison(Comparison):
    """Compares the sides' peak memory (MB) instead of their time."""

    unit = "MB"

    @property
    def ours_s(self) -> float:
        return statistics.median(r.peak_mb for r in self.ours)

    @property
    def raw_s(self) -> float:
        return statistics.median(r.peak_mb for r in self.raw)

    def lines(self) -> list[str]:
        def sizes(runs: Sequence[Run]) -> str:
            return ", ".join(f"{r.peak_mb:.0f}" for r in runs)

        return [f"{self.name}",
                f"  ours {self.ours_s:8.0f} MB  (rounds: {sizes(self.ours)})",
                f"  raw  {self.raw_s:8.0f} MB  (rounds: {sizes(self.raw)})",
                f"  ratio {self.ratio:.2f}x  (target {self.target})"]


def _phase(measured: Measured, name: str) -> Run:
    """One phase timed inside the child, with the process's CPU time (every thread's)
    over the same span."""
    return Run(measured.figures[name], measured.run.peak_mb,
               measured.figures.get(f"{name}_cpu", 0.0))


def _alternate(rounds: int, sides: Sequence[Sequence[str]],
               env: dict[str, str]) -> list[list[Measured]]:
    """Each round runs every side, in turn forwards and backwards; a list per side."""
    results: list[list[Measured]] = [[] for _ in sides]
    for index in range(rounds):
        order = list(range(len(sides)))
        if index % 2:
            order.reverse()
        for side in order:
            results[side].append(measure(sides[side], env))
    return results


def _make_database(path: Path, activities: int, env: dict[str, str]) -> None:
    app = [sys.executable, "-m", "desktop_app", "--db", str(path)]
    subprocess.run([*app, "init", "--role", "agency", "--agency", "HNI"], check=True,
                   env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    subprocess.run([*app, "demo", "--activities", str(activities), "--seed", "1"],
                   check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)


def installed_env(home: str) -> dict[str, str]:
    """The children's environment, as an installed program starts: its modules compiled
    once (pip compiles a package as it installs it; compileall here), and Python free
    to use the .pyc files (PYTHONDONTWRITEBYTECODE, which some shells and containers
    set, left out). Both sides run in it."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "desktop_app")],
                   check=True, stdout=subprocess.DEVNULL)
    env = {key: value for key, value in os.environ.items()
           if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "NAP_REPORTER_HOME": home, "QT_QPA_PLATFORM": "offscreen"}


class PageFigures(Comparison):
    """A phase of ours alone (no raw side): the median of its rounds, and the worst
    stall (informative)."""

    def __init__(self, name: str, runs: list[Run], stall_ms: float, more: str = "") -> None:
        super().__init__(name, "informative", runs, [])
        self.stall_ms, self.more = stall_ms, more

    @property
    def raw_s(self) -> float:
        return 0.0

    @property
    def ratio(self) -> float:
        return float("nan")

    def lines(self) -> list[str]:
        times = ", ".join(f"{r.seconds:.2f}" for r in self.ours)
        cpu = statistics.median(r.cpu_seconds for r in self.ours)
        return [f"{self.name}",
                f"  ours {self.ours_s:8.3f} s  (rounds: {times}; cpu {cpu:.2f} s{self.more})",
                f"  longest GUI stall {self.stall_ms:.0f} ms (goal < 100 ms)"]


def _make_focal_database(path: Path, activities: int, env: dict[str, str]) -> None:
    app = [sys.executable, "-m", "desktop_app", "--db", str(path)]
    subprocess.run([*app, "init", "--role", "focal-point"], check=True, env=env, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    subprocess.run([*app, "demo", "--activities", str(activities), "--seed", "1",
                    "--period", str(FOCAL_YEAR)],
                   check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)


def focal_pages(rounds: int, db: Path, env: dict[str, str]) -> list[Comparison]:
    """Each focal point's page shown in turn in the window on ``db``, ``rounds`` times."""
    me = [sys.executable, str(Path(__file__).resolve()), "child"]
    (runs,) = _alternate(rounds, [[*me, "ours-focal-pages", str(db)]], env)
    found: list[Comparison] = []
    for key in FOCAL_PAGES:
        detail = [m.figures[f"{key}_detail"] for m in runs if f"{key}_detail" in m.figures]
        more = (f"; with the selection's activities {statistics.median(detail):.2f} s"
                if detail else "")
        found.append(PageFigures(
            f"the focal point's {key} page shown, until drawn with its data",
            [Run(m.figures[key], m.run.peak_mb, m.figures[f"{key}_cpu"]) for m in runs],
            statistics.median(m.figures[f"{key}_stall"] for m in runs) * 1000, more))
    return found


def comparisons(rounds: int = 3) -> list[Comparison]:
    me = [sys.executable, str(Path(__file__).resolve()), "child"]
    with tempfile.TemporaryDirectory() as tmp:
        env = installed_env(tmp)
        small, large = Path(tmp) / "small.sqlite", Path(tmp) / "large.sqlite"
        for path, activities in ((small, SMALL), (large, LARGE)):
            _make_database(path, activities, env)
        found: list[Comparison] = []
        for path, activities, target in ((small, SMALL, "<= 1.5x"), (large, LARGE, "<= 2.0x")):
            ours, raw = _alternate(rounds, [[*me, "ours-start", str(path)],
                                            [*me, "bare-start", str(path), str(BARE_ROWS)]],
                                   env)
            found.append(Comparison(
                f"start-up to a drawn window, {activities} activities vs a bare PySide6 "
                f"window drawing {BARE_ROWS} x 8 cells read with sqlite3",
                target, [m.run for m in ours], [m.run for m in raw]))
        ours, view, filtering = _alternate(rounds, [
            [*me, "ours-activities", str(large)],
            [*me, "bare-view", str(large), str(LARGE)],
            [*me, "bare-filter", str(large), str(LARGE)]], env)
        stall = max(m.figures["stall"] for m in ours) * 1000
        found.append(Comparison(
            f"opening the Activities page, {LARGE} rows vs a bare view of {LARGE} x 8",
            "<= 1.5x", [_phase(m, "open") for m in ours], [_phase(m, "open") for m in view]))
        found.append(MemoryComparison(
            f"peak memory, {LARGE} activities, Activities page shown vs the bare view",
            "<= 1.5x", [m.run for m in ours], [m.run for m in view]))
        found.append(Comparison(
            f"one filter keystroke over {LARGE} rows vs QSortFilterProxyModel over "
            "a QStringListModel of the same texts", "<= 1.2x",
            [_phase(m, "filter") for m in ours], [_phase(m, "filter") for m in filtering],
            note=f"longest GUI stall while opening and filtering: {stall:.0f} ms "
                 "(goal < 100 ms)"))
        found += indicators_page(rounds, large, env)
        if os.environ.get("BENCH_WINDOW_FOCAL", "1") != "0":
            focal = Path(tmp) / "focal.sqlite"
            _make_focal_database(focal, LARGE, env)
            found += focal_pages(rounds, focal, env)
        return found


def main() -> None:
    for comparison in comparisons():
        print("\n".join(comparison.lines()))


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(sys.argv[2:])
    elif sys.argv[1:2] == ["indicators"]:  # the Indicators page alone, on a given database
        with tempfile.TemporaryDirectory() as home:
            for comparison in indicators_page(3, Path(sys.argv[2]), installed_env(home)):
                print("\n".join(comparison.lines()))
    elif sys.argv[1:2] == ["focal"]:  # the focal point's pages alone, on a given database
        with tempfile.TemporaryDirectory() as home:
            for comparison in focal_pages(3, Path(sys.argv[2]), installed_env(home)):
                print("\n".join(comparison.lines()))
    else:
        main()
