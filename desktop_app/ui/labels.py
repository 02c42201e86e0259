"""The window's words for the domain's closed vocabularies, from the core's one table.

The names come from `core/domain/labels.py`, in the window's language (the default
QLocale, which `app.install_translator` sets with the translation), so that a status
reads the same in the window, the workbooks and the reports.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QLocale

from desktop_app.core.domain.enums import ActivityStatus, ActivityType
from desktop_app.core.domain.labels import label_of, labels


def ui_lang() -> str:
    """The window's language: "vi" or "en"."""
    return "vi" if QLocale().language() == QLocale.Language.Vietnamese else "en"


def names_of(kind: type[StrEnum]) -> dict[str, str]:
    """Code -> name in the window's language, in the enum's order."""
    return labels(kind, ui_lang())


def name_of(kind: type[StrEnum], code: str) -> str:
    return label_of(kind, code, ui_lang())


def type_names() -> dict[str, str]:
    """Activity type value -> its name in the current UI language, in enum order."""
    return names_of(ActivityType)


def status_names() -> dict[str, str]:
    """Activity status value -> its name in the current UI language, in enum order."""
    return names_of(ActivityStatus)


def type_name(value: str) -> str:
    return name_of(ActivityType, value)


def status_name(value: str) -> str:
    return name_of(ActivityStatus, value)
