"""What one submission carries, in the plain form every exporter and reader shares.

The xlsx workbook, the PDF report and the focal point's import all speak in
these records; the canonical form and the content hash are defined on them
(see canonical.py), so a file re-saved by Excel or LibreOffice, read back into
these records, hashes the same.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from itertools import repeat, starmap
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
