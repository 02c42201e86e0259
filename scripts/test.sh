#!/usr/bin/env bash
# Sets up (scripts/setup.sh) and runs every check: pytest, ruff, mypy; on CI (CI=true)
# also builds the one-folder bundle and checks it (scripts/build-bundle.sh, about two
# minutes here).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
.venv/bin/python -m pytest -q
.venv/bin/ruff check desktop_app tests bench
.venv/bin/mypy
if [ "${CI:-}" = "true" ]; then
  bash scripts/build-bundle.sh
fi
