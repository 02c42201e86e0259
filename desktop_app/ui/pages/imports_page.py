"""The focal point's Imports page: the import log, and the import and undo commands.

The log lists every accepted and refused file with its time, agency, period, version,
outcome and hash (core ``import_log``). The buttons open the import dialog (files or
a folder; files and folders dropped on the window open it too) and undo the last
import as a whole. The message column takes the width left and wraps, so a refusal's
reason can be read; its full text is the tooltip, and Ctrl+C or the context menu's
"Copy" puts the selected rows' full text (whole file name, message and hash) on the
clipboard, one row a line, cells separated by tabs.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.domain.timefmt import local_text
from desktop_app.core.problems import NapError
from desktop_app.core.services import imports
from desktop_app.core.services.imports import ImportLogRow
from desktop_app.messages import problem_text
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs.import_dialog import ImportCommands
from desktop_app.ui.models.import_tables import (
    QUIET,
    outcome_color,
    outcome_text,
    rule_words,
    table_view,
)
from desktop_app.ui.pages.page import Page
from desktop_app.ui.read_only import ReadOnlyHint, disable
from desktop_app.ui.widgets.lines import Line, LinesModel
from desktop_app.ui.widgets.row_heights import RowsFittedInView

LOG_LIMIT = 200
MESSAGE = 6  # the log's message column


def format_moment(value: Any) -> str:
    if isinstance(value, datetime):
        return local_text(value, zone=False)
    return "" if value is None else str(value)


def log_message(row: ImportLogRow, lang: str) -> str:
    """What the log says of a file: its first problem in words (and how many more), or
    the words an earlier version of the program wrote."""
    if not row.problems:
        return row.message
    first = rule_words(row.problems[0], lang)
    more = max(row.problem_count, len(row.problems)) - 1
    return f"{first} (+{more})" if more > 0 else first


class ImportsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[ImportLogRow] = []
        self.error = ""
        self.commands = ImportCommands(self, ctx)
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.files_button = QPushButton()
        self.folder_button = QPushButton()
        self.undo_button = QPushButton()
        self.log_model = LinesModel(8, right_aligned=(3, 4), parent=self)
        self.log_table = table_view(self.log_model, stretch=MESSAGE)
        self.log_table.setObjectName("importLog")
        self.copy_texts: list[str] = []  # each row's full text, what Copy puts out
        self._readable_log()
        buttons = QHBoxLayout()
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        self.read_only_hint = ReadOnlyHint(ctx.db.read_only)  # a viewer imports nothing
        disable(ctx.db.read_only, (self.files_button, self.folder_button, self.undo_button))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.read_only_hint)
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

    def _readable_log(self) -> None:
        """The message wraps in the width left; several rows can be chosen and copied."""
        view = self.log_table
        view.setWordWrap(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.rows_fitted = RowsFittedInView(view)  # as they are shown: 200 rows are slow
        header = view.horizontalHeader()
        # the columns sized to the rows in view, not to all 200 (their texts are alike;
        # one cut short says all in its tooltip)
        header.setResizeContentsPrecision(0)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)  # long file names
        header.resizeSection(1, 220)
        self.copy_action = QAction(self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_selected)
        view.addAction(self.copy_action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def selected_text(self) -> str:
        """The selected rows' full text, in the log's order."""
        selection = self.log_table.selectionModel()
        rows = sorted({index.row() for index in selection.selectedIndexes()})
        return "\n".join(self.copy_texts[r] for r in rows if r < len(self.copy_texts))

    def copy_selected(self) -> None:
        text = self.selected_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Imported submissions"))
        self.files_button.setText(self.tr("Import &files…"))
        self.folder_button.setText(self.tr("Import a f&older…"))
        self.undo_button.setText(self.tr("&Undo last import"))
        self.copy_action.setText(self.tr("&Copy"))
        self.log_model.set_headers([
            self.tr("Time"), self.tr("File"), self.tr("Agency"), self.tr("Period"),
            self.tr("Version"), self.tr("Outcome"), self.tr("Message"), self.tr("Hash")])
        self._show()

    def refresh(self) -> None:
        self._stale = False
        self.rows = []
        message = ""
        try:
            self.rows = imports.import_log(self.ctx.db, limit=LOG_LIMIT)
        except NapError as error:
            message = "\n".join(problem_text(p, self.ctx.lang) for p in error.problems)
        self.error = message
        self._show()

    def _show(self) -> None:
        if self.error:
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
        copies = []
        for row in self.rows:
            outcome = outcome_text(row.outcome)
            if row.signed is False:  # issue 9: a submission no signature vouches for
                outcome += " · " + self.tr("unsigned")
            if row.undone:
                outcome += " · " + self.tr("undone")
            message = log_message(row, self.ctx.lang)
            tooltip = "\n".join(v for v in (row.file_name, message, row.key_fingerprint,
                                             row.file_sha256, row.batch_uuid) if v)
            cells = (format_moment(row.imported_at), Path(row.file_name).name,
                     row.agency_code or "", "" if row.period is None else str(row.period),
                     "" if row.version is None else str(row.version), outcome, message,
                     row.file_sha256[:12])
            lines.append(Line(cells, tooltip=tooltip,
                              color=QUIET if row.undone else outcome_color(row.outcome)))
            copies.append("\t".join((*cells[:1], row.file_name, *cells[2:7],
                                      row.file_sha256)).replace("\n", " "))
        self.copy_texts = copies
        self.log_model.set_lines(lines)
