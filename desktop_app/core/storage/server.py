"""A focal point's database on a PostgreSQL server: its location, engine and failures.

`--db postgresql://user@host[:port]/dbname` names it. The program never stores a
password: libpq reads the standard password file (~/.pgpass, or PGPASSFILE) itself,
and the window may ask for one and hand it over for this session only (`password`).

Units of work are READ COMMITTED transactions; what must not interleave takes an
explicit lock (`serialise`, a transaction-scoped advisory lock, released at commit).
What a failure means for the person: a server that cannot be reached is exit 4 (as a
busy SQLite file); a role that may not write is exit 3.
"""

from __future__ import annotations

import getpass
import hashlib

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

from desktop_app.core.problems import NapError, Problem, RefusedError
from desktop_app.core.storage.location import ServerLocation

CONNECT_TIMEOUT_S = 10
INSUFFICIENT_PRIVILEGE = "42501"
READ_ONLY_TRANSACTION = "25006"
_CONNECTION_CLASSES = ("08",)  # SQLSTATE class 08: connection exceptions


class UnreachableError(NapError):
    """The server could not be reached or refused the connection; nothing was written."""

    exit_code = 4


def make_server_engine(location: ServerLocation) -> Engine:
    """An engine on the server; every transaction READ COMMITTED, short connect timeout."""
    return create_engine(location.sqlalchemy_url(), isolation_level="READ COMMITTED",
                         pool_pre_ping=True,
                         connect_args={"connect_timeout": CONNECT_TIMEOUT_S,
                                       "application_name": "nap-reporter"})


def sqlstate_of(error: BaseException) -> str | None:
    """The SQLSTATE behind error (psycopg's, possibly wrapped by SQLAlchemy), if any."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        orig = current.orig if isinstance(current, DBAPIError) else current
        state = getattr(orig, "sqlstate", None)
        if isinstance(state, str):
            return state
        if type(orig).__module__.startswith("psycopg") and type(orig).__name__ == (
                "OperationalError"):
            return "08000"
        current = current.__cause__ or current.__context__
    return None


def needs_password(error: BaseException) -> bool:
    """libpq could not connect because it has no password for this role."""
    return "no password supplied" in str(error) or "password authentication failed" in str(
        error)


def server_failure(error: BaseException, location: ServerLocation) -> NapError | None:
    """The problem to show for a PostgreSQL failure, or None (a bug, for the log)."""
    if isinstance(error, NapError):
        return error
    state = sqlstate_of(error)
    if state is None:
        return None
    if state in (INSUFFICIENT_PRIVILEGE, READ_ONLY_TRANSACTION):
        return RefusedError(Problem("db.read_only", {"db": location.shown}))
    if state[:2] in _CONNECTION_CLASSES or state in ("28P01", "28000", "3D000", "57P03"):
        detail = _first_line(error)
        if needs_password(error):
            return UnreachableError(Problem("db.password_needed", {"db": location.shown}))
        return UnreachableError(Problem("db.unreachable", {"db": location.shown,
                                                          "detail": detail}))
    return None


def _first_line(error: BaseException) -> str:
    orig = error.orig if isinstance(error, DBAPIError) else error
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return lines[-1].rstrip(".?! ") if lines else type(orig).__name__  # the message ends it


def serialise(connection: Connection, *key: object) -> None:
    """Wait for, then hold until the transaction ends, the lock named by key.

    Two units of work with the same key run one after the other, whichever machine they
    run on; on SQLite a unit of work already holds the whole file's write lock.
    """
    if connection.dialect.name != "postgresql":
        return
    digest = hashlib.sha256(repr(key).encode("utf-8")).digest()
    number = int.from_bytes(digest[:8], "big", signed=True)
    connection.execute(text("SELECT pg_advisory_xact_lock(:n)"), {"n": number})


def may_write(connection: Connection) -> bool:
    """Whether the role connected may change the program's data."""
    row = connection.execute(text(
        "SELECT has_table_privilege(current_user, 'setting', 'INSERT,UPDATE,DELETE') "
        "AND current_setting('transaction_read_only') = 'off'")).scalar_one()
    return bool(row)


def role_name(connection: Connection) -> str:
    return str(connection.execute(text("SELECT current_user")).scalar_one())


def change_token(connection: Connection) -> str:
    """Something that changes whenever any transaction on the server writes.

    The next transaction id the server will hand out: a transaction gets one with its
    first write, so the number moves with every change (and sometimes for another
    database on the same server: a refresh too many, never one too few). Cheap, with no
    table of its own.
    """
    return str(connection.execute(text(
        "SELECT pg_snapshot_xmax(pg_current_snapshot())")).scalar_one())


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a service account without one)
        return ""
