"""A hostile corpus, made by code from one good submission: every kind of file a careless
or malicious sender could hand the focal point (issue 10). Each kind is a function
``(good, folder) -> Path`` registered in KINDS; every one of them must be refused.

Structural kinds rewrite the zip and its XML parts (bombs, far cells, dimension and
sharedStrings lies, DTDs...); semantic kinds edit the workbook with openpyxl (versions,
counts, formulas, sheet names...); special files are made on the file system.
One piece past 500 lines on purpose: it is a catalogue, each kind a few lines.
"""

from __future__ import annotations

import os
import re
import socket
import struct
import uuid
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl

from desktop_app.core.exchange.canonical import content_hash
from desktop_app.core.exchange.submission import PreparedSubmission, SubmissionData
from desktop_app.core.exchange.xlsx_reader import read_submission
from desktop_app.core.exchange.xlsx_writer import write_workbook
from desktop_app.core.progress import drive

Maker = Callable[[Path, Path], Path]
KINDS: dict[str, Maker] = {}


def kind(name: str) -> Callable[[Maker], Maker]:
    def register(make: Maker) -> Maker:
        KINDS[name] = make
        return make

    return register


# --- helpers -----------------------------------------------------------------------------


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def rezip(parts: dict[str, bytes], target: Path,
          method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(target, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


def first_sheet(parts: dict[str, bytes]) -> str:
    return sorted(n for n in parts if n.startswith("xl/worksheets/sheet"))[0]


def with_sheet_xml(good: Path, target: Path, edit: Callable[[bytes], bytes],
                   part: str | None = None) -> Path:
    parts = parts_of(good)
    name = part or first_sheet(parts)
    parts[name] = edit(parts[name])
    return rezip(parts, target)


def add_cells(xml: bytes, cells: bytes) -> bytes:
    """Cells (a row's XML) inserted at the end of sheetData."""
    if b"<sheetData/>" in xml:
        return xml.replace(b"<sheetData/>", b"<sheetData>" + cells + b"</sheetData>")
    return xml.replace(b"</sheetData>", cells + b"</sheetData>", 1)


def set_dimension(xml: bytes, ref: bytes) -> bytes:
    if b"<dimension" in xml:
        return re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="' + ref + b'"', xml)
    return xml.replace(b"<sheetData", b'<dimension ref="' + ref + b'"/><sheetData', 1)


def edited(good: Path, target: Path, edit: Callable[[openpyxl.Workbook], None]) -> Path:
    book = openpyxl.load_workbook(good)
    edit(book)
    book.save(target)
    return target


def meta_set(key: str, value: Any) -> Callable[[openpyxl.Workbook], None]:
    def edit(book: openpyxl.Workbook) -> None:
        sheet = book["_meta"] if "_meta" in book.sheetnames else book.worksheets[-1]
        for row in sheet.iter_rows():
            if row[0].value == key:
                row[1].value = value
                return
        raise AssertionError(f"no metadata {key}")

    return edit


def resigned(good: Path, target: Path,
             change: Callable[[SubmissionData], SubmissionData]) -> Path:
    """The submission rewritten by the program's own writer with a correct content hash."""
    read = read_submission(good)
    data = change(read.data)
    meta = replace(read.meta, submission_uuid=str(uuid.uuid4()), content_hash="",
                   public_key="", signature="")
    meta = replace(meta, content_hash=content_hash(meta, data))
    drive(write_workbook(PreparedSubmission(meta, data, True), target))
    return target


def cell(ref: str, value: str, attrs: str = "") -> bytes:
    return f'<c r="{ref}"{attrs}><v>{value}</v></c>'.encode()


def row(number: int, cells: bytes, attrs: str = "") -> bytes:
    return f'<row r="{number}"{attrs}>'.encode() + cells + b"</row>"


# --- the zip container -------------------------------------------------------------------


@kind("ratio-bomb")
def _ratio_bomb(good: Path, folder: Path) -> Path:
    parts = parts_of(good)
    parts["xl/media/padding.bin"] = b"\0" * (30 * 2**20)
    return rezip(parts, folder / "ratio-bomb.xlsx")


@kind("declared-size-lie")
def _size_lie(good: Path, folder: Path) -> Path:
    target = rezip({**parts_of(good), "xl/zz.xml": b"<a>" + b"x" * 200_000 + b"</a>"},
                   folder / "size-lie.xlsx")
    data = bytearray(target.read_bytes())
    name = b"xl/zz.xml"
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(name)] == name:
                data[start + offset:start + offset + 4] = struct.pack("<I", 100)
            start += 4
    target.write_bytes(bytes(data))
    return target


@kind("huge-declared-part")
def _huge_declared(good: Path, folder: Path) -> Path:
    target = _size_lie(good, folder)
    data = bytearray(target.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + 9] == b"xl/zz.xml":
                data[start + offset:start + offset + 4] = struct.pack("<I", 3_000_000_000)
            start += 4
    out = folder / "huge-declared.xlsx"
    out.write_bytes(bytes(data))
    return out


@kind("too-many-parts")
def _many_parts(good: Path, folder: Path) -> Path:
    parts = parts_of(good)
    parts.update({f"xl/extra/p{i}.xml": b"<a/>" for i in range(1500)})
    return rezip(parts, folder / "many-parts.xlsx", zipfile.ZIP_STORED)


@kind("too-many-sheets")
def _many_sheets(good: Path, folder: Path) -> Path:
    parts = parts_of(good)
    sheets = b"".join(f'<sheet name="s{i}" sheetId="{i + 100}" r:id="rId{i + 100}"/>'.encode()
                      for i in range(200))
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(b"</sheets>",
                                                                sheets + b"</sheets>")
    return rezip(parts, folder / "many-sheets.xlsx")


@kind("empty-zip")
def _empty_zip(good: Path, folder: Path) -> Path:
    return rezip({}, folder / "empty-zip.xlsx")


@kind("only-content-types")
def _only_types(good: Path, folder: Path) -> Path:
    return rezip({"[Content_Types].xml": parts_of(good)["[Content_Types].xml"]},
                 folder / "only-types.xlsx")


@kind("no-workbook-part")
def _no_workbook(good: Path, folder: Path) -> Path:
    parts = parts_of(good)
    del parts["xl/workbook.xml"]
    return rezip(parts, folder / "no-workbook.xlsx")


@kind("encrypted-flag")
def _encrypted_flag(good: Path, folder: Path) -> Path:
    data = bytearray(good.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + offset] |= 1
            start += 4
    target = folder / "zip-encrypted.xlsx"
    target.write_bytes(bytes(data))
    return target


@kind("unknown-compression")
def _unknown_method(good: Path, folder: Path) -> Path:
    data = bytearray(good.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + offset:start + offset + 2] = struct.pack("<H", 98)
            start += 4
    target = folder / "ppmd.xlsx"
    target.write_bytes(bytes(data))
    return target


@kind("truncated-zip")
def _truncated(good: Path, folder: Path) -> Path:
    target = folder / "truncated.xlsx"
    target.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return target


@kind("pk-then-noise")
def _pk_noise(good: Path, folder: Path) -> Path:
    target = folder / "pk-noise.xlsx"
    target.write_bytes(b"PK\x03\x04" + os.urandom(5000))
    return target


@kind("duplicate-members")
def _duplicate_members(good: Path, folder: Path) -> Path:
    target = folder / "duplicate-members.xlsx"
    with zipfile.ZipFile(target, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the duplicate name is the point
        for name, data in parts_of(good).items():
            archive.writestr(name, data)
        archive.writestr("xl/workbook.xml", b"<workbook><sheets/></workbook>")
    return target


@kind("crc-damaged")
def _crc(good: Path, folder: Path) -> Path:
    target = rezip(parts_of(good), folder / "crc.xlsx", zipfile.ZIP_STORED)
    data = bytearray(target.read_bytes())
    at = data.find(b"<sheetData")
    data[at + 1] = ord("X")
    target.write_bytes(bytes(data))
    return target


@kind("over-100-mb")
def _big_file(good: Path, folder: Path) -> Path:
    target = folder / "big.xlsx"
    with target.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(101 * 2**20)  # sparse: costs no disk
    return target


# --- sheets: far cells and lies ----------------------------------------------------------


# Each far-cell kind adds one row to the first sheet: (kind, file stem, the row's XML).
FAR_CELLS: tuple[tuple[str, str, bytes], ...] = (
    ("far-cell-XFD1048576", "far-xfd", row(1048576, cell("XFD1048576", "1"))),
    ("far-cell-ZZ400000", "far-zz", row(400000, cell("ZZ400000", "1"))),
    ("far-column-BM", "far-bm", row(50, cell("BM50", "1"))),
    ("far-row-200001", "far-row", row(200001, cell("A200001", "1"))),
    ("far-cell-lowercase", "far-lower", b'<row r="900000"><c r="xfd900000"><v>1</v></c></row>'),
    ("far-cell-single-quotes", "far-quotes", b"<row r='70'><c r='XFD70'><v>1</v></c></row>"),
    ("far-cell-prefixed", "far-prefix",
     b'<x:row r="80"><x:c r="XFD80"><x:v>1</x:v></x:c></x:row>'),
    ("far-cell-gt-in-attribute", "far-gt",
     b'<row r="81"><c t="n" x=">" r="XFD81"><v>1</v></c></row>'),
    ("cells-without-reference", "no-ref", b"<row>" + b"<c><v>1</v></c>" * 300 + b"</row>"),
    ("rows-without-reference", "no-row-ref",
     b'<row r="199990"/>' + b"<row><c><v>1</v></c></row>" * 20),
    ("bad-reference-A0", "ref-a0", row(3, cell("A0", "1"))),
    ("negative-reference", "ref-negative", row(3, cell("A-5", "1"))),
    ("entity-reference-in-ref", "ref-entity", b'<row r="4"><c r="&#88;FD4"><v>1</v></c></row>'),
)

# Each dimension kind only rewrites the first sheet's <dimension ref>: (kind, stem, ref).
DIMENSION_LIES: tuple[tuple[str, str, bytes], ...] = (
    ("dimension-lie-XFD", "dim-xfd", b"A1:XFD1048576"),
    ("dimension-lie-rows", "dim-rows", b"A1:B999999"),
    ("dimension-garbage", "dim-garbage", b"A1:-7"),
)


def _with_cells(stem: str, cells: bytes) -> Maker:
    def make(good: Path, folder: Path) -> Path:
        return with_sheet_xml(good, folder / f"{stem}.xlsx", lambda xml: add_cells(xml, cells))

    return make


def _with_dimension(stem: str, ref: bytes) -> Maker:
    def make(good: Path, folder: Path) -> Path:
        return with_sheet_xml(good, folder / f"{stem}.xlsx",
                              lambda xml: set_dimension(xml, ref))

    return make


for _name, _stem, _cells in FAR_CELLS:
    kind(_name)(_with_cells(_stem, _cells))
for _name, _stem, _ref in DIMENSION_LIES:
    kind(_name)(_with_dimension(_stem, _ref))


@kind("far-cell-in-other-part")
def _other_part(good: Path, folder: Path) -> Path:
    parts = parts_of(good)
    parts["xl/worksheets/hidden/far.xml"] = (
        b'<worksheet><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
        b"</sheetData></worksheet>")
    return rezip(parts, folder / "other-part.xlsx")


# --- shared strings ----------------------------------------------------------------------


def _sst(good: Path, target: Path, edit: Callable[[bytes], bytes],
         method: int = zipfile.ZIP_DEFLATED) -> Path:
    parts = parts_of(good)
    name = "xl/sharedStrings.xml"
    parts[name] = edit(parts.get(name, b'<sst count="0" uniqueCount="0"></sst>'))
    return rezip(parts, target, method)


@kind("sst-uniqueCount-lie")
def _sst_unique(good: Path, folder: Path) -> Path:
    return _sst(good, folder / "sst-unique.xlsx", lambda xml: re.sub(
        rb'uniqueCount="\d+"', b'uniqueCount="4294967295"', xml)
        if b"uniqueCount" in xml else xml.replace(b"<sst ", b'<sst uniqueCount="4294967295" '))


@kind("sst-count-lie")
def _sst_count(good: Path, folder: Path) -> Path:
    return _sst(good, folder / "sst-count.xlsx", lambda xml: re.sub(
        rb'<sst ', b'<sst count="99999999999" ', re.sub(rb'\scount="\d+"', b"", xml), count=1))


@kind("sst-negative-count")
def _sst_negative(good: Path, folder: Path) -> Path:
    return _sst(good, folder / "sst-negative.xlsx", lambda xml: re.sub(
        rb'<sst ', b'<sst count="-5" ', re.sub(rb'\scount="[^"]*"', b"", xml), count=1))


@kind("sst-too-many-strings")
def _sst_many(good: Path, folder: Path) -> Path:
    return _sst(good, folder / "sst-many.xlsx",
                lambda xml: xml.replace(b"</sst>", b"<si><t/></si>" * 2_100_000 + b"</sst>"),
                zipfile.ZIP_STORED)  # stored: the count is what refuses it, not the ratio


@kind("huge-string")
def _huge_string(good: Path, folder: Path) -> Path:
    return _sst(good, folder / "huge-string.xlsx", lambda xml: xml.replace(
        b"</sst>", b"<si><t>" + b"A" * (3 * 2**20) + b"</t></si></sst>"))


kind("long-string-in-cell")(_with_cells(
    "long-cell", b'<row r="60"><c r="A60" t="inlineStr"><is><t>'
    + "Ư".encode() * 200_000 + b"</t></is></c></row>"))


# --- XML itself --------------------------------------------------------------------------


@kind("billion-laughs")
def _laughs(good: Path, folder: Path) -> Path:
    dtd = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
           + b"".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'.encode()
                      .replace(b"&lol0;", b"&lol;") for i in range(1, 10)) + b"]>")
    return _sst(good, folder / "laughs.xlsx", lambda xml: dtd + re.sub(
        rb"^<\?xml[^>]*\?>", b"", xml).replace(b"<t>", b"<t>&lol9;", 1))


@kind("external-entity")
def _xxe(good: Path, folder: Path) -> Path:
    dtd = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    return with_sheet_xml(good, folder / "xxe.xlsx", lambda xml: dtd + re.sub(
        rb"^<\?xml[^>]*\?>", b"", xml))


@kind("doctype-in-workbook")
def _dtd_workbook(good: Path, folder: Path) -> Path:
    return with_sheet_xml(good, folder / "dtd-workbook.xlsx",
                          lambda xml: b"<!DOCTYPE workbook>" + re.sub(
                              rb"^<\?xml[^>]*\?>", b"", xml), part="xl/workbook.xml")


@kind("deep-nesting")
def _deep(good: Path, folder: Path) -> Path:
    base = edited(good, folder / "deep-base.tmp", meta_set("contact_person", "deep"))
    parts = parts_of(base)
    base.unlink()
    name = first_sheet(parts)
    parts[name] = add_cells(parts[name], b'<row r="90">' + b"<x>" * 100_000
                            + b"</x>" * 100_000 + b"</row>")
    return rezip(parts, folder / "deep.xlsx", zipfile.ZIP_STORED)


@kind("utf16-far-cell")
def _utf16_far(good: Path, folder: Path) -> Path:
    return with_sheet_xml(good, folder / "utf16-far.xlsx", lambda xml: add_cells(
        xml, row(1048576, cell("XFD1048576", "1"))).decode("utf-8").encode("utf-16"))


@kind("latin1-declared")
def _latin1(good: Path, folder: Path) -> Path:
    return with_sheet_xml(good, folder / "latin1.xlsx", lambda xml: re.sub(
        rb"^<\?xml[^>]*\?>", b"", xml).replace(b"<worksheet", b'<?xml version="1.0" '
                                                 b'encoding="ISO-8859-1"?><worksheet', 1))


@kind("malformed-sheet-xml")
def _malformed(good: Path, folder: Path) -> Path:
    return with_sheet_xml(good, folder / "malformed.xlsx",
                          lambda xml: xml.replace(b"</sheetData>", b"<row><c", 1))


@kind("utf16-sheet")
def _utf16(good: Path, folder: Path) -> Path:
    return with_sheet_xml(good, folder / "utf16.xlsx",
                          lambda xml: xml.decode("utf-8").encode("utf-16"))


kind("invalid-utf8-in-xml")(_with_cells(
    "bad-bytes", b'<row r="91"><c r="A91" t="inlineStr"><is><t>\xff\xfe\xc3</t></is></c></row>'))


# --- cell values -------------------------------------------------------------------------


@kind("date-minus-1e15")
def _panic(good: Path, folder: Path) -> Path:
    def edit(book: openpyxl.Workbook) -> None:
        for sheet in book.worksheets:
            sheet["B60"] = -1e15
            sheet["B60"].number_format = "yyyy-mm-dd"

    return edited(good, folder / "date-panic.xlsx", edit)


@kind("date-huge-serial")
def _huge_date(good: Path, folder: Path) -> Path:
    def edit(book: openpyxl.Workbook) -> None:
        for sheet in book.worksheets:
            sheet["C61"] = 1e300
            sheet["C61"].number_format = "yyyy-mm-dd hh:mm"

    return edited(good, folder / "date-huge.xlsx", edit)


kind("number-overflow-text")(_with_cells(
    "inf", row(92, cell("A92", "1e400") + cell("B92", "NaN"))))


@kind("version-10^20")
def _version_big(good: Path, folder: Path) -> Path:
    return edited(good, folder / "version-big.xlsx", meta_set("version", 10**20))


@kind("version-negative")
def _version_neg(good: Path, folder: Path) -> Path:
    return edited(good, folder / "version-neg.xlsx", meta_set("version", -1))


@kind("version-text")
def _version_text(good: Path, folder: Path) -> Path:
    return edited(good, folder / "version-text.xlsx", meta_set("version", "two"))


@kind("period-zero")
def _period_zero(good: Path, folder: Path) -> Path:
    return edited(good, folder / "period-zero.xlsx", meta_set("period", 0))


@kind("negative-counts")
def _neg_counts(good: Path, folder: Path) -> Path:
    return edited(good, folder / "neg-counts.xlsx", meta_set("activities", -5))


@kind("counts-10^20")
def _big_counts(good: Path, folder: Path) -> Path:
    return edited(good, folder / "big-counts.xlsx", meta_set("indicators", 10**20))


@kind("format-too-new")
def _too_new(good: Path, folder: Path) -> Path:
    return edited(good, folder / "too-new.xlsx", meta_set("format_version", 999))


@kind("foreign-format")
def _foreign(good: Path, folder: Path) -> Path:
    return edited(good, folder / "foreign-format.xlsx", meta_set("format", "other"))


@kind("bad-content-hash")
def _bad_hash(good: Path, folder: Path) -> Path:
    return edited(good, folder / "bad-hash.xlsx", meta_set("content_hash", "xyz"))


@kind("created-at-garbage")
def _created(good: Path, folder: Path) -> Path:
    return edited(good, folder / "created.xlsx", meta_set("created_at", "yesterday"))


@kind("formula-cells")
def _formula(good: Path, folder: Path) -> Path:
    return edited(good, folder / "formula.xlsx", meta_set("version", "=1+1"))


@kind("error-cell")
def _error_cell(good: Path, folder: Path) -> Path:
    """A data cell turned into a formula's error: the libraries read it as empty."""
    def edit(xml: bytes) -> bytes:
        return re.sub(rb'<c r="A3"[^>]*?(?:/>|>.*?</c>)',
                      b'<c r="A3" t="e"><f>1/0</f><v>#DIV/0!</v></c>', xml, count=1,
                      flags=re.S)

    return with_sheet_xml(good, folder / "error-cell.xlsx", edit)


@kind("wrong-sheet-names")
def _renamed(good: Path, folder: Path) -> Path:
    def edit(book: openpyxl.Workbook) -> None:
        book.worksheets[0].title = "Renamed"

    return edited(good, folder / "renamed.xlsx", edit)


@kind("missing-metadata")
def _no_meta(good: Path, folder: Path) -> Path:
    def edit(book: openpyxl.Workbook) -> None:
        book.remove(book["_meta"] if "_meta" in book.sheetnames else book.worksheets[-1])

    return edited(good, folder / "no-meta.xlsx", edit)


@kind("escape-in-cell")
def _escape_cell(good: Path, folder: Path) -> Path:
    def change(data: SubmissionData) -> SubmissionData:
        first = replace(data.activities[0], type="\x1b]0;owned\x07\x1b[31mred")
        return replace(data, activities=[first, *data.activities[1:]])

    return resigned(good, folder / "escape-cell.xlsx", change)


@kind("duplicate-uuids")
def _dup_uuids(good: Path, folder: Path) -> Path:
    def change(data: SubmissionData) -> SubmissionData:
        twin = replace(data.activities[1], uuid=data.activities[0].uuid)
        return replace(data, activities=[data.activities[0], twin, *data.activities[2:]])

    return resigned(good, folder / "dup-uuids.xlsx", change)


@kind("not-nap-workbook")
def _plain(good: Path, folder: Path) -> Path:
    book = openpyxl.Workbook()
    book.active["A1"] = "=SUM(1,2)"
    target = folder / "plain.xlsx"
    book.save(target)
    return target


# --- other formats -----------------------------------------------------------------------


@kind("empty-file")
def _empty(good: Path, folder: Path) -> Path:
    target = folder / "empty.xlsx"
    target.write_bytes(b"")
    return target


@kind("encrypted-cfb")
def _cfb(good: Path, folder: Path) -> Path:
    target = folder / "encrypted.xlsx"
    target.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
                       + "EncryptionInfo".encode("utf-16-le") + b"\0" * 500)
    return target


@kind("legacy-xls")
def _xls(good: Path, folder: Path) -> Path:
    target = folder / "old.xls"
    target.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    return target


@kind("csv-renamed")
def _csv(good: Path, folder: Path) -> Path:
    target = folder / "table.xlsx"
    target.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    return target


@kind("ods")
def _ods(good: Path, folder: Path) -> Path:
    return rezip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                  "content.xml": b"<x/>"}, folder / "sheet.ods")


# --- names and special files -------------------------------------------------------------


@kind("invalid-utf8-name")
def _bad_name(good: Path, folder: Path) -> Path:
    target = Path(os.fsdecode(os.fsencode(folder) + b"/bad-\xff\xfe.xlsx"))
    target.write_bytes(b"PK\x03\x04junk")
    return target


@kind("invalid-utf8-name-edited")
def _bad_name_edited(good: Path, folder: Path) -> Path:
    target = Path(os.fsdecode(os.fsencode(folder) + b"/v\xe9rsion.xlsx"))
    return edited(good, target, meta_set("contact_person", "x"))


@kind("escape-in-name")
def _escape_name(good: Path, folder: Path) -> Path:
    return edited(good, folder / "\x1b[31mred\x1b[0m\x1b]0;title\x07.xlsx",
                  meta_set("contact_person", "y"))


@kind("bidi-and-newline-name")
def _bidi_name(good: Path, folder: Path) -> Path:
    target = folder / "two\nlines\u202egnp.xlsx"
    target.write_bytes(b"not a zip")
    return target


@kind("fifo")
def _fifo(good: Path, folder: Path) -> Path:
    target = folder / "pipe.xlsx"
    os.mkfifo(target)
    return target


@kind("folder")
def _folder(good: Path, folder: Path) -> Path:
    target = folder / "folder.xlsx"
    target.mkdir()
    return target


@kind("device")
def _device(good: Path, folder: Path) -> Path:
    target = folder / "zero.xlsx"
    target.symlink_to("/dev/zero")
    return target


@kind("socket")
def _socket(good: Path, folder: Path) -> Path:
    target = folder / "sock.xlsx"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(target))
    server.close()
    return target


@kind("symlink-loop")
def _loop(good: Path, folder: Path) -> Path:
    target = folder / "loop.xlsx"
    target.symlink_to(target)
    return target


@kind("missing-file")
def _missing(good: Path, folder: Path) -> Path:
    return folder / "missing.xlsx"


def make_corpus(good: Path, folder: Path) -> dict[str, Path]:
    """Every kind, made in folder: kind -> the file."""
    folder.mkdir(parents=True, exist_ok=True)
    return {name: make(good, folder) for name, make in KINDS.items()}
