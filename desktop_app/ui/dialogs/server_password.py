"""The password a PostgreSQL server asks for, typed for this session only.

libpq looks in the standard password file (~/.pgpass, or PGPASSFILE) first; only when
it finds none does the window ask. The password lives in memory for as long as the
window is open and is never written anywhere by the program.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from desktop_app.core.storage.location import ServerLocation


def ask_password(location: ServerLocation, parent: QWidget | None = None) -> str | None:
    """The password typed for location, or None when the person cancelled."""
    password, given = QInputDialog.getText(
        parent, QCoreApplication.translate("ServerPassword", "Database password"),
        QCoreApplication.translate(
            "ServerPassword",
            "The server %1 asks for the password of your database role. It is used for "
            "this session only and never saved; to be asked no more, put it in "
            "PostgreSQL's password file (~/.pgpass).").replace("%1", location.shown),
        QLineEdit.EchoMode.Password)
    return password if given else None
