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
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    OrderStatus.DRAFT: "Draft",
    OrderStatus.PUBLISHED: "Published",
    OrderStatus.IN_PRODUCTION: "In production",
    OrderStatus.PRODUCED: "Produced",
    OrderStatus.SHIPPED: "Shipped",
    OrderStatus.DELIVERED: "Delivered",
    OrderStatus.COMPLETED: "Completed",
    OrderStatus.CANCELLED: "Cancelled",
}


class Role(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    FRONT_DESK = "front_desk"
    TECHNICIAN = "technician"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class PaymentMethod(StrEnum):
    CASH = "cash"
    CARD = "card"
    BANK_TRANSFER = "bank_transfer"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class PaymentStatus(StrEnum):
    NOT_PAID = "not_paid"
    PARTIALLY_PAID = "partially_paid"
    PAID = "paid"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class EventKind(StrEnum):
    TRY_IN = "try_in"
    DELIVERY = "delivery"
    PICKUP = "pickup"
    IMPRESSION = "impression"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", "-" if self is EventKind.TRY_IN else " ").capitalize()


class TaskStatus(StrEnum):
    TODO = "todo"
    DONE = "done"


class IntervalUnit(StrEnum):
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"


class PaperSize(StrEnum):
    A4 = "a4"
    LETTER = "letter"
