#!/usr/bin/env bash
# Builds the one-folder bundle (dist/nap-reporter/, PyInstaller, build.spec) and checks
# that the bundle itself works, away from the checkout and without its .venv:
# a fresh data folder, init (agency), demo, export xlsx and pdf, a focal point that
# imports a batch of three exported versions and a refused file (read by the reader
# processes, as a real batch is), and a Vietnamese screenshot whose visible texts are
# Vietnamese. Prints how long the build and the check took.
#
#   bash scripts/build-bundle.sh            build, then check
#   bash scripts/build-bundle.sh --check    check the bundle already in dist/
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUNDLE_DIR=$ROOT/dist/nap-reporter
BUNDLE=$BUNDLE_DIR/nap-reporter

if [ "${1:-}" != "--check" ]; then
  [ -x .venv/bin/python ] || bash scripts/setup.sh
  started=$SECONDS
  # pyinstaller comes with the project's `build` extra; the spec reads the installed
  # package's metadata (its version), so the project is reinstalled first.
  .venv/bin/python -m pip install -q --no-build-isolation -e ".[build]"
  .venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" build.spec
  echo "Built $BUNDLE_DIR ($(du -sh "$BUNDLE_DIR" | cut -f1)) in $((SECONDS - started)) s"
fi
[ -x "$BUNDLE" ] || { echo "No bundle at $BUNDLE: run without --check" >&2; exit 1; }

checked=$SECONDS
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"  # outside the source tree
fail() { echo "bundle check FAILED: $*" >&2; exit 1; }

# The bundle runs with a bare environment: no .venv on PATH, no PYTHONPATH, a fresh
# data folder, drawing offscreen.
bundle() {
  env -i PATH=/usr/bin:/bin HOME="$WORK" LANG=C.UTF-8 \
    NAP_REPORTER_HOME="$WORK/home" QT_QPA_PLATFORM=offscreen \
    ${DUMP:+NAP_REPORTER_DUMP_TEXTS="$DUMP"} "$BUNDLE" "$@"
}
# The checks read files with the project's Python (openpyxl, json); the bundle never does.
py() { "$ROOT/.venv/bin/python" "$@"; }

version=$(bundle --version)
[ "$version" = "nap-reporter $(py -c 'import tomllib; print(tomllib.load(open("'"$ROOT"'/pyproject.toml", "rb"))["project"]["version"])')" ] \
  || fail "--version says '$version'"
bundle agencies | grep -q "^VLG	" || fail "agencies does not list VLG"

bundle init --role agency --agency VLG --contact "Nguyễn Văn A" >/dev/null
demo=$(bundle demo --activities 40 --seed 7)
period=$(grep -oE '\b20[0-9]{2}\b' <<<"$demo" | head -1)
[ -n "$period" ] || fail "demo named no period: $demo"

bundle export xlsx --period "$period" -o vlg.xlsx >/dev/null
bundle export pdf --period "$period" -o vlg.pdf >/dev/null
py - vlg.xlsx vlg.pdf <<'EOF' || fail "the exported files are not right"
import re, sys
from openpyxl import load_workbook
book = load_workbook(sys.argv[1], read_only=True)
rows = sum(1 for sheet in book.worksheets for _ in sheet.iter_rows())
assert len(book.sheetnames) >= 3 and rows > 40, (book.sheetnames, rows)
pdf = open(sys.argv[2], "rb").read()
pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
assert pdf.startswith(b"%PDF") and pages >= 2 and b"Tinos" in pdf, pages
print(f"export: workbook {len(book.sheetnames)} sheets, {rows} rows; PDF {pages} pages")
EOF

# Two more versions and a file that is no workbook: a batch of four, which the import
# reads in child processes (a fork server, started by the frozen program itself through
# multiprocessing.freeze_support) on a machine of two cores or more.
for version in 2 3; do  # a few more activities each time: the next export is a new version
  bundle demo --activities 5 --seed "$version" --period "$period" >/dev/null
  bundle export xlsx --period "$period" -o "vlg$version.xlsx" >/dev/null
done
echo "not a workbook" > notes.xlsx
bundle --db focal.sqlite init --role focal-point >/dev/null
status=0
bundle --lang en --db focal.sqlite import vlg.xlsx vlg2.xlsx vlg3.xlsx notes.xlsx >import.txt 2>errors.txt \
  || status=$?
cat import.txt
[ "$status" = 3 ] || fail "the batch's import exited $status, not 3: $(cat errors.txt)"
grep -q "notes.xlsx" errors.txt || fail "the refused file's reason is missing: $(cat errors.txt)"
py - import.txt <<'EOF' || fail "the batch's lines are not right"
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
names = [line.split(":")[0] for line in lines[:4]]
assert names == ["notes.xlsx", "vlg.xlsx", "vlg2.xlsx", "vlg3.xlsx"], lines
assert "3 accepted" in lines[-1] and "1 refused" in lines[-1], lines
EOF
readers=$(py -c 'import os; n = len(os.sched_getaffinity(0)); print(min(n, 4) if n > 1 else 0)')
bundle --db focal.sqlite status --json | py -c '
import json, sys
facts = json.load(sys.stdin)
assert facts["role"] == "focal-point" and facts["submissions"] == 1 and facts["imports"] == 1 \
    and facts["activities"] == 50, facts
print("focal point: a batch of 4 files read by", sys.argv[1], "reader processes",
      "(0: in the program), 3 versions imported, 1 refused, 50 activities")' "$readers" \
  || fail "the import did not land"

DUMP=$WORK/texts.txt bundle --lang vi --screenshot window.png
py -c 'import sys; assert open(sys.argv[1], "rb").read(8) == b"\x89PNG\r\n\x1a\n"' window.png \
  || fail "no screenshot"
py "$ROOT/scripts/check_texts.py" "$WORK/texts.txt" || fail "the window is not Vietnamese"

# What the bundle takes from the system is only what README.md lists for Linux (libc,
# OpenGL/EGL, libdrm, libxcb; Wayland's and GTK's for their optional plugins); every
# other library is inside the bundle. ldd resolves with the bundle's folder first, as
# the bundle's own loader does.
SYSTEM_LIBS='^(libc|libm|libdl|libpthread|librt|libresolv|libGL|libGLX|libGLdispatch|libEGL|libdrm|libxcb|libwayland-client|libwayland-cursor|libwayland-egl|libgtk-3|libgdk-3)\.so'
outside=$(find "$BUNDLE_DIR" -type f \( -name '*.so*' -o -name nap-reporter \) -print0 \
  | LD_LIBRARY_PATH="$BUNDLE_DIR/_internal" xargs -0 ldd 2>/dev/null \
  | awk -v dir="$BUNDLE_DIR" '/=>/ && index($3, dir) != 1 {print $1, $3}' | sort -u)
unexpected=$(grep -vE "$SYSTEM_LIBS" <<<"$outside" || true)
[ -z "$unexpected" ] || fail "the bundle needs libraries README.md does not list: $unexpected"
notfound=$(grep -E ' not$' <<<"$outside" | grep -vE '^(libgtk-3|libgdk-3|libwayland)' || true)
[ -z "$notfound" ] || fail "libraries not found: $notfound"

echo "Bundle check passed in $((SECONDS - checked)) s"
