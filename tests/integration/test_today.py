"""The Today board: its sections, counts, lines and amounts on a pinned day."""

from __future__ import annotations

from datetime import UTC, date, datetime

from dentasync_desktop.domain.dto import (
    EventInput,
    PaymentPlanInput,
    ScheduleSettings,
)
from dentasync_desktop.domain.enums import EventKind, OrderStatus, PaymentMethod, Role
from dentasync_desktop.domain.errors import PermissionDenied, ValidationError
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services import events, orders, payments, settings, today

from ..factories import World
from .helpers import new_order, refused

TODAY = date(2026, 11, 20)  # FIXED_NOW's day


def appointment(world: World, order_id: int, kind: EventKind, day: int, hour: int) -> None:
    events.add_event(world.uow(), world.admin, order_id, EventInput(
        kind=kind, starts_at=datetime(2026, 11, day, hour, 0, tzinfo=UTC)))


def test_every_section_with_counts_and_order_ids(world: World) -> None:
    due_today = new_order(world, documented_at=date(2026, 11, 10), due_date=TODAY)
    late = new_order(world, documented_at=date(2026, 11, 1), due_date=date(2026, 11, 17),
                     patient_id=world.patient2_id)
    late = orders.publish(world.uow(), world.admin, late.id, late.version)
    coming = new_order(world, documented_at=date(2026, 11, 10), due_date=date(2026, 11, 30))
    for step in (orders.publish, orders.start_production, orders.produce):
        coming = step(world.uow(), world.admin, coming.id, coming.version)
    coming = orders.ship(world.uow(), world.admin, coming.id, coming.version, "DHL 77")
    appointment(world, due_today.id, EventKind.TRY_IN, 20, 15)
    appointment(world, coming.id, EventKind.DELIVERY, 21, 9)
    appointment(world, coming.id, EventKind.IMPRESSION, 20, 9)  # not a try-in or delivery
    payments.set_payment_plan(world.uow(), world.admin, late.id, PaymentPlanInput(
        amount=Money(50000, "EUR"), method=PaymentMethod.CARD, installments=2,
        first_due_date=date(2026, 10, 20)))

    board = today.today_board(world.uow(), world.actors[Role.FRONT_DESK])
    assert board.today == TODAY
    assert [s.key for s in board.sections] == [key for key, _title in today.SECTIONS]
    counts = {s.key: s.count for s in board.sections}
    assert counts == {"appointments_today": 1, "appointments_tomorrow": 1, "due_today": 1,
                      "overdue": 1, "back_from_lab": 1, "installments": 2,
                      "reminders": counts["reminders"]}
    [try_in] = board.section("appointments_today").lines
    assert (try_in.order_id, try_in.event_kind, try_in.done, try_in.patient_name) == (
        due_today.id, EventKind.TRY_IN, False, "Anna Schäfer")
    assert try_in.warning is not None and try_in.warning.days_until == 0
    [delivery] = board.section("appointments_tomorrow").lines
    assert delivery.order_id == coming.id and delivery.warning is None  # it is shipped
    [overdue] = board.section("overdue").lines
    assert (overdue.order_id, overdue.status, overdue.days_late) == (
        late.id, OrderStatus.PUBLISHED, 3)
    [back] = board.section("back_from_lab").lines
    assert (back.status, back.tracking) == (OrderStatus.SHIPPED, "DHL 77")
    installments = board.section("installments")
    assert [(line.days_late, line.amount) for line in installments.lines] == [
        (31, Money(25000, "EUR")), (0, Money(25000, "EUR"))]
    assert installments.totals == (Money(50000, "EUR"),)
    assert {line.order_id for line in board.section("reminders").lines} >= {late.id}


def test_technicians_get_no_money_section_and_another_day_can_be_asked(world: World) -> None:
    order = new_order(world, documented_at=date(2026, 11, 10), due_date=date(2026, 11, 23))
    board = today.today_board(world.uow(), world.actors[Role.TECHNICIAN], date(2026, 11, 23))
    assert "installments" not in {s.key for s in board.sections}
    assert [line.order_id for line in board.section("due_today").lines] == [order.id]
    assert board.section("due_today").lines[0].status is OrderStatus.DRAFT


def test_schedule_settings_default_on_and_are_saved(world: World) -> None:
    assert settings.get_schedule_settings(world.uow()) == ScheduleSettings()
    assert ScheduleSettings().start_page == "today"
    changed = ScheduleSettings(remind_orders_due_tomorrow=False, seat_warning_days=5,
                               start_page="orders")
    assert settings.save_schedule_settings(world.uow(), world.admin, changed) == changed
    assert settings.get_schedule_settings(world.uow()) == changed
    with refused(world, ValidationError, "^Start page"):
        settings.save_schedule_settings(world.uow(), world.admin,
                                        ScheduleSettings(start_page="finance"))
    with refused(world, ValidationError, "^Seat-readiness days: must be between 0 and 30"):
        settings.save_schedule_settings(world.uow(), world.admin,
                                        ScheduleSettings(seat_warning_days=31))
    with refused(world, PermissionDenied):
        settings.save_schedule_settings(world.uow(), world.actors[Role.FRONT_DESK], changed)
