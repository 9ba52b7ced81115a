"""Code 128 barcodes and QR codes of the order number, sized to a box."""

from __future__ import annotations

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

# Scanners want the bars no thinner than this; 0.25 mm is what a 203 dpi label printer makes.
MIN_BAR_WIDTH = 0.25 * 72 / 25.4
QUIET_MODULES = 10  # the blank margin Code 128 requires either side, in bar widths


class _BlackCode128(Code128):
    """Bars in pure black whatever colour the page was drawing in: scanners need contrast."""

    def draw(self) -> None:
        self.canv.setFillColor(colors.black)
        super().draw()


def code128(text: str, width: float, height: float) -> Code128:
    """A Code 128 symbol as wide as fits ``width`` with its quiet zones, ``height`` tall."""
    modules = Code128(text, barWidth=1, barHeight=height, quiet=0).width
    bar_width = max(MIN_BAR_WIDTH, width / (modules + 2 * QUIET_MODULES))
    quiet = QUIET_MODULES * bar_width
    return _BlackCode128(text, barWidth=bar_width, barHeight=height, quiet=1, lquiet=quiet,
                         rquiet=quiet)


def draw_code128(canvas: Canvas, text: str, x: float, y: float, width: float,
                 height: float) -> float:
    """Draw the barcode centred in the box at (x, y); returns the width it took."""
    symbol = code128(text, width, height)
    symbol.drawOn(canvas, x + max(0.0, (width - symbol.width) / 2), y)
    return float(symbol.width)


class _BlackQrCode(QrCode):
    def draw(self) -> None:
        self.canv.setFillColor(colors.black)
        super().draw()


def qr_code(text: str, size: float) -> Flowable:
    """A square QR code ``size`` points wide, its quiet zone included, drawn straight onto
    the canvas (the graphics widget builds a shape per module and is several times slower)."""
    return _BlackQrCode(text, width=size, height=size, qrLevel="M")
