"""The cells of a workbook read back: what both readers (submission and template) share.

A cell arrives in whatever form a re-save gave it: dates as dates, datetimes or serial
numbers, numbers as floats, text as text (or as a number when someone typed one). These
functions turn a cell into the value its column wants, or raise CellProblem with the
problem's code and parameters, which the reader locates by sheet, row and column
(``column_letter``). ``refusal`` is how a reader refuses a whole file, naming it.
"""

from __future__ import annotations

import math
import os
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from desktop_app.core.domain.enums import ActivityStatus, ActivityType
from desktop_app.core.domain.label_reading import code_of
from desktop_app.core.exchange.bounds import open_sound
from desktop_app.core.exchange.canonical import clean_text
from desktop_app.core.exchange.columns import Column, Kind
from desktop_app.core.problems import Problem, RefusedError

UUID_PATTERN = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
# (sheet key, column key) -> the closed vocabulary of its cells, written as labels and
# read back as codes from a label, an earlier label or the code (label_reading.code_of)
CHOICES: dict[tuple[str, str], type[StrEnum]] = {
    ("activities", "type"): ActivityType,
    ("activities", "status"): ActivityStatus,
}
MAX_INT = 10**15  # the largest whole number a cell may hold
T = TypeVar("T")
_LAST_SERIAL = 2958466  # 31 Dec 9999 in Excel's 1900 date system


class CellProblem(Exception):  # noqa: N818  (a cell's problem, turned into a Problem)
    """A cell that does not hold what its column wants: the code and its parameters."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code, self.params = code, params


def refusal(code: str, path: Path, **params: Any) -> RefusedError:
    """The whole file refused, with its name among the parameters."""
    return RefusedError(Problem(code, {"file": path.name or str(path), **params}))


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def to_text(value: Any) -> str:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return number_text(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return clean_text(str(value))


def to_date(value: Any) -> date:
    if isinstance(value, datetime):
        if value.time() != datetime.min.time():
            raise CellProblem("value.not_date", value=value.isoformat(sep=" "))
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, time):  # a date-formatted number below 1: zero, negative or a time
        raise CellProblem("value.time_not_date", value=value.isoformat())
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value < _LAST_SERIAL or not float(value).is_integer():
            raise CellProblem("value.not_date", value=number_text(value))
        # 1900 date system; serial 60 is Excel's non-existent 29 Feb 1900
        return date(1899, 12, 31 if value < 60 else 30) + timedelta(days=int(value))
    text = str(value).strip()
    for form in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    raise CellProblem("value.not_date", value=text)


def to_float(value: Any) -> float:
    """A number that is not negative (every number of a submission counts something)."""
    if isinstance(value, bool | datetime | date):
        raise CellProblem("value.not_number", value=to_text(value))
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "")
        try:
            number = float(text)
        except ValueError:
            raise CellProblem("value.not_number", value=text) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise CellProblem("value.not_number", value=str(value))
    if number < 0:
        raise CellProblem("value.negative", value=number_text(number))
    return number


def to_int(value: Any) -> int:
    if isinstance(value, str):
        value = value.strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    number = to_float(value)
    if not number.is_integer():
        raise CellProblem("value.not_whole_number", value=number_text(number))
    if abs(number) > MAX_INT:  # SQLite's integers are 64-bit; no count is this large
        raise CellProblem("value.too_large", value=number_text(number), max=MAX_INT)
    return int(number)


def converter(sheet_key: str, column: Column) -> Callable[[Any], Any]:
    """The conversion of one column's cells (None when empty and optional), made once per
    sheet: a submission has hundreds of thousands of cells."""
    required, kind = column.required, column.kind
    if kind in (Kind.TEXT, Kind.LONG_TEXT):
        return _text_converter(required)
    body: Callable[[Any], Any]
    if kind is Kind.DATE:
        body = to_date
    elif kind is Kind.INTEGER:
        body = to_int
    elif kind is Kind.NUMBER:
        body = to_float
    elif kind in (Kind.TEXT, Kind.LONG_TEXT):
        body = to_text
    else:
        strip, uuid = kind in (Kind.UUID, Kind.CODE), kind is Kind.UUID
        allowed = CHOICES.get((sheet_key, column.key))

        def body(value: Any) -> str:
            text = to_text(value)
            if strip:
                text = text.strip()
            if uuid and not UUID_PATTERN.match(text):
                raise CellProblem("value.not_uuid", value=text)
            if allowed is not None:
                code = code_of(allowed, text)
                if code is None:
                    raise CellProblem("value.not_in_list", value=text)
                return code
            return text

    def convert_cell(value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                raise CellProblem("value.required")
            return None
        return body(value)

    return convert_cell


def _text_converter(required: bool) -> Callable[[Any], Any]:
    """A text column's conversion: the same as the general one, one call less a cell."""

    def convert_text(value: Any) -> Any:
        if isinstance(value, str):
            if value.strip():
                return clean_text(value)
        elif value is not None:
            return to_text(value)
        if required:
            raise CellProblem("value.required")
        return None

    return convert_text


# --- whole columns ----------------------------------------------------------------------

# A run of UUIDs, one a line: a column of them checked in one regular expression.
_UUID_RUN = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                       r"[0-9a-fA-F]{12}(?:\n[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                       r"[0-9a-fA-F]{4}-[0-9a-fA-F]{12})*")
_NFC = unicodedata.normalize
ColumnConverter = Callable[[Sequence[Any]], list[Any]]


def column_converter(sheet_key: str, column: Column) -> ColumnConverter:
    """The conversion of a whole column's cells at once: exactly ``converter``'s, cell for
    cell (CellProblem for the first bad cell, which the reader then locates cell by cell),
    with the common cells (calamine's: text as str, "" when empty, dates as dates,
    numbers as floats) converted in one comprehension each, not one call a cell."""
    cell = converter(sheet_key, column)
    required, kind = column.required, column.kind
    if kind in (Kind.TEXT, Kind.LONG_TEXT):
        return _text_column(cell, required)
    if kind is Kind.DATE:
        return _date_column(cell, required)
    if kind is Kind.INTEGER:
        return _integer_column(cell, required)
    if kind is Kind.NUMBER:
        return _number_column(cell, required)
    return _code_column(cell, required, kind is Kind.UUID, CHOICES.get((sheet_key, column.key)))


def _each(cell: Callable[[Any], Any], values: Sequence[Any]) -> list[Any]:
    return [cell(value) for value in values]


def _text_column(cell: Callable[[Any], Any], required: bool) -> ColumnConverter:
    def convert_column(values: Sequence[Any]) -> list[Any]:
        try:  # every cell text (AttributeError otherwise): clean_text, inlined
            out = [None if not value.strip() else _NFC("NFC", value) if value.isprintable()
                   else clean_text(value) for value in values]
        except AttributeError:
            return _each(cell, values)
        if required and None in out:
            return _each(cell, values)  # raises for the first empty cell
        return out

    return convert_column


def _code_column(cell: Callable[[Any], Any], required: bool, uuid: bool,
                 allowed: type[StrEnum] | None) -> ColumnConverter:
    def convert_column(values: Sequence[Any]) -> list[Any]:
        try:
            out = [None if not value.strip() else (
                _NFC("NFC", value) if value.isprintable() else clean_text(value)).strip()
                for value in values]
        except AttributeError:
            return _each(cell, values)
        if required and None in out:
            return _each(cell, values)
        present = [text for text in out if text is not None]
        if uuid and present and not all_uuids(present):
            return _each(cell, values)  # raises for the first that is no UUID
        if allowed is not None:
            codes = {text: code_of(allowed, text) for text in set(present)}
            if None in codes.values():
                return _each(cell, values)
            return [None if text is None else codes[text] for text in out]
        return out

    return convert_column


def all_uuids(texts: list[str]) -> bool:
    """Whether every text is one UUID (UUID_PATTERN): one a line, as many lines as texts
    (so that no text holds two)."""
    joined = "\n".join(texts)
    return len(joined) == 37 * len(texts) - 1 and _UUID_RUN.fullmatch(joined) is not None


def _date_column(cell: Callable[[Any], Any], required: bool) -> ColumnConverter:
    def convert_column(values: Sequence[Any]) -> list[Any]:
        return [value if type(value) is date else None if value == "" and not required
                else cell(value) for value in values]

    return convert_column


def _integer_column(cell: Callable[[Any], Any], required: bool) -> ColumnConverter:
    def convert_column(values: Sequence[Any]) -> list[Any]:
        return [int(value) if type(value) is float and value.is_integer()
                and 0 <= value <= MAX_INT else None if value == "" and not required
                else cell(value) for value in values]

    return convert_column


def _number_column(cell: Callable[[Any], Any], required: bool) -> ColumnConverter:
    def convert_column(values: Sequence[Any]) -> list[Any]:
        return [value if type(value) is float and 0 <= value < math.inf
                else None if value == "" and not required else cell(value)
                for value in values]

    return convert_column


def convert(sheet_key: str, column: Column, value: Any) -> Any:
    """One cell as its column's value (None when empty and optional)."""
    return converter(sheet_key, column)(value)


def column_letter(index: int) -> str:
    """The spreadsheet letters of a column index counted from 0 (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """A Rust panic prints its message (and, with RUST_BACKTRACE, a backtrace) straight to
    file descriptor 2: hold it back while a library works, the refusal says enough."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no descriptor 2 (a windowed program)
        yield
        return
    try:
        with open(os.devnull, "wb") as sink:
            os.dup2(sink.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def library_call(path: Path, call: Callable[[], T]) -> T:
    """call(), a spreadsheet library's work on the file at path; any failure of the library
    is the file's refusal (xlsx.damaged) — its panics included, which derive from
    BaseException (STACK-NOTES) — but never an interrupt or an exit."""
    try:
        with warnings.catch_warnings(), _quiet_stderr():
            warnings.simplefilter("ignore")
            return call()
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except RefusedError:
        raise
    except BaseException as error:  # noqa: BLE001  (a library's panic is not an Exception)
        raise refusal("xlsx.damaged", path, detail=type(error).__name__) from None


def calamine_sheets(path: Path, wanted: set[str]) -> dict[str, list[list[Any]]]:
    """The wanted sheets' cells, row by row (python-calamine); refused on a library error.

    The container must have been checked (bounds.py) first: calamine allocates a sheet's
    whole used range."""
    from python_calamine import CalamineWorkbook

    def load() -> dict[str, list[list[Any]]]:
        with open_sound(path) as handle:
            book = CalamineWorkbook.from_filelike(handle)
            return {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                    for name in book.sheet_names if name in wanted}

    return library_call(path, load)
