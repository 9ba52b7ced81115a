"""Payment plans, payments recorded by hand and their voids.

Every change here recomputes the order's denormalised money columns in the same transaction,
through ``refresh_order_money``, so lists and the finance dashboard never sum payments on the fly.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from ..db.models import Installment, Payment, PaymentPlan, WorkOrder
from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import Actor, OrderDetail, PaymentInput, PaymentPlanInput
from ..domain.enums import IntervalUnit, PaymentMethod
from ..domain.errors import ValidationError
from ..domain.money import Money, check_amount
from ..domain.payments import MAX_INSTALLMENTS, first_unpaid_due, schedule
from . import activity
from .guards import authorize, get, order_for, touch
from .order_detail import load_detail
from .unit_of_work import UnitOfWork

NOTE_LIMIT = 1000
REASON_LIMIT = 500
MAX_INTERVAL = 365


def refresh_order_money(uow: UnitOfWork, order: WorkOrder) -> None:
    """Recompute paid amount, first unpaid due date and payment method of ``order``.

    paid = non-voided payments; the due date comes from the plan's installments, settled oldest
    first; the method is the plan's, else that of the latest non-voided payment.
    """
    s = uow.session
    counted = (Payment.order_id == order.id, Payment.voided.is_(False))
    order.paid_minor = s.scalar(
        select(func.coalesce(func.sum(Payment.amount_minor), 0)).where(*counted)) or 0
    plan = s.scalar(select(PaymentPlan).where(PaymentPlan.order_id == order.id))
    if plan is None:
        order.unpaid_due_date = None
        order.payment_method = s.scalar(
            select(Payment.method).where(*counted)
            .order_by(Payment.paid_on.desc(), Payment.id.desc()).limit(1))
    else:
        order.unpaid_due_date = first_unpaid_due(
            [(inst.due_date, inst.amount_minor) for inst in plan.installments], order.paid_minor)
        order.payment_method = plan.method
    touch(uow, order)


def _method(value: PaymentMethod | str) -> PaymentMethod:
    try:
        return PaymentMethod(value)
    except ValueError:
        raise ValidationError("method", code="not_payment_method",
                              params={"value": value}) from None


def _amount_for(order: WorkOrder, amount: Money) -> Money:
    check_amount(amount, "amount")
    if amount.currency != order.currency:
        raise ValidationError("currency", code="not_the_order_currency", params={
            "currency": order.currency, "given": amount.currency})
    if amount.minor <= 0:
        raise ValidationError("amount", code="not_positive")
    return amount


def _plan_snapshot(plan: PaymentPlan) -> dict[str, object]:
    return {"amount": str(Money(plan.amount_minor, plan.currency)), "method": plan.method.value,
            "installments": plan.installments_count, "first_due_date": plan.first_due_date,
            "interval": f"{plan.interval} {plan.interval_unit.value}"}


def _money_summary(order: WorkOrder) -> dict[str, object]:
    return {"paid": str(Money(order.paid_minor, order.currency)),
            "unpaid_due_date": order.unpaid_due_date}


def _current_plan(uow: UnitOfWork, order: WorkOrder) -> PaymentPlan | None:
    return uow.session.scalar(select(PaymentPlan).where(PaymentPlan.order_id == order.id))


def set_payment_plan(
    uow: UnitOfWork, actor: Actor, order_id: int, data: PaymentPlanInput
) -> OrderDetail:
    """Create the order's plan, or replace the one it has, with a fresh installment schedule."""
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.PAYMENT_PLAN)
        install_plan(uow, actor, order, data)
        uow.commit()
        return load_detail(uow, order_id)


def install_plan(uow: UnitOfWork, actor: Actor, order: WorkOrder, data: PaymentPlanInput) -> None:
    """Check ``data`` against ``order`` and give it that plan, logged, inside the caller's unit
    of work: setting a plan and creating an order with one share it."""
    authorize(uow, actor, Action.PAYMENT_PLAN)
    amount = _amount_for(order, data.amount)
    total = Money(order.price_total_minor, order.currency)
    if amount > total:
        raise ValidationError("amount", code="more_than_total", params={
            "total_minor": total.minor, "currency": total.currency})
    method = _method(data.method)
    count = validation.whole_number(data.installments, "installments", 1, MAX_INSTALLMENTS)
    interval = (validation.whole_number(data.interval, "interval", 1, MAX_INTERVAL)
                if count > 1 else 1)
    try:
        unit = IntervalUnit(data.interval_unit)
    except ValueError:
        raise ValidationError("interval unit", code="not_interval_unit") from None
    if data.first_due_date is None:
        raise ValidationError("first due date", code="required")
    validation.in_range(data.first_due_date, "first due date")
    # Both ends are bounded (a first date before 2200, at most 120 x 365 months), so this
    # stays far inside Python's dates; the last installment must still be a usable date.
    scheduled = schedule(amount, count, data.first_due_date, interval, unit)
    if scheduled[-1].due_date > validation.LATEST_DATE:
        raise ValidationError("first due date", code="installments_too_late",
                              params={"year": validation.LATEST_DATE.year})

    old = _current_plan(uow, order)
    if old is not None and (
            (old.amount_minor, old.currency, old.method, old.installments_count,
             old.first_due_date, old.interval, old.interval_unit)
            == (amount.minor, amount.currency, method, count, data.first_due_date,
                interval, unit)):
        return  # OK without a change: no new plan, no entry
    before = _plan_snapshot(old) if old else None
    if old is not None:
        uow.session.delete(old)
        # The plan is unique per order: the old row must be gone before the new one goes in.
        uow.session.flush()
    plan = PaymentPlan(
        order_id=order.id, amount_minor=amount.minor, currency=amount.currency,
        method=method, installment=count > 1, installments_count=count,
        first_due_date=data.first_due_date, interval=interval, interval_unit=unit,
        created_at=uow.now(),
        installments=[Installment(seq=i.seq, due_date=i.due_date, amount_minor=i.amount.minor)
                      for i in scheduled])
    uow.session.add(plan)
    uow.session.flush()
    refresh_order_money(uow, order)
    activity.record(
        uow, actor, "payment_plan", "payment_plan.replaced" if old else "payment_plan.set",
        {"order": order.number, "amount_minor": amount.minor, "currency": amount.currency,
         "method": method.value, "installments": count,
         "first_due_date": data.first_due_date},
        entity="payment_plan", entity_id=plan.id, order_id=order.id,
        before=before, after=_plan_snapshot(plan))


def remove_payment_plan(uow: UnitOfWork, actor: Actor, order_id: int) -> OrderDetail:
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.PAYMENT_PLAN)
        plan = _current_plan(uow, order)
        if plan is None:
            raise ValidationError("payment plan", code="no_payment_plan")
        before = _plan_snapshot(plan)
        uow.session.delete(plan)
        uow.session.flush()
        refresh_order_money(uow, order)
        activity.record(uow, actor, "remove_payment_plan",
                        "payment_plan.removed", {"order": order.number},
                        entity="payment_plan", entity_id=plan.id, order_id=order.id,
                        before=before)
        uow.commit()
        return load_detail(uow, order_id)


def _paid_on(value: date | None, today: date) -> date:
    if value is None:
        raise ValidationError("paid on", code="required")
    validation.in_range(value, "paid on")
    if value > today:
        raise ValidationError("paid on", code="in_future")
    return value


def record_payment(
    uow: UnitOfWork, actor: Actor, order_id: int, data: PaymentInput
) -> OrderDetail:
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.ADD_PAYMENT)
        check = validation.Checks()
        check(_paid_on, data.paid_on, uow.today())
        amount = check(_amount_for, order, data.amount)
        balance = Money(order.price_total_minor - order.paid_minor, order.currency)
        if amount is not None and amount > balance:
            check.add(ValidationError("amount", code="more_than_balance", params={
                "balance_minor": balance.minor, "currency": balance.currency}
            ) if balance.minor > 0 else ValidationError("amount", code="fully_paid"))
        method = check(_method, data.method)
        note = check(validation.optional, data.note, "note", NOTE_LIMIT)
        check.done()
        payment = Payment(
            order_id=order.id, paid_on=data.paid_on, amount_minor=amount.minor,
            currency=amount.currency, method=method, note=note, recorded_by_id=actor.user_id,
            recorded_at=uow.now())
        uow.session.add(payment)
        uow.session.flush()
        before = _money_summary(order)
        refresh_order_money(uow, order)
        activity.record(
            uow, actor, "add_payment",
            "payment.recorded", {"order": order.number, "amount_minor": amount.minor,
                                 "currency": amount.currency, "method": method.value,
                                 "paid_on": data.paid_on},
            entity="payment", entity_id=payment.id, order_id=order.id,
            before=before, after={**_money_summary(order), "note": note})
        uow.commit()
        return load_detail(uow, order_id)


def void_payment(uow: UnitOfWork, actor: Actor, payment_id: int, reason: str) -> OrderDetail:
    """A wrong payment stops counting but stays on record, with who voided it and why."""
    with uow:
        payment = get(uow, Payment, payment_id, "Payment")
        order, _ = order_for(uow, actor, payment.order_id, Action.VOID_PAYMENT)
        text = validation.required(reason, "reason", REASON_LIMIT)
        if payment.voided:
            raise ValidationError("payment", code="already_voided",
                                  params={"reason": payment.void_reason})
        payment.voided, payment.void_reason = True, text
        payment.voided_at, payment.voided_by_id = uow.now(), actor.user_id
        before = _money_summary(order)
        refresh_order_money(uow, order)
        amount = Money(payment.amount_minor, payment.currency)
        activity.record(
            uow, actor, "void_payment",
            "payment.voided", {"order": order.number, "amount_minor": amount.minor,
                               "currency": amount.currency, "paid_on": payment.paid_on,
                               "reason": text},
            entity="payment", entity_id=payment.id, order_id=order.id,
            before=before, after={**_money_summary(order), "reason": text})
        uow.commit()
        return load_detail(uow, order.id)
