"""The rules an imported file's rows must keep that the reader cannot know, and the counts.

The reader checks each cell against its column (types, required cells, the lists of
codes); these rules need the catalog or the whole file: task and recommendation codes,
ranges of dates, lengths and counts, references between the sheets, identifiers and
links that repeat. Every problem is located by sheet, row and column (``Locator``), so
the agency can find and correct the cell. Pure functions, like the plan that uses them.
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any

from desktop_app.core.domain.search import codes_words, own_words, search_text_of, task_words
from desktop_app.core.domain.validation import (
    EARLIEST,
    LATEST,
    LONG_TEXT_FIELDS,
    MAX_BUDGET_VND,
    MAX_COUNT,
    MAX_TEXT,
    MAX_TITLE,
)
from desktop_app.core.exchange.canonical import canonical_data
from desktop_app.core.exchange.cells import column_letter
from desktop_app.core.exchange.columns import SHEETS
from desktop_app.core.exchange.reading import SubmissionFile
from desktop_app.core.exchange.submission import (
    ACTIVITIES,
    INDICATORS,
    LINKS,
    SubmissionData,
    fields_of,
    record_count,
)
from desktop_app.core.problems import Location, Problem

# An exported submission's columns: sheet key -> field key -> column letter.
EXPORT_LETTERS: dict[str, dict[str, str]] = {
    sheet.key: {c.key: column_letter(i) for i, c in enumerate(sheet.columns)}
    for sheet in SHEETS
}
_TITLES = {sheet.key: sheet.title for sheet in SHEETS}
_COUNTS = ("women", "ethnic_minorities", "disabilities", "children", "budget_vnd")
_long_texts, _counts = attrgetter(*LONG_TEXT_FIELDS), attrgetter(*_COUNTS)


class Locator:
    """Where the index-th record of a sheet, and one of its fields, sits in the file."""

    def __init__(self, path: Path, rows: Mapping[str, list[int]],
                 letters: Mapping[str, Mapping[str, str]]) -> None:
        self.path, self.rows, self.letters = path, rows, letters

    def __call__(self, sheet: str, index: int, key: str) -> Location:
        numbers = self.rows.get(sheet, [])
        return Location(self.path.name, _TITLES[sheet],
                        numbers[index] if index < len(numbers) else None,
                        self.letters.get(sheet, {}).get(key) or None)


def check_rows(data: SubmissionData, tasks: Container[str],
               recommendations: Container[str], where: Locator, *,
               in_force: frozenset[str] | None = None, period: int | None = None
               ) -> list[Problem]:
    """Every problem of the rows: catalog codes, ranges, references, repeats; with
    ``in_force`` (the task codes of the period's plans in force), a known task of another
    plan too."""
    problems: list[Problem] = []

    def add(problem_code: str, sheet: str, index: int, key: str, /, **params: Any) -> None:
        problems.append(Problem(problem_code, params, key, where(sheet, index, key)))

    def check_date(sheet: str, index: int, key: str, value: Any) -> None:
        if value is not None and not EARLIEST <= value <= LATEST:
            add("value.date_out_of_range", sheet, index, key, value=value.isoformat(),
                min=EARLIEST.isoformat(), max=LATEST.isoformat())

    activity_uuids: set[str] = set()
    sound = _activities_sound(data, tasks, in_force)
    if sound:
        activity_uuids = sound
    for i, a in enumerate(() if sound else data.activities):
        if a.uuid in activity_uuids:
            add("import.duplicate_uuid", "activities", i, "uuid", uuid=a.uuid)
        activity_uuids.add(a.uuid)
        if a.task_code not in tasks:
            add("code.unknown_task", "activities", i, "task_code", code=a.task_code)
        elif in_force is not None and a.task_code not in in_force:
            add("code.task_not_in_force", "activities", i, "task_code", code=a.task_code,
                period=period)
        if len(a.title.strip()) > MAX_TITLE:
            add("value.too_long", "activities", i, "title", length=len(a.title), max=MAX_TITLE)
        texts = _long_texts(a)
        if max(map(len, filter(None, texts)), default=0) > MAX_TEXT:  # rare: which ones
            for key, text in zip(LONG_TEXT_FIELDS, texts, strict=True):
                if len(text or "") > MAX_TEXT:
                    add("value.too_long", "activities", i, key, length=len(text),
                        max=MAX_TEXT)
        check_date("activities", i, "start_date", a.start_date)
        check_date("activities", i, "end_date", a.end_date)
        if a.start_date and a.end_date and a.end_date < a.start_date:
            add("date.end_before_start", "activities", i, "end_date",
                start=a.start_date.isoformat(), end=a.end_date.isoformat())
        counts = _counts(a)
        if max(filter(None, counts), default=0) > MAX_COUNT:  # rare: which ones
            for key, value in zip(_COUNTS, counts, strict=True):
                limit = MAX_BUDGET_VND if key == "budget_vnd" else MAX_COUNT
                if value is not None and value > limit:
                    add("value.too_large", "activities", i, key, value=value, max=limit)
    seen: set[str] = set()
    sound_indicators = _indicators_sound(data, tasks, in_force, activity_uuids)
    for i, ind in enumerate(() if sound_indicators else data.indicators):
        if ind.uuid in seen or (ind.result_uuid and ind.result_uuid in seen):
            add("import.duplicate_uuid", "indicators", i, "uuid", uuid=ind.uuid)
        seen.add(ind.uuid)
        if ind.result_uuid:
            seen.add(ind.result_uuid)
        if ind.activity_uuid is not None and ind.activity_uuid not in activity_uuids:
            add("import.unknown_activity", "indicators", i, "activity_uuid",
                uuid=ind.activity_uuid)
        if ind.activity_uuid is None and not ind.task_code:
            add("template.indicator_owner", "indicators", i, "activity_uuid")
        if ind.task_code and ind.task_code not in tasks:
            add("code.unknown_task", "indicators", i, "task_code", code=ind.task_code)
        elif ind.task_code and in_force is not None and ind.task_code not in in_force:
            add("code.task_not_in_force", "indicators", i, "task_code", code=ind.task_code,
                period=period)
        check_date("indicators", i, "due_date", ind.due_date)
    pairs: set[tuple[str, str]] = set()
    sound_links = _links_sound(data, recommendations, activity_uuids)
    for i, link in enumerate(() if sound_links else data.links):
        if link.activity_uuid not in activity_uuids:
            add("import.unknown_activity", "links", i, "activity_uuid",
                uuid=link.activity_uuid)
        if link.recommendation_code not in recommendations:
            add("code.unknown_recommendation", "links", i, "recommendation_code",
                code=link.recommendation_code)
        elif (link.activity_uuid, link.recommendation_code) in pairs:
            add("code.duplicate_link", "links", i, "recommendation_code",
                code=link.recommendation_code)
        pairs.add((link.activity_uuid, link.recommendation_code))
    return problems


# --- the rows found sound a column at a time ----------------------------------------------
# check_rows' loops look at each row in turn, to say where each problem is. A sheet of
# a sound file has none, which its columns tell at once (sets, max, min: C loops): a
# sheet found sound is not looked at row by row, one found otherwise is, as before, so
# the problems and their order are what the loops say (tests/core/test_rows_sound.py).
# 1.9 against the loops' 2.3 ms a file on the bench's files, when the columns were taken
# out of the records; a file read as columns (ColumnData) hands over its own, and the
# records are made only for the loops of a sheet not found sound.

_ACTIVITY_FIELDS = ("uuid", "task_code", "title", "start_date", "end_date",
                    *LONG_TEXT_FIELDS, *_COUNTS)


def _activities_sound(data: SubmissionData, tasks: Container[str],
                      in_force: frozenset[str] | None) -> set[str] | None:
    """The activities' UUIDs when check_rows' loop would find no problem in them; None
    when it might (or there are none)."""
    if not record_count(data, ACTIVITIES):
        return None
    uuids, codes, titles, starts, ends, *columns = fields_of(data, ACTIVITIES,
                                                             *_ACTIVITY_FIELDS)
    texts, counts, budgets = columns[:len(LONG_TEXT_FIELDS)], columns[-5:-1], columns[-1]
    known = set(uuids)
    if len(known) != len(uuids) or not _known_codes(set(codes), tasks, in_force):
        return None
    try:
        if (max(map(len, titles)) > MAX_TITLE  # the loop then sees if stripped ones are
                or any(max(map(len, filter(None, t)), default=0) > MAX_TEXT for t in texts)
                or any(max(filter(None, c), default=0) > MAX_COUNT for c in counts)
                or max(filter(None, budgets), default=0) > MAX_BUDGET_VND
                or not _in_range(starts) or not _in_range(ends)
                or any(end < start for start, end in zip(starts, ends, strict=True)
                       if start and end)):
            return None
    except TypeError:  # a value of another type: the loop says what it always said
        return None
    return known


def _indicators_sound(data: SubmissionData, tasks: Container[str],
                      in_force: frozenset[str] | None, activity_uuids: set[str]) -> bool:
    """Whether check_rows' loop would find no problem in the indicators."""
    if not record_count(data, INDICATORS):
        return True
    uuids, results, owners, codes, dues = fields_of(
        data, INDICATORS, "uuid", "result_uuid", "activity_uuid", "task_code", "due_date")
    identifiers = [*uuids, *filter(None, results)]
    if len(set(identifiers)) != len(identifiers):
        return False
    named = set(owners)
    named.discard(None)
    if not named <= activity_uuids or any(
            owner is None and not code for owner, code in zip(owners, codes, strict=True)):
        return False
    try:
        return _known_codes(set(filter(None, codes)), tasks, in_force) and _in_range(dues)
    except TypeError:
        return False


def _links_sound(data: SubmissionData, recommendations: Container[str],
                 activity_uuids: set[str]) -> bool:
    """Whether check_rows' loop would find no problem in the links."""
    if not record_count(data, LINKS):
        return True
    owners, codes = fields_of(data, LINKS, "activity_uuid", "recommendation_code")
    pairs = list(zip(owners, codes, strict=True))
    return (set(owners) <= activity_uuids and all(code in recommendations for code in set(codes))
            and len(set(pairs)) == len(pairs))


def _known_codes(codes: set[str], tasks: Container[str], in_force: frozenset[str] | None
                 ) -> bool:
    return all(code in tasks for code in codes) and (in_force is None or codes <= in_force)


def _in_range(dates: Sequence[Any]) -> bool:
    """Whether every date given lies in EARLIEST…LATEST (TypeError for what is no date)."""
    given = [value for value in dates if value is not None]
    return not given or (min(given) >= EARLIEST and max(given) <= LATEST)


# --- the rows checked where the file is read ----------------------------------------------


@dataclass(frozen=True)
class RowRules:
    """The catalog as a file's rows are checked and found by, in plain data that a
    reading child takes along: each task's code with its two titles, and the
    recommendations' codes (import_plan.row_rules makes it from the batch's catalog)."""

    tasks: Mapping[str, tuple[str, str]]
    recommendations: frozenset[str]


@dataclass(frozen=True)
class CheckedSubmission(SubmissionFile):
    """A submission read with its rows already checked against `rules` (check_rows) and,
    when they have no problem, its activities' search texts made: in the reading child,
    on the machine's other cores, rather than in the process that writes one file after
    another. The plan and the write take them only when the batch's catalog gives the
    same rules; otherwise they do the work themselves, as for any other file."""

    rules: RowRules | None = None
    row_problems: tuple[Problem, ...] = ()
    search_texts: tuple[str, ...] = ()  # one an activity; empty when row_problems


def checked_rows(read: SubmissionFile, rules: RowRules
                 ) -> tuple[tuple[Problem, ...], tuple[str, ...]]:
    """What check_rows says of an exported file's rows (as the plan locates them), and the
    activities' search texts when it says nothing."""
    data = read.data
    problems = tuple(check_rows(data, rules.tasks, rules.recommendations,
                                Locator(read.path, read.rows, EXPORT_LETTERS)))
    if problems:
        return problems, ()
    return problems, tuple(search_texts(data, rules.tasks))


def own_words_of(data: SubmissionData) -> list[str]:
    """Each activity's own words (domain.search.own_words: its title and description)."""
    return list(map(own_words, *fields_of(data, ACTIVITIES, "title", "description")))


def search_texts(data: SubmissionData, tasks: Mapping[str, Sequence[str]]) -> list[str]:
    """Each activity's search text (domain.search): its own words from those the reader
    folded (SubmissionData.searched) when it did, its task's words (tasks: code -> the
    titles, vi and en) folded once per task, its links' recommendation codes.

    Every activity's task must be in tasks (check_rows says so first)."""
    codes: dict[str, list[str]] = {}
    for owner, code in zip(*fields_of(data, LINKS, "activity_uuid", "recommendation_code"),
                           strict=True):
        codes.setdefault(owner, []).append(code)
    uuids, task_codes = fields_of(data, ACTIVITIES, "uuid", "task_code")
    searched: Sequence[str] = data.searched
    if len(searched) != len(uuids):
        searched = own_words_of(data)
    words_of: dict[str, str] = {}
    texts = []
    for uuid, task_code, words in zip(uuids, task_codes, searched, strict=True):
        task = words_of.get(task_code)
        if task is None:
            task = words_of[task_code] = task_words((task_code, *tasks[task_code]))
        linked = codes_words(codes.get(uuid, ()))
        if words and task:  # search_text_of's join, without its generator
            texts.append(f"{words} {task} {linked}" if linked else f"{words} {task}")
        else:
            texts.append(search_text_of(words, task, codes.get(uuid, ())))
    return texts


# --- counting rows -----------------------------------------------------------------------


def _fingerprints(data: SubmissionData) -> dict[str, list[Any]]:
    """Each activity with its indicators and links, in canonical form."""
    sheets = dict((key, rows) for key, rows in canonical_data(data))
    groups: dict[str, list[Any]] = {r["uuid"]: [r] for r in sheets["activities"]}
    for key in ("indicators", "links"):
        for row in sheets[key]:
            owner = row.get("activity_uuid")
            if owner in groups:
                groups[owner].append(row)
    return groups


def count_changes(old: SubmissionData | None, new: SubmissionData) -> tuple[int, int, int]:
    """Activities added, changed and removed against the version in force (old)."""
    assert old is not None, "the rows in force are read for a file that may be accepted"
    if not record_count(old, ACTIVITIES):  # a first version: no records made to count
        return record_count(new, ACTIVITIES), 0, 0
    before, after_ = _fingerprints(old), _fingerprints(new)
    added = sum(1 for u in after_ if u not in before)
    removed = sum(1 for u in before if u not in after_)
    changed = sum(1 for u, fp in after_.items() if u in before and before[u] != fp)
    return added, changed, removed
