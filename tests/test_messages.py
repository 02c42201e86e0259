"""Every problem code the program can raise has words in both languages."""

from __future__ import annotations

import re
from pathlib import Path

from desktop_app.core.problems import Location, Problem
from desktop_app.messages import MESSAGES, TEXTS, problem_text, problems_bilingual

ROOT = Path(__file__).resolve().parents[1] / "desktop_app"
RAISED = re.compile(r"""(?:Problem\(|\.of\(|bad\()\s*["']([a-z_]+\.[a-z_]+)["']""")


def _codes_in_source() -> set[str]:
    codes: set[str] = set()
    for path in ROOT.rglob("*.py"):
        codes.update(RAISED.findall(path.read_text(encoding="utf-8")))
    return codes


def test_every_raised_code_is_worded() -> None:
    codes = _codes_in_source()
    assert len(codes) > 20  # the scan really found them
    missing = sorted(c for c in codes if c not in MESSAGES and c not in TEXTS
                     and c != "cli.usage")
    assert missing == []


def test_vietnamese_and_english_differ_and_fill_their_parameters() -> None:
    for code, (vi, en) in MESSAGES.items():
        assert vi != en, code
        assert set(re.findall(r"{(\w+)", vi)) == set(re.findall(r"{(\w+)", en)), code


def test_a_problem_names_file_sheet_row_and_column_in_the_chosen_language_first() -> None:
    problem = Problem("value.negative", {"value": -3}, "budget_vnd",
                      Location("vlg.xlsx", "Hoạt động", 12, "N"))
    vi_first = problems_bilingual([problem], "vi")
    assert vi_first[0] == problem_text(problem, "vi")
    assert "tệp vlg.xlsx, trang tính Hoạt động, dòng 12, cột N" in vi_first[0]
    assert "file vlg.xlsx, sheet Hoạt động, row 12, column N" in vi_first[1]
    assert problems_bilingual([problem], "en") == [vi_first[1], vi_first[0]]


def test_what_the_system_says_about_a_file_is_worded_in_both_languages(tmp_path) -> None:
    from desktop_app.core.files import write_atomically
    from desktop_app.core.problems import RefusedError

    try:
        write_atomically(tmp_path / "no" / "such" / "folder.xlsx", lambda tmp: None)
    except RefusedError as error:
        vi, en = problems_bilingual(error.problems, "vi")
    else:
        raise AssertionError("an unwritable destination was accepted")
    assert "thư mục hoặc tệp không tồn tại" in vi and "No such file" not in vi
    assert "the folder or file does not exist" in en


def test_a_date_in_a_message_is_dd_mm_yyyy_in_vietnamese() -> None:
    from datetime import date

    from desktop_app.core.problems import Problem
    from desktop_app.messages import problem_text

    problem = Problem("date.end_before_start", {"start": "2026-10-03", "end": "2026-10-01"})
    assert "01/10/2026" in problem_text(problem, "vi") and "03/10/2026" in problem_text(
        problem, "vi")
    assert "2026-10-01" not in problem_text(problem, "vi")
    assert "2026-10-01" in problem_text(problem, "en")  # English keeps the ISO form
    same = Problem("date.end_before_start", {"start": date(2026, 10, 3), "end": date(2026, 10, 1)})
    assert problem_text(same, "vi") == problem_text(problem, "vi")


def test_a_text_shaped_like_a_date_that_is_none_is_shown_as_written() -> None:
    """A cell refused as no date ("2025-13-45") is quoted as the cell holds it, in both
    languages (the Vietnamese words showed «45/13/2025», a value nowhere in the file)."""
    for written in ("2025-13-45", "2025-02-30", "0000-01-01"):
        problem = Problem("value.not_date", {"value": written})
        assert f"«{written}»" in problem_text(problem, "vi")
        assert f"“{written}”" in problem_text(problem, "en")
    assert "«28/02/2025»" in problem_text(Problem("value.not_date", {"value": "2025-02-28"}),
                                          "vi")


def test_counts_are_plural_safe() -> None:
    from desktop_app.messages import text

    one = text("import.summary", "en", files=1, accepted=1, unchanged=0, refused=0)
    two = text("import.summary", "en", files=2, accepted=2, unchanged=0, refused=0)
    assert one.startswith("Imported 1 file:") and two.startswith("Imported 2 files:")
    assert text("import.summary", "vi", files=1, accepted=1, unchanged=0,
                refused=0).startswith("Đã nhập 1 tệp:")
