"""The window's first-run setup makes a database only when it is completed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from desktop_app.core.domain.enums import Role
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database, discard_if_not_set_up
from desktop_app.ui.dialogs.setup_dialog import SetupDialog
from desktop_app.ui.launch import launch


def test_quitting_the_first_run_setup_leaves_no_database_behind(
        qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[SetupDialog] = []

    def quit_setup(dialog: SetupDialog) -> int:
        shown.append(dialog)
        return int(QDialog.DialogCode.Rejected.value)

    monkeypatch.setattr(SetupDialog, "exec", quit_setup)
    path = tmp_path / "first-run" / "nap-reporter.sqlite"
    assert launch(path, lang="en", demo=False, screenshot=None) == 0
    assert len(shown) == 1  # the setup was offered
    assert list(path.parent.iterdir()) == []


def test_a_database_that_was_set_up_or_was_there_before_is_kept(tmp_path: Path) -> None:
    done = tmp_path / "done.sqlite"
    db = Database.open(done)
    try:
        initialise(db, Role.FOCAL_POINT)
    finally:
        db.close()
    assert discard_if_not_set_up(done) is False and done.exists()
    missing = tmp_path / "missing.sqlite"
    assert discard_if_not_set_up(missing) is False
    unset = tmp_path / "unset.sqlite"
    Database.open(unset).close()
    assert discard_if_not_set_up(unset) is True
    assert sorted(p.name for p in tmp_path.iterdir()) == ["done.sqlite"]
