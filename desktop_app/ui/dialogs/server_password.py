"""A focal point's shared database on a PostgreSQL server, as the window reaches it.

The password: libpq looks in the standard password file (~/.pgpass, or PGPASSFILE)
first; only when it finds none does the window ask. It lives in memory for as long as
the window is open and is never written anywhere by the program. The server chosen in
the first-run setup or the File menu is kept in the preferences as its URL without a
password (SERVER), and the window opens it when started without --db.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from desktop_app.core.preferences import load_preferences, save_preference
from desktop_app.core.problems import NapError
from desktop_app.core.storage.location import ServerLocation, is_server_url

if TYPE_CHECKING:
    from desktop_app.core.storage.database import Database

SERVER = "server"  # the preference: the shared database's URL, never a password


def saved_server() -> ServerLocation | None:
    value = load_preferences().get(SERVER)
    return ServerLocation(value) if isinstance(value, str) and is_server_url(value) else None


def save_server(location: ServerLocation | None) -> None:
    """Remember the shared database (None: this computer's file again), without password."""
    save_preference(SERVER, location.shown if location is not None else None)


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


def open_server(location: ServerLocation, parent: QWidget | None = None) -> Database:
    """A server database; when libpq has no password for the role, the person is asked
    (for this session only) until it is right or they cancel."""
    from desktop_app.core.storage.database import Database

    while True:
        try:
            return Database.open(location)
        except NapError as error:
            if not error.problems or error.problems[0].code != "db.password_needed":
                raise
            password = ask_password(location, parent)
            if password is None:
                raise
            location = ServerLocation(location.url, password)
