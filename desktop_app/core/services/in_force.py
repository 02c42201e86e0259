"""Which plans are in force in a year and which sources they implement, read as SQL text.

The rules of ``services/plans.py`` (which re-exports ``in_force`` and answers
``sources_in_force`` from here), written once over an ``Execute`` (``storage/sql_text.py``)
so that the overview can read them on a plain sqlite3 connection at start-up, before
SQLAlchemy and the models are imported, as well as in a Session (issue 11).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from desktop_app.core.storage.sql_text import Execute

T = TypeVar("T")


def in_force(plans: Sequence[T], starts: Sequence[int | None], ends: Sequence[int | None],
             year: int) -> list[T]:
    """The plans in force in ``year``: started, not ended, and (when their end is not
    known) not followed by a later plan of unknown end that has started; a plan with
    both years runs through them beside the others."""
    running = [(p, s or 0, e) for p, s, e in zip(plans, starts, ends, strict=True)
               if (s or 0) <= year and (e is None or e >= year)]
    latest = max((s for _p, s, e in running if e is None), default=0)
    return [p for p, s, e in running if e is not None or s == latest]


def series(code: str) -> tuple[str, int]:
    """A source code's series and cycle: "CCPR-CO4" -> ("CCPR-CO", 4); no number, cycle 0."""
    match = re.fullmatch(r"(.*?)(\d+)", code)
    return (match.group(1), int(match.group(2))) if match else (code, 0)


def plan_ids_in_force(execute: Execute, year: int) -> list[int]:
    """The ids of the catalog's plans in force in ``year``, by plan code."""
    plans = execute("SELECT id, starts, ends FROM plan WHERE NOT retired ORDER BY code", {})
    return in_force([p[0] for p in plans], [p[1] for p in plans], [p[2] for p in plans], year)


def sources_in_force_by(execute: Execute, year: int) -> frozenset[int]:
    """``plans.sources_in_force`` over SQL text (see its docstring)."""
    plan_ids = plan_ids_in_force(execute, year)
    if not plan_ids:
        return frozenset()
    linked: list[tuple[int | None, str]] = []
    for plan_id in plan_ids:
        for row in execute(
                "SELECT DISTINCT s.id, s.code FROM source s"
                " JOIN recommendation r ON r.source_id = s.id"
                " JOIN taskrecommendation tr ON tr.recommendation_id = r.id"
                " JOIN task t ON t.id = tr.task_id WHERE t.plan_id = :plan",
                {"plan": plan_id}):
            if (row[0], row[1]) not in linked:
                linked.append((row[0], row[1]))
    latest: dict[str, int] = {}
    for _id, code in linked:
        name, cycle = series(code)
        latest[name] = max(cycle, latest.get(name, cycle))
    return frozenset(source_id for source_id, code in linked if source_id is not None
                     and series(code)[1] == latest[series(code)[0]])
