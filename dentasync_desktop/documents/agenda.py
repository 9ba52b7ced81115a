"""The calendar's agenda for a day or a week, as a report table the PDF writer prints."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from ..domain.dto import CalendarEvent
from ..domain.formats import date_text, time_text, weekday_name
from ..i18n import QT_TRANSLATE_NOOP, default_language, in_sentence, label, translate
from .report_table import Column, ColumnKind, Counted, ReportTable, Row

TITLE = QT_TRANSLATE_NOOP("reports", "Agenda")
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("reports", "Day"), ColumnKind.DATE, 11),
    Column(QT_TRANSLATE_NOOP("reports", "Time"), ColumnKind.TEXT, 11),
    Column(QT_TRANSLATE_NOOP("reports", "Kind"), ColumnKind.TEXT, 10),
    Column(QT_TRANSLATE_NOOP("reports", "Order"), ColumnKind.TEXT, 10),
    Column(QT_TRANSLATE_NOOP("reports", "Patient"), ColumnKind.TEXT, 22),
    Column(QT_TRANSLATE_NOOP("reports", "Dental lab"), ColumnKind.TEXT, 20),
    Column(QT_TRANSLATE_NOOP("reports", "Customer"), ColumnKind.TEXT, 20),
    Column(QT_TRANSLATE_NOOP("reports", "Note"), ColumnKind.TEXT, 30),
)


def event_cells(event: CalendarEvent, language: str | None = None) -> Row:
    """One agenda line in ``language`` (None: the app's); the start and end in the computer's
    local time."""
    locale = language or default_language()
    start, end = event.starts_at.astimezone(), event.ends_at.astimezone()
    marks = []
    if event.done:
        marks.append(translate("reports", "done", None, language))
    if event.order_closed:
        marks.append(translate("reports", "order {status}", None, language).format(
            status=in_sentence(label(event.order_status, language), language)))
    if event.warning is not None:
        marks.append(event.warning.text(language))
    note = " · ".join([*marks, event.note] if event.note else marks)
    hours = f"{time_text(start, locale)}–{time_text(end, locale)}"
    return (start.date(), hours, label(event.kind, language), event.number_text,
            event.patient_name, event.lab_name, event.customer_name, note)


def agenda_table(
    events: Iterable[CalendarEvent], organisation: str, first_day: date, last_day: date,
    filters: tuple[tuple[str, str], ...], generated_at: datetime,
    language: str | None = None,
) -> ReportTable:
    rows = [event_cells(e, language) for e in events]
    locale = language or default_language()
    first, last = date_text(first_day, locale), date_text(last_day, locale)
    period = (f"{weekday_name(first_day, locale)} {first}" if first_day == last_day
              else translate("reports", "{start} to {end}", None, language).format(
                  start=first, end=last))
    return ReportTable(
        title=TITLE, organisation=organisation, view=period,
        filters=filters, generated_at=generated_at, columns=COLUMNS, rows=rows,
        row_count=len(rows), counted=Counted.APPOINTMENTS,
        note="" if rows else QT_TRANSLATE_NOOP("reports", "No appointments."),
        language=language,
    )
