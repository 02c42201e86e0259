"""Where the program keeps its files on this machine, and who is using it.

platformdirs is imported when the data folder is first asked for without
NAP_REPORTER_HOME: it costs ~10 ms, and a quick command given --db needs none of it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "nap-reporter"
HOME_ENV = "NAP_REPORTER_HOME"


def data_dir() -> Path:
    """The per-user data folder; NAP_REPORTER_HOME overrides it (tests, portable use)."""
    override = os.environ.get(HOME_ENV)
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "nap-reporter.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path / "nap-reporter.log"


def package_root() -> Path:
    """The installed package folder (desktop_app/), which holds resources/ and migrations/.

    The same in a checkout, an installed wheel and an editable install. In a PyInstaller
    bundle the package's data lies at sys._MEIPASS/desktop_app (build.spec puts it there).
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "desktop_app"
    return Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    """Catalog, fonts with their licences, translations and icons."""
    return package_root() / "resources"


def translations_dir() -> Path:
    """The .ts sources and the .qm files compiled from them when the package is built."""
    return resources_dir() / "translations"


def migrations_dir() -> Path:
    """alembic's script_location: env.py, script.py.mako and versions/."""
    return package_root() / "migrations"


def operating_user() -> str:
    """Who is signed in to this machine, for the audit log: the operating-system user.

    getpass reads the usual environment variables, then the password database; on a
    machine where neither says (a service account without a name, a container) the
    log still gets a word instead of an error.
    """
    import getpass

    try:
        name = getpass.getuser()
    except Exception:  # no USER/LOGNAME and no password-database entry
        name = ""
    return name.strip()[:128] or "?"
