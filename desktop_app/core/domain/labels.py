"""The words (Vietnamese and English) for every closed vocabulary of the domain.

One table, used by the window, the workbooks, the template, the PDFs and the command
line alike, so that a status is called the same everywhere. Files and content hashes
keep the codes (the enum values); only what a person reads comes from here.
"""

from __future__ import annotations

from enum import StrEnum

from desktop_app.core.domain.enums import (
    ActivityStatus,
    ActivityType,
    AgencyKind,
    CellState,
    Grade,
    Implementation,
    ImportOutcome,
    PeriodState,
    Response,
    Role,
    SourceKind,
)

Words = tuple[str, str]  # (Vietnamese, English)

LABELS: dict[type[StrEnum], dict[str, Words]] = {
    ActivityType: {
        ActivityType.LEGISLATIVE: ("Xây dựng, hoàn thiện pháp luật", "Legislative"),
        ActivityType.ADMINISTRATIVE: ("Hành chính", "Administrative"),
        ActivityType.JUDICIAL: ("Tư pháp", "Judicial"),
        ActivityType.TRAINING: ("Tập huấn", "Training"),
        ActivityType.AWARENESS: ("Tuyên truyền, nâng cao nhận thức", "Awareness raising"),
        ActivityType.CONSULTATION: ("Tham vấn các bên liên quan", "Consultation"),
        ActivityType.OTHER: ("Khác", "Other"),
    },
    ActivityStatus: {
        ActivityStatus.PLANNED: ("Chưa bắt đầu", "Not started"),
        ActivityStatus.IN_PROGRESS: ("Đang thực hiện", "In progress"),
        ActivityStatus.COMPLETED: ("Đã hoàn thành", "Completed"),
        ActivityStatus.POSTPONED: ("Tạm hoãn", "Postponed"),
        ActivityStatus.CANCELLED: ("Đã hủy", "Cancelled"),
    },
    ImportOutcome: {
        ImportOutcome.NEW: ("mới", "new"),
        ImportOutcome.NEWER: ("phiên bản mới hơn", "newer version"),
        ImportOutcome.DUPLICATE: ("đã có, không đổi", "duplicate, nothing to do"),
        ImportOutcome.OLDER: ("phiên bản cũ hơn, bỏ qua", "older version, ignored"),
        ImportOutcome.CONFLICT: ("xung đột, từ chối", "conflict, refused"),
        ImportOutcome.TEMPLATE: ("mẫu đã điền", "filled template"),
        ImportOutcome.EDITED: ("đã sửa sau khi xuất, chấp nhận",
                               "edited after export, accepted"),
        ImportOutcome.REFUSED: ("từ chối", "refused"),
    },
    # The Committee's follow-up grades; what each means is catalog data (FollowUpGrade).
    Grade: {grade: (f"Mức {grade.value}", f"Grade {grade.value}") for grade in Grade},
    Implementation: {
        Implementation.FULLY: ("Đã thực hiện đầy đủ", "Fully implemented"),
        Implementation.PARTIALLY: ("Đã thực hiện một phần", "Partially implemented"),
        Implementation.NOT: ("Chưa thực hiện", "Not implemented"),
    },
    Role: {
        Role.AGENCY: ("cơ quan báo cáo", "reporting agency"),
        Role.FOCAL_POINT: ("cơ quan đầu mối", "focal point"),
    },
    PeriodState: {
        PeriodState.OPEN: ("Đang mở", "Open"),
        PeriodState.SUBMITTED: ("Đã nộp", "Submitted"),
        PeriodState.LOCKED: ("Đã khóa", "Locked"),
    },
    Response: {
        Response.SUPPORTED: ("Chấp thuận", "Supported"),
        Response.NOTED: ("Ghi nhận", "Noted"),
    },
    SourceKind: {
        SourceKind.TREATY_BODY: ("Ủy ban công ước", "Treaty body"),
        SourceKind.UPR: ("Kiểm điểm định kỳ phổ quát (UPR)", "Universal Periodic Review"),
    },
    AgencyKind: {
        AgencyKind.CITY: ("Thành phố trực thuộc trung ương", "Centrally governed city"),
        AgencyKind.PROVINCE: ("Tỉnh", "Province"),
        AgencyKind.MINISTRY: ("Bộ", "Ministry"),
        AgencyKind.MINISTERIAL_AGENCY: ("Cơ quan ngang bộ", "Ministerial-level agency"),
        AgencyKind.CENTRAL_BODY: ("Cơ quan trung ương", "Central body"),
    },
    CellState: {
        CellState.NOT_RECEIVED: ("Chưa nhận", "Not received"),
        CellState.ON_TIME: ("Đúng hạn", "On time"),
        CellState.LATE: ("Muộn", "Late"),
    },
}


def words(value: StrEnum) -> Words:
    """(Vietnamese, English) for one enum member."""
    return LABELS[type(value)][value]


def label(value: StrEnum, lang: str) -> str:
    """The member's name in the language ("vi", else English)."""
    vi, en = words(value)
    return vi if lang == "vi" else en


def labels(kind: type[StrEnum], lang: str) -> dict[str, str]:
    """Code -> name in the language, in the enum's order (for lists and dropdowns)."""
    table = LABELS[kind]
    return {member.value: (table[member][0] if lang == "vi" else table[member][1])
            for member in kind}


def label_of(kind: type[StrEnum], code: str, lang: str) -> str:
    """The name of a stored code; an unknown code is shown as it is."""
    found = LABELS[kind].get(code)
    if found is None:
        return code
    return found[0] if lang == "vi" else found[1]


# Labels that files made by earlier versions may hold, read back as their codes
# (label_reading.code_of); never written any more.
EARLIER_LABELS: dict[type[StrEnum], dict[str, tuple[str, ...]]] = {
    ActivityType: {ActivityType.AWARENESS: ("Awareness", "Tuyên truyền")},
    ActivityStatus: {ActivityStatus.PLANNED: ("Planned", "Kế hoạch", "Chưa thực hiện")},
}
