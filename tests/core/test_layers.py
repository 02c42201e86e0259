"""The layers of DESIGN.md hold, and the checks that say so can fail.

The import-linter contracts in pyproject.toml (layers pointing one way, no Qt in the
core) run over the real package; the same contracts run over a copy with a planted
upward import, which they must refuse. A second check walks the sources for imports
of another module's private names (`from x import _y`, `module._y`).
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "desktop_app"
LINT = Path(sys.executable).with_name("lint-imports")


def lint(where: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(where)}
    return subprocess.run([str(LINT), "--no-cache", str(where / "pyproject.toml")],
                          cwd=where, env=env, capture_output=True, text=True, timeout=120)


def test_the_layers_point_one_way() -> None:
    done = lint(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Layers point one way KEPT" in done.stdout
    assert "The core has no Qt KEPT" in done.stdout


def test_a_planted_upward_import_is_refused(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "desktop_app",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "desktop_app" / "core" / "domain" / "planted.py").write_text(
        "from desktop_app.core.services import status  # the domain reaching up\n")
    done = lint(tmp_path)
    assert done.returncode != 0
    assert "desktop_app.core.domain.planted -> desktop_app.core.services.status" in (
        " ".join(done.stdout.split()))


def private_borrowings(path: Path, source: str) -> list[str]:
    """`from desktop_app.x import _y` and `alias._y` where alias is a desktop_app module."""
    found: list[str] = []
    tree = ast.parse(source, str(path))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop_app"):
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.append(f"{path.name}:{node.lineno} imports {node.module}.{alias.name}")
                elif alias.asname or alias.name:
                    modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("desktop_app"):
                    modules.add(alias.asname or alias.name.split(".")[0])
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id in modules and node.attr.startswith("_")
                and not node.attr.startswith("__")):
            found.append(f"{path.name}:{node.lineno} uses {node.value.id}.{node.attr}")
    return found


def test_no_module_takes_another_modules_private_names() -> None:
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        found += private_borrowings(path, path.read_text(encoding="utf-8"))
    assert found == []


def test_the_private_name_check_sees_both_forms() -> None:
    planted = ("from desktop_app.core.exchange.xlsx_reader import _letter\n"
               "from desktop_app.core.exchange import pdf_report as pdf\n"
               "x = pdf._wrap\n")
    assert len(private_borrowings(Path("planted.py"), planted)) == 2
