"""Keep the UI translations in step with the code.

    python scripts/translations.py update    # re-read tr() strings into the .ts files
    python scripts/translations.py compile   # .ts -> .qm (setup.sh and build.spec run this)

The .ts files in desktop_app/resources/translations are the sources (edit them with
pyside6-linguist or by hand); the .qm files are built from them and never
committed, so they cannot go stale. Building the package compiles them as well
(setup.py), so a wheel and `pip install -e .` carry them without this script.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "desktop_app" / "resources" / "translations"
LANGUAGES = ("vi", "en")


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def ts_path(lang: str) -> Path:
    return FOLDER / f"nap_reporter_{lang}.ts"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop_app" / "ui").rglob("*.py"))


def update(target_folder: Path = FOLDER) -> None:
    target_folder.mkdir(parents=True, exist_ok=True)
    for lang in LANGUAGES:
        subprocess.run(
            [_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
             "-target-language", lang, "-ts", str(target_folder / ts_path(lang).name)],
            cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
        )


def compile_all(target_folder: Path = FOLDER) -> None:
    """Each .ts compiled to its .qm, which is replaced only when it changed, and then as
    a whole (a new file renamed over it): a running program maps its .qm files into
    memory (QTranslator), and one rewritten in place under it dies of SIGBUS (seen in the
    test suite: one worker compiling at its start while the other's window spoke
    Vietnamese)."""
    # qt_vi.ts holds Qt's own strings (Qt ships no Vietnamese); it is kept by hand,
    # under Qt's contexts, and never touched by `update`.
    for ts in [*(ts_path(lang) for lang in LANGUAGES), FOLDER / "qt_vi.ts"]:
        target = target_folder / f"{ts.stem}.qm"
        fresh = target.with_name(f".{target.name}.{os.getpid()}.part")
        try:
            subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(fresh)],
                           cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
            if target.is_file() and target.read_bytes() == fresh.read_bytes():
                continue  # up to date: left as it is
            os.replace(fresh, target)
        finally:
            fresh.unlink(missing_ok=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    else:
        raise SystemExit(__doc__)
