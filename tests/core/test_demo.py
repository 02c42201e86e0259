"""The demo looks like real work: units, agencies, places, budgets, people, words.

Checked on generated data: an agency database (Vĩnh Long, 2,000 activities of the
2025 plan), a focal point's database (simulated submissions from every reporting
unit, the 2019 plan) and activities composed directly for agencies the focal demo
does not include (the Supreme People's Court).
"""

from __future__ import annotations

import functools
import random
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Any

import pytest

from desktop_app.core.domain.enums import ActivityStatus, Role
from desktop_app.core.progress import drive
from desktop_app.core.services import demo, demo_places
from desktop_app.core.services.demo_compose import compose, voice_for
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

PEOPLE_UNITS = ("người", "lượt người")
TEXTS = ("title", "description", "outputs", "challenges", "next_steps", "evidence")
COLUMNS = ("a.id, a.uuid, a.title, a.description, a.outputs, a.challenges, a.next_steps, "
           "a.evidence, a.type, a.status, a.budget_vnd, a.women, a.ethnic_minorities, "
           "a.disabilities, a.children, g.code, g.kind")


@dataclass(frozen=True)
class Made:
    activities: list[dict[str, Any]]
    indicators: dict[int, list[dict[str, Any]]]  # by activity id


def _read(path: Path) -> Made:
    with closing(sqlite3.connect(path)) as conn:
        conn.row_factory = sqlite3.Row
        acts = [dict(r) for r in conn.execute(
            f"SELECT {COLUMNS} FROM activity a JOIN agency g ON g.id = a.agency_id ORDER BY a.id")]
        indicators: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for r in conn.execute("SELECT i.activity_id, i.name, i.unit, i.baseline, i.target, "
                              "r.value AS result FROM indicator i "
                              "LEFT JOIN result r ON r.indicator_id = i.id"):
            indicators[r["activity_id"]].append(dict(r))
    return Made(acts, indicators)


def _made(factory: pytest.TempPathFactory, role: Role, agency: str | None, count: int,
          year: int) -> Made:
    folder = factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAP_REPORTER_HOME", str(folder / "home"))
        db = Database.open(folder / "demo.sqlite")
        try:
            initialise(db, role, agency)
            drive(demo.fill_demo(db, activities=count, seed=1, period=year))
        finally:
            db.close()
    return _read(folder / "demo.sqlite")


@pytest.fixture(scope="module")
def vlg(tmp_path_factory: pytest.TempPathFactory) -> Made:
    return _made(tmp_path_factory, Role.AGENCY, "VLG", 2_000, 2026)


@pytest.fixture(scope="module")
def focal(tmp_path_factory: pytest.TempPathFactory) -> Made:
    return _made(tmp_path_factory, Role.FOCAL_POINT, None, 1_200, 2025)


@pytest.fixture(params=["vlg", "focal"])
def made(request: pytest.FixtureRequest) -> Made:
    return request.getfixturevalue(request.param)  # type: ignore[no-any-return]


def _local(row: dict[str, Any]) -> bool:
    return row["kind"] in ("province", "city")


def _whole(value: float | None) -> bool:
    return value is None or float(value).is_integer()


# --- indicators: names, units and values that fit ---------------------------------------


def test_rates_are_percent_at_most_100_and_counts_are_whole(made: Made) -> None:
    indicators = [i for rows in made.indicators.values() for i in rows]
    assert len(indicators) > 1_000
    units = Counter(i["unit"] for i in indicators)
    assert units["%"] and units["lượt người"] and units["văn bản"]
    for i in indicators:
        values = [v for v in (i["baseline"], i["target"], i["result"]) if v is not None]
        assert all(v >= 0 for v in values), i
        if i["name"].startswith("Tỷ lệ"):
            assert i["unit"] == "%", i
        if i["unit"] == "%":
            assert i["name"].startswith("Tỷ lệ") and all(v <= 100 for v in values), i
        else:
            assert all(_whole(v) for v in values), i  # people, documents, sessions, cases
        if "người" in i["name"] and i["unit"] != "%":
            assert i["unit"] in PEOPLE_UNITS, i
        if i["name"].startswith("Số văn bản"):
            assert i["unit"] == "văn bản", i


def test_results_follow_targets_and_status(made: Made) -> None:
    for act in made.activities:
        for i in made.indicators.get(act["id"], []):
            if act["status"] in ("planned", "cancelled"):
                assert i["result"] is None, (act["title"], i)
            elif i["result"] is not None and i["unit"] != "%":
                assert i["result"] <= max(i["target"] * 1.2, i["target"] + 1), (act["title"], i)
            if i["unit"] != "%" and i["baseline"] is not None:
                assert i["baseline"] <= i["target"], i


# --- the agency's own work, in its own place --------------------------------------------


def test_no_trials_at_a_province(made: Made) -> None:
    local = [a for a in made.activities if _local(a)]
    assert local
    for act in local:
        assert act["type"] != "judicial", act["title"]
        text = f"{act['title']} {act['description']}".lower()
        assert "phiên tòa" not in text and "xét xử" not in text, act["title"]


def test_a_province_works_through_its_departments(vlg: Made) -> None:
    text = " ".join(a["description"] for a in vlg.activities)
    for lead in ("Sở Tư pháp", "Trung tâm Trợ giúp pháp lý nhà nước tỉnh", "Công an tỉnh"):
        assert lead in text, lead
    titles = " ".join(a["title"] for a in vlg.activities).lower()
    for work in ("trợ giúp pháp lý", "hòa giải", "rà soát", "khai sinh", "lý lịch tư pháp",
                 "bồi thường", "tạm giữ, tạm giam", "phổ biến"):
        assert work in titles, work


def test_a_ministry_works_in_its_own_field(focal: Made) -> None:
    by_agency: dict[str, str] = defaultdict(str)
    for act in focal.activities:
        by_agency[act["code"]] += " " + act["title"].lower()
    assert "tạm giữ, tạm giam" in by_agency["BCA"] or "điều tra" in by_agency["BCA"]
    assert "tương thích" in by_agency["BTP"] or "trợ giúp pháp lý" in by_agency["BTP"]
    assert "phiên tòa" not in " ".join(by_agency[c] for c in by_agency if c != "TANDTC")


def test_the_supreme_court_holds_trials_and_trains_judges() -> None:
    rng = random.Random(5)
    voice = voice_for(rng, "TANDTC", "central_body", "Tòa án nhân dân tối cao", None, 2025)
    drafts = [compose(rng, voice, "QD1252-T13", "Bồi dưỡng cho thẩm phán, kiểm sát viên, điều "
                      "tra viên về các bảo đảm xét xử công bằng", ActivityStatus.COMPLETED,
                      2025).draft for _ in range(200)]
    assert any(d.type == "judicial" and "phiên tòa" in d.title for d in drafts)
    assert any("thẩm phán" in d.title for d in drafts)


def _finder(places: set[str]) -> re.Pattern[str]:
    longest_first = sorted(places, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, longest_first)) + r")(?!\w)")


def test_places_lie_inside_the_reporting_province(made: Made) -> None:
    table = demo_places.every_place()
    everywhere = {p for places in table.values() for p in places}
    finder = _finder(everywhere)
    seen: dict[str, set[str]] = defaultdict(set)
    for act in made.activities:
        found = set(finder.findall(" ".join(act[name] for name in TEXTS)))
        own = set(table.get(act["code"], ())) if _local(act) else set()
        assert found <= own, (act["code"], found - own, act["title"])
        seen[act["code"]] |= found
    local = [c for c in seen if c in table]
    assert local and all(seen[c] for c in local)  # each province names its own places


def test_vinh_long_is_never_in_ea_sup_or_lung_cu(vlg: Made) -> None:
    text = " ".join(a[name] for a in vlg.activities for name in TEXTS)
    assert "Ea Súp" not in text and "Lũng Cú" not in text
    assert "Long Hồ" in text and "Trà Vinh" in text


# --- money and people -------------------------------------------------------------------


def test_budgets_are_whole_thousands_of_the_size_such_work_costs(made: Made) -> None:
    budgets = [a["budget_vnd"] for a in made.activities if a["budget_vnd"] is not None]
    assert len(budgets) > len(made.activities) / 2
    assert all(b % 1000 == 0 and b > 0 for b in budgets)
    assert 5_000_000 <= median(budgets) <= 100_000_000  # millions, not hundreds of millions
    assert sum(b > 500_000_000 for b in budgets) <= len(budgets) / 100
    for act in made.activities:
        if _local(act) and act["budget_vnd"]:
            assert act["budget_vnd"] <= 500_000_000, act["title"]
        if "tờ gấp" in act["title"] and act["budget_vnd"]:
            assert act["budget_vnd"] <= 30_000_000, act["title"]


def test_a_training_of_about_fifty_costs_a_few_tens_of_millions(vlg: Made) -> None:
    small = []
    for act in vlg.activities:
        rows = {i["name"]: i for i in vlg.indicators.get(act["id"], [])}
        trained, held = rows.get("Số lượt người được tập huấn"), rows.get(
            "Số hội nghị tập huấn đã tổ chức") or rows.get("Số lớp bồi dưỡng đã tổ chức")
        if (act["status"] == "completed" and trained and held and held["result"] == 1
                and 40 <= trained["result"] <= 60 and act["budget_vnd"]):
            small.append(act["budget_vnd"])
    assert small
    assert all(8_000_000 <= b <= 60_000_000 for b in small), small


def test_beneficiaries_never_exceed_the_people_reached(made: Made) -> None:
    counted = 0
    for act in made.activities:
        people = [i["result"] for i in made.indicators.get(act["id"], [])
                  if i["unit"] in PEOPLE_UNITS and i["result"] is not None]
        groups = [act[k] for k in ("women", "ethnic_minorities", "disabilities", "children")]
        if any(g is not None for g in groups):
            assert people, act["title"]  # counted among people the work reached
            counted += 1
            assert all(g is None or 0 <= g <= max(people) for g in groups), act["title"]
    assert counted > 100


AGENCIES = [("VLG", "province", "Vĩnh Long"), ("LCU", "province", "Lai Châu"),
            ("HYN", "province", "Hưng Yên"), ("HNI", "city", "Hà Nội"),
            ("BCA", "ministry", "Bộ Công an"), ("BTP", "ministry", "Bộ Tư pháp"),
            ("BGDDT", "ministry", "Bộ Giáo dục và Đào tạo")]
TASKS = [("QD2715-T04", "Xóa bỏ định kiến, phân biệt đối xử với phụ nữ, người khuyết tật, trẻ em"),
         ("QD2715-T11", "Tuyên truyền, phổ biến, tập huấn về Công ước và các khuyến nghị"),
         ("QD2715-T03", "Thực hiện các chương trình về bình đẳng giới, ứng phó bạo lực")]


@functools.cache
def _composed(code: str, kind: str, name: str, count: int = 500) -> list[Any]:
    rng = random.Random(code)
    voice = voice_for(rng, code, kind, name, None, 2026)
    statuses = list(ActivityStatus)
    return [compose(rng, voice, *TASKS[n % len(TASKS)], statuses[n % len(statuses)], 2026)
            for n in range(count)]


def test_children_only_where_the_work_is_about_schools() -> None:
    for code, kind, name in AGENCIES:
        for made in _composed(code, kind, name):
            groups = (made.draft.women, made.draft.ethnic_minorities, made.draft.disabilities,
                      made.draft.children)
            assert all(g is None or g <= (made.reached or 0) for g in groups), made.draft.title
            if made.draft.children is not None:
                assert made.work == "schools", made.draft.title


def test_ethnic_minorities_are_many_where_many_live() -> None:
    def share(code: str, name: str) -> float:
        made = [m for m in _composed(code, "province", name) if m.draft.ethnic_minorities]
        return sum(m.draft.ethnic_minorities for m in made) / sum(m.reached for m in made)
    lai_chau, hung_yen = share("LCU", "Lai Châu"), share("HYN", "Hưng Yên")
    assert lai_chau > 0.5 and lai_chau > 3 * hung_yen


# --- words ------------------------------------------------------------------------------


def test_no_paragraph_repeats(vlg: Made) -> None:
    acts = vlg.activities
    descriptions = Counter(a["description"] for a in acts if a["description"])
    assert descriptions.most_common(1)[0][1] <= 3, descriptions.most_common(3)
    assert sum(descriptions.values()) > 0.9 * len(acts)
    for name in ("outputs", "challenges", "next_steps"):
        texts = Counter(a[name] for a in acts if a[name] and a[name] != "Chưa có kết quả.")
        assert texts.most_common(1)[0][1] <= len(acts) * 0.02, (name, texts.most_common(3))
    assert any(len(a["description"]) > 2_000 for a in acts)  # a few long ones, all different


def test_no_text_looks_like_a_formula_or_holds_control_characters(made: Made) -> None:
    for act in made.activities:
        for name in TEXTS:
            text = act[name]
            assert not text.startswith(("=", "+", "-", "@")), (name, text)
            assert unicodedata.is_normalized("NFC", text), (name, text)
            allowed = "\n" if name == "description" else ""
            assert not any(unicodedata.category(c) == "Cc" and c not in allowed for c in text)
        assert act["title"] == act["title"].strip() and "  " not in act["title"]
    names = [i["name"] for rows in made.indicators.values() for i in rows]
    assert not any(n.startswith(("=", "+", "-", "@")) for n in names)


# --- determinism --------------------------------------------------------------------------


def _fill(path: Path, count: int, seed: int = 3) -> None:
    db = Database.open(path)
    try:
        if not path.with_suffix(".done").exists():
            initialise(db, Role.AGENCY, "VLG")
            path.with_suffix(".done").touch()
        drive(demo.fill_demo(db, activities=count, seed=seed, period=2026))
    finally:
        db.close()


def _rows(path: Path) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        rows = list(conn.execute(
            "SELECT uuid, title, description, type, status, start_date, end_date, women, "
            "ethnic_minorities, disabilities, children, budget_vnd, outputs, challenges, "
            "next_steps, evidence FROM activity ORDER BY id"))
        rows += list(conn.execute("SELECT uuid, name, unit, baseline, target, due_date "
                                  "FROM indicator ORDER BY id"))
        rows += list(conn.execute("SELECT uuid, value, note FROM result ORDER BY id"))
    return rows


@pytest.fixture()
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("NAP_REPORTER_HOME", str(tmp_path / "home"))
    yield


def test_same_seed_state_and_period_make_the_same_rows(tmp_path: Path, _home: None) -> None:
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    for path in (one, two):
        _fill(path, 150)
    assert _rows(one) == _rows(two)
    _fill(one, 150)  # a second call: new rows with new UUIDs, not the same ones again
    again = _rows(one)
    uuids = [r[0] for r in again]
    assert len(uuids) == len(set(uuids))
    first = {r[0] for r in _rows(two)}
    assert len(again) > len(first) and first < set(uuids)
    _fill(two, 150, seed=4)
    assert _rows(two) != again  # another seed, other data
