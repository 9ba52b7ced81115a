"""The Unicode TrueType fonts every PDF uses, so any patient name prints as written.

DejaVu draws Latin, Greek, Cyrillic, Arabic, Hebrew and more; the characters it lacks (Chinese,
Japanese, Korean) are drawn run by run in WenQuanYi Micro Hei. Both are embedded as subsets, and
the text layer keeps the characters, so a search in the PDF finds the name.
Right-to-left names are drawn in logical order, unshaped: legible glyphs rather than boxes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
CJK = "WenQuanYiMicroHei"

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    CJK: "WenQuanYiMicroHei-CJK.ttf",
}


@cache
def register_fonts(fonts_dir: Path) -> None:
    """Embed the fonts once per process."""
    for name, file_name in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir / file_name)))
    # Lets <b> in Paragraph markup pick the bold face. No document sets italics, so no oblique
    # face is shipped (it would cost the bundle 0.6 MB): <i> stays upright.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    # The CJK face has no bold or italic: <b> inside a CJK run keeps the same face.
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(CJK, bold, italic, CJK)


@cache
def _covers(font: str) -> frozenset[int]:
    # Only TrueType fonts are registered (DejaVu and the CJK subset); the stubs type getFont
    # as the base Font, which has no face.
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)  # type: ignore[attr-defined]


def runs(text: str, font: str) -> list[tuple[str, str]]:
    """``text`` cut into (font, characters) runs: ``font`` wherever it has the glyph, the CJK
    face where only that one has it. A character neither has stays in ``font`` (see
    ``unprintable``)."""
    if font not in _FILES:
        return [(font, text)]
    base, cjk = _covers(font), _covers(CJK)
    result: list[tuple[str, str]] = []
    for char in text:
        code = ord(char)
        face = CJK if code not in base and code in cjk else font
        if result and result[-1][0] == face:
            result[-1] = (face, result[-1][1] + char)
        else:
            result.append((face, char))
    return result


def unprintable(text: str) -> str:
    """The characters of ``text`` no bundled font can draw, each once (they print as boxes
    and are missing from the text layer)."""
    if not text:
        return ""
    covered = _covers(REGULAR) | _covers(CJK)
    return "".join(dict.fromkeys(c for c in text if ord(c) not in covered and c.isprintable()
                                 and not c.isspace()))


def text_width(text: str, font: str, size: float) -> float:
    """The drawn width of ``text`` with the fallback face for what ``font`` lacks."""
    return sum(pdfmetrics.stringWidth(chunk, face, size) for face, chunk in runs(text, font))


def fallback_markup(text: str, font: str = REGULAR) -> str:
    """Escaped Paragraph markup with each run ``font`` cannot draw set in the CJK face."""
    return "".join(escape(chunk) if face == font else f'<font face="{CJK}">{escape(chunk)}</font>'
                   for face, chunk in runs(text, font))


_EMBEDDED_FOR = {"Helvetica": REGULAR, "Helvetica-Bold": BOLD}


class FallbackCanvas(Canvas):
    """A canvas whose drawString (and so drawRightString, drawCentredString and the strings
    of table cells) switches to the CJK face for the runs the current font cannot draw.

    It starts in the embedded DejaVu face: ReportLab's default start font (Helvetica) would be
    listed in every PDF as a font that is not embedded, though nothing is drawn in it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Doc templates pass their own initialFontName, None unless set.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
        super().__init__(*args, **kwargs)

    def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:
        # Table cells without a FONT style ask for ReportLab's default Helvetica: the embedded
        # face stands in, so no PDF names a font it does not carry.
        super().setFont(_EMBEDDED_FOR.get(psfontname, psfontname), size, leading)

    # The current font state ReportLab keeps on the canvas; its stubs leave these out.
    _fontname: str
    _fontsize: float
    _leading: float

    def stringWidth(self, text: str, fontName: str | None = None,
                    fontSize: float | None = None) -> float:
        return text_width(text, fontName or self._fontname,
                          self._fontsize if fontSize is None else fontSize)

    def drawString(self, x: float, y: float, text: str,
                   *args: Any, **kwargs: Any) -> None:
        font, size, leading = self._fontname, self._fontsize, self._leading
        pieces = runs(text, font)
        if len(pieces) == 1 and pieces[0][0] == font:
            super().drawString(x, y, text, *args, **kwargs)
            return
        for face, chunk in pieces:
            self.setFont(face, size, leading)
            super().drawString(x, y, chunk, *args, **kwargs)
            x += pdfmetrics.stringWidth(chunk, face, size)
        self.setFont(font, size, leading)
