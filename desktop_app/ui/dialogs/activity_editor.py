"""The activity editor: one dialog for a new or an existing activity and its indicators.

Validation runs on every change with the core's own rules and shows each problem in
the user's language under the field it belongs to; Save stays disabled until there is
none. It checks against the catalog codes read once when the editor opens
(`activities.activity_catalog`), so typing never waits for the database; saving checks
again against the database. While the person types, the draft is written to a file in
the data folder (`core/services/drafts.py`), so a crash or a power cut loses at most a
second of work: the next start offers those files, and saving or discarding removes
them. The form fields and the indicator table live in `editor_fields.py` and
`editor_indicators.py`.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.domain.entry import NOT_DATE, NOT_NUMBER
from desktop_app.core.domain.enums import ActivityStatus, ActivityType
from desktop_app.core.domain.text import fold, nfc
from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft, validate_draft
from desktop_app.core.problems import NapError, Problem
from desktop_app.core.services.activities import (
    Choices,
    activity_catalog,
    choices,
    save_activity,
)
from desktop_app.core.services.drafts import discard_draft_file, new_draft_path, write_draft_file
from desktop_app.core.services.periods import locked_since
from desktop_app.messages import problem_text, text
from desktop_app.ui import numbers
from desktop_app.ui.commands.undo import show_refusal
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.dialogs.editor_fields import (
    DateField,
    FoldedFilterProxy,
    NumberEdit,
    RecommendationPicker,
)
from desktop_app.ui.dialogs.editor_indicators import NAME, RESULT, IndicatorTable
from desktop_app.ui.labels import status_names, type_names
from desktop_app.ui.window_geometry import fit_dialog

Saver = Callable[[ActivityDraft], bool]
_LONG_TEXTS = ("description", "outputs", "challenges", "next_steps", "evidence")
_COUNTS = ("women", "ethnic_minorities", "disabilities", "children")
INDICATORS_TAB = 3


class ActivityEditor(QDialog):
    """Edit one ActivityDraft; on_save(draft) -> bool performs the save (the page's undo)."""

    DRAFT_DELAY_MS = 800

    def __init__(self, ctx: AppContext, draft: ActivityDraft | None = None, *,
                 on_save: Saver | None = None, draft_path: Path | None = None,
                 catalog: Choices | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.lang
        self.is_new = draft is None or draft.uuid is None
        self.initial = draft if draft is not None else self._blank()
        self.on_save = on_save or self._save_directly
        # A draft recovered after a crash was never saved: closing it must ask.
        self.recovered = draft_path is not None
        self.draft_path = draft_path or new_draft_path(ctx.db.path, self.initial.uuid)
        self.catalog = catalog or choices(ctx.db)
        self.codes = activity_catalog(ctx.db)  # the only reading: not one per keystroke
        self.problems: list[tuple[str, str]] = []
        self._loading = True
        self._error_labels: dict[str, QLabel] = {}
        self._field_tab: dict[str, int] = {}
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(self.DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.flush_draft_file)
        self.setWindowTitle(self.tr("New activity") if self.is_new else self.tr("Edit activity"))
        self.setMinimumSize(760, 560)
        self.locked_at = locked_since(ctx.db, ctx.year)
        self._build()
        fit_dialog(self)
        self._load(self.initial)
        self._loading = False
        # A blank form shows no "required" marks: they appear after the first edit or on
        # Save (an activity opened for editing, or recovered, shows its problems at once).
        self.marks_shown = not self.is_new or self.recovered
        if self.locked_at is not None:
            self._make_read_only(self.locked_at)
        self._validate()

    def _blank(self) -> ActivityDraft:
        return ActivityDraft(title="", task_code="", type=ActivityType.TRAINING.value,
                             status=ActivityStatus.PLANNED.value)

    # ---------------------------------------------------------------- building

    def _error_label(self, field: str, tab: int) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"error_{field}")
        label.setStyleSheet("color: #b00020;")
        label.setWordWrap(True)
        label.hide()
        self._error_labels[field] = label
        self._field_tab[field] = tab
        return label

    def _with_error(self, widget: QWidget, field: str, tab: int) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self._error_label(field, tab))
        box.setFocusProxy(widget)
        return box

    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_general(0), self.tr("General"))
        self.tabs.addTab(self._build_recommendations(1), self.tr("Recommendations"))
        # Five text boxes are taller than a small laptop screen: the tab scrolls.
        report = QScrollArea(self)
        report.setWidgetResizable(True)
        report.setFrameShape(QScrollArea.Shape.NoFrame)
        report.setWidget(self._build_report(2))
        self.tabs.addTab(report, self.tr("Report"))
        self.tabs.addTab(self._build_indicators(INDICATORS_TAB), self.tr("Indicators"))
        self._tab_titles = [self.tabs.tabText(i) for i in range(self.tabs.count())]
        self.other_errors = self._error_label("other", 0)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setAutoDefault(False)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_errors, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        self.locked_banner = QLabel(self)  # shown for a locked period, before anyone types
        self.locked_banner.setObjectName("locked_banner")
        self.locked_banner.setWordWrap(True)
        self.locked_banner.setStyleSheet(
            "background: #fff4ce; color: #3b2f00; padding: 8px; border: 1px solid #e0c060;")
        self.locked_banner.hide()
        layout.addWidget(self.locked_banner)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def _make_read_only(self, since: datetime) -> None:
        """A locked period's activity: shown, not editable, with the reason on top."""
        self.locked_banner.setText(text("editor.period_locked", self.ctx.lang,
                                        period=self.ctx.year,
                                        since=numbers.day(since.date(), self.ctx.lang)))
        self.locked_banner.show()
        for widget in self.tabs.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.setReadOnly(True)
            elif isinstance(widget, QAbstractItemView):
                widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            elif isinstance(widget, QAbstractButton | QComboBox | QAbstractSpinBox):
                widget.setEnabled(False)
        self.save_button.setEnabled(False)
        self.save_button.hide()

    def _build_general(self, tab: int) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.title_edit = QLineEdit(page)
        self.title_edit.setPlaceholderText(self.tr("What was done, in a few words"))
        self.title_edit.textChanged.connect(self._changed)
        form.addRow(self.tr("&Title"), self._with_error(self.title_edit, "title", tab))

        self.task_combo = QComboBox(page)
        # Long task titles must not widen the editor past a small screen.
        self.task_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.task_combo.setMinimumContentsLength(30)
        self.task_combo.setEditable(True)
        self.task_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        task_line = self.task_combo.lineEdit()
        assert task_line is not None
        task_line.setPlaceholderText(self.tr("Type to search the tasks"))
        self._task_text_to_code: dict[str, str] = {}
        self._task_fold_to_code: dict[str, str] = {}
        for task in self.catalog.tasks:
            title = task.title_vi if self.lang == "vi" else task.title_en
            text = f"{task.code} — {title}"
            self.task_combo.addItem(text, task.code)
            self._task_text_to_code[text] = task.code
            self._task_fold_to_code[fold(task.code)] = task.code
            self._task_fold_to_code[fold(text)] = task.code
        self.task_filter = FoldedFilterProxy(self)
        self.task_filter.setSourceModel(self.task_combo.model())
        self.task_filter.set_folded([fold(self.task_combo.itemText(i))
                                     for i in range(self.task_combo.count())])
        self.task_completer = QCompleter(self.task_filter, self)
        self.task_completer.setCompletionMode(
            QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.task_combo.setCompleter(self.task_completer)
        task_line.textEdited.connect(self._search_tasks)
        self.task_combo.currentTextChanged.connect(self._changed)
        form.addRow(self.tr("Tas&k"), self._with_error(self.task_combo, "task", tab))

        self.type_combo = QComboBox(page)
        for value, name in type_names().items():
            self.type_combo.addItem(name, value)
        self.type_combo.currentIndexChanged.connect(self._changed)
        form.addRow(self.tr("T&ype"), self._with_error(self.type_combo, "type", tab))
        self.status_combo = QComboBox(page)
        for value, name in status_names().items():
            self.status_combo.addItem(name, value)
        self.status_combo.currentIndexChanged.connect(self._changed)
        form.addRow(self.tr("&Status"), self._with_error(self.status_combo, "status", tab))

        default = date.today() if date.today().year == self.ctx.year else date(self.ctx.year, 1, 1)
        self.start_field = DateField(default, page)
        self.end_field = DateField(default, page)
        for field in (self.start_field, self.end_field):
            field.changed.connect(self._changed)
        form.addRow(self.tr("Start date"), self._with_error(self.start_field, "start_date", tab))
        form.addRow(self.tr("End date"), self._with_error(self.end_field, "end_date", tab))

        self.budget_edit = NumberEdit(self.lang, page)
        self.budget_edit.setPlaceholderText(self.tr("empty if not known"))
        self.budget_edit.textChanged.connect(self._changed)
        form.addRow(self.tr("&Budget (VND)"), self._with_error(self.budget_edit, "budget_vnd", tab))

        count_titles = {"women": self.tr("Women"),
                        "ethnic_minorities": self.tr("Ethnic minorities"),
                        "disabilities": self.tr("Persons with disabilities"),
                        "children": self.tr("Children")}
        self.count_edits: dict[str, NumberEdit] = {}
        form.addRow(QLabel(self.tr("<b>Beneficiaries</b> (number of people; empty if not "
                                   "known)"), page))
        for name in _COUNTS:
            edit = NumberEdit(self.lang, page)
            edit.textChanged.connect(self._changed)
            self.count_edits[name] = edit
            form.addRow(count_titles[name], self._with_error(edit, name, tab))
        return page

    def _build_recommendations(self, tab: int) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.rec_picker = RecommendationPicker(
            self.catalog.recommendations, self.initial.recommendation_codes, self.lang,
            self._error_label("recommendations", tab), page)
        self.rec_picker.changed.connect(self._changed)
        # The parts by the names the tests and the shell drive them with.
        self.rec_search, self.rec_model = self.rec_picker.search, self.rec_picker.model
        self.rec_filter, self.rec_list = self.rec_picker.filter, self.rec_picker.list
        layout.addWidget(self.rec_picker)
        return page

    def _build_report(self, tab: int) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        titles = {"description": self.tr("Description"), "outputs": self.tr("Outputs"),
                  "challenges": self.tr("Challenges"), "next_steps": self.tr("Next steps"),
                  "evidence": self.tr("Evidence")}
        self.text_edits: dict[str, QPlainTextEdit] = {}
        for name in _LONG_TEXTS:
            edit = QPlainTextEdit(page)
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._changed)
            self.text_edits[name] = edit
            form.addRow(titles[name], self._with_error(edit, name, tab))
        return page

    def _build_indicators(self, tab: int) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.indicator_table = IndicatorTable(self.lang, page)
        self.indicator_table.itemChanged.connect(self._changed)
        self.add_indicator_button = QPushButton(self.tr("&Add indicator"), page)
        self.remove_indicator_button = QPushButton(self.tr("&Remove indicator"), page)
        for button in (self.add_indicator_button, self.remove_indicator_button):
            button.setAutoDefault(False)
        self.add_indicator_button.clicked.connect(self.add_indicator)
        self.remove_indicator_button.clicked.connect(self.remove_indicator)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_indicator_button)
        buttons.addWidget(self.remove_indicator_button)
        buttons.addStretch(1)
        layout.addWidget(self.indicator_table, 1)
        layout.addWidget(self._error_label("indicators", tab))
        layout.addLayout(buttons)
        return page

    # ---------------------------------------------------------------- draft <-> widgets

    def _load(self, draft: ActivityDraft) -> None:
        self.title_edit.setText(draft.title)
        index = self.task_combo.findData(draft.task_code)
        if index >= 0:
            self.task_combo.setCurrentIndex(index)
        else:
            self.task_combo.setCurrentIndex(-1)
            self.task_combo.setEditText(draft.task_code)
        for combo, value in ((self.type_combo, draft.type), (self.status_combo, draft.status)):
            found = combo.findData(value)
            if found < 0:
                combo.addItem(value, value)
                found = combo.count() - 1
            combo.setCurrentIndex(found)
        self.start_field.set_value(draft.start_date)
        self.end_field.set_value(draft.end_date)
        self.budget_edit.set_value(draft.budget_vnd)
        for name, count_edit in self.count_edits.items():
            count_edit.set_value(getattr(draft, name))
        self.rec_picker.set_checked(draft.recommendation_codes)
        for name, edit in self.text_edits.items():
            edit.setPlainText(getattr(draft, name))
        for indicator in draft.indicators:
            self.indicator_table.append(indicator)

    def show_indicator(self, uuid: str) -> bool:
        """Open the Indicators tab at this indicator, its result cell current and focused
        (the Indicators page's Edit); False when the activity has no such indicator."""
        row = self.indicator_table.row_of(uuid)
        if row is None:
            return False
        self.tabs.setCurrentIndex(INDICATORS_TAB)
        self.indicator_table.setCurrentCell(row, RESULT)
        item = self.indicator_table.item(row, RESULT)
        if item is not None:
            self.indicator_table.scrollToItem(item)
        self.indicator_table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def add_indicator(self) -> None:
        self.indicator_table.append(IndicatorDraft(name="", unit="", target=None))
        row = self.indicator_table.rowCount() - 1
        self.indicator_table.setCurrentCell(row, NAME)
        self.indicator_table.setFocus()
        self._changed()

    def remove_indicator(self) -> None:
        row = self.indicator_table.currentRow()
        if row >= 0:
            self.indicator_table.removeRow(row)
            self._changed()

    def _read(self) -> tuple[ActivityDraft, list[tuple[str, str]]]:
        """The draft the widgets hold, and the problems found while reading them."""
        local: list[tuple[str, str]] = []
        task_text = self.task_combo.currentText().strip()
        task_code = (self._task_text_to_code.get(task_text)
                     or self._task_fold_to_code.get(fold(task_text), ""))
        if task_text and not task_code:
            local.append(("task", self.tr("Choose a task from the list.")))
        unread: list[Problem] = []
        whole = {"budget_vnd": self.budget_edit, **self.count_edits}
        for name, number_edit in whole.items():
            entry = number_edit.entry()
            if isinstance(entry, Problem):
                unread.append(dataclasses.replace(entry, field=name))
        indicators, cells = self.indicator_table.read()
        local.extend((p.field or "other", self._entry_words(p)) for p in unread + cells)
        counts = {name: edit.value() for name, edit in self.count_edits.items()}
        texts = {name: nfc(edit.toPlainText()) for name, edit in self.text_edits.items()}
        draft = ActivityDraft(
            title=nfc(self.title_edit.text()), task_code=task_code,
            type=self.type_combo.currentData(), status=self.status_combo.currentData(),
            start_date=self.start_field.value(), end_date=self.end_field.value(),
            budget_vnd=self.budget_edit.value(),
            women=counts["women"], ethnic_minorities=counts["ethnic_minorities"],
            disabilities=counts["disabilities"], children=counts["children"],
            description=texts["description"], outputs=texts["outputs"],
            challenges=texts["challenges"], next_steps=texts["next_steps"],
            evidence=texts["evidence"],
            recommendation_codes=self.rec_picker.checked_codes(), indicators=indicators,
            uuid=self.initial.uuid,
        )
        return draft, local

    def current_draft(self) -> ActivityDraft:
        return self._read()[0]

    # ---------------------------------------------------------------- validation

    def _search_tasks(self, text: str) -> None:
        self.task_filter.set_needle(text)
        if text and self.task_filter.rowCount():
            self.task_completer.complete()

    def _changed(self, *_: Any) -> None:
        if self._loading:
            return
        self.marks_shown = True
        self._validate()

    def _validate(self) -> None:
        draft, local = self._read()
        local_fields = {field for field, _ in local}
        core = [p for p in validate_draft(draft, self.codes) if p.field not in local_fields]
        self.problems = local + [(p.field or "other", self._word(p)) for p in core]
        self._show_problems()
        self.rec_picker.show_count(len(draft.recommendation_codes))
        self.save_button.setEnabled((not self.problems or not self.marks_shown)
                                    and self.locked_at is None)
        if self.locked_at is None and self.is_dirty(draft):
            self._draft_timer.start()

    def _word(self, problem: Problem) -> str:
        return problem_text(dataclasses.replace(problem, field=None), self.ctx.lang)

    def _entry_words(self, problem: Problem) -> str:
        """What a field could not read, in the editor's words; the core's for other codes."""
        if problem.code == NOT_NUMBER:
            return self.tr("“%1” is not a number.").replace(
                "%1", str(problem.params.get("value", "")))
        if problem.code == NOT_DATE:
            return self.tr("Write the date as dd/mm/yyyy.")
        return self._word(problem)

    def _show_problems(self) -> None:
        by_field: dict[str, list[str]] = {}
        bad_cells: set[tuple[int, int]] = set()
        for field, message in self.problems:
            cell = self.indicator_table.cell_of(field)
            if cell is not None:
                bad_cells.add(cell)
                column_title = self.indicator_table.column_title(cell[1]) or field
                message = self.tr("Row %1, %2: %3").replace("%1", str(cell[0] + 1)).replace(
                    "%2", column_title).replace("%3", message)
                field = "indicators"
            elif field not in self._error_labels:
                field = "other"
            by_field.setdefault(field, []).append(message)
        tabs_with_problems = set()
        for field, label in self._error_labels.items():
            messages = by_field.get(field, []) if self.marks_shown else []
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
            if messages:
                tabs_with_problems.add(self._field_tab[field])
        for tab, title in enumerate(self._tab_titles):
            self.tabs.setTabText(tab, f"{title} ⚠" if tab in tabs_with_problems else title)
        self.indicator_table.mark(bad_cells if self.marks_shown else set())

    def error_text(self, field: str) -> str:
        """The message shown next to a field ("" when it has none); for tests and a11y."""
        label = self._error_labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def is_dirty(self, draft: ActivityDraft | None = None) -> bool:
        return self.recovered or (draft or self.current_draft()) != self.initial

    # ---------------------------------------------------------------- crash safety

    def flush_draft_file(self) -> None:
        """Write the draft file now (the timer does it shortly after each change)."""
        self._draft_timer.stop()
        draft = self.current_draft()
        if self.is_dirty(draft):
            # A full disk must not stop the person typing; saving still works.
            with contextlib.suppress(OSError, NapError):
                write_draft_file(self.draft_path, draft, self.ctx.year)

    def _remove_draft_file(self) -> None:
        self._draft_timer.stop()
        discard_draft_file(self.draft_path)

    # ---------------------------------------------------------------- closing

    def save(self) -> bool:
        self.marks_shown = True
        self._validate()
        if self.problems or self.locked_at is not None:
            return False
        if not self.on_save(self.current_draft()):
            return False
        self._remove_draft_file()
        self.accept()
        return True

    def _save_directly(self, draft: ActivityDraft) -> bool:
        try:
            save_activity(self.ctx.db, draft, self.ctx.year)
        except NapError as error:
            show_refusal(self, error, self.ctx.lang)
            return False
        self.ctx.data_changed.emit()
        return True

    def ask_unsaved(self) -> str:
        """Ask what to do with unsaved changes: "save", "discard" or "cancel"."""
        return message_box.ask_unsaved_changes(
            self, self.tr("Unsaved changes"),
            self.tr("This activity has changes that are not saved."),
            self.tr("Save"), self.tr("Discard changes"), self.tr("Keep editing"))

    def reject(self) -> None:
        """Cancel, Esc and the window's close button all come here."""
        if self.is_dirty():
            answer = self.ask_unsaved()
            if answer == "cancel":
                return
            if answer == "save":
                self.save()
                return
        self._remove_draft_file()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.reject()
        if self.isVisible():
            event.ignore()
        else:
            event.accept()

    def done(self, result: int) -> None:
        self._draft_timer.stop()
        super().done(result)
