"""The file-format layer stays under the use cases: nothing in core/exchange imports
core.services, core.storage or core.catalog — not at the top, not inside a function (the
old trick to dodge an import loop), not relatively, not by a string to importlib.

The check reads the source with ``ast`` (nothing is imported), and a second test plants a
violation of each kind in a temporary file, so the check is seen to fail."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import desktop_app

PACKAGE = Path(desktop_app.__file__).parent
EXCHANGE = PACKAGE / "core" / "exchange"
FORBIDDEN = ("desktop_app.core.services", "desktop_app.core.storage", "desktop_app.core.catalog")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _absolute(module: str | None, level: int, importer: str, is_package: bool) -> str:
    """The absolute name of ``from <level dots><module> import ...`` in ``importer``."""
    if level == 0:
        return module or ""
    base = importer.split(".")
    if not is_package:
        base = base[:-1]
    base = base[:len(base) - (level - 1)] if level > 1 else base
    return ".".join([*base, module] if module else base)


def imported_names(source: str, importer: str, is_package: bool = False) -> list[str]:
    """Every module name the source imports, wherever the statement is, as absolute names
    (``from x import y`` also names ``x.y``, which may be a module)."""
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module, node.level, importer, is_package)
            names.append(base)
            names += [f"{base}.{alias.name}" for alias in node.names]
        elif (isinstance(node, ast.Call) and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and ((isinstance(node.func, ast.Attribute)
                    and node.func.attr == "import_module")
                   or (isinstance(node.func, ast.Name)
                       and node.func.id in ("import_module", "__import__")))):
            names.append(node.args[0].value)
    return names


def violations(source: str, importer: str, is_package: bool = False) -> list[str]:
    """The forbidden modules this source imports."""
    return sorted({name for name in imported_names(source, importer, is_package)
                   if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)})


def violations_in(path: Path, importer: str) -> list[str]:
    """The forbidden modules the file at ``path`` (module ``importer``) imports."""
    return violations(path.read_text(encoding="utf-8"), importer, path.name == "__init__.py")


def test_exchange_imports_neither_services_nor_storage_nor_catalog() -> None:
    files = sorted(EXCHANGE.rglob("*.py"))
    assert len(files) >= 10  # the package is really there
    found = {path.name: bad for path in files
             if (bad := violations_in(path, _module_name(path)))}
    assert found == {}


@pytest.mark.parametrize("planted", [
    "from desktop_app.core.services.overview import overview\n",
    "import desktop_app.core.storage.database\n",
    "def later():\n    from desktop_app.core.catalog import apply\n    return apply\n",
    "from ..services import submissions\n",
    "from ..storage.database import Database\n",
    "import importlib\nengine = importlib.import_module('desktop_app.core.services.imports')\n",
    "from desktop_app.core import services\n",
])
def test_the_check_flags_a_planted_violation(tmp_path: Path, planted: str) -> None:
    planted_file = tmp_path / "planted.py"
    planted_file.write_text('"""A renderer that reaches up."""\n' + planted, encoding="utf-8")
    assert violations_in(planted_file, "desktop_app.core.exchange.planted") != []


def test_the_check_lets_the_allowed_layers_through() -> None:
    allowed = ("from desktop_app.core.domain.labels import label\n"
               "from desktop_app.core.progress import Job\n"
               "from . import pdf_kit\n"
               "from .report_model import StatusCounts\n"
               "import openpyxl\n")
    assert violations(allowed, "desktop_app.core.exchange.planted") == []
    assert "desktop_app.core.exchange.pdf_kit" in imported_names(
        allowed, "desktop_app.core.exchange.planted")
