"""The command line speaks the chosen language: help, headings and argparse's complaints."""

from __future__ import annotations

import pytest

from desktop_app.cli.help_words import HELP, untranslated
from desktop_app.cli.parser import Parser, build_parser
from tests.cli.conftest import CliRunner

COMMANDS = [[], ["init"], ["demo"], ["status"], ["export"], ["template"], ["period", "lock"],
            ["period", "unlock"], ["import"], ["report"], ["assess"], ["catalog", "export"],
            ["catalog", "import"], ["keys", "list"], ["backup"], ["restore"], ["agencies"]]
ENGLISH = ("usage:", "options:", "positional arguments", "show this help", "show program's")


def test_every_help_string_of_the_parser_has_vietnamese() -> None:
    build_parser("vi")
    assert untranslated() == set(), "add these to desktop_app/cli/help_words.py HELP"


def test_a_help_string_without_vietnamese_is_noticed() -> None:
    parser = Parser(prog="x")
    parser.lang = "vi"
    parser.add_argument("--colour", help="a help string nobody translated")
    assert "a help string nobody translated" in untranslated()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "top")
def test_help_of_every_command_is_vietnamese_with_lang_vi(cli: CliRunner,
                                                          command: list[str]) -> None:
    run = cli("--lang", "vi", *command, "--help")
    assert run.code == 0
    assert run.out.startswith("cách dùng: nap-reporter")
    assert "tùy chọn:" in run.out and "hiện hướng dẫn này rồi thoát" in run.out
    for english in (*ENGLISH, *HELP):
        assert english not in run.out
    english = cli("--lang", "en", *command, "--help")
    assert english.out.startswith("usage: nap-reporter") and "options:" in english.out


def test_the_system_locale_chooses_vietnamese(cli: CliRunner,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    run = cli("init", "--help")
    assert run.out.startswith("cách dùng:") and "vai trò của bản cài đặt này" in run.out


@pytest.mark.parametrize(("argv", "vi", "en"), [
    (["assess", "X", "--implementation", "maybe"],
     "tham số --implementation: lựa chọn không hợp lệ: 'maybe'",
     "argument --implementation: invalid choice: 'maybe'"),
    (["init"], "thiếu các tham số bắt buộc: --role",
     "the following arguments are required: --role"),
    (["backup", "-o"], "tham số -o/--output: cần đúng một giá trị",
     "argument -o/--output: expected one argument"),
    (["status", "--frob"], "tham số không nhận ra: --frob", "unrecognized arguments: --frob"),
])
def test_usage_errors_are_worded_in_each_language(cli: CliRunner, argv: list[str], vi: str,
                                                  en: str) -> None:
    run = cli("--lang", "vi", *argv)
    assert run.code == 2
    first, second = run.err_lines
    assert first.startswith("Lệnh không đúng cú pháp: ") and vi in first
    assert second.startswith("Wrong usage: ") and en in second
    run = cli("--lang", "en", *argv)
    assert run.err_lines[0].startswith("Wrong usage: ") and en in run.err_lines[0]
    assert vi in run.err_lines[1]
