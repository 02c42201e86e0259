"""The command line as other tools see it: exit codes, messages, database contents.

Most tests call desktop_app.cli.main(argv) in-process (fast); a few run the
installed console script in a subprocess to prove the entry point end to end.
The contract is DESIGN.md, "Command line (the contract other tools rely on)".
"""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop_app import cli as cli_module
from desktop_app.core.catalog.document import read_bundled_catalog
from desktop_app.core.paths import resources_dir

# --- helpers -------------------------------------------------------------------

EN_USAGE, VI_USAGE = "Wrong usage:", "Lệnh không đúng cú pháp:"
DATA_TABLES = ("activity", "indicator", "result", "activityrecommendation", "submission")

BUNDLED = read_bundled_catalog()["version"]  # the catalog every installation starts from


def query(db: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of a read-only query, on a connection closed at once."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def scalar(db: Path, sql: str, params: tuple[Any, ...] = ()) -> Any:
    return query(db, sql, params)[0][0]


def dump(db: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def table_counts(db: Path) -> dict[str, int]:
    names = [r[0] for r in query(db, "SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {name: scalar(db, f'SELECT count(*) FROM "{name}"') for name in names}


def sidecars(db: Path) -> set[str]:
    """The -wal, -shm and -journal files next to a database."""
    return {p.name for p in db.parent.iterdir() if p.name.startswith(db.name + "-")}


def uuids(db: Path, table: str) -> set[str]:
    return {r[0] for r in query(db, f"SELECT uuid FROM {table}")}


def demo_rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every column of the demo's tables, in a stable order."""
    return {
        "activity": query(db, "SELECT * FROM activity ORDER BY uuid"),
        "indicator": query(db, "SELECT * FROM indicator ORDER BY uuid"),
        "result": query(db, "SELECT * FROM result ORDER BY uuid"),
        "activityrecommendation": query(
            db,
            "SELECT a.uuid, r.code FROM activityrecommendation ar "
            "JOIN activity a ON a.id = ar.activity_id "
            "JOIN recommendation r ON r.id = ar.recommendation_id ORDER BY 1, 2",
        ),
        "submission": query(db, "SELECT * FROM submission ORDER BY uuid"),
    }


def catalog_agencies() -> list[dict[str, Any]]:
    path = resources_dir() / "catalog" / "agencies.json"
    return json.loads(path.read_text(encoding="utf-8"))["agencies"]


def active_agencies() -> list[dict[str, Any]]:
    return [a for a in catalog_agencies() if a.get("active", True)]


def assert_bilingual(lines: list[str], first: str, second: str) -> None:
    """The chosen language's line first, the other language's line after it."""
    assert len(lines) >= 2, lines
    assert first in lines[0], lines
    assert second in lines[1], lines


def no_traceback(run: Any) -> None:
    assert "Traceback" not in run.out
    assert "Traceback" not in run.err


def make_future_db(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    assert sidecars(db) == set()


def assert_submissions_consistent(db: Path, facts: dict[str, Any]) -> None:
    """A focal point's submissions: one current (newest) version per agency and period."""
    pairs = scalar(db, "SELECT count(*) FROM (SELECT DISTINCT agency_id, period_id "
                       "FROM submission WHERE superseded = 0)")
    assert facts["submissions"] == pairs
    for agency_id, period_id in query(db, "SELECT DISTINCT agency_id, period_id FROM submission"):
        versions = query(db, "SELECT version, superseded, received_at FROM submission "
                             "WHERE agency_id = ? AND period_id = ? ORDER BY version",
                         (agency_id, period_id))
        assert [v for v, _, _ in versions] == list(range(1, len(versions) + 1))
        assert [s for _, s, _ in versions] == [1] * (len(versions) - 1) + [0]
        received = [r for _, _, r in versions]
        assert received == sorted(received) and len(set(received)) == len(received)
    # every demo activity hangs on its agency's current submission, which counts it
    assert scalar(db, "SELECT count(*) FROM activity a LEFT JOIN submission s "
                      "ON s.id = a.submission_id AND s.agency_id = a.agency_id "
                      "WHERE s.id IS NULL OR s.superseded = 1") == 0
    assert query(db, "SELECT s.id, s.activities, count(a.id) FROM submission s "
                     "LEFT JOIN activity a ON a.submission_id = s.id WHERE s.superseded = 0 "
                     "GROUP BY s.id HAVING s.activities != count(a.id)") == []


# --- agencies --------------------------------------------------------------------


def test_agencies_lists_every_active_unit_once_as_code_tab_name(cli, tmp_path, _own_data_folder):
    run = cli("agencies")
    assert run.code == 0
    assert run.err == ""
    lines = run.out.splitlines()
    assert lines and all(line.count("\t") == 1 for line in lines)
    codes = [line.split("\t")[0] for line in lines]
    names = [line.split("\t")[1] for line in lines]
    assert all(name.strip() for name in names)
    assert len(codes) == len(set(codes))
    for code in codes:
        assert code.isascii() and re.fullmatch(r"[A-Z]{2,10}", code), code

    active = active_agencies()
    assert set(codes) == {a["code"] for a in active}
    provincial = {a["code"] for a in active if a["kind"] in ("city", "province")}
    assert len(provincial) == 34
    # the 34 cities and provinces come first, then ministries and the other bodies
    assert set(codes[:34]) == provincial
    assert {"BTP", "BCA", "BNG"} <= set(codes[34:])
    assert len(codes) > 34
    # no database is made just to list agencies
    assert not any(p.suffix == ".sqlite" for p in _own_data_folder.rglob("*"))


def test_agencies_leaves_out_former_provinces_and_ministries(cli):
    codes = {line.split("\t")[0] for line in cli("agencies").out.splitlines()}
    former = {a["code"] for a in catalog_agencies() if not a.get("active", True)}
    assert {"HGG", "YBI", "BDG", "HDG", "QNM", "BLDTBXH"} <= former
    assert codes.isdisjoint(former)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("vi", {"VLG": "Vĩnh Long", "HCM": "Thành phố Hồ Chí Minh", "HNI": "Hà Nội",
                "BTP": "Bộ Tư pháp"}),
        ("en", {"VLG": "Vinh Long", "HCM": "Ho Chi Minh City", "HNI": "Ha Noi"}),
    ],
)
def test_agencies_names_in_the_chosen_language(cli, lang, expected):
    run = cli("--lang", lang, "agencies")
    assert run.code == 0
    listed = dict(line.split("\t") for line in run.out.splitlines())
    for code, name in expected.items():
        assert listed[code] == name
    by_code = {a["code"]: a for a in active_agencies()}
    for code, name in listed.items():
        assert name == by_code[code][f"name_{lang}"]
        assert unicodedata.is_normalized("NFC", name)
    if lang == "en":
        assert all(name.isascii() for name in listed.values())
    else:
        assert sum(not name.isascii() for name in listed.values()) > 30


def test_agencies_same_codes_in_the_same_order_in_both_languages(cli):
    vi = [line.split("\t")[0] for line in cli("--lang", "vi", "agencies").out.splitlines()]
    en = [line.split("\t")[0] for line in cli("--lang", "en", "agencies").out.splitlines()]
    assert vi == en


# --- init ------------------------------------------------------------------------


def test_init_agency_records_role_agency_and_catalog(cli, status, tmp_path):
    db = tmp_path / "a.sqlite"
    run = cli("--db", db, "init", "--role", "agency", "--agency", "VLG")
    assert run.code == 0, run.err
    assert run.err == ""
    assert run.out_lines == [f"Set up {db} (role agency, VLG). Catalog version {BUNDLED}."]
    facts = status(db)
    assert facts["role"] == "agency"
    assert facts["agency"] == "VLG"
    assert isinstance(facts["catalog_version"], int) and facts["catalog_version"] >= 1
    assert (facts["activities"], facts["indicators"], facts["submissions"],
            facts["imports"]) == (0, 0, 0, 0)
    # the bundled catalog is in the database
    assert scalar(db, "SELECT count(*) FROM agency") == len(catalog_agencies())
    assert scalar(db, "SELECT count(*) FROM task") > 0


def test_init_message_in_vietnamese(cli, tmp_path):
    db = tmp_path / "a.sqlite"
    run = cli("--lang", "vi", "--db", db, "init", "--role", "agency", "--agency", "VLG")
    assert run.code == 0
    assert run.out_lines == [
        f"Đã khởi tạo {db} (vai trò agency, VLG). Danh mục phiên bản {BUNDLED}."]


def test_init_repeated_is_harmless_and_doubles_nothing(cli, status, tmp_path):
    db = tmp_path / "a.sqlite"
    args = ("--db", db, "init", "--role", "agency", "--agency", "VLG")
    assert cli(*args).code == 0
    counts, settings = table_counts(db), query(db, "SELECT * FROM setting ORDER BY key")
    before = status(db)
    again = cli(*args)
    assert again.code == 0, again.err
    assert again.err == ""
    assert table_counts(db) == counts
    assert query(db, "SELECT * FROM setting ORDER BY key") == settings
    assert status(db) == before


def test_init_lower_case_code_is_accepted(cli, status, tmp_path):
    db = tmp_path / "a.sqlite"
    run = cli("--db", db, "init", "--role", "agency", "--agency", "vlg")
    assert run.code == 0, run.err
    assert status(db)["agency"] == "VLG"
    # and the same init in upper case is the same installation
    assert cli("--db", db, "init", "--role", "agency", "--agency", "VLG").code == 0


def test_init_focal_point_has_no_agency(cli, status, tmp_path):
    db = tmp_path / "f.sqlite"
    run = cli("--db", db, "init", "--role", "focal-point")
    assert run.code == 0, run.err
    assert run.out_lines == [f"Set up {db} (role focal-point). Catalog version {BUNDLED}."]
    facts = status(db)
    assert facts["role"] == "focal-point"
    assert facts["agency"] is None
    assert facts["catalog_version"] >= 1


@pytest.mark.parametrize(
    "other", [("agency", "--agency", "HNI"), ("focal-point",)], ids=["other-agency", "other-role"]
)
@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("en", "This database is already set up (role agency, agency VLG)",
         "Cơ sở dữ liệu này đã được khởi tạo (vai trò agency, cơ quan VLG)"),
        ("vi", "Cơ sở dữ liệu này đã được khởi tạo (vai trò agency, cơ quan VLG)",
         "This database is already set up (role agency, agency VLG)"),
    ],
    ids=["en", "vi"],
)
def test_init_with_another_agency_or_role_is_refused_and_changes_nothing(
    cli, status, agency_db, other, lang, first, second
):
    db = agency_db
    assert cli("--db", db, "demo", "--activities", "20").code == 0
    raw, rows, facts = db.read_bytes(), dump(db), status(db)
    run = cli("--lang", lang, "--db", db, "init", "--role", *other)
    assert run.code == 3
    assert run.out == ""
    assert_bilingual(run.err_lines, first, second)
    no_traceback(run)
    assert db.read_bytes() == raw
    assert dump(db) == rows
    assert status(db) == facts


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("en", "There is no agency with the code “HGG”", "Không có cơ quan mã «HGG»"),
        ("vi", "Không có cơ quan mã «HGG»", "There is no agency with the code “HGG”"),
    ],
    ids=["en", "vi"],
)
def test_init_unknown_or_former_agency_is_a_usage_error_and_makes_no_file(
    cli, tmp_path, lang, first, second
):
    db = tmp_path / "a.sqlite"
    run = cli("--lang", lang, "--db", db, "init", "--role", "agency", "--agency", "HGG")
    assert run.code == 2
    assert run.out == ""
    assert_bilingual(run.err_lines, first, second)
    assert "nap-reporter agencies" in run.err
    no_traceback(run)
    assert not db.exists()
    assert list(tmp_path.glob("a.sqlite*")) == []


def test_init_nonsense_agency_code_is_named_in_the_message(cli, tmp_path):
    db = tmp_path / "a.sqlite"
    run = cli("--db", db, "init", "--role", "agency", "--agency", "ZZZ9")
    assert run.code == 2
    assert_bilingual(run.err_lines, "“ZZZ9”", "«ZZZ9»")
    assert not db.exists()


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("en", "The agency role needs an agency code: --agency CODE",
         "Vai trò cơ quan cần mã cơ quan: --agency MÃ"),
        ("vi", "Vai trò cơ quan cần mã cơ quan: --agency MÃ",
         "The agency role needs an agency code: --agency CODE"),
    ],
    ids=["en", "vi"],
)
def test_init_agency_role_without_agency_is_a_usage_error(cli, tmp_path, lang, first, second):
    db = tmp_path / "a.sqlite"
    run = cli("--lang", lang, "--db", db, "init", "--role", "agency")
    assert run.code == 2
    assert run.err_lines == [first, second]
    assert not db.exists()


# --- status ----------------------------------------------------------------------


def test_status_json_counts_match_the_database_after_a_demo(cli, status, agency_db):
    db = agency_db
    assert cli("--db", db, "demo", "--activities", "120", "--seed", "5").code == 0
    run = cli("--db", db, "status", "--json")
    assert run.code == 0
    assert run.err == ""
    facts = json.loads(run.out)
    assert {"role", "agency", "activities", "indicators", "submissions", "imports"} <= set(facts)
    assert facts["role"] == "agency" and facts["agency"] == "VLG"
    assert facts["activities"] == scalar(db, "SELECT count(*) FROM activity") == 120
    assert facts["indicators"] == scalar(db, "SELECT count(*) FROM indicator") > 0
    assert facts["submissions"] == scalar(db, "SELECT count(*) FROM submission") == 0
    assert facts["imports"] == 0
    for key in ("activities", "indicators", "submissions", "imports"):
        assert type(facts[key]) is int


def test_status_without_json_prints_key_value_lines(cli, focal_db):
    db = focal_db
    run = cli("--db", db, "status")
    assert run.code == 0
    assert "role: focal-point" in run.out_lines
    assert "agency: -" in run.out_lines
    assert "activities: 0" in run.out_lines


# --- demo ------------------------------------------------------------------------


def _no_role_yet(path: Path) -> Path:
    """A database with no role yet (only init, restore and the window's setup make one)."""
    from desktop_app.core.storage.database import Database

    Database.open(path, create=True).close()
    return path


def test_demo_on_an_uninitialised_database_sets_it_up_as_an_agency(cli, status, tmp_path):
    db = _no_role_yet(tmp_path / "fresh.sqlite")
    run = cli("--db", db, "demo", "--activities", "60", "--period", "2025")
    assert run.code == 0, run.err
    facts = status(db)
    assert facts["role"] == "agency"
    assert facts["agency"] == "VLG"
    assert facts["activities"] == 60
    indicators = scalar(db, "SELECT count(*) FROM indicator")
    results = scalar(db, "SELECT count(*) FROM result")
    assert run.out_lines[0].startswith(
        f"Added 60 activities, {indicators} indicators, {results} results to period 2025 (")
    assert len(run.out_lines) == 1  # no submissions line at an agency


def test_demo_adds_exactly_n_each_call_with_new_uuids(cli, status, agency_db):
    db = agency_db
    assert cli("--db", db, "demo", "--activities", "80", "--period", "2025").code == 0
    assert status(db)["activities"] == 80
    first = {t: uuids(db, t) for t in ("activity", "indicator", "result")}
    # the very same arguments again: new rows, not the same rows again
    assert cli("--db", db, "demo", "--activities", "80", "--period", "2025").code == 0
    assert status(db)["activities"] == 160
    second = {t: uuids(db, t) - first[t] for t in first}
    assert len(second["activity"]) == 80
    for table in first:
        assert first[table].isdisjoint(second[table])
        assert len(first[table] | second[table]) == scalar(db, f"SELECT count(*) FROM {table}")
    # a different period on the same database adds N again
    assert cli("--db", db, "demo", "--activities", "30", "--period", "2024").code == 0
    assert status(db)["activities"] == 190


def test_demo_is_deterministic_for_the_same_seed_state_and_period(cli, tmp_path):
    one, two = _no_role_yet(tmp_path / "one.sqlite"), _no_role_yet(tmp_path / "two.sqlite")
    for db in (one, two):
        for _ in range(2):  # the second call starts from the state the first left
            run = cli("--db", db, "demo", "--activities", "150", "--seed", "7",
                      "--period", "2025")
            assert run.code == 0, run.err
    rows_one, rows_two = demo_rows(one), demo_rows(two)
    assert len(rows_one["activity"]) == 300
    assert rows_one["indicator"] and rows_one["result"] and rows_one["activityrecommendation"]
    assert rows_one == rows_two


def test_demo_with_another_seed_makes_other_data(cli, tmp_path):
    one, two = _no_role_yet(tmp_path / "one.sqlite"), _no_role_yet(tmp_path / "two.sqlite")
    assert cli("--db", one, "demo", "--activities", "100", "--seed", "1").code == 0
    assert cli("--db", two, "demo", "--activities", "100", "--seed", "2").code == 0
    assert uuids(one, "activity").isdisjoint(uuids(two, "activity"))
    titles_one = [r[0] for r in query(one, "SELECT title FROM activity ORDER BY id")]
    titles_two = [r[0] for r in query(two, "SELECT title FROM activity ORDER BY id")]
    assert titles_one != titles_two


def test_demo_default_period_is_the_current_calendar_year(cli, tmp_path):
    db = _no_role_yet(tmp_path / "a.sqlite")
    run = cli("--db", db, "demo", "--activities", "50")
    assert run.code == 0, run.err
    year = date.today().year
    assert f"to period {year} (" in run.out
    years = query(db, "SELECT DISTINCT p.year FROM activity a JOIN period p ON p.id = a.period_id")
    assert years == [(year,)]


def test_demo_period_puts_every_row_in_that_year(cli, tmp_path):
    db = _no_role_yet(tmp_path / "a.sqlite")
    assert cli("--db", db, "demo", "--activities", "100", "--period", "2025").code == 0
    assert query(
        db, "SELECT DISTINCT p.year FROM activity a JOIN period p ON p.id = a.period_id"
    ) == [(2025,)]
    assert query(
        db, "SELECT DISTINCT p.year FROM result r JOIN period p ON p.id = r.period_id"
    ) == [(2025,)]
    starts = [r[0] for r in query(db, "SELECT start_date FROM activity WHERE start_date IS "
                                      "NOT NULL")]
    assert starts and all(s.startswith("2025-") for s in starts)


@pytest.mark.parametrize("period", ["25", "20x5", "12345", "", "２０２５x"],
                         ids=["25", "20x5", "12345", "empty", "fullwidth"])
@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [("en", "A period is a four-digit year", "Kỳ báo cáo phải là năm có bốn chữ số"),
     ("vi", "Kỳ báo cáo phải là năm có bốn chữ số", "A period is a four-digit year")],
    ids=["en", "vi"],
)
def test_demo_malformed_period_is_a_usage_error(cli, tmp_path, period, lang, first, second):
    db = tmp_path / "a.sqlite"
    run = cli("--lang", lang, "--db", db, "demo", "--activities", "5", "--period", period)
    assert run.code == 2
    assert run.out == ""
    assert_bilingual(run.err_lines, first, second)
    no_traceback(run)
    assert not db.exists()


def test_demo_unknown_period_is_a_usage_error_and_adds_nothing(cli, status, agency_db):
    db = agency_db
    rows = dump(db)
    run = cli("--db", db, "demo", "--activities", "5", "--period", "1850")
    assert run.code == 2
    assert run.err_lines == ["There is no reporting period 1850 in the catalog.",
                             "Không có kỳ báo cáo 1850 trong danh mục."]
    assert dump(db) == rows
    assert status(db)["activities"] == 0


def test_demo_unknown_period_on_a_fresh_database_sets_nothing_up(cli, tmp_path):
    db = tmp_path / "fresh.sqlite"
    run = cli("--db", db, "demo", "--activities", "5", "--period", "1850")
    assert run.code == 2
    assert cli("--db", db, "init", "--role", "focal-point").code == 0


@pytest.mark.parametrize(
    ("value", "lang", "first", "second"),
    [("-5", "en", "Must not be negative (-5).", "Không được là số âm (-5)."),
     ("-1", "vi", "Không được là số âm (-1).", "Must not be negative (-1).")],
    ids=["en", "vi"],
)
def test_demo_negative_count_is_a_usage_error(cli, tmp_path, value, lang, first, second):
    db = tmp_path / "a.sqlite"
    run = cli("--lang", lang, "--db", db, "demo", "--activities", value)
    assert run.code == 2
    assert run.err_lines == [first, second]
    assert not db.exists()


@pytest.mark.parametrize("value", ["abc", "1.5", ""])
def test_demo_non_integer_count_is_a_usage_error(cli, tmp_path, value):
    db = tmp_path / "a.sqlite"
    run = cli("--db", db, "demo", "--activities", value)
    assert run.code == 2
    assert_bilingual(run.err_lines, EN_USAGE, VI_USAGE)
    assert not db.exists()


def test_demo_data_has_the_hard_cases(cli, tmp_path):
    db = _no_role_yet(tmp_path / "a.sqlite")
    assert cli("--db", db, "demo", "--activities", "200", "--seed", "1",
               "--period", "2025").code == 0
    rows = query(db, "SELECT title, description, outputs, challenges, next_steps, evidence, "
                     "budget_vnd FROM activity")
    assert len(rows) == 200
    texts = [value for row in rows for value in row[:6]]
    texts += [r[0] for r in query(db, "SELECT name FROM indicator")]
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)
    titles = [r[0] for r in rows]
    assert all(title.strip() for title in titles)
    assert sum(not t.isascii() for t in titles) == len(titles)  # Vietnamese with diacritics
    assert any(ch in "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
               for t in titles for ch in t.lower())
    leading = Counter(value[0] for row in rows for value in row[:6] if value)
    for char in "=+-@":  # formula-like text belongs to the tests, never to the demo
        assert leading[char] == 0, char
    budgets = [r[6] for r in rows]
    assert None in budgets and any(b is not None for b in budgets)
    challenges = [r[3] for r in rows]
    assert "" in challenges and any(challenges)
    assert any(len(r[1]) > 2000 for r in rows)
    assert any(r[1] == "" for r in rows)


# --- demo at a focal point -------------------------------------------------------


def test_demo_at_a_focal_point_simulates_accepted_submissions(cli, status, focal_db):
    db = focal_db
    run = cli("--db", db, "demo", "--activities", "120", "--seed", "3", "--period", "2025")
    assert run.code == 0, run.err
    facts = status(db)
    pairs = scalar(db, "SELECT count(*) FROM (SELECT DISTINCT agency_id, period_id "
                       "FROM submission WHERE superseded = 0)")
    assert facts["submissions"] == pairs > 1
    assert facts["activities"] == 120
    assert run.out_lines[-1] == f"Simulated accepted submissions from {pairs} agencies."

    assert_submissions_consistent(db, facts)
    superseded = scalar(db, "SELECT count(*) FROM submission WHERE superseded = 1")
    assert superseded > 0  # some agencies sent more than one version

    # some current versions arrived after the period's due date, some on time
    received = query(db, "SELECT date(s.received_at), p.due_date FROM submission s "
                         "JOIN period p ON p.id = s.period_id WHERE s.superseded = 0")
    late = [r for r, due in received if r > due]
    on_time = [r for r, due in received if r <= due]
    assert late and on_time

    # the activities belong to the agencies' current submissions
    assert scalar(db, "SELECT count(*) FROM activity a JOIN submission s "
                      "ON s.id = a.submission_id AND s.agency_id = a.agency_id "
                      "WHERE s.superseded = 0") == 120
    # submitting units are cities, provinces and ministries from the catalog
    kinds = {r[0] for r in query(db, "SELECT DISTINCT g.kind FROM submission s "
                                     "JOIN agency g ON g.id = s.agency_id")}
    assert kinds <= {"city", "province", "ministry"}


def test_demo_at_a_focal_point_is_deterministic(cli, tmp_path):
    one, two = _no_role_yet(tmp_path / "one.sqlite"), _no_role_yet(tmp_path / "two.sqlite")
    for db in (one, two):
        assert cli("--db", db, "init", "--role", "focal-point").code == 0
        assert cli("--db", db, "demo", "--activities", "60", "--seed", "9",
                   "--period", "2025").code == 0
    rows_one = demo_rows(one)
    assert rows_one["submission"]
    assert rows_one == demo_rows(two)


def test_demo_at_a_focal_point_second_call_adds_n_and_more_agencies(cli, status, focal_db):
    db = focal_db
    assert cli("--db", db, "demo", "--activities", "40", "--period", "2025").code == 0
    first_uuids, first = uuids(db, "submission"), status(db)
    assert cli("--db", db, "demo", "--activities", "40", "--period", "2025").code == 0
    second = status(db)
    assert second["activities"] == first["activities"] + 40
    assert second["submissions"] > first["submissions"]
    assert first_uuids < uuids(db, "submission")


def test_demo_at_a_focal_point_keeps_adding_rows_on_repeated_calls(cli, status, focal_db):
    db = focal_db
    for call in range(1, 6):
        assert cli("--db", db, "demo", "--activities", "30", "--period", "2025").code == 0
        facts = status(db)
        assert facts["activities"] == 30 * call, f"call {call}"
        assert_submissions_consistent(db, facts)
    # by now every reporting unit has sent something and some sent corrections
    assert scalar(db, "SELECT max(version) FROM submission") >= 2


def test_demo_at_a_focal_point_with_zero_activities_can_be_repeated(cli, focal_db):
    db = focal_db
    assert cli("--db", db, "demo", "--activities", "0", "--period", "2025").code == 0
    again = cli("--db", db, "demo", "--activities", "0", "--period", "2025")
    assert again.code == 0, again.err


# --- usage errors ----------------------------------------------------------------

USAGE_CASES = {
    "unknown-command": (["frobnicate"], "'frobnicate'"),  # each line in its language
    "unknown-option": (["--bogus", "agencies"], "--bogus"),
    "unknown-command-option": (["status", "--jsn"], "--jsn"),
    "missing-required-option": (["init"], "--role"),
    "bad-role": (["init", "--role", "boss"], "'boss'"),
    "missing-option-value": (["demo", "--seed"], "--seed"),
    "bad-language": (["--lang", "fr", "agencies"], "'fr'"),
}


@pytest.mark.parametrize("case", list(USAGE_CASES))
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_usage_errors_exit_2_with_a_bilingual_message(cli, tmp_path, case, lang):
    argv, detail = USAGE_CASES[case]
    if case != "bad-language":
        argv = ["--lang", lang, "--db", str(tmp_path / "a.sqlite"), *argv]
    run = cli(*argv)
    assert run.code == 2
    assert run.out == ""
    first, second = (EN_USAGE, VI_USAGE) if lang == "en" or case == "bad-language" else (
        VI_USAGE, EN_USAGE)
    assert_bilingual(run.err_lines, first, second)
    assert detail in run.err_lines[0] and detail in run.err_lines[1]
    no_traceback(run)
    assert not (tmp_path / "a.sqlite").exists()


def test_usage_errors_follow_a_vietnamese_system_language(cli, monkeypatch):
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    run = cli("frobnicate")
    assert run.code == 2
    assert_bilingual(run.err_lines, VI_USAGE, EN_USAGE)


def test_lang_en_overrides_a_vietnamese_system_language_in_usage_errors(cli, monkeypatch):
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    run = cli("--lang", "en", "frobnicate")
    assert run.code == 2
    assert_bilingual(run.err_lines, EN_USAGE, VI_USAGE)


def test_lang_equals_en_overrides_a_vietnamese_system_language(cli, monkeypatch):
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    run = cli("--lang=en", "frobnicate")
    assert run.code == 2
    assert_bilingual(run.err_lines, EN_USAGE, VI_USAGE)


def test_lang_equals_vi_is_honoured_in_usage_errors(cli):
    run = cli("--lang=vi", "frobnicate")
    assert run.code == 2
    assert_bilingual(run.err_lines, VI_USAGE, EN_USAGE)


def test_help_and_version_exit_0(cli):
    run = cli("--help")
    assert run.code == 0
    assert run.out.startswith("usage: nap-reporter")
    for command in ("agencies", "init", "demo", "status"):
        assert command in run.out
    sub = cli("init", "--help")
    assert sub.code == 0
    assert "--role" in sub.out and "--agency" in sub.out
    version = cli("--version")
    assert version.code == 0
    assert version.out.startswith("nap-reporter ")


# --- refused input ---------------------------------------------------------------


@pytest.mark.parametrize("command", [["status", "--json"], ["init", "--role", "focal-point"],
                                     ["demo", "--activities", "5"]])
def test_db_that_is_a_folder_is_refused(cli, tmp_path, command):
    folder = tmp_path / "folder.sqlite"
    folder.mkdir()
    run = cli("--db", folder, *command)
    assert run.code == 3
    assert run.out == ""
    assert run.err_lines == [f"{folder} is a folder, not a database file.",
                             f"{folder} là một thư mục, không phải tệp cơ sở dữ liệu."]
    assert list(folder.iterdir()) == []
    assert sidecars(folder) == set()


@pytest.mark.parametrize("content", [b"hello\n", "Báo cáo năm 2025\n".encode() * 400],
                         ids=["short", "long"])
@pytest.mark.parametrize("command", [["status", "--json"], ["init", "--role", "focal-point"],
                                     ["demo", "--activities", "5"]])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_db_that_is_a_text_file_is_refused_and_left_untouched(
    cli, tmp_path, content, command, lang
):
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    run = cli("--lang", lang, "--db", path, *command)
    assert run.code == 3
    assert run.out == ""
    en = f"The file {path} is not an SQLite database. It was left untouched."
    vi = f"Tệp {path} không phải là cơ sở dữ liệu SQLite. Tệp được giữ nguyên."
    assert run.err_lines == ([en, vi] if lang == "en" else [vi, en])
    no_traceback(run)
    assert path.read_bytes() == content
    assert sidecars(path) == set()


def test_db_of_another_program_is_refused_and_left_untouched(cli, tmp_path):
    db = tmp_path / "other.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Nguyễn Văn A')")
    conn.commit()
    conn.close()
    raw = db.read_bytes()
    run = cli("--db", db, "demo", "--activities", "5")
    assert run.code == 3
    assert run.err_lines == [
        f"The file {db} is another program's database. It was left untouched.",
        f"Tệp {db} là cơ sở dữ liệu của chương trình khác. Tệp được giữ nguyên."]
    assert db.read_bytes() == raw
    assert sidecars(db) == set()


@pytest.mark.parametrize("command", [["status", "--json"], ["init", "--role", "agency",
                                                            "--agency", "VLG"],
                                     ["demo", "--activities", "5"]])
def test_db_from_a_newer_version_is_refused_and_its_bytes_untouched(cli, agency_db, command):
    db = agency_db
    make_future_db(db)
    raw = db.read_bytes()
    run = cli("--db", db, *command)
    assert run.code == 3
    assert run.out == ""
    assert_bilingual(run.err_lines, f"The file {db} was written by a newer version",
                     f"Tệp {db} do phiên bản mới hơn của chương trình tạo ra")
    assert "9999_future" in run.err_lines[0]
    no_traceback(run)
    assert db.read_bytes() == raw
    assert scalar(db, "SELECT version_num FROM alembic_version") == "9999_future"


def test_db_from_a_newer_version_gets_no_wal_or_shm_files(cli, agency_db):
    db = agency_db
    make_future_db(db)
    assert cli("--db", db, "status", "--json").code == 3
    assert sidecars(db) == set()


# --- internal errors -------------------------------------------------------------


def _boom(args: Any, lang: str) -> int:
    raise RuntimeError("boom from the test")


@pytest.mark.usefixtures("restore_logging")
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_internal_error_exits_1_and_names_a_log_with_the_traceback(
    cli, tmp_path, monkeypatch, _own_data_folder, lang
):
    monkeypatch.setitem(cli_module.COMMANDS, "status", _boom)
    run = cli("--lang", lang, "--db", tmp_path / "a.sqlite", "status", "--json")
    assert run.code == 1
    assert run.out == ""
    no_traceback(run)
    en, vi = "An internal error occurred. The details were written to ", (
        "Lỗi nội bộ của chương trình. Chi tiết đã được ghi vào ")
    first, second = (en, vi) if lang == "en" else (vi, en)
    assert_bilingual(run.err_lines, first, second)
    log = Path(run.err_lines[0].split(first, 1)[1].strip())
    assert log.is_absolute()
    assert log.is_relative_to(_own_data_folder)
    assert run.err_lines[1].endswith(str(log))
    details = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in details
    assert "RuntimeError: boom from the test" in details


@pytest.mark.usefixtures("restore_logging")
def test_internal_error_log_names_the_command_that_failed(cli, tmp_path, monkeypatch):
    monkeypatch.setitem(cli_module.COMMANDS, "status", _boom)
    run = cli("--db", tmp_path / "marker-db.sqlite", "status", "--json")
    assert run.code == 1
    log = Path(run.err_lines[0].rsplit(" ", 1)[1])
    assert "marker-db.sqlite" in log.read_text(encoding="utf-8")


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


@pytest.mark.usefixtures("restore_logging")
def test_closed_stdout_is_not_an_internal_error(cli, focal_db, monkeypatch):
    db = focal_db
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    code = cli_module.main(["--db", str(db), "status", "--json"])
    assert code != 1


@pytest.mark.usefixtures("restore_logging")
def test_vietnamese_output_to_a_non_utf8_stdout_does_not_crash(monkeypatch):
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="cp1252"))
    code = cli_module.main(["--lang", "vi", "agencies"])
    assert code == 0


# --- the installed console script, end to end ------------------------------------


def _script() -> Path:
    path = Path(sys.executable).parent / ("nap-reporter.exe" if os.name == "nt" else
                                          "nap-reporter")
    assert path.exists(), path
    return path


def _run(*argv: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in argv], capture_output=True, text=True,
                          encoding="utf-8", env=dict(os.environ), timeout=60, check=False)


def test_console_script_end_to_end(tmp_path):
    script, db = _script(), tmp_path / "e2e.sqlite"

    listed = _run(script, "--lang", "vi", "agencies")
    assert listed.returncode == 0, listed.stderr
    assert "VLG\tVĩnh Long" in listed.stdout.splitlines()

    unknown = _run(script, "--db", db, "init", "--role", "agency", "--agency", "XXX")
    assert unknown.returncode == 2
    assert_bilingual(unknown.stderr.splitlines(), "“XXX”", "«XXX»")
    assert not db.exists()

    missing = _run(script, "--db", db, "demo", "--activities", "50", "--period", "2025")
    assert missing.returncode == 2 and "init" in missing.stderr and not db.exists()
    assert _run(script, "--db", db, "init", "--role", "agency", "--agency", "VLG"
                ).returncode == 0
    made = _run(script, "--db", db, "demo", "--activities", "50", "--period", "2025")
    assert made.returncode == 0, made.stderr
    facts = json.loads(_run(script, "--db", db, "status", "--json").stdout)
    assert (facts["role"], facts["agency"], facts["activities"]) == ("agency", "VLG", 50)


def test_python_m_desktop_app_runs_the_same_command_line(tmp_path):
    text_file = tmp_path / "notes.txt"
    text_file.write_bytes(b"not a database\n")
    run = _run(sys.executable, "-m", "desktop_app", "--db", text_file, "status", "--json")
    assert run.returncode == 3
    assert run.stderr.splitlines()[0] == (
        f"The file {text_file} is not an SQLite database. It was left untouched.")
    assert "Traceback" not in run.stderr
    assert run.stdout == ""
    assert text_file.read_bytes() == b"not a database\n"


@pytest.mark.parametrize("period", ["２０２５", "2O25", "+202"])
def test_demo_period_must_be_four_ascii_digits(cli, tmp_path, period):
    db = tmp_path / "p.sqlite"
    assert cli("--db", db, "demo", "--activities", "1", "--period", period).code == 2
    assert not db.exists()


def test_focal_point_init_refuses_an_agency_code(cli, tmp_path):
    db = tmp_path / "fp.sqlite"
    done = cli("--lang", "en", "--db", db, "init", "--role", "focal-point", "--agency", "VLG")
    assert done.code == 2
    assert "leave out --agency" in done.err
    assert not db.exists()

