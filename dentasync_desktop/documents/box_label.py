"""Box labels for label printers: the order's barcode, number, patient, lab and due date.

Every line is shrunk, and past a smallest readable size cut with "…", to fit its width; a label
never overflows its edges. Whatever was cut is reported back as a note.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import inch, mm
from reportlab.pdfgen.canvas import Canvas

from ..domain.dto import OrderDetail, OrganisationSettings
from ..domain.teeth import format_teeth
from ..i18n import QT_TRANSLATE_NOOP, translate
from ..i18n import label as label_of
from . import barcodes
from .fonts import BOLD, REGULAR, FallbackCanvas, register_fonts
from .pdf_layout import (
    INK,
    MUTED,
    Target,
    date_text,
    document_language,
    fit_text,
    order_teeth,
    output,
    unprintable_notes,
)
from .print_options import LabelSize, label_size

# What a note names when a line had to be shortened (in the app's language).
WHAT = {
    "number": QT_TRANSLATE_NOOP("documents", "order number"),
    "due": QT_TRANSLATE_NOOP("documents", "due date"),
    "lab": QT_TRANSLATE_NOOP("documents", "lab name"),
    "patient": QT_TRANSLATE_NOOP("documents", "patient name"),
    "customer": QT_TRANSLATE_NOOP("documents", "customer name"),
    "organisation": QT_TRANSLATE_NOOP("documents", "organisation name"),
    "teeth": QT_TRANSLATE_NOOP("documents", "teeth"),
    "shade": QT_TRANSLATE_NOOP("documents", "shade"),
    "status": QT_TRANSLATE_NOOP("documents", "status"),
}


class _Label:
    def __init__(self, canvas: Canvas, size: LabelSize, language: str) -> None:
        self.canvas = canvas
        self.size = size
        self.language = language
        self.notes: list[str] = []

    def text(self, what: str, text: str, x: float, y: float, width: float, *, font: str,
             size: float, min_size: float, align: str = "left", muted: bool = False) -> None:
        fitted, font_size, cut = fit_text(text, font, size, min_size, width)
        if cut:
            self.notes.append(translate(
                "documents", "The {what} was shortened to fit the {size} label: '{text}'.")
                .format(what=translate("documents", WHAT[what]), size=self.size.name,
                        text=fitted))
        canvas = self.canvas
        canvas.setFont(font, font_size)
        canvas.setFillColor(MUTED if muted else INK)
        if align == "right":
            canvas.drawRightString(x + width, y, fitted)
        elif align == "center":
            canvas.drawCentredString(x + width / 2, y, fitted)
        else:
            canvas.drawString(x, y, fitted)


def _small(label: _Label, order: OrderDetail) -> None:
    """62 × 29 mm: number and due date, barcode, patient, lab."""
    width, height = label.size.width, label.size.height
    margin = 2 * mm
    inner = width - 2 * margin
    number_y = height - margin - 8
    language = label.language
    label.text("number", order.number_text, margin, number_y, inner * 0.55, font=BOLD,
               size=10, min_size=7)
    due = translate("documents", "Due {date}", None, language).format(
        date=date_text(order.due_date, language))
    label.text("due", due, margin + inner * 0.55, number_y, inner * 0.45, font=BOLD, size=7.5,
               min_size=6, align="right")
    lab_y = margin + 1.2
    patient_y = lab_y + 8.2
    label.text("lab", order.lab.name, margin, lab_y, inner, font=REGULAR, size=6.5,
               min_size=5.5)
    label.text("patient", order.patient.full_name, margin, patient_y, inner, font=BOLD,
               size=8, min_size=6)
    bar_bottom = patient_y + 8.5
    barcodes.draw_code128(label.canvas, order.number_text, margin, bar_bottom, inner,
                          number_y - 3.5 - bar_bottom)


def _large(label: _Label, order: OrderDetail, org: OrganisationSettings) -> None:
    """4 × 6 in: organisation, big number, barcode, the parties, due date and a QR code."""
    width, height = label.size.width, label.size.height
    margin = 0.2 * inch
    inner = width - 2 * margin
    y = height - margin - 9
    language = label.language
    if org.name.strip():
        label.text("organisation", org.name, margin, y, inner, font=REGULAR, size=9,
                   min_size=7, align="center", muted=True)
    y -= 34
    label.text("number", order.number_text, margin, y, inner, font=BOLD, size=30,
               min_size=18, align="center")
    bar_height = 70
    y -= 12 + bar_height
    barcodes.draw_code128(label.canvas, order.number_text, margin, y, inner, bar_height)
    canvas = label.canvas
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(0.6)
    canvas.line(margin, y - 10, width - margin, y - 10)
    y -= 10
    customer = order.customer.name
    if order.customer.clinic.strip():
        customer += f", {order.customer.clinic}"
    fields = (
        ("patient", translate("documents", "Patient", None, language),
         order.patient.full_name, 16),
        ("customer", translate("documents", "Customer", None, language), customer, 12),
        ("lab", translate("documents", "Dental lab", None, language), order.lab.name, 12),
        ("due", translate("documents", "Due date", None, language),
         date_text(order.due_date, language), 16),
    )
    for what, caption, value, size in fields:
        y -= 13
        label.text(what, caption, margin, y, inner, font=REGULAR, size=8, min_size=8,
                   muted=True)
        y -= size + 2
        label.text(what, value or "—", margin, y, inner, font=BOLD, size=size, min_size=8)
    qr_size = 1.25 * inch
    detail_width = inner - qr_size - 8
    details = (
        ("teeth", translate("documents", "Teeth", None, language),
         format_teeth(order_teeth(order)) or "—"),
        ("shade", translate("documents", "Shade", None, language), order.shade or "—"),
        ("status", translate("documents", "Status", None, language),
         label_of(order.status, language)),
    )
    y_detail = margin + qr_size - 10
    for what, caption, value in details:
        label.text(what, f"{caption}: {value}", margin, y_detail, detail_width,
                   font=REGULAR, size=10, min_size=7)
        y_detail -= 15
    barcodes.qr_code(order.number_text, qr_size).drawOn(
        canvas, width - margin - qr_size, margin)


def write_box_label(order: OrderDetail, org: OrganisationSettings, target: Target, *,
                    size: str = "62x29", fonts_dir: Path,
                    language: str | None = None) -> tuple[str, ...]:
    """One label page of the chosen size in ``language``, else in its lab's document language;
    returns notes on anything shortened, in the app's language."""
    chosen = label_size(size)
    language = document_language(order, language)
    register_fonts(fonts_dir)
    canvas = FallbackCanvas(output(target), pagesize=(chosen.width, chosen.height), invariant=1)
    canvas.setTitle(translate("documents", "Box label {number}", None, language).format(
        number=order.number_text))
    canvas.setCreator("Dentasync Desktop")
    label = _Label(canvas, chosen, language)
    if chosen.key == "62x29":
        _small(label, order)
    else:
        _large(label, order, org)
    canvas.showPage()
    canvas.save()
    return tuple(dict.fromkeys([*label.notes, *unprintable_notes(order)]))
