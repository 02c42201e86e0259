"""What every part of the window shares: the database, the language, the period.

Views listen to one signal, data_changed, and reload from the services when it
fires; nothing in the UI keeps its own copy of the truth.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QObject, Signal

from desktop_app.core.storage.database import Database


def year_shown(years: Sequence[int], year: int) -> int:
    """The period the window opens on: year when it is one of years (sorted), else the
    latest before it, else the first; year itself when there are none."""
    if not years or year in years:
        return year
    past = [y for y in years if y <= year]
    return past[-1] if past else years[0]


class AppContext(QObject):
    data_changed = Signal()
    period_changed = Signal(int)
    language_changed = Signal(str)

    def __init__(self, db: Database, lang: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.year = date.today().year

    def set_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.period_changed.emit(year)

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.language_changed.emit(lang)
