"""The folded text an activity is found by.

An import folds thousands of activities at once: the costly part, the activity's own
title and description (``own_words``), is folded where the file is read, on the
machine's other cores, and the writer joins it with the task's words, folded once per
task (``search_text_of``). Folding is word by word, so the parts folded apart and joined
give the same text as the whole folded at once (tests/core/test_import_rows.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.core.domain.text import fold


def activity_search_text(
    title: str,
    description: str,
    task: Iterable[str],
    recommendation_codes: Iterable[str],
) -> str:
    """Title, description, the task's code and titles and the linked recommendations' codes."""
    parts = [title, description, *task, *recommendation_codes]
    return fold(" ".join(p for p in parts if p))


def own_words(title: str, description: str | None) -> str:
    """An activity's title and description folded: the first part of its search text.

    Without a description (None or empty), the title alone: the space after it would be
    folded away, at the cost of a second pass. Made text either way, as the old f-string
    made it: a value of another type in a hostile file's record folds as its text."""
    return fold(f"{title} {description}" if description else f"{title}")


def task_words(task: Iterable[str]) -> str:
    """The task's code and titles folded: the part of the search text its activities share."""
    return fold(" ".join(p for p in task if p))


def search_text_of(own: str, task: str, recommendation_codes: Iterable[str]) -> str:
    """activity_search_text from its parts already folded: own_words(title, description)
    and task_words(task)."""
    codes = codes_words(recommendation_codes)
    return " ".join(p for p in (own, task, codes) if p)


def codes_words(recommendation_codes: Iterable[str]) -> str:
    """The recommendation codes folded, each distinct code once (an import's thousands of
    links name a few dozen codes): fold is word by word, so the codes folded apart and
    joined are the codes joined and folded."""
    return " ".join(filter(None, map(_CODES.__getitem__, recommendation_codes)))


class _FoldedCodes(dict[str, str]):
    """Each code's fold, kept; emptied when it reaches _CODES_LIMIT entries, so that codes
    nobody uses again (a hostile file's million distinct ones) do not pile up."""

    def __missing__(self, code: str) -> str:
        if len(self) >= _CODES_LIMIT:
            self.clear()
        folded = self[code] = fold(code)
        return folded


_CODES_LIMIT = 4096
_CODES = _FoldedCodes()
