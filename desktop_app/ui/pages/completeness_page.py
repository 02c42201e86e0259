"""The Reporting status page: who has reported, agencies × periods, at the focal point.

A thin table model over the core's completeness Grid: one row per unit in force (its
former units roll up into it), one column per period, each cell coloured by its state
(not received grey, on time green, late orange) and showing how many versions arrived.
The kind filter asks the core again, so the counts and the on-time rate below the grid
are those of the agencies shown. Names sort the Vietnamese way (QCollator).

The grid is read (`read_status`) when the page is shown and again when the period, the
kind filter or the data change: on a worker with the page's busy bar when the period
is big (at 100,000 activities the read froze the window 0.05-0.3 s each time), at once
when it is small.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.domain.enums import AgencyKind, CellState
from desktop_app.core.domain.timefmt import local_text
from desktop_app.core.problems import NapError
from desktop_app.core.services.activities import choices
from desktop_app.core.services.completeness import (
    Cell,
    Grid,
    KindGroup,
    PeriodCounts,
    Row,
    completeness,
)
from desktop_app.messages import problem_text
from desktop_app.ui import numbers
from desktop_app.ui.context import AppContext
from desktop_app.ui.labels import name_of
from desktop_app.ui.models.proxies import answered_roles
from desktop_app.ui.pages.page import Page, small_period
from desktop_app.ui.widgets.lines import Line, LinesModel

if TYPE_CHECKING:
    from desktop_app.core.services.contacts import Contact
    from desktop_app.core.storage.database import Database

AnyIndex = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2

STATE_COLORS = {
    CellState.NOT_RECEIVED: QColor("#e9ecef"),
    CellState.ON_TIME: QColor("#b2f2bb"),
    CellState.LATE: QColor("#ffc078"),
}
STATE_TEXT = QColor("#212529")
NOT_RECEIVED_TEXT = QColor("#6c757d")
# The counts table's columns after Received, in this order.
COUNTED_STATES = (CellState.ON_TIME, CellState.LATE, CellState.NOT_RECEIVED)
STATE_RANK = {CellState.ON_TIME: 0, CellState.LATE: 1, CellState.NOT_RECEIVED: 2}
_ROLES = answered_roles(
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole, SORT_ROLE, STATE_ROLE)
UNSIGNED_MARK = "⚠"  # on a cell whose data came unsigned (issue 9)
KIND_RANK = {kind.value: rank for rank, kind in enumerate(AgencyKind)}

# The kind filter: None shows every agency.
KIND_FILTERS: tuple[KindGroup | None, ...] = (
    None, KindGroup.PROVINCE, KindGroup.MINISTRY, KindGroup.CENTRAL_BODY)


def vietnamese_collator() -> QCollator:
    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return collator


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{round(rate * 100)}%"


class CompletenessModel(QAbstractTableModel):
    NAME, KIND = 0, 1
    FIRST_PERIOD = 2

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.grid = Grid((), (), ())
        self.contacts: dict[str, Contact] = {}  # agency code -> its contact (last column)

    def set_grid(self, grid: Grid, contacts: dict[str, Contact] | None = None) -> None:
        self.beginResetModel()
        self.grid = grid
        if contacts is not None:
            self.contacts = contacts
        self.endResetModel()

    def contact_column(self) -> int:
        """The last column: each agency's contact person, phone and e-mail."""
        return self.FIRST_PERIOD + len(self.grid.years)

    def contact_text(self, row: Row) -> str:
        c = self.contacts.get(row.code)
        if c is None:
            return ""
        return " · ".join(part for part in (c.contact_person, c.phone, c.email) if part)

    def set_language(self, lang: str) -> None:
        self.beginResetModel()
        self.lang = lang
        self.endResetModel()

    def row(self, index: int) -> Row:
        return self.grid.rows[index]

    def year(self, column: int) -> int:
        return self.grid.years[column - self.FIRST_PERIOD]

    def cell(self, row: int, column: int) -> Cell:
        return self.grid.rows[row].cells[column - self.FIRST_PERIOD]

    # --- words -------------------------------------------------------------------

    def kind_name(self, kind: str) -> str:
        return name_of(AgencyKind, kind)

    def state_name(self, state: CellState) -> str:
        return name_of(CellState, state)

    def cell_text(self, cell: Cell) -> str:
        if not cell.received:
            return self.state_name(cell.state)
        mark = f" {UNSIGNED_MARK}" if cell.unsigned else ""  # issue 9: no signature
        return f"{self.state_name(cell.state)} · {cell.versions}{mark}"

    def cell_tooltip(self, row: Row, cell: Cell) -> str:
        lines = [f"{row.name(self.lang)} — {cell.year}", self.state_name(cell.state)]
        if not cell.received:
            if cell.overdue:
                lines.append(self.tr("The due date has passed."))
            return "\n".join(lines)
        lines.append(self.tr("%n version(s) received", "", cell.versions))
        if cell.first_received is not None:
            first = local_text(cell.first_received)
            lines.append(self.tr("First received: %1").replace("%1", first))
        if len(cell.units) > 1 or (cell.units and cell.units[0].code != row.code):
            for unit in cell.units:
                lines.append(self.tr("%1: version %2 (%n version(s))", "", unit.versions)
                             .replace("%1", unit.code)
                             .replace("%2", str(unit.current_version)))
        if cell.unsigned:
            lines.append(self.tr("%1 Not signed (a template, an edited file or a file of the "
                                 "earlier format): %2").replace("%1", UNSIGNED_MARK)
                         .replace("%2", ", ".join(cell.unsigned)))
        return "\n".join(lines)

    # --- the model -----------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.grid.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.contact_column() + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.NAME:
                return self.tr("Agency")
            if section == self.KIND:
                return self.tr("Kind")
            if section == self.contact_column():
                return self.tr("Contact (person · phone · e-mail)")
            return str(self.year(section))
        if (role == Qt.ItemDataRole.ToolTipRole and section >= self.FIRST_PERIOD
                and section != self.contact_column()):
            counts = self.grid.counts[section - self.FIRST_PERIOD]
            return self.tr("Received %1 of %2 · on time %3 · late %4 · on-time rate %5") \
                .replace("%1", numbers.count(counts.received, self.lang)) \
                .replace("%2", numbers.count(counts.agencies, self.lang)) \
                .replace("%3", numbers.count(counts.on_time, self.lang)) \
                .replace("%4", numbers.count(counts.late, self.lang)) \
                .replace("%5", percent(counts.on_time_rate))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row, column = self.grid.rows[index.row()], index.column()
        if column == self.NAME:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return row.name(self.lang)
            if role == Qt.ItemDataRole.ToolTipRole:
                tip = f"{row.code} — {row.name(self.lang)}"
                if row.former:
                    tip += "\n" + self.tr("Includes the former units: %1").replace(
                        "%1", ", ".join(row.former))
                if row.split_between:
                    tip += "\n" + self.tr(
                        "A former unit split between %1: its files count for none of them; "
                        "its activities count for one only through their task").replace(
                        "%1", ", ".join(row.split_between))
                return tip
            return None
        if column == self.KIND:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.kind_name(row.kind)
            if role == SORT_ROLE:
                return KIND_RANK.get(row.kind, len(KIND_RANK))
            return None
        if column == self.contact_column():
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return self.contact_text(row)
            if role == Qt.ItemDataRole.ToolTipRole:
                c = self.contacts.get(row.code)
                if c is not None and c.updated_at is not None:
                    return self.tr("Contact as of %1").replace("%1", local_text(c.updated_at))
            return None
        cell = row.cells[column - self.FIRST_PERIOD]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(cell)
        if role == STATE_ROLE:
            return cell.state
        if role == SORT_ROLE:
            return (STATE_RANK[cell.state], -cell.versions)
        if role == Qt.ItemDataRole.BackgroundRole:
            return STATE_COLORS[cell.state]
        if role == Qt.ItemDataRole.ForegroundRole:
            return STATE_TEXT if cell.received else NOT_RECEIVED_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cell_tooltip(row, cell)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class CompletenessProxy(QSortFilterProxyModel):
    """Sorts names with the Vietnamese collation, cells by state then versions."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.collator = vietnamese_collator()
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(a, str) and isinstance(b, str):
            return self.collator.compare(a, b) < 0
        return bool(a < b)


def trim_to_reported(grid: Grid, keep: int) -> Grid:
    """Drop the leading periods in which nothing was received (the chosen one stays), and
    the rows of split former units that have nothing in the periods left."""
    first = next((i for i, c in enumerate(grid.counts) if c.received), None)
    start = min(first if first is not None else keep, keep)
    if start <= 0:
        return grid
    rows = tuple(replace(r, cells=r.cells[start:]) for r in grid.rows)
    rows = tuple(r for r in rows if not r.split_between
                 or any(c.expected or c.versions for c in r.cells))
    return replace(grid, years=grid.years[start:], counts=grid.counts[start:], rows=rows)


def _years(db: Database, year: int) -> list[int]:
    """The catalog's periods up to the chosen one."""
    years = [y for y, _due in choices(db).periods if y <= year]
    return years or [year]


def read_status(db: Database, year: int, group: KindGroup | None
                ) -> tuple[Grid, dict[str, Contact]]:
    """What the page shows for a period and a kind filter: the grid (its leading periods
    with nothing received left out) and each agency's contact. Pure reads: a worker may
    run it."""
    years = _years(db, year)
    grid = completeness(db, years, None if group is None else [group.value])
    grid = trim_to_reported(grid, keep=len(grid.years) - 1)
    # here, not at the top: contacts.py brings the reminder workbook's writer along
    from desktop_app.core.services.contacts import contacts

    return grid, contacts(db)


class CompletenessPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.kind_label = QLabel()
        self.kind_combo = QComboBox()
        self.kind_label.setBuddy(self.kind_combo)
        self.legend = QHBoxLayout()
        self.legend_labels: dict[CellState, QLabel] = {}
        for state in COUNTED_STATES:
            label = QLabel()
            label.setStyleSheet(f"background: {STATE_COLORS[state].name()}; "
                                "padding: 2px 8px; border-radius: 3px;")
            self.legend_labels[state] = label
            self.legend.addWidget(label)
        self.versions_hint = QLabel()
        self.rate_label = QLabel()
        self.rate_label.setObjectName("onTimeRate")
        font = self.rate_label.font()
        font.setBold(True)
        self.rate_label.setFont(font)

        self.model = CompletenessModel(ctx.lang, self)
        self.proxy = CompletenessProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("completenessGrid")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the core's order
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CompletenessModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(96)

        self.counts_model = LinesModel(8, right_aligned=(2, 3, 4, 5, 6, 7), parent=self)
        self.counts_table = QTableView()
        self.counts_table.setModel(self.counts_model)
        self.counts_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.counts_table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.counts_table.verticalHeader().hide()
        self.counts_table.verticalHeader().setDefaultSectionSize(
            self.counts_table.fontMetrics().height() + 6)
        self.counts_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch)
        self.counts_box = QGroupBox()
        QVBoxLayout(self.counts_box).addWidget(self.counts_table)

        bar = QHBoxLayout()
        bar.addWidget(self.kind_label)
        bar.addWidget(self.kind_combo)
        bar.addSpacing(16)
        bar.addLayout(self.legend)
        bar.addWidget(self.versions_hint)
        bar.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.counts_box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 130])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.loading_bar)
        layout.addLayout(bar)
        layout.addWidget(self.rate_label)
        layout.addWidget(splitter, 1)

        self.retranslate()
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        ctx.data_changed.connect(self._changed)
        ctx.period_changed.connect(self._changed)
        ctx.language_changed.connect(self._language_changed)

    def _language_changed(self, lang: str) -> None:
        self.model.set_language(lang)
        self._changed()

    def kind_filter(self) -> KindGroup | None:
        index = max(self.kind_combo.currentIndex(), 0)
        return KIND_FILTERS[index]

    def set_kind_filter(self, group: KindGroup | None) -> None:
        self.kind_combo.setCurrentIndex(KIND_FILTERS.index(group))

    def years(self) -> list[int]:
        """The catalog's periods up to the chosen one."""
        return _years(self.ctx.db, self.ctx.year)

    def refresh(self) -> None:
        """Read the grid: at once for a small period, else on a worker while the busy
        bar shows (at 100,000 activities the read takes 0.05-0.3 s, which froze the
        window at every change of period)."""
        self._stale = False
        group = self.kind_filter()
        db, year = self.ctx.db, self.ctx.year
        self._load(lambda: read_status(db, year, group), self._show_grid, self._refused,
                   text=self.tr("Reading the reporting status…"),
                   at_once=small_period(db, year))

    def _show_grid(self, read: tuple[Grid, dict[str, Contact]]) -> None:
        grid, contacts = read
        self.model.set_grid(grid, contacts)
        self._show_counts(grid)

    def _refused(self, error: NapError) -> None:
        self.model.set_grid(Grid((), (), ()))
        self.counts_model.set_lines([])
        self.rate_label.setText("\n".join(problem_text(p, self.ctx.lang)
                                          for p in error.problems))

    def current_counts(self) -> PeriodCounts | None:
        for counts in self.model.grid.counts:
            if counts.year == self.ctx.year:
                return counts
        return None

    def _show_counts(self, grid: Grid) -> None:
        def count(value: int) -> str:
            return numbers.count(value, self.ctx.lang)

        current = self.current_counts()
        if current is None:
            self.rate_label.clear()
        else:
            self.rate_label.setText(
                self.tr("Period %1: received %2 of %3 · on time %4 · late %5 · "
                        "not received %6 · on-time rate %7")
                .replace("%1", str(current.year)).replace("%2", count(current.received))
                .replace("%3", count(current.agencies)).replace("%4", count(current.on_time))
                .replace("%5", count(current.late)).replace("%6", count(current.not_received))
                .replace("%7", percent(current.on_time_rate)))
        lines = []
        for counts in reversed(grid.counts):
            due = numbers.day(counts.due_date, self.ctx.lang) if counts.due_date else "–"
            lines.append(Line(
                (str(counts.year), due, count(counts.agencies), count(counts.received),
                 count(counts.on_time), count(counts.late), count(counts.not_received),
                 percent(counts.on_time_rate)),
                bold=counts.year == self.ctx.year))
        self.counts_model.set_lines(lines)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Reporting status"))
        self.kind_label.setText(self.tr("&Show:"))
        names = [self.tr("All agencies"), self.tr("Provinces and cities"),
                 self.tr("Ministries and ministerial agencies"), self.tr("Central bodies")]
        current = max(self.kind_combo.currentIndex(), 0)
        blocked = self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        self.kind_combo.addItems(names)
        self.kind_combo.setCurrentIndex(current)
        self.kind_combo.blockSignals(blocked)
        for state, label in self.legend_labels.items():
            label.setText(self.model.state_name(state))
        self.versions_hint.setText(self.tr("· n = versions received"))
        self.counts_box.setTitle(self.tr("Counts per period"))
        self.counts_model.set_headers([
            self.tr("Period"), self.tr("Due date"), self.tr("Agencies"), self.tr("Received"),
            *(self.model.state_name(state) for state in COUNTED_STATES),
            self.tr("On-time rate")])
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          max(self.model.columnCount() - 1, 0))
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, 0), self.model.index(
                self.model.rowCount() - 1, self.model.columnCount() - 1))
        self._show_counts(self.model.grid)
