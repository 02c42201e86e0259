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


def _agency_file(tmp_path: Path) -> Path:
    """An agency's database with a little demo data."""
    path = tmp_path / "agency.sqlite"
    db = Database.open(path)
    try:
        initialise(db, Role.AGENCY, "VLG")
        drive(fill_demo(db, activities=20, seed=2))
    finally:
        db.close()
    return path


def test_the_window_opens_without_the_file_format_libraries(tmp_path: Path) -> None:
    path = _agency_file(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(path), *HEAVY, *FOCAL_ONLY],
                          cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True"], done.stdout


# The real start (`nap-reporter --db FILE`): the first page drawn with its data before
# SQLAlchemy, SQLModel, alembic or the models are imported; then the database opened
# and the other pages made, the status bar read from it.
QUICK_SCRIPT = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

LATER = ("sqlalchemy", "sqlmodel", "alembic", "desktop_app.core.domain.models")
app = QApplication([])
seen = {}

def check():
    window = seen["window"]
    if not (window.ctx.is_open() and all(window.pages.is_built(k) for k in window.pages)):
        QTimer.singleShot(20, check)
        return
    print(*seen["first"], "#", window.status_text(), "#",
          type(window.pages["activities"]).__name__, flush=True)
    window.close()

class Watch(QObject):
    def eventFilter(self, watched, event):
        if (event.type() == QEvent.Type.Paint and "first" not in seen
                and "desktop_app.ui.main_window" in sys.modules):
            from desktop_app.ui.main_window import MainWindow
            for window in QApplication.topLevelWidgets():
                page = window.current_page() if isinstance(window, MainWindow) else None
                if page is not None and page.is_loaded() and page.isAncestorOf(watched):
                    seen["first"] = [name for name in LATER if name in sys.modules]
                    seen["window"] = window
                    QTimer.singleShot(0, check)
        return False

watch = Watch()
app.installEventFilter(watch)
from desktop_app.cli import main
sys.exit(main(["--db", sys.argv[1], "--lang", "en"]))
"""


def test_the_first_page_is_drawn_before_the_database_layer_is_imported(
        tmp_path: Path) -> None:
    path = _agency_file(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", QUICK_SCRIPT, str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    before, status, page = (part.strip() for part in done.stdout.split("#"))
    assert before == ""  # none of them imported before the first page was drawn
    assert status.startswith("VLG · ") and "Period" in status
    assert page == "ActivitiesPage"


# After the first paint of the real start: the database opened on a thread of its own
# (not the GUI thread), the pages' modules imported there too, and the other pages made
# one a turn of the event loop, after the open (launch.py _open_after_paint,
# MainWindow._make_rest): no turn holds the GUI thread for all of it at once.
TURNS_SCRIPT = """
import sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop_app.core.storage import database
from desktop_app.ui import main_window

app = QApplication([])
seen = {"opened_on": [], "made": [], "rest_calls": [], "module_before": []}
open_database = database.Database.open.__func__

def opening(cls, *args, **kwargs):
    seen["opened_on"].append(threading.current_thread() is threading.main_thread())
    return open_database(cls, *args, **kwargs)

database.Database.open = classmethod(opening)
make_page, make_rest = main_window.MainWindow._make_page, main_window.MainWindow._make_rest

def making(self, key):
    seen["made"].append(key)
    seen["module_before"].append(f"desktop_app.ui.pages.{key}_page" in sys.modules)
    return make_page(self, key)

def resting(self, making):
    before = len(seen["made"])
    make_rest(self, making)
    seen["rest_calls"].append((self.ctx.is_open(), len(seen["made"]) - before))

main_window.MainWindow._make_page = making
main_window.MainWindow._make_rest = resting

def check():
    window = next((w for w in QApplication.topLevelWidgets()
                   if isinstance(w, main_window.MainWindow)), None)
    if window is None or not (window.ctx.is_open()
                              and all(window.pages.is_built(k) for k in window.pages)):
        QTimer.singleShot(20, check)
        return
    import gc
    print(seen["opened_on"], seen["made"], seen["module_before"], seen["rest_calls"],
          gc.isenabled(), sep="#")
    window.close()

QTimer.singleShot(0, check)
from desktop_app.cli import main
sys.exit(main(["--db", sys.argv[1], "--lang", "en"]))
"""


def test_after_the_first_paint_the_open_and_the_pages_take_a_turn_each(
        tmp_path: Path) -> None:
    path = _agency_file(tmp_path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", TURNS_SCRIPT, str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    opened_on, made, module_before, rest_calls, collecting = done.stdout.strip().split("#")
    assert collecting == "True"  # the collector rests only until the first paint
    assert opened_on == "[False]"  # once, and not on the GUI thread
    assert made == str(["overview", "activities", "indicators", "recommendations",
                        "submissions"])
    # every page's module imported before the page was made: the first's with the
    # window, the others' by the thread that opened the database
    assert module_before == "[True, True, True, True, True]"
    calls = eval(rest_calls)  # noqa: S307  (a list of tuples this test's script printed)
    assert calls and all(made_now <= 1 for _open, made_now in calls)
    assert all(is_open for is_open, made_now in calls if made_now)
