"""Assessments: the focal point's judgment (one per recommendation and period, replaced
with audit) and the Committee's grades (facts with document and date), kept apart."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import Role
from desktop_app.core.problems import RefusedError, UsageError
from desktop_app.core.services.assessments import (
    assess,
    default_year,
    list_assessments,
    list_committee_grades,
    record_committee_grade,
)
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database
from tests import pg


def _sql(db: Database, query: str, **params: object) -> list[tuple[object, ...]]:
    return pg.rows(db.location, query, **params)


@pytest.fixture()
def focal(focal_where: str) -> Iterator[Database]:
    """A focal point's database, on SQLite and on PostgreSQL."""
    database = pg.open_location(focal_where, create=False)
    yield database
    database.close()


@pytest.fixture()
def rec(focal: Database) -> str:
    code = _sql(focal, "select code from recommendation where follow_up order by code")[0][0]
    assert isinstance(code, str)
    return code


def test_records_one_assessment(focal: Database, rec: str) -> None:
    outcome = assess(focal, rec, "partially", " Luật mới đã thông qua ", year=2025)
    assert outcome.replaced is None
    assert (outcome.row.recommendation_code, outcome.row.year,
            outcome.row.implementation, outcome.row.note) == (
        rec, 2025, "partially", "Luật mới đã thông qua")
    stored = _sql(focal, "select a.uuid, a.implementation, p.year from assessment a "
                         "join period p on p.id = a.period_id")
    assert stored == [(outcome.row.uuid, "partially", 2025)]
    assert _sql(focal, "select count(*) from committeeassessment") == [(0,)]
    events = _sql(focal, "select action, entity_uuid from auditevent where action like "
                         "'assessment.%'")
    assert events == [("assessment.recorded", outcome.row.uuid)]


def test_a_new_judgment_replaces_the_old_one_and_the_audit_keeps_it(focal: Database,
                                                                     rec: str) -> None:
    first = assess(focal, rec, "not", "chưa có", year=2025)
    second = assess(focal, rec, "fully", "xong", year=2025)
    assert second.replaced is not None
    assert (second.replaced.implementation, second.replaced.note) == ("not", "chưa có")
    assert second.row.uuid == first.row.uuid  # the record that travels keeps its UUID
    assert _sql(focal, "select implementation, note from assessment") == [("fully", "xong")]
    (detail,) = _sql(focal, "select detail from auditevent where action = "
                            "'assessment.replaced'")[0]
    assert isinstance(detail, str)
    facts = json.loads(detail)
    assert facts["previous"]["implementation"] == "not"
    assert facts["previous"]["note"] == "chưa có"
    assert (facts["implementation"], facts["recommendation"], facts["period"]) == (
        "fully", rec, 2025)


def test_periods_are_separate_and_none_is_its_own(focal: Database, rec: str) -> None:
    assess(focal, rec, "not", year=2024)
    assess(focal, rec, "partially", year=2025)
    assess(focal, rec, "not")
    assess(focal, rec, "fully")  # replaces the undated one: NULL is one slot too
    assert _sql(focal, "select count(*) from assessment") == [(3,)]
    rows = list_assessments(focal)
    assert [(r.year, r.implementation) for r in rows] == [
        (None, "fully"), (2024, "not"), (2025, "partially")]
    assert [(r.year, r.implementation) for r in list_assessments(focal, 2025)] == [
        (2025, "partially")]
    assert list_assessments(focal, 2026) == []


def test_list_puts_follow_up_recommendations_first(focal: Database) -> None:
    plain = _sql(focal, "select code from recommendation where not follow_up limit 1")[0][0]
    followed = _sql(focal, "select code from recommendation where follow_up limit 1")[0][0]
    assert isinstance(plain, str) and isinstance(followed, str)
    assess(focal, plain, "partially", year=2025)
    assess(focal, followed, "partially", year=2025)
    assert [r.recommendation_code for r in list_assessments(focal, 2025)] == [followed, plain]


def test_unknown_recommendation_is_wrong_usage_and_writes_nothing(focal: Database) -> None:
    with pytest.raises(UsageError) as error:
        assess(focal, "NO-SUCH-REC", "fully", year=2025)
    assert error.value.exit_code == 2
    assert error.value.problems[0].code == "code.unknown_recommendation"
    assert error.value.problems[0].params == {"code": "NO-SUCH-REC"}
    assert _sql(focal, "select count(*) from assessment") == [(0,)]


@pytest.mark.parametrize("implementation", ["mostly", "FULLY", "", "A"])
def test_bad_judgments_are_refused_by_validation(focal: Database, rec: str,
                                                 implementation: str) -> None:
    with pytest.raises(UsageError) as error:
        assess(focal, rec, implementation, year=2025)
    assert [p.field for p in error.value.problems] == ["implementation"]


def test_unknown_period_and_long_note(focal: Database, rec: str) -> None:
    with pytest.raises(UsageError) as error:
        assess(focal, rec, "fully", year=1999)
    assert error.value.problems[0].code == "period.unknown"
    with pytest.raises(UsageError) as error:
        assess(focal, rec, "fully", "x" * 20_001, year=2025)
    assert error.value.problems[0].code == "value.too_long"
    assert _sql(focal, "select count(*) from assessment") == [(0,)]


def test_an_agency_cannot_assess(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "agency.sqlite")
    try:
        initialise(database, Role.AGENCY, "VLG")
        code = _sql(database, "select code from recommendation limit 1")[0][0]
        assert isinstance(code, str)
        with pytest.raises(RefusedError) as error:
            assess(database, code, "fully", year=2025)
        assert error.value.exit_code == 3
        assert error.value.problems[0].code == "role.not_focal_point"
        with pytest.raises(RefusedError):  # the role is checked before the code
            assess(database, "NO-SUCH-REC", "fully")
        with pytest.raises(RefusedError):
            record_committee_grade(database, code, "A", "CCPR/C/X", date(2022, 1, 1))
        assert _sql(database, "select count(*) from assessment") == [(0,)]
        assert _sql(database, "select count(*) from committeeassessment") == [(0,)]
    finally:
        database.close()


def test_default_year_is_this_year_if_the_catalog_has_it(focal: Database) -> None:
    assert default_year(focal, today=date(2025, 3, 1)) == 2025
    assert default_year(focal, today=date(2090, 3, 1)) is None


# --- the Committee's grades ------------------------------------------------------------

DOC = "CCPR/C/TEST/1"  # a made-up symbol, for the tests only


def test_a_committee_grade_is_a_fact_with_its_document_and_date(focal: Database,
                                                                rec: str) -> None:
    before = {g.uuid for g in list_committee_grades(focal).get(rec, ())}
    outcome = record_committee_grade(focal, rec, "C", f"  {DOC} ", date(2024, 3, 1),
                                     " liên lạc  với luật sư ", today=date(2025, 1, 1))
    assert outcome.replaced is None
    g = outcome.grade
    assert (g.grade, g.document, g.on, g.element_vi, g.verified) == (
        "C", DOC, date(2024, 3, 1), "liên lạc với luật sư", True)
    assert _sql(focal, "select grade, document, cast(issued_on as varchar), element, verified "
                       "from committeeassessment") == [
        ("C", DOC, "2024-03-01", "liên lạc với luật sư", 1)]
    assert _sql(focal, "select count(*) from assessment") == [(0,)]  # no judgment made
    shown = list_committee_grades(focal)[rec]
    assert [x.uuid for x in shown if x.uuid not in before] == [g.uuid]
    assert shown == tuple(sorted(shown, key=lambda x: x.on or date.max))  # oldest first
    events = _sql(focal, "select action from auditevent where action like 'committee_%'")
    assert events == [("committee_grade.recorded",)]


def test_the_same_document_and_element_replaces_and_the_audit_keeps_it(focal: Database,
                                                                       rec: str) -> None:
    first = record_committee_grade(focal, rec, "C", DOC, date(2024, 3, 1))
    other = record_committee_grade(focal, rec, "B", DOC, date(2024, 3, 1), "an element")
    second = record_committee_grade(focal, rec, "A", DOC.lower(), date(2024, 3, 2))
    assert other.replaced is None and other.grade.uuid != first.grade.uuid
    assert second.replaced is not None and second.replaced.grade == "C"
    assert second.grade.uuid == first.grade.uuid
    assert _sql(focal, "select grade, element from committeeassessment order by id") == [
        ("A", ""), ("B", "an element")]
    (detail,) = _sql(focal, "select detail from auditevent "
                            "where action = 'committee_grade.replaced'")[0]
    assert json.loads(str(detail))["previous"]["grade"] == "C"


def test_a_grade_to_check_is_confirmed_in_place_by_its_document(focal: Database,
                                                                rec: str) -> None:
    pg.execute(  # as migration 0009 leaves an older grade
        focal.location,
        "insert into committeeassessment (uuid, recommendation_id, grade, element, "
        "document, issued_on, verified, recorded_at) select 'old-1', id, 'D', '', '', "
        f"NULL, false, '2024-01-01 00:00:00' from recommendation where code = '{rec}'")
    shown = [g for g in list_committee_grades(focal)[rec] if g.uuid == "old-1"]
    assert [(g.grade, g.verified, g.document) for g in shown] == [("D", False, "")]
    confirmed = record_committee_grade(focal, rec, "D", DOC, date(2023, 5, 5))
    assert confirmed.grade.uuid == "old-1" and confirmed.replaced is not None
    assert not confirmed.replaced.verified
    assert _sql(focal, "select uuid, grade, document, verified from committeeassessment") == [
        ("old-1", "D", DOC, 1)]


@pytest.mark.parametrize(("grade", "document", "on", "fields"), [
    ("F", DOC, date(2024, 1, 1), ["grade"]),
    ("a", DOC, date(2024, 1, 1), ["grade"]),
    ("A", "  ", date(2024, 1, 1), ["document"]),
    ("A", DOC, None, ["date"]),
    ("A", DOC, date(2099, 1, 1), ["date"]),
    ("A", "x" * 81, date(2024, 1, 1), ["document"]),
])
def test_bad_committee_grades_are_refused_and_write_nothing(
        focal: Database, rec: str, grade: str, document: str, on: date | None,
        fields: list[str]) -> None:
    with pytest.raises(UsageError) as error:
        record_committee_grade(focal, rec, grade, document, on, today=date(2026, 1, 1))
    assert [p.field for p in error.value.problems] == fields
    assert _sql(focal, "select count(*) from committeeassessment") == [(0,)]


def test_an_unknown_recommendation_and_a_long_element_are_refused(focal: Database,
                                                                  rec: str) -> None:
    with pytest.raises(UsageError) as error:
        record_committee_grade(focal, "NO-SUCH-REC", "A", DOC, date(2024, 1, 1))
    assert error.value.problems[0].code == "code.unknown_recommendation"
    with pytest.raises(UsageError) as error:
        record_committee_grade(focal, rec, "A", DOC, date(2024, 1, 1), "x" * 20_001)
    assert [p.field for p in error.value.problems] == ["element"]
    assert _sql(focal, "select count(*) from committeeassessment") == [(0,)]
