"""Helpers for the command-line tests: run main() in-process, fresh copies of initialised
databases (tests/conftest.py makes them; `focal_where` is the focal point's on each engine)."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import main
from tests.conftest import copy_into


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]

    @property
    def out_lines(self) -> list[str]:
        return [line for line in self.out.splitlines() if line.strip()]


CliRunner = Callable[..., Run]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> CliRunner:
    """cli("--db", db, "status", "--json") -> Run(code, out, err), in-process."""

    def run(*argv: Any) -> Run:
        capsys.readouterr()  # drop anything printed before
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def status(cli: CliRunner) -> Callable[[Path], dict[str, Any]]:
    def read(db: Path) -> dict[str, Any]:
        result = cli("--db", db, "status", "--json")
        assert result.code == 0, result.err
        facts = json.loads(result.out)
        assert isinstance(facts, dict)
        return facts

    return read


@pytest.fixture
def agency_db(_initialised_templates: dict[str, Path], tmp_path: Path) -> Path:
    """A fresh copy of a database after `init --role agency --agency VLG`."""
    return copy_into(_initialised_templates["agency"], tmp_path, "agency.sqlite")


@pytest.fixture
def focal_db(_initialised_templates: dict[str, Path], tmp_path: Path) -> Path:
    """A fresh copy of a database after `init --role focal-point` (SQLite only; the
    focal point's tests that concern the engine take `focal_where`, on both)."""
    return copy_into(_initialised_templates["focal-point"], tmp_path, "focal.sqlite")


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """The internal-error path calls logging.basicConfig(force=True): undo it afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    for handler in handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    root.setLevel(level)
