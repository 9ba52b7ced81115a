"""Money, dates and times formatted for the user's locale with QLocale."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QDate, QDateTime, QLocale, QTimeZone

from ..domain.enums import OrderStatus, PaymentStatus
from ..domain.money import CURRENCY_EXPONENTS, Money
from . import enum_labels


def money(amount: Money | None, locale: QLocale | None = None) -> str:
    if amount is None:
        return ""
    loc = locale or QLocale()
    exp = CURRENCY_EXPONENTS[amount.currency]
    # toString on a Decimal-derived string keeps integer precision; no float arithmetic on money.
    sign = "-" if amount.minor < 0 else ""
    whole, frac = divmod(abs(amount.minor), 10**exp)
    text = loc.toString(whole)
    if exp:
        text += loc.decimalPoint() + str(frac).zfill(exp)
    return f"{sign}{text} {amount.currency}"


def qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate()


def pydate(value: QDate) -> date | None:
    return date(value.year(), value.month(), value.day()) if value.isValid() else None


def day(value: QDate) -> date:
    """A date that is always valid (a date edit's, today's) as a Python date; QDate's own
    toPython() is typed as returning object."""
    return date(value.year(), value.month(), value.day())


def date_text(value: date | None, locale: QLocale | None = None) -> str:
    if value is None:
        return ""
    return (locale or QLocale()).toString(qdate(value), QLocale.FormatType.ShortFormat)


def datetime_text(value: datetime | None, locale: QLocale | None = None) -> str:
    """Stored UTC, shown in the user's local time."""
    if value is None:
        return ""
    local = QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone.systemTimeZone())
    return (locale or QLocale()).toString(local, QLocale.FormatType.ShortFormat)


# Chosen for a light page; gui/theme.py readable() and on_white() adapt them to the theme.
STATUS_COLOURS = {
    OrderStatus.DRAFT: "#6b7280",
    OrderStatus.PUBLISHED: "#2563eb",
    OrderStatus.IN_PRODUCTION: "#7c3aed",
    OrderStatus.PRODUCED: "#0891b2",
    OrderStatus.SHIPPED: "#d97706",
    OrderStatus.DELIVERED: "#059669",
    OrderStatus.COMPLETED: "#15803d",
    OrderStatus.CANCELLED: "#b91c1c",
}

PAYMENT_COLOURS = {
    PaymentStatus.NOT_PAID: "#6b7280",
    PaymentStatus.PARTIALLY_PAID: "#d97706",
    PaymentStatus.PAID: "#15803d",
    PaymentStatus.OVERDUE: "#b91c1c",
}


def label(member: StrEnum) -> str:
    """The translated label of a domain enum member (status, role, method, ...)."""
    return enum_labels.label(member)


def amount_input(amount: Money | None, locale: QLocale | None = None) -> str:
    """An amount for an input field: the locale's decimal point, no grouping, no currency."""
    if amount is None:
        return ""
    exp = CURRENCY_EXPONENTS[amount.currency]
    sign = "-" if amount.minor < 0 else ""
    whole, frac = divmod(abs(amount.minor), 10**exp)
    text = str(whole)
    if exp:
        text += (locale or QLocale()).decimalPoint() + str(frac).zfill(exp)
    return sign + text
