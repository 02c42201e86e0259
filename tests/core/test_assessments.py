"""The focal point's assessments: one per recommendation and period, replaced with audit."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.problems import RefusedError, UsageError
from desktop_app.core.services.assessments import assess, default_year, list_assessments
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database


def _sql(db: Database, query: str, *params: object) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db.path)) as conn:
        return list(conn.execute(query, params))


@pytest.fixture()
def focal(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "focal.sqlite")
    initialise(database, Role.FOCAL_POINT)
    yield database
    database.close()


@pytest.fixture()
def rec(focal: Database) -> str:
    code = _sql(focal, "select code from recommendation where follow_up order by code")[0][0]
    assert isinstance(code, str)
    return code


def test_records_one_assessment(focal: Database, rec: str) -> None:
    outcome = assess(focal, rec, "B", "partially", " Luật mới đã thông qua ", year=2025)
    assert outcome.replaced is None
    assert (outcome.row.recommendation_code, outcome.row.year, outcome.row.grade,
            outcome.row.implementation, outcome.row.note) == (
        rec, 2025, "B", "partially", "Luật mới đã thông qua")
    stored = _sql(focal, "select a.uuid, a.grade, a.implementation, p.year from assessment a "
                         "join period p on p.id = a.period_id")
    assert stored == [(outcome.row.uuid, "B", "partially", 2025)]
    events = _sql(focal, "select action, entity_uuid from auditevent where action like "
                         "'assessment.%'")
    assert events == [("assessment.recorded", outcome.row.uuid)]


def test_a_new_grade_replaces_the_old_one_and_the_audit_keeps_it(focal: Database,
                                                                  rec: str) -> None:
    first = assess(focal, rec, "C", "not", "chưa có", year=2025)
    second = assess(focal, rec, "A", "fully", "xong", year=2025)
    assert second.replaced is not None
    assert (second.replaced.grade, second.replaced.implementation, second.replaced.note) == (
        "C", "not", "chưa có")
    assert second.row.uuid == first.row.uuid  # the record that travels keeps its UUID
    assert _sql(focal, "select grade, implementation, note from assessment") == [
        ("A", "fully", "xong")]
    (detail,) = _sql(focal, "select detail from auditevent where action = "
                            "'assessment.replaced'")[0]
    assert isinstance(detail, str)
    facts = json.loads(detail)
    assert facts["previous"]["grade"] == "C"
    assert facts["previous"]["implementation"] == "not"
    assert facts["previous"]["note"] == "chưa có"
    assert (facts["grade"], facts["recommendation"], facts["period"]) == ("A", rec, 2025)


def test_periods_are_separate_and_none_is_its_own(focal: Database, rec: str) -> None:
    assess(focal, rec, "C", "not", year=2024)
    assess(focal, rec, "B", "partially", year=2025)
    assess(focal, rec, "D", "not")
    assess(focal, rec, "E", "not")  # replaces the undated one: NULL is one slot too
    assert _sql(focal, "select count(*) from assessment") == [(3,)]
    rows = list_assessments(focal)
    assert [(r.year, r.grade) for r in rows] == [(None, "E"), (2024, "C"), (2025, "B")]
    assert [(r.year, r.grade) for r in list_assessments(focal, 2025)] == [(2025, "B")]
    assert list_assessments(focal, 2026) == []


def test_list_puts_follow_up_recommendations_first(focal: Database) -> None:
    plain = _sql(focal, "select code from recommendation where not follow_up limit 1")[0][0]
    followed = _sql(focal, "select code from recommendation where follow_up limit 1")[0][0]
    assert isinstance(plain, str) and isinstance(followed, str)
    assess(focal, plain, "B", "partially", year=2025)
    assess(focal, followed, "C", "partially", year=2025)
    assert [r.recommendation_code for r in list_assessments(focal, 2025)] == [followed, plain]


def test_unknown_recommendation_is_wrong_usage_and_writes_nothing(focal: Database) -> None:
    with pytest.raises(UsageError) as error:
        assess(focal, "NO-SUCH-REC", "A", "fully", year=2025)
    assert error.value.exit_code == 2
    assert error.value.problems[0].code == "code.unknown_recommendation"
    assert error.value.problems[0].params == {"code": "NO-SUCH-REC"}
    assert _sql(focal, "select count(*) from assessment") == [(0,)]


@pytest.mark.parametrize(("grade", "implementation", "field"), [
    ("F", "fully", "grade"), ("a", "fully", "grade"), ("A", "mostly", "implementation"),
])
def test_bad_values_are_refused_by_validation(focal: Database, rec: str, grade: str,
                                              implementation: str, field: str) -> None:
    with pytest.raises(UsageError) as error:
        assess(focal, rec, grade, implementation, year=2025)
    assert [p.field for p in error.value.problems] == [field]


def test_unknown_period_and_long_note(focal: Database, rec: str) -> None:
    with pytest.raises(UsageError) as error:
        assess(focal, rec, "A", "fully", year=1999)
    assert error.value.problems[0].code == "period.unknown"
    with pytest.raises(UsageError) as error:
        assess(focal, rec, "A", "fully", "x" * 20_001, year=2025)
    assert error.value.problems[0].code == "value.too_long"
    assert _sql(focal, "select count(*) from assessment") == [(0,)]


def test_an_agency_cannot_assess(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "agency.sqlite")
    try:
        initialise(database, Role.AGENCY, "VLG")
        code = _sql(database, "select code from recommendation limit 1")[0][0]
        assert isinstance(code, str)
        with pytest.raises(RefusedError) as error:
            assess(database, code, "A", "fully", year=2025)
        assert error.value.exit_code == 3
        assert error.value.problems[0].code == "role.not_focal_point"
        with pytest.raises(RefusedError):  # the role is checked before the code
            assess(database, "NO-SUCH-REC", "A", "fully")
        assert _sql(database, "select count(*) from assessment") == [(0,)]
    finally:
        database.close()


def test_default_year_is_this_year_if_the_catalog_has_it(focal: Database) -> None:
    assert default_year(focal, today=date(2025, 3, 1)) == 2025
    assert default_year(focal, today=date(2090, 3, 1)) is None
