"""What the status bar says about the installation and one period, read as SQL text.

``PeriodFacts`` and the rule that reads them, written once over an ``Execute``
(``storage/sql_text.py``): ``periods.period_facts`` runs it in a Session, and the
window's start-up (``quick_period_facts``) on a plain sqlite3 connection before
SQLAlchemy and the models are imported (issue 11). ``services/periods.py`` re-exports
``PeriodFacts`` and ``data_range``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from desktop_app.core.domain.enums import PeriodState, Role, stored_role
from desktop_app.core.exchange.report_model import default_period_range
from desktop_app.core.storage.sql_text import Execute, day, flag, sqlite_execute


@dataclass(frozen=True)
class PeriodFacts:
    """What the status bar says about this installation and one period."""

    role: Role | None
    agency_code: str | None
    agency_name_vi: str
    agency_name_en: str
    year: int
    due_date: date | None
    state: PeriodState | None  # None: no such period, or not an agency database
    data_range: tuple[date, date] | None = None  # the data the period covers (Decree 09/2019)

    def agency_name(self, lang: str) -> str:
        return self.agency_name_vi if lang == "vi" else self.agency_name_en


def data_range(year: int, data_from: date | None = None,
               data_to: date | None = None) -> tuple[date, date]:
    """The data period ``year`` covers: the range set for it, else the default one."""
    start, end = default_period_range(year)
    return data_from or start, data_to or end


def facts_by(execute: Execute, year: int) -> PeriodFacts:
    """The installation, the period's due date and (at an agency) its state."""
    settings = {key: value for key, value in execute(
        "SELECT key, value FROM setting WHERE key IN ('role', 'agency')", {})}
    role = stored_role(settings.get("role"))
    code = settings.get("agency")
    agency = execute("SELECT id, name_vi, name_en FROM agency WHERE code = :code",
                     {"code": code})[:1] if code else []
    period = execute("SELECT id, due_date, data_from, data_to FROM period WHERE year = :year",
                     {"year": year})[:1]
    state = None
    if agency and period and role is Role.AGENCY:
        state = _state(execute, agency[0][0], period[0][0])
    name_vi, name_en = (agency[0][1], agency[0][2]) if agency else ("", "")
    if not period:
        return PeriodFacts(role, code, name_vi, name_en, year, None, state, data_range(year))
    _id, due, data_from, data_to = period[0]
    return PeriodFacts(role, code, name_vi, name_en, year, day(due), state,
                       data_range(year, day(data_from), day(data_to)))


def _state(execute: Execute, agency_id: int, period_id: int) -> PeriodState:
    ids = {"agency": agency_id, "period": period_id}
    lock = execute("SELECT locked FROM agencyperiod WHERE agency_id = :agency"
                   " AND period_id = :period", ids)
    if lock and flag(lock[0][0]):
        return PeriodState.LOCKED
    submitted = execute("SELECT id FROM submission WHERE agency_id = :agency"
                        " AND period_id = :period LIMIT 1", ids)
    return PeriodState.SUBMITTED if submitted else PeriodState.OPEN


def year_shown(years: Sequence[int], year: int) -> int:
    """The period the window opens on: year when it is one of years (sorted), else the
    latest before it, else the first; year itself when there are none."""
    if not years or year in years:
        return year
    past = [y for y in years if y <= year]
    return past[-1] if past else years[0]


def years_by(execute: Execute) -> list[int]:
    """The catalog's periods, earliest first."""
    return [row[0] for row in execute("SELECT year FROM period ORDER BY year", {})]


def quick_period_facts(connection: sqlite3.Connection, year: int) -> PeriodFacts:
    """``facts_by`` on a plain sqlite3 connection (storage/schema.py open_at_head)."""
    return facts_by(sqlite_execute(connection), year)
