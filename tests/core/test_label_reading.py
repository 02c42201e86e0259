"""Coded values read back from what a workbook shows: labels in either language, earlier
labels, dropdown items and codes, whatever the case, Unicode form, spacing or tone-mark
placement; and a submission written by the previous format (codes in the cells) still
reads and verifies, since the content hash is over the codes."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from desktop_app.core.domain.enums import ActivityStatus, ActivityType, Role
from desktop_app.core.domain.label_reading import code_of, fold
from desktop_app.core.domain.labels import LABELS
from desktop_app.core.exchange import xlsx_writer
from desktop_app.core.exchange.cells import CellProblem, convert
from desktop_app.core.exchange.columns import ACTIVITIES
from desktop_app.core.exchange.xlsx_reader import read_submission
from desktop_app.core.progress import drive
from desktop_app.core.services import submissions as svc
from desktop_app.core.services.demo import fill_demo
from desktop_app.core.services.setup import initialise
from desktop_app.core.storage.database import Database


def test_old_and_new_tone_mark_placement_fold_to_one_key() -> None:
    assert fold("hòa") == fold("hoà") and fold("Thủy") == fold("thuỷ")
    assert fold("Đã hủy") == fold("  ĐÃ   HUỶ ") == fold(unicodedata.normalize("NFD", "đã huỷ"))
    assert fold("hoa") != fold("hòa") and fold("hỏa") != fold("hòa")


@pytest.mark.parametrize("kind", [ActivityType, ActivityStatus])
def test_every_label_earlier_label_item_and_code_reads_as_its_code(
        kind: type[ActivityType] | type[ActivityStatus]) -> None:
    for member in kind:
        vi, en = LABELS[kind][member]
        for text in (vi, en, vi.upper(), en.lower(), member.value, f"{member.value} — {vi}",
                     unicodedata.normalize("NFD", vi), f"  {vi}  "):
            assert code_of(kind, text) == member.value, text
    assert code_of(kind, "không có") is None and code_of(kind, "") is None


def test_the_reader_takes_labels_and_refuses_other_words() -> None:
    status = ACTIVITIES.column("status")
    assert convert("activities", status, "Đã huỷ") == "cancelled"  # new-style tone mark
    assert convert("activities", status, "Đã hủy") == "cancelled"  # old style
    assert convert("activities", status, "In progress") == "in_progress"
    assert convert("activities", ACTIVITIES.column("type"), "Awareness") == "awareness"
    with pytest.raises(CellProblem) as refused:
        convert("activities", status, "xong rồi")
    assert refused.value.code == "value.not_in_list"


def test_a_file_of_the_previous_format_with_codes_still_verifies(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = Database.open(tmp_path / "a.sqlite")
    initialise(db, Role.AGENCY, "VLG")
    drive(fill_demo(db, activities=30, seed=2, period=2025))
    new = drive(svc.export_xlsx(db, 2025, tmp_path / "new.xlsx"))
    monkeypatch.setattr(xlsx_writer, "LABELLED", {})  # the cells hold codes, as before
    old = tmp_path / "old.xlsx"
    drive(xlsx_writer.write_workbook(new, old))
    for path in (old, tmp_path / "new.xlsx"):
        read = read_submission(path)
        assert read.problems == [] and read.hash_ok, path.name
        assert read.data == new.data
