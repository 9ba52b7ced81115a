"""Reminders driven by an injected clock: fire exactly once, snooze re-fires, dismissed stays
dismissed across a restart, missed ones are listed, each user has their own."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from dentasync_desktop.domain.dto import (
    EventInput,
    PaymentInput,
    PaymentPlanInput,
    ReminderKind,
    ScheduleSettings,
)
from dentasync_desktop.domain.enums import EventKind, PaymentMethod, Role
from dentasync_desktop.domain.errors import SessionEnded, ValidationError
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services import events, orders, payments, reminders, settings
from dentasync_desktop.services.maintenance import Database

from ..conftest import SeededWorld
from ..factories import World
from .conftest import Clock
from .helpers import new_order, refused

APPOINTMENT = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)


def impression(world: World, order_id: int, starts_at: datetime = APPOINTMENT,
               reminder: int | None = 15) -> int:
    saved = events.add_event(world.uow(), world.admin, order_id, EventInput(
        kind=EventKind.IMPRESSION, starts_at=starts_at, reminder_minutes=reminder))
    return saved.event.id


def keys(found: list[reminders.ReminderInfo]) -> list[str]:  # type: ignore[name-defined]
    return [r.key for r in found]


def quiet_days(world: World) -> None:
    """Only the event reminders: no due-date or installment reminders in the way."""
    settings.save_schedule_settings(world.uow(), world.admin, ScheduleSettings(
        remind_orders_due_tomorrow=False, remind_installments_due_today=False))


def test_an_event_reminder_fires_exactly_once(timed: World, clock: Clock) -> None:
    quiet_days(timed)
    desk = timed.actors[Role.FRONT_DESK]
    impression(timed, new_order(timed).id)
    due = APPOINTMENT - timedelta(minutes=15)
    assert reminders.next_reminder_time(timed.uow(), desk) == due
    clock.set(due - timedelta(seconds=1))
    assert reminders.fire_reminders(timed.uow(), desk) == []
    assert reminders.due_reminders(timed.uow(), desk) == []
    clock.set(due)
    fired = reminders.fire_reminders(timed.uow(), desk)
    assert len(fired) == 1
    reminder = fired[0]
    assert (reminder.kind, reminder.due_at, reminder.event_start, reminder.missed) == (
        ReminderKind.EVENT, due, APPOINTMENT, False)
    assert reminder.title.startswith("Impression ") and "Anna Schäfer" in reminder.title
    assert reminders.fire_reminders(timed.uow(), desk) == []  # once
    clock.set(due + timedelta(minutes=3))
    assert reminders.fire_reminders(timed.uow(), desk) == []
    assert keys(reminders.due_reminders(timed.uow(), desk)) == [reminder.key]  # still listed
    assert reminders.next_reminder_time(timed.uow(), desk) is None


def test_snooze_fires_again_and_dismiss_is_for_good_even_after_a_restart(
    timed: World, clock: Clock, database: Database
) -> None:
    quiet_days(timed)
    desk = timed.actors[Role.FRONT_DESK]
    impression(timed, new_order(timed).id)
    due = APPOINTMENT - timedelta(minutes=15)
    clock.set(due)
    [reminder] = reminders.fire_reminders(timed.uow(), desk)
    until = reminders.snooze_reminder(timed.uow(), desk, reminder.key, 5)
    assert until == due + timedelta(minutes=5)
    assert reminders.due_reminders(timed.uow(), desk) == []
    assert reminders.next_reminder_time(timed.uow(), desk) == until
    clock.set(until)
    [again] = reminders.fire_reminders(timed.uow(), desk)
    assert again.key == reminder.key and again.snoozed and again.due_at == until
    assert reminders.fire_reminders(timed.uow(), desk) == []
    reminders.dismiss_reminder(timed.uow(), desk, reminder.key)
    assert reminders.due_reminders(timed.uow(), desk) == []

    # A restart: a new engine and session factory on the same file.
    database.engine.dispose()
    restarted = World.__new__(World)
    restarted.__dict__.update(timed.__dict__)
    clock.set(until + timedelta(hours=1))
    assert reminders.fire_reminders(restarted.uow(), desk) == []
    assert reminders.due_reminders(restarted.uow(), desk) == []


def test_missed_reminders_are_listed_at_the_next_sign_in(timed: World, clock: Clock) -> None:
    quiet_days(timed)
    desk = timed.actors[Role.FRONT_DESK]
    order = new_order(timed)
    impression(timed, order.id, APPOINTMENT)
    impression(timed, order.id, APPOINTMENT + timedelta(hours=2), reminder=60)
    closed_at = APPOINTMENT - timedelta(hours=1)
    clock.set(APPOINTMENT + timedelta(hours=3))  # the app was closed all afternoon
    missed = reminders.missed_reminders(timed.uow(), desk, since=closed_at)
    assert [r.due_at for r in missed] == [APPOINTMENT - timedelta(minutes=15),
                                          APPOINTMENT + timedelta(hours=1)]
    fired = reminders.fire_reminders(timed.uow(), desk)
    assert [r.missed for r in fired] == [True, True]
    assert keys(fired) == keys(missed)
    assert reminders.missed_reminders(timed.uow(), desk, since=APPOINTMENT + timedelta(
        hours=2)) == []


def test_two_users_each_have_their_own_state(timed: World, clock: Clock) -> None:
    quiet_days(timed)
    desk, tech = timed.actors[Role.FRONT_DESK], timed.actors[Role.TECHNICIAN]
    impression(timed, new_order(timed).id)
    clock.set(APPOINTMENT - timedelta(minutes=15))
    [mine] = reminders.fire_reminders(timed.uow(), desk)
    reminders.dismiss_reminder(timed.uow(), desk, mine.key)
    assert reminders.due_reminders(timed.uow(), desk) == []
    assert keys(reminders.fire_reminders(timed.uow(), tech)) == [mine.key]
    assert keys(reminders.due_reminders(timed.uow(), tech)) == [mine.key]


def test_done_moved_and_cancelled_events(timed: World, clock: Clock) -> None:
    quiet_days(timed)
    desk = timed.actors[Role.FRONT_DESK]
    order = new_order(timed)
    event_id = impression(timed, order.id)
    clock.set(APPOINTMENT - timedelta(minutes=15))
    [first] = reminders.fire_reminders(timed.uow(), desk)
    reminders.dismiss_reminder(timed.uow(), desk, first.key)
    # Moved to another day: a new appointment, so its reminder fires again.
    events.move_event(timed.uow(), timed.admin, event_id, APPOINTMENT + timedelta(days=1))
    clock.set(APPOINTMENT + timedelta(days=1) - timedelta(minutes=10))
    [moved] = reminders.fire_reminders(timed.uow(), desk)
    assert moved.key != first.key
    events.set_event_done(timed.uow(), timed.admin, event_id, True)
    assert reminders.due_reminders(timed.uow(), desk) == []
    events.set_event_done(timed.uow(), timed.admin, event_id, False)
    detail = orders.cancel(timed.uow(), timed.admin, order.id, order.version, "Duplicate")
    assert detail.status.value == "cancelled"
    assert reminders.due_reminders(timed.uow(), desk) == []


def test_orders_due_tomorrow_installments_today_and_seat_readiness(
    timed: World, clock: Clock
) -> None:
    desk, tech = timed.actors[Role.FRONT_DESK], timed.actors[Role.TECHNICIAN]
    due_tomorrow = new_order(timed, documented_at=date(2026, 11, 10), due_date=date(2026, 11, 21))
    orders.publish(timed.uow(), timed.admin, due_tomorrow.id, due_tomorrow.version)
    paying = new_order(timed, documented_at=date(2026, 11, 10), due_date=date(2026, 12, 10))
    payments.set_payment_plan(timed.uow(), timed.admin, paying.id, PaymentPlanInput(
        amount=Money(50000, "EUR"), method=PaymentMethod.CASH, installments=2,
        first_due_date=date(2026, 11, 20)))
    events.add_event(timed.uow(), timed.admin, paying.id, EventInput(
        kind=EventKind.TRY_IN, starts_at=datetime(2026, 11, 21, 9, 0, tzinfo=UTC)))
    found = {r.kind: r for r in reminders.due_reminders(timed.uow(), desk)}
    assert set(found) == {ReminderKind.ORDER_DUE, ReminderKind.INSTALLMENT_DUE,
                          ReminderKind.SEAT}
    assert found[ReminderKind.ORDER_DUE].order_id == due_tomorrow.id
    assert found[ReminderKind.INSTALLMENT_DUE].amount == Money(25000, "EUR")
    assert found[ReminderKind.SEAT].order_id == paying.id
    # Technicians handle no money: no installment reminders for them.
    assert ReminderKind.INSTALLMENT_DUE not in {
        r.kind for r in reminders.due_reminders(timed.uow(), tech)}
    # Paid: the installment reminder goes away; shipped: the due-date one too.
    payments.record_payment(timed.uow(), timed.admin, paying.id, PaymentInput(
        paid_on=date(2026, 11, 20), amount=Money(25000, "EUR"), method=PaymentMethod.CASH))
    quiet_days(timed)
    assert {r.kind for r in reminders.due_reminders(timed.uow(), desk)} == {ReminderKind.SEAT}


def test_refusals(timed: World) -> None:
    desk = timed.actors[Role.FRONT_DESK]
    with refused(timed, ValidationError, "^Reminder: 'nonsense' is not a reminder"):
        reminders.dismiss_reminder(timed.uow(), desk, "nonsense")
    with refused(timed, ValidationError, "^Snooze: Must be between 1 and 10080"):
        reminders.snooze_reminder(timed.uow(), desk, "event:1:20261125T1400", 0)
    nobody = timed.actors[Role.ADMIN].__class__(user_id=None, username="script",
                                                full_name="Script", role=Role.ADMIN)
    with refused(timed, SessionEnded):
        reminders.dismiss_reminder(timed.uow(), nobody, "event:1:20261125T1400")


def test_dismiss_all_in_one_transaction_announces_to_the_users_windows(
        database: Database, clock: Clock, seeded_world: SeededWorld) -> None:
    from dentasync_desktop.db.engine import make_session_factory
    from dentasync_desktop.services.attachment_store import AttachmentStore
    from dentasync_desktop.services.changes import Change, ChangeKind
    from dentasync_desktop.services.unit_of_work import UnitOfWork

    factory = make_session_factory(database.engine)
    store = AttachmentStore(database.paths.attachments_dir)
    world = seeded_world.world.using(
        lambda: UnitOfWork(factory, store, clock=clock, bus=database.bus))
    quiet_days(world)
    desk = world.actors[Role.FRONT_DESK]
    order = new_order(world)
    impression(world, order.id)
    impression(world, order.id, APPOINTMENT + timedelta(hours=1))
    clock.set(APPOINTMENT + timedelta(hours=2))
    due = keys(reminders.due_reminders(world.uow(), desk))
    assert len(due) == 2
    heard: list[tuple[Change, ...]] = []
    database.bus.subscribe(heard.append)
    reminders.dismiss_reminders(world.uow(), desk, tuple(due))
    assert reminders.due_reminders(world.uow(), desk) == []
    assert heard == [(Change(ChangeKind.REMINDER, actor_id=desk.user_id),)]
    with refused(world, ValidationError, "^Reminder: 'nonsense' is not a reminder"):
        reminders.dismiss_reminders(world.uow(), desk, (due[0], "nonsense"))
