"""The finance tabs and the lab scorecard."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..enums import OrderStatus, PaymentMethod, PaymentStatus
from ..money import Money
from ..numbers import format_number
from . import OrderCursor


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
class OrderFinanceSlice:
    """One keyset page of the Work orders tab; ``next`` (the last row's cursor) is None when
    the tab's list ends there, ``previous`` (the first row's) when it starts there."""
    rows: tuple[OrderFinanceRow, ...]
    next: OrderCursor | None
    previous: OrderCursor | None = None


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
