"""Bounds a file must keep before any library reads it, checked while streaming it.

python-calamine allocates a sheet's whole used range: one cell at ``XFD1048576`` in a
60 KB file asks for ~550 GB and aborts the process, and a bogus sharedStrings count does
the same (STACK-NOTES, 2026-12-01). So before calamine or openpyxl sees a workbook, every
zip part is read here in chunks — never whole — and checked: its declared and real size
and its compression ratio, the number of parts and sheets, each sheet's ``<dimension>``
and every cell and row reference, sharedStrings' ``count``/``uniqueCount`` and number of
strings, the sheets' extent together (rows × columns of each used range, declared or real:
a lone cell at ``BL200000`` is within the row and column limits, yet calamine fills in
12.8 million cells for it, ~880 MB for four such sheets), no DTD (entities: billion
laughs, external references) and no run of text longer than any cell can hold. The real
extent is taken cheaply on the common path: the farthest row tag, far cells, the farthest
first letter; a near cell in a row tag with a smaller number is counted at its row tag.

The scan is regular expressions over chunks, cut at the last ``<`` of each chunk so that
every tag is whole in the chunk scanned. One search (_spots) tries every ``<`` of a chunk
once and names what is worth a look: each row tag's number, each cell tag but the near
ones written as programs write them (``<c r="A1"``: reference first, no prefix), each
<dimension>, <sst> root and DTD. Where every cell and row tag is written that way only
the spots named are looked at; any other form (attributes in another order, single
quotes, prefixes, no reference) gets the general, slower scan. Every part is searched
the same way whatever its name (a library takes a part's role from the relations and
content types): an unprefixed sst or dimension is always a spot, a prefixed one sends the
chunk to the general scan. A bench file (2.8 MB of XlsxWriter's sheet XML) takes ~13.7
ms, ~5 of them inflating; the scan before, a dozen searches and substring tests a chunk,
took ~31 ms (tests/core/bounds_before.py keeps it: the verdict to agree with).
A sheet whose cells or rows lack their ``r`` reference (the library then counts them) is
scanned again, tag by tag, counting the way the library does.

``regular_file`` is the first check of every file handed in (workbook, catalog, backup):
a FIFO, a device, a socket or a folder is refused from ``os.stat`` alone, before any
``open`` that could block.
"""

from __future__ import annotations

import functools
import html
import os
import posixpath
import re
import stat
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import BinaryIO

from desktop_app.core.problems import Problem, RefusedError, os_detail


@dataclass(frozen=True)
class Limits:
    rows: int = 200_000
    columns: int = 64
    part_bytes: int = 100 * 2**20  # one part, unzipped
    total_bytes: int = 400 * 2**20  # all parts, unzipped
    ratio: int = 100  # unzipped / zipped, for parts larger than ratio_floor
    ratio_floor: int = 2**20
    parts: int = 1000
    sheets: int = 64
    strings: int = 2_000_000  # sharedStrings' counts and strings
    text_run: int = 2**20  # bytes of text between two tags (a cell holds 32,767 chars)
    # rows × columns of all sheets' extents together, each the larger of its <dimension>
    # and its real one (a submission's widest sheet has 18 columns: 200,000 rows of each
    # sheet fit). The reader stays under 500 MB of address space at this bound
    # (tests/core/test_sheet_extent.py).
    cells: int = 8_000_000


SUBMISSION = Limits()
CHUNK = 2**20


def _refused(code: str, path: Path, **params: object) -> RefusedError:
    return RefusedError(Problem(code, {"file": path.name or str(path), **params}))


def regular_file(path: Path) -> os.stat_result:
    """The file's status, refusing what is missing, unreadable or not a regular file."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise _refused("file.not_found", path) from None
    except (OSError, ValueError) as error:
        detail = os_detail(error) if isinstance(error, OSError) else type(error).__name__
        raise _refused("file.unreadable", path, detail=detail) from None
    if stat.S_ISDIR(status.st_mode):
        raise _refused("file.unreadable", path, detail="EISDIR")
    if not stat.S_ISREG(status.st_mode):
        raise _refused("file.special", path)
    return status


# A file found sound: its path and what os.stat says of it (size, modification and change
# times, inode, device). While these stay the same, the file is not scanned again.
Checked = tuple[str, int, int, int, int, int]
_SOUND: dict[Checked, None] = {}  # the last files found sound, oldest first
_KEPT_SOUND = 64
_SOUND_LOCK = threading.Lock()


def identity(path: Path, status: os.stat_result) -> Checked:
    return (str(path), status.st_size, status.st_mtime_ns, status.st_ctime_ns,
            status.st_ino, status.st_dev)


def is_known_sound(found: Checked) -> bool:
    with _SOUND_LOCK:
        return found in _SOUND


def known_sound(found: Checked) -> None:
    """Take a file as sound while it stays as it was: its scan's answer, in this process
    or in another process of the same import (a reader in a child process)."""
    with _SOUND_LOCK:  # the window imports on a worker thread
        _SOUND.pop(found, None)
        _SOUND[found] = None
        while len(_SOUND) > _KEPT_SOUND:
            del _SOUND[next(iter(_SOUND))]


def open_sound(path: Path) -> BinaryIO:
    """The file opened for a library to read, refused unless what was opened is the very
    file its scan found sound (known_sound): a file replaced or rewritten between the
    scan and the library's open (a sync client, another program saving it) would reach
    the library unscanned, and python-calamine aborts the process on some files."""
    handle = open_regular(path)
    if not is_known_sound(identity(path, os.fstat(handle.fileno()))):
        handle.close()
        raise _refused("file.changed_while_read", path)
    return handle


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading, refused unless it is a regular file; never blocks (a FIFO
    swapped in after the status check is caught by the open's own status)."""
    regular_file(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise _refused("file.unreadable", path, detail=os_detail(error)) from None
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        handle.close()
        raise _refused("file.special", path)
    return handle


# --- the scan of one part ------------------------------------------------------------------

_P = rb"<(?:[A-Za-z_][\w.-]*:)?"  # a tag's start, with or without a namespace prefix
_A = rb"(?:[^<>\"']|\"[^\"]*\"|'[^']*')*?"  # attributes, quotes understood
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DIMENSION = re.compile(_P + rb"dimension(?=\s)" + _A + rb"\sref\s*=\s*[\"']([^\"']*)[\"']")
_CELL_REF = re.compile(_P + rb"c(?=\s)" + _A + rb"\sr\s*=\s*[\"']([^\"']*)[\"']")
_ROW_REF = re.compile(_P + rb"row(?=\s)" + _A + rb"\sr\s*=\s*[\"']([^\"']*)[\"']")
_NO_REF = re.compile(_P + rb"(?:c|row)(?=[\s/>])(?!" + _A + rb"\sr\s*=)")
_TAG = re.compile(_P + rb"(c|row)(?=[\s/>])(" + _A + rb")/?>")
_R_ATTR = re.compile(rb"\sr\s*=\s*[\"']([^\"']*)[\"']")
_SST = re.compile(_P + rb"sst(?=\s)(" + _A + rb")/?>")
_COUNT = re.compile(rb"\s(count|uniqueCount)\s*=\s*[\"']([^\"']*)[\"']")
_SHEET = re.compile(_P + rb"sheet(?=\s)")
_SHEET_NAME = re.compile(_P + rb"sheet(?=\s)" + _A
                         + rb"\sname\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_ENCODING = re.compile(rb"\s*<\?xml[^>]*?\sencoding\s*=\s*[\"']([^\"']*)[\"']")
_TARGET = re.compile(rb"\sTarget\s*=\s*[\"']([^\"']*)[\"']")
_A1 = re.compile(rb"([A-Za-z]{1,3})([1-9][0-9]{0,6})")
# a cell's tag with its attributes, and the type attribute saying it holds an error
_CELL_TAG = re.compile(_P + rb"c(?=[\s/>])(" + _A + rb")/?>")
_ERROR_TYPE = re.compile(rb"\st\s*=\s*[\"']e[\"']")
_ROW_NUMBER = re.compile(rb"[1-9][0-9]{0,6}")


Spots = tuple[tuple[bytes, ...], ...]  # _spots' findings: cells, rows and dimensions
_FIRST, _SECOND, _THIRD = itemgetter(0), itemgetter(1), itemgetter(2)  # not zip(*found):
# an iterator a finding, ~40 ms for 30,000 findings (the garbage collector's)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


class _Scan:
    """The checks of one part, fed chunk after chunk."""

    def __init__(self, path: Path, name: str, limits: Limits, strict: bool) -> None:
        self.path, self.name, self.limits = path, name, limits
        self.strict = strict  # XML a library parses: UTF-8 only, so the scan sees its tags
        self.first = True
        self.strings = 0
        self.sst = False  # the shared strings part (its root element seen)
        self.loose = False  # a cell or row without its reference: rescan tag by tag
        self.declared = 0  # rows × columns of the <dimension>
        self.rows = self.columns = 0  # the real extent: the farthest row and column seen
        self.error_cell: str | None = None  # the first cell holding an error (t="e")

    def extent(self) -> int:
        """The cells a library allocates for this part: its declared or real range."""
        return max(self.declared, self.rows * self.columns)

    def reach(self, row: int, column: int) -> None:
        self.rows, self.columns = max(self.rows, row), max(self.columns, column)

    def far(self, ref: str) -> RefusedError:
        return _refused("xlsx.far_cell", self.path, part=self.name, cell=ref,
                        rows=self.limits.rows, columns=self.limits.columns)

    def check_cell(self, ref: bytes) -> tuple[int, int]:
        match = _A1.fullmatch(ref)
        if match is None:
            raise _refused("xlsx.damaged", self.path, detail=f"cell reference in {self.name}")
        row, column = int(match.group(2)), _column_number(match.group(1))
        if column > self.limits.columns or row > self.limits.rows:
            raise self.far(ref.decode("ascii"))
        self.reach(row, column)
        return row, column

    def check_row(self, ref: bytes) -> int:
        if _ROW_NUMBER.fullmatch(ref) is None:
            raise _refused("xlsx.damaged", self.path, detail=f"row reference in {self.name}")
        if int(ref) > self.limits.rows:
            raise self.far(f"row {int(ref)}")
        self.reach(int(ref), 0)
        return int(ref)

    def encoding(self, data: bytes) -> None:
        """UTF-8 or nothing: in UTF-16 (or any other encoding) the scan would see no tag."""
        if self.first:
            self.first = False
            declared = _ENCODING.match(data.removeprefix(b"\xef\xbb\xbf"))
            if declared and declared.group(1).lower() not in (b"utf-8", b"utf8"):
                raise _refused("xlsx.damaged", self.path, detail=f"{self.name}: encoding")
        if b"\0" in data:
            raise _refused("xlsx.damaged", self.path, detail=f"{self.name}: encoding")

    def segment(self, data: bytes) -> None:
        """The checks of one segment, in the order they always ran, so that the first
        refusal named stays the same: encoding, DTD, dimension, cell and row references,
        error cells, shared strings. One regular expression finds every spot worth a
        look at once (_spots); the segment is searched again only for what it found."""
        if self.strict:
            self.encoding(data)
        at, farthest, (cells, rows, dimensions), unusual = self.spotted(data)
        if unusual and b"<!" in data and _DTD.search(data):
            raise _refused("xlsx.doctype", self.path, part=self.name)
        canonical = not (unusual and (_ODD_CELL.search(data) or _ODD_ROW.search(data))
                         or _prefixed(data))
        if not canonical:
            self.dimensions(data)
            self.references(data)
        else:  # no prefixed name: the dimensions are the unprefixed ones _spots found
            if dimensions.count(b"i") == 1 and at is not None:
                self.dimension(_DIMENSION.match(data, at))
            elif b"i" in dimensions:
                self.dimensions(data)
            self.references_spotted(rows, cells)
            self.reach(0, farthest)
        if self.error_cell is None and (_QUOTED_E.search(data) is not None or (
                b"'" in data and b"'e'" in data)):
            self.error_cell = _error_cell(data)
        # an sst root is an unusual spot, or behind a prefix: not canonical
        if ((unusual or not canonical) and self.first_strings(data)) or self.sst:
            self.strings += sum(data.count(tag) for tag in _SI_TAGS)
            if self.strings > self.limits.strings:
                raise _refused("xlsx.too_many_strings", self.path, limit=self.limits.strings)

    def spotted(self, data: bytes) -> tuple[int | None, int, Spots, bool]:
        """Where the first <dimension> is; the farthest first letter of a cell if looked
        for first (a sheet declaring fewer columns than its cells have, or none), else 0;
        _spots' findings by kind; whether one is odd, an sst or a DTD (all empty)."""
        at, letters = _first_dimension(data)
        columns, farthest = min(max(self.columns, letters), 26), 0
        found = _spots(self.limits, columns).findall(data)
        cells = tuple(map(_FIRST, found))
        if columns < 26 and min(_reach(self.limits)) > 1 and (
                len(cells) - cells.count(b"") > _MANY):
            farthest = columns = _farthest_letter(data, columns)
            found = _spots(self.limits, columns).findall(data)
            cells = tuple(map(_FIRST, found))
        kinds = cells, tuple(map(_SECOND, found)), tuple(map(_THIRD, found))
        return at, farthest, kinds, (b"", b"", b"") in found

    def dimensions(self, data: bytes) -> None:
        if b"dimension" in data:
            for found in _DIMENSION.finditer(data):
                self.dimension(found)

    def dimension(self, found: re.Match[bytes] | None) -> None:
        """A <dimension>'s corners checked, and the extent it declares."""
        if found is not None:
            corners = [self.check_cell(ref) for ref in found.group(1).split(b":")]
            rows = max(r for r, _ in corners) - min(r for r, _ in corners) + 1
            columns = max(c for _, c in corners) - min(c for _, c in corners) + 1
            self.declared = max(self.declared, rows * columns)

    def references_spotted(self, rows: tuple[bytes, ...], cells: tuple[bytes, ...]) -> None:
        """Every tag is written as programs write them (``<c r="A1"``): only the cells
        _spots named need a look, those that could be far checked, the first letter of
        each the real extent's column (each past the farthest known is named); the row
        tags give the farthest row (a near cell sits in its row as programs write it)."""
        letters, digits = _reach(self.limits)
        named = list(filter(None, cells))
        for ref in set(ref for ref in named if _far_candidate(ref, letters, digits)):
            self.check_cell(ref)
        numbers = list(filter(None, rows))
        if numbers:  # the largest as text right-aligned: a quarter of int()'s time
            farthest = int(max(map(bytes.rjust, numbers, repeat(7))))
            if farthest > self.limits.rows:  # only then each far one, named as always
                for ref in set(number for number in numbers if len(number) >= digits):
                    self.check_row(ref)
            self.reach(farthest, 0)
        for ref in named:
            self.reach(0, _column_number(ref[:1]))

    def references(self, data: bytes) -> None:
        """Any tag form: attributes in any order, quotes of either kind, prefixes."""
        for ref in set(_CELL_REF.findall(data)):
            self.check_cell(ref)
        for ref in set(_ROW_REF.findall(data)):
            self.check_row(ref)
        if not self.loose and _NO_REF.search(data):
            self.loose = True

    def first_strings(self, data: bytes) -> bool:
        """Whether this part is the shared strings, its declared counts checked on sight."""
        if not self.sst and b"sst" in data:
            for found in _SST.finditer(data):
                self.sst = True
                for key, value in _COUNT.findall(found.group(1)):
                    if not value.isdigit():
                        raise _refused("xlsx.damaged", self.path,
                                       detail=f"sst {key.decode()}")
                    if int(value) > self.limits.strings:
                        raise _refused("xlsx.too_many_strings", self.path,
                                       limit=self.limits.strings)
        return self.sst


# A cell or row tag not written the common way (reference first, plain, double quotes),
# or a prefixed one: the segment is scanned the slow, general way.
_ODD_CELL = re.compile(rb'<c(?=[\s>/])(?! r="[A-Za-z]{1,3}[1-9][0-9]{0,6}")')
_ODD_ROW = re.compile(rb'<row(?=[\s>/])(?! r="[1-9][0-9]{0,6}")')
_PREFIXED = re.compile(rb"<[A-Za-z_][\w.-]*:(?:c|row|dimension|sst|si)[\s>/]")
_SI_TAGS = (b"<si>", b"<si ", b"<si/", b":si>", b":si ", b":si/")
# A prefixed name's tail: one scan for all five (five substring tests took ten times as
# long over a sheet's XML).
_PREFIXED_TAIL = re.compile(rb":(?:c|row|dimension|sst|si)")


def _error_cell(data: bytes) -> str | None:
    """The reference of the first cell in data whose type is an error (#DIV/0!, #N/A...):
    the libraries read it as an empty cell, so its value would be lost without a word."""
    for found in _CELL_TAG.finditer(data):
        if _ERROR_TYPE.search(found.group(1)):
            ref = _R_ATTR.search(found.group(1))
            return ref.group(1).decode("ascii", "replace") if ref else "?"
    return None


def _prefixed(data: bytes) -> bool:
    """Whether a cell, row, dimension, sst or si tag has a namespace prefix: _PREFIXED
    (it tries every "<") only where a prefixed name's tail is, looked for at the first
    colons one by one, then by one search (a bench file's sheet2 and sheet3 hold 4
    colons: a whole search of them took 0.3 ms)."""
    at = data.find(b":")
    for _ in range(_COLONS):
        if at == -1:
            return False
        if _PREFIXED_TAIL.match(data, at) is not None:
            return _PREFIXED.search(data) is not None
        at = data.find(b":", at + 1)
    return at != -1 and _PREFIXED_TAIL.search(data, at) is not None and (
        _PREFIXED.search(data) is not None)


_COLONS = 16
# Past this many cells named (~0.7 µs each), the farthest letter is looked for first
# (~0.5 ms a MB) and the spots searched for again with it.
_MANY = 64


def _farthest_letter(data: bytes, columns: int) -> int:
    """The farthest first letter of a cell (``<c r="X``) past columns: one search for any
    letter past the farthest so far (a search per letter took fifty times as long)."""
    while columns < 26:
        upper = bytes(range(65 + columns, 91))
        found = re.search(rb'<c r="([' + upper + upper.lower() + rb'])', data)
        if found is None:
            break
        columns = _column_number(found.group(1))
    return columns


# The error type in quotes: one search (and ' by memchr), a third of two substring tests
_QUOTED_E = re.compile(rb'"e"')
_DIMENSION_SPOT = re.compile(rb"<dimension(?=\s)")
_HEAD = 2**16  # where programs write a sheet's <dimension>: within its first ~600 bytes


def _first_dimension(data: bytes) -> tuple[int | None, int]:
    """Where the segment's first <dimension> is, if near its start, and the farthest
    column it declares (0 if none or unreadable): _spots' guess of the farthest column
    for a sheet's first segment, where its dimension is reached before any cell."""
    spot = _DIMENSION_SPOT.search(data, 0, _HEAD)
    if spot is None:
        return None, 0
    found = _DIMENSION.match(data, spot.start())
    corners = [_A1.fullmatch(ref) for ref in found.group(1).split(b":")] if found else []
    if not corners or None in corners:
        return spot.start(), 0
    return spot.start(), max(_column_number(c.group(1)) for c in corners if c)


@functools.lru_cache(maxsize=64)
def _spots(limits: Limits, columns: int) -> re.Pattern[bytes]:
    """Every spot worth a look, in one search, as (cell, row, dimension): each cell tag
    but the near ones as programs write them (its reference; nothing if written another
    way), each row tag (its number, or nothing), each unprefixed <dimension> ("i"), sst
    and DTD (all empty). A near cell has one letter up to `columns` and fewer digits
    than the row limit (none is near if a shorter reference could pass the limits).
    Every "<" is tried (no match holds one but at its start): 1.8 ms over a bench
    sheet1's 1.8 MB, where the searches and substring tests it replaced took 7.5 ms."""
    letters, digits = _reach(limits)
    near = b""
    if letters > 1 and digits > 1 and columns > 0:
        upper = bytes(range(65, 65 + columns))
        near = rb'(?! r="[%s%s][1-9][0-9]{0,%d}")' % (upper, upper.lower(), digits - 2)
    return re.compile(
        rb'<(?:c' + near + rb'(?=[\s>/])(?: r="([A-Za-z]{1,3}[1-9][0-9]{0,6})")?'
        rb'|row(?: r="([1-9][0-9]{0,6})"|(?=[\s>/]))|d(i)mension(?=\s)|sst(?=\s)'
        rb'|!(?:[Dd][Oo][Cc][Tt][Yy][Pp][Ee]|[Ee][Nn][Tt][Ii][Tt][Yy]))')


def _reach(limits: Limits) -> tuple[int, int]:
    """The letters and the digits of the farthest reference within the limits."""
    return len(column_letters(limits.columns)), len(str(limits.rows))


def _far_candidate(ref: bytes, letters: int, digits: int) -> bool:
    """Whether a reference has as many letters or digits as one beyond the limits."""
    number = len(ref.lstrip(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))
    return len(ref) - number >= letters or number >= digits


def column_letters(number: int) -> str:
    """A column's letters from its number counted from 1 (1 -> A, 64 -> BL)."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _segments(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo,
              limits: Limits) -> Iterator[bytes]:
    """The part's bytes in chunks cut before a tag, its real size and ratio checked."""
    read, carry = 0, b""
    with archive.open(info) as part:
        while chunk := part.read(CHUNK):
            read += len(chunk)
            if read > info.file_size or read > limits.part_bytes or (
                    read > limits.ratio_floor
                    and read > limits.ratio * max(info.compress_size, 1)):
                raise _refused("xlsx.too_large", path)
            data = carry + chunk
            cut = data.rfind(b"<")
            if cut == -1:  # all text
                cut = len(data)
            elif cut == 0 and len(data) > CHUNK:  # one tag longer than a chunk
                raise _refused("xlsx.too_large", path)
            segment, carry = data[:cut], data[cut:]
            if len(segment) - segment.rfind(b">") > limits.text_run or len(carry) > CHUNK:
                raise _refused("xlsx.too_large", path)
            yield segment
    if read != info.file_size:
        raise _refused("xlsx.damaged", path, detail=f"{info.filename}: size")
    yield carry


def _count_loose(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo,
                 scan: _Scan) -> None:
    """Rows and cells counted tag by tag, as a library places those without a reference."""
    row = column = 0
    for segment in _segments(path, archive, info, scan.limits):
        for found in _TAG.finditer(segment):
            ref = _R_ATTR.search(found.group(2))
            if found.group(1) == b"row":
                row = scan.check_row(ref.group(1)) if ref else row + 1
                column = 0
            elif ref:
                match = _A1.fullmatch(ref.group(1))
                column = _column_number(match.group(1)) if match else column + 1
            else:
                column += 1
            if row > scan.limits.rows or column > scan.limits.columns:
                raise scan.far(f"row {row}, column {column}")
            scan.reach(row, column)


def check_parts(path: Path, archive: zipfile.ZipFile, limits: Limits) -> dict[str, str]:
    """Every part of an opened workbook within limits, streamed (see the module's text).

    Returns the parts holding a cell of the error type, each with its first such cell
    (the caller refuses those of the sheets it reads: sheet_parts)."""
    infos = archive.infolist()
    if len(infos) > limits.parts:
        raise _refused("xlsx.too_many_parts", path, limit=limits.parts)
    if sum(info.file_size for info in infos) > limits.total_bytes or any(
            info.file_size > limits.part_bytes
            or (info.file_size > limits.ratio_floor
                and info.file_size > limits.ratio * max(info.compress_size, 1))
            for info in infos):
        raise _refused("xlsx.too_large", path)
    parsed = _targets(archive)
    cells = 0
    errors: dict[str, str] = {}
    for info in infos:
        if info.is_dir():
            continue
        strict = info.filename in parsed or info.filename.lower().endswith(
            (".xml", ".rels", ".vml"))
        scan = _Scan(path, info.filename, limits, strict)
        sheets = 0
        for segment in _segments(path, archive, info, limits):
            scan.segment(segment)
            if info.filename == "xl/workbook.xml":
                sheets += len(_SHEET.findall(segment))
        if sheets > limits.sheets:
            raise _refused("xlsx.too_many_parts", path, limit=limits.sheets)
        if scan.loose:
            _count_loose(path, archive, info, scan)
        cells += scan.extent()
        if cells > limits.cells:
            raise _refused("xlsx.too_many_cells", path, part=info.filename,
                           cells=scan.extent(), limit=limits.cells)
        if scan.error_cell is not None:
            errors[info.filename] = scan.error_cell
    return errors


def _targets(archive: zipfile.ZipFile, limit: int = 2**20) -> set[str]:
    """The parts workbook.xml's relations point at: what a library parses as sheets."""
    try:
        with archive.open("xl/_rels/workbook.xml.rels") as part:
            head = part.read(limit)
    except KeyError:
        return set()
    found = set()
    for raw in _TARGET.findall(head):
        target = html.unescape(raw.decode("utf-8", "replace"))
        found.add(posixpath.normpath(target[1:] if target.startswith("/") else "xl/" + target))
    return found


_SHEET_ID = re.compile(_P + rb"sheet(?=\s)(" + _A + rb")/?>")
_NAME_ATTR = re.compile(rb"\sname\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_RID_ATTR = re.compile(rb"\s(?:[A-Za-z_][\w.-]*:)?id\s*=\s*[\"']([^\"']*)[\"']")
_RELATION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?Relationship(?=\s)(" + _A + rb")/?>")
_ID_ATTR = re.compile(rb"\sId\s*=\s*[\"']([^\"']*)[\"']")


def sheet_parts(archive: zipfile.ZipFile, limit: int = 2**20) -> dict[str, str]:
    """Each sheet's name, as workbook.xml states it, with the part its relation names."""
    def head(name: str) -> bytes:
        try:
            with archive.open(name) as part:
                return part.read(limit)
        except KeyError:
            return b""

    targets = {}
    for found in _RELATION.finditer(head("xl/_rels/workbook.xml.rels")):
        ident, target = _ID_ATTR.search(found.group(1)), _TARGET.search(found.group(1))
        if ident and target:
            raw = html.unescape(target.group(1).decode("utf-8", "replace"))
            targets[ident.group(1)] = posixpath.normpath(
                raw[1:] if raw.startswith("/") else "xl/" + raw)
    parts = {}
    for found in _SHEET_ID.finditer(head("xl/workbook.xml")):
        name, ident = _NAME_ATTR.search(found.group(1)), _RID_ATTR.search(found.group(1))
        if name and ident and ident.group(1) in targets:
            title = html.unescape((name.group(1) or name.group(2)).decode("utf-8", "replace"))
            parts[title] = targets[ident.group(1)]
    return parts


def sheet_titles(archive: zipfile.ZipFile, limit: int = 2**20) -> list[str]:
    """The sheet names workbook.xml states (read bounded; the parts are checked after)."""
    with archive.open("xl/workbook.xml") as part:
        head = part.read(limit)
    names = _SHEET_NAME.findall(head)
    return [html.unescape((a or b).decode("utf-8", "replace")) for a, b in names]
