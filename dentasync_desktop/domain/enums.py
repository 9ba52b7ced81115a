"""The closed vocabularies of the domain. Values are stored in the database as they are."""

from __future__ import annotations

from enum import StrEnum


class OrderStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    IN_PRODUCTION = "in_production"
    PRODUCED = "produced"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return LABELS[self]


class Role(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    FRONT_DESK = "front_desk"
    TECHNICIAN = "technician"

    @property
    def label(self) -> str:
        return LABELS[self]


class PaymentMethod(StrEnum):
    CASH = "cash"
    CARD = "card"
    BANK_TRANSFER = "bank_transfer"
    OTHER = "other"

    @property
    def label(self) -> str:
        return LABELS[self]


class PaymentStatus(StrEnum):
    NOT_PAID = "not_paid"
    PARTIALLY_PAID = "partially_paid"
    PAID = "paid"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        return LABELS[self]


class EventKind(StrEnum):
    TRY_IN = "try_in"
    DELIVERY = "delivery"
    PICKUP = "pickup"
    IMPRESSION = "impression"
    OTHER = "other"

    @property
    def label(self) -> str:
        return LABELS[self]


class TaskStatus(StrEnum):
    TODO = "todo"
    DONE = "done"

    @property
    def label(self) -> str:
        return LABELS[self]


class IntervalUnit(StrEnum):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"

    @property
    def label(self) -> str:
        return LABELS[self]


class PaperSize(StrEnum):
    A4 = "a4"
    LETTER = "letter"

    @property
    def label(self) -> str:
        return LABELS[self]


# The English label of every value, for documents and the CLI. The GUI's translatable twin is
# gui/enum_labels.py (a test keeps the two in step).
LABELS: dict[StrEnum, str] = {
    OrderStatus.DRAFT: "Draft",
    OrderStatus.PUBLISHED: "Published",
    OrderStatus.IN_PRODUCTION: "In production",
    OrderStatus.PRODUCED: "Produced",
    OrderStatus.SHIPPED: "Shipped",
    OrderStatus.DELIVERED: "Delivered",
    OrderStatus.COMPLETED: "Completed",
    OrderStatus.CANCELLED: "Cancelled",
    Role.ADMIN: "Admin",
    Role.MANAGER: "Manager",
    Role.FRONT_DESK: "Front desk",
    Role.TECHNICIAN: "Technician",
    PaymentMethod.CASH: "Cash",
    PaymentMethod.CARD: "Card",
    PaymentMethod.BANK_TRANSFER: "Bank transfer",
    PaymentMethod.OTHER: "Other",
    PaymentStatus.NOT_PAID: "Not paid",
    PaymentStatus.PARTIALLY_PAID: "Partially paid",
    PaymentStatus.PAID: "Paid",
    PaymentStatus.OVERDUE: "Overdue",
    EventKind.TRY_IN: "Try-in",
    EventKind.DELIVERY: "Delivery",
    EventKind.PICKUP: "Pickup",
    EventKind.IMPRESSION: "Impression",
    EventKind.OTHER: "Other",
    TaskStatus.TODO: "To do",
    TaskStatus.DONE: "Done",
    IntervalUnit.DAYS: "Days",
    IntervalUnit.WEEKS: "Weeks",
    IntervalUnit.MONTHS: "Months",
    PaperSize.A4: "A4",
    PaperSize.LETTER: "Letter",
}
