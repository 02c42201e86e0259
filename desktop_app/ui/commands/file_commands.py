"""File menu: back up the database and save the blank template, from the window.

The same use cases as `nap-reporter backup` and `nap-reporter template`. Each asks
where to write (the program's own file dialog), writes, and then offers to open the
folder that holds the file (QDesktopServices, patched in tests).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

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
