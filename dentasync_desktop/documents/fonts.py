"""The Unicode TrueType fonts every PDF uses, so any patient name prints as written."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
MONO = "DejaVuSansMono"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}


@cache
def register_fonts(fonts_dir: Path) -> None:
    """Embed DejaVu (Latin, Greek, Cyrillic, Turkish, Polish, Nordic...) once per process."""
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir / file_name)))
    # Lets <b>/<i> in Paragraph markup pick the right face.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
