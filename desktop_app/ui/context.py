"""What every part of the window shares: the database, the language, the period.

Views listen to one signal, data_changed, and reload from the services when it
fires; nothing in the UI keeps its own copy of the truth.

At start-up the window may be drawn before its database is opened (`launch.py`: the
first page read with sqlite3 alone, before SQLAlchemy and the models are imported,
issue 11): such a context is made with `opening` and opens the database the first time
anything asks for `db` (the launcher asks right after the first paint), then says so
with `database_opened`. Nothing waits for it that did not need it, and nothing that
needs it is lost: the asking code waits for the open instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

# The period the window opens on (the rule is the core's: the first read uses it before Qt).
from desktop_app.core.services.period_facts import year_shown as year_shown

if TYPE_CHECKING:
    from desktop_app.core.services.period_facts import PeriodFacts
    from desktop_app.core.storage.database import Database


class AppContext(QObject):
    data_changed = Signal()
    period_changed = Signal(int)
    language_changed = Signal(str)
    database_opened = Signal()  # a context made by `opening`: its database is open now

    def __init__(self, db: Database | None, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._open: Callable[[], Database] | None = None
        self._opening = threading.RLock()
        self.lang = lang
        self.year = date.today().year
        # Read with sqlite3 before the database was opened (`opening`): the period's
        # facts and the catalog's years, for the window's first paint only.
        self.first_facts: PeriodFacts | None = None
        self.first_years: list[int] = []

    @classmethod
    def opening(cls, open_database: Callable[[], Database], lang: str, facts: PeriodFacts,
                years: list[int]) -> AppContext:
        """A context whose database open_database() opens when it is first needed."""
        ctx = cls(None, lang)
        ctx._open = open_database
        ctx.first_facts, ctx.first_years = facts, years
        return ctx

    @property
    def db(self) -> Database:
        if self._db is None:
            with self._opening:
                if self._db is None:
                    if self._open is None:
                        raise RuntimeError("the context has no database")
                    self._db = self._open()
                    self._open = None
                    self.first_facts = None
                    self.database_opened.emit()
        return self._db

    @db.setter
    def db(self, db: Database) -> None:
        self._db = db

    def is_open(self) -> bool:
        """Whether the database is open (always, unless made by `opening`)."""
        return self._db is not None

    def read_only(self) -> bool:
        """Whether the database may only be read (a viewer's role on a server); a
        database not opened yet is a local file (`opening`), which may be written."""
        return self._db is not None and self._db.read_only

    def on_server(self) -> bool:
        """Whether the database is on a PostgreSQL server (never one not opened yet)."""
        return self._db is not None and self._db.server is not None

    def set_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.period_changed.emit(year)

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.language_changed.emit(lang)
