"""Shared test setup: each test gets its own data folder; Qt runs offscreen.

Databases made by `init` once per session, copied for each test (`focal_where`: the
focal point's, on SQLite and on PostgreSQL; `focal_location`: where a new one goes, on
each engine). The PostgreSQL server is started once per session (tests/pg.py).
"""

from __future__ import annotations

import os
import shutil
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


@pytest.fixture(scope="session")
def _initialised_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One database per role made by `init` once; tests get copies (init costs ~0.25 s)."""
    from desktop_app.cli import main

    folder = tmp_path_factory.mktemp("templates")
    made = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAP_REPORTER_HOME", str(folder / "home"))
        patch.setenv("LANG", "en_US.UTF-8")
        for name, argv in (("agency", ["--agency", "VLG"]), ("focal-point", [])):
            db = folder / f"{name}.sqlite"
            assert main(["--db", str(db), "init", "--role", name, *argv]) == 0
            assert not any(p.name.startswith(db.name + "-") for p in folder.iterdir())
            made[name] = db
    return made


def copy_into(template: Path, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(template, target)
    return target


@pytest.fixture(params=pg.ENGINES)
def focal_where(request: pytest.FixtureRequest, _initialised_templates: dict[str, Path],
                tmp_path: Path) -> str:
    """A focal point's database after `init --role focal-point`, on each engine: a copy of
    the file, or a copy of a server database initialised once per session (its URL)."""
    if request.param == "sqlite":
        return str(copy_into(_initialised_templates["focal-point"], tmp_path, "focal.sqlite"))
    cluster = pg.cluster_or_skip()

    def make(url: str) -> None:
        from desktop_app.cli import main

        assert main(["--db", url, "init", "--role", "focal-point"]) == 0

    return cluster.fresh_database(template=cluster.template_of("focal-point", make))


@pytest.fixture(params=pg.ENGINES)
def focal_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a focal point's database goes, on each engine, with no database there yet:
    a file path on SQLite, the URL of an empty database on PostgreSQL (what --db takes)."""
    return pg.new_location(request.param, tmp_path)
