"""Read side: the order list, one page at a time, filtered and sorted in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select

from ..db.models import Customer, DentalLab, Patient, WorkOrder
from ..domain.dto import ORDER_SORT_KEYS, Actor, OrderFilter, OrderPage, OrderRow
from ..domain.enums import OrderStatus, PaymentStatus
from ..domain.errors import ValidationError
from ..domain.money import Money
from ..domain.text import fold
from ..domain.validation import date_range
from .guards import signed_in
from .paging import check_page
from .payment_sql import payment_rank_sql, payment_status_sql, status_rank_sql
from .unit_of_work import UnitOfWork

# Sent to the lab but not delivered yet: a due date in the past means the lab is late.
AWAITING_DELIVERY = (
    OrderStatus.PUBLISHED, OrderStatus.IN_PRODUCTION, OrderStatus.PRODUCED, OrderStatus.SHIPPED,
)


def overdue_sql(today: date) -> ColumnElement[bool]:
    """Late from the lab, or an installment is past due: what OrderRow.overdue says."""
    return or_(
        and_(WorkOrder.status.in_(AWAITING_DELIVERY), WorkOrder.due_date < today),
        payment_status_sql(today) == PaymentStatus.OVERDUE.value,
    )


def search_tokens(text: str) -> list[str]:
    """Words of a search; an order must contain every one (search_text is casefolded)."""
    return fold(text or "").split()


def _conditions(
    flt: OrderFilter, today: date, with_statuses: bool = True
) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [
        func.instr(WorkOrder.search_text, token) > 0 for token in search_tokens(flt.text)
    ]
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
        raise ValidationError("sort", f"cannot sort by '{flt.sort_key}'")
    date_range(flt.due_from, flt.due_to, "due date")


def _sort_columns(key: str, today: date) -> Sequence[ColumnElement[object]]:
    columns: dict[str, Sequence[ColumnElement[object]]] = {
        "number": (WorkOrder.number,),
        "patient": (Patient.last_name, Patient.first_name),
        "customer": (Customer.name,),
        "lab": (DentalLab.name,),
        "status": (status_rank_sql(),),
        "documented_at": (WorkOrder.documented_at,),
        "due_date": (WorkOrder.due_date,),
        "total": (WorkOrder.price_total_minor,),
        "paid": (WorkOrder.paid_minor,),
        "balance": (WorkOrder.price_total_minor - WorkOrder.paid_minor,),
        "payment_status": (payment_rank_sql(today),),
    }
    return columns[key]


def _order_by(flt: OrderFilter, today: date) -> list[ColumnElement[object]]:
    terms = []
    for column in _sort_columns(flt.sort_key, today):
        term = column.desc() if flt.descending else column.asc()
        # Orders without a due date come last whichever way the list is sorted.
        terms.append(term.nulls_last() if flt.sort_key == "due_date" else term)
    if flt.sort_key != "number":
        terms.append(WorkOrder.number.desc() if flt.descending else WorkOrder.number.asc())
    return terms


def list_orders(
    uow: UnitOfWork, actor: Actor, flt: OrderFilter, offset: int, limit: int
) -> OrderPage:
    """One page of the order list and how many orders match in all.

    Everyone signed in may see the list; what they may do with an order is checked per action.
    """
    _check(flt)
    check_page(offset, limit)
    with uow:
        signed_in(uow, actor)
        today = uow.today()
        conditions = _conditions(flt, today)
        page_ids = select(WorkOrder.id).where(*conditions)
        if flt.sort_key == "patient":
            page_ids = page_ids.join(Patient, Patient.id == WorkOrder.patient_id)
        elif flt.sort_key == "customer":
            page_ids = page_ids.join(Customer, Customer.id == WorkOrder.customer_id)
        elif flt.sort_key == "lab":
            page_ids = page_ids.join(DentalLab, DentalLab.id == WorkOrder.lab_id)
        ids = list(uow.session.scalars(
            page_ids.order_by(*_order_by(flt, today)).offset(offset).limit(limit)))
        if 0 < len(ids) < limit or (offset == 0 and not ids):
            total_count = offset + len(ids)  # the last page: no need to count again
        else:
            total_count = uow.session.scalar(
                select(func.count()).select_from(WorkOrder).where(*conditions)) or 0
        rows = _rows(uow, ids, today)
        return OrderPage(rows=tuple(rows[i] for i in ids), offset=offset,
                         total_count=total_count)


def _rows(uow: UnitOfWork, ids: list[int], today: date) -> dict[int, OrderRow]:
    """The page's rows; joined only after paging so a page never joins the whole table."""
    if not ids:
        return {}
    query = (
        select(WorkOrder.id, WorkOrder.number, Patient.first_name, Patient.last_name,
               Customer.name, DentalLab.name, WorkOrder.status, WorkOrder.documented_at,
               WorkOrder.due_date, WorkOrder.currency, WorkOrder.price_total_minor,
               WorkOrder.paid_minor, payment_status_sql(today), WorkOrder.on_hold,
               overdue_sql(today))
        .join(Patient, Patient.id == WorkOrder.patient_id)
        .join(Customer, Customer.id == WorkOrder.customer_id)
        .join(DentalLab, DentalLab.id == WorkOrder.lab_id)
        .where(WorkOrder.id.in_(ids))
    )
    return {
        r[0]: OrderRow(
            id=r[0], number=r[1], patient_name=f"{r[2]} {r[3]}".strip(), customer_name=r[4],
            lab_name=r[5], status=r[6], documented_at=r[7], due_date=r[8],
            total=Money(r[10], r[9]), paid=Money(r[11], r[9]),
            payment_status=PaymentStatus(r[12]), on_hold=r[13], overdue=bool(r[14]),
        )
        for r in uow.session.execute(query)
    }


def count_by_status(uow: UnitOfWork, actor: Actor, flt: OrderFilter) -> dict[OrderStatus, int]:
    """Orders per status with every filter but the status one: the quick-filter buttons."""
    _check(flt)
    with uow:
        signed_in(uow, actor)
        conditions = _conditions(flt, uow.today(), with_statuses=False)
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
