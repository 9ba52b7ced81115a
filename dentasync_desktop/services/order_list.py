"""Read side: the order list, one page at a time, filtered and sorted in SQL.

Pages continue from the last row's sort key and id (``orders_after``), or lead up to the first
row's (``orders_before``, the list read backwards), so scrolling to the end of a million orders
costs the same per page as the first one; ``orders_at`` seeks a position from either end (a jump
of the scroll bar). ``count_orders`` is a separate call, made once per filter change.
``list_orders`` (offset and count in one) stays for callers that page by position.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    SQLColumnExpression,
    UnaryExpression,
    and_,
    func,
    or_,
    select,
    tuple_,
)

from ..db.models import Customer, DentalLab, Patient, WorkOrder
from ..db.models.search import match_count, matching_ids, scanned_matches
from ..domain import validation
from ..domain.dto import (
    ORDER_SORT_KEYS,
    Actor,
    OrderCursor,
    OrderFilter,
    OrderPage,
    OrderRow,
    OrderSlice,
)
from ..domain.enums import OrderStatus, PaymentStatus
from ..domain.errors import ValidationError
from ..domain.money import Money
from ..domain.text import search_fold
from .guards import signed_in
from .paging import check_limit, check_page
from .payment_sql import payment_rank_sql, payment_status_sql, status_rank_sql
from .unit_of_work import UnitOfWork

# Sent to the lab but not delivered yet: a due date in the past means the lab is late.
AWAITING_DELIVERY = (
    OrderStatus.PUBLISHED, OrderStatus.IN_PRODUCTION, OrderStatus.PRODUCED, OrderStatus.SHIPPED,
)
_orders, _patients = WorkOrder.__table__.c, Patient.__table__.c
_customers, _labs = Customer.__table__.c, DentalLab.__table__.c


@lru_cache(maxsize=4)
def overdue_sql(today: date) -> ColumnElement[bool]:
    """Late from the lab, or an installment is past due: what OrderRow.overdue says."""
    return or_(
        and_(WorkOrder.status.in_(AWAITING_DELIVERY), WorkOrder.due_date < today),
        payment_status_sql(today) == PaymentStatus.OVERDUE.value,
    )


def search_tokens(text: str) -> list[str]:
    """Words of a search, without case or accents; an order must contain every one.

    Held to a short text: each word is a condition, and a pasted page of words would build a
    query deeper than SQLite allows.
    """
    return search_fold(validation.limited(text or "", "search", validation.SHORT_TEXT)).split()


def _conditions(
    uow: UnitOfWork, flt: OrderFilter, today: date, with_statuses: bool = True
) -> list[ColumnElement[bool]]:
    return (matching_ids(search_tokens(flt.text), uow.dialect)
            + _filters(flt, today, with_statuses))


def _filters(
    flt: OrderFilter, today: date, with_statuses: bool = True
) -> list[ColumnElement[bool]]:
    """Every condition but the text search."""
    conditions: list[ColumnElement[bool]] = []
    if with_statuses and flt.statuses:
        conditions.append(WorkOrder.status.in_(flt.statuses))
    if flt.lab_id is not None:
        conditions.append(WorkOrder.lab_id == flt.lab_id)
    if flt.customer_id is not None:
        conditions.append(WorkOrder.customer_id == flt.customer_id)
    if flt.due_from is not None:
        conditions.append(WorkOrder.due_date >= flt.due_from)
    if flt.due_to is not None:
        conditions.append(WorkOrder.due_date <= flt.due_to)
    if flt.payment_status is not None:
        conditions.append(payment_status_sql(today) == flt.payment_status.value)
    if flt.overdue_only:
        conditions.append(overdue_sql(today))
    if flt.on_hold_only:
        conditions.append(WorkOrder.on_hold.is_(True))
    return conditions


def _check(flt: OrderFilter) -> None:
    if flt.sort_key not in ORDER_SORT_KEYS:
        raise ValidationError("sort", code="unknown_sort", params={"value": flt.sort_key})
    validation.in_range(flt.due_from, "due from")
    validation.in_range(flt.due_to, "due to")
    validation.record_id(flt.lab_id, "dental lab")
    validation.record_id(flt.customer_id, "customer")
    validation.date_range(flt.due_from, flt.due_to, "due date")


_SORT_COLUMNS: dict[str, Callable[[date], Sequence[SQLColumnExpression[Any]]]] = {
    "number": lambda _today: (WorkOrder.number,),
    # Folded names (domain/text.py sort_key), indexed: "Łukasz" among the L, paged by index.
    "patient": lambda _today: (Patient.sort_key,),
    "customer": lambda _today: (Customer.sort_key,),
    "lab": lambda _today: (DentalLab.sort_key,),
    "status": lambda _today: (status_rank_sql(),),
    "documented_at": lambda _today: (WorkOrder.documented_at,),
    "due_date": lambda _today: (WorkOrder.due_date,),
    "total": lambda _today: (WorkOrder.price_total_minor,),
    "paid": lambda _today: (WorkOrder.paid_minor,),
    "balance": lambda _today: (WorkOrder.price_total_minor - WorkOrder.paid_minor,),
    "payment_status": lambda today: (payment_rank_sql(today),),
}


def _sort_columns(key: str, today: date) -> Sequence[SQLColumnExpression[Any]]:
    return _SORT_COLUMNS[key](today)


def _page_ids(
    flt: OrderFilter, today: date, conditions: list[ColumnElement[bool]],
    *extra: SQLColumnExpression[Any], reverse: bool = False,
) -> Select[*tuple[Any, ...]]:
    """The ids of the matching orders and their sort values (then ``extra``), in list order
    (the id breaks ties), or from the end of the list when ``reverse``.

    Orders without a due date come last whichever way the list is sorted by due date.
    """
    sort = _sort_columns(flt.sort_key, today)
    query = select(WorkOrder.id, *sort, *extra).where(*conditions)
    if flt.sort_key == "patient":
        query = query.join(Patient, Patient.id == WorkOrder.patient_id)
    elif flt.sort_key == "customer":
        query = query.join(Customer, Customer.id == WorkOrder.customer_id)
    elif flt.sort_key == "lab":
        query = query.join(DentalLab, DentalLab.id == WorkOrder.lab_id)
    return query.order_by(*_ordered(flt, (*sort, WorkOrder.id), reverse))


def _ordered(
    flt: OrderFilter, columns: Sequence[SQLColumnExpression[Any]], reverse: bool = False,
) -> list[UnaryExpression[Any]]:
    terms = [c.desc() if flt.descending != reverse else c.asc() for c in columns]
    if flt.sort_key == "due_date":
        terms[0] = terms[0].nulls_first() if reverse else terms[0].nulls_last()
    return terms


_KEYS_AT = 15  # where a fetched row's sort values start; its paging id is last


_Rows = list[Row[*tuple[Any, ...]]]


def _rows(uow: UnitOfWork, page: Select[*tuple[Any, ...]], flt: OrderFilter, today: date,
          reverse: bool = False) -> _Rows:
    """The page's rows, joined only after paging so a page never joins the whole table.

    Core columns and plain tuples: the ORM's per-row work was most of a page's cost.
    """
    ids = page.subquery()
    keys = [column for name, column in ids.c.items() if name != "id"] + [ids.c.id]
    query = (
        select(_orders.id, _orders.number, _patients.first_name, _patients.last_name,
               _customers.name, _labs.name, _orders.status, _orders.documented_at,
               _orders.due_date, _orders.currency, _orders.price_total_minor,
               _orders.paid_minor, payment_status_sql(today), _orders.on_hold,
               overdue_sql(today), *keys)
        .select_from(ids.join(WorkOrder.__table__, _orders.id == ids.c.id)
                     .join(Patient.__table__, _patients.id == _orders.patient_id)
                     .join(Customer.__table__, _customers.id == _orders.customer_id)
                     .join(DentalLab.__table__, _labs.id == _orders.lab_id))
        .order_by(*_ordered(flt, keys, reverse))
    )
    return list(uow.session.connection().execute(query).all())


# A text search first reads this many rows in list order and tests their text directly:
# enough to fill a page when the words are common (on one order in a hundred), in ~8 ms at a
# million orders, where the index would hand over all 150,000 matches of a common name to be
# sorted (~180 ms). Rarer words go to the index, which then has few matches to sort.
PROBE_ROWS = 10_000


def _fetch(
    uow: UnitOfWork, flt: OrderFilter, today: date, where: list[ColumnElement[bool]],
    offset: int, limit: int, reverse: bool = False,
) -> list[Row[*tuple[Any, ...]]]:
    """Rows ``offset`` to ``offset + limit`` of the list, also restricted by ``where``; counted
    from the end, last row first, when ``reverse``."""
    conditions = _filters(flt, today) + where
    tokens = search_tokens(flt.text)
    if tokens:
        head = _page_ids(flt, today, conditions, WorkOrder.search_text,
                         reverse=reverse).limit(PROBE_ROWS).subquery()
        columns = [c for name, c in head.c.items() if name != "search_text"]
        probe = (select(*columns).where(*scanned_matches(head.c.search_text, tokens,
                                                          uow.dialect))
                 .order_by(*_ordered(flt, columns[1:] + columns[:1], reverse)))
        rows = _rows(uow, probe.offset(offset).limit(limit), flt, today, reverse)
        if len(rows) == limit:  # all within the first rows, so exactly the right ones
            return rows
        conditions += matching_ids(tokens, uow.dialect)
    page = _page_ids(flt, today, conditions, reverse=reverse).offset(offset).limit(limit)
    return _rows(uow, page, flt, today, reverse)


def _order_row(r: Row[*tuple[Any, ...]]) -> OrderRow:
    return OrderRow(
        id=r[0], number=r[1], patient_name=f"{r[2]} {r[3]}".strip(), customer_name=r[4],
        lab_name=r[5], status=r[6], documented_at=r[7], due_date=r[8],
        total=Money(r[10], r[9]), paid=Money(r[11], r[9]),
        payment_status=PaymentStatus(r[12]), on_hold=r[13], overdue=bool(r[14]),
    )


def list_orders(
    uow: UnitOfWork, actor: Actor, flt: OrderFilter, offset: int, limit: int
) -> OrderPage:
    """One page at ``offset`` and how many orders match in all.

    Everyone signed in may see the list; what they may do with an order is checked per action.
    """
    _check(flt)
    check_page(offset, limit)
    with uow.reading():
        signed_in(uow, actor)
        today = uow.today()
        rows = _fetch(uow, flt, today, [], offset, limit)
        if 0 < len(rows) < limit or (offset == 0 and not rows):
            total_count = offset + len(rows)  # the last page: no need to count again
        else:
            total_count = _count(uow, flt, today)
        return OrderPage(rows=tuple(map(_order_row, rows)), offset=offset,
                         total_count=total_count)


def matching_rows(
    uow: UnitOfWork, actor: Actor, flt: OrderFilter, ids: Sequence[int]
) -> dict[int, OrderRow]:
    """The current rows of those of ``ids`` that still match ``flt`` (the others are left out):
    what a list showing ``flt`` needs to refresh rows in place after a change."""
    _check(flt)
    for order_id in ids:
        validation.record_id(order_id, "order")
    with uow.reading():
        signed_in(uow, actor)
        today = uow.today()
        page = _page_ids(flt, today, [WorkOrder.id.in_(list(ids)), *_conditions(uow, flt, today)])
        return {row.id: row for row in map(_order_row, _rows(uow, page, flt, today))}


def orders_after(
    uow: UnitOfWork, actor: Actor, flt: OrderFilter, after: OrderCursor | None, limit: int
) -> OrderSlice:
    """The ``limit`` orders that follow ``after`` (the first ones when None), in list order."""
    return _slice(uow, actor, flt, after, limit, reverse=False)


def orders_before(
    uow: UnitOfWork, actor: Actor, flt: OrderFilter, before: OrderCursor | None, limit: int
) -> OrderSlice:
    """The ``limit`` orders that lead up to ``before`` (the last ones when None), in list
    order: scrolling back, or a jump to the end, at the cost of the first page."""
    return _slice(uow, actor, flt, before, limit, reverse=True)


def orders_at(
    uow: UnitOfWork, actor: Actor, flt: OrderFilter, position: int, limit: int,
    from_end: bool = False,
) -> OrderSlice:
    """``limit`` orders from row ``position`` on, in list order; with ``from_end`` the slice
    ends ``position`` rows before the end of the list. A jump deep into the list: it costs a
    walk over ``position`` index entries, so callers count from the nearer end and continue
    with ``orders_after``/``orders_before`` from the slice's cursors."""
    _check(flt)
    check_page(position, limit)
    with uow.reading():
        signed_in(uow, actor)
        today = uow.today()
        rows = _fetch(uow, flt, today, [], position, limit, reverse=from_end)
        if from_end:
            rows.reverse()
        full = len(rows) == limit
        return _sliced(flt, rows, more_before=position > 0 if not from_end else full,
                       more_after=full if not from_end else position > 0)


def _slice(
    uow: UnitOfWork, actor: Actor, flt: OrderFilter, cursor: OrderCursor | None, limit: int,
    reverse: bool,
) -> OrderSlice:
    _check(flt)
    check_limit(limit)
    with uow.reading():
        signed_in(uow, actor)
        today = uow.today()
        rows: _Rows = []
        for where in _runs(flt, today, cursor, reverse):
            rows += _fetch(uow, flt, today, where, 0, limit - len(rows), reverse)
            if len(rows) == limit:
                break
        full, continued = len(rows) == limit, cursor is not None
        if reverse:
            rows.reverse()
            return _sliced(flt, rows, more_before=full, more_after=continued)
        return _sliced(flt, rows, more_before=continued, more_after=full)


def _sliced(flt: OrderFilter, rows: _Rows, more_before: bool, more_after: bool) -> OrderSlice:
    """The rows and the cursors to go on from either end (None where the list may end)."""
    def cursor(row: Row[*tuple[Any, ...]]) -> OrderCursor:
        return OrderCursor(flt.sort_key, flt.descending, tuple(row[_KEYS_AT:-1]), row[-1])

    return OrderSlice(rows=tuple(map(_order_row, rows)),
                      next=cursor(rows[-1]) if rows and more_after else None,
                      previous=cursor(rows[0]) if rows and more_before else None)


def _runs(
    flt: OrderFilter, today: date, cursor: OrderCursor | None, reverse: bool
) -> list[list[ColumnElement[bool]]]:
    """The conditions of each run of rows beyond ``cursor`` (before it when ``reverse``), in
    reading order.

    By due date the dated orders and the undated ones (last, by id) are two runs read one
    after the other: two index seeks, where one query with "OR due_date IS NULL" would walk
    the index from the top.
    """
    sort = _sort_columns(flt.sort_key, today)
    if cursor is not None and (cursor.sort_key, cursor.descending, len(cursor.values)) != (
            flt.sort_key, flt.descending, len(sort)):
        raise ValidationError("sort", code="other_sort_order")
    backwards = flt.descending != reverse

    def beyond(ours: ColumnElement[Any], theirs: ColumnElement[Any]) -> ColumnElement[bool]:
        return ours < theirs if backwards else ours > theirs

    if flt.sort_key != "due_date":
        if cursor is None:
            return [[]]
        return [[beyond(tuple_(*sort, WorkOrder.id), tuple_(*cursor.values, cursor.id))]]
    dated: list[ColumnElement[bool]] = [WorkOrder.due_date.is_not(None)]
    undated: list[ColumnElement[bool]] = [WorkOrder.due_date.is_(None)]
    if cursor is None:
        return [undated, dated] if reverse else [dated, undated]
    if cursor.values[0] is None:
        rest = [*undated, beyond(WorkOrder.id, cursor.id)]  # type: ignore[arg-type]
        return [rest, dated] if reverse else [rest]
    rest = [beyond(tuple_(WorkOrder.due_date, WorkOrder.id),
                   tuple_(cursor.values[0], cursor.id))]
    return [rest] if reverse else [rest, undated]


def count_orders(uow: UnitOfWork, actor: Actor, flt: OrderFilter) -> int:
    """How many orders match. A call of its own, made once per filter change and off the GUI
    thread: at a million orders it costs more than a page."""
    _check(flt)
    with uow.reading():
        signed_in(uow, actor)
        return _count(uow, flt, uow.today())


def _count(uow: UnitOfWork, flt: OrderFilter, today: date) -> int:
    tokens, filters = search_tokens(flt.text), _filters(flt, today)
    query = (match_count(tokens, uow.dialect) if tokens and not filters else
             select(func.count()).select_from(WorkOrder).where(
                 *_conditions(uow, flt, today)))
    return uow.session.scalar(query) or 0


def count_by_status(uow: UnitOfWork, actor: Actor, flt: OrderFilter) -> dict[OrderStatus, int]:
    """Orders per status with every filter but the status one: the quick-filter buttons."""
    _check(flt)
    with uow.reading():
        signed_in(uow, actor)
        conditions = _conditions(uow, flt, uow.today(), with_statuses=False)
        if conditions:
            # One pass over the matching rows, counting every status at once: GROUP BY would
            # walk the status index and fetch each row in status order, several times slower.
            query = select(*(func.count().filter(WorkOrder.status == status)
                             for status in OrderStatus)).where(*conditions)
            return dict(zip(OrderStatus, uow.session.execute(query).one(), strict=True))
        counts = dict.fromkeys(OrderStatus, 0)
        grouped = select(WorkOrder.status, func.count()).group_by(WorkOrder.status)
        for status, count in uow.session.execute(grouped):
            counts[OrderStatus(status)] = count
        return counts
