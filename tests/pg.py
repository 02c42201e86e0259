"""A throw-away PostgreSQL cluster for the tests and the benchmark.

initdb refuses to run as root, so when the tests run as root (here and on CI) the
cluster belongs to the `postgres` user, in a folder it owns; otherwise it belongs to
the current user. The server listens on 127.0.0.1 on a free port and on a socket in
the cluster's folder, trusts local connections (no password), and is stopped and
removed at the end; a watchdog stops and removes it too when the process that started
it ends any other way (a test worker killed, or dead of a signal, never runs its
end). Each test gets a fresh database of its own (`fresh_database`).

When the server cannot be started, `start_cluster` raises ClusterUnavailableError with the
reason; the fixtures skip with it, except with CI=true, where the run fails.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from desktop_app.core.storage.database import Database

PG_BIN_DIRS = ("/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin",
               "/usr/lib/postgresql/17/bin")
SERVER_USER = "postgres"  # the cluster's owner when the tests run as root


class ClusterUnavailableError(RuntimeError):
    """No PostgreSQL server could be started here; the message says why."""


def _binary(name: str) -> str:
    for folder in PG_BIN_DIRS:
        candidate = Path(folder) / name
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise ClusterUnavailableError(f"{name} not found (install the Debian package postgresql)")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    folder: Path
    port: int
    user: str  # the cluster's superuser role
    run_as: str | None  # the OS user the server runs as (None: the current one)
    _names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _templates: dict[str, str] = field(default_factory=dict)
    _watched: int | None = None  # this process's end of the watchdog's pipe

    def url(self, database: str = "postgres", role: str | None = None) -> str:
        return f"postgresql://{role or self.user}@127.0.0.1:{self.port}/{database}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        """Run one statement as the superuser, outside any transaction."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=self.user,
                             dbname=database, autocommit=True) as conn:
            conn.execute(statement)  # type: ignore[arg-type]

    def fresh_database(self, template: str | None = None) -> str:
        """A new database, empty or a copy of the database template; its URL."""
        name = f"t{os.getpid()}_{next(self._names)}"
        copy = f' TEMPLATE "{template}"' if template else ""
        self.sql(f'CREATE DATABASE "{name}"{copy}')
        return self.url(name)

    def require_password(self, role: str) -> None:
        """From now on role must give its password over TCP (every other role is trusted):
        a line ahead of the trusting ones in pg_hba.conf, and the server reloads it."""
        hba = self.folder / "data" / "pg_hba.conf"
        rule = f"host all {role} 127.0.0.1/32 scram-sha-256\n"
        hba.write_text(rule + hba.read_text(encoding="utf-8"), encoding="utf-8")
        self.sql("SELECT pg_reload_conf()")

    def template_of(self, key: str, make: Callable[[str], None]) -> str:
        """The name of a database made once per session by make(url), to be copied by
        fresh_database(template=...): a copy costs a file copy, not make's migrations."""
        if key not in self._templates:
            url = self.fresh_database()
            make(url)
            name = url.rsplit("/", 1)[1]
            self.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     f"WHERE datname = '{name}' AND pid <> pg_backend_pid()")
            self._templates[key] = name
        return self._templates[key]

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            _run(self.run_as, self._stop_command(), check=False)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _stop_command(self) -> list[str]:
        return [_binary("pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate", "-w",
                "stop"]

    def stop_with(self) -> None:
        """Start the watchdog: a process of its own that waits for this one to end (the
        end of a pipe only this process holds) and then stops and removes the cluster."""
        read, write = os.pipe()
        try:
            subprocess.Popen(
                [sys.executable, "-c", _WATCHDOG, str(read), str(self.folder),
                 *_as(self.run_as, self._stop_command())],
                pass_fds=(read,), start_new_session=True, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        finally:
            os.close(read)
        self._watched = write  # held open (never inherited: not inheritable) until the end


# Blocks until the pipe's other end closes (the starting process has ended), then stops
# the server and removes its folder; after a clean stop both find nothing left to do.
_WATCHDOG = (
    "import os, shutil, subprocess, sys\n"
    "os.read(int(sys.argv[1]), 1)\n"
    "subprocess.run(sys.argv[3:], capture_output=True, timeout=120)\n"
    "shutil.rmtree(sys.argv[2], ignore_errors=True)\n")


def _as(run_as: str | None, command: list[str]) -> list[str]:
    """The command as the OS user run_as runs it (None: as this process's user)."""
    if run_as is None:
        return command
    return ["su", run_as, "-s", "/bin/sh", "-c", " ".join(_quote(part) for part in command)]


def _run(run_as: str | None, command: list[str], check: bool = True
         ) -> subprocess.CompletedProcess[str]:
    command = _as(run_as, command)
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if check and done.returncode != 0:
        raise ClusterUnavailableError(f"{Path(command[0]).name} failed: "
                                 f"{(done.stderr or done.stdout).strip()[-400:]}")
    return done


def _quote(part: str) -> str:
    import shlex

    return shlex.quote(part)


def start_cluster() -> Cluster:
    """initdb and pg_ctl start a new cluster in a temporary folder; or ClusterUnavailableError."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    run_as: str | None = None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam(SERVER_USER)
        except KeyError as exc:
            raise ClusterUnavailableError(f"running as root and there is no {SERVER_USER} "
                                     "user to own the cluster") from exc
        run_as = SERVER_USER
    folder = Path(tempfile.mkdtemp(prefix="nap-pg-"))
    data = folder / "data"
    if run_as is not None:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        folder.chmod(0o700)
    user = run_as or pwd.getpwuid(os.geteuid()).pw_name
    try:
        _run(run_as, [initdb, "-D", str(data), "-U", user, "-A", "trust", "-E", "UTF8",
                      "--locale=C.UTF-8", "--no-sync"])
        port = _free_port()
        # autovacuum off: its ANALYZE of the databases earlier tests filled takes
        # transaction ids, and the window's change token is the server's next one
        # (storage/server.py change_token: "a refresh too many, never one too few"), so a
        # test asking that nothing changed failed when an analyze ran just then (seen
        # once in a full CI run, test_shared_database_window.py).
        options = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60 "
                   "-c autovacuum=off")
        _run(run_as, [pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"),
                      "-w", "-t", "60", "start"])
    except (ClusterUnavailableError, OSError, subprocess.SubprocessError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise ClusterUnavailableError(str(exc)) from exc
    cluster = Cluster(folder, port, user, run_as)
    cluster.stop_with()
    return cluster


# --- the session's cluster ----------------------------------------------------------------

ENGINES = ("sqlite", "postgresql")
_session: dict[str, object] = {}


def cluster_or_skip() -> Cluster:
    """The session's cluster, started at first use; without one the test skips with the
    reason, or fails when CI=true (CI must run these tests)."""
    import pytest

    if "cluster" not in _session and "reason" not in _session:
        try:
            _session["cluster"] = start_cluster()
        except ClusterUnavailableError as error:
            _session["reason"] = str(error)
    cluster = _session.get("cluster")
    if isinstance(cluster, Cluster):
        return cluster
    reason = f"no PostgreSQL server could be started: {_session['reason']}"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def stop_session_cluster() -> None:
    cluster = _session.pop("cluster", None)
    if isinstance(cluster, Cluster):
        cluster.stop()


def new_location(engine: str, folder: Path) -> str:
    """Where a new database goes on engine: a file in folder, or a new server database."""
    if engine == "sqlite":
        return str(folder / "focal.sqlite")
    return cluster_or_skip().fresh_database()


def open_location(location: str | Path, create: bool = True) -> Database:
    """Database.open on either engine's location, as --db would name it."""
    from desktop_app.core.storage.database import Database
    from desktop_app.core.storage.location import ServerLocation, is_server_url

    where: Path | ServerLocation = (ServerLocation(str(location))
                                    if is_server_url(str(location)) else Path(location))
    return Database.open(where, create=create)


def is_server(location: str | Path) -> bool:
    return str(location).startswith("postgresql")


def _engine(location: str | Path) -> Engine:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    url = (f"sqlite:///{location}" if not is_server(location)
           else "postgresql+psycopg://" + str(location).split("://", 1)[1])
    return create_engine(url, poolclass=NullPool)


def rows(location: str | Path, sql: str, **params: object) -> list[tuple[object, ...]]:
    """The rows of one query on either engine, read through SQLAlchemy."""
    from sqlalchemy import text

    engine = _engine(location)
    try:
        with engine.connect() as connection:
            return [tuple(r) for r in connection.execute(text(sql), params)]
    finally:
        engine.dispose()


def execute(location: str | Path, *statements: str, **params: object) -> None:
    """Run statements (each with params) in one transaction on either engine: a test's
    own change, made behind the program's back, as an earlier version or a tool would."""
    from sqlalchemy import text

    engine = _engine(location)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement), params)
    finally:
        engine.dispose()


def tables(location: str | Path) -> list[str]:
    """The names of the tables of the database, sorted."""
    from sqlalchemy import inspect

    engine = _engine(location)
    try:
        return sorted(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def dump(location: str | Path, skip: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Every row of every table but skip's, as sorted text: equal dumps, equal data."""
    from sqlalchemy import inspect, text

    engine = _engine(location)
    try:
        with engine.connect() as connection:
            names = sorted(inspect(connection).get_table_names())
            return {name: sorted(repr(tuple(r)) for r in connection.execute(
                        text(f'SELECT * FROM "{name}"')))  # noqa: S608
                    for name in names if name not in skip}
    finally:
        engine.dispose()
