"""A period's data as an agency exports it: its activities, indicators and links, read
with plain SQL text through an ``Execute`` (a Session's connection or a plain sqlite3
one, see submissions.py), in the order they are exported; with clean=True every text
already as the workbook writes it and the content hash reads it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop_app.core.exchange.canonical import canonical_text
from desktop_app.core.exchange.columns import ACTIVITIES, INDICATORS, LINKS, Kind, Sheet
from desktop_app.core.exchange.submission import (
    ActivityRecord,
    IndicatorRecord,
    LinkRecord,
    SubmissionData,
    records_of,
)
from desktop_app.core.storage.sql_text import Execute

if TYPE_CHECKING:
    from sqlmodel import Session

    from desktop_app.core.domain.models import Agency, Period


def _text(value: str | None) -> str | None:
    return value or None


def _day(value: date | str | None) -> date | None:
    """A DATE column's value: SQLite hands back its ISO text, PostgreSQL a date."""
    return date.fromisoformat(value[:10]) if isinstance(value, str) else value


# The rows are read as the driver gives them (plain text queries, no ORM objects and no
# per-value type processing: the export of 20,000 activities reads 80,000 rows), in the
# order they are exported.
_ACTIVITIES = (
    "SELECT a.uuid, t.code, a.title, a.description, a.type, a.status, a.start_date,"
    " a.end_date, a.women, a.ethnic_minorities, a.disabilities, a.children, a.budget_vnd,"
    " a.outputs, a.challenges, a.next_steps, a.evidence, a.carried_from"
    " FROM activity a JOIN task t ON t.id = a.task_id"
    " WHERE a.agency_id = :agency AND a.period_id = :period ORDER BY t.code, a.id")
# an activity's indicators go with its period; a task's with every period
_INDICATORS = (
    "SELECT i.uuid, a.uuid, t.code, i.name, i.unit, i.baseline, i.target, i.due_date,"
    " r.uuid, r.value, r.note FROM indicator i"
    " LEFT JOIN activity a ON a.id = i.activity_id"
    " LEFT JOIN task t ON t.id = i.task_id"
    " LEFT JOIN result r ON r.indicator_id = i.id AND r.period_id = :period"
    " WHERE i.agency_id = :agency AND (a.period_id = :period OR i.activity_id IS NULL)"
    " ORDER BY a.id, i.id")
_LINKS = (
    "SELECT a.uuid, rec.code FROM activity a"
    " JOIN activityrecommendation ar ON ar.activity_id = a.id"
    " JOIN recommendation rec ON rec.id = ar.recommendation_id"
    " WHERE a.agency_id = :agency AND a.period_id = :period ORDER BY a.id, rec.code")


_NOT_TEXT = frozenset({Kind.DATE, Kind.INTEGER, Kind.NUMBER})


def collect_by(execute: Execute, agency_id: int, period_id: int, *,
               clean: bool = False) -> SubmissionData:
    """The agency's rows for the period, read with plain selects (no ORM objects).

    clean=True: every text value is already as the workbook writes it and the content
    hash reads it (canonical_text), so that neither cleans the million text cells of a
    large submission again: columns_json_parts and write_workbook(clean=False).
    """
    if clean:
        return collect_clean(execute, agency_id, period_id)[0]
    where = {"agency": agency_id, "period": period_id}
    activities = [
        ActivityRecord(uuid, task, title, _text(desc), kind, status, _day(start), _day(end),
                       women, minorities, disabilities, children, budget, _text(outputs),
                       _text(challenges), _text(next_steps), _text(evidence), carried)
        for (uuid, task, title, desc, kind, status, start, end, women, minorities,
             disabilities, children, budget, outputs, challenges, next_steps, evidence,
             carried) in execute(_ACTIVITIES, where)
    ]
    indicators = [
        IndicatorRecord(uuid, activity, task_code, name, unit, baseline, target, _day(due),
                        result_uuid, value, _text(note) if result_uuid else None)
        for (uuid, activity, task_code, name, unit, baseline, target, due, result_uuid,
             value, note) in execute(_INDICATORS, where)
    ]
    links = [LinkRecord(activity, code) for activity, code in execute(_LINKS, where)]
    return SubmissionData(activities, indicators, links)


Columns = list[Sequence[Any]]


def _clean_column(values: Sequence[Any]) -> list[str | None]:
    """canonical_text of each value, with the common case (printable text) inline."""
    nfc = unicodedata.normalize
    return [None if v is None else
            (nfc("NFC", v) or None) if type(v) is str and v.isprintable()
            else canonical_text(v) for v in values]


def _days(values: Sequence[Any]) -> list[date | None]:
    return [date.fromisoformat(v[:10]) if type(v) is str else v for v in values]


def _columns(rows: Sequence[Sequence[Any]], sheet: Sheet) -> Columns:
    """The rows as the sheet's columns, text cleaned (canonical_text), dates as dates."""
    columns: Columns = list(zip(*rows, strict=True)) or [()] * len(sheet.columns)
    for index, column in enumerate(sheet.columns):
        if column.kind is Kind.DATE:
            columns[index] = _days(columns[index])
        elif column.kind not in _NOT_TEXT:
            columns[index] = _clean_column(columns[index])
    return columns


def collect_clean(execute: Execute, agency_id: int, period_id: int
                  ) -> tuple[SubmissionData, list[Columns]]:
    """collect_by(clean=True), and the same values as each sheet's columns (what
    canonical.columns_json encodes), made a column at a time: the rows are transposed once,
    each text column cleaned in one pass, and the records made from the columns
    (records_of: at half their constructor's cost)."""
    where = {"agency": agency_id, "period": period_id}
    activities = _columns(execute(_ACTIVITIES, where), ACTIVITIES)
    indicators = _columns(execute(_INDICATORS, where), INDICATORS)
    result, note = _INDICATOR_RESULT, _INDICATOR_NOTE
    indicators[note] = [n if r else None for n, r in zip(indicators[note], indicators[result],
                                                          strict=True)]
    links = _columns(execute(_LINKS, where), LINKS)
    data = SubmissionData(records_of(ActivityRecord, activities),
                          records_of(IndicatorRecord, indicators),
                          records_of(LinkRecord, links))
    return data, [activities, indicators, links]


_INDICATOR_KEYS = [c.key for c in INDICATORS.columns]
_INDICATOR_RESULT = _INDICATOR_KEYS.index("result_uuid")
_INDICATOR_NOTE = _INDICATOR_KEYS.index("result_note")


def collect(session: Session, agency: Agency, period: Period, *,
            clean: bool = False) -> SubmissionData:
    """collect_by in the session's transaction."""
    from desktop_app.core.storage.sql_text import session_execute

    return collect_by(session_execute(session), agency.id or 0, period.id or 0, clean=clean)
