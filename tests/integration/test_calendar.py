"""The calendar's queries: events in a range with their order, filters, due dates, the picker,
and the printable agenda."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from dentasync_desktop.domain.dto import CalendarFilter, EventInput
from dentasync_desktop.domain.enums import EventKind, OrderStatus, Role
from dentasync_desktop.domain.errors import ValidationError
from dentasync_desktop.services import calendar, events, orders

from ..factories import World
from .helpers import new_order, refused

BERLIN_WINTER = timezone(timedelta(hours=1))


def at(day: int, hour: int, tz: timezone = UTC) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=tz)


def event(kind: EventKind, starts_at: datetime, note: str = "") -> EventInput:
    return EventInput(kind=kind, starts_at=starts_at, duration_minutes=45, note=note)


def test_events_in_range_with_order_patient_lab_customer_and_person(world: World) -> None:
    first = new_order(world)
    second = new_order(world, patient_id=world.patient2_id, lab_id=world.lab2_id,
                       customer_id=world.customer2_id)
    cancelled = new_order(world)
    events.add_event(world.uow(), world.actors[Role.FRONT_DESK], first.id,
                     event(EventKind.TRY_IN, at(24, 9)))
    events.add_event(world.uow(), world.admin, second.id,
                     event(EventKind.IMPRESSION, at(23, 15), "Room 2"))
    events.add_event(world.uow(), world.admin, first.id, event(EventKind.DELIVERY, at(30, 9)))
    events.add_event(world.uow(), world.admin, cancelled.id, event(EventKind.TRY_IN, at(24, 11)))
    orders.cancel(world.uow(), world.admin, cancelled.id, cancelled.version, "Duplicate")

    week = calendar.calendar_events(world.uow(), world.actors[Role.TECHNICIAN],
                                    at(23, 1, BERLIN_WINTER), at(30, 9))
    assert [(e.number_text, e.patient_name, e.kind, e.starts_at, e.order_status)
            for e in week] == [
        ("WO-000002", "Jürgen Öztürk", EventKind.IMPRESSION, at(23, 15), OrderStatus.DRAFT),
        ("WO-000001", "Anna Schäfer", EventKind.TRY_IN, at(24, 9), OrderStatus.DRAFT),
        ("WO-000003", "Anna Schäfer", EventKind.TRY_IN, at(24, 11), OrderStatus.CANCELLED),
    ]
    impression, try_in, closed = week
    assert (impression.lab_name, impression.customer_name, impression.note) == (
        "Łukasz Dental Lab", "Dr. Ğül Yılmaz", "Room 2")
    assert try_in.person == "Front desk User" and try_in.version == 1
    assert try_in.ends_at == at(24, 9) + timedelta(minutes=45)
    assert closed.order_closed and not try_in.order_closed
    with refused(world, ValidationError, "^End: Must be after the start"):
        calendar.calendar_events(world.uow(), world.admin, at(30, 9), at(23, 9))
    with refused(world, ValidationError, "^Start: Needs a date and time with a time zone"):
        calendar.calendar_events(world.uow(), world.admin, datetime(2026, 11, 1), at(30, 9))
    with refused(world, ValidationError, "^End: At most 62 days"):
        calendar.calendar_events(world.uow(), world.admin, at(1, 0),
                                 at(1, 0) + timedelta(days=63))


def test_filters_kind_lab_customer_mine_and_text(world: World) -> None:
    first = new_order(world)
    second = new_order(world, patient_id=world.patient2_id, lab_id=world.lab2_id,
                       customer_id=world.customer2_id)
    desk = world.actors[Role.FRONT_DESK]
    events.add_event(world.uow(), desk, first.id, event(EventKind.TRY_IN, at(24, 9)))
    events.add_event(world.uow(), world.admin, second.id,
                     event(EventKind.IMPRESSION, at(25, 9), "Bring the shade guide"))

    def numbers(actor=world.admin, **flt: object) -> list[str]:  # type: ignore[no-untyped-def]
        rows = calendar.calendar_events(world.uow(), actor, at(23, 0), at(30, 0),
                                        CalendarFilter(**flt))  # type: ignore[arg-type]
        return [r.number_text for r in rows]

    assert numbers() == ["WO-000001", "WO-000002"]
    assert numbers(kinds=(EventKind.IMPRESSION,)) == ["WO-000002"]
    assert numbers(lab_id=world.lab2_id) == ["WO-000002"]
    assert numbers(customer_id=world.customer_id) == ["WO-000001"]
    assert numbers(desk, only_mine=True) == ["WO-000001"]
    assert numbers(text="öztürk") == ["WO-000002"]
    assert numbers(text="SHADE guide") == ["WO-000002"]
    assert numbers(text="wo-000001") == ["WO-000001"]


def test_seat_readiness_marks_calendar_rows(world: World) -> None:
    order = new_order(world)
    events.add_event(world.uow(), world.admin, order.id, event(EventKind.DELIVERY, at(21, 9)))
    events.add_event(world.uow(), world.admin, order.id, event(EventKind.PICKUP, at(21, 11)))
    rows = calendar.calendar_events(world.uow(), world.admin, at(20, 0), at(22, 0))
    assert [r.warning is not None for r in rows] == [True, False]
    assert rows[0].warning is not None and rows[0].warning.days_until == 1


def test_due_dates_as_all_day_items(world: World) -> None:
    late = new_order(world, documented_at=date(2026, 11, 2), due_date=date(2026, 11, 18))
    new_order(world, documented_at=date(2026, 11, 2), due_date=date(2026, 11, 25))
    gone = new_order(world, documented_at=date(2026, 11, 2), due_date=date(2026, 11, 19))
    orders.cancel(world.uow(), world.admin, gone.id, gone.version, "Duplicate")
    orders.publish(world.uow(), world.admin, late.id, late.version)
    rows = calendar.order_due_dates(world.uow(), world.admin, date(2026, 11, 16),
                                    date(2026, 11, 30))
    assert [(r.number_text, r.due_date, r.overdue) for r in rows] == [
        ("WO-000001", date(2026, 11, 18), True), ("WO-000002", date(2026, 11, 25), False)]
    assert calendar.order_due_dates(world.uow(), world.admin, date(2026, 11, 16),
                                    date(2026, 11, 30), CalendarFilter(lab_id=world.lab2_id)) == []
    with refused(world, ValidationError, "^End: The start date is after the end date"):
        calendar.order_due_dates(world.uow(), world.admin, date(2026, 11, 30), date(2026, 11, 1))


def test_order_picker_finds_numbers_in_any_spelling_and_words(world: World) -> None:
    for _ in range(12):
        new_order(world)
    twelfth = new_order(world, patient_id=world.patient2_id)
    cancelled = new_order(world, patient_id=world.patient2_id)
    orders.cancel(world.uow(), world.admin, cancelled.id, cancelled.version, "Duplicate")
    for typed in ("WO-000013", "wo000013", " 13 "):
        rows = calendar.orders_for_new_event(world.uow(), world.admin, typed)
        assert rows[0].id == twelfth.id, typed
    by_name = calendar.orders_for_new_event(world.uow(), world.admin, "Öztürk")
    assert [r.id for r in by_name] == [twelfth.id]  # the cancelled one takes no events
    assert len(calendar.orders_for_new_event(world.uow(), world.admin, "schäfer", 5)) == 5


def test_agenda_pdf_for_a_week(world: World, tmp_path: Path) -> None:
    order = new_order(world)
    events.add_event(world.uow(), world.admin, order.id,
                     event(EventKind.TRY_IN, at(24, 9), "Łódź — bring the shade guide"))
    target = calendar.write_agenda(world.uow, world.admin, date(2026, 11, 23), 7,
                                   CalendarFilter(lab_id=world.lab_id), tmp_path / "week.pdf")
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and b"DejaVu" in data
    empty = calendar.write_agenda(world.uow, world.admin, date(2026, 12, 1), 1,
                                  CalendarFilter(), tmp_path / "day.pdf")
    assert empty.read_bytes().startswith(b"%PDF")
    with refused(world, ValidationError, "^Days"):
        calendar.write_agenda(world.uow, world.admin, date(2026, 12, 1), 0, CalendarFilter(),
                              tmp_path / "none.pdf")


@pytest.mark.sqlite_only
def test_the_month_query_uses_the_start_index(world: World) -> None:
    with world.uow() as uow:
        plan = uow.session.execute(text(
            "EXPLAIN QUERY PLAN SELECT id FROM events WHERE starts_at >= '2026-11-01' "
            "AND starts_at < '2026-12-01' ORDER BY starts_at")).all()
    assert any("ix_events_starts_at" in str(row) for row in plan)
