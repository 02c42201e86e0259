"""The sheets' extent together is bounded (issue 10, item 1's weak spot).

A lone cell at ``BL200000`` keeps the row and column limits, yet calamine fills in its
whole used range: 12.8 million cells, ~880 MB for four such sheets (measured). The
bounds now refuse a workbook whose sheets' extents (declared or real) together pass
``Limits.cells``; the worst case they still allow is read in a child process under the
hostile corpus's 500 MB address-space limit and ends cleanly (read or refused, never a
crash).
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.exchange.bounds import SUBMISSION
from desktop_app.core.exchange.xlsx_reader import check_container
from desktop_app.core.problems import RefusedError
from tests.fixtures.submissions import demo_submission
from tests.hostile.corpus import add_cells, cell, parts_of, rezip, row, set_dimension

LIMIT = 500 * 2**20
_CHILD = """
import sys
from pathlib import Path
from desktop_app.core.exchange.xlsx_reader import read_submission
from desktop_app.core.problems import RefusedError
try:
    read_submission(Path(sys.argv[1]))
    print("read")
except RefusedError as error:
    print("refused", error.problems[0].code)
"""


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_submission(tmp_path_factory.mktemp("extent"), "VLG_2025_v1.xlsx",
                           activities=3, seed=2)


def _sheets(parts: dict[str, bytes]) -> list[str]:
    return sorted(n for n in parts if n.startswith("xl/worksheets/sheet"))


def _variant(good: Path, name: str, cells: dict[int, str], *,
             dimension: bytes | None = None) -> Path:
    """The good file with one far cell added to the sheets numbered in cells."""
    parts = parts_of(good)
    for index, ref in cells.items():
        sheet = _sheets(parts)[index]
        number = int("".join(ch for ch in ref if ch.isdigit()))
        parts[sheet] = add_cells(parts[sheet], row(number, cell(ref, "1")))
    if dimension is not None:
        first = _sheets(parts)[0]
        parts[first] = set_dimension(parts[first], dimension)
    return rezip(parts, good.with_name(f"{name}.xlsx"))


def _code(path: Path) -> str | None:
    try:
        check_container(path)
    except RefusedError as error:
        return error.problems[0].code
    return None


def test_a_lone_far_cell_within_the_row_and_column_limits_is_refused(good: Path) -> None:
    assert _code(_variant(good, "lone", {0: "BL200000"})) == "xlsx.too_many_cells"


def test_sparse_cells_on_every_sheet_are_refused_together(good: Path) -> None:
    count = len(_sheets(parts_of(good)))
    # 64 × 50,000 = 3.2 million cells a sheet: each alone passes, together they do not
    spread = _variant(good, "spread", dict.fromkeys(range(count), "BL50000"))
    assert _code(spread) == "xlsx.too_many_cells"
    assert _code(_variant(good, "one", {0: "BL50000"})) is None


def test_a_declared_extent_alone_is_refused(good: Path) -> None:
    lie = _variant(good, "declared", {}, dimension=b"A1:BL200000")
    assert _code(lie) == "xlsx.too_many_cells"


def test_a_full_height_sheet_of_the_submission_width_passes(good: Path) -> None:
    # 200,000 rows of the widest sheet (18 columns) and of the indicators' (11)
    tall = _variant(good, "tall", {0: "R200000", 1: "K200000"})
    assert _code(tall) is None


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def _read_limited(path: Path) -> str:
    done = subprocess.run(  # noqa: S603  (our own program)
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True,
        preexec_fn=_limit, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_the_worst_case_the_bounds_allow_is_read_under_500_mb(good: Path) -> None:
    budget = SUBMISSION.cells
    count = len(_sheets(parts_of(good)))
    # all of the budget in one sheet, then spread over every sheet: each just allowed
    rows_one = budget // 40 - 1000  # 40 columns: AN
    one = _variant(good, "worst-one", {0: f"AN{rows_one}"})
    rows_each = budget // count // 20 - 1000  # 20 columns: T
    each = _variant(good, "worst-each", dict.fromkeys(range(count), f"T{rows_each}"))
    for path in (one, each):
        assert _code(path) is None
        assert _read_limited(path).split()[0] in ("read", "refused")
