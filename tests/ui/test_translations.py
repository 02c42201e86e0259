"""The Vietnamese interface is complete: every string translated, none left in English.

The .ts files are the sources and must list every tr() string in the code (so a
new string cannot slip through untranslated); the .qm files are built from them.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from desktop_app.ui.app import install_translator
from desktop_app.ui.context import AppContext
from desktop_app.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "desktop_app" / "resources" / "translations"
PLACEHOLDER = re.compile(r"%(?:\d|n)")


def _tool() -> Any:
    spec = importlib.util.spec_from_file_location("translations_tool",
                                                  ROOT / "scripts" / "translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            found[(context.findtext("name") or "", message.findtext("source") or "")] = message
    return found


def test_the_ts_files_list_every_string_of_the_code(tmp_path: Path) -> None:
    for lang in ("vi", "en"):
        shutil.copy(FOLDER / f"nap_reporter_{lang}.ts", tmp_path)
    _tool().update(tmp_path)
    for lang in ("vi", "en"):
        fresh = set(_messages(tmp_path / f"nap_reporter_{lang}.ts"))
        committed = set(_messages(FOLDER / f"nap_reporter_{lang}.ts"))
        assert fresh - committed == set(), "run: python scripts/translations.py update"
        assert committed - fresh == set(), "strings no longer in the code"


def test_compiling_replaces_a_changed_qm_whole_and_leaves_the_others(tmp_path: Path) -> None:
    """A running window maps its .qm files (QTranslator): a .qm rewritten in place under it
    kills it (SIGBUS, as a test worker died once while another compiled at its start). An
    up-to-date .qm is not touched; a changed one is a new file renamed over the old."""
    tool = _tool()
    tool.compile_all(tmp_path)
    built = sorted(tmp_path.glob("*.qm"))
    assert [p.name for p in built] == ["nap_reporter_en.qm", "nap_reporter_vi.qm", "qt_vi.qm"]
    first = {p.name: (p.stat().st_ino, p.read_bytes()) for p in built}
    stale = tmp_path / "nap_reporter_vi.qm"
    stale.write_bytes(b"an older build")
    before = stale.stat().st_ino
    tool.compile_all(tmp_path)
    assert stale.read_bytes() == first["nap_reporter_vi.qm"][1]
    assert stale.stat().st_ino != before  # replaced, not rewritten
    for name in ("nap_reporter_en.qm", "qt_vi.qm"):
        assert (tmp_path / name).stat().st_ino == first[name][0]  # up to date: untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == [p.name for p in built]  # no .part


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return forms or [translation.text or ""]


def test_every_vietnamese_message_is_translated_and_keeps_its_placeholders() -> None:
    messages = _messages(FOLDER / "nap_reporter_vi.ts")
    assert len(messages) > 200
    for (context, source), message in messages.items():
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, (context, source)
        for text in _translations(message):
            assert text.strip(), (context, source)
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(source)), (
                context, source, text)
            assert text.count("&") - text.count("&&") <= 1


def _english_only() -> set[str]:
    """English sources whose Vietnamese differs: seeing one in the window is a leak."""
    english = set()
    for ts in ("nap_reporter_vi.ts", "qt_vi.ts"):  # ours, and Qt's own strings
        for (_, source), message in _messages(FOLDER / ts).items():
            if source not in _translations(message) and len(source) > 2:
                english.add(source.replace("&", "").strip())
    return english


def _texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QMenu):
            texts.append(widget.title())
            texts.extend(action.text() for action in widget.actions())
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(widget.horizontalHeader().count()):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
    texts.extend(action.text() for action in root.actions())
    texts.extend(action.toolTip() for action in root.actions())
    return [t.replace("&", "").strip() for t in texts if t and t.strip()]


def test_no_english_is_left_in_the_vietnamese_window(qtbot: Any, agency_db: Any) -> None:
    install_translator("vi")
    try:
        ctx = AppContext(agency_db, "vi")
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        shown: list[str] = []
        for index in range(window.stack.count()):
            window.show_page(index)
            shown.extend(_texts(window))
        editor = window.pages["activities"].new_activity()  # type: ignore[attr-defined]
        shown.extend(_texts(editor))
        editor.reject()
        from desktop_app.ui.dialogs.export_dialog import ExportDialog
        from desktop_app.ui.dialogs.file_dialogs import catalog_file_dialog
        from desktop_app.ui.dialogs.report_settings_dialog import ReportSettingsDialog

        for dialog in (ExportDialog(ctx), ReportSettingsDialog(agency_db, "vi"),
                       catalog_file_dialog(window)):
            qtbot.addWidget(dialog)
            if isinstance(dialog, ExportDialog):
                qtbot.waitUntil(dialog.version_known, timeout=10000)
            shown.extend(_texts(dialog))
            for view in dialog.findChildren(QTreeView):
                header = view.header()
                shown.extend(str(header.model().headerData(i, Qt.Orientation.Horizontal))
                             for i in range(header.count()))
        own_names = {"English"}  # the language menu names each language in itself
        leaks = sorted({text for text in shown if text in _english_only() - own_names})
        assert leaks == []
        assert "Tổng quan" in shown and "Hoạt động" in shown
    finally:
        install_translator("en")
