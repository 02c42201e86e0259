"""Where the program keeps its files on this machine."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "nap-reporter"
HOME_ENV = "NAP_REPORTER_HOME"


def data_dir() -> Path:
    """The per-user data folder; NAP_REPORTER_HOME overrides it (tests, portable use)."""
    override = os.environ.get(HOME_ENV)
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
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


def bundle_root() -> Path:
    """The folder holding resources/ and db/: the source tree, or a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    return bundle_root() / "resources"


def migrations_dir() -> Path:
    return bundle_root() / "db"
