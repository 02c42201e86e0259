"""One place where a widget's words follow the language: Qt's LanguageChange → retranslate().

When `app.install_translator` swaps the translation, Qt sends every widget a
LanguageChange event. A widget that shows words mixes this class in before its Qt
base, defines `retranslate()` (set every text from `self.tr(...)` and the labels of
`ui/labels.py`), and calls it once at the end of its `__init__`:

    class SetupDialog(Retranslating, QDialog):
        def __init__(self, ...) -> None:
            super().__init__(parent)
            ...build the widgets...
            self.retranslate()

        def retranslate(self) -> None:
            self.setWindowTitle(self.tr("Set up NAP Reporter"))

Pages get it through `pages/page.py` `Page`. Table models are not widgets and receive
no LanguageChange: the page or dialog that owns one calls the model's own
`retranslate()` from its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _Base = QWidget
else:
    _Base = object


class Retranslating(_Base):
    """Mixin for a QWidget subclass: every LanguageChange calls `self.retranslate()`."""

    def retranslate(self) -> None:
        """Set every text the widget shows in the current language."""
        raise NotImplementedError(f"{type(self).__name__} shows words: define retranslate()")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
