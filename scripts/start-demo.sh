#!/usr/bin/env bash
# Sets up (scripts/setup.sh) and opens NAP Reporter on its demo database.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/nap-reporter --demo "$@"
