"""The activity editor: one dialog for a new or an existing activity and its indicators.

Validation runs on every change with the core's own rules and shows each problem in
the user's language under the field it belongs to; Save stays disabled until there is
none. While the person types, the draft is written to a file in the data folder, so a
crash or a power cut loses at most a second of work: the next start offers those files
(pending_drafts, load_draft_file), and saving or discarding removes them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import re
import uuid as uuid_module
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QKeySequence,
    QRegularExpressionValidator,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.domain.enums import ActivityStatus, ActivityType
from desktop_app.core.domain.text import contains_folded, fold, nfc
from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft
from desktop_app.core.paths import data_dir
from desktop_app.core.problems import NapError, Problem
from desktop_app.core.services.activities import Choices, choices, problems_of, save_activity
from desktop_app.messages import problem_text
from desktop_app.ui.commands.undo import show_refusal
from desktop_app.ui.context import AppContext
from desktop_app.ui.labels import group_thousands, status_names, type_names

# ============================================================ draft files (no Qt here)

DRAFT_FORMAT = "nap-reporter-activity-draft"
DRAFT_VERSION = 1
_DATE_FIELDS = ("start_date", "end_date")


def drafts_dir(db_path: Path) -> Path:
    """One folder per database, so that a draft is only ever offered where it was typed."""
    key = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:16]
    path = data_dir() / "drafts" / key
    path.mkdir(parents=True, exist_ok=True)
    return path


def new_draft_path(db_path: Path, activity_uuid: str | None) -> Path:
    """activity-<uuid>.json for an existing activity, activity-new-<random>.json otherwise.

    New activities get a random suffix so that starting another one never overwrites a
    draft left by a crash that the person has not yet looked at.
    """
    name = activity_uuid or f"new-{uuid_module.uuid4().hex[:12]}"
    return drafts_dir(db_path) / f"activity-{name}.json"


def pending_drafts(db_path: Path) -> list[Path]:
    """Draft files left by an editor that never saved or discarded, newest first."""
    folder = drafts_dir(db_path)
    files = [p for p in folder.glob("activity-*.json") if p.is_file()]
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _from_iso(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def draft_to_json(draft: ActivityDraft, year: int) -> str:
    body = dataclasses.asdict(draft)
    for name in _DATE_FIELDS:
        body[name] = _iso(getattr(draft, name))
    for indicator, source in zip(body["indicators"], draft.indicators, strict=True):
        indicator["due_date"] = _iso(source.due_date)
    document = {"format": DRAFT_FORMAT, "version": DRAFT_VERSION, "year": year,
                "written": datetime.now().astimezone().isoformat(timespec="seconds"),
                "draft": body}
    return json.dumps(document, ensure_ascii=False, indent=1)


def draft_from_json(text: str) -> tuple[ActivityDraft, int | None]:
    """The draft and the period it was written for; ValueError if it is not a draft file."""
    document = json.loads(text)
    if not isinstance(document, dict) or document.get("format") != DRAFT_FORMAT:
        raise ValueError("not an activity draft")
    body = dict(document["draft"])
    fields = {f.name for f in dataclasses.fields(IndicatorDraft)}
    indicators = []
    for item in body.pop("indicators", []):
        values = {k: v for k, v in dict(item).items() if k in fields}
        values["due_date"] = _from_iso(values.get("due_date"))
        indicators.append(IndicatorDraft(**values))
    known = {f.name for f in dataclasses.fields(ActivityDraft)}
    values = {k: v for k, v in body.items() if k in known}
    for name in _DATE_FIELDS:
        values[name] = _from_iso(values.get(name))
    year = document.get("year")
    return ActivityDraft(**values, indicators=indicators), year if isinstance(year, int) else None


def write_draft_file(path: Path, draft: ActivityDraft, year: int) -> None:
    """Write atomically: a crash while writing leaves the previous draft, never half a file."""
    partial = path.with_suffix(".json.partial")
    partial.write_text(draft_to_json(draft, year), encoding="utf-8")
    os.replace(partial, path)


def load_draft_file(path: Path) -> ActivityDraft:
    return draft_from_json(path.read_text(encoding="utf-8"))[0]


def draft_file_year(path: Path) -> int | None:
    return draft_from_json(path.read_text(encoding="utf-8"))[1]


# ============================================================ parsing typed numbers


def parse_number(text: str, lang: str) -> float | None:
    """A typed number, either decimal mark; a lone "." + 3 digits is grouping in Vietnamese.

    Raises ValueError for text that is not a number.
    """
    t = re.sub(r"[\s\u00a0]", "", text)
    if not t:
        return None
    dots, commas = t.count("."), t.count(",")
    if dots and commas:
        decimal = "." if t.rfind(".") > t.rfind(",") else ","
        t = t.replace("," if decimal == "." else ".", "").replace(decimal, ".")
    elif dots > 1 or (dots == 1 and lang == "vi" and re.fullmatch(r"\d{1,3}\.\d{3}", t)):
        t = t.replace(".", "")
    elif commas > 1 or (commas == 1 and lang != "vi" and re.fullmatch(r"\d{1,3},\d{3}", t)):
        t = t.replace(",", "")
    else:
        t = t.replace(",", ".")
    return float(t)


def format_number(value: float | None, lang: str) -> str:
    if value is None:
        return ""
    if float(value).is_integer():
        return group_thousands(int(value), lang)
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "vi" else text


def parse_date(text: str) -> date | None:
    """dd/mm/yyyy (or yyyy-mm-dd); ValueError otherwise."""
    t = text.strip()
    if not t:
        return None
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", t)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    return date.fromisoformat(t)


# ============================================================ small widgets


class NumberEdit(QLineEdit):
    """A whole number that may be left empty, grouped by thousands as it is typed."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[\d.,\s]{0,26}"),
                                                      self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaximumWidth(220)
        self.textEdited.connect(self._regroup)

    def value(self) -> int | None:
        digits = re.sub(r"\D", "", self.text())
        return int(digits) if digits else None

    def set_value(self, value: int | None) -> None:
        self.setText("" if value is None else group_thousands(value, self.lang))

    def _regroup(self, text: str) -> None:
        digits_before_cursor = len(re.sub(r"\D", "", text[: self.cursorPosition()]))
        value = self.value()
        grouped = "" if value is None else group_thousands(value, self.lang)
        if grouped == text:
            return
        self.setText(grouped)
        position, seen = 0, 0
        while position < len(grouped) and seen < digits_before_cursor:
            if grouped[position].isdigit():
                seen += 1
            position += 1
        self.setCursorPosition(position)


class DateField(QWidget):
    """An optional date: a check box says whether there is one, the date edit holds it."""

    changed = Signal()

    def __init__(self, default: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self.tr("Known"), self)
        self.check.setToolTip(self.tr("Leave unticked when there is no date"))
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setDate(QDate(default.year, default.month, default.day))
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        qdate = self.edit.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))
        self.check.setChecked(value is not None)


class FoldedFilterProxy(QSortFilterProxyModel):
    """Rows whose text contains every typed word, ignoring diacritics, case and tone place."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folded: list[str] = []
        self.needle = ""

    def set_folded(self, folded: list[str]) -> None:
        self.beginFilterChange()
        self.folded = folded
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_needle(self, text: str) -> None:
        if text != self.needle:
            self.beginFilterChange()
            self.needle = text
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if source_row >= len(self.folded):
            return True
        return contains_folded(self.folded[source_row], self.needle)


# ============================================================ the editor

Saver = Callable[[ActivityDraft], bool]
_CODE_ROLE = Qt.ItemDataRole.UserRole
_UUID_ROLE = Qt.ItemDataRole.UserRole + 1
NAME, UNIT, BASELINE, TARGET, DUE, RESULT, NOTE = range(7)
_INDICATOR_FIELDS = {"name": NAME, "unit": UNIT, "baseline": BASELINE, "target": TARGET,
                     "due_date": DUE, "result": RESULT}
_INDICATOR_PROBLEM = re.compile(r"indicators\[(\d+)\]\.(\w+)")
_LONG_TEXTS = ("description", "outputs", "challenges", "next_steps", "evidence")
_COUNTS = ("women", "ethnic_minorities", "disabilities", "children")


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
        self._build()
        self._load(self.initial)
        self._loading = False
        self._changed()

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
        self.tabs.addTab(self._build_report(2), self.tr("Report"))
        self.tabs.addTab(self._build_indicators(3), self.tr("Indicators"))
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
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def _build_general(self, tab: int) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.title_edit = QLineEdit(page)
        self.title_edit.setPlaceholderText(self.tr("What was done, in a few words"))
        self.title_edit.textChanged.connect(self._changed)
        form.addRow(self.tr("&Title"), self._with_error(self.title_edit, "title", tab))

        self.task_combo = QComboBox(page)
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
        self.rec_search = QLineEdit(page)
        self.rec_search.setPlaceholderText(self.tr("Search the recommendations"))
        self.rec_search.setClearButtonEnabled(True)
        self.rec_model = QStandardItemModel(self)
        codes_in_catalog = set()
        folded = []
        follow_up = self.tr("follow-up")
        for rec in self.catalog.recommendations:
            codes_in_catalog.add(rec.code)
            text = rec.text_vi if self.lang == "vi" else rec.text_en
            mark = f"★ {follow_up} · " if rec.follow_up else ""
            paragraph = f" · §{rec.paragraph}" if rec.paragraph else ""
            label = f"{mark}{rec.code}{paragraph} — {text}"
            folded.append(fold(f"{label} {rec.source_code}"))
            self.rec_model.appendRow(self._rec_item(rec.code, label, text))
        for code in self.initial.recommendation_codes:
            if code not in codes_in_catalog:  # retired since: keep the link visible
                folded.append(fold(code))
                self.rec_model.appendRow(self._rec_item(code, code, code))
        self.rec_filter = FoldedFilterProxy(self)
        self.rec_filter.setSourceModel(self.rec_model)
        self.rec_filter.set_folded(folded)
        self.rec_list = QListView(page)
        self.rec_list.setModel(self.rec_filter)
        self.rec_list.setUniformItemSizes(True)
        self.rec_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rec_search.textChanged.connect(self.rec_filter.set_needle)
        self.rec_model.itemChanged.connect(self._changed)
        self.rec_count = QLabel(page)
        layout.addWidget(self.rec_search)
        layout.addWidget(self._with_error(self.rec_list, "recommendations", tab), 1)
        layout.addWidget(self.rec_count)
        return page

    @staticmethod
    def _rec_item(code: str, label: str, tooltip: str) -> QStandardItem:
        item = QStandardItem(label)
        item.setData(code, _CODE_ROLE)
        item.setToolTip(tooltip)
        item.setCheckable(True)
        item.setEditable(False)
        return item

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
        self.indicator_table = QTableWidget(0, 7, page)
        self.indicator_table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Unit"), self.tr("Baseline"), self.tr("Target"),
            self.tr("Due date"), self.tr("Result"), self.tr("Note")])
        due_header = self.indicator_table.horizontalHeaderItem(DUE)
        if due_header is not None:
            due_header.setToolTip(self.tr("Write the date as dd/mm/yyyy."))
        header = self.indicator_table.horizontalHeader()
        for column in (UNIT, BASELINE, TARGET, DUE, RESULT):
            self.indicator_table.setColumnWidth(column, 95)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.indicator_table.setTabKeyNavigation(False)
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
        wanted = set(draft.recommendation_codes)
        for row in range(self.rec_model.rowCount()):
            item = self.rec_model.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(_CODE_ROLE) in wanted
                               else Qt.CheckState.Unchecked)
        for name, edit in self.text_edits.items():
            edit.setPlainText(getattr(draft, name))
        for indicator in draft.indicators:
            self._append_indicator(indicator)

    def _append_indicator(self, indicator: IndicatorDraft) -> None:
        table, row = self.indicator_table, self.indicator_table.rowCount()
        table.insertRow(row)
        due = indicator.due_date.strftime("%d/%m/%Y") if indicator.due_date else ""
        texts = [indicator.name, indicator.unit, format_number(indicator.baseline, self.lang),
                 format_number(indicator.target, self.lang), due,
                 format_number(indicator.result, self.lang), indicator.result_note]
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if column == NAME:
                item.setData(_UUID_ROLE, indicator.uuid or "")  # never None: see _refill
            table.setItem(row, column, item)

    def add_indicator(self) -> None:
        self._append_indicator(IndicatorDraft(name="", unit="", target=None))
        row = self.indicator_table.rowCount() - 1
        self.indicator_table.setCurrentCell(row, NAME)
        self.indicator_table.setFocus()
        self._changed()

    def remove_indicator(self) -> None:
        row = self.indicator_table.currentRow()
        if row >= 0:
            self.indicator_table.removeRow(row)
            self._changed()

    def _cell(self, row: int, column: int) -> str:
        item = self.indicator_table.item(row, column)
        return nfc(item.text()) if item is not None else ""

    def _read(self) -> tuple[ActivityDraft, list[tuple[str, str]]]:
        """The draft the widgets hold, and the problems found while reading them."""
        local: list[tuple[str, str]] = []
        task_text = self.task_combo.currentText().strip()
        task_code = (self._task_text_to_code.get(task_text)
                     or self._task_fold_to_code.get(fold(task_text), ""))
        if task_text and not task_code:
            local.append(("task", self.tr("Choose a task from the list.")))
        indicators = []
        for row in range(self.indicator_table.rowCount()):
            numbers: dict[str, float | None] = {}
            for name, column in (("baseline", BASELINE), ("target", TARGET),
                                 ("result", RESULT)):
                try:
                    numbers[name] = parse_number(self._cell(row, column), self.lang)
                except ValueError:
                    numbers[name] = None
                    local.append((f"indicators[{row + 1}].{name}",
                                  self.tr("“%1” is not a number.").replace(
                                      "%1", self._cell(row, column))))
            try:
                due = parse_date(self._cell(row, DUE))
            except ValueError:
                due = None
                local.append((f"indicators[{row + 1}].due_date",
                              self.tr("Write the date as dd/mm/yyyy.")))
            name_item = self.indicator_table.item(row, NAME)
            indicators.append(IndicatorDraft(
                name=self._cell(row, NAME), unit=self._cell(row, UNIT),
                target=numbers["target"], baseline=numbers["baseline"], due_date=due,
                result=numbers["result"], result_note=self._cell(row, NOTE),
                uuid=(name_item.data(_UUID_ROLE) or None) if name_item is not None else None))
        codes = [self.rec_model.item(r).data(_CODE_ROLE) for r in range(self.rec_model.rowCount())
                 if self.rec_model.item(r).checkState() == Qt.CheckState.Checked]
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
            recommendation_codes=codes, indicators=indicators, uuid=self.initial.uuid,
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
        draft, local = self._read()
        local_fields = {field for field, _ in local}
        core = [p for p in problems_of(self.ctx.db, draft) if p.field not in local_fields]
        self.problems = local + [(p.field or "other", self._word(p)) for p in core]
        self._show_problems()
        self.rec_count.setText(self.tr("%n selected", "", len(draft.recommendation_codes)))
        self.save_button.setEnabled(not self.problems)
        if self.is_dirty(draft):
            self._draft_timer.start()

    def _word(self, problem: Problem) -> str:
        return problem_text(dataclasses.replace(problem, field=None), self.ctx.lang)

    def _show_problems(self) -> None:
        by_field: dict[str, list[str]] = {}
        bad_cells: set[tuple[int, int]] = set()
        for field, message in self.problems:
            match = _INDICATOR_PROBLEM.fullmatch(field)
            if match:
                row, name = int(match.group(1)), match.group(2)
                bad_cells.add((row - 1, _INDICATOR_FIELDS.get(name, NAME)))
                header_item = self.indicator_table.horizontalHeaderItem(
                    _INDICATOR_FIELDS.get(name, NAME))
                column_title = header_item.text() if header_item is not None else name
                message = self.tr("Row %1, %2: %3").replace("%1", str(row)).replace(
                    "%2", column_title).replace("%3", message)
                field = "indicators"
            elif field not in self._error_labels:
                field = "other"
            by_field.setdefault(field, []).append(message)
        tabs_with_problems = set()
        for field, label in self._error_labels.items():
            messages = by_field.get(field, [])
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))
            if messages:
                tabs_with_problems.add(self._field_tab[field])
        for tab, title in enumerate(self._tab_titles):
            self.tabs.setTabText(tab, f"{title} ⚠" if tab in tabs_with_problems else title)
        self._mark_cells(bad_cells)

    def _mark_cells(self, bad_cells: set[tuple[int, int]]) -> None:
        table = self.indicator_table
        table.blockSignals(True)
        try:
            for row in range(table.rowCount()):
                for column in range(table.columnCount()):
                    item = table.item(row, column)
                    if item is None:
                        item = QTableWidgetItem("")
                        table.setItem(row, column, item)
                    if (row, column) in bad_cells:
                        item.setBackground(Qt.GlobalColor.yellow)
                    else:
                        item.setData(Qt.ItemDataRole.BackgroundRole, None)
        finally:
            table.blockSignals(False)

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
            with contextlib.suppress(OSError):
                write_draft_file(self.draft_path, draft, self.ctx.year)

    def _remove_draft_file(self) -> None:
        self._draft_timer.stop()
        self.draft_path.unlink(missing_ok=True)

    # ---------------------------------------------------------------- closing

    def save(self) -> bool:
        self._changed()
        if self.problems:
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
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved changes"))
        box.setText(self.tr("This activity has changes that are not saved."))
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard changes"),
                                QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "cancel"

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
