"""The one QApplication: its names, its translator and a font that draws Vietnamese."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from desktop_app.core.paths import resources_dir

APP_NAME = "NAP Reporter"
ORGANISATION = "NAP Reporter"

# Sans fonts known to carry every Vietnamese letter, best first: the system's own UI
# font on Windows, then what Linux desktops usually have.
_VIETNAMESE_SANS = ("Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial", "Tahoma")

_installed: list[QTranslator] = []


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def load_translator(lang: str) -> QTranslator | None:
    """The compiled translation for lang, or None (English is the source language)."""
    translator = QTranslator()
    if translator.load(f"nap_reporter_{lang}", translations_dir()):
        return translator
    return None


def load_qt_translator(lang: str) -> QTranslator | None:
    """Qt's own strings (file dialogs, buttons, context menus) from our qt_vi.ts."""
    translator = QTranslator()
    if lang == "vi" and translator.load("qt_vi", translations_dir()):
        return translator
    return None


def install_translator(lang: str) -> None:
    """Replace the installed translations (ours and Qt's own strings); Qt then sends
    LanguageChange to every widget."""
    app = QCoreApplication.instance()
    if app is None:
        return
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())
    for translator in (load_qt_translator(lang), load_translator(lang)):
        if translator is not None:
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if lang == "vi"
                               else QLocale.Language.English, QLocale.Country.Vietnam))


def _supports_vietnamese(family: str) -> bool:
    return QFontDatabase.WritingSystem.Vietnamese in QFontDatabase.writingSystems(family)


def ensure_vietnamese_font(app: QApplication) -> None:
    """Keep the system's UI font when it has Vietnamese letters, else pick one that does.

    A font without them falls back letter by letter, so "Ủy ban" comes out in two
    typefaces; choosing a whole font avoids that.
    """
    current = QFontInfo(app.font()).family()
    if _supports_vietnamese(current):
        return
    available = set(QFontDatabase.families(QFontDatabase.WritingSystem.Vietnamese))
    for family in _VIETNAMESE_SANS:
        if family in available:
            font = QFont(app.font())
            font.setFamily(family)
            app.setFont(font)
            return


def create_application(lang: str) -> QApplication:
    """The QApplication (the existing one when there is one, as under pytest-qt)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    ensure_vietnamese_font(app)
    install_translator(lang)
    return app
