"""Installment schedules and the payment status of an order."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from .enums import IntervalUnit, PaymentStatus
from .errors import ValidationError
from .money import Money

MAX_INSTALLMENTS = 120


@dataclass(frozen=True, slots=True)
class ScheduledInstallment:
    seq: int
    due_date: date
    amount: Money


def add_interval(start: date, count: int, unit: IntervalUnit) -> date:
    if unit is IntervalUnit.DAYS:
        return start + timedelta(days=count)
    if unit is IntervalUnit.WEEKS:
        return start + timedelta(weeks=count)
    month_index = start.month - 1 + count
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def schedule(
    total: Money, installments: int, first_due: date, interval: int, unit: IntervalUnit
) -> list[ScheduledInstallment]:
    """Installments whose amounts add up exactly to ``total``."""
    if total.minor <= 0:
        raise ValidationError("amount", code="plan_not_positive")
    if not 1 <= installments <= MAX_INSTALLMENTS:
        raise ValidationError("installments", code="out_of_range",
                              params={"minimum": 1, "maximum": MAX_INSTALLMENTS})
    if installments > 1 and interval < 1:
        raise ValidationError("interval", code="at_least", params={"minimum": 1})
    if total.minor < installments:
        raise ValidationError("installments", code="too_many_installments")
    return [
        ScheduledInstallment(i + 1, add_interval(first_due, i * interval, unit), amount)
        for i, amount in enumerate(total.allocate(installments))
    ]


def first_unpaid_due(installments: list[tuple[date, int]], paid_minor: int) -> date | None:
    """Due date of the first installment the payments so far do not cover, oldest first.

    Payments settle installments in due-date order, so one date tells whether anything is overdue.
    """
    covered = paid_minor
    for due, amount in sorted(installments):
        if covered >= amount:
            covered -= amount
            continue
        return due
    return None


def payment_status(
    total_minor: int, paid_minor: int, unpaid_due: date | None, today: date
) -> PaymentStatus:
    if total_minor > 0 and paid_minor >= total_minor:
        return PaymentStatus.PAID
    if unpaid_due is not None and unpaid_due < today:
        return PaymentStatus.OVERDUE
    if paid_minor > 0:
        return PaymentStatus.PARTIALLY_PAID
    return PaymentStatus.NOT_PAID
