"""The plain shapes of the focal point's views and of its national report.

The completeness grid (agencies × periods), the consolidated views by area, task and
recommendation, the assessments, and ``NationalReport``, which gathers them with the
annex of activities for one period. The services make them from one read transaction;
the national workbook and PDF renderers (``national_xlsx``, ``national_pdf``) draw them
and never touch the database, so the two files say the same as the window's pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop_app.core.domain.enums import CellState
from desktop_app.core.exchange.report_model import (
    GradeMeaning,
    IndicatorCounts,
    ReportSettings,
    StatusCounts,
)

# --- the consolidated views ---------------------------------------------------------


@dataclass(frozen=True)
class AgencyRef:
    code: str
    name_vi: str
    name_en: str

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


@dataclass(frozen=True)
class AssessmentRef:
    uuid: str
    year: int | None  # None: a judgment not tied to a period
    implementation: str  # the focal point's own judgment: fully / partially / not
    note: str


@dataclass(frozen=True)
class CommitteeGrade:
    """The Committee's own assessment, in its follow-up procedure, of what the State did
    on a recommendation (or an element of it): a fact with its document and date, never
    the focal point's judgment."""

    grade: str  # A–E
    element_vi: str  # the element graded; empty for the whole recommendation
    document: str  # the Committee's document it came in ("" when not recorded)
    on: date | None  # that document's date
    verified: bool  # read in a named source; False: still to check against the document
    uuid: str = ""  # recorded by the focal point; "" for the catalog's own facts


@dataclass(frozen=True)
class RecommendationView:
    code: str
    source_code: str
    paragraph: str | None
    follow_up: bool
    text_vi: str
    text_en: str
    agencies: tuple[AgencyRef, ...]  # units in force that acted, Vietnamese order
    activities: int
    indicators: IndicatorCounts
    assessment: AssessmentRef | None  # the period's, else one not tied to a period
    source_symbol: str | None = None  # "CCPR/C/VNM/CO/3"; None when the catalog has none
    source_title_vi: str = ""
    committee_grades: tuple[CommitteeGrade, ...] = ()  # catalog's and recorded, oldest first
    verified: bool = True  # the text checked against its document (catalog provenance)
    illustrative: bool = False  # a summary of a theme, not the document's recommendation

    def text(self, lang: str) -> str:
        return self.text_vi if lang == "vi" else self.text_en


@dataclass(frozen=True)
class AreaView:
    code: str
    number: int
    title_vi: str
    title_en: str
    activities: StatusCounts
    agencies: int  # units in force with at least one activity
    indicators: IndicatorCounts
    plan_code: str = ""  # the plan the area belongs to

    def title(self, lang: str) -> str:
        return self.title_vi if lang == "vi" else self.title_en


@dataclass(frozen=True)
class TaskView:
    code: str
    number: int
    title_vi: str
    title_en: str
    area_code: str
    activities: StatusCounts
    agencies: int
    indicators: IndicatorCounts
    plan_code: str = ""  # the plan the task belongs to

    def title(self, lang: str) -> str:
        return self.title_vi if lang == "vi" else self.title_en


@dataclass(frozen=True)
class AssessmentRow:
    uuid: str
    recommendation_code: str
    year: int | None  # None: not tied to a period
    implementation: str  # the focal point's own judgment
    note: str
    assessed_at: datetime


# --- the completeness grid ----------------------------------------------------------


@dataclass(frozen=True)
class UnitHistory:
    """One reporting unit's submissions for a period (the row's own unit or a former one)."""

    code: str
    versions: int  # every accepted version, superseded ones included
    current_version: int
    first_received: datetime  # UTC
    on_time: bool
    name_vi: str = ""
    signed: bool = True  # the version in force came validly signed (issue 9)


@dataclass(frozen=True)
class Cell:
    """A row's period. The row is a unit in force now; in a period before a
    reorganisation several units of it had to report (the former provinces it absorbed),
    and each of them counts on its own: ``expected`` units had to report, ``reported``
    of them did, ``late`` of those late, and ``missing`` names the others."""

    year: int
    state: CellState
    versions: int  # summed over the units of the row
    first_received: datetime | None  # the earliest receipt of any unit, UTC
    units: tuple[UnitHistory, ...] = ()  # the row's own unit first, then former ones

    @property
    def unsigned(self) -> tuple[str, ...]:
        """The codes of the units whose version in force came unsigned."""
        return tuple(u.code for u in self.units if not u.signed)
    overdue: bool = False  # not received and the due date has passed (as of ``today``)
    expected: int = 1  # units of this row that had to report for the period
    reported: int = 0  # of them (or standing in for them), how many sent a file
    late: int = 0  # of those, how many sent their first version after the due date
    missing: tuple[AgencyRef, ...] = ()  # the units that had to report and did not

    @property
    def received(self) -> bool:
        return self.state is not CellState.NOT_RECEIVED


@dataclass(frozen=True)
class Row:
    code: str
    kind: str
    name_vi: str
    name_en: str
    former: tuple[str, ...]  # codes of the former units that roll up into this row
    cells: tuple[Cell, ...]  # in the order of the grid's years
    # a former unit split between these successors: its own row, its files attributed to
    # none of them (its activities count for one only through their tasks)
    split_between: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return self.name_vi if lang == "vi" else self.name_en


@dataclass(frozen=True)
class PeriodCounts:
    """A period's reporting units: those that had to report then (``agencies``: the 63
    provinces before July 2025, the 34 after), how many sent, on time or late."""

    year: int
    due_date: date | None
    agencies: int
    received: int
    on_time: int
    late: int

    @property
    def not_received(self) -> int:
        return self.agencies - self.received

    @property
    def on_time_rate(self) -> float | None:
        """On time out of received; None while nothing has been received."""
        return self.on_time / self.received if self.received else None


@dataclass(frozen=True)
class Grid:
    years: tuple[int, ...]
    rows: tuple[Row, ...]
    counts: tuple[PeriodCounts, ...]  # one per year, same order


# --- the national report --------------------------------------------------------------


@dataclass(frozen=True, slots=True)  # slots: 100,000 of them at the focal point
class AnnexActivity:
    """One current activity of the period, under the unit in force it counts for."""

    uuid: str
    rollup: AgencyRef  # the 2025 unit
    agency: AgencyRef  # the unit that reported it (a former province stays itself)
    task_code: str
    title: str
    type: str
    status: str
    start_date: date | None
    end_date: date | None
    women: int | None
    ethnic_minorities: int | None
    disabilities: int | None
    children: int | None
    budget_vnd: int | None
    recommendations: tuple[str, ...]  # codes (the workbook's columns)
    task_number: int | None = None  # the task's number in its plan
    recommendation_refs: tuple[str, ...] = ()  # where each is: "đoạn 24, CCPR/C/VNM/CO/3"
    # False: a split former unit's activity its task does not attribute to a successor;
    # ``rollup`` is then the former unit itself, shown as "not attributed"
    attributed: bool = True


@dataclass(frozen=True)
class NationalReport:
    year: int
    created_at: datetime  # UTC
    due_date: date | None
    plan_decision: str
    plan_signed_on: date | None
    plan_title_vi: str
    settings: ReportSettings
    grid: Grid  # this period and up to four before it, oldest first
    counts: PeriodCounts  # this period's
    statuses: StatusCounts  # every current activity of the period, by status
    indicators: IndicatorCounts
    agencies_acting: int  # units in force with at least one activity
    budget_vnd: int
    areas: tuple[AreaView, ...]
    tasks: tuple[TaskView, ...]
    recommendations: tuple[RecommendationView, ...]  # follow-up ones first
    assessments: tuple[AssessmentRow, ...]  # of this period, follow-up ones first
    activities: tuple[AnnexActivity, ...]  # by unit in force, reporting unit, title
    challenges: tuple[tuple[str, int], ...]  # distinct statements, most frequent first
    next_steps: tuple[tuple[str, int], ...]
    grades: tuple[GradeMeaning, ...] = ()  # the Committee's A–E scale, from the catalog
    period_from: date | None = None  # the data range of the period
    period_to: date | None = None

    @property
    def column(self) -> int:
        """The index of this period in the grid's cells."""
        return self.grid.years.index(self.year)

    def cell_of(self, row: Row) -> Cell:
        return row.cells[self.column]

    def grade(self, code: str) -> GradeMeaning | None:
        """The catalog's meaning of grade ``code``; None for a code off the scale."""
        return next((g for g in self.grades if g.code == code), None)
