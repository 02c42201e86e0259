"""An agency installs the focal point's catalog update from the window."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

import desktop_app.ui.dialogs.file_dialogs as file_dialogs
from desktop_app.core.catalog.document import read_bundled_catalog
from desktop_app.core.catalog.export import signed_catalog
from desktop_app.core.exchange.signing import key_pair_from_private
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


class _Picked:
    def __init__(self, path: Path | None) -> None:
        self.path = path

    def exec(self) -> int:
        return int(QDialog.DialogCode.Accepted if self.path else QDialog.DialogCode.Rejected)

    def selectedFiles(self) -> list[str]:  # noqa: N802  (Qt's name)
        return [str(self.path)] if self.path else []

    def deleteLater(self) -> None:  # noqa: N802
        pass


FOCAL_KEY = key_pair_from_private(bytes(range(32)))  # the focal point's, made by code


def _update(tmp_path: Path, version: int) -> Path:
    doc = read_bundled_catalog()
    doc["version"] = version
    doc["periods"].append({"year": 2031, "due_date": "2032-01-15", "verified": True})
    doc = signed_catalog(doc, FOCAL_KEY)  # updates are signed by the focal point
    path = tmp_path / f"catalog-v{version}.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot: Any, ctx: AppContext) -> MainWindow:
    shown = MainWindow(ctx)
    qtbot.addWidget(shown)
    return shown


def _install(window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[str]:
    told: list[str] = []
    monkeypatch.setattr(file_dialogs, "catalog_file_dialog", lambda parent: _Picked(path))
    monkeypatch.setattr(message_box, "inform",
                        lambda parent, title, text, close: told.append(text))
    window.install_catalog()
    return told


def test_a_newer_catalog_brings_its_new_period_to_the_selector(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert 2031 not in window.years
    newer = read_bundled_catalog()["version"] + 1
    told = _install(window, monkeypatch, _update(tmp_path, newer))
    assert len(told) == 1 and str(newer) in told[0]
    assert 2031 in window.years
    assert window.period_combo.findData(2031) >= 0
    # the same file again changes nothing and says so
    told = _install(window, monkeypatch, _update(tmp_path, newer))
    assert len(told) == 1 and "not newer" in told[0]


def test_a_broken_file_is_refused_with_a_message(window: MainWindow,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    shown: list[str] = []
    monkeypatch.setattr(message_box, "show_error",
                        lambda parent, title, error, lang: shown.append(str(error)))
    told = _install(window, monkeypatch, bad)
    assert told == [] and len(shown) == 1
    assert _install(window, monkeypatch, None) == []  # cancelled: nothing happens


OTHER_KEY = key_pair_from_private(bytes(range(1, 33)))  # an impostor's, or a new laptop's


def _signed_by(tmp_path: Path, version: int, key: Any, name: str) -> Path:
    doc = read_bundled_catalog()
    doc["version"] = version
    if key is not None:
        doc = signed_catalog(doc, key)
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("key", [OTHER_KEY, None], ids=["other-key", "unsigned"])
def test_an_update_with_another_key_or_none_needs_a_deliberate_confirmation(
        window: MainWindow, ctx: AppContext, monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path, key: Any) -> None:
    from desktop_app.core.catalog.apply import installed_version
    from desktop_app.core.services.audit import AuditFilter, audit_page

    first = read_bundled_catalog()["version"] + 1
    assert len(_install(window, monkeypatch, _update(tmp_path, first))) == 1  # pins
    asked: list[str] = []
    answers = iter([False, True])
    shown: list[str] = []
    monkeypatch.setattr(message_box, "ask", lambda parent, title, text, yes, no: (
        asked.append(text), next(answers))[1])
    monkeypatch.setattr(message_box, "show_error",
                        lambda parent, title, error, lang: shown.append(str(error)))
    path = _signed_by(tmp_path, first + 1, key, "next.json")
    assert _install(window, monkeypatch, path) == []  # declined: nothing installed
    assert len(asked) == 1 and FOCAL_KEY.fingerprint in asked[0] and len(shown) == 1
    with ctx.db.reading() as session:
        assert installed_version(session) == first
    told = _install(window, monkeypatch, path)  # confirmed
    assert len(asked) == 2 and len(told) == 1 and str(first + 1) in told[0]
    with ctx.db.reading() as session:
        assert installed_version(session) == first + 1
    wanted = "catalog.key_replaced" if key is not None else "catalog.unsigned_accepted"
    assert audit_page(ctx.db, AuditFilter(text=wanted)).total == 1


def test_a_broken_signature_is_refused_without_an_offer(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = _update(tmp_path, read_bundled_catalog()["version"] + 1)
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["periods"].append({"year": 2032, "due_date": None, "verified": True})  # after signing
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    asked: list[str] = []
    monkeypatch.setattr(message_box, "ask",
                        lambda *args: asked.append("asked") is not None)
    shown: list[str] = []
    monkeypatch.setattr(message_box, "show_error",
                        lambda parent, title, error, lang: shown.append(str(error)))
    assert _install(window, monkeypatch, path) == []
    assert asked == [] and len(shown) == 1 and "bad_signature" in shown[0]
