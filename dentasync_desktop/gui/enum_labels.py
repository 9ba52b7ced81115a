"""The translatable label of every domain enum value: what lupdate extracts.

The English source texts are those of domain/enums.py and domain/actions.py (a test keeps them
in step); the GUI shows them through ``label`` in the user's language.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from ..domain.actions import Action
from ..domain.enums import (
    EventKind,
    IntervalUnit,
    OrderStatus,
    PaperSize,
    PaymentMethod,
    PaymentStatus,
    Role,
    TaskStatus,
)
from .translation import QT_TRANSLATE_NOOP

CONTEXT = "enum"

SOURCE: dict[StrEnum, str] = {
    OrderStatus.DRAFT: QT_TRANSLATE_NOOP("enum", "Draft"),
    OrderStatus.PUBLISHED: QT_TRANSLATE_NOOP("enum", "Published"),
    OrderStatus.IN_PRODUCTION: QT_TRANSLATE_NOOP("enum", "In production"),
    OrderStatus.PRODUCED: QT_TRANSLATE_NOOP("enum", "Produced"),
    OrderStatus.SHIPPED: QT_TRANSLATE_NOOP("enum", "Shipped"),
    OrderStatus.DELIVERED: QT_TRANSLATE_NOOP("enum", "Delivered"),
    OrderStatus.COMPLETED: QT_TRANSLATE_NOOP("enum", "Completed"),
    OrderStatus.CANCELLED: QT_TRANSLATE_NOOP("enum", "Cancelled"),
    Role.ADMIN: QT_TRANSLATE_NOOP("enum", "Admin"),
    Role.MANAGER: QT_TRANSLATE_NOOP("enum", "Manager"),
    Role.FRONT_DESK: QT_TRANSLATE_NOOP("enum", "Front desk"),
    Role.TECHNICIAN: QT_TRANSLATE_NOOP("enum", "Technician"),
    PaymentMethod.CASH: QT_TRANSLATE_NOOP("enum", "Cash"),
    PaymentMethod.CARD: QT_TRANSLATE_NOOP("enum", "Card"),
    PaymentMethod.BANK_TRANSFER: QT_TRANSLATE_NOOP("enum", "Bank transfer"),
    PaymentMethod.OTHER: QT_TRANSLATE_NOOP("enum", "Other"),
    PaymentStatus.NOT_PAID: QT_TRANSLATE_NOOP("enum", "Not paid"),
    PaymentStatus.PARTIALLY_PAID: QT_TRANSLATE_NOOP("enum", "Partially paid"),
    PaymentStatus.PAID: QT_TRANSLATE_NOOP("enum", "Paid"),
    PaymentStatus.OVERDUE: QT_TRANSLATE_NOOP("enum", "Overdue"),
    EventKind.TRY_IN: QT_TRANSLATE_NOOP("enum", "Try-in"),
    EventKind.DELIVERY: QT_TRANSLATE_NOOP("enum", "Delivery"),
    EventKind.PICKUP: QT_TRANSLATE_NOOP("enum", "Pickup"),
    EventKind.IMPRESSION: QT_TRANSLATE_NOOP("enum", "Impression"),
    TaskStatus.TODO: QT_TRANSLATE_NOOP("enum", "To do"),
    TaskStatus.DONE: QT_TRANSLATE_NOOP("enum", "Done"),
    IntervalUnit.DAYS: QT_TRANSLATE_NOOP("enum", "Days"),
    IntervalUnit.WEEKS: QT_TRANSLATE_NOOP("enum", "Weeks"),
    IntervalUnit.MONTHS: QT_TRANSLATE_NOOP("enum", "Months"),
    PaperSize.A4: QT_TRANSLATE_NOOP("enum", "A4"),
    PaperSize.LETTER: QT_TRANSLATE_NOOP("enum", "Letter"),
    Action.PUBLISH: QT_TRANSLATE_NOOP("enum", "Publish"),
    Action.START_PRODUCTION: QT_TRANSLATE_NOOP("enum", "Start production"),
    Action.PRODUCE: QT_TRANSLATE_NOOP("enum", "Produce"),
    Action.SHIP: QT_TRANSLATE_NOOP("enum", "Ship"),
    Action.DELIVER: QT_TRANSLATE_NOOP("enum", "Deliver"),
    Action.COMPLETE: QT_TRANSLATE_NOOP("enum", "Complete"),
    Action.CANCEL: QT_TRANSLATE_NOOP("enum", "Cancel"),
    Action.REOPEN: QT_TRANSLATE_NOOP("enum", "Reopen"),
    Action.MOVE_BACK: QT_TRANSLATE_NOOP("enum", "Move back"),
    Action.CREATE_ORDER: QT_TRANSLATE_NOOP("enum", "Create order"),
    Action.EDIT: QT_TRANSLATE_NOOP("enum", "Edit"),
    Action.CHANGE_CUSTOMER: QT_TRANSLATE_NOOP("enum", "Change customer"),
    Action.PLAN_WORK: QT_TRANSLATE_NOOP("enum", "Plan work"),
    Action.WORK_TASKS: QT_TRANSLATE_NOOP("enum", "Tick work-plan tasks"),
    Action.COPY: QT_TRANSLATE_NOOP("enum", "Copy"),
    Action.PAYROLL: QT_TRANSLATE_NOOP("enum", "Payroll"),
    Action.FINALIZE_PAYROLL: QT_TRANSLATE_NOOP("enum", "Finalize payroll"),
    Action.PRINT: QT_TRANSLATE_NOOP("enum", "Print"),
    Action.UPDATE_DUE_DATE: QT_TRANSLATE_NOOP("enum", "Update due date"),
    Action.PAYMENT_INSTRUCTIONS: QT_TRANSLATE_NOOP("enum", "Payment instructions"),
    Action.ADJUST_PRICE: QT_TRANSLATE_NOOP("enum", "Adjust price"),
    Action.HOLD: QT_TRANSLATE_NOOP("enum", "Put on / take off hold"),
    Action.MARK_REMAKE: QT_TRANSLATE_NOOP("enum", "Mark as remake"),
    Action.ADD_PAYMENT: QT_TRANSLATE_NOOP("enum", "Add payment"),
    Action.VOID_PAYMENT: QT_TRANSLATE_NOOP("enum", "Void payment"),
    Action.PAYMENT_PLAN: QT_TRANSLATE_NOOP("enum", "Payment plan"),
    Action.EVENTS: QT_TRANSLATE_NOOP("enum", "Events"),
    Action.ATTACHMENTS: QT_TRANSLATE_NOOP("enum", "Attachments"),
    Action.COMMENT: QT_TRANSLATE_NOOP("enum", "Comment"),
    Action.DELETE_ORDER: QT_TRANSLATE_NOOP("enum", "Delete order"),
    Action.VIEW_FINANCE: QT_TRANSLATE_NOOP("enum", "View finance"),
    Action.MANAGE_CLIENTS: QT_TRANSLATE_NOOP("enum", "Manage customers and patients"),
    Action.MANAGE_CATALOGUE: QT_TRANSLATE_NOOP("enum", "Manage labs, services and staff"),
    Action.MANAGE_USERS: QT_TRANSLATE_NOOP("enum", "Manage users"),
    Action.MANAGE_SETTINGS: QT_TRANSLATE_NOOP("enum", "Manage settings"),
    Action.BACKUP: QT_TRANSLATE_NOOP("enum", "Backup"),
    Action.RESTORE: QT_TRANSLATE_NOOP("enum", "Restore"),
    Action.CHOOSE_DATABASE: QT_TRANSLATE_NOOP("enum", "Choose the database"),
}


def label(member: StrEnum) -> str:
    """``member``'s label in the user's language."""
    return QCoreApplication.translate(CONTEXT, SOURCE[member])
