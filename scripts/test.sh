#!/usr/bin/env bash
# Sets up (scripts/setup.sh) and runs every check: pytest, ruff, mypy.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
.venv/bin/python -m pytest -q
.venv/bin/ruff check desktop_app tests bench
.venv/bin/mypy
