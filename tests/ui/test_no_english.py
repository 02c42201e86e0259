"""No English left in the Vietnamese window: every page and dialog of both roles, read.

scripts/screenshots.py's `tour()` opens every page and every dialog of the agency's and
the focal point's window (first-run setup, editors, import with a checked batch,
Qt's own file dialogs, message boxes, progress dialog, context menu, calendar...);
here, instead of a picture, each visit reads the texts the widget tree shows (window
titles, labels, buttons, menus and actions, tabs, group boxes, the headers of every
view's model, placeholders, tooltips, combo and list items, read-only text) and looks
for English words in them.

The detector: a word of ASCII letters, longer than two letters and not in capitals
(codes such as UPR, CCPR, PDF), is English when it occurs in the English sources of
the .ts files (ours and Qt's own strings) or in a short list of English words, and
never as a word of the Vietnamese translations (so "ban", "tin", "in", "can" of
Vietnamese without marks pass). Paths, file names and addresses are taken out first;
the names below (ALLOWED) are not English words in this program.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCalendarWidget,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.domain import enums
from desktop_app.core.storage.database import Database
from desktop_app.ui.app import install_translator
from desktop_app.ui.context import AppContext
from tests.ui.conftest import focal_template, opened_copy

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "desktop_app" / "resources" / "translations"
THIS_YEAR = date.today().year

# English words a translation could leave behind that the sources may not spell alone.
_STOP_WORDS = """
    the and for with from this that are not you your all any has have was were will
    name size type date modified open save cancel close look files file folder folders
    new delete copy paste undo redo select clear back forward parent detail list view
    yes apply reset help next previous today month year week choose show error warning
    question information about import export report settings edit quit find loading
    """
STOP_WORDS = frozenset(_STOP_WORDS.split())
# Not English words here: the program's and the language's names, codes, formats.
ALLOWED = frozenset({"nap", "reporter", "english", "excel", "pdf", "csv", "xlsx", "json",
                     "sqlite", "postgresql", "iccpr", "upr", "ccpr"})
CELL_ROWS = 40  # of every view's model: where codes left unworded show
ENGLISH_HEADING = "Tiếng Anh"  # what follows it is quoted English
# Options (--agency), commands, paths, file names and addresses: not words.
_PATH = re.compile(r"--?[A-Za-z][\w-]*|nap-reporter(?: [a-z]+)*"
                   r"|(?:[A-Za-z]:)?[\w.~@:-]*[/\\][^\s“”«»()]*"
                   r"|[\w-]+\.(?:xlsx|pdf|json|sqlite|csv|txt)\b|\w+://\S+"
                   # a key's fingerprint ("7a11 dc01 add9 fe51") and its base64 text: random
                   r"|\b[0-9a-f]{4}(?: [0-9a-f]{4}){3}\b|[A-Za-z0-9+/]{40,}={0,2}", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_TAG = re.compile(r"<[^>]+>|\{[^{}]*\}")  # markup, and placeholders of messages


def _ts_texts(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(source, translations) of every message of a .ts file."""
    for message in ET.parse(path).getroot().iter("message"):
        element = message.find("translation")
        forms = [] if element is None else [f.text or "" for f in element.iter("numerusform")]
        if element is not None and not forms:
            forms = [element.text or ""]
        yield message.findtext("source") or "", forms


def _ascii_words(text: str) -> set[str]:
    plain = _PATH.sub(" ", _TAG.sub(" ", text).replace("&", ""))
    return {w.lower() for w in _WORD.findall(plain) if w.isascii() and len(w) > 2}


@cache
def vietnamese_ascii() -> frozenset[str]:
    """Words without marks that Vietnamese texts use ("ban", "tin", "can", "long")."""
    from desktop_app.core.domain.labels import LABELS

    found: set[str] = set()
    for ts in ("nap_reporter_vi.ts", "qt_vi.ts"):
        for _source, forms in _ts_texts(FOLDER / ts):
            for form in forms:
                found |= _ascii_words(form)
    for table in LABELS.values():
        for vi, _en in table.values():
            found |= _ascii_words(vi)
    for path in (ROOT / "desktop_app" / "resources" / "catalog").glob("*.json"):
        found |= {w for text in _vietnamese_strings(json.loads(path.read_text("utf-8")))
                  for w in _ascii_words(text)}  # "can thiệp" of a recommendation
    return frozenset(found)


def _vietnamese_strings(value: Any, key: str = "") -> Iterator[str]:
    """The catalog's Vietnamese texts (the values of keys such as name_vi, text_vi)."""
    if isinstance(value, dict):
        for inner, item in value.items():
            yield from _vietnamese_strings(item, str(inner))
    elif isinstance(value, list):
        for item in value:
            yield from _vietnamese_strings(item, key)
    elif isinstance(value, str) and key.endswith("vi"):
        yield value


@cache
def english_vocabulary() -> frozenset[str]:
    found: set[str] = set(STOP_WORDS)
    for ts in ("nap_reporter_en.ts", "qt_vi.ts"):
        for source, _forms in _ts_texts(FOLDER / ts):
            found |= _ascii_words(source)
    return frozenset(found - vietnamese_ascii() - ALLOWED)


def english_words(text: str) -> list[str]:
    """The English words in a shown text (see the module's docstring)."""
    plain = _PATH.sub(" ", _TAG.sub(" ", text).replace("&", ""))
    vocabulary = english_vocabulary()
    return [w for w in _WORD.findall(plain)
            if w.isascii() and len(w) > 2 and not w.isupper() and w.lower() in vocabulary]


def without_english_quote(text: str) -> str:
    """A text quoted in English on purpose (a recommendation's official English text,
    under the heading "Tiếng Anh") left out; the rest kept."""
    lines = text.split("\n")
    return "\n".join(line for i, line in enumerate(lines)
                     if not (i and lines[i - 1].strip() == ENGLISH_HEADING))


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of what the widget tree shows; hidden widgets left out, menus in."""
    found: list[tuple[str, str]] = [("title", root.windowTitle())]

    def add(widget: QWidget, text: str) -> None:
        found.append((f"{type(widget).__name__}#{widget.objectName()}", text))

    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, QMenu) and widget is not root \
                and not widget.isVisibleTo(root):
            continue
        add(widget, widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton):
            add(widget, widget.text())
        if isinstance(widget, QLineEdit):
            add(widget, widget.placeholderText())
        if isinstance(widget, QGroupBox):
            add(widget, widget.title())
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add(widget, widget.itemText(i))
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(widget, widget.tabText(i))
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                add(widget, widget.tabText(i))
                add(widget, widget.tabToolTip(i))
        if isinstance(widget, QListWidget):
            for i in range(widget.count()):
                add(widget, widget.item(i).text())
        if isinstance(widget, QTextEdit | QPlainTextEdit) and widget.isReadOnly():
            add(widget, without_english_quote(widget.toPlainText()))
        if isinstance(widget, QMenu):
            add(widget, widget.title())
            for action in widget.actions():
                if action.isVisible():
                    add(widget, action.text().split("\t")[0])
                    add(widget, action.toolTip())
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) \
                and widget.model() is not None and not isinstance(root, QFileDialog):
            model = widget.model()  # the cells of the first rows (a file dialog's: files)
            root_index = widget.rootIndex()
            try:
                columns = model.columnCount(root_index)
            except TypeError:  # a list model's, private in the binding
                columns = 1
            for row in range(min(model.rowCount(root_index), CELL_ROWS)):
                for column in range(columns):
                    value = model.index(row, column, root_index).data()
                    if isinstance(value, str):
                        add(widget, value)
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            model = widget.model()
            for i in range(widget.count()):
                if not widget.isSectionHidden(i):
                    add(widget, str(model.headerData(i, widget.orientation(),
                                                     Qt.ItemDataRole.DisplayRole) or ""))
    for action in root.actions():
        if action.isVisible():
            found.append(("action", action.text()))
            found.append(("action", action.toolTip()))
    return [(where, text) for where, text in found if text and text.strip()]


def english_in(root: QWidget) -> list[str]:
    return [f"{where}: {text!r} ({', '.join(words)})" for where, text in shown_texts(root)
            if (words := english_words(text))]


def stray_ampersands(root: QWidget) -> list[str]:
    """Labels that show their shortcut's "&" (no buddy to give the shortcut to)."""
    return [label.text() for label in root.findChildren(QLabel)
            if label.isVisibleTo(root) and label.buddy() is None
            and label.textFormat() != Qt.TextFormat.RichText
            and re.search(r"(?<!&)&(?!&)\w", label.text())]


def _screenshots() -> Any:
    spec = importlib.util.spec_from_file_location("screenshots_tool",
                                                  ROOT / "scripts" / "screenshots.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def _focal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return focal_template(tmp_path_factory.mktemp("focal-vi") / "focal.sqlite", (60, 1, THIS_YEAR))


@pytest.fixture
def focal_db(_focal_template: Path, tmp_path: Path) -> Iterator[Database]:
    yield from opened_copy(_focal_template, tmp_path)


# --- the detector ------------------------------------------------------------------------


def test_the_detector_finds_english_and_passes_vietnamese_codes_and_names() -> None:
    for english in ("Cancel", "Name", "Size", "Date Modified", "Open", "Save", "Look in:",
                    "Files of type:", "Hủy bỏ Cancel", "Select All", "Back", "Detail View"):
        assert english_words(english), english
    for fine in ("ban tin in", "Hủy", "CCPR/C/VNM/CO/4", "UPR", "PDF", "Excel (.xlsx)",
                 "NAP Reporter 1.0", "Sở Tư pháp tỉnh Vĩnh Long", "nap-template-2026.xlsx",
                 "/tmp/nap/report backup.sqlite", "English", "Tiếng Việt", "12.345",
                 "postgresql://lan@db.moj.gov.vn/nap", "VLG · Bộ Tư pháp",
                 "Khóa ký của máy này: 7a11 dc01 add9 fe51",  # a random key's fingerprint
                 "Khóa công khai: DnViV8nYjtdP8D193OyixaddQwZbOeluf3wDeVz2g0="):
        assert english_words(fine) == [], fine


def test_a_deliberate_english_string_in_a_dialog_is_caught(qtbot: Any) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setWindowTitle("Chọn tệp")
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel("Files of type:"))
    layout.addWidget(QPushButton("Hủy"))
    hidden = QLabel("Hidden English")
    layout.addWidget(hidden)
    hidden.hide()
    dialog.show()
    found = english_in(dialog)
    assert len(found) == 1 and "Files of type" in found[0], found


# --- the Vietnamese window ---------------------------------------------------------------

# What the tour must have opened (file names of docs/screenshots without the language).
EXPECTED = frozenset({
    "agency:setup", "focal:setup",
    *(f"agency:{p}" for p in ("overview", "activities", "indicators", "recommendations",
                              "submissions", "activity-new", "activity-edit",
                              "activity-edit-indicators", "activity-unsaved",
                              "activity-delete", "context-menu", "calendar", "export",
                              "export-folder", "report-settings", "carry-over", "lock",
                              "unlock")),
    *(f"focal:{p}" for p in ("overview", "completeness", "recommendations", "areas",
                             "imports", "import-files", "import-folder", "import",
                             "import-undo", "national-report", "national-report-save",
                             "reminders", "due-dates", "due-dates-publish",
                             "recommendation-list", "recommendation-list-file",
                             "shared-database")),
    *(f"{r}:{p}" for r in ("agency", "focal")
      for p in ("guide", "keys", "audit", "audit-save", "about", "catalog-install",
                "catalog-refused", "backup", "backup-done", "template", "restore",
                "restore-confirm", "progress")),
})


def _codes() -> set[str]:
    """The enum members' codes that words must replace (planned, focal_point...)."""
    found: set[str] = set()
    for kind in vars(enums).values():
        if isinstance(kind, type) and issubclass(kind, StrEnum) and kind is not StrEnum:
            found |= {str(m.value) for m in kind if len(str(m.value)) > 3
                      and str(m.value).islower()}
    return found


def test_every_page_and_dialog_of_both_roles_is_vietnamese(
        qtbot: Any, agency_db: Database, focal_db: Database, empty_db: Database,
        tmp_path: Path) -> None:
    tool = _screenshots()
    english: list[str] = []
    too_big: list[str] = []
    raw_codes: list[str] = []
    ampersands: list[str] = []
    visited: list[str] = []
    codes = _codes()

    menu_entries: set[str] = set()

    def visit(name: str, widget: QWidget) -> None:
        visited.append(name)
        if isinstance(widget, QMenu):
            menu_entries.update(a.text().replace("&", "").rstrip("…") for a in widget.actions())
        size = widget.frameGeometry().size()
        if not isinstance(widget, QMenu | QCalendarWidget) and (
                size.width() > tool.SIZE.width() or size.height() > tool.SIZE.height()):
            too_big.append(f"{name}: {size.width()}×{size.height()}")
        texts = shown_texts(widget)
        raw_codes.extend(f"{name}: {text!r}" for _where, text in texts
                         if codes & set(re.findall(r"[a-z_]+", _PATH.sub(" ", text))))
        if name.split(":")[1] in tool.BILINGUAL:
            return  # both languages on purpose; the Vietnamese first
        ampersands.extend(f"{name}: {text!r}" for text in stray_ampersands(widget))
        english.extend(f"{name}: {line}" for line in english_in(widget))

    install_translator("vi")
    try:
        contexts = []
        for db in (agency_db, focal_db):
            ctx = AppContext(db, "vi")
            ctx.set_year(THIS_YEAR)
            contexts.append(ctx)
        tool.tour(contexts[0], contexts[1], empty_db, visit, tmp_path)
    finally:
        install_translator("en")
    assert EXPECTED - set(visited) == set()
    assert not english, "\n".join(english)
    assert not raw_codes, "\n".join(raw_codes)
    assert not too_big, "\n".join(too_big)
    assert not ampersands, "\n".join(ampersands)
    # The guide names the File menu's entries as the menu words them.
    guide = (ROOT / "desktop_app" / "resources" / "guide" / "guide_vi.html").read_text("utf-8")
    named = re.findall(r"Tệp → ([^<]+)</b>", guide)
    assert named and [n for n in named if n not in menu_entries] == []


# --- the first run -----------------------------------------------------------------------


def test_the_first_run_offers_vietnamese_first_on_any_system(qtbot: Any,
                                                             empty_db: Database) -> None:
    from desktop_app.core.preferences import LANGUAGE, save_preference
    from desktop_app.ui.dialogs.setup_dialog import SetupDialog
    from desktop_app.ui.launch import first_run_language

    # An English system's language, nothing chosen before, no --lang: Vietnamese.
    assert first_run_language("en", created=True, lang_given=False) == "vi"
    assert first_run_language("en", created=True, lang_given=True) == "en"  # --lang en
    assert first_run_language("en", created=False, lang_given=False) == "en"
    save_preference(LANGUAGE, "en")  # chosen at an earlier setup
    assert first_run_language("en", created=True, lang_given=False) == "en"
    install_translator("vi")
    try:
        dialog = SetupDialog(empty_db, "vi")
        qtbot.addWidget(dialog)
        assert dialog.language_combo.currentData() == "vi"
        assert dialog.language_combo.currentText() == "Tiếng Việt"
        assert [dialog.language_combo.itemData(i) for i in range(2)] == ["vi", "en"]
    finally:
        install_translator("en")
