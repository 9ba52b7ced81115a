"""Frozen data the services hand out and the documents layer prints. Never live ORM rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from .enums import (
    EventKind,
    IntervalUnit,
    OrderStatus,
    PaymentMethod,
    PaymentStatus,
    Role,
    TaskStatus,
)
from .money import Money
from .numbers import format_number
from .readiness import DEFAULT_WARNING_DAYS, SeatWarning


@dataclass(frozen=True, slots=True)
class BackupNote:
    """The newest backup of the database: where it went, when, and on which PC."""

    path: str
    made_at: datetime
    host: str


@dataclass(frozen=True, slots=True)
class Actor:
    """The signed-in user on whose behalf a service acts."""

    user_id: int | None
    username: str
    full_name: str
    role: Role


# --- master data ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    staff_id: int | None = None


@dataclass(frozen=True, slots=True)
class StaffInfo:
    id: int
    name: str
    job_title: str = ""
    email: str = ""
    phone: str = ""
    active: bool = True


@dataclass(frozen=True, slots=True)
class LabInfo:
    id: int
    name: str
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    default_turnaround_days: int = 7
    account_holder: str = ""
    bank_name: str = ""
    iban: str = ""
    bic: str = ""
    payment_note: str = ""
    active: bool = True
    document_language: str | None = None  # None: documents print in the app's language


@dataclass(frozen=True, slots=True)
class CustomerInfo:
    id: int
    name: str
    clinic: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    active: bool = True


@dataclass(frozen=True, slots=True)
class PatientInfo:
    id: int
    first_name: str
    last_name: str
    date_of_birth: date | None = None
    phone: str = ""
    note: str = ""
    active: bool = True
    contact_person: str = ""
    address: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class TaskTemplateInfo:
    id: int | None
    position: int
    name: str
    days_offset: int = 0


@dataclass(frozen=True, slots=True)
class ServiceInfo:
    id: int
    code: str
    name: str
    unit_price: Money
    active: bool = True
    task_templates: tuple[TaskTemplateInfo, ...] = ()


# --- orders ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ItemInput:
    description: str
    quantity: int
    unit_price: Money
    service_id: int | None = None
    teeth: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class TaskInput:
    """One work-plan task as a form enters it."""

    name: str
    assignee_id: int | None = None
    due_date: date | None = None


@dataclass(frozen=True, slots=True)
class OrderInput:
    """What the new/edit order form submits; a new order may bring its payment plan and work
    plan along (an edit leaves both to their own actions)."""

    lab_id: int
    customer_id: int
    patient_id: int
    documented_at: date
    due_date: date | None
    currency: str
    description: str = ""
    shade: str = ""
    teeth: tuple[int, ...] = ()
    items: tuple[ItemInput, ...] = ()
    payment_plan: PaymentPlanInput | None = None
    tasks: tuple[TaskInput, ...] = ()


@dataclass(frozen=True, slots=True)
class OrderItemInfo:
    id: int
    position: int
    description: str
    quantity: int
    unit_price: Money
    service_id: int | None = None
    teeth: tuple[int, ...] = ()

    @property
    def line_total(self) -> Money:
        return self.unit_price * self.quantity


@dataclass(frozen=True, slots=True)
class TaskInfo:
    id: int
    position: int
    name: str
    status: TaskStatus
    assignee_id: int | None = None
    assignee_name: str = ""
    due_date: date | None = None
    done_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class PayrollInfo:
    id: int
    order_id: int
    staff_id: int
    staff_name: str
    amount: Money
    comment: str
    finalized: bool
    created_at: datetime
    finalized_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class InstallmentInfo:
    id: int
    seq: int
    due_date: date
    amount: Money
    covered: Money  # how much of this installment the payments so far cover, oldest first
    overdue: bool

    @property
    def paid(self) -> bool:
        return self.covered.minor >= self.amount.minor


@dataclass(frozen=True, slots=True)
class PaymentPlanInfo:
    id: int
    amount: Money
    method: PaymentMethod
    installment: bool
    installments_count: int
    first_due_date: date
    interval: int
    interval_unit: IntervalUnit
    installments: tuple[InstallmentInfo, ...]


@dataclass(frozen=True, slots=True)
class PaymentInfo:
    id: int
    paid_on: date
    amount: Money
    method: PaymentMethod
    note: str
    recorded_by: str
    recorded_at: datetime
    voided: bool = False
    void_reason: str = ""
    voided_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class EventInfo:
    id: int
    order_id: int
    order_number: int
    kind: EventKind
    starts_at: datetime
    duration_minutes: int
    reminder_minutes: int | None
    note: str
    done: bool
    patient_name: str = ""
    version: int = 1

    @property
    def number_text(self) -> str:
        return format_number(self.order_number)


@dataclass(frozen=True, slots=True)
class AttachmentInfo:
    id: int
    order_id: int
    sha256: str
    original_name: str
    size_bytes: int
    mime_type: str
    added_by: str
    added_at: datetime
    path: Path


@dataclass(frozen=True, slots=True)
class CommentInfo:
    id: int
    order_id: int
    author_id: int | None
    author_name: str
    body: str
    created_at: datetime
    edited_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ActivityInfo:
    id: int
    at: datetime
    actor_name: str
    action: str
    entity: str
    entity_id: int | None
    order_id: int | None
    summary: str  # the old English sentence, for entries written before codes
    before: str = ""
    after: str = ""
    code: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OrderDetail:
    id: int
    number: int
    status: OrderStatus
    version: int
    lab: LabInfo
    customer: CustomerInfo
    patient: PatientInfo
    description: str
    shade: str
    teeth: tuple[int, ...]
    created_at: datetime
    documented_at: date
    due_date: date | None
    total: Money
    paid: Money
    payment_status: PaymentStatus
    payment_method: PaymentMethod | None
    on_hold: bool
    hold_reason: str
    tracking_number: str
    cancel_reason: str
    is_remake: bool
    remake_reason: str
    copied_from_number: int | None
    remake_of_number: int | None
    items: tuple[OrderItemInfo, ...] = ()
    tasks: tuple[TaskInfo, ...] = ()
    plan: PaymentPlanInfo | None = None
    payments: tuple[PaymentInfo, ...] = ()
    events: tuple[EventInfo, ...] = ()
    attachments: tuple[AttachmentInfo, ...] = ()
    comments: tuple[CommentInfo, ...] = ()
    payroll: tuple[PayrollInfo, ...] = ()

    @property
    def number_text(self) -> str:
        return format_number(self.number)

    @property
    def balance(self) -> Money:
        return self.total - self.paid

    @property
    def items_total(self) -> Money:
        total = Money.zero(self.total.currency)
        for item in self.items:
            total += Money(item.line_total.minor, self.total.currency)
        return total

    @property
    def price_adjustment(self) -> Money:
        """What "Adjust price" added to (or took off) the sum of the items: zero if unadjusted.
        Printed as a line of its own, so that the items and it add up to the total on paper."""
        return self.total - self.items_total

    @property
    def open_tasks(self) -> int:
        return sum(1 for task in self.tasks if task.status is TaskStatus.TODO)


@dataclass(frozen=True, slots=True)
class EventSaved:
    """What saving or moving an event returns: the order as now, the event, and a seat-readiness
    warning to show (the save went through; the warning never refuses it)."""

    detail: OrderDetail
    event: EventInfo
    warning: SeatWarning | None = None


# --- calendar, reminders, Today board ------------------------------------------------------------


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


class ReminderKind(StrEnum):
    EVENT = "event"  # an event's own reminder, at start - reminder minutes
    SEAT = "seat"  # a try-in/delivery soon while the case is not back from the lab
    ORDER_DUE = "order_due"  # an order due tomorrow, not yet back from the lab
    INSTALLMENT_DUE = "installment_due"  # an installment due today, not yet paid


@dataclass(frozen=True, slots=True)
class ReminderInfo:
    key: str  # stable per reminder; what dismiss/snooze take
    kind: ReminderKind
    due_at: datetime  # aware UTC; when it came (or comes) due, the snooze end if snoozed
    order_id: int
    order_number: int
    title: str  # e.g. "Try-in at 10:30: Anna Berger"
    detail: str = ""  # e.g. the seat-readiness message or the amount due
    event_id: int | None = None
    event_start: datetime | None = None
    amount: Money | None = None
    snoozed: bool = False  # it came due again after a snooze
    missed: bool = False  # it came due well before it was handed out (the app was closed)

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


# --- lab scorecard -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScorecardFilter:
    date_from: date | None = None  # on the documented date, inclusive, like finance
    date_to: date | None = None
    lab_id: int | None = None


@dataclass(frozen=True, slots=True)
class LabScore:
    """One dental lab over the period. Rates are fractions 0..1, None when nothing to rate."""

    lab_id: int
    lab_name: str
    orders: int  # not cancelled
    delivered: int  # delivered (or completed) with a delivery time
    rated: int  # delivered with a due date: what the on-time rate is over
    on_time: int  # delivered on or before the due date
    remakes: int
    median_days: float | None  # turnaround, sent to the lab -> delivered, in days
    p90_days: float | None
    average_lateness_days: float | None  # over the late deliveries only

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.rated if self.rated else None

    @property
    def remake_rate(self) -> float | None:
        return self.remakes / self.orders if self.orders else None

    @property
    def late(self) -> int:
        return self.rated - self.on_time


@dataclass(frozen=True, slots=True)
class TurnaroundByService:
    lab_id: int
    lab_name: str
    service: str  # the service of the order's first item, "" for none
    delivered: int
    median_days: float
    p90_days: float


@dataclass(frozen=True, slots=True)
class LabScorecard:
    labs: tuple[LabScore, ...]
    by_service: tuple[TurnaroundByService, ...]


# --- order list --------------------------------------------------------------------------------

ORDER_SORT_KEYS = (
    "number", "patient", "customer", "lab", "status", "documented_at", "due_date",
    "total", "paid", "balance", "payment_status",
)


@dataclass(frozen=True, slots=True)
class OrderFilter:
    text: str = ""
    statuses: tuple[OrderStatus, ...] = ()
    lab_id: int | None = None
    customer_id: int | None = None
    due_from: date | None = None
    due_to: date | None = None
    payment_status: PaymentStatus | None = None
    overdue_only: bool = False
    on_hold_only: bool = False
    sort_key: str = "due_date"
    descending: bool = False


class OrderRow(NamedTuple):
    """One line of the order list. A named tuple rather than a frozen dataclass: pages are
    built a hundred rows at a time, and the dataclass's field-by-field ``__init__`` cost as much
    as the query that fetched them. The amounts are kept as the database has them and become
    Money when read: most rows of a page are never shown, and two checked Money values per
    row cost a quarter of a page."""

    id: int
    number: int
    patient_name: str
    customer_name: str
    lab_name: str
    status: OrderStatus
    documented_at: date
    due_date: date | None
    currency: str
    total_minor: int
    paid_minor: int
    payment_status: PaymentStatus
    on_hold: bool
    overdue: bool  # past its due date while still open, or an installment is overdue

    @property
    def number_text(self) -> str:
        return format_number(self.number)

    @property
    def total(self) -> Money:
        return Money(self.total_minor, self.currency)

    @property
    def paid(self) -> Money:
        return Money(self.paid_minor, self.currency)

    @property
    def balance(self) -> Money:
        return Money(self.total_minor - self.paid_minor, self.currency)


@dataclass(frozen=True, slots=True)
class OrderPage:
    rows: tuple[OrderRow, ...]
    offset: int
    total_count: int


@dataclass(frozen=True, slots=True)
class OrderCursor:
    """Where a page of the order list ended: the last row's sort values and its id.

    Only meaningful for the sort it was made with; the next page continues right after it, so
    a page deep in a million orders costs what the first one does.
    """
    sort_key: str
    descending: bool
    values: tuple[object, ...]
    id: int


@dataclass(frozen=True, slots=True)
class OrderSlice:
    """One keyset page; ``next`` (the last row's cursor) is None when the list ends there,
    ``previous`` (the first row's) when it starts there."""
    rows: tuple[OrderRow, ...]
    next: OrderCursor | None
    previous: OrderCursor | None = None


# --- finance -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FinanceFilter:
    date_from: date | None = None  # on the documented date, inclusive
    date_to: date | None = None
    lab_id: int | None = None
    method: PaymentMethod | None = None
    payment_status: PaymentStatus | None = None  # work-orders tab only


@dataclass(frozen=True, slots=True)
class LabFinanceRow:
    lab_id: int
    lab_name: str
    currency: str
    order_count: int
    paid: Money
    total: Money

    @property
    def outstanding(self) -> Money:
        return self.total - self.paid


@dataclass(frozen=True, slots=True)
class OrderFinanceRow:
    order_id: int
    number: int
    lab_name: str
    patient_name: str
    customer_name: str
    payment_method: PaymentMethod | None
    paid: Money
    total: Money
    status: OrderStatus
    documented_at: date
    payment_status: PaymentStatus

    @property
    def number_text(self) -> str:
        return format_number(self.number)

    @property
    def outstanding(self) -> Money:
        return self.total - self.paid


@dataclass(frozen=True, slots=True)
class CurrencySummary:
    currency: str
    total: Money
    paid: Money
    overdue: Money  # outstanding on orders whose payment status is overdue
    order_count: int

    @property
    def outstanding(self) -> Money:
        return self.total - self.paid


@dataclass(frozen=True, slots=True)
class FinanceSummary:
    per_currency: tuple[CurrencySummary, ...] = field(default_factory=tuple)


# --- settings ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrganisationSettings:
    name: str = "My dental lab"
    address: str = ""
    phone: str = ""
    email: str = ""
    logo_path: str = ""
    default_currency: str = "EUR"
    paper_size: str = "a4"
    backup_dir: str = ""
    # Minutes without keyboard or mouse input before the window asks for the password; 0: never.
    idle_lock_minutes: int = 15


START_PAGES = ("today", "orders")


@dataclass(frozen=True, slots=True)
class ScheduleSettings:
    """Business settings of the calendar, reminders and the start page (all on by default)."""

    remind_orders_due_tomorrow: bool = True  # ... that are not yet back from the lab
    remind_installments_due_today: bool = True
    seat_warning_days: int = DEFAULT_WARNING_DAYS  # warn this many days before a try-in/delivery
    start_page: str = "today"  # one of START_PAGES: "today" or "orders" (the work-order list)


# --- inputs for master data, payments and events -------------------------------------------------
# ``id=None`` creates; an id updates that record.


@dataclass(frozen=True, slots=True)
class PaymentPlanInput:
    amount: Money
    method: PaymentMethod
    installments: int = 1
    first_due_date: date | None = None
    interval: int = 1
    interval_unit: IntervalUnit = IntervalUnit.MONTHS


@dataclass(frozen=True, slots=True)
class PaymentInput:
    paid_on: date
    amount: Money
    method: PaymentMethod
    note: str = ""


@dataclass(frozen=True, slots=True)
class EventInput:
    kind: EventKind
    starts_at: datetime  # timezone-aware
    duration_minutes: int = 30
    reminder_minutes: int | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class LabInput:
    name: str
    contact_person: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    default_turnaround_days: int = 7
    account_holder: str = ""
    bank_name: str = ""
    iban: str = ""
    bic: str = ""
    payment_note: str = ""
    id: int | None = None
    document_language: str | None = None  # a code of i18n.LANGUAGES; None: the app's


@dataclass(frozen=True, slots=True)
class CustomerInput:
    name: str
    clinic: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class PatientInput:
    last_name: str
    first_name: str = ""
    date_of_birth: date | None = None
    phone: str = ""
    note: str = ""
    id: int | None = None
    contact_person: str = ""
    address: str = ""


@dataclass(frozen=True, slots=True)
class ServiceInput:
    code: str
    name: str
    unit_price: Money
    task_templates: tuple[TaskTemplateInfo, ...] = ()
    id: int | None = None


@dataclass(frozen=True, slots=True)
class StaffInput:
    name: str
    job_title: str = ""
    email: str = ""
    phone: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class UserInput:
    username: str
    full_name: str
    role: Role
    password: str = ""  # required when creating; empty on update keeps the old one
    staff_id: int | None = None
    id: int | None = None


# --- printing ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PrintResult:
    """A printed document: the PDF written, and notes on anything left out or shortened."""

    path: Path
    notes: tuple[str, ...] = ()
