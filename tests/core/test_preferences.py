"""A person's saved preferences survive restarts and a damaged file."""

from __future__ import annotations

from desktop_app.core.preferences import (
    LANGUAGE,
    load_preferences,
    preferences_file,
    preferred_language,
    save_preference,
)


def test_language_is_remembered() -> None:
    assert preferred_language() is None
    save_preference(LANGUAGE, "vi")
    assert preferred_language() == "vi"
    save_preference("other", 1)
    assert load_preferences() == {LANGUAGE: "vi", "other": 1}


def test_a_damaged_or_strange_file_means_nothing_saved() -> None:
    preferences_file().write_text("{not json", encoding="utf-8")
    assert load_preferences() == {} and preferred_language() is None
    save_preference(LANGUAGE, "fr")  # not a language the program speaks
    assert preferred_language() is None
    save_preference(LANGUAGE, "en")
    assert preferred_language() == "en"
