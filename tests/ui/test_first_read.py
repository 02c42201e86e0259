"""The first paint's reads begun on a thread of their own (ui/first_read.py, issue 11):
the facts, years and overview they give are the database's own; a file put in its
place (a damaged one restored from its backup) is told apart; a focal point, and a
year with no period, are left to the full open and its words."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.problems import UsageError
from desktop_app.core.progress import drive
from desktop_app.core.services import activities, demo
from desktop_app.core.services.overview import Overview, overview
from desktop_app.core.services.periods import period_facts
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from desktop_app.ui.first_read import FirstRead

YEAR = 2025


def _made(path: Path, role: Role, *, activities: int = 0, year: int = YEAR) -> Path:
    db = Database.open(path)
    try:
        initialise(db, role, "VLG" if role is Role.AGENCY else None)
        if activities:
            drive(demo.fill_demo(db, activities=activities, seed=3, period=year))
    finally:
        db.close()
    return path


def _never() -> Overview:
    raise AssertionError("read the quick way, not through the database")


@pytest.mark.parametrize("today", [date(YEAR, 11, 2), date(YEAR + 1, 3, 1), date(2040, 1, 1)])
def test_the_first_read_gives_the_databases_own_facts_and_overview(
        tmp_path: Path, today: date) -> None:
    path = _made(tmp_path / "agency.sqlite", Role.AGENCY, activities=60)
    first = FirstRead(path, today)
    found = first.facts()
    assert found is not None and first.still_the_file()
    facts, years = found
    db = Database.open(path, create=False)
    try:
        assert years == [y for y, _due in activities.choices(db).periods]
        assert facts == period_facts(db, facts.year)
        assert first.overview(_never) == overview(db, facts.year, today)
    finally:
        db.close()
    assert facts.year == (YEAR if today.year == YEAR else max(y for y in years
                                                               if y <= today.year))


def test_a_file_put_in_its_place_is_not_the_one_read(tmp_path: Path) -> None:
    path = _made(tmp_path / "agency.sqlite", Role.AGENCY, activities=5)
    first = FirstRead(path, date(YEAR, 6, 1))
    assert first.facts() is not None
    backup = shutil.copyfile(path, tmp_path / "backup.sqlite")
    Path(backup).replace(path)  # as restore_over_damaged puts the backup in place
    assert not first.still_the_file()
    assert FirstRead(path, date(YEAR, 6, 1)).still_the_file()


def test_a_focal_point_and_other_files_are_left_to_the_full_open(tmp_path: Path) -> None:
    focal = _made(tmp_path / "focal.sqlite", Role.FOCAL_POINT, activities=5)
    assert FirstRead(focal, date(YEAR, 6, 1)).facts() is None
    text = tmp_path / "notes.sqlite"
    text.write_text("not a database", encoding="utf-8")
    first = FirstRead(text, date(YEAR, 6, 1))
    assert first.facts() is None
    assert not FirstRead(tmp_path / "missing.sqlite").still_the_file()


def test_an_error_of_the_overview_is_the_databases_own(tmp_path: Path) -> None:
    path = _made(tmp_path / "agency.sqlite", Role.AGENCY)
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("DELETE FROM period")  # a catalog without periods: nothing to show
    first = FirstRead(path, date(1990, 1, 1))
    found = first.facts()
    assert found is not None
    with pytest.raises(UsageError) as refused:  # the database's own words, as before
        first.overview(_never)
    db = Database.open(path, create=False)
    try:
        with pytest.raises(UsageError) as full:
            overview(db, found[0].year, date(1990, 1, 1))
    finally:
        db.close()
    assert refused.value.problems == full.value.problems


def test_a_write_between_the_two_connections_reads_it_all_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The links are read on a second connection beside the first (two snapshots that
    are the same state unless another program commits between them): a write there
    makes the first read read everything again in one snapshot, never a torn overview."""
    from desktop_app.core.services import overview as overview_module

    path = _made(tmp_path / "agency.sqlite", Role.AGENCY, activities=40)
    real = overview_module.quick_links
    wrote: list[bool] = []

    def a_program_writes_first(connection: sqlite3.Connection, year: int) -> dict[int, int]:
        with closing(sqlite3.connect(path)) as other, other:
            other.execute("UPDATE activity SET status = 'completed' WHERE id = (SELECT min(id)"
                          " FROM activity WHERE status != 'completed')")
            other.execute("DELETE FROM activityrecommendation WHERE activity_id = (SELECT"
                          " min(activity_id) FROM activityrecommendation)")
        wrote.append(True)
        return real(connection, year)

    monkeypatch.setattr(overview_module, "quick_links", a_program_writes_first)
    today = date(YEAR, 11, 2)
    first = FirstRead(path, today)
    found = first.overview(_never)
    assert wrote == [True]
    db = Database.open(path, create=False)
    try:
        assert found == overview(db, YEAR, today)  # the state after the write, all of it
    finally:
        db.close()


def _another_program_commits(path: Path) -> None:
    with closing(sqlite3.connect(path)) as other, other:
        other.execute("UPDATE activity SET status = 'completed' WHERE id = (SELECT min(id)"
                      " FROM activity WHERE status != 'completed')")


def test_a_commit_after_the_first_read_reloads_the_window(qapp: object,
                                                           tmp_path: Path) -> None:
    """The window is drawn from the first read and its database opened a second or more
    later: a commit by another program in between reloads it (the watch looked first
    before the read's snapshot), never leaving the rows read before it as current."""
    from PySide6.QtWidgets import QMainWindow

    from desktop_app.ui.context import AppContext
    from desktop_app.ui.db_watch import DatabaseWatch

    path = _made(tmp_path / "agency.sqlite", Role.AGENCY, activities=30)
    today = date(YEAR, 11, 2)
    first = FirstRead(path, today)
    shown = first.overview(_never)
    _another_program_commits(path)  # before the window's database is open
    ctx = AppContext(Database.open(path, create=False), "en")
    window = QMainWindow()
    watch = DatabaseWatch(window, ctx, poll_ms=100_000, begun=first.take_watch())
    try:
        reloads: list[int] = []
        ctx.data_changed.connect(lambda: reloads.append(1))
        assert watch.check() and reloads == [1]  # a watch begun now saw nothing
        assert overview(ctx.db, YEAR, today) != shown  # what the reload reads is the truth
        assert not watch.check()
        assert first.take_watch() is None  # handed over once
    finally:
        watch.stop()
        ctx.db.close()
        window.deleteLater()


def test_a_read_the_window_does_not_use_keeps_no_watch(tmp_path: Path) -> None:
    focal = _made(tmp_path / "focal.sqlite", Role.FOCAL_POINT)
    first = FirstRead(focal)
    assert first.facts() is None and first.take_watch() is None
    agency = _made(tmp_path / "agency.sqlite", Role.AGENCY)
    first = FirstRead(agency)
    assert first.facts() is not None
    first.release()  # closed: a damaged file's backup may be put in its place
    assert first.take_watch() is None


def test_the_launched_window_watches_from_before_its_first_read(
        qapp: object, agency_db_path: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """launch() on the quick way: the DatabaseWatch made once the database is open is the
    first read's, and tells a commit made between the read and the open."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui import db_watch, launch

    monkeypatch.setenv("NAP_REPORTER_HOME", str(tmp_path / "home"))
    made: list[db_watch.DatabaseWatch] = []
    real_init = db_watch.DatabaseWatch.__init__

    def recorded(self: db_watch.DatabaseWatch, *args: object, **kwargs: object) -> None:
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]
        made.append(self)

    monkeypatch.setattr(db_watch.DatabaseWatch, "__init__", recorded)
    real_show = launch._show_quick  # noqa: SLF001

    def show_quick(db_path: Path, lang: str, splash: object, first: FirstRead,
                   *rest: object) -> int:
        first.wait()  # the first read is over: its snapshot is behind it
        _another_program_commits(db_path)
        return real_show(db_path, lang, splash, first, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(launch, "_show_quick", show_quick)
    seen: list[bool] = []

    def run_until_open() -> int:
        import time

        deadline = time.monotonic() + 60
        while not made and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        seen.append(bool(made) and (made[0].reloads > 0 or made[0].check()))
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(run_until_open))
    assert launch.launch(agency_db_path, lang="en", demo=False, screenshot=None,
                         lang_given=True) == 0
    assert seen == [True]
