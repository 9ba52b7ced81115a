"""What a user chooses for a printed document: the order form's sections and the box label's
size. Apart from the documents, which load ReportLab (~0.15 s): the command line's options and
the print dialog list these without printing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.errors import ValidationError
from ..i18n import QT_TRANSLATE_NOOP

POINTS_PER_INCH = 72.0  # PDF units, as ReportLab's inch and mm
POINTS_PER_MM = POINTS_PER_INCH / 25.4

# Section key -> what the user ticks, in the order the sections print.
# The labels are translated where they are shown (gui/printing, context "printing").
SECTIONS: dict[str, str] = {
    "codes": QT_TRANSLATE_NOOP("printing", "Barcode and QR code"),
    "parties": QT_TRANSLATE_NOOP("printing", "Customer, patient and dental lab"),
    "teeth": QT_TRANSLATE_NOOP("printing", "Teeth diagram"),
    "items": QT_TRANSLATE_NOOP("printing", "Items and services"),
    "prices": QT_TRANSLATE_NOOP("printing", "Prices"),
    "work_plan": QT_TRANSLATE_NOOP("printing", "Work plan"),
    "description": QT_TRANSLATE_NOOP("printing", "Description and notes"),
    "comments": QT_TRANSLATE_NOOP("printing", "Comments"),
    "signature": QT_TRANSLATE_NOOP("printing", "Signature and date lines"),
}
DEFAULT_SECTIONS = frozenset(SECTIONS) - {"prices", "comments"}


def check_sections(sections: Iterable[str]) -> frozenset[str]:
    chosen = frozenset(s.strip().lower() for s in sections if s.strip())
    unknown = sorted(chosen - SECTIONS.keys())
    if unknown:
        raise ValidationError("sections", code="unknown_section",
                              params={"value": unknown[0], "choices": list(SECTIONS)})
    return chosen


@dataclass(frozen=True, slots=True)
class LabelSize:
    key: str
    name: str
    width: float
    height: float


LABEL_SIZES: dict[str, LabelSize] = {
    "62x29": LabelSize("62x29", "62 × 29 mm", 62 * POINTS_PER_MM, 29 * POINTS_PER_MM),
    "4x6": LabelSize("4x6", "4 × 6 in", 4 * POINTS_PER_INCH, 6 * POINTS_PER_INCH),
}


def label_size(key: str) -> LabelSize:
    size = LABEL_SIZES.get((key or "").strip().lower())
    if size is None:
        raise ValidationError("size", code="not_label_size",
                              params={"value": key, "choices": list(LABEL_SIZES)})
    return size
