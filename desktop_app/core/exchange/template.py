"""The blank template workbook for offices without the program.

The focal point sends it out; an office fills it in Excel or LibreOffice and
e-mails it back; the focal point's import recognises it by the hidden marker
sheet and reads its data sheets by the same columns as an exported submission
(columns.py), except that rows are numbered (STT) instead of carrying UUIDs,
and the indicator and link sheets name their activity by its STT.

Dropdown items read "CODE — label" (parse_choice() takes the code back), except the
activity type and status, which list their labels only (cells.converter reads a label
back as its code); the lists live on a hidden sheet, since Excel silently drops an
inline list longer than 255 characters. Sheets are protected without a password (it stops
accidents, not people): headers are locked, the input cells are not.

Here are the template's facts (sheets, columns, cells, the format's name) that its
reader needs too; the workbook itself is made in template_book.py, which alone
imports openpyxl, so reading an import batch or opening the window does not.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from desktop_app.core.domain.enums import ActivityStatus, ActivityType
from desktop_app.core.domain.labels import LABELS
from desktop_app.core.exchange.columns import HEADER_ROWS, SHEETS, Column, Kind, Sheet
from desktop_app.core.files import write_atomically
from desktop_app.core.problems import RefusedError

FORMAT_NAME = "nap-reporter-template"
FORMAT_VERSION = 1
INPUT_ROWS = 2000  # numbered, unlocked rows on each data sheet
FIRST_ROW = HEADER_ROWS + 1

SEPARATOR = " — "  # between the code and its label in a dropdown item
LABEL_MAX = 90  # a dropdown item's label is cut here (the full text is on "Danh mục")

INSTRUCTIONS_SHEET = "Hướng dẫn"
GENERAL_SHEET = "Thông tin chung"
REFERENCE_SHEET = "Danh mục"
LISTS_SHEET = "_lists"
MARKER_SHEET = "_template"

# Where the general sheet's answers go (column C, beside their labels).
GENERAL_CELLS = {"agency": "C3", "period": "C4", "contact_person": "C5"}

STT = Column("stt", "STT", "No.", Kind.INTEGER, 7, True)
ACTIVITY_STT = Column("activity_stt", "STT hoạt động", "Activity No.", Kind.INTEGER, 11)

TYPE_LABELS = LABELS[ActivityType]  # the one table of the domain's words
STATUS_LABELS = LABELS[ActivityStatus]

DATE_MIN, DATE_MAX = date(2000, 1, 1), date(2100, 12, 31)


@dataclass(frozen=True)
class CatalogItem:
    code: str
    text_vi: str
    text_en: str = ""
    detail: str = ""  # e.g. a recommendation's source and paragraph


@dataclass(frozen=True)
class TemplateCatalog:
    """The catalog facts a template offers in its dropdowns."""

    version: int | None
    agencies: list[CatalogItem]  # in the order shown: cities and provinces first
    periods: list[int]
    tasks: list[CatalogItem]
    recommendations: list[CatalogItem]
    # the plans in force for the template's period, whose tasks alone it offers; empty
    # for a template of no period (every plan's tasks)
    plans: list[CatalogItem] = field(default_factory=list)


def choice_item(code: str, label: str) -> str:
    label = " ".join(label.split())
    if len(label) > LABEL_MAX:
        label = label[:LABEL_MAX - 1].rstrip(" ,;:") + "…"
    return f"{code}{SEPARATOR}{label}" if label else code


def parse_choice(value: object) -> str:
    """The code of a dropdown item ("VLG — Tỉnh Vĩnh Long" -> "VLG"); a bare code stays."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    for separator in (SEPARATOR, " – ", " - "):
        if separator in text:
            return text.split(separator, 1)[0].strip()
    return text


def template_columns(sheet: Sheet) -> tuple[Column, ...]:
    """A data sheet's columns in the template: STT first, activities named by STT.

    The UUIDs a program makes (the row's own, carried-over origin, result) are left out.
    """
    columns = [STT]
    for column in sheet.columns:
        if column.key == "activity_uuid":
            columns.append(replace(ACTIVITY_STT, required=column.required))
        elif column.kind is not Kind.UUID:
            columns.append(column)
    return tuple(columns)


TEMPLATE_SHEETS: tuple[tuple[Sheet, tuple[Column, ...]], ...] = tuple(
    (sheet, template_columns(sheet)) for sheet in SHEETS)


def write_template(path: Path, catalog: TemplateCatalog, *, period: int | None = None,
                   now: datetime | None = None) -> None:
    """Write the blank template to path, whole or not at all (temporary file, then rename).

    A destination that cannot be written is refused (RefusedError "template.cannot_write").
    """
    from desktop_app import __version__
    from desktop_app.core.exchange.template_book import build_template

    try:
        write_atomically(Path(path), lambda temp: build_template(
            catalog, period=period, now=now, app_version=__version__).save(temp))
    except RefusedError as error:  # said in the template's own words
        detail = error.problems[0].params.get("detail", "")
        raise RefusedError.of("template.cannot_write", file=str(path), detail=detail) from error
