"""One demo activity: a work that fits the agency and the task, its numbers and its words.

Pure functions of a random stream: the same stream gives the same activity. The
numbers hang together: indicators count what the work counts, results follow the
status (nothing yet for a planned activity, part for one in progress), women,
ethnic minorities, persons with disabilities and children are shares of the people
actually reached (children only where the work is about schools), and the budget
is what the work's sessions, people and items cost.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from desktop_app.core.domain.enums import ActivityStatus, AgencyKind
from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft
from desktop_app.core.services import demo_central, demo_places
from desktop_app.core.services import demo_text as tx
from desktop_app.core.services.demo_work import LOCAL_WORKS, Audience, Measure, Work, task_theme

LOCAL_BUDGET_CAP = 500_000_000
CENTRAL_BUDGET_CAP = 650_000_000
_PROVINCE_WORD = re.compile(r"\btỉnh\b")
_T = TypeVar("_T")
_LOWER_FIRST = ("Các ", "Qua ", "Cuộc ", "Đoàn ", "Hội thảo ")  # sentence openers that are no names


@dataclass(frozen=True)
class Voice:
    """How an agency speaks of itself: its name, its plan, its places, its works."""

    code: str
    local: bool
    authority: str  # "Ủy ban nhân dân tỉnh Vĩnh Long", "Bộ Tư pháp"
    where: str  # "tỉnh Vĩnh Long"; a ministry: "các địa phương"
    symbol: str  # "UBND", "BTP"
    plan: str  # "Kế hoạch số 45/KH-UBND ngày 12/02/2026"
    unit: demo_places.Locality
    partners: tuple[str, ...]
    works: tuple[Work, ...]
    area: str = "tỉnh"  # "thành phố" for a centrally-run city


@dataclass
class Composed:
    draft: ActivityDraft
    reached: int | None  # people actually reached, where the work reaches people
    work: str = ""


def voice_for(rng: random.Random, code: str, kind: str, name_vi: str,
              successor: str | None, year: int) -> Voice:
    local = kind in (AgencyKind.PROVINCE, AgencyKind.CITY)
    plan_no, plan_day = _int(rng, (12, 240)), tx.day(rng, year, last_month=3)
    if local:
        area = "thành phố" if kind == AgencyKind.CITY else "tỉnh"
        where = name_vi if name_vi.startswith("Thành phố") else f"{area} {name_vi}"
        partners: tuple[str, ...] = (
                    "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Hội Liên hiệp Phụ nữ tỉnh",
                    "Thành đoàn" if area == "thành phố" else "Tỉnh đoàn", "Hội Luật gia tỉnh",
                    "Đoàn Luật sư tỉnh", "Ủy ban nhân dân các xã, phường",
                    "Liên đoàn Lao động tỉnh")
        return Voice(code, True, f"Ủy ban nhân dân {where}", where, "UBND",
                     f"Kế hoạch số {plan_no}/KH-UBND ngày {plan_day}",
                     demo_places.locality(code, successor), partners, LOCAL_WORKS, area)
    symbol = {"BGDDT": "BGDĐT", "VKSNDTC": "VKSTC"}.get(code, code)
    partners = ("các bộ, ngành liên quan", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
                "Hội Luật gia Việt Nam", "Liên đoàn Luật sư Việt Nam",
                "Chương trình Phát triển Liên hợp quốc (UNDP)", "các cơ quan báo chí")
    return Voice(code, False, name_vi, "các địa phương", symbol,
                 f"Kế hoạch số {plan_no}/KH-{symbol} ngày {plan_day}",
                 demo_places.FALLBACK, partners, demo_central.works_for(code))


def _pick(rng: random.Random, seq: Sequence[_T]) -> _T:
    """rng.choice, at a third of its cost (one float instead of rejection sampling)."""
    return seq[int(rng.random() * len(seq))]


def _int(rng: random.Random, bounds: tuple[int, int]) -> int:
    low, high = bounds
    return low + int(rng.random() * (high - low + 1))


def _two(rng: random.Random, seq: Sequence[_T]) -> tuple[_T, _T]:
    first = int(rng.random() * len(seq))
    second = (first + 1 + int(rng.random() * (len(seq) - 1))) % len(seq)
    return seq[first], seq[second]


def _some(rng: random.Random, seq: Sequence[_T]) -> tuple[_T, ...]:
    """One item, or two different ones a third of the time."""
    return _two(rng, seq) if rng.random() < 1 / 3 else (_pick(rng, seq),)


def _place(rng: random.Random, voice: Voice) -> str:
    if not voice.local:
        return _pick(rng, demo_places.NATIONAL_PLACES) if rng.random() < 0.6 else ""
    places = voice.unit.places
    if places and rng.random() < 0.75:
        return _pick(rng, ("tại ", "tại ", "trên địa bàn ")) + _pick(rng, places)
    return _pick(rng, ("tại các xã, phường trên địa bàn tỉnh", "trên địa bàn tỉnh",
                       "tại một số xã, phường của tỉnh"))


_THEMES: dict[tuple[str, bool, str], str] = {}


def _theme_for(voice: Voice, theme: str) -> str:
    """The task's theme, or "awareness" where the agency has no work of that kind."""
    key = (voice.code, voice.local, theme)
    if key not in _THEMES:
        if voice.local:
            off = theme in tx.CENTRAL_ONLY
        else:
            off = theme in tx.SPECIALIST and not any(theme in w.themes for w in voice.works)
        _THEMES[key] = "awareness" if off else theme
    return _THEMES[key]


_CANDIDATES: dict[tuple[str, bool, str], tuple[list[Work], list[int]]] = {}


def _candidates(voice: Voice, theme: str) -> tuple[list[Work], list[int]]:
    """The works that fit the task's theme, with their weights (worked out once per agency)."""
    key = (voice.code, voice.local, theme)
    if key not in _CANDIDATES:
        _CANDIDATES[key] = _fitting(voice, theme)
    return _CANDIDATES[key]


def _fitting(voice: Voice, theme: str) -> tuple[list[Work], list[int]]:
    many = voice.unit.minority_share >= 0.1 or not voice.local
    works: list[Work] = []
    weights: list[int] = []
    for work in voice.works:
        if work.themes and theme not in work.themes:
            continue
        if work.audiences and not any(many or not a.needs_minorities for a in work.audiences):
            continue
        works.append(work)
        weights.append(work.weight * (3 if work.themes else 1) + (weights[-1] if weights else 0))
    return works, weights  # cumulative


def _round_target(n: int) -> int:
    step = 100 if n >= 2_000 else 10 if n >= 100 else 1
    return max(1, round(n / step) * step)


_PROGRESS = {ActivityStatus.COMPLETED: (0.95, 1.18), ActivityStatus.IN_PROGRESS: (0.3, 0.8),
             ActivityStatus.POSTPONED: (0.0, 0.3)}


@dataclass
class _Numbers:
    sessions: int = 0
    people: int = 0
    items: int = 0
    done_sessions: int | None = None  # None: nothing done yet (planned, cancelled)
    done_people: int | None = None
    done_items: int | None = None


def _numbers(rng: random.Random, work: Work, status: ActivityStatus) -> _Numbers:
    n = _Numbers()
    if work.sessions[1]:
        n.sessions = _int(rng, work.sessions)
        n.people = _round_target(n.sessions * _int(rng, work.size))
    if work.items[1]:
        n.items = _round_target(_int(rng, work.items))
    progress = _PROGRESS.get(status)
    if progress is None:
        return n
    share = rng.uniform(*progress)
    if status is ActivityStatus.COMPLETED:
        n.done_sessions = n.sessions
    else:
        n.done_sessions = min(n.sessions, round(n.sessions * share))
    n.done_people = round(n.people * share) if n.done_sessions else 0
    n.done_items = round(n.items * share)
    if not (n.done_sessions if n.sessions else n.done_items):  # not started after all
        n.done_sessions = n.done_people = n.done_items = None
    return n


def _budget(rng: random.Random, work: Work, n: _Numbers, local: bool,
            status: ActivityStatus) -> int | None:
    cost = work.cost
    if rng.random() < cost.free or status is ActivityStatus.CANCELLED:
        return None
    done = n.done_sessions is not None
    sessions = n.done_sessions if done else n.sessions
    people = n.done_people if done else n.people
    items = n.done_items if done else n.items
    total = _int(rng, cost.fixed)
    for count, (low, high) in ((sessions, cost.session), (people, cost.person),
                               (items, cost.item)):
        if count and high:
            total += (count or 0) * _int(rng, (low, high))
    if total <= 0:
        return None
    cap = LOCAL_BUDGET_CAP if local else CENTRAL_BUDGET_CAP
    return min(total * 1000, cap - _int(rng, (0, 40)) * 1_000_000)


def _indicators(rng: random.Random, work: Work, n: _Numbers, voice: Voice,
                due: date) -> list[IndicatorDraft]:
    measures = list(work.measures)
    people = [m for m in measures if m.of == "people" and n.people]
    others = [m for m in measures if m not in people
              and (m.of != "sessions" or n.sessions) and (m.of != "items" or n.items)]
    if not people and rng.random() < 0.3:
        return []
    k = _int(rng, (0, 1)) if people else _int(rng, (1, 2))
    chosen = people + rng.sample(others, k=min(len(others), k))
    chosen.sort(key=measures.index)
    return [_indicator(rng, m, n, voice, due) for m in chosen]


def _indicator(rng: random.Random, m: Measure, n: _Numbers, voice: Voice,
               due: date) -> IndicatorDraft:
    note = _pick(rng, tx.RESULT_NOTES)
    if note == "Theo danh sách đại biểu" and m.of != "people":
        note = ""
    if m.of == "percent":
        target = float(_int(rng, (m.low, m.high)))
        baseline = float(max(0, int(target) - _int(rng, (3, 20)))) if rng.random() < 0.5 else None
        result = None
        if n.done_sessions is not None and rng.random() < 0.85:
            result = round(min(100.0, max(0.0, target + rng.uniform(-8, 6))), 1)
        return IndicatorDraft(m.name, m.unit, target, baseline, due, result, note)
    target_n = {"people": n.people, "sessions": n.sessions, "items": n.items}[m.of]
    done = {"people": n.done_people, "sessions": n.done_sessions, "items": n.done_items}[m.of]
    baseline = (float(round(target_n * rng.uniform(0.4, 1.0))) if rng.random() < 0.4 else None)
    return IndicatorDraft(m.name, m.unit, float(target_n), baseline, due,
                          float(done) if done is not None else None, note)


def _beneficiaries(rng: random.Random, audience: Audience | None, reached: int | None,
                   voice: Voice) -> list[int | None]:
    if audience is None or not reached or rng.random() < 0.15:
        return [None, None, None, None]
    minorities = (rng.uniform(*audience.minorities) if audience.minorities else
                  min(1.0, voice.unit.minority_share * rng.uniform(0.6, 1.4)))
    shares = [rng.uniform(*audience.women), minorities, rng.uniform(*audience.disabilities),
              rng.uniform(*audience.children) if audience.children else None]
    counts = [min(reached, round(reached * s)) if s is not None else None for s in shares]
    if counts[2] is not None and rng.random() < 0.2:
        counts[2] = None  # not every report counts persons with disabilities
    return counts


def _fill(text: str, slots: dict[str, str]) -> str:
    return text.format(**slots)


_AUDIENCES: dict[tuple[int, bool], tuple[Audience, ...]] = {}


def _audiences(work: Work, many: bool) -> tuple[Audience, ...]:
    """Whom the work can reach: targeted at ethnic minorities only where many live."""
    key = (id(work), many)  # works are module constants; hashing one costs all its fields
    if key not in _AUDIENCES:
        _AUDIENCES[key] = tuple(a for a in work.audiences if many or not a.needs_minorities)
    return _AUDIENCES[key]


def compose(rng: random.Random, voice: Voice, task_code: str, task_title_vi: str,
            status: ActivityStatus, year: int) -> Composed:
    """The draft of one activity of `voice`'s agency under the task, with its numbers."""
    theme = _theme_for(voice, task_theme(task_title_vi))
    works, weights = _candidates(voice, theme)
    if not works:
        works, weights = list(voice.works), list(range(1, len(voice.works) + 1))
    work = rng.choices(works, cum_weights=weights)[0]
    audiences = _audiences(work, voice.unit.minority_share >= 0.1 or not voice.local)
    audience = _pick(rng, audiences) if audiences else None
    n = _numbers(rng, work, status)
    lead = work.lead or voice.authority
    slots = {
        "topic": _pick(rng, tx.TOPICS.get(theme, tx.TOPICS["awareness"])),
        "audience": audience.words if audience else "cán bộ, công chức",
        "place": _place(rng, voice), "language": voice.unit.language,
        "locality": voice.where, "year": str(year), "next_year": str(year + 1),
        "lead": lead, "lead_short": lead, "lead_cap": tx.capital(lead),
        "partner": _pick(rng, voice.partners),
        "authority": voice.authority, "plan": voice.plan,
        "decision": "2715/QĐ-TTg" if year >= 2026 else "1252/QĐ-TTg",
        "quarter": _pick(rng, tx.QUARTERS),
        "where": _where(rng, voice),
        "sessions": tx.thousands(n.sessions if n.done_sessions is None else n.done_sessions),
        "people": tx.thousands(n.people if n.done_people is None else n.done_people),
        "items": tx.thousands(n.items if n.done_items is None else n.done_items),
    }
    titles = [t for t in work.titles if voice.unit.language or "{language}" not in t]
    template = _pick(rng, titles)
    title = " ".join(_fill(template, slots).split())
    own_subject = "{topic}" not in template
    start = date(year, 1, 2) + timedelta(days=_int(rng, (0, 300))) if rng.random() < 0.9 else None
    slots["month"] = f"{start.month}/{start.year}" if start else ""
    slots["item"] = next((m.unit for m in work.measures if m.of == "items"), "")
    end = start + timedelta(days=_int(rng, work.days)) if start and rng.random() < 0.85 else None
    due = end if end and end.year == year else date(year, 12, _int(rng, (1, 31)))
    indicators = _indicators(rng, work, n, voice, due)
    reached = n.done_people if n.people else None
    women, minorities, disabilities, children = _beneficiaries(rng, audience, reached, voice)
    draft = ActivityDraft(
        title=title, task_code=task_code, type=work.type, status=status,
        description=_description(rng, work, n, status, slots, own_subject),
        start_date=start, end_date=end,
        women=women, ethnic_minorities=minorities, disabilities=disabilities, children=children,
        budget_vnd=_budget(rng, work, n, voice.local, status),
        outputs=_outputs(rng, work, indicators, n, slots),
        challenges=_challenges(rng, status, slots, own_subject),
        next_steps=_next_steps(rng, status, slots, own_subject),
        evidence=_evidence(rng, voice, work, year), indicators=indicators,
    )
    if voice.local and voice.area != "tỉnh":
        for name in ("title", "description", "outputs", "challenges", "next_steps"):
            setattr(draft, name, _PROVINCE_WORD.sub(voice.area, getattr(draft, name)))
    return Composed(draft, reached, work.key)


def _where(rng: random.Random, voice: Voice) -> str:
    if voice.local and voice.unit.places and rng.random() < 0.5:
        return _pick(rng, voice.unit.places)
    if voice.local:
        return _pick(rng, ("các xã vùng sâu, vùng xa", "các xã, phường mới sắp xếp",
                           "các địa bàn khó khăn của tỉnh"))
    return _pick(rng, ("các tỉnh miền núi phía Bắc", "các tỉnh Tây Nguyên",
                       "các tỉnh đồng bằng sông Cửu Long", "các địa phương còn khó khăn"))


def _pool(pool: tuple[_T, ...], own_subject: bool) -> tuple[_T, ...]:
    return tx.UNTOPICAL[id(pool)] if own_subject else pool


def _description(rng: random.Random, work: Work, n: _Numbers, status: ActivityStatus,
                 slots: dict[str, str], own_subject: bool) -> str:
    roll = rng.random()
    if roll < 0.05:
        return ""
    started = n.done_sessions is not None
    kind = 0 if n.people else 1 if slots["item"] else -1
    size = _fill(tx.SIZES[kind], slots) if kind >= 0 else ""
    if status is ActivityStatus.PLANNED:
        schedules = tx.SCHEDULES if slots["month"] else tx.SCHEDULES[2:]
        body = _fill(_pick(rng, schedules) + (tx.SCOPES[kind] if kind >= 0 else "."), slots)
        if rng.random() < 0.7:
            body += " " + _fill(_pick(rng, tx.PLANNED), slots)
    elif status is ActivityStatus.CANCELLED:
        body = " ".join(filter(None, (_fill(_pick(rng, tx.CANCELLED), slots), size,
                                      _fill(_pick(rng, tx.CANCELLED_AFTER), slots))))
    elif not started:
        pool = tx.POSTPONED if status is ActivityStatus.POSTPONED else tx.PREPARING
        body = " ".join(filter(None, (_fill(_pick(rng, pool), slots), size)))
    else:
        done = _fill(_pick(rng, work.done), slots).rstrip(".") + "."
        if status is ActivityStatus.IN_PROGRESS and work.key != "plan":
            lower = done.startswith(_LOWER_FIRST)
            done = "Đến nay, " + (done[0].lower() + done[1:] if lower else done)
        if work.key == "plan":
            body = f"Căn cứ Quyết định số {slots['decision']} của Thủ tướng Chính phủ, " + done
        elif done.startswith(slots["lead"]) and rng.random() < 0.6:
            body = _fill(_pick(rng, _pool(tx.LEADS_IN, own_subject)), slots) + done
        else:
            body = _fill(_pick(rng, _pool(tx.OPENINGS, own_subject)), slots) + " " + done
        if status is ActivityStatus.POSTPONED:
            body += " " + _fill(_pick(rng, tx.POSTPONED), slots)
    parts = [body]
    if rng.random() < 0.6:
        a, b = _two(rng, _pool(tx.FOCUS, own_subject))
        opener = _pick(rng, tx.FOCUS_OPENERS) if started else tx.PLANNED_FOCUS
        parts.append(_fill(opener, {"a": _fill(a, slots), "b": _fill(b, slots)}))
    if started and rng.random() < 0.5:
        parts.append(_fill(_pick(rng, _pool(tx.CLOSINGS, own_subject)), slots))
    text = " ".join(parts)
    if roll < 0.09:  # a few detailed ones, as when a report section is pasted in
        detail = _pool(tx.DETAIL, own_subject)
        extra = rng.sample(detail, len(detail))
        paragraphs = [text]
        while sum(map(len, paragraphs)) < 2_100 and extra:
            paragraphs.append(_fill(extra.pop(), slots))
        text = "\n\n".join(paragraphs)
    return text


def _outputs(rng: random.Random, work: Work, indicators: list[IndicatorDraft], n: _Numbers,
             slots: dict[str, str]) -> str:
    if n.done_sessions is None:  # nothing done yet
        return "" if rng.random() < 0.6 else "Chưa có kết quả."
    facts = [f"{i.name[0].lower()}{i.name[1:]}: "
             + (f"{tx.rate(i.result)}%" if i.unit == "%" else
                f"{tx.thousands(int(i.result))} {i.unit}")
             for i in indicators if i.result is not None]
    if not facts:  # no indicator to quote: say what was done in the work's own units
        session = next((m.unit for m in work.measures if m.of == "sessions"), "đợt")
        facts = [f"{tx.thousands(count)} {unit}" for count, unit in (
            (n.done_sessions, session), (n.done_people or 0, "lượt người tham gia"),
            (n.done_items or 0, slots["item"] or "sản phẩm")) if count]
        facts[0] = _pick(rng, ("đã thực hiện ", "hoàn thành ")) + facts[0]
    text = tx.capital("; ".join(facts)) + "."
    if rng.random() < 0.5:
        text += " " + _fill(_pick(rng, tx.PRODUCTS), slots)
    return text


def _challenges(rng: random.Random, status: ActivityStatus, slots: dict[str, str],
                own_subject: bool) -> str:
    if status is ActivityStatus.COMPLETED and rng.random() < 0.35:
        return ""
    causes = _some(rng, _pool(tx.CAUSES, own_subject))
    return " ".join(_fill(_lead_in(rng, tx.CAUSE_CONTEXT, cause) + _pick(rng, effects), slots)
                    for cause, effects in causes)


def _next_steps(rng: random.Random, status: ActivityStatus, slots: dict[str, str],
                own_subject: bool) -> str:
    if status is ActivityStatus.CANCELLED or rng.random() < 0.15:
        return ""
    actions = _some(rng, _pool(tx.ACTIONS, own_subject))
    return " ".join(_fill(_lead_in(rng, tx.ACTION_CONTEXT, action) + _pick(rng, whens), slots)
                    for action, whens in actions)


def _lead_in(rng: random.Random, pool: tuple[str, ...], sentence: str) -> str:
    context = _pick(rng, pool)
    return context + sentence[0].lower() + sentence[1:] if context else sentence


def _evidence(rng: random.Random, voice: Voice, work: Work, year: int) -> str:
    if rng.random() < 0.2:
        return ""
    pool = [e for e in tx.EVIDENCE if work.sessions[1] or "đại biểu" not in e]
    picks = _some(rng, pool)
    return " ".join(_fill(p, {"n": str(_int(rng, (5, 480))), "symbol": voice.symbol,
                              "d": tx.day(rng, year, last_month=11)}) for p in picks)
