"""Frozen data the services hand out and the documents layer prints. Never live ORM rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

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
class OrderInput:
    """What the new/edit order form submits."""

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
    summary: str
    before: str = ""
    after: str = ""


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
    def open_tasks(self) -> int:
        return sum(1 for task in self.tasks if task.status is TaskStatus.TODO)


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


@dataclass(frozen=True, slots=True)
class OrderRow:
    id: int
    number: int
    patient_name: str
    customer_name: str
    lab_name: str
    status: OrderStatus
    documented_at: date
    due_date: date | None
    total: Money
    paid: Money
    payment_status: PaymentStatus
    on_hold: bool
    overdue: bool  # past its due date while still open, or an installment is overdue

    @property
    def number_text(self) -> str:
        return format_number(self.number)

    @property
    def balance(self) -> Money:
        return self.total - self.paid


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
    """One keyset page; ``next`` is None after the last row."""
    rows: tuple[OrderRow, ...]
    next: OrderCursor | None


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
