"""A ReportTable as a paginated PDF (ReportLab platypus): repeating header, "page N of M", totals.

Every row is one line of fixed height (long text is shortened with an ellipsis), so the rows
that fit on a page are known in advance and each page gets its own small Table: building stays
linear in the number of rows instead of re-splitting one huge table page after page.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain import formats
from ..domain.money import Money
from ..i18n import translate
from .fonts import BOLD, REGULAR, FallbackCanvas, fallback_markup, register_fonts, text_width
from .report_table import (
    Cell,
    Column,
    ColumnKind,
    ReportTable,
    Row,
    Totals,
    atomic_output,
    nothing_text,
    tracked,
)

PAPER = {"a4": A4, "letter": LETTER}
MARGIN = 12 * mm
FOOTER_SPACE = 8 * mm
FONT_SIZE = 8
ROW_HEIGHT = 13
PADDING = 4
# Average width of a character of DejaVu Sans at FONT_SIZE, used to turn the columns' width
# hints (in characters) into points and to choose portrait or landscape.
CHAR_WIDTH = FONT_SIZE * 0.6
_GRID = colors.HexColor("#c7ced6")
_HEADER_BG = colors.HexColor("#dde3ea")
_ZEBRA = colors.HexColor("#f4f6f8")

_ORG_STYLE = ParagraphStyle("org", fontName=BOLD, fontSize=14, leading=18)
_LINE_STYLE = ParagraphStyle("line", fontName=REGULAR, fontSize=9, leading=12)


def write_pdf(
    table: ReportTable, target: Path, fonts_dir: Path, paper: str = "a4"
) -> None:
    register_fonts(fonts_dir)
    # The columns as printed: their titles in the report's language.
    shown = tuple(replace(column, title=title)
                  for column, title in zip(table.columns, table.column_titles(), strict=True))
    pagesize = _page_size(shown, PAPER.get(paper, A4))
    frame_width = pagesize[0] - 2 * MARGIN
    frame_height = pagesize[1] - 2 * MARGIN - FOOTER_SPACE
    widths = _column_widths(shown, frame_width)

    heading: list[Flowable] = [Paragraph(fallback_markup(table.organisation), _ORG_STYLE)]
    heading += [Paragraph(fallback_markup(line), _LINE_STYLE) for line in table.heading_lines()]
    heading.append(Spacer(1, 4 * mm))
    heading_height = sum(f.wrap(frame_width, frame_height)[1] for f in heading)
    page_rows = _rows_fitting(frame_height)
    if page_rows < 1:
        raise ValueError("the page is too small for the report table")

    totals = Totals(table.columns)
    chunks = _chunks(tracked(table.money_rows(), totals),
                     _rows_fitting(frame_height - heading_height), page_rows)
    story = list(heading)
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        story.append(_table(shown, widths, chunk,
                            totals.rows(table.counted, table.language) if last else [],
                            table.locale))
    if not chunks:
        story.append(_table(shown, widths, [], [], table.locale))
        story.append(Spacer(1, 2 * mm))
        story.append(Paragraph(fallback_markup(nothing_text(table.counted, table.language)),
                               _LINE_STYLE))

    footer = f"{table.organisation} · {table.heading} · {table.generated_text}"
    with atomic_output(target) as temp:
        doc = BaseDocTemplate(
            str(temp), pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN, bottomMargin=MARGIN + FOOTER_SPACE,
            title=table.heading, author=table.organisation,
        )
        frame = Frame(MARGIN, MARGIN + FOOTER_SPACE, frame_width, frame_height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="report", frames=[frame])])
        doc.build(story, canvasmaker=_numbered_canvas(footer, pagesize, table.language))


def _natural_widths(columns: tuple[Column, ...]) -> list[float]:
    """Each column's width hint in points, never narrower than its bold title."""
    return [max(c.width * CHAR_WIDTH, stringWidth(c.title, BOLD, FONT_SIZE)) + 2 * PADDING
            for c in columns]


def _page_size(columns: tuple[Column, ...], paper: tuple[float, float]) -> tuple[float, float]:
    upright = portrait(paper)
    fits = sum(_natural_widths(columns)) <= upright[0] - 2 * MARGIN
    return upright if fits else landscape(paper)


def _column_widths(columns: tuple[Column, ...], frame_width: float) -> list[float]:
    """Natural widths stretched to the frame; when they do not fit, only the widest text
    columns (long names) give up room, so numbers, amounts and dates stay whole."""
    natural = _natural_widths(columns)
    total = sum(natural)
    if total <= frame_width:
        return [frame_width * width / total for width in natural]
    text = sorted((w, i) for i, w in enumerate(natural) if columns[i].kind is ColumnKind.TEXT)
    room = frame_width - (total - sum(w for w, _ in text))
    narrower, cap = 0.0, 0.0
    for count, (width, _) in enumerate(text):  # the cap that uses up the room exactly
        cap = (room - narrower) / (len(text) - count)
        if width >= cap:
            break
        narrower += width
    if cap <= 0:
        return [frame_width * width / total for width in natural]
    capped = {i for w, i in text if w > cap}
    return [cap if i in capped else w for i, w in enumerate(natural)]


def _rows_fitting(height: float) -> int:
    """Data rows under one header row in ``height`` points (a hair of slack for rounding)."""
    return math.floor((height - 0.01) / ROW_HEIGHT) - 1


def _chunks(rows: Iterable[Row], first: int, per_page: int) -> list[list[Row]]:
    """The rows of each page; the first page has less room under the title block."""
    chunks: list[list[Row]] = []
    chunk: list[Row] = []
    limit = first if first > 0 else per_page
    for row in rows:
        chunk.append(row)
        if len(chunk) == limit:
            chunks.append(chunk)
            chunk, limit = [], per_page
    if chunk:
        chunks.append(chunk)
    return chunks


def _table(
    columns: tuple[Column, ...], widths: list[float], rows: list[Row], totals: list[Row],
    locale: str,
) -> Table:
    """Header, data rows, then (on the last page) the totals; the header repeats if it splits."""
    header = [_fit(c.title, w, BOLD) for c, w in zip(columns, widths, strict=True)]
    body = [[_fit(_text(value, locale), w, REGULAR) for value, w in zip(row, widths, strict=True)]
            for row in rows]
    body += [_total_texts(row, widths, locale) for row in totals]
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTNAME", (0, 0), (-1, 0), BOLD),
        ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
        ("BACKGROUND", (0, 0), (-1, 0), _HEADER_BG),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, _GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
    if rows:
        style.append(("ROWBACKGROUNDS", (0, 1), (-1, len(rows)), [colors.white, _ZEBRA]))
    if totals:
        first_total = len(rows) + 1
        style.append(("FONTNAME", (0, first_total), (-1, -1), BOLD))
        style.append(("LINEABOVE", (0, first_total), (-1, first_total), 1, colors.black))
        for offset, row in enumerate(totals, start=first_total):
            end = _label_end(row)
            if end > 0:
                style.append(("SPAN", (0, offset), (end, offset)))
    for index, column in enumerate(columns):
        if column.kind in (ColumnKind.MONEY, ColumnKind.INT):
            style.append(("ALIGN", (index, 0), (index, -1), "RIGHT"))
    return Table([header, *body], colWidths=widths, rowHeights=ROW_HEIGHT,
                 repeatRows=1, style=TableStyle(style), hAlign="LEFT")


def _label_end(row: Row) -> int:
    """The last column a totals label may run over: the empty cells to its right."""
    end = 0
    while end + 1 < len(row) and row[end + 1] is None:
        end += 1
    return end


def _total_texts(row: Row, widths: list[float], locale: str) -> list[str]:
    label_width = sum(widths[: _label_end(row) + 1])
    texts = [_fit(_text(row[0], locale), label_width, BOLD)]
    return texts + [_fit(_text(value, locale), w, BOLD) for value, w in zip(row[1:], widths[1:],
                                                                     strict=True)]


def _text(value: Cell, locale: str) -> str:
    """A cell as the screen shows it in ``locale``; amounts without their currency, which
    has a column of its own."""
    if value is None:
        return ""
    if isinstance(value, Money):
        return formats.amount_text(value, locale)
    if isinstance(value, date):
        return formats.date_text(value, locale)
    if isinstance(value, int):
        return formats.number_text(value, locale)
    return value


def _fit(text: str, width: float, font: str, size: float = FONT_SIZE) -> str:
    """``text`` shortened with an ellipsis to fit a cell ``width`` points wide."""
    room = width - 2 * PADDING
    if text_width(text, font, size) <= room:
        return text
    ellipsis = "…"
    low, high = 0, len(text)
    while low < high:  # the longest prefix that still fits with the ellipsis
        middle = (low + high + 1) // 2
        if text_width(text[:middle] + ellipsis, font, size) <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ellipsis


def _numbered_canvas(footer: str, pagesize: tuple[float, float],
                     language: str | None) -> Callable[..., Canvas]:
    """A canvas that holds its pages back until the end, so each can say "of M"."""

    class NumberedCanvas(FallbackCanvas):
        _startPage: Callable[[], None]  # a ReportLab internal the stubs leave out

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            count = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, count)
                super().showPage()
            super().save()

        def _footer(self, number: int, count: int) -> None:
            self.saveState()
            self.setFont(REGULAR, 7)
            self.setFillColor(colors.HexColor("#555555"))
            y = MARGIN
            self.drawString(MARGIN, y, _fit(footer, pagesize[0] * 0.7, REGULAR, 7))
            self.drawRightString(pagesize[0] - MARGIN, y, translate(
                "reports", "Page {page} of {pages}", None, language).format(
                    page=number, pages=count))
            self.restoreState()

    return NumberedCanvas

