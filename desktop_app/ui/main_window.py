"""The main window: navigation between the pages, the period, and the status bar.

The first page (the Overview) is made with the window; the others, and their modules,
are made after it has been drawn with its data, one a turn of the event loop (once the
database is open, for a window drawn before it was), or at once when one is asked for
first (`self.pages` is a `LazyPages`): importing
and making every page before the first paint made every start wait for pages nobody
looked at yet (issue 11). Every page module is named in `pages/agency_set.py` or
`pages/focal_set.py`, so a page that cannot be imported still fails its test.

The window asks a page only what `pages/page.py` `Page` declares: its default focus,
whether it can close, and its actions for the Edit menu. The actions and menus are
`commands/window_actions.py`; what they do is `commands/window_commands.py` and, for
the focal point, `commands/focal_commands.py`; each is mixed into MainWindow.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMenuBar,
    QStackedWidget,
    QWidget,
)

from desktop_app.core.domain.enums import PeriodState, Role
from desktop_app.core.preferences import LANGUAGE, save_preference
from desktop_app.core.services.period_facts import PeriodFacts
from desktop_app.ui import numbers
from desktop_app.ui.app import install_translator
from desktop_app.ui.commands.focal_commands import FocalCommands
from desktop_app.ui.commands.window_actions import WindowActions
from desktop_app.ui.commands.window_commands import WindowCommands
from desktop_app.ui.commands.worker import JobRunner
from desktop_app.ui.context import AppContext, year_shown
from desktop_app.ui.dialogs import message_box
from desktop_app.ui.labels import name_of
from desktop_app.ui.loading import wait_for_reads
from desktop_app.ui.pages import agency_set, focal_set
from desktop_app.ui.pages.overview_page import OverviewPage
from desktop_app.ui.pages.page import LazyPages, Page, PageSpecs
from desktop_app.ui.retranslating import Retranslating
from desktop_app.ui.window_geometry import place_window, remember_window

if TYPE_CHECKING:
    from desktop_app.ui.dialogs.import_dialog import ImportCommands

# (key, page): the order of the navigation list and of Ctrl+1..5.
PAGES: PageSpecs = (
    ("overview", OverviewPage),
    ("activities", agency_set.activities_page),
    ("indicators", agency_set.indicators_page),
    ("recommendations", agency_set.recommendations_page),
    ("submissions", agency_set.submissions_page),
)
# The focal point's pages (Ministry of Justice): who reported, the consolidated views;
# their modules are imported only for a focal point's window (pages/focal_set.py).
FOCAL_PAGES: PageSpecs = (
    ("overview", OverviewPage),
    ("completeness", focal_set.completeness_page),
    ("recommendations", focal_set.assessments_page),
    ("areas", focal_set.areas_tasks_page),
    ("imports", focal_set.imports_page),
)

SCREENSHOT_SIZE = QSize(1366, 768)  # an old laptop's screen

STYLE = """
QListWidget#navigation { font-size: 11pt; border: none; background: palette(window); }
QListWidget#navigation::item { padding: 8px 12px; }
QListWidget#navigation::item:selected { background: palette(highlight);
    color: palette(highlighted-text); border-radius: 4px; }
QLabel#pageHeading { font-size: 14pt; font-weight: 600; }
QLabel#emptyState { font-size: 12pt; color: palette(mid); }
"""


class MainWindow(WindowActions, WindowCommands, FocalCommands, Retranslating, QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setStyleSheet(STYLE)
        self.setMinimumSize(960, 600)
        place_window(self)
        self.runners: list[JobRunner] = []
        self._import_commands: ImportCommands | None = None
        self._making = 0  # which build of the pages the pending "make the rest" is for
        self._rest_waits: int | None = None  # the build whose pages wait for the open
        # The translator must be in place before the pages retranslate themselves.
        ctx.language_changed.connect(self._language_changed)
        ctx.period_changed.connect(lambda _year: self.update_status())
        ctx.data_changed.connect(self.update_status)
        self._build_for_role()
        self._make_status_bar()
        self.retranslate()
        self.update_status()

    # --- building ----------------------------------------------------------------------

    def _build_for_role(self) -> None:
        """What depends on the database's role: the pages, the actions, menus, toolbar."""
        ctx = self.ctx
        self.facts = self._facts()
        self.initialised = self.facts.role is not None
        self.focal = self.facts.role is Role.FOCAL_POINT
        self.page_specs = FOCAL_PAGES if self.focal else PAGES
        self.setAcceptDrops(self.focal and not ctx.db.read_only)  # a drop imports
        self.years = self._years() if self.initialised else []
        ctx.set_year(year_shown(self.years, ctx.year))

        self._make_import_actions()
        self._make_actions()
        self._make_toolbar()
        self._make_menus()
        keys = tuple(key for key, _page in self.page_specs) if self.initialised else ()
        self.pages = LazyPages(keys, self._make_page, self._page_made)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.stack = QStackedWidget()
        if self.initialised:
            self._make_pages()
        else:
            self._make_empty_state()
        self._wire_edit_actions()

    def rebuild_if_role_changed(self) -> bool:
        """After File > Restore: a backup of the other role (or of an agency onto a blank
        window) gets that role's pages, actions and menus at once, as a new start would
        give them, on the same context; True if the window was rebuilt."""
        role = self._facts().role
        if (role is Role.FOCAL_POINT) == self.focal and (role is not None) == self.initialised:
            return False
        for page in self.pages.built():
            page.stop_loading()
        wait_for_reads()
        old = [child for child in self.children()
               if isinstance(child, QAction | QActionGroup | QMenu)]
        self.removeToolBar(self.toolbar)
        self.toolbar.deleteLater()
        self.setMenuBar(QMenuBar())  # the old bar goes, with its menus
        central = self.takeCentralWidget()
        if central is not None:
            central.hide()
            central.deleteLater()  # the old pages with it
        if self._import_commands is not None:
            self._import_commands.deleteLater()
            self._import_commands = None
        for child in old:
            child.deleteLater()
        self._build_for_role()
        self.retranslate()
        self.update_status()
        return True

    def _years(self) -> list[int]:
        if not self.ctx.is_open():  # read with sqlite3 for the first paint (launch.py)
            return list(self.ctx.first_years)
        from desktop_app.core.services import activities

        return [year for year, _due in activities.choices(self.ctx.db).periods]

    def _facts(self) -> PeriodFacts:
        first = self.ctx.first_facts
        if not self.ctx.is_open() and first is not None and first.year == self.ctx.year:
            return first  # read with sqlite3 for the first paint (launch.py)
        from desktop_app.core.services.periods import period_facts

        return period_facts(self.ctx.db, self.ctx.year)

    def _make_import_actions(self) -> None:
        """The focal point's import commands; hidden at an agency."""
        self.import_files_action = QAction(self)
        self.import_files_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_files_action.triggered.connect(lambda: self.import_commands().import_files())
        self.import_folder_action = QAction(self)
        self.import_folder_action.triggered.connect(
            lambda: self.import_commands().import_folder())
        self.undo_import_action = QAction(self)
        self.undo_import_action.triggered.connect(
            lambda: self.import_commands().undo_last_import())
        for action in (self.import_files_action, self.import_folder_action,
                       self.undo_import_action):
            action.setVisible(self.focal)
            action.setEnabled(self.focal)

    def _make_pages(self) -> None:
        for _key in self.pages:  # a stand-in for each page until it is made
            self.stack.addWidget(QWidget())
            QListWidgetItem(self.navigation)
        self._making += 1
        making = self._making
        self.pages[self.page_specs[0][0]]  # the first page, made now
        self.after_first_paint(lambda: self._make_rest(making))
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
        self.current_page().load()  # before the window is shown; the others when shown

    def _make_page(self, key: str) -> Page:
        """Make the page for key in its place in the stack (LazyPages asks)."""
        keys = list(self.pages)
        index = keys.index(key)
        page = self.page_specs[index][1](self.ctx, self.stack)
        page.setObjectName(f"{key}Page")
        if isinstance(page, OverviewPage):  # the focal point's "Save the reminder list"
            page.reminder_list_requested.connect(self.reminder_list)
        stand_in = self.stack.widget(index)
        current = self.stack.currentIndex()
        self.stack.insertWidget(index, page)
        if stand_in is not None:
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        if current == index:
            self.stack.setCurrentIndex(index)
        return page

    def _page_made(self, key: str) -> None:
        if key == "activities":  # its own actions go into the Edit menu
            self._wire_edit_actions()

    def after_first_paint(self, then: Callable[[], None]) -> None:
        """Call then() on the turn after the first page is first drawn with its data."""
        _AfterPaint(self.pages[self.page_specs[0][0]], then)

    def _make_rest(self, making: int) -> None:
        """Make the pages not made yet (after the first paint), one a turn of the event
        loop, so that the window keeps drawing and answering between them. A window drawn
        before its database was opened makes them once it is open (`launch.py` opens it
        on a worker; making a page reads it, and would wait for the open)."""
        if making != self._making:
            return  # the window was rebuilt or closed since: its own build makes its pages
        if not self.ctx.is_open():
            if self._rest_waits is None:
                self.ctx.database_opened.connect(self._make_rest_after_open,
                                                 Qt.ConnectionType.QueuedConnection)
            self._rest_waits = making
            return
        key = next((k for k in self.pages if not self.pages.is_built(k)), None)
        if key is not None:
            self.pages[key]  # noqa: B018  (made now)
            QTimer.singleShot(0, self, lambda: self._make_rest(making))

    def _make_rest_after_open(self) -> None:
        if self._rest_waits is not None:
            self._make_rest(self._rest_waits)

    def _make_empty_state(self) -> None:
        self.empty_state = QLabel()
        self.empty_state.setObjectName("emptyState")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)
        self.setCentralWidget(self.empty_state)
        for action in (*self.page_actions, self.carry_action):
            action.setEnabled(False)

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

    def retranslate(self) -> None:
        self._retranslate_actions()
        for title, action, item in zip(self.page_titles(), self.page_actions,
                                       self._navigation_items(), strict=False):
            action.setText(title)
            item.setText(title)
        if not self.initialised:
            self.empty_state.setText(self.tr(
                "This database is not set up yet.\n\n"
                "Start NAP Reporter without --screenshot to choose the language, "
                "your role and your agency."))
        self.update_status()

    def _navigation_items(self) -> Iterator[QListWidgetItem]:
        for row in range(self.navigation.count()):
            yield self.navigation.item(row)

    def update_status(self) -> None:
        if not hasattr(self, "state_status"):
            return  # the status bar is made last; signals may come before
        facts = self.facts = self._facts()
        lang = self.ctx.lang
        for separator in self.status_separators:
            separator.setVisible(facts.role is not None)
        if facts.role is None:
            self.agency_status.setText(self.tr("Not set up yet"))
            self.period_status.setText("")
            self.state_status.setText("")
            self.setWindowTitle("")  # Qt shows the application's name
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
        period = self.tr("Period %1").replace("%1", str(facts.year))
        if facts.data_range is not None:
            start, end = (numbers.day(day, lang) for day in facts.data_range)
            period += self.tr(" · data %1–%2").replace("%1", start).replace("%2", end)
        if facts.due_date is not None:
            due = numbers.day(facts.due_date, lang)
            period += self.tr(" · due %1").replace("%1", due)
        self.period_status.setText(period)
        state = name_of(PeriodState, facts.state) if facts.state is not None else ""
        self.state_status.setText(self.tr("State: %1").replace("%1", state) if state else "")
        self.state_status.setToolTip({
            PeriodState.OPEN: self.tr("Nothing exported yet for this period; edits are allowed"),
            PeriodState.SUBMITTED: self.tr(
                "At least one version was exported; edits go into the next version"),
            PeriodState.LOCKED: self.tr("No edits until the period is unlocked with a reason"),
        }.get(facts.state, "") if facts.state else "")
        name = agency if facts.role is Role.FOCAL_POINT else facts.agency_name(lang)
        read_only = self.tr(" (read only)") if self.ctx.read_only() else ""
        # Qt adds " — NAP Reporter" (applicationDisplayName)
        self.setWindowTitle(f"{name}{read_only}")
        if self.ctx.read_only():  # a viewer's role on a shared database: no writing entries
            for action in (self.import_files_action, self.import_folder_action,
                           self.undo_import_action, self.catalog_action,
                           self.due_dates_action):
                action.setEnabled(False)
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

    def _language_changed(self, lang: str) -> None:
        save_preference(LANGUAGE, lang)
        install_translator(lang)
        action = self.language_actions.get(lang)
        if action is not None:
            action.setChecked(True)
        self.retranslate()  # also when no translation file sends LanguageChange

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
        self.pages[self.page_specs[index][0]]  # made now if it was not yet
        self.stack.setCurrentIndex(index)
        if self.navigation.currentRow() != index:
            self.navigation.setCurrentRow(index)
        self.page_actions[index].setChecked(True)
        # Keyboard users land inside the page, where its shortcuts (Ctrl+N, Ctrl+F,
        # Delete, Enter) apply.
        focus = self.current_page().default_focus()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_page(self) -> Page:
        return self.pages[self.current_page_key()]

    def current_page_key(self) -> str:
        return self.page_specs[self.stack.currentIndex()][0]

    def offer_unsaved_drafts(self) -> None:
        """After a crash, offer the activities that were being edited and never saved."""
        if "activities" not in self.pages:
            return
        from desktop_app.core.services.drafts import (
            draft_file_year,
            load_draft_file,
            pending_drafts,
        )

        for path in pending_drafts(self.ctx.db.path):
            # here: the page's module is imported when it is made (after the open,
            # MainWindow._make_rest), not in the turn the database opened in
            from desktop_app.ui.pages.activities_page import ActivitiesPage

            page = self.pages["activities"]
            assert isinstance(page, ActivitiesPage)
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
                self.show_page([key for key, _page in self.page_specs].index("activities"))
                page.open_editor(draft, draft_path=path)
                return  # one editor at a time; the rest are offered next start

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages.built():
            if not page.can_close():
                event.ignore()
                return
        self._making += 1  # no page is made any more
        for runner in list(self.runners):
            runner.stop()
        for page in self.pages.built():
            page.stop_loading()
        wait_for_reads()
        remember_window(self)
        super().closeEvent(event)


class _AfterPaint(QObject):
    """Calls `then` once, on the turn of the event loop after a table of `page` has been
    painted with the page loaded. (A window never drawn, a test's, makes its pages when
    they are asked for, and opens its database when it is needed.)"""

    def __init__(self, page: Page, then: Callable[[], None]) -> None:
        super().__init__(page)
        self._page, self._then, self._done = page, then, False
        self._viewports = [area.viewport() for area in page.findChildren(QAbstractScrollArea)]
        for viewport in self._viewports:
            viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self._done and self._page.is_loaded():
            self._done = True
            QTimer.singleShot(0, self._fire)
        return False

    def _fire(self) -> None:
        with contextlib.suppress(RuntimeError):  # the window may be gone by now
            for viewport in self._viewports:
                viewport.removeEventFilter(self)
        self._then()
