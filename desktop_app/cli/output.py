"""What the command line prints: lines in the chosen language, bilingual refusals,
the progress bar, the busy-database notice, and the database the command works on.

Results go to standard output; refusals, warnings and the bar to standard error
(DESIGN.md's command-line contract).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop_app.core.paths import default_db_path, demo_db_path
from desktop_app.core.problems import NapError, UsageError
from desktop_app.core.progress import Progress
from desktop_app.core.storage.location import ServerLocation
from desktop_app.messages import bilingual, text


def say(lines: Sequence[str], stream: Any = None) -> None:
    stream = stream or sys.stdout
    for line in lines:
        print(line, file=stream)


def say_both(key: str, lang: str, stream: Any = None, **params: Any) -> None:
    """A refusal or a warning: the chosen language first, the other after."""
    say(bilingual(lambda lg: [text(key, lg, **params)], lang), stream)


def say_done(key: str, lang: str, **params: Any) -> None:
    say([text(key, lang, **params)])


class ProgressBar:
    """A progress bar on a terminal; silent when output is not a terminal."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self.last = -1

    def __call__(self, step: Progress) -> None:
        if not self.enabled or step.total <= 0:
            return
        percent = step.done * 100 // step.total
        if percent != self.last:
            self.last = percent
            filled = percent * 30 // 100
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {percent:3d}%")
            sys.stderr.flush()
            if step.done >= step.total:
                sys.stderr.write("\n")


class FilesDone:
    """A progress display that also counts the files an import has finished (each its own
    transaction, written or refused), as its steps say."""

    def __init__(self, shown: Callable[[Progress], None]) -> None:
        self.shown, self.files = shown, 0

    def __call__(self, step: Progress) -> None:
        if step.stage == "import":
            self.files = step.done
        self.shown(step)


PATH_ONLY = ("export", "template", "period", "backup", "restore")  # agency-side or file-level


def db_location(args: argparse.Namespace) -> Path | ServerLocation:
    """The database --db names: a file, or a PostgreSQL server (focal point)."""
    if isinstance(args.db, ServerLocation):
        return args.db
    return db_path(args)


def db_path(args: argparse.Namespace) -> Path:
    """The database file, for the commands that take a PATH only (a URL: exit 2)."""
    if isinstance(args.db, ServerLocation):
        if args.command in ("backup", "restore"):
            raise UsageError.of("db.server_backup", url=args.db.shown)
        raise UsageError.of("db.server_path_only", url=args.db.shown)
    if args.db is not None:
        return Path(args.db)
    return demo_db_path() if args.demo else default_db_path()


class BusyNotice:
    """Says once, on standard error, that a writer is waiting for the database."""

    def __init__(self, lang: str) -> None:
        self.lang, self.said = lang, False

    def __call__(self, seconds: float) -> None:
        if not self.said:
            self.said = True
            say_both("db.busy_waiting", self.lang, sys.stderr,
                      seconds=int(seconds) if float(seconds).is_integer() else seconds)
            sys.stderr.flush()


def open_database(args: argparse.Namespace, *, create: bool = False) -> Any:
    """The database named by --db; only init (create=True) may make a new one."""
    from desktop_app.core.storage.database import Database

    if args.command in PATH_ONLY:
        db_path(args)  # a URL is wrong usage for these: exit 2 before anything
    location = db_location(args)
    while True:
        try:
            return Database.open(location, create=create,
                                 notice=BusyNotice(args.message_lang))
        except NapError as error:
            password = _password_for(location, error)
            if password is None or not isinstance(location, ServerLocation):
                raise
            location = ServerLocation(location.url, password)


def _password_for(location: Path | ServerLocation, error: NapError) -> str | None:
    """On a terminal, the password a server asks for and libpq has not (never kept)."""
    if not isinstance(location, ServerLocation) or not sys.stdin.isatty():
        return None
    if not error.problems or error.problems[0].code != "db.password_needed":
        return None
    import getpass

    try:
        return getpass.getpass(f"{location.shown} password: ") or None
    except (EOFError, KeyboardInterrupt):
        return None
