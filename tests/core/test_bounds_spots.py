"""The bounds scan's fast path (one search for every spot worth a look, bounds._spots) and
the hostile files made for it: a far cell just after a chunk's cut, a cell past the
columns its sheet declares, an error cell in single quotes or behind a prefix, an sst
root in a sheet, rows written another way. Each is refused (or its error cell found) as
the scan before it did; and a file the program wrote is scanned without the slow path.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from desktop_app.core.exchange import bounds
from desktop_app.core.exchange.bounds import SUBMISSION, Limits, check_parts
from desktop_app.core.problems import RefusedError
from tests.core import bounds_before
from tests.fixtures.submissions import demo_submission

_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://'
         b'schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.'
         b'openxmlformats.org/officeDocument/2006/relationships">')
_SHEET = "xl/worksheets/sheet1.xml"


def _rows(first: int, last: int) -> bytes:
    """Rows as XlsxWriter writes them: three cells each, up to column R."""
    return b"".join(b'<row r="%d" ht="12"><c r="A%d" t="inlineStr"><is><t>text</t></is></c>'
                    b'<c r="G%d" s="4"><v>45853</v></c><c r="R%d" s="3"/></row>'
                    % (n, n, n, n) for n in range(first, last + 1))


def _sheet(body: bytes, dimension: bytes = b"A1:R2000") -> bytes:
    return (_HEAD + b'<dimension ref="' + dimension + b'"/><sheetData>' + body
            + b"</sheetData></worksheet>")


def _scan(sheet: bytes, limits: Limits = SUBMISSION) -> object:
    """The scan's verdict on a workbook of this one sheet: the scan before it agrees."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(_SHEET, sheet)
    verdicts = []
    for scan in (check_parts, bounds_before.check_parts):
        try:
            with zipfile.ZipFile(buffer) as archive:
                verdicts.append(scan(Path("hostile.xlsx"), archive, limits))
        except RefusedError as error:
            verdicts.append((error.problems[0].code, dict(error.problems[0].params)))
    assert verdicts[0] == verdicts[1]
    return verdicts[0]


def test_a_far_cell_just_after_a_chunk_cut_is_refused() -> None:
    rows = _rows(1, 20_000)
    cut = rows.rfind(b"<", 0, bounds.CHUNK - len(_HEAD) - 60)  # the first chunk's last "<"
    hidden = rows[:cut] + b'<c r="XFD7"><v>1</v></c>' + rows[cut:]
    sheet = _sheet(hidden)
    for shift in range(0, 40, 3):  # the cut before, inside and after the far cell's tag
        moved = sheet.replace(b"<sheetData>", b"<sheetData>" + b" " * shift, 1)
        assert _scan(moved)[0] == "xlsx.far_cell"


def test_a_cell_past_the_declared_columns_counts_in_the_extent() -> None:
    rows = _rows(1, 20_000)  # ~1.5 MB: two chunks, the second knows the first's columns
    late = rows.replace(b'<c r="R19000" s="3"/>', b'<c r="Z19000" s="3"/>')
    assert _scan(_sheet(rows), Limits(cells=18 * 20_000)) == {}
    assert _scan(_sheet(late), Limits(cells=18 * 20_000))[0] == "xlsx.too_many_cells"
    early = rows.replace(b'<c r="R3" s="3"/>', b'<c r="Z3" s="3"/>')
    assert _scan(_sheet(early), Limits(cells=18 * 20_000))[0] == "xlsx.too_many_cells"


@pytest.mark.parametrize("dimension", [b"A1", b"A1:C5"])
def test_a_sheet_declaring_fewer_columns_than_its_cells_counts_them_all(
        dimension: bytes) -> None:
    rows = _rows(1, 20_000)  # past _MANY cells beyond the declared columns
    assert _scan(_sheet(rows, dimension), Limits(cells=18 * 20_000)) == {}
    assert _scan(_sheet(rows, dimension), Limits(cells=18 * 20_000 - 1))[0] == (
        "xlsx.too_many_cells")
    no_dimension = _HEAD + b"<sheetData>" + rows + b"</sheetData></worksheet>"
    assert _scan(no_dimension, Limits(cells=18 * 20_000 - 1))[0] == "xlsx.too_many_cells"


def test_a_row_beyond_its_cells_counts_in_the_extent() -> None:
    rows = _rows(1, 100) + b'<row r="150000"><c r="A150000"/></row>'
    assert _scan(_sheet(rows, b"A1"), Limits(cells=18 * 150_000 - 1))[0] == (
        "xlsx.too_many_cells")
    assert _scan(_sheet(rows, b"A1"), Limits(cells=18 * 150_000)) == {}


@pytest.mark.parametrize("tag", [
    b"<c r=\"B5\" t='e'><v>#N/A</v></c>", b'<c r="B5" t = "e"/>',
    b'<c r="B5" s="1" t="e"><v>#DIV/0!</v></c>', b'<x:c r="B5" t="e"/>',
    b'<c t="e" r="B5"/>'])
def test_an_error_cell_in_any_form_is_found(tag: bytes) -> None:
    rows = _rows(1, 4) + b'<row r="5">' + tag + b"</row>" + _rows(6, 9)
    assert _scan(_sheet(rows)) == {_SHEET: "B5"}


def test_an_sst_root_in_a_sheet_is_checked() -> None:
    lie = _sheet(_rows(1, 5)).replace(b"<sheetData>", b'<sst count="99999999999"/><sheetData>')
    assert _scan(lie)[0] == "xlsx.too_many_strings"
    many = _sheet(_rows(1, 5) + b'<sst count="1">' + b"<si/>" * 3 + b"</sst>")
    assert _scan(many, Limits(strings=2))[0] == "xlsx.too_many_strings"


@pytest.mark.parametrize("odd", [
    b"<row r='250000'><c r=\"A1\"/></row>", b'<row spans="1:2" r="250000"/>',
    b"<row r=\"7\"><c r='XFD7'/></row>", b'<row>' * 3 + b'<row r="199999"/>' + b"<row/>" * 2])
def test_rows_written_another_way_are_checked(odd: bytes) -> None:
    assert _scan(_sheet(_rows(1, 5) + odd))[0] == "xlsx.far_cell"


@pytest.mark.parametrize("colons", [0, 1, 15, 16, 17, 40])
def test_a_prefixed_tag_after_many_colons_is_seen(colons: int) -> None:
    text = b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + b"note: " * colons + b"</t></is></c>"
    sheet = _sheet(text + b'<x:c r="XFD1"/></row>' + _rows(2, 9))
    assert _scan(sheet)[0] == "xlsx.far_cell"


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_submission(tmp_path_factory.mktemp("spots"), activities=40, seed=5)


def test_a_file_the_program_wrote_takes_the_fast_path(good: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(*_: object) -> None:
        raise AssertionError("the general scan ran")

    for name in ("references", "dimensions", "first_strings"):
        monkeypatch.setattr(bounds._Scan, name, slow)
    monkeypatch.setattr(bounds, "_error_cell", slow)
    with zipfile.ZipFile(good) as archive:
        assert check_parts(good, archive, SUBMISSION) == {}
