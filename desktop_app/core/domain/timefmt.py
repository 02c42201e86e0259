"""One way to show a moment: stored in UTC, shown in this machine's time zone.

The database and the files keep every moment in UTC (a naive value read back from
SQLite is UTC too). What a person reads — the PDF's date and footer, the workbooks'
"made at" cells, the window's registers — is the same moment in the machine's local
time zone, labelled with its offset from UTC ("UTC+07:00"), and called "giờ Việt Nam" /
"Viet Nam time" only when the machine's zone really is Viet Nam's (Asia/Ho_Chi_Minh):
a laptop set to Bangkok time is also UTC+7 but not Viet Nam, and one set to UTC is not
either. Every face uses these functions, so one export never shows two times.

Deadlines are another matter: a due date is a day in Viet Nam whatever the machine's
zone (``VIET_NAM``, used by the completeness rule), because that is the law's calendar.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

# Viet Nam keeps UTC+7 all year; a fixed offset needs no time-zone database on Windows.
VIET_NAM = timezone(timedelta(hours=7), "ICT")
VIET_NAM_KEYS = frozenset({"Asia/Ho_Chi_Minh", "Asia/Saigon"})

ZONE_WORDS = {"vi": "giờ Việt Nam", "en": "Viet Nam time"}


def as_utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC value (a naive one is taken as UTC, as stored)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def to_local(moment: datetime) -> datetime:
    """``moment`` in this machine's local time zone (aware)."""
    return as_utc(moment).astimezone()


def local_date(moment: datetime) -> date:
    """The calendar day of ``moment`` on this machine's clock."""
    return to_local(moment).date()


def offset_label(moment: datetime) -> str:
    """The local zone's offset at ``moment``: "UTC+07:00", "UTC-05:00", "UTC"."""
    offset = to_local(moment).utcoffset() or timedelta(0)
    if not offset:
        return "UTC"
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def _zone_key() -> str:
    """The IANA name of the machine's zone where it can be known, else ""."""
    configured = os.environ.get("TZ", "").lstrip(":")
    if configured:
        return configured
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return ""
    _, found, key = target.partition("zoneinfo/")
    return key if found else ""


def is_viet_nam_time(moment: datetime) -> bool:
    """Whether the machine's clock at ``moment`` is Viet Nam's (UTC+7 and named so)."""
    offset = to_local(moment).utcoffset()
    return offset == timedelta(hours=7) and _zone_key() in VIET_NAM_KEYS


def zone_label(moment: datetime, lang: str = "vi") -> str:
    """ "giờ Việt Nam, UTC+07:00" on a machine set to Viet Nam; "UTC+01:00" elsewhere."""
    offset = offset_label(moment)
    if is_viet_nam_time(moment):
        return f"{ZONE_WORDS['vi' if lang == 'vi' else 'en']}, {offset}"
    return offset


def local_text(moment: datetime | None, lang: str = "vi", *, zone: bool = True,
               seconds: bool = False) -> str:
    """ "05/01/2026 14:30 (UTC+07:00)": the moment on this machine's clock, labelled.

    ``zone=False`` leaves the label off (a table whose header names the zone once).
    """
    if moment is None:
        return ""
    shown = to_local(moment).strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M")
    return f"{shown} ({zone_label(moment, lang)})" if zone else shown
