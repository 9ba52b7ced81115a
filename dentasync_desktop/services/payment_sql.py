"""Order payment status and lifecycle order as SQL expressions, shared by lists and finance.

``payment_status_sql`` is domain.payments.payment_status written as one CASE, so filtering and
sorting by payment status happens in SQL on the denormalised WorkOrder columns.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from sqlalchemy import ColumnElement, and_, case

from ..db.models import WorkOrder
from ..domain.enums import OrderStatus, PaymentStatus


# Built once per day, not per page: composing these expressions cost more than running them.
@lru_cache(maxsize=4)
def payment_status_sql(today: date | ColumnElement[date]) -> ColumnElement[str]:
    """The PaymentStatus value of each order, the same rule as domain.payments.payment_status."""
    return case(
        (and_(WorkOrder.price_total_minor > 0,
              WorkOrder.paid_minor >= WorkOrder.price_total_minor), PaymentStatus.PAID.value),
        (WorkOrder.unpaid_due_date < today, PaymentStatus.OVERDUE.value),
        (WorkOrder.paid_minor > 0, PaymentStatus.PARTIALLY_PAID.value),
        else_=PaymentStatus.NOT_PAID.value,
    )


@lru_cache(maxsize=4)
def payment_rank_sql(today: date | ColumnElement[date]) -> ColumnElement[int]:
    """Sorts payment statuses in their declared order (not paid ... overdue), not by spelling."""
    return case(
        {status.value: rank for rank, status in enumerate(PaymentStatus)},
        value=payment_status_sql(today),
    )


@lru_cache(maxsize=1)
def status_rank_sql() -> ColumnElement[int]:
    """Sorts order statuses along the lifecycle (draft first, cancelled last)."""
    return case(
        {status: rank for rank, status in enumerate(OrderStatus)},
        value=WorkOrder.status,
    )
