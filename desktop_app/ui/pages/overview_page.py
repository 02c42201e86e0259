"""The Overview page: where this period's report stands and what is still missing.

Everything shown comes from one call to core.services.overview.overview(); the page
only words and draws it. It reloads when the period or the data changes, and only
when it is visible: a hidden page notes that it is stale and reloads when shown. A big
period (100,000 activities) is read on a worker while the busy bar shows; a list that
can be long (indicators with no result) has fixed column widths, never sized to its
contents, which would ask the model for every cell while the window lays out.

At the focal point what is still missing is the agencies that have not reported, with
their contacts (the reminder list's rows), and a button that saves the reminder list
(the window's File > Reminder list command, asked for by `reminder_list_requested`).
Every count and date is worded by `ui/numbers.py`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.problems import NapError
from desktop_app.core.services.overview import (
    STATUSES,
    AreaProgress,
    IndicatorCounts,
    Overview,
    StatusCounts,
    overview,
)
from desktop_app.messages import problem_text
from desktop_app.ui import numbers
from desktop_app.ui.context import AppContext
from desktop_app.ui.labels import status_names
from desktop_app.ui.loading import FIRST_OVERVIEW, take_early
from desktop_app.ui.pages.not_reported import NotReportedList
from desktop_app.ui.pages.page import READ_AT_ONCE_BELOW, Page, small_period
from desktop_app.ui.widgets.charts import (
    BELOW_TARGET,
    NO_RESULT,
    ON_TRACK,
    STATUS_COLORS,
    BarRow,
    Series,
    StackedBars,
)
from desktop_app.ui.widgets.lines import Line, LinesModel, lines_table

WARNING = QColor("#b35c00")
OVERDUE = QColor("#c92a2a")
FOLLOW_UP_MARK = "★"
SOON_DAYS = 30


class OverviewPage(Page):
    reminder_list_requested = Signal()  # the focal point's "Save the reminder list"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today  # fixed by tests; None means the real date at each refresh
        self.overview: Overview | None = None

        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.due_label = QLabel()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        due_font = self.due_label.font()
        due_font.setBold(True)
        self.due_label.setFont(due_font)

        self.area_chart = StackedBars()
        area_scroll = QScrollArea()
        area_scroll.setWidget(self.area_chart)
        area_scroll.setWidgetResizable(True)
        area_scroll.setFrameShape(QFrame.Shape.NoFrame)
        area_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area_scroll.viewport().setAutoFillBackground(False)  # the group box shows through
        self.area_chart.setAutoFillBackground(False)
        self.area_box = QGroupBox()
        QVBoxLayout(self.area_box).addWidget(area_scroll)

        self.task_model = LinesModel(5, right_aligned=(2, 3, 4), parent=self)
        self.task_table = lines_table(self.task_model, stretch=1)
        self.task_box = QGroupBox()
        QVBoxLayout(self.task_box).addWidget(self.task_table)

        self.missing_tasks_label = QLabel()
        self.missing_tasks_model = LinesModel(2, parent=self)
        self.missing_tasks_table = lines_table(self.missing_tasks_model, stretch=1)
        self.missing_results_label = QLabel()
        self.missing_results_model = LinesModel(2, parent=self)
        self.missing_results_table = lines_table(self.missing_results_model, stretch=1,
                                                 widths={0: 280})
        # The focal point's: the agencies that have not reported, with their contacts.
        self.not_reported = NotReportedList()
        self.not_reported.reminder_list_requested.connect(self.reminder_list_requested)
        self.not_reported.hide()
        self.missing_box = QGroupBox()
        missing = QVBoxLayout(self.missing_box)
        missing.addWidget(self.missing_tasks_label)
        missing.addWidget(self.missing_tasks_table, 1)
        missing.addWidget(self.missing_results_label)
        missing.addWidget(self.missing_results_table, 2)
        missing.addWidget(self.not_reported, 3)

        self.recommendations_model = LinesModel(4, right_aligned=(2,), parent=self)
        self.recommendations_table = lines_table(self.recommendations_model, stretch=3)
        self.recommendations_box = QGroupBox()
        QVBoxLayout(self.recommendations_box).addWidget(self.recommendations_table)

        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.addWidget(self.area_box)
        self.left.addWidget(self.task_box)
        self.left.setChildrenCollapsible(False)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.missing_box)
        right.addWidget(self.recommendations_box)
        right.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([560, 450])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.loading_bar)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.due_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.splitter, 1)

        ctx.period_changed.connect(self._changed)
        ctx.data_changed.connect(self._changed)
        ctx.language_changed.connect(self._changed)

    def retranslate(self) -> None:
        if self.overview is not None:
            self._show(self.overview)  # the words are drawn with the figures

    def refresh(self) -> None:
        self._stale = False
        ctx, year, today = self.ctx, self.ctx.year, self.today
        early = take_early(FIRST_OVERVIEW)  # begun at start-up, as the window was made

        def read() -> Overview:  # ctx.db only when needed: it may not be open yet
            if early is not None and today is None:
                found: Overview = early()
                if found.year == year:
                    return found
            return overview(ctx.db, year, today)

        # With the early read under way the answer comes on a worker: no count first.
        self._load(read, self._loaded, self._refused, text=self.tr("Reading the overview…"),
                   at_once=early is None and self._small())

    def _small(self) -> bool:
        """Whether the period is small enough to read at once (the last read says)."""
        if self.overview is not None and self.overview.year == self.ctx.year:
            return self.overview.activities.total < READ_AT_ONCE_BELOW
        return small_period(self.ctx.db, self.ctx.year)

    def _loaded(self, result: Overview) -> None:
        self.overview = result
        self._show(result)

    def _refused(self, error: NapError) -> None:
        self.overview = None
        self._show_error("\n".join(problem_text(p, self.ctx.lang) for p in error.problems))

    # --- wording ---------------------------------------------------------------------

    def days_left_text(self, days_left: int | None) -> str:
        if days_left is None:
            return self.tr("No due date is set for this period.")
        if days_left == 0:
            return self.tr("Due today")
        if days_left == 1:
            return self.tr("1 day left")
        if days_left > 1:
            return self.tr("%1 days left").replace("%1", self._count(days_left))
        if days_left == -1:
            return self.tr("Overdue by 1 day")
        return self.tr("Overdue by %1 days").replace("%1", self._count(-days_left))

    def _count(self, value: int) -> str:
        return numbers.count(value, self.ctx.lang)

    def _status_tooltip(self, counts: StatusCounts, indicators: IndicatorCounts) -> str:
        names = status_names()
        lines = [f"{names[s]}: {self._count(counts.of(s))}" for s in STATUSES]
        lines.append(self.tr("Indicators: %1, with a result: %2, on track: %3")
                     .replace("%1", self._count(indicators.total))
                     .replace("%2", self._count(indicators.with_result))
                     .replace("%3", self._count(indicators.on_track)))
        return "\n".join(lines)

    def _show_error(self, message: str) -> None:
        self.heading.setText(self.tr("Overview of %1").replace("%1", str(self.ctx.year)))
        self.plan_label.setText(message)
        for label in (self.due_label, self.summary_label):
            label.clear()
        self.area_chart.set_data((), (), "")
        for model in (self.task_model, self.missing_tasks_model, self.missing_results_model,
                      self.recommendations_model):
            model.set_lines([])
        self.not_reported.clear()

    def _show(self, o: Overview) -> None:
        lang = self.ctx.lang
        self.heading.setText(self.tr("Overview of the %1 reporting period")
                             .replace("%1", str(o.year)))
        if o.plan_code:
            title = o.plan_title_vi if lang == "vi" else o.plan_title_en
            self.plan_label.setText(self.tr("Plan in force: Decision %1 — %2")
                                    .replace("%1", o.plan_decision).replace("%2", title))
        else:
            self.plan_label.setText(self.tr("No plan is in force for this year."))
        self._show_due(o)
        self.summary_label.setText(
            self.tr("%1 activities · %2 indicators: %3 with a result, %4 on track")
            .replace("%1", self._count(o.activities.total))
            .replace("%2", self._count(o.indicators.total))
            .replace("%3", self._count(o.indicators.with_result))
            .replace("%4", self._count(o.indicators.on_track)))
        self._show_areas(o.by_area)
        self._show_tasks(o)
        self._show_missing(o)
        self._show_recommendations(o)

    def _show_due(self, o: Overview) -> None:
        lang = self.ctx.lang
        left = self.days_left_text(o.days_left)
        if o.due_date is None:
            self.due_label.setText(left)
        else:
            self.due_label.setText(self.tr("Due date %1 — %2")
                                   .replace("%1", numbers.day(o.due_date, lang))
                                   .replace("%2", left))
        color = None
        if o.days_left is not None and o.days_left < 0:
            color = OVERDUE
        elif o.days_left is not None and o.days_left <= SOON_DAYS:
            color = WARNING
        self.due_label.setStyleSheet(f"color: {color.name()};" if color else "")

    def _show_areas(self, areas: tuple[AreaProgress, ...]) -> None:
        names = status_names()
        self.area_box.setTitle(self.tr("Progress by area"))
        series = (
            Series(self.tr("Activities"),
                   tuple((names[s], STATUS_COLORS[s]) for s in STATUSES)),
            Series(self.tr("Indicators"),
                   ((self.tr("On track"), ON_TRACK), (self.tr("Below target"), BELOW_TARGET),
                    (self.tr("No result yet"), NO_RESULT))),
        )
        rows = []
        for area in areas:
            ind = area.indicators
            rows.append(BarRow(
                f"{area.number}. {area.title(self.ctx.lang)}",
                (area.activities.counts,
                 (ind.on_track, ind.with_result - ind.on_track, ind.total - ind.with_result)),
                (self.tr("%1 activities").replace("%1", self._count(area.activities.total)),
                 self.tr("%1 of %2 on track").replace("%1", self._count(ind.on_track))
                 .replace("%2", self._count(ind.total)) if ind.total
                 else self.tr("no indicators")),
                f"{area.title(self.ctx.lang)}\n"
                + self._status_tooltip(area.activities, area.indicators)))
        self.area_chart.set_data(series, tuple(rows), self.tr("No area in this plan."))
        self._fit_chart()

    def _fit_chart(self) -> None:
        """Give the bars the room they need, but leave the task table at least 40%."""
        total = sum(self.left.sizes()) or self.left.height()
        if total <= 0:
            return
        frame = self.area_box.sizeHint().height() - self.area_chart.sizeHint().height()
        wanted = self.area_chart.sizeHint().height() + max(frame, 0) + 4
        chart = min(wanted, int(total * 0.6))
        self.left.setSizes([chart, total - chart])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_chart()

    def _show_tasks(self, o: Overview) -> None:
        self.task_box.setTitle(self.tr("Progress by task"))
        self.task_model.set_headers([
            self.tr("Task"), self.tr("Title"), self.tr("Activities"), self.tr("Completed"),
            self.tr("Indicators on track")])
        lines = []
        for t in o.by_task:
            missing = t.expected and t.activities.total == 0
            tooltip = f"{t.code} — {t.title(self.ctx.lang)}\n" + self._status_tooltip(
                t.activities, t.indicators)
            if missing:
                tooltip += "\n" + self.tr("No activity recorded yet for this period.")
            lines.append(Line(
                (t.code, t.title(self.ctx.lang), self._count(t.activities.total),
                 self._count(t.activities.of("completed")),
                 numbers.ratio(t.indicators.on_track, t.indicators.total, self.ctx.lang)
                 if t.indicators.total else "–"),
                tooltip, color=OVERDUE if missing else None))
        self.task_model.set_lines(lines)

    def _show_missing(self, o: Overview) -> None:
        focal = o.agencies_due is not None
        self.not_reported.setVisible(focal)
        for widget in (self.missing_tasks_label, self.missing_results_label):
            widget.setVisible(not focal)
        if focal:  # the focal point's business is who has not reported, not every task
            self.missing_tasks_table.hide()
            self.missing_results_table.hide()
            self.missing_box.setTitle(self.tr("Agencies that have not reported"))
            self.not_reported.show_for(o, self.ctx.lang)
            return
        self.missing_box.setTitle(self.tr("Still missing for this period's submission"))
        self.missing_tasks_label.setText(self.tr("Tasks with no activity: %1")
                                         .replace("%1", self._count(len(o.missing_tasks))))
        self.missing_tasks_model.set_headers([self.tr("Task"), self.tr("Title")])
        self.missing_tasks_model.set_lines([
            Line((m.code, m.title(self.ctx.lang))) for m in o.missing_tasks])
        missing = o.missing_results_count
        if missing > len(o.missing_results):
            self.missing_results_label.setText(
                self.tr("Indicators with no result: %1 (the first %2 are listed)")
                .replace("%1", self._count(missing))
                .replace("%2", self._count(len(o.missing_results))))
        else:
            self.missing_results_label.setText(self.tr("Indicators with no result: %1")
                                               .replace("%1", self._count(missing)))
        self.missing_results_model.set_headers([self.tr("Indicator"), self.tr("Activity")])
        self.missing_results_model.set_items(o.missing_results, lambda r: Line(
            (r.name, r.activity_title or r.task_code),
            f"{r.name} ({r.unit})\n{r.activity_title or r.task_code}"))
        done = not o.missing_tasks and not o.missing_results
        self.missing_tasks_table.setVisible(bool(o.missing_tasks))
        self.missing_results_table.setVisible(bool(o.missing_results))
        if done:
            self.missing_tasks_label.setText(
                self.tr("Nothing is missing: every task has an activity and every "
                        "indicator has a result."))
            self.missing_results_label.clear()

    def _show_recommendations(self, o: Overview) -> None:
        self.recommendations_box.setTitle(
            self.tr("Recommendations (the cycle in force first; ★ follow-up)"))
        self.recommendations_model.set_headers(
            ["", self.tr("Code"), self.tr("Activities"), self.tr("Recommendation")])
        follow_up_tip = self.tr("Follow-up recommendation: the Committee asked for "
                                "information on it within two years.")
        lines = []
        for r in o.recommendations:
            text = r.text(self.ctx.lang)
            tooltip = (follow_up_tip + "\n\n" + text) if r.follow_up else text
            lines.append(Line((FOLLOW_UP_MARK if r.follow_up else "", r.code,
                               self._count(r.activities), text), tooltip, bold=r.follow_up))
        self.recommendations_model.set_lines(lines)
