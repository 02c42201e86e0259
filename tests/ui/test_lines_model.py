"""The small tables' model answers each role as a view asks it (ui/widgets/lines.py): the
cells, tooltips, bold lines, colours and right-aligned columns, and nothing for any
other role (those are answered first, before the row is looked at)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop_app.ui.widgets.lines import Line, LinesModel

Role = Qt.ItemDataRole


def test_each_role_of_each_cell(qapp: Any) -> None:
    red = QColor("#c92a2a")
    model = LinesModel(3, right_aligned=(1,))
    model.set_lines([Line(("T01", "12", "Tập huấn"), "T01 — tooltip", bold=True, color=red),
                     Line(("T02", "3", ""))])
    first, second = model.index(0, 0), model.index(1, 2)
    assert model.data(first, Role.DisplayRole) == "T01"
    assert model.data(second, Role.DisplayRole) == ""
    assert model.data(first, Role.ToolTipRole) == "T01 — tooltip"
    assert model.data(model.index(1, 0), Role.ToolTipRole) == "T02"  # the cell without one
    font = model.data(first, Role.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.data(second, Role.FontRole) is None
    assert model.data(first, Role.ForegroundRole) == red
    assert model.data(second, Role.ForegroundRole) is None
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.data(model.index(0, 1), Role.TextAlignmentRole) == right
    assert model.data(first, Role.TextAlignmentRole) is None
    for role in (Role.DecorationRole, Role.EditRole, Role.CheckStateRole, Role.SizeHintRole,
                 Role.BackgroundRole, Role.UserRole):
        assert model.data(first, role) is None, role
    assert model.data(QModelIndex(), Role.DisplayRole) is None
