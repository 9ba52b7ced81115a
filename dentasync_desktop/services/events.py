"""Appointments of an order (try-in, delivery, pickup, impression) and the calendar's view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from ..db.models import Event, Patient, WorkOrder
from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import Actor, EventInfo, EventInput, OrderDetail
from ..domain.enums import EventKind, OrderStatus
from ..domain.errors import ValidationError
from ..domain.numbers import format_number
from . import activity
from .guards import get, order_for, signed_in
from .order_detail import load_detail
from .unit_of_work import UnitOfWork

MIN_DURATION, MAX_DURATION = 5, 24 * 60
MAX_REMINDER = 7 * 24 * 60
NOTE_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class _Clean:
    kind: EventKind
    starts_at: datetime  # aware UTC
    duration_minutes: int
    reminder_minutes: int | None
    note: str


def _aware(value: datetime | None, field: str) -> datetime:
    if not isinstance(value, datetime):
        raise ValidationError(field, "a date and time is required")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(field, "needs a time zone")
    validation.in_range(value, field)
    return value.astimezone(UTC)


def _clean(data: EventInput) -> _Clean:
    try:
        kind = EventKind(data.kind)
    except ValueError:
        raise ValidationError("kind", f"'{data.kind}' is not a kind of appointment") from None
    reminder = data.reminder_minutes
    return _Clean(
        kind=kind,
        starts_at=_aware(data.starts_at, "start"),
        duration_minutes=validation.whole_number(
            data.duration_minutes, "duration", MIN_DURATION, MAX_DURATION),
        reminder_minutes=None if reminder is None
        else validation.whole_number(reminder, "reminder", 0, MAX_REMINDER),
        note=validation.optional(data.note, "note", NOTE_LIMIT),
    )


def _snapshot(event: Event) -> dict[str, object]:
    return {"kind": event.kind.value, "starts_at": event.starts_at,
            "duration_minutes": event.duration_minutes,
            "reminder_minutes": event.reminder_minutes, "note": event.note, "done": event.done}


def _describe(order: WorkOrder, event: Event | _Clean, what: str) -> str:
    # The log is read by people: the start in the computer's local time, not UTC.
    return (f"{format_number(order.number)}: {event.kind.label} on "
            f"{event.starts_at.astimezone():%Y-%m-%d %H:%M} {what}")


def _event_for(uow: UnitOfWork, actor: Actor, event_id: int) -> tuple[Event, WorkOrder]:
    event = get(uow, Event, event_id, "Event")
    order, _ = order_for(uow, actor, event.order_id, Action.EVENTS)
    return event, order


def add_event(uow: UnitOfWork, actor: Actor, order_id: int, data: EventInput) -> OrderDetail:
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.EVENTS)
        clean = _clean(data)
        event = Event(
            order_id=order.id, kind=clean.kind, starts_at=clean.starts_at,
            duration_minutes=clean.duration_minutes, reminder_minutes=clean.reminder_minutes,
            note=clean.note, done=False, created_by_id=actor.user_id, created_at=uow.now())
        uow.session.add(event)
        uow.session.flush()
        activity.record(uow, actor, "add_event", _describe(order, event, "added"),
                        entity="event", entity_id=event.id, order_id=order.id,
                        after=_snapshot(event))
        uow.commit()
        return load_detail(uow, order_id)


def edit_event(uow: UnitOfWork, actor: Actor, event_id: int, data: EventInput) -> OrderDetail:
    with uow:
        event, order = _event_for(uow, actor, event_id)
        clean = _clean(data)
        before = _snapshot(event)
        event.kind, event.starts_at = clean.kind, clean.starts_at
        event.duration_minutes, event.reminder_minutes = (
            clean.duration_minutes, clean.reminder_minutes)
        event.note = clean.note
        old, new = activity.changes(before, _snapshot(event))
        activity.record(uow, actor, "edit_event", _describe(order, event, "edited"),
                        entity="event", entity_id=event.id, order_id=order.id,
                        before=old, after=new)
        uow.commit()
        return load_detail(uow, order.id)


def set_event_done(uow: UnitOfWork, actor: Actor, event_id: int, done: bool) -> OrderDetail:
    with uow:
        event, order = _event_for(uow, actor, event_id)
        if event.done == done:
            raise ValidationError("done", "the event is already " + ("done" if done else "open"))
        event.done = done
        activity.record(uow, actor, "event_done" if done else "event_reopened",
                        _describe(order, event, "done" if done else "reopened"),
                        entity="event", entity_id=event.id, order_id=order.id,
                        before={"done": not done}, after={"done": done})
        uow.commit()
        return load_detail(uow, order.id)


def delete_event(uow: UnitOfWork, actor: Actor, event_id: int) -> OrderDetail:
    """Events are really deleted; the activity entry keeps everything the event was."""
    with uow:
        event, order = _event_for(uow, actor, event_id)
        before = _snapshot(event)
        summary = _describe(order, event, "deleted")
        uow.session.delete(event)
        activity.record(uow, actor, "delete_event", summary, entity="event",
                        entity_id=event_id, order_id=order.id, before=before)
        uow.commit()
        return load_detail(uow, order.id)


def events_between(
    uow: UnitOfWork, actor: Actor, start: datetime, end: datetime
) -> list[EventInfo]:
    """Events starting in [start, end), for the calendar, ordered by start.

    Everyone signed in may look, as with an order. Events of cancelled orders are left out:
    a cancelled order is read-only, so its appointments could not be removed any more.
    """
    start_utc, end_utc = _aware(start, "start"), _aware(end, "end")
    if end_utc <= start_utc:
        raise ValidationError("end", "must be after the start")
    query = (
        select(Event, WorkOrder.number, Patient.first_name, Patient.last_name)
        .join(WorkOrder, WorkOrder.id == Event.order_id)
        .join(Patient, Patient.id == WorkOrder.patient_id)
        .where(Event.starts_at >= start_utc, Event.starts_at < end_utc,
               WorkOrder.status != OrderStatus.CANCELLED)
        .order_by(Event.starts_at, Event.id)
    )
    with uow.reading():
        signed_in(uow, actor)
        return [
            EventInfo(id=e.id, order_id=e.order_id, order_number=number, kind=e.kind,
                      starts_at=e.starts_at, duration_minutes=e.duration_minutes,
                      reminder_minutes=e.reminder_minutes, note=e.note, done=e.done,
                      patient_name=f"{first} {last}".strip())
            for e, number, first, last in uow.session.execute(query)
        ]
