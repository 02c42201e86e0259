"""The bundled catalog, and catalog updates: idempotent, newer applied, older ignored."""

from __future__ import annotations

import copy
import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from desktop_app.core.catalog.apply import apply_catalog, installed_version
from desktop_app.core.catalog.document import read_bundled_catalog, read_catalog
from desktop_app.core.domain.models import Agency, Period, Recommendation, Task
from desktop_app.core.problems import RefusedError
from desktop_app.core.storage.database import Database


@pytest.fixture(scope="module")
def bundled() -> dict[str, Any]:
    return read_bundled_catalog()


@pytest.fixture()
def db(tmp_path: Path) -> Any:
    database = Database.open(tmp_path / "catalog.sqlite")
    yield database
    database.close()


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


def test_bundled_catalog_has_what_the_domain_needs(bundled: dict[str, Any]) -> None:
    agencies = bundled["agencies"]
    provincial = [a for a in agencies if a["kind"] in ("city", "province") and a["active"]]
    assert len(provincial) == 34
    assert sum(a["kind"] == "city" for a in provincial) == 6
    former = [a for a in agencies if a["kind"] == "province" and not a["active"]]
    assert len(former) == 29  # 63 before 1 July 2025
    active_codes = {a["code"] for a in agencies if a["active"]}
    assert all(a["successor"] in active_codes for a in former)
    assert [a["code"] for a in agencies if a.get("focal_point")] == ["BTP"]
    plans = {p["decision"] for p in bundled["plans"]}
    assert {"1252/QĐ-TTg", "2715/QĐ-TTg"} <= plans
    assert len([a for a in bundled["areas"] if a["plan"] == "QD1252-2019"]) == 4
    assert {g["code"] for g in bundled["grades"] if g["scale"] == "2016"} == set("ABCDE")
    assert len(bundled["sdgs"]) == 17
    assert any(r["follow_up"] for r in bundled["recommendations"])
    assert {s["code"] for s in bundled["sources"]} >= {"CCPR-CO3", "UPR3", "UPR4"}
    assert all(len(str(p["year"])) == 4 for p in bundled["periods"])


def test_every_entry_says_how_sure_it_is_and_text_is_nfc(bundled: dict[str, Any]) -> None:
    for section in ("agencies", "plans", "areas", "tasks", "sources", "recommendations"):
        for entry in bundled[section]:
            assert isinstance(entry.get("verified"), bool), (section, entry.get("code"))
            if entry.get("illustrative"):
                assert entry["verified"] is False
    for text in _strings(bundled):
        assert unicodedata.is_normalized("NFC", text)


def test_loading_twice_changes_nothing_the_second_time(db: Database,
                                                        bundled: dict[str, Any]) -> None:
    with db.unit_of_work() as session:
        first = apply_catalog(session, copy.deepcopy(bundled))
    with db.unit_of_work() as session:
        second = apply_catalog(session, copy.deepcopy(bundled))
        forced = apply_catalog(session, copy.deepcopy(bundled), force=True)
        agencies = len(session.exec(select(Agency)).all())
    assert first.applied and sum(first.added.values()) > 100
    assert not second.applied
    assert forced.applied and sum(forced.added.values()) == 0
    assert sum(forced.updated.values()) == 0 and sum(forced.retired.values()) == 0
    assert agencies == len(bundled["agencies"])


def _write(tmp_path: Path, doc: dict[str, Any]) -> Path:
    path = tmp_path / "update.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_newer_catalog_updates_adds_and_retires(db: Database, bundled: dict[str, Any],
                                                  tmp_path: Path) -> None:
    with db.unit_of_work() as session:
        apply_catalog(session, copy.deepcopy(bundled))
    update = copy.deepcopy(bundled)
    update["version"] = bundled["version"] + 1
    dropped = update["tasks"].pop()  # the official list no longer has it
    kept = update["tasks"][0]
    kept["title_vi"] = "Nhiệm vụ chính thức đã sửa tên"
    update["tasks"].append({**kept, "code": "QD1252-OFFICIAL-01", "number": 99})
    update["periods"].append({"year": 2031, "due_date": "2032-01-15", "verified": True})
    doc = read_catalog(_write(tmp_path, update))

    with db.unit_of_work() as session:
        change = apply_catalog(session, doc)
    assert change.applied and change.previous_version == bundled["version"]
    assert change.added["tasks"] == 1 and change.retired["tasks"] == 1
    with db.reading() as session:
        tasks = {t.code: t for t in session.exec(select(Task)).all()}
        assert tasks[dropped["code"]].retired
        assert tasks[kept["code"]].title_vi == "Nhiệm vụ chính thức đã sửa tên"
        assert not tasks["QD1252-OFFICIAL-01"].retired
        assert session.exec(select(Period).where(Period.year == 2031)).one()
        assert installed_version(session) == update["version"]

    older = copy.deepcopy(bundled)
    older["tasks"][0]["title_vi"] = "Không được áp dụng"
    with db.unit_of_work() as session:
        assert not apply_catalog(session, older).applied
    with db.reading() as session:
        assert session.exec(select(Task).where(Task.code == kept["code"])).one().title_vi == (
            "Nhiệm vụ chính thức đã sửa tên")


def test_recommendation_links_follow_the_document(db: Database,
                                                  bundled: dict[str, Any]) -> None:
    with db.unit_of_work() as session:
        apply_catalog(session, copy.deepcopy(bundled))
        follow_up = session.exec(
            select(Recommendation).where(Recommendation.follow_up == True)  # noqa: E712
        ).all()
    assert {r.code for r in follow_up} == {
        r["code"] for r in bundled["recommendations"] if r.get("follow_up")}


@pytest.mark.parametrize(
    ("mutate", "code"),
    [
        (lambda d: d.update(version=0), "catalog.bad_version"),
        (lambda d: d.update(format_version=99), "catalog.format_version"),
        (lambda d: d["tasks"][0].update(area="NO-SUCH-AREA"), "catalog.unknown_reference"),
        (lambda d: d["agencies"].append(dict(d["agencies"][0])), "catalog.duplicate"),
        (lambda d: d["agencies"][0].pop("name_vi"), "catalog.missing_field"),
        (lambda d: d["agencies"][0].update(code="Hà Nội"), "catalog.bad_value"),
        (lambda d: d["periods"][0].update(due_date="31/12/2025"), "catalog.bad_value"),
    ],
)
def test_broken_catalog_files_are_refused(bundled: dict[str, Any], tmp_path: Path,
                                          mutate: Any, code: str) -> None:
    doc = copy.deepcopy(bundled)
    mutate(doc)
    with pytest.raises(RefusedError) as caught:
        read_catalog(_write(tmp_path, doc))
    assert code in {p.code for p in caught.value.problems}


@pytest.mark.parametrize("content", [b"", b"\xff\xfe not json", b"[1, 2]", b'{"format": "x"}'])
def test_files_that_are_not_catalogs_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "junk.json"
    path.write_bytes(content)
    with pytest.raises(RefusedError):
        read_catalog(path)
