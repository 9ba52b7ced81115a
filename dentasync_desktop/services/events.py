"""Appointments of an order (try-in, delivery, pickup, impression): add, edit, move, done, delete.

GUI: the Events tab calls add_event/edit_event/set_event_done/delete_event; the calendar's drag
(or its time editor) calls move_event(event_id, new_start, expected_version=row.version) and,
on a refusal (PermissionDenied, LifecycleError, ConcurrencyError), snaps the event back and
shows the message. add_event, edit_event and move_event return EventSaved: ``detail`` for the
order page, ``event``, and ``warning`` (a SeatWarning or None) to show as a non-blocking notice.
The calendar's read side is services/calendar.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from ..db.models import Event, WorkOrder
from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import Actor, EventInput, EventSaved, OrderDetail
from ..domain.enums import EventKind
from ..domain.errors import ConcurrencyError, ValidationError
from ..domain.readiness import SeatWarning, seat_warning
from . import activity
from .guards import get, order_for
from .order_detail import load_detail
from .settings import read_schedule
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
        raise ValidationError(field, code="date_time_required")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(field, code="needs_time_zone")
    validation.in_range(value, field)
    return value.astimezone(UTC)


def _kind(value: EventKind | str) -> EventKind:
    try:
        return EventKind(value)
    except ValueError:
        raise ValidationError("kind", code="not_event_kind", params={"value": value}) from None


def _clean(data: EventInput) -> _Clean:
    check = validation.Checks()
    reminder = data.reminder_minutes
    clean = _Clean(
        kind=check(_kind, data.kind),
        starts_at=check(_aware, data.starts_at, "start"),
        duration_minutes=check(validation.whole_number,
                               data.duration_minutes, "duration", MIN_DURATION, MAX_DURATION),
        reminder_minutes=None if reminder is None
        else check(validation.whole_number, reminder, "reminder", 0, MAX_REMINDER),
        note=check(validation.optional, data.note, "note", NOTE_LIMIT),
    )
    check.done()
    return clean


def _snapshot(event: Event) -> dict[str, object]:
    return {"kind": event.kind.value, "starts_at": event.starts_at,
            "duration_minutes": event.duration_minutes,
            "reminder_minutes": event.reminder_minutes, "note": event.note, "done": event.done}


def _describe(order: WorkOrder, event: Event | _Clean) -> dict[str, object]:
    """The log entry's parameters; readers show the start in their own time zone."""
    return {"order": order.number, "kind": event.kind.value, "starts_at": event.starts_at}


def _event_for(
    uow: UnitOfWork, actor: Actor, event_id: int, expected_version: int | None = None
) -> tuple[Event, WorkOrder]:
    event = get(uow, Event, event_id, "Event")
    order, _ = order_for(uow, actor, event.order_id, Action.EVENTS)
    if expected_version is not None and event.version != expected_version:
        raise ConcurrencyError(code="stale_event")
    return event, order


def _warning(uow: UnitOfWork, event: Event, order: WorkOrder) -> SeatWarning | None:
    return seat_warning(event.kind, event.starts_at.astimezone().date(), event.done,
                        order.status, uow.today(), read_schedule(uow).seat_warning_days)


def _saved(uow: UnitOfWork, event: Event, order: WorkOrder) -> EventSaved:
    """Called after commit: the order as now, the event as stored, its seat-readiness warning."""
    detail = load_detail(uow, order.id)
    info = next(e for e in detail.events if e.id == event.id)
    return EventSaved(detail=detail, event=info, warning=_warning(uow, event, order))


def add_event(uow: UnitOfWork, actor: Actor, order_id: int, data: EventInput) -> EventSaved:
    """Schedule an appointment; ``warning`` says if the case will not be back in time."""
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.EVENTS)
        clean = _clean(data)
        event = Event(
            order_id=order.id, kind=clean.kind, starts_at=clean.starts_at,
            duration_minutes=clean.duration_minutes, reminder_minutes=clean.reminder_minutes,
            note=clean.note, done=False, created_by_id=actor.user_id, created_at=uow.now())
        uow.session.add(event)
        uow.session.flush()
        activity.record(uow, actor, "add_event", "event.added", _describe(order, event),
                        entity="event", entity_id=event.id, order_id=order.id,
                        after=_snapshot(event))
        uow.commit()
        return _saved(uow, event, order)


def edit_event(
    uow: UnitOfWork, actor: Actor, event_id: int, data: EventInput,
    expected_version: int | None = None,
) -> EventSaved:
    """Change an appointment: the Events tab's dialog and the calendar's drag both come here.

    ``expected_version`` (EventInfo/CalendarEvent.version) refuses with ConcurrencyError when
    someone changed the event since it was shown.
    """
    with uow:
        event, order = _event_for(uow, actor, event_id, expected_version)
        if _update(uow, actor, event, order, _clean(data)):
            uow.commit()
        return _saved(uow, event, order)


def move_event(
    uow: UnitOfWork, actor: Actor, event_id: int, new_start: datetime,
    expected_version: int | None = None,
) -> EventSaved:
    """The calendar's drag: the same edit with only the start changed (same checks, same log)."""
    with uow:
        event, order = _event_for(uow, actor, event_id, expected_version)
        data = EventInput(kind=event.kind, starts_at=new_start,
                          duration_minutes=event.duration_minutes,
                          reminder_minutes=event.reminder_minutes, note=event.note)
        if _update(uow, actor, event, order, _clean(data)):
            uow.commit()
        return _saved(uow, event, order)


def _update(uow: UnitOfWork, actor: Actor, event: Event, order: WorkOrder, clean: _Clean) -> bool:
    """Apply ``clean`` and log it; False (nothing to commit) when it changes nothing."""
    before = _snapshot(event)
    event.kind, event.starts_at = clean.kind, clean.starts_at
    event.duration_minutes, event.reminder_minutes = (
        clean.duration_minutes, clean.reminder_minutes)
    event.note = clean.note
    old, new = activity.changes(before, _snapshot(event))
    if not new:
        return False
    activity.record(uow, actor, "edit_event", "event.edited", _describe(order, event),
                    entity="event", entity_id=event.id, order_id=order.id,
                    before=old, after=new)
    return True


def set_event_done(uow: UnitOfWork, actor: Actor, event_id: int, done: bool) -> OrderDetail:
    with uow:
        event, order = _event_for(uow, actor, event_id)
        if event.done == done:
            raise ValidationError("done", code="event_already_done" if done
                                  else "event_already_open")
        event.done = done
        activity.record(uow, actor, "event_done" if done else "event_reopened",
                        "event.done" if done else "event.reopened", _describe(order, event),
                        entity="event", entity_id=event.id, order_id=order.id,
                        before={"done": not done}, after={"done": done})
        uow.commit()
        return load_detail(uow, order.id)


def delete_event(uow: UnitOfWork, actor: Actor, event_id: int) -> OrderDetail:
    """Events are really deleted; the activity entry keeps everything the event was."""
    with uow:
        event, order = _event_for(uow, actor, event_id)
        before = _snapshot(event)
        described = _describe(order, event)
        uow.session.delete(event)
        activity.record(uow, actor, "delete_event", "event.deleted", described, entity="event",
                        entity_id=event_id, order_id=order.id, before=before)
        uow.commit()
        return load_detail(uow, order.id)
