"""Shared test setup: each test gets its own data folder; Qt runs offscreen.

The focal point's tests that run on both engines take `focal_location` (or build on
tests/pg.py's `new_location`); the PostgreSQL server is started once per session.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import pg

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _own_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "nap-home"
    monkeypatch.setenv("NAP_REPORTER_HOME", str(home))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    return home


# --- PostgreSQL: a throw-away cluster for the session, a fresh database per test ----------


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    pg.stop_session_cluster()


@pytest.fixture
def pg_cluster() -> pg.Cluster:
    """The session's cluster (skips without a server; with CI=true, fails instead)."""
    return pg.cluster_or_skip()


@pytest.fixture
def pg_url(pg_cluster: pg.Cluster) -> str:
    """The URL of a new, empty PostgreSQL database of this test's own."""
    return pg_cluster.fresh_database()


@pytest.fixture(params=pg.ENGINES)
def focal_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a focal point's database goes, on each engine, with no database there yet:
    a file path on SQLite, the URL of an empty database on PostgreSQL (what --db takes)."""
    return pg.new_location(request.param, tmp_path)
