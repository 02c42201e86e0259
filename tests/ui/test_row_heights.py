"""Rows fitted to their wrapped text as they come into view (ui/widgets/row_heights.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QTableView

from desktop_app.ui.widgets.lines import Line, LinesModel
from desktop_app.ui.widgets.row_heights import RowsFittedInView

LONG = "Tệp bị từ chối vì một dòng chỉ tiêu không có mã, ở trang tính Chỉ tiêu. " * 3


def _view(qtbot: Any, rows: int) -> tuple[QTableView, RowsFittedInView]:
    model = LinesModel(2)
    model.set_lines([Line((str(n), LONG)) for n in range(rows)])
    view = QTableView()
    view.setModel(model)
    view.setWordWrap(True)
    view.setColumnWidth(0, 40)
    view.setColumnWidth(1, 300)
    fitted = RowsFittedInView(view)
    qtbot.addWidget(view)
    view.resize(380, 300)
    view.show()
    qtbot.waitExposed(view)
    return view, fitted


def test_the_rows_in_view_wrap_and_the_others_wait(qtbot: Any) -> None:
    view, fitted = _view(qtbot, 300)
    one_line = view.verticalHeader().defaultSectionSize()
    qtbot.waitUntil(lambda: bool(fitted.fitted()))
    shown = fitted.fitted()
    assert 0 in shown and 299 not in shown and len(shown) < 30
    assert all(view.rowHeight(row) > 2 * one_line for row in shown)  # wrapped on lines
    assert view.rowHeight(299) == one_line  # not measured yet

    view.scrollToBottom()
    qtbot.waitUntil(lambda: 299 in fitted.fitted())
    assert view.rowHeight(299) > 2 * one_line


def test_a_narrower_column_fits_the_rows_shown_again(qtbot: Any) -> None:
    view, fitted = _view(qtbot, 50)
    qtbot.waitUntil(lambda: 0 in fitted.fitted())
    before = view.rowHeight(0)
    view.setColumnWidth(1, 150)  # half as wide: about twice the lines
    qtbot.waitUntil(lambda: view.rowHeight(0) > before)
    assert 0 in fitted.fitted()


def test_new_rows_are_fitted_when_shown(qtbot: Any) -> None:
    view, fitted = _view(qtbot, 0)
    model = view.model()
    assert isinstance(model, LinesModel)
    model.set_lines([Line(("1", LONG)), Line(("2", "short"))])
    qtbot.waitUntil(lambda: fitted.fitted() == {0, 1})
    assert view.rowHeight(0) > view.rowHeight(1)


def test_a_list_that_fitted_on_one_line_a_row_stays_at_its_top(qtbot: Any) -> None:
    """Ten rows fit the view at one line each; wrapped, they scroll: the first stays in
    view (the import log is newest first)."""
    view, fitted = _view(qtbot, 0)
    model = view.model()
    assert isinstance(model, LinesModel)
    view.resize(380, view.verticalHeader().defaultSectionSize() * 10 + 80)
    model.set_lines([Line((str(n), LONG)) for n in range(10)])
    qtbot.waitUntil(lambda: 0 in fitted.fitted())
    qtbot.wait(50)  # any scroll the fitting set off has happened
    assert view.verticalScrollBar().maximum() > 0  # the wrapped rows scroll
    assert view.rowAt(0) == 0 and view.verticalScrollBar().value() == 0
