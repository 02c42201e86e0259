"""The bounds scan keeps the verdict of the scan it replaced (tests/core/bounds_before.py),
on sheets made of every form a tag can take: the same refusal with the same code and
parameters, or the same error cells found. The sheets mix what the fast path is for
(tags as programs write them) with what sends a segment the slow way (attributes in
another order, single quotes, prefixes, tags without a reference, a DTD, an sst root),
and chunks are small so that cuts land between and beside the spots of interest.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop_app.core.exchange import bounds
from desktop_app.core.exchange.bounds import Limits
from desktop_app.core.problems import RefusedError
from tests.core import bounds_before

_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
          b'.org/package/2006/content-types"></Types>')
_BOOK = (b'<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/'
         b'officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" '
         b'r:id="rId1"/></sheets></workbook>')
_RELS = (b'<?xml version="1.0"?><Relationships><Relationship Id="rId1" Target="worksheets/'
         b'sheet1.xml"/></Relationships>')
_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://'
         b'schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.'
         b'openxmlformats.org/officeDocument/2006/relationships">')

_SMALL = _HEAD + b'<dimension ref="A1:C9"/><sheetData>%s</sheetData></worksheet>'
_letters = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=3).map(str.encode)
_digits = st.integers(1, 9_999_999).map(lambda n: str(n).encode())
_near = st.tuples(st.sampled_from(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"), st.integers(1, 60)).map(
    lambda p: bytes([p[0]]) + str(p[1]).encode())
# references mostly near, some far, a few that are no reference at all
_ref = st.one_of(
    *[_near] * 12,
    st.tuples(st.sampled_from(b"ABRZ"), st.integers(99_990, 300_000)).map(
        lambda p: bytes([p[0]]) + str(p[1]).encode()),
    st.tuples(_letters, _digits).map(b"".join),
    st.tuples(_letters, _digits).map(lambda p: p[0].lower() + p[1]),
    st.sampled_from([b"A0", b"A-5", b"&#88;FD4", b"", b"A01", b"1A"]),
)
_row_number = st.one_of(*[st.integers(1, 80)] * 12, st.integers(1, 9_999_999)).map(
    lambda n: str(n).encode())
_value = st.sampled_from([
    b"<v>1</v>", b'<is><t>x "e" y</t></is>', b"<is><t>it's 'e' here: c</t></is>",
    b"<is><t>a:c b:row c:si</t></is>", b"<is><t>Wow!</t></is>", b"<v>#N/A</v>", b""])


@st.composite
def _cell(draw: st.DrawFn) -> bytes:
    ref, value = draw(_ref), draw(_value)
    form = draw(st.sampled_from(range(24)))
    if form <= 15:  # as programs write it
        attrs = draw(st.sampled_from([b"", b' s="1"', b' t="inlineStr"', b' s="2" t="n"']))
        return b'<c r="' + ref + b'"' + attrs + b">" + value + b"</c>"
    return [
        b'<c r="' + ref + b'" t="e">' + value + b"</c>",
        b"<c r='" + ref + b"' t='e'>" + value + b"</c>",
        b'<c r="' + ref + b'" t = "e"/>',
        b'<c s="1" r="' + ref + b'">' + value + b"</c>",
        b"<c>" + value + b"</c>",
        b'<x:c r="' + ref + b'">' + value + b"</x:c>",
        b'<c\tr="' + ref + b'"/>',
        b'<c t="n" x=">" r="' + ref + b'"><v>1</v></c>',
    ][form - 16]


@st.composite
def _row(draw: st.DrawFn) -> bytes:
    number = draw(_row_number)
    cells = b"".join(draw(st.lists(_cell(), max_size=6)))
    opening = draw(st.sampled_from([b'<row r="%s">'] * 15 + [
        b"<row>", b"<row r='%s'>", b'<row spans="1:3" r="%s">', b'<row r="0%s">',
        b'<x:row r="%s">']))
    return opening.replace(b"%s", number) + cells + b"</row>"


_extra = st.sampled_from([
    b'<dimension ref="A1:C9"/>', b'<dimension ref="A1:XFD1048576"/>', b'<dimension ref="B7"/>',
    b"<dimension ref='A1:-7'/>", b'<x:dimension ref="A1:Z9"/>', b'<dimensionx ref="A1"/>',
    b'<sst count="3" uniqueCount="2"><si><t>a</t></si><si/>', b'<sst count="-5">',
    b'<sst uniqueCount="99999999999">', b"<si><t>b</t></si>", b"<x:si/>",
    b"<!DOCTYPE x>", b"<!entity e>", b"<!-- a comment! -->", b'<foo a="<c r=&quot;Z1">"/>',
    b'<foo a=\'<c r="ZZ9">\'/>', b'<ext xmlns:x14ac="urn:x" x14ac:dyDescent="0.25"/>',
    b"\0", b"<cols><col min=\"1\"/></cols>"])


_harmless = st.sampled_from([
    b'<dimension ref="A1:C9"/>', b"<!-- a comment! -->", b"<cols><col min=\"1\"/></cols>",
    b'<ext xmlns:x14ac="urn:x" x14ac:dyDescent="0.25"/>', b'<dimensionx ref="A1"/>',
    b'<mergeCell ref="A1:B2"/>', b"<is><t>" + b"note: " * 20 + b"</t></is>"])


_ODD_ROWS = [b"<row>", b"<row r='%s'>", b'<row spans="1:3" r="%s">', b'<row r="0%s">',
             b'<x:row r="%s">', b'<row\nr="%s">', b"<row/>"]


@st.composite
def _clean_row(draw: st.DrawFn, odd: bool = False) -> bytes:
    """A row as programs write it, its cells near (maybe one of the error type); or its
    own tag written another way (odd), its cells still as programs write them."""
    number = draw(st.one_of(*[st.integers(1, 80)] * 6, st.integers(199_990, 300_000)))
    cells = []
    for ref in draw(st.lists(_near, max_size=5)):
        kind = draw(st.sampled_from([b' t="inlineStr"><is><t>x</t></is></c>', b"><v>1</v></c>",
                                     b"/>", b' s="3"><v>2</v></c>'] * 9 + [
            b' t="e"/>', b" t='e'/>", b' t = "e" s="1"/>', b' s="1" t="e"><v>#N/A</v></c>']))
        cells.append(b'<c r="' + ref + b'"' + kind)
    opening = draw(st.sampled_from(_ODD_ROWS)) if odd else b'<row r="%s" ht="12">'
    return opening.replace(b"%s", str(number).encode()) + b"".join(cells) + b"</row>"


@st.composite
def _sheet(draw: st.DrawFn) -> bytes:
    """Mostly a sheet as programs write it with one odd piece somewhere, or a mixture."""
    if draw(st.booleans()):
        pieces = draw(st.lists(st.one_of(*[_clean_row()] * 6, _harmless), max_size=12))
        odd = draw(st.one_of(_row(), _cell(), _extra, _clean_row(odd=True)))
        pieces.insert(draw(st.integers(0, len(pieces))), odd)
    else:
        pieces = draw(st.lists(st.one_of(*[_row()] * 8, _extra), max_size=10))
    dimension = draw(st.sampled_from([
        b'<dimension ref="A1:C9"/>', b'<dimension ref="A1:R60"/>', b"", b"",
        b'<dimension ref="A1"/>', b'<dimension ref="B2:E70"/>', b'<dimension ref="A1:BL200000"/>']))
    return (_HEAD + dimension + b"<sheetData>" + b"".join(pieces) + b"</sheetData>"
            + draw(st.sampled_from([b"", b'<pageSetup orientation="landscape"/>']))
            + b"</worksheet>")


_limits = st.builds(
    Limits, rows=st.sampled_from([200_000] * 4 + [60, 9]),
    columns=st.sampled_from([64] * 4 + [25, 30, 3]),
    cells=st.sampled_from([8_000_000, 8_000_000, 2000, 500, 100, 40]),
    strings=st.sampled_from([2_000_000, 2]))


def _verdict(scan: ModuleType, archive: zipfile.ZipFile, limits: Limits) -> object:
    try:
        return scan.check_parts(Path("hostile.xlsx"), archive, limits)
    except RefusedError as error:
        problem = error.problems[0]
        return problem.code, problem.params


def _compare(sheets: list[bytes], limits: Limits, chunk: int,
             monkeypatch: pytest.MonkeyPatch, many: int = 64) -> None:
    monkeypatch.setattr(bounds, "CHUNK", chunk)
    monkeypatch.setattr(bounds_before, "CHUNK", chunk)
    monkeypatch.setattr(bounds, "_MANY", many)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("xl/workbook.xml", _BOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", _RELS)
        for number, sheet in enumerate(sheets, start=1):
            archive.writestr(f"xl/worksheets/sheet{number}.xml", sheet)
    with zipfile.ZipFile(buffer) as archive:
        assert _verdict(bounds, archive, limits) == _verdict(bounds_before, archive, limits)


@settings(max_examples=400, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large])
@given(sheets=st.lists(_sheet(), min_size=1, max_size=3), limits=_limits,
       chunk=st.sampled_from([2**20, 2**12, 700, 256]), many=st.sampled_from([64, 1, 0]))
@example(sheets=[_HEAD + b'<dimension ref="A1:B3"/><sheetData><row r="2"><c r="C2"/></row>'
                 b'<row r="40"><c r="AB40"/></row></sheetData></worksheet>'],
         limits=Limits(rows=50, columns=3, cells=40), chunk=2**20, many=64)
@example(sheets=[_SMALL % b"<row r=\"1\"><c r=\"B1\"/><c r=\"A2\" t='e'/></row>"],
         limits=Limits(), chunk=2**20, many=64)
@example(sheets=[_SMALL % b'<sst count="1"><si/><si/><si/></sst>'], limits=Limits(strings=2),
         chunk=2**20, many=64)
@example(sheets=[_SMALL % b'<row r="9"><c r="A250000"/></row>'], limits=Limits(), chunk=2**20,
         many=64)
@example(sheets=[_SMALL % b'<row r="9"><c r="A150000"/></row>'], limits=Limits(cells=100_000),
         chunk=2**20, many=64)
def test_the_scan_keeps_the_old_verdict(sheets: list[bytes], limits: Limits, chunk: int,
                                        many: int, monkeypatch: pytest.MonkeyPatch) -> None:
    _compare(sheets, limits, chunk, monkeypatch, many)


def test_the_bench_like_files_keep_the_old_verdict(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = b"".join(b'<row r="%d" ht="12"><c r="A%d" t="inlineStr"><is><t>x</t></is></c>'
                    b'<c r="R%d" s="4"><v>45853</v></c></row>' % (n, n, n) for n in range(1, 999))
    sheet = _HEAD + b'<dimension ref="A1:R998"/><sheetData>' + rows + b"</sheetData></worksheet>"
    far = sheet.replace(b'<c r="R500"', b'<c r="S500"')  # past the declared columns
    for chunk in (2**20, 4096, 1000):
        for limits in (bounds.SUBMISSION, Limits(cells=17_000), Limits(cells=18_000)):
            for many in (64, 0):
                _compare([sheet, far], limits, chunk, monkeypatch, many)
