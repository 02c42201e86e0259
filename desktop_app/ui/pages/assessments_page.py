"""The focal point's Recommendations page: consolidated by recommendation, and assessed.

Per recommendation of the chosen period: which agencies acted (as the 2025 units they
roll up to), their activities, the indicator results, and the focal point's assessment
— the Committee's A–E grade and fully / partially / not implemented, with a note —
which the editor beside the table records through core.services.assessments.assess.
Follow-up recommendations come first and carry a star.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.domain.enums import Implementation
from desktop_app.core.domain.text import collation_key, fold
from desktop_app.core.problems import NapError
from desktop_app.core.services import assessments, consolidated
from desktop_app.core.services.consolidated import RecommendationView
from desktop_app.core.services.focal_facts import GradeMeaning, grade_meanings
from desktop_app.core.services.overview import natural_key
from desktop_app.messages import problem_text
from desktop_app.ui.commands.worker import show_error
from desktop_app.ui.context import AppContext
from desktop_app.ui.labels import status_name
from desktop_app.ui.models.proxies import SORT_ROLE, SearchProxy
from desktop_app.ui.pages.page import Page

AnyIndex = QModelIndex | QPersistentModelIndex
FOLLOW_UP_MARK = "★"
MAX_ACTIVITIES_SHOWN = 60


def implementation_names() -> dict[str, str]:
    return {
        Implementation.FULLY: QCoreApplication.translate("Implementation", "Fully implemented"),
        Implementation.PARTIALLY: QCoreApplication.translate("Implementation",
                                                             "Partially implemented"),
        Implementation.NOT: QCoreApplication.translate("Implementation", "Not implemented"),
    }


class ConsolidatedRecommendationModel(QAbstractTableModel):
    FOLLOW_UP, CODE, AGENCIES, ACTIVITIES, INDICATORS, GRADE, IMPLEMENTATION, TEXT = range(8)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows: list[RecommendationView] = []
        self._search: list[str] = []

    def set_rows(self, rows: list[RecommendationView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._search = [fold(" ".join((r.code, r.source_code, r.paragraph or "", r.text_vi,
                                       r.text_en, *(a.name_vi for a in r.agencies))))
                        for r in rows]
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self.beginResetModel()
        self.lang = lang
        self.endResetModel()

    def row(self, index: int) -> RecommendationView:
        return self._rows[index]

    def search_text(self, index: int) -> str:
        return self._search[index]

    def headers(self) -> list[str]:
        return ["", self.tr("Code"), self.tr("Agencies"), self.tr("Activities"),
                self.tr("On track"), self.tr("Grade"), self.tr("Implemented"),
                self.tr("Recommendation")]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.TEXT + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.headers()[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                return {self.FOLLOW_UP: self.tr("Follow-up recommendation"),
                        self.AGENCIES: self.tr("Agencies that acted"),
                        self.ACTIVITIES: self.tr("Activities"),
                        self.INDICATORS: self.tr("Indicators on track"),
                        self.GRADE: self.tr("The Committee's follow-up grade (A–E)"),
                        self.IMPLEMENTATION: self.tr("Implementation")}.get(section)
        return None

    def _display(self, r: RecommendationView, column: int) -> str:
        if column == self.FOLLOW_UP:
            return FOLLOW_UP_MARK if r.follow_up else ""
        if column == self.CODE:
            return r.code
        if column == self.AGENCIES:
            return str(len(r.agencies))
        if column == self.ACTIVITIES:
            return str(r.activities)
        if column == self.INDICATORS:
            ind = r.indicators
            return f"{ind.on_track} / {ind.total}" if ind.total else "–"
        if column == self.GRADE:
            return r.assessment.grade if r.assessment else ""
        if column == self.IMPLEMENTATION:
            return implementation_names().get(r.assessment.implementation,
                                              r.assessment.implementation) \
                if r.assessment else ""
        return r.text(self.lang)

    def _sort_value(self, r: RecommendationView, column: int) -> Any:
        if column == self.FOLLOW_UP:
            return 0 if r.follow_up else 1
        if column == self.CODE:
            return natural_key(r.code)
        if column == self.AGENCIES:
            return len(r.agencies)
        if column == self.ACTIVITIES:
            return r.activities
        if column == self.INDICATORS:
            return (r.indicators.on_track, r.indicators.total)
        if column == self.GRADE:
            return r.assessment.grade if r.assessment else "Z"
        return collation_key(self._display(r, column))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if role == SORT_ROLE:
            return self._sort_value(r, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.FOLLOW_UP and r.follow_up:
                return self.tr("Follow-up recommendation: the Committee asked for "
                               "information on it within two years.")
            if column == self.AGENCIES:
                return "\n".join(a.name(self.lang) for a in r.agencies) or None
            if column in (self.IMPLEMENTATION, self.GRADE) and r.assessment:
                return r.assessment.note or None
            return r.text(self.lang) if column == self.TEXT else None
        if role == Qt.ItemDataRole.FontRole and r.follow_up and column in (self.CODE,
                                                                          self.FOLLOW_UP):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                self.FOLLOW_UP, self.AGENCIES, self.ACTIVITIES, self.INDICATORS, self.GRADE):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.TEXT)


class ConsolidatedFilterProxy(SearchProxy):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow_up_only = False

    def _source(self) -> ConsolidatedRecommendationModel:
        model = self.sourceModel()
        assert isinstance(model, ConsolidatedRecommendationModel)
        return model

    def set_filter(self, search: str, follow_up_only: bool) -> None:
        self.beginFilterChange()
        self.search, self.follow_up_only = search.strip(), follow_up_only
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self.follow_up_only and not self._source().row(source_row).follow_up:
            return False
        return self.accepts_search(source_row)


class AssessmentEditor(QGroupBox):
    """Grade, implementation and note of the selected recommendation for the period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code: str | None = None
        self.grades: list[GradeMeaning] = []
        self.lang = "vi"
        self.grade_combo = QComboBox()
        self.grade_meaning = QLabel()
        self.grade_meaning.setWordWrap(True)
        self.grade_meaning.setObjectName("gradeMeaning")
        self.implementation_combo = QComboBox()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setMaximumHeight(90)
        self.save_button = QPushButton()
        self.saved_label = QLabel()
        self.grade_label, self.implementation_label, self.note_label = (
            QLabel(), QLabel(), QLabel())
        self.grade_label.setBuddy(self.grade_combo)
        self.implementation_label.setBuddy(self.implementation_combo)
        self.note_label.setBuddy(self.note_edit)
        form = QFormLayout(self)
        form.addRow(self.grade_label, self.grade_combo)
        form.addRow("", self.grade_meaning)
        form.addRow(self.implementation_label, self.implementation_combo)
        form.addRow(self.note_label, self.note_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        self.grade_combo.currentIndexChanged.connect(self._edited)
        self.implementation_combo.currentIndexChanged.connect(self._edited)
        self.note_edit.textChanged.connect(self._edited)

    def set_grades(self, grades: list[GradeMeaning], lang: str) -> None:
        self.grades, self.lang = grades, lang
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Assessment for this period"))
        self.grade_label.setText(self.tr("&Grade (A–E):"))
        self.implementation_label.setText(self.tr("&Implementation:"))
        self.note_label.setText(self.tr("&Note:"))
        self.save_button.setText(self.tr("&Save assessment"))
        self.grade_combo.setPlaceholderText(self.tr("Choose a grade"))
        self.implementation_combo.setPlaceholderText(self.tr("Choose"))
        self._fill_combos()

    def _fill_combos(self) -> None:
        grade, implementation = self.grade(), self.implementation()
        for combo in (self.grade_combo, self.implementation_combo):
            combo.blockSignals(True)
            combo.clear()
        for g in self.grades:
            self.grade_combo.addItem(g.code, g.code)
            self.grade_combo.setItemData(self.grade_combo.count() - 1, g.meaning(self.lang),
                                         Qt.ItemDataRole.ToolTipRole)
        for value, name in implementation_names().items():
            self.implementation_combo.addItem(name, value)
        self.grade_combo.setCurrentIndex(self.grade_combo.findData(grade))
        self.implementation_combo.setCurrentIndex(
            self.implementation_combo.findData(implementation))
        for combo in (self.grade_combo, self.implementation_combo):
            combo.blockSignals(False)
        self._show_meaning()

    def grade(self) -> str | None:
        value = self.grade_combo.currentData()
        return value if isinstance(value, str) else None

    def implementation(self) -> str | None:
        value = self.implementation_combo.currentData()
        return value if isinstance(value, str) else None

    def show_for(self, view: RecommendationView | None) -> None:
        self.code = view.code if view else None
        self.setEnabled(view is not None)
        current = view.assessment if view else None
        for widget in (self.grade_combo, self.implementation_combo, self.note_edit):
            widget.blockSignals(True)
        self.grade_combo.setCurrentIndex(
            self.grade_combo.findData(current.grade) if current else -1)
        self.implementation_combo.setCurrentIndex(
            self.implementation_combo.findData(current.implementation) if current else -1)
        self.note_edit.setPlainText(current.note if current else "")
        for widget in (self.grade_combo, self.implementation_combo, self.note_edit):
            widget.blockSignals(False)
        if current is None:
            self.saved_label.setText(self.tr("Not assessed yet."))
        elif current.year is None:
            self.saved_label.setText(self.tr("Assessed without a period."))
        else:
            self.saved_label.setText(self.tr("Assessed."))
        self._show_meaning()
        self.save_button.setEnabled(False)

    def _show_meaning(self) -> None:
        code = self.grade()
        meaning = next((g.meaning(self.lang) for g in self.grades if g.code == code), "")
        self.grade_meaning.setText(meaning)

    def _edited(self, *_: object) -> None:
        self._show_meaning()
        self.save_button.setEnabled(self.code is not None and self.grade() is not None
                                    and self.implementation() is not None)


class AssessmentsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        self.editor.set_grades(grade_meanings(ctx.db), ctx.lang)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)

        self.filter_edit.textChanged.connect(self._filter_changed)
        self.follow_up_only.toggled.connect(self._filter_changed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_current())
        self.editor.save_button.clicked.connect(self.save_assessment)
        ctx.data_changed.connect(self._changed)
        ctx.period_changed.connect(self._changed)
        ctx.language_changed.connect(self._language_changed)
        self.retranslate()
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        current = self.current()
        try:
            rows = list(consolidated.by_recommendation(self.ctx.db, self.ctx.year))
        except NapError as error:
            rows = []
            self.error_label.setText("\n".join(problem_text(p, self.ctx.lang)
                                               for p in error.problems))
        self.error_label.setVisible(not rows and bool(self.error_label.text()))
        self.model.set_rows(rows)
        reselected = current is not None and self.select_code(current.code)
        if not reselected and self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_heading()
        self._show_current()

    def _language_changed(self, lang: str) -> None:
        self.model.set_language(lang)
        self.editor.set_grades(self.editor.grades, lang)
        self._show_current()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr(
            "Filter by code, agency or words of the text (with or without diacritics)"))
        self.follow_up_only.setText(self.tr("Follow-up only"))
        self.model.retranslate()
        self.editor.retranslate()
        self._update_heading()
        self._show_current()

    def _update_heading(self) -> None:
        self.heading.setText(self.tr("Recommendations in %1: actions and assessment")
                             .replace("%1", str(self.ctx.year)))
        assessed = sum(1 for r in range(self.model.rowCount())
                       if self.model.row(r).assessment is not None)
        self.count_label.setText(
            self.tr("%1 of %2 shown · %3 assessed").replace("%1", str(self.proxy.rowCount()))
            .replace("%2", str(self.model.rowCount())).replace("%3", str(assessed)))

    # --- selection -------------------------------------------------------------------

    def _filter_changed(self, *_: object) -> None:
        self.proxy.set_filter(self.filter_edit.text(), self.follow_up_only.isChecked())
        if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_heading()
        self._show_current()

    def current(self) -> RecommendationView | None:
        selection = self.table.selectionModel()
        rows = selection.selectedRows() if selection else []
        if not rows:
            return None
        return self.model.row(self.proxy.mapToSource(rows[0]).row())

    def select_code(self, code: str) -> bool:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, ConsolidatedRecommendationModel.CODE).data() == code:
                self.table.selectRow(row)
                return True
        return False

    def _show_current(self) -> None:
        view = self.current()
        self.editor.show_for(view)
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
            .replace("%1", str(ind.total)).replace("%2", str(ind.with_result))
            .replace("%3", str(ind.on_track))) + "</p>")
        agencies = ", ".join(a.name(lang) for a in view.agencies) or "–"
        parts.append(f"<p><b>{e(acted_word)} ({len(view.agencies)}):</b> "
                     f"{e(agencies)}</p>")
        parts.append(self._activities_html(view))
        self.detail.setHtml("".join(parts))

    def _activities_html(self, view: RecommendationView) -> str:
        e = html.escape
        title = e(self.tr("Activities (%1)").replace("%1", str(view.activities)))
        if not view.activities:
            return f"<p><b>{title}:</b> –</p>"
        try:
            found = consolidated.activities_for_recommendation(
                self.ctx.db, self.ctx.year, view.code)
        except NapError:
            return ""
        lang = self.ctx.lang
        items = []
        for a in found[:MAX_ACTIVITIES_SHOWN]:
            who = a.rollup.name(lang)
            if a.agency.code != a.rollup.code:
                who += f" [{a.agency.name(lang)}]"
            items.append(f"<li><b>{e(who)}</b>: {e(a.title)} "
                         f"<i>({e(status_name(a.status))})</i></li>")
        more = len(found) - MAX_ACTIVITIES_SHOWN
        more_text = self.tr("… and %1 more").replace("%1", str(more))
        tail = f"<p>{e(more_text)}</p>" if more > 0 else ""
        return f"<p><b>{title}:</b></p><ul>{''.join(items)}</ul>{tail}"

    # --- recording -------------------------------------------------------------------

    def save_assessment(self) -> None:
        code, grade = self.editor.code, self.editor.grade()
        implementation = self.editor.implementation()
        if code is None or grade is None or implementation is None:
            return
        try:
            assessments.assess(self.ctx.db, code, grade, implementation,
                               self.editor.note_edit.toPlainText(), year=self.ctx.year)
        except NapError as error:
            show_error(self, self.tr("Save assessment"), error, self.ctx.lang)
            return
        self.ctx.data_changed.emit()
        if not self.isVisible():
            self.refresh()
        self.select_code(code)
        self.editor.saved_label.setText(self.tr("Saved."))
