"""The demo checked rule by rule, as a provincial official would read it (issue 13, item 6).

Demo data is generated through `fill_demo` for agencies of each kind — Vĩnh Long (a
province after the 2025 merger), Hà Nội (a centrally-run city), the Ministry of
Justice (a ministry installation) and a focal point's database of simulated
submissions — and every rule is checked mechanically on every row:

- an indicator's unit fits its name (a table of name patterns and the units each
  allows; a name the table does not know fails, so a new measure gets its rule);
  rates are in % and at most 100, people, documents and cases are whole numbers;
- an activity's type fits its agency: a province or city never holds a trial, a
  ministry works in its own field, only the court and the procuracy do judicial work;
- every commune, ward or special zone named lies inside the agency's province (the
  province of today, after the merger of 1 July 2025); a ministry names none;
- the budget of an activity is whole thousands between 5 and 150 million đồng, or
  none. Why that band: under the cost norms for meetings and training (Circular
  40/2017/TT-BTC, Circular 36/2018/TT-BTC) and for legal dissemination and grassroots
  mediation (Circular 56/2023/TT-BTC), a one-day conference for about a hundred
  people costs some 20 to 40 million đồng (hall, documents, meals, speakers), a
  leaflet run of a few thousand copies a few million, a province-wide contest with
  prizes or a series of training classes around a hundred million. Below 5 million an
  agency does the work from its regular funds and reports no budget line of its own;
  above 150 million is a programme, not one activity;
- no paragraph repeats within one agency's data: descriptions, their paragraphs,
  outputs, challenges and next steps of different activities differ;
- no text starts like a spreadsheet formula or holds control, format or other
  hostile characters (those belong to the hostile tests, not to the demo);
- the same seed, starting state and period make the same rows (DESIGN.md).
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.catalog.agencies import agency_choices
from desktop_app.core.domain.enums import Role
from desktop_app.core.progress import drive
from desktop_app.core.services import demo, demo_central, demo_places
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database

TEXTS = ("title", "description", "outputs", "challenges", "next_steps", "evidence")
LOCAL_KINDS = ("province", "city")
PEOPLE = {"lượt người", "người"}
# What an activity's outputs say when nothing is done yet: the same words are right for all.
STOCK = {"Chưa có kết quả."}

# An indicator's name, by the words it starts with, and the units that fit it. The first
# pattern that matches decides; a name no pattern matches is an error.
UNIT_RULES: tuple[tuple[str, set[str]], ...] = (
    (r"^Tỷ lệ ", {"%"}),
    (r"^Số lượt (người|công dân|học sinh)", PEOPLE),
    (r"^Số (người|học viên|đại biểu)\b", PEOPLE),
    (r"^Số văn bản", {"văn bản"}),
    (r"^Số tờ gấp", {"bản", "tờ"}),
    (r"^Số cuốn tài liệu", {"cuốn"}),
    (r"^Số hội nghị", {"hội nghị"}),
    (r"^Số lớp\b", {"lớp"}),
    (r"^Số buổi\b", {"buổi"}),
    (r"^Số hội thảo, tọa đàm", {"cuộc"}),
    (r"^Số phiên đối thoại", {"phiên"}),
    (r"^Số phiên tòa", {"phiên tòa"}),
    (r"^Số cuộc\b", {"cuộc"}),
    (r"^Số vụ việc", {"vụ việc"}),
    (r"^Số trường hợp", {"trường hợp"}),
    (r"^Số Phiếu lý lịch tư pháp", {"phiếu"}),
    (r"^Số hồ sơ", {"hồ sơ"}),
    (r"^Số cơ sở\b", {"cơ sở"}),
    (r"^Số chuyên mục, tin bài", {"tin, bài"}),
    (r"^Số trường\b", {"trường"}),
    (r"^Số xã, phường", {"xã, phường"}),
    (r"^Số báo cáo", {"báo cáo"}),
    (r"^Số cơ quan, đơn vị", {"cơ quan, đơn vị"}),
    (r"^Số bộ, ngành, địa phương", {"cơ quan"}),
    (r"^Số tổ chức tín dụng", {"tổ chức"}),
    (r"^Số đơn vị", {"đơn vị"}),
    (r"^Số dự án, dự thảo", {"dự án, dự thảo"}),
    (r"^Số địa phương", {"địa phương"}),
    (r"^Số bản án, quyết định", {"bản án, quyết định"}),
    (r"^Số điểm cầu", {"điểm cầu"}),
)
_RULES = tuple((re.compile(pattern), units) for pattern, units in UNIT_RULES)

# The work a provincial Department of Justice reports, by the words of its titles.
PROVINCE_WORK = {
    "legal dissemination": ("phổ biến", "tuyên truyền"),
    "legal aid": ("trợ giúp pháp lý",),
    "grassroots mediation": ("hòa giải",),
    "review of legal documents": ("rà soát văn bản", "rà soát, hệ thống hóa văn bản"),
    "state compensation": ("bồi thường của nhà nước",),
    "civil registration": ("khai sinh", "hộ tịch"),
}
TRIAL_WORDS = ("phiên tòa", "xét xử", "bản án", "bị cáo")
JUDICIAL_BODIES = {"TANDTC", "VKSNDTC"}
# Words only a province's own bodies use of themselves; a ministry's text never has them.
PROVINCIAL_WORDS = ("Sở Tư pháp", "Ủy ban nhân dân tỉnh", "Công an tỉnh", "Tỉnh đoàn",
                    "báo cáo viên pháp luật của tỉnh")
BUDGET_BAND = (5_000_000, 150_000_000)


@dataclass(frozen=True)
class Made:
    activities: list[dict[str, Any]]
    indicators: list[dict[str, Any]]

    def by_agency(self) -> dict[str, list[dict[str, Any]]]:
        groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for act in self.activities:
            groups[act["code"]].append(act)
        return groups


def _read(path: Path) -> Made:
    with closing(sqlite3.connect(path)) as conn:
        conn.row_factory = sqlite3.Row
        acts = [dict(r) for r in conn.execute(
            "SELECT a.*, g.code, g.kind, g.name_vi FROM activity a "
            "JOIN agency g ON g.id = a.agency_id ORDER BY a.id")]
        indicators = [dict(r) for r in conn.execute(
            "SELECT i.*, r.value AS result, r.note AS result_note, g.code, g.kind "
            "FROM indicator i JOIN agency g ON g.id = i.agency_id "
            "LEFT JOIN result r ON r.indicator_id = i.id ORDER BY i.id")]
    return Made(acts, indicators)


def _generate(folder: Path, role: Role, agency: str | None, count: int, seed: int = 1,
              year: int = 2026) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "demo.sqlite"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAP_REPORTER_HOME", str(folder / "home"))
        db = Database.open(path)
        try:
            initialise(db, role, agency)
            drive(demo.fill_demo(db, activities=count, seed=seed, period=year))
        finally:
            db.close()
    return path


SETS = {  # name: (role, agency, activities)
    "vinh_long": (Role.AGENCY, "VLG", 1_500),
    "ha_noi": (Role.AGENCY, "HNI", 800),
    "justice_ministry": (Role.AGENCY, "BTP", 800),
    "focal_point": (Role.FOCAL_POINT, None, 1_500),
}
_CACHE: dict[str, Made] = {}


@pytest.fixture(params=list(SETS))
def made(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Made:
    name: str = request.param
    if name not in _CACHE:
        role, agency, count = SETS[name]
        _CACHE[name] = _read(_generate(tmp_path_factory.mktemp(name), role, agency, count))
    return _CACHE[name]


def _set(name: str, factory: pytest.TempPathFactory) -> Made:
    if name not in _CACHE:
        role, agency, count = SETS[name]
        _CACHE[name] = _read(_generate(factory.mktemp(name), role, agency, count))
    return _CACHE[name]


# --- indicators -------------------------------------------------------------------------


def _allowed_units(name: str) -> set[str] | None:
    return next((units for pattern, units in _RULES if pattern.search(name)), None)


def test_every_indicator_unit_fits_its_name(made: Made) -> None:
    assert len(made.indicators) > 300
    for ind in made.indicators:
        allowed = _allowed_units(ind["name"])
        assert allowed is not None, f"no unit rule for {ind['name']!r}"
        assert ind["unit"] in allowed, (ind["name"], ind["unit"])
    # the rules are not vacuous: rates, people and documents all appear
    units = Counter(i["unit"] for i in made.indicators)
    assert units["%"] and sum(units[u] for u in PEOPLE)


def test_rates_are_at_most_100_and_counts_are_whole(made: Made) -> None:
    for ind in made.indicators:
        values = [v for v in (ind["baseline"], ind["target"], ind["result"]) if v is not None]
        assert all(v >= 0 for v in values), ind
        if ind["unit"] == "%":
            assert all(v <= 100 for v in values), ind
        else:  # people, documents, cases, sessions: counted, never 274,3
            assert all(float(v).is_integer() for v in values), ind
    for act in made.activities:
        for group in ("women", "ethnic_minorities", "disabilities", "children"):
            assert act[group] is None or (isinstance(act[group], int) and act[group] >= 0)


# --- the agency's own work --------------------------------------------------------------


def test_a_province_does_its_own_work_and_holds_no_trials(made: Made) -> None:
    local = [a for a in made.activities if a["kind"] in LOCAL_KINDS]
    for act in local:
        assert act["type"] != "judicial", act["title"]
        text = " ".join(act[name] for name in TEXTS).lower()
        assert not any(word in text for word in TRIAL_WORDS), act["title"]


def test_a_department_of_justice_reports_what_such_a_department_does(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    for name in ("vinh_long", "ha_noi"):
        titles = " ".join(a["title"] for a in _set(name, tmp_path_factory).activities).lower()
        missing = [work for work, words in PROVINCE_WORK.items()
                   if not any(w in titles for w in words)]
        assert not missing, (name, missing)


def test_a_ministry_works_in_its_own_field(made: Made) -> None:
    for code, acts in made.by_agency().items():
        if acts[0]["kind"] in LOCAL_KINDS:
            continue
        for act in acts:
            if code not in JUDICIAL_BODIES:
                assert act["type"] != "judicial", (code, act["title"])
                text = " ".join(act[name] for name in TEXTS).lower()
                assert "phiên tòa" not in text, (code, act["title"])
            text = " ".join(act[name] for name in TEXTS)
            assert not any(word in text for word in PROVINCIAL_WORDS), (code, act["title"])


def test_every_ministry_and_central_body_has_work_of_its_own_field() -> None:
    central = [c.code for c in agency_choices() if c.kind not in LOCAL_KINDS]
    assert len(central) >= 19
    for code in central:
        own = demo_central.works_for(code)[:-len(demo_central.GENERIC)]
        assert own, code  # not only the general plans, classes and reports


def test_the_ministry_of_justice_does_justice_work(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    titles = " ".join(a["title"] for a in _set("justice_ministry", tmp_path_factory).activities)
    for words in ("tương thích", "trợ giúp pháp lý", "bổ trợ tư pháp", "báo cáo"):
        assert words in titles.lower(), words


# --- places -----------------------------------------------------------------------------

_PLACE_KINDS = ("đặc khu", "phường", "xã")
_UNIT_KINDS = ("Thành phố", "thành phố", "tỉnh")


def _capitalised(words: list[str], start: int) -> str:
    """The name that starts at words[start]: capitalised words and numbers ("Hà Giang 1")."""
    name: list[str] = []
    for word in words[start:]:
        if (word == "–" or word.isdigit()) and name or word[:1].isupper():
            name.append(word)
        else:
            break
    while name and name[-1] == "–":
        name.pop()
    return " ".join(name)


def _named(text: str, kinds: tuple[str, ...]) -> set[tuple[str, str]]:
    words = re.findall(r"\w+|[^\w\s]", text)  # punctuation ends a name
    found = set()
    for i in range(len(words)):
        for kind in kinds:
            parts = kind.split()
            if words[i:i + len(parts)] == parts:
                name = _capitalised(words, i + len(parts))
                if name:
                    found.add((kind, name))
    return found


def _places_named(text: str) -> set[str]:
    """Every "xã X", "phường X Y", "đặc khu X" in the text (X starting with a capital)."""
    return {f"{kind} {name}" for kind, name in _named(text, _PLACE_KINDS)}


def test_the_place_table_covers_todays_provinces() -> None:
    current = {c.code for c in agency_choices() if c.kind in LOCAL_KINDS}
    assert len(current) == 34  # 28 provinces and 6 cities since 1 July 2025
    assert set(demo_places.UNITS) == current
    for code, unit in demo_places.UNITS.items():
        assert len(unit.places) >= 4, code
        assert all(_places_named(p) == {p} for p in unit.places), code  # the finder sees them
    owners = Counter(p for unit in demo_places.UNITS.values() for p in unit.places)
    assert owners.most_common(1)[0][1] == 1  # no place in two provinces


def test_every_place_lies_inside_the_agencys_province(made: Made) -> None:
    names = {c.code: c.name_vi for c in agency_choices()}
    seen: dict[str, set[str]] = defaultdict(set)
    for act in made.activities:
        text = " | ".join(act[name] for name in TEXTS)
        found = _places_named(text)
        local = act["kind"] in LOCAL_KINDS
        mine = set(demo_places.locality(act["code"]).places) if local else set()
        assert found <= mine, (act["code"], found - mine, act["title"])
        seen[act["code"]] |= found
        if local:  # "tỉnh Vĩnh Long", never another province
            units = {name for _, name in _named(text, _UNIT_KINDS)}
            own = {names[act["code"]], names[act["code"]].removeprefix("Thành phố ")}
            assert units <= own, (act["code"], units - own)
    provinces = [code for code in seen if code in demo_places.UNITS]
    assert all(seen[code] for code in provinces)  # each province names its own places


def test_vinh_long_works_in_vinh_long(tmp_path_factory: pytest.TempPathFactory) -> None:
    acts = _set("vinh_long", tmp_path_factory).activities
    found = set().union(*(_places_named(" | ".join(a[n] for n in TEXTS)) for a in acts))
    assert {"xã Long Hồ", "phường Trà Vinh"} <= found
    assert not found & {"xã Ea Súp", "xã Lũng Cú"}


# --- money ------------------------------------------------------------------------------


def test_every_budget_is_of_the_size_such_work_costs(made: Made) -> None:
    low, high = BUDGET_BAND
    budgets = [a["budget_vnd"] for a in made.activities if a["budget_vnd"] is not None]
    assert len(budgets) > len(made.activities) / 2
    outside = [(a["code"], a["title"], a["budget_vnd"]) for a in made.activities
               if a["budget_vnd"] is not None and not low <= a["budget_vnd"] <= high]
    assert not outside, (len(outside), outside[:5])
    assert all(b % 1000 == 0 for b in budgets)
    for act in made.activities:
        if act["status"] == "cancelled":
            assert act["budget_vnd"] is None, act["title"]


# --- words ------------------------------------------------------------------------------


def _repeats(texts: list[str]) -> list[tuple[str, int]]:
    return [(t, n) for t, n in Counter(texts).items() if n > 1]


def test_no_paragraph_repeats_within_an_agency(made: Made) -> None:
    # not bought by saying nothing: most activities are described
    assert sum(bool(a["description"]) for a in made.activities) > 0.85 * len(made.activities)
    for name in ("outputs", "challenges", "next_steps"):
        assert sum(bool(a[name]) for a in made.activities) > 0.6 * len(made.activities), name
    for code, acts in made.by_agency().items():
        descriptions = [a["description"] for a in acts if a["description"]]
        paragraphs = [p for d in descriptions for p in d.split("\n\n")]
        assert not _repeats(paragraphs), (code, _repeats(paragraphs)[:3])
        for name in ("outputs", "challenges", "next_steps"):
            texts = [a[name] for a in acts if a[name] and a[name] not in STOCK]
            assert not _repeats(texts), (code, name, _repeats(texts)[:3])


_HOSTILE = re.compile(r"<\s*/?\s*(script|img|iframe)|\b(DROP|DELETE|INSERT)\s+(TABLE|FROM|INTO)"
                      r"|\$\{|\{\{|%s|%n|\.\./|\\x[0-9a-f]{2}", re.IGNORECASE)


def _clean(text: str) -> bool:
    return (not text.startswith(("=", "+", "-", "@"))
            and unicodedata.is_normalized("NFC", text)
            and not any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs") and c != "\n"
                        for c in text)
            and not _HOSTILE.search(text))


def test_no_text_looks_like_a_formula_or_holds_hostile_characters(made: Made) -> None:
    for act in made.activities:
        for name in TEXTS:
            assert _clean(act[name]), (name, act[name])
            assert "\n" not in act[name] or name == "description", (name, act[name])
        title = act["title"]
        assert title and title == title.strip() and "  " not in title, title
        assert "{" not in " ".join(act[name] for name in TEXTS)  # no slot left unfilled
    for ind in made.indicators:
        for text in (ind["name"], ind["unit"], ind["result_note"] or ""):
            assert _clean(text) and "\n" not in text, text


# --- determinism --------------------------------------------------------------------------


def _rows(path: Path) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(path)) as conn:
        return [row for table in ("activity", "activityrecommendation", "indicator", "result",
                                  "submission")
                for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]


@pytest.mark.parametrize(("role", "agency"), [(Role.AGENCY, "HNI"),
                                               (Role.FOCAL_POINT, None)])
def test_the_same_seed_makes_the_same_rows(tmp_path: Path, role: Role, agency: str | None
                                           ) -> None:
    one = _rows(_generate(tmp_path / "one", role, agency, 120, seed=9))
    two = _rows(_generate(tmp_path / "two", role, agency, 120, seed=9))
    other = _rows(_generate(tmp_path / "other", role, agency, 120, seed=10))
    assert one == two and len(one) > 120
    assert one != other
