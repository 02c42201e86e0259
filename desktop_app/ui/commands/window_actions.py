"""The main window's actions, menus and period toolbar, and their words.

`WindowActions` is mixed into `MainWindow` (main_window.py): it makes the actions
(File, Edit, View, Settings, Help; Ctrl+1..5 for the pages; the languages), puts them
in the menus and the toolbar, and sets their words. What the actions do lives in
`window_commands.py` (both roles, and the agency's) and `focal_commands.py` (the
focal point's). The Edit menu holds the Activities page's own actions when the page
offers them (`Page.edit_actions`), else disabled stand-ins.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QMenu, QToolBar

from desktop_app.ui.commands import file_commands

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from desktop_app.ui.context import AppContext
    from desktop_app.ui.pages.page import LazyPages, PageSpecs

    class _Base(QMainWindow):
        """What the mixin uses of MainWindow and the other command mixins."""

        def show_page(self, index: int) -> None: ...
        def install_catalog(self) -> None: ...
        def open_due_dates(self) -> None: ...
        def open_export(self) -> None: ...
        def carry_over(self) -> None: ...
        def open_report_settings(self) -> None: ...
        def about(self) -> None: ...
        def national_report(self) -> None: ...
        def reminder_list(self) -> None: ...
        def rebuild_if_role_changed(self) -> bool: ...
        def _period_chosen(self, index: int) -> None: ...
else:
    _Base = object

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))  # each in its own language

# The Edit menu's entries, in order: (name, standard keys); None is a separator.
EDIT_ENTRIES = (("undo", QKeySequence.StandardKey.Undo), ("redo", QKeySequence.StandardKey.Redo),
                None,
                ("new", QKeySequence.StandardKey.New), ("delete", QKeySequence.StandardKey.Delete),
                None,
                ("find", QKeySequence.StandardKey.Find))


class WindowActions(_Base):
    """The actions, menus and toolbar of MainWindow (a mixin; see the module's docstring)."""

    ctx: AppContext
    focal: bool
    initialised: bool
    years: list[int]
    pages: LazyPages
    page_specs: PageSpecs
    # Made by MainWindow._make_import_actions (the import engine's availability).
    import_files_action: QAction
    import_folder_action: QAction
    undo_import_action: QAction

    def _make_actions(self) -> None:
        from desktop_app.ui.commands.shared_database import choose_shared_database

        self.server_action = QAction(self)  # issue 16: the focal point's shared database
        self.server_action.triggered.connect(
            lambda: choose_shared_database(self, self.ctx.db.server))
        self.catalog_action = QAction(self)
        self.catalog_action.triggered.connect(self.install_catalog)
        self.due_dates_action = QAction(self)
        self.due_dates_action.setVisible(self.focal)  # the focal point sets due dates
        self.due_dates_action.triggered.connect(self.open_due_dates)
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setEnabled(False)  # an agency's, once set up (update_status)
        self.export_action.triggered.connect(self.open_export)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.carry_action = QAction(self)
        self.carry_action.triggered.connect(self.carry_over)
        self.report_settings_action = QAction(self)
        self.report_settings_action.setEnabled(False)  # an agency's, once set up
        self.report_settings_action.triggered.connect(self.open_report_settings)
        self.keys_action = QAction(self)  # issue 9: the signing keys, both roles
        self.keys_action.triggered.connect(self.open_keys)
        self.keys_action.setEnabled(self.initialised)
        self.audit_action = QAction(self)  # issue 10: the audit log, both roles
        self.audit_action.triggered.connect(self.open_audit)
        self.audit_action.setEnabled(self.initialised)
        self.backup_action = QAction(self)
        self.backup_action.setEnabled(self.initialised)
        self.backup_action.triggered.connect(lambda: file_commands.save_backup(self.ctx, self))
        self.restore_action = QAction(self)  # issue 13: both roles, a database file only
        self.restore_action.setEnabled(self.initialised and not self.ctx.on_server())
        self.restore_action.triggered.connect(
            lambda: file_commands.restore_backup(self.ctx, self, self.rebuild_if_role_changed))
        self.template_action = QAction(self)
        self.template_action.setEnabled(self.initialised)
        self.template_action.triggered.connect(
            lambda: file_commands.save_template(self.ctx, self))
        self.guide_action = QAction(self)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.open_guide)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.about)
        # The focal point's commands; hidden at an agency.
        self.national_report_action = QAction(self)
        self.national_report_action.triggered.connect(self.national_report)
        self.national_report_action.setVisible(self.focal)
        self.national_report_action.setEnabled(self.focal)
        self.reminders_action = QAction(self)
        self.reminders_action.triggered.connect(self.reminder_list)
        self.reminders_action.setVisible(self.focal)
        self.reminders_action.setEnabled(self.focal)
        for action in (self.export_action, self.report_settings_action, self.carry_action):
            action.setVisible(not self.focal)

        self.page_actions: list[QAction] = []
        self.page_group = QActionGroup(self)
        for number in range(1, len(self.page_specs) + 1):
            action = QAction(self)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _on=False, i=number - 1: self.show_page(i))
            self.page_group.addAction(action)
            self.page_actions.append(action)

        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES:
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == self.ctx.lang)
            action.triggered.connect(lambda _on=False, lang=code: self.ctx.set_language(lang))
            self.language_group.addAction(action)
            self.language_actions[code] = action

        # Until the Activities page provides its own, these stand in: disabled, or, in
        # the moment before that page is made (main_window.py), making it and passing
        # the command on, so that no Ctrl+N is lost.
        self.edit_actions: dict[str, QAction] = {}
        for entry in EDIT_ENTRIES:
            if entry is None:
                continue
            name, keys = entry
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setEnabled(False)
            action.triggered.connect(lambda _on=False, name=name: self._edit_before_page(name))
            self.edit_actions[name] = action
        self._own_edit_actions = dict(self.edit_actions)

    def _make_toolbar(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("periodToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setFloatable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.period_label = QLabel()
        self.period_label.setContentsMargins(6, 0, 6, 0)
        self.period_combo = QComboBox()
        self.period_combo.setMinimumContentsLength(6)
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_period_combo()
        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        self.period_label.setBuddy(self.period_combo)
        self.toolbar.addWidget(self.period_label)
        self.toolbar.addWidget(self.period_combo)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.carry_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _fill_period_combo(self) -> None:
        """The catalog's periods in the selector, the context's year chosen, no signal."""
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for year in self.years:
            self.period_combo.addItem(str(year), year)
        if self.ctx.year in self.years:
            self.period_combo.setCurrentIndex(self.years.index(self.ctx.year))
        self.period_combo.blockSignals(False)
        self.period_combo.setEnabled(bool(self.years))

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.export_action)
        if self.focal:
            self.file_menu.addAction(self.import_files_action)
            self.file_menu.addAction(self.import_folder_action)
            self.file_menu.addAction(self.undo_import_action)
            self.file_menu.addSeparator()
            self.file_menu.addAction(self.national_report_action)
            self.file_menu.addAction(self.reminders_action)
            self.file_menu.addSeparator()
            self.file_menu.addAction(self.server_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.catalog_action)
        self.file_menu.addAction(self.template_action)
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.view_menu = bar.addMenu("")
        for action in self.page_actions:
            self.view_menu.addAction(action)
        self.settings_menu = bar.addMenu("")
        self.language_menu = QMenu(self)
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.settings_menu.addMenu(self.language_menu)
        self.settings_menu.addAction(self.report_settings_action)
        self.settings_menu.addAction(self.due_dates_action)
        self.settings_menu.addAction(self.keys_action)
        self.settings_menu.addAction(self.audit_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.about_action)

    def _wire_edit_actions(self) -> None:
        """Put the Activities page's own actions in the Edit menu when it offers them."""
        if self.pages.is_built("activities"):  # else when it is made (main_window)
            self.edit_actions.update(self.pages["activities"].edit_actions().offered())
        pending = "activities" in self.pages and not self.pages.is_built("activities")
        for action in self._own_edit_actions.values():
            action.setEnabled(pending)
        self.edit_menu.clear()
        for entry in EDIT_ENTRIES:
            if entry is None:
                self.edit_menu.addSeparator()
            else:
                self.edit_menu.addAction(self.edit_actions[entry[0]])
        if not self.focal:
            self.edit_menu.addSeparator()
            self.edit_menu.addAction(self.carry_action)

    def _edit_before_page(self, name: str) -> None:
        """A stand-in used before the Activities page was made: make it, then do it."""
        if "activities" not in self.pages or self.pages.is_built("activities"):
            return
        action = self.pages["activities"].edit_actions().offered().get(name)
        if action is not None and action.isEnabled():
            action.trigger()

    def open_guide(self) -> None:
        from desktop_app.ui.dialogs.guide_dialog import GuideDialog

        self.guide_dialog = GuideDialog(self.ctx.lang, self)
        self.guide_dialog.open()

    def open_keys(self) -> None:
        from desktop_app.ui.dialogs.keys_dialog import KeysDialog

        self.keys_dialog = KeysDialog(self.ctx, self)
        self.keys_dialog.open()

    def open_audit(self) -> None:
        from desktop_app.ui.dialogs.audit_dialog import AuditDialog

        self.audit_dialog = AuditDialog(self.ctx, self)
        self.audit_dialog.open()

    def _retranslate_actions(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.export_action.setText(self.tr("&Export submission…"))
        self.catalog_action.setText(self.tr("Install a &catalog update…"))
        self.server_action.setText(self.tr("S&hared database…"))
        self.due_dates_action.setText(self.tr("Periods and &due dates; publish the catalog…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About NAP Reporter"))
        self.guide_action.setText(self.tr("&Guide"))
        self.backup_action.setText(self.tr("&Back up the database…"))
        self.restore_action.setText(self.tr("Res&tore from a backup…"))
        self.template_action.setText(self.tr("Save the &blank template…"))
        self.keys_action.setText(self.tr("Signing &keys…"))
        self.audit_action.setText(self.tr("&Audit log…"))
        self.import_files_action.setText(self.tr("&Import files…"))
        self.import_folder_action.setText(self.tr("Import a f&older…"))
        self.undo_import_action.setText(self.tr("&Undo last import"))
        self.national_report_action.setText(self.tr("&National report…"))
        self.reminders_action.setText(self.tr("&Reminder list of agencies not reported…"))
        self.report_settings_action.setText(self.tr("&Report: number, signer, recipients…"))
        self.carry_action.setText(self.tr("Carry unfinished activities to next period…"))
        self.carry_action.setIconText(self.tr("Carry over to next period…"))
        self.carry_action.setToolTip(self.tr(
            "Copy the planned, in-progress and postponed activities of this period "
            "into the next one"))
        own = self._own_edit_actions
        for name, words in (("undo", self.tr("&Undo")), ("redo", self.tr("&Redo")),
                            ("new", self.tr("&New activity")),
                            ("delete", self.tr("&Delete activity")),
                            ("find", self.tr("&Find activities"))):
            own[name].setText(words)
        self.period_label.setText(self.tr("&Period:"))
        self.period_combo.setToolTip(self.tr("The reporting period (calendar year) shown"))
