"""Pictures of every page and dialog of both roles, in both languages, as a user sees them.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [docs/screenshots]

Makes its own demo databases (an agency, Sở Tư pháp Vĩnh Long, and the focal point,
filled as `nap-reporter --demo` fills them; plus an empty one for the first run),
opens the window of each role at 1366×768 (an old laptop's screen) and saves
`<lang>-<role>-<page-or-dialog>.png`: every page, and every dialog the menus and pages
open, Qt's own file dialogs (never native ones), message boxes, the progress dialog,
the line edit's context menu and the calendar popup included.

`tour()` is the walk itself: tests/ui/test_no_english.py runs it in the Vietnamese
window and reads every text it shows instead of saving pictures. A modal dialog is
shown, visited and rejected in place of its exec(), so every command runs as it does
for a person who looks at the dialog and closes it; a file dialog may instead be
answered with a file, to reach the next step (the confirmation of a restore).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from unittest import mock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if __name__ == "__main__":  # its own settings, not the person's
    os.environ.setdefault("NAP_REPORTER_HOME", tempfile.mkdtemp(prefix="nap-shots-"))
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import shiboken6  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QDateEdit,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from desktop_app.core.domain.enums import Role  # noqa: E402
from desktop_app.core.progress import Job, drive  # noqa: E402
from desktop_app.core.storage.database import Database  # noqa: E402
from desktop_app.ui.context import AppContext  # noqa: E402

SIZE = QSize(1366, 768)  # the window, and the most a dialog may take
# Dialogs whose text is in both languages on purpose (an error: the person's language
# first, then the other, so a helper abroad can read it too).
BILINGUAL = frozenset({"catalog-refused"})

Visit = Callable[[str, QWidget], None]


def settle(seconds: float = 0.05) -> None:
    """Let the widgets lay themselves out and the pages' reads arrive."""
    from desktop_app.ui.loading import wait_for_reads

    end = time.monotonic() + seconds
    while True:
        wait_for_reads()
        QApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if time.monotonic() >= end:
            break
        time.sleep(0.01)
    QApplication.processEvents()


@dataclass
class Capture:
    """Stands in for exec() of every modal dialog while a scene runs."""

    visit: Visit
    names: list[str]
    files: list[Path | None] = field(default_factory=list)  # answers to file dialogs
    seen: list[str] = field(default_factory=list)

    def next_name(self) -> str:
        base = self.names[min(len(self.seen), len(self.names) - 1)]
        name = base if base not in self.seen else f"{base}-{len(self.seen) + 1}"
        self.seen.append(name)
        return name

    def exec(self, dialog: QDialog) -> int:
        name = self.next_name()
        show(dialog)
        self.visit(name, dialog)
        answer = self.files.pop(0) if isinstance(dialog, QFileDialog) and self.files else None
        if answer is not None and isinstance(dialog, QFileDialog):
            dialog.selectFile(str(answer))
            dialog.accept()
            return int(QDialog.DialogCode.Accepted)
        dialog.reject()
        return int(QDialog.DialogCode.Rejected)

    def get_text(self, parent: QWidget | None, title: str, label: str, *args: Any,
                 **kwargs: Any) -> tuple[str, bool]:
        """QInputDialog.getText, whose exec() is C++'s own: the same dialog, visited."""
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        self.exec(dialog)
        dialog.deleteLater()
        return "", False


@contextmanager
def capturing(visit: Visit, names: list[str],
              files: list[Path | None] | None = None) -> Iterator[Capture]:
    capture = Capture(visit, names, list(files or []))

    def exec_(dialog: QDialog, *_args: Any) -> int:  # a function: bound to each dialog
        return capture.exec(dialog)

    with ExitStack() as stack:
        for kind in (QDialog, QMessageBox, QFileDialog, QInputDialog):
            if "exec" in vars(kind):
                stack.enter_context(mock.patch.object(kind, "exec", exec_))
        stack.enter_context(mock.patch.object(QInputDialog, "getText", capture.get_text))
        yield capture


def show(widget: QWidget) -> None:
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    widget.show()
    settle()


def close(widget: QWidget | None) -> None:
    if widget is None or not shiboken6.isValid(widget):  # closed (and deleted) already
        return
    if isinstance(widget, QDialog):
        widget.done(0)
    widget.close()
    widget.deleteLater()
    settle()


class Tour:
    """One role's window, walked: every page, then every dialog (see the module's doc)."""

    def __init__(self, ctx: AppContext, role: str, visit: Visit, work: Path) -> None:
        from desktop_app.ui.main_window import MainWindow

        self.ctx, self.role, self.work = ctx, role, work
        self._visit = visit
        self.window = MainWindow(ctx)
        self.window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.window.resize(SIZE)
        self.window.show()
        settle(0.1)

    def visit(self, name: str, widget: QWidget) -> None:
        self._visit(name, widget)

    def scene(self, names: list[str], action: Callable[[], object],
              files: list[Path | None] | None = None) -> None:
        with capturing(self._visit, names, files):
            action()
        settle()

    def opened(self, name: str, dialog: QWidget | None) -> QWidget | None:
        """A dialog opened with open() (window-modal, not exec): visit, then close it."""
        if dialog is None:
            return None
        show(dialog)
        self.visit(name, dialog)
        return dialog

    def pages(self) -> None:
        for index, (key, _page) in enumerate(self.window.page_specs):
            self.window.show_page(index)
            self.window.current_page().load()
            settle(0.1)
            self.visit(key, self.window)
        self.window.show_page(0)

    def menus(self) -> None:
        """Each menu of the menu bar, open over the window."""
        window = self.window
        for name, menu in (("file", window.file_menu), ("edit", window.edit_menu),
                           ("view", window.view_menu), ("settings", window.settings_menu),
                           ("help", window.help_menu)):
            menu.popup(window.mapToGlobal(window.rect().topLeft()))
            settle()
            self.visit(f"menu-{name}", menu)
            menu.hide()

    def common(self) -> None:
        """The dialogs both roles have."""
        from desktop_app.ui.commands import file_commands
        from desktop_app.ui.commands.worker import JobRunner

        window = self.window
        close(self.opened("guide", _opened(window.open_guide, window, "guide_dialog")))
        close(self.opened("keys", _opened(window.open_keys, window, "keys_dialog")))
        audit = self.opened("audit", _opened(window.open_audit, window, "audit_dialog"))
        if audit is not None:
            from desktop_app.ui.dialogs.audit_dialog import save_dialog

            self.scene(["audit-save"], lambda: save_dialog(audit).exec())
            close(audit)
        self.scene(["about"], window.about)
        bad = self.work / "not-a-catalog.json"
        bad.write_text("{}", encoding="utf-8")
        self.scene(["catalog-install", "catalog-refused"], window.install_catalog, [bad])
        backup = self.work / f"backup-{self.role}.sqlite"
        backup.unlink(missing_ok=True)
        self.scene(["backup", "backup-done"],
                   lambda: file_commands.save_backup(self.ctx, window), [backup])
        self.scene(["template"], lambda: file_commands.save_template(self.ctx, window))
        self.scene(["restore", "restore-confirm"],
                   lambda: file_commands.restore_backup(self.ctx, window), [backup])
        title = QCoreApplication.translate("WindowCommands",
                                           "Carry unfinished activities to next period")
        runner = JobRunner(window, _no_job, title)  # its dialog, never started
        runner.dialog.setRange(0, 10)
        runner.dialog.setValue(4)
        show(runner.dialog)
        self.visit("progress", runner.dialog)
        runner.dialog.reset()
        close(runner.dialog)
        runner.deleteLater()

    def agency(self) -> None:
        from desktop_app.core.services.activities import list_activities, load_draft
        from desktop_app.ui.dialogs import export_dialog
        from desktop_app.ui.pages.activities_page import ActivitiesPage
        from desktop_app.ui.pages.submissions_page import SubmissionsPage

        window = self.window
        keys = [key for key, _page in window.page_specs]
        window.show_page(keys.index("activities"))
        settle(0.1)
        page = window.pages["activities"]
        assert isinstance(page, ActivitiesPage)
        editor = page.new_activity()
        self.opened("activity-new", editor)
        title = getattr(editor, "title_edit", None) or editor.findChild(QLineEdit)
        if title is not None:
            menu = title.createStandardContextMenu()
            menu.popup(title.mapToGlobal(title.rect().bottomLeft()))
            settle()
            self.visit("context-menu", menu)
            menu.hide()
            menu.deleteLater()
        for date_edit in editor.findChildren(QDateEdit)[:1]:
            date_edit.setEnabled(True)
            calendar = date_edit.calendarWidget()
            calendar.setWindowFlags(Qt.WindowType.Popup)
            calendar.resize(calendar.sizeHint())
            show(calendar)
            self.visit("calendar", calendar)
            calendar.hide()
        if title is not None:
            title.setText(title.text() + " (sửa)")
            self.scene(["activity-unsaved"], editor.reject)
        close(editor)
        rows = list_activities(self.ctx.db, self.ctx.year)
        drafts = (load_draft(self.ctx.db, row.uuid) for row in rows)
        with_indicators = next((d for d in drafts if d.indicators), None)
        if with_indicators is not None:
            existing = page.open_editor(with_indicators)
            self.opened("activity-edit", existing)
            tabs = ("general", "recommendations", "report", "indicators")
            for tab in range(1, existing.tabs.count()):
                existing.tabs.setCurrentIndex(tab)
                settle()
                named = tabs[tab] if tab < len(tabs) else str(tab + 1)
                self.visit(f"activity-edit-{named}", existing)
            close(existing)
        page.table.selectRow(0)
        self.scene(["activity-delete"], page.delete_selected)
        self.scene(["export"], lambda: export_dialog.open_export(self.ctx, window))
        dialog = export_dialog.ExportDialog(self.ctx, window)
        self.scene(["export-folder"], lambda: dialog.folder_dialog().exec())
        close(dialog)
        self.scene(["report-settings"], window.open_report_settings)
        self.scene(["carry-over"], window.carry_over)
        submissions = window.pages["submissions"]
        assert isinstance(submissions, SubmissionsPage)
        self.scene(["lock"], submissions.lock)
        self.scene(["unlock"], submissions.unlock)

    def focal(self, submission: Path) -> None:
        from desktop_app.ui.commands.shared_database import choose_shared_database
        from desktop_app.ui.dialogs.import_dialog import ImportDialog
        from desktop_app.ui.dialogs.recommendation_list_dialog import RecommendationListDialog

        window = self.window
        commands = window.import_commands()
        self.scene(["import-files"], commands.import_files)
        self.scene(["import-folder"], commands.import_folder)
        damaged = self.work / "VLG_2026_v2.xlsx"  # a refused file beside the good one
        damaged.write_bytes(b"PK\x03\x04 not a workbook")
        dialog = ImportDialog(self.ctx, [submission, damaged], window)
        show(dialog)
        deadline = time.monotonic() + 30
        while dialog.plans is None and time.monotonic() < deadline:
            settle(0.1)
        model = dialog.plan_table.model()
        for row in range(model.rowCount()):  # the refused file, with its problem below
            if model.index(row, 0).data() == damaged.name:
                dialog.plan_table.selectRow(row)
        settle()
        self.visit("import", dialog)
        close(dialog)
        self.scene(["import-undo"], commands.undo_last_import)
        self.scene(["national-report"], window.national_report)
        self.scene(["national-report-save"], lambda: commands.pick_save_path(
            window.tr("National report"), "report.xlsx",
            window.tr("Excel workbooks (*.xlsx)"), ".xlsx"))
        self.scene(["reminders"], window.reminder_list)
        self.scene(["due-dates"], window.open_due_dates)
        from desktop_app.ui.dialogs.due_dates_dialog import DueDatesDialog

        due = DueDatesDialog(self.ctx, window)
        self.scene(["due-dates-publish"], due.publish_path)
        close(due)
        recommendations = RecommendationListDialog(self.ctx, window)
        self.scene(["recommendation-list"], lambda: recommendations.exec())
        self.scene(["recommendation-list-file"], recommendations.choose_file)
        close(recommendations)
        self.scene(["shared-database"],
                   lambda: choose_shared_database(window, self.ctx.db.server))

    def end(self) -> None:
        self.window.close()
        self.window.deleteLater()
        settle()


def _no_job() -> Job[None]:
    yield from ()


def _named(visit: Visit, role: str) -> Visit:
    return lambda name, widget: visit(f"{role}:{name}", widget)


def _opened(command: Callable[[], None], window: QWidget, attribute: str) -> QWidget | None:
    command()
    found = getattr(window, attribute, None)
    return found if isinstance(found, QWidget) else None


def first_run(empty: Database, lang: str, visit: Visit) -> None:
    """The first-run setup (no role yet), as each role would fill it in."""
    from desktop_app.ui.dialogs.setup_dialog import SetupDialog

    for role in ("agency", "focal"):
        dialog = SetupDialog(empty, lang)
        if role == "focal":
            dialog.focal_role.setChecked(True)
        show(dialog)
        visit(f"{role}:setup", dialog)
        close(dialog)


def tour(agency: AppContext, focal: AppContext, empty: Database, visit: Visit,
         work: Path) -> None:
    """Every page and dialog of both roles; visit(role:name, widget) for each.

    The language is the contexts' (both the same), its translator installed.
    """
    first_run(empty, agency.lang, visit)
    submission = work / "submission.xlsx"
    if not submission.exists():
        from desktop_app.core.services.submissions import export_xlsx

        drive(export_xlsx(agency.db, agency.year, submission))
    for ctx, role in ((agency, "agency"), (focal, "focal")):
        walk = Tour(ctx, role, _named(visit, role), work)
        try:
            walk.pages()
            walk.menus()
            walk.common()
            if role == "agency":
                walk.agency()
            else:
                walk.focal(submission)
        finally:
            walk.end()


# --- the pictures ------------------------------------------------------------------------


def demo_databases(folder: Path) -> tuple[Database, Database, Database]:
    """An agency (Sở Tư pháp Vĩnh Long) and the focal point, with demo data; an empty one."""
    from desktop_app.core.services.demo import fill_demo
    from desktop_app.core.services.setup import initialise

    year = date.today().year
    agency = Database.open(folder / "agency.sqlite")
    initialise(agency, Role.AGENCY, "VLG", "Nguyễn Thị Hoa")
    drive(fill_demo(agency, activities=120, seed=1, period=year))
    focal = Database.open(folder / "focal.sqlite")
    initialise(focal, Role.FOCAL_POINT)
    drive(fill_demo(focal, activities=200, seed=1, period=year))
    return agency, focal, Database.open(folder / "empty.sqlite")


def small(path: Path) -> None:
    """At most 256 colours (a window's flat colours and its text's shades): a third of
    the size, the same to the eye."""
    from PIL import Image  # reportlab's own dependency

    with Image.open(path) as picture:
        fewer = picture.quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    fewer.save(path, optimize=True)


def main(folder: Path) -> None:
    from PySide6.QtGui import QImage

    from desktop_app.ui.app import create_application, install_translator

    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="nap-shots-work-"))
    agency, focal, empty = demo_databases(work)
    create_application("vi")
    too_big: list[str] = []
    for lang in ("vi", "en"):
        install_translator(lang)

        def save(name: str, widget: QWidget, lang: str = lang) -> None:
            role, _, what = name.partition(":")
            size = widget.frameGeometry().size()
            if size.width() > SIZE.width() or size.height() > SIZE.height():
                too_big.append(f"{name} {size.width()}×{size.height()}")
            path = folder / f"{lang}-{role}-{what}.png"
            widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888).save(str(path))
            small(path)

        contexts = []
        for db in (agency, focal):
            ctx = AppContext(db, lang)
            ctx.set_year(date.today().year)
            contexts.append(ctx)
        tour(contexts[0], contexts[1], empty, save, work)
    for db in (agency, focal, empty):
        db.close()
    for line in too_big:
        print(f"larger than {SIZE.width()}×{SIZE.height()}: {line}", file=sys.stderr)
    print(f"{len(list(folder.glob('*.png')))} pictures in {folder}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
