"""Money, dates and times formatted for the user's locale (QLocale's, through domain/formats.py)."""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum

from PySide6.QtCore import QDate, QLocale

from ..domain import formats
from ..domain.enums import OrderStatus, PaymentStatus
from ..domain.money import CURRENCY_EXPONENTS, Money
from ..i18n import in_sentence
from . import enum_labels


def locale_name(locale: QLocale | None = None) -> str:
    """The locale the services and documents format for: the GUI's (the chosen language)."""
    return (locale or QLocale()).name()


def money(amount: Money | None, locale: QLocale | None = None) -> str:
    """Through domain/formats.py like every PDF and export: screen and paper agree."""
    return formats.money_text(amount, locale_name(locale))


def qdate(value: date | None) -> QDate:
    return QDate(value.year, value.month, value.day) if value else QDate()


def pydate(value: QDate) -> date | None:
    return date(value.year(), value.month(), value.day()) if value.isValid() else None


def day(value: QDate) -> date:
    """A date that is always valid (a date edit's, today's) as a Python date; QDate's own
    toPython() is typed as returning object."""
    return date(value.year(), value.month(), value.day())


def date_text(value: date | None, locale: QLocale | None = None) -> str:
    return formats.date_text(value, locale_name(locale))


def datetime_text(value: datetime | None, locale: QLocale | None = None) -> str:
    """Stored UTC, shown in the user's local time."""
    return formats.datetime_text(value, locale_name(locale))


def time_text(value: datetime, locale: QLocale | None = None) -> str:
    """Hours and minutes of a stored (UTC) moment in the user's local time."""
    return formats.time_text(value, locale_name(locale))


def date_format(locale: QLocale | None = None) -> str:
    """The display format of a date edit: the locale's short date with the year in full, as
    date_text writes it (tests/gui/test_formats_agree.py holds the two together)."""
    short = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    return re.sub("y+", "yyyy", short)


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


def label_in_sentence(member: StrEnum) -> str:
    """The label as a word inside a sentence of the app's language ("a try-in tomorrow")."""
    return in_sentence(enum_labels.label(member))


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
