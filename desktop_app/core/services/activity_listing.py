"""The activities list as the window shows it: 100,000 rows read in about the time the
database takes to hand them over.

`activity_records` reads the period's listed activities (an agency's own; at the focal
point everyone's) as records, plain tuples of an `ActivityRow`'s values, a chunk at a
time, for a worker thread to read into the list (`activity_rows` gives them as
ActivityRow). Where the time went, and what this does about it:

- one select reads every row with its recommendations' codes and its indicator counts
  (correlated subqueries, worked out inside the database as each row is read) instead
  of three result sets joined in Python dicts; a long list reads them, with the dates
  and the budget, only for the rows it draws (`with_facts=False`, `activity_facts`): a
  third of the read was those subqueries and a quarter the dates and budgets, for
  100,000 rows of which thirty are on screen;
- the driver's own tuples are taken as they are (no SQLAlchemy row objects or
  per-value processing); dates are read as text and parsed once per distinct date;
- values that repeat from row to row (titles: the same training held by many units;
  task facts, types, statuses, dates, lists of codes) are one object each, not one per
  row (100,000 titles are ~27 MB as copies);
- the window keeps each row as a plain tuple of ActivityRow's values (`ActivityRecord`,
  `activity_records`), made in C: a chunk is turned into columns (`zip`), the shared
  values looked up a column at a time (`map` over a dict) and zipped back into rows,
  with no Python code run per row or per value. A plain tuple of strings, numbers and
  dates is also one the garbage collector stops tracking: 100,000 ActivityRow objects
  (or any objects of a class of ours) stay tracked, so every full collection walks
  them all (~0.3 s of a 100,000-row read went to the collector, and each later full
  collection on the GUI thread froze the window ~0.1 s); `ActivityRow` is made from
  a record when one row is asked for (`row_of`).

Reading the two halves of a long list at once on two connections was tried: under
load (8-10 on two cores) it gained no time and made the window's longest stall worse
(~190 ms against ~150 ms: one more thread wanting the GIL while the list is drawn).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date
from itertools import repeat, starmap
from typing import Any, Final

from sqlalchemy import LargeBinary, String, cast, func, type_coerce
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from desktop_app.core.domain.enums import Role
from desktop_app.core.domain.models import (
    Activity,
    ActivityRecommendation,
    Area,
    Indicator,
    Recommendation,
    Result,
    Task,
)
from desktop_app.core.services.lookups import period_by_year, reporting_agency
from desktop_app.core.services.setup import installation
from desktop_app.core.storage.database import Database
from desktop_app.core.storage.sql_text import Shared


@dataclass(frozen=True, slots=True)
class ActivityRow:
    """One line of the activities list: plain values, ready for a table model."""

    uuid: str
    title: str
    task_code: str
    task_title_vi: str
    task_title_en: str
    area_code: str
    type: str
    status: str
    start_date: date | None
    end_date: date | None
    budget_vnd: int | None
    recommendation_codes: tuple[str, ...]
    indicators: int
    results: int
    search_text: str = ""  # folded; empty in the rows the window lists (see activity_rows)


ActivityRecord = tuple[str, str, str, str, str, str, str, str, date | None, date | None,
                       int | None, tuple[str, ...] | None, int | None, int | None, str]
"""An ActivityRow's values in the order of its fields, as a plain tuple (see the module's
note); the window's list holds these. The facts (`FACTS`: dates, budget, codes,
indicators, results) are None in a record read without them."""

# Each field's place in an ActivityRecord (checked against ActivityRow's fields by a test).
UUID: Final = 0
TITLE: Final = 1
TASK_CODE: Final = 2
TASK_TITLE_VI: Final = 3
TASK_TITLE_EN: Final = 4
AREA_CODE: Final = 5
TYPE: Final = 6
STATUS: Final = 7
START_DATE: Final = 8
END_DATE: Final = 9
BUDGET_VND: Final = 10
RECOMMENDATION_CODES: Final = 11
INDICATORS: Final = 12
RESULTS: Final = 13
SEARCH_TEXT: Final = 14


FACTS: Final = slice(START_DATE, RESULTS + 1)  # what `activity_facts` gives
# start, end, budget, recommendations' codes, indicators, results
Facts = tuple[date | None, date | None, int | None, tuple[str, ...], int, int]
NOT_READ: Final = (None,) * (RESULTS + 1 - START_DATE)  # the facts of a record read without


def has_facts(record: Sequence[Any]) -> bool:
    """Whether the record holds its facts (`activity_records(with_facts=False)` leaves
    them out)."""
    return record[RECOMMENDATION_CODES] is not None


def with_facts(record: Sequence[Any], facts: Facts) -> ActivityRecord:
    """The record with these facts in their places."""
    return (*record[:START_DATE], *facts, *record[RESULTS + 1:])


def activity_facts(db: Database, year: int,
                   uuids: Sequence[str] | None = None) -> dict[str, Facts]:
    """uuid -> (start, end, budget, recommendations' codes, indicators, results) of these
    activities (of all the period's listed ones when None), as `activity_records` gives
    them; an activity that is gone is not in the answer."""
    with db.reading() as session:
        period = period_by_year(session, year)
        columns = (col(Activity.uuid), *_day_columns(), col(Activity.budget_vnd),
                   *_fact_columns(period.id or 0))
        if uuids is None:
            query = _listed(period.id or 0, listing_agency(session), *columns)
        else:
            query = sa_select(*columns).where(col(Activity.uuid).in_(list(uuids)))
        codes: Shared = Shared(_codes)
        codes[None] = ()
        days: Shared = Shared(_date)
        days[None] = None
        joined, day = codes.__getitem__, days.__getitem__
        return {uuid: (day(start), day(end), budget, joined(links), indicators, results)
                for uuid, start, end, budget, links, indicators, results
                in session.connection().execute(query)}


def row_of(record: Sequence[Any]) -> ActivityRow:
    """The ActivityRow of a record."""
    return _row(*record)


def record_of(row: ActivityRow) -> ActivityRecord:
    """The record of an ActivityRow (for lists made of rows, as tests make them)."""
    return (row.uuid, row.title, row.task_code, row.task_title_vi, row.task_title_en,
            row.area_code, row.type, row.status, row.start_date, row.end_date,
            row.budget_vnd, row.recommendation_codes, row.indicators, row.results,
            row.search_text)


def listing_agency(session: Session) -> int | None:
    """The agency whose activities are listed; None at the focal point (everyone's)."""
    if installation(session).role is not Role.AGENCY:
        return None
    return reporting_agency(session).id


def activity_rows(db: Database, year: int, *, chunk: int = 5000,
                  with_search_text: bool = False) -> Iterator[list[ActivityRow]]:
    """The period's activities as ``list_activities`` gives them, ``chunk`` rows at a time,
    in id order (`activity_records`, made into ActivityRow objects)."""
    pieces = activity_records(db, year, chunk=chunk, with_search_text=with_search_text)
    try:
        for piece in pieces:
            yield list(starmap(_row, piece))
    finally:
        pieces.close()


def activity_records(db: Database, year: int, *, chunk: int = 5000,
                     with_search_text: bool = False, with_facts: bool = True,
                     listed: int | None = None) -> Generator[list[ActivityRecord]]:
    """The period's activities as records (plain tuples in ActivityRow's field order),
    ``chunk`` at a time, in id order.

    Without the facts, each record holds None in the places of its dates, its budget,
    its recommendations' codes, its indicators and its results (`FACTS`): a list shows
    those of the few rows on screen, read when they are drawn (`activity_facts`), and
    orders and filters by the rest (title, task, type, status, uuid). The three
    correlated subqueries a row were a third of the read's time; the dates and the
    budget ~0.13 s of a 100,000-row read's ~0.45 s (the driver making a Python value
    of each, and the dates' parse and look-ups: `tests/ui` hold the rows drawn
    complete), for 100,000 rows of which a window shows thirty.

    The window reads them on a worker thread. Without the search text (the
    default) a row holds only what the list shows: the folded text of 100,000 activities
    is 80 MB and more, and the filter asks the database instead (``matching_activities``).
    One transaction, never a whole result at once: the driver hands the rows over a
    chunk at a time.

    listed: how many activities the list holds, when the caller knows (it counted them
    for a progress bar): a list read with its facts that holds most of the table is
    read in one pass over the table (`_listing_query`); one read without them comes
    from ix_activity_listing alone whatever its length.
    """
    with db.reading() as session:
        period = period_by_year(session, year)
        tasks = _task_facts(session)
        connection = session.connection()
        scan = with_facts and listed is not None and listed >= SCAN_FROM * (
            connection.execute(sa_select(func.max(col(Activity.id)))).scalar_one() or 0)
        title_bytes = not with_facts and connection.dialect.name == "sqlite"
        result = connection.execute(
            _listing_query(period.id or 0, listing_agency(session), with_search_text,
                           with_facts, scan=scan, title_bytes=title_bytes))
        cursor = result.cursor  # the driver's rows: plain tuples
        texts: Shared = Shared(lambda text: text)
        # titles read as their UTF-8 bytes are decoded once per distinct title
        title_texts: Shared = Shared(bytes.decode) if title_bytes else texts
        days: Shared = Shared(_date)
        codes: Shared = Shared(_codes)
        days[None] = None
        codes[None] = ()
        # task id -> each of its facts (one dict each, so that a column maps in C)
        code, title_vi, title_en, area = (
            Shared(lambda _: "", {task_id: facts[place] for task_id, facts in tasks.items()})
            .__getitem__ for place in range(4))
        text, day, joined = texts.__getitem__, days.__getitem__, codes.__getitem__
        title = title_texts.__getitem__
        try:
            while part := cursor.fetchmany(chunk):
                if not with_facts:
                    uuids, titles, task_ids, kinds, statuses, *search = zip(*part, strict=True)
                    none = (None,) * len(part)
                    yield list(zip(
                        uuids, map(title, titles), map(code, task_ids),
                        map(title_vi, task_ids), map(title_en, task_ids), map(area, task_ids),
                        map(text, kinds), map(text, statuses), none, none, none, none, none,
                        none, search[0] if search else repeat("", len(part)), strict=True))
                    continue
                (uuids, titles, task_ids, kinds, statuses, starts, ends, budgets, links,
                 indicators, results, *search) = zip(*part, strict=True)
                yield list(zip(
                    uuids, map(text, titles), map(code, task_ids), map(title_vi, task_ids),
                    map(title_en, task_ids), map(area, task_ids), map(text, kinds),
                    map(text, statuses), map(day, starts), map(day, ends), budgets,
                    map(joined, links), indicators, results,
                    search[0] if search else repeat("", len(part)), strict=True))
        finally:
            result.close()


_CODE_SEPARATOR = "\x1f"  # between the codes the database joins (never in a code)


def _row_maker() -> Callable[..., ActivityRow]:
    """ActivityRow(*values) at half the cost: a frozen dataclass's __init__ sets each
    field through object.__setattr__ (2.5 us a row of 15 fields, a quarter of a second
    over 100,000); this sets the slots directly, as unpickling does. The same object
    (ActivityRow has no __post_init__ and every field is given)."""
    setters = tuple(getattr(ActivityRow, field.name).__set__ for field in fields(ActivityRow))
    (uuid_, title_, code_, vi_, en_, area_, type_, status_, start_, end_, budget_, codes_,
     indicators_, results_, search_) = setters
    new = object.__new__

    def make(uuid: str, title: str, task_code: str, task_title_vi: str, task_title_en: str,
             area_code: str, kind: str, status: str, start: date | None, end: date | None,
             budget: int | None, codes: tuple[str, ...], indicators: int, results: int,
             search_text: str) -> ActivityRow:
        row = new(ActivityRow)
        uuid_(row, uuid)
        title_(row, title)
        code_(row, task_code)
        vi_(row, task_title_vi)
        en_(row, task_title_en)
        area_(row, area_code)
        type_(row, kind)
        status_(row, status)
        start_(row, start)
        end_(row, end)
        budget_(row, budget)
        codes_(row, codes)
        indicators_(row, indicators)
        results_(row, results)
        search_(row, search_text)
        return row

    return make


_row = _row_maker()


def _codes(joined: str) -> tuple[str, ...]:
    """The codes the database joined, sorted."""
    return tuple(sorted(joined.split(_CODE_SEPARATOR)))


def _listed(period_id: int, agency_id: int | None, *columns: Any) -> Any:
    """A select of columns over the listed activities."""
    query = sa_select(*columns).where(col(Activity.period_id) == period_id)
    if agency_id is not None:
        query = query.where(col(Activity.agency_id) == agency_id)
    return query


# A list that holds at least this share of the table's ids is read in one pass over the
# table (`_listing_query`).
SCAN_FROM: Final = 0.75


def _listing_query(period_id: int, agency_id: int | None, with_search_text: bool,
                   with_facts: bool = True, *, scan: bool = False,
                   title_bytes: bool = False) -> Any:
    """The listed activities in id order: uuid, title, task, type, status, then (with the
    facts) the dates, the budget, the recommendations' codes (joined), the indicators
    and those with a result this period (counted), then (with_search_text) the folded
    text.

    Asked as "period and agency equal, in id order", SQLite read the rows through the
    index on (agency, period) and sorted all of them by id in a temporary B-tree (0.38
    s of CPU for 100,000 rows). Instead the rows are found through their ids in that
    index, then read by id, which is their order (0.28 s; building the set of ids is
    ~0.05 s of it); or, with `scan` (the list holds most of the table), in one pass over
    the table in id order, the index left aside (`+ 0`), each row tested (0.24 s: but
    each row of another period read costs ~1.7 us, so only for a list that is most of
    the table)."""
    title: Any = col(Activity.title)
    if not with_facts:
        # Every column read is in ix_activity_listing (period, id, agency, uuid, title,
        # task, type, status: migration 0014), in id order within the period: SQLite
        # reads the index alone, never the table's wide rows. The agency `+ 0` leaves
        # ix_activity_overview (agency, period, ...) aside, which would need the rows
        # sorted by id.
        chosen = col(Activity.period_id) == period_id
        if agency_id is not None:
            chosen = chosen & ((col(Activity.agency_id) + 0) == agency_id)
        if title_bytes:  # the driver hands bytes over without decoding them
            title = cast(title, LargeBinary)
    elif scan:
        chosen = (col(Activity.period_id) + 0) == period_id
        if agency_id is not None:
            chosen = chosen & ((col(Activity.agency_id) + 0) == agency_id)
    else:
        listed = Activity.__table__.alias("listed")  # type: ignore[attr-defined]
        ids = sa_select(listed.c.id).where(listed.c.period_id == period_id)
        if agency_id is not None:
            ids = ids.where(listed.c.agency_id == agency_id)
        chosen = col(Activity.id).in_(ids)
    return sa_select(
        col(Activity.uuid), title, col(Activity.task_id),
        col(Activity.type), col(Activity.status),
        *((*_day_columns(), col(Activity.budget_vnd), *_fact_columns(period_id))
          if with_facts else ()),
        *((col(Activity.search_text),) if with_search_text else ()),
    ).where(chosen).order_by(col(Activity.id))


def _day_columns() -> tuple[Any, Any]:
    """The start and end dates as the text SQLite keeps (its Date type parses them with
    a Python regular expression: most of a second over 100,000 rows); parsed once per
    distinct date (`_date`)."""
    return (type_coerce(col(Activity.start_date), String),
            type_coerce(col(Activity.end_date), String))


def _fact_columns(period_id: int) -> tuple[Any, Any, Any]:
    """An activity's recommendations' codes (joined), its indicators and those with a
    result this period (counted): correlated subqueries over the activity selected."""
    links = (sa_select(func.aggregate_strings(col(Recommendation.code), _CODE_SEPARATOR))
             .select_from(ActivityRecommendation)
             .join(Recommendation,
                   col(Recommendation.id) == ActivityRecommendation.recommendation_id)
             .where(col(ActivityRecommendation.activity_id) == Activity.id)
             .scalar_subquery())
    indicators = (sa_select(func.count()).select_from(Indicator)
                  .where(col(Indicator.activity_id) == Activity.id).scalar_subquery())
    results = (sa_select(func.count()).select_from(Indicator)
               .join(Result, (col(Result.indicator_id) == Indicator.id)
                     & (col(Result.period_id) == period_id))
               .where(col(Indicator.activity_id) == Activity.id).scalar_subquery())
    return links, indicators, results


def _date(value: str | date | None) -> date | None:
    """A date column read as text (SQLite) or as a date (a server)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _task_facts(session: Session) -> dict[int, tuple[str, str, str, str]]:
    """task id -> (code, title vi, title en, area code): read once, shared by every row."""
    query = sa_select(col(Task.id), col(Task.code), col(Task.title_vi), col(Task.title_en),
                      col(Area.code)).outerjoin(Area, col(Area.id) == Task.area_id)
    return {task_id or 0: (code, vi, en, area or "")
            for task_id, code, vi, en, area in session.connection().execute(query)}
