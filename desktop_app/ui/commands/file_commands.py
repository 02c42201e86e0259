"""File menu: back up the database, restore it from a backup, save the blank template.

The same use cases as `nap-reporter backup`, `restore` and `template`. Backup and
template ask where to write (the program's own file dialog), write, and then offer to
open the folder that holds the file (QDesktopServices, patched in tests). Restore asks
for the backup file, confirms, runs the checked restore (core/storage/backup.py: the
backup is checked before anything is replaced, and a safety copy of the present data is
kept); a backup of the other role asks a second time (the command line's
--accept-other-role). The restored database is opened once (which migrates a backup of
an older version), the restore goes into its audit log, and the pages reload; the window
given as ``then`` rebuilds itself first when the restored database is of the other role
(its pages, menus and actions), so nobody has to start the program again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.labels import label
from desktop_app.core.paths import backups_dir
from desktop_app.core.problems import NapError
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.dialogs.file_dialogs import documents_folder, own_file_dialog


def ask_target(parent: QWidget | None, title: str, name: str, pattern: str) -> Path | None:
    """Where to write: the program's own save dialog, or None when cancelled."""
    save = QCoreApplication.translate("FileCommands", "Save")
    dialog = own_file_dialog(parent, title, documents_folder(), QFileDialog.FileMode.AnyFile,
                             QCoreApplication.translate("FileCommands", "File name:"), save)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, save)
    dialog.setNameFilters([pattern])
    dialog.selectFile(name)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def ask_source(parent: QWidget | None, title: str, pattern: str) -> Path | None:
    """Which backup to read: the program's own open dialog, or None when cancelled."""
    folder = backups_dir()
    start = folder if folder.is_dir() else documents_folder()
    choose = QCoreApplication.translate("FileCommands", "Choose")
    dialog = own_file_dialog(parent, title, start, QFileDialog.FileMode.ExistingFile,
                             QCoreApplication.translate("FileCommands", "File name:"), choose)
    dialog.setNameFilters([pattern, QCoreApplication.translate("FileCommands",
                                                               "All files (*)")])
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        dialog.deleteLater()


def offer_folder(parent: QWidget | None, title: str, text: str, target: Path) -> None:
    """Say it is done; a button opens the folder that holds the file."""
    buttons = [QCoreApplication.translate("FileCommands", "Open folder"),
               QCoreApplication.translate("FileCommands", "Close")]
    if message_box.choose(parent, title, text, buttons) == 0:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target.parent)))


def save_backup(ctx: AppContext, parent: QWidget | None) -> Path | None:
    from desktop_app.core.storage.backup import backup_database

    title = QCoreApplication.translate("FileCommands", "Back up the database")
    target = ask_target(parent, title, f"nap-reporter-{date.today():%Y-%m-%d}.sqlite",
                        QCoreApplication.translate("FileCommands", "Backups (*.sqlite)"))
    if target is None:
        return None
    try:
        backup_database(ctx.db.path, target)
    except NapError as error:
        message_box.show_error(parent, title, error, ctx.lang)
        return None
    done = QCoreApplication.translate("FileCommands", "The backup was written to %1.")
    offer_folder(parent, title, done.replace("%1", str(target)), target)
    return target


def save_template(ctx: AppContext, parent: QWidget | None) -> Path | None:
    from desktop_app.core.services.templates import make_template

    title = QCoreApplication.translate("FileCommands", "Save the blank template")
    target = ask_target(parent, title, f"nap-template-{ctx.year}.xlsx",
                        QCoreApplication.translate("FileCommands", "Excel workbooks (*.xlsx)"))
    if target is None:
        return None
    try:
        make_template(ctx.db, target, ctx.year)
    except NapError as error:
        message_box.show_error(parent, title, error, ctx.lang)
        return None
    done = QCoreApplication.translate("FileCommands", "The blank template was written to %1.")
    offer_folder(parent, title, done.replace("%1", str(target)), target)
    return target


def _role_words(value: object, lang: str) -> str:
    try:
        return label(Role(str(value)), lang)
    except ValueError:
        return str(value)


def _other_role_accepted(parent: QWidget | None, title: str, error: NapError,
                         lang: str) -> bool:
    """The backup is of the other role: say which, and ask a second time."""
    params = error.problems[0].params
    text = QCoreApplication.translate(
        "FileCommands",
        "The backup %1 is a database of the role “%2”, while this one is of the role "
        "“%3”. Restore it anyway? The window then shows that role's pages.").replace(
        "%1", str(params.get("file", ""))).replace(
        "%2", _role_words(params.get("backup_role"), lang)).replace(
        "%3", _role_words(params.get("role"), lang))
    return message_box.ask(parent, title, text,
                           QCoreApplication.translate("FileCommands", "Restore anyway"),
                           QCoreApplication.translate("FileCommands", "Cancel"))


def restore_backup(ctx: AppContext, parent: QWidget | None,
                   then: Callable[[], object] | None = None) -> bool:
    """Replace this database's data with a backup's, after a confirmation; True if done.

    then: called once the data is in place, before the pages reload (the window's
    rebuild for the restored role)."""
    from desktop_app.core.services.audit import record_restored
    from desktop_app.core.storage.backup import restore_database
    from desktop_app.core.storage.database import Database

    title = QCoreApplication.translate("FileCommands", "Restore from a backup")
    source = ask_source(parent, title,
                        QCoreApplication.translate("FileCommands", "Backups (*.sqlite)"))
    if source is None:
        return False
    target = ctx.db.path
    if not message_box.ask(parent, title, QCoreApplication.translate(
            "FileCommands",
            "Replace all the data of this database with the backup %1? The backup is checked "
            "first, and a copy of the present data is kept in the backups folder.")
            .replace("%1", str(source)),
            QCoreApplication.translate("FileCommands", "Restore"),
            QCoreApplication.translate("FileCommands", "Cancel")):
        return False
    accept_other_role = False
    while True:
        try:
            ctx.db.engine.dispose()  # no connection of the window keeps the old pages
            safety = restore_database(source, target, accept_other_role=accept_other_role)
            restored = Database.open(target, create=False)  # migrates an older backup
            try:
                record_restored(restored, source, None if safety == target else safety)
            finally:
                restored.close()
        except NapError as error:
            if (not accept_other_role and error.problems
                    and error.problems[0].code == "db.other_role"
                    and _other_role_accepted(parent, title, error, ctx.lang)):
                accept_other_role = True
                continue
            if not (error.problems and error.problems[0].code == "db.other_role"):
                message_box.show_error(parent, title, error, ctx.lang)
            return False
        break
    ctx.db.engine.dispose()
    if then is not None:
        then()
    ctx.data_changed.emit()
    done = QCoreApplication.translate(
        "FileCommands", "The database was restored from %1.").replace("%1", str(source))
    if safety != target:
        done += "\n" + QCoreApplication.translate(
            "FileCommands", "The data as it was before is kept in %1.").replace("%1", str(safety))
    message_box.inform(parent, title, done, QCoreApplication.translate("FileCommands", "Close"))
    return True
