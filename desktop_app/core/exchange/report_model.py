"""The plain shapes the report renderers draw: counts, progress by area and task, the
issuer's settings, the agency report's look-ups, the Committee's grade meanings.

They are frozen dataclasses of plain values, made by the services (which read the
database) and drawn by the renderers of this package (which never do), so that a PDF or a
workbook is a pure function of what was read. The few pure helpers that shape such values
(the order people read codes in, the most frequent statements of a list) live here too,
beside the shapes they serve.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from desktop_app.core.domain.enums import ActivityStatus, AgencyKind
from desktop_app.core.domain.text import nfc
from desktop_app.core.domain.timefmt import VIET_NAM as VIET_NAM

STATUSES: tuple[str, ...] = tuple(s.value for s in ActivityStatus)

DEFAULT_PLAN_VI = "Kế hoạch thực hiện Công ước quốc tế về các quyền dân sự và chính trị"


def issuing_body_vi(kind: str, name_vi: str) -> str:
    """The body that reports, named in full as a document names it: "Ủy ban nhân dân
    Thành phố Hà Nội", "Ủy ban nhân dân tỉnh Vĩnh Long"; a ministry or central body by
    its own name ("Bộ Tư pháp")."""
    name = " ".join(nfc(name_vi).split())
    if kind == AgencyKind.CITY:
        bare = name[len("Thành phố "):] if name.lower().startswith("thành phố ") else name
        return f"Ủy ban nhân dân Thành phố {bare}"
    if kind == AgencyKind.PROVINCE:
        bare = name[len("tỉnh "):] if name.lower().startswith("tỉnh ") else name
        return f"Ủy ban nhân dân tỉnh {bare}"
    return name


def plan_excerpt(lead: str, title_vi: str, decision: str, signed_on: date | None) -> str:
    """The excerpt line (trích yếu): ``lead`` ("Kết quả", "Tổng hợp kết quả"), the plan
    named once and the Decision that approved it: "Kết quả triển khai Kế hoạch thực hiện
    các khuyến nghị … được phê duyệt tại Quyết định số 2715/QĐ-TTg ngày 13/12/2025 của
    Thủ tướng Chính phủ". A plan whose own name says "thực hiện" is "triển khai"-ed, so
    the line never says "thực hiện Kế hoạch thực hiện"."""
    plan = " ".join(nfc(title_vi).split()) or DEFAULT_PLAN_VI
    verb = "triển khai" if "thực hiện" in plan.lower() else "thực hiện"
    line = f"{lead} {verb} {plan}"
    if decision:
        line += f" được phê duyệt tại Quyết định số {nfc(decision)}"
        if signed_on is not None:
            line += f" ngày {signed_on.day:02d}/{signed_on.month:02d}/{signed_on.year}"
        line += " của Thủ tướng Chính phủ"
    return line


def default_period_range(year: int) -> tuple[date, date]:
    """The data a period ``year`` covers by default (Decree 09/2019/NĐ-CP, Art. 12): from
    15 December of the year before to 14 December."""
    return date(year - 1, 12, 15), date(year, 12, 14)


def reference(symbol: str | None, paragraph: str | None, fallback: str = "") -> str:
    """Where a recommendation is in its document: "đoạn 24, CCPR/C/VNM/CO/3"; the
    document alone when its paragraph is not known."""
    where = nfc(symbol or fallback)
    if paragraph:
        return f"đoạn {nfc(paragraph)}, {where}" if where else f"đoạn {nfc(paragraph)}"
    return where


def short_text(text: str, words: int = 12) -> str:
    """The first ``words`` words of ``text`` ("…" when cut), for a narrow column."""
    parts = nfc(text).split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


def natural_key(code: str) -> tuple[tuple[int, int | str], ...]:
    """Sort codes the way people read them: "CO3-P8" before "CO3-P12"."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", code) if part)


def themes(texts: Iterable[str | None]) -> list[tuple[str, int]]:
    """The distinct statements, most frequent first (then in order of appearance)."""
    return themes_of(Counter(texts))


def themes_of(counted: Mapping[str | None, int]) -> list[tuple[str, int]]:
    """``themes`` of texts already counted, in order of first appearance (a ``Counter``
    of them): each distinct text is cleaned once (100,000 activities at the focal point
    repeat their statements). A statement's place is that of its first text among the
    distinct ones, which orders as its first index among all the texts does."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for place, (text, n) in enumerate(counted.items()):
        clean = " ".join(nfc(text or "").split())
        if not clean:
            continue
        counts[clean] += n
        first.setdefault(clean, place)
    return sorted(counts.items(), key=lambda kv: (-kv[1], first[kv[0]]))


@dataclass(frozen=True)
class StatusCounts:
    """Activities by status, in ActivityStatus order."""

    counts: tuple[int, ...] = (0,) * len(STATUSES)

    def of(self, status: str) -> int:
        return self.counts[STATUSES.index(status)]

    @property
    def total(self) -> int:
        return sum(self.counts)

    def __add__(self, other: StatusCounts) -> StatusCounts:
        return StatusCounts(tuple(a + b for a, b in zip(self.counts, other.counts, strict=True)))

    @classmethod
    def from_mapping(cls, by_status: Mapping[str, int]) -> StatusCounts:
        return cls(tuple(by_status.get(s, 0) for s in STATUSES))


@dataclass(frozen=True)
class IndicatorCounts:
    total: int = 0
    with_result: int = 0
    on_track: int = 0

    def __add__(self, other: IndicatorCounts) -> IndicatorCounts:
        return IndicatorCounts(self.total + other.total, self.with_result + other.with_result,
                               self.on_track + other.on_track)


@dataclass(frozen=True)
class AreaProgress:
    code: str
    number: int
    title_vi: str
    title_en: str
    activities: StatusCounts
    indicators: IndicatorCounts

    def title(self, lang: str) -> str:
        return self.title_vi if lang == "vi" else self.title_en


@dataclass(frozen=True)
class TaskProgress:
    code: str
    number: int
    title_vi: str
    title_en: str
    area_code: str
    expected: bool  # in the plan in force and (at an agency) one of this agency's kinds
    activities: StatusCounts
    indicators: IndicatorCounts

    def title(self, lang: str) -> str:
        return self.title_vi if lang == "vi" else self.title_en


@dataclass(frozen=True)
class ReportSettings:
    """The issuer's part of the report; multi-line fields use "\\n" between lines."""

    governing_body: str  # e.g. "ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG", or the body above the unit
    issuing_unit: str  # e.g. "SỞ TƯ PHÁP" when a department issues it; empty otherwise
    document_number: str  # the whole line: "Số:      /BC-UBND"
    place: str  # for "<place>, ngày ... tháng ... năm ..."
    signer_title: str  # e.g. "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    signer_name: str
    recipients: tuple[str, ...]  # the lines under "Nơi nhận:"
    fill_date: bool = False  # False: leave day and month blank for the clerk to write

    def normalised(self) -> ReportSettings:
        """Every text in NFC, without stray spaces or blank lines."""
        def clean(text: str) -> str:
            lines = (" ".join(line.split()) for line in nfc(text).splitlines())
            return "\n".join(line for line in lines if line)

        return replace(
            self,
            governing_body=clean(self.governing_body),
            issuing_unit=clean(self.issuing_unit),
            # keep the blanks of "Số:      /BC-UBND": the clerk writes the number there
            document_number=nfc(self.document_number).strip(),
            place=clean(self.place),
            signer_title=clean(self.signer_title),
            signer_name=clean(self.signer_name),
            recipients=tuple(r for r in (clean(x) for x in self.recipients) if r),
        )


@dataclass(frozen=True)
class ReportLookups:
    """What the agency report says besides the submission: catalog facts and the
    period's progress, read once before rendering."""

    agency_name_vi: str  # the body in full: "Ủy ban nhân dân tỉnh Vĩnh Long" (issuing_body_vi)
    plan_decision: str  # "1252/QĐ-TTg"; empty when no plan is in force
    plan_signed_on: date | None
    plan_title_vi: str
    areas: tuple[AreaProgress, ...]  # in the plan's order (also the chart's bars)
    tasks: tuple[TaskProgress, ...]
    period_from: date | None = None  # the data range of the period (default_period_range)
    period_to: date | None = None


@dataclass(frozen=True)
class GradeMeaning:
    """One grade of the Committee's follow-up procedure with what the catalog says it means."""

    code: str
    meaning_vi: str
    meaning_en: str

    def meaning(self, lang: str) -> str:
        return self.meaning_vi if lang == "vi" else self.meaning_en
