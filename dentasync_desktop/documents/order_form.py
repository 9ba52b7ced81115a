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
from ..domain.numbers import format_number
from ..domain.teeth import format_teeth
from ..i18n import label, translate
from . import barcodes
from .fonts import BOLD, REGULAR
from .pdf_layout import (
    RULE,
    NumberedCanvas,
    PageGroup,
    Target,
    date_text,
    datetime_text,
    document_language,
    header_table,
    logo_image,
    markup,
    money_text,
    order_teeth,
    page_document,
    para,
    rule_table,
    signed_money_text,
    styles,
    unprintable_notes,
)
from .print_options import DEFAULT_SECTIONS, check_sections
from .teeth_diagram import teeth_drawing

BOX_EMPTY, BOX_TICKED = "☐", "☑"
HEADING_ROOM = 25 * mm  # a heading starts a new page unless this much fits below it




class _Form:
    """Builds the flowables of one order; notes collect what was left out and why."""

    def __init__(self, order: OrderDetail, org: OrganisationSettings, sections: frozenset[str],
                 width: float, fonts_dir: Path, logo: Any, notes: list[str],
                 language: str) -> None:
        self.language = language
        self.order = order
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
        number, language = self.order.number_text, self.language
        right: list[Flowable] = [
            Paragraph(markup(translate("documents", "WORK ORDER", None, language)),
                      self.st["label_right"]),
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
        order, language = self.order, self.language
        status = label(order.status, language)
        if order.on_hold:
            status += " " + translate("documents", "(on hold)", None, language)
        if order.is_remake:
            status += " · " + translate("documents", "remake", None, language)
        facts = ((translate("documents", "Status", None, language), status),
                 (translate("documents", "Documented", None, language),
                  date_text(order.documented_at, language)),
                 (translate("documents", "Due date", None, language),
                  date_text(order.due_date, language)),
                 (translate("documents", "Shade", None, language), order.shade or "—"))
        cells = [[para(caption, self.st["label"]) for caption, _ in facts],
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
        order, language = self.order, self.language
        customer, patient, lab = order.customer, order.patient, order.lab
        born = (translate("documents", "born {date}", None, language).format(
            date=date_text(patient.date_of_birth, language)) if patient.date_of_birth else "")
        columns = (
            (translate("documents", "Customer", None, language), customer.name,
             (customer.clinic, customer.phone, customer.email)),
            (translate("documents", "Patient", None, language), patient.full_name,
             (born, patient.phone,
              translate("documents", "Contact: {name}", None, language).format(
                  name=patient.contact_person) if patient.contact_person.strip() else "",
              *patient.address.splitlines())),
            # Where the case goes and whom to call about it.
            (translate("documents", "Dental lab", None, language), lab.name,
             (lab.contact_person, lab.phone, lab.email, *lab.address.splitlines())),
        )
        cells = []
        for caption, name, details in columns:
            cell: list[Flowable] = [para(caption, self.st["label"]), para(name or "—",
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
        order, language = self.order, self.language
        chosen = order_teeth(order)
        lines: list[Flowable] = [
            para(translate("documents", "Ordered teeth", None, language), self.st["label"]),
            para(format_teeth(chosen) or translate("documents", "No teeth recorded", None,
                                                   language), self.st["strong"]),
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
        return [KeepTogether([*self._heading(translate("documents", "Teeth (FDI)", None,
                                                        language)), table])]

    def _items(self) -> list[Flowable]:
        language = self.language
        parts: list[Flowable] = [*self._heading(translate("documents", "Items and services",
                                                          None, language))]
        items = self.order.items
        if not items:
            return [*parts, self._none(translate("documents", "No items.", None, language))]
        prices = "prices" in self.sections
        body, small = self.st["body"], self.st["small"]
        right = (3, 4, 5) if prices else (3,)
        header = ["#", translate("documents", "Service", None, language),
                  translate("documents", "Teeth", None, language),
                  translate("documents", "Qty", None, language)]
        if prices:
            header += [translate("documents", "Unit price", None, language),
                       translate("documents", "Amount", None, language)]
        rows: list[list[Any]] = [[para(h, self.st["label_right" if i in right else "label"])
                                  for i, h in enumerate(header)]]
        for item in items:
            row: list[Any] = [str(item.position), para(item.description, body),
                              para(format_teeth(item.teeth), small), str(item.quantity)]
            if prices:
                row += [money_text(item.unit_price, self.language),
                        money_text(item.line_total, self.language)]
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
        order, language = self.order, self.language
        lines: list[tuple[str, str]] = []
        if order.price_adjustment.minor:
            # The items and the adjustment add up to the total on paper.
            lines += [(translate("documents", "Items", None, language),
                       money_text(order.items_total, language)),
                      (translate("documents", "Price adjustment", None, language),
                       signed_money_text(order.price_adjustment, language))]
        lines += [(caption, money_text(amount, language)) for caption, amount in (
            (translate("documents", "Total", None, language), order.total),
            (translate("documents", "Paid", None, language), order.paid),
            (translate("documents", "Balance", None, language), order.balance))]
        rows = [[para(caption, self.st["strong"]), text] for caption, text in lines]
        table = Table(rows, colWidths=[money_width * 1.4, money_width], hAlign="RIGHT")
        table.setStyle(TableStyle([
            ("FONT", (1, 0), (1, -1), BOLD, 9),
            ("ALIGN", (1, 0), (1, -1), "RIGHT"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]))
        return table

    def _work_plan(self) -> list[Flowable]:
        language = self.language
        parts: list[Flowable] = [*self._heading(translate("documents", "Work plan", None,
                                                          language))]
        tasks = self.order.tasks
        if not tasks:
            return [*parts, self._none(translate("documents", "No work plan.", None, language))]
        header = ["", "#", translate("documents", "Task", None, language),
                  translate("documents", "Assignee", None, language),
                  translate("documents", "Due", None, language),
                  translate("documents", "Done", None, language)]
        rows: list[list[Any]] = [[para(h, self.st["label"]) for h in header]]
        for task in tasks:
            done = task.status is TaskStatus.DONE
            rows.append([
                BOX_TICKED if done else BOX_EMPTY, str(task.position),
                para(task.name, self.st["body"]), para(task.assignee_name or "—",
                                                       self.st["body"]),
                date_text(task.due_date, self.language),
                date_text(task.done_at.astimezone().date(), self.language) if task.done_at else "",
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
        order, language = self.order, self.language
        parts: list[Flowable] = [*self._heading(translate("documents", "Description", None,
                                                          language))]
        parts.append(para(order.description, self.st["body"]) if order.description.strip()
                     else self._none(translate("documents", "No description.", None, language)))
        notes = [
            (translate("documents", "On hold", None, language),
             order.hold_reason if order.on_hold else ""),
            (translate("documents", "Remake", None, language),
             order.remake_reason if order.is_remake else ""),
            (translate("documents", "Remake of", None, language),
             format_number(order.remake_of_number) if order.remake_of_number else ""),
            (translate("documents", "Copied from", None, language),
             format_number(order.copied_from_number) if order.copied_from_number else ""),
            (translate("documents", "Tracking number", None, language), order.tracking_number),
            (translate("documents", "Cancelled", None, language),
             order.cancel_reason if order.status is OrderStatus.CANCELLED else ""),
            (translate("documents", "Patient note", None, language), order.patient.note),
        ]
        present = [(caption, text) for caption, text in notes if text.strip()]
        if present:
            parts += self._heading(translate("documents", "Notes", None, language))
            parts += [Paragraph(f"<b>{markup(caption)}:</b> {markup(text)}", self.st["body"])
                      for caption, text in present]
        return parts

    def _comments(self) -> list[Flowable]:
        language = self.language
        parts: list[Flowable] = [*self._heading(translate("documents", "Comments", None,
                                                          language))]
        if not self.order.comments:
            return [*parts, self._none(translate("documents", "No comments.", None, language))]
        for comment in self.order.comments:
            parts.append(Paragraph(
                f"<b>{markup(comment.author_name or '—')}</b> · "
                f"{datetime_text(comment.created_at, self.language)}", self.st["small"]))
            parts.append(para(comment.body, self.st["body"]))
            parts.append(Spacer(1, 2 * mm))
        return parts

    def _signature(self) -> list[Flowable]:
        """Two signature-and-date pairs side by side, each a line with its caption below."""
        style, language = self.st["label"], self.language
        date = translate("documents", "Date", None, language)
        captions = (translate("documents", "Technician signature", None, language), "", date, "",
                    translate("documents", "Checked and released by", None, language), "", date)
        shares = (0.3, 0.04, 0.14, 0.04, 0.3, 0.04, 0.14)
        lined = [i for i, caption in enumerate(captions) if caption]
        table = Table([[""] * len(captions), [para(c, style) if c else "" for c in captions]],
                      colWidths=[self.width * share for share in shares],
                      rowHeights=[10 * mm, None], hAlign="LEFT")
        table.setStyle(TableStyle(
            [("LINEBELOW", (i, 0), (i, 0), 0.6, RULE) for i in lined]
            + [("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1)]))
        return [KeepTogether([Spacer(1, 4 * mm), table])]


def write_order_forms(orders: Sequence[OrderDetail], org: OrganisationSettings, target: Target,
                      *, sections: Iterable[str] = DEFAULT_SECTIONS, paper: str = "a4",
                      fonts_dir: Path, language: str | None = None,
                      on_order: Callable[[int], None] | None = None) -> tuple[str, ...]:
    """One PDF with each order starting on a new page, each in ``language`` or else in its
    lab's document language (see pdf_layout.document_language); returns notes on what was left
    out, in the app's language.

    ``on_order(i)`` is called as the i-th order (0-based) starts on the page and once more
    with ``len(orders)`` at the end; it may raise to abandon the document.
    """
    chosen = check_sections(sections)
    styles(fonts_dir)
    notes: list[str] = []
    count = len(orders)
    first = document_language(orders[0], language)
    title = (translate("documents", "Work order {number}", None, first).format(
                 number=orders[0].number_text) if count == 1
             else translate("documents", "%n work order(s)", None, first, count))
    doc = page_document(target, paper, title, org.name)
    logo = logo_image(org, 26 * mm, 20 * mm, notes)
    story: list[Flowable] = []
    for index, order in enumerate(orders):
        if index:
            story.append(PageBreak())
        started = (lambda i=index: on_order(i)) if on_order else None
        words = document_language(order, language)
        story.append(PageGroup(order.number_text, started, words))
        story += _Form(order, org, chosen, doc.width, fonts_dir, logo, notes, words).story()
        notes += unprintable_notes(order)
    doc.build(story, canvasmaker=NumberedCanvas)
    if on_order is not None:
        on_order(len(orders))
    return tuple(dict.fromkeys(notes))


def write_order_form(order: OrderDetail, org: OrganisationSettings, target: Target, *,
                     sections: Iterable[str] = DEFAULT_SECTIONS, paper: str = "a4",
                     fonts_dir: Path, language: str | None = None) -> tuple[str, ...]:
    return write_order_forms([order], org, target, sections=sections, paper=paper,
                             fonts_dir=fonts_dir, language=language)
