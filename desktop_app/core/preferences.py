"""A person's preferences on this machine (language), kept apart from any database."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from desktop_app.core.files import write_atomically
from desktop_app.core.paths import data_dir
from desktop_app.core.problems import RefusedError

LANGUAGE = "language"


def preferences_file() -> Path:
    return data_dir() / "preferences.json"


def load_preferences() -> dict[str, Any]:
    """The saved preferences; a missing or damaged file means none saved."""
    try:
        value = json.loads(preferences_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def save_preference(key: str, value: Any) -> None:
    """Write atomically: a crash while saving leaves the old file, never half a file."""
    prefs = load_preferences()
    prefs[key] = value
    text = json.dumps(prefs, ensure_ascii=False, indent=1)
    with contextlib.suppress(RefusedError):  # a preference not saved is no reason to fail
        write_atomically(preferences_file(), lambda tmp: _write(tmp, text), durable=False)


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def preferred_language() -> str | None:
    value = load_preferences().get(LANGUAGE)
    return value if value in ("vi", "en") else None
