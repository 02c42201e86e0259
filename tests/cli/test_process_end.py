"""The command line's own run (main() with no arguments, as `nap-reporter` and
`python -m desktop_app` call it) ends the process: what it made is left to the
interpreter's tear-down (cli._before_exit)."""

from __future__ import annotations

import sys

import pytest

from desktop_app import cli as cli_module


def test_the_command_lines_own_run_leaves_its_heap_to_the_tear_down(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The process's run (main() with no argv, as nap-reporter and python -m call it)
    freezes what it made before the interpreter ends (no last collection over it: ~0.1 s
    of an import's end); main called with its arguments (in-process, as here) does not."""
    import gc

    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(sys, "argv", ["nap-reporter", "--version"])
    assert cli_module.main() == 0
    assert frozen == [True]
    assert cli_module.main(["--version"]) == 0
    assert frozen == [True]
