"""The activities list: find, open, add and delete a period's activities from the keyboard.

Every change goes through the core and then through the undo stack; the page reloads
from the core when the context says data changed, never patching its own copy.

Built for 100,000 activities: how it reads, sorts and filters them is
`activities_reading.py`.
"""

from __future__ import annotations

from operator import itemgetter
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.domain.validation import ActivityDraft
from desktop_app.core.problems import NapError
from desktop_app.core.services import activity_listing as field
from desktop_app.core.services.activities import (
    Choices,
    choices,
    delete_activity,
    load_draft,
    save_activity,
)
from desktop_app.ui import numbers
from desktop_app.ui.commands.undo import (
    CreateActivityCommand,
    DeleteActivitiesCommand,
    EditActivityCommand,
    show_refusal,
)
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.dialogs.activity_editor import ActivityEditor
from desktop_app.ui.labels import status_names, type_names
from desktop_app.ui.loading import Reader
from desktop_app.ui.models import activity_table as columns
from desktop_app.ui.models.activity_filter import ActivityFilterProxy
from desktop_app.ui.models.activity_table import ActivityTableModel
from desktop_app.ui.pages.activities_reading import ActivitiesReading
from desktop_app.ui.pages.page import EditActions, Page

_COLUMN_WIDTHS = {columns.TITLE: 380, columns.TASK: 110, columns.AREA: 170, columns.TYPE: 120,
                  columns.STATUS: 110, columns.START: 90, columns.END: 90, columns.BUDGET: 120,
                  columns.RECOMMENDATIONS: 150, columns.INDICATORS: 70}


class ActivitiesPage(ActivitiesReading, Page):
    SEARCH_DELAY_MS = 150

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editor: ActivityEditor | None = None
        self._catalog: Choices | None = None
        self.model = ActivityTableModel(ctx.lang, self)
        self.proxy = ActivityFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.sorter = self._sort
        # Reading the rows, then sorting them; filtering; each answer only for the
        # latest question.
        self.rows_reader = Reader(self, bulk=True)  # 100,000 plain tuples
        self.rows_reader.piece.connect(self._rows_read)
        self.rows_reader.done.connect(self._all_rows_read)
        self.rows_reader.failed.connect(self._read_failed)
        self.sort_reader = Reader(self)
        self.sort_reader.done.connect(self._sorted)
        self.sort_reader.failed.connect(self._read_failed)
        self.filter_reader = Reader(self)
        self.filter_reader.done.connect(self._filtered)
        self.filter_reader.failed.connect(self._read_failed)
        self._incoming = []
        self._unsorted = None
        self._expected = 0
        self._read_count = None
        self.undo_stack = QUndoStack(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.destroyed.connect(self._search_timer.stop)
        self._build()
        self._build_actions()
        self.retranslate()
        ctx.data_changed.connect(self._changed)
        ctx.period_changed.connect(self._on_period_changed)
        ctx.language_changed.connect(self._on_language_changed)

    # ---------------------------------------------------------------- building

    def _build(self) -> None:
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(lambda _: self._search_timer.start())
        self.search_edit.installEventFilter(self)
        self.area_combo = QComboBox(self)
        self.task_combo = QComboBox(self)
        self.status_combo = QComboBox(self)
        self.type_combo = QComboBox(self)
        for combo in (self.area_combo, self.task_combo, self.status_combo, self.type_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(self._apply_choices)
        self.count_label = QLabel(self)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(columns.TITLE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in _COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.table.installEventFilter(self)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self._kept: tuple[set[str], str | None] = (set(), None)
        self.proxy.modelAboutToBeReset.connect(self._remember_selection)
        self.proxy.modelReset.connect(self._restore_selection)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        for combo in (self.area_combo, self.task_combo, self.status_combo, self.type_combo):
            filters.addWidget(combo, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.loading_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._build_empty_panel(), 1)
        layout.addWidget(self.count_label)

    def _build_empty_panel(self) -> QWidget:
        """Shown instead of the list when the period has no activity: says what to do."""
        self.empty_panel = QWidget(self)
        self.empty_label = QLabel(self.empty_panel)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_first_button = QPushButton(self.empty_panel)
        self.add_first_button.clicked.connect(self.new_activity)
        panel = QVBoxLayout(self.empty_panel)
        panel.addStretch(1)
        panel.addWidget(self.empty_label)
        panel.addWidget(self.add_first_button, 0, Qt.AlignmentFlag.AlignHCenter)
        panel.addStretch(2)
        self.empty_panel.hide()
        return self.empty_panel

    def _build_actions(self) -> None:
        shortcut_scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_activity)
        self.edit_action = QAction(self)
        self.edit_action.triggered.connect(self.edit_selected)
        self.delete_action = QAction(self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.triggered.connect(self.delete_selected)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        # Our own undo/redo actions: QUndoStack's ready-made ones rename themselves
        # with Qt's untranslated "Undo %1" whenever the stack changes.
        self.undo_action = QAction(self)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._name_undo)
        self.undo_stack.redoTextChanged.connect(self._name_undo)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        for action in (self.new_action, self.find_action, self.undo_action, self.redo_action):
            action.setShortcutContext(shortcut_scope)
            self.addAction(action)
        # Delete and Enter act on the list only: in the search box they edit the text.
        for action in (self.edit_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.table.addAction(action)
        self._update_actions()

    def retranslate(self) -> None:
        self.model.set_language(self.ctx.lang)
        self.search_edit.setPlaceholderText(
            self.tr("Filter: title, description, task or recommendation (Ctrl+F)"))
        self.new_action.setText(self.tr("&New activity"))
        self.empty_label.setText(self.tr(
            "No activity in this period yet. Add one: what was done, when, for whom, "
            "and which recommendations it serves."))
        self.add_first_button.setText(self.tr("&Add activity"))
        self.new_action.setToolTip(self.tr("New activity (Ctrl+N)"))
        self.edit_action.setText(self.tr("&Open activity"))
        self.edit_action.setToolTip(self.tr("Open the selected activity (Enter)"))
        self.delete_action.setText(self.tr("&Delete activity"))
        self.find_action.setText(self.tr("&Find activities"))
        self._name_undo()
        self._fill_filter_combos()
        self._update_count()

    def _name_undo(self, _text: str = "") -> None:
        """'Undo: delete «title»' in the user's language, from the command's own name."""
        undo_text, redo_text = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_action.setText(self.tr("&Undo: %1").replace("%1", undo_text) if undo_text
                                 else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo: %1").replace("%1", redo_text) if redo_text
                                 else self.tr("&Redo"))

    # ---------------------------------------------------------------- filters

    def catalog(self) -> Choices:
        if self._catalog is None:
            self._catalog = choices(self.ctx.db)
        return self._catalog

    def _fill_filter_combos(self) -> None:
        catalog, vi = self.catalog(), self.ctx.lang == "vi"
        areas: dict[str, str] = {}
        for task in catalog.tasks:
            areas.setdefault(task.area_code, task.area_title_vi if vi else task.area_title_en)
        self.model.set_area_titles(areas)
        self._refill(self.area_combo, self.tr("All areas"), list(areas.items()))
        self._refill(self.task_combo, self.tr("All tasks"), [
            (t.code, f"{t.code} — {t.title_vi if vi else t.title_en}") for t in catalog.tasks])
        self._refill(self.status_combo, self.tr("All statuses"), list(status_names().items()))
        self._refill(self.type_combo, self.tr("All types"), list(type_names().items()))

    def _refill(self, combo: QComboBox, everything: str, entries: list[tuple[str, str]]) -> None:
        # "" (not None) stands for "all": PySide6 6.12 on Python 3.11 hands back an empty
        # QVariant as None without a reference, and enough of those abort the interpreter.
        current = combo.currentData() if combo.count() else ""
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for value, text in entries:
            combo.addItem(text, value)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
        combo.blockSignals(False)

    def _apply_search(self) -> None:
        self._filter()

    def _apply_choices(self) -> None:
        self._filter()

    def apply_search_now(self) -> None:
        """Filter at once instead of after the typing pause (for tests and Enter)."""
        self._search_timer.stop()
        self._apply_search()

    def default_focus(self) -> QWidget:
        """Where the keyboard starts when the page is shown: the list, or the filter
        when the list is empty (rows being read count as a list)."""
        return self.table if self.proxy.rowCount() or not self.is_loaded() else self.search_edit

    def edit_actions(self) -> EditActions:
        return EditActions(undo=self.undo_action, redo=self.redo_action, new=self.new_action,
                           delete=self.delete_action, find=self.find_action)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        empty = total == 0 and self.is_loaded()
        self.empty_panel.setVisible(empty)
        self.table.setVisible(not empty)
        self.count_label.setText(self.tr("%1 of %2 activities").replace(
            "%1", self._number(shown)).replace("%2", self._number(total)))

    def _number(self, value: int) -> str:
        return numbers.count(value, self.ctx.lang)

    # ---------------------------------------------------------------- loading

    def _remember_selection(self) -> None:
        current = self.table.currentIndex()
        self._kept = (set(self.selected_uuids()),
                      self.proxy.row_at(current.row()).uuid if current.isValid() else None)

    def _restore_selection(self) -> None:
        # Reloading and sorting are model resets (see ActivityTableModel.sort): the
        # selection is carried over by UUID.
        uuids, current = self._kept
        self._kept = (set(), None)
        self.select_uuids(uuids, current)

    def _on_period_changed(self, _year: int) -> None:
        self.undo_stack.clear()  # the steps belong to the period the person has left
        self._changed()

    def _on_language_changed(self, _lang: str) -> None:
        self.retranslate()

    # ---------------------------------------------------------------- selection

    def selected_uuids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.proxy.row_at(row).uuid for row in rows]

    def select_uuids(self, uuids: set[str], current: str | None = None) -> None:
        if not uuids and current is None:
            return
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)
        for number, uuid in enumerate(map(itemgetter(field.UUID), self.model.records)):
            if uuid in uuids or uuid == current:
                index = self.proxy.mapFromSource(self.model.index(number, 0))
                if not index.isValid():
                    continue
                if uuid in uuids:
                    selection.select(index, flags)
                if uuid == current:
                    selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                    self.table.scrollTo(index)

    def _update_actions(self) -> None:
        has_selection = self.table.selectionModel().hasSelection()
        self.edit_action.setEnabled(has_selection)
        self.delete_action.setEnabled(has_selection)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_selected()
                return True
            if watched is self.search_edit and key in (Qt.Key.Key_Down, Qt.Key.Key_Return,
                                                       Qt.Key.Key_Enter):
                # From the filter box straight into the list.
                self.apply_search_now()
                if self.proxy.rowCount():
                    self.table.setFocus()
                    if not self.table.currentIndex().isValid():
                        self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    # ---------------------------------------------------------------- editing

    def new_activity(self) -> ActivityEditor:
        return self.open_editor(None)

    def edit_selected(self) -> ActivityEditor | None:
        index = self.table.currentIndex()
        if not index.isValid():
            selected = self.table.selectionModel().selectedRows()
            if not selected:
                return None
            index = selected[0]
        uuid = self.proxy.row_at(index.row()).uuid
        try:
            draft = load_draft(self.ctx.db, uuid)
        except NapError as error:
            show_refusal(self, error, self.ctx.lang)
            self.refresh()
            return None
        return self.open_editor(draft)

    def open_editor(self, draft: ActivityDraft | None, *,
                    draft_path: Path | None = None) -> ActivityEditor:
        """Open the editor window-modal; returns it (tests drive it, the shell may too).

        draft_path: a draft file left by a crash that this editor continues (and removes
        when the person saves or discards).
        """
        before = draft if draft is not None and draft.uuid is not None else None
        editor = ActivityEditor(self.ctx, draft, catalog=self.catalog(), parent=self,
                                draft_path=draft_path,
                                on_save=lambda d: self._save(before, d))
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.finished.connect(self._editor_closed)
        self.editor = editor
        editor.open()
        return editor

    def _editor_closed(self) -> None:
        self.editor = None
        self.table.setFocus()

    def _save(self, before: ActivityDraft | None, after: ActivityDraft) -> bool:
        """Save through the core; on success put the step on the undo stack."""
        try:
            uuid = save_activity(self.ctx.db, after, self.ctx.year)
        except NapError as error:
            show_refusal(self.editor or self, error, self.ctx.lang)
            return False
        if before is None or before.uuid is None:
            command: CreateActivityCommand | EditActivityCommand = CreateActivityCommand(
                self.ctx, after, uuid, done=True, parent_widget=lambda: self)
        else:
            command = EditActivityCommand(self.ctx, before, after, done=True,
                                          parent_widget=lambda: self)
        self.undo_stack.push(command)
        self.ctx.data_changed.emit()
        self.select_uuids({uuid}, uuid)
        return True

    # ---------------------------------------------------------------- deleting

    def confirm_delete(self, titles: list[str]) -> bool:
        if len(titles) == 1:
            question = (self.tr("Delete the activity “%1” with its indicators and results?")
                        .replace("%1", titles[0]))
        else:
            question = self.tr("Delete %n activities with their indicators and results?",
                               "", len(titles))
        return message_box.confirm_destructive(
            self, self.tr("Delete activity"), question, self.tr("You can undo this with Ctrl+Z."),
            self.tr("Delete"), self.tr("Keep"))

    def delete_selected(self) -> int:
        """Ask, then delete the selected activities; returns how many were deleted."""
        uuids = self.selected_uuids()
        if not uuids:
            return 0
        chosen = set(uuids)
        titles = [row[field.TITLE] for row in self.model.records if row[field.UUID] in chosen]
        if not self.confirm_delete(titles):
            return 0
        deleted: list[ActivityDraft] = []
        try:
            for uuid in uuids:
                deleted.append(delete_activity(self.ctx.db, uuid, self.ctx.year))
        except NapError as error:
            show_refusal(self, error, self.ctx.lang)
        if deleted:
            self.undo_stack.push(DeleteActivitiesCommand(self.ctx, deleted, done=True,
                                                         parent_widget=lambda: self))
            self.ctx.data_changed.emit()
        return len(deleted)
