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
from datetime import date, timedelta, timezone

from desktop_app.core.domain.enums import ActivityStatus
from desktop_app.core.domain.text import nfc

# Viet Nam keeps UTC+7 all year; a fixed offset needs no time-zone database on Windows.
VIET_NAM = timezone(timedelta(hours=7), "ICT")

STATUSES: tuple[str, ...] = tuple(s.value for s in ActivityStatus)


def natural_key(code: str) -> tuple[tuple[int, int | str], ...]:
    """Sort codes the way people read them: "CO3-P8" before "CO3-P12"."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", code) if part)


def themes(texts: Iterable[str | None]) -> list[tuple[str, int]]:
    """The distinct statements, most frequent first (then in order of appearance)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, text in enumerate(texts):
        clean = " ".join(nfc(text or "").split())
        if not clean:
            continue
        counts[clean] += 1
        first.setdefault(clean, i)
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

    agency_name_vi: str
    plan_decision: str  # "1252/QĐ-TTg"; empty when no plan is in force
    plan_signed_on: date | None
    plan_title_vi: str
    areas: tuple[AreaProgress, ...]  # in the plan's order (also the chart's bars)
    tasks: tuple[TaskProgress, ...]


@dataclass(frozen=True)
class GradeMeaning:
    """One of the Committee's follow-up grades with what the catalog says it means."""

    code: str
    meaning_vi: str
    meaning_en: str

    def meaning(self, lang: str) -> str:
        return self.meaning_vi if lang == "vi" else self.meaning_en
