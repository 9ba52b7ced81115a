"""The calendar's appointments and due dates, and the Today board."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..enums import EventKind, OrderStatus
from ..money import Money
from ..numbers import format_number
from ..readiness import SeatWarning


@dataclass(frozen=True, slots=True)
class CalendarFilter:
    kinds: tuple[EventKind, ...] = ()  # empty: every kind
    lab_id: int | None = None
    customer_id: int | None = None
    only_mine: bool = False  # events the signed-in user created
    text: str = ""  # words that the order's number, patient, customer, lab or the note contain


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One appointment on the calendar, with what the cell shows and what a drag needs."""

    id: int
    version: int
    kind: EventKind
    starts_at: datetime  # aware UTC; show in local time
    duration_minutes: int
    reminder_minutes: int | None
    note: str
    done: bool
    order_id: int
    order_number: int
    order_status: OrderStatus
    patient_name: str
    lab_id: int
    lab_name: str
    customer_id: int
    customer_name: str
    person: str = ""  # who created the event, "" if unknown
    warning: SeatWarning | None = None

    @property
    def number_text(self) -> str:
        return format_number(self.order_number)

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def order_closed(self) -> bool:
        """Cancelled or completed: the calendar shows such an event greyed out."""
        return self.order_status in (OrderStatus.CANCELLED, OrderStatus.COMPLETED)


@dataclass(frozen=True, slots=True)
class CalendarDueDate:
    """An order's due date, shown as an all-day item."""

    order_id: int
    order_number: int
    due_date: date
    order_status: OrderStatus
    patient_name: str
    lab_name: str
    customer_name: str
    overdue: bool  # past due and not yet delivered

    @property
    def number_text(self) -> str:
        return format_number(self.order_number)


@dataclass(frozen=True, slots=True)
class TodayLine:
    order_id: int
    order_number: int
    patient_name: str
    lab_name: str
    # What the line says is told by the fields (the GUI puts it in words): reminders carry
    # their title here, the other lines leave it empty.
    text: str = ""
    status: OrderStatus | None = None  # None on reminder lines
    at: datetime | None = None  # appointments: the start (aware UTC)
    on: date | None = None  # due dates and installments: the day
    amount: Money | None = None  # installments: what is still to pay
    event_id: int | None = None
    warning: SeatWarning | None = None
    reminder_key: str = ""  # the reminders section: what dismiss/snooze take
    event_kind: EventKind | None = None  # appointments: try-in or delivery
    done: bool = False  # appointments: ticked done
    days_late: int = 0  # orders and installments: days past their due date
    tracking: str = ""  # orders back from the lab: the parcel's tracking number

    @property
    def number_text(self) -> str:
        return format_number(self.order_number)


@dataclass(frozen=True, slots=True)
class TodaySection:
    key: str  # see services/today.py SECTIONS
    title: str
    count: int  # every matching line, even beyond the lines listed
    lines: tuple[TodayLine, ...]
    totals: tuple[Money, ...] = ()  # per currency, for the installments section


@dataclass(frozen=True, slots=True)
class TodayBoard:
    today: date
    sections: tuple[TodaySection, ...]

    def section(self, key: str) -> TodaySection:
        return next(s for s in self.sections if s.key == key)
