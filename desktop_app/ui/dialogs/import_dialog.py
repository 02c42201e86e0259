"""The import dialog: submissions chosen or dropped, previewed per file, then imported.

Opening the dialog plans the import (core ``plan_import``, which writes nothing) on a
worker; the table shows what each file would do — agency (and the 2025 unit it rolls up
to), period, version, the outcome in words, rows added / changed / removed — and the
pane below lists the selected file's row-level problems. "Accept edited files" plans
again. When the preview has a file refused only for its signing key (another key than
the agency's pinned one: a new laptop, or an unsigned file over a signed agency), the
"Accept a new signing key" box shows; ticking it asks for a confirmation that names the
agency and both fingerprints, then plans again with accept_new_key. Import runs
``run_import`` through run_job (progress and Cancel: one transaction
per file, so a cancelled file leaves nothing) and then shows the summary; Cancel before
that writes nothing. Cancelling the check (its progress dialog's Cancel) says so and
shows "Check again", which plans once more. Everything shown comes from the service's
typed results (FilePlan, ImportSummary, UndoResult); the tables' models
are in ui/models/import_tables.py.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.problems import NapError
from desktop_app.core.services import imports
from desktop_app.core.services.agencies import AgencyDirectory
from desktop_app.core.services.imports import FilePlan, ImportSummary
from desktop_app.ui import numbers
from desktop_app.ui.commands.worker import JobRunner, run_job, show_error
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.dialogs.file_dialogs import own_file_dialog
from desktop_app.ui.models.import_tables import (
    PlanModel,
    ProblemModel,
    rule_words,
    table_view,
    would_write,
)


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Files as given, folders as the workbooks (.xlsx) directly inside them; no repeats."""
    found: dict[Path, None] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.iterdir(), key=lambda p: p.name.casefold()):
                if (child.is_file() and child.suffix.lower() == ".xlsx"
                        and not child.name.startswith(("~$", "."))):
                    found[child] = None
        else:
            found[path] = None
    return list(found)


# --- choosing files, in the program's language -----------------------------------------


def _documents() -> str:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


# --- the dialog ----------------------------------------------------------------------------


class ImportDialog(QDialog):
    def __init__(self, ctx: AppContext, paths: Iterable[Path | str],
                 parent: QWidget | None = None, *, plan_now: bool = True) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.paths = expand_paths(paths)
        self.setObjectName("importDialog")
        self.resize(1100, 680)
        self.plans: list[FilePlan] | None = None
        self.summary: ImportSummary | None = None
        self.runner: JobRunner | None = None
        self.check_cancelled = False  # the last check was cancelled: nothing to show
        self.unit_names = self._unit_names()

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.accept_edited = QCheckBox()
        self.accept_new_key = QCheckBox()
        self.accept_new_key.setObjectName("acceptNewKey")
        self.accept_new_key.setVisible(False)
        self.plan_model = PlanModel(self)
        self.plan_table = table_view(self.plan_model, PlanModel.OUTCOME)
        self.plan_table.setObjectName("importPreview")
        self.problem_model = ProblemModel(ctx.lang, self)
        self.problem_table = table_view(self.problem_model, ProblemModel.RULE)
        self.problem_table.setObjectName("importProblems")
        # its columns sized to the problems in view, not to thousands of them
        self.problem_table.horizontalHeader().setResizeContentsPrecision(0)
        self.problem_box = QGroupBox()
        QVBoxLayout(self.problem_box).addWidget(self.problem_table)
        self.totals = QLabel()
        self.totals.setObjectName("importTotals")
        self.totals.setWordWrap(True)
        self.save_problems_button = QPushButton()
        self.check_again_button = QPushButton()
        self.check_again_button.setObjectName("checkAgain")
        self.check_again_button.setVisible(False)
        self.import_button = QPushButton()
        self.import_button.setDefault(True)
        self.close_button = QPushButton()

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.plan_table)
        splitter.addWidget(self.problem_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_problems_button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_again_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.accept_edited)
        layout.addWidget(self.accept_new_key)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.totals)
        layout.addLayout(buttons)

        self.accept_edited.toggled.connect(lambda _on: self.plan())
        self.accept_new_key.toggled.connect(self._new_key_toggled)
        self.plan_table.selectionModel().selectionChanged.connect(
            lambda *_: self._show_problems())
        self.save_problems_button.clicked.connect(self.save_problems)
        self.check_again_button.clicked.connect(self.plan)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        self.retranslate()
        self._update_buttons()
        if plan_now:
            self.plan()

    # --- words ---------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import submissions"))
        self.accept_edited.setText(self.tr(
            "&Accept files edited after export (checked like a filled-in template and "
            "marked as edited)"))
        self.accept_new_key.setText(self.tr(
            "Accept a new &signing key (an agency's new computer, or an unsigned file over "
            "an agency whose files are signed)"))
        self.save_problems_button.setText(self.tr("Save &problems…"))
        self.check_again_button.setText(self.tr("Check &again"))
        self.import_button.setText(self.tr("&Import"))
        self.close_button.setText(self.tr("Close") if self.summary is not None
                                  else self.tr("Cancel"))
        self._show_intro()
        self._show_totals()
        self._show_problems()

    def _show_intro(self) -> None:
        if self.summary is not None:
            self.intro.setText(self.tr("The import is done. What happened to each file:"))
        elif self.plans is None and self.check_cancelled:
            self.intro.setText(self.tr(
                "The check of %n file(s) was cancelled; nothing was written. Press Check "
                "again to check them.", "", len(self.paths)))
        elif self.plans is None:
            self.intro.setText(self.tr("Checking %n file(s)…", "", len(self.paths)))
        else:
            self.intro.setText(self.tr(
                "Preview of %n file(s). Nothing has been written yet: check the outcome of "
                "each file, then press Import.", "", len(self.paths)))

    def _show_totals(self) -> None:
        if self.summary is not None:
            s = self.summary
            self.totals.setText(
                self.tr("Imported: %1 accepted, %2 refused, %3 unchanged.")
                .replace("%1", numbers.count(s.accepted))
                .replace("%2", numbers.count(s.refused))
                .replace("%3", numbers.count(s.unchanged)))
            return
        if not self.plans:
            self.totals.setText("" if self.plans is None
                                else self.tr("There is no file to import."))
            return
        writing = sum(1 for p in self.plans if would_write(p))
        problems = sum(len(p.problems) for p in self.plans)
        self.totals.setText(
            self.tr("%1 of %2 file(s) would be imported; %3 problem(s) found.")
            .replace("%1", numbers.count(writing))
            .replace("%2", numbers.count(len(self.plans)))
            .replace("%3", numbers.count(problems)))

    def _show_problems(self) -> None:
        plan = self.current_plan()
        if plan is None:
            self.problem_box.setTitle(self.tr("Problems"))
            self.problem_model.set_problems("", [])
            return
        name = Path(plan.path).name
        self.problem_box.setTitle(self.tr("Problems in %1 (%2)").replace("%1", name)
                                  .replace("%2", numbers.count(len(plan.problems))))
        self.problem_model.set_problems(str(plan.path), plan.problems)

    def _update_buttons(self) -> None:
        busy = self.runner is not None
        done = self.summary is not None
        plans = self.plans or []
        self.import_button.setVisible(not done)
        self.check_again_button.setVisible(self.check_cancelled and not busy and not done)
        self.import_button.setEnabled(not busy and not done and any(would_write(p) for p in plans))
        self.accept_edited.setEnabled(not busy and not done)
        self.accept_new_key.setEnabled(not busy and not done)
        self.accept_new_key.setVisible(self.accept_new_key.isChecked()
                                       or any(p.needs_new_key for p in plans))
        self.save_problems_button.setEnabled(not busy and any(p.problems for p in plans))
        self.close_button.setEnabled(not busy or self.plans is None)

    def _unit_names(self) -> dict[str, str]:
        try:
            with self.ctx.db.reading() as session:
                directory = AgencyDirectory.from_session(session)
                return {code: (a.name_vi if self.ctx.lang == "vi" else a.name_en)
                        for code, a in directory.by_code.items()}
        except Exception:  # noqa: BLE001  (names are a nicety; codes still show)
            return {}

    def current_plan(self) -> FilePlan | None:
        selection = self.plan_table.selectionModel()
        rows = selection.selectedRows() if selection else []
        if not rows or not self.plan_model.plans:
            return None
        return self.plan_model.plans[rows[0].row()]

    # --- planning and importing -------------------------------------------------------

    def _run(self, factory: Callable[[], Generator[Any, None, Any]], title: str,
             done: Callable[[Any], None]) -> None:
        runner = run_job(self, factory, title)
        self.runner = runner
        runner.succeeded.connect(done)
        runner.finished.connect(self._job_finished)
        self._update_buttons()

    def _job_finished(self) -> None:
        self.runner = None
        self._update_buttons()

    def plan(self) -> None:
        """Plan again (writes nothing): on opening, and when "Accept edited" changes."""
        if self.runner is not None or self.summary is not None:
            return
        db, paths, accept = self.ctx.db, list(self.paths), self.accept_edited.isChecked()
        new_key = self.accept_new_key.isChecked()
        self.plans = None
        self.check_cancelled = False
        self._show_intro()
        self._show_totals()
        self._run(lambda: imports.plan_import(db, paths, accept_edited=accept,
                                              accept_new_key=new_key),
                  self.tr("Checking the files"), self._planned)
        if self.runner is not None:
            self.runner.cancelled.connect(self._check_was_cancelled)

    def _check_was_cancelled(self) -> None:
        """The check stopped before its end: say so; "Check again" plans once more."""
        self.check_cancelled = True
        self._show_intro()

    def _new_key_toggled(self, on: bool) -> None:
        """Ticked: confirm, naming each file's agency and both fingerprints; then plan."""
        if on and not self._confirm_new_keys():
            self.accept_new_key.blockSignals(True)
            self.accept_new_key.setChecked(False)
            self.accept_new_key.blockSignals(False)
            return
        self.plan()

    def _confirm_new_keys(self) -> bool:
        lines = []
        for plan in self.plans or []:
            if not plan.needs_new_key:
                continue
            found = plan.key_fingerprint if plan.signed or plan.key_fingerprint else ""
            lines.append(self.tr("%1 (%2): pinned key %3, this file: %4")
                         .replace("%1", Path(plan.path).name)
                         .replace("%2", plan.agency_code or "?")
                         .replace("%3", plan.pinned_fingerprint or "-")
                         .replace("%4", found or self.tr("not signed")))
        text = self.tr(
            "Accept these files although they are not signed by the key pinned for their "
            "agency? Do so only after comparing the new fingerprint with the one printed on "
            "the agency's signed letter. The pinned key will be replaced, and the audit log "
            "will record it.") + "\n\n" + "\n".join(lines)
        return message_box.ask(self, self.tr("Accept a new signing key"), text,
                               self.tr("Accept"), self.tr("Cancel"))

    def _planned(self, plans: list[FilePlan]) -> None:
        self.plans = list(plans)
        self._show_plans(self.plans)

    def _show_plans(self, plans: list[FilePlan]) -> None:
        self.plan_model.set_plans(plans, self.unit_names)
        if plans:
            first_problem = next((i for i, p in enumerate(plans) if p.problems), 0)
            self.plan_table.selectRow(first_problem)
        self._show_intro()
        self._show_totals()
        self._show_problems()
        self._update_buttons()

    def start_import(self) -> None:
        if self.runner is not None or self.summary is not None or not self.plans:
            return
        db, paths, accept = self.ctx.db, list(self.paths), self.accept_edited.isChecked()
        new_key = self.accept_new_key.isChecked()
        self._run(lambda: imports.run_import(db, paths, accept_edited=accept,
                                             accept_new_key=new_key),
                  self.tr("Importing the files"), self._imported)

    def _imported(self, summary: ImportSummary) -> None:
        self.summary = summary
        plans = list(summary.plans)
        self.plans = plans
        self.ctx.data_changed.emit()
        self.retranslate()
        self._show_plans(plans)

    def save_problems(self) -> None:
        plans = self.plans or []
        if not any(p.problems for p in plans):
            return
        path = ImportCommands(self, self.ctx).pick_save_path(
            self.tr("Save the problems as a workbook"), self.tr("problems.xlsx"),
            self.tr("Excel workbooks (*.xlsx)"), ".xlsx")
        if path is None:
            return
        title = self.tr("Save the problems as a workbook")
        try:
            imports.save_problems_workbook(plans, path, rule_words)
        except NapError as error:
            show_error(self, title, error, self.ctx.lang)
            return
        self._saved(path)

    def _saved(self, path: Path) -> None:
        self.totals.setText(self.tr("The problems were saved to %1").replace("%1", str(path)))

    # --- closing -----------------------------------------------------------------------

    def reject(self) -> None:
        """Cancel: stop a running check (it writes nothing) and close."""
        if self.runner is not None:
            if self.plans is not None or self.summary is not None:
                return  # an import is running: its own progress dialog cancels it
            self.runner.stop()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.runner is not None and self.plans is not None:
            event.ignore()
            return
        super().closeEvent(event)


# --- the commands (menu, Imports page, drops) ------------------------------------------


class ImportCommands(QObject):
    """Choosing files (in the program's own words), opening the dialog, undoing."""

    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent)
        self.widget = parent
        self.ctx = ctx

    def file_dialog(self, title: str, mode: QFileDialog.FileMode, name_label: str,
                    accept: str) -> QFileDialog:
        return own_file_dialog(self.widget, title, Path(_documents()), mode, name_label,
                               accept)

    def files_dialog(self) -> QFileDialog:
        dialog = self.file_dialog(self.tr("Choose the submissions to import"),
                                  QFileDialog.FileMode.ExistingFiles, self.tr("Files:"),
                                  self.tr("Choose"))
        dialog.setNameFilters([self.tr("Excel workbooks (*.xlsx)"), self.tr("All files (*)")])
        return dialog

    def folder_dialog(self) -> QFileDialog:
        dialog = self.file_dialog(self.tr("Choose a folder of submissions"),
                                  QFileDialog.FileMode.Directory, self.tr("Folder:"),
                                  self.tr("Choose"))
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.setNameFilter(self.tr("Folders"))
        return dialog

    def save_dialog(self, title: str, name: str, filter_text: str) -> QFileDialog:
        dialog = self.file_dialog(title, QFileDialog.FileMode.AnyFile, self.tr("File name:"),
                                  self.tr("Save"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(filter_text)
        dialog.selectFile(str(Path(_documents()) / name))
        return dialog

    def pick_files(self) -> list[Path]:
        dialog = self.files_dialog()
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return [Path(p) for p in dialog.selectedFiles()]
            return []
        finally:
            dialog.deleteLater()

    def pick_folder(self) -> Path | None:
        dialog = self.folder_dialog()
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selectedFiles():
                return Path(dialog.selectedFiles()[0])
            return None
        finally:
            dialog.deleteLater()

    def pick_save_path(self, title: str, name: str, filter_text: str,
                       suffix: str) -> Path | None:
        dialog = self.save_dialog(title, name, filter_text)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
                return None
            path = Path(dialog.selectedFiles()[0])
        finally:
            dialog.deleteLater()
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def open_import(self, paths: Iterable[Path | str]) -> ImportDialog | None:
        """Preview and import these files (folders: their workbooks); None if none is left."""
        expanded = expand_paths(paths)
        if not expanded:
            message_box.inform(self.widget, self.tr("Import submissions"),
                               self.tr("There is no workbook (.xlsx) to import there."),
                               self.tr("Close"))
            return None
        dialog = ImportDialog(self.ctx, expanded, self.widget)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
        return dialog

    def import_files(self) -> None:
        paths = self.pick_files()
        if paths:
            self.open_import(paths)

    def import_folder(self) -> None:
        folder = self.pick_folder()
        if folder is not None:
            self.open_import([folder])

    def undo_last_import(self) -> bool:
        """Ask, then undo the last import batch as a whole; True when something was undone."""
        title = self.tr("Undo last import")
        if not message_box.ask(self.widget, title, self.tr(
                "Undo the last import? Every file it imported is taken out again and the "
                "data is as it was before that import."),
                self.tr("Undo the import"), self.tr("Keep it")):
            return False
        try:
            result = imports.undo_last_import(self.ctx.db)
        except NapError as error:
            show_error(self.widget, title, error, self.ctx.lang)
            return False
        self.ctx.data_changed.emit()
        files = result.files
        message_box.inform(self.widget, title,
                           self.tr("The last import was undone (%n file(s)).", "", files),
                           self.tr("Close"))
        return True
