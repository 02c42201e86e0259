"""Helpers for the command-line tests: run main() in-process, read databases directly."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import main


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


@pytest.fixture(scope="session")
def _initialised_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One database per role made by `init` once; tests get copies (init costs ~0.25 s)."""
    folder = tmp_path_factory.mktemp("templates")
    made = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NAP_REPORTER_HOME", str(folder / "home"))
        patch.setenv("LANG", "en_US.UTF-8")
        for name, argv in (("agency", ["--agency", "VLG"]), ("focal-point", [])):
            db = folder / f"{name}.sqlite"
            assert main(["--db", str(db), "init", "--role", name, *argv]) == 0
            assert not any(p.name.startswith(db.name + "-") for p in folder.iterdir())
            made[name] = db
    return made


def _copy(template: Path, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(template, target)
    return target


@pytest.fixture
def agency_db(_initialised_templates: dict[str, Path], tmp_path: Path) -> Path:
    """A fresh copy of a database after `init --role agency --agency VLG`."""
    return _copy(_initialised_templates["agency"], tmp_path, "agency.sqlite")


@pytest.fixture
def focal_db(_initialised_templates: dict[str, Path], tmp_path: Path) -> Path:
    """A fresh copy of a database after `init --role focal-point`."""
    return _copy(_initialised_templates["focal-point"], tmp_path, "focal.sqlite")


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
