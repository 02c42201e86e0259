"""What one submission carries, in the plain form every exporter and reader shares.

The xlsx workbook, the PDF report and the focal point's import all speak in
these records; the canonical form and the content hash are defined on them
(see canonical.py), so a file re-saved by Excel or LibreOffice, read back into
these records, hashes the same.
"""

from __future__ import annotations

import functools
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from itertools import repeat, starmap
from operator import attrgetter
from typing import Any, TypeVar

FORMAT_NAME = "nap-reporter-submission"
FORMAT_VERSION = 1
# Versions a submission may carry (issue 9): a file claiming more is refused, so a
# forged 10**9 cannot make an agency's genuine next version look older.
MAX_VERSION = 999_999


@dataclass(frozen=True)
class ActivityRecord:
    uuid: str
    task_code: str
    title: str
    description: str | None
    type: str
    status: str
    start_date: date | None
    end_date: date | None
    women: int | None
    ethnic_minorities: int | None
    disabilities: int | None
    children: int | None
    budget_vnd: int | None
    outputs: str | None
    challenges: str | None
    next_steps: str | None
    evidence: str | None
    carried_from: str | None = None


@dataclass(frozen=True)
class IndicatorRecord:
    """An indicator with its result for the submission's period (one sheet holds both)."""

    uuid: str
    activity_uuid: str | None
    task_code: str | None
    name: str
    unit: str
    baseline: float | None
    target: float
    due_date: date | None
    result_uuid: str | None
    result: float | None
    result_note: str | None


@dataclass(frozen=True)
class LinkRecord:
    """One activity ↔ recommendation link (one row per link)."""

    activity_uuid: str
    recommendation_code: str


Record = TypeVar("Record", ActivityRecord, IndicatorRecord, LinkRecord)
_NEW = object.__new__
_FEW_FIELDS = 3
_SET = object.__setattr__


def records_of(kind: type[Record], columns: Sequence[Sequence[Any]]) -> list[Record]:
    """The records whose fields' values are these columns (in the fields' order), as
    list(map(kind, *columns)) makes them, at half its cost: each record's attributes set
    as one dictionary, not one by one through a frozen dataclass's __init__ (a reader
    makes thousands of records a file)."""
    names = _names(kind)
    if len(columns) != len(names):
        raise TypeError(f"{kind.__name__} has {len(names)} fields, not {len(columns)}")
    if len(names) <= _FEW_FIELDS:  # __init__ costs less than the dictionaries then
        return list(map(kind, *columns))
    return _made(kind, names, zip(*columns, strict=True), len(columns[0]) if columns else 0)


def records_from_rows(kind: type[Record], rows: Sequence[Sequence[Any]]) -> list[Record]:
    """[kind(*row) for row in rows], as records_of makes them (each row its fields' values
    in their order): the import's writer makes a file's thousands of records from the rows
    a reading child sent it, at 40% of __init__'s cost (1.0 against 2.5 ms for a file's
    thousand activities)."""
    names = _names(kind)
    if rows and set(map(len, rows)) != {len(names)}:
        raise TypeError(f"{kind.__name__} has {len(names)} fields, not "
                        f"{sorted(set(map(len, rows)) - {len(names)})}")
    if len(names) <= _FEW_FIELDS:
        return list(starmap(kind, rows))
    return _made(kind, names, rows, len(rows))


def _made(kind: type[Record], names: list[str], rows: Iterable[Sequence[Any]], count: int
          ) -> list[Record]:
    """count records of kind, each row's values set as one dictionary of the names."""
    records = list(map(_NEW, repeat(kind, count)))
    deque(map(_SET, records, repeat("__dict__"), map(dict, map(zip, repeat(names), rows))),
          maxlen=0)
    return records


def _names(kind: type) -> list[str]:
    return [f.name for f in fields(kind)]


@dataclass(frozen=True)
class SubmissionData:
    """The rows of one agency's period, in the order they are exported."""

    activities: list[ActivityRecord] = field(default_factory=list)
    indicators: list[IndicatorRecord] = field(default_factory=list)
    links: list[LinkRecord] = field(default_factory=list)
    # Each activity's title and description folded for search (domain.search.own_words),
    # when the import's reader worked them out; empty otherwise. Not part of the data.
    searched: tuple[str, ...] = field(default=(), compare=False, repr=False)


Columns = Sequence[Sequence[Any]]  # a kind's records as columns, its fields in their order
ACTIVITIES, INDICATORS, LINKS = 0, 1, 2  # the kinds' places in ColumnData.columns


class ColumnData(SubmissionData):
    """SubmissionData given as its records' columns, one of each kind's fields after
    another (in the fields' order), as an import's reading child hands a file over.

    The records are made from the columns when first asked for, and a writer takes the
    columns themselves (field_values): the import's parent, which writes a file's
    thousands of records column by column, then makes no records at all for a file
    that replaces no version (the records cost ~4 ms a file of a thousand activities,
    taking their fields out again ~1.5 ms). The records are frozen and the columns kept
    as given, so the two always agree; made the dataclass's way, with records (as
    dataclasses.replace makes it), it is SubmissionData in all but its class.

    Given stored rows instead (StoredRows: the child's database image, which the writer
    copies as it is), it makes even the columns only when first asked for, and counts
    its records from what the store says.
    """

    def __init__(self, activities: list[ActivityRecord] | None = None,
                 indicators: list[IndicatorRecord] | None = None,
                 links: list[LinkRecord] | None = None, searched: tuple[str, ...] = (), *,
                 columns: tuple[Columns, Columns, Columns] | None = None,
                 stored: StoredRows | None = None) -> None:
        """columns: the records' columns; or stored: the rows as a store holds them (the
        columns then taken from it when first asked for)."""
        if stored is not None:
            object.__setattr__(self, "stored", stored)
            object.__setattr__(self, "searched", tuple(searched))
            return
        if columns is None:
            super().__init__(activities or [], indicators or [], links or [], searched)
            return
        object.__setattr__(self, "columns", _checked_columns(columns))
        object.__setattr__(self, "searched", tuple(searched))

    # The columns, when given them or rows stored (the instance's own value after, as
    # SubmissionData's fields are); none for a ColumnData made of records.
    @functools.cached_property
    def columns(self) -> tuple[Columns, Columns, Columns]:
        stored = self.__dict__.get("stored")
        if stored is None:
            raise AttributeError("columns")
        return _checked_columns(stored.columns())

    # The records, made once when first asked for (the instance's own value after, as
    # SubmissionData's fields are), here for a ColumnData given columns.
    @functools.cached_property
    def activities(self) -> list[ActivityRecord]:
        return records_of(ActivityRecord, self.columns[ACTIVITIES])

    @functools.cached_property
    def indicators(self) -> list[IndicatorRecord]:
        return records_of(IndicatorRecord, self.columns[INDICATORS])

    @functools.cached_property
    def links(self) -> list[LinkRecord]:
        return records_of(LinkRecord, self.columns[LINKS])

    def __eq__(self, other: object) -> bool:  # equal to a SubmissionData of equal records
        if not isinstance(other, SubmissionData):
            return NotImplemented
        return (self.activities, self.indicators, self.links) == (
            other.activities, other.indicators, other.links)


_KINDS: tuple[type, ...] = (ActivityRecord, IndicatorRecord, LinkRecord)
_PLACES = [{name: place for place, name in enumerate(_names(kind))} for kind in _KINDS]


def _checked_columns(columns: tuple[Columns, Columns, Columns]
                    ) -> tuple[Columns, Columns, Columns]:
    if len(columns) != len(_KINDS) or any(
            len(kind_columns) != len(_names(kind))
            for kind, kind_columns in zip(_KINDS, columns, strict=True)):
        raise TypeError("a column for each field of each kind")
    return columns


class StoredRows(ABC):
    """A file's rows as some store holds them (services/import_image: a database image
    the reading child made), with how many records of each kind, and the way back to
    their columns. A ColumnData given them makes its columns only when first asked for."""

    def __init__(self, counts: tuple[int, int, int]) -> None:
        self.counts = counts

    @abstractmethod
    def columns(self) -> tuple[Columns, Columns, Columns]:
        """The records' columns, each kind's fields in their order."""


def given_columns(data: SubmissionData) -> tuple[Columns, Columns, Columns] | None:
    """The columns data was given as (a ColumnData made from columns or stored rows: these
    then taken from the store), else None."""
    if not isinstance(data, ColumnData):
        return None
    return data.columns if "columns" in data.__dict__ or "stored" in data.__dict__ else None


def stored_rows(data: SubmissionData) -> StoredRows | None:
    """The stored rows a ColumnData was given, if any."""
    return data.__dict__.get("stored") if isinstance(data, ColumnData) else None


def field_values(data: SubmissionData, kind: int, name: str) -> list[Any]:
    """One field of every record of a kind (ACTIVITIES, INDICATORS or LINKS), in order,
    as a new list: a copy of the column when data was given as columns (ColumnData)."""
    return list(fields_of(data, kind, name)[0])


def fields_of(data: SubmissionData, kind: int, *names: str) -> list[Sequence[Any]]:
    """Some fields of every record of a kind, each as a column in the records' order, to
    be read, not changed: the columns themselves when data was given as columns
    (ColumnData: no record is made), else taken out of the records."""
    columns = given_columns(data)
    if columns is not None:
        return [columns[kind][_PLACES[kind][name]] for name in names]
    records = (data.activities, data.indicators, data.links)[kind]
    if len(names) == 1 or not records:  # a getter of one name gives the value itself
        return [list(map(attrgetter(name), records)) for name in names]
    return list(zip(*map(attrgetter(*names), records), strict=True))


def with_searched(data: SubmissionData, searched: Sequence[str]) -> SubmissionData:
    """data with each activity's own words folded for search (SubmissionData.searched):
    for data given as columns, a ColumnData of the same columns (dataclasses.replace
    would make the records to hand them over)."""
    columns = given_columns(data)
    if columns is not None:
        return ColumnData(columns=columns, searched=tuple(searched))
    return replace(data, searched=tuple(searched))


def record_count(data: SubmissionData, kind: int) -> int:
    """How many records of a kind data holds, without making them (ColumnData)."""
    stored = stored_rows(data)
    if stored is not None:
        return stored.counts[kind]
    columns = given_columns(data)
    if columns is not None:
        return len(columns[kind][0])
    return len((data.activities, data.indicators, data.links)[kind])


@dataclass(frozen=True)
class SubmissionMeta:
    """The hidden metadata sheet; content_hash covers the data and every other field."""

    format_version: int
    app_version: str
    agency_code: str
    agency_name_vi: str
    agency_name_en: str
    contact_person: str
    period: int
    submission_uuid: str
    version: int
    created_at: datetime  # UTC
    activities: int
    indicators: int
    links: int
    content_hash: str
    from_template: bool = False
    # The installation's Ed25519 public key and its signature over every other field
    # (signing.sign_submission), base64; both empty in files made before signatures.
    public_key: str = ""
    signature: str = ""


@dataclass(frozen=True)
class PreparedSubmission:
    """A submission ready to write: the register's version for exactly this data."""

    meta: SubmissionMeta
    data: SubmissionData
    new_version: bool  # False when the data had not changed since the last export
    key_fingerprint: str = ""  # of meta.public_key, for the PDF's signature block
    # The period's data range (Decree 09/2019), printed in the workbook's header: display
    # text only, neither in the metadata sheet nor in the content hash, so files made
    # before it still verify and the reader needs nothing new. None: not printed.
    data_range: tuple[date, date] | None = None
