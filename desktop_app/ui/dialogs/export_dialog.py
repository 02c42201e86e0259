"""The export dialog: a period's submission as Excel and/or PDF, into a folder, for e-mail.

The file names come from the core (agency code, period, version) so that the
focal point sees the same names in every mailbox. The version an export would make is
worked out on a worker (it hashes the whole period: a few seconds at 20,000 activities),
while the dialog is already shown and answering; Export waits for it. The export runs
as core jobs through worker.run_job (progress and Cancel); afterwards the dialog says
where the files are and offers to open the folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.exchange.submission import PreparedSubmission
from desktop_app.core.preferences import load_preferences, save_preference
from desktop_app.core.problems import NapError
from desktop_app.core.progress import Job
from desktop_app.core.services import activities
from desktop_app.core.services.periods import period_facts
from desktop_app.ui.commands.worker import JobRunner, run_job
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.dialogs.file_dialogs import own_file_dialog
from desktop_app.ui.loading import Reader
from desktop_app.ui.retranslating import Retranslating

EXPORT_FOLDER = "export_folder"  # preference: the folder chosen last time
FORMATS = ("xlsx", "pdf")

Exporter = Callable[[Any, int, Path], Job[PreparedSubmission]]


def exporter(fmt: str) -> Exporter:
    """The core job that writes one format (looked up late so tests can replace it)."""
    if fmt == "xlsx":
        from desktop_app.core.services.submissions import export_xlsx

        return export_xlsx
    from desktop_app.core.services.agency_report import export_pdf

    return export_pdf


def default_folder() -> str:
    saved = load_preferences().get(EXPORT_FOLDER)
    if isinstance(saved, str) and Path(saved).is_dir():
        return saved
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


class ExportDialog(Retranslating, QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("exportDialog")
        self.setMinimumWidth(560)
        self.runner: JobRunner | None = None
        self.written: list[Path] = []
        facts = period_facts(ctx.db, ctx.year)
        self.agency_code = facts.agency_code or ""
        self.version: int | None = None
        self.new_version = True
        self.previewed_year: int | None = None
        self.problem = ""
        self.version_reader = Reader(self)
        self.version_reader.done.connect(self._version_read)
        self.version_reader.failed.connect(self._version_refused)

        self.period_combo = QComboBox()
        years = [year for year, _due in activities.choices(ctx.db).periods]
        for year in years:
            self.period_combo.addItem(str(year), year)
        if ctx.year in years:
            self.period_combo.setCurrentIndex(years.index(ctx.year))
        self.xlsx_check = QCheckBox()
        self.pdf_check = QCheckBox()
        for box in (self.xlsx_check, self.pdf_check):
            box.setChecked(True)
        formats = QHBoxLayout()
        formats.addWidget(self.xlsx_check)
        formats.addWidget(self.pdf_check)
        formats.addStretch(1)
        self.folder_edit = QLineEdit(default_folder())
        self.browse_button = QPushButton()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.browse_button)
        self.names_label = QLabel()
        self.names_label.setObjectName("fileNames")
        self.names_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.version_label = QLabel()
        self.version_label.setWordWrap(True)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #a33;")

        self.form = QWidget()
        self.form_layout = QFormLayout(self.form)
        self.form_layout.setContentsMargins(0, 0, 0, 0)
        self.period_label = QLabel()
        self.period_label.setBuddy(self.period_combo)
        self.formats_label = QLabel()
        self.folder_label = QLabel()
        self.folder_label.setBuddy(self.folder_edit)
        self.names_title = QLabel()
        self.form_layout.addRow(self.period_label, self.period_combo)
        self.form_layout.addRow(self.formats_label, formats)
        self.form_layout.addRow(self.folder_label, folder_row)
        self.form_layout.addRow(self.names_title, self.names_label)
        self.form_layout.addRow("", self.version_label)
        self.form_layout.addRow("", self.problem_label)

        self.done_page = QWidget()
        done_layout = QVBoxLayout(self.done_page)
        done_layout.setContentsMargins(0, 0, 0, 0)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        done_layout.addWidget(self.done_label)
        done_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(self.form)
        self.pages.addWidget(self.done_page)

        self.export_button = QPushButton()
        self.export_button.setDefault(True)
        self.open_button = QPushButton()
        self.open_button.hide()
        self.close_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addLayout(buttons)

        self.period_combo.currentIndexChanged.connect(lambda _i: self.update_preview())
        for box in (self.xlsx_check, self.pdf_check):
            box.toggled.connect(lambda _on: self.update_preview())
        self.folder_edit.textChanged.connect(lambda _t: self.update_preview())
        self.browse_button.clicked.connect(self.browse)
        self.export_button.clicked.connect(self.export)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        self.retranslate()

    # --- words ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export submission"))
        self.period_label.setText(self.tr("&Period:"))
        self.formats_label.setText(self.tr("Formats:"))
        self.xlsx_check.setText(self.tr("&Excel workbook (.xlsx)"))
        self.pdf_check.setText(self.tr("P&DF report (.pdf)"))
        self.folder_label.setText(self.tr("Save &in folder:"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.names_title.setText(self.tr("File names:"))
        self.export_button.setText(self.tr("E&xport"))
        self.open_button.setText(self.tr("&Open folder"))
        self.close_button.setText(self.tr("Close"))
        self.update_preview()

    # --- state ---------------------------------------------------------------------

    def year(self) -> int:
        year = self.period_combo.currentData()
        return int(year) if year is not None else self.ctx.year

    def formats(self) -> list[str]:
        return [fmt for fmt, box in zip(FORMATS, (self.xlsx_check, self.pdf_check), strict=True)
                if box.isChecked()]

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    def file_names(self) -> list[str]:
        from desktop_app.core.services.submissions import suggested_file_name

        if self.version is None:
            return []
        return [suggested_file_name(self.agency_code, self.year(), self.version, fmt)
                for fmt in self.formats()]

    def targets(self) -> list[tuple[str, Path]]:
        folder, names = self.folder(), self.file_names()
        if not names:  # the version is not known yet, or cannot be
            return []
        return [(fmt, folder / name) for fmt, name in zip(self.formats(), names, strict=True)]

    def reading_version(self) -> bool:
        return self.version_reader.busy()

    def version_known(self) -> bool:
        """The preview has its answer: a version, or the problem that stops an export."""
        return not self.reading_version()

    def _read_version(self) -> None:
        """Work out on a worker the version an export would make now (it reads the
        period's data: not per keystroke); the preview says so until it is known."""
        from desktop_app.core.services.submissions import preview_submission

        db = self.ctx.db
        self.problem = ""
        self.version = None
        self.previewed_year = year = self.year()
        self.version_reader.start(lambda: preview_submission(db, year))

    def _version_read(self, prepared: PreparedSubmission) -> None:
        self.version, self.new_version = prepared.meta.version, prepared.new_version
        self.update_preview()

    def _version_refused(self, error: object) -> None:
        if not isinstance(error, NapError):
            raise error if isinstance(error, BaseException) else RuntimeError(error)
        self.version = None
        self.problem = "\n".join(message_box.error_lines(error, self.ctx.lang)[:1])
        self.update_preview()

    def update_preview(self, *, reread: bool = False) -> None:
        if reread or self.previewed_year != self.year():
            self._read_version()
        self.problem_label.setText(self.problem)
        names = self.file_names()
        self.names_label.setText(
            "\n".join(names) if names else "…" if self.reading_version() else "—")
        if self.reading_version():
            self.version_label.setText(self.tr("Working out the version of the files…"))
        elif self.version is None:
            self.version_label.clear()
        elif self.new_version:
            self.version_label.setText(self.tr(
                "Version %1: a new version, since the data changed after the last export.")
                .replace("%1", str(self.version)) if self.version > 1 else self.tr(
                "Version 1: the first export of this period."))
        else:
            self.version_label.setText(self.tr(
                "Version %1 again: nothing changed since it was exported.")
                .replace("%1", str(self.version)))
        folder_ok = bool(self.folder_edit.text().strip())
        self.export_button.setEnabled(bool(names) and folder_ok and self.runner is None)

    # --- actions -------------------------------------------------------------------

    def folder_dialog(self) -> QFileDialog:
        dialog = own_file_dialog(self, self.tr("Choose the folder for the files"),
                                 self.folder(), QFileDialog.FileMode.Directory,
                                 self.tr("Folder:"), self.tr("Choose"))
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setViewMode(QFileDialog.ViewMode.List)
        dialog.setNameFilter(self.tr("Folders"))
        return dialog

    def browse(self) -> None:
        dialog = self.folder_dialog()
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles():
            self.folder_edit.setText(dialog.selectedFiles()[0])

    def export(self) -> None:
        targets = self.targets()
        if not targets or self.runner is not None:
            return
        db, year = self.ctx.db, self.year()
        save_preference(EXPORT_FOLDER, str(self.folder()))

        def job() -> Job[list[Path]]:
            written = []
            for fmt, path in targets:
                yield from exporter(fmt)(db, year, path)
                written.append(path)
            return written

        self.export_button.setEnabled(False)
        self.runner = run_job(self, job, self.tr("Exporting the submission"))
        self.runner.succeeded.connect(self._exported)
        self.runner.finished.connect(self._ended)

    def _ended(self) -> None:
        runner, self.runner = self.runner, None
        if runner is not None and runner.error is not None:
            self.ctx.data_changed.emit()  # a first format may have been written
        self.update_preview(reread=True)

    def _exported(self, written: list[Path]) -> None:
        self.written = list(written)
        self.ctx.data_changed.emit()
        folder = self.folder()
        names = "\n".join(f"  • {path.name}" for path in self.written)
        self.done_label.setText(
            self.tr("The submission for %1 was saved in the folder\n%2\n\n%3\n\n"
                    "Attach the files to your e-mail to the focal point.")
            .replace("%1", str(self.year())).replace("%2", str(folder)).replace("%3", names))
        self.pages.setCurrentWidget(self.done_page)
        self.export_button.hide()
        self.open_button.show()
        self.open_button.setDefault(True)
        self.open_button.setFocus()

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder())))

    def reject(self) -> None:
        if self.runner is not None:
            self.runner.cancel()  # the job ends on its own; the dialog stays until then
            return
        self.version_reader.stop()
        super().reject()


def open_export(ctx: AppContext, parent: QWidget | None) -> None:
    """Show the export dialog for the context's period, modal, until it closes."""
    dialog = ExportDialog(ctx, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
