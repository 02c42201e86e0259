"""Number fields follow the language and never turn a mistyped entry into a value."""

from __future__ import annotations

from typing import Any

import pytest

from desktop_app.core.domain.entry import AMBIGUOUS_NUMBER, NOT_WHOLE
from desktop_app.core.problems import Problem
from desktop_app.ui.dialogs.editor_fields import NumberEdit

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(("lang", "typed", "shown", "value"), [
    ("vi", "1500000", "1.500.000", 1500000),
    ("en", "1500000", "1,500,000", 1500000),
    ("vi", "1.000", "1.000", 1000),
    ("vi", "12", "12", 12),
])
def test_typed_digits_are_grouped_as_understood(qtbot: Any, lang: str, typed: str, shown: str,
                                                value: int) -> None:
    field = NumberEdit(lang)
    qtbot.addWidget(field)
    qtbot.keyClicks(field, typed)
    assert (field.text(), field.entry()) == (shown, value)


@pytest.mark.parametrize(("lang", "typed", "code"), [
    ("vi", "12,5", NOT_WHOLE), ("vi", "1.5", AMBIGUOUS_NUMBER), ("en", "1.5", NOT_WHOLE),
    ("en", "12,5", AMBIGUOUS_NUMBER), ("vi", "1.50", AMBIGUOUS_NUMBER),
])
def test_a_mistyped_count_stays_as_typed_and_is_a_problem(qtbot: Any, lang: str, typed: str,
                                                          code: str) -> None:
    field = NumberEdit(lang)
    qtbot.addWidget(field)
    qtbot.keyClicks(field, typed)
    entry = field.entry()
    assert field.text() == typed
    assert isinstance(entry, Problem) and entry.code == code
    assert field.value() is None


def test_a_problem_then_fixed_is_regrouped(qtbot: Any) -> None:
    field = NumberEdit("vi")
    qtbot.addWidget(field)
    qtbot.keyClicks(field, "1.5")
    field.clear()
    qtbot.keyClicks(field, "15000")
    assert (field.text(), field.entry()) == ("15.000", 15000)


def test_the_editor_shows_the_problem_in_words(qtbot: Any, vi_ctx: Any) -> None:
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(vi_ctx)
    qtbot.addWidget(window)
    editor = window.pages["activities"].new_activity()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor.budget_edit, "1.5")
    words = " ".join(message for _field, message in editor.problems)
    assert "«1.5»" in words and "1.234,5" in words
    assert not editor.save_button.isEnabled()
    editor.reject()
