"""What the official PDF report says about its issuer: header, number, signer, recipients.

Decree 30/2020/NĐ-CP puts these on every administrative document; they are the
agency's own facts, kept in the Setting table (one key per field, the recipients as a
JSON list) and edited on the report settings page. Until someone saves them the
defaults are derived from the agency's kind and name, so a first report already has a
sensible header ("ỦY BAN NHÂN DÂN / TỈNH VĨNH LONG", "Số:      /BC-UBND", "Vĩnh Long,
ngày ... tháng ... năm ...").

The settings travel to the renderers as ``exchange.report_model.ReportSettings``, a plain
value; ``read_report_settings`` reads them inside a caller's transaction, and
``report_settings_by`` the same as SQL text through an ``Execute`` (storage/sql_text.py),
which the export also runs on a plain sqlite3 connection without SQLAlchemy (issue 11).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import fields, replace
from typing import TYPE_CHECKING

from desktop_app.core.domain.enums import AgencyKind
from desktop_app.core.domain.text import nfc
from desktop_app.core.exchange.report_model import ReportSettings as ReportSettings
from desktop_app.core.problems import Problem, ValidationError
from desktop_app.core.storage.sql_text import Execute, session_execute

if TYPE_CHECKING:  # the ORM only where settings are saved: the export reads without it
    from sqlmodel import Session

    from desktop_app.core.storage.database import Database

PREFIX = "report."

# Longest accepted text per field (characters) and most lines for the multi-line ones.
MAX_LENGTH = {
    "governing_body": 200,
    "issuing_unit": 200,
    "document_number": 60,
    "place": 60,
    "signer_title": 200,
    "signer_name": 100,
}
MAX_LINES = {"governing_body": 3, "issuing_unit": 3, "signer_title": 4}
MAX_RECIPIENTS = 20
MAX_RECIPIENT_LENGTH = 200

DEFAULT_RECIPIENTS = ("- Bộ Tư pháp;", "- Lưu: VT.")
# The focal point (Ministry of Justice) reports the national result to the Prime Minister;
# its Department of International Law keeps the file.
FOCAL_POINT_CODE = "BTP"
FOCAL_POINT_RECIPIENTS = ("- Thủ tướng Chính phủ (để báo cáo);", "- Lưu: VT, Vụ PLQT.")

# Document symbols that differ from the catalog code (the code is ASCII, the symbol not).
_SYMBOLS = {"BGDDT": "BGDĐT", "VKSNDTC": "VKSTC"}

# The head of a ministerial-level agency or central body signs under another title.
_SIGNERS = {
    "NHNN": "KT. THỐNG ĐỐC\nPHÓ THỐNG ĐỐC",
    "TTCP": "KT. TỔNG THANH TRA\nPHÓ TỔNG THANH TRA",
    "VPCP": "KT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM",
    "TANDTC": "KT. CHÁNH ÁN\nPHÓ CHÁNH ÁN",
    "VKSNDTC": "KT. VIỆN TRƯỞNG\nPHÓ VIỆN TRƯỞNG",
}
_LOCAL_SIGNER = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
_MINISTRY_SIGNER = "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG"
_CAPITAL = "Hà Nội"  # where central bodies date their documents


def _upper(text: str) -> str:
    return unicodedata.normalize("NFC", text.upper())


def _local_name(name_vi: str) -> str:
    """"Thành phố Hồ Chí Minh" -> "Hồ Chí Minh"; "Huế" stays "Huế"."""
    for prefix in ("Thành phố ", "Tỉnh ", "TP. "):
        if name_vi.startswith(prefix):
            return name_vi[len(prefix):]
    return name_vi


def _split_heading(name: str, width: int = 28) -> str:
    """Break a long capitalised name into two lines, at a space (before "VÀ" if it can)."""
    if len(name) <= width or " " not in name:
        return name
    words = name.split()
    # "BỘ VĂN HÓA, THỂ THAO / VÀ DU LỊCH": a break before "VÀ" keeps the phrases whole.
    before_and = [i for i, w in enumerate(words)
                  if w == "VÀ" and i > 0 and len(" ".join(words[:i])) <= width]
    if before_and:
        i = before_and[-1]
        return " ".join(words[:i]) + "\n" + " ".join(words[i:])
    best = min(range(1, len(words)),
               key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return " ".join(words[:best]) + "\n" + " ".join(words[best:])


def default_settings(kind: str, code: str, name_vi: str) -> ReportSettings:
    """Sensible defaults for an agency, from its kind and Vietnamese name."""
    name = nfc(name_vi).strip()
    if kind in (AgencyKind.PROVINCE, AgencyKind.CITY):
        local = _local_name(name)
        unit = "TỈNH" if kind == AgencyKind.PROVINCE else "THÀNH PHỐ"
        place = "Thành phố Hồ Chí Minh" if code == "HCM" else local
        return ReportSettings(
            governing_body=f"ỦY BAN NHÂN DÂN\n{unit} {_upper(local)}",
            issuing_unit="",
            document_number="Số:      /BC-UBND",
            place=place,
            signer_title=_LOCAL_SIGNER,
            signer_name="",
            recipients=DEFAULT_RECIPIENTS,
        )
    symbol = _SYMBOLS.get(code, code)
    return ReportSettings(
        governing_body=_split_heading(_upper(name)),
        issuing_unit="",
        document_number=f"Số:      /BC-{symbol}",
        place=_CAPITAL,
        signer_title=_SIGNERS.get(code, _MINISTRY_SIGNER),
        signer_name="",
        recipients=FOCAL_POINT_RECIPIENTS if code == FOCAL_POINT_CODE else DEFAULT_RECIPIENTS,
    )


def validate_report_settings(settings: ReportSettings) -> list[Problem]:
    """Lengths and line counts; the text is checked in the NFC form it will be stored in."""
    s = settings.normalised()
    problems: list[Problem] = []
    for name, maximum in MAX_LENGTH.items():
        value: str = getattr(s, name)
        if len(value) > maximum:
            problems.append(Problem("value.too_long", {"length": len(value), "max": maximum},
                                    name))
        lines = MAX_LINES.get(name)
        if lines is not None and value.count("\n") + 1 > lines:
            problems.append(Problem("value.too_many_lines",
                                    {"lines": value.count("\n") + 1, "max": lines}, name))
        if any(unicodedata.category(c) == "Cc" and c != "\n" for c in value):
            problems.append(Problem("value.control_character", {}, name))
    if not s.governing_body and not s.issuing_unit:
        problems.append(Problem("value.required", {}, "governing_body"))
    if len(s.recipients) > MAX_RECIPIENTS:
        problems.append(Problem("value.too_many_lines",
                                {"lines": len(s.recipients), "max": MAX_RECIPIENTS},
                                "recipients"))
    for line in s.recipients:
        if len(line) > MAX_RECIPIENT_LENGTH:
            problems.append(Problem("value.too_long",
                                    {"length": len(line), "max": MAX_RECIPIENT_LENGTH},
                                    "recipients"))
        if any(unicodedata.category(c) == "Cc" for c in line):
            problems.append(Problem("value.control_character", {}, "recipients"))
    return problems


def _defaults_by(execute: Execute) -> ReportSettings:
    code = {key: value for key, value in execute(
        "SELECT key, value FROM setting WHERE key = 'agency'", {})}.get("agency")
    agency = execute("SELECT kind, code, name_vi FROM agency WHERE code = :code",
                     {"code": code}) if code else []
    if not agency:  # the focal point reports as the Ministry of Justice
        return default_settings(AgencyKind.MINISTRY, FOCAL_POINT_CODE, "Bộ Tư pháp")
    kind, code, name_vi = agency[0]
    return default_settings(kind, code, name_vi)


def defaults_for(session: Session) -> ReportSettings:
    return _defaults_by(session_execute(session))


_KEYS = ", ".join(f"'{PREFIX}{f.name}'" for f in fields(ReportSettings))


def report_settings_by(execute: Execute) -> ReportSettings:
    """The saved settings, each field missing from the table taken from the defaults."""
    base = _defaults_by(execute)
    saved = {key: value for key, value in execute(
        f"SELECT key, value FROM setting WHERE key IN ({_KEYS})", {})}
    values: dict[str, object] = {}
    for f in fields(ReportSettings):
        stored = saved.get(PREFIX + f.name)
        if stored is None:
            continue
        if f.name == "recipients":
            try:
                loaded = json.loads(stored)
            except ValueError:
                continue
            if isinstance(loaded, list):
                values[f.name] = tuple(str(x) for x in loaded)
        elif f.name == "fill_date":
            values[f.name] = stored == "1"
        else:
            values[f.name] = stored
    return replace(base, **values).normalised()  # type: ignore[arg-type]


def read_report_settings(session: Session) -> ReportSettings:
    """report_settings_by in the session's transaction."""
    return report_settings_by(session_execute(session))


def load_report_settings(db: Database) -> ReportSettings:
    with db.reading() as session:
        return read_report_settings(session)


def save_report_settings(db: Database, settings: ReportSettings) -> ReportSettings:
    """Validate and store every field; returns what was stored (NFC, trimmed)."""
    problems = validate_report_settings(settings)
    if problems:
        raise ValidationError(*problems)
    from desktop_app.core.services.setup import audit
    from desktop_app.core.storage.settings import set_setting

    clean = settings.normalised()
    with db.unit_of_work() as session:
        for f in fields(ReportSettings):
            value = getattr(clean, f.name)
            if f.name == "recipients":
                stored = json.dumps(list(value), ensure_ascii=False)
            elif f.name == "fill_date":
                stored = "1" if value else "0"
            else:
                stored = value
            set_setting(session, PREFIX + f.name, stored)
        audit(session, "report_settings.saved", signer=clean.signer_name,
              number=clean.document_number)
    return clean
