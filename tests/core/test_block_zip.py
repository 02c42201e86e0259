"""Workbooks zipped with their large members deflated in blocks, on threads
(exchange/block_zip.py): the stream any unzip reads, the same bytes on one core as on
several, and the very members zipfile's own deflating gives. LibreOffice re-saving such
a workbook is in test_exchange_xlsx.py, whose export is block-deflated throughout."""

from __future__ import annotations

import random
import struct
import threading
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import xlsxwriter.workbook
from hypothesis import given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook

from desktop_app.core.exchange import block_zip, xlsx_writer
from desktop_app.core.exchange.block_zip import BlockDeflater, BlockZip, deflate_block
from desktop_app.core.exchange.submission import PreparedSubmission
from desktop_app.core.exchange.xlsx_reader import read_submission
from desktop_app.core.progress import drive
from tests.fixtures.submissions import demo_submission
from tests.hostile.corpus import parts_of


def _deflated(data: bytes, pieces: list[int], threads: int) -> bytes:
    """data deflated by a BlockDeflater, handed over in pieces of the given sizes."""
    with ThreadPoolExecutor(threads) as pool:
        deflater = BlockDeflater(pool.submit, 2)
        out, at = [], 0
        for size in pieces:
            out.append(deflater.compress(data[at:at + size]))
            at += size
        out.append(deflater.compress(data[at:]))
        out.append(deflater.flush())
    return b"".join(out)


def _text(rng: random.Random, size: int) -> bytes:
    words = [b"<c r=\"A1\" t=\"inlineStr\"><is><t>", "Tập huấn".encode(), b"</t></is></c>",
             b"<row r=\"12\">", b"</row>", bytes(rng.randrange(256) for _ in range(7))]
    return b"".join(rng.choice(words) for _ in range(size // 8))[:size]


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**16), size=st.integers(0, 300_000),
       pieces=st.lists(st.integers(0, 70_000), max_size=8), threads=st.integers(1, 3))
def test_blocks_make_one_stream_of_the_same_bytes(seed: int, size: int, pieces: list[int],
                                                  threads: int) -> None:
    rng = random.Random(seed)
    data = _text(rng, size) if seed % 2 else rng.randbytes(size)
    deflated = _deflated(data, pieces, threads)
    assert zlib.decompress(deflated, -15) == data  # one raw deflate stream, ended
    inflater = zlib.decompressobj(-15)
    assert inflater.decompress(deflated) == data and inflater.eof
    # the same bytes however many threads deflate
    assert _deflated(data, pieces, 1) == deflated


def test_a_large_member_is_deflated_block_by_block(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(block_zip, "BLOCK", 2**16)
    rng = random.Random(5)
    data = _text(rng, 5 * 2**16 + 123)
    source = tmp_path / "sheet1.xml"
    source.write_bytes(data)
    small = tmp_path / "styles.xml"
    small.write_bytes(b"<styleSheet/>")
    target = tmp_path / "book.zip"
    with BlockZip(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.write(source, "xl/worksheets/sheet1.xml")
        archive.write(small, "xl/styles.xml")
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None  # every CRC right
        assert archive.read("xl/worksheets/sheet1.xml") == data
        assert archive.read("xl/styles.xml") == b"<styleSheet/>"
        member = archive.getinfo("xl/worksheets/sheet1.xml")
        assert member.compress_type == zipfile.ZIP_DEFLATED and member.file_size == len(data)
        with open(target, "rb") as raw:  # the member's bytes, after its local header
            raw.seek(member.header_offset)
            header = raw.read(30)
            name, extra = struct.unpack("<HH", header[26:30])
            raw.seek(member.header_offset + 30 + name + extra)
            stored = raw.read(member.compress_size)
    blocks = [data[at:at + 2**16] for at in range(0, len(data), 2**16)]
    expected = b"".join(deflate_block(block, data[max(0, at * 2**16 - 2**15):at * 2**16],
                                      at == len(blocks) - 1)
                        for at, block in enumerate(blocks))
    assert stored == expected  # the blocks, each with the 32 KB before it as dictionary


def test_other_members_are_zipfiles_own(tmp_path: Path) -> None:
    source = tmp_path / "a.xml"
    source.write_bytes(b"x" * (block_zip.BLOCK + 1))
    with BlockZip(tmp_path / "stored.zip", "w", compression=zipfile.ZIP_STORED) as archive:
        archive.write(source, "a.xml")
    with BlockZip(tmp_path / "level.zip", "w", compression=zipfile.ZIP_DEFLATED,
                  compresslevel=1) as archive:
        archive.write(source, "a.xml")
    for name, kind in (("stored.zip", zipfile.ZIP_STORED), ("level.zip", zipfile.ZIP_DEFLATED)):
        with zipfile.ZipFile(tmp_path / name) as archive:
            assert archive.getinfo("a.xml").compress_type == kind
            assert archive.read("a.xml") == source.read_bytes()


class _Counting(BlockDeflater):
    made = 0

    def __init__(self, *args: object) -> None:
        type(self).made += 1
        super().__init__(*args)  # type: ignore[arg-type]


def test_workbooks_are_block_deflated_with_the_same_members(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The workbook's members are those of the file zipfile deflates alone; its sheets
    went through the blocks (were XlsxWriter to zip otherwise, this fails)."""
    monkeypatch.setattr(block_zip, "BLOCK", 2**14)
    monkeypatch.setattr(block_zip, "BlockDeflater", _Counting)
    monkeypatch.setattr(_Counting, "made", 0)
    read = read_submission(demo_submission(tmp_path, activities=80, seed=2))
    prepared = PreparedSubmission(read.meta, read.data, True)
    blocks, plain = tmp_path / "blocks.xlsx", tmp_path / "plain.xlsx"
    drive(xlsx_writer.write_workbook(prepared, blocks))
    assert _Counting.made >= 3  # the three data sheets
    with monkeypatch.context() as m:
        m.setattr(xlsx_writer, "BlockZip", zipfile.ZipFile)
        drive(xlsx_writer.write_workbook(prepared, plain))
    assert parts_of(blocks) == parts_of(plain)
    assert blocks.read_bytes() != plain.read_bytes()  # deflated otherwise
    again = read_submission(blocks)
    assert again.hash_ok and not again.problems and again.data == read.data
    book = CalamineWorkbook.from_path(str(blocks))
    assert len(book.get_sheet_by_name(book.sheet_names[0]).to_python()) == 82
    assert xlsxwriter.workbook.ZipFile is zipfile.ZipFile  # given back


def test_workbooks_closed_at_once_on_threads(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(block_zip, "BLOCK", 2**14)
    read = read_submission(demo_submission(tmp_path, activities=40, seed=3))
    prepared = PreparedSubmission(read.meta, read.data, True)
    paths = [tmp_path / f"book{n}.xlsx" for n in range(4)]
    errors: list[BaseException] = []

    def write(path: Path) -> None:
        try:
            drive(xlsx_writer.write_workbook(prepared, path))
        except BaseException as error:  # noqa: BLE001  (the test reports it)
            errors.append(error)

    workers = [threading.Thread(target=write, args=(p,)) for p in paths]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert not errors
    for path in paths:
        assert read_submission(path).data == read.data
    assert len({path.read_bytes() for path in paths}) == 1  # the same bytes, one at a time
