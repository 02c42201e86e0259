"""Crash drafts: the unsaved content of an activity editor, kept in a file while it is typed.

A crash or a power cut must lose at most a moment of typing. While a person edits an
activity, the editor writes what it holds to `drafts/<hash of the database path>/` in the
data folder; the next start lists those files and offers them again, and saving or
discarding removes them. One folder per database, so a draft is only ever offered where
it was typed. The files are JSON (format name and version, the period's year, when it
was written, and the draft with dates in ISO form); nothing here touches the database.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import uuid as uuid_module
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft
from desktop_app.core.files import write_atomically
from desktop_app.core.paths import data_dir

DRAFT_FORMAT = "nap-reporter-activity-draft"
DRAFT_VERSION = 1
_DATE_FIELDS = ("start_date", "end_date")


@dataclass(frozen=True)
class DraftFile:
    """One draft file as read back: where it is, what it holds, for which period."""

    path: Path
    draft: ActivityDraft
    year: int | None
    written: str | None  # ISO 8601 with the offset, as written


def drafts_dir(db_path: Path) -> Path:
    """The folder of one database's drafts (made when missing)."""
    key = hashlib.sha256(str(Path(db_path).resolve()).encode("utf-8")).hexdigest()[:16]
    path = data_dir() / "drafts" / key
    path.mkdir(parents=True, exist_ok=True)
    return path


def new_draft_path(db_path: Path, activity_uuid: str | None) -> Path:
    """activity-<uuid>.json for an existing activity, activity-new-<random>.json otherwise.

    New activities get a random suffix so that starting another one never overwrites a
    draft left by a crash that the person has not yet looked at.
    """
    name = activity_uuid or f"new-{uuid_module.uuid4().hex[:12]}"
    return drafts_dir(db_path) / f"activity-{name}.json"


def pending_drafts(db_path: Path) -> list[Path]:
    """Draft files left by an editor that never saved or discarded, newest first."""
    folder = drafts_dir(db_path)
    files = [p for p in folder.glob("activity-*.json") if p.is_file()]
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _from_iso(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def draft_to_json(draft: ActivityDraft, year: int) -> str:
    body = dataclasses.asdict(draft)
    for name in _DATE_FIELDS:
        body[name] = _iso(getattr(draft, name))
    for indicator, source in zip(body["indicators"], draft.indicators, strict=True):
        indicator["due_date"] = _iso(source.due_date)
    document = {"format": DRAFT_FORMAT, "version": DRAFT_VERSION, "year": year,
                "written": datetime.now().astimezone().isoformat(timespec="seconds"),
                "draft": body}
    return json.dumps(document, ensure_ascii=False, indent=1)


def _document(text: str) -> dict[str, Any]:
    document = json.loads(text)
    if not isinstance(document, dict) or document.get("format") != DRAFT_FORMAT:
        raise ValueError("not an activity draft")
    return document


def _draft_of(document: dict[str, Any]) -> ActivityDraft:
    body = dict(document["draft"])
    fields = {f.name for f in dataclasses.fields(IndicatorDraft)}
    indicators = []
    for item in body.pop("indicators", []):
        values = {k: v for k, v in dict(item).items() if k in fields}
        values["due_date"] = _from_iso(values.get("due_date"))
        indicators.append(IndicatorDraft(**values))
    known = {f.name for f in dataclasses.fields(ActivityDraft)}
    values = {k: v for k, v in body.items() if k in known}
    for name in _DATE_FIELDS:
        values[name] = _from_iso(values.get(name))
    return ActivityDraft(**values, indicators=indicators)


def draft_from_json(text: str) -> tuple[ActivityDraft, int | None]:
    """The draft and the period it was written for.

    ValueError, TypeError or KeyError if the text is not a draft this program can read.
    """
    document = _document(text)
    year = document.get("year")
    return _draft_of(document), year if isinstance(year, int) else None


def write_draft_file(path: Path, draft: ActivityDraft, year: int) -> None:
    """Write atomically: a crash while writing leaves the previous draft, never half a file.

    RefusedError (file.cannot_write) when the folder cannot be written.
    """
    text = draft_to_json(draft, year)

    def write(temp: Path) -> None:
        temp.write_text(text, encoding="utf-8")

    write_atomically(path, write, durable=False)  # on the GUI thread, as the person types


def read_draft_file(path: Path) -> DraftFile:
    """One draft file; OSError, ValueError, TypeError or KeyError if it cannot be read."""
    document = _document(path.read_text(encoding="utf-8"))
    year, written = document.get("year"), document.get("written")
    return DraftFile(path, _draft_of(document), year if isinstance(year, int) else None,
                     written if isinstance(written, str) else None)


def load_draft_file(path: Path) -> ActivityDraft:
    return read_draft_file(path).draft


def draft_file_year(path: Path) -> int | None:
    return read_draft_file(path).year


def discard_draft_file(path: Path) -> None:
    """Forget a draft (saved, discarded, or unreadable); nothing happens if it is gone."""
    path.unlink(missing_ok=True)
