"""File ▸ Shared database…: the focal point chooses the PostgreSQL database the window
opens from its next start (or, left empty, this computer's file again).

Only the URL is kept (the preferences, without a password); the window in hand stays
on the database it opened, so no unsaved work is cut short.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from desktop_app.core.storage.location import ServerLocation, is_server_url
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.dialogs.server_password import save_server, saved_server


def choose_shared_database(parent: QWidget, current: ServerLocation | None) -> None:
    """Ask for the URL; remember it (or forget it) and say when it takes effect."""
    chosen = current or saved_server()
    shown = chosen.shown if chosen is not None else ""
    url, given = QInputDialog.getText(
        parent, QCoreApplication.translate("SharedDatabase", "Shared database"),
        QCoreApplication.translate(
            "SharedDatabase",
            "The PostgreSQL database the analysts share, for example "
            "postgresql://lan@db.moj.gov.vn/nap. Leave it empty to use this computer's "
            "database file."), QLineEdit.EchoMode.Normal, shown)
    if not given:
        return
    url = url.strip()
    title = QCoreApplication.translate("SharedDatabase", "Shared database")
    close = QCoreApplication.translate("SharedDatabase", "Close")
    if url and not is_server_url(url):
        message_box.inform(parent, title, QCoreApplication.translate(
            "SharedDatabase", "“%1” is not a PostgreSQL address "
            "(postgresql://user@host[:port]/dbname); nothing was changed.").replace("%1", url),
            close)
        return
    save_server(ServerLocation(url) if url else None)
    text = (QCoreApplication.translate(
        "SharedDatabase", "From the next start the window opens %1.").replace(
            "%1", ServerLocation(url).shown) if url else QCoreApplication.translate(
        "SharedDatabase", "From the next start the window opens this computer's database "
        "file."))
    message_box.inform(parent, title, text, close)
