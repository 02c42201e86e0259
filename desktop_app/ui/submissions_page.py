"""The Submissions page: every exported version of this agency's reports.

The two query functions at the top are Qt-free and belong in core/services once a
submissions service exists (issue 4); the page only shows what they return.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlmodel import col, select

from desktop_app.core.domain.enums import PeriodState, Role
from desktop_app.core.domain.models import Agency, AgencyPeriod, Period, Submission
from desktop_app.core.services.setup import installation
from desktop_app.core.storage.database import Database
from desktop_app.ui.context import AppContext

# --- Qt-free queries -----------------------------------------------------------------


@dataclass(frozen=True)
class PeriodFacts:
    """What the status bar says about this installation and one period."""

    role: Role | None
    agency_code: str | None
    agency_name_vi: str
    agency_name_en: str
    year: int
    due_date: date | None
    state: PeriodState | None  # None: no such period, or not an agency database

    def agency_name(self, lang: str) -> str:
        return self.agency_name_vi if lang == "vi" else self.agency_name_en


def period_facts(db: Database, year: int) -> PeriodFacts:
    """Locked if the agency locked the period, submitted once a version was exported."""
    with db.reading() as session:
        inst = installation(session)
        agency = None
        if inst.agency_code:
            agency = session.exec(select(Agency).where(
                col(Agency.code) == inst.agency_code)).first()
        period = session.exec(select(Period).where(col(Period.year) == year)).first()
        state: PeriodState | None = None
        if agency is not None and period is not None and inst.role is Role.AGENCY:
            lock = session.get(AgencyPeriod, (agency.id, period.id))
            if lock is not None and lock.locked:
                state = PeriodState.LOCKED
            elif session.exec(select(Submission.id).where(
                    col(Submission.agency_id) == agency.id,
                    col(Submission.period_id) == period.id)).first() is not None:
                state = PeriodState.SUBMITTED
            else:
                state = PeriodState.OPEN
        return PeriodFacts(
            inst.role, inst.agency_code, agency.name_vi if agency else "",
            agency.name_en if agency else "", year, period.due_date if period else None, state)


@dataclass(frozen=True)
class SubmissionRow:
    agency_code: str
    year: int
    version: int
    created_at: datetime
    content_hash: str
    activities: int
    indicators: int
    results: int
    superseded: bool
    file_name: str


def list_submissions(db: Database) -> list[SubmissionRow]:
    """The agency's own versions (at the focal point: everyone's), newest first."""
    with db.reading() as session:
        inst = installation(session)
        query = select(Submission, Agency.code, Period.year).join(
            Agency, col(Agency.id) == Submission.agency_id).join(
            Period, col(Period.id) == Submission.period_id)
        if inst.role is Role.AGENCY:
            query = query.where(col(Agency.code) == inst.agency_code)
        elif inst.role is None:
            return []
        rows = [
            SubmissionRow(code, year, s.version, s.created_at, s.content_hash, s.activities,
                          s.indicators, s.results, s.superseded, s.file_name)
            for s, code, year in session.exec(query)
        ]
    rows.sort(key=lambda r: (-r.year, r.agency_code, -r.version))
    return rows


# --- the page ------------------------------------------------------------------------

HASH_SHOWN = 12


class SubmissionTableModel(QAbstractTableModel):
    AGENCY, PERIOD, VERSION, CREATED, HASH, ACTIVITIES, INDICATORS, RESULTS, FILE = range(9)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SubmissionRow] = []

    def set_rows(self, rows: list[SubmissionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("Agency"), self.tr("Period"), self.tr("Version"), self.tr("Created"),
                self.tr("Content hash"), self.tr("Activities"), self.tr("Indicators"),
                self.tr("Results"), self.tr("File")]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.FILE + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values: list[Any] = [
                row.agency_code, str(row.year), str(row.version),
                row.created_at.strftime("%d/%m/%Y %H:%M"), row.content_hash[:HASH_SHOWN],
                str(row.activities), str(row.indicators), str(row.results), row.file_name]
            if column == self.VERSION and row.superseded:
                return self.tr("%1 (superseded)").replace("%1", str(row.version))
            return values[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.HASH:
            return row.content_hash
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                self.VERSION, self.ACTIVITIES, self.INDICATORS, self.RESULTS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.FILE)


class SubmissionsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.model = SubmissionTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.body = QStackedWidget()
        self.body.addWidget(self.empty)
        self.body.addWidget(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.body, 1)
        ctx.data_changed.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Submissions"))
        self.empty.setText(self.tr(
            "No submission exported yet.\n"
            "Each export of this period's report becomes a new version listed here."))
        self.model.retranslate()

    def refresh(self) -> None:
        rows = list_submissions(self.ctx.db)
        self.model.set_rows(rows)
        self.body.setCurrentWidget(self.table if rows else self.empty)
