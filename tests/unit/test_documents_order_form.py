"""The order form PDF, read back with pdftotext: every section, any name, page numbering."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace

import pytest
from reportlab.graphics.shapes import Circle, String
from reportlab.lib.units import mm

from dentasync_desktop.documents.order_form import write_order_form, write_order_forms
from dentasync_desktop.documents.print_options import DEFAULT_SECTIONS, SECTIONS, check_sections
from dentasync_desktop.documents.teeth_diagram import FILL, LOWER, UPPER, teeth_drawing
from dentasync_desktop.domain.dto import CustomerInfo, PatientInfo
from dentasync_desktop.domain.enums import OrderStatus
from dentasync_desktop.domain.errors import ValidationError

from ..documents_samples import (
    ORGANISATION,
    long_plan,
    needs_pdftotext,
    pdf_pages,
    pdf_text,
    render,
    sample_order,
    word_boxes,
)

ALL = frozenset(SECTIONS)


def one_line(text: str) -> str:
    return " ".join(text.split())


@needs_pdftotext
def test_every_section_prints_its_content_with_names_as_written() -> None:
    data, notes = render(write_order_form, sample_order(), ORGANISATION, sections=ALL)
    text = one_line(pdf_text(data))
    assert notes == ()
    for expected in (
        "Praxis Dr. Müller & Partner", "Hauptstraße 5", "WORK ORDER", "WO-000123",
        "In production", "11/2/2026", "11/9/2026", "A2",  # status, dates, shade
        "Dr. Łukasz Nowak", "Smile Clinic Ørsted", "Ğül Yılmaz", "born 5/17/1980",
        "Zahntechnik Müller GmbH", "Ørsted Hansen",
        "Teeth (FDI)", "11, 21", "Zirconia crown: 11, 21",
        "Items and services", "Zirconia crown", "€250.00", "€500.00",
        "Total", "Paid €120.50", "Balance €379.50",
        "Work plan", "☑", "☐", "Model", "Jürgen Öztürk", "Framework", "Tom Technician",
        "Description", "natural translucency",
        "Comments", "Ørsted Admin", "slightly lighter shade",
        "Technician signature", "Checked and released by",
        "WO-000123 · page 1 of 1",
    ):
        assert expected in text, expected
    numbers = set(re.findall(r"\b[1-4][1-8]\b", text))
    assert {str(t) for t in UPPER + LOWER} <= numbers


@needs_pdftotext
def test_unchosen_sections_are_left_out_but_the_header_stays() -> None:
    data, _notes = render(write_order_form, sample_order(), ORGANISATION,
                          sections={"items"})
    text = one_line(pdf_text(data))
    assert "WO-000123" in text and "In production" in text and "11/9/2026" in text
    assert "Zirconia crown" in text
    for absent in ("€250.00", "Work plan", "Jürgen Öztürk", "Comments", "Description",
                   "Technician signature", "Teeth (FDI)", "Ğül Yılmaz"):
        assert absent not in text, absent


@needs_pdftotext
def test_default_sections_leave_out_prices_and_comments() -> None:
    assert {"prices", "comments"}.isdisjoint(DEFAULT_SECTIONS)
    data, _notes = render(write_order_form, sample_order(), ORGANISATION)
    text = one_line(pdf_text(data))
    assert "Work plan" in text and "€250.00" not in text and "Ørsted Admin" not in text


@needs_pdftotext
def test_a_long_plan_and_description_flow_over_numbered_pages() -> None:
    description = "Layered ceramic with a natural incisal halo. " * 250 + "THE-END"
    order = sample_order(tasks=long_plan(60), description=description)
    data, notes = render(write_order_form, order, ORGANISATION, sections=ALL)
    pages = pdf_pages(data)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert f"WO-000123 · page {number} of {len(pages)}" in page
    text = one_line("".join(pages))
    assert all(f"Step {i}:" in text for i in range(1, 61))
    assert "THE-END" in text and "Technician signature" in pages[-1]
    assert notes == ()


@needs_pdftotext
def test_long_names_and_unbroken_words_wrap_inside_their_column() -> None:
    patient = PatientInfo(id=3, first_name="Maria-Magdalena Ğülşen",
                          last_name="Wiśniewska-Øresund-Schäfer von Hohenzollern " * 4)
    order = sample_order(patient=patient, description="X" * 3000,
                         customer=CustomerInfo(id=2, name="Dr. " + "Łukasiewicz" * 12))
    data, _notes = render(write_order_form, order, ORGANISATION, sections=ALL)
    raw = pdf_text(data)
    assert sum(len(run) for run in re.findall("X+", raw)) == 3000
    text = "".join(raw.split())
    assert "Łukasiewicz" * 12 in text
    assert "Wiśniewska-Øresund-Schäfer" in text
    margin = 15 * mm - 0.5
    for page in word_boxes(data):
        for word in page.words:
            assert margin <= word.x_min and word.x_max <= page.width - margin, word


@needs_pdftotext
def test_an_order_without_items_or_plan_says_so() -> None:
    data, notes = render(write_order_form, sample_order(items=(), tasks=(), comments=(),
                                                        description="", teeth=()),
                         ORGANISATION, sections=ALL)
    text = one_line(pdf_text(data))
    assert "No items." in text and "No work plan." in text
    assert "No comments." in text and "No description." in text
    assert "No teeth recorded" in text
    assert notes == ()


@needs_pdftotext
def test_user_text_with_markup_characters_prints_literally() -> None:
    order = sample_order(description="Margin < 0.1 mm & check <b>contacts</b>\nSecond line")
    data, _notes = render(write_order_form, order, ORGANISATION)
    text = pdf_text(data)
    assert "Margin < 0.1 mm & check <b>contacts</b>" in text
    assert "Second line" in text


@needs_pdftotext
def test_notes_show_hold_remake_copy_and_tracking() -> None:
    order = sample_order(on_hold=True, hold_reason="Waiting for impression", is_remake=True,
                         remake_reason="Shade mismatch", remake_of_number=77,
                         copied_from_number=12, tracking_number="DHL 123",
                         status=OrderStatus.SHIPPED)
    data, _notes = render(write_order_form, order, ORGANISATION)
    text = one_line(pdf_text(data))
    assert "Shipped (on hold) · remake" in text
    for expected in ("On hold: Waiting for impression", "Remake: Shade mismatch",
                     "Remake of: WO-000077", "Copied from: WO-000012",
                     "Tracking number: DHL 123"):
        assert expected in text


def test_a_missing_logo_is_skipped_with_a_note() -> None:
    org = replace(ORGANISATION, logo_path="/nowhere/logo.png")
    data, notes = render(write_order_form, sample_order(), org)
    assert data.startswith(b"%PDF")
    assert len(notes) == 1 and "/nowhere/logo.png" in notes[0] and "Settings" in notes[0]


@needs_pdftotext
def test_a_batch_numbers_pages_per_order_and_reports_progress() -> None:
    first = sample_order()
    second = sample_order(id=8, number=124, tasks=long_plan(60))
    seen: list[int] = []
    data, _notes = render(write_order_forms, [first, second], ORGANISATION, sections=ALL,
                          on_order=seen.append)
    pages = pdf_pages(data)
    assert "WO-000123 · page 1 of 1" in pages[0]
    rest = pages[1:]
    assert len(rest) >= 2
    for number, page in enumerate(rest, start=1):
        assert f"WO-000124 · page {number} of {len(rest)}" in page
    assert seen == [0, 1, 2]


def test_a_progress_callback_can_abandon_the_batch() -> None:
    def stop(done: int) -> None:
        if done == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        render(write_order_forms, [sample_order(), sample_order(number=124)], ORGANISATION,
               on_order=stop)


@needs_pdftotext
def test_paper_size_follows_the_choice() -> None:
    for paper, size in (("a4", "595.276 x 841.89"), ("letter", "612 x 792")):
        data, _notes = render(write_order_form, sample_order(), ORGANISATION, paper=paper)
        info = subprocess.run(["pdfinfo", "-"], input=data, capture_output=True,
                              check=True).stdout.decode()
        assert size in info


def test_unknown_sections_and_paper_are_refused_naming_the_field() -> None:
    assert check_sections([" Items ", "work_plan", ""]) == {"items", "work_plan"}
    with pytest.raises(ValidationError) as error:
        check_sections(["items", "price"])
    assert error.value.field == "sections" and "'price'" in error.value.message
    with pytest.raises(ValidationError) as error:
        render(write_order_form, sample_order(), ORGANISATION, paper="a3")
    assert error.value.field == "paper"


def test_the_teeth_chart_draws_both_arches_and_fills_the_ordered_teeth() -> None:
    drawing = teeth_drawing({11, 36}, 200)
    labels = {s.text for s in drawing.contents if isinstance(s, String)}
    assert {str(t) for t in UPPER + LOWER} | {"R", "L"} == labels
    filled = [c for c in drawing.contents if isinstance(c, Circle) and c.fillColor == FILL]
    assert len(filled) == 2
    for shape in drawing.contents:
        if isinstance(shape, Circle):
            assert shape.cx - shape.r >= 0 and shape.cx + shape.r <= drawing.width
            assert shape.cy - shape.r >= 0 and shape.cy + shape.r <= drawing.height


def test_milk_teeth_arches_appear_only_when_a_milk_tooth_is_ordered() -> None:
    def labels(chosen: set[int]) -> set[str]:
        return {s.text for s in teeth_drawing(chosen, 200).contents if isinstance(s, String)}

    assert "55" not in labels({11})
    assert {"55", "51", "61", "65", "85", "81", "71", "75"} <= labels({54})
