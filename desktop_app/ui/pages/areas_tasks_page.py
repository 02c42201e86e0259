"""The focal point's Areas and tasks page: the period's consolidated work per area and task.

Two read-only tables over core.services.consolidated.by_area and by_task, counted
together by the database (`areas_and_tasks`: counts per task, no activity read into
Python; on a worker in a big period): activities by status, how many agencies
(2025 units) acted, and indicators on track. Only the latest
version of each agency's submission counts. Each plan shown, the period, and every area
and task are marked checked / secondary source / to check, with their document and date
(pages/provenance_marks.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QSplitter, QVBoxLayout, QWidget

from desktop_app.core.catalog.provenance import bundled_provenance
from desktop_app.core.domain.enums import ActivityStatus
from desktop_app.core.problems import NapError
from desktop_app.core.services import consolidated
from desktop_app.core.services.consolidated import AreaView, TaskView
from desktop_app.core.services.overview import IndicatorCounts, StatusCounts
from desktop_app.core.storage.database import Database
from desktop_app.messages import problem_text
from desktop_app.ui import numbers
from desktop_app.ui.context import AppContext
from desktop_app.ui.labels import status_names
from desktop_app.ui.pages.overview_page import OVERDUE
from desktop_app.ui.pages.page import Page, small_period
from desktop_app.ui.pages.provenance_marks import ProvenanceMarks, item_provenance
from desktop_app.ui.widgets.lines import Line, LinesModel, lines_table


def _on_track(ind: IndicatorCounts, lang: str) -> str:
    return numbers.ratio(ind.on_track, ind.total, lang) if ind.total else "–"


def _areas_and_tasks(db: Database, year: int
                     ) -> tuple[tuple[AreaView, ...], tuple[TaskView, ...]]:
    """The two tables' rows, and the bundled catalog's provenance their marks show: read
    and checked once per process (~80 ms), where the rows are read (on the worker in a
    big period), not on the GUI thread when they are drawn."""
    bundled_provenance()
    return consolidated.areas_and_tasks(db, year)


class AreasTasksPage(Page):
    AREA_COLUMNS = 9
    TASK_COLUMNS = 10

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.areas: tuple[AreaView, ...] = ()
        self.tasks: tuple[TaskView, ...] = ()
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.marks = ProvenanceMarks(self)
        self.provenance = QLabel()  # the plans shown and the period: where they come from
        self.provenance.setObjectName("provenance")
        self.provenance.setWordWrap(True)
        self.area_model = LinesModel(self.AREA_COLUMNS, right_aligned=(2, 3, 4, 5, 6, 7),
                                     parent=self)
        self.area_table = lines_table(self.area_model, stretch=1)
        self.area_table.setObjectName("byArea")
        self.task_model = LinesModel(self.TASK_COLUMNS, right_aligned=(3, 4, 5, 6, 7, 8),
                                     parent=self)
        self.task_table = lines_table(self.task_model, stretch=2)
        self.task_table.setObjectName("byTask")
        self.area_box, self.task_box = QGroupBox(), QGroupBox()
        QVBoxLayout(self.area_box).addWidget(self.area_table)
        QVBoxLayout(self.task_box).addWidget(self.task_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.area_box)
        splitter.addWidget(self.task_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 420])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.loading_bar)
        layout.addWidget(self.message)
        layout.addWidget(self.provenance)
        layout.addWidget(splitter, 1)
        ctx.data_changed.connect(self._changed)
        ctx.period_changed.connect(self._changed)
        ctx.language_changed.connect(self._changed)

    def retranslate(self) -> None:
        self._show()  # the words are drawn with the figures

    def refresh(self) -> None:
        self._stale = False
        db, year = self.ctx.db, self.ctx.year
        self._load(lambda: _areas_and_tasks(db, year),
                   self._read, self._refused, text=self.tr("Reading the areas and tasks…"),
                   at_once=small_period(db, year))

    def _read(self, views: tuple[tuple[AreaView, ...], tuple[TaskView, ...]]) -> None:
        self.areas, self.tasks = views
        self.message.clear()
        self._show()

    def _refused(self, error: NapError) -> None:
        self.areas, self.tasks = (), ()
        self.message.setText("\n".join(problem_text(p, self.ctx.lang) for p in error.problems))
        self._show()

    def _status_columns(self, counts: StatusCounts) -> tuple[str, ...]:
        lang = self.ctx.lang
        return (numbers.count(counts.total, lang),
                numbers.count(counts.of(ActivityStatus.COMPLETED), lang),
                numbers.count(counts.of(ActivityStatus.IN_PROGRESS), lang))

    def _status_tooltip(self, title: str, counts: StatusCounts) -> str:
        names = status_names()
        return "\n".join([title, *(f"{names[s]}: {numbers.count(counts.of(s), self.ctx.lang)}"
                                   for s in names)])

    def _show(self) -> None:
        lang = self.ctx.lang
        self.heading.setText(self.tr("Areas and tasks in %1").replace("%1", str(self.ctx.year)))
        self.area_box.setTitle(self.tr("By area"))
        self.task_box.setTitle(self.tr("By task"))
        self.area_model.set_headers([
            self.tr("No."), self.tr("Area"), self.tr("Activities"), self.tr("Completed"),
            self.tr("In progress"), self.tr("Agencies"), self.tr("Indicators"),
            self.tr("On track"), self.tr("Checked")])
        self.area_model.set_lines([
            Line((str(a.number), a.title(lang), *self._status_columns(a.activities),
                  numbers.count(a.agencies, lang), numbers.count(a.indicators.total, lang),
                  _on_track(a.indicators, lang),
                  self.marks.checked_word(item_provenance("areas", a.code))),
                 self._status_tooltip(a.title(lang), a.activities) + "\n"
                 + self.marks.provenance_line(item_provenance("areas", a.code)))
            for a in self.areas])
        areas = {a.code: a.number for a in self.areas}
        self.task_model.set_headers([
            self.tr("Task"), self.tr("Area"), self.tr("Title"), self.tr("Activities"),
            self.tr("Completed"), self.tr("In progress"), self.tr("Agencies"),
            self.tr("Indicators"), self.tr("On track"), self.tr("Checked")])
        nothing = self.tr("No agency reported an activity for this task.")
        lines = []
        for t in self.tasks:
            tooltip = self._status_tooltip(f"{t.code} — {t.title(lang)}", t.activities)
            idle = t.activities.total == 0
            found = item_provenance("tasks", t.code)
            lines.append(Line(
                (t.code, str(areas.get(t.area_code, "")), t.title(lang),
                 *self._status_columns(t.activities), numbers.count(t.agencies, lang),
                 numbers.count(t.indicators.total, lang), _on_track(t.indicators, lang),
                 self.marks.checked_word(found)),
                tooltip + ("\n" + nothing if idle else "") + "\n"
                + self.marks.provenance_line(found),
                color=OVERDUE if idle else None))
        self.task_model.set_lines(lines)
        self.provenance.setText(self._provenance_text())

    def _provenance_text(self) -> str:
        """One line per plan shown, then the period's, each with where it comes from."""
        plans = dict.fromkeys([a.plan_code for a in self.areas]
                              + [t.plan_code for t in self.tasks])
        lines = [self.tr("Plan %1: %2").replace("%1", code).replace(
                     "%2", self.marks.provenance_line(item_provenance("plans", code)))
                 for code in plans if code]
        lines.append(self.tr("Period %1: %2").replace("%1", str(self.ctx.year)).replace(
            "%2", self.marks.provenance_line(item_provenance("periods", self.ctx.year))))
        return "\n".join(lines)
