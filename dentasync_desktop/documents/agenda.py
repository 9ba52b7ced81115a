"""The calendar's agenda for a day or a week, as a report table the PDF writer prints."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from ..domain.dto import CalendarEvent
from ..domain.formats import DEFAULT_LOCALE, date_text, time_text, weekday_name
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


def event_cells(event: CalendarEvent, locale: str = DEFAULT_LOCALE) -> Row:
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
    hours = f"{time_text(start, locale)}–{time_text(end, locale)}"
    return (start.date(), hours, event.kind.label, event.number_text, event.patient_name,
            event.lab_name, event.customer_name, note)


def agenda_table(
    events: Iterable[CalendarEvent], organisation: str, first_day: date, last_day: date,
    filters: tuple[tuple[str, str], ...], generated_at: datetime,
    locale: str = DEFAULT_LOCALE,
) -> ReportTable:
    rows = [event_cells(e, locale) for e in events]
    first, last = date_text(first_day, locale), date_text(last_day, locale)
    period = (f"{weekday_name(first_day, locale)} {first}" if first_day == last_day
              else f"{first} to {last}")
    return ReportTable(
        title=TITLE, organisation=organisation, view=period,
        filters=filters, generated_at=generated_at, columns=COLUMNS, rows=rows,
        row_count=len(rows), count_nouns=("appointment", "appointments"),
        note="" if rows else "No appointments.", locale=locale,
    )
