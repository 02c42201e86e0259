"""Tell whether a window's dumped texts are Vietnamese (the installed-program checks).

    python scripts/check_texts.py TEXTS.txt        exit 0 when Vietnamese, 1 with reasons

TEXTS.txt is what `--screenshot` writes with NAP_REPORTER_DUMP_TEXTS=FILE: the
window's visible texts, one a line. They are Vietnamese when the window shows the
translations of the Vietnamese .ts file (so its .qm was found and loaded), shows no
English source string that has a Vietnamese translation, and most lines with letters
carry Vietnamese marks. tests/test_packaging.py and scripts/build-bundle.sh use it on
an installed wheel and on the PyInstaller bundle.
"""

from __future__ import annotations

import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VI_TS = ROOT / "desktop_app" / "resources" / "translations" / "nap_reporter_vi.ts"
MIN_TRANSLATIONS_SHOWN = 8
MIN_MARKED_SHARE = 0.5


def translations(ts: Path = VI_TS) -> dict[str, str]:
    """English source -> Vietnamese translation, for finished entries that differ."""
    found: dict[str, str] = {}
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        element = message.find("translation")
        if element is None or element.get("type") in ("unfinished", "obsolete", "vanished"):
            continue
        target = element.text or ""
        if target and target != source:
            found[source.replace("&", "")] = target.replace("&", "")
    return found


def _marked(line: str) -> bool:
    """A Vietnamese letter: đ, or a Latin letter with a diacritic (ă â ê ô ơ ư, tones)."""
    decomposed = unicodedata.normalize("NFD", line)
    return "đ" in line.lower() or any(unicodedata.combining(ch) for ch in decomposed)


def problems(lines: list[str], ts: Path = VI_TS) -> list[str]:
    """Why these texts are not a Vietnamese window; empty when they are."""
    words = translations(ts)
    vietnamese = set(words.values())
    shown = [line for line in lines if line in vietnamese]
    english = [line for line in lines if line in words]
    lettered = [line for line in lines if any(ch.isalpha() for ch in line)]
    marked = [line for line in lettered if _marked(line)]
    found: list[str] = []
    if len(shown) < MIN_TRANSLATIONS_SHOWN:
        found.append(f"only {len(shown)} texts are Vietnamese translations from {ts.name} "
                     f"(at least {MIN_TRANSLATIONS_SHOWN} expected): is the .qm missing?")
    if english:
        found.append(f"English texts that have a Vietnamese translation: {english[:5]}")
    if not lettered or len(marked) / len(lettered) < MIN_MARKED_SHARE:
        found.append(f"{len(marked)} of {len(lettered)} texts carry Vietnamese marks")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        raise SystemExit(__doc__)
    lines = Path(argv[0]).read_text(encoding="utf-8").splitlines()
    found = problems(lines)
    for problem in found:
        print(f"{argv[0]}: {problem}", file=sys.stderr)
    if not found:
        print(f"{argv[0]}: {len(lines)} texts, Vietnamese")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
