"""Pictures of the window for the README, made the way a user would see it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py docs/screenshots

Renders the demo database (filled as `nap-reporter --demo` fills it) in each
language: the Overview, the Activities list filtered as a user would type,
and the activity editor.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NAP_REPORTER_HOME", tempfile.mkdtemp(prefix="nap-shots-"))

from desktop_app.core.paths import demo_db_path  # noqa: E402
from desktop_app.core.storage.database import Database  # noqa: E402
from desktop_app.ui.app import create_application, install_translator  # noqa: E402
from desktop_app.ui.context import AppContext  # noqa: E402
from desktop_app.ui.launch import _settle, fill_demo_once  # noqa: E402
from desktop_app.ui.main_window import SCREENSHOT_SIZE, MainWindow  # noqa: E402


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    db = Database.open(demo_db_path())
    fill_demo_once(db)
    create_application("vi")
    for lang in ("vi", "en"):
        install_translator(lang)
        window = MainWindow(AppContext(db, lang))
        window.resize(SCREENSHOT_SIZE)
        window.show()
        _settle()
        window.grab().save(str(folder / f"overview-{lang}.png"))
        window.show_page([key for key, *_ in __import__(
            "desktop_app.ui.main_window", fromlist=["PAGES"]).PAGES].index("activities"))
        page = window.pages["activities"]
        page.search_edit.setText("tap huan uy ban" if lang == "vi" else "tap huan")
        _settle(0.5)
        window.grab().save(str(folder / f"activities-{lang}.png"))
        page.table.selectRow(0)
        editor = page.edit_selected() or page.editor
        if editor is not None:
            editor.resize(1000, 720)
            _settle()
            editor.grab().save(str(folder / f"editor-{lang}.png"))
            editor.done(0)
        window.close()
        _settle(0.1)
    db.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
