"""``finance_totals`` (migration 0014): the figures of the orders that are not cancelled, summed
per lab, currency and payment method ('' for none) once per day and once per month of
``documented_at``, kept by triggers on work_orders.

Not an ORM model: nothing writes it but the triggers, a copy to a server rebuilds it as the
orders arrive, and the autogenerate comparison skips it (``is_derived_table``).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import BigInteger, ColumnElement, Date, Integer, String, and_, column, or_, table

from .search import is_search_index

TOTALS = "finance_totals"
DAY, MONTH = "day", "month"
NO_METHOD = ""

totals = table(
    TOTALS, column("period", String()), column("starts", Date()), column("lab_id", Integer()),
    column("currency", String()), column("payment_method", String()),
    column("orders", Integer()), column("paid_minor", BigInteger()),
    column("price_total_minor", BigInteger()))


def is_derived_table(name: str) -> bool:
    """Tables and indexes made and kept by raw SQL and triggers: the search indexes and the
    finance totals."""
    return is_search_index(name) or name.startswith(TOTALS)


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def in_period(date_from: date | None, date_to: date | None) -> ColumnElement[bool]:
    """The rows that add up the orders documented from ``date_from`` to ``date_to`` (both
    included, either open): the months wholly inside, and the days at either end outside them.
    """
    starts, period = totals.c.starts, totals.c.period
    first = date_from if date_from is None or date_from.day == 1 else _next_month(date_from)
    # The first day after the last whole month.
    end = None if date_to is None else (
        _next_month(date_to) if _next_month(date_to) == date_to + timedelta(days=1)
        else date_to.replace(day=1))
    if first is not None and end is not None and first >= end:
        return and_(period == DAY, starts >= date_from, starts <= date_to)
    months = [period == MONTH]
    days = []
    if first is not None:
        months.append(starts >= first)
        if date_from is not None and date_from < first:
            days.append(and_(starts >= date_from, starts < first))
    if end is not None:
        months.append(starts < end)
        if date_to is not None and end <= date_to:
            days.append(and_(starts >= end, starts <= date_to))
    if not days:
        return and_(*months)
    return or_(and_(*months), and_(period == DAY, or_(*days)))
