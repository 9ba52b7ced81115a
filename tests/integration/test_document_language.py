"""A dental lab's documents print in its document language; the desk's notes stay in the app's.

German words are looked up in the committed dentasync_de.ts, so the test reads what a German
lab really gets (and fails while that file lacks them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dentasync_desktop.domain.dto import LabInput
from dentasync_desktop.domain.errors import ValidationError
from dentasync_desktop.i18n import translate
from dentasync_desktop.services import masterdata, printing, workplan

from ..documents_samples import needs_pdftotext, pdf_text
from ..factories import World
from .helpers import new_order, refused

FORM_WORDS = ("Customer", "Dental lab", "Due date", "Work plan", "Technician signature",
              "Checked and released by")


def german(source: str) -> str:
    words = translate("documents", source, None, "de")
    assert words != source, f"dentasync_de.ts does not translate {source!r}"
    return words


def set_language(world: World, language: str | None) -> None:
    lab = masterdata.get_lab(world.uow(), world.admin, world.lab_id)
    masterdata.save_lab(world.uow(), world.admin, LabInput(
        name=lab.name, iban=lab.iban, bic=lab.bic, account_holder=lab.account_holder,
        bank_name=lab.bank_name, id=lab.id, document_language=language))


def text_of(path: Path) -> str:
    return " ".join(pdf_text(path.read_bytes()).split())


def test_the_document_language_is_saved_and_cleared(world: World) -> None:
    set_language(world, "de")
    assert masterdata.get_lab(world.uow(), world.admin, world.lab_id).document_language == "de"
    set_language(world, None)
    assert masterdata.get_lab(world.uow(), world.admin, world.lab_id).document_language is None


def test_only_a_translated_language_is_taken(world: World) -> None:
    with refused(world, ValidationError) as info:
        set_language(world, "tlh")
    assert isinstance(info.value, ValidationError)
    assert (info.value.field, info.value.code) == ("document language", "one_of")


@needs_pdftotext
def test_a_german_labs_order_form_is_in_german(world: World, tmp_path: Path) -> None:
    set_language(world, "de")
    order = new_order(world)
    workplan.plan_automatically(world.uow(), world.admin, order.id)
    result = printing.print_order_form(world.uow(), world.admin, order.number,
                                       tmp_path / "form.pdf")
    text = text_of(result.path)
    for source in FORM_WORDS:
        assert german(source) in text, source
    assert "Technician signature" not in text
    page = translate("documents", "page {page} of {pages}", None, "de").format(page=1, pages=1)
    assert f"WO-000001 · {page}" in text
    assert "Zahntechnik Müller GmbH" in text  # names print as they are


@needs_pdftotext
def test_the_label_and_payment_instructions_follow_the_lab(world: World, tmp_path: Path) -> None:
    set_language(world, "de")
    order = new_order(world)
    label = printing.print_box_label(world.uow(), world.admin, order.number,
                                     tmp_path / "label.pdf", "4x6")
    assert german("Dental lab") in text_of(label.path)
    sheet = printing.print_payment_instructions(world.uow(), world.admin, order.number,
                                                tmp_path / "pay.pdf")
    text = text_of(sheet.path)
    assert german("PAYMENT INSTRUCTIONS") in text and german("Account holder") in text
    assert "Please quote the payment reference" not in text


@needs_pdftotext
def test_another_labs_order_keeps_the_apps_language(world: World, tmp_path: Path) -> None:
    set_language(world, "de")
    order = new_order(world, lab_id=world.lab2_id)
    text = text_of(printing.print_order_form(world.uow(), world.admin, order.number,
                                             tmp_path / "form.pdf").path)
    assert "Technician signature" in text


@pytest.mark.parametrize("language", ["fr", "es"])
@needs_pdftotext
def test_every_translated_language_prints(world: World, tmp_path: Path, language: str) -> None:
    set_language(world, language)
    order = new_order(world)
    text = text_of(printing.print_order_form(world.uow(), world.admin, order.number,
                                             tmp_path / "form.pdf").path)
    words = translate("documents", "Technician signature", None, language)
    assert words != "Technician signature" and words in text
