"""The calendar's agenda for a day or a week, as a report table the PDF writer prints."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from ..domain.dto import CalendarEvent
from .report_table import Column, ColumnKind, ReportTable, Row

TITLE = "Agenda"
COLUMNS = (
    Column("Day", ColumnKind.DATE, 11),
    Column("Time", ColumnKind.TEXT, 11),
    Column("Kind", ColumnKind.TEXT, 10),
    Column("Order", ColumnKind.TEXT, 10),
    Column("Patient", ColumnKind.TEXT, 22),
    Column("Dental lab", ColumnKind.TEXT, 20),
    Column("Customer", ColumnKind.TEXT, 20),
    Column("Note", ColumnKind.TEXT, 30),
)


def event_cells(event: CalendarEvent) -> Row:
    """One agenda line; the start and end in the computer's local time."""
    start, end = event.starts_at.astimezone(), event.ends_at.astimezone()
    marks = []
    if event.done:
        marks.append("done")
    if event.order_closed:
        marks.append(f"order {event.order_status.label.lower()}")
    if event.warning is not None:
        marks.append(event.warning.message)
    note = " · ".join([*marks, event.note] if event.note else marks)
    return (start.date(), f"{start:%H:%M}–{end:%H:%M}", event.kind.label, event.number_text,
            event.patient_name, event.lab_name, event.customer_name, note)


def agenda_table(
    events: Iterable[CalendarEvent], organisation: str, first_day: date, last_day: date,
    filters: tuple[tuple[str, str], ...], generated_at: datetime,
) -> ReportTable:
    rows = [event_cells(e) for e in events]
    period = (f"{first_day:%A} {first_day.isoformat()}" if first_day == last_day
              else f"{first_day.isoformat()} to {last_day.isoformat()}")
    return ReportTable(
        title=TITLE, organisation=organisation, view=period,
        filters=filters, generated_at=generated_at, columns=COLUMNS, rows=rows,
        row_count=len(rows), count_nouns=("appointment", "appointments"),
        note="" if rows else "No appointments.",
    )
