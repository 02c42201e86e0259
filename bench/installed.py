"""Run both sides of a benchmark as an installed program runs: compiled once, not per start.

An installed program (pip, the packaged build) carries its modules compiled to bytecode;
a process started under PYTHONDONTWRITEBYTECODE=1 (as this development machine sets it)
instead compiles every module of the package it imports at every start, ~110 modules and
~0.4 s that no user ever waits for. ``installed_env`` compiles the package once with
compileall (the third-party packages in the virtual environment already are, by pip) and
returns the environment for the children without PYTHONDONTWRITEBYTECODE, so both sides
load bytecode as they would after an installation. Used by the export, report, pdf and
writers benchmarks; ``demo_database`` makes the database they work on.
"""

from __future__ import annotations

import compileall
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def installed_env(base: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a benchmark's children, the package compiled beforehand."""
    compileall.compile_dir(str(ROOT / "desktop_app"), quiet=1)
    env = dict(os.environ if base is None else base)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def demo_database(db: Path, env: Mapping[str, str], role: Sequence[str], activities: int,
                  year: int) -> list[str]:
    """A database made by the program's own init and demo (role: the arguments after
    --role, e.g. ["agency", "--agency", "VLG"]); returns the command line that opens it."""
    app = [sys.executable, "-m", "desktop_app", "--db", str(db)]
    subprocess.run([*app, "init", "--role", *role], check=True, env=dict(env), cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    subprocess.run([*app, "demo", "--activities", str(activities), "--seed", "1",
                    "--period", str(year)], check=True, env=dict(env), cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    return app
