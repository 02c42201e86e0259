"""`assess REC --grade --implementation [--note] [--period]`: exit codes and messages."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

from tests.cli.conftest import CliRunner


def _sql(db: Path, query: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as conn:
        return list(conn.execute(query))


def _rec(db: Path) -> str:
    code = _sql(db, "select code from recommendation where follow_up order by code")[0][0]
    assert isinstance(code, str)
    return code


def test_assess_records_and_confirms(cli: CliRunner, focal_db: Path) -> None:
    rec = _rec(focal_db)
    run = cli("--db", focal_db, "--lang", "en", "assess", rec, "--grade", "B",
              "--implementation", "partially", "--note", "Đã sửa luật", "--period", "2025")
    assert run.code == 0, run.err
    assert run.out_lines == [f"Recorded the assessment of recommendation {rec} (period 2025): "
                             "grade B, partially implemented."]
    assert run.err == ""
    assert _sql(focal_db, "select a.grade, a.implementation, a.note, p.year from assessment a "
                          "join period p on p.id = a.period_id") == [
        ("B", "partially", "Đã sửa luật", 2025)]


def test_reassessing_replaces_and_audits(cli: CliRunner, focal_db: Path) -> None:
    rec = _rec(focal_db)
    assert cli("--db", focal_db, "assess", rec, "--grade", "C", "--implementation", "not",
               "--period", "2025").code == 0
    run = cli("--db", focal_db, "--lang", "vi", "assess", rec, "--grade", "a",
              "--implementation", "FULLY", "--period", "2025")
    assert run.code == 0, run.err
    assert "Đã thay đánh giá" in run.out and "mức A" in run.out and "mức C" in run.out
    assert _sql(focal_db, "select grade, implementation from assessment") == [("A", "fully")]
    (detail,) = _sql(focal_db, "select detail from auditevent "
                               "where action = 'assessment.replaced'")[0]
    assert isinstance(detail, str)
    assert json.loads(detail)["previous"]["grade"] == "C"


def test_default_period_is_the_current_year_when_in_the_catalog(cli: CliRunner,
                                                                focal_db: Path) -> None:
    rec = _rec(focal_db)
    run = cli("--db", focal_db, "assess", rec, "--grade", "D", "--implementation", "not")
    assert run.code == 0, run.err
    years = _sql(focal_db, "select p.year from assessment a "
                           "left join period p on p.id = a.period_id")
    in_catalog = _sql(focal_db, f"select count(*) from period where year = {date.today().year}")
    assert years == [(date.today().year if in_catalog == [(1,)] else None,)]


def test_unknown_recommendation_exits_2_naming_it_in_both_orders(cli: CliRunner,
                                                                 focal_db: Path) -> None:
    for lang, first, second in (("en", "There is no recommendation", "Không có khuyến nghị"),
                                ("vi", "Không có khuyến nghị", "There is no recommendation")):
        run = cli("--db", focal_db, "--lang", lang, "assess", "CO3-P999", "--grade", "A",
                  "--implementation", "fully", "--period", "2025")
        assert run.code == 2
        assert run.out == ""
        assert len(run.err_lines) == 2
        assert first in run.err_lines[0] and second in run.err_lines[1]
        assert all("CO3-P999" in line for line in run.err_lines)
    assert _sql(focal_db, "select count(*) from assessment") == [(0,)]


def test_at_an_agency_database_exits_3_in_both_orders(cli: CliRunner, agency_db: Path) -> None:
    rec = _rec(agency_db)
    for lang, first, second in (("en", "Only the focal point", "Việc này chỉ cơ quan đầu mối"),
                                ("vi", "Việc này chỉ cơ quan đầu mối", "Only the focal point")):
        run = cli("--db", agency_db, "--lang", lang, "assess", rec, "--grade", "A",
                  "--implementation", "fully")
        assert run.code == 3
        assert len(run.err_lines) == 2
        assert run.err_lines[0].startswith(first) and run.err_lines[1].startswith(second)
    assert _sql(agency_db, "select count(*) from assessment") == [(0,)]


def test_bad_grade_implementation_or_period_is_wrong_usage(cli: CliRunner,
                                                           focal_db: Path) -> None:
    rec = _rec(focal_db)
    for extra in (["--grade", "F", "--implementation", "fully"],
                  ["--grade", "A", "--implementation", "mostly"],
                  ["--grade", "A"],
                  ["--grade", "A", "--implementation", "fully", "--period", "25"],
                  ["--grade", "A", "--implementation", "fully", "--period", "1999"]):
        run = cli("--db", focal_db, "assess", rec, *extra)
        assert run.code == 2, extra
        assert len(run.err_lines) == 2, run.err
    assert _sql(focal_db, "select count(*) from assessment") == [(0,)]
