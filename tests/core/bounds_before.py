"""The bounds scan of every zip part as it was before one regular expression found every
spot worth a look at once (issue 11: the scan took ~31 ms a bench file, as long as
calamine's whole parse). Kept for the tests only, as the oracle whose verdict the
program's ``bounds.check_parts`` must keep, file for file: the same refusal, with the same
problem code and parameters, or the same answer (tests/core/test_bounds_oracle.py)."""

from __future__ import annotations

import functools
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from desktop_app.core.exchange.bounds import Limits, _refused, _targets, column_letters
from desktop_app.core.problems import RefusedError

CHUNK = 2**20

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
_ANY_ROW = re.compile(rb'<row r="([1-9][0-9]{0,6})"')


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
        if self.strict:
            self.encoding(data)
        if b"!" in data and b"<!" in data and _DTD.search(data):  # "!" first: memchr
            raise _refused("xlsx.doctype", self.path, part=self.name)
        if b"dimension" in data:
            for found in _DIMENSION.finditer(data):
                corners = [self.check_cell(ref) for ref in found.group(1).split(b":")]
                rows = max(r for r, _ in corners) - min(r for r, _ in corners) + 1
                columns = max(c for _, c in corners) - min(c for _, c in corners) + 1
                self.declared = max(self.declared, rows * columns)
        if _canonical(data):
            self.references_fast(data)
        else:
            self.references(data)
        if self.error_cell is None and (b'"e"' in data or b"'e'" in data):
            self.error_cell = _error_cell(data)
        if self.first_strings(data):
            self.strings += sum(data.count(tag) for tag in _SI_TAGS)
            if self.strings > self.limits.strings:
                raise _refused("xlsx.too_many_strings", self.path, limit=self.limits.strings)

    def references_fast(self, data: bytes) -> None:
        """Every cell and row tag is written as programs write them (``<c r="A1"``, its
        reference first, no prefix: _canonical): only the far ones need a look."""
        cells, rows = _fast_patterns(self.limits)
        for ref in set(cells.findall(data)):
            self.check_cell(ref)
        for ref in set(rows.findall(data)):
            self.check_row(ref)
        # The real extent, cheaply: the farthest row tag (a near cell sits in its row as
        # programs write it) and the farthest single-letter column present.
        if b"<row" in data:
            self.reach(max(map(int, _ANY_ROW.findall(data)), default=0), 0)
        while (beyond := _letters_beyond(self.columns)) is not None and (
                found := beyond.search(data)) is not None:
            self.reach(0, _column_number(found.group(1)))

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


def _canonical(data: bytes) -> bool:
    # _PREFIXED tries every "<" of the segment: looked for only where a prefixed name
    # could be (a sheet's namespaces and attributes such as x14ac:dyDescent hold ":").
    return not (_ODD_CELL.search(data) or _ODD_ROW.search(data)
                or (b":" in data and _PREFIXED_TAIL.search(data) is not None
                    and _PREFIXED.search(data)))


@functools.lru_cache(maxsize=8)
def _fast_patterns(limits: Limits) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """Cell references with as many letters or digits as the limits' could be beyond them."""
    letters = len(column_letters(limits.columns))
    digits = len(str(limits.rows))
    cells = re.compile(rb'<c r="((?:[A-Za-z]{%d,}[0-9]+|[A-Za-z]+[0-9]{%d,}))"'
                       % (letters, digits))
    rows = re.compile(rb'<row r="([0-9]{%d,})"' % digits)
    return cells, rows


@functools.lru_cache(maxsize=32)
def _letters_beyond(columns: int) -> re.Pattern[bytes] | None:
    """A cell tag whose reference starts with a letter past the column `columns` (either
    case): one regular expression scan, where a search per letter took fifty times as
    long. None when no single letter is past it."""
    if columns >= 26:
        return None
    upper = bytes(range(65 + columns, 91))
    return re.compile(rb'<c r="([' + upper + upper.lower() + rb'])')


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
