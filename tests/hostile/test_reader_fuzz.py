"""Fuzzing the reader: bytes of a valid small workbook's XML parts mutated, rezipped and
read. Whatever comes out, read_file returns a refusal or a read — it never raises, and
it never takes long (a generous bound; no speed is asserted beyond "does not hang").
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.exchange.reading import RefusedFile, SubmissionFile, read_file
from tests.fixtures.submissions import demo_submission
from tests.hostile.corpus import parts_of, rezip

_STATE: dict[str, dict[str, bytes]] = {}
_INTERESTING = [b"<", b">", b'"', b"'", b"/", b"=", b"&", b";", b"\0", b"\xff", b"\xc3",
                b"r=", b"XFD1048576", b"ZZ400000", b"-1e15", b"1e400", b"<!DOCTYPE x>",
                b"<row>", b"<c>", b'uniqueCount="4294967295"', b"&#27;", b"_x001B_",
                b'<dimension ref="A1:XFD1048576"/>', b"9" * 30, b"-"]


@pytest.fixture(scope="module")
def good_parts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return parts_of(demo_submission(tmp_path_factory.mktemp("fuzz"), activities=2, seed=5))


mutation = st.tuples(
    st.floats(min_value=0, max_value=1, allow_nan=False),  # where, as a fraction of the part
    st.integers(min_value=0, max_value=40),  # how many bytes to cut
    st.one_of(st.sampled_from(_INTERESTING), st.binary(max_size=12)),  # what to put there
)


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(part=st.integers(min_value=0, max_value=50), mutations=st.lists(mutation, min_size=1,
                                                                        max_size=4))
def test_a_mutated_workbook_is_read_or_refused_never_raises(
        good_parts: dict[str, bytes], tmp_path: Path, part: int,
        mutations: list[tuple[float, int, bytes]]) -> None:
    xml = sorted(name for name in good_parts if name.endswith((".xml", ".rels")))
    name = xml[part % len(xml)]
    data = good_parts[name]
    for where, cut, insert in mutations:
        at = int(where * len(data))
        data = data[:at] + insert + data[at + cut:]
    target = rezip({**good_parts, name: data}, tmp_path / "fuzzed.xlsx")
    started = time.monotonic()
    read = read_file(target)
    assert isinstance(read, RefusedFile | SubmissionFile) or read.template is not None
    if isinstance(read, RefusedFile):
        assert read.problems
    assert time.monotonic() - started < 60
