"""What the printed documents share: paper, fonts and styles, the organisation header, page
footers with "page N of M", and text that must fit a fixed width."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from ..domain import formats
from ..domain.dto import OrderDetail, OrganisationSettings
from ..domain.enums import PaperSize
from ..domain.errors import ValidationError
from ..domain.formats import DEFAULT_LOCALE
from ..domain.money import Money
from ..i18n import QT_TRANSLATE_NOOP, default_language, translate
from .fonts import (
    BOLD,
    REGULAR,
    FallbackCanvas,
    fallback_markup,
    register_fonts,
    text_width,
    unprintable,
)

PAPER_SIZES: dict[str, tuple[float, float]] = {PaperSize.A4: A4, PaperSize.LETTER: LETTER}
MARGIN = 15 * mm
FOOTER_GAP = 8 * mm  # room under the frame for the footer line
INK = colors.HexColor("#111827")
MUTED = colors.HexColor("#4b5563")
RULE = colors.HexColor("#9ca3af")
ACCENT = colors.HexColor("#1d4ed8")
SHADE = colors.HexColor("#eef2f7")
ELLIPSIS = "…"

Target = str | Path | IO[bytes]


def page_size(paper: str) -> tuple[float, float]:
    size = PAPER_SIZES.get((paper or "").strip().lower())
    if size is None:
        raise ValidationError("paper", code="not_paper_size", params={"value": paper})
    return size


@cache
def styles(fonts_dir: Path) -> dict[str, ParagraphStyle]:
    """Paragraph styles in the embedded DejaVu faces; built once per fonts folder."""
    register_fonts(fonts_dir)
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=11.5, textColor=INK)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5,
                                textColor=MUTED),
        "label": ParagraphStyle("label", parent=body, fontSize=7, leading=9, textColor=MUTED),
        "label_right": ParagraphStyle("label_right", parent=body, fontSize=7, leading=9,
                                      textColor=MUTED, alignment=TA_RIGHT),
        "strong": ParagraphStyle("strong", parent=body, fontName=BOLD),
        "org": ParagraphStyle("org", parent=body, fontName=BOLD, fontSize=13, leading=16),
        "title": ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=15, leading=19),
        "number": ParagraphStyle("number", parent=body, fontName=BOLD, fontSize=18,
                                 leading=22, alignment=TA_RIGHT),
        "right": ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        "heading": ParagraphStyle("heading", parent=body, fontName=BOLD, fontSize=10.5,
                                  leading=13, textColor=ACCENT, spaceBefore=9, spaceAfter=3),
        "big": ParagraphStyle("big", parent=body, fontName=BOLD, fontSize=16, leading=20),
    }


def markup(text: str) -> str:
    """User text made safe for Paragraph markup, keeping its line breaks."""
    return fallback_markup(text.strip()).replace("\r\n", "\n").replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text), style)


def date_text(value: date | None, locale: str = DEFAULT_LOCALE) -> str:
    """The day as the screen shows it in ``locale``, the year in full; a dash for none."""
    return formats.date_text(value, locale) if value else "—"


def datetime_text(value: datetime | None, locale: str = DEFAULT_LOCALE) -> str:
    return formats.datetime_text(value, locale) if value else "—"


_UNPRINTABLE = {
    "patient": QT_TRANSLATE_NOOP("documents", "{number}: the patient {name} has characters the "
                                              "printed fonts lack ({missing}); they print as "
                                              "empty boxes."),
    "customer": QT_TRANSLATE_NOOP("documents", "{number}: the customer {name} has characters "
                                               "the printed fonts lack ({missing}); they print "
                                               "as empty boxes."),
    "lab": QT_TRANSLATE_NOOP("documents", "{number}: the dental lab {name} has characters the "
                                          "printed fonts lack ({missing}); they print as empty "
                                          "boxes."),
}


def document_language(order: OrderDetail, language: str | None = None) -> str:
    """The language an order's documents print in, their dates and amounts written its way:
    ``language`` when the caller chose one, else the one set for the order's dental lab, else
    the app's."""
    return language or (order.lab.document_language if order.lab else None) or (
        default_language())


def unprintable_notes(order: OrderDetail) -> list[str]:
    """A note per name that has characters no bundled font draws, rather than silent boxes
    (in the app's language: the notes are for the desk, not the paper)."""
    notes = []
    for what, text in (("patient", order.patient.full_name if order.patient else ""),
                       ("customer", order.customer.name if order.customer else ""),
                       ("lab", order.lab.name if order.lab else "")):
        missing = unprintable(text)
        if missing:
            notes.append(translate("documents", _UNPRINTABLE[what]).format(
                number=order.number_text, name=text, missing=missing))
    return notes


def order_teeth(order: OrderDetail) -> list[int]:
    """The order's teeth together with those of its items, in FDI order."""
    teeth = set(order.teeth)
    for item in order.items:
        teeth.update(item.teeth)
    return sorted(teeth)


def money_text(amount: Money, locale: str = DEFAULT_LOCALE) -> str:
    return formats.money_text(amount, locale)


def signed_money_text(amount: Money, locale: str = DEFAULT_LOCALE) -> str:
    """An adjustment: "+€29.00" or "-€29.00", never a bare amount that reads as a price."""
    return ("+" if amount.minor > 0 else "") + money_text(amount, locale)


def rule_table(rows: list[list[Any]], widths: list[float], *, header: bool = False,
               align_right: tuple[int, ...] = ()) -> Table:
    """A plain ruled table that may split across pages (header repeated) and inside rows."""
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1,
                  hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        # Plain-text cells would otherwise fall back to Helvetica, which has no "ł" or "ğ".
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), SHADE),
                     ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED)]
    commands += [("ALIGN", (col, 0), (col, -1), "RIGHT") for col in align_right]
    table.setStyle(TableStyle(commands))
    return table


def output(target: Target) -> str | IO[bytes]:
    """ReportLab takes a file name as str, or an open binary file; never a Path."""
    return str(target) if isinstance(target, Path) else target


def page_document(target: Target, paper: str, title: str, author: str) -> BaseDocTemplate:
    """A one-frame document of the chosen paper with room for the footer."""
    width, height = page_size(paper)
    doc = BaseDocTemplate(output(target), pagesize=(width, height), leftMargin=MARGIN,
                          rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN + FOOTER_GAP,
                          title=title, author=author, creator="Dentasync Desktop", invariant=1)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


# --- the organisation header -----------------------------------------------------------------


def logo_image(org: OrganisationSettings, max_width: float, max_height: float,
               notes: list[str]) -> Image | None:
    """The logo scaled into the box, or None with a note when it cannot be read."""
    path = org.logo_path.strip()
    if not path:
        return None
    try:
        data = Path(path).read_bytes()
        width, height = ImageReader(BytesIO(data)).getSize()
    except Exception:  # ReportLab/PIL raise many kinds for a missing or damaged file.
        notes.append(translate("documents", "The logo file '{path}' could not be read, so the "
                               "header was printed without a logo. Choose another file in "
                               "Settings.").format(path=path))
        return None
    scale = min(max_width / width, max_height / height)
    # From memory: the file may change or vanish before the page is drawn.
    return Image(BytesIO(data), width=width * scale, height=height * scale, hAlign="LEFT")


def organisation_block(org: OrganisationSettings, fonts_dir: Path) -> list[Flowable]:
    st = styles(fonts_dir)
    lines: list[Flowable] = [para(org.name or " ", st["org"])]
    if org.address.strip():
        lines.append(para(org.address, st["small"]))
    contact = " · ".join(part for part in (org.phone.strip(), org.email.strip()) if part)
    if contact:
        lines.append(para(contact, st["small"]))
    return lines


def header_table(org: OrganisationSettings, right: list[Flowable], width: float,
                 fonts_dir: Path, logo: Image | None) -> Table:
    """Logo, organisation and a right-hand block (the order number) in one row."""
    logo_width = logo.drawWidth + 4 * mm if logo is not None else 0
    right_width = 72 * mm
    cells: list[Any] = []
    widths: list[float] = []
    if logo is not None:
        cells.append(logo)
        widths.append(logo_width)
    cells += [organisation_block(org, fonts_dir), right]
    widths += [width - logo_width - right_width, right_width]
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (-1, 0), (-1, 0), 0),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, INK),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


# --- page footers ----------------------------------------------------------------------------


class PageGroup(Flowable):
    """Marks where one order starts: pages are counted "N of M" per group in the footer, which
    is worded in the group's language."""

    def __init__(self, label: str, on_start: Callable[[], None] | None = None,
                 language: str | None = None) -> None:
        super().__init__()
        self.label = label
        self.language = language
        self._on_start = on_start
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        if isinstance(canvas, NumberedCanvas):
            canvas.start_group(self.label, self.language)
        if self._on_start is not None:
            self._on_start()


class NumberedCanvas(FallbackCanvas):
    """Keeps every page until save() so each footer can say "page N of M" for its group."""

    footer_font = REGULAR
    # ReportLab internals this recipe relies on; the stubs leave private names out.
    _pagesize: tuple[float, float]
    _startPage: Callable[[], None]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []
        self._group = 0
        self._label = ""
        self._language: str | None = None

    def start_group(self, label: str, language: str | None) -> None:
        self._group += 1
        self._label = label
        self._language = language

    def showPage(self) -> None:
        self._held.append({**self.__dict__,
                           "_page_group": (self._group, self._label, self._language)})
        self._startPage()

    def save(self) -> None:
        sizes: dict[int, int] = {}
        for state in self._held:
            group = state["_page_group"][0]
            sizes[group] = sizes.get(group, 0) + 1
        seen: dict[int, int] = {}
        for state in self._held:
            group, label, language = state["_page_group"]
            seen[group] = seen.get(group, 0) + 1
            self.__dict__.update(state)
            self._draw_footer(label, seen[group], sizes[group], language)
            super().showPage()
        super().save()

    def _draw_footer(self, label: str, page: int, pages: int, language: str | None) -> None:
        width, _height = self._pagesize
        y = MARGIN - FOOTER_GAP + 2 * mm
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN, y + 3.2 * mm, width - MARGIN, y + 3.2 * mm)
        self.setFont(self.footer_font, 8)
        self.setFillColor(MUTED)
        text = translate("documents", "page {page} of {pages}", None, language).format(
            page=page, pages=pages)
        if label:
            text = f"{label} · {text}"
        self.drawRightString(width - MARGIN, y, text)
        self.restoreState()


# --- text in a fixed width -------------------------------------------------------------------


def fit_text(text: str, font: str, size: float, min_size: float,
             width: float) -> tuple[str, float, bool]:
    """Shrink ``text`` down to ``min_size`` to fit ``width``; past that, cut it with "…".

    Returns the text to draw, its font size, and whether anything was cut off.
    """
    text = " ".join(text.split())
    natural = text_width(text, font, size)
    if natural <= width:
        return text, size, False
    fitted = size * width / natural
    if fitted >= min_size:
        return text, fitted, False
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if text_width(text[:middle].rstrip() + ELLIPSIS, font, min_size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS, min_size, True
