"""The audit log: every change, who made it, when, and what it was before and after.

``record`` is called by each write path inside its own unit of work, so an event
commits with its change or not at all (a rolled-back change leaves no event). Who:
the operating-system user (core/paths), the database role when a server engine puts
one in ``session.info[DATABASE_ROLE]`` (SQLite knows none), and the installation as it
is now (role, agency code, UUID). What: the action code, the entity with its UUID and
a key a person reads, the changed fields old -> new (``changes``), and further facts.

``events`` reads a page of the log, newest first, filtered by entity and by text;
``export_audit`` writes the whole log (or a filtered one) as a printable workbook.
Values keep their codes in the database; the workbook shows them as words
(core/domain/labels).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from desktop_app.core.domain.enums import (
    ActivityStatus,
    ActivityType,
    Grade,
    Implementation,
    Role,
)
from desktop_app.core.domain.labels import label_of
from desktop_app.core.domain.models import AuditEvent, new_uuid
from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft
from desktop_app.core.files import cannot_write, replacing
from desktop_app.core.paths import operating_user
from desktop_app.core.problems import os_detail
from desktop_app.core.progress import Job, Progress
from desktop_app.core.storage.database import DATABASE_ROLE, Database
from desktop_app.core.storage.settings import (
    AGENCY,
    ROLE,
    get_setting,
    installation_facts,
)

Value = str | int | float | bool | None
PAGE = 200  # events a page of the window's log
RESTORE_ACTION = "backup.restored"

if TYPE_CHECKING:  # the workbook's writer (openpyxl) is imported when a log is exported
    from desktop_app.core.exchange.audit_xlsx import AuditLine



@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: Value
    new: Value


def plain(value: object) -> Value:
    """A value as the log keeps it: dates as ISO text, enum members as their codes."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return " ".join(sorted(str(v) for v in value))
    return str(value)


def changes(old: Mapping[str, object], new: Mapping[str, object]) -> list[FieldChange]:
    """The fields that differ, old -> new, in the order new names them (then old's rest).

    A field missing on one side is None there (created: old is empty; deleted: new is).
    """
    found = []
    for name in [*new, *(k for k in old if k not in new)]:
        before, after = plain(old.get(name)), plain(new.get(name))
        if before != after:
            found.append(FieldChange(name, before, after))
    return found


_DRAFT_FIELDS = ("title", "task_code", "type", "status", "description", "start_date",
                 "end_date", "women", "ethnic_minorities", "disabilities", "children",
                 "budget_vnd", "outputs", "challenges", "next_steps", "evidence")
_INDICATOR_FIELDS = ("name", "unit", "target", "baseline", "due_date", "result",
                     "result_note")


def draft_fields(draft: ActivityDraft | None) -> dict[str, Value]:
    """An activity with its indicators and their results, field by field, for ``changes``.

    An indicator's fields are named ``indicator[its name].field``; indicators are matched
    by UUID, so a renamed one shows its name changing, not one removed and one added.
    """
    if draft is None:
        return {}
    fields: dict[str, Value] = {name: plain(getattr(draft, name)) for name in _DRAFT_FIELDS}
    fields["recommendations"] = plain(draft.recommendation_codes) or None
    for indicator in draft.indicators:
        fields.update(_indicator_fields(indicator, indicator.name))
    return fields


def _indicator_fields(indicator: IndicatorDraft, name: str) -> dict[str, Value]:
    return {f"indicator[{name}].{attr}": plain(getattr(indicator, attr))
            for attr in _INDICATOR_FIELDS}


def draft_changes(old: ActivityDraft | None, new: ActivityDraft | None) -> list[FieldChange]:
    """Old -> new of an activity; indicators matched by UUID and named by their new name."""
    before = draft_fields(old) if old is not None else {}
    after = draft_fields(new) if new is not None else {}
    if old is not None and new is not None:  # an indicator renamed keeps one label
        names = {i.uuid: i.name for i in new.indicators if i.uuid}
        for indicator in old.indicators:
            current = names.get(indicator.uuid or "")
            if current is not None and current != indicator.name:
                for attr in _INDICATOR_FIELDS:
                    before.pop(f"indicator[{indicator.name}].{attr}", None)
                before.update(_indicator_fields(indicator, current))
    return changes(before, after)


# --- writing -------------------------------------------------------------------------------


def record(session: Session, action: str, entity: str = "", entity_uuid: str | None = None,
           *, key: str = "", changed: Iterable[FieldChange] = (),
           database_role: str | None = None, **detail: object) -> AuditEvent:
    """Add one event to the session's unit of work (it commits or rolls back with it).

    key: what a person recognises the entity by; changed: old -> new per field;
    database_role: the login role on a database server (else session.info's, if any).
    """
    role = database_role if database_role is not None else session.info.get(DATABASE_ROLE)
    installed_as, agency_code, installation = installation_facts(session)
    event = AuditEvent(
        uuid=new_uuid(), action=action, entity=entity, entity_uuid=entity_uuid,
        detail=json.dumps(detail, ensure_ascii=False, default=str),
        actor=operating_user(), database_role=role,
        role=installed_as, agency_code=agency_code, installation=installation,
        entity_key=key[:500],
        changes=json.dumps([[c.field, plain(c.old), plain(c.new)] for c in changed],
                           ensure_ascii=False)
        if changed else "")
    session.add(event)
    return event


def record_restored(db: Database, source: Path, safety: Path | None) -> None:
    """After a restore succeeded: the event, in the restored database itself."""
    with db.unit_of_work() as session:
        record(session, RESTORE_ACTION, "database", None, key=Path(source).name,
               file=str(source), safety_copy=str(safety) if safety else None)


# --- reading -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditRow:
    uuid: str
    at: datetime  # UTC
    actor: str  # "" for an event written before the log said who
    database_role: str | None
    role: str
    agency_code: str | None
    installation: str
    action: str
    entity: str
    entity_uuid: str | None
    entity_key: str
    changes: tuple[FieldChange, ...]
    detail: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AuditFilter:
    entity: str = ""  # "" every entity
    text: str = ""  # in the action, key, user, agency, changes or detail


@dataclass(frozen=True, slots=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    total: int  # events matching the filter, on every page
    offset: int


def _json(text: str, empty: Any) -> Any:
    try:
        return json.loads(text) if text else empty
    except ValueError:
        return empty


def _row(event: AuditEvent) -> AuditRow:
    at = event.at.replace(tzinfo=UTC) if event.at.tzinfo is None else event.at.astimezone(UTC)
    detail = _json(event.detail, {})
    found = _json(event.changes, [])
    changed = tuple(FieldChange(str(c[0]), c[1], c[2]) for c in found
                    if isinstance(c, list) and len(c) == 3) if isinstance(found, list) else ()
    return AuditRow(event.uuid, at, event.actor, event.database_role, event.role,
                    event.agency_code, event.installation, event.action, event.entity,
                    event.entity_uuid, event.entity_key, changed,
                    detail if isinstance(detail, dict) else {"detail": detail})


def _where(wanted: AuditFilter) -> list[Any]:
    conditions: list[Any] = []
    if wanted.entity:
        conditions.append(col(AuditEvent.entity) == wanted.entity)
    needle = wanted.text.strip().lower()
    if needle:
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        conditions.append(or_(*(func.lower(column).like(pattern, escape="\\") for column in (
            col(AuditEvent.action), col(AuditEvent.entity_key), col(AuditEvent.actor),
            func.coalesce(col(AuditEvent.agency_code), ""), col(AuditEvent.changes),
            col(AuditEvent.detail), func.coalesce(col(AuditEvent.entity_uuid), "")))))
    return conditions


def events(session: Session, wanted: AuditFilter | None = None, *, offset: int = 0,
           limit: int = PAGE) -> AuditPage:
    """A page of the log, newest first, and how many events match in all."""
    conditions = _where(wanted or AuditFilter())
    total = session.exec(select(func.count()).select_from(AuditEvent).where(
        *conditions)).one()
    found = session.exec(select(AuditEvent).where(*conditions)
                         .order_by(col(AuditEvent.id).desc())
                         .offset(max(offset, 0)).limit(max(limit, 0))).all()
    return AuditPage(tuple(_row(e) for e in found), int(total), max(offset, 0))


def audit_page(db: Database, wanted: AuditFilter | None = None, *, offset: int = 0,
               limit: int = PAGE) -> AuditPage:
    with db.reading() as session:
        return events(session, wanted, offset=offset, limit=limit)


def audit_entities(db: Database) -> list[str]:
    """The kinds of entity the log names, for a filter's list."""
    with db.reading() as session:
        return sorted(e for e in session.exec(select(AuditEvent.entity).distinct()) if e)


def _all_rows(session: Session, wanted: AuditFilter, chunk: int = 2000) -> Iterator[AuditRow]:
    last: int | None = None
    conditions = _where(wanted)
    while True:
        query = select(AuditEvent).where(*conditions)
        if last is not None:
            query = query.where(col(AuditEvent.id) > last)
        found = session.exec(query.order_by(col(AuditEvent.id)).limit(chunk)).all()
        if not found:
            return
        yield from (_row(e) for e in found)
        last = found[-1].id


# --- the workbook --------------------------------------------------------------------------

# Fields whose values are codes of a closed vocabulary, shown as their words.
_VOCABULARIES: dict[str, type[StrEnum]] = {
    "type": ActivityType, "status": ActivityStatus, "grade": Grade,
    "implementation": Implementation, "role": Role,
}


def readable(name: str, value: Value, lang: str) -> str:
    """A logged value as a person reads it: a code as its label, yes/no, "—" for none."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return ("có" if value else "không") if lang == "vi" else ("yes" if value else "no")
    kind = _VOCABULARIES.get(name.rsplit(".", 1)[-1])
    if kind is not None and isinstance(value, str):
        return label_of(kind, value, lang)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _who(row: AuditRow) -> str:
    who = row.actor or "?"
    return f"{who} ({row.database_role})" if row.database_role else who


def _installation(row: AuditRow, lang: str) -> str:
    if not row.role:
        return ""
    words = label_of(Role, row.role, lang)
    return f"{words} {row.agency_code}" if row.agency_code else words


ActionWords = Callable[[str, str], str]  # (action code, lang) -> words; the faces give it
FieldWords = Callable[[str, str], str]  # (field code, lang) -> words; the faces give it


def audit_line(row: AuditRow, lang: str, action_words: ActionWords | None = None,
               field_words: FieldWords | None = None) -> AuditLine:
    """One event as plain text for the workbook (the window words it the same way)."""
    from desktop_app.core.exchange.audit_xlsx import AuditLine

    def field(name: str) -> str:
        return field_words(name, lang) if field_words is not None else name

    changed = "\n".join(f"{field(c.field)}: {readable(c.field, c.old, lang)} → "
                        f"{readable(c.field, c.new, lang)}" for c in row.changes)
    detail = "; ".join(f"{k}: {readable(k, plain(v), lang)}" for k, v in row.detail.items()
                       if v not in (None, "", [], {}))
    action = action_words(row.action, lang) if action_words is not None else row.action
    return AuditLine(row.at, _who(row), _installation(row, lang), action, row.entity,
                     row.entity_key, row.entity_uuid or "", changed, detail)


def export_audit(db: Database, path: Path, *, wanted: AuditFilter | None = None,
                 lang: str = "vi", action_words: ActionWords | None = None,
                 field_words: FieldWords | None = None,
                 now: datetime | None = None) -> Job[int]:
    """Write the log (oldest first) to ``path``, whole or untouched; returns the events.

    action_words: the words for an action code (messages.audit_action_words), else codes;
    field_words: the same for a changed field's code (messages.audit_field_words).
    """
    from desktop_app.core.exchange.audit_xlsx import AuditSheet, write_audit_workbook

    yield Progress(0, 0, "prepare")
    with db.reading() as session:
        lines = tuple(audit_line(r, lang, action_words, field_words)
                      for r in _all_rows(session, wanted or AuditFilter()))
        role = get_setting(session, ROLE) or ""
        agency = get_setting(session, AGENCY)
    where = label_of(Role, role, lang) if role else ""
    sheet = AuditSheet(now or datetime.now(UTC), f"{where} {agency}" if agency else where,
                       lines)
    with replacing(Path(path)) as temp:
        try:
            write_audit_workbook(sheet, temp)
        except OSError as exc:
            raise cannot_write(Path(path), os_detail(exc)) from exc
    yield Progress(1, 1, "done")
    return len(lines)

