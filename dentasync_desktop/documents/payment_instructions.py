"""Payment instructions: how the customer pays the dental lab for one order.

The sheet shows the lab's bank details, the amount still due and the order number as the
payment reference. For euro amounts it adds a SEPA (EPC) QR code that banking apps read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ..domain.bank import EPC_MAX_NAME, clean_bic, clean_iban
from ..domain.dto import LabInfo, OrderDetail, OrganisationSettings
from ..domain.errors import ValidationError
from ..domain.formats import DEFAULT_LOCALE
from . import barcodes
from .pdf_layout import (
    RULE,
    SHADE,
    NumberedCanvas,
    PageGroup,
    Target,
    date_text,
    header_table,
    logo_image,
    markup,
    money_text,
    page_document,
    para,
    rule_table,
    styles,
    unprintable_notes,
)

EPC_MAX_AMOUNT = 999_999_999_99


def group_iban(iban: str) -> str:
    """"DE89370400440532013000" -> "DE89 3704 0044 0532 0130 00", as banks print it."""
    compact = "".join(iban.split()).upper()
    return " ".join(compact[i:i + 4] for i in range(0, len(compact), 4))


def bank_problem(lab: LabInfo) -> str | None:
    """Why the lab's stored IBAN or BIC cannot be used (saved before they were checked)."""
    try:
        clean_iban(lab.iban)
        clean_bic(lab.bic)
    except ValidationError as error:
        return error.message
    return None


def epc_payload(order: OrderDetail) -> str | None:
    """The SEPA credit-transfer QR text, or None when the order cannot be paid that way."""
    lab, due = order.lab, order.balance
    iban = "".join(lab.iban.split()).upper()
    if due.currency != "EUR" or not iban or not 0 < due.minor <= EPC_MAX_AMOUNT:
        return None
    if bank_problem(lab):
        return None
    name = (lab.account_holder.strip() or lab.name.strip())[:EPC_MAX_NAME]
    return "\n".join(("BCD", "002", "1", "SCT", "".join(lab.bic.split()).upper(), name, iban,
                      f"EUR{due.amount_text()}", "", "", order.number_text))


class _Sheet:
    def __init__(self, order: OrderDetail, org: OrganisationSettings, width: float,
                 fonts_dir: Path, notes: list[str], locale: str) -> None:
        self.order = order
        self.locale = locale
        self.org = org
        self.width = width
        self.fonts_dir = fonts_dir
        self.st = styles(fonts_dir)
        self.notes = notes

    def story(self) -> list[Flowable]:
        order, st = self.order, self.st
        logo = logo_image(self.org, 26 * mm, 20 * mm, self.notes)
        right: list[Flowable] = [Paragraph("PAYMENT INSTRUCTIONS", st["label_right"]),
                                 Paragraph(order.number_text, st["number"])]
        story: list[Flowable] = [
            PageGroup(order.number_text),
            header_table(self.org, right, self.width, self.fonts_dir, logo),
            Spacer(1, 4 * mm),
            self._order_facts(),
            Spacer(1, 5 * mm),
            self._amount_due(),
        ]
        story += self._installments()
        story += [Paragraph("Pay to", st["heading"]), self._bank_details()]
        story.append(Spacer(1, 5 * mm))
        story.append(Paragraph(
            f"Please quote the payment reference <b>{markup(order.number_text)}</b> so the "
            "payment is matched to this work order.", st["body"]))
        return story

    def _pairs(self, rows: list[tuple[str, Any]], label_width: float,
               width: float) -> Table:
        cells = [[para(label, self.st["label"]),
                  value if isinstance(value, Flowable) else para(value or "—", self.st["body"])]
                 for label, value in rows]
        return rule_table(cells, [label_width, width - label_width])

    def _order_facts(self) -> Table:
        order = self.order
        customer = order.customer.name
        if order.customer.clinic.strip():
            customer += f", {order.customer.clinic}"
        return self._pairs([
            ("Work order", Paragraph(markup(order.number_text), self.st["strong"])),
            ("Patient", order.patient.full_name),
            ("Customer", customer),
            ("Dental lab", order.lab.name),
            ("Documented", date_text(order.documented_at, self.locale)),
            ("Due date", date_text(order.due_date, self.locale)),
        ], 35 * mm, self.width)

    def _amount_due(self) -> Table:
        order = self.order
        due = order.balance
        if due.minor <= 0:
            self.notes.append(f"Nothing is due on {order.number_text}: it is paid in full.")
        cells = [[Paragraph("Amount due", self.st["label"])],
                 [Paragraph(markup(money_text(due, self.locale)), self.st["big"])],
                 [Paragraph(markup(f"Total {money_text(order.total, self.locale)} · paid "
                                   f"{money_text(order.paid, self.locale)}"), self.st["small"])]]
        table = Table(cells, colWidths=[self.width], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (0, 0), 6),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
        ]))
        return table

    def _installments(self) -> list[Flowable]:
        plan = self.order.plan
        if plan is None or not plan.installment:
            return []
        open_ones = [inst for inst in plan.installments if not inst.paid]
        if not open_ones:
            return []
        rows: list[list[Any]] = [[para(h, self.st["label"])
                                  for h in ("#", "Due", "Amount", "Still open")]]
        for inst in open_ones:
            rows.append([str(inst.seq), date_text(inst.due_date, self.locale),
                         money_text(inst.amount, self.locale),
                         money_text(inst.amount - inst.covered, self.locale)
                         + (" (overdue)" if inst.overdue else "")])
        widths = [10 * mm, 30 * mm, 40 * mm, 0.0]
        widths[3] = self.width - sum(widths)
        return [Paragraph("Open installments", self.st["heading"]),
                rule_table(rows, widths, header=True)]

    def _bank_details(self) -> Table:
        lab = self.order.lab
        problem = bank_problem(lab)
        iban = "" if problem else group_iban(lab.iban)
        if not lab.iban.strip():
            self.notes.append(f"{lab.name} has no IBAN on file, so the sheet shows no bank "
                              "account. Add it to the dental lab's details.")
        elif problem:
            self.notes.append(f"The bank details of {lab.name} are not valid ({problem}), so "
                              "the sheet shows no bank account. Correct the dental lab's "
                              "details.")
        reference = Paragraph(markup(self.order.number_text), self.st["strong"])
        rows: list[tuple[str, Any]] = [
            ("Account holder", lab.account_holder.strip() or lab.name),
            ("Bank", lab.bank_name),
            ("IBAN", Paragraph(markup(iban) or "not on file — please ask "
                               "the lab", self.st["strong"])),
            ("BIC", "" if problem else lab.bic.strip().upper()),
            ("Payment reference", reference),
        ]
        if lab.payment_note.strip():
            rows.append(("Note", lab.payment_note))
        payload = epc_payload(self.order)
        qr_width = 34 * mm if payload else 0
        details = self._pairs(rows, 35 * mm, self.width - qr_width)
        if payload is None:
            return details
        scan = [barcodes.qr_code(payload, qr_width - 4 * mm),
                Paragraph("Scan with a banking app (SEPA transfer)", self.st["small"])]
        table = Table([[details, scan]], colWidths=[self.width - qr_width, qr_width],
                      hAlign="LEFT")
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (1, 0), (1, 0), 4 * mm),
        ]))
        return table


def write_payment_instructions(order: OrderDetail, org: OrganisationSettings, target: Target,
                               *, paper: str = "a4", fonts_dir: Path,
                               locale: str = DEFAULT_LOCALE) -> tuple[str, ...]:
    """The sheet for one order; returns notes on anything missing from it."""
    styles(fonts_dir)
    doc = page_document(target, paper, f"Payment instructions {order.number_text}", org.name)
    notes: list[str] = []
    doc.build(_Sheet(order, org, doc.width, fonts_dir, notes, locale).story(),
              canvasmaker=NumberedCanvas)
    return tuple(dict.fromkeys([*notes, *unprintable_notes(order)]))
