"""The layers of DESIGN.md hold, and the checks that say so can fail.

The import-linter contracts in pyproject.toml (layers pointing one way, no Qt in the
core) run over the real package; the same contracts run over a copy with a planted
upward import, which they must refuse. A second check walks the sources for imports
of another module's private names (`from x import _y`, `module._y`), a third for
modules that import each other while loading (two threads importing them at once could
deadlock on Python's module locks).
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


def imported_while_loading(tree: ast.Module, modules: set[str]) -> set[str]:
    """The package's modules a module imports while it is being imported: its
    statements outside functions (class bodies run at import too), leaving out
    `if TYPE_CHECKING:` blocks."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            return
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for statement in node.orelse:
                visit(statement)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module in modules:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names
                         if f"{node.module}.{alias.name}" in modules)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (iteratively, Tarjan)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []
    for start in sorted(graph):
        if start in order:
            continue
        work = [(start, iter(sorted(graph[start])))]
        order[start] = low[start] = len(order)
        stack.append(start)
        while work:
            name, rest = work[-1]
            step = next(rest, None)
            if step is not None:
                if step not in order:
                    order[step] = low[step] = len(order)
                    stack.append(step)
                    work.append((step, iter(sorted(graph[step]))))
                elif step in stack:
                    low[name] = min(low[name], order[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[name])
            if low[name] == order[name]:
                group = []
                while True:
                    member = stack.pop()
                    group.append(member)
                    if member == name:
                        break
                if len(group) > 1:
                    cycles.append(sorted(group))
    return cycles


def module_graph(package: Path) -> dict[str, set[str]]:
    names = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return {name: imported_while_loading(ast.parse(path.read_text(encoding="utf-8")),
                                         set(names))
            for name, path in names.items()}


def test_no_two_modules_import_each_other_while_loading() -> None:
    """The window's start imports the pages' modules on the thread that opens the
    database while the GUI thread may import too (launch._open_after_paint): two
    threads can only deadlock on Python's module locks where modules import each other
    while loading."""
    assert import_cycles(module_graph(PACKAGE)) == []


def test_the_cycle_check_sees_a_planted_cycle(tmp_path: Path) -> None:
    shutil.copytree(PACKAGE, tmp_path / "desktop_app",
                    ignore=shutil.ignore_patterns("__pycache__"))
    core = tmp_path / "desktop_app" / "core"
    (core / "planted_a.py").write_text("import desktop_app.core.planted_b\n")
    (core / "planted_b.py").write_text(
        "class Later:\n    from desktop_app.core.planted_c import x\n")
    (core / "planted_c.py").write_text("from desktop_app.core import planted_a\n")
    (core / "planted_d.py").write_text("import desktop_app.core.planted_e\n")
    (core / "planted_e.py").write_text(  # imports that wait until the module is in
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    import desktop_app.core.planted_d\n"
        "def later():\n    import desktop_app.core.planted_d\n")
    assert import_cycles(module_graph(tmp_path / "desktop_app")) == [
        ["desktop_app.core.planted_a", "desktop_app.core.planted_b",
         "desktop_app.core.planted_c"]]
