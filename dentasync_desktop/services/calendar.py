"""The main Calendar's read side: events in a time range, due dates, the order picker, the agenda.

How the GUI uses it:
- A view (day, week, month, agenda) asks ``calendar_events(uow, actor, start, end, flt)`` for
  [start, end) in aware datetimes (local midnight of the first and after the last day shown)
  and gets CalendarEvent rows ordered by start: kind (colour), time, patient, order number, lab,
  customer, ``order_status``/``order_closed`` (grey out cancelled and completed), ``done``,
  ``person`` and ``warning`` (seat-readiness: mark the cell, show ``warning.text()``).
  Events of cancelled orders are included so the calendar can show them as cancelled.
- The "due dates" toggle adds ``order_due_dates(uow, actor, first_day, last_day, flt)`` as
  all-day items.
- Double-click opens the order (``order_id``) on its Events tab. A drag calls
  services.events.move_event(event_id, new_start, expected_version=row.version).
- "New event" in an empty slot asks for the order with ``orders_for_new_event(uow, actor,
  text)`` (number as typed or scanned, or words of patient/customer/lab) and then calls
  services.events.add_event with the slot's time prefilled.
- Print: ``write_agenda(uow_factory, actor, first_day, days, flt, target)`` writes the PDF for
  the print preview (days=1 for a day, 7 for a week).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, func, or_, select

from ..db.models import Customer, DentalLab, Event, Patient, User, WorkOrder
from ..db.models.search import contains
from ..documents.agenda import agenda_table
from ..domain import lifecycle, validation
from ..domain.dto import (
    Actor,
    CalendarDueDate,
    CalendarEvent,
    CalendarFilter,
    OrderFilter,
    OrderRow,
)
from ..domain.enums import EventKind, OrderStatus
from ..domain.errors import ValidationError
from ..domain.numbers import looks_like_number, parse_number
from ..domain.readiness import seat_warning
from .guards import signed_in
from .order_list import AWAITING_DELIVERY, orders_after, search_tokens
from .reports import write_table
from .settings import get_settings, read_schedule
from .unit_of_work import UnitOfWork, UnitOfWorkFactory

MAX_RANGE = timedelta(days=62)  # a month view with its spill-over weeks, with room to spare
MAX_AGENDA_DAYS = 31
PICKER_LIMIT = 20
NO_FILTER = CalendarFilter()


def _aware(value: datetime, field: str) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValidationError(field, code="needs_zoned_date_time")
    validation.in_range(value, field)  # so the conversion to UTC cannot leave datetime's years
    return value.astimezone(UTC)


def _range(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    start_utc, end_utc = _aware(start, "start"), _aware(end, "end")
    if end_utc <= start_utc:
        raise ValidationError("end", code="end_not_after_start")
    if end_utc - start_utc > MAX_RANGE:
        raise ValidationError("end", code="range_too_long", params={"days": MAX_RANGE.days})
    return start_utc, end_utc


def _order_conditions(flt: CalendarFilter) -> list[ColumnElement[bool]]:
    validation.record_id(flt.lab_id, "dental lab")
    validation.record_id(flt.customer_id, "customer")
    conditions: list[ColumnElement[bool]] = []
    if flt.lab_id is not None:
        conditions.append(WorkOrder.lab_id == flt.lab_id)
    if flt.customer_id is not None:
        conditions.append(WorkOrder.customer_id == flt.customer_id)
    return conditions


def calendar_events(
    uow: UnitOfWork, actor: Actor, start: datetime, end: datetime,
    flt: CalendarFilter = NO_FILTER,
) -> list[CalendarEvent]:
    """Events starting in [start, end) that match ``flt``, ordered by start (ties by id).

    Everyone signed in may look, as at an order. The range is at most MAX_RANGE.
    """
    start_utc, end_utc = _range(start, end)
    kinds = tuple(EventKind(k) for k in flt.kinds)
    conditions = [Event.starts_at >= start_utc, Event.starts_at < end_utc,
                  *_order_conditions(flt)]
    if kinds:
        conditions.append(Event.kind.in_(kinds))
    if flt.only_mine:
        conditions.append(Event.created_by_id == actor.user_id)
    for token in search_tokens(flt.text):
        conditions.append(or_(contains(WorkOrder.search_text, token, uow.dialect),
                              contains(func.lower(Event.note), token, uow.dialect)))
    query = (
        select(Event.id, Event.version, Event.kind, Event.starts_at, Event.duration_minutes,
               Event.reminder_minutes, Event.note, Event.done, WorkOrder.id, WorkOrder.number,
               WorkOrder.status, Patient.first_name, Patient.last_name, DentalLab.id,
               DentalLab.name, Customer.id, Customer.name, User.full_name)
        .join(WorkOrder, WorkOrder.id == Event.order_id)
        .join(Patient, Patient.id == WorkOrder.patient_id)
        .join(DentalLab, DentalLab.id == WorkOrder.lab_id)
        .join(Customer, Customer.id == WorkOrder.customer_id)
        .outerjoin(User, User.id == Event.created_by_id)
        .where(*conditions)
        .order_by(Event.starts_at, Event.id)
    )
    with uow.reading():
        signed_in(uow, actor)
        today, days = uow.today(), read_schedule(uow).seat_warning_days
        rows = uow.session.execute(query).all()
    return [
        CalendarEvent(
            id=r[0], version=r[1], kind=r[2], starts_at=r[3], duration_minutes=r[4],
            reminder_minutes=r[5], note=r[6], done=r[7], order_id=r[8], order_number=r[9],
            order_status=r[10], patient_name=f"{r[11]} {r[12]}".strip(), lab_id=r[13],
            lab_name=r[14], customer_id=r[15], customer_name=r[16], person=r[17] or "",
            warning=seat_warning(r[2], r[3].astimezone().date(), r[7], r[10], today, days))
        for r in rows
    ]


def order_due_dates(
    uow: UnitOfWork, actor: Actor, first_day: date, last_day: date,
    flt: CalendarFilter = NO_FILTER,
) -> list[CalendarDueDate]:
    """Due dates in [first_day, last_day] of orders that are not cancelled, by date and number.

    The lab, customer and text filters apply; kinds and "only mine" are about events.
    """
    validation.date_range(first_day, last_day, "end")
    if last_day - first_day > MAX_RANGE:
        raise ValidationError("end", code="range_too_long", params={"days": MAX_RANGE.days})
    conditions = [WorkOrder.due_date >= first_day, WorkOrder.due_date <= last_day,
                  WorkOrder.status != OrderStatus.CANCELLED, *_order_conditions(flt)]
    conditions += [contains(WorkOrder.search_text, t, uow.dialect)
                   for t in search_tokens(flt.text)]
    query = (
        select(WorkOrder.id, WorkOrder.number, WorkOrder.due_date, WorkOrder.status,
               Patient.first_name, Patient.last_name, DentalLab.name, Customer.name)
        .join(Patient, Patient.id == WorkOrder.patient_id)
        .join(DentalLab, DentalLab.id == WorkOrder.lab_id)
        .join(Customer, Customer.id == WorkOrder.customer_id)
        .where(*conditions)
        .order_by(WorkOrder.due_date, WorkOrder.number)
    )
    with uow.reading():
        signed_in(uow, actor)
        today = uow.today()
        rows = uow.session.execute(query).all()
    return [
        CalendarDueDate(order_id=r[0], order_number=r[1], due_date=r[2], order_status=r[3],
                        patient_name=f"{r[4]} {r[5]}".strip(), lab_name=r[6],
                        customer_name=r[7],
                        overdue=r[2] < today and r[3] in AWAITING_DELIVERY)
        for r in rows if r[2] is not None  # always set: the query asks for a due range
    ]


def orders_for_new_event(
    uow: UnitOfWork, actor: Actor, text: str, limit: int = PICKER_LIMIT
) -> list[OrderRow]:
    """Orders an event may be added to that match ``text``, newest number first.

    An order number in any spelling ("WO-000123", "wo000123", "123") finds that order first;
    otherwise the words search number, patient, customer, lab and description like the order
    list does. Cancelled orders are left out (they take no events).
    """
    statuses = tuple(s for s in OrderStatus if s in lifecycle.ALLOWED_IN[lifecycle.A.EVENTS])
    if not looks_like_number(text):
        flt = OrderFilter(text=text, statuses=statuses, sort_key="number", descending=True)
        return list(orders_after(uow, actor, flt, None, limit).rows)
    number = parse_number(text)
    flt = OrderFilter(text=str(number), statuses=statuses, sort_key="number", descending=True)
    rows = orders_after(uow, actor, flt, None, limit).rows
    return sorted(rows, key=lambda row: row.number != number)  # stable: the rest keep order


def local_midnight(day: date) -> datetime:
    """Start of ``day`` in the computer's time zone, as an aware datetime."""
    return datetime.combine(day, time.min).astimezone()


def write_agenda(
    uow_factory: UnitOfWorkFactory, actor: Actor, first_day: date, days: int,
    flt: CalendarFilter, target: Path,
) -> Path:
    """The agenda of ``days`` days from ``first_day`` as a PDF at ``target`` (for the preview)."""
    if not 1 <= days <= MAX_AGENDA_DAYS:
        raise ValidationError("days", code="out_of_range",
                              params={"minimum": 1, "maximum": MAX_AGENDA_DAYS})
    target = Path(target)
    if not target.parent.is_dir():
        raise ValidationError("file", code="no_folder", params={"path": str(target.parent)})
    last_day = first_day + timedelta(days=days - 1)
    rows = calendar_events(uow_factory(), actor, local_midnight(first_day),
                           local_midnight(last_day + timedelta(days=1)), flt)
    uow = uow_factory()
    settings = get_settings(uow)
    with uow.reading():
        filters = _describe(uow, flt)
        generated_at = uow.now()
    table = agenda_table(rows, settings.name, first_day, last_day, filters, generated_at)
    return write_table(table, "pdf", target, settings.paper_size)


def _describe(uow: UnitOfWork, flt: CalendarFilter) -> tuple[tuple[str, str], ...]:
    """The filters in force, for the agenda's heading; those not set are not mentioned."""
    described = []
    if flt.kinds:
        described.append(("Kinds", ", ".join(EventKind(k).label for k in flt.kinds)))
    s = uow.session
    parties: tuple[tuple[str, DentalLab | Customer | None], ...] = (
        ("Dental lab", s.get(DentalLab, flt.lab_id) if flt.lab_id is not None else None),
        ("Customer", s.get(Customer, flt.customer_id) if flt.customer_id is not None else None))
    for label, row in parties:
        if row is not None:
            described.append((label, row.name))
    if flt.only_mine:
        described.append(("Events", "only mine"))
    if flt.text.strip():
        described.append(("Search", flt.text.strip()))
    return tuple(described)
