"""The focal point's commands in the main window: import submissions, the national report.

`FocalCommands` is mixed into `MainWindow` (main_window.py). Importing goes through
the import dialog's `ImportCommands` (files, a folder, files dropped on the window,
undo of the last import); the national report of the period is saved as a workbook or
a PDF on a worker (`run_job`), with a progress dialog and Cancel, and once written
offers to open its folder (file_commands.offer_folder, as the export dialog does). The report's
writers (openpyxl, reportlab: a second of start-up) are imported when a report is asked
for, not when the window opens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QDragEnterEvent, QDropEvent

from desktop_app.core.progress import Job
from desktop_app.ui.commands import file_commands
from desktop_app.ui.commands.worker import JobRunner, run_job
from desktop_app.ui.dialogs import message_box

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from desktop_app.core.storage.database import Database
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.dialogs.import_dialog import ImportCommands

    _Base = QMainWindow
else:
    _Base = object

NationalExport = Callable[["Database", int, Path], Job[Path]]


def national_export(fmt: str) -> NationalExport:
    """The national report's writer for "xlsx" or "pdf"."""
    from desktop_app.core.services.national_report import (
        export_national_pdf,
        export_national_xlsx,
    )

    return export_national_xlsx if fmt == "xlsx" else export_national_pdf


class FocalCommands(_Base):
    """What the focal point's menu entries and drops do (a mixin of MainWindow)."""

    ctx: AppContext
    focal: bool
    runners: list[JobRunner]
    _import_commands: ImportCommands | None

    def import_commands(self) -> ImportCommands:
        from desktop_app.ui.dialogs.import_dialog import ImportCommands

        if self._import_commands is None:
            self._import_commands = ImportCommands(self, self.ctx)
        return self._import_commands

    def open_import(self, paths: list[Path]) -> None:
        self.import_commands().open_import(paths)

    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.focal and not self.ctx.db.read_only and self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = (self._dropped_paths(event) if self.focal and not self.ctx.db.read_only
                 else [])
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_import(paths)

    def national_report(self) -> None:
        """The national consolidated report of the period, as a workbook or a PDF."""
        title = self.tr("National report")
        year = self.ctx.year
        answer = message_box.choose(self, title, self.tr(
            "The national consolidated report for %1: summary, reporting status, areas, "
            "recommendations by source (the cycle in force first), assessments and an annex "
            "of activities by agency. In which format?").replace("%1", str(year)),
            [self.tr("Excel workbook (.xlsx)"), self.tr("PDF document (.pdf)"),
             self.tr("Cancel")])
        if answer not in (0, 1):
            return
        fmt = ("xlsx", "pdf")[answer]
        export = national_export(fmt)
        filters = {"xlsx": self.tr("Excel workbooks (*.xlsx)"),
                   "pdf": self.tr("PDF documents (*.pdf)")}
        path = self.import_commands().pick_save_path(
            title, self.tr("National_report_%1").replace("%1", str(year)) + f".{fmt}",
            filters[fmt], f".{fmt}")
        if path is None:
            return
        db = self.ctx.db
        runner = run_job(self, lambda: export(db, year, path), title)
        self.runners.append(runner)
        runner.succeeded.connect(lambda written: self._report_written(
            title, Path(written or path)))
        runner.finished.connect(lambda: self.runners.remove(runner))

    def _report_written(self, title: str, written: Path) -> None:
        """Say where the report is; "Open folder" shows the folder that holds it."""
        file_commands.offer_folder(self, title, self.tr(
            "The national report was saved:\n%1").replace("%1", str(written)), written)

    def reminder_list(self) -> None:
        """The period's agencies that have not reported, with their contacts, as a
        workbook that prints on A4 (services/contacts.py)."""
        from desktop_app.core.services.contacts import export_reminders

        title = self.tr("Reminder list")
        year = self.ctx.year
        path = self.import_commands().pick_save_path(
            title, self.tr("Reminders_%1").replace("%1", str(year)) + ".xlsx",
            self.tr("Excel workbooks (*.xlsx)"), ".xlsx")
        if path is None:
            return
        db = self.ctx.db
        runner = run_job(self, lambda: export_reminders(db, year, path), title)
        self.runners.append(runner)
        runner.succeeded.connect(lambda written: message_box.inform(
            self, title, self.tr("The reminder list was saved:\n%1")
            .replace("%1", str(written or path)), self.tr("Close")))
        runner.finished.connect(lambda: self.runners.remove(runner))
