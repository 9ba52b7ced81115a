"""The calendar's agenda for a day or a week, as a report table the PDF writer prints."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from ..domain.dto import CalendarEvent
from ..i18n import QT_TRANSLATE_NOOP, label, translate
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


def event_cells(event: CalendarEvent) -> Row:
    """One agenda line in the app's language; the start and end in the computer's local
    time."""
    start, end = event.starts_at.astimezone(), event.ends_at.astimezone()
    marks = []
    if event.done:
        marks.append(translate("reports", "done"))
    if event.order_closed:
        marks.append(translate("reports", "order {status}").format(
            status=label(event.order_status).lower()))
    if event.warning is not None:
        marks.append(event.warning.message)
    note = " · ".join([*marks, event.note] if event.note else marks)
    return (start.date(), f"{start:%H:%M}–{end:%H:%M}", label(event.kind), event.number_text,
            event.patient_name, event.lab_name, event.customer_name, note)


def agenda_table(
    events: Iterable[CalendarEvent], organisation: str, first_day: date, last_day: date,
    filters: tuple[tuple[str, str], ...], generated_at: datetime,
) -> ReportTable:
    rows = [event_cells(e) for e in events]
    period = (f"{first_day:%A} {first_day.isoformat()}" if first_day == last_day
              else translate("reports", "{start} to {end}").format(
                  start=first_day.isoformat(), end=last_day.isoformat()))
    return ReportTable(
        title=TITLE, organisation=organisation, view=period,
        filters=filters, generated_at=generated_at, columns=COLUMNS, rows=rows,
        row_count=len(rows), counted=Counted.APPOINTMENTS,
        note="" if rows else QT_TRANSLATE_NOOP("reports", "No appointments."),
    )
