"""Documents write dates and amounts the way of their language, read back from the PDF."""

from __future__ import annotations

import pytest

from dentasync_desktop.documents.box_label import write_box_label
from dentasync_desktop.documents.order_form import write_order_form
from dentasync_desktop.documents.payment_instructions import write_payment_instructions
from dentasync_desktop.documents.print_options import SECTIONS
from dentasync_desktop.domain.money import Money
from dentasync_desktop.i18n import translate

from ..documents_samples import ORGANISATION, needs_pdftotext, pdf_text, render, sample_order

# pdftotext turns the no-break spaces between digits and currency into plain spaces.
BIG = sample_order(total=Money(165000, "EUR"), paid=Money(0, "EUR"))


def words(data: bytes) -> str:
    return " ".join(pdf_text(data).replace("\xa0", " ").replace("\u202f", " ").split())


@needs_pdftotext
@pytest.mark.parametrize(("language", "amount", "day", "born"), [
    ("de", "1.650,00 €", "09.11.2026", "17.05.1980"),
    ("fr", "1 650,00 €", "09/11/2026", "17/05/1980"),
    ("es", "1650,00 €", "9/11/2026", "17/5/1980"),
    ("en", "€1,650.00", "11/9/2026", "5/17/1980"),
])
def test_the_order_form_follows_its_language(language: str, amount: str, day: str,
                                             born: str) -> None:
    data, _ = render(write_order_form, BIG, ORGANISATION, sections=SECTIONS, language=language)
    text = words(data)
    # The total's caption may wrap beside the adjustment line: the balance has a row of its own.
    balance = translate("documents", "Balance", None, language)
    assert f"{balance} {amount}" in text and text.count(amount) >= 2
    assert day in text
    assert translate("documents", "born {date}", None, language).format(date=born) in text


@needs_pdftotext
def test_payment_instructions_and_labels_in_german() -> None:
    data, _ = render(write_payment_instructions, BIG, ORGANISATION, language="de")
    due = translate("documents", "Amount due", None, "de")
    assert f"{due} 1.650,00 €" in words(data)
    label, _ = render(write_box_label, BIG, ORGANISATION, language="de")
    assert translate("documents", "Due {date}", None, "de").format(date="09.11.2026") in (
        words(label))
