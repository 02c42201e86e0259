"""The main window's commands for both roles and the agency's: catalog, periods, export.

`WindowCommands` is mixed into `MainWindow` (main_window.py): installing a catalog
update, the focal point's periods and due dates, the agency's report settings and
export, carrying unfinished activities into the next period (a Job on a worker), and
About. Each goes through a core service and says what happened in a message box.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

import desktop_app  # its __version__ asked for in About only (importlib.metadata)
from desktop_app.core.problems import NapError
from desktop_app.core.progress import Job, Progress
from desktop_app.ui.commands.worker import JobRunner, run_job
from desktop_app.ui.dialogs import message_box

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from desktop_app.ui.context import AppContext

    class _Base(QMainWindow):
        """What the mixin uses of MainWindow and WindowActions."""

        def set_period(self, year: int) -> None: ...
        def _years(self) -> list[int]: ...
        def _fill_period_combo(self) -> None: ...
else:
    _Base = object

# The refusals of a catalog update that a person may overrule deliberately (a broken
# signature may not be: it is a forgery or a damaged file).
CATALOG_KEY_REFUSALS = frozenset({"catalog.other_key", "catalog.unsigned",
                                  "catalog.unsigned_pinned"})


class WindowCommands(_Base):
    """What the File, Edit and Settings menus' entries do (a mixin of MainWindow)."""

    ctx: AppContext
    years: list[int]
    runners: list[JobRunner]

    def install_catalog(self) -> None:
        """Install the focal point's catalog update (new periods, tasks, due dates)."""
        from desktop_app.core.services.catalog import install_catalog_file
        from desktop_app.ui.dialogs.file_dialogs import catalog_file_dialog

        dialog = catalog_file_dialog(self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
                return
            path = Path(dialog.selectedFiles()[0])
        finally:
            dialog.deleteLater()
        try:
            try:
                change = install_catalog_file(self.ctx.db, path)
            except NapError as error:
                if not self._accept_catalog_key(error):
                    raise
                change = install_catalog_file(self.ctx.db, path, accept_new_key=True)
        except NapError as error:
            message_box.show_error(self, self.tr("Catalog update not installed"), error,
                                   self.ctx.lang)
            return
        if change.applied:
            text = (self.tr("Catalog version %1 is installed (it was %2).")
                    .replace("%1", str(change.version))
                    .replace("%2", str(change.previous_version or "-")))
            self._reload_periods()
            self.ctx.data_changed.emit()
        else:
            text = (self.tr("This catalog (version %1) is not newer than the one installed "
                            "(version %2); nothing was changed.")
                    .replace("%1", str(change.version))
                    .replace("%2", str(change.previous_version or "-")))
        message_box.inform(self, self.tr("Catalog update"), text, self.tr("Close"))

    def _accept_catalog_key(self, error: NapError) -> bool:
        """An update signed by another key, or unsigned (issue 9 item 6): install it only
        after a deliberate confirmation, as `catalog import --accept-new-key` does."""
        if not error.problems or error.problems[0].code not in CATALOG_KEY_REFUSALS:
            return False
        text = self.tr(
            "This catalog update is not signed by the focal point's key pinned here. "
            "Install it only if you are sure the Ministry of Justice sent it (compare the "
            "key's fingerprint with the one the Ministry gave you by telephone or letter). "
            "A signed update's key then replaces the pinned one; the audit log records "
            "the acceptance.")
        words = "\n\n".join(message_box.error_lines(error, self.ctx.lang))
        return message_box.ask(self, self.tr("Accept a catalog update with another key"),
                               f"{text}\n\n{words}", self.tr("Install"), self.tr("Cancel"))

    def open_due_dates(self) -> None:
        from desktop_app.ui.dialogs.due_dates_dialog import DueDatesDialog

        dialog = DueDatesDialog(self.ctx, self)
        dialog.exec()
        dialog.deleteLater()
        self._reload_periods()

    def _reload_periods(self) -> None:
        """A catalog update may bring new periods: offer them in the selector."""
        self.years = self._years()
        self._fill_period_combo()

    def open_report_settings(self) -> None:
        """The PDF report's document number, signer and recipients (Decree 30 header)."""
        from desktop_app.ui.dialogs.report_settings_dialog import ReportSettingsDialog

        ReportSettingsDialog(self.ctx.db, self.ctx.lang, self).exec()

    def open_export(self) -> None:
        from desktop_app.ui.dialogs import export_dialog

        export_dialog.open_export(self.ctx, self)

    def about(self) -> None:
        message_box.inform(self, self.tr("About NAP Reporter"), self.tr(
            "NAP Reporter %1\n\n"
            "Reporting on the implementation of Viet Nam's National Action Plans for the "
            "International Covenant on Civil and Political Rights (ICCPR) and the "
            "recommendations of the UN Human Rights Committee.\n\n"
            "Works offline; submissions travel as files.").replace("%1", desktop_app.__version__),
            self.tr("Close"))

    # --- carrying unfinished activities into the next period ---------------------------

    def carry_over(self) -> None:
        from desktop_app.core.services import activities  # the models: not at start-up

        db, year, target = self.ctx.db, self.ctx.year, self.ctx.year + 1
        title = self.tr("Carry unfinished activities to next period")
        if target not in self.years:
            message_box.inform(self, title, self.tr("There is no period %1 in the catalog yet.")
                               .replace("%1", str(target)), self.tr("Close"))
            return
        try:
            count = activities.carry_over_count(db, year, target)
        except NapError as error:
            message_box.show_error(self, title, error, self.ctx.lang)
            return
        if count.unfinished == 0:
            message_box.inform(self, title, self.tr("There are no unfinished activities in %1.")
                               .replace("%1", str(year)), self.tr("Close"))
            return
        if count.to_carry == 0:
            message_box.inform(self, title, self.tr(
                "Every unfinished activity of %1 has already been carried into %2.")
                .replace("%1", str(year)).replace("%2", str(target)), self.tr("Close"))
            return
        unfinished = count.to_carry
        # QCoreApplication.translate, not self.tr: in a mixin, tr() with a count looks in
        # MainWindow's context only, and the count's forms are in this module's.
        question = QCoreApplication.translate(
            "WindowCommands",
            "Copy the %n unfinished activities (planned, in progress or postponed) of %1 "
            "into %2?\n\nTheir indicators come along without results. Activities carried "
            "over before are not copied again.", "", unfinished)
        question = question.replace("%1", str(year)).replace("%2", str(target))
        if not message_box.ask(self, title, question, self.tr("Carry over"),
                               self.tr("Cancel")):
            return

        def job() -> Job[int]:
            yield Progress(0, 1, "carry_over")
            count = activities.carry_over(db, year, target)
            yield Progress(1, 1, "carry_over")
            return count

        runner = run_job(self, job, title)
        self.runners.append(runner)
        runner.succeeded.connect(lambda count: self._carried(int(count), year, target))
        runner.finished.connect(lambda: self.runners.remove(runner))

    def _carried(self, count: int, year: int, target: int) -> None:
        self.ctx.data_changed.emit()
        title = self.tr("Carry unfinished activities to next period")
        done = QCoreApplication.translate(
            "WindowCommands", "%n activities were carried from %1 into %2.", "", count)
        if message_box.ask(self, title, done.replace("%1", str(year)).replace("%2", str(target)),
                           self.tr("Open %1").replace("%1", str(target)),
                           self.tr("Stay on %1").replace("%1", str(year))):
            self.set_period(target)
