"""Writing an accepted file, and taking an import back out, from what was written.

``apply_write`` carries out one file's ``Write`` in the caller's transaction, through
SQLAlchemy Core (bulk inserts; the types store the values as the ORM does): the rows of
the versions it replaces are deleted and the old Submissions marked superseded, then
the new Submission and its rows go in with the file's UUIDs. It records what it did in
an ``ImportChange``: the version it created, the versions it superseded and every row
it deleted, each with all its columns, so that ``undo_changes`` can put the database
back — the batch's files in reverse order: their rows and versions deleted, the rows
they deleted put back with their own ids, the versions they superseded in force again.

A file that pins its agency's key (its first signed file) or replaces the pin (accepted
with a new key) does so here, in the same transaction, and the ImportChange keeps the
pin as it was before (``removed["pin"]``), so undo puts the pin back too. Each
deliberate acceptance (a new key, an unsigned file over a signed agency, an edited
file) is an audit event naming the batch.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import repeat
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    DateTime,
    Table,
    TypeDecorator,
    column,
    delete,
    insert,
    update,
)
from sqlalchemy import select as sa_select
from sqlalchemy import table as table_clause
from sqlalchemy import text as sa_text
from sqlmodel import Session, col, select

from desktop_app.core.domain.models import (
    Activity,
    ActivityRecommendation,
    Agency,
    ImportChange,
    Indicator,
    PinnedKey,
    Result,
    Submission,
)
from desktop_app.core.exchange.submission import (
    ACTIVITIES,
    INDICATORS,
    LINKS,
    SubmissionData,
    field_values,
    record_count,
    stored_rows,
)
from desktop_app.core.services.import_image import (
    LAYOUT,
    ImageRows,
    period_of,
    result_uuid,
)
from desktop_app.core.services.import_plan import Catalog, Write
from desktop_app.core.services.import_rules import search_texts
from desktop_app.core.services.keys import pin_key, pinned_key, replace_key
from desktop_app.core.services.setup import audit

PIN_KEY = "pin"  # where an ImportChange keeps the pin as it was before the file
# The audit events an accepted file writes within its batch (undo tolerates them).
FILE_ACTION = "import.file_accepted"  # the file's summary; its ImportChange is the detail
ACCEPTANCE_EVENTS = frozenset({"key.pinned", "key.replaced", "import.unsigned_accepted",
                               "import.edited_accepted", FILE_ACTION})

ACTIVITY: Table = Activity.__table__  # type: ignore[attr-defined]
LINK: Table = ActivityRecommendation.__table__  # type: ignore[attr-defined]
INDICATOR: Table = Indicator.__table__  # type: ignore[attr-defined]
RESULT: Table = Result.__table__  # type: ignore[attr-defined]
SUBMISSION: Table = Submission.__table__  # type: ignore[attr-defined]
_RESTORE_ORDER = (ACTIVITY, LINK, INDICATOR, RESULT)  # parents before the rows that refer
_ROWID = "rowid"  # a link has no id of its own: on SQLite its rowid is kept too


def apply_write(session: Session, write: Write, catalog: Catalog, now: datetime, *,
                batch_uuid: str, record_uuid: str) -> int:
    """Replace the agency's version in force for the period by this one; its new id."""
    removed = _remove(session, write.supersedes) if write.supersedes else {}
    if write.supersedes:
        session.execute(update(SUBMISSION).where(SUBMISSION.c.id.in_(write.supersedes))
                        .values(superseded=True))
    submission_id = _insert(session, write, catalog, now)
    agency = session.get(Agency, write.agency_id)
    code = agency.code if agency is not None else str(write.agency_id)
    audit(session, FILE_ACTION, "submission", write.submission_uuid,
          key=f"{code} {write.period} v{write.version}", file=write.file_name,
          batch=batch_uuid, agency=code, period=write.period, version=write.version,
          superseded=len(write.supersedes), signed=write.signed,
          fingerprint=write.key_fingerprint, from_template=write.from_template,
          edited=write.edited, activities=record_count(write.data, ACTIVITIES))
    if write.contact_person:  # the agency's contact, unless the focal point set it by hand
        # here, not at the top: contacts.py brings the reminder workbook's writer along
        from desktop_app.core.services.contacts import record_contact

        record_contact(session, write.agency_id, write.contact_person, write.created_at)
    if write.pin:
        removed[PIN_KEY] = [_pin_before(session, write.agency_id)]
        keep = replace_key if write.replace_pin else pin_key
        keep(session, write.agency_id, write.pin, write.file_name, batch_uuid)
    if write.unsigned_over_signed:
        audit(session, "import.unsigned_accepted", "submission", write.submission_uuid,
              agency_id=write.agency_id, file=write.file_name, batch=batch_uuid)
    if write.edited:
        audit(session, "import.edited_accepted", "submission", write.submission_uuid,
              agency_id=write.agency_id, file=write.file_name, batch=batch_uuid)
    session.add(ImportChange(
        batch_uuid=batch_uuid, record_uuid=record_uuid, submission_id=submission_id,
        superseded=json.dumps(list(write.supersedes)),
        removed=json.dumps(removed, ensure_ascii=False, separators=(",", ":"))))
    return submission_id


def _pin_before(session: Session, agency_id: int) -> dict[str, Any]:
    pin = pinned_key(session, agency_id)
    before = None if pin is None else {
        "public_key": pin.public_key, "fingerprint": pin.fingerprint,
        "pinned_at": pin.pinned_at.isoformat(), "file_name": pin.file_name,
        "batch_uuid": pin.batch_uuid}
    return {"agency_id": agency_id, "before": before}


def _restore_pin(session: Session, saved: dict[str, Any]) -> None:
    """Put an agency's pin back as it was before an undone file."""
    agency_id = int(saved["agency_id"])
    pin = pinned_key(session, agency_id)
    before = saved.get("before")
    if before is None:
        if pin is not None:
            session.delete(pin)
        return
    if pin is None:
        pin = PinnedKey(agency_id=agency_id, public_key=before["public_key"],
                        fingerprint=before["fingerprint"])
    pin.public_key, pin.fingerprint = before["public_key"], before["fingerprint"]
    pin.pinned_at = datetime.fromisoformat(before["pinned_at"])
    pin.file_name, pin.batch_uuid = before["file_name"], before["batch_uuid"]
    session.add(pin)


def _insert(session: Session, write: Write, catalog: Catalog, now: datetime) -> int:
    data = write.data
    imaged = _attached_image(session, write, catalog)  # the results it holds, if any
    if imaged is None:
        values = field_values(data, INDICATORS, "result")
        kept = [place for place, value in enumerate(values) if value is not None]
    submission_id = int(session.execute(insert(SUBMISSION).returning(SUBMISSION.c.id), [{
        "uuid": write.submission_uuid, "agency_id": write.agency_id,
        "period_id": write.period_id, "version": write.version,
        "content_hash": write.content_hash, "data_hash": write.data_hash,
        "created_at": write.created_at, "received_at": now,
        "activities": record_count(data, ACTIVITIES),
        "indicators": record_count(data, INDICATORS),
        "results": len(kept) if imaged is None else imaged,
        "from_template": write.from_template, "edited": write.edited,
        "superseded": False, "file_name": write.file_name, "signed": write.signed,
        "key_fingerprint": write.key_fingerprint,
        "file_version": (write.file_version if write.file_version != write.version
                         else None),
    }]).scalar_one())
    if imaged is not None:
        _copy_image(session, write, now, submission_id)
        return submission_id
    activity_ids = _insert_with_ids(session, ACTIVITY, _activity_columns(
        write, catalog, now, submission_id), record_count(data, ACTIVITIES))
    by_uuid = dict(zip(field_values(data, ACTIVITIES, "uuid"), activity_ids, strict=True))
    recommendations = catalog.recommendations
    _insert_columns(session, LINK, {
        "activity_id": list(map(by_uuid.__getitem__,
                                field_values(data, LINKS, "activity_uuid"))),
        "recommendation_id": list(map(recommendations.__getitem__,
                                      field_values(data, LINKS, "recommendation_code"))),
    }, record_count(data, LINKS))
    indicator_ids = _insert_with_ids(session, INDICATOR, _indicator_columns(
        write, catalog, by_uuid, submission_id), record_count(data, INDICATORS))
    uuids, given = field_values(data, INDICATORS, "uuid"), field_values(
        data, INDICATORS, "result_uuid")
    notes = field_values(data, INDICATORS, "result_note")
    _insert_columns(session, RESULT, {
        "uuid": [given[place] or result_uuid(uuids[place], write.period) for place in kept],
        "indicator_id": [indicator_ids[place] for place in kept],
        "period_id": Same(write.period_id),
        "value": [values[place] for place in kept],
        "note": [notes[place] or "" for place in kept],
    }, len(kept))
    return submission_id


_IMAGE = "nap_rows"  # the schema a file's database image is attached as (import_image)
_ATTACHED = "nap_rows_attached"  # set on a driver's connection once it has that schema
_CODES = "nap_codes_of"  # the catalog whose ids a driver's connection holds (temp.nap_codes)
_NO_TEXT = "''"


def _attached_image(session: Session, write: Write, catalog: Catalog) -> int | None:
    """On SQLite, the database image the file's reading child made (services/
    import_image) attached, with the catalog's task and recommendation ids beside it;
    the number of results it holds. None (nothing attached) when there is no such image,
    or it is not the one the plan's rows and search texts came from, or it names a task
    or a recommendation the catalog lacks: the rows are then written from their columns."""
    stored = stored_rows(write.data)
    connection = session.connection()
    if (not isinstance(stored, ImageRows) or connection.dialect.name != "sqlite"
            or period_of(stored.image) != write.period
            or len(write.search_texts) != stored.counts[ACTIVITIES]):
        return None
    driver = connection.connection.driver_connection
    if driver is None:
        return None
    if not connection.info.get(_ATTACHED):  # once a driver's connection (not undone
        connection.exec_driver_sql(f"ATTACH DATABASE ':memory:' AS {_IMAGE}")  # by a
        connection.info[_ATTACHED] = True  # rollback, as the table below is)
    connection.exec_driver_sql("CREATE TEMP TABLE IF NOT EXISTS nap_codes (kind INTEGER, "
                               "code TEXT, id INTEGER, PRIMARY KEY (kind, code))")
    driver.deserialize(stored.image, name=_IMAGE)
    if tuple(connection.exec_driver_sql(  # as every image lays its tables out
            f"SELECT name, rootpage FROM {_IMAGE}.sqlite_master WHERE type = 'table' "
            f"ORDER BY rootpage")) != LAYOUT:
        return None
    # the catalog's ids once a batch (a file whose transaction was rolled back took its
    # rows with it: then again)
    if connection.info.get(_CODES) is not catalog or connection.exec_driver_sql(
            "SELECT count(*) FROM temp.nap_codes").scalar_one() != len(catalog.tasks) + len(
            catalog.recommendations):
        connection.exec_driver_sql("DELETE FROM temp.nap_codes")
        connection.exec_driver_sql(
            "INSERT INTO temp.nap_codes VALUES (?, ?, ?)",
            [(0, code, task.id) for code, task in catalog.tasks.items()]
            + [(1, code, ident) for code, ident in catalog.recommendations.items()])
        connection.info[_CODES] = catalog
    unknown = connection.exec_driver_sql(
        f"SELECT 1 FROM {_IMAGE}.activities a WHERE a.task_code NOT IN "
        f"(SELECT code FROM temp.nap_codes WHERE kind = 0) UNION ALL "
        f"SELECT 1 FROM {_IMAGE}.indicators i WHERE i.activity_uuid IS NULL "
        f"AND coalesce(i.task_code, '') != '' AND i.task_code NOT IN "
        f"(SELECT code FROM temp.nap_codes WHERE kind = 0) UNION ALL "
        f"SELECT 1 FROM {_IMAGE}.links l WHERE l.recommendation_code NOT IN "
        f"(SELECT code FROM temp.nap_codes WHERE kind = 1) LIMIT 1").first()
    if unknown is not None:
        return None
    return int(connection.exec_driver_sql(
        f"SELECT count(*) FROM {_IMAGE}.indicators WHERE result IS NOT NULL").scalar_one())


# Each table's copy from the attached image: the ids _insert_columns would give (after
# the table's largest), the catalog's ids from temp.nap_codes, the file's constants.
_KEPT = ("uuid", "title", "type", "status", "start_date", "end_date", "women",
         "ethnic_minorities", "disabilities", "children", "budget_vnd", "search_text",
         "carried_from")
_OR_EMPTY = ("description", "outputs", "challenges", "next_steps", "evidence")  # NOT NULL
_COPY_ACTIVITIES = (
    f"INSERT INTO {ACTIVITY.name} (id, agency_id, period_id, task_id, submission_id, "
    f"created_at, updated_at, {', '.join(_KEPT + _OR_EMPTY)}) "
    f"SELECT ? + a.rowid, ?, ?, c.id, ?, ?, ?, {', '.join('a.' + n for n in _KEPT)}, "
    f"{', '.join(f'coalesce(a.{n}, {_NO_TEXT})' for n in _OR_EMPTY)} "
    f"FROM {_IMAGE}.activities a JOIN temp.nap_codes c ON c.kind = 0 "
    f"AND c.code = a.task_code ORDER BY a.rowid")
_COPY_LINKS = (
    f"INSERT INTO {LINK.name} (activity_id, recommendation_id) "
    f"SELECT ? + 1 + l.activity_place, c.id FROM {_IMAGE}.links l "
    f"JOIN temp.nap_codes c ON c.kind = 1 AND c.code = l.recommendation_code "
    f"ORDER BY l.rowid")
_COPY_INDICATORS = (  # an activity's, or else its task's
    f"INSERT INTO {INDICATOR.name} (id, uuid, agency_id, activity_id, task_id, name, unit, "
    f"baseline, target, due_date, submission_id) "
    f"SELECT ? + i.rowid, i.uuid, ?, ? + 1 + i.activity_place, "
    f"CASE WHEN i.activity_uuid IS NULL AND coalesce(i.task_code, {_NO_TEXT}) != {_NO_TEXT} "
    f"THEN c.id END, i.name, i.unit, i.baseline, i.target, i.due_date, ? "
    f"FROM {_IMAGE}.indicators i LEFT JOIN temp.nap_codes c ON c.kind = 0 "
    f"AND c.code = i.task_code ORDER BY i.rowid")
_COPY_RESULTS = (
    f"INSERT INTO {RESULT.name} (uuid, indicator_id, period_id, value, note) "
    f"SELECT i.result_key, ? + i.rowid, ?, i.result, coalesce(i.result_note, {_NO_TEXT}) "
    f"FROM {_IMAGE}.indicators i WHERE i.result IS NOT NULL ORDER BY i.rowid")


def _copy_image(session: Session, write: Write, now: datetime, submission_id: int) -> None:
    """The attached image's activities, links, indicators and results copied in, one
    INSERT ... SELECT a table."""
    connection = session.connection()
    dialect = connection.dialect
    stamp = ACTIVITY.c.created_at.type.dialect_impl(dialect).bind_processor(dialect)
    moment = now if stamp is None else stamp(now)
    first = _largest_id(connection, ACTIVITY)
    connection.exec_driver_sql(_COPY_ACTIVITIES, (first, write.agency_id, write.period_id,
                                                  submission_id, moment, moment))
    connection.exec_driver_sql(_COPY_LINKS, (first,))
    indicators = _largest_id(connection, INDICATOR)
    connection.exec_driver_sql(_COPY_INDICATORS, (indicators, write.agency_id, first,
                                                  submission_id))
    connection.exec_driver_sql(_COPY_RESULTS, (indicators, write.period_id))


@dataclass(frozen=True, slots=True)
class Same:
    """A column's one value in every row (the file's agency, period, submission, time):
    made ready for the database once, not once a row."""

    value: Any


Columns = dict[str, "Sequence[Any] | Same"]  # a table's columns by name, one value a row


def _or_empty(data: SubmissionData, kind: int, name: str) -> list[Any]:
    """One text field of every record of a kind, "" for none (the column is NOT NULL)."""
    return [value or "" for value in field_values(data, kind, name)]


def _activity_columns(write: Write, catalog: Catalog, now: datetime, submission_id: int
                      ) -> Columns:
    """The file's activities as ACTIVITY's columns, each with its search text: the one the
    reading child made (Write.search_texts) when it did, else made here
    (import_rules.search_texts). Column by column rather than row by row: a field of a
    thousand records is one map in C, a row a tuple made in Python."""
    data = write.data
    texts: Sequence[str] = write.search_texts
    if len(texts) != record_count(data, ACTIVITIES):
        texts = search_texts(data, {code: (task.title_vi, task.title_en)
                                    for code, task in catalog.tasks.items()})
    codes = field_values(data, ACTIVITIES, "task_code")
    task_ids = {code: catalog.tasks[code].id for code in dict.fromkeys(codes)}
    columns: Columns = {
        "uuid": field_values(data, ACTIVITIES, "uuid"), "agency_id": Same(write.agency_id),
        "period_id": Same(write.period_id), "task_id": list(map(task_ids.__getitem__, codes)),
        "title": field_values(data, ACTIVITIES, "title"),
        "description": _or_empty(data, ACTIVITIES, "description"),
    }
    for name in ("type", "status", "start_date", "end_date", "women", "ethnic_minorities",
                 "disabilities", "children", "budget_vnd"):
        columns[name] = field_values(data, ACTIVITIES, name)
    for name in ("outputs", "challenges", "next_steps", "evidence"):
        columns[name] = _or_empty(data, ACTIVITIES, name)
    columns.update({
        "search_text": list(texts),
        "carried_from": field_values(data, ACTIVITIES, "carried_from"),
        "submission_id": Same(submission_id), "created_at": Same(now),
        "updated_at": Same(now)})
    return columns


def _indicator_columns(write: Write, catalog: Catalog, by_uuid: dict[str, int],
                       submission_id: int) -> Columns:
    """The file's indicators as INDICATOR's columns: an activity's, or else its task's."""
    tasks = catalog.tasks

    def field(name: str) -> list[Any]:
        return field_values(write.data, INDICATORS, name)

    parents = field("activity_uuid")
    return {
        "uuid": field("uuid"), "agency_id": Same(write.agency_id),
        "activity_id": [by_uuid[uuid] if uuid else None for uuid in parents],
        "task_id": [tasks[code].id if uuid is None and code else None
                    for uuid, code in zip(parents, field("task_code"), strict=True)],
        "name": field("name"), "unit": field("unit"), "baseline": field("baseline"),
        "target": field("target"), "due_date": field("due_date"),
        "submission_id": Same(submission_id),
    }


def _insert_with_ids(session: Session, table: Table, columns: Columns, count: int
                     ) -> list[int]:
    """Insert `count` rows of these columns (one executemany), each given a new id; those
    ids, in the rows' order.

    On SQLite the ids follow the table's largest: the import is the only writer in its
    transaction (RETURNING would have to insert row by row to keep the order, about twice
    as slow). On PostgreSQL they come from the table's sequence, as other analysts'
    imports may insert at the same time.
    """
    if not count:
        return []
    if session.get_bind().dialect.name == "postgresql":  # other importers run meanwhile
        ids = [int(i) for i in session.execute(sa_text(
            "SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": table.name, "n": count}).scalars()]
    else:
        start = _largest_id(session.connection(), table)
        ids = list(range(start + 1, start + 1 + count))
    _insert_columns(session, table, {"id": ids, **columns}, count)
    return ids


def _largest_id(connection: Any, table: Table) -> int:
    """The table's largest id, 0 when empty (the driver's own query: no statement to
    build)."""
    name = connection.dialect.identifier_preparer.quote(table.name)
    return int(connection.exec_driver_sql(f"SELECT coalesce(max(id), 0) FROM {name}")
               .scalar_one())


def _insert_many(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert many rows given as dicts with the same keys (one executemany)."""
    if not rows:
        return
    keys = list(rows[0])
    if set(map(len, rows)) != {len(keys)}:
        raise ValueError(f"rows for {table.name} with other columns")
    try:
        values = list(map(itemgetter(*keys), rows))
    except KeyError:
        raise ValueError(f"rows for {table.name} with other columns") from None
    if len(keys) == 1:  # itemgetter of one key gives the value itself
        values = [(value,) for value in values]
    _insert_rows(session, table, keys, values)


def _insert_rows(session: Session, table: Any, keys: Sequence[str],
                 rows: list[tuple[Any, ...]]) -> None:
    """Insert many rows, each a tuple of the columns `keys`, with one executemany."""
    if rows:
        _insert_columns(session, table, dict(zip(keys, map(list, zip(*rows, strict=True)),
                                                 strict=True)), len(rows))


def _insert_columns(session: Session, table: Any, columns: Columns, count: int) -> None:
    """Insert `count` rows given column by column (each a value a row, or Same), with one
    executemany.

    On SQLite the rows go to the driver as tuples, each value through its column type's
    own bind processor (what SQLAlchemy would send): the ORM's per-row parameter work
    costs more than SQLite's insert itself for a file's thousands of rows. Rows that
    leave out a column with a Python-side default, and other databases, take
    SQLAlchemy's way.
    """
    if not count:
        return
    keys = list(columns)
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite" or any(
            c.default is not None and c.name not in keys for c in table.c):
        plain = [repeat(v.value, count) if isinstance(v, Same) else v for v in columns.values()]
        session.execute(insert(table), [dict(zip(keys, row, strict=True))
                                        for row in zip(*plain, strict=True)])
        return
    quote = dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(k) for k in keys)}) "
           f"VALUES ({', '.join('?' for _ in keys)})")
    stored: list[Iterable[Any]] = []
    for key, values in columns.items():
        kind = table.c[key].type
        process = kind.dialect_impl(dialect).bind_processor(dialect)
        if isinstance(values, Same):
            stored.append(repeat(values.value if process is None else process(values.value),
                                 count))
        elif process is None:  # most columns
            stored.append(values)
        elif _stores_iso_dates(kind, dialect):
            stored.append(_iso_dates(values, process))
        else:  # a float's to_float (in C), a time's own type: one map, no loop here
            stored.append(map(process, values))
    connection.exec_driver_sql(sql, list(zip(*stored, strict=True)))


_SQLITE_DATE_FORMAT = "%(year)04d-%(month)02d-%(day)02d"  # SQLAlchemy's, for sqlite's DATE


def _stores_iso_dates(kind: Any, dialect: Any) -> bool:
    """Whether the column's type stores a date on SQLite as SQLAlchemy's default text,
    YYYY-MM-DD: what date.isoformat() gives, in C rather than a Python call a value."""
    impl = kind.dialect_impl(dialect)
    return (isinstance(kind, Date) and not isinstance(kind, TypeDecorator)
            and getattr(impl, "_storage_format", None) == _SQLITE_DATE_FORMAT)


def _iso_dates(column: Sequence[Any], process: Callable[[Any], Any]) -> list[Any]:
    """A date column's values as SQLite stores them (exactly process's): a plain date as
    its isoformat(), anything else (None, a datetime, a wrong type) through process.
    A column of plain dates and None (a file's thousands of dates are a few hundred days)
    has each day written once, the column mapped through them (dict look-ups in C)."""
    if _DATES_OR_NONE.issuperset(map(type, column)):
        stored = {day: None if day is None else day.isoformat() for day in set(column)}
        return list(map(stored.__getitem__, column))
    return [value.isoformat() if type(value) is date else process(value) for value in column]


_DATES_OR_NONE = frozenset({date, type(None)})


# --- the rows a new version replaces ------------------------------------------------------


def _keeps_rowid(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _link_table(session: Session) -> Any:
    """The link table as undo reads and writes it (with its rowid on SQLite)."""
    if not _keeps_rowid(session):
        return LINK
    return table_clause(LINK.name, column(_ROWID), *(column(c.name) for c in LINK.c))


def _scopes(submissions: list[int]) -> dict[str, ColumnElement[bool]]:
    """Which rows belong to these versions, table by table."""
    activities = sa_select(ACTIVITY.c.id).where(ACTIVITY.c.submission_id.in_(submissions))
    indicators = sa_select(INDICATOR.c.id).where(
        INDICATOR.c.submission_id.in_(submissions) | INDICATOR.c.activity_id.in_(activities))
    return {
        ACTIVITY.name: ACTIVITY.c.submission_id.in_(submissions),
        LINK.name: LINK.c.activity_id.in_(activities),
        INDICATOR.name: INDICATOR.c.id.in_(indicators),
        RESULT.name: RESULT.c.indicator_id.in_(indicators),
    }


def _remove(session: Session, submissions: Iterable[int]) -> dict[str, list[dict[str, Any]]]:
    """Delete the rows of these versions; every deleted row, to put back on undo."""
    ids = list(submissions)
    scopes = _scopes(ids)
    rowid = _keeps_rowid(session)
    removed: dict[str, list[dict[str, Any]]] = {}
    for table in _RESTORE_ORDER:
        columns = [*table.c] + ([column(_ROWID)] if table is LINK and rowid else [])
        rows = session.execute(sa_select(*columns).where(scopes[table.name])).mappings()
        removed[table.name] = [{key: _plain(value) for key, value in row.items()}
                               for row in rows]
    for table in reversed(_RESTORE_ORDER):
        session.execute(delete(table).where(scopes[table.name]))
    return removed


def _plain(value: Any) -> Any:
    """A column's value as JSON holds it (dates and times as ISO 8601)."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _timed(table: Table) -> dict[str, type]:
    """The table's date and datetime columns (JSON holds them as text)."""
    out: dict[str, type] = {}
    for c in table.c:
        kind = c.type.impl_instance if isinstance(c.type, TypeDecorator) else c.type
        if isinstance(kind, DateTime):
            out[c.name] = datetime
        elif isinstance(kind, Date):
            out[c.name] = date
    return out


def _typed(rows: list[dict[str, Any]], timed: dict[str, type]) -> list[dict[str, Any]]:
    """Rows from JSON with their dates and times as the column types want them."""
    for row in rows:
        for key, kind in timed.items():
            value = row.get(key)
            if value is not None:
                row[key] = (datetime.fromisoformat(value) if kind is datetime
                            else date.fromisoformat(value))
    return rows


# --- undo ------------------------------------------------------------------------------


def undo_changes(session: Session, batch_uuid: str) -> None:
    """Take the batch's files back out, the last first, from their ImportChange records."""
    changes = session.exec(select(ImportChange).where(
        col(ImportChange.batch_uuid) == batch_uuid).order_by(col(ImportChange.id).desc())).all()
    link = _link_table(session)
    for change in changes:
        created = [change.submission_id]
        scopes = _scopes(created)
        for table in reversed(_RESTORE_ORDER):
            session.execute(delete(table).where(scopes[table.name]))
        session.execute(delete(ImportChange).where(col(ImportChange.id) == change.id))
        session.execute(delete(SUBMISSION).where(SUBMISSION.c.id.in_(created)))
        removed: dict[str, list[dict[str, Any]]] = json.loads(change.removed or "{}")
        for table in _RESTORE_ORDER:
            rows = _typed(removed.get(table.name, []), _timed(table))
            _insert_many(session, link if table is LINK else table, rows)
        for saved in removed.get(PIN_KEY, []):
            _restore_pin(session, saved)
        session.flush()
        superseded = [int(i) for i in json.loads(change.superseded or "[]")]
        if superseded:
            session.execute(update(SUBMISSION).where(SUBMISSION.c.id.in_(superseded))
                            .values(superseded=False))
