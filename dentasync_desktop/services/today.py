"""The Today board: what must happen today, in sections with counts, each line opening its order.

How the GUI uses it: ``today_board(uow, actor)`` (``today`` defaults to the unit of work's local
date) returns a TodayBoard whose ``sections`` come in SECTIONS order; show each section's
``title`` with its ``count`` (which counts every match, while ``lines`` stop at LINE_LIMIT), each
line as number, patient, ``text`` (plus ``amount`` for installments, ``warning.text()`` if the
case is not back for an appointment) and open ``line.order_id`` on double-click/Enter
(appointments: on the Events tab). The installments section carries ``totals`` per currency and
is left out for users who may not record payments. The reminders section lists
services.reminders.due_reminders (``reminder_key`` for Snooze/Dismiss). Re-read the board when
the change bus reports an order, event or payment change, and at midnight. Whether the app starts
on this page: services.settings.get_schedule_settings(uow).start_page == "today".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from ..db.models import DentalLab, Event, Patient, WorkOrder
from ..domain import permissions, validation
from ..domain.actions import Action
from ..domain.dto import Actor, TodayBoard, TodayLine, TodaySection
from ..domain.enums import OrderStatus
from ..domain.money import Money
from ..domain.readiness import SEAT_KINDS, seat_warning
from .calendar import local_midnight
from .guards import signed_in
from .order_list import AWAITING_DELIVERY
from .reminders import due_reminders, unpaid_installments
from .settings import read_schedule
from .unit_of_work import UnitOfWork

LINE_LIMIT = 200
# Not yet delivered: a due date today or in the past still needs someone to act.
NOT_DELIVERED = (OrderStatus.DRAFT, *AWAITING_DELIVERY)
SECTIONS = (
    ("appointments_today", "Try-ins and deliveries today"),
    ("appointments_tomorrow", "Try-ins and deliveries tomorrow"),
    ("due_today", "Orders due today"),
    ("overdue", "Overdue orders"),
    ("back_from_lab", "Coming back from the lab"),
    ("installments", "Installments due or overdue"),
    ("reminders", "Reminders"),
)
_TITLES = dict(SECTIONS)
_EARLIEST = date(1900, 1, 1)


def _section(key: str, lines: list[TodayLine], totals: tuple[Money, ...] = ()) -> TodaySection:
    return TodaySection(key=key, title=_TITLES[key], count=len(lines),
                        lines=tuple(lines[:LINE_LIMIT]), totals=totals)


def _appointments(uow: UnitOfWork, day: date, today: date, days: int) -> list[TodayLine]:
    query = (
        select(Event.id, Event.kind, Event.starts_at, Event.done, WorkOrder.id, WorkOrder.number,
               WorkOrder.status, Patient.first_name, Patient.last_name, DentalLab.name)
        .join(WorkOrder, WorkOrder.id == Event.order_id)
        .join(Patient, Patient.id == WorkOrder.patient_id)
        .join(DentalLab, DentalLab.id == WorkOrder.lab_id)
        .where(Event.starts_at >= local_midnight(day),
               Event.starts_at < local_midnight(day + timedelta(days=1)),
               Event.kind.in_(SEAT_KINDS), WorkOrder.status != OrderStatus.CANCELLED)
        .order_by(Event.starts_at, Event.id)
    )
    return [
        TodayLine(order_id=order_id, order_number=number, patient_name=f"{first} {last}".strip(),
                  lab_name=lab, event_kind=kind, done=done, status=status, at=starts,
                  event_id=event_id,
                  warning=seat_warning(kind, day, done, status, today, days))
        for event_id, kind, starts, done, order_id, number, status, first, last, lab in (
            uow.session.execute(query))
    ]


def _orders(uow: UnitOfWork, today: date, *conditions: object) -> list[TodayLine]:
    query = (
        select(WorkOrder.id, WorkOrder.number, WorkOrder.status, WorkOrder.due_date,
               WorkOrder.tracking_number, Patient.first_name, Patient.last_name, DentalLab.name)
        .join(Patient, Patient.id == WorkOrder.patient_id)
        .join(DentalLab, DentalLab.id == WorkOrder.lab_id)
        .where(*conditions)  # type: ignore[arg-type]
        .order_by(WorkOrder.due_date, WorkOrder.number)
    )
    lines = []
    for order_id, number, status, due, tracking, first, last, lab in uow.session.execute(query):
        late = (today - due).days if due is not None and due < today else 0
        lines.append(TodayLine(order_id=order_id, order_number=number,
                               patient_name=f"{first} {last}".strip(), lab_name=lab,
                               status=status, on=due, days_late=late,
                               tracking=tracking if status is OrderStatus.SHIPPED else ""))
    return lines


def _installments(uow: UnitOfWork, today: date) -> tuple[list[TodayLine], tuple[Money, ...]]:
    lines: list[TodayLine] = []
    sums: dict[str, Money] = {}
    query = (unpaid_installments(_EARLIEST, today)
             .add_columns(WorkOrder.status, DentalLab.name)
             .join(DentalLab, DentalLab.id == WorkOrder.lab_id))
    for _id, due, left, currency, order_id, number, first, last, status, lab in (
            uow.session.execute(query)):
        amount = Money(left, currency)
        sums[currency] = sums.get(currency, Money.zero(currency)) + amount
        lines.append(TodayLine(order_id=order_id, order_number=number,
                               patient_name=f"{first} {last}".strip(), lab_name=lab,
                               status=status, on=due, amount=amount,
                               days_late=(today - due).days))
    return lines, tuple(sums[c] for c in sorted(sums))


def today_board(uow: UnitOfWork, actor: Actor, today: date | None = None) -> TodayBoard:
    """Everyone signed in sees the board; installments only who may record payments."""
    with uow.reading():
        signed_in(uow, actor)
        day = uow.today() if today is None else validation.in_range(today, "day")
        days = read_schedule(uow).seat_warning_days
        sections = [
            _section("appointments_today", _appointments(uow, day, day, days)),
            _section("appointments_tomorrow",
                     _appointments(uow, day + timedelta(days=1), day, days)),
            _section("due_today", _orders(uow, day, WorkOrder.due_date == day,
                                          WorkOrder.status.in_(NOT_DELIVERED))),
            _section("overdue", _orders(uow, day, WorkOrder.due_date < day,
                                        WorkOrder.status.in_(NOT_DELIVERED))),
            _section("back_from_lab", _orders(uow, day,
                                              WorkOrder.status == OrderStatus.SHIPPED)),
        ]
        if permissions.allows(actor.role, Action.ADD_PAYMENT):
            sections.append(_section("installments", *_installments(uow, day)))
    reminders = [
        TodayLine(order_id=r.order_id, order_number=r.order_number, patient_name="",
                  lab_name="", text=r.title, at=r.due_at,
                  amount=r.amount, event_id=r.event_id, reminder_key=r.key)
        for r in due_reminders(uow, actor, _now_for(uow, day))
    ]
    sections.append(_section("reminders", reminders))
    return TodayBoard(today=day, sections=tuple(sections))


def _now_for(uow: UnitOfWork, day: date) -> datetime:
    """The clock's now, or the end of ``day`` when the board is asked for another day."""
    if day == uow.today():
        return uow.now()
    return local_midnight(day + timedelta(days=1)) - timedelta(seconds=1)
