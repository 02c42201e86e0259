"""The catalog says where its facts come from: optional provenance keys, checked when present."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.catalog.apply import apply_catalog
from desktop_app.core.catalog.document import read_bundled_catalog, read_catalog
from desktop_app.core.problems import RefusedError
from desktop_app.core.services.overview import plan_in_force
from desktop_app.core.storage.database import Database


@pytest.fixture(scope="module")
def bundled() -> dict[str, Any]:
    return read_bundled_catalog()


def _by_code(doc: dict[str, Any], section: str) -> dict[str, dict[str, Any]]:
    return {e["code"]: e for e in doc[section]}


def test_the_fourth_report_is_the_current_treaty_body_source(bundled: dict[str, Any]) -> None:
    sources = _by_code(bundled, "sources")
    co4, co3 = sources["CCPR-CO4"], sources["CCPR-CO3"]
    assert co4["symbol"] == "CCPR/C/VNM/CO/4" and co4["released_on"] == "2025-07-18"
    assert co4["reviewed_on"] == "2025-07-07"
    assert co4["adopted_on"] is None and "adopted_on" in co4["to_check"]  # not found: open
    assert co3["closed"] is True and co3["superseded_by"] == "CCPR-CO4"
    assert sources["UPR3"]["adopted_on"] == "2019-07-04"  # the Council, not the review
    assert sources["UPR3"]["reviewed_on"] == "2019-01-22"
    assert "symbol" in sources["UPR3"]["to_check"]


def test_no_paragraph_number_is_shown_as_a_fact_unless_it_was_read(
        bundled: dict[str, Any]) -> None:
    recs = bundled["recommendations"]
    co4 = [r for r in recs if r["source"] == "CCPR-CO4"]
    assert len(co4) >= 10 and all(r["code"].startswith("CO4-") for r in co4)
    assert all(r["paragraph"] is None and "paragraph" in r["to_check"] and r["note"]
               for r in co4)
    for r in recs:
        if r["paragraph"] is not None and not r["verified"]:
            assert "paragraph" in r.get("to_check", []), r["code"]


def test_the_committees_grades_are_recorded_on_the_follow_up_recommendations(
        bundled: dict[str, Any]) -> None:
    recs = _by_code(bundled, "recommendations")
    grades = {code: {(g["grade"], g["verified"]) for g in recs[code]["committee_grades"]}
              for code in ("CO3-DEATHPEN", "CO3-EXPRESSION", "CO3-HRD")}
    assert grades == {"CO3-EXPRESSION": {("E", True)},
                      "CO3-DEATHPEN": {("E", True), ("C", True)},
                      "CO3-HRD": {("C", False)}}  # read only in part: to check
    assert all(recs[c]["follow_up"] and recs[c]["follow_up_due"] == "2021-03-29"
               for c in grades)


def test_plans_say_what_they_implement(bundled: dict[str, Any]) -> None:
    plans = _by_code(bundled, "plans")
    assert plans["QD2715-2025"]["implements"] == ["CCPR-CO4"]
    assert plans["QD1975-2019"]["implements"] == ["UPR3"]
    assert plans["QD1172-2025"]["implements"] == ["UPR4"]
    assert plans["QD1172-2025"]["signed_on"] == "2025-06-17"
    assert {p["kind"] for p in bundled["plans"]} == {"iccpr", "upr"}
    tasks_2715 = [t for t in bundled["tasks"] if t["plan"] == "QD2715-2025"]
    assert all(t["links_basis"] == "project_reading" for t in tasks_2715)
    linked = {code for t in tasks_2715 for code in t["recommendations"]}
    assert {"CO4-DEATHPEN", "CO4-EXPRESSION", "CO4-TORTURE"} <= linked


def test_periods_carry_the_default_data_range(bundled: dict[str, Any]) -> None:
    by_year = {p["year"]: p for p in bundled["periods"]}
    assert (by_year[2026]["data_from"], by_year[2026]["data_to"]) == ("2025-12-15",
                                                                        "2026-12-14")


def test_upr_plans_do_not_change_the_plan_in_force(tmp_path: Path,
                                                   bundled: dict[str, Any]) -> None:
    db = Database.open(tmp_path / "c.sqlite")
    try:
        with db.unit_of_work() as session:
            apply_catalog(session, copy.deepcopy(bundled))
        with db.reading() as session:
            in_force = {year: getattr(plan_in_force(session, year), "code", None)
                        for year in range(2019, 2031)}
    finally:
        db.close()
    assert {in_force[y] for y in range(2019, 2026)} == {"QD1252-2019"}
    assert {in_force[y] for y in range(2026, 2031)} == {"QD2715-2025"}


def _rec(doc: dict[str, Any], code: str) -> dict[str, Any]:
    return next(r for r in doc["recommendations"] if r["code"] == code)


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d["sources"][0].update(checked="maybe"), "checked"),
        (lambda d: d["sources"][0].update(date="25/03/2019"), "date"),
        (lambda d: d["sources"][0].update(released_on="soon"), "released_on"),
        (lambda d: d["sources"][0].update(superseded_by="NO-SUCH"), "superseded_by"),
        (lambda d: d["sources"][0].update(documents=[{"date": "2019-03-25"}]), "documents"),
        (lambda d: d["sources"][0].update(closed="yes"), "closed"),
        (lambda d: d["plans"][0].update(to_check=["no_such_field"]), "to_check"),
        (lambda d: d["plans"][0].update(implements=["NO-SUCH"]), "implements"),
        (lambda d: d["plans"][0].update(kind="other"), "kind"),
        (lambda d: d["tasks"][0].update(links_basis="hearsay"), "links_basis"),
        (lambda d: d["tasks"][0].update(checked="unchecked", verified=True), "verified"),
        (lambda d: _rec(d, "CO3-HRD")["committee_grades"][0].update(grade="Z"),
         "committee_grades"),
        (lambda d: _rec(d, "CO3-HRD").update(follow_up_due="2021-02-30"), "follow_up_due"),
        (lambda d: d["periods"][0].update(data_from="2019-12-15", data_to="2019-01-01"),
         "data_to"),
    ],
)
def test_wrong_provenance_is_refused(bundled: dict[str, Any], tmp_path: Path,
                                     mutate: Any, field: str) -> None:
    doc = copy.deepcopy(bundled)
    mutate(doc)
    path = tmp_path / "update.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RefusedError) as caught:
        read_catalog(path)
    assert field in {p.params.get("field") for p in caught.value.problems}


def test_provenance_keys_are_optional(bundled: dict[str, Any], tmp_path: Path) -> None:
    doc = copy.deepcopy(bundled)
    keys = ("document", "date", "checked", "to_check", "links_basis", "implements",
            "committee_grades", "follow_up_due", "closed", "superseded_by", "documents",
            "reviewed_on", "released_on", "heading_vi", "heading_en", "data_from", "data_to")
    for section in ("plans", "areas", "tasks", "sources", "recommendations", "periods"):
        for entry in doc[section]:
            for key in keys:
                entry.pop(key, None)
    for plan in doc["plans"]:
        plan.pop("kind")  # a plan's kind is optional; a source's kind is required
    path = tmp_path / "plain.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    assert read_catalog(path)["version"] == bundled["version"]
