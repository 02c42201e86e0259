"""The focal point's table of recommendations for a period: one row per recommendation.

A thin model over the core's RecommendationView rows (services.consolidated): who
acted, how many activities, indicators on track, the Committee's grades (facts, a "?"
on those still to check against its document) and the focal point's own judgment
(fully / partially / not implemented), in two columns, never one. The proxy filters
by words (with or without diacritics) and by follow-up; follow-up recommendations carry
a star.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from desktop_app.core.domain.enums import Implementation
from desktop_app.core.domain.text import collation_key, fold
from desktop_app.core.services.consolidated import RecommendationView
from desktop_app.core.services.overview import natural_key
from desktop_app.ui import numbers
from desktop_app.ui.labels import name_of
from desktop_app.ui.models.proxies import SORT_ROLE, SearchProxy, answered_roles

AnyIndex = QModelIndex | QPersistentModelIndex
FOLLOW_UP_MARK = "★"
TO_CHECK_MARK = "?"
_ROLES = answered_roles(
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole, SORT_ROLE)


def committee_marks(r: RecommendationView) -> str:
    """The Committee's grades of a recommendation, oldest first: "E C?" (? to check)."""
    return " ".join(g.grade + ("" if g.verified else TO_CHECK_MARK) for g in r.committee_grades)


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
                        self.GRADE: self.tr("The Committee's follow-up grades (A–E), "
                                            "latest last; ? still to check"),
                        self.IMPLEMENTATION: self.tr("The focal point's judgment")}.get(section)
        return None

    def _display(self, r: RecommendationView, column: int) -> str:
        if column == self.FOLLOW_UP:
            return FOLLOW_UP_MARK if r.follow_up else ""
        if column == self.CODE:
            return r.code
        if column == self.AGENCIES:
            return numbers.count(len(r.agencies), self.lang)
        if column == self.ACTIVITIES:
            return numbers.count(r.activities, self.lang)
        if column == self.INDICATORS:
            ind = r.indicators
            return numbers.ratio(ind.on_track, ind.total, self.lang) if ind.total else "–"
        if column == self.GRADE:
            return committee_marks(r)
        if column == self.IMPLEMENTATION:
            return name_of(Implementation, r.assessment.implementation) \
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
            return r.committee_grades[-1].grade if r.committee_grades else "Z"
        return collation_key(self._display(r, column))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
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
