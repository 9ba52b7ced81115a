"""Order use cases: create, edit, and every lifecycle step."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from functools import cache
from typing import NamedTuple, Protocol

from sqlalchemy import Select, bindparam, func, literal, select

from ..db.models import (
    ActivityEntry,
    Attachment,
    Comment,
    Counter,
    Customer,
    DentalLab,
    Event,
    Patient,
    Payment,
    PaymentPlan,
    PayrollRecord,
    Service,
    WorkOrder,
    WorkOrderItem,
    WorkTask,
)
from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import Actor, ItemInput, OrderDetail, OrderInput
from ..domain.enums import OrderStatus, TaskStatus
from ..domain.errors import LifecycleError, ValidationError
from ..domain.money import MAX_MINOR, Money, check_amount, check_currency
from ..domain.teeth import format_teeth, parse_teeth
from . import activity, payments, workplan
from .guards import authorize, find, get, order_for, touch
from .order_detail import load_detail
from .order_search import search_text
from .unit_of_work import UnitOfWork

ORDER_COUNTER = "work_order_number"
MAX_ITEMS = 200


def next_number(uow: UnitOfWork) -> int:
    """The next order number: gap-free, each handed out once. On a server the counter row is
    read FOR UPDATE, so even a writer outside the writers' lock (db/engine.py) queues here."""
    counter = uow.session.get(Counter, ORDER_COUNTER, with_for_update=True)
    if counter is None:
        counter = Counter(name=ORDER_COUNTER, value=0)
        uow.session.add(counter)
    counter.value += 1
    return counter.value


def next_id(uow: UnitOfWork) -> int:
    """An id no order ever had: a deleted order's activity entries keep its id (the log is
    append-only), and SQLite would otherwise hand the highest id out again."""
    used = uow.session.execute(select(
        select(func.max(WorkOrder.id)).scalar_subquery(),
        select(func.max(ActivityEntry.order_id)).scalar_subquery())).one()
    return max(value or 0 for value in used) + 1


class _Parties(NamedTuple):
    """An order's lab, customer and patient, loaded once per action: the session keeps rows
    only while someone holds them, so each lookup by id would otherwise read them again."""

    lab: DentalLab
    customer: Customer
    patient: Patient


def _parties_of(uow: UnitOfWork, order: WorkOrder) -> _Parties:
    return _Parties(get(uow, DentalLab, order.lab_id, "Dental lab"),
                   get(uow, Customer, order.customer_id, "Customer"),
                   get(uow, Patient, order.patient_id, "Patient"))


def _refresh_search_text(order: WorkOrder, parties: _Parties) -> None:
    order.search_text = search_text(order.number, parties.patient, parties.customer,
                                    parties.lab, order.description)


def _check_parties(uow: UnitOfWork, data: OrderInput, check: validation.Checks
                   ) -> _Parties | None:
    """The parties ``data`` names, or None when one is missing; each missing or deactivated
    one is refused through ``check``."""
    ids = {"lab_id": data.lab_id, "customer_id": data.customer_id,
           "patient_id": data.patient_id}
    found: tuple[DentalLab | None, Customer | None, Patient | None] = uow.session.execute(
        _parties_query(), {name: value if value and validation.fits_sql(value) else None
                           for name, value in ids.items()}).one()
    lab, customer, patient = found
    for row, field, label in ((lab, "dental lab", "Dental lab"),
                              (customer, "customer", "Customer"),
                              (patient, "patient", "Patient")):
        if row is None:
            check.add(ValidationError(field, code="required"))
        elif not row.active:
            check.add(ValidationError(field, code="deactivated", params={"record": label}))
    # An item's service may since have been deactivated (old orders stay editable), but it must
    # exist. One query for all of them: an order may have a couple of hundred items.
    named = {item.service_id for item in data.items if item.service_id is not None}
    existing = set(uow.session.scalars(select(Service.id).where(
        Service.id.in_([i for i in named if validation.fits_sql(i)])))) if named else set()
    for position, item in enumerate(data.items, start=1):
        if item.service_id is not None and item.service_id not in existing:
            check.add(ValidationError(f"item {position} service", code="record_missing",
                                      params={"record": "service", "id": item.service_id}))
    if lab is None or customer is None or patient is None:
        return None
    return _Parties(lab, customer, patient)


@cache
def _parties_query() -> Select[DentalLab, Customer, Patient]:
    """A lab, customer and patient by id in one statement, each None when there is no such
    row: outer-joined to a one-row select, a missing one leaves only its own columns empty."""
    one = select(literal(1)).subquery()
    return (select(DentalLab, Customer, Patient).select_from(one)
            .outerjoin(DentalLab, DentalLab.id == bindparam("lab_id"))
            .outerjoin(Customer, Customer.id == bindparam("customer_id"))
            .outerjoin(Patient, Patient.id == bindparam("patient_id")))


def _clean(data: OrderInput, check: validation.Checks) -> OrderInput:
    """``data`` checked and tidied; every refusal goes to ``check``, whose ``done`` must be
    called before the result is used."""
    currency = check(check_currency, data.currency)
    check(_dates, data.documented_at, data.due_date)
    if len(data.items) > MAX_ITEMS:
        raise ValidationError("items", code="too_many_items", params={"limit": MAX_ITEMS})
    items = tuple(_clean_item(i, item, currency, check)
                  for i, item in enumerate(data.items, start=1))
    if not check.failed:
        total = _items_total(items, currency)
        if total.minor > MAX_MINOR:
            check.add(ValidationError("items", code="total_too_large", params={
                "total_minor": total.minor, "maximum_minor": MAX_MINOR, "currency": currency}))
    return replace(
        data,
        currency=currency,
        description=check(validation.optional, data.description, "description",
                          validation.LONG_TEXT),
        shade=check(validation.optional, data.shade, "shade", 30),
        teeth=check(parse_teeth, list(data.teeth)),
        items=items,
    )


def _dates(documented: date | None, due: date | None) -> None:
    if documented is None:
        raise ValidationError("documented date", code="required")
    validation.in_range(documented, "documented date")
    validation.in_range(due, "due date")
    validation.due_not_before(due, documented)


def _clean_item(position: int, item: ItemInput, currency: str,
                check: validation.Checks) -> ItemInput:
    field = f"item {position}"
    description = check(validation.required, item.description, f"{field} description", 300)
    check(validation.whole_number, item.quantity, f"{field} quantity", 1,
          validation.MAX_QUANTITY)
    check(_item_price, item.unit_price, currency, f"{field} price")
    return replace(item, description=description,
                   teeth=check(parse_teeth, list(item.teeth), f"{field} teeth"))


def _item_price(price: Money, currency: str | None, field: str) -> None:
    check_amount(price, field)
    if currency is not None and price.currency != currency:
        raise ValidationError(field, code="not_order_currency", params={"currency": currency})
    if price.minor < 0:
        raise ValidationError(field, code="negative")


def _items_total(items: tuple[ItemInput, ...], currency: str) -> Money:
    total = Money.zero(currency)
    for item in items:
        total += item.unit_price * item.quantity
    return total


def _set_items(order: WorkOrder, items: tuple[ItemInput, ...]) -> None:
    order.items.clear()
    order.main_service_id = items[0].service_id if items else None
    for position, item in enumerate(items, start=1):
        order.items.append(WorkOrderItem(
            position=position, service_id=item.service_id, description=item.description,
            teeth=format_teeth(item.teeth), quantity=item.quantity,
            unit_price_minor=item.unit_price.minor,
        ))


def _unchanged(order: WorkOrder, data: OrderInput) -> bool:
    """Whether saving ``data`` (already cleaned) would leave ``order`` exactly as it is."""
    items = tuple((i.service_id, i.description, format_teeth(i.teeth), i.quantity,
                   i.unit_price.minor) for i in data.items)
    stored = tuple((i.service_id, i.description, i.teeth, i.quantity, i.unit_price_minor)
                   for i in order.items)
    return (
        (order.lab_id, order.customer_id, order.patient_id, order.documented_at, order.due_date,
         order.description, order.shade, order.teeth, order.currency, stored)
        == (data.lab_id, data.customer_id, data.patient_id, data.documented_at, data.due_date,
            data.description, data.shade, format_teeth(data.teeth), data.currency, items)
    )


def _snapshot(order: WorkOrder, parties: _Parties) -> dict[str, object]:
    """The order as the activity log shows it: parties by name, never by id."""
    patient = parties.patient
    return {
        "lab": parties.lab.name,
        "customer": parties.customer.name,
        "patient": f"{patient.first_name} {patient.last_name}".strip(),
        "documented_at": order.documented_at, "due_date": order.due_date,
        "description": order.description, "shade": order.shade, "teeth": order.teeth,
        "total": str(Money(order.price_total_minor, order.currency)),
        "items": len(order.items),
    }


def create_order(uow: UnitOfWork, actor: Actor, data: OrderInput) -> OrderDetail:
    with uow:
        authorize(uow, actor, Action.CREATE_ORDER)
        check = validation.Checks()
        data = _clean(data, check)
        parties = _check_parties(uow, data, check)
        check.done()
        assert parties is not None  # else check.done() refused
        now = uow.now()
        order = WorkOrder(
            id=next_id(uow), number=next_number(uow), status=OrderStatus.DRAFT, lab_id=data.lab_id,
            customer_id=data.customer_id, patient_id=data.patient_id,
            description=data.description, shade=data.shade, teeth=format_teeth(data.teeth),
            created_at=now, updated_at=now, documented_at=data.documented_at,
            due_date=data.due_date, currency=data.currency,
            price_total_minor=_items_total(data.items, data.currency).minor,
            # A new order has no tasks: said so, adding its plan's first task does not look
            # for any.
            tasks=[],
        )
        _set_items(order, data.items)
        # Before add: filled in while the order is new, it goes out in the INSERT rather than
        # in a second UPDATE that would also bump the version.
        _refresh_search_text(order, parties)
        uow.session.add(order)
        activity.record(uow, actor, "create", "order.created", {"order": order.number},
                        entity_id=order.id, order_id=order.id, after=_snapshot(order, parties))
        _plan_on_creation(uow, actor, order, data)
        uow.commit()
        return load_detail(uow, order.id)


def _plan_on_creation(uow: UnitOfWork, actor: Actor, order: WorkOrder, data: OrderInput) -> None:
    """The work plan and payment plan the new-order form brought, in the order's own unit of
    work: a refused task or plan leaves no order behind. Their fields are named as the form
    shows them ("task 2 name", "payment plan amount")."""
    if len(data.tasks) > MAX_ITEMS:
        raise ValidationError("work plan", code="too_many_tasks", params={"limit": MAX_ITEMS})
    for position, task in enumerate(data.tasks, start=1):
        try:
            workplan.append_task(uow, actor, order, task)
        except ValidationError as error:
            raise error.renamed(
                f"task {position} {error.field.removeprefix('task ')}") from None
    if data.payment_plan is not None:
        try:
            payments.install_plan(uow, actor, order, data.payment_plan)
        except ValidationError as error:
            raise error.renamed(f"payment plan {error.field}") from None


def edit_order(
    uow: UnitOfWork, actor: Actor, order_id: int, version: int, data: OrderInput
) -> OrderDetail:
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.EDIT, version)
        check = validation.Checks()
        data = _clean(data, check)
        parties = _check_parties(uow, data, check)
        check.done()
        assert parties is not None  # else check.done() refused
        if _unchanged(order, data):
            # OK pressed without a change: no new version, no activity entry.
            return load_detail(uow, order.id)
        if data.currency != order.currency and _has_money(uow, order):
            raise ValidationError("currency", code="currency_locked")
        _check_covers_money(uow, order, _items_total(data.items, data.currency), "items")
        before = _snapshot(order, _parties_of(uow, order))
        order.lab_id, order.customer_id, order.patient_id = (
            data.lab_id, data.customer_id, data.patient_id)
        order.documented_at, order.due_date = data.documented_at, data.due_date
        order.description, order.shade = data.description, data.shade
        order.teeth, order.currency = format_teeth(data.teeth), data.currency
        _set_items(order, data.items)
        order.price_total_minor = _items_total(data.items, data.currency).minor
        _refresh_search_text(order, parties)
        touch(uow, order)
        old, new = activity.changes(before, _snapshot(order, parties))
        activity.record(uow, actor, "edit", "order.edited", {"order": order.number},
                        entity_id=order.id, order_id=order.id, before=old, after=new)
        uow.commit()
        return load_detail(uow, order.id)


def _has_money(uow: UnitOfWork, order: WorkOrder) -> bool:
    has_plan = uow.session.scalar(
        select(PaymentPlan.id).where(PaymentPlan.order_id == order.id)) is not None
    return has_plan or order.paid_minor != 0


def _check_covers_money(uow: UnitOfWork, order: WorkOrder, total: Money, field: str) -> None:
    """A new total may not drop below what is paid or below the payment plan's amount."""
    if total.currency != order.currency:
        return  # only possible without payments or plan, see _has_money
    paid = Money(order.paid_minor, order.currency)
    if total < paid:
        raise ValidationError(field, code="total_below_paid", params={
            "total_minor": total.minor, "paid_minor": paid.minor, "currency": total.currency})
    planned = uow.session.scalar(
        select(PaymentPlan.amount_minor).where(PaymentPlan.order_id == order.id))
    if planned is not None and total.minor < planned:
        raise ValidationError(field, code="total_below_plan", params={
            "total_minor": total.minor, "plan_minor": planned, "currency": order.currency})


def change_customer(
    uow: UnitOfWork, actor: Actor, order_id: int, version: int, customer_id: int
) -> OrderDetail:
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.CHANGE_CUSTOMER, version)
        customer = find(uow, Customer, customer_id) if customer_id else None
        if customer is None or not customer.active:
            raise ValidationError("customer", code="inactive_customer")
        old = get(uow, Customer, order.customer_id, "Customer")
        if customer.id == old.id:
            raise ValidationError("customer", code="same_customer")
        order.customer_id = customer.id
        _refresh_search_text(order, _parties_of(uow, order))
        touch(uow, order)
        activity.record(uow, actor, "change_customer",
                        "order.customer_changed", {"old": old.name, "new": customer.name},
                        entity_id=order.id, order_id=order.id,
                        before={"customer": old.name}, after={"customer": customer.name})
        uow.commit()
        return load_detail(uow, order.id)


def _transition(
    uow: UnitOfWork, actor: Actor, order_id: int, version: int, action: Action,
    permission: Action | None = None, **after: object
) -> WorkOrder:
    order, next_status = order_for(uow, actor, order_id, action, version, permission)
    assert next_status is not None
    before = order.status
    order.status = next_status
    _stamp_steps(order, action, before, uow)
    touch(uow, order)
    activity.record(
        uow, actor, action.value, "order.status_changed",
        {"step": action.value, "from": before.value, "to": next_status.value},
        entity_id=order.id, order_id=order.id,
        before={"status": before.value},
        after={"status": next_status.value, **after},
    )
    return order


def _stamp_steps(order: WorkOrder, action: Action, before: OrderStatus, uow: UnitOfWork) -> None:
    """Keep when the order went to the lab and came back in step with its status."""
    if action is Action.PUBLISH:
        order.published_at = uow.now()
    elif action is Action.DELIVER:
        _delivered(order, uow.now(), uow.today())
    if order.status is OrderStatus.DRAFT:
        order.published_at = None
        _delivered(order, None, None)
    elif action is Action.MOVE_BACK and before is OrderStatus.DELIVERED:
        _delivered(order, None, None)


def _delivered(order: WorkOrder, at: datetime | None, day: date | None) -> None:
    order.delivered_at, order.delivered_on = at, day
    order.turnaround_minutes = (
        None if at is None or order.published_at is None
        else round((at - order.published_at).total_seconds() / 60))


class _LifecycleStep(Protocol):
    def __call__(self, uow: UnitOfWork, actor: Actor, order_id: int,
                 version: int) -> OrderDetail: ...


def _step(action: Action, summary: str) -> _LifecycleStep:
    def run(uow: UnitOfWork, actor: Actor, order_id: int, version: int) -> OrderDetail:
        with uow:
            _transition(uow, actor, order_id, version, action)
            uow.commit()
            return load_detail(uow, order_id)

    run.__name__ = action.value
    run.__doc__ = f"{summary} (lifecycle step {action.value})."
    return run


publish = _step(Action.PUBLISH, "Sent to the lab")
start_production = _step(Action.START_PRODUCTION, "Production started")
deliver = _step(Action.DELIVER, "Delivered")
complete = _step(Action.COMPLETE, "Completed")


def produce(uow: UnitOfWork, actor: Actor, order_id: int, version: int) -> OrderDetail:
    with uow:
        order_for(uow, actor, order_id, Action.PRODUCE, version)
        open_tasks = uow.session.scalars(
            select(WorkTask.name).where(WorkTask.order_id == order_id,
                                        WorkTask.status == TaskStatus.TODO)
        ).all()
        if open_tasks:
            raise LifecycleError(code="lifecycle.open_tasks", params={
                "count": len(open_tasks), "tasks": list(open_tasks[:3])})
        _transition(uow, actor, order_id, version, Action.PRODUCE)
        uow.commit()
        return load_detail(uow, order_id)


def ship(
    uow: UnitOfWork, actor: Actor, order_id: int, version: int, tracking_number: str
) -> OrderDetail:
    tracking = validation.required(tracking_number, "tracking number", 100)
    with uow:
        order = _transition(uow, actor, order_id, version, Action.SHIP,
                            tracking_number=tracking)
        order.tracking_number = tracking
        uow.commit()
        return load_detail(uow, order_id)


def cancel(uow: UnitOfWork, actor: Actor, order_id: int, version: int, reason: str) -> OrderDetail:
    text = validation.required(reason, "reason", 500)
    with uow:
        order = _transition(uow, actor, order_id, version, Action.CANCEL,
                            reason=text)
        order.cancel_reason = text
        uow.commit()
        return load_detail(uow, order_id)


def reopen(uow: UnitOfWork, actor: Actor, order_id: int, version: int) -> OrderDetail:
    with uow:
        order = _transition(uow, actor, order_id, version, Action.REOPEN)
        order.cancel_reason = ""
        uow.commit()
        return load_detail(uow, order_id)


def move_back(
    uow: UnitOfWork, actor: Actor, order_id: int, version: int, reason: str
) -> OrderDetail:
    text = validation.required(reason, "reason", 500)
    with uow:
        _transition(uow, actor, order_id, version, Action.MOVE_BACK, reason=text)
        uow.commit()
        return load_detail(uow, order_id)


def undo_delivery(
    uow: UnitOfWork, actor: Actor, order_id: int, version: int, reason: str
) -> OrderDetail:
    """Delivered -> Shipped for whoever may deliver: the undo of a scanned check-in.

    A Move back, logged as one with its reason, but the front desk that checks boxes in may
    undo its own mistake without the Move back permission.
    """
    text = validation.required(reason, "reason", 500)
    with uow:
        order = get(uow, WorkOrder, order_id, "Work order")
        if order.status is not OrderStatus.DELIVERED:
            raise LifecycleError(code="lifecycle.not_delivered",
                                 params={"status": order.status.value})
        _transition(uow, actor, order_id, version, Action.MOVE_BACK,
                    permission=Action.DELIVER, reason=text)
        uow.commit()
        return load_detail(uow, order_id)


def update_due_date(
    uow: UnitOfWork, actor: Actor, order_id: int, version: int, due_date: date | None
) -> OrderDetail:
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.UPDATE_DUE_DATE, version)
        if due_date is None:
            raise ValidationError("due date", code="required")
        validation.in_range(due_date, "due date")
        validation.due_not_before(due_date, order.documented_at)
        old = order.due_date
        if due_date == old:
            return load_detail(uow, order_id)
        order.due_date = due_date
        touch(uow, order)
        activity.record(uow, actor, "update_due_date", "order.due_date_changed",
                        {"due_date": due_date},
                        entity_id=order.id, order_id=order.id,
                        before={"due_date": old}, after={"due_date": due_date})
        uow.commit()
        return load_detail(uow, order_id)


def adjust_price(
    uow: UnitOfWork, actor: Actor, order_id: int, version: int, total: Money
) -> OrderDetail:
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.ADJUST_PRICE, version)
        check_amount(total, "price")
        if total.minor < 0:
            raise ValidationError("price", code="negative")
        if total.currency != order.currency and _has_money(uow, order):
            raise ValidationError("currency", code="money_in_currency",
                                  params={"currency": order.currency})
        _check_covers_money(uow, order, total, "price")
        old = Money(order.price_total_minor, order.currency)
        if total == old:
            return load_detail(uow, order_id)
        order.price_total_minor, order.currency = total.minor, total.currency
        touch(uow, order)
        activity.record(uow, actor, "adjust_price", "order.price_adjusted",
                        {"old_minor": old.minor, "new_minor": total.minor,
                         "currency": total.currency},
                        entity_id=order.id, order_id=order.id,
                        before={"total": str(old)}, after={"total": str(total)})
        uow.commit()
        return load_detail(uow, order_id)


def set_hold(
    uow: UnitOfWork, actor: Actor, order_id: int, version: int, on_hold: bool, reason: str = ""
) -> OrderDetail:
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.HOLD, version)
        if order.on_hold == on_hold:
            raise ValidationError("hold", code="already_on_hold" if on_hold else
                                  "already_off_hold")
        text = validation.required(reason, "reason", 500) if on_hold else ""
        order.on_hold, order.hold_reason = on_hold, text
        touch(uow, order)
        activity.record(uow, actor, "hold" if on_hold else "unhold",
                        "order.put_on_hold" if on_hold else "order.taken_off_hold",
                        {"reason": text} if on_hold else None,
                        entity_id=order.id, order_id=order.id,
                        before={"on_hold": not on_hold}, after={"on_hold": on_hold})
        uow.commit()
        return load_detail(uow, order_id)


def mark_remake(
    uow: UnitOfWork, actor: Actor, order_id: int, version: int, remake_of_number: int,
    reason: str
) -> OrderDetail:
    text = validation.required(reason, "reason", 500)
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.MARK_REMAKE, version)
        source = (uow.session.scalar(select(WorkOrder).where(WorkOrder.number == remake_of_number))
                  if validation.fits_sql(remake_of_number) else None)
        if source is None:
            raise ValidationError("remake of", code="no_order_number",
                                  params={"number": remake_of_number})
        if source.id == order.id:
            raise ValidationError("remake of", code="remake_of_itself")
        order.is_remake, order.remake_of_id, order.remake_reason = True, source.id, text
        touch(uow, order)
        activity.record(uow, actor, "mark_remake",
                        "order.marked_remake", {"source": source.number, "reason": text},
                        entity_id=order.id, order_id=order.id,
                        after={"remake_of": source.number, "reason": text})
        uow.commit()
        return load_detail(uow, order_id)


def copy_order(uow: UnitOfWork, actor: Actor, order_id: int) -> OrderDetail:
    """New Draft with a new number; items, work plan and attachments come along."""
    with uow:
        source, _ = order_for(uow, actor, order_id, Action.COPY)
        authorize(uow, actor, Action.CREATE_ORDER)
        now = uow.now()
        copy = WorkOrder(
            id=next_id(uow), number=next_number(uow), status=OrderStatus.DRAFT,
            lab_id=source.lab_id, customer_id=source.customer_id, patient_id=source.patient_id,
            description=source.description, shade=source.shade, teeth=source.teeth,
            created_at=now, updated_at=now, documented_at=uow.today(),
            due_date=max(source.due_date, uow.today()) if source.due_date else None,
            currency=source.currency, price_total_minor=source.price_total_minor,
            copied_from_id=source.id, main_service_id=source.main_service_id,
        )
        for item in source.items:
            copy.items.append(WorkOrderItem(
                position=item.position, service_id=item.service_id,
                description=item.description, teeth=item.teeth, quantity=item.quantity,
                unit_price_minor=item.unit_price_minor))
        for task in source.tasks:
            copy.tasks.append(WorkTask(position=task.position, name=task.name,
                                       assignee_id=task.assignee_id, status=TaskStatus.TODO))
        _refresh_search_text(copy, _parties_of(uow, source))
        uow.session.add(copy)
        uow.session.flush()
        for att in uow.session.scalars(select(Attachment).where(
                Attachment.order_id == source.id, Attachment.removed.is_(False))):
            uow.session.add(Attachment(
                order_id=copy.id, sha256=att.sha256, original_name=att.original_name,
                size_bytes=att.size_bytes, mime_type=att.mime_type,
                added_by_id=actor.user_id, added_at=now))
        activity.record(uow, actor, "copy",
                        "order.copied_from", {"source": source.number},
                        entity_id=copy.id, order_id=copy.id,
                        after={"copied_from": source.number})
        activity.record(uow, actor, "copied",
                        "order.copied_to", {"copy": copy.number},
                        entity_id=source.id, order_id=source.id,
                        after={"copy": copy.number})
        uow.commit()
        return load_detail(uow, copy.id)


# What an order may not have to be deleted rather than cancelled, in the refusal's words.
_HISTORY: tuple[tuple[str, type[Payment | PaymentPlan | Event | Attachment | Comment |
                                 PayrollRecord]], ...] = (
    ("payments", Payment), ("a payment plan", PaymentPlan), ("events", Event),
    ("attachments", Attachment), ("comments", Comment), ("payroll records", PayrollRecord),
)


def delete_order(
    uow: UnitOfWork, actor: Actor, order_id: int, expected_version: int
) -> None:
    """Delete a Draft created by mistake. Its number is never handed out again and the activity
    log keeps its entries plus a tombstone saying what it was; an order with any history is
    refused (cancel it instead)."""
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.DELETE_ORDER, expected_version)
        kept = [words for words, model in _HISTORY if uow.session.scalar(
            select(model.id).where(model.order_id == order.id).limit(1)) is not None]
        if any(task.status is TaskStatus.DONE for task in order.tasks):
            kept.append("work-plan tasks done")
        if uow.session.scalar(select(WorkOrder.id).where(
                (WorkOrder.copied_from_id == order.id) | (WorkOrder.remake_of_id == order.id))
                .limit(1)) is not None:
            kept.append("copies or remakes")
        if kept:
            raise LifecycleError(code="lifecycle.has_history", params={"kept": kept})
        snapshot = _snapshot(order, _parties_of(uow, order))
        activity.record(uow, actor, "delete", "order.deleted",
                        {"order": order.number, "patient": snapshot["patient"],
                         "lab": snapshot["lab"], "total_minor": order.price_total_minor,
                         "currency": order.currency},
                        entity_id=order.id, order_id=order.id,
                        before={"number": order.number, **snapshot})
        uow.session.delete(order)
        uow.commit()
