"""One demo activity: a work that fits the agency and the task, and its words.

What the agency does comes from its works (`demo_work`, `demo_central`), how big the
activity is from `demo_numbers`, and the words from `demo_text`'s pools with the
activity's own slots (topic, place, audience, partner, quarter). The same random
stream and the same agency history give the same activity; an agency remembers what
it has said in the run (`Voice.said`), so no two of its activities share a paragraph,
an output, a challenge or a next step.
"""

from __future__ import annotations

import functools
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple, TypeVar

from desktop_app.core.domain.enums import ActivityStatus, AgencyKind
from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft
from desktop_app.core.services import demo_central, demo_places
from desktop_app.core.services import demo_text as tx
from desktop_app.core.services.demo_numbers import (
    Numbers,
    beneficiaries,
    between,
    budget,
    indicators,
    numbers,
    pick,
)
from desktop_app.core.services.demo_work import LOCAL_WORKS, Audience, Work, task_theme

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
    # the paragraphs and sentences its activities have said so far in this run
    said: set[str] = field(default_factory=set, compare=False, repr=False)


@dataclass
class Composed:
    draft: ActivityDraft
    reached: int | None  # people actually reached, where the work reaches people
    work: str = ""


def voice_for(rng: random.Random, code: str, kind: str, name_vi: str,
              successor: str | None, year: int) -> Voice:
    local = kind in (AgencyKind.PROVINCE, AgencyKind.CITY)
    plan_no, plan_day = between(rng, (12, 240)), tx.day(rng, year, last_month=3)
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


def _two(rng: random.Random, seq: Sequence[_T]) -> tuple[_T, _T]:
    first = int(rng.random() * len(seq))
    second = (first + 1 + int(rng.random() * (len(seq) - 1))) % len(seq)
    return seq[first], seq[second]


def _some(rng: random.Random, seq: Sequence[_T], two: float = 1 / 3) -> tuple[_T, ...]:
    """One item, or two different ones (a third of the time, or as often as `two` says)."""
    return _two(rng, seq) if rng.random() < two else (pick(rng, seq),)


def _place(rng: random.Random, voice: Voice) -> str:
    if not voice.local:
        return pick(rng, demo_places.NATIONAL_PLACES) if rng.random() < 0.6 else ""
    places = voice.unit.places
    if places and rng.random() < 0.75:
        return pick(rng, ("tại ", "tại ", "trên địa bàn ")) + pick(rng, places)
    return pick(rng, ("tại các xã, phường trên địa bàn tỉnh", "trên địa bàn tỉnh",
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


def _fill(text: str, slots: dict[str, str]) -> str:
    return text.format_map(slots)


_AUDIENCES: dict[tuple[int, bool], tuple[Audience, ...]] = {}


def _audiences(work: Work, many: bool) -> tuple[Audience, ...]:
    """Whom the work can reach: targeted at ethnic minorities only where many live."""
    key = (id(work), many)  # works are module constants; hashing one costs all its fields
    if key not in _AUDIENCES:
        _AUDIENCES[key] = tuple(a for a in work.audiences if many or not a.needs_minorities)
    return _AUDIENCES[key]


def compose(rng: random.Random, voice: Voice, task_code: str, task_title_vi: str,
            status: ActivityStatus, year: int) -> Composed:
    """The draft of one activity of `voice`'s agency under the task, with its numbers.

    Its paragraphs, outputs, challenges and next steps are ones the agency has not
    written before in this run (`Voice.said`), so no two of its activities share them.
    """
    theme = _theme_for(voice, task_theme(task_title_vi))
    works, weights = _candidates(voice, theme)
    if not works:
        works, weights = list(voice.works), list(range(1, len(voice.works) + 1))
    work = rng.choices(works, cum_weights=weights)[0]
    audiences = _audiences(work, voice.unit.minority_share >= 0.1 or not voice.local)
    audience = pick(rng, audiences) if audiences else None
    n = numbers(rng, work, status)
    lead = work.lead or voice.authority
    slots = {
        "topic": pick(rng, tx.TOPICS.get(theme, tx.TOPICS["awareness"])),
        "audience": audience.words if audience else "cán bộ, công chức",
        "place": _place(rng, voice), "language": voice.unit.language,
        "locality": voice.where, "year": str(year), "next_year": str(year + 1),
        "lead": lead, "lead_short": lead, "lead_cap": tx.capital(lead),
        "partner": pick(rng, voice.partners),
        "authority": voice.authority, "plan": voice.plan,
        "superior": _superior(voice, lead),
        "decision": "2715/QĐ-TTg" if year >= 2026 else "1252/QĐ-TTg",
        "quarter": pick(rng, tx.QUARTERS),
        "where": _where(rng, voice), "remote": _remote(rng, voice),
        "sessions": tx.thousands(n.sessions if n.done_sessions is None else n.done_sessions),
        "people": tx.thousands(n.people if n.done_people is None else n.done_people),
        "items": tx.thousands(n.items if n.done_items is None else n.done_items),
    }
    titles = [t for t in work.titles if voice.unit.language or "{language}" not in t]
    template = pick(rng, titles)
    title = " ".join(_fill(template, slots).split())
    fit = _Fit("{topic}" not in template, bool(voice.unit.language),
               n.done_sessions is not None, n.people > 0)
    slots["shortage"] = (f"; tài liệu bằng tiếng {voice.unit.language} còn ít"
                         if voice.unit.language else "")
    start = (date(year, 1, 2) + timedelta(days=between(rng, (0, 300))) if rng.random() < 0.9
             else None)
    slots["month"] = f"{start.month}/{start.year}" if start else ""
    slots["item"] = next((m.unit for m in work.measures if m.of == "items"), "")
    slots.update(_quarters(start, slots["quarter"], year))
    days = between(rng, work.days)
    if n.sessions > 2:  # many talks or classes are spread over weeks, not held in one day
        days = max(days, 5 * n.sessions)
    end = start + timedelta(days=days) if start and rng.random() < 0.85 else None
    due = end if end and end.year == year else date(year, 12, between(rng, (1, 31)))
    measured = indicators(rng, work, n, due)
    reached = n.done_people if n.people else None
    women, minorities, disabilities, children = beneficiaries(
        rng, audience, reached, voice.unit.minority_share)
    said = voice.said
    draft = ActivityDraft(
        title=title, task_code=task_code, type=work.type, status=status,
        description=_fresh(said, lambda _: _description(rng, work, n, status, slots, fit, said)),
        start_date=start, end_date=end,
        women=women, ethnic_minorities=minorities, disabilities=disabilities, children=children,
        budget_vnd=budget(rng, work, n, status),
        outputs=_outputs(rng, work, measured, n, slots, fit, said),
        challenges=_fresh(said, lambda again: _challenges(rng, status, slots, fit, again)),
        next_steps=_fresh(said, lambda again: _next_steps(rng, status, slots, fit, again)),
        evidence=_evidence(rng, voice, work, year), indicators=measured,
    )
    if voice.local and voice.area != "tỉnh":
        for name in ("title", "description", "outputs", "challenges", "next_steps"):
            setattr(draft, name, _PROVINCE_WORD.sub(voice.area, getattr(draft, name)))
    return Composed(draft, reached, work.key)


class _Fit(NamedTuple):
    """Which parts of the word pools fit this activity."""

    own_subject: bool  # the title names its own subject: no parts naming another topic
    language: bool  # a minority language is spoken where the agency works
    started: bool  # something has been done: parts that speak of work under way fit
    people: bool  # the work gathers people: parts that speak of participants fit


def _fresh(said: set[str], make: Callable[[bool], str], tries: int = 6) -> str:
    """The first text from `make` none of whose paragraphs the agency has written before;
    after the first try `make` is told to try harder (two sentences rather than one)."""
    for attempt in range(tries):
        text = make(attempt > 0)
        paragraphs = text.split("\n\n") if text else []
        if not any(p in said for p in paragraphs):
            said.update(paragraphs)
            return text
    return ""  # nothing new to say: better nothing than a repeated paragraph


def _superior(voice: Voice, lead: str) -> str:
    """Whom the lead reports to: a department to its People's Committee, a ministry's unit
    to the ministry, a ministry or province to the Ministry of Justice, which reports to
    the Prime Minister."""
    if lead != voice.authority:
        return voice.authority
    return "Thủ tướng Chính phủ" if voice.code == "BTP" else "Bộ Tư pháp"


def _quarters(start: date | None, quarter: str, year: int) -> dict[str, str]:
    """The quarter the activity starts in, and a later one (where a postponed one goes)."""
    if start is None:
        return {"start_quarter": quarter, "later": f"quý IV năm {year}"}
    index = (start.month - 1) // 3
    later = (f"{tx.QUARTERS[index + 1]} năm {year}" if index < 3 else
             f"quý I năm {year + 1}")
    return {"start_quarter": tx.QUARTERS[index], "later": later}


def _where(rng: random.Random, voice: Voice) -> str:
    if voice.local and voice.unit.places and rng.random() < 0.5:
        return pick(rng, voice.unit.places)
    if voice.local:
        return pick(rng, ("các xã vùng sâu, vùng xa", "các xã, phường mới sắp xếp",
                           "các địa bàn khó khăn của tỉnh"))
    return pick(rng, ("các tỉnh miền núi phía Bắc", "các tỉnh Tây Nguyên",
                       "các tỉnh đồng bằng sông Cửu Long", "các địa phương còn khó khăn"))


def _remote(rng: random.Random, voice: Voice) -> str:
    """A place far from the centre: a commune or special zone of the province, never a ward."""
    if not voice.local:
        return pick(rng, ("các tỉnh miền núi phía Bắc", "các tỉnh Tây Nguyên",
                           "các xã biên giới, hải đảo"))
    rural = _rural(voice.unit.places)
    if rural and rng.random() < 0.6:
        return pick(rng, rural)
    return pick(rng, ("các xã vùng sâu, vùng xa", "các thôn, ấp xa trung tâm"))


@functools.cache
def _rural(places: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p for p in places if not p.startswith("phường"))


def _pool(pool: tuple[_T, ...], fit: _Fit) -> tuple[_T, ...]:
    return tx.variant(pool, fit.own_subject, fit.language, fit.people)


def _description(rng: random.Random, work: Work, n: Numbers, status: ActivityStatus,
                 slots: dict[str, str], fit: _Fit, said: set[str]) -> str:
    roll = rng.random()
    if roll < 0.05:
        return ""
    started = fit.started
    kind = 0 if n.people else 1 if slots["item"] else -1
    size = _fill(tx.SIZES[kind], slots) if kind >= 0 else ""
    if status is ActivityStatus.PLANNED:
        schedules = tx.SCHEDULES if slots["month"] else tx.SCHEDULES[2:]
        body = _fill(pick(rng, schedules) + (tx.SCOPES[kind] if kind >= 0 else "."), slots)
        if rng.random() < 0.7:
            body += " " + _fill(pick(rng, tx.PLANNED), slots)
    elif status is ActivityStatus.CANCELLED:
        body = " ".join(filter(None, (_fill(pick(rng, tx.CANCELLED), slots), size,
                                      _fill(pick(rng, tx.CANCELLED_AFTER), slots))))
    elif not started:
        pool = tx.POSTPONED if status is ActivityStatus.POSTPONED else tx.PREPARING
        body = " ".join(filter(None, (_fill(pick(rng, pool), slots), size)))
    else:
        done = _fill(pick(rng, work.done), slots).rstrip(".") + "."
        if status is ActivityStatus.IN_PROGRESS and work.key != "plan":
            lower = done.startswith(_LOWER_FIRST)
            done = "Đến nay, " + (done[0].lower() + done[1:] if lower else done)
        if work.key == "plan":
            body = f"Căn cứ Quyết định số {slots['decision']} của Thủ tướng Chính phủ, " + done
        elif done.startswith(slots["lead"]) and rng.random() < 0.6:
            body = _fill(pick(rng, _pool(tx.LEADS_IN, fit)), slots) + done
        else:
            body = _fill(pick(rng, _pool(tx.OPENINGS, fit)), slots) + " " + done
        if status is ActivityStatus.POSTPONED:
            body += " " + _fill(pick(rng, tx.POSTPONED), slots)
    parts = [body]
    if rng.random() < 0.6:
        a, b = _two(rng, _pool(tx.FOCUS, fit))
        opener = pick(rng, tx.FOCUS_OPENERS) if started else tx.PLANNED_FOCUS
        parts.append(_fill(opener, {"a": _fill(a, slots), "b": _fill(b, slots)}))
    if started and rng.random() < 0.5:
        parts.append(_fill(pick(rng, _pool(tx.CLOSINGS, fit)), slots))
    text = " ".join(parts)
    if roll < 0.09:  # a few detailed ones, as when a report section is pasted in
        detail = _pool(tx.DETAIL, fit)
        extra = rng.sample(detail, len(detail))
        paragraphs = [text]
        while sum(map(len, paragraphs)) < 2_100 and extra:
            paragraph = _fill(extra.pop(), slots)
            if paragraph not in said:  # skipped: said in another activity already
                paragraphs.append(paragraph)
        text = "\n\n".join(paragraphs)
    return text


def _outputs(rng: random.Random, work: Work, indicators: list[IndicatorDraft], n: Numbers,
             slots: dict[str, str], fit: _Fit, said: set[str]) -> str:
    if n.done_sessions is None:  # nothing done yet
        return "" if rng.random() < 0.6 else "Chưa có kết quả."
    facts = [f"{i.name[0].lower()}{i.name[1:]}: "
             + (f"{tx.rate(i.result)}%" if i.unit == "%" else
                f"{tx.thousands(int(i.result))} {i.unit}")
             for i in indicators if i.result is not None]
    if not facts:  # no indicator to quote: say what was done with the work's own measures
        done = {"sessions": n.done_sessions, "people": n.done_people, "items": n.done_items}
        facts = [f"{m.name[0].lower()}{m.name[1:]}: {tx.thousands(done[m.of] or 0)} {m.unit}"
                 for m in work.measures if m.of != "percent" and done[m.of]]
    if not facts:
        return ""
    text = tx.capital("; ".join(facts)) + "."
    fitting = _pool(tx.PRODUCTS, fit)
    products = rng.sample(fitting, len(fitting))
    if rng.random() < 0.5:
        products.insert(0, "")  # the facts alone, if no other activity stated the same
    for product in products:
        candidate = f"{text} {_fill(product, slots)}" if product else text
        if candidate not in said:
            said.add(candidate)
            return candidate
    return ""  # the same facts and words as another activity's: better left unsaid


def _challenges(rng: random.Random, status: ActivityStatus, slots: dict[str, str], fit: _Fit,
                again: bool) -> str:
    if status is ActivityStatus.COMPLETED and not again and rng.random() < 0.35:
        return ""
    pool = _pool(tx.CAUSES, fit)
    causes = _two(rng, pool) if again else _some(rng, pool, 0.55)
    contexts = tx.CAUSE_CONTEXT + (tx.CAUSE_CONTEXT_STARTED if fit.started else ())
    return _sentences(rng, causes, contexts, slots, fit.people)


def _next_steps(rng: random.Random, status: ActivityStatus, slots: dict[str, str], fit: _Fit,
                again: bool) -> str:
    if status is ActivityStatus.CANCELLED or (not again and rng.random() < 0.15):
        return ""
    pool = _pool(_next_pool(status, fit.started), fit)
    actions = _two(rng, pool) if again else _some(rng, pool, 0.45)
    return _sentences(rng, actions, tx.ACTION_CONTEXT, slots, fit.people)


@functools.cache
def _next_pool(status: ActivityStatus, started: bool) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Next steps that fit the state: follow-ups of work done, what is left of work under
    way, the preparations of work not begun."""
    if not started:
        return tx.ACTIONS + tx.BEFORE_START
    left = tx.UNFINISHED if status is not ActivityStatus.COMPLETED else ()
    return tx.ACTIONS + tx.FOLLOW_UPS + left


def _sentences(rng: random.Random, picks: tuple[tuple[str, tuple[str, ...]], ...],
               contexts: tuple[str, ...], slots: dict[str, str], people: bool) -> str:
    """Each pick (a cause or an action with its endings) as a sentence, after a lead-in;
    two sentences never open alike, and a lead-in naming a place goes before no sentence
    that names one itself."""
    taken = None
    sentences = []
    for sentence, endings in picks:
        ending = pick(rng, endings)
        if ending == tx.FEWER and not people:  # no participants to be fewer than planned
            ending = "."
        context = pick(rng, contexts)
        if context and (_family(context) == taken
                        or ("{where}" in context and "{where}" in sentence + ending)):
            context = ""
        if taken is None:
            taken = _family(context)
        body = context + _lowered(sentence) if context else sentence
        sentences.append(_fill(body + ending, slots))
    return " ".join(sentences)


@functools.cache
def _family(context: str) -> str:
    """Lead-ins that open alike ("Thời gian tới", "Trong thời gian tới, cần") count as one."""
    return "thời gian tới" if "thời gian tới" in context.lower() else context


@functools.cache
def _lowered(sentence: str) -> str:
    return sentence[0].lower() + sentence[1:]


def _evidence(rng: random.Random, voice: Voice, work: Work, year: int) -> str:
    if rng.random() < 0.2:
        return ""
    pool = [e for e in tx.EVIDENCE if work.sessions[1] > 1 or "đại biểu" not in e]
    picks = _some(rng, pool)
    superior = _superior(voice, voice.authority)
    return " ".join(_fill(p, {"n": str(between(rng, (5, 480))), "symbol": voice.symbol,
                              "d": tx.day(rng, year, last_month=11), "superior": superior})
                    for p in picks)
