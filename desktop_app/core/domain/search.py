"""The folded text an activity is found by."""

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
