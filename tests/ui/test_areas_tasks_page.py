"""The Areas/Tasks page marks where the plan, the period, each area and each task come
from: checked against the document, read in a secondary source, or still to check."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop_app.core.domain.enums import Role
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from desktop_app.ui.app import create_application, install_translator
from desktop_app.ui.context import AppContext
from desktop_app.ui.pages.areas_tasks_page import AreasTasksPage

pytestmark = pytest.mark.gui
YEAR = 2025  # the 2019 plan is the one in force


@pytest.fixture
def focal(qapp: Any, tmp_path: Path) -> Iterator[AppContext]:
    db = Database.open(tmp_path / "focal.sqlite")
    initialise(db, Role.FOCAL_POINT)
    create_application("en")
    context = AppContext(db, "en")
    context.set_year(YEAR)
    yield context
    install_translator("en")
    db.close()


def _page(qtbot: Any, ctx: AppContext) -> AreasTasksPage:
    page = AreasTasksPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.task_model.rowCount() > 0)
    return page


def _column(model: Any, name: str) -> int:
    return [model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(model.columnCount())].index(name)


def test_areas_tasks_plan_and_period_carry_their_provenance(qtbot: Any,
                                                            focal: AppContext) -> None:
    page = _page(qtbot, focal)
    areas, tasks = page.area_model, page.task_model
    checked = _column(areas, "Checked")
    assert areas.rowCount() == 4
    for row in range(areas.rowCount()):
        line = areas.line(row)
        assert line.cells[checked] == "Secondary source"  # the areas as the press gave them
        assert "1252/QĐ-TTg, 26/09/2019 — Secondary source" in line.tooltip
    checked = _column(tasks, "Checked")
    for row in range(tasks.rowCount()):
        line = tasks.line(row)
        assert line.cells[checked] == "To check"  # the tasks are our summaries
        assert line.tooltip.endswith("1252/QĐ-TTg, 26/09/2019 — To check")
    said = page.provenance.text().splitlines()
    # the plan was read in a secondary source, its last year is still to check
    assert said[0] == ("Plan QD1252-2019: 1252/QĐ-TTg, 26/09/2019 — To check; "
                       "still to check: last year")
    assert said[-1] == "Period 2025: 09/2019/NĐ-CP — Secondary source"
    assert not any("¶" in line for line in said)  # no paragraph is made up


def test_the_marks_follow_the_language(qtbot: Any, focal: AppContext) -> None:
    install_translator("vi")
    focal.lang = "vi"
    page = _page(qtbot, focal)
    assert page.area_model.line(0).cells[-1] == "Nguồn thứ cấp"
    assert page.task_model.line(0).cells[-1] == "Cần đối chiếu"
    assert page.provenance.text().splitlines()[0].endswith("còn cần đối chiếu: năm kết thúc")
