"""Every alphabet on paper: names in Chinese, Japanese, Korean, Greek, Cyrillic, Arabic and
Hebrew keep their characters in every PDF's text layer and are drawn from embedded fonts."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import pytest

from dentasync_desktop.documents.agenda import agenda_table
from dentasync_desktop.documents.box_label import write_box_label
from dentasync_desktop.documents.fonts import CJK, REGULAR, register_fonts, runs, text_width
from dentasync_desktop.documents.order_form import write_order_form
from dentasync_desktop.documents.payment_instructions import write_payment_instructions
from dentasync_desktop.documents.pdf_report import write_pdf
from dentasync_desktop.documents.report_table import Column, ColumnKind, ReportTable
from dentasync_desktop.domain.dto import CalendarEvent, CustomerInfo, LabInfo, PatientInfo
from dentasync_desktop.domain.enums import EventKind, OrderStatus

from ..documents_samples import (
    FONTS_DIR,
    ORGANISATION,
    needs_pdftotext,
    pdf_text,
    render,
    sample_order,
)

# (first name, last name) per script; the right-to-left ones are checked per character, as a
# text extractor may put them in visual order.
NAMES = {
    "chinese": ("芳", "王"),
    "japanese": ("さくら", "田中"),
    "korean": ("민준", "김"),
    "greek": ("Γιώργος", "Παπαδόπουλος"),
    "cyrillic": ("Дмитрий", "Иванов"),
    "arabic": ("محمد", "العلي"),
    "hebrew": ("דוד", "כהן"),
}
RIGHT_TO_LEFT = {"arabic", "hebrew"}


def order_for(script: str):  # type: ignore[no-untyped-def]
    first, last = NAMES[script]
    return sample_order(
        patient=PatientInfo(id=3, first_name=first, last_name=last,
                            date_of_birth=date(1980, 5, 17)),
        customer=CustomerInfo(id=2, name=f"Dr. {last}", clinic=f"{first} Clinic", phone=""),
        lab=LabInfo(id=1, name=f"{last} 齿科 Lab", account_holder=f"{last} Lab",
                    bank_name="Bank", iban="DE89370400440532013000", bic="COBADEFFXXX"),
        description=f"Crown for {first} {last}.",
    )


def report_pdf(script: str, tmp_path: Path) -> bytes:
    first, last = NAMES[script]
    table = ReportTable(
        title="Finance report", organisation=f"{last} Dental", view="Work orders", filters=(
            ("Dental lab", f"{last} Lab"),), generated_at=datetime(2026, 12, 2, tzinfo=UTC),
        columns=(Column("Patient", ColumnKind.TEXT, 24), Column("Orders", ColumnKind.INT, 8)),
        rows=[(f"{first} {last}", 3)], row_count=1)
    target = tmp_path / f"{script}.pdf"
    write_pdf(table, target, FONTS_DIR)
    return target.read_bytes()


def agenda_pdf(script: str, tmp_path: Path) -> bytes:
    first, last = NAMES[script]
    event = CalendarEvent(
        id=1, version=1, kind=EventKind.TRY_IN, starts_at=datetime(2026, 12, 2, 9, tzinfo=UTC),
        duration_minutes=30, reminder_minutes=None, note=first, done=False, order_id=7,
        order_number=123, order_status=OrderStatus.IN_PRODUCTION,
        patient_name=f"{first} {last}", lab_id=1, lab_name=f"{last} Lab", customer_id=1,
        customer_name=f"Dr. {last}")
    table = agenda_table([event], "Praxis", date(2026, 12, 2), date(2026, 12, 2), (),
                         datetime(2026, 12, 2, tzinfo=UTC))
    target = tmp_path / f"agenda-{script}.pdf"
    write_pdf(table, target, FONTS_DIR)
    return target.read_bytes()


def documents(script: str, tmp_path: Path) -> dict[str, bytes]:
    order = order_for(script)
    return {
        "order form": render(write_order_form, order, ORGANISATION)[0],
        "small label": render(write_box_label, order, ORGANISATION, size="62x29")[0],
        "large label": render(write_box_label, order, ORGANISATION, size="4x6")[0],
        "payment instructions": render(write_payment_instructions, order, ORGANISATION)[0],
        "report": report_pdf(script, tmp_path),
        "agenda": agenda_pdf(script, tmp_path),
    }


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], dict[str, bytes]]:
    """Each script's six documents, rendered once for both tests that read them (the
    text-layer and the embedded-font checks of a CJK script wanted the same PDFs)."""
    folder = tmp_path_factory.mktemp("alphabets")
    return cache(lambda script: documents(script, folder))


def found(name: str, text: str, script: str) -> bool:
    if script in RIGHT_TO_LEFT:
        return all(char in text for char in name)
    return name in text


@needs_pdftotext
@pytest.mark.parametrize("script", list(NAMES))
def test_names_of_every_script_stay_in_the_text_layer_of_every_pdf(
        script: str, rendered: Callable[[str], dict[str, bytes]]) -> None:
    first, last = NAMES[script]
    for kind, data in rendered(script).items():
        text = pdf_text(data)
        assert found(last, text, script), (kind, text)
        if kind not in {"small label"}:  # the small label has no room for the first name
            assert found(first, text, script), (kind, text)


def embedded_fonts(data: bytes) -> set[str]:
    return set(re.findall(rb"/BaseFont\s*/([A-Z]{6}\+[\w-]+)", data))  # type: ignore[arg-type]


@pytest.mark.parametrize("script", ["chinese", "japanese", "korean"])
def test_cjk_runs_are_drawn_from_the_embedded_cjk_subset(
        script: str, rendered: Callable[[str], dict[str, bytes]]) -> None:
    for kind, data in rendered(script).items():
        names = {name.split(b"+")[1] for name in embedded_fonts(data)}
        assert CJK.encode() in names, kind
        assert REGULAR.encode() in names, kind


def test_runs_switch_to_the_cjk_face_only_where_dejavu_lacks_the_glyph() -> None:
    register_fonts(FONTS_DIR)
    assert runs("Dr. 王芳 (Ødegård)", REGULAR) == [
        (REGULAR, "Dr. "), (CJK, "王芳"), (REGULAR, " (Ødegård)")]
    assert runs("Παπαδόπουλος Иванов محمد דוד", REGULAR) == [
        (REGULAR, "Παπαδόπουλος Иванов محمد דוד")]
    assert text_width("王芳", REGULAR, 10) == pytest.approx(20, abs=1)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
def test_a_cjk_label_renders_to_an_image(tmp_path: Path) -> None:
    data = render(write_box_label, order_for("chinese"), ORGANISATION, size="4x6")[0]
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", "-", str(tmp_path / "l")],
                   input=data, check=True)
    assert (tmp_path / "l.png").stat().st_size > 1000


def test_a_character_no_bundled_font_has_is_reported_not_silently_boxed() -> None:
    """堃 is in none of the national standard sets the CJK subset keeps."""
    order = sample_order(patient=PatientInfo(id=3, first_name="堃", last_name="王",
                                             date_of_birth=None))
    for notes in (render(write_order_form, order, ORGANISATION)[1],
                  render(write_box_label, order, ORGANISATION, size="4x6")[1],
                  render(write_payment_instructions, order, ORGANISATION)[1]):
        assert ("WO-000123: the patient 堃 王 has characters the printed fonts lack (堃); "
                "they print as empty boxes.") in notes
    assert render(write_order_form, order_for("chinese"), ORGANISATION)[1] == ()
