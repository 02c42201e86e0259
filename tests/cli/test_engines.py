"""The focal point's commands give the same outcomes on SQLite and on PostgreSQL.

Each test runs once per engine (`focal_location`: a new file, or a new empty database
on the session's throw-away server): init, status, keys, import and undo, demo,
assess, report and catalog. The refusals a server adds (out of reach, a read-only
role, backups by pg_dump) come after; last, two importers and three assessors run at
once as processes against one PostgreSQL database.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import ImportOutcome, Role
from desktop_app.core.progress import drive
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.services.submissions import export_xlsx
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.migrate import head_revision
from tests import pg
from tests.cli.conftest import CliRunner

YEAR = 2025


@dataclass(frozen=True)
class Files:
    vlg: list[Path]  # v1 and v2 of one agency
    tha: Path


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Files]:
    folder = tmp_path_factory.mktemp("engine-files")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAP_REPORTER_HOME", str(folder / "home"))
        made: dict[str, list[Path]] = {}
        for code, counts in (("VLG", (8, 5)), ("THA", (6,))):  # demo adds: v2 has 13
            db = Database.open(folder / f"{code}.sqlite")
            initialise(db, Role.AGENCY, code)
            for version, count in enumerate(counts, start=1):
                drive(fill_demo(db, activities=count, seed=version, period=YEAR))
                path = folder / f"{code}_{YEAR}_v{version}.xlsx"
                drive(export_xlsx(db, YEAR, path))
                made.setdefault(code, []).append(path)
            db.close()
        yield Files(made["VLG"], made["THA"][0])


def _status(cli: CliRunner, where: str) -> dict[str, object]:
    run = cli("--db", where, "status", "--json")
    assert run.code == 0, run.err
    facts = json.loads(run.out)
    assert isinstance(facts, dict)
    return facts


def _init(cli: CliRunner, where: str) -> None:
    run = cli("--lang", "en", "--db", where, "init", "--role", "focal-point")
    assert run.code == 0, run.err


def test_init_status_and_keys(cli: CliRunner, focal_location: str) -> None:
    assert cli("--db", focal_location, "status").code == 2  # nothing there yet: run init
    _init(cli, focal_location)
    facts = _status(cli, focal_location)
    assert facts["role"] == "focal-point" and facts["activities"] == 0
    assert facts["schema"] == head_revision()
    assert facts["database"] == focal_location
    keys = cli("--lang", "en", "--db", focal_location, "keys", "list")
    assert keys.code == 0 and "No agency key is pinned yet" in keys.out
    again = cli("--db", focal_location, "init", "--role", "focal-point")
    assert again.code == 0 and _status(cli, focal_location)["role"] == "focal-point"


def test_import_then_undo_the_last_batch(cli: CliRunner, focal_location: str,
                                         files: Files) -> None:
    _init(cli, focal_location)
    first = cli("--db", focal_location, "import", files.vlg[0], files.tha)
    assert first.code == 0, first.err
    assert _status(cli, focal_location)["activities"] == 8 + 6
    second = cli("--db", focal_location, "import", files.vlg[1])
    assert second.code == 0, second.err
    assert _status(cli, focal_location)["activities"] == 13 + 6
    assert pg.rows(focal_location, "SELECT version, superseded FROM submission s JOIN agency "
                   "a ON a.id = s.agency_id WHERE a.code = 'VLG' ORDER BY version") == [
        (1, True), (2, False)]
    listing = cli("--lang", "en", "--db", focal_location, "keys", "list")
    assert "VLG" in listing.out and "THA" in listing.out
    duplicate = cli("--db", focal_location, "import", files.vlg[1])
    assert duplicate.code == 0 and "duplicate" in duplicate.out
    assert _status(cli, focal_location)["imports"] == 2
    undo = cli("--lang", "en", "--db", focal_location, "import", "--undo")
    assert undo.code == 0, undo.err
    assert _status(cli, focal_location)["activities"] == 8 + 6
    assert pg.rows(focal_location, "SELECT count(*) FROM submission WHERE superseded = false"
                   ) == [(2,)]
    # new ids after the undo do not collide with the ones it put back
    assert cli("--db", focal_location, "import", files.vlg[1]).code == 0
    assert _status(cli, focal_location)["activities"] == 13 + 6


def test_demo_assess_report_and_catalog(cli: CliRunner, focal_location: str,
                                        tmp_path: Path) -> None:
    _init(cli, focal_location)
    demo = cli("--db", focal_location, "demo", "--activities", "60", "--period", str(YEAR))
    assert demo.code == 0, demo.err
    assert _status(cli, focal_location)["activities"] == 60
    (rec,) = pg.rows(focal_location, "SELECT code FROM recommendation WHERE follow_up "
                     "ORDER BY code LIMIT 1")[0]
    for level in ("partially", "fully"):  # the later judgment replaces the earlier one
        run = cli("--db", focal_location, "assess", rec,
                  "--implementation", level, "--period", str(YEAR))
        assert run.code == 0, run.err
    assert pg.rows(focal_location, "SELECT implementation FROM assessment") == [("fully",)]
    for kind in ("xlsx", "pdf"):
        out = tmp_path / f"national.{kind}"
        run = cli("--lang", "en", "--db", focal_location, "report", kind, "--period",
                  str(YEAR), "-o", out)
        assert run.code == 0, run.err
        assert out.stat().st_size > 1000 and "1 assessed" in run.out
    catalog = tmp_path / "catalog.json"
    assert cli("--db", focal_location, "catalog", "export", "-o", catalog).code == 0
    same = cli("--lang", "en", "--db", focal_location, "catalog", "import", catalog)
    assert same.code == 0 and "is not newer" in same.out


def test_the_change_token_moves_when_another_program_writes(
        cli: CliRunner, focal_location: str) -> None:
    _init(cli, focal_location)
    db = pg.open_location(focal_location)
    try:
        assert db.user_name()  # the role on a server, the OS user on a file
        before = db.change_token()
        assert db.change_token() == before  # reading changes nothing
        (rec,) = pg.rows(focal_location, "SELECT code FROM recommendation ORDER BY code "
                         "LIMIT 1")[0]
        assert cli("--db", focal_location, "assess", rec,
                   "--implementation", "fully").code == 0
        assert db.change_token() != before
    finally:
        db.close()


def test_a_database_of_a_newer_version_is_refused_untouched(
        cli: CliRunner, focal_location: str) -> None:
    _init(cli, focal_location)
    db = pg.open_location(focal_location)
    with db.unit_of_work() as session:
        from sqlalchemy import text

        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    db.close()
    run = cli("--lang", "en", "--db", focal_location, "status")
    assert run.code == 3 and "9999" in run.err
    assert pg.rows(focal_location, "SELECT version_num FROM alembic_version") == [("9999",)]


def test_the_schema_is_the_same_on_both_engines(tmp_path: Path, pg_url: str) -> None:
    from sqlalchemy import inspect

    shapes = []
    for where in (str(tmp_path / "a.sqlite"), pg_url):
        db = pg.open_location(where)
        inspector = inspect(db.engine)
        shapes.append({t: sorted(c["name"] for c in inspector.get_columns(t))
                       for t in inspector.get_table_names()})
        db.close()
    assert shapes[0] == shapes[1] and len(shapes[0]) > 15


# --- what a server adds ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_server_out_of_reach_is_exit_4(cli: CliRunner, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    monkeypatch.chdir(tmp_path)
    url = "postgresql://analyst@127.0.0.1:1/nap"  # nothing listens on port 1
    run = cli("--lang", lang, "--db", url, "status")
    assert run.code == 4, run.err
    vi, en = "Không kết nối được tới máy chủ", "Cannot connect to the database server"
    assert run.err.index(vi if lang == "vi" else en) < run.err.index(en if lang == "vi"
                                                                     else vi)
    assert url in run.err
    assert list(tmp_path.iterdir()) == []  # no folder named "postgresql:"


@pytest.mark.parametrize("command", [["backup", "-o", "x.sqlite"], ["restore", "x.sqlite"]])
def test_backup_and_restore_of_a_server_are_pg_dumps(cli: CliRunner, command: list[str],
                                                     tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("--lang", "en", "--db", "postgresql://u@127.0.0.1:1/x", *command)
    assert run.code == 2 and "pg_dump" in run.err and "pg_restore" in run.err
    assert list(tmp_path.iterdir()) == []


def test_agency_commands_take_a_file_only(cli: CliRunner) -> None:
    run = cli("--lang", "en", "--db", "postgresql://u@127.0.0.1:1/x", "export", "xlsx",
              "--period", "2025", "-o", "x.xlsx")
    assert run.code == 2 and "takes an agency's database file" in run.err


def test_a_read_only_role_reads_and_its_writes_are_exit_3(
        cli: CliRunner, pg_cluster: pg.Cluster, pg_url: str) -> None:
    _init(cli, pg_url)
    name = pg_url.rsplit("/", 1)[1]
    viewer = f"viewer_{name}"
    pg_cluster.sql(f"CREATE ROLE {viewer} LOGIN")
    pg_cluster.sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {viewer}", name)
    url = pg_cluster.url(name, role=viewer)
    db = pg.open_location(url, create=False)
    assert db.read_only and db.user_name() == viewer
    db.close()
    assert _status(cli, url)["role"] == "focal-point"
    (rec,) = pg.rows(pg_url, "SELECT code FROM recommendation ORDER BY code LIMIT 1")[0]
    run = cli("--lang", "en", "--db", url, "assess", rec,
              "--implementation", "fully")
    assert run.code == 3, run.err
    assert "may only read: nothing was written" in run.err
    assert pg.rows(pg_url, "SELECT count(*) FROM assessment") == [(0,)]


# --- several analysts at once (processes, PostgreSQL) -----------------------------------

RUN = "import sys; from desktop_app.cli import main; sys.exit(main(sys.argv[1:]))"
ROOT = Path(__file__).resolve().parents[2]


def _start(url: str, *argv: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", RUN, "--lang", "en", "--db", url,
                             *map(str, argv)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def test_two_importers_and_three_assessors_at_once(cli: CliRunner, pg_url: str,
                                                 files: Files) -> None:
    assert cli("--db", pg_url, "init", "--role", "focal-point").code == 0
    (rec,) = pg.rows(pg_url, "SELECT code FROM recommendation WHERE follow_up "
                     "ORDER BY code LIMIT 1")[0]
    batch = [files.vlg[0], files.tha, files.vlg[1]]
    importers = [_start(pg_url, "import", *batch) for _ in range(2)]
    assessors = [_start(pg_url, "assess", rec, "--implementation", level,
                        "--period", YEAR) for level in ("not", "partially", "fully")]
    for process in importers + assessors:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, (out, err)
    assert pg.rows(pg_url, "SELECT a.code, s.version, s.superseded FROM submission s "
                   "JOIN agency a ON a.id = s.agency_id ORDER BY a.code, s.version") == [
        ("THA", 1, False), ("VLG", 1, True), ("VLG", 2, False)]
    assert pg.rows(pg_url, "SELECT count(*) FROM activity") == [(13 + 6,)]
    outcomes = dict(pg.rows(pg_url, "SELECT outcome, count(*) FROM importrecord "
                            "GROUP BY outcome"))
    changed = {o.value for o in ImportOutcome if o.changed_data}
    assert sum(n for o, n in outcomes.items() if o in changed) == 3, outcomes  # once each
    assert sum(outcomes.values()) == 6, outcomes  # and every file of both batches logged
    grades = pg.rows(pg_url, "SELECT implementation FROM assessment")
    assert len(grades) == 1  # never two rows for one recommendation and period
    trail = pg.rows(pg_url, "SELECT action FROM auditevent WHERE action LIKE 'assessment.%' "
                    "ORDER BY id")
    assert [a for (a,) in trail] == ["assessment.recorded"] + ["assessment.replaced"] * 2
    last = pg.rows(pg_url, "SELECT detail FROM auditevent WHERE action LIKE 'assessment.%' "
                   "ORDER BY id DESC LIMIT 1")[0][0]
    assert (f'"implementation": "{grades[0][0]}"' in str(last)
            or f'"implementation":"{grades[0][0]}"' in str(last))


# --- migrate-to ---------------------------------------------------------------------------


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrate_to_copies_every_table_and_leaves_the_file_alone(
        cli: CliRunner, tmp_path: Path, pg_url: str, files: Files) -> None:
    source = str(tmp_path / "focal.sqlite")
    _init(cli, source)
    assert cli("--db", source, "demo", "--activities", "40", "--period", str(YEAR)).code == 0
    assert cli("--db", source, "import", files.vlg[0], files.tha).code == 0
    (rec,) = pg.rows(source, "SELECT code FROM recommendation ORDER BY code LIMIT 1")[0]
    assert cli("--db", source, "assess", rec, "--implementation",
               "partially").code == 0
    before_last = _status(cli, source)["activities"]
    assert cli("--db", source, "import", files.vlg[1]).code == 0  # undoable on the server
    before = _digest(Path(source))
    expected = _status(cli, source)
    run = cli("--lang", "en", "--db", source, "migrate-to", pg_url)
    assert run.code == 0, run.err
    assert "the counts of every table match" in run.out and "is unchanged" in run.out
    assert _digest(Path(source)) == before
    tables = [t for (t,) in pg.rows(source, "SELECT name FROM sqlite_master WHERE type = "
                                    "'table' AND name NOT LIKE 'sqlite_%'")]
    assert len(tables) > 15
    for table in tables:
        count = f'SELECT count(*) FROM "{table}"'
        assert pg.rows(pg_url, count) == pg.rows(source, count), table
        assert f"  {table}: " in run.out or table == "alembic_version"
    facts = _status(cli, pg_url)
    assert {k: v for k, v in facts.items() if k != "database"} == {
        k: v for k, v in expected.items() if k != "database"}
    # the sequences go on past the copied ids, and undo works from the copied records
    undo = cli("--db", pg_url, "import", "--undo")
    assert undo.code == 0, undo.err
    assert _status(cli, pg_url)["activities"] == before_last
    assert cli("--db", pg_url, "import", files.vlg[1]).code == 0
    assert cli("--db", pg_url, "assess", rec, "--implementation",
               "fully").code == 0
    assert _digest(Path(source)) == before


def test_migrate_to_refuses_a_target_that_is_not_empty_or_an_agency(
        cli: CliRunner, tmp_path: Path, pg_cluster: pg.Cluster, pg_url: str) -> None:
    source = str(tmp_path / "focal.sqlite")
    _init(cli, source)
    _init(cli, pg_url)
    run = cli("--lang", "en", "--db", source, "migrate-to", pg_url)
    assert run.code == 3 and "is not empty" in run.err
    agency = str(tmp_path / "agency.sqlite")
    assert cli("--db", agency, "init", "--role", "agency", "--agency", "VLG").code == 0
    empty = pg_cluster.fresh_database()
    run = cli("--lang", "en", "--db", agency, "migrate-to", empty)
    assert run.code == 3 and "is an agency's" in run.err
    assert pg.rows(empty, "SELECT count(*) FROM information_schema.tables WHERE "
                   "table_schema = 'public'") == [(0,)]
    assert cli("--db", pg_url, "migrate-to", empty).code == 2
    assert cli("--db", source, "migrate-to", "mysql://u@h/x").code == 2
