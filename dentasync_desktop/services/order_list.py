"""Read side: the order list, one page at a time, filtered and sorted in SQL.

Pages continue from the last row's sort key and id (``orders_after``), or lead up to the first
row's (``orders_before``, the list read backwards), so scrolling to the end of a million orders
costs the same per page as the first one; ``orders_at`` seeks a position from either end (a jump
of the scroll bar). ``count_orders`` is a separate call, made once per filter change.
``list_orders`` (offset and count in one) stays for callers that page by position.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    SQLColumnExpression,
    UnaryExpression,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
)

from ..db.models import Customer, DentalLab, Patient, WorkOrder
from ..db.models.search import (
    POSTGRESQL,
    match_count,
    matches_at_least,
    matching_ids,
    scanned_matches,
)
from ..db.prepared import DialectKind, Prepared
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
from ..domain.text import search_fold
from .guards import signed_in
from .paging import beyond, check_limit, check_page, joined_for_sort
from .payment_sql import payment_rank_sql, payment_status_sql, status_rank_sql
from .unit_of_work import UnitOfWork

# Sent to the lab but not delivered yet: a due date in the past means the lab is late.
AWAITING_DELIVERY = (
    OrderStatus.PUBLISHED, OrderStatus.IN_PRODUCTION, OrderStatus.PRODUCED, OrderStatus.SHIPPED,
)
_orders, _patients = WorkOrder.__table__.c, Patient.__table__.c
_customers, _labs = Customer.__table__.c, DentalLab.__table__.c


@lru_cache(maxsize=4)
def overdue_sql(today: date | ColumnElement[date]) -> ColumnElement[bool]:
    """Late from the lab, or an installment is past due: what OrderRow.overdue says."""
    # Statuses as plain comparisons: an IN list is expanded into the SQL text on every run.
    awaiting = or_(*(WorkOrder.status == status for status in AWAITING_DELIVERY))
    return or_(
        and_(awaiting, WorkOrder.due_date < today),
        payment_status_sql(today) == PaymentStatus.OVERDUE.value,
    )


def search_tokens(text: str) -> list[str]:
    """Words of a search, without case or accents; an order must contain every one.

    Held to a short text: each word is a condition, and a pasted page of words would build a
    query deeper than SQLite allows.
    """
    if not text:
        return []
    return search_fold(validation.limited(text, "search", validation.SHORT_TEXT)).split()


# Every value a list query compares with is a named parameter, so a query is built and compiled
# once per shape (sort, which filters are set, the search words) and then only executed: building
# and compiling it cost several times what SQLite took to run it.
TODAY = bindparam("today", type_=Date())
_FILTERS = ("statuses", "lab_id", "customer_id", "due_from", "due_to", "payment_status",
            "overdue_only", "on_hold_only")
# Each status a parameter of its own (status0, status1, ...), not one expanding IN list: a
# query whose text depends on no value is compiled once and run on the driver as it is.
_STATUS = "status"


def _filter_values(flt: OrderFilter) -> dict[str, Any]:
    """The filters ``flt`` sets (flags as True), by the names ``_filters`` binds them under."""
    values: dict[str, Any] = {}
    for n, status in enumerate(dict.fromkeys(flt.statuses)):
        values[f"{_STATUS}{n}"] = status
    for name in ("lab_id", "customer_id", "due_from", "due_to"):
        if getattr(flt, name) is not None:
            values[name] = getattr(flt, name)
    if flt.payment_status is not None:
        values["payment_status"] = flt.payment_status.value
    if flt.overdue_only:
        values["overdue_only"] = True
    if flt.on_hold_only:
        values["on_hold_only"] = True
    return values


def _filters(names: Sequence[str]) -> list[ColumnElement[bool]]:
    """Every condition but the text search, for the filters named (see ``_filter_values``)."""
    statuses = [bindparam(name, type_=_orders.status.type) for name in names
                if name.startswith(_STATUS)]
    conditions: dict[str, Callable[[], ColumnElement[bool]]] = {
        "statuses": lambda: WorkOrder.status.in_(statuses),
        "lab_id": lambda: WorkOrder.lab_id == bindparam("lab_id"),
        "customer_id": lambda: WorkOrder.customer_id == bindparam("customer_id"),
        "due_from": lambda: WorkOrder.due_date >= bindparam("due_from", type_=Date()),
        "due_to": lambda: WorkOrder.due_date <= bindparam("due_to", type_=Date()),
        "payment_status": lambda: payment_status_sql(TODAY) == bindparam("payment_status"),
        "overdue_only": lambda: overdue_sql(TODAY),
        "on_hold_only": lambda: WorkOrder.on_hold.is_(True),
    }
    present = {*names, *(("statuses",) if statuses else ())}
    return [conditions[name]() for name in _FILTERS if name in present]


def _parameters(flt: OrderFilter, today: date, with_statuses: bool = True,
                ) -> tuple[tuple[str, ...], dict[str, Any]]:
    """The names of the filters set and the values of every parameter they bind."""
    values = _filter_values(flt)
    if not with_statuses:
        values = {name: value for name, value in values.items()
                  if not name.startswith(_STATUS)}
    return tuple(values), {**values, "today": today}


def _conditions(
    tokens: Sequence[str], names: Sequence[str], dialect: str
) -> list[ColumnElement[bool]]:
    """The search words' and the filters' conditions (see ``_filter_values`` for ``names``)."""
    return matching_ids(list(tokens), dialect) + _filters(names)


def _check(flt: OrderFilter) -> None:
    if flt.sort_key not in ORDER_SORT_KEYS:
        raise ValidationError("sort", code="unknown_sort", params={"value": flt.sort_key})
    validation.in_range(flt.due_from, "due from")
    validation.in_range(flt.due_to, "due to")
    validation.record_id(flt.lab_id, "dental lab")
    validation.record_id(flt.customer_id, "customer")
    validation.date_range(flt.due_from, flt.due_to, "due date")


_SORT_COLUMNS: dict[str, Callable[[], Sequence[SQLColumnExpression[Any]]]] = {
    "number": lambda: (WorkOrder.number,),
    # Folded names (domain/text.py sort_key), indexed: "Łukasz" among the L, paged by index.
    "patient": lambda: (Patient.sort_key,),
    "customer": lambda: (Customer.sort_key,),
    "lab": lambda: (DentalLab.sort_key,),
    "status": lambda: (status_rank_sql(),),
    "documented_at": lambda: (WorkOrder.documented_at,),
    "due_date": lambda: (WorkOrder.due_date,),
    "total": lambda: (WorkOrder.price_total_minor,),
    "paid": lambda: (WorkOrder.paid_minor,),
    "balance": lambda: (WorkOrder.outstanding_minor,),
    "payment_status": lambda: (payment_rank_sql(TODAY),),
}


def _sort_columns(key: str) -> Sequence[SQLColumnExpression[Any]]:
    return _SORT_COLUMNS[key]()


def _page_ids(
    sort_key: str, descending: bool, conditions: list[ColumnElement[bool]],
    *extra: SQLColumnExpression[Any], reverse: bool = False,
) -> Select[*tuple[Any, ...]]:
    """The ids of the matching orders and their sort values (then ``extra``), in list order
    (the id breaks ties), or from the end of the list when ``reverse``.

    Orders without a due date come last whichever way the list is sorted by due date.
    """
    sort = _sort_columns(sort_key)
    query = joined_for_sort(select(WorkOrder.id, *sort, *extra).where(*conditions), sort_key)
    return query.order_by(*_ordered(sort_key, descending, (*sort, WorkOrder.id), reverse))


def _ordered(
    sort_key: str, descending: bool, columns: Sequence[SQLColumnExpression[Any]],
    reverse: bool = False,
) -> list[UnaryExpression[Any]]:
    terms = [c.desc() if descending != reverse else c.asc() for c in columns]
    if sort_key == "due_date":
        terms[0] = terms[0].nulls_first() if reverse else terms[0].nulls_last()
    return terms


_KEYS_AT = 14  # where a fetched row's sort values start (OrderRow's fields before); id last
_PAYMENT_AT = 11


_Row = Sequence[Any]  # a fetched row: a driver tuple, or an SQLAlchemy Row
_Rows = Sequence[_Row]


def _rows_query(page: Select[*tuple[Any, ...]], sort_key: str, descending: bool,
                reverse: bool = False) -> Select[*tuple[Any, ...]]:
    """The page's rows, joined only after paging so a page never joins the whole table.

    Core columns and plain tuples: the ORM's per-row work was most of a page's cost.
    """
    ids = page.subquery()
    keys = [column for name, column in ids.c.items() if name != "id"] + [ids.c.id]
    return (
        select(_orders.id, _orders.number,
               func.trim(_patients.first_name + " " + _patients.last_name),
               _customers.name, _labs.name, _orders.status, _orders.documented_at,
               _orders.due_date, _orders.currency, _orders.price_total_minor,
               _orders.paid_minor, payment_status_sql(TODAY), _orders.on_hold,
               overdue_sql(TODAY), *keys)
        .select_from(ids.join(WorkOrder.__table__, _orders.id == ids.c.id)
                     .join(Patient.__table__, _patients.id == _orders.patient_id)
                     .join(Customer.__table__, _customers.id == _orders.customer_id)
                     .join(DentalLab.__table__, _labs.id == _orders.lab_id))
        .order_by(*_ordered(sort_key, descending, keys, reverse))
    )


# A text search first reads up to this many rows in list order and tests their text directly
# until a page is full: enough when the words are common (on one order in a hundred), where
# the index would hand over all 150,000 matches of a common name to be sorted (~180 ms at a
# million orders). Rarer words go to the index, which then has few matches to sort; words the
# index finds fewer than PROBE_MATCHES times go there at once.
PROBE_ROWS = 10_000
PROBE_MATCHES = 1000

# Which rows of the list a page query reads (see ``_runs``): all of them, the orders with a
# due date or those without, those beyond a cursor, the undated ones beyond a cursor's id.
_Run = str


@dataclass(frozen=True)
class _Shape:
    """Everything a page query's text depends on; the values are its parameters."""

    sort_key: str
    descending: bool
    reverse: bool
    run: _Run
    keys: int  # sort values in a cursor
    filters: tuple[str, ...]
    tokens: tuple[str, ...]
    dialect: str
    probe: bool  # the first PROBE_ROWS rows tested directly, or the search index
    # Written into the SQL, not a parameter: a plan made once for any number of rows would
    # expect a tenth of the table and join it all (PostgreSQL, db/prepared.py). Few values
    # occur (the screens' page sizes). An offset, rare (a jump to a position), is a parameter.
    limit: int
    offset: bool


def _run_conditions(shape: _Shape) -> list[ColumnElement[bool]]:
    backwards = shape.descending != shape.reverse
    cursor_id = bindparam("cursor_id", type_=Integer())
    if shape.run == "dated":
        return [WorkOrder.due_date.is_not(None)]
    if shape.run == "undated":
        return [WorkOrder.due_date.is_(None)]
    if shape.run == "undated_beyond":
        return [WorkOrder.due_date.is_(None),
                WorkOrder.id < cursor_id if backwards else WorkOrder.id > cursor_id]
    if shape.run == "beyond":
        sort = _sort_columns(shape.sort_key)
        values = [bindparam(f"key{n}", type_=getattr(column, "type", None))
                  for n, column in enumerate(sort)]
        return [beyond((*sort, WorkOrder.id), (*values, cursor_id), backwards)]
    return []


@lru_cache(maxsize=128)
def _prepared(shape: _Shape, kind: DialectKind) -> Prepared:
    return Prepared(_page_query(shape), kind.dialect, plan_each_run=bool(shape.tokens))


def _page_query(shape: _Shape) -> Select[*tuple[Any, ...]]:
    """The ``shape.limit`` rows (from ``:offset`` on) of the run ``shape`` describes."""
    conditions = _filters(shape.filters) + _run_conditions(shape)
    tokens = list(shape.tokens)
    if shape.probe and shape.dialect == POSTGRESQL:
        page = _probe_head(shape, conditions, tokens)
    else:
        if shape.probe:
            conditions += [_probed(shape, conditions),
                           matches_at_least(tokens, PROBE_MATCHES),
                           *scanned_matches(WorkOrder.search_text, tokens, shape.dialect)]
        else:
            conditions += matching_ids(tokens, shape.dialect)
        page = _page_ids(shape.sort_key, shape.descending, conditions, reverse=shape.reverse)
    page = page.limit(literal_column(str(int(shape.limit)), Integer()))
    if shape.offset:
        page = page.offset(bindparam("offset", type_=Integer()))
    return _rows_query(page, shape.sort_key, shape.descending, shape.reverse)


def _probe_head(
    shape: _Shape, conditions: list[ColumnElement[bool]], tokens: list[str],
) -> Select[*tuple[Any, ...]]:
    """PostgreSQL's probe: the first PROBE_ROWS rows (a subquery whose order the server keeps,
    read only up to a page of matches), their text tested. ``_probed``'s bound there cost more
    than it saved: the bound's subquery is run to the end first (9 ms at 100k orders), and
    planning a text test on the table's own column reads its statistics (16 ms)."""
    head = _page_ids(shape.sort_key, shape.descending, conditions, WorkOrder.search_text,
                     reverse=shape.reverse).limit(PROBE_ROWS).subquery()
    columns = [c for name, c in head.c.items() if name != "search_text"]
    return (select(*columns).where(*scanned_matches(head.c.search_text, tokens, shape.dialect))
            .order_by(*_ordered(shape.sort_key, shape.descending, columns[1:] + columns[:1],
                                shape.reverse)))


def _probed(shape: _Shape, conditions: list[ColumnElement[bool]]) -> ColumnElement[bool]:
    """The rows up to the sort value of the PROBE_ROWS-th (ties included): a first stretch of
    the list, read in list order through the sort's index up to a page of matches. A LIMIT in
    a subquery instead made SQLite read and sort all PROBE_ROWS rows first (15 ms at 100k
    orders, where the first page of "müller" lies in 600)."""
    head = _page_ids(shape.sort_key, shape.descending, conditions,
                     reverse=shape.reverse).limit(PROBE_ROWS).subquery()
    sort, edge = _sort_columns(shape.sort_key)[0], list(head.c)[1]
    within = (sort >= select(func.min(edge)).scalar_subquery()
              if shape.descending != shape.reverse
              else sort <= select(func.max(edge)).scalar_subquery())
    if shape.sort_key == "due_date" and shape.reverse:
        # Read backwards the undated orders come first.
        within = or_(within, WorkOrder.due_date.is_(None))
    return within


def _fetch(
    uow: UnitOfWork, flt: OrderFilter, today: date, run: _Run, cursor: dict[str, Any],
    offset: int, limit: int, reverse: bool = False,
) -> list[tuple[Any, ...]]:
    """Rows ``offset`` to ``offset + limit`` of the list, also restricted to ``run`` (beyond
    the ``cursor`` values); counted from the end, last row first, when ``reverse``."""
    names, values = _parameters(flt, today)
    tokens = tuple(search_tokens(flt.text))
    shape = _Shape(flt.sort_key, flt.descending, reverse, run,
                   len(_sort_columns(flt.sort_key)), names, tokens, uow.dialect,
                   # Undated orders have no sort value to bound a probe by.
                   probe=bool(tokens) and run not in ("undated", "undated_beyond"),
                   limit=limit, offset=offset > 0)
    parameters = {**values, **cursor, "offset": offset}
    connection = uow.connection()
    rows = _prepared(shape, DialectKind(connection.dialect)).rows(connection, parameters)
    if shape.probe and len(rows) < limit:
        # Not all within the first rows: the index finds the rest.
        rows = _prepared(replace(shape, probe=False), DialectKind(connection.dialect)).rows(
            connection, parameters)
    return rows


def _order_rows(rows: _Rows) -> tuple[OrderRow, ...]:
    """The list's rows of the fetched ones, built column by column: the loops run in C."""
    if not rows:
        return ()
    columns: list[Iterable[Any]] = list(zip(*rows, strict=True))
    columns[_PAYMENT_AT] = map(_PAYMENT_STATUSES.__getitem__, columns[_PAYMENT_AT])
    return tuple(map(OrderRow, *columns[:_KEYS_AT]))


_PAYMENT_STATUSES = {status.value: status for status in PaymentStatus}  # cheaper than a call


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
        rows = _fetch(uow, flt, today, "all", {}, offset, limit)
        if 0 < len(rows) < limit or (offset == 0 and not rows):
            total_count = offset + len(rows)  # the last page: no need to count again
        else:
            total_count = _count(uow, flt, today)
        return OrderPage(rows=_order_rows(rows), offset=offset,
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
        names, values = _parameters(flt, uow.today())
        page = _page_ids(flt.sort_key, flt.descending,
                         [WorkOrder.id.in_(list(ids)),
                          *_conditions(search_tokens(flt.text), names, uow.dialect)])
        query = _rows_query(page, flt.sort_key, flt.descending)
        rows = uow.connection().execute(query, values).all()
        return {row.id: row for row in _order_rows(rows)}


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
        rows = _fetch(uow, flt, today, "all", {}, position, limit, reverse=from_end)
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
        rows: list[tuple[Any, ...]] = []
        for run, values in _runs(flt, cursor, reverse):
            rows += _fetch(uow, flt, today, run, values, 0, limit - len(rows), reverse)
            if len(rows) == limit:
                break
        full, continued = len(rows) == limit, cursor is not None
        if reverse:
            rows.reverse()
            return _sliced(flt, rows, more_before=full, more_after=continued)
        return _sliced(flt, rows, more_before=continued, more_after=full)


def _sliced(flt: OrderFilter, rows: _Rows, more_before: bool, more_after: bool) -> OrderSlice:
    """The rows and the cursors to go on from either end (None where the list may end)."""
    def cursor(row: _Row) -> OrderCursor:
        return OrderCursor(flt.sort_key, flt.descending, tuple(row[_KEYS_AT:-1]), row[-1])

    return OrderSlice(rows=_order_rows(rows),
                      next=cursor(rows[-1]) if rows and more_after else None,
                      previous=cursor(rows[0]) if rows and more_before else None)


def _runs(
    flt: OrderFilter, cursor: OrderCursor | None, reverse: bool
) -> list[tuple[_Run, dict[str, Any]]]:
    """The runs of rows beyond ``cursor`` (before it when ``reverse``), in reading order, each
    with the cursor's values as parameters.

    By due date the dated orders and the undated ones (last, by id) are two runs read one
    after the other: two index seeks, where one query with "OR due_date IS NULL" would walk
    the index from the top.
    """
    keys = len(_sort_columns(flt.sort_key))
    if cursor is not None and (cursor.sort_key, cursor.descending, len(cursor.values)) != (
            flt.sort_key, flt.descending, keys):
        raise ValidationError("sort", code="other_sort_order")
    values = {} if cursor is None else {
        "cursor_id": cursor.id, **{f"key{n}": value for n, value in enumerate(cursor.values)}}
    if flt.sort_key != "due_date":
        return [("all" if cursor is None else "beyond", values)]
    if cursor is None:
        return [("undated", {}), ("dated", {})] if reverse else [("dated", {}), ("undated", {})]
    if cursor.values[0] is None:
        rest = ("undated_beyond", values)
        return [rest, ("dated", {})] if reverse else [rest]
    return [("beyond", values)] if reverse else [("beyond", values), ("undated", {})]


def count_orders(uow: UnitOfWork, actor: Actor, flt: OrderFilter) -> int:
    """How many orders match. A call of its own, made once per filter change and off the GUI
    thread: at a million orders it costs more than a page."""
    _check(flt)
    with uow.reading():
        signed_in(uow, actor)
        return _count(uow, flt, uow.today())


def _count(uow: UnitOfWork, flt: OrderFilter, today: date) -> int:
    tokens, (names, values) = tuple(search_tokens(flt.text)), _parameters(flt, today)
    connection = uow.connection()
    rows = _count_query(tokens, names, DialectKind(connection.dialect)).rows(connection, values)
    return rows[0][0] or 0


@lru_cache(maxsize=64)
def _count_query(tokens: tuple[str, ...], names: tuple[str, ...], kind: DialectKind
                 ) -> Prepared:
    dialect = kind.dialect
    query = (match_count(list(tokens), dialect.name) if tokens and not names
             else select(func.count()).select_from(WorkOrder).where(
                 *_conditions(tokens, names, dialect.name)))
    return Prepared(query, dialect, plan_each_run=bool(tokens))


def count_by_status(uow: UnitOfWork, actor: Actor, flt: OrderFilter) -> dict[OrderStatus, int]:
    """Orders per status with every filter but the status one: the quick-filter buttons."""
    _check(flt)
    with uow.reading():
        signed_in(uow, actor)
        names, values = _parameters(flt, uow.today(), with_statuses=False)
        conditions = _conditions(search_tokens(flt.text), names, uow.dialect)
        if conditions:
            # One pass over the matching rows, counting every status at once: GROUP BY would
            # walk the status index and fetch each row in status order, several times slower.
            query = select(*(func.count().filter(WorkOrder.status == status)
                             for status in OrderStatus)).where(*conditions)
            row = uow.connection().execute(query, values).one()
            return dict(zip(OrderStatus, row, strict=True))
        counts = dict.fromkeys(OrderStatus, 0)
        grouped = select(WorkOrder.status, func.count()).group_by(WorkOrder.status)
        for status, count in uow.connection().execute(grouped):
            counts[OrderStatus(status)] = count
        return counts
