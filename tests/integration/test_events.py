"""Events of an order: add, edit, move, done, delete, and the seat-readiness warning."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from dentasync_desktop.domain.dto import EventInput
from dentasync_desktop.domain.enums import EventKind, Role
from dentasync_desktop.domain.errors import (
    ConcurrencyError,
    LifecycleError,
    NotFound,
    ValidationError,
)
from dentasync_desktop.services import events, orders

from ..factories import World
from .helpers import entry_text, last_activity, new_order, one_activity, refused

BERLIN_WINTER = timezone(timedelta(hours=1))


def at(day: int, hour: int, tz: timezone = UTC) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=tz)


TUESDAY_9 = at(24, 9)


def try_in(starts_at: datetime | None = TUESDAY_9, **overrides: object) -> EventInput:
    values: dict[str, object] = dict(kind=EventKind.TRY_IN, starts_at=starts_at,
                                     duration_minutes=30, reminder_minutes=60, note="Bring shade")
    values.update(overrides)
    return EventInput(**values)  # type: ignore[arg-type]


def test_add_event_stores_utc_and_logs_it(world: World) -> None:
    order = new_order(world)
    with one_activity(world, order.id):
        order = events.add_event(world.uow(), world.actors[Role.TECHNICIAN], order.id,
                                 try_in(at(24, 10, BERLIN_WINTER))).detail
    event = order.events[0]
    assert event.starts_at == at(24, 9) and event.starts_at.tzinfo is not None
    assert (event.kind, event.duration_minutes, event.reminder_minutes, event.note) == (
        EventKind.TRY_IN, 30, 60, "Bring shade")
    assert (event.order_number, event.patient_name, event.done) == (1, "Anna Schäfer", False)
    entry = last_activity(world)
    assert (entry.action, entry.entity, entry.entity_id) == ("add_event", "event", event.id)
    assert "Try-in" in entry_text(entry)


def test_event_input_is_checked_field_by_field(world: World) -> None:
    order = new_order(world)
    cases = [
        (try_in(datetime(2026, 11, 24, 9, 0)), "^Start: Needs a time zone"),
        (try_in(None), "^Start: A date and time is required"),
        (try_in(duration_minutes=4), "^Duration: Must be between 5 and 1440"),
        (try_in(duration_minutes=1441), "^Duration: Must be between 5 and 1440"),
        (try_in(reminder_minutes=-1), "^Reminder: Must be between 0 and 10080"),
        (try_in(reminder_minutes=10081), "^Reminder: Must be between 0 and 10080"),
        (try_in(note="n" * 2001), "^Note: Too long"),
        (try_in(kind="party"), "^Kind: 'party' is not a kind"),
    ]
    for data, message in cases:
        with refused(world, ValidationError, message):
            events.add_event(world.uow(), world.admin, order.id, data)
    for edge in (try_in(duration_minutes=5, reminder_minutes=None),
                 try_in(duration_minutes=1440, reminder_minutes=0),
                 try_in(reminder_minutes=10080)):
        order = events.add_event(world.uow(), world.admin, order.id, edge).detail
    assert len(order.events) == 3
    order = orders.cancel(world.uow(), world.admin, order.id, order.version, "Duplicate")
    with refused(world, LifecycleError, "cancelled"):
        events.add_event(world.uow(), world.admin, order.id, try_in())


def test_edit_event_changes_and_logs_the_difference(world: World) -> None:
    order = events.add_event(world.uow(), world.admin, new_order(world).id, try_in()).detail
    event_id = order.events[0].id
    with one_activity(world, order.id):
        order = events.edit_event(world.uow(), world.actors[Role.FRONT_DESK], event_id,
                                  try_in(at(25, 14), kind=EventKind.DELIVERY, note="")).detail
    event = order.events[0]
    assert (event.kind, event.starts_at, event.note) == (EventKind.DELIVERY, at(25, 14), "")
    entry = last_activity(world)
    assert '"kind": "try_in"' in entry.before and '"kind": "delivery"' in entry.after
    assert "duration_minutes" not in entry.after
    with refused(world, ValidationError, "^Duration"):
        events.edit_event(world.uow(), world.admin, event_id, try_in(duration_minutes=0))
    with refused(world, NotFound, "Event #404"):
        events.edit_event(world.uow(), world.admin, 404, try_in())


def test_set_event_done_toggles_once(world: World) -> None:
    order = events.add_event(world.uow(), world.admin, new_order(world).id, try_in()).detail
    event_id = order.events[0].id
    with one_activity(world, order.id):
        order = events.set_event_done(world.uow(), world.admin, event_id, True)
    assert order.events[0].done
    with refused(world, ValidationError, "^Done: The event is already done"):
        events.set_event_done(world.uow(), world.admin, event_id, True)
    order = events.set_event_done(world.uow(), world.admin, event_id, False)
    assert not order.events[0].done


def test_delete_event_is_real_and_the_log_remembers_it(world: World) -> None:
    order = events.add_event(world.uow(), world.admin, new_order(world).id, try_in()).detail
    event_id = order.events[0].id
    with one_activity(world, order.id):
        order = events.delete_event(world.uow(), world.admin, event_id)
    assert order.events == ()
    entry = last_activity(world)
    assert entry.action == "delete_event" and entry.entity_id == event_id
    assert '"note": "Bring shade"' in entry.before
    with refused(world, NotFound):
        events.delete_event(world.uow(), world.admin, event_id)


def test_events_of_a_cancelled_order_are_frozen(world: World) -> None:
    order = events.add_event(world.uow(), world.admin, new_order(world).id, try_in()).detail
    event_id = order.events[0].id
    orders.cancel(world.uow(), world.admin, order.id, order.version, "Duplicate")
    with refused(world, LifecycleError, "cancelled"):
        events.delete_event(world.uow(), world.admin, event_id)
    with refused(world, LifecycleError, "cancelled"):
        events.edit_event(world.uow(), world.admin, event_id, try_in(note="Moved"))
    with refused(world, LifecycleError, "cancelled"):
        events.set_event_done(world.uow(), world.admin, event_id, True)


def test_move_event_is_the_edit_with_a_new_start(world: World) -> None:
    saved = events.add_event(world.uow(), world.admin, new_order(world).id, try_in())
    event = saved.event
    assert event.version == 1
    with one_activity(world, saved.detail.id):
        moved = events.move_event(world.uow(), world.actors[Role.FRONT_DESK], event.id,
                                  at(26, 11, BERLIN_WINTER), expected_version=1)
    assert (moved.event.starts_at, moved.event.kind, moved.event.note, moved.event.version) == (
        at(26, 10), EventKind.TRY_IN, "Bring shade", 2)
    entry = last_activity(world)
    assert entry.action == "edit_event" and "starts_at" in entry.after
    assert "note" not in entry.after
    with refused(world, ConcurrencyError, "changed this event"):
        events.move_event(world.uow(), world.admin, event.id, at(27, 9), expected_version=1)
    with refused(world, ConcurrencyError, "changed this event"):
        events.edit_event(world.uow(), world.admin, event.id, try_in(), expected_version=1)
    with refused(world, NotFound, "Event #999"):
        events.move_event(world.uow(), world.admin, 999, at(27, 9))
    with refused(world, ValidationError, "^Start: Needs a time zone"):
        events.move_event(world.uow(), world.admin, event.id, datetime(2026, 11, 27, 9))
    orders.cancel(world.uow(), world.admin, saved.detail.id, saved.detail.version, "Duplicate")
    with refused(world, LifecycleError, "cancelled"):
        events.move_event(world.uow(), world.admin, event.id, at(27, 9))


def test_saving_a_try_in_soon_warns_while_the_case_is_not_back(world: World) -> None:
    order = new_order(world)
    # FIXED_NOW is 2026-11-20 10:00 UTC: the 22nd is in two days, the 23rd in three.
    soon = events.add_event(world.uow(), world.admin, order.id, try_in(at(22, 9)))
    assert soon.warning is not None and soon.warning.days_until == 2
    assert soon.warning.text().startswith("Case not back: try-in in 2 days")
    later = events.add_event(world.uow(), world.admin, order.id, try_in(at(23, 9)))
    assert later.warning is None
    impression = events.add_event(world.uow(), world.admin, order.id,
                                  try_in(at(21, 9), kind=EventKind.IMPRESSION))
    assert impression.warning is None
    moved = events.move_event(world.uow(), world.admin, later.event.id, at(21, 9))
    assert moved.warning is not None and "tomorrow" in moved.warning.text("en")
