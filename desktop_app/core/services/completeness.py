"""Who has reported: the focal point's grid of agencies × periods.

A row is a unit in force (a city or province of 2025, a ministry, a ministerial agency,
a central body); the former units it absorbed report into it, so a row's cell counts
their submissions too while each unit keeps its own version history. A cell is not
received, on time or late, judged by the first accepted version of each unit against
the period's due date, and says how many versions arrived (superseded ones included)
and which units' versions in force came unsigned (issue 9: templates, edited files,
files of the earlier format).

Who had to report is a fact of each period, not of today: the units in force on its due
date (``had_to_report``), so a period before the 2025 reorganisations counts the 63
provinces and the former ministries one by one (a row's cell says how many of its units
had to report and which of them did not), and later periods the units in force. The
focal point receives the reports: it is never a row and never "not reported". A former
ministry split between several successors (catalog/successions.py) rolls up to none of
them: it is a row of its own for the periods it had to report for, marked with the units
it was split between, and its files count for it alone.

Times are stored in UTC; a deadline is a day in Viet Nam, so a file received at 23:30
Hà Nội time on the due date (16:30 UTC) is on time, and one received at 01:00 the next
morning (18:00 UTC on the due date) is late.

``completeness_in`` reads inside the caller's transaction (the national report's); the
grid's shapes are plain values of ``exchange.national_model``.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import UTC, date, datetime
from enum import StrEnum

from sqlmodel import Session, col, select

from desktop_app.core.catalog.document import read_bundled_catalog
from desktop_app.core.domain.enums import AgencyKind, CellState
from desktop_app.core.domain.models import Agency, Period, Submission
from desktop_app.core.domain.text import collation_key
from desktop_app.core.exchange.national_model import AgencyRef
from desktop_app.core.exchange.national_model import Cell as Cell
from desktop_app.core.exchange.national_model import Grid as Grid
from desktop_app.core.exchange.national_model import PeriodCounts as PeriodCounts
from desktop_app.core.exchange.national_model import Row as Row
from desktop_app.core.exchange.national_model import UnitHistory as UnitHistory
from desktop_app.core.exchange.report_model import VIET_NAM as VIET_NAM
from desktop_app.core.problems import UsageError
from desktop_app.core.services.agencies import AgencyDirectory
from desktop_app.core.storage.database import Database

KIND_ORDER: tuple[str, ...] = tuple(k.value for k in AgencyKind)


class KindGroup(StrEnum):
    """The filter of the grid: provinces (with cities), ministries (with ministerial
    agencies), central bodies (the Supreme People's Court and Procuracy)."""

    PROVINCE = "province"
    MINISTRY = "ministry"
    CENTRAL_BODY = "central_body"


GROUP_KINDS: dict[KindGroup, frozenset[str]] = {
    KindGroup.PROVINCE: frozenset({AgencyKind.CITY, AgencyKind.PROVINCE}),
    KindGroup.MINISTRY: frozenset({AgencyKind.MINISTRY, AgencyKind.MINISTERIAL_AGENCY}),
    KindGroup.CENTRAL_BODY: frozenset({AgencyKind.CENTRAL_BODY}),
}


def local_day(moment: datetime) -> date:
    """The calendar day in Viet Nam of a stored moment (naive values are UTC)."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(VIET_NAM).date()


def is_on_time(received: datetime, due: date | None) -> bool:
    """Received on or before the due date; with no due date nothing is late."""
    return due is None or local_day(received) <= due


def _as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def parse_groups(kinds: Iterable[str] | None) -> frozenset[KindGroup] | None:
    if kinds is None:
        return None
    groups = set()
    for kind in kinds:
        try:
            groups.add(KindGroup(kind))
        except ValueError:
            raise UsageError.of("value.not_in_list", value=kind) from None
    return frozenset(groups)


def _unit_history(code: str, submissions: Sequence[Submission], due: date | None,
                  name_vi: str = "") -> UnitHistory:
    first = min(submissions, key=lambda s: (s.version, s.id or 0))
    received = _as_utc(first.received_at or first.created_at)
    top = max(submissions, key=lambda s: (not s.superseded, s.version))
    return UnitHistory(code, len(submissions), top.version, received,
                       is_on_time(received, due), name_vi, top.signed)


def completeness(db: Database, years: Sequence[int],
                 kinds: Collection[str] | None = None, today: date | None = None) -> Grid:
    """The grid for ``years``; ``kinds`` narrows it to KindGroup values.

    ``today`` (default: today in Viet Nam) only decides which missing cells are overdue.
    """
    with db.reading() as session:
        return completeness_in(session, years, kinds, today)


def completeness_in(session: Session, years: Sequence[int],
                    kinds: Collection[str] | None = None, today: date | None = None) -> Grid:
    """``completeness`` inside the caller's transaction."""
    today = today or datetime.now(VIET_NAM).date()
    groups = parse_groups(kinds)
    wanted_years = tuple(dict.fromkeys(years))
    periods = {p.year: p for p in session.exec(
        select(Period).where(col(Period.year).in_(wanted_years)))}
    for year in wanted_years:
        if year not in periods:
            raise UsageError.of("period.unknown", period=year)
    directory = AgencyDirectory.from_session(session)
    agencies = list(directory.by_code.values())
    by_id = {a.id: a for a in agencies}
    period_year = {p.id: p.year for p in periods.values()}
    submissions = session.exec(select(Submission).where(
        col(Submission.period_id).in_(list(period_year)))).all()
    terms = unit_terms()
    expected = {year: {a.code for a in agencies
                       if had_to_report(a, reporting_day(periods[year]), terms)}
                for year in wanted_years}

    # (row code, year) -> unit code -> its submissions
    received: dict[tuple[str, int], dict[str, list[Submission]]] = defaultdict(
        lambda: defaultdict(list))
    for s in submissions:
        unit = by_id.get(s.agency_id)
        if unit is None:
            continue
        received[directory.rollup_code(unit), period_year[s.period_id]][unit.code].append(s)

    rows_agencies = {a.code: a for a in agencies if _is_row(a)}
    for a in agencies:  # a split former unit that had to report is a row of its own
        if directory.split_of(a) is not None and any(
                a.code in expected[year] for year in wanted_years):
            rows_agencies[a.code] = a
    for row_code, _ in received:  # a unit with files but no row in force still shows
        unit = directory.get(row_code)
        if unit is not None and row_code not in rows_agencies and not unit.focal_point:
            rows_agencies[row_code] = unit
    if groups is not None:
        allowed = set().union(*(GROUP_KINDS[g] for g in groups)) if groups else set()
        rows_agencies = {c: a for c, a in rows_agencies.items() if a.kind in allowed}
    former: dict[str, list[str]] = defaultdict(list)
    members: dict[str, list[Agency]] = defaultdict(list)  # row -> every unit rolling into it
    for a in agencies:
        target = directory.rollup_code(a)
        members[target].append(a)
        if target != a.code:
            former[target].append(a.code)

    rows = []
    for agency in sorted(rows_agencies.values(), key=_row_order):
        cells = []
        for year in wanted_years:
            due = periods[year].due_date
            units = received.get((agency.code, year), {})
            histories = sorted(
                (_unit_history(code, subs, due, directory.by_code[code].name_vi
                               if code in directory.by_code else "")
                 for code, subs in units.items()),
                key=lambda h: (h.code != agency.code, h.code))
            due_units = sorted((a for a in members.get(agency.code, [agency])
                                if a.code in expected[year]),
                               key=lambda a: (a.code != agency.code, collation_key(a.name_vi)))
            overdue = due is not None and today > due
            cells.append(_cell(year, histories, overdue, due_units, directory,
                               expected[year], reporting_day(periods[year]), terms))
        split = directory.split_of(agency)
        rows.append(Row(agency.code, agency.kind, agency.name_vi, agency.name_en,
                        tuple(sorted(former.get(agency.code, []))), tuple(cells),
                        split.successors if split and not agency.active else ()))
    due_dates = {year: periods[year].due_date for year in wanted_years}

    counts = []
    for index, year in enumerate(wanted_years):
        column = [r.cells[index] for r in rows]
        reported = sum(c.reported for c in column)
        late = sum(c.late for c in column)
        counts.append(PeriodCounts(year, due_dates[year], sum(c.expected for c in column),
                                   reported, reported - late, late))
    return Grid(wanted_years, tuple(rows), tuple(counts))


# --- who had to report ------------------------------------------------------------------


Terms = dict[str, tuple[date | None, date | None]]


@functools.cache
def unit_terms() -> Terms:
    """Agency code -> (first day, last day) in force, for the units a reorganisation
    formed or ended (the catalog's ``in_force_from`` / ``in_force_until``).

    The database keeps the catalog's core fields only, so these dates are read from the
    bundled catalog, once per process; a unit it does not date is in force throughout
    when it is active, and had no period to report for when it is a former one.
    """
    terms: Terms = {}
    for entry in read_bundled_catalog().get("agencies", []):
        start, end = entry.get("in_force_from"), entry.get("in_force_until")
        if start or end:
            terms[str(entry["code"])] = (date.fromisoformat(start) if start else None,
                                         date.fromisoformat(end) if end else None)
    return terms


def reporting_day(period: Period) -> date:
    """The day that decides who reports for ``period``: its due date (else 31 December)."""
    return period.due_date or date(period.year, 12, 31)


def had_to_report(agency: Agency, on: date, terms: Terms | None = None) -> bool:
    """Whether ``agency`` was a reporting unit on ``on``: a unit of a reporting kind in
    force that day; never the focal point, which receives the reports."""
    if agency.focal_point or agency.retired or agency.kind not in KIND_ORDER:
        return False
    start, end = (unit_terms() if terms is None else terms).get(agency.code, (None, None))
    if not agency.active and end is None:
        return False
    return (start is None or start <= on) and (end is None or on <= end)


def _is_row(agency: Agency) -> bool:
    """A row of the grid: a reporting unit in force now (the focal point is none)."""
    return (agency.active and not agency.retired and not agency.focal_point
            and agency.kind in KIND_ORDER)


def _stands_for(code: str, directory: AgencyDirectory, expected: set[str], on: date,
                terms: Terms) -> str:
    """The unit a sender's file counts for: itself when it had to report; a former unit
    writing after its end stands for the successor in force then; else itself."""
    seen: set[str] = set()
    current = directory.get(code)
    while current is not None and current.code not in seen:
        if current.code in expected:
            return current.code
        seen.add(current.code)
        current = directory.get(current.successor_code) if current.successor_code else None
    return code


def _row_order(agency: Agency) -> tuple[int, tuple[str, str, str, str]]:
    rank = KIND_ORDER.index(agency.kind) if agency.kind in KIND_ORDER else len(KIND_ORDER)
    return rank, collation_key(agency.name_vi)


def _cell(year: int, histories: Sequence[UnitHistory], overdue: bool,
          due_units: Sequence[Agency], directory: AgencyDirectory, expected: set[str],
          on: date, terms: Terms) -> Cell:
    """A row's cell: late if any of its units' first version came after the due date;
    the units that had to report counted one by one."""
    late_of: dict[str, bool] = {}  # the unit a file counts for -> late
    for h in histories:
        unit = _stands_for(h.code, directory, expected, on, terms)
        late_of[unit] = late_of.get(unit, False) or not h.on_time
    # Only the units that had to report count: a file from one that did not (a ministry
    # formed in 2025 writing for 2024) shows in the cell, not in the period's numbers.
    late_of = {code: late for code, late in late_of.items() if code in expected}
    missing = tuple(AgencyRef(a.code, a.name_vi, a.name_en) for a in due_units
                    if a.code not in late_of)
    count = len(due_units)
    late = sum(late_of.values())
    if not histories:
        return Cell(year, CellState.NOT_RECEIVED, 0, None, overdue=overdue,
                    expected=count, missing=missing)
    state = CellState.ON_TIME if all(h.on_time for h in histories) else CellState.LATE
    return Cell(year, state, sum(h.versions for h in histories),
                min(h.first_received for h in histories), tuple(histories),
                expected=count, reported=len(late_of), late=late, missing=missing)
