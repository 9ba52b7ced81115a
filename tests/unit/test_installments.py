"""Installment schedules, the first unpaid due date and the payment status."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dentasync_desktop.domain.enums import IntervalUnit, PaymentStatus
from dentasync_desktop.domain.errors import ValidationError
from dentasync_desktop.domain.money import Money
from dentasync_desktop.domain.payments import (
    MAX_INSTALLMENTS,
    add_interval,
    first_unpaid_due,
    payment_status,
    schedule,
)

M = IntervalUnit.MONTHS


@st.composite
def totals_and_counts(draw: st.DrawFn) -> tuple[int, int]:
    total = draw(st.integers(min_value=1, max_value=10**12))
    count = draw(st.integers(min_value=1, max_value=min(MAX_INSTALLMENTS, total)))
    return total, count


@given(
    total_and_count=totals_and_counts(),
    currency=st.sampled_from(["EUR", "JPY", "KWD"]),
    first=st.dates(min_value=date(2000, 1, 1), max_value=date(2200, 12, 31)),
    interval=st.integers(min_value=1, max_value=12),
    unit=st.sampled_from(list(IntervalUnit)),
)
def test_installments_add_up_exactly_and_are_even(
    total_and_count: tuple[int, int], currency: str, first: date, interval: int,
    unit: IntervalUnit,
) -> None:
    total, count = total_and_count
    plan = schedule(Money(total, currency), count, first, interval, unit)
    amounts = [i.amount.minor for i in plan]
    assert sum(amounts) == total
    assert max(amounts) - min(amounts) <= 1
    assert min(amounts) >= 1
    assert amounts == sorted(amounts, reverse=True)  # the remainder goes to the first ones
    assert {i.amount.currency for i in plan} == {currency}
    assert [i.seq for i in plan] == list(range(1, count + 1))
    assert plan[0].due_date == first
    assert all(a.due_date < b.due_date for a, b in pairwise(plan))
    for i, installment in enumerate(plan):
        assert installment.due_date == add_interval(first, i * interval, unit)


@given(first=st.dates(min_value=date(2000, 1, 1), max_value=date(2200, 12, 31)),
       months=st.integers(min_value=0, max_value=240))
def test_months_keep_the_day_or_clamp_to_month_end(first: date, months: int) -> None:
    due = add_interval(first, months, M)
    assert (due.year * 12 + due.month) - (first.year * 12 + first.month) == months
    assert due.day == first.day or (due.day < first.day and (due.month, due.day) in {
        (2, 28), (2, 29), (4, 30), (6, 30), (9, 30), (11, 30)})


def test_month_end_clamping() -> None:
    plan = schedule(Money(1200, "EUR"), 6, date(2027, 1, 31), 1, M)
    assert [i.due_date for i in plan] == [
        date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30),
        date(2027, 5, 31), date(2027, 6, 30)]
    leap = schedule(Money(300, "EUR"), 3, date(2027, 12, 31), 2, M)
    assert [i.due_date for i in leap] == [date(2027, 12, 31), date(2028, 2, 29),
                                         date(2028, 4, 30)]
    assert add_interval(date(2028, 2, 29), 12, M) == date(2029, 2, 28)


def test_days_and_weeks() -> None:
    assert add_interval(date(2026, 12, 30), 3, IntervalUnit.DAYS) == date(2027, 1, 2)
    assert add_interval(date(2026, 12, 30), 2, IntervalUnit.WEEKS) == date(2027, 1, 13)


@pytest.mark.parametrize(("total", "count", "interval", "field"), [
    (0, 1, 1, "amount"),
    (-100, 1, 1, "amount"),
    (1000, 0, 1, "installments"),
    (1000, MAX_INSTALLMENTS + 1, 1, "installments"),
    (3, 4, 1, "installments"),
    (1000, 2, 0, "interval"),
])
def test_impossible_schedules_name_the_field(total: int, count: int, interval: int,
                                             field: str) -> None:
    with pytest.raises(ValidationError) as info:
        schedule(Money(total, "EUR"), count, date(2027, 1, 1), interval, M)
    assert info.value.field == field


def test_a_single_installment_needs_no_interval() -> None:
    (only,) = schedule(Money(500, "EUR"), 1, date(2027, 1, 1), 0, M)
    assert (only.due_date, only.amount) == (date(2027, 1, 1), Money(500, "EUR"))


INSTALLMENTS = [(date(2027, 3, 1), 100), (date(2027, 1, 1), 100), (date(2027, 2, 1), 100)]


@pytest.mark.parametrize(("paid", "due"), [
    (0, date(2027, 1, 1)),
    (99, date(2027, 1, 1)),
    (100, date(2027, 2, 1)),
    (250, date(2027, 3, 1)),
    (300, None),
    (400, None),
])
def test_first_unpaid_due_settles_oldest_first(paid: int, due: date | None) -> None:
    assert first_unpaid_due(INSTALLMENTS, paid) == due


def test_first_unpaid_due_without_installments() -> None:
    assert first_unpaid_due([], 0) is None


TODAY = date(2027, 2, 10)


@pytest.mark.parametrize(("total", "paid", "unpaid_due", "status"), [
    (1000, 0, None, PaymentStatus.NOT_PAID),
    (1000, 10, None, PaymentStatus.PARTIALLY_PAID),
    (1000, 1000, None, PaymentStatus.PAID),
    (1000, 0, date(2027, 2, 9), PaymentStatus.OVERDUE),
    (1000, 500, date(2027, 2, 9), PaymentStatus.OVERDUE),
    (1000, 500, date(2027, 2, 10), PaymentStatus.PARTIALLY_PAID),  # due today is not late yet
    (1000, 0, date(2027, 3, 1), PaymentStatus.NOT_PAID),
    (0, 0, None, PaymentStatus.NOT_PAID),
])
def test_payment_status(total: int, paid: int, unpaid_due: date | None,
                        status: PaymentStatus) -> None:
    assert payment_status(total, paid, unpaid_due, TODAY) is status
