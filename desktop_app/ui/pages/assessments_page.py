"""The focal point's Recommendations page: consolidated by recommendation, and assessed.

Per recommendation of the chosen period: which agencies acted (as the 2025 units they
roll up to), their activities, the indicator results, and two different things
beside the table (widgets/assessment_editor.py): the Committee's A–E grades, facts
recorded with its document and date (record_committee_grade; "to check" when they have
none), and the focal point's own judgment, fully / partially / not implemented with a
note (assess). The table's model is models/consolidated_table.py.
Follow-up recommendations come first and carry a star.

The table's rows are counted by the database (`consolidated.by_recommendation`: counts per
recommendation, no activity read into Python). The activities of the selected
recommendation are read when it is selected, only the first MAX_ACTIVITIES_SHOWN of them
(the detail lists those and says how many more); in a big period on a worker, the detail
saying so until they come, so that a click never freezes the window.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.catalog.provenance import bundled_provenance, provenance_of
from desktop_app.core.problems import NapError
from desktop_app.core.services import assessments, consolidated
from desktop_app.core.services.consolidated import RecommendationView
from desktop_app.core.services.focal_facts import grade_meanings
from desktop_app.core.storage.database import Database
from desktop_app.messages import problem_text
from desktop_app.ui import numbers
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.labels import status_name
from desktop_app.ui.loading import Reader
from desktop_app.ui.models.consolidated_table import (
    FOLLOW_UP_MARK,
    ConsolidatedFilterProxy,
    ConsolidatedRecommendationModel,
)
from desktop_app.ui.pages.page import Page, small_period
from desktop_app.ui.read_only import ReadOnlyHint, disable
from desktop_app.ui.widgets.assessment_editor import AssessmentEditor, CommitteeGradeEditor
from desktop_app.ui.widgets.selection import select_where, selected_source_row

MAX_ACTIVITIES_SHOWN = 60


def _recommendations(db: Database, year: int) -> list[RecommendationView]:
    """The table's rows, and the bundled catalog's provenance their marks and the detail
    show: read and checked once per process (~80 ms), where the rows are read (on the
    worker in a big period), not at the first selection on the GUI thread."""
    bundled_provenance()
    return list(consolidated.by_recommendation(db, year))


class AssessmentsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._small = True  # whether the period is small enough to read at once
        self._detail_head: tuple[RecommendationView, str] | None = None
        self.detail_reader = Reader(self)
        self.detail_reader.done.connect(self._activities_read)
        self.detail_reader.failed.connect(self._activities_failed)
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.follow_up_only = QCheckBox()
        self.count_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.model = ConsolidatedRecommendationModel(ctx.lang, self)
        self.proxy = ConsolidatedFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # follow-up first
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ConsolidatedRecommendationModel.TEXT,
                                    QHeaderView.ResizeMode.Stretch)
        # Narrow fixed columns for the numbers, so the recommendation's text keeps room;
        # the headers' full words are in their tooltips.
        m = ConsolidatedRecommendationModel
        for column, width in ((m.FOLLOW_UP, 24), (m.AGENCIES, 64), (m.ACTIVITIES, 72),
                              (m.INDICATORS, 104), (m.GRADE, 48), (m.IMPLEMENTATION, 84)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)

        header.setMinimumSectionSize(24)
        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        self.editor = AssessmentEditor()
        self.committee = CommitteeGradeEditor()
        self.committee.set_grades(grade_meanings(ctx.db), ctx.lang)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.committee)
        right_layout.addWidget(self.editor)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 360])
        splitter.setChildrenCollapsible(False)

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.follow_up_only)
        bar.addWidget(self.count_label)
        self.load_list_button = QPushButton()
        self.load_list_button.clicked.connect(self.load_list)
        bar.addWidget(self.load_list_button)
        self.read_only_hint = ReadOnlyHint(ctx.db.read_only)  # a viewer: nothing to edit
        self.editor.set_read_only(ctx.db.read_only)
        self.committee.set_read_only(ctx.db.read_only)
        disable(ctx.db.read_only, (self.load_list_button,))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.read_only_hint)
        layout.addWidget(self.loading_bar)
        layout.addLayout(bar)
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)

        self.filter_edit.textChanged.connect(self._filter_changed)
        self.follow_up_only.toggled.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        self.editor.save_button.clicked.connect(self.save_assessment)
        self.committee.record_button.clicked.connect(self.record_grade)
        ctx.data_changed.connect(self._changed)
        ctx.period_changed.connect(self._changed)
        ctx.language_changed.connect(self._language_changed)
        self.retranslate()

    def refresh(self) -> None:
        self._stale = False
        db, year = self.ctx.db, self.ctx.year
        self._small = small_period(db, year)
        self._load(lambda: _recommendations(db, year), self._show_rows,
                   self._refused, text=self.tr("Reading the recommendations…"),
                   at_once=self._small)

    def _refused(self, error: NapError) -> None:
        self.error_label.setText("\n".join(problem_text(p, self.ctx.lang)
                                           for p in error.problems))
        self._show_rows([])

    def _show_rows(self, rows: list[RecommendationView]) -> None:
        current = self.current()
        if rows:
            self.error_label.clear()
        self.error_label.setVisible(not rows and bool(self.error_label.text()))
        self.model.set_rows(rows)  # the reset clears the selection
        reselected = current is not None and self.select_code(current.code)
        if not reselected and self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_heading()
        if self.current() is None:  # else the selection's change has shown it, once
            self._show_current()

    def _language_changed(self, lang: str) -> None:
        self.model.set_language(lang)
        self.committee.set_grades(self.committee.grades, lang)
        self._show_current()

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr(
            "Filter by code, agency or words of the text (with or without diacritics)"))
        self.follow_up_only.setText(self.tr("Follow-up only"))
        self.load_list_button.setText(self.tr("Load an official &list…"))
        self.model.retranslate()
        self.editor.retranslate()
        self.committee.retranslate()
        self._update_heading()
        self._show_current()

    def _update_heading(self) -> None:
        self.heading.setText(self.tr("Recommendations in %1: actions and assessment")
                             .replace("%1", str(self.ctx.year)))
        assessed = sum(1 for r in range(self.model.rowCount())
                       if self.model.row(r).assessment is not None)
        self.count_label.setText(
            self.tr("%1 of %2 shown · %3 assessed")
            .replace("%1", numbers.count(self.proxy.rowCount(), self.ctx.lang))
            .replace("%2", numbers.count(self.model.rowCount(), self.ctx.lang))
            .replace("%3", numbers.count(assessed, self.ctx.lang)))

    # --- selection -------------------------------------------------------------------

    def _filter_changed(self, *_: object) -> None:
        self.proxy.set_filter(self.filter_edit.text(), self.follow_up_only.isChecked())
        if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_heading()
        self._show_current()

    def current(self) -> RecommendationView | None:
        row = selected_source_row(self.table, self.proxy)
        return None if row is None else self.model.row(row)

    def select_code(self, code: str) -> bool:
        return select_where(self.table, self.proxy, ConsolidatedRecommendationModel.CODE, code)

    def _show_current(self) -> None:
        view = self.current()
        self.editor.show_for(view)
        self.committee.show_for(view)
        if view is None:
            nothing = self.tr("No recommendation selected.")
            self.detail.setHtml(f"<p>{html.escape(nothing)}</p>")
            return
        e = html.escape
        lang = self.ctx.lang
        mark = f"{FOLLOW_UP_MARK} " if view.follow_up else ""
        parts = [f"<h3>{e(mark + view.code)}</h3>",
                 f"<p>{e(view.source_code)}"
                 + (f", ¶ {e(view.paragraph)}" if view.paragraph else "") + "</p>",
                 f"<p><i>{e(self._checked(view))}</i></p>",
                 f"<p>{e(view.text(lang))}</p>"]
        if view.follow_up:
            follow_up = self.tr("Follow-up recommendation: the Committee asked for "
                                "information on it within two years.")
            parts.append(f"<p><i>{e(follow_up)}</i></p>")
        ind = view.indicators
        indicators_word = self.tr("Indicators")
        acted_word = self.tr("Agencies that acted")
        parts.append(f"<p><b>{e(indicators_word)}:</b> " + e(
            self.tr("%1 in all, %2 with a result, %3 on track")
            .replace("%1", numbers.count(ind.total, lang))
            .replace("%2", numbers.count(ind.with_result, lang))
            .replace("%3", numbers.count(ind.on_track, lang))) + "</p>")
        agencies = ", ".join(a.name(lang) for a in view.agencies) or "–"
        parts.append(f"<p><b>{e(acted_word)} ({numbers.count(len(view.agencies), lang)}):</b> "
                     f"{e(agencies)}</p>")
        head = "".join(parts)
        if not view.activities or self._small:
            self.detail_reader.stop()
            self.detail.setHtml(head + self._activities_html(view, self._activities_of(view)))
            return
        self.detail.setHtml(head + self._activities_html(view, None))
        db, year, code = self.ctx.db, self.ctx.year, view.code
        self._detail_head = (view, head)
        self.detail_reader.start(lambda: consolidated.activities_for_recommendation(
            db, year, code, first=MAX_ACTIVITIES_SHOWN))

    def _checked(self, view: RecommendationView) -> str:
        """Whether the text was checked against its document, and where it comes from."""
        found = provenance_of("recommendations", view.code)
        if view.illustrative:
            state = self.tr("Illustrative summary, not the document's own recommendation")
        elif found is not None and not found.confirmed:
            state = self.tr("To check against the document")
        else:
            state = (self.tr("Checked against the document") if view.verified
                     else self.tr("To check against the document"))
        where = [found.document if found and found.document else view.source_symbol or ""]
        if found and found.on:
            where.append(numbers.day(found.on, self.ctx.lang))
        said = ", ".join(w for w in where if w)
        return f"{state} ({said})" if said else state

    def _activities_of(self, view: RecommendationView
                       ) -> tuple[consolidated.ActivityView, ...] | NapError:
        if not view.activities:
            return ()
        try:
            return consolidated.activities_for_recommendation(
                self.ctx.db, self.ctx.year, view.code, first=MAX_ACTIVITIES_SHOWN)
        except NapError as error:
            return error

    def _activities_failed(self, error: object) -> None:
        if not isinstance(error, NapError):
            raise error if isinstance(error, BaseException) else RuntimeError(error)
        self._activities_read(error)

    def _activities_read(self, found: tuple[consolidated.ActivityView, ...] | NapError
                         ) -> None:
        if self._detail_head is None:
            return
        view, head = self._detail_head
        current = self.current()
        if current is not None and current.code == view.code:
            self.detail.setHtml(head + self._activities_html(view, found))

    def _activities_html(self, view: RecommendationView,
                         found: tuple[consolidated.ActivityView, ...] | NapError | None) -> str:
        """The list of the recommendation's activities (None: being read)."""
        e = html.escape
        title = e(self.tr("Activities (%1)").replace(
            "%1", numbers.count(view.activities, self.ctx.lang)))
        if not view.activities:
            return f"<p><b>{title}:</b> –</p>"
        if found is None:
            reading = self.tr("Reading the activities…")
            return f"<p><b>{title}:</b> <i>{e(reading)}</i></p>"
        if isinstance(found, NapError):
            return ""
        lang = self.ctx.lang
        items = []
        for a in found[:MAX_ACTIVITIES_SHOWN]:
            who = a.rollup.name(lang)
            if a.agency.code != a.rollup.code:
                who += f" [{a.agency.name(lang)}]"
            if not a.attributed:
                who += " " + self.tr("(not attributed to a successor)")
            items.append(f"<li><b>{e(who)}</b>: {e(a.title)} "
                         f"<i>({e(status_name(a.status))})</i></li>")
        more = view.activities - len(found[:MAX_ACTIVITIES_SHOWN])  # only those are read
        more_text = self.tr("… and %1 more").replace("%1", numbers.count(more, lang))
        tail = f"<p>{e(more_text)}</p>" if more > 0 else ""
        return f"<p><b>{title}:</b></p><ul>{''.join(items)}</ul>{tail}"

    # --- recording -------------------------------------------------------------------

    def save_assessment(self) -> None:
        code, implementation = self.editor.code, self.editor.implementation()
        if code is None or implementation is None:
            return
        try:
            assessments.assess(self.ctx.db, code, implementation,
                               self.editor.note_edit.toPlainText(), year=self.ctx.year)
        except NapError as error:
            message_box.show_error(self, self.tr("Save judgment"), error, self.ctx.lang)
            return
        self.ctx.data_changed.emit()
        if not self.isVisible():
            self.refresh()
        self.select_code(code)
        self.editor.saved_label.setText(self.tr("Saved."))

    def load_list(self) -> None:
        from desktop_app.ui.dialogs.recommendation_list_dialog import RecommendationListDialog

        RecommendationListDialog(self.ctx, self).exec()

    def record_grade(self) -> None:
        c = self.committee
        code, grade = c.code, c.grade()
        if code is None or grade is None:
            return
        try:
            assessments.record_committee_grade(
                self.ctx.db, code, grade, c.document_edit.text(),
                date.fromisoformat(c.issued_on()), c.element_edit.text())
        except NapError as error:
            message_box.show_error(self, self.tr("Record the Committee's grade"), error,
                                   self.ctx.lang)
            return
        self.ctx.data_changed.emit()
        if not self.isVisible():
            self.refresh()
        self.select_code(code)
