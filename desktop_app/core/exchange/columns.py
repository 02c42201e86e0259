"""The sheets and columns of the submission workbook and of the blank template.

One definition for the writer, the reader and the template, so that a filled
template and an exported submission are read by the same rules. Headers are
Vietnamese with English beneath (two header rows); the key is what the code
and the canonical form use.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    TEXT = "text"  # always written as text, never a formula
    LONG_TEXT = "long_text"  # wrapped, wide
    CODE = "code"  # a catalog code or an enum value
    UUID = "uuid"
    DATE = "date"
    INTEGER = "integer"  # counts, money (VND)
    NUMBER = "number"  # indicator values


@dataclass(frozen=True)
class Column:
    key: str
    header_vi: str
    header_en: str
    kind: Kind
    width: float
    required: bool = False


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str  # the sheet's tab name (Vietnamese, at most 31 characters)
    title_en: str
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


HEADER_ROWS = 2  # row 1 Vietnamese, row 2 English; data from row 3
# UUIDs are for the program: narrow (the whole value shows when the cell is selected), so
# a sheet printed one page wide is printed large enough to read.
UUID_WIDTH = 12

ACTIVITIES = Sheet("activities", "Hoạt động", "Activities", (
    Column("uuid", "Mã định danh", "UUID", Kind.UUID, UUID_WIDTH, True),
    Column("task_code", "Mã nhiệm vụ", "Task code", Kind.CODE, 16, True),
    Column("title", "Tên hoạt động", "Title", Kind.TEXT, 50, True),
    Column("description", "Mô tả", "Description", Kind.LONG_TEXT, 60),
    Column("type", "Loại hoạt động", "Type", Kind.CODE, 16, True),
    Column("status", "Trạng thái", "Status", Kind.CODE, 14, True),
    Column("start_date", "Ngày bắt đầu", "Start date", Kind.DATE, 13),
    Column("end_date", "Ngày kết thúc", "End date", Kind.DATE, 13),
    Column("women", "Phụ nữ", "Women", Kind.INTEGER, 10),
    Column("ethnic_minorities", "Người dân tộc thiểu số", "Ethnic minorities", Kind.INTEGER, 12),
    Column("disabilities", "Người khuyết tật", "Persons with disabilities", Kind.INTEGER, 12),
    Column("children", "Trẻ em", "Children", Kind.INTEGER, 10),
    Column("budget_vnd", "Kinh phí (đồng)", "Budget (VND)", Kind.INTEGER, 16),
    Column("outputs", "Kết quả đầu ra", "Outputs", Kind.LONG_TEXT, 40),
    Column("challenges", "Khó khăn, vướng mắc", "Challenges", Kind.LONG_TEXT, 40),
    Column("next_steps", "Nhiệm vụ tiếp theo", "Next steps", Kind.LONG_TEXT, 40),
    Column("evidence", "Tài liệu minh chứng", "Evidence", Kind.LONG_TEXT, 30),
    Column("carried_from", "Chuyển tiếp từ", "Carried over from", Kind.UUID, UUID_WIDTH),
))

INDICATORS = Sheet("indicators", "Chỉ số và kết quả", "Indicators and results", (
    Column("uuid", "Mã định danh", "UUID", Kind.UUID, UUID_WIDTH, True),
    Column("activity_uuid", "Mã hoạt động", "Activity UUID", Kind.UUID, UUID_WIDTH),
    Column("task_code", "Mã nhiệm vụ", "Task code", Kind.CODE, 16),
    Column("name", "Tên chỉ số", "Indicator", Kind.TEXT, 40, True),
    Column("unit", "Đơn vị tính", "Unit", Kind.TEXT, 12, True),
    Column("baseline", "Giá trị cơ sở", "Baseline", Kind.NUMBER, 12),
    Column("target", "Chỉ tiêu", "Target", Kind.NUMBER, 12, True),
    Column("due_date", "Thời hạn", "Due date", Kind.DATE, 13),
    Column("result_uuid", "Mã kết quả", "Result UUID", Kind.UUID, UUID_WIDTH),
    Column("result", "Kết quả đạt được", "Result", Kind.NUMBER, 12),
    Column("result_note", "Ghi chú kết quả", "Result note", Kind.LONG_TEXT, 30),
))

LINKS = Sheet("links", "Liên kết khuyến nghị", "Recommendation links", (
    Column("activity_uuid", "Mã hoạt động", "Activity UUID", Kind.UUID, UUID_WIDTH, True),
    Column("recommendation_code", "Mã khuyến nghị", "Recommendation code", Kind.CODE, 20, True),
))

SHEETS: tuple[Sheet, ...] = (ACTIVITIES, INDICATORS, LINKS)  # the canonical order

META_SHEET = "_meta"  # hidden, protected: the submission's metadata, one key a row
