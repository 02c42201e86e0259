"""Crash drafts on disk, without Qt: written whole or not at all, listed per database,
read back the same, discarded."""

from __future__ import annotations

import dataclasses
import errno
import os
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.domain.validation import ActivityDraft, IndicatorDraft
from desktop_app.core.problems import RefusedError
from desktop_app.core.services import drafts

TITLE = "Tập huấn Ủy ban nhân dân xã Ỷ La"


def _draft(title: str = TITLE) -> ActivityDraft:
    return ActivityDraft(
        title=title, task_code="QD1252-T01", type="training", status="planned",
        start_date=date(2026, 3, 1), budget_vnd=15_000_000, women=12,
        recommendation_codes=["CO3-DEATHPEN"],
        indicators=[IndicatorDraft("Số người", "người", 120.0, baseline=0.0,
                                   due_date=date(2026, 12, 1), result=95.5,
                                   result_note="sơ bộ", uuid="ind-1")],
        uuid=None)


def test_a_draft_reads_back_the_same_with_its_period(tmp_path: Path) -> None:
    path = drafts.new_draft_path(tmp_path / "a.sqlite", None)
    drafts.write_draft_file(path, _draft(), 2026)
    read = drafts.read_draft_file(path)
    assert (read.path, read.draft, read.year) == (path, _draft(), 2026)
    assert read.written is not None and read.written[:4].isdigit()
    assert drafts.load_draft_file(path) == _draft() and drafts.draft_file_year(path) == 2026
    assert TITLE in path.read_text(encoding="utf-8")  # readable text, not \u escapes


def test_json_round_trip_keeps_dates_as_dates() -> None:
    restored, year = drafts.draft_from_json(drafts.draft_to_json(_draft(), 2026))
    assert restored == _draft() and year == 2026
    assert dataclasses.asdict(restored)["indicators"][0]["due_date"] == date(2026, 12, 1)


def test_names_say_which_activity_and_new_ones_never_collide(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    assert drafts.new_draft_path(db, "abc").name == "activity-abc.json"
    first, second = drafts.new_draft_path(db, None), drafts.new_draft_path(db, None)
    assert first != second and first.name.startswith("activity-new-")
    assert first.parent == drafts.drafts_dir(db) and first.parent.is_dir()


def test_each_database_has_its_own_drafts_newest_first(tmp_path: Path) -> None:
    here, other = tmp_path / "here.sqlite", tmp_path / "other.sqlite"
    older, newer = drafts.new_draft_path(here, "old"), drafts.new_draft_path(here, "new")
    drafts.write_draft_file(older, _draft("old"), 2026)
    drafts.write_draft_file(newer, _draft("new"), 2026)
    os.utime(older, (1_000_000_000, 1_000_000_000))
    drafts.write_draft_file(drafts.new_draft_path(other, None), _draft("x"), 2026)
    assert drafts.pending_drafts(here) == [newer, older]
    assert [p.name for p in drafts.pending_drafts(other)][0].startswith("activity-new-")
    # the same database named another way is the same folder
    assert drafts.drafts_dir(tmp_path / "sub" / ".." / "here.sqlite") == drafts.drafts_dir(here)


def test_a_failed_write_keeps_the_previous_draft_and_leaves_nothing_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = drafts.new_draft_path(tmp_path / "a.sqlite", "abc")
    drafts.write_draft_file(path, _draft("before"), 2026)
    real_write = Path.write_text

    def disk_full(self: Path, text: str, *args: object, **kwargs: object) -> int:
        real_write(self, text[: len(text) // 2], encoding="utf-8")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_text", disk_full)
    with pytest.raises(RefusedError) as refused:
        drafts.write_draft_file(path, _draft("after"), 2026)
    monkeypatch.undo()
    assert refused.value.problems[0].code == "file.cannot_write"
    assert drafts.load_draft_file(path).title == "before"
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


@pytest.mark.parametrize("text", ["", "{", "[]", '{"format": "something else"}',
                                  '{"format": "nap-reporter-activity-draft"}',
                                  '{"format": "nap-reporter-activity-draft", "draft": 3}'])
def test_a_file_that_is_not_a_draft_is_refused_by_an_exception_the_window_catches(
        tmp_path: Path, text: str) -> None:
    path = drafts.drafts_dir(tmp_path / "a.sqlite") / "activity-bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises((ValueError, TypeError, KeyError)):
        drafts.read_draft_file(path)


def test_fields_unknown_to_this_version_are_ignored(tmp_path: Path) -> None:
    text = drafts.draft_to_json(_draft(), 2026).replace(
        '"title":', '"from_a_newer_version": 1, "title":')
    restored, _ = drafts.draft_from_json(text)
    assert restored == _draft()


def test_discarding_removes_the_file_and_may_be_repeated(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    path = drafts.new_draft_path(db, None)
    drafts.write_draft_file(path, _draft(), 2026)
    drafts.discard_draft_file(path)
    drafts.discard_draft_file(path)
    assert drafts.pending_drafts(db) == [] and not path.exists()
