"""The main window: navigation between the pages, the period, menus and the status bar.

The pages belong to their own modules and are imported when the window is built; a
page whose module is missing shows a short notice instead, so the window always opens.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from desktop_app import __version__
from desktop_app.core.domain.enums import ActivityStatus, PeriodState, Role
from desktop_app.core.preferences import LANGUAGE, save_preference
from desktop_app.core.problems import NapError
from desktop_app.core.progress import Job, Progress
from desktop_app.core.services import activities
from desktop_app.core.services.periods import period_facts
from desktop_app.ui.app import install_translator
from desktop_app.ui.commands.worker import JobRunner, run_job, show_error
from desktop_app.ui.context import AppContext
from desktop_app.ui.dialogs import message_box

if TYPE_CHECKING:
    from desktop_app.ui.dialogs.import_dialog import ImportCommands

log = logging.getLogger("nap-reporter.ui")

# (key, module, class): the order of the navigation list and of Ctrl+1..5.
PAGES = (
    ("overview", "desktop_app.ui.pages.overview_page", "OverviewPage"),
    ("activities", "desktop_app.ui.pages.activities_page", "ActivitiesPage"),
    ("indicators", "desktop_app.ui.pages.indicators_page", "IndicatorsPage"),
    ("recommendations", "desktop_app.ui.pages.recommendations_page", "RecommendationsPage"),
    ("submissions", "desktop_app.ui.pages.submissions_page", "SubmissionsPage"),
)
# The focal point's pages (Ministry of Justice): who reported, the consolidated views.
FOCAL_PAGES = (
    ("overview", "desktop_app.ui.pages.overview_page", "OverviewPage"),
    ("completeness", "desktop_app.ui.pages.completeness_page", "CompletenessPage"),
    ("recommendations", "desktop_app.ui.pages.assessments_page", "AssessmentsPage"),
    ("areas", "desktop_app.ui.pages.areas_tasks_page", "AreasTasksPage"),
    ("imports", "desktop_app.ui.pages.imports_page", "ImportsPage"),
)
NATIONAL_REPORT_MODULE = "desktop_app.core.exchange.national_report"


def national_report_available() -> bool:
    try:
        return importlib.util.find_spec(NATIONAL_REPORT_MODULE) is not None
    except (ImportError, ValueError):
        return False

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))  # each in its own language

SCREENSHOT_SIZE = QSize(1280, 800)

STYLE = """
QListWidget#navigation { font-size: 11pt; border: none; background: palette(window); }
QListWidget#navigation::item { padding: 8px 12px; }
QListWidget#navigation::item:selected { background: palette(highlight);
    color: palette(highlighted-text); border-radius: 4px; }
QLabel#pageHeading { font-size: 14pt; font-weight: 600; }
QLabel#emptyState { font-size: 12pt; color: palette(mid); }
"""


class PlaceholderPage(QLabel):
    """Stands in for a page whose module is not in this build."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("emptyState")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("This page is not available in this version yet."))

    def refresh(self) -> None:
        pass

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _page_class(module_name: str, class_name: str) -> Callable[..., QWidget]:
    try:
        module = importlib.import_module(module_name)
        page_class: Callable[..., QWidget] = getattr(module, class_name)
        return page_class
    except (ImportError, AttributeError):
        log.info("page %s.%s not available; showing a placeholder", module_name, class_name)
        return PlaceholderPage


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setStyleSheet(STYLE)
        self.setMinimumSize(960, 600)
        self.resize(SCREENSHOT_SIZE)
        self.runners: list[JobRunner] = []
        self._import_commands: ImportCommands | None = None
        # The translator must be in place before the pages retranslate themselves.
        ctx.language_changed.connect(self._language_changed)
        ctx.period_changed.connect(lambda _year: self.update_status())
        ctx.data_changed.connect(self.update_status)

        self.facts = period_facts(ctx.db, ctx.year)
        self.initialised = self.facts.role is not None
        self.focal = self.facts.role is Role.FOCAL_POINT
        self.page_specs = FOCAL_PAGES if self.focal else PAGES
        self.setAcceptDrops(self.focal)
        self.years = self._years() if self.initialised else []
        if self.years and ctx.year not in self.years:
            past = [y for y in self.years if y <= ctx.year]
            ctx.set_year(past[-1] if past else self.years[0])

        self._make_actions()
        self._make_toolbar()
        self._make_menus()
        self.pages: dict[str, QWidget] = {}
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.stack = QStackedWidget()
        if self.initialised:
            self._make_pages()
        else:
            self._make_empty_state()
        self._wire_edit_actions()
        self._make_status_bar()
        self.retranslate_ui()
        self.update_status()

    # --- building ----------------------------------------------------------------------

    def _years(self) -> list[int]:
        return [year for year, _due in activities.choices(self.ctx.db).periods]

    def _make_actions(self) -> None:
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
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.about)
        # The focal point's commands; hidden at an agency.
        self.import_files_action = QAction(self)
        self.import_files_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_files_action.triggered.connect(lambda: self.import_commands().import_files())
        self.import_folder_action = QAction(self)
        self.import_folder_action.triggered.connect(
            lambda: self.import_commands().import_folder())
        self.undo_import_action = QAction(self)
        self.undo_import_action.triggered.connect(
            lambda: self.import_commands().undo_last_import())
        self.national_report_action = QAction(self)
        self.national_report_action.triggered.connect(self.national_report)
        for action in (self.import_files_action, self.import_folder_action,
                       self.undo_import_action):
            action.setVisible(self.focal)
            action.setEnabled(self.focal)
        self.national_report_action.setVisible(self.focal)
        self.national_report_action.setEnabled(self.focal and national_report_available())
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

        # Until the Activities page provides its own, these stand in, disabled.
        self.edit_actions: dict[str, QAction] = {}
        for name, keys in (("undo", QKeySequence.StandardKey.Undo),
                           ("redo", QKeySequence.StandardKey.Redo),
                           ("new", QKeySequence.StandardKey.New),
                           ("delete", QKeySequence.StandardKey.Delete),
                           ("find", QKeySequence.StandardKey.Find)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setEnabled(False)
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
        for year in self.years:
            self.period_combo.addItem(str(year), year)
        if self.ctx.year in self.years:
            self.period_combo.setCurrentIndex(self.years.index(self.ctx.year))
        self.period_combo.setEnabled(bool(self.years))
        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        self.period_label.setBuddy(self.period_combo)
        self.toolbar.addWidget(self.period_label)
        self.toolbar.addWidget(self.period_combo)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.carry_action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

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
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.catalog_action)
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
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _fill_edit_menu(self) -> None:
        self.edit_menu.clear()
        for name in ("undo", "redo"):
            self.edit_menu.addAction(self.edit_actions[name])
        self.edit_menu.addSeparator()
        for name in ("new", "delete"):
            self.edit_menu.addAction(self.edit_actions[name])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.edit_actions["find"])
        if not self.focal:
            self.edit_menu.addSeparator()
            self.edit_menu.addAction(self.carry_action)

    def _make_pages(self) -> None:
        for key, module_name, class_name in self.page_specs:
            page = _page_class(module_name, class_name)(self.ctx, self.stack)
            page.setObjectName(f"{key}Page")
            self.pages[key] = page
            self.stack.addWidget(page)
            QListWidgetItem(self.navigation)
        self.navigation.setFixedWidth(210)
        # A click on the list must not take the keyboard away from the page: the
        # page's shortcuts (Ctrl+N, Ctrl+F, Delete) work where its widgets have focus.
        # Keyboard users move between pages with Ctrl+1..5.
        self.navigation.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.navigation.currentRowChanged.connect(self.show_page)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.show_page(0)

    def _make_empty_state(self) -> None:
        self.empty_state = QLabel()
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)
        self.setCentralWidget(self.empty_state)
        for action in (*self.page_actions, self.carry_action):
            action.setEnabled(False)

    def _wire_edit_actions(self) -> None:
        """Put the Activities page's own actions in the Edit menu when it has them."""
        page = self.pages.get("activities")
        if page is not None:
            for name in ("undo", "redo", "new", "delete", "find"):
                action = getattr(page, f"{name}_action", None)
                if isinstance(action, QAction):
                    self.edit_actions[name] = action
        self._fill_edit_menu()

    def _make_status_bar(self) -> None:
        self.agency_status = QLabel()
        self.period_status = QLabel()
        self.state_status = QLabel()
        self.state_status.setObjectName("periodState")
        bar = self.statusBar()
        self.status_separators: list[QFrame] = []
        for label in (self.agency_status, self.period_status, self.state_status):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addWidget(label)
            if label is not self.state_status:
                separator = QFrame()
                separator.setFrameShape(QFrame.Shape.VLine)
                separator.setFrameShadow(QFrame.Shadow.Sunken)
                bar.addWidget(separator)
                self.status_separators.append(separator)

    # --- words ---------------------------------------------------------------------------

    def page_titles(self) -> list[str]:
        if self.focal:
            return [self.tr("Overview"), self.tr("Reporting status"),
                    self.tr("Recommendations"), self.tr("Areas and tasks"),
                    self.tr("Imports")]
        return [self.tr("Overview"), self.tr("Activities"), self.tr("Indicators"),
                self.tr("Recommendations"), self.tr("Submissions")]

    def retranslate_ui(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.export_action.setText(self.tr("&Export submission…"))
        self.catalog_action.setText(self.tr("Install a &catalog update…"))
        self.due_dates_action.setText(self.tr("Periods and &due dates; publish the catalog…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About NAP Reporter"))
        self.import_files_action.setText(self.tr("&Import files…"))
        self.import_folder_action.setText(self.tr("Import a f&older…"))
        self.undo_import_action.setText(self.tr("&Undo last import"))
        self.national_report_action.setText(self.tr("&National report…"))
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
        for title, action, item in zip(self.page_titles(), self.page_actions,
                                       self._navigation_items(), strict=False):
            action.setText(title)
            item.setText(title)
        self.period_label.setText(self.tr("&Period:"))
        self.period_combo.setToolTip(self.tr("The reporting period (calendar year) shown"))
        if not self.initialised:
            self.empty_state.setText(self.tr(
                "This database is not set up yet.\n\n"
                "Start NAP Reporter without --screenshot to choose the language, "
                "your role and your agency."))
        self.update_status()

    def _navigation_items(self) -> Iterator[QListWidgetItem]:
        for row in range(self.navigation.count()):
            yield self.navigation.item(row)

    def state_name(self, state: PeriodState | None) -> str:
        return {
            PeriodState.OPEN: self.tr("Open"),
            PeriodState.SUBMITTED: self.tr("Submitted"),
            PeriodState.LOCKED: self.tr("Locked"),
        }.get(state, "") if state is not None else ""

    def update_status(self) -> None:
        if not hasattr(self, "state_status"):
            return
        facts = self.facts = period_facts(self.ctx.db, self.ctx.year)
        lang = self.ctx.lang
        for separator in self.status_separators:
            separator.setVisible(facts.role is not None)
        if facts.role is None:
            self.agency_status.setText(self.tr("Not set up yet"))
            self.period_status.setText("")
            self.state_status.setText("")
            self.setWindowTitle("NAP Reporter")
            return
        if facts.role is Role.FOCAL_POINT:
            from desktop_app.core.services.focal_facts import focal_point_name

            agency = self.tr("Focal point")
            name = focal_point_name(self.ctx.db, lang)
            if name:
                agency = f"{agency} · {name}"
        else:
            agency = f"{facts.agency_code} · {facts.agency_name(lang)}"
        self.agency_status.setText(agency)
        if facts.due_date is not None:
            due = facts.due_date.strftime("%d/%m/%Y")
            self.period_status.setText(
                self.tr("Period %1 · due %2").replace("%1", str(facts.year)).replace("%2", due))
        else:
            self.period_status.setText(self.tr("Period %1").replace("%1", str(facts.year)))
        state = self.state_name(facts.state)
        self.state_status.setText(self.tr("State: %1").replace("%1", state) if state else "")
        self.state_status.setToolTip({
            PeriodState.OPEN: self.tr("Nothing exported yet for this period; edits are allowed"),
            PeriodState.SUBMITTED: self.tr(
                "At least one version was exported; edits go into the next version"),
            PeriodState.LOCKED: self.tr("No edits until the period is unlocked with a reason"),
        }.get(facts.state, "") if facts.state else "")
        name = agency if facts.role is Role.FOCAL_POINT else facts.agency_name(lang)
        self.setWindowTitle(f"NAP Reporter — {name}")
        next_year = self.ctx.year + 1
        self.carry_action.setEnabled(facts.role is Role.AGENCY and next_year in self.years
                                     and facts.state is not PeriodState.LOCKED)
        self.export_action.setEnabled(facts.role is Role.AGENCY and facts.state is not None)
        self.report_settings_action.setEnabled(facts.role is Role.AGENCY)

    def status_text(self) -> str:
        """The status bar as one line (what a user reads there)."""
        parts = (self.agency_status.text(), self.period_status.text(), self.state_status.text())
        return "  |  ".join(p for p in parts if p)

    # --- reacting ------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "state_status"):
            self.retranslate_ui()
        super().changeEvent(event)

    def _language_changed(self, lang: str) -> None:
        save_preference(LANGUAGE, lang)
        install_translator(lang)
        action = self.language_actions.get(lang)
        if action is not None:
            action.setChecked(True)
        self.retranslate_ui()  # also when no translation file sends LanguageChange

    def _period_chosen(self, index: int) -> None:
        year = self.period_combo.itemData(index)
        if isinstance(year, int):
            self.ctx.set_year(year)

    def set_period(self, year: int) -> None:
        if year in self.years:
            self.period_combo.setCurrentIndex(self.years.index(year))

    def show_page(self, index: int) -> None:
        if not self.pages or not 0 <= index < self.stack.count():
            return
        self.stack.setCurrentIndex(index)
        if self.navigation.currentRow() != index:
            self.navigation.setCurrentRow(index)
        self.page_actions[index].setChecked(True)
        # Keyboard users land inside the page, where its shortcuts (Ctrl+N, Ctrl+F,
        # Delete, Enter) apply.
        focus = getattr(self.stack.currentWidget(), "focus_default", None)
        if callable(focus):
            focus()

    def current_page_key(self) -> str:
        return self.page_specs[self.stack.currentIndex()][0]

    # --- commands ------------------------------------------------------------------------

    def install_catalog(self) -> None:
        """Install the focal point's catalog update (new periods, tasks, due dates)."""
        from desktop_app.core.services.catalog import install_catalog_file
        from desktop_app.ui.dialogs.file_dialogs import catalog_file_dialog

        dialog = catalog_file_dialog(self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
                return
            path = Path(dialog.selectedFiles()[0])
        finally:
            dialog.deleteLater()
        try:
            change = install_catalog_file(self.ctx.db, path)
        except NapError as error:
            show_error(self, self.tr("Catalog update not installed"), error, self.ctx.lang)
            return
        if change.applied:
            text = (self.tr("Catalog version %1 is installed (it was %2).")
                    .replace("%1", str(change.version))
                    .replace("%2", str(change.previous_version or "-")))
            self._reload_periods()
            self.ctx.data_changed.emit()
        else:
            text = (self.tr("This catalog (version %1) is not newer than the one installed "
                            "(version %2); nothing was changed.")
                    .replace("%1", str(change.version))
                    .replace("%2", str(change.previous_version or "-")))
        message_box.inform(self, self.tr("Catalog update"), text, self.tr("Close"))

    def open_due_dates(self) -> None:
        from desktop_app.ui.dialogs.due_dates_dialog import DueDatesDialog

        dialog = DueDatesDialog(self.ctx, self)
        dialog.exec()
        dialog.deleteLater()
        self._reload_periods()

    def _reload_periods(self) -> None:
        """A catalog update may bring new periods: offer them in the selector."""
        self.years = self._years()
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for year in self.years:
            self.period_combo.addItem(str(year), year)
        if self.ctx.year in self.years:
            self.period_combo.setCurrentIndex(self.years.index(self.ctx.year))
        self.period_combo.blockSignals(False)
        self.period_combo.setEnabled(bool(self.years))

    def open_report_settings(self) -> None:
        """The PDF report's document number, signer and recipients (Decree 30 header)."""
        from desktop_app.ui.dialogs.report_settings_dialog import ReportSettingsDialog

        ReportSettingsDialog(self.ctx.db, self.ctx.lang, self).exec()

    def about(self) -> None:
        message_box.inform(self, self.tr("About NAP Reporter"), self.tr(
            "NAP Reporter %1\n\n"
            "Reporting on the implementation of Viet Nam's National Action Plans for the "
            "International Covenant on Civil and Political Rights (ICCPR) and the "
            "recommendations of the UN Human Rights Committee.\n\n"
            "Works offline; submissions travel as files.").replace("%1", __version__),
            self.tr("Close"))

    # --- the focal point's commands ------------------------------------------------------

    def import_commands(self) -> ImportCommands:
        from desktop_app.ui.dialogs.import_dialog import ImportCommands

        if self._import_commands is None:
            self._import_commands = ImportCommands(self, self.ctx)
        return self._import_commands

    def open_import(self, paths: list[Path]) -> None:
        self.import_commands().open_import(paths)

    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.focal and self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_paths(event) if self.focal else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.open_import(paths)

    def national_report(self) -> None:
        """The national consolidated report of the period, as a workbook or a PDF."""
        if not national_report_available():
            return
        title = self.tr("National report")
        year = self.ctx.year
        answer = message_box.choose(self, title, self.tr(
            "The national consolidated report for %1: summary, reporting status, areas, "
            "recommendations (follow-up first), assessments and an annex of activities by "
            "agency. In which format?").replace("%1", str(year)),
            [self.tr("Excel workbook (.xlsx)"), self.tr("PDF document (.pdf)"),
             self.tr("Cancel")])
        if answer not in (0, 1):
            return
        fmt = ("xlsx", "pdf")[answer]
        filters = {"xlsx": self.tr("Excel workbooks (*.xlsx)"),
                   "pdf": self.tr("PDF documents (*.pdf)")}
        path = self.import_commands().pick_save_path(
            title, self.tr("National_report_%1").replace("%1", str(year)) + f".{fmt}",
            filters[fmt], f".{fmt}")
        if path is None:
            return
        module = importlib.import_module(NATIONAL_REPORT_MODULE)
        export = getattr(module, f"export_national_{fmt}")
        db = self.ctx.db
        runner = run_job(self, lambda: export(db, year, path), title)
        self.runners.append(runner)
        runner.succeeded.connect(lambda written: message_box.inform(
            self, title, self.tr("The national report was saved:\n%1")
            .replace("%1", str(written or path)), self.tr("Close")))
        runner.finished.connect(lambda: self.runners.remove(runner))

    def open_export(self) -> None:
        from desktop_app.ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.ctx, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def carry_over(self) -> None:
        db, year, target = self.ctx.db, self.ctx.year, self.ctx.year + 1
        title = self.tr("Carry unfinished activities to next period")
        if target not in self.years:
            message_box.inform(self, title, self.tr("There is no period %1 in the catalog yet.")
                   .replace("%1", str(target)), self.tr("Close"))
            return
        try:
            rows = activities.list_activities(db, year)
        except NapError as error:
            show_error(self, title, error, self.ctx.lang)
            return
        unfinished = sum(1 for row in rows if not ActivityStatus(row.status).finished)
        if unfinished == 0:
            message_box.inform(self, title, self.tr("There are no unfinished activities in %1.")
                   .replace("%1", str(year)), self.tr("Close"))
            return
        question = self.tr(
            "Copy the %n unfinished activities (planned, in progress or postponed) of %1 "
            "into %2?\n\nTheir indicators come along without results. Activities carried "
            "over before are not copied again.", "", unfinished)
        question = question.replace("%1", str(year)).replace("%2", str(target))
        if not message_box.ask(self, title, question, self.tr("Carry over"),
                               self.tr("Cancel")):
            return

        def job() -> Job[int]:
            yield Progress(0, 1, "carry_over")
            count = activities.carry_over(db, year, target)
            yield Progress(1, 1, "carry_over")
            return count

        runner = run_job(self, job, title)
        self.runners.append(runner)
        runner.succeeded.connect(lambda count: self._carried(int(count), year, target))
        runner.finished.connect(lambda: self.runners.remove(runner))

    def _carried(self, count: int, year: int, target: int) -> None:
        self.ctx.data_changed.emit()
        title = self.tr("Carry unfinished activities to next period")
        done = self.tr("%n activities were carried from %1 into %2.", "", count)
        if message_box.ask(self, title, done.replace("%1", str(year)).replace("%2", str(target)),
               self.tr("Open %1").replace("%1", str(target)),
               self.tr("Stay on %1").replace("%1", str(year))):
            self.set_period(target)

    def offer_unsaved_drafts(self) -> None:
        """After a crash, offer the activities that were being edited and never saved."""
        page = self.pages.get("activities")
        if page is None or not hasattr(page, "open_editor"):
            return
        from desktop_app.ui.dialogs.activity_editor import (
            draft_file_year,
            load_draft_file,
            pending_drafts,
        )

        for path in pending_drafts(self.ctx.db.path):
            try:
                draft, year = load_draft_file(path), draft_file_year(path)
            except (OSError, ValueError, TypeError, KeyError):
                path.unlink(missing_ok=True)  # not a draft we can read: nothing to offer
                continue
            title = draft.title.strip() or self.tr("(no title)")
            answer = message_box.choose(
                self, self.tr("Unsaved activity"),
                self.tr("The activity «%1» was being edited when the program closed "
                        "unexpectedly, and it was not saved. Open it to continue?")
                .replace("%1", title),
                [self.tr("Open it"), self.tr("Discard it"), self.tr("Later")])
            if answer == 1:
                path.unlink(missing_ok=True)
            elif answer == 0:
                if year is not None:
                    self.set_period(year)
                self.show_page([key for key, *_ in self.page_specs].index("activities"))
                page.open_editor(draft, draft_path=path)
                return  # one editor at a time; the rest are offered next start

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages.values():
            can_close = getattr(page, "can_close", None)
            if callable(can_close) and not can_close():
                event.ignore()
                return
        for runner in list(self.runners):
            runner.stop()
        super().closeEvent(event)
