"""The export's register write as SQL text on a plain sqlite3 connection (issue 11).

``submissions._register`` records a planned version through the ORM; ``register_on``
writes the very same rows on the connection of ``storage/quick_sqlite.QuickFile``, for
an agency's file at the program's schema, so that an export imports neither SQLAlchemy
nor the models: the check that nobody registered another version meanwhile, the
installation's key when a database made before signatures has none yet (with its
``key.created`` event), the new version's row or the unchanged version signed again,
and the ``submission.exported`` event. Values are stored as SQLAlchemy stores them on
SQLite (datetimes as ``YYYY-MM-DD HH:MM:SS.ffffff`` text, booleans as 0 and 1); a test
holds both ways to identical rows (tests/core/test_quick_export.py).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from desktop_app.core.exchange.signing import KeyPair, encode, stored_key_pair
from desktop_app.core.paths import operating_user
from desktop_app.core.problems import RefusedError
from desktop_app.core.services.submissions import (
    AGENCY,
    OWN_KEY,
    ROLE,
    Plan,
    exported_detail,
    last_version_by,
    names_file,
    new_uuid,
    results_of,
    utc_now,
)
from desktop_app.core.storage.sql_text import sqlite_execute

INSTALLATION = "installation_uuid"  # as storage/settings.py names it


def stored_moment(moment: datetime) -> str:
    """A datetime as SQLAlchemy's DateTime keeps it on SQLite (naive UTC text)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def _setting(connection: sqlite3.Connection, key: str) -> str | None:
    row = connection.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _audit(connection: sqlite3.Connection, action: str, entity: str,
           entity_uuid: str | None, *, key: str = "",
           changes: Sequence[Sequence[Any]] = (), **detail: Any) -> None:
    """services/audit.record's row: who (the operating-system user, no database role on
    SQLite, the installation as it is now) and what."""
    connection.execute(
        "INSERT INTO auditevent (uuid, at, action, entity, entity_uuid, detail, actor,"
        " database_role, role, agency_code, installation, entity_key, changes)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)",
        (new_uuid(), stored_moment(utc_now()), action, entity, entity_uuid,
         json.dumps(detail, ensure_ascii=False, default=str), operating_user(),
         _setting(connection, ROLE) or "", _setting(connection, AGENCY),
         _setting(connection, INSTALLATION) or "", key[:500],
         json.dumps([list(c) for c in changes], ensure_ascii=False) if changes else ""))


def _keep_own_key(connection: sqlite3.Connection, key: KeyPair) -> None:
    """keys.keep_own_key: store key unless it is stored already; refuse another one."""
    stored = stored_key_pair(_setting(connection, OWN_KEY))
    if stored is None:
        connection.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                           (OWN_KEY, encode(key.private_raw)))
        _audit(connection, "key.created", "key", None, fingerprint=key.fingerprint,
               changes=[("fingerprint", None, key.fingerprint)])
    elif stored.public_raw != key.public_raw:
        raise RefusedError.of("key.changed_meanwhile")


def register_on(connection: sqlite3.Connection, plan: Plan, file_name: str) -> None:
    """Record the planned version in the caller's write transaction (BEGIN IMMEDIATE),
    unless the register moved on since the plan was made."""
    meta, facts = plan.prepared.meta, plan.facts
    last = last_version_by(sqlite_execute(connection), facts.agency_id, facts.period_id)
    if (last.uuid if last else None) != plan.last_uuid:
        raise RefusedError.of("submission.changed_meanwhile", period=meta.period)
    _keep_own_key(connection, plan.key)
    if plan.prepared.new_version:
        connection.execute(
            "INSERT INTO submission (uuid, agency_id, period_id, version, content_hash,"
            " data_hash, created_at, received_at, activities, indicators, results,"
            " from_template, edited, superseded, file_name, signed, key_fingerprint,"
            " file_version) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, 0, 0, 0, ?, 1, ?,"
            " NULL)",
            (meta.submission_uuid, facts.agency_id, facts.period_id, meta.version,
             meta.content_hash, plan.data_hash, stored_moment(meta.created_at),
             meta.activities, meta.indicators, results_of(plan), file_name,
             plan.key.fingerprint))
    else:
        assert last is not None
        name = file_name if names_file(last.file_name, file_name) else last.file_name
        connection.execute(
            "UPDATE submission SET signed = 1, key_fingerprint = ?, file_name = ?"
            " WHERE id = ?", (plan.key.fingerprint, name, last.id))
    _audit(connection, "submission.exported", "submission", meta.submission_uuid,
           **exported_detail(plan, file_name))
