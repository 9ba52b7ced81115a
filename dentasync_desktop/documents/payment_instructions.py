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
from ..domain.money import Money
from ..i18n import translate
from . import barcodes
from .pdf_layout import (
    RULE,
    SHADE,
    NumberedCanvas,
    PageGroup,
    Target,
    date_text,
    document_language,
    header_table,
    logo_image,
    markup,
    money_text,
    page_document,
    para,
    rule_table,
    signed_money_text,
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
                 fonts_dir: Path, notes: list[str], language: str) -> None:
        self.language = language
        self.order = order
        self.org = org
        self.width = width
        self.fonts_dir = fonts_dir
        self.st = styles(fonts_dir)
        self.notes = notes

    def story(self) -> list[Flowable]:
        order, st, language = self.order, self.st, self.language
        logo = logo_image(self.org, 26 * mm, 20 * mm, self.notes)
        right: list[Flowable] = [Paragraph(markup(translate("documents", "PAYMENT INSTRUCTIONS",
                                                            None, language)),
                                           st["label_right"]),
                                 Paragraph(order.number_text, st["number"])]
        story: list[Flowable] = [
            PageGroup(order.number_text, language=language),
            header_table(self.org, right, self.width, self.fonts_dir, logo),
            Spacer(1, 4 * mm),
            self._order_facts(),
            Spacer(1, 5 * mm),
            self._amount_due(),
        ]
        story += self._installments()
        story += [Paragraph(markup(translate("documents", "Pay to", None, language)),
                            st["heading"]), self._bank_details()]
        story.append(Spacer(1, 5 * mm))
        story.append(Paragraph(markup(translate(
            "documents", "Please quote the payment reference {reference} so the payment is "
            "matched to this work order.", None, language)).format(
                reference=f"<b>{markup(order.number_text)}</b>"), st["body"]))
        return story

    def _pairs(self, rows: list[tuple[str, Any]], label_width: float,
               width: float) -> Table:
        cells = [[para(caption, self.st["label"]),
                  value if isinstance(value, Flowable) else para(value or "—", self.st["body"])]
                 for caption, value in rows]
        return rule_table(cells, [label_width, width - label_width])

    def _order_facts(self) -> Table:
        order, language = self.order, self.language
        customer = order.customer.name
        if order.customer.clinic.strip():
            customer += f", {order.customer.clinic}"
        return self._pairs([
            (translate("documents", "Work order", None, language),
             Paragraph(markup(order.number_text), self.st["strong"])),
            (translate("documents", "Patient", None, language), order.patient.full_name),
            (translate("documents", "Customer", None, language), customer),
            (translate("documents", "Dental lab", None, language), order.lab.name),
            (translate("documents", "Documented", None, language),
             date_text(order.documented_at, language)),
            (translate("documents", "Due date", None, language),
             date_text(order.due_date, language)),
        ], 35 * mm, self.width)

    def _amount_due(self) -> Table:
        order, language = self.order, self.language
        due = order.balance
        if due.minor <= 0:
            self.notes.append(translate("documents", "Nothing is due on {number}: it is paid in "
                                                     "full.").format(number=order.number_text))
        cells = [[Paragraph(markup(translate("documents", "Amount due", None, language)),
                            self.st["label"])],
                 [Paragraph(markup(money_text(due, language)), self.st["big"])],
                 [Paragraph(markup(self._due_explained()), self.st["small"])]]
        table = Table(cells, colWidths=[self.width], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), SHADE),
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (0, 0), 6),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
        ]))
        return table

    def _due_explained(self) -> str:
        """Total, its adjustment and what is paid, so that the amount due adds up on paper."""
        order, language = self.order, self.language
        if not order.price_adjustment.minor:
            return translate("documents", "Total {total} · paid {paid}", None, language).format(
                total=money_text(order.total, language), paid=money_text(order.paid, language))
        return translate("documents", "Total {total} (items {items}, price adjustment "
                                      "{adjustment}) · paid {paid}", None, language).format(
            total=money_text(order.total, language),
            items=money_text(order.items_total, language),
            adjustment=signed_money_text(order.price_adjustment, language),
            paid=money_text(order.paid, language))

    def _installments(self) -> list[Flowable]:
        plan = self.order.plan
        if plan is None or not plan.installment:
            return []
        open_ones = [inst for inst in plan.installments if not inst.paid]
        if not open_ones:
            return []
        language = self.language
        header = ("#", translate("documents", "Due", None, language),
                  translate("documents", "Amount", None, language),
                  translate("documents", "Still open", None, language))
        overdue = " " + translate("documents", "(overdue)", None, language)
        rows: list[list[Any]] = [[para(h, self.st["label"]) for h in header]]
        for inst in open_ones:
            rows.append([str(inst.seq), date_text(inst.due_date, language),
                         money_text(inst.amount, language),
                         money_text(inst.amount - inst.covered, language)
                         + (overdue if inst.overdue else "")])
        still_open = Money.zero(self.order.total.currency)
        for inst in open_ones:
            still_open += inst.amount - inst.covered
        outside = self.order.balance - still_open
        if outside.minor:
            # The price changed after the plan was made: the installments alone no longer
            # add up to the amount due, so the difference gets a line of its own.
            rows += [["", para(translate("documents", "Open installments", None, language),
                               self.st["body"]), "", money_text(still_open, language)],
                     ["", para(translate("documents", "Price adjustment, not in the installments",
                                         None, language), self.st["body"]),
                      "", signed_money_text(outside, language)],
                     ["", para(translate("documents", "Amount due", None, language),
                               self.st["strong"]), "",
                      para(money_text(self.order.balance, language), self.st["strong"])]]
        widths = [10 * mm, 30 * mm, 40 * mm, 0.0]
        widths[3] = self.width - sum(widths)
        table = rule_table(rows, widths, header=True)
        if outside.minor:
            first = len(rows) - 3
            table.setStyle(TableStyle([("SPAN", (1, row), (2, row))
                                       for row in range(first, len(rows))]))
        return [Paragraph(markup(translate("documents", "Open installments", None, language)),
                          self.st["heading"]), table]

    def _bank_details(self) -> Table:
        lab, language = self.order.lab, self.language
        problem = bank_problem(lab)
        iban = "" if problem else group_iban(lab.iban)
        if not lab.iban.strip():
            self.notes.append(translate("documents", "{lab} has no IBAN on file, so the sheet "
                                        "shows no bank account. Add it to the dental lab's "
                                        "details.").format(lab=lab.name))
        elif problem:
            self.notes.append(translate("documents", "The bank details of {lab} are not valid "
                                        "({problem}), so the sheet shows no bank account. "
                                        "Correct the dental lab's details.").format(
                lab=lab.name, problem=problem))
        reference = Paragraph(markup(self.order.number_text), self.st["strong"])
        missing = translate("documents", "not on file — please ask the lab", None, language)
        rows: list[tuple[str, Any]] = [
            (translate("documents", "Account holder", None, language),
             lab.account_holder.strip() or lab.name),
            (translate("documents", "Bank", None, language), lab.bank_name),
            ("IBAN", Paragraph(markup(iban or missing), self.st["strong"])),
            ("BIC", "" if problem else lab.bic.strip().upper()),
            (translate("documents", "Payment reference", None, language), reference),
        ]
        if lab.payment_note.strip():
            rows.append((translate("documents", "Note", None, language), lab.payment_note))
        payload = epc_payload(self.order)
        qr_width = 34 * mm if payload else 0
        details = self._pairs(rows, 35 * mm, self.width - qr_width)
        if payload is None:
            return details
        scan = [barcodes.qr_code(payload, qr_width - 4 * mm),
                Paragraph(markup(translate("documents", "Scan with a banking app (SEPA transfer)",
                                           None, language)), self.st["small"])]
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
                               language: str | None = None) -> tuple[str, ...]:
    """The sheet for one order in ``language``, else in its lab's document language; returns
    notes on anything missing from it, in the app's language."""
    styles(fonts_dir)
    language = document_language(order, language)
    title = translate("documents", "Payment instructions {number}", None, language).format(
        number=order.number_text)
    doc = page_document(target, paper, title, org.name)
    notes: list[str] = []
    doc.build(_Sheet(order, org, doc.width, fonts_dir, notes, language).story(),
              canvasmaker=NumberedCanvas)
    return tuple(dict.fromkeys([*notes, *unprintable_notes(order)]))
