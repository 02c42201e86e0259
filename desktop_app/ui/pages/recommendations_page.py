"""The Recommendations page: the catalog's recommendations, filtered as you type.

A thin table model over core RecommendationRow objects, a sort/filter proxy that
matches folded text (so "tu hinh" finds "tử hình"), and a detail pane with the full
texts in both languages.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.catalog.provenance import provenance_of
from desktop_app.core.domain.enums import Response
from desktop_app.core.domain.text import collation_key, fold
from desktop_app.core.services.overview import RecommendationRow, list_recommendations, natural_key
from desktop_app.ui import numbers
from desktop_app.ui.context import AppContext
from desktop_app.ui.labels import name_of
from desktop_app.ui.models.proxies import SORT_ROLE, SearchProxy, answered_roles
from desktop_app.ui.pages.page import Page
from desktop_app.ui.widgets.selection import select_where, selected_source_row

AnyIndex = QModelIndex | QPersistentModelIndex
FOLLOW_UP_MARK = "★"
_ROLES = answered_roles(
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.TextAlignmentRole, SORT_ROLE)


class RecommendationTableModel(QAbstractTableModel):
    CODE, SOURCE, PARAGRAPH, FOLLOW_UP, RESPONSE, SDG, TEXT, CHECKED = range(8)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._rows: list[RecommendationRow] = []
        self._search: list[str] = []

    def set_rows(self, rows: list[RecommendationRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._search = [fold(" ".join((
            r.code, r.source_code, r.source_symbol or "", r.paragraph or "", r.sdg_targets,
            r.text_vi, r.text_en))) for r in rows]
        self.endResetModel()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.CHECKED))
        self.retranslate()

    def row(self, index: int) -> RecommendationRow:
        return self._rows[index]

    def search_text(self, index: int) -> str:
        return self._search[index]

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Source"), self.tr("Paragraph"), self.tr("Follow-up"),
                self.tr("Response"), self.tr("SDG targets"), self.tr("Recommendation"),
                self.tr("Checked")]

    def response_name(self, value: str | None) -> str:
        return name_of(Response, value) if value else ""

    def checked_name(self, row: RecommendationRow) -> str:
        """Checked / from a secondary source / to check, from the item's provenance."""
        if row.illustrative:
            return self.tr("Illustrative summary")
        found = provenance_of("recommendations", row.code)
        if found is None:
            return self.tr("Verified") if row.verified else self.tr("Not yet verified")
        if found.confirmed:
            return self.tr("Verified")
        if found.checked == "secondary" and not found.to_check:
            return self.tr("Secondary source")
        return self.tr("To check")

    def provenance_text(self, row: RecommendationRow) -> str:
        """ "CCPR/C/VNM/CO/3, ¶ 24, 25/03/2019; still to check: paragraph" (or "–")."""
        found = provenance_of("recommendations", row.code)
        parts = [found.document if found and found.document else row.source_symbol or ""]
        if row.paragraph:
            parts.append(f"¶ {row.paragraph}")
        if found and found.on:
            parts.append(numbers.day(found.on))
        said = ", ".join(p for p in parts if p) or "–"
        if found and found.to_check:
            said += "; " + self.tr("still to check: %1").replace(
                "%1", ", ".join(self._field(f) for f in found.to_check))
        return said

    def _field(self, name: str) -> str:
        return {"paragraph": self.tr("paragraph"), "text_vi": self.tr("Vietnamese text"),
                "text_en": self.tr("English text"), "follow_up": self.tr("follow-up"),
                "response": self.tr("response")}.get(name, name)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.CHECKED + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def _display(self, r: RecommendationRow, column: int) -> str:
        if column == self.CODE:
            return r.code
        if column == self.SOURCE:
            return r.source_symbol or r.source_code
        if column == self.PARAGRAPH:
            return r.paragraph or ""
        if column == self.FOLLOW_UP:
            return FOLLOW_UP_MARK if r.follow_up else ""
        if column == self.RESPONSE:
            return self.response_name(r.response)
        if column == self.SDG:
            return r.sdg_targets
        if column == self.TEXT:
            return r.text(self.lang)
        return self.checked_name(r)

    def _sort_value(self, r: RecommendationRow, column: int) -> Any:
        if column == self.CODE:
            return natural_key(r.code)
        if column == self.PARAGRAPH:
            return natural_key(r.paragraph or "")
        if column == self.FOLLOW_UP:
            return 0 if r.follow_up else 1
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
            if column == self.CHECKED:
                return self.provenance_text(r)
            return r.text(self.lang) if column == self.TEXT else None
        if role == Qt.ItemDataRole.FontRole and r.follow_up and column == self.CODE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.PARAGRAPH,
                                                                     self.FOLLOW_UP):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.CHECKED)


class RecommendationFilterProxy(SearchProxy):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.follow_up_only = False

    def _source(self) -> RecommendationTableModel:
        model = self.sourceModel()
        assert isinstance(model, RecommendationTableModel)
        return model

    def set_follow_up_only(self, value: bool) -> None:
        self._set("follow_up_only", value)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self.follow_up_only and not self._source().row(source_row).follow_up:
            return False
        return self.accepts_search(source_row)


class RecommendationsPage(Page):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.follow_up_only = QCheckBox()
        self.count_label = QLabel()

        self.model = RecommendationTableModel(ctx.lang, self)
        self.proxy = RecommendationFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # catalog order: follow-up first
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RecommendationTableModel.TEXT, QHeaderView.ResizeMode.Stretch)

        self.detail = QTextBrowser()
        self.detail.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([380, 240])
        splitter.setChildrenCollapsible(False)

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.follow_up_only)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.filter_edit.textChanged.connect(self._filter_changed)
        self.follow_up_only.toggled.connect(self._follow_up_toggled)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        ctx.data_changed.connect(self._changed)
        ctx.language_changed.connect(self._language_changed)
        self.retranslate()

    def refresh(self) -> None:
        self._stale = False
        current = self.current()
        self.model.set_rows(list_recommendations(self.ctx.db))
        if current is not None:
            self.select_code(current.code)
        elif self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_count()
        self._show_detail()

    def _language_changed(self, lang: str) -> None:
        self.model.set_language(lang)
        self._show_detail()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Recommendations"))
        self.filter_edit.setPlaceholderText(self.tr(
            "Filter by code, paragraph, SDG target or words of the text "
            "(with or without diacritics)"))
        self.follow_up_only.setText(self.tr("Follow-up only"))
        self.model.retranslate()
        self._update_count()
        self._show_detail()

    # --- filtering and selection -----------------------------------------------------

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._keep_a_selection()

    def _follow_up_toggled(self, checked: bool) -> None:
        self.proxy.set_follow_up_only(checked)
        self._keep_a_selection()

    def _keep_a_selection(self) -> None:
        if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
            self.table.selectRow(0)
        self._update_count()
        self._show_detail()

    def _update_count(self) -> None:
        lang = self.ctx.lang
        self.count_label.setText(
            self.tr("%1 of %2").replace("%1", numbers.count(self.proxy.rowCount(), lang))
            .replace("%2", numbers.count(self.model.rowCount(), lang)))

    def _selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._show_detail()

    def current(self) -> RecommendationRow | None:
        row = selected_source_row(self.table, self.proxy)
        return None if row is None else self.model.row(row)

    def select_code(self, code: str) -> bool:
        return select_where(self.table, self.proxy, RecommendationTableModel.CODE, code)

    def _show_detail(self) -> None:
        r = self.current()
        if r is None:
            nothing = self.tr("No recommendation selected.")
            self.detail.setHtml(f"<p>{html.escape(nothing)}</p>")
            return
        e = html.escape
        facts = [
            (self.tr("Source"), f"{r.source_symbol} ({r.source_code})" if r.source_symbol
             else r.source_code),
            (self.tr("Paragraph"), r.paragraph or "–"),
            (self.tr("Follow-up"), self.tr("Yes") if r.follow_up else self.tr("No")),
            (self.tr("Response"), self.model.response_name(r.response) or "–"),
            (self.tr("SDG targets"), r.sdg_targets or "–"),
            (self.tr("Checked"), self.model.checked_name(r)),
            (self.tr("Where it comes from"), self.model.provenance_text(r)),
        ]
        rows = "".join(f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in facts)
        first, second = ((self.tr("Vietnamese"), r.text_vi), (self.tr("English"), r.text_en))
        if self.ctx.lang != "vi":
            first, second = second, first
        mark = f"{FOLLOW_UP_MARK} " if r.follow_up else ""
        self.detail.setHtml(
            f"<h3>{e(mark + r.code)}</h3>"
            f"<table cellspacing='0' cellpadding='2'>{rows}</table>"
            f"<h4>{e(first[0])}</h4><p>{e(first[1])}</p>"
            f"<h4>{e(second[0])}</h4><p>{e(second[1])}</p>")
