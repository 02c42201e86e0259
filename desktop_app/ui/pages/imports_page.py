"""The focal point's Imports page: the import log, and the import and undo commands.

The log lists every accepted and refused file with its time, agency, period, version,
outcome and hash (core ``import_log``). The buttons open the import dialog (files or
a folder; files and folders dropped on the window open it too) and undo the last
import as a whole.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core.domain.timefmt import local_text
from desktop_app.core.problems import NapError
from desktop_app.messages import problem_text
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs.import_dialog import (
    QUIET,
    ImportCommands,
    engine,
    engine_available,
    outcome_color,
    outcome_text,
)
from desktop_app.ui.pages.overview_page import Line, LinesModel, _table
from desktop_app.ui.pages.page import Page

LOG_LIMIT = 200

def format_moment(value: Any) -> str:
    if isinstance(value, datetime):
        return local_text(value, zone=False)
    return "" if value is None else str(value)


class ImportsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[Any] = []
        self.commands = ImportCommands(self, ctx)
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.files_button = QPushButton()
        self.folder_button = QPushButton()
        self.undo_button = QPushButton()
        self.log_model = LinesModel(8, right_aligned=(3, 4), parent=self)
        self.log_table = _table(self.log_model, stretch=6)
        self.log_table.setObjectName("importLog")
        buttons = QHBoxLayout()
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        layout.addWidget(self.log_table, 1)
        self.files_button.clicked.connect(self.commands.import_files)
        self.folder_button.clicked.connect(self.commands.import_folder)
        self.undo_button.clicked.connect(self.commands.undo_last_import)
        ctx.data_changed.connect(self._changed)
        ctx.language_changed.connect(self._changed)
        self.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Imported submissions"))
        self.files_button.setText(self.tr("Import &files…"))
        self.folder_button.setText(self.tr("Import a f&older…"))
        self.undo_button.setText(self.tr("&Undo last import"))
        self.log_model.set_headers([
            self.tr("Time"), self.tr("File"), self.tr("Agency"), self.tr("Period"),
            self.tr("Version"), self.tr("Outcome"), self.tr("Message"), self.tr("Hash")])
        self._show()

    def refresh(self) -> None:
        self._stale = False
        available = engine_available()
        for button in (self.files_button, self.folder_button, self.undo_button):
            button.setEnabled(available)
        self.rows = []
        message = ""
        if available:
            try:
                self.rows = list(engine().import_log(self.ctx.db, limit=LOG_LIMIT))
            except NapError as error:
                message = "\n".join(problem_text(p, self.ctx.lang) for p in error.problems)
        else:
            message = self.tr("Import is not available in this version yet.")
        self.error = message
        self._show()

    def _show(self) -> None:
        if getattr(self, "error", ""):
            self.hint.setText(self.error)
        elif not self.rows:
            self.hint.setText(self.tr(
                "Nothing imported yet. Choose files or a folder, or drop them on this "
                "window: each file is previewed before anything is written."))
        else:
            self.hint.setText(self.tr(
                "The last %n file(s) imported or refused, newest first. Files and folders "
                "dropped on this window are imported too.", "", len(self.rows)))
        lines = []
        for row in self.rows:
            outcome = outcome_text(row)
            if row.undone:
                outcome += " · " + self.tr("undone")
            tooltip = "\n".join(v for v in (row.file_name, row.message, row.file_sha256,
                                             row.batch_uuid) if v)
            lines.append(Line(
                (format_moment(row.imported_at), Path(row.file_name).name,
                 row.agency_code or "", "" if row.period is None else str(row.period),
                 "" if row.version is None else str(row.version), outcome, row.message,
                 row.file_sha256[:12]),
                tooltip=tooltip, color=QUIET if row.undone else outcome_color(row)))
        self.log_model.set_lines(lines)
