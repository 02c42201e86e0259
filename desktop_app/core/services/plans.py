"""Which plans of the catalog are in force in a reporting period, and their tasks.

A plan is in force in the years from its start to its end; one whose end is not known
stays in force until a later plan of unknown end starts (the 2019 plan until the 2026
one); a plan with both years runs through them beside the others. Templates
offer only these plans' tasks and the import of a filled template refuses another
plan's task row by row (services/templates.py, services/import_rules.py). Kept apart
from the template writer so the import does not load openpyxl to ask. The sources the
plans in force implement (``sources_in_force``) come first in the recommendation lists.
"""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop_app.core.domain.models import Period, Plan, Task
from desktop_app.core.services.in_force import in_force as in_force
from desktop_app.core.services.in_force import sources_in_force_by
from desktop_app.core.storage.sql_text import session_execute


def plans_in_force(session: Session, year: int) -> list[Plan]:
    """The catalog's plans in force in ``year`` (one or more; none before the first)."""
    plans = list(session.exec(select(Plan).where(col(Plan.retired).is_(False))
                              .order_by(col(Plan.code))))
    return in_force(plans, [p.starts for p in plans], [p.ends for p in plans], year)


def tasks_in_force(session: Session) -> dict[int, frozenset[str]]:
    """For each period's year, the codes of the tasks of the plans in force then."""
    tasks = list(session.exec(select(Task.code, Task.plan_id).where(
        col(Task.retired).is_(False))))
    out: dict[int, frozenset[str]] = {}
    for year in session.exec(select(Period.year)):
        plan_ids = {p.id for p in plans_in_force(session, year)}
        out[year] = frozenset(code for code, plan_id in tasks if plan_id in plan_ids)
    return out


def sources_in_force(session: Session, year: int) -> frozenset[int]:
    """The ids of the sources whose recommendations the plans in force in ``year``
    implement (their tasks are linked to them), the latest cycle of each series only: a
    plan that keeps a few tasks linked to the closed earlier cycle (Decision 2715's to
    CO/3 beside CO/4) does not bring that cycle back. The series is the source's code
    without its cycle number (CCPR-CO3 and CCPR-CO4 are one series, UPR3 and UPR4
    another). Empty when no plan is in force or its tasks are linked to nothing.
    Read as SQL text (services/in_force.py), as the overview reads it at start-up."""
    return sources_in_force_by(session_execute(session), year)
