"""The import's tables: the plan of each file of a batch, one file's problems, the words.

Thin models over the import service's typed results (FilePlan, Problem): the dialog's
preview and its problem pane, and the outcome words and colours the Imports page's log
shares. The outcome words here say what an outcome does to the data, longer than the
short labels of core/domain/labels.py that the command line prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from desktop_app.core.domain.enums import ImportOutcome
from desktop_app.core.problems import Problem
from desktop_app.core.services.imports import FilePlan
from desktop_app.messages import problem_text
from desktop_app.ui import numbers
from desktop_app.ui.models.proxies import answered_roles

AnyIndex = QModelIndex | QPersistentModelIndex

GOOD = QColor("#2b8a3e")
QUIET = QColor("#6c757d")
WARN = QColor("#b35c00")
BAD = QColor("#c92a2a")

WRITING = frozenset({ImportOutcome.NEW, ImportOutcome.NEWER, ImportOutcome.TEMPLATE,
                     ImportOutcome.EDITED})
QUIET_OUTCOMES = frozenset({ImportOutcome.DUPLICATE, ImportOutcome.OLDER})
REFUSALS = frozenset({ImportOutcome.CONFLICT, ImportOutcome.REFUSED})


def would_write(plan: FilePlan) -> bool:
    return plan.outcome in WRITING


def outcome_names() -> dict[ImportOutcome, str]:
    return {
        ImportOutcome.NEW: QCoreApplication.translate("ImportOutcome", "New submission"),
        ImportOutcome.NEWER: QCoreApplication.translate(
            "ImportOutcome", "Newer version: replaces the earlier one"),
        ImportOutcome.DUPLICATE: QCoreApplication.translate(
            "ImportOutcome", "Already imported: nothing to do"),
        ImportOutcome.OLDER: QCoreApplication.translate("ImportOutcome",
                                                        "Older version: ignored"),
        ImportOutcome.CONFLICT: QCoreApplication.translate(
            "ImportOutcome", "Conflict: same version, different content"),
        ImportOutcome.TEMPLATE: QCoreApplication.translate("ImportOutcome",
                                                           "Filled-in template"),
        ImportOutcome.EDITED: QCoreApplication.translate(
            "ImportOutcome", "Edited after export: accepted, marked as edited"),
        ImportOutcome.REFUSED: QCoreApplication.translate("ImportOutcome", "Refused"),
    }


def outcome_text(outcome: ImportOutcome, *, from_template: bool = False,
                 edited: bool = False) -> str:
    words = outcome_names()[outcome]
    if from_template and outcome is not ImportOutcome.TEMPLATE:
        words += " · " + QCoreApplication.translate("ImportOutcome", "from a template")
    if edited and outcome is not ImportOutcome.EDITED:
        words += " · " + QCoreApplication.translate("ImportOutcome", "edited after export")
    return words


def plan_outcome_text(plan: FilePlan) -> str:
    return outcome_text(plan.outcome, from_template=plan.from_template, edited=plan.edited)


def outcome_color(outcome: ImportOutcome) -> QColor | None:
    if outcome is ImportOutcome.EDITED:
        return WARN
    if outcome in WRITING:
        return GOOD
    if outcome in QUIET_OUTCOMES:
        return QUIET
    if outcome in REFUSALS:
        return BAD
    return None


def rule_words(problem: Problem, lang: str) -> str:
    """The rule a problem broke, in words, without where (the tables show that apart)."""
    return problem_text(Problem(problem.code, problem.params), lang)


_PLAN_ROLES = answered_roles(
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.FontRole, Qt.ItemDataRole.TextAlignmentRole)


class PlanModel(QAbstractTableModel):
    """One row per file of the batch, as the engine planned (or imported) it."""

    FILE, AGENCY, PERIOD, VERSION, OUTCOME, ADDED, CHANGED, REMOVED, PROBLEMS = range(9)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plans: list[FilePlan] = []
        self.unit_names: dict[str, str] = {}

    def set_plans(self, plans: Sequence[FilePlan], unit_names: dict[str, str]) -> None:
        self.beginResetModel()
        self.plans, self.unit_names = list(plans), unit_names
        self.endResetModel()

    def agency_text(self, plan: FilePlan) -> str:
        code = plan.agency_code or ""
        name = plan.agency_name or self.unit_names.get(code, "") or code
        if not name:
            return "–"
        rollup = plan.rollup_code
        if rollup and rollup != code:
            name += f" [{self.unit_names.get(rollup, rollup)}]"
        return name

    def headers(self) -> list[str]:
        return [self.tr("File"), self.tr("Agency"), self.tr("Period"), self.tr("Version"),
                self.tr("Outcome"), self.tr("Added"), self.tr("Changed"), self.tr("Removed"),
                self.tr("Problems")]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.plans)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.PROBLEMS + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def signature_mark(self, plan: FilePlan) -> str:
        """" · unsigned" on a file taken without a valid signature (issue 9)."""
        if plan.refused or plan.agency_code is None or plan.signed:
            return ""
        return " · " + self.tr("unsigned")

    def _display(self, plan: FilePlan, column: int) -> str:
        def number(value: int | None) -> str:  # a period (a year) or a version
            return "–" if value is None else str(value)

        def count(value: int | None) -> str:
            return "–" if value is None else numbers.count(value)

        if column == self.FILE:
            return Path(plan.path).name
        if column == self.AGENCY:
            return self.agency_text(plan)
        if column == self.PERIOD:
            return number(plan.period)
        if column == self.VERSION:
            return number(plan.version)
        if column == self.OUTCOME:
            return plan_outcome_text(plan) + self.signature_mark(plan)
        if column == self.ADDED:
            return count(plan.added)
        if column == self.CHANGED:
            return count(plan.changed)
        if column == self.REMOVED:
            return count(plan.removed)
        return count(len(plan.problems))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _PLAN_ROLES or not index.isValid():
            return None
        plan, column = self.plans[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(plan, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.FILE:
                return str(plan.path)
            if column == self.OUTCOME:
                tip = plan_outcome_text(plan)
                if plan.conflict_with:
                    tip += "\n" + self.tr("Conflicts with %1").replace(
                        "%1", str(plan.conflict_with))
                if plan.key_fingerprint:
                    tip += "\n" + self.tr("Signing key: %1").replace(
                        "%1", plan.key_fingerprint)
                return tip
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.OUTCOME:
                return outcome_color(plan.outcome)
            if column == self.PROBLEMS and plan.problems:
                return BAD
        if role == Qt.ItemDataRole.FontRole and column == self.OUTCOME:
            font = QFont()
            font.setBold(plan.outcome in WRITING)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.PERIOD \
                and column != self.OUTCOME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


_PROBLEM_ROLES = answered_roles(Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


class ProblemModel(QAbstractTableModel):
    """The row-level problems of one file: where, and the rule in the user's language."""

    FILE, SHEET, ROW, COLUMN, RULE = range(5)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.file_name = ""
        self.problems: list[Problem] = []
        self._cells: dict[int, tuple[str, ...]] = {}  # a row's cells, made when first asked

    def set_problems(self, file_name: str, problems: Sequence[Problem]) -> None:
        self.beginResetModel()
        self.file_name, self.problems = file_name, list(problems)
        self._cells = {}
        self.endResetModel()

    def rule_text(self, problem: Problem) -> str:
        return rule_words(problem, self.lang)

    def cells(self, problem: Problem) -> tuple[str, ...]:
        where = problem.where
        file = (where.file if where and where.file else self.file_name)
        column = where.column if where and where.column else (problem.field or "")
        return (Path(file).name if file else "", (where.sheet or "") if where else "",
                str(where.row) if where and where.row is not None else "", column,
                self.rule_text(problem))

    def headers(self) -> list[str]:
        return [self.tr("File"), self.tr("Sheet"), self.tr("Row"), self.tr("Column"),
                self.tr("Rule broken")]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.RULE + 1

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A badly filled template can have thousands of problems: a row's words are made
        # once (2,000 problems held the dialog ~4 s when shown).
        if role not in _PROBLEM_ROLES or not index.isValid():
            return None
        number = index.row()
        cells = self._cells.get(number)
        if cells is None:
            cells = self._cells[number] = self.cells(self.problems[number])
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.RULE:
            return cells[self.RULE]
        return None


def table_view(model: QAbstractTableModel, stretch: int) -> QTableView:
    """A read-only table of whole rows, one selected at a time, one column stretched."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
