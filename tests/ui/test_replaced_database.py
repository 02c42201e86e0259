"""A database file replaced or removed by another program while the window has it open
(a sync client renaming its copy into place, another program's restore): the window
keeps a copy of the file it had, with every change saved in it, says where, and closes
before anything more is written to a file nobody would read again (until 2 Dec 2026 it
went on writing there: its changes were lost without a word)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from sqlalchemy import text

from desktop_app.ui.context import AppContext
from desktop_app.ui.db_watch import DatabaseWatch
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
EDITED = "Đã sửa trong cửa sổ trước khi tệp bị thay"


def _warned(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(message_box, "warn",
                        lambda parent, title, body, close: said.append((title, body)))
    return said


def _kept(db: Path) -> list[Path]:
    return sorted(db.parent.glob(f"{db.stem}.replaced-*{db.suffix}"))


@pytest.mark.parametrize("how", ["replaced", "removed"])
def test_a_file_replaced_under_the_window_is_kept_and_the_window_closes(
        qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        how: str) -> None:
    window = MainWindow(ctx)  # deleted below, not by qtbot
    window.show()
    watch = DatabaseWatch(window, ctx, poll_ms=100_000)
    warned = _warned(monkeypatch)
    path = ctx.db.path
    try:
        assert not watch.check() and not warned
        with ctx.db.unit_of_work() as session:  # the window saves a change
            first = session.execute(text("SELECT min(id) FROM activity")).scalar_one()
            session.execute(text("UPDATE activity SET title = :t WHERE id = :i"),
                            {"t": EDITED, "i": first})
        ctx.data_changed.emit()
        assert not watch.check() and not warned  # its own change, the file still there
        if how == "replaced":
            other = tmp_path / "other.sqlite"
            with sqlite3.connect(other) as conn:
                conn.execute("CREATE TABLE note (a)")
            os.replace(other, path)
        else:
            path.unlink()

        assert not watch.check()
        kept = _kept(path)
        assert len(kept) == 1 and len(warned) == 1
        title, body = warned[0]
        assert title == "The database file was replaced"
        assert str(path) in body and str(kept[0]) in body
        with sqlite3.connect(kept[0]) as conn:  # every change the window saved
            assert conn.execute("SELECT title FROM activity WHERE id = ?",
                                (first,)).fetchone() == (EDITED,)
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert not window.isVisible()
        assert not watch.check() and len(warned) == 1  # said once; the watch stopped
    finally:
        watch.stop()
        # In the program the closed window ends it; here it would go on living until
        # the fixtures end, and redraw itself (its status from the file now in place)
        # when the test's translator goes.
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_file_changed_in_place_is_reloaded_not_taken_for_replaced(
        qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    watch = DatabaseWatch(window, ctx, poll_ms=100_000)
    warned = _warned(monkeypatch)
    try:
        with sqlite3.connect(ctx.db.path) as conn:  # another program's commit
            conn.execute("UPDATE activity SET title = title || '.' WHERE id = "
                         "(SELECT min(id) FROM activity)")
        assert watch.check()
        assert not warned and not _kept(ctx.db.path)
    finally:
        watch.stop()
