"""What every part of the window shares: the database, the language, the period.

Views listen to one signal, data_changed, and reload from the services when it
fires; nothing in the UI keeps its own copy of the truth.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from desktop_app.core.storage.database import Database


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
