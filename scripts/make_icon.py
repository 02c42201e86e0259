"""Draw the program's icon in code and write it as SVG, PNG and ICO.

    .venv/bin/python scripts/make_icon.py

The icon is a report sheet with a tick under a yellow star on red: no outside asset,
so there is nothing to license. The SVG is the source; the PNG (Linux menus, the
window) and the ICO (Windows executables, read by build.spec) are rendered from it
with Qt and committed beside it in desktop_app/resources/icons/. Run this again only
when the drawing changes.
"""

from __future__ import annotations

import math
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "desktop_app" / "resources" / "icons"
NAME = "nap-reporter"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _star(cx: float, cy: float, outer: float, inner: float) -> str:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = math.radians(-90 + 36 * i)
        points.append(f"{cx + radius * math.cos(angle):.1f},{cy + radius * math.sin(angle):.1f}")
    return " ".join(points)


def svg() -> str:
    """A 256×256 drawing: red rounded square, white sheet with text lines and a tick."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <title>NAP Reporter</title>
  <rect x="8" y="8" width="240" height="240" rx="44" fill="#c8102e"/>
  <path d="M64 52 H156 L196 92 V212 H64 Z" fill="#ffffff"/>
  <path d="M156 52 V92 H196 Z" fill="#f1c6cc"/>
  <rect x="84" y="104" width="88" height="10" rx="5" fill="#9aa3ad"/>
  <rect x="84" y="126" width="88" height="10" rx="5" fill="#9aa3ad"/>
  <rect x="84" y="148" width="56" height="10" rx="5" fill="#9aa3ad"/>
  <path d="M98 182 L118 200 L160 162" fill="none" stroke="#1b7f3b" stroke-width="14"
        stroke-linecap="round" stroke-linejoin="round"/>
  <polygon points="{_star(108, 74, 20, 8)}" fill="#ffcd00"/>
</svg>
"""


def _png(renderer: object, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)  # type: ignore[attr-defined]
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO holding one PNG per size (the form Windows reads since Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def main() -> int:
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["make_icon", "-platform", "offscreen"])
    assert app is not None
    FOLDER.mkdir(parents=True, exist_ok=True)
    drawing = svg()
    (FOLDER / f"{NAME}.svg").write_text(drawing, encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(drawing.encode()))
    pngs = {size: _png(renderer, size) for size in ICO_SIZES}
    (FOLDER / f"{NAME}.png").write_bytes(pngs[256])
    (FOLDER / f"{NAME}.ico").write_bytes(ico(pngs))
    print(f"wrote {NAME}.svg, .png and .ico in {FOLDER.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
