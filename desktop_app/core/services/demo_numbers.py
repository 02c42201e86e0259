"""How big one demo activity is: its counts, results, budget and the people it reached.

Pure functions of a random stream (`demo_compose` puts the words around them). The
numbers hang together: indicators count what the work counts, results follow the
status (nothing yet for a planned activity, part for one in progress), women,
ethnic minorities, persons with disabilities and children are shares of the people
actually reached, and the budget is what the work's sessions, people and items cost
at the unit prices of `demo_work.Cost`.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from desktop_app.core.domain.enums import ActivityStatus
from desktop_app.core.domain.validation import IndicatorDraft
from desktop_app.core.services import demo_text as tx
from desktop_app.core.services.demo_work import Audience, Measure, Work

# What one activity's budget line is, in đồng (tests/core/test_demo_realism.py says why):
# less than the floor is spent from regular funds with no line of its own, and the rare
# sum of unit costs above the ceiling is a programme the demo does not model.
BUDGET_FLOOR = 5_000_000
BUDGET_CEILING = 150_000_000
_T = TypeVar("_T")


def pick(rng: random.Random, seq: Sequence[_T]) -> _T:
    """rng.choice, at a third of its cost (one float instead of rejection sampling)."""
    return seq[int(rng.random() * len(seq))]


def between(rng: random.Random, bounds: tuple[int, int]) -> int:
    low, high = bounds
    return low + int(rng.random() * (high - low + 1))


def _round_target(n: int) -> int:
    step = 100 if n >= 2_000 else 10 if n >= 100 else 1
    return max(1, round(n / step) * step)


_PROGRESS = {ActivityStatus.COMPLETED: (0.95, 1.18), ActivityStatus.IN_PROGRESS: (0.3, 0.8),
             ActivityStatus.POSTPONED: (0.0, 0.3)}


@dataclass
class Numbers:
    sessions: int = 0
    people: int = 0
    items: int = 0
    done_sessions: int | None = None  # None: nothing done yet (planned, cancelled)
    done_people: int | None = None
    done_items: int | None = None


def numbers(rng: random.Random, work: Work, status: ActivityStatus) -> Numbers:
    """How many sessions, people and items the work plans, and how many are done so far."""
    n = Numbers()
    if work.sessions[1]:
        n.sessions = between(rng, work.sessions)
        n.people = _round_target(n.sessions * between(rng, work.size))
    if work.items[1]:
        n.items = _round_target(between(rng, work.items))
    progress = _PROGRESS.get(status)
    if progress is None:
        return n
    share = rng.uniform(*progress)
    if status is ActivityStatus.COMPLETED:
        n.done_sessions = n.sessions
    else:
        n.done_sessions = min(n.sessions, round(n.sessions * share))
    n.done_people = round(n.people * share) if n.done_sessions else 0
    n.done_items = round(n.items * share)
    if not (n.done_sessions if n.sessions else n.done_items):  # not started after all
        n.done_sessions = n.done_people = n.done_items = None
    return n


def budget(rng: random.Random, work: Work, n: Numbers, status: ActivityStatus) -> int | None:
    """What the work's sessions, people and items cost, in đồng; None where it has no line."""
    cost = work.cost
    if rng.random() < cost.free or status is ActivityStatus.CANCELLED:
        return None
    done = n.done_sessions is not None
    sessions = n.done_sessions if done else n.sessions
    people = n.done_people if done else n.people
    items = n.done_items if done else n.items
    total = between(rng, cost.fixed)
    for count, (low, high) in ((sessions, cost.session), (people, cost.person),
                               (items, cost.item)):
        if count and high:
            total += (count or 0) * between(rng, (low, high))
    if total * 1000 < BUDGET_FLOOR:
        return None
    return min(total * 1000, BUDGET_CEILING - between(rng, (0, 30)) * 1_000_000)


def indicators(rng: random.Random, work: Work, n: Numbers, due: date) -> list[IndicatorDraft]:
    """The work's measures as indicators: the people it reaches always, one or two others."""
    measures = list(work.measures)
    people = [m for m in measures if m.of == "people" and n.people]
    others = [m for m in measures if m not in people
              and (m.of != "sessions" or n.sessions) and (m.of != "items" or n.items)]
    if not people and rng.random() < 0.3:
        return []
    k = between(rng, (0, 1)) if people else between(rng, (1, 2))
    chosen = people + rng.sample(others, k=min(len(others), k))
    chosen.sort(key=measures.index)
    return [_indicator(rng, m, n, due) for m in chosen]


def _indicator(rng: random.Random, m: Measure, n: Numbers, due: date) -> IndicatorDraft:
    note = pick(rng, tx.RESULT_NOTES)
    if note == "Theo danh sách đại biểu" and m.of != "people":
        note = ""
    if m.of == "percent":
        target = float(between(rng, (m.low, m.high)))
        baseline = (float(max(0, int(target) - between(rng, (3, 20)))) if rng.random() < 0.5
                    else None)
        result = None
        if n.done_sessions is not None and rng.random() < 0.85:
            result = round(min(100.0, max(0.0, target + rng.uniform(-8, 6))), 1)
        return IndicatorDraft(m.name, m.unit, target, baseline, due, result, note)
    target_n = {"people": n.people, "sessions": n.sessions, "items": n.items}[m.of]
    done = {"people": n.done_people, "sessions": n.done_sessions, "items": n.done_items}[m.of]
    baseline = (float(round(target_n * rng.uniform(0.4, 1.0))) if rng.random() < 0.4 else None)
    return IndicatorDraft(m.name, m.unit, float(target_n), baseline, due,
                          float(done) if done is not None else None, note)


def beneficiaries(rng: random.Random, audience: Audience | None, reached: int | None,
                  minority_share: float) -> list[int | None]:
    """Women, ethnic minorities, persons with disabilities, children among those reached."""
    if audience is None or not reached or rng.random() < 0.15:
        return [None, None, None, None]
    minorities = (rng.uniform(*audience.minorities) if audience.minorities else
                  min(1.0, minority_share * rng.uniform(0.6, 1.4)))
    shares = [rng.uniform(*audience.women), minorities, rng.uniform(*audience.disabilities),
              rng.uniform(*audience.children) if audience.children else None]
    counts = [min(reached, round(reached * s)) if s is not None else None for s in shares]
    if counts[2] is not None and rng.random() < 0.2:
        counts[2] = None  # not every report counts persons with disabilities
    return counts
