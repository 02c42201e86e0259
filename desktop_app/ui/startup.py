"""The checks before the window opens its database: one window per database, and a way
back from a damaged one.

A second window on the same SQLite database is told who has it open (the lock file of
``core/storage/window_lock.py``) and does not open. A database that is not one, fails
SQLite's quick check or comes from a newer version gets a message offering the latest
good automatic backup (restored through the checked restore, the damaged file kept
beside it) or to quit — never a traceback. Messages go through ``message_box`` so tests
answer them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop_app.core.problems import NapError
from desktop_app.core.storage.health import (
    DISK_CODES,
    check_database,
    good_backups,
    restore_over_damaged,
)
from desktop_app.core.storage.window_lock import WindowLock, acquire
from desktop_app.messages import problem_text, text
from desktop_app.ui.dialogs import message_box


def _inform(lang: str, body: str) -> None:
    message_box.inform(None, text("window.cannot_open", lang), body, text("window.close", lang))


def take_window_lock(db_path: Path, lang: str) -> tuple[bool, WindowLock | None]:
    """(whether the window may open, the lock it holds: None for a server's database)."""
    try:
        return True, acquire(db_path)
    except NapError as error:
        _inform(lang, "\n".join(problem_text(p, lang) for p in error.problems))
        return False, None


def recover_if_damaged(db_path: Path, lang: str, *, thorough: bool = False,
                       before_restore: Callable[[], None] | None = None) -> bool:
    """Whether the database at db_path may be opened now: it is sound, or the person
    chose to restore its latest good backup and that worked. thorough: check every page
    (after a window that did not close cleanly). before_restore: called before the
    backup is put in the file's place (launch.py: the first read lets go of the file,
    which Windows will not replace while it is open)."""
    problem = check_database(db_path, thorough=thorough)
    if problem is None:
        return True
    words = problem_text(problem, lang)
    if problem.code in DISK_CODES:  # the file is sound: no backup is offered in its place
        _inform(lang, words)
        return False
    backups = good_backups(db_path)
    if not backups:
        _inform(lang, text("window.damaged_no_backup", lang, problem=words))
        return False
    answer = message_box.choose(
        None, text("window.cannot_open", lang),
        text("window.damaged_offer", lang, problem=words, backup=str(backups[0])),
        [text("window.restore_backup", lang), text("window.quit", lang)])
    if answer != 0:
        return False
    if before_restore is not None:
        before_restore()
    try:
        aside = restore_over_damaged(backups[0], db_path)
    except NapError as error:
        _inform(lang, "\n".join(problem_text(p, lang) for p in error.problems))
        return False
    message_box.inform(None, text("window.cannot_open", lang),
                       text("window.restored", lang, backup=str(backups[0]), aside=str(aside)),
                       text("window.close", lang))
    return True
