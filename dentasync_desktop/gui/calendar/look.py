"""Colours and texts of calendar items, derived from the palette so light and dark both read."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap

from ...domain.dto import CalendarDueDate, CalendarEvent
from ...domain.enums import EventKind
from ..formatting import label, label_in_sentence
from ..translation import translate
from .spans import local_start

# Mid-tone hues: as a stripe they stand out on white and on near-black, and washed into the
# background (fill) the palette's own text colour stays readable on them.
KIND_COLOURS = {
    EventKind.TRY_IN: "#2563eb",
    EventKind.DELIVERY: "#059669",
    EventKind.PICKUP: "#d97706",
    EventKind.IMPRESSION: "#9333ea",
    EventKind.OTHER: "#64748b",
}
DUE_COLOUR = "#dc2626"
WARNING_COLOUR = "#f59e0b"
FILL_STRENGTH = 0.22


def blend(colour: QColor, base: QColor, strength: float) -> QColor:
    return QColor.fromRgbF(
        base.redF() + (colour.redF() - base.redF()) * strength,
        base.greenF() + (colour.greenF() - base.greenF()) * strength,
        base.blueF() + (colour.blueF() - base.blueF()) * strength)


def kind_colour(kind: EventKind) -> QColor:
    return QColor(KIND_COLOURS[kind])


def fill_colour(kind: EventKind, palette: QPalette) -> QColor:
    return blend(kind_colour(kind), palette.color(QPalette.ColorRole.Base), FILL_STRENGTH)


def text_colour(palette: QPalette, closed: bool) -> QColor:
    """The palette's text; a closed order's events are dimmed towards the background."""
    text = palette.color(QPalette.ColorRole.Text)
    if not closed:
        return text
    return blend(text, palette.color(QPalette.ColorRole.Base), 0.55)


def time_text(event: CalendarEvent) -> str:
    start = local_start(event)
    return QLocale().toString(QTime(start.hour, start.minute), QLocale.FormatType.ShortFormat)


def title(event: CalendarEvent) -> str:
    """First line of a box: time, kind and order number."""
    return f"{time_text(event)} {label(event.kind)} · {event.number_text}"


def compact(event: CalendarEvent) -> str:
    """The one-line text of a box too small for two."""
    return f"{time_text(event)} {event.number_text} {event.patient_name}"


def subtitle(event: CalendarEvent) -> str:
    return f"{event.patient_name} · {event.lab_name}"


def status_note(event: CalendarEvent) -> str:
    """What the order's state means for the appointment, if it matters ("" otherwise)."""
    if event.order_closed:
        return translate("calendar", "Order {status}").format(
            status=label_in_sentence(event.order_status))
    if event.done:
        return translate("calendar", "Done")
    return ""


def tooltip(event: CalendarEvent) -> str:
    lines = [f"<b>{title(event)}</b>", subtitle(event), event.customer_name]
    if event.duration_minutes:
        lines.append(translate("calendar", "{minutes} min").format(minutes=event.duration_minutes))
    if event.person:
        lines.append(translate("calendar", "Scheduled by {person}").format(person=event.person))
    note = status_note(event)
    if note:
        lines.append(f"<i>{note}</i>")
    if event.note:
        lines.append(event.note.replace("\n", "<br>"))
    if event.warning is not None:
        lines.append(f"<span style='color:{WARNING_COLOUR}'>⚠ {event.warning.text()}</span>")
    return "<br>".join(lines)


def due_title(due: CalendarDueDate) -> str:
    return translate("calendar", "Due {number} {patient}").format(number=due.number_text,
                                                patient=due.patient_name)


def due_tooltip(due: CalendarDueDate) -> str:
    lines = [f"<b>{due_title(due)}</b>", due.lab_name, due.customer_name,
             label(due.order_status)]
    if due.overdue:
        lines.append(translate("calendar", "Overdue"))
    return "<br>".join(lines)


def swatch(colour: str) -> QIcon:
    """A small rounded square of ``colour`` (legend, agenda, type filter)."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(0, 0, 12, 12, 3, 3)
    painter.end()
    return QIcon(pixmap)
