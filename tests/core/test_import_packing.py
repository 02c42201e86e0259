"""A read submission as it travels from a reading child (import_reading._packed) comes
back as the very records it left as: every value of the same type and the same value,
whether or not the packing sent equal values as one object."""

from __future__ import annotations

import math
import pickle
from datetime import date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.exchange.reading import SubmissionFile
from desktop_app.core.exchange.submission import (
    ActivityRecord,
    IndicatorRecord,
    LinkRecord,
    SubmissionData,
    SubmissionMeta,
)
from desktop_app.core.services.import_reading import _packed, _unpacked

TEXTS = st.sampled_from(["", "a", "Hà Nội", "training", "T-01", "x" * 40])
DATES = st.sampled_from([date(2025, 1, 1), date(2025, 7, 15), date(1900, 2, 28)])
# what a hostile file might leave in a field typed otherwise: equal values of other types
ODD = st.sampled_from([0, 0.0, -0.0, 1, 1.0, True, False, math.nan,
                       datetime(2025, 1, 1), date(2025, 1, 1), "1", None])
MAYBE_TEXT = st.one_of(st.none(), TEXTS)
NUMBERS = st.one_of(st.none(), st.integers(-3, 3), st.floats(allow_nan=False))
UUIDS = st.sampled_from(["u1", "u2", "u3"])


@st.composite
def activities(draw: st.DrawFn) -> ActivityRecord:
    odd = draw(st.booleans())
    text = ODD if odd else MAYBE_TEXT
    return ActivityRecord(
        draw(UUIDS), draw(TEXTS), draw(text), draw(MAYBE_TEXT), draw(TEXTS), draw(text),
        draw(ODD if odd else st.one_of(st.none(), DATES)), draw(st.one_of(st.none(), DATES)),
        draw(NUMBERS), draw(NUMBERS), draw(NUMBERS), draw(NUMBERS), draw(NUMBERS),
        draw(text), draw(MAYBE_TEXT), draw(MAYBE_TEXT), draw(text), draw(MAYBE_TEXT))


@st.composite
def submissions(draw: st.DrawFn) -> SubmissionData:
    made = draw(st.lists(activities(), max_size=6))
    indicators = draw(st.lists(st.builds(
        IndicatorRecord, UUIDS, st.one_of(st.none(), UUIDS), MAYBE_TEXT, TEXTS,
        st.one_of(TEXTS, ODD), NUMBERS, st.floats(allow_nan=False),
        st.one_of(st.none(), DATES, ODD), st.one_of(st.none(), UUIDS), NUMBERS,
        st.one_of(MAYBE_TEXT, ODD)), max_size=6))
    links = draw(st.lists(st.builds(LinkRecord, UUIDS, st.one_of(TEXTS, ODD)), max_size=6))
    return SubmissionData(made, indicators, links)


META = SubmissionMeta(1, "1.0", "VLG", "Vĩnh Long", "Vinh Long", "", 2025, "s", 1,
                      datetime(2025, 1, 1), 0, 0, 0, "h")


def _same(one: object, other: object) -> bool:
    """The same value of the same type (0.0 is not -0.0, nan is nan)."""
    if type(one) is not type(other):
        return False
    if isinstance(one, float):
        return repr(one) == repr(other)
    return one == other


def _records_alike(left: list[object], right: list[object]) -> bool:
    return len(left) == len(right) and all(
        type(a) is type(b) and all(_same(x, y) for x, y in zip(
            vars(a).values(), vars(b).values(), strict=True))
        for a, b in zip(left, right, strict=True))


@settings(max_examples=200, deadline=None)
@given(submissions())
def test_a_packed_submission_comes_back_as_it_left(data: SubmissionData) -> None:
    read = SubmissionFile(Path("f.xlsx"), "sha", META, data, True, (), {},
                          data_sha256="digest")
    back = _unpacked(pickle.loads(pickle.dumps(_packed(read))))
    assert isinstance(back, SubmissionFile)
    for kind in ("activities", "indicators", "links"):
        assert _records_alike(getattr(back.data, kind), getattr(data, kind)), kind
    assert (back.path, back.sha256, back.meta, back.data_sha256) == (
        read.path, read.sha256, read.meta, "digest")


def test_equal_texts_and_dates_travel_as_one_object() -> None:
    """What makes the pickle small: a value that repeats is written once."""
    day = "2025-07-15"
    activities = [ActivityRecord(f"a{i}", "T-01", "title", None, "training", "done",
                                 date.fromisoformat(day), None, None, None, None, None,
                                 None, None, None, None, None) for i in range(3)]
    links = [LinkRecord("".join(["a", str(i)]), "R-1") for i in range(3)]
    read = SubmissionFile(Path("f.xlsx"), "sha", META, SubmissionData(activities, [], links),
                          True, (), {}, data_sha256="digest")
    back = _unpacked(pickle.loads(pickle.dumps(_packed(read))))
    assert isinstance(back, SubmissionFile)
    got = back.data.activities
    assert got[0].start_date is got[1].start_date is got[2].start_date
    assert got[0].task_code is got[2].task_code
    assert back.data.links[1].activity_uuid is got[1].uuid
