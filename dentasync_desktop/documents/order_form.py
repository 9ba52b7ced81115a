"""The work-order form: a PDF the lab keeps with the case while it is made.

The caller chooses the sections; the organisation header, the order number, its status and
dates always print. Long content flows onto further pages, each with the order number and
"page N of M" in its footer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.dto import OrderDetail, OrganisationSettings
from ..domain.enums import OrderStatus, TaskStatus
from ..domain.errors import ValidationError
from ..domain.formats import DEFAULT_LOCALE
from ..domain.numbers import format_number
from ..domain.teeth import format_teeth
from . import barcodes
from .fonts import BOLD, REGULAR
from .pdf_layout import (
    RULE,
    NumberedCanvas,
    PageGroup,
    Target,
    date_text,
    datetime_text,
    header_table,
    logo_image,
    markup,
    money_text,
    order_teeth,
    page_document,
    para,
    rule_table,
    styles,
    unprintable_notes,
)
from .teeth_diagram import teeth_drawing

# Section key -> what the user ticks, in the order the sections print.
SECTIONS: dict[str, str] = {
    "codes": "Barcode and QR code",
    "parties": "Customer, patient and dental lab",
    "teeth": "Teeth diagram",
    "items": "Items and services",
    "prices": "Prices",
    "work_plan": "Work plan",
    "description": "Description and notes",
    "comments": "Comments",
    "signature": "Signature and date lines",
}
DEFAULT_SECTIONS = frozenset(SECTIONS) - {"prices", "comments"}

BOX_EMPTY, BOX_TICKED = "☐", "☑"
HEADING_ROOM = 25 * mm  # a heading starts a new page unless this much fits below it


def check_sections(sections: Iterable[str]) -> frozenset[str]:
    chosen = frozenset(s.strip().lower() for s in sections if s.strip())
    unknown = sorted(chosen - SECTIONS.keys())
    if unknown:
        raise ValidationError("sections", code="unknown_section",
                              params={"value": unknown[0], "choices": list(SECTIONS)})
    return chosen


class _Form:
    """Builds the flowables of one order; notes collect what was left out and why."""

    def __init__(self, order: OrderDetail, org: OrganisationSettings, sections: frozenset[str],
                 width: float, fonts_dir: Path, logo: Any, notes: list[str],
                 locale: str) -> None:
        self.order = order
        self.locale = locale
        self.org = org
        self.sections = sections
        self.width = width
        self.fonts_dir = fonts_dir
        self.st = styles(fonts_dir)
        self.logo = logo
        self.notes = notes

    def story(self) -> list[Flowable]:
        parts: list[Flowable] = [self._header(), Spacer(1, 3 * mm), self._facts()]
        builders: dict[str, Callable[[], list[Flowable]]] = {
            "parties": self._parties,
            "teeth": self._teeth,
            "items": self._items,
            "work_plan": self._work_plan,
            "description": self._description,
            "comments": self._comments,
            "signature": self._signature,
        }
        for key, build in builders.items():
            if key in self.sections:
                parts += build()
        return parts

    # --- always printed --------------------------------------------------------------------

    def _header(self) -> Table:
        number = self.order.number_text
        right: list[Flowable] = [
            Paragraph("WORK ORDER", self.st["label_right"]),
            Paragraph(number, self.st["number"]),
        ]
        if "codes" in self.sections:
            codes = Table(
                [[barcodes.code128(number, 44 * mm, 12 * mm),
                  barcodes.qr_code(number, 21 * mm)]],
                colWidths=[50 * mm, 22 * mm], hAlign="RIGHT")
            codes.setStyle(TableStyle([
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]))
            right.append(codes)
        return header_table(self.org, right, self.width, self.fonts_dir, self.logo)

    def _facts(self) -> Table:
        order = self.order
        status = order.status.label
        if order.on_hold:
            status += " (on hold)"
        if order.is_remake:
            status += " · remake"
        facts = (("Status", status),
                 ("Documented", date_text(order.documented_at, self.locale)),
                 ("Due date", date_text(order.due_date, self.locale)),
                 ("Shade", order.shade or "—"))
        cells = [[para(label, self.st["label"]) for label, _ in facts],
                 [para(value, self.st["strong"]) for _, value in facts]]
        table = Table(cells, colWidths=[self.width / len(facts)] * len(facts), hAlign="LEFT")
        table.setStyle(TableStyle([
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 0),
            ("BOTTOMPADDING", (0, 1), (-1, 1), 4),
            ("LINEBELOW", (0, 1), (-1, 1), 0.5, RULE),
        ]))
        return table

    # --- optional sections -----------------------------------------------------------------

    def _heading(self, text: str) -> list[Flowable]:
        """A section title that never sits alone at the foot of a page."""
        return [CondPageBreak(HEADING_ROOM), Paragraph(markup(text), self.st["heading"])]

    def _none(self, text: str) -> Paragraph:
        return Paragraph(markup(text), self.st["small"])

    def _parties(self) -> list[Flowable]:
        order = self.order
        customer, patient, lab = order.customer, order.patient, order.lab
        columns = (
            ("Customer", customer.name, (customer.clinic, customer.phone, customer.email)),
            ("Patient", patient.full_name,
             (f"born {date_text(patient.date_of_birth, self.locale)}"
              if patient.date_of_birth else "",
              patient.phone)),
            ("Dental lab", lab.name, (lab.contact_person, lab.phone, lab.email)),
        )
        cells = []
        for label, name, details in columns:
            cell: list[Flowable] = [para(label, self.st["label"]), para(name or "—",
                                                                        self.st["strong"])]
            cell += [para(line, self.st["body"]) for line in details if line.strip()]
            cells.append(cell)
        table = Table([cells], colWidths=[self.width / 3] * 3, hAlign="LEFT", splitInRow=1)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ]))
        return [table]

    def _teeth(self) -> list[Flowable]:
        order = self.order
        chosen = order_teeth(order)
        lines: list[Flowable] = [
            para("Ordered teeth", self.st["label"]),
            para(format_teeth(chosen) or "No teeth recorded", self.st["strong"]),
        ]
        for item in order.items:
            if item.teeth:
                lines.append(para(f"{item.description}: {format_teeth(item.teeth)}",
                                  self.st["body"]))
        diagram_width = 70 * mm
        table = Table([[teeth_drawing(chosen, diagram_width), lines]],
                      colWidths=[diagram_width + 6 * mm, self.width - diagram_width - 6 * mm],
                      hAlign="LEFT", splitInRow=1)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]))
        return [KeepTogether([*self._heading("Teeth (FDI)"), table])]

    def _items(self) -> list[Flowable]:
        parts: list[Flowable] = [*self._heading("Items and services")]
        items = self.order.items
        if not items:
            return [*parts, self._none("No items.")]
        prices = "prices" in self.sections
        body, small = self.st["body"], self.st["small"]
        right = (3, 4, 5) if prices else (3,)
        header = ["#", "Service", "Teeth", "Qty"] + (["Unit price", "Amount"] if prices else [])
        rows: list[list[Any]] = [[para(h, self.st["label_right" if i in right else "label"])
                                  for i, h in enumerate(header)]]
        for item in items:
            row: list[Any] = [str(item.position), para(item.description, body),
                              para(format_teeth(item.teeth), small), str(item.quantity)]
            if prices:
                row += [money_text(item.unit_price, self.locale),
                        money_text(item.line_total, self.locale)]
            rows.append(row)
        money_width = 28 * mm if prices else 0
        widths = [8 * mm, 0.0, 30 * mm, 12 * mm] + ([money_width] * 2 if prices else [])
        widths[1] = self.width - sum(widths)
        table = rule_table(rows, widths, header=True, align_right=right)
        table.setStyle(TableStyle([("FONT", (0, 1), (-1, -1), REGULAR, 9)]))
        parts.append(table)
        if prices:
            parts.append(self._totals(money_width))
        return parts

    def _totals(self, money_width: float) -> Table:
        order = self.order
        rows = [[para(label, self.st["strong"]), money_text(amount, self.locale)]
                for label, amount in (("Total", order.total), ("Paid", order.paid),
                                      ("Balance", order.balance))]
        table = Table(rows, colWidths=[money_width, money_width], hAlign="RIGHT")
        table.setStyle(TableStyle([
            ("FONT", (1, 0), (1, -1), BOLD, 9),
            ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]))
        return table

    def _work_plan(self) -> list[Flowable]:
        parts: list[Flowable] = [*self._heading("Work plan")]
        tasks = self.order.tasks
        if not tasks:
            return [*parts, self._none("No work plan.")]
        header = ["", "#", "Task", "Assignee", "Due", "Done"]
        rows: list[list[Any]] = [[para(h, self.st["label"]) for h in header]]
        for task in tasks:
            done = task.status is TaskStatus.DONE
            rows.append([
                BOX_TICKED if done else BOX_EMPTY, str(task.position),
                para(task.name, self.st["body"]), para(task.assignee_name or "—",
                                                       self.st["body"]),
                date_text(task.due_date, self.locale),
                date_text(task.done_at.astimezone().date(), self.locale) if task.done_at else "",
            ])
        widths = [7 * mm, 8 * mm, 0.0, 45 * mm, 22 * mm, 22 * mm]
        widths[2] = self.width - sum(widths)
        table = rule_table(rows, widths, header=True)
        table.setStyle(TableStyle([
            ("FONT", (0, 1), (-1, -1), REGULAR, 9),
            ("FONT", (0, 1), (0, -1), REGULAR, 12),
            ("TOPPADDING", (0, 1), (0, -1), 0),
        ]))
        return [*parts, table]

    def _description(self) -> list[Flowable]:
        order = self.order
        parts: list[Flowable] = [*self._heading("Description")]
        parts.append(para(order.description, self.st["body"]) if order.description.strip()
                     else self._none("No description."))
        notes = [
            ("On hold", order.hold_reason if order.on_hold else ""),
            ("Remake", order.remake_reason if order.is_remake else ""),
            ("Remake of", format_number(order.remake_of_number)
             if order.remake_of_number else ""),
            ("Copied from", format_number(order.copied_from_number)
             if order.copied_from_number else ""),
            ("Tracking number", order.tracking_number),
            ("Cancelled", order.cancel_reason if order.status is OrderStatus.CANCELLED else ""),
            ("Patient note", order.patient.note),
        ]
        present = [(label, text) for label, text in notes if text.strip()]
        if present:
            parts += self._heading("Notes")
            parts += [Paragraph(f"<b>{markup(label)}:</b> {markup(text)}", self.st["body"])
                      for label, text in present]
        return parts

    def _comments(self) -> list[Flowable]:
        parts: list[Flowable] = [*self._heading("Comments")]
        if not self.order.comments:
            return [*parts, self._none("No comments.")]
        for comment in self.order.comments:
            parts.append(Paragraph(
                f"<b>{markup(comment.author_name or '—')}</b> · "
                f"{datetime_text(comment.created_at, self.locale)}", self.st["small"]))
            parts.append(para(comment.body, self.st["body"]))
            parts.append(Spacer(1, 2 * mm))
        return parts

    def _signature(self) -> list[Flowable]:
        """Two signature-and-date pairs side by side, each a line with its caption below."""
        label = self.st["label"]
        captions = ("Technician signature", "", "Date", "", "Checked and released by", "",
                    "Date")
        shares = (0.3, 0.04, 0.14, 0.04, 0.3, 0.04, 0.14)
        lined = [i for i, caption in enumerate(captions) if caption]
        table = Table([[""] * len(captions), [para(c, label) if c else "" for c in captions]],
                      colWidths=[self.width * share for share in shares],
                      rowHeights=[10 * mm, None], hAlign="LEFT")
        table.setStyle(TableStyle(
            [("LINEBELOW", (i, 0), (i, 0), 0.6, RULE) for i in lined]
            + [("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1)]))
        return [KeepTogether([Spacer(1, 4 * mm), table])]


def write_order_forms(orders: Sequence[OrderDetail], org: OrganisationSettings, target: Target,
                      *, sections: Iterable[str] = DEFAULT_SECTIONS, paper: str = "a4",
                      fonts_dir: Path, locale: str = DEFAULT_LOCALE,
                      on_order: Callable[[int], None] | None = None) -> tuple[str, ...]:
    """One PDF with each order starting on a new page; returns notes on what was left out.

    ``on_order(i)`` is called as the i-th order (0-based) starts on the page and once more
    with ``len(orders)`` at the end; it may raise to abandon the document.
    """
    chosen = check_sections(sections)
    styles(fonts_dir)
    notes: list[str] = []
    title = (f"Work order {orders[0].number_text}" if len(orders) == 1
             else f"{len(orders)} work orders")
    doc = page_document(target, paper, title, org.name)
    logo = logo_image(org, 26 * mm, 20 * mm, notes)
    story: list[Flowable] = []
    for index, order in enumerate(orders):
        if index:
            story.append(PageBreak())
        started = (lambda i=index: on_order(i)) if on_order else None
        story.append(PageGroup(order.number_text, started))
        story += _Form(order, org, chosen, doc.width, fonts_dir, logo, notes, locale).story()
        notes += unprintable_notes(order)
    doc.build(story, canvasmaker=NumberedCanvas)
    if on_order is not None:
        on_order(len(orders))
    return tuple(dict.fromkeys(notes))


def write_order_form(order: OrderDetail, org: OrganisationSettings, target: Target, *,
                     sections: Iterable[str] = DEFAULT_SECTIONS, paper: str = "a4",
                     fonts_dir: Path, locale: str = DEFAULT_LOCALE) -> tuple[str, ...]:
    return write_order_forms([order], org, target, sections=sections, paper=paper,
                             fonts_dir=fonts_dir, locale=locale)
