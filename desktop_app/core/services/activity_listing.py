"""The activities list as the window shows it: 100,000 rows read in about the time the
database takes to hand them over.

`activity_rows` reads the period's listed activities (an agency's own; at the focal
point everyone's) as plain `ActivityRow` values, a chunk at a time, for a worker thread
to stream into the list. Where the time went, and what this does about it:

- one select reads every row with its recommendations' codes and its indicator counts
  (correlated subqueries, worked out inside the database as each row is read) instead
  of three result sets joined in Python dicts;
- the driver's own tuples are taken as they are (no SQLAlchemy row objects or
  per-value processing); dates are read as text and parsed once per distinct date;
- values that repeat from row to row (titles: the same training held by many units;
  task facts, types, statuses, dates, lists of codes) are one object each, not one per
  row (100,000 titles are ~27 MB as copies);
- the rows are made without the frozen dataclass's __init__ (see `_row_maker`);
- a long list is read in two halves at once, the later half by a thread of its own
  on a connection of its own: SQLite (and the server's driver) let the GIL go while
  they step through rows, so on two cores the database's work of both halves overlaps.
  The halves are two read transactions begun together: a change committed between
  the two beginnings can show in one half and not the other, as a reload would show
  it, and the window reloads on every change it makes.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import String, func, type_coerce
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

# A list whose ids span fewer than this is read in one piece (a thread costs more than
# it saves on a short list).
SPLIT_FROM = 20_000


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


Rows = Generator[list[ActivityRow], None, None]


def listing_agency(session: Session) -> int | None:
    """The agency whose activities are listed; None at the focal point (everyone's)."""
    if installation(session).role is not Role.AGENCY:
        return None
    return reporting_agency(session).id


@dataclass(frozen=True)
class _Listing:
    """What every part of one read shares: read once, in the first transaction."""

    period_id: int
    agency_id: int | None
    tasks: dict[int, tuple[str, str, str, str]]
    span: tuple[int, int] | None  # the lowest and highest listed id; None: no row
    with_search_text: bool


def activity_rows(db: Database, year: int, *, chunk: int = 5000,
                  with_search_text: bool = False) -> Iterator[list[ActivityRow]]:
    """The period's activities as ``list_activities`` gives them, ``chunk`` rows at a time,
    in id order.

    The window streams them in from a worker thread. Without the search text (the
    default) a row holds only what the list shows: the folded text of 100,000 activities
    is 80 MB and more, and the filter asks the database instead (``matching_activities``).
    Never a whole result at once: the driver hands the rows over a chunk at a time.
    """
    with db.reading() as session:
        period = period_by_year(session, year)
        agency_id = listing_agency(session)
        span = session.connection().execute(
            _listed(period.id or 0, agency_id, func.min(col(Activity.id)),
                    func.max(col(Activity.id)))).one()
        listing = _Listing(period.id or 0, agency_id, _task_facts(session),
                           None if span[0] is None else (span[0], span[1]), with_search_text)
    if listing.span is None:
        return
    low, high = listing.span
    if high - low < SPLIT_FROM:
        yield from _read(db, listing, low, high + 1, chunk)
        return
    middle = (low + high) // 2 + 1
    later = _Ahead(lambda: _read(db, listing, middle, high + 1, chunk))
    try:
        yield from _read(db, listing, low, middle, chunk)
        yield from later.pieces()
    finally:
        later.stop()


class _Ahead:
    """A read run on a thread of its own, its pieces kept until they are asked for."""

    _END = object()

    def __init__(self, read: Callable[[], Rows]) -> None:
        self._pieces: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(read,), daemon=True,
                                        name="activity-rows")
        self._thread.start()

    def _run(self, read: Callable[[], Rows]) -> None:
        try:
            pieces = read()
            for piece in pieces:
                if self._stop.is_set():
                    pieces.close()  # its transaction ends with it
                    break
                self._pieces.put(piece)
        except BaseException as error:  # noqa: BLE001  (raised where the pieces are taken)
            self._pieces.put(error)
        finally:
            self._pieces.put(self._END)

    def pieces(self) -> Iterator[list[ActivityRow]]:
        while (piece := self._pieces.get()) is not self._END:
            if isinstance(piece, BaseException):
                raise piece
            yield piece

    def stop(self) -> None:
        """Stop the read (after its current piece) and wait for its transaction to end."""
        self._stop.set()
        self._thread.join()


def _read(db: Database, listing: _Listing, first_id: int, stop_id: int,
          chunk: int) -> Rows:
    """The listed rows whose ids are in [first_id, stop_id), chunk rows at a time."""
    with db.reading() as session:
        query = _listing_query(listing).where(col(Activity.id) >= first_id,
                                              col(Activity.id) < stop_id)
        result = session.connection().execute(query)
        cursor = result.cursor  # the driver's rows: plain tuples
        tasks = listing.tasks
        texts: _Shared = _Shared(lambda text: text)
        days: _Shared = _Shared(_date)
        codes: _Shared = _Shared(_codes)
        days[None], codes[None] = None, ()
        try:
            while part := cursor.fetchmany(chunk):
                if listing.with_search_text:
                    yield [_row(uuid, texts[title], *tasks.get(task_id, _NO_TASK),
                                texts[kind], texts[status], days[start], days[end],
                                budget, codes[links], indicators, results, search)
                           for (uuid, title, task_id, kind, status, start, end, budget, links,
                                indicators, results, search) in part]
                else:
                    yield [_row(uuid, texts[title], *tasks.get(task_id, _NO_TASK),
                                texts[kind], texts[status], days[start], days[end],
                                budget, codes[links], indicators, results, "")
                           for (uuid, title, task_id, kind, status, start, end, budget, links,
                                indicators, results) in part]
        finally:
            result.close()


_NO_TASK = ("", "", "", "")
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


class _Shared(dict[Any, Any]):
    """Equal values read from many rows, made once and then handed out as one object."""

    def __init__(self, make: Callable[[Any], Any]) -> None:
        super().__init__()
        self._make = make

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self._make(key)
        return value


def _codes(joined: str) -> tuple[str, ...]:
    """The codes the database joined, sorted."""
    return tuple(sorted(joined.split(_CODE_SEPARATOR)))


def _listed(period_id: int, agency_id: int | None, *columns: Any) -> Any:
    """A select of columns over the listed activities."""
    query = sa_select(*columns).where(col(Activity.period_id) == period_id)
    if agency_id is not None:
        query = query.where(col(Activity.agency_id) == agency_id)
    return query


def _listing_query(listing: _Listing) -> Any:
    """The listed activities in id order, each with its recommendations' codes (joined),
    its indicators and those with a result this period (counted)."""
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
                     & (col(Result.period_id) == listing.period_id))
               .where(col(Indicator.activity_id) == Activity.id).scalar_subquery())
    # The dates as the text SQLite keeps (its Date type parses them with a Python
    # regular expression: most of a second over 100,000 rows); parsed once per date.
    return _listed(
        listing.period_id, listing.agency_id,
        col(Activity.uuid), col(Activity.title), col(Activity.task_id),
        col(Activity.type), col(Activity.status),
        type_coerce(col(Activity.start_date), String),
        type_coerce(col(Activity.end_date), String), col(Activity.budget_vnd),
        links, indicators, results,
        *((col(Activity.search_text),) if listing.with_search_text else ()),
    ).order_by(col(Activity.id))


def _date(value: str | date | None) -> date | None:
    """A date column read as text (SQLite) or as a date (a server)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def _task_facts(session: Session) -> dict[int, tuple[str, str, str, str]]:
    """task id -> (code, title vi, title en, area code): read once, shared by every row."""
    query = sa_select(col(Task.id), col(Task.code), col(Task.title_vi), col(Task.title_en),
                      col(Area.code)).outerjoin(Area, col(Area.id) == Task.area_id)
    return {task_id or 0: (code, vi, en, area or "")
            for task_id, code, vi, en, area in session.connection().execute(query)}
