"""The wheel works on its own: built from a clean copy, installed, run away from the checkout.

The checkout's files (tracked and new, as a clean clone would have them, without any
compiled .qm) are copied to a temporary folder and built into a wheel there, the way
`pip install .` does (without build isolation, so no download: the project's venv holds
the build requirements). The wheel goes into a fresh virtual environment that sees the
already installed dependencies through a .pth file but not the project itself, and the
installed `nap-reporter` then runs from a folder outside the source tree: agencies,
init, demo, both exports and a Vietnamese screenshot whose visible texts it dumps.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest
from openpyxl import load_workbook

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 180


def _check_texts() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_texts",
                                                  ROOT / "scripts" / "check_texts.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run(*argv: str | Path, cwd: Path, env: dict[str, str] | None = None
         ) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=TIMEOUT)
    assert done.returncode == 0, f"{argv}\n{done.stdout}\n{done.stderr}"
    return done


def clean_copy(target: Path) -> Path:
    """The files a fresh clone of this working tree would have (no build output, no .qm)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # deleted but not yet committed files are listed too
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    assert not list(target.rglob("*.qm"))
    return target


@dataclass(frozen=True)
class Installed:
    wheel: Path
    build_log: str
    python: Path
    program: Path
    site: Path
    home: Path
    outside: Path

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
        env.update(NAP_REPORTER_HOME=str(self.home), QT_QPA_PLATFORM="offscreen",
                   PYTHONDONTWRITEBYTECODE="1")
        return env

    def run(self, *argv: str | Path, **extra: str) -> subprocess.CompletedProcess[str]:
        return _run(self.program, *argv, cwd=self.outside, env={**self.env(), **extra})


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("packaging")
    source = clean_copy(work / "source")
    dist = work / "dist"
    built = _run(sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "--no-build-isolation",
                 "--no-index", "-w", dist, source, cwd=work)
    (wheel,) = dist.glob("nap_reporter-*.whl")

    venv = work / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=work)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                     cwd=work).stdout.strip())
    # The dependencies (PySide6, SQLAlchemy...) are the ones already installed here; the
    # project's own editable install is not reachable that way (its .pth is not read).
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "_nap_reporter_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index",
         "--no-compile", wheel, cwd=work)
    program = venv / ("Scripts/nap-reporter.exe" if os.name == "nt" else "bin/nap-reporter")
    outside = work / "elsewhere"
    outside.mkdir()
    shutil.rmtree(source)  # nothing can come from the copy either
    return Installed(wheel, built.stdout + built.stderr, python, program, site,
                     work / "home", outside)


def test_the_wheel_carries_catalog_fonts_translations_icons_and_migrations(
        installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    for name in ("desktop_app/resources/catalog/catalog.json",
                 "desktop_app/resources/catalog/agencies.json",
                 "desktop_app/resources/fonts/Tinos-Regular.ttf",
                 "desktop_app/resources/fonts/Tinos-BoldItalic.ttf",
                 "desktop_app/resources/fonts/LICENSE-Tinos.txt",
                 "desktop_app/resources/translations/nap_reporter_vi.ts",
                 "desktop_app/resources/translations/nap_reporter_vi.qm",
                 "desktop_app/resources/translations/nap_reporter_en.qm",
                 "desktop_app/resources/translations/qt_vi.qm",
                 "desktop_app/resources/guide/guide_vi.html",
                 "desktop_app/resources/icons/nap-reporter.ico",
                 "desktop_app/migrations/env.py",
                 "desktop_app/migrations/script.py.mako"):
        assert name in names, name
    revision = re.compile(r"desktop_app/migrations/versions/\d{4}_\w+\.py")
    revisions = [n for n in names if revision.fullmatch(n)]
    assert len(revisions) == len(list((ROOT / "desktop_app/migrations/versions").glob("*.py")))
    metadata = zipfile.ZipFile(installed.wheel).read(
        next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: LicenseRef-Proprietary" in metadata
    assert "License-File: desktop_app/resources/fonts/LICENSE-Tinos.txt" in metadata
    assert "Deprecat" not in installed.build_log  # the licence metadata raises no warning


def test_the_installed_program_uses_no_file_of_the_checkout(installed: Installed) -> None:
    probe = (
        "import sys, desktop_app, desktop_app.cli, desktop_app.ui.main_window\n"
        "from desktop_app.core import paths\n"
        "from desktop_app.core.storage import migrate\n"
        "print(desktop_app.__file__)\n"
        "print(paths.resources_dir()); print(paths.translations_dir());"
        " print(paths.migrations_dir())\n"
        "print(migrate.head_revision())\n"
        "for m in list(sys.modules.values()):\n"
        "    print('module', getattr(m, '__file__', None) or '')\n"
    )
    lines = _run(installed.python, "-c", probe, cwd=installed.outside,
                 env=installed.env()).stdout.splitlines()
    package_file, resources, translations, migrations, head = map(Path, lines[:5])
    for path in (package_file, resources, translations, migrations):
        assert path.is_relative_to(installed.site), path
    assert {p.name for p in translations.glob("*.qm")} == {"nap_reporter_vi.qm",
                                                            "nap_reporter_en.qm", "qt_vi.qm"}
    assert str(head) == sorted(p.stem for p in (migrations / "versions").glob("*.py"))[-1][:4]
    modules = [Path(line[7:]) for line in lines[5:] if line.startswith("module /")]
    ours = [m for m in modules if "desktop_app" in m.parts]
    assert len(ours) > 20 and all(m.is_relative_to(installed.site) for m in ours)
    # The dependencies may come from the project's venv (inside the checkout), nothing else.
    venv = Path(sys.prefix)
    assert [m for m in modules if m.is_relative_to(ROOT) and not m.is_relative_to(venv)] == []


def test_the_installed_program_runs_away_from_the_checkout(installed: Installed) -> None:
    agencies = installed.run("agencies").stdout
    assert re.search(r"^VLG\t\S", agencies, re.MULTILINE)
    as_module = _run(installed.python, "-m", "desktop_app", "agencies", cwd=installed.outside,
                     env=installed.env()).stdout
    assert as_module == agencies

    installed.run("init", "--role", "agency", "--agency", "VLG")
    demo = installed.run("demo", "--activities", "30", "--seed", "3").stdout
    match = re.search(r"\b(20\d\d)\b", demo)
    assert match, demo
    period = match.group(1)

    workbook = installed.outside / "vlg.xlsx"
    installed.run("export", "xlsx", "--period", period, "-o", workbook)
    book = load_workbook(workbook, read_only=True)
    assert len(book.sheetnames) >= 3
    rows = sum(1 for sheet in book.worksheets for _ in sheet.iter_rows())
    assert rows > 30  # the 30 activities, their indicators and the headers
    book.close()

    pdf = installed.outside / "vlg.pdf"
    installed.run("export", "pdf", "--period", period, "-o", pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) >= 2
    assert b"Tinos" in data  # the font came from the installed package


def test_the_installed_window_is_vietnamese(installed: Installed) -> None:
    db = installed.outside / "window.sqlite"
    installed.run("--db", db, "init", "--role", "agency", "--agency", "CTO")
    shot, texts = installed.outside / "window.png", installed.outside / "window.txt"
    installed.run("--db", db, "--lang", "vi", "--screenshot", shot,
                  NAP_REPORTER_DUMP_TEXTS=str(texts))
    assert shot.read_bytes().startswith(b"\x89PNG")
    lines = texts.read_text(encoding="utf-8").splitlines()
    assert _check_texts().problems(lines) == [], lines


def test_the_vietnamese_check_refuses_an_english_window() -> None:
    check = _check_texts()
    english = ["NAP Reporter — Vinh Long", *list(check.translations())[:40]]
    assert len(check.problems(english)) == 3
    assert check.problems(list(check.translations().values())[:40]) == []
