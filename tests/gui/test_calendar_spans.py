"""The Calendar's day ranges, stepping and side-by-side lanes (plain Python, no widgets)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from dentasync_desktop.domain.dto import CalendarEvent
from dentasync_desktop.domain.enums import EventKind, OrderStatus
from dentasync_desktop.gui.calendar.spans import ViewMode, lanes, span_of, step


def event(event_id: int, hour: float, minutes: int) -> CalendarEvent:
    start = datetime(2026, 11, 20, tzinfo=UTC) + timedelta(hours=hour)
    return CalendarEvent(
        id=event_id, version=1, kind=EventKind.TRY_IN, starts_at=start,
        duration_minutes=minutes, reminder_minutes=None, note="", done=False, order_id=1,
        order_number=1, order_status=OrderStatus.DRAFT, patient_name="", lab_id=1, lab_name="",
        customer_id=1, customer_name="")


def test_spans_of_each_view() -> None:
    friday = date(2026, 11, 20)
    assert span_of(ViewMode.DAY, friday).days == [friday]
    week = span_of(ViewMode.WEEK, friday)
    assert (week.first, week.last) == (date(2026, 11, 16), date(2026, 11, 22))
    assert span_of(ViewMode.WEEK, friday, first_weekday=7).first == date(2026, 11, 15)
    month = span_of(ViewMode.MONTH, friday)
    assert (month.first, month.count, month.month) == (date(2026, 10, 26), 42, date(2026, 11, 1))
    agenda = span_of(ViewMode.AGENDA, friday)
    assert (agenda.first, agenda.last) == (date(2026, 11, 1), date(2026, 11, 30))


def test_step_by_day_week_and_month() -> None:
    assert step(ViewMode.DAY, date(2026, 12, 31), 1) == date(2027, 1, 1)
    assert step(ViewMode.WEEK, date(2026, 11, 20), -1) == date(2026, 11, 13)
    assert step(ViewMode.MONTH, date(2027, 1, 31), 1) == date(2027, 2, 28)  # clamped
    assert step(ViewMode.AGENDA, date(2026, 1, 15), -1) == date(2025, 12, 15)


def test_overlapping_events_share_the_width() -> None:
    placed = lanes([event(1, 9, 120), event(2, 9.5, 30), event(3, 10, 30), event(4, 12, 30)])
    # 1 overlaps 2 and 3; 3 starts when 2 ends, so it reuses 2's lane.
    assert placed == {1: (0, 2), 2: (1, 2), 3: (1, 2), 4: (0, 1)}
