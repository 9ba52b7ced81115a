"""Draw the application icon and write resources/icons/dentasync.{png,ico,icns}.

A developer tool, run by hand when the icon changes: `uv run python packaging/make_icons.py`.
The outputs are committed, so builds never need to draw anything.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's icns element types holding PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08",
              512: b"ic09", 1024: b"ic10"}


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 100.0
    gradient = QLinearGradient(QPointF(0, 0), QPointF(0, size))
    gradient.setColorAt(0, QColor("#1d9bf0"))
    gradient.setColorAt(1, QColor("#0b5394"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(QRectF(4 * s, 4 * s, 92 * s, 92 * s), 20 * s, 20 * s)

    tooth = QPainterPath()
    tooth.moveTo(50 * s, 26 * s)
    tooth.cubicTo(40 * s, 18 * s, 22 * s, 20 * s, 22 * s, 38 * s)
    tooth.cubicTo(22 * s, 52 * s, 30 * s, 56 * s, 32 * s, 66 * s)
    tooth.cubicTo(34 * s, 80 * s, 37 * s, 84 * s, 40 * s, 84 * s)
    tooth.cubicTo(45 * s, 84 * s, 44 * s, 62 * s, 50 * s, 62 * s)
    tooth.cubicTo(56 * s, 62 * s, 55 * s, 84 * s, 60 * s, 84 * s)
    tooth.cubicTo(63 * s, 84 * s, 66 * s, 80 * s, 68 * s, 66 * s)
    tooth.cubicTo(70 * s, 56 * s, 78 * s, 52 * s, 78 * s, 38 * s)
    tooth.cubicTo(78 * s, 20 * s, 60 * s, 18 * s, 50 * s, 26 * s)
    p.setBrush(QColor("#ffffff"))
    p.drawPath(tooth)
    if size >= 32:
        p.setPen(QPen(QColor("#1d9bf0"), max(1.0, 3 * s), Qt.PenStyle.SolidLine,
                      Qt.PenCapStyle.RoundCap))
        p.drawLine(QPointF(42 * s, 40 * s), QPointF(48 * s, 46 * s))
        p.drawLine(QPointF(48 * s, 46 * s), QPointF(60 * s, 33 * s))
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def write_ico(path: Path) -> None:
    """ICO with PNG-compressed entries (what Windows has accepted since Vista)."""
    images = [png_bytes(draw(size)) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in zip(ICO_SIZES, images, strict=True):
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    path.write_bytes(header + entries + blobs)


def write_icns(path: Path) -> None:
    body = b""
    for size, kind in ICNS_TYPES.items():
        blob = png_bytes(draw(size))
        body += kind + struct.pack(">I", len(blob) + 8) + blob
    path.write_bytes(b"icns" + struct.pack(">I", len(body) + 8) + body)


def main() -> int:
    QGuiApplication(sys.argv)
    ICONS.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(ICONS / "dentasync.png"))
    draw(1024).save(str(ICONS / "dentasync-1024.png"))
    write_ico(ICONS / "dentasync.ico")
    write_icns(ICONS / "dentasync.icns")
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
