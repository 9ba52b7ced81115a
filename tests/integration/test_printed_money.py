"""Printed money adds up: after a price adjustment the order form and the payment instructions
show the adjustment as a line of its own, read back from the PDFs as a reader sees them."""

from __future__ import annotations

import os
import re
from datetime import date
from io import BytesIO
from pathlib import Path

from dentasync_desktop.documents.order_form import write_order_form
from dentasync_desktop.documents.payment_instructions import write_payment_instructions
from dentasync_desktop.documents.print_options import SECTIONS
from dentasync_desktop.domain.dto import (
    ItemInput,
    LabInput,
    OrderDetail,
    PatientInput,
    PaymentInput,
    PaymentPlanInput,
)
from dentasync_desktop.domain.enums import IntervalUnit, PaymentMethod
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services import masterdata, orders, payments
from dentasync_desktop.services.order_detail import get_order

from ..documents_samples import FONTS_DIR, ORGANISATION, needs_pdftotext, pdf_text
from ..factories import World

pytestmark = needs_pdftotext


def adjusted_order(world: World) -> OrderDetail:
    """571.00 of items under a plan of three installments, 100.00 paid, then the price
    adjusted to 600.00: the case the issue printed without an explanation."""
    uow, admin = world.uow, world.admin
    order = orders.create_order(uow(), admin, world.order_input(items=(
        ItemInput("Zirconia crown", 2, Money(25000, "EUR"), world.service_id, (11, 21)),
        ItemInput("Shade matching", 1, Money(7100, "EUR")),
    )))
    payments.set_payment_plan(uow(), admin, order.id, PaymentPlanInput(
        Money(57100, "EUR"), PaymentMethod.BANK_TRANSFER, 3, date(2026, 11, 10), 1,
        IntervalUnit.MONTHS))
    payments.record_payment(uow(), admin, order.id, PaymentInput(
        date(2026, 11, 4), Money(10000, "EUR"), PaymentMethod.CARD))
    current = get_order(uow(), admin, order.id)
    return orders.adjust_price(uow(), admin, order.id, current.version, Money(60000, "EUR"))


def amounts(text: str) -> list[str]:
    return re.findall(r"[+-]?€\d[\d,]*\.\d\d", text)


def test_the_order_form_shows_items_and_adjustment_adding_up_to_the_total(
        world: World) -> None:
    order = adjusted_order(world)
    assert (order.items_total, order.price_adjustment) == (Money(57100, "EUR"),
                                                          Money(2900, "EUR"))
    out = BytesIO()
    write_order_form(order, ORGANISATION, out, sections=SECTIONS, fonts_dir=FONTS_DIR)
    text = pdf_text(out.getvalue())
    totals = text[text.index("Items\n"):] if "Items\n" in text else text
    assert "Price adjustment" in text
    assert "+€29.00" in text
    if os.environ.get("DENTASYNC_SCREENSHOTS"):  # for a human to look at
        Path(os.environ["DENTASYNC_SCREENSHOTS"], "adjusted_order_form.pdf").write_bytes(
            out.getvalue())
    figures = amounts(totals)
    assert figures[:5] == ["€571.00", "+€29.00", "€600.00", "€100.00", "€500.00"]


def test_the_payment_instructions_explain_the_due_amount_against_the_installments(
        world: World) -> None:
    order = adjusted_order(world)
    out = BytesIO()
    write_payment_instructions(order, ORGANISATION, out, fonts_dir=FONTS_DIR)
    if os.environ.get("DENTASYNC_SCREENSHOTS"):
        Path(os.environ["DENTASYNC_SCREENSHOTS"], "adjusted_payment_instructions.pdf"
             ).write_bytes(out.getvalue())
    text = " ".join(pdf_text(out.getvalue()).split())
    assert "€500.00" in text  # the amount due
    assert ("Total €600.00 (items €571.00, price adjustment +€29.00) · paid "
            "€100.00") in text
    assert "Open installments €471.00" in text
    assert "Price adjustment, not in the installments +€29.00" in text
    assert "Amount due €500.00" in text


def test_an_unadjusted_order_prints_no_adjustment_line(world: World) -> None:
    order = orders.create_order(world.uow(), world.admin, world.order_input())
    out = BytesIO()
    write_order_form(order, ORGANISATION, out, sections=SECTIONS, fonts_dir=FONTS_DIR)
    write_payment_instructions(order, ORGANISATION, BytesIO(), fonts_dir=FONTS_DIR)
    assert "adjustment" not in pdf_text(out.getvalue()).casefold()


def test_the_order_form_prints_the_patients_contact_and_the_labs_address(world: World) -> None:
    uow, admin = world.uow, world.admin
    patient = masterdata.save_patient(uow(), admin, PatientInput(
        last_name="Yılmaz", first_name="Ğül", phone="+49 30 1234", contact_person="Ayşe Yılmaz",
        address="Kastanienallee 12\n10435 Berlin"))
    lab = masterdata.get_lab(uow(), admin, world.lab_id)
    masterdata.save_lab(uow(), admin, LabInput(
        name=lab.name, contact_person="Jürgen Öztürk", address="Werkstraße 3\n80331 München",
        id=lab.id))
    order = orders.create_order(uow(), admin, world.order_input(patient_id=patient.id))
    out = BytesIO()
    write_order_form(order, ORGANISATION, out, sections=SECTIONS, fonts_dir=FONTS_DIR)
    text = pdf_text(out.getvalue())
    for expected in ("+49 30 1234", "Contact: Ayşe Yılmaz", "Jürgen Öztürk",
                     "Kastanienallee 12", "10435 Berlin", "Werkstraße 3", "80331 München"):
        assert expected in text
