"""Opening databases: new, older (migrated with a backup), newer or foreign (refused)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.domain.text import fold
from desktop_app.core.paths import backups_dir
from desktop_app.core.problems import RefusedError
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.migrate import head_revision, open_database


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def _pragma(db: Database, name: str) -> object:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


def test_new_database_is_at_head_with_wal_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    db = Database.open(tmp_path / "new.sqlite")
    try:
        assert _revision(db.path) == head_revision()
        assert _pragma(db, "journal_mode") == "wal"
        assert _pragma(db, "foreign_keys") == 1
        assert int(_pragma(db, "busy_timeout")) >= 1000  # type: ignore[call-overload]
        assert db.migrated_from is None
    finally:
        db.close()


def _initial_schema_with_data(path: Path) -> None:
    opened = open_database(path, target="0001")
    opened.engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.executescript(
            """
            INSERT INTO plan (id, uuid, code, decision, title_vi, title_en, verified, retired)
              VALUES (1, 'p-1', 'P', '1252/QĐ-TTg', 'Kế hoạch', 'Plan', 1, 0);
            INSERT INTO task (id, uuid, code, plan_id, number, title_vi, title_en,
                              responsible_kinds, expected_outcome_vi, expected_outcome_en,
                              verified, illustrative, retired)
              VALUES (1, 't-1', 'T01', 1, 1, 'Rà soát pháp luật', 'Review laws', '', '', '',
                      0, 1, 0);
            INSERT INTO source (id, uuid, code, kind, title_vi, title_en, verified, retired)
              VALUES (1, 's-1', 'CO3', 'treaty_body', 'Khuyến nghị', 'Observations', 1, 0);
            INSERT INTO recommendation (id, uuid, code, source_id, follow_up, sdg_targets,
                                        text_vi, text_en, verified, illustrative, retired)
              VALUES (1, 'r-1', 'CO3-DEATHPEN', 1, 1, '', 'Tử hình', 'Death penalty', 0, 0, 0);
            INSERT INTO agency (id, uuid, code, kind, name_vi, name_en, aliases, active,
                                focal_point, verified, retired)
              VALUES (1, 'a-1', 'VLG', 'province', 'Vĩnh Long', 'Vinh Long', '', 1, 0, 1, 0);
            INSERT INTO period (id, year, verified) VALUES (1, 2025, 0);
            INSERT INTO activity (id, uuid, agency_id, period_id, task_id, title, description,
                                  type, status, outputs, challenges, next_steps, evidence,
                                  created_at, updated_at)
              VALUES (1, 'act-1', 1, 1, 1, 'Tập huấn Ủy ban nhân dân xã', 'Mô tả', 'training',
                      'completed', '', '', '', '', '2025-01-01 00:00:00', '2025-01-01 00:00:00');
            INSERT INTO activityrecommendation (activity_id, recommendation_id) VALUES (1, 1);
            INSERT INTO indicator (id, uuid, agency_id, activity_id, name, unit, target)
              VALUES (1, 'ind-1', 1, 1, 'Số người', 'người', 100);
            INSERT INTO result (id, uuid, indicator_id, period_id, value, note)
              VALUES (1, 'res-1', 1, 1, 80, '');
            """
        )


def test_initial_schema_is_migrated_with_its_data_kept_and_a_backup_first(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite"
    _initial_schema_with_data(path)
    assert _revision(path) == "0001"

    db = Database.open(path)
    try:
        assert db.migrated_from == "0001"
        assert db.migration_backup is not None and db.migration_backup.exists()
        assert db.migration_backup.parent == backups_dir()
    finally:
        db.close()
    assert _revision(path) == head_revision()
    with sqlite3.connect(path) as conn:
        title, search = conn.execute("SELECT title, search_text FROM activity").fetchone()
        assert title == "Tập huấn Ủy ban nhân dân xã"
        # the new column was filled for the existing row: title, task and recommendation
        assert fold("uy ban") in search and "t01" in search and "co3-deathpen" in search
        assert conn.execute("SELECT value FROM result").fetchone()[0] == 80
        assert conn.execute("SELECT count(*) FROM activityrecommendation").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM indicator").fetchone()[0] == 1
    # the backup is the database as it was before migrating
    with sqlite3.connect(db.migration_backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert conn.execute("SELECT title FROM activity").fetchone()[0] == title


def _snapshot(path: Path) -> tuple[bytes, list[str]]:
    return path.read_bytes(), sorted(p.name for p in path.parent.iterdir())


def test_database_from_a_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    Database.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
        conn.execute("PRAGMA journal_mode = DELETE")
    before = _snapshot(path)
    with pytest.raises(RefusedError) as caught:
        Database.open(path)
    assert caught.value.problems[0].code == "db.too_new"
    assert caught.value.problems[0].params["revision"] == "9999_future"
    assert _snapshot(path) == before


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"this is a text file, not a database\n" * 20, "db.not_a_database"),
        (None, "db.foreign"),
    ],
)
def test_files_that_are_not_our_database_are_refused_untouched(
    tmp_path: Path, content: bytes | None, code: str
) -> None:
    path = tmp_path / "other.sqlite"
    if content is None:
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    else:
        path.write_bytes(content)
    before = _snapshot(path)
    with pytest.raises(RefusedError) as caught:
        Database.open(path)
    assert caught.value.problems[0].code == code
    assert _snapshot(path) == before


def test_a_unit_of_work_is_all_or_nothing(tmp_path: Path) -> None:
    from desktop_app.core.domain.models import Setting

    db = Database.open(tmp_path / "tx.sqlite")
    try:
        with pytest.raises(RuntimeError), db.unit_of_work() as session:
            session.add(Setting(key="a", value="1"))
            session.flush()
            raise RuntimeError("power cut")
        with db.reading() as session:
            assert session.get(Setting, "a") is None
    finally:
        db.close()


def test_an_import_log_from_before_0004_keeps_its_words_and_gains_room_for_codes(
    tmp_path: Path,
) -> None:
    from desktop_app.core.services.imports import import_log

    path = tmp_path / "focal-0003.sqlite"
    open_database(path, target="0003").engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO importrecord (uuid, batch_uuid, file_name, file_sha256, imported_at, "
            "outcome, message, undone) VALUES ('r-1', 'b-1', 'HNI_2025_v1.xlsx', 'ab', "
            "'2025-12-01 08:00:00.000000', 'refused', 'Tệp hỏng / The file is damaged', 0)")
    db = Database.open(path)
    try:
        assert db.migrated_from == "0003"
        (row,) = import_log(db)
    finally:
        db.close()
    assert _revision(path) == head_revision()
    assert row.message == "Tệp hỏng / The file is damaged"
    assert (row.problems, row.problem_count, row.file_name) == ((), 0, "HNI_2025_v1.xlsx")
    with sqlite3.connect(path) as conn:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(importchange)")}
    assert {"batch_uuid", "record_uuid", "submission_id", "superseded", "removed"} <= columns


def test_grades_stored_before_0009_become_committee_grades_to_check(tmp_path: Path) -> None:
    from desktop_app.core.services.assessments import list_assessments, list_committee_grades

    path = tmp_path / "old.sqlite"
    _initial_schema_with_data(path)
    open_database(path, target="0007").engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO period (id, year, verified) VALUES (2, 2024, 0)")
        conn.executescript(
            """
            INSERT INTO assessment (uuid, recommendation_id, period_id, grade, implementation,
                                    note, assessed_at)
              VALUES ('as-1', 1, 1, 'C', 'partially', 'ghi chú', '2025-06-01 00:00:00'),
                     ('as-2', 1, 2, 'C', 'not', '', '2024-06-01 00:00:00'),
                     ('as-3', 1, NULL, 'E', 'not', '', '2025-07-01 00:00:00');
            """)
    db = Database.open(path)
    try:
        assert db.migrated_from == "0007"
        judged = {(a.year, a.implementation, a.note) for a in list_assessments(db)}
        grades = list_committee_grades(db).get("CO3-DEATHPEN", ())
    finally:
        db.close()
    # the judgments stay, each with its period and note; the grade is no longer theirs
    assert judged == {(2025, "partially", "ghi chú"), (2024, "not", ""), (None, "not", "")}
    with sqlite3.connect(path) as conn:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(assessment)")}
        moved = conn.execute("SELECT grade, document, issued_on, element, verified, "
                             "recorded_at FROM committeeassessment ORDER BY grade").fetchall()
    assert "grade" not in columns
    # one Committee grade per recommendation and grade, with no document or date: to check
    assert [(*r[:5], str(r[5])[:19]) for r in moved] == [
        ("C", "", None, "", 0, "2024-06-01 00:00:00"),  # the earliest time it was given
        ("E", "", None, "", 0, "2025-07-01 00:00:00")]
    assert {(g.grade, g.verified, g.document, g.on) for g in grades
            if g.uuid} <= {("C", False, "", None), ("E", False, "", None)}


def test_0009_goes_back_with_the_grades_beside_the_judgments(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from desktop_app.core.storage.migrate import alembic_config

    path = tmp_path / "old.sqlite"
    _initial_schema_with_data(path)
    open_database(path, target="0007").engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO assessment (uuid, recommendation_id, period_id, grade, "
                     "implementation, note, assessed_at) VALUES ('as-1', 1, 1, 'B', 'fully', "
                     "'', '2025-06-01 00:00:00')")
    open_database(path, target="0009").engine.dispose()
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "-1")  # one step: 0009 itself
    finally:
        engine.dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT grade, implementation FROM assessment").fetchall() == [
            ("B", "fully")]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "committeeassessment" not in tables


# --- the same migrations on PostgreSQL ----------------------------------------------------


_PG_INITIAL_DATA = """
    INSERT INTO plan (id, uuid, code, decision, title_vi, title_en, verified, retired)
      VALUES (1, 'p-1', 'P', '1252/QĐ-TTg', 'Kế hoạch', 'Plan', true, false);
    INSERT INTO task (id, uuid, code, plan_id, number, title_vi, title_en, responsible_kinds,
                      expected_outcome_vi, expected_outcome_en, verified, illustrative, retired)
      VALUES (1, 't-1', 'T01', 1, 1, 'Rà soát pháp luật', 'Review laws', '', '', '', false,
              true, false);
    INSERT INTO source (id, uuid, code, kind, title_vi, title_en, verified, retired)
      VALUES (1, 's-1', 'CO3', 'treaty_body', 'Khuyến nghị', 'Observations', true, false);
    INSERT INTO recommendation (id, uuid, code, source_id, follow_up, sdg_targets, text_vi,
                                text_en, verified, illustrative, retired)
      VALUES (1, 'r-1', 'CO3-DEATHPEN', 1, true, '', 'Tử hình', 'Death penalty', false, false,
              false);
    INSERT INTO agency (id, uuid, code, kind, name_vi, name_en, aliases, active, focal_point,
                        verified, retired)
      VALUES (1, 'a-1', 'VLG', 'province', 'Vĩnh Long', 'Vinh Long', '', true, false, true,
              false);
    INSERT INTO period (id, year, verified) VALUES (1, 2025, false);
    INSERT INTO activity (id, uuid, agency_id, period_id, task_id, title, description, type,
                          status, outputs, challenges, next_steps, evidence, created_at,
                          updated_at)
      VALUES (1, 'act-1', 1, 1, 1, 'Tập huấn Ủy ban nhân dân xã', 'Mô tả', 'training',
              'completed', '', '', '', '', '2025-01-01 00:00:00', '2025-01-01 00:00:00');
    INSERT INTO activityrecommendation (activity_id, recommendation_id) VALUES (1, 1);
    INSERT INTO indicator (id, uuid, agency_id, activity_id, name, unit, target)
      VALUES (1, 'ind-1', 1, 1, 'Số người', 'người', 100);
    INSERT INTO result (id, uuid, indicator_id, period_id, value, note)
      VALUES (1, 'res-1', 1, 1, 80, '');
"""


def test_the_migrations_run_on_postgresql_with_the_data_kept(pg_url: str) -> None:
    from sqlalchemy import text

    from desktop_app.core.storage.location import ServerLocation
    from desktop_app.core.storage.server_open import open_server_database
    from tests import pg

    location = ServerLocation(pg_url)
    opened = open_server_database(location, target="0001")
    with opened.engine.begin() as conn:
        for statement in _PG_INITIAL_DATA.split(";"):
            if statement.strip():
                conn.execute(text(statement))
    opened.engine.dispose()
    db = Database.open(location, create=False)
    try:
        assert db.migrated_from == "0001" and db.migration_backup is None  # pg_dump's job
    finally:
        db.close()
    assert pg.rows(pg_url, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    ((title, search),) = pg.rows(pg_url, "SELECT title, search_text FROM activity")
    assert title == "Tập huấn Ủy ban nhân dân xã"
    assert fold("uy ban") in str(search) and "co3-deathpen" in str(search)
    assert pg.rows(pg_url, "SELECT value FROM result") == [(80,)]
    # and a database of a newer program is refused there too, untouched
    with opened.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    opened.engine.dispose()
    with pytest.raises(RefusedError) as caught:
        Database.open(location)
    assert caught.value.problems[0].code == "db.too_new"
    assert pg.rows(pg_url, "SELECT version_num FROM alembic_version") == [("9999_future",)]


def _schema_drift(db: Database) -> list[object]:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    import desktop_app.core.domain.models  # noqa: F401  (the tables on SQLModel.metadata)

    with db.engine.connect() as conn:
        return list(compare_metadata(MigrationContext.configure(conn), SQLModel.metadata))


def test_the_migrations_make_the_schema_the_models_describe(tmp_path: Path) -> None:
    """Tables, columns and indexes as the models declare them (alembic's own comparison):
    an index dropped by a migration but left in the models, or the other way round,
    shows here."""
    db = Database.open(tmp_path / "new.sqlite")
    try:
        assert _schema_drift(db) == []
    finally:
        db.close()


def test_the_migrations_make_the_models_schema_on_postgresql(pg_url: str) -> None:
    from desktop_app.core.storage.location import ServerLocation

    db = Database.open(ServerLocation(pg_url))
    try:
        assert _schema_drift(db) == []
    finally:
        db.close()


def test_0013_keeps_the_moments_a_server_in_another_time_zone_stored(pg_url: str) -> None:
    """Before 0013 PostgreSQL kept these two moments as its TimeZone's wall time; after
    it they are the same moments, whatever that TimeZone is."""
    from sqlalchemy import text

    from desktop_app.core.storage.location import ServerLocation
    from desktop_app.core.storage.server_open import open_server_database
    from tests import pg

    location = ServerLocation(pg_url)
    opened = open_server_database(location, target="0012")
    with opened.engine.begin() as conn:
        conn.execute(text("SELECT set_config('TimeZone', 'Asia/Ho_Chi_Minh', false)"))
        conn.execute(text("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET TimeZone = "
                          "''Asia/Ho_Chi_Minh''', current_database()); END $$"))
        conn.execute(text(
            "INSERT INTO agency (id, uuid, code, kind, name_vi, name_en, aliases, active, "
            "focal_point, verified, retired) VALUES (1, 'a-1', 'VLG', 'province', "
            "'Vĩnh Long', 'Vinh Long', '', true, false, true, false)"))
        # what a writer's session stored: the UTC moment as the server's wall time
        conn.execute(text(
            "INSERT INTO agencycontact (agency_id, contact_person, phone, email, "
            "updated_at, edited) VALUES (1, 'Nguyễn Văn A', '', '', "
            "TIMESTAMPTZ '2026-03-01 08:00:00+00', true)"))
    opened.engine.dispose()
    assert pg.rows(pg_url, "SELECT updated_at::text FROM agencycontact") == [
        ("2026-03-01 15:00:00",)]
    Database.open(location, create=False).close()
    assert pg.rows(pg_url, "SELECT updated_at = TIMESTAMPTZ '2026-03-01 08:00:00+00' "
                           "FROM agencycontact") == [(True,)]
