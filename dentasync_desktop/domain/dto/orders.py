"""One work order as its detail shows it, what its forms submit, and its printed documents."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..enums import EventKind, IntervalUnit, OrderStatus, PaymentMethod, PaymentStatus, TaskStatus
from ..money import Money
from ..numbers import format_number
from ..readiness import SeatWarning
from . import CustomerInfo, LabInfo, PatientInfo


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
class PrintResult:
    """A printed document: the PDF written, and notes on anything left out or shortened."""

    path: Path
    notes: tuple[str, ...] = ()
