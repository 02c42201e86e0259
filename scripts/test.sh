#!/usr/bin/env bash
# Sets up (scripts/setup.sh) and runs every check: pytest, ruff, mypy; on CI (CI=true)
# also builds the one-folder bundle and checks it (scripts/build-bundle.sh, about two
# minutes here).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
# One pytest worker a core, at most four (pytest-xdist): on two cores the suite took
# 14 min 20 s in one process and 8 min 10 s in two (2 Dec 2026). Every test keeps to
# its own folder, database, PostgreSQL cluster (one a worker) and LibreOffice profile.
# NAP_TEST_WORKERS=0 runs it in this one process.
workers=${NAP_TEST_WORKERS:-$(( $(nproc 2>/dev/null || echo 1) < 4 ? $(nproc 2>/dev/null || echo 1) : 4 ))}
.venv/bin/python -m pytest -q -n "$workers"
.venv/bin/ruff check desktop_app tests bench
.venv/bin/mypy
if [ "${CI:-}" = "true" ]; then
  bash scripts/build-bundle.sh
fi
