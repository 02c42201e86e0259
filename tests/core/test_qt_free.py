"""The core must work where Qt cannot even be imported."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    class NoQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6", "qtpy"}:
                raise ImportError(f"Qt is not allowed in the core: {name}")
            return None

    sys.meta_path.insert(0, NoQt())
    import desktop_app.core as core
    names = [m.name for m in pkgutil.walk_packages(core.__path__, "desktop_app.core.")]
    for name in names:
        importlib.import_module(name)
    print(len(names))
    """
)


def test_every_core_module_imports_without_qt() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) >= 10  # it really walked the package


def test_the_probe_would_catch_a_qt_import(tmp_path: Path) -> None:
    # Guard against a probe that cannot fail: the same blocker refuses PySide6.
    probe = PROBE.split("import desktop_app.core")[0] + "import PySide6.QtCore\n"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode != 0
    assert "Qt is not allowed in the core" in done.stderr
