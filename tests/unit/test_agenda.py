"""The agenda's lines: local times, marks for done, closed orders and seat-readiness."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from dentasync_desktop.documents.agenda import COLUMNS, agenda_table, event_cells
from dentasync_desktop.domain.dto import CalendarEvent
from dentasync_desktop.domain.enums import EventKind, OrderStatus
from dentasync_desktop.domain.formats import time_text
from dentasync_desktop.domain.readiness import seat_warning

START = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def event(**changes: object) -> CalendarEvent:
    values: dict[str, object] = dict(
        id=1, version=1, kind=EventKind.TRY_IN, starts_at=START, duration_minutes=45,
        reminder_minutes=None, note="Room 2", done=False, order_id=7, order_number=123,
        order_status=OrderStatus.IN_PRODUCTION, patient_name="Łucja Nowak", lab_id=1,
        lab_name="Lab", customer_id=1, customer_name="Dr. Ørsted")
    values.update(changes)
    return CalendarEvent(**values)  # type: ignore[arg-type]


def test_a_line_per_event_in_local_time() -> None:
    local = START.astimezone()
    cells = event_cells(event())
    assert len(cells) == len(COLUMNS)
    end = local + timedelta(minutes=45)
    assert cells[:5] == (local.date(), f"{time_text(local)}–{time_text(end)}",
                         "Try-in", "WO-000123", "Łucja Nowak")
    assert event_cells(event(), "de")[1] == f"{local:%H:%M}–{end:%H:%M}"
    assert cells[-1] == "Room 2"


def test_marks_come_before_the_note() -> None:
    warning = seat_warning(EventKind.TRY_IN, date(2026, 11, 24), False,
                           OrderStatus.IN_PRODUCTION, date(2026, 11, 23))
    cells = event_cells(event(done=True, order_status=OrderStatus.CANCELLED, warning=warning,
                              note=""))
    assert cells[-1].startswith("done · order cancelled · Case not back")


def test_the_table_names_the_day_and_says_when_empty() -> None:
    generated = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
    day = agenda_table([], "Lab", date(2026, 11, 24), date(2026, 11, 24), (), generated)
    assert (day.view, day.row_count, day.note) == ("Tuesday 11/24/2026", 0, "No appointments.")
    week = agenda_table([event()], "Lab", date(2026, 11, 23), date(2026, 11, 29), (), generated)
    assert week.view == "11/23/2026 to 11/29/2026" and week.row_count == 1
    german = agenda_table([], "Lab", date(2026, 11, 24), date(2026, 11, 24), (), generated, "de")
    assert german.view == "Dienstag 24.11.2026"
