"""A viewer's window writes nothing and says so: on a PostgreSQL role with SELECT rights
only, and on the same `Database.read_only` flag over an SQLite file (the app sets it
only on a server; the pages read the flag, not the engine). Each page and menu entry
that would write is disabled with the "read only" hint shown; with the flag off the
same widgets are enabled, so the test can fail."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent

from desktop_app.core.domain.enums import Role
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.location import ServerLocation
from tests import pg

pytestmark = pytest.mark.gui


@pytest.fixture(params=["postgresql-viewer", "sqlite-flag", "sqlite-writer"])
def viewing(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A focal point's database opened as a viewer (read only) or, last, as a writer."""
    if request.param == "postgresql-viewer":
        cluster = pg.cluster_or_skip()
        url = cluster.fresh_database()
        made = pg.open_location(url)
        initialise(made, Role.FOCAL_POINT)
        made.close()
        name = url.rsplit("/", 1)[1]
        viewer = f"viewer_{name}"
        cluster.sql(f"CREATE ROLE {viewer} LOGIN")
        cluster.sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewer}", name)
        db = Database.open(ServerLocation(cluster.url(name, role=viewer)), create=False)
        assert db.read_only  # the server says so: the role may not write
    else:
        db = Database.open(tmp_path / "focal.sqlite")
        initialise(db, Role.FOCAL_POINT)
        db.read_only = request.param == "sqlite-flag"
    yield db
    db.close()


def test_every_page_and_entry_that_writes_is_disabled_with_the_hint(
        qtbot: Any, qapp: Any, viewing: Database, tmp_path: Path) -> None:
    from desktop_app.ui.app import create_application
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.pages.assessments_page import AssessmentsPage
    from desktop_app.ui.pages.imports_page import ImportsPage

    create_application("en")
    window = MainWindow(AppContext(viewing, "en"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.update_status()
    viewer = viewing.read_only
    assert window.windowTitle().endswith("(read only)") is viewer

    keys = [key for key, _page in window.page_specs]
    window.show_page(keys.index("recommendations"))
    page = window.pages["recommendations"]
    assert isinstance(page, AssessmentsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert page.current() is not None  # a recommendation is shown beside the table ...
    assert page.read_only_hint.isVisible() is viewer  # ... with the hint, for a viewer
    assert "Read only" in page.read_only_hint.text()
    editor, committee = page.editor, page.committee
    editor.implementation_combo.setCurrentIndex(editor.implementation_combo.findData("fully"))
    committee.grade_combo.setCurrentIndex(0)
    committee.document_edit.setText("CCPR/C/TEST/1")  # typed by code even when disabled
    writing = [editor.implementation_combo, editor.note_edit, editor.save_button,
               committee.grade_combo, committee.document_edit, committee.date_edit,
               committee.element_edit, committee.record_button, page.load_list_button]
    assert [w.objectName() or type(w).__name__ for w in writing if w.isEnabled()
            is viewer] == []
    assert editor.isEnabled() and committee.isEnabled()  # what is recorded stays readable
    page.select_code(page.model.row(1).code)  # another recommendation: still disabled
    assert editor.save_button.isEnabled() is False
    assert editor.implementation_combo.isEnabled() is not viewer

    window.show_page(keys.index("imports"))
    imports = window.pages["imports"]
    assert isinstance(imports, ImportsPage)
    assert imports.read_only_hint.isVisible() is viewer
    assert [b.isEnabled() for b in (imports.files_button, imports.folder_button,
                                    imports.undo_button)] == [not viewer] * 3
    for action in (window.import_files_action, window.import_folder_action,
                   window.undo_import_action, window.catalog_action, window.due_dates_action):
        assert action.isEnabled() is not viewer, action.text()

    # files dropped on a viewer's window start no import
    dropped = tmp_path / "VLG_2025_v1.xlsx"
    dropped.write_bytes(b"PK")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(dropped))])
    event = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(event)
    assert window.acceptDrops() is not viewer
    assert event.isAccepted() is not viewer
