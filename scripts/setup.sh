#!/usr/bin/env bash
# Sets up everything NAP Reporter needs on a fresh Debian/Ubuntu machine or a
# developer's laptop: the Debian libraries Qt needs (when root and missing), a
# virtual environment in .venv, and the project installed into it.
set -euo pipefail
cd "$(dirname "$0")/.."

# Libraries Qt needs to start offscreen or in a window, fonts for the PDF
# checks, LibreOffice and poppler for the round-trip tests (see STACK-NOTES).
DEBIAN_PACKAGES=(
  libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfreetype6 libfontconfig1 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  fonts-dejavu-core
  # real clients for the exchange tests: LibreOffice re-saves workbooks, poppler
  # turns PDF pages into text and pictures
  libreoffice-calc-nogui poppler-utils
  # PostgreSQL 15: the tests start a throw-away cluster for the focal point's shared
  # database (tests/pg.py; the server itself is never installed as a service here)
  postgresql
)

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "Installing Debian packages: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "Missing Debian packages (install them as root): ${missing[*]}" >&2
    fi
  fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
# The build requirements of pyproject.toml ([build-system].requires: setuptools, and
# PySide6-Essentials whose lrelease compiles the translations), installed once into
# .venv so the editable install below builds without a fresh isolated environment
# (which would fetch PySide6 again at every run).
mapfile -t BUILD_REQUIRES < <(.venv/bin/python -c '
import tomllib
with open("pyproject.toml", "rb") as f:
    print("\n".join(tomllib.load(f)["build-system"]["requires"]))')
.venv/bin/python -m pip install -q "${BUILD_REQUIRES[@]}"
# setup.py compiles the window's translations (.ts -> .qm) in place during an editable
# install; the explicit compile after it keeps them fresh whatever pip decided to skip.
.venv/bin/python -m pip install -q --no-build-isolation -e ".[test]"
.venv/bin/python scripts/translations.py compile
