"""`assess`: the focal point's judgment (`--implementation [--note] [--period]`) and the
Committee's grade (`--committee-grade --document --date [--element]`), kept apart; the
focal point's on both engines."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests import pg
from tests.cli.conftest import CliRunner

DOC = "CCPR/C/TEST/1"  # a made-up symbol, for the tests only


def _sql(db: str | Path, query: str) -> list[tuple[object, ...]]:
    return pg.rows(db, query)


def _rec(db: str | Path) -> str:
    code = _sql(db, "select code from recommendation where follow_up order by code")[0][0]
    assert isinstance(code, str)
    return code


def _nothing_written(db: str | Path) -> None:
    assert _sql(db, "select count(*) from assessment") == [(0,)]
    assert _sql(db, "select count(*) from committeeassessment") == [(0,)]


def test_a_judgment_is_recorded_and_confirmed(cli: CliRunner, focal_where: str) -> None:
    rec = _rec(focal_where)
    run = cli("--db", focal_where, "--lang", "en", "assess", rec, "--implementation",
              "partially", "--note", "Đã sửa luật", "--period", "2025")
    assert run.code == 0, run.err
    assert run.out_lines == [f"Recorded the focal point's judgment of recommendation {rec} "
                             "(period 2025): partially implemented."]
    assert run.err == ""
    assert _sql(focal_where, "select a.implementation, a.note, p.year from assessment a "
                          "join period p on p.id = a.period_id") == [
        ("partially", "Đã sửa luật", 2025)]
    assert _sql(focal_where, "select count(*) from committeeassessment") == [(0,)]


def test_judging_again_replaces_and_audits(cli: CliRunner, focal_where: str) -> None:
    rec = _rec(focal_where)
    assert cli("--db", focal_where, "assess", rec, "--implementation", "not",
               "--period", "2025").code == 0
    run = cli("--db", focal_where, "--lang", "vi", "assess", rec,
              "--implementation", "FULLY", "--period", "2025")
    assert run.code == 0, run.err
    assert "Đã thay nhận định" in run.out and "đã thực hiện đầy đủ" in run.out
    assert "chưa thực hiện" in run.out
    assert _sql(focal_where, "select implementation from assessment") == [("fully",)]
    (detail,) = _sql(focal_where, "select detail from auditevent "
                               "where action = 'assessment.replaced'")[0]
    assert json.loads(str(detail))["previous"]["implementation"] == "not"


def test_default_period_is_the_current_year_when_in_the_catalog(cli: CliRunner,
                                                                focal_where: str) -> None:
    rec = _rec(focal_where)
    run = cli("--db", focal_where, "assess", rec, "--implementation", "not")
    assert run.code == 0, run.err
    years = _sql(focal_where, "select p.year from assessment a "
                           "left join period p on p.id = a.period_id")
    in_catalog = _sql(focal_where, f"select count(*) from period where year = {date.today().year}")
    assert years == [(date.today().year if in_catalog == [(1,)] else None,)]


def test_a_committee_grade_is_recorded_with_document_date_and_element(
        cli: CliRunner, focal_where: str) -> None:
    rec = _rec(focal_where)
    run = cli("--db", focal_where, "--lang", "en", "assess", rec, "--committee-grade", "c",
              "--document", DOC, "--date", "2024-03-01", "--element", "legal aid")
    assert run.code == 0, run.err
    assert run.out_lines == [f"Recorded the Committee's assessment of recommendation {rec} "
                             f"(element: legal aid): grade C, in document {DOC} of 2024-03-01."]
    assert _sql(focal_where, "select grade, document, cast(issued_on as varchar), element, "
                             "verified from committeeassessment") == [
        ("C", DOC, "2024-03-01", "legal aid", 1)]
    assert _sql(focal_where, "select count(*) from assessment") == [(0,)]  # not a judgment
    run = cli("--db", focal_where, "--lang", "vi", "assess", rec, "--committee-grade", "B",
              "--document", DOC, "--date", "2024-03-01", "--element", "legal aid")
    assert run.code == 0, run.err
    assert "Đã thay đánh giá của Ủy ban" in run.out and "Mức cũ (C" in run.out
    assert _sql(focal_where, "select grade from committeeassessment") == [("B",)]


def test_the_old_grade_option_is_answered_with_the_two_forms(cli: CliRunner,
                                                            focal_where: str) -> None:
    rec = _rec(focal_where)
    run = cli("--db", focal_where, "--lang", "en", "assess", rec, "--grade", "B",
              "--implementation", "partially")
    assert run.code == 2
    assert run.err_lines[0].startswith("--grade is no longer taken")
    assert "--committee-grade" in run.err_lines[0] and len(run.err_lines) == 2
    _nothing_written(focal_where)


def test_mixed_or_incomplete_forms_are_wrong_usage(cli: CliRunner, focal_where: str) -> None:
    rec = _rec(focal_where)
    grade = ["--committee-grade", "A", "--document", DOC, "--date", "2024-01-01"]
    cases = {
        "Use one of the two forms": [[*grade, "--implementation", "fully"],
                                     [*grade, "--note", "x"], [*grade, "--period", "2025"]],
        "missing: --document, --date": [["--committee-grade", "A"]],
        "missing: --committee-grade": [["--document", DOC, "--date", "2024-01-01"]],
        "Give --implementation": [[], ["--note", "only a note"]],
        "Not a date": [["--committee-grade", "A", "--document", DOC, "--date", "1/2/2024"],
                       ["--committee-grade", "A", "--document", DOC, "--date", "2024-02-30"]],
        "in the future": [["--committee-grade", "A", "--document", DOC,
                           "--date", "2999-01-01"]],
    }
    for said, extras in cases.items():
        for extra in extras:
            run = cli("--db", focal_where, "--lang", "en", "assess", rec, *extra)
            assert run.code == 2, (extra, run.err)
            assert said in run.err_lines[0], (extra, run.err)
            assert len(run.err_lines) == 2, run.err
    _nothing_written(focal_where)


def test_unknown_recommendation_exits_2_naming_it_in_both_orders(cli: CliRunner,
                                                                 focal_where: str) -> None:
    for lang, first, second in (("en", "There is no recommendation", "Không có khuyến nghị"),
                                ("vi", "Không có khuyến nghị", "There is no recommendation")):
        for form in (["--implementation", "fully", "--period", "2025"],
                     ["--committee-grade", "A", "--document", DOC, "--date", "2024-01-01"]):
            run = cli("--db", focal_where, "--lang", lang, "assess", "CO3-P999", *form)
            assert run.code == 2
            assert run.out == ""
            assert len(run.err_lines) == 2
            assert first in run.err_lines[0] and second in run.err_lines[1]
            assert all("CO3-P999" in line for line in run.err_lines)
    _nothing_written(focal_where)


def test_at_an_agency_database_exits_3_in_both_orders(cli: CliRunner, agency_db: Path) -> None:
    rec = _rec(agency_db)
    for lang, first, second in (("en", "Only the focal point", "Việc này chỉ cơ quan đầu mối"),
                                ("vi", "Việc này chỉ cơ quan đầu mối", "Only the focal point")):
        for form in (["--implementation", "fully"],
                     ["--committee-grade", "A", "--document", DOC, "--date", "2024-01-01"]):
            run = cli("--db", agency_db, "--lang", lang, "assess", rec, *form)
            assert run.code == 3
            assert len(run.err_lines) == 2
            assert run.err_lines[0].startswith(first) and run.err_lines[1].startswith(second)
    _nothing_written(agency_db)


def test_bad_values_are_wrong_usage(cli: CliRunner, focal_where: str) -> None:
    rec = _rec(focal_where)
    for extra in (["--implementation", "mostly"],
                  ["--implementation", "fully", "--period", "25"],
                  ["--implementation", "fully", "--period", "1999"],
                  ["--committee-grade", "F", "--document", DOC, "--date", "2024-01-01"],
                  ["--committee-grade", "A", "--document", "", "--date", "2024-01-01"]):
        run = cli("--db", focal_where, "assess", rec, *extra)
        assert run.code == 2, extra
        assert len(run.err_lines) == 2, run.err
    _nothing_written(focal_where)
