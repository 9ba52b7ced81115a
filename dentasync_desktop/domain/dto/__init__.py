"""Frozen data the services hand out and the documents layer prints. Never live ORM rows.

Import every DTO from here. Python 3.11 compiles each method of a frozen dataclass as the class
is made (~1 ms a class: the 56 here were 8 % of the window's start-up), and its first screen
needs few of them. Those of an order's detail and its forms (module ``orders``), of the calendar
and the Today board (``calendar``) and of finance and the lab scorecard (``finance``) are made
when one of them is first imported from here (``__getattr__``, PEP 562); no module on the way to
the first screen imports them (tests/gui/test_lazy_imports.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from importlib import import_module
from typing import TYPE_CHECKING, Any, NamedTuple

from ..enums import OrderStatus, PaymentStatus, Role
from ..money import Money
from ..numbers import format_number
from ..readiness import DEFAULT_WARNING_DAYS

if TYPE_CHECKING:  # what mypy sees; at run time __getattr__ makes them
    from .calendar import CalendarDueDate as CalendarDueDate
    from .calendar import CalendarEvent as CalendarEvent
    from .calendar import CalendarFilter as CalendarFilter
    from .calendar import TodayBoard as TodayBoard
    from .calendar import TodayLine as TodayLine
    from .calendar import TodaySection as TodaySection
    from .finance import CurrencySummary as CurrencySummary
    from .finance import FinanceFilter as FinanceFilter
    from .finance import FinanceSummary as FinanceSummary
    from .finance import LabFinanceRow as LabFinanceRow
    from .finance import LabScore as LabScore
    from .finance import LabScorecard as LabScorecard
    from .finance import OrderFinanceRow as OrderFinanceRow
    from .finance import OrderFinanceSlice as OrderFinanceSlice
    from .finance import ScorecardFilter as ScorecardFilter
    from .finance import TurnaroundByService as TurnaroundByService
    from .orders import ActivityInfo as ActivityInfo
    from .orders import AttachmentInfo as AttachmentInfo
    from .orders import CommentInfo as CommentInfo
    from .orders import EventInfo as EventInfo
    from .orders import EventInput as EventInput
    from .orders import EventSaved as EventSaved
    from .orders import InstallmentInfo as InstallmentInfo
    from .orders import ItemInput as ItemInput
    from .orders import OrderDetail as OrderDetail
    from .orders import OrderInput as OrderInput
    from .orders import OrderItemInfo as OrderItemInfo
    from .orders import PaymentInfo as PaymentInfo
    from .orders import PaymentInput as PaymentInput
    from .orders import PaymentPlanInfo as PaymentPlanInfo
    from .orders import PaymentPlanInput as PaymentPlanInput
    from .orders import PayrollInfo as PayrollInfo
    from .orders import PrintResult as PrintResult
    from .orders import TaskInfo as TaskInfo
    from .orders import TaskInput as TaskInput

# Where each DTO made on first use is defined.
LAZY: dict[str, tuple[str, ...]] = {
    "calendar": ("CalendarDueDate", "CalendarEvent", "CalendarFilter", "TodayBoard",
                 "TodayLine", "TodaySection"),
    "finance": ("CurrencySummary", "FinanceFilter", "FinanceSummary", "LabFinanceRow",
                "LabScore", "LabScorecard", "OrderFinanceRow", "OrderFinanceSlice",
                "ScorecardFilter", "TurnaroundByService"),
    "orders": ("ActivityInfo", "AttachmentInfo", "CommentInfo", "EventInfo", "EventInput",
               "EventSaved", "InstallmentInfo", "ItemInput", "OrderDetail", "OrderInput",
               "OrderItemInfo", "PaymentInfo", "PaymentInput", "PaymentPlanInfo",
               "PaymentPlanInput", "PayrollInfo", "PrintResult", "TaskInfo", "TaskInput"),
}
_HOME = {name: module for module, names in LAZY.items() for name in names}


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


# --- reminders -----------------------------------------------------------------------------------


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
    """Where a page of the order list (or of the finance tab's Work orders) ended: the last
    row's sort values and its id. (The finance tab's values end with the id, its tie-break,
    except by number, which has no ties.)

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


# --- inputs for master data ---------------------------------------------------------------------
# ``id=None`` creates; an id updates that record.


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


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # asked for once
    return value
