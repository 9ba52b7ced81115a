"""The printed codes scan: render each document to an image and decode it with zbarimg."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from dentasync_desktop.documents.box_label import write_box_label
from dentasync_desktop.documents.order_form import write_order_form, write_order_forms
from dentasync_desktop.documents.payment_instructions import write_payment_instructions
from dentasync_desktop.documents.print_options import SECTIONS

from ..documents_samples import FONTS_DIR, ORGANISATION, long_plan, needs_zbar, sample_order

pytestmark = needs_zbar


def scan(pdf: Path, dpi: int, page: int = 1, raw: bool = False) -> list[str]:
    """Every symbol zbarimg finds on one page rendered at ``dpi``, as "TYPE:text".

    ``raw`` gives the bytes of a single symbol as UTF-8 text, with no guessing at its
    character set (zbar otherwise reads some UTF-8 as Shift-JIS).
    """
    prefix = pdf.with_suffix("")
    # Grey PGM, not PNG: the same pixels a scanner sees, without a second of PNG compression.
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(prefix)], check=True)
    options = ["--raw", "-Sbinary"] if raw else []
    found = subprocess.run(["zbarimg", "-q", *options, str(prefix.with_suffix(".pgm"))],
                           capture_output=True, check=False)
    if found.returncode not in (0, 4):  # 4: the image holds no symbol at all
        raise AssertionError(found.stderr.decode())
    text = found.stdout.decode("utf-8")
    return [text] if raw else sorted(text.splitlines())


def test_the_order_form_barcode_and_qr_code_give_the_order_number(tmp_path: Path) -> None:
    pdf = tmp_path / "form.pdf"
    write_order_form(sample_order(), ORGANISATION, pdf, sections=SECTIONS, fonts_dir=FONTS_DIR)
    assert scan(pdf, 300) == ["CODE-128:WO-000123", "QR-Code:WO-000123"]


def test_without_the_codes_section_nothing_scans(tmp_path: Path) -> None:
    pdf = tmp_path / "form.pdf"
    write_order_form(sample_order(), ORGANISATION, pdf,
                     sections=set(SECTIONS) - {"codes"}, fonts_dir=FONTS_DIR)
    assert scan(pdf, 300) == []


def test_each_order_of_a_batch_carries_its_own_codes(tmp_path: Path) -> None:
    pdf = tmp_path / "batch.pdf"
    write_order_forms([sample_order(tasks=long_plan(40)), sample_order(number=124)],
                      ORGANISATION, pdf, sections=SECTIONS, fonts_dir=FONTS_DIR)
    pages = int(next(line.split()[-1] for line in subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, check=True, text=True).stdout.splitlines()
        if line.startswith("Pages:")))
    assert scan(pdf, 300, page=pages) == ["CODE-128:WO-000124", "QR-Code:WO-000124"]


@pytest.mark.parametrize(("size", "dpi", "expected"), [
    ("62x29", 300, ["CODE-128:WO-000123"]),
    ("4x6", 200, ["CODE-128:WO-000123", "QR-Code:WO-000123"]),
])
def test_box_labels_scan(tmp_path: Path, size: str, dpi: int, expected: list[str]) -> None:
    pdf = tmp_path / f"label-{size}.pdf"
    write_box_label(sample_order(), ORGANISATION, pdf, size=size, fonts_dir=FONTS_DIR)
    assert scan(pdf, dpi) == expected


def test_the_payment_qr_code_is_a_sepa_transfer_to_the_lab(tmp_path: Path) -> None:
    pdf = tmp_path / "pay.pdf"
    write_payment_instructions(sample_order(), ORGANISATION, pdf, fonts_dir=FONTS_DIR)
    (symbol,) = scan(pdf, 200, raw=True)
    assert symbol.split("\n") == [
        "BCD", "002", "1", "SCT", "COBADEFFXXX", "Zahntechnik Müller GmbH",
        "DE89370400440532013000", "EUR379.50", "", "", "WO-000123"]
