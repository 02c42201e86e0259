"""Build step of the package: compile the window's translations (.ts -> .qm).

Everything else about the package is declared in pyproject.toml; this file only adds
one thing setuptools cannot declare: the .qm files are generated from the .ts sources
whenever the package is built (a wheel, `pip install .`, `pipx install .`), so an
installed program shows its Vietnamese window, and no compiled file is ever committed
(they could go stale). An editable install (`pip install -e .`) compiles them in place,
in the source tree, where the editable package finds them.

The compiler is Qt's lrelease from PySide6-Essentials, which is therefore a build
requirement ([build-system].requires).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
TRANSLATIONS = Path("desktop_app", "resources", "translations")

# pyside6-lrelease, run through PySide6's own launcher so that it is found wherever
# PySide6 is installed (a build environment has no scripts folder on PATH for sure).
LRELEASE = ("import sys; from PySide6.scripts.pyside_tool import lrelease; "
            "sys.argv[0] = 'pyside6-lrelease'; sys.exit(lrelease())")


def compile_translations(source: Path, target: Path) -> list[Path]:
    """Every source/*.ts compiled into target/*.qm; the .qm files written.

    Each is compiled to a file of its own and renamed over its .qm only when it changed:
    a running window maps its .qm files (QTranslator), and one rewritten in place under
    it dies of SIGBUS (an editable install compiles into the source tree, maybe while the
    program runs; scripts/translations.py does the same)."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(source.glob("*.ts")):
        qm = target / f"{ts.stem}.qm"
        fresh = qm.with_name(f".{qm.name}.{os.getpid()}.part")
        try:
            subprocess.run([sys.executable, "-c", LRELEASE, str(ts), "-qm", str(fresh)],
                           check=True, stdout=subprocess.DEVNULL)
            if not fresh.is_file():
                raise SystemExit(f"pyside6-lrelease wrote no {qm}")
            if not qm.is_file() or qm.read_bytes() != fresh.read_bytes():
                os.replace(fresh, qm)
        finally:
            fresh.unlink(missing_ok=True)
        written.append(qm)
    if not written:
        raise SystemExit(f"no .ts translation sources in {source}")
    return written


class BuildWithTranslations(build_py):
    """build_py, then lrelease into the build folder (or the source tree if editable)."""

    def run(self) -> None:
        super().run()
        source = HERE / TRANSLATIONS
        target = source if self.editable_mode else Path(self.build_lib) / TRANSLATIONS
        compile_translations(source, target)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if not self.editable_mode:
            outputs += [str(Path(self.build_lib) / TRANSLATIONS / f"{ts.stem}.qm")
                        for ts in sorted((HERE / TRANSLATIONS).glob("*.ts"))]
        return outputs


setup(cmdclass={"build_py": BuildWithTranslations})
