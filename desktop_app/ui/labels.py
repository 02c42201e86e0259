"""The words the window shows for the domain's closed vocabularies.

Each literal sits in its own translate() call so that pyside6-lupdate finds it; the
contexts ("ActivityType", "ActivityStatus") group them for the translator.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop_app.core.domain.enums import ActivityStatus, ActivityType


def type_names() -> dict[str, str]:
    """Activity type value -> its name in the current UI language, in enum order."""
    return {
        ActivityType.LEGISLATIVE: QCoreApplication.translate("ActivityType", "Legislative"),
        ActivityType.ADMINISTRATIVE: QCoreApplication.translate("ActivityType", "Administrative"),
        ActivityType.JUDICIAL: QCoreApplication.translate("ActivityType", "Judicial"),
        ActivityType.TRAINING: QCoreApplication.translate("ActivityType", "Training"),
        ActivityType.AWARENESS: QCoreApplication.translate("ActivityType", "Awareness raising"),
        ActivityType.CONSULTATION: QCoreApplication.translate("ActivityType", "Consultation"),
        ActivityType.OTHER: QCoreApplication.translate("ActivityType", "Other"),
    }


def status_names() -> dict[str, str]:
    """Activity status value -> its name in the current UI language, in enum order."""
    return {
        ActivityStatus.PLANNED: QCoreApplication.translate("ActivityStatus", "Planned"),
        ActivityStatus.IN_PROGRESS: QCoreApplication.translate("ActivityStatus", "In progress"),
        ActivityStatus.COMPLETED: QCoreApplication.translate("ActivityStatus", "Completed"),
        ActivityStatus.POSTPONED: QCoreApplication.translate("ActivityStatus", "Postponed"),
        ActivityStatus.CANCELLED: QCoreApplication.translate("ActivityStatus", "Cancelled"),
    }


def type_name(value: str) -> str:
    return type_names().get(value, value)


def status_name(value: str) -> str:
    return status_names().get(value, value)


def group_thousands(value: int, lang: str) -> str:
    """1500000 -> "1.500.000" in Vietnamese, "1,500,000" in English."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "vi" else text
