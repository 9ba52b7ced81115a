"""Read side: the finance dashboard, per dental lab and per work order, aggregated in SQL.

Cancelled orders never count. Both tabs use the same conditions, so for any filter without a
payment status the lab rows and the order rows add up to the same figures per currency.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import ColumnElement, Row, Select, String, case, func, select
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.util import ClauseAdapter

from ..db.engine import is_server
from ..db.models import Customer, DentalLab, Patient, WorkOrder
from ..db.models.totals import in_period, totals
from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import (
    Actor,
    CurrencySummary,
    FinanceFilter,
    FinanceSummary,
    LabFinanceRow,
    OrderCursor,
    OrderFinanceRow,
    OrderFinanceSlice,
)
from ..domain.enums import OrderStatus, PaymentStatus
from ..domain.errors import ValidationError
from ..domain.money import Money
from ..domain.validation import date_range
from .guards import authorize
from .paging import beyond, check_limit, check_page, joined_for_sort
from .payment_sql import payment_rank_sql, payment_status_sql, status_rank_sql
from .unit_of_work import UnitOfWork

FINANCE_SORT_KEYS = (
    "number", "lab", "patient", "customer", "payment_method", "paid", "total", "outstanding",
    "status", "documented_at", "payment_status",
)
VIEWS = ("orders", "labs")


def _check(flt: FinanceFilter) -> None:
    validation.in_range(flt.date_from, "date from")
    validation.in_range(flt.date_to, "date to")
    validation.record_id(flt.lab_id, "dental lab")
    date_range(flt.date_from, flt.date_to, "time period")


def counted_orders(
    date_from: date | None, date_to: date | None, lab_id: int | None
) -> list[ColumnElement[bool]]:
    """The orders finance and the lab scorecard count: not cancelled, documented in the
    period, of the lab when one is chosen."""
    conditions: list[ColumnElement[bool]] = [WorkOrder.status != OrderStatus.CANCELLED]
    if date_from is not None:
        conditions.append(WorkOrder.documented_at >= date_from)
    if date_to is not None:
        conditions.append(WorkOrder.documented_at <= date_to)
    if lab_id is not None:
        conditions.append(WorkOrder.lab_id == lab_id)
    return conditions


def _totals_conditions(flt: FinanceFilter) -> list[ColumnElement[bool]]:
    """``counted_orders`` and the payment method on ``finance_totals``."""
    conditions = [in_period(flt.date_from, flt.date_to)]
    if flt.lab_id is not None:
        conditions.append(totals.c.lab_id == flt.lab_id)
    if flt.method is not None:
        conditions.append(totals.c.payment_method == flt.method.value)
    return conditions


def _summed_totals(flt: FinanceFilter, *keys: ColumnElement[Any]) -> Select[Any]:
    """``keys``, then the orders, paid and total of the orders ``flt`` counts (no payment
    status), per ``keys``, from ``finance_totals``; groups of no order left out."""
    return (
        select(*keys, func.sum(totals.c.orders).label("orders"),
               func.sum(totals.c.paid_minor).label("paid"),
               func.sum(totals.c.price_total_minor).label("total"))
        .where(*_totals_conditions(flt))
        .group_by(*keys)
        .having(func.sum(totals.c.orders) > 0)
    )


def _conditions(
    flt: FinanceFilter, today: date, with_payment_status: bool
) -> list[ColumnElement[bool]]:
    conditions = counted_orders(flt.date_from, flt.date_to, flt.lab_id)
    if flt.method is not None:
        conditions.append(WorkOrder.payment_method == flt.method)
    if with_payment_status and flt.payment_status is not None:
        conditions.append(payment_status_sql(today) == flt.payment_status.value)
    return conditions


def lab_rows(uow: UnitOfWork, actor: Actor, flt: FinanceFilter) -> list[LabFinanceRow]:
    """The Dental labs tab: one row per lab and currency, by lab name then currency."""
    _check(flt)
    with uow.reading():
        authorize(uow, actor, Action.VIEW_FINANCE)
        # From the totals kept per day and month (db/models/totals.py), not from every order:
        # a million orders took 370-475 ms to add up even from a covering index.
        per_lab = _summed_totals(flt, totals.c.currency, totals.c.lab_id).subquery()
        query = (
            select(DentalLab.id, DentalLab.name, per_lab.c.currency, per_lab.c.orders,
                   per_lab.c.paid, per_lab.c.total)
            .join(per_lab, per_lab.c.lab_id == DentalLab.id)
            .order_by(DentalLab.sort_key, DentalLab.id, per_lab.c.currency)
        )
        return [
            LabFinanceRow(lab_id=lab_id, lab_name=name, currency=currency, order_count=count,
                          paid=Money(paid, currency), total=Money(total, currency))
            for lab_id, name, currency, count, paid, total in uow.session.execute(query)
        ]


# A mapped column or an expression: both label, order and compare.
_SortColumn = ColumnElement[Any] | QueryableAttribute[Any]


def _sort_key(key: str, today: date) -> _SortColumn:
    """Never NULL, so keyset pagination can compare it."""
    columns: dict[str, _SortColumn] = {
        "number": WorkOrder.number,
        "lab": DentalLab.sort_key,
        "patient": Patient.sort_key,
        "customer": Customer.sort_key,
        "payment_method": func.coalesce(WorkOrder.payment_method, "", type_=String()),
        "paid": WorkOrder.paid_minor,
        "total": WorkOrder.price_total_minor,
        "outstanding": WorkOrder.outstanding_minor,
        "status": status_rank_sql(),
        "documented_at": WorkOrder.documented_at,
        "payment_status": payment_rank_sql(today),
    }
    if key not in columns:
        raise ValidationError("sort", code="unknown_sort", params={"value": key})
    return columns[key]


def _order_by(sort_key: str, today: date) -> list[_SortColumn]:
    """The tab's order: the sort key, ties by id (unique). The id, not the number: every
    index holds it, so a sort by an order's own column reads a covering index, and a sort
    by a name reads the names' index and each one's orders by id, in order."""
    key = _sort_key(sort_key, today)
    return [key] if sort_key == "number" else [key, WorkOrder.id]


def _orders_query(
    flt: FinanceFilter, today: date, sort_key: str, descending: bool,
    after: OrderCursor | None = None, limit: int = 100, offset: int = 0,
) -> Select[*tuple[Any, ...]]:
    """``limit`` rows of the Work orders tab, sorted (ties by id), from after ``after`` on
    (and ``offset`` rows further); the values of the sort last, for the next cursor.

    The page is chosen from the orders alone (and the names the sort reads), then joined to
    what it shows: joined first, every matching order was looked up in three tables before
    the sort kept 100 of them (1-2.8 s at a million orders for any sort without an index).
    """
    columns = _order_by(sort_key, today)
    page = joined_for_sort(
        select(WorkOrder.id.label("page_id"),
               *(column.label(f"key{n}") for n, column in enumerate(columns))), sort_key)
    page = _sorted(page, flt, today, sort_key, descending, after).limit(limit)
    chosen = (page.offset(offset) if offset else page).subquery("page")
    keys = [chosen.c[f"key{n}"] for n in range(len(columns))]
    return (
        select(WorkOrder.id, WorkOrder.number, DentalLab.name.label("lab_name"),
               WorkOrder.payment_method, WorkOrder.currency, WorkOrder.paid_minor,
               WorkOrder.price_total_minor, WorkOrder.status, WorkOrder.documented_at,
               payment_status_sql(today).label("payment_status"),
               Patient.first_name, Patient.last_name, Customer.name.label("customer_name"),
               *keys)
        .join(chosen, chosen.c.page_id == WorkOrder.id)
        .join(DentalLab, DentalLab.id == WorkOrder.lab_id)
        .join(Patient, Patient.id == WorkOrder.patient_id)
        .join(Customer, Customer.id == WorkOrder.customer_id)
        .order_by(*(key.desc() if descending else key.asc() for key in keys))
    )


def _sorted(query: Select[*tuple[Any, ...]], flt: FinanceFilter, today: date, sort_key: str,
            descending: bool, after: OrderCursor | None = None) -> Select[*tuple[Any, ...]]:
    """``query`` over the tab's orders (``flt``), in the tab's order, those beyond ``after``
    alone when given."""
    columns = _order_by(sort_key, today)
    query = query.where(*_conditions(flt, today, with_payment_status=True))
    if after is not None:
        query = query.where(beyond(columns, after.values, descending))
    return query.order_by(*(c.desc() if descending else c.asc() for c in columns))


_SORT_AT = 13  # where a fetched row's sort values start (the row's fields before)


def _order_row(r: Row[*tuple[Any, ...]]) -> OrderFinanceRow:
    (order_id, number, lab_name, method, currency, paid, total, status, documented, pay,
     first, last, customer) = r[:_SORT_AT]
    return OrderFinanceRow(
        order_id=order_id, number=number, lab_name=lab_name,
        patient_name=f"{first} {last}".strip(), customer_name=customer, payment_method=method,
        paid=Money(paid, currency), total=Money(total, currency), status=status,
        documented_at=documented, payment_status=PaymentStatus(pay),
    )


def order_rows(
    uow: UnitOfWork, actor: Actor, flt: FinanceFilter, offset: int = 0, limit: int = 100,
    sort_key: str = "documented_at", descending: bool = True,
) -> list[OrderFinanceRow]:
    """One page of the Work orders tab."""
    _check(flt)
    check_page(offset, limit)
    with uow.reading():
        authorize(uow, actor, Action.VIEW_FINANCE)
        query = _orders_query(flt, uow.today(), sort_key, descending, limit=limit,
                              offset=offset)
        rows = uow.session.execute(query)
        return [_order_row(r) for r in rows]


def order_rows_after(
    uow: UnitOfWork, actor: Actor, flt: FinanceFilter, after: OrderCursor | None,
    limit: int = 100, sort_key: str = "documented_at", descending: bool = True,
) -> OrderFinanceSlice:
    """The ``limit`` rows of the Work orders tab that follow ``after`` (the first ones when
    None): the tab's pages as it scrolls.

    Each page continues from the last row's sort value and id, so a page deep in a million
    orders is a seek where an offset walked past every row before it (and sorted them all
    when the sort has no index), and orders written between two pages neither shift a row into
    the next page again nor out of it: what the next page shows is what follows the last row
    shown, as the orders are now.
    """
    return _slice(uow, actor, flt, after, limit, sort_key, descending, reverse=False)


def order_rows_before(
    uow: UnitOfWork, actor: Actor, flt: FinanceFilter, before: OrderCursor | None,
    limit: int = 100, sort_key: str = "documented_at", descending: bool = True,
) -> OrderFinanceSlice:
    """The ``limit`` rows of the Work orders tab that lead up to ``before`` (the last ones
    when None), in the tab's order: scrolling back up, at the cost of a page down."""
    return _slice(uow, actor, flt, before, limit, sort_key, descending, reverse=True)


def order_rows_at(
    uow: UnitOfWork, actor: Actor, flt: FinanceFilter, position: int, limit: int = 100,
    sort_key: str = "documented_at", descending: bool = True, from_end: bool = False,
) -> OrderFinanceSlice:
    """``limit`` rows of the Work orders tab from row ``position`` on, in the tab's order;
    with ``from_end`` the rows end ``position`` rows before the end of the list. A jump (the
    scroll bar dragged, Ctrl+End) walks ``position`` rows of an index, so callers count from
    the nearer end and go on from the slice's cursors."""
    check_page(position, limit)
    return _slice(uow, actor, flt, None, limit, sort_key, descending, reverse=from_end,
                  offset=position)


def _slice(
    uow: UnitOfWork, actor: Actor, flt: FinanceFilter, cursor: OrderCursor | None, limit: int,
    sort_key: str, descending: bool, reverse: bool, offset: int = 0,
) -> OrderFinanceSlice:
    """The rows beyond ``cursor`` (before it when ``reverse``: the list read backwards from
    its end), ``offset`` rows on, and the cursors to go on from either end."""
    _check(flt)
    check_limit(limit)
    if cursor is not None and (cursor.sort_key, cursor.descending, len(cursor.values)) != (
            sort_key, descending, 1 if sort_key == "number" else 2):
        raise ValidationError("sort", code="other_sort_order")
    with uow.reading():
        authorize(uow, actor, Action.VIEW_FINANCE)
        # Read backwards, the rows before a cursor are those after it in the other order.
        query = _orders_query(flt, uow.today(), sort_key, descending != reverse, cursor,
                              limit, offset)
        rows = list(uow.session.execute(query))
    if reverse:
        rows.reverse()
    full, continued = len(rows) == limit, cursor is not None or offset > 0

    def at(row: Row[*tuple[Any, ...]]) -> OrderCursor:
        return OrderCursor(sort_key, descending, tuple(row[_SORT_AT:]), row[0])

    more_before, more_after = (full, continued) if reverse else (continued, full)
    return OrderFinanceSlice(
        rows=tuple(_order_row(r) for r in rows),
        next=at(rows[-1]) if rows and more_after else None,
        previous=at(rows[0]) if rows and more_before else None)


def order_count(uow: UnitOfWork, actor: Actor, flt: FinanceFilter) -> int:
    """How many orders the Work orders tab lists for ``flt``.

    Counted where ``summary`` counts them: from the totals kept per day and month, or from the
    overdue orders alone. Counting every order took 46-87 ms at a million orders (the tab's
    first page: 2-6 ms); only the other payment statuses still do.
    """
    _check(flt)
    with uow.reading():
        authorize(uow, actor, Action.VIEW_FINANCE)
        today = uow.today()
        if flt.payment_status is None:
            summed = (select(func.coalesce(func.sum(totals.c.orders), 0))
                      .where(*_totals_conditions(flt)))
            return int(uow.session.scalar(summed) or 0)
        if flt.payment_status is PaymentStatus.OVERDUE:
            return sum(count for _currency, _total, _paid, count in _overdue(uow, flt, today))
        query = (select(func.count()).select_from(WorkOrder)
                 .where(*_conditions(flt, today, with_payment_status=True)))
        return uow.session.scalar(query) or 0


MAX_BATCH = 1_000_000


def _check_export(uow: UnitOfWork, actor: Actor, flt: FinanceFilter, batch: int,
                  sort_key: str) -> None:
    _check(flt)
    if sort_key not in FINANCE_SORT_KEYS:
        raise ValidationError("sort", code="unknown_sort", params={"value": sort_key})
    # A batch is fetched in one driver call, which takes a C int: held far below that.
    validation.whole_number(batch, "batch", 1, MAX_BATCH)
    with uow:
        authorize(uow, actor, Action.VIEW_FINANCE)


# What an export of the Work orders tab prints of an order, as iter_order_values yields it.
OrderValues = tuple[int, str, str | None, str, int, int, int, str, str, date]


def iter_order_values(
    uow: UnitOfWork, actor: Actor, flt: FinanceFilter, batch: int = 5000,
    sort_key: str = "documented_at", descending: bool = True,
) -> Iterator[OrderValues]:
    """Every row of the Work orders tab (``order_rows`` without pages) as plain values, for an
    export of every order: (number, lab name, payment method, currency, paid, total,
    outstanding (minor units), status, payment status (their stored values), documented day).

    One query in one read transaction, so the file is a consistent snapshot even if someone
    records a payment meanwhile, streamed ``batch`` rows at a time on SQLite and on the server
    (a server-side cursor): memory stays at one batch however many orders match, and the rows
    are read once (a new query per batch, continuing from the last row, rescanned the table
    for every batch whenever the sort had no index). Straight from the driver's cursor:
    SQLAlchemy's row objects and type conversions, and an OrderFinanceRow with three Money
    objects for each order, cost more than reading the rows and writing the file together.
    Only the joins the sort needs. Refusals are raised here, before the first row.
    """
    _check_export(uow, actor, flt, batch, sort_key)
    return _stream_values(uow, flt, batch, sort_key, descending)


def _stream_values(uow: UnitOfWork, flt: FinanceFilter, batch: int, sort_key: str,
                   descending: bool) -> Iterator[OrderValues]:
    with uow.reading(streaming=True):
        today = uow.today()
        query = (
            select(WorkOrder.number, DentalLab.name, WorkOrder.payment_method,
                   WorkOrder.currency, WorkOrder.paid_minor, WorkOrder.price_total_minor,
                   WorkOrder.price_total_minor - WorkOrder.paid_minor, WorkOrder.status,
                   payment_status_sql(today), WorkOrder.documented_at)
            .join(DentalLab, DentalLab.id == WorkOrder.lab_id)
        )
        query = _sorted(joined_for_sort(query, sort_key, joined=(DentalLab,)), flt, today,
                        sort_key, descending)
        connection = uow.session.connection()
        if is_server(connection):
            # A server-side cursor, which SQLAlchemy reads a row ahead of us: its rows.
            yield from cast(Iterator[OrderValues],
                            connection.execution_options(yield_per=batch).execute(query))
            return
        result = connection.execute(query)
        try:
            cursor = result.cursor  # the DB-API cursor: plain tuples, a day as ISO text
            cursor.arraysize = batch
            day = date.fromisoformat
            while rows := cursor.fetchmany():
                for row in rows:
                    yield (*row[:-1], day(row[-1]))
        finally:
            result.close()


def summary(uow: UnitOfWork, actor: Actor, flt: FinanceFilter, view: str = "orders"
            ) -> FinanceSummary:
    """Summary figures per currency for the tab ``view``; currencies are never added up."""
    _check(flt)
    if view not in VIEWS:
        raise ValidationError("view", code="one_of", params={"choices": list(VIEWS)})
    with uow.reading():
        authorize(uow, actor, Action.VIEW_FINANCE)
        today = uow.today()
        status = flt.payment_status if view == "orders" else None
        if status is None:
            figures = _summary_from_totals(uow, flt, today)
        elif status is PaymentStatus.OVERDUE:
            figures = [(currency, total, paid, total - paid, count)
                       for currency, total, paid, count in _overdue(uow, flt, today)]
        else:
            figures = _summary_of_every_order(uow, flt, today)
        return FinanceSummary(per_currency=tuple(
            CurrencySummary(currency=currency, total=Money(total, currency),
                            paid=Money(paid, currency), overdue=Money(overdue_minor, currency),
                            order_count=count)
            for currency, total, paid, overdue_minor, count in figures
        ))


# (currency, total, paid, overdue, orders), by currency
_Figures = Sequence[tuple[str, int, int, int, int] | Row[str, int, int, int, int]]


def _summary_from_totals(uow: UnitOfWork, flt: FinanceFilter, today: date) -> _Figures:
    """Orders, total and paid from the totals kept per day and month (as ``lab_rows``), and
    the overdue part, which changes with the day, from the overdue orders alone: a million
    orders took 350 ms to add up."""
    query = _summed_totals(flt, totals.c.currency).order_by(totals.c.currency)
    overdue = {currency: total - paid for currency, total, paid, _ in _overdue(uow, flt, today)}
    return [(currency, total, paid, overdue.get(currency, 0), count)
            for currency, count, paid, total in uow.session.execute(query)]


def _overdue(uow: UnitOfWork, flt: FinanceFilter, today: date
             ) -> Sequence[Row[str, int, int, int]]:
    """(currency, total, paid, orders) of the overdue orders ``flt`` counts, by currency."""
    # The due date's term, implied by the status, lets the partial index of the orders with an
    # unpaid installment answer (its few percent of the orders, those of the period). Apart
    # from the lab and the method on SQLite, which has no statistics to know how few they are
    # and read all of a lab's orders, or every order in the grouping's order, by another index;
    # PostgreSQL knows, and gets the query inlined.
    unpaid = (
        select(WorkOrder.currency, WorkOrder.status, WorkOrder.lab_id, WorkOrder.documented_at,
               WorkOrder.payment_method, WorkOrder.price_total_minor, WorkOrder.paid_minor)
        .where(WorkOrder.unpaid_due_date < today,
               payment_status_sql(today) == PaymentStatus.OVERDUE.value,
               *counted_orders(flt.date_from, flt.date_to, None))
        .cte("unpaid")
        .prefix_with("MATERIALIZED", dialect="sqlite")
    )
    query = (
        select(unpaid.c.currency, func.sum(unpaid.c.price_total_minor),
               func.sum(unpaid.c.paid_minor), func.count())
        .where(*map(ClauseAdapter(unpaid).traverse,
                    _conditions(flt, today, with_payment_status=False)))
        .group_by(unpaid.c.currency)
        .order_by(unpaid.c.currency)
    )
    return uow.session.execute(query).all()


def _summary_of_every_order(uow: UnitOfWork, flt: FinanceFilter, today: date) -> _Figures:
    """The orders of one payment status: no total is kept per status."""
    outstanding = WorkOrder.price_total_minor - WorkOrder.paid_minor
    overdue = case((payment_status_sql(today) == PaymentStatus.OVERDUE.value, outstanding),
                   else_=0)
    query = (
        select(WorkOrder.currency, func.sum(WorkOrder.price_total_minor),
               func.sum(WorkOrder.paid_minor), func.sum(overdue), func.count())
        .where(*_conditions(flt, today, with_payment_status=True))
        .group_by(WorkOrder.currency)
        .order_by(WorkOrder.currency)
    )
    return uow.session.execute(query).all()
