"""A person's preferences on this machine (language), kept apart from any database."""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from desktop_app.core.paths import data_dir

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
    target = preferences_file()
    handle, tmp = tempfile.mkstemp(prefix=".preferences-", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(prefs, out, ensure_ascii=False, indent=1)
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def preferred_language() -> str | None:
    value = load_preferences().get(LANGUAGE)
    return value if value in ("vi", "en") else None
