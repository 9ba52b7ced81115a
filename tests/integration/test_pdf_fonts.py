"""Every font a PDF names is embedded (issue 13): a printer or archive without Helvetica would
otherwise substitute a font that nothing was measured with."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from dentasync_desktop.documents.box_label import write_box_label
from dentasync_desktop.documents.order_form import write_order_form
from dentasync_desktop.documents.payment_instructions import write_payment_instructions
from dentasync_desktop.documents.pdf_report import write_pdf
from dentasync_desktop.documents.print_options import SECTIONS
from dentasync_desktop.documents.report_table import Column, ColumnKind, ReportTable
from dentasync_desktop.domain.money import Money

from ..documents_samples import FONTS_DIR, ORGANISATION, needs_pdftotext, sample_order

pytestmark = needs_pdftotext  # pdffonts comes with pdftotext (poppler-utils)


def not_embedded(pdf: Path) -> list[str]:
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True,
                           text=True).stdout.splitlines()[2:]
    # Columns: name, type (one or two words), encoding, emb, sub, uni, object, generation.
    return [line.split()[0] for line in lines if line.split()[-5] != "yes"]


def write_report(target: Path) -> None:
    write_pdf(ReportTable(
        title="Finance report", organisation="Clinic", view="Dental labs", filters=(),
        generated_at=datetime(2026, 11, 20, tzinfo=UTC),
        columns=(Column("Dental lab", ColumnKind.TEXT, 30), Column("Paid", ColumnKind.MONEY, 12)),
        rows=[("Zahntechnik Müller GmbH", Money(37950, "EUR"))], row_count=1), target, FONTS_DIR)


@pytest.mark.parametrize("kind", ["form", "label", "instructions", "report"])
def test_every_font_in_every_pdf_is_embedded(tmp_path: Path, kind: str) -> None:
    pdf = tmp_path / f"{kind}.pdf"
    if kind == "form":
        write_order_form(sample_order(), ORGANISATION, pdf, sections=SECTIONS,
                         fonts_dir=FONTS_DIR)
    elif kind == "label":
        write_box_label(sample_order(), ORGANISATION, pdf, size="4x6", fonts_dir=FONTS_DIR)
    elif kind == "instructions":
        write_payment_instructions(sample_order(), ORGANISATION, pdf, fonts_dir=FONTS_DIR)
    else:
        write_report(pdf)
    assert not_embedded(pdf) == []
