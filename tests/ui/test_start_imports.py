"""Opening the window imports no library that only exports, imports files or signs need:
openpyxl, reportlab, python-calamine, cryptography, alembic (issue 11: start-up), and an
agency's window none of the focal point's pages (ui/pages/focal_set.py) nor the import.

Checked in a fresh interpreter that opens the window on an agency's database, shows
it offscreen until its first page has loaded, and lists what was imported.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop_app.core.domain.enums import Role
from desktop_app.core.progress import drive
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("openpyxl", "reportlab", "python_calamine", "cryptography", "alembic", "PIL")
FOCAL_ONLY = ("desktop_app.ui.pages.completeness_page", "desktop_app.ui.pages.assessments_page",
              "desktop_app.ui.pages.areas_tasks_page", "desktop_app.ui.pages.imports_page",
              "desktop_app.core.services.imports")

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
from desktop_app.core.storage.database import Database
from desktop_app.ui.context import AppContext
from desktop_app.ui.main_window import MainWindow

app = QApplication([])
db = Database.open(sys.argv[1], create=False)
window = MainWindow(AppContext(db, "vi"))
window.show()
page = window.current_page()
for _ in range(400):
    app.processEvents()
    if getattr(page, "is_loaded", lambda: True)():
        break
    import time; time.sleep(0.01)
loaded = set(sys.modules) | {m.split(".")[0] for m in sys.modules}
print(page.is_loaded(), *sorted(loaded & set(sys.argv[2:])))
window.close()
db.close()
"""


def test_the_window_opens_without_the_file_format_libraries(tmp_path: Path) -> None:
    path = tmp_path / "agency.sqlite"
    db = Database.open(path)
    try:
        initialise(db, Role.AGENCY, "VLG")
        drive(fill_demo(db, activities=20, seed=2))
    finally:
        db.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(path), *HEAVY, *FOCAL_ONLY],
                          cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True"], done.stdout
