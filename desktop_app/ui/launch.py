"""Opening the desktop app: the window, the first-run setup, or a screenshot of it.

A machine without a display gets a bilingual message and exit code 3 instead of Qt
aborting the process; --screenshot works there by rendering offscreen.

Qt comes up first, with a splash (`splash.py`) that says what is being opened: the
database layer (SQLAlchemy, the migrations) is imported and the database opened only
then, so a large database never opens to a blank wait.

An agency's SQLite file already at the program's schema (nearly every start) opens
quicker still (issue 11): the status bar's facts, the catalog's years and the first
page (the overview) are read with sqlite3 alone on a thread begun before Qt is up
(`first_read.py`; kept only if the window lock and the check for damage leave the
same file there), the window is made and drawn, and only then is the database opened,
SQLAlchemy and the models imported with it (`AppContext.opening`: whatever needs the
database sooner opens it at once). Any other file (a server, a first run, a demo, a
migration to make, a focal point, any doubt) takes the full open first, as before.

With NAP_REPORTER_DUMP_TEXTS=FILE in the environment, --screenshot also writes the
texts a user sees in the window (title, menus, tabs, labels, buttons, headers, the
status bar), one a line, so a check of an installed program or a bundle can tell
which language it really shows without reading pixels.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import sys
import threading
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.problems import NapError
from desktop_app.core.storage.location import ServerLocation
from desktop_app.messages import bilingual, text

if TYPE_CHECKING:
    from desktop_app.core.services.period_facts import PeriodFacts
    from desktop_app.core.storage.database import Database
    from desktop_app.core.storage.window_lock import ChangeWatch
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.db_watch import DatabaseWatch
    from desktop_app.ui.first_read import FirstRead
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.splash import Splash

EXIT_OK, EXIT_REFUSED = 0, 3

DEMO_ACTIVITIES_THIS_YEAR = 400
DEMO_ACTIVITIES_LAST_YEAR = 150
DEMO_SEED = 1

_HEADLESS_PLATFORMS = ("offscreen", "minimal")
SCREENSHOT_WAIT_S = 30.0  # the longest --screenshot waits for the first page's data

DUMP_TEXTS_ENV = "NAP_REPORTER_DUMP_TEXTS"
_TAG = re.compile(r"<[^>]+>")


def has_display() -> bool:
    """Whether Qt can open a window here (or was told to draw offscreen)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if platform in _HEADLESS_PLATFORMS:
        return True
    if sys.platform.startswith(("win", "darwin")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _say_both(key: str, lang: str, **params: object) -> None:
    for line in bilingual(lambda lg: [text(key, lg, **params)], lang):
        print(line, file=sys.stderr)


def fill_demo_once(db: Database) -> None:
    """A demo database is filled on first use: this year and, more thinly, the last."""
    from desktop_app.core.progress import drive
    from desktop_app.core.services.demo import fill_demo
    from desktop_app.core.services.status import status
    if status(db)["role"] is not None:
        return
    year = date.today().year
    drive(fill_demo(db, activities=DEMO_ACTIVITIES_THIS_YEAR, seed=DEMO_SEED, period=year))
    with contextlib.suppress(NapError):  # no such period: this year's data is enough
        drive(fill_demo(db, activities=DEMO_ACTIVITIES_LAST_YEAR, seed=DEMO_SEED,
                        period=year - 1))


def first_run_language(lang: str, *, created: bool, lang_given: bool) -> str:
    """The first run (a new database, no language chosen before, none given) offers
    Vietnamese first, whatever the system's language; the setup dialog offers English."""
    from desktop_app.core.preferences import preferred_language

    if created and not lang_given and preferred_language() is None:
        return "vi"
    return lang


def launch(db_path: Path | ServerLocation, *, lang: str, demo: bool,
           screenshot: Path | None, lang_given: bool = False) -> int:
    """Open the window (or save a picture of it). --lang wins over the saved choice,
    which wins over the system's language. db_path may name a PostgreSQL server."""
    try:
        return _launch(db_path, lang=lang, demo=demo, screenshot=screenshot,
                       lang_given=lang_given)
    finally:
        gc.enable()  # paused for the quick way's first paint (_launch), whatever came


def _launch(db_path: Path | ServerLocation, *, lang: str, demo: bool,
            screenshot: Path | None, lang_given: bool) -> int:
    if not lang_given:
        from desktop_app.core.preferences import preferred_language

        lang = preferred_language() or lang
    if screenshot is None and not has_display():
        _say_both("cli.no_display", lang)
        return EXIT_REFUSED
    if screenshot is not None and not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from desktop_app.core.storage.schema import is_sqlite_file

    # An SQLite file that may open the quick way: SQLAlchemy is not imported before it,
    # and its first paint's reads begin now, beside Qt's start (first_read.py).
    quick = (screenshot is None and not demo and isinstance(db_path, Path)
             and is_sqlite_file(db_path))
    first_read: FirstRead | None = None
    if quick:
        from desktop_app.ui.first_read import FirstRead

        assert isinstance(db_path, Path)
        first_read = FirstRead(db_path)
        # Until the first paint (_open_after_paint) the collector rests: its ~70 passes
        # over the objects start-up makes (Qt's enums, our modules) cost ~15 ms and
        # find a few hundred objects to free.
        gc.disable()

    from desktop_app.ui.app import create_application

    create_application(lang)
    splash: Splash | None = None
    if screenshot is None:
        from desktop_app.ui.splash import Splash

        splash = Splash()
        splash.opening(Path(str(db_path)))
    created = False  # an SQLite file is there
    if not quick:
        from desktop_app.core.storage.database import has_database

        created = isinstance(db_path, Path) and not has_database(db_path)
    first = first_run_language(lang, created=created, lang_given=lang_given)
    if screenshot is None and first != lang:
        from desktop_app.ui.app import install_translator

        lang = first
        install_translator(lang)
    lock = None
    if screenshot is None and isinstance(db_path, Path):  # one window per SQLite file
        from desktop_app.ui.startup import recover_if_damaged, take_window_lock

        assert splash is not None
        may_open, lock = take_window_lock(db_path, lang)
        thorough = lock is not None and lock.took_over
        if not may_open or not recover_if_damaged(
                db_path, lang, thorough=thorough,
                before_restore=first_read.release if first_read is not None else None):
            splash.done(None)
            if lock is not None:
                lock.release()
            return EXIT_REFUSED
    if first_read is not None:
        assert splash is not None and isinstance(db_path, Path)
        if not first_read.still_the_file():  # a damaged file replaced by its backup
            first_read.release()
            first_read = FirstRead(db_path)
        facts_years = first_read.facts()
        if facts_years is None:
            first_read.release()
            gc.enable()  # the full open follows: no quick first paint to wait for
        else:
            try:
                return _show_quick(db_path, lang, splash, first_read, *facts_years)
            finally:
                if lock is not None:
                    lock.release()
    from desktop_app.core.storage.database import Database, discard_if_not_set_up
    from desktop_app.ui.dialogs.server_password import open_server

    try:
        db = open_server(db_path) if isinstance(db_path, ServerLocation) else Database.open(
            db_path)  # a server: open_server asks for a password when libpq has none
    except BaseException:
        if splash is not None:
            splash.done(None)
        if lock is not None:
            lock.release()
        raise
    try:
        if demo:
            if splash is not None:
                splash.filling_demo()
            fill_demo_once(db)
        if screenshot is not None:
            return save_screenshot(db, lang, screenshot)
        assert splash is not None
        return _run(db, lang, splash)
    finally:
        db.close()
        if created and isinstance(db_path, Path):  # a quit first-run setup leaves no file
            discard_if_not_set_up(db_path)
        if lock is not None:
            lock.release()


def _settle(seconds: float = 0.3) -> None:
    """Let the window lay itself out and the pages load before it is drawn."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def save_screenshot(db: Database, lang: str, path: Path) -> int:
    """Render the main window as a user would see it, once its first page has read its
    data (SCREENSHOT_WAIT_S at most), and save it as a PNG."""
    from PySide6.QtCore import Qt

    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import SCREENSHOT_SIZE, MainWindow

    ctx = AppContext(db, lang)
    window = MainWindow(ctx)
    try:
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        window.resize(SCREENSHOT_SIZE)
        window.show()
        _settle()
        deadline = time.monotonic() + SCREENSHOT_WAIT_S  # a big database: its first page
        while (window.pages and not window.current_page().is_loaded()  # none: not set up
               and time.monotonic() < deadline):
            _settle(0.05)
        _settle(0.05)  # drawn with what it read
        picture = window.grab()
        saved = bool(path.parent.is_dir()) and picture.save(str(path), "PNG")
        dump = os.environ.get(DUMP_TEXTS_ENV)
        if saved and dump:
            Path(dump).write_text("".join(f"{line}\n" for line in visible_texts(window)),
                                  encoding="utf-8")
    finally:
        window.close()
        window.deleteLater()
        _settle(0.0)
    if not saved:
        _say_both("cli.screenshot_failed", lang, file=path)
        return EXIT_REFUSED
    return EXIT_OK


def visible_texts(window: object) -> list[str]:
    """The texts shown by the window's visible widgets, one a line, each once, in order.

    Accelerator ampersands and rich-text tags are taken out; empty texts are left out.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QGroupBox,
        QHeaderView,
        QLabel,
        QLineEdit,
        QListWidget,
        QMainWindow,
        QMenuBar,
        QStatusBar,
        QTabBar,
        QWidget,
    )

    assert isinstance(window, QMainWindow)
    found: list[str] = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        elif isinstance(widget, QLineEdit):
            found.append(widget.text() or widget.placeholderText())
        elif isinstance(widget, QComboBox):
            found.append(widget.currentText())
        elif isinstance(widget, QGroupBox):
            found.append(widget.title())
        elif isinstance(widget, QListWidget):  # the page list beside the pages
            found += [widget.item(i).text() for i in range(widget.count())
                      if not widget.item(i).isHidden()]
        elif isinstance(widget, QTabBar):
            found += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenuBar):
            found += [action.text() for action in widget.actions() if action.isVisible()]
        elif isinstance(widget, QStatusBar):
            found.append(widget.currentMessage())
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            found += [str(model.headerData(i, widget.orientation(),
                                           Qt.ItemDataRole.DisplayRole) or "")
                      for i in range(widget.count()) if not widget.isSectionHidden(i)]
    lines: list[str] = []
    for shown in found:
        plain = _TAG.sub(" ", shown).replace("&&", "\0").replace("&", "").replace("\0", "&")
        for line in plain.splitlines():
            line = " ".join(line.split())
            if line and line not in lines:
                lines.append(line)
    return lines


def _run(db: Database, lang: str, splash: Splash) -> int:
    from desktop_app.core.services.periods import period_facts

    if period_facts(db, date.today().year).role is None:  # not the counts of status()
        from PySide6.QtWidgets import QDialog

        from desktop_app.core.preferences import LANGUAGE, save_preference
        from desktop_app.ui.dialogs.setup_dialog import SetupDialog

        splash.done(None)
        dialog = SetupDialog(db, lang)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return EXIT_OK
        lang = dialog.lang
        save_preference(LANGUAGE, lang)
        if dialog.server_db is not None:  # the focal point chose a shared database
            try:
                return _show(dialog.server_db, lang, splash)
            finally:
                dialog.server_db.close()
    return _show(db, lang, splash)


def _read_first_page_early(db: Database) -> None:
    """The first page's read (the overview of the period the window opens on) begins on
    a worker now, while the window is imported and made (ui/loading.py read_early)."""
    from desktop_app.core.services.activities import choices
    from desktop_app.core.services.overview import overview
    from desktop_app.ui.context import year_shown
    from desktop_app.ui.loading import FIRST_OVERVIEW, read_early

    year = date.today().year  # as AppContext starts

    def read() -> object:
        years = [y for y, _due in choices(db).periods]
        return overview(db, year_shown(years, year))

    read_early(FIRST_OVERVIEW, read)


def _show(db: Database, lang: str, splash: Splash) -> int:
    splash.preparing()
    from desktop_app.core.storage.window_lock import ChangeWatch, is_file_database

    # the watch looks first before the first page's read: a commit between the two is told
    begun = (ChangeWatch(db.path) if db.server is None and is_file_database(db.path)
             else None)
    _read_first_page_early(db)
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.loading import forget_early, wait_for_reads

    try:
        return _open_window(AppContext(db, lang), splash, begun)
    finally:
        forget_early()
        wait_for_reads()  # the database closes next


def _show_quick(db_path: Path, lang: str, splash: Splash, first_read: FirstRead,
                facts: PeriodFacts, years: list[int]) -> int:
    """The window drawn before its database is opened (see the module's docstring)."""
    splash.preparing()
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.loading import FIRST_OVERVIEW, forget_early, read_early, wait_for_reads

    def open_database() -> Database:
        from desktop_app.core.storage.database import Database

        return Database.open(db_path)

    def read_overview() -> object:  # the database's own read if sqlite3 could not
        from desktop_app.core.services.overview import overview

        return first_read.overview(lambda: overview(ctx.db, facts.year))

    ctx = AppContext.opening(open_database, lang, facts, years)
    ctx.year = facts.year  # the period the window opens on, as MainWindow would choose
    read_early(FIRST_OVERVIEW, read_overview)
    try:
        return _open_window(ctx, splash, first_read=first_read)
    finally:
        forget_early()
        wait_for_reads()  # the database closes next
        first_read.release()  # its watch, unless the window took it
        if ctx.is_open():
            ctx.db.close()


def _open_window(ctx: AppContext, splash: Splash, begun: ChangeWatch | None = None, *,
                 first_read: FirstRead | None = None) -> int:
    """begun, or first_read's watch: looked at first before the first reads."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.main_window import MainWindow

    if first_read is not None:
        begun = first_read.take_watch()
    try:
        window = MainWindow(ctx)
    except BaseException:
        if begun is not None:
            begun.close()
        raise
    if not ctx.is_open():  # drawn first; the database opened after (_open_after_paint)
        return _open_after_paint(ctx, window, splash, begun)
    from desktop_app.ui.db_watch import DatabaseWatch

    watch = DatabaseWatch(window, ctx, begun=begun)  # other programs' changes and locks
    gc.enable()  # (paused for a quick first paint whose database opened sooner)
    # What start-up made (Qt, SQLAlchemy, the models: ~100,000 objects) lives as long
    # as the program: out of the collector's sight, a full collection while 100,000
    # rows are read takes 20 ms instead of 200 ms of the GUI thread's time.
    gc.freeze()
    window.show()
    splash.done(window)
    window.offer_unsaved_drafts()
    try:
        return int(QApplication.exec())
    finally:
        watch.stop()


def _open_after_paint(ctx: AppContext, window: MainWindow, splash: Splash,
                      begun: ChangeWatch | None = None) -> int:
    """Show the window made from the sqlite3 reads, then open its database once the
    first page has been drawn (or sooner, when something asks for it): what today's
    start does before the window shows (the watch on other programs' changes, the offer
    of unsaved drafts, the collector's freeze) follows the open, and the other pages
    are made after it (MainWindow._make_rest). A database that will not open ends the
    program with its problem, as it would have before the window.

    The open runs on a thread of its own: importing SQLAlchemy, SQLModel and the models
    is ~0.6 s of CPU, which held the GUI thread in one turn of the event loop; on the
    thread the window keeps drawing and answering (the interpreter hands the GIL over
    every few milliseconds). Whatever asks for the database meanwhile waits for that
    open (AppContext.db). The same thread first imports the other pages' modules (an
    agency's: the quick way is an agency's only), which the pages made after the open
    would otherwise import on the GUI thread; with them come most of the database
    layer's modules."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    watches: list[DatabaseWatch] = []
    failed: list[BaseException] = []
    opening: list[threading.Thread] = []

    def opened() -> None:
        from desktop_app.ui.db_watch import DatabaseWatch

        watches.append(DatabaseWatch(window, ctx, begun=begun))
        gc.freeze()  # as _open_window does, now that SQLAlchemy and the models are in
        window.offer_unsaved_drafts()

    def open_database() -> None:
        from desktop_app.ui.pages.agency_set import import_page_modules

        try:
            # first: the pages made after the open, a turn each, then only make them
            # (a page's module imported on the GUI thread would wait for this one)
            import_page_modules()
            ctx.db  # noqa: B018  (opens it)
        except BaseException as error:  # noqa: BLE001  (raised again after the loop)
            failed.append(error)
            QApplication.exit(EXIT_REFUSED)  # thread-safe

    def open_now() -> None:
        gc.enable()  # paused since launch() began (_launch)
        opening.append(threading.Thread(target=open_database, name="database-open"))
        opening[0].start()

    ctx.database_opened.connect(opened, Qt.ConnectionType.QueuedConnection)
    window.after_first_paint(open_now)
    window.show()
    splash.done(window)
    try:
        code = int(QApplication.exec())
    finally:
        for thread in opening:
            thread.join()  # the database closes next: not while it is being opened
        for watch in watches:
            watch.stop()
        if not watches and begun is not None:  # the database never opened
            begun.close()
    if failed:
        window.hide()
        raise failed[0]
    return code
