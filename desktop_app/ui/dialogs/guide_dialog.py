"""Help → Guide: a short guide inside the program, in the window's language.

The guide's text is rich text kept in resources/guide (guide_vi.html, guide_en.html),
so it can be revised without touching code and is shipped with the package.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop_app.core.paths import resources_dir
from desktop_app.ui.window_geometry import fit_dialog


def guide_text(lang: str) -> str:
    """The guide as HTML, in Vietnamese or English."""
    name = "guide_vi.html" if lang == "vi" else "guide_en.html"
    return (resources_dir() / "guide" / name).read_text(encoding="utf-8")


class GuideDialog(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Guide"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(guide_text(lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(640, 560)
        fit_dialog(self)
