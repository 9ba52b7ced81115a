"""Box labels and payment instructions, read back with pdftotext; text-fitting helpers."""

from __future__ import annotations

from dataclasses import replace

import pytest
from reportlab.lib.units import inch, mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from dentasync_desktop.documents.box_label import write_box_label
from dentasync_desktop.documents.fonts import BOLD, register_fonts
from dentasync_desktop.documents.payment_instructions import (
    epc_payload,
    group_iban,
    write_payment_instructions,
)
from dentasync_desktop.documents.pdf_layout import ELLIPSIS, fit_text
from dentasync_desktop.documents.print_options import LABEL_SIZES, label_size
from dentasync_desktop.domain.dto import LabInfo, PatientInfo
from dentasync_desktop.domain.errors import ValidationError
from dentasync_desktop.domain.money import Money

from ..documents_samples import (
    FONTS_DIR,
    ORGANISATION,
    needs_pdftotext,
    pdf_text,
    render,
    sample_order,
    word_boxes,
)

LONG_PATIENT = PatientInfo(id=3, first_name="Maria-Magdalena Ğülşen",
                           last_name="Wiśniewska-Øresund-Schäfer von Hohenzollern-Sigmaringen")
LONG_LAB = LabInfo(id=1, name="Zahntechnisches Labor Müller & Söhne Gesellschaft mit "
                              "beschränkter Haftung, Niederlassung Ørsted")


def one_line(text: str) -> str:
    return " ".join(text.split())


@needs_pdftotext
@pytest.mark.parametrize(("size", "width", "height"),
                         [("62x29", 62 * mm, 29 * mm), ("4x6", 4 * inch, 6 * inch)])
def test_a_label_has_number_patient_lab_and_due_date_on_a_page_of_its_size(
        size: str, width: float, height: float) -> None:
    data, notes = render(write_box_label, sample_order(), ORGANISATION, size=size)
    text = one_line(pdf_text(data))
    for expected in ("WO-000123", "Ğül Yılmaz", "Zahntechnik Müller GmbH", "11/9/2026"):
        assert expected in text
    assert notes == ()
    (page,) = word_boxes(data)
    assert page.width == pytest.approx(width, abs=0.01)
    assert page.height == pytest.approx(height, abs=0.01)


@needs_pdftotext
@pytest.mark.parametrize("size", list(LABEL_SIZES))
def test_long_names_shrink_then_are_cut_and_never_leave_the_label(size: str) -> None:
    order = sample_order(patient=LONG_PATIENT, lab=LONG_LAB)
    data, notes = render(write_box_label, order, ORGANISATION, size=size)
    (page,) = word_boxes(data)
    for word in page.words:
        assert word.x_min > 0 and word.x_max < page.width, word
        assert word.y_min > 0 and word.y_max < page.height, word
    text = one_line(pdf_text(data))
    assert "Maria-Magdalena Ğülşen" in text and ELLIPSIS in text
    assert any("patient name was shortened" in note for note in notes)
    assert any("lab name was shortened" in note for note in notes)
    assert all(LABEL_SIZES[size].name in note for note in notes)


def test_an_unknown_label_size_is_refused_naming_the_field() -> None:
    assert label_size(" 4X6 ").key == "4x6"
    with pytest.raises(ValidationError) as error:
        label_size("A6")
    assert error.value.field == "size" and "62x29" in error.value.message


def test_fit_text_keeps_shrinks_or_cuts_to_the_width() -> None:
    register_fonts(FONTS_DIR)
    assert fit_text("  Anna   Schäfer ", BOLD, 10, 6, 200) == ("Anna Schäfer", 10, False)
    text, size, cut = fit_text("Anna Schäfer", BOLD, 10, 6, 50)
    assert (text, cut) == ("Anna Schäfer", False) and 6 <= size < 10
    assert stringWidth(text, BOLD, size) <= 50 + 1e-6
    text, size, cut = fit_text("Wiśniewska-Øresund " * 10, BOLD, 10, 6, 120)
    assert cut and size == 6 and text.endswith(ELLIPSIS)
    assert stringWidth(text, BOLD, size) <= 120


@needs_pdftotext
def test_payment_instructions_show_bank_details_amount_due_and_reference() -> None:
    data, notes = render(write_payment_instructions, sample_order(), ORGANISATION)
    text = one_line(pdf_text(data))
    for expected in (
        "Praxis Dr. Müller & Partner", "PAYMENT INSTRUCTIONS", "WO-000123", "Ğül Yılmaz",
        "Dr. Łukasz Nowak, Smile Clinic Ørsted", "Zahntechnik Müller GmbH",
        "Amount due €379.50", "Total €500.00 · paid €120.50",
        "Account holder Zahntechnik Müller GmbH", "Bank Commerzbank",
        "IBAN DE89 3704 0044 0532 0130 00", "BIC COBADEFFXXX",
        "Payment reference WO-000123", "Please pay within 14 days.",
        "Scan with a banking app", "WO-000123 · page 1 of 1",
    ):
        assert expected in text, expected
    assert notes == ()


@needs_pdftotext
def test_missing_bank_details_and_nothing_due_are_explained() -> None:
    order = sample_order(lab=LabInfo(id=1, name="Łukasz Dental Lab"), paid=Money(50000, "EUR"))
    data, notes = render(write_payment_instructions, order, ORGANISATION)
    text = one_line(pdf_text(data))
    assert "IBAN not on file" in text and "Amount due €0.00" in text
    assert "Scan with a banking app" not in text
    assert any("Łukasz Dental Lab has no IBAN" in note for note in notes)
    assert any("paid in full" in note for note in notes)


def test_iban_grouping_and_the_sepa_qr_payload() -> None:
    assert group_iban(" de89 3704004405320130 00") == "DE89 3704 0044 0532 0130 00"
    payload = epc_payload(sample_order())
    assert payload is not None
    assert payload.split("\n") == ["BCD", "002", "1", "SCT", "COBADEFFXXX",
                                   "Zahntechnik Müller GmbH", "DE89370400440532013000",
                                   "EUR379.50", "", "", "WO-000123"]
    order = sample_order()
    assert epc_payload(replace(order, total=Money(50000, "PLN"),
                               paid=Money(0, "PLN"))) is None
    assert epc_payload(replace(order, lab=LabInfo(id=1, name="No bank"))) is None
    assert epc_payload(replace(order, paid=order.total)) is None


@needs_pdftotext
@pytest.mark.parametrize("bank", [{"iban": "DE86370400440532013000"[:20]},
                                  {"iban": "XX46370400440532013000"}, {"bic": "COBAZZFF"}])
def test_bank_details_stored_before_they_were_checked_are_not_printed(
    bank: dict[str, str]
) -> None:
    """No QR code and no account to pay into: the money would go nowhere."""
    order = sample_order()
    order = replace(order, lab=replace(order.lab, **bank))
    assert epc_payload(order) is None
    data, notes = render(write_payment_instructions, order, ORGANISATION)
    text = one_line(pdf_text(data))
    assert "Scan with a banking app" not in text and "DE89 3704" not in text
    assert any("bank details of Zahntechnik Müller GmbH are not valid" in n for n in notes)
