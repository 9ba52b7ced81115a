"""Payment plans, payments and voids, and the order's denormalised money columns."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from dentasync_desktop.db.models import Installment, Payment, PaymentPlan, WorkOrder
from dentasync_desktop.domain.dto import OrderDetail, PaymentInput, PaymentPlanInput
from dentasync_desktop.domain.enums import IntervalUnit, PaymentMethod, PaymentStatus, Role
from dentasync_desktop.domain.errors import (
    FieldErrors,
    LifecycleError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services import orders, payments

from ..factories import World
from .helpers import new_order, one_activity, refused

TODAY = date(2026, 11, 20)  # the pinned clock's date


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def plan(amount: int = 50000, installments: int = 3, first: date | None = date(2026, 12, 1),
         method: PaymentMethod = PaymentMethod.BANK_TRANSFER, interval: int = 1,
         unit: IntervalUnit = IntervalUnit.MONTHS, currency: str = "EUR") -> PaymentPlanInput:
    return PaymentPlanInput(amount=Money(amount, currency), method=method,
                            installments=installments, first_due_date=first, interval=interval,
                            interval_unit=unit)


def pay(amount: int, paid_on: date = TODAY, method: PaymentMethod = PaymentMethod.CASH,
        note: str = "", currency: str = "EUR") -> PaymentInput:
    return PaymentInput(paid_on=paid_on, amount=Money(amount, currency), method=method, note=note)


def money_columns(world: World, order_id: int) -> tuple[int, date | None, PaymentMethod | None]:
    with world.uow() as uow:
        order = uow.session.get(WorkOrder, order_id)
        assert order is not None
        return order.paid_minor, order.unpaid_due_date, order.payment_method


def record(world: World, order: OrderDetail, *amounts: int) -> OrderDetail:
    for amount in amounts:
        order = payments.record_payment(world.uow(), world.admin, order.id, pay(amount))
    return order


# --- payment plan ------------------------------------------------------------------------------


def test_plan_splits_exactly_and_sets_the_order_columns(world: World) -> None:
    order = new_order(world)
    with one_activity(world, order.id):
        order = payments.set_payment_plan(world.uow(), world.actors[Role.FRONT_DESK], order.id,
                                          plan(50000, 3, date(2026, 12, 31)))
    assert order.plan is not None
    assert [i.amount for i in order.plan.installments] == [eur(16667), eur(16667), eur(16666)]
    assert [i.due_date for i in order.plan.installments] == [
        date(2026, 12, 31), date(2027, 1, 31), date(2027, 2, 28)]
    assert order.plan.installment and order.plan.installments_count == 3
    assert order.payment_method is PaymentMethod.BANK_TRANSFER
    assert order.payment_status is PaymentStatus.NOT_PAID
    assert money_columns(world, order.id) == (0, date(2026, 12, 31), PaymentMethod.BANK_TRANSFER)


def test_overdue_installment_then_paid_in_order(world: World) -> None:
    order = new_order(world)
    order = payments.set_payment_plan(world.uow(), world.admin, order.id,
                                      plan(50000, 2, date(2026, 11, 1)))
    assert order.payment_status is PaymentStatus.OVERDUE
    assert [i.overdue for i in order.plan.installments] == [True, False]  # type: ignore[union-attr]
    order = record(world, order, 25000)
    assert order.payment_status is PaymentStatus.PARTIALLY_PAID
    assert money_columns(world, order.id)[1] == date(2026, 12, 1)
    order = record(world, order, 25000)
    assert order.payment_status is PaymentStatus.PAID
    assert money_columns(world, order.id)[:2] == (50000, None)


def test_replacing_a_plan_replaces_its_installments(world: World) -> None:
    order = new_order(world)
    payments.set_payment_plan(world.uow(), world.admin, order.id, plan(50000, 5))
    with one_activity(world, order.id):
        order = payments.set_payment_plan(
            world.uow(), world.admin, order.id,
            plan(30000, 2, date(2027, 1, 4), PaymentMethod.CARD, 2, IntervalUnit.WEEKS))
    assert order.plan is not None
    assert [(i.due_date, i.amount) for i in order.plan.installments] == [
        (date(2027, 1, 4), eur(15000)), (date(2027, 1, 18), eur(15000))]
    assert order.payment_method is PaymentMethod.CARD
    with world.uow() as uow:
        assert uow.session.scalar(select(func.count(PaymentPlan.id))) == 1
        assert uow.session.scalar(select(func.count(Installment.id))) == 2


def test_plan_refusals_name_the_field(world: World) -> None:
    order = new_order(world)
    cases = [
        (plan(currency="USD"), "^Currency: Must be the order currency EUR"),
        (plan(0), "^Amount: Must be greater than zero"),
        (plan(50001), r"^Amount: Cannot be more than the order total \(€500.00\)"),
        (plan(first=None), "^First due date: Required"),
        (plan(installments=0), "^Installments: Must be between 1 and 120"),
        (plan(installments=121), "^Installments: Must be between 1 and 120"),
        (plan(amount=5, installments=6), "^Installments: More installments than"),
        (plan(installments=2, interval=0), "^Interval: Must be between 1 and 365"),
        (plan(first=date(9999, 6, 1), installments=12), "^First due date: Must be between"),
        (plan(first=date(2199, 6, 1), installments=120, interval=365),
         "^First due date: .* after the year"),
    ]
    for data, message in cases:
        with refused(world, ValidationError, message):
            payments.set_payment_plan(world.uow(), world.admin, order.id, data)
    with refused(world, PermissionDenied, "Payment plan"):
        payments.set_payment_plan(world.uow(), world.actors[Role.TECHNICIAN], order.id, plan())
    order = orders.cancel(world.uow(), world.admin, order.id, order.version, "Duplicate")
    with refused(world, LifecycleError, "cancelled"):
        payments.set_payment_plan(world.uow(), world.admin, order.id, plan())


def test_single_installment_plan_ignores_the_interval(world: World) -> None:
    order = new_order(world)
    order = payments.set_payment_plan(world.uow(), world.admin, order.id,
                                      plan(50000, 1, interval=0))
    assert order.plan is not None
    assert not order.plan.installment
    assert [i.amount for i in order.plan.installments] == [eur(50000)]


def test_remove_plan_falls_back_to_the_latest_payment_method(world: World) -> None:
    order = new_order(world)
    order = record(world, order, 1000)
    order = payments.set_payment_plan(world.uow(), world.admin, order.id, plan())
    assert order.payment_method is PaymentMethod.BANK_TRANSFER
    with one_activity(world, order.id):
        order = payments.remove_payment_plan(world.uow(), world.admin, order.id)
    assert order.plan is None
    assert money_columns(world, order.id) == (1000, None, PaymentMethod.CASH)
    with world.uow() as uow:
        assert uow.session.scalar(select(func.count(Installment.id))) == 0
    with refused(world, ValidationError, "^Payment plan: The order has no payment plan"):
        payments.remove_payment_plan(world.uow(), world.admin, order.id)
    payments.set_payment_plan(world.uow(), world.admin, order.id, plan())
    with refused(world, PermissionDenied):
        payments.remove_payment_plan(world.uow(), world.actors[Role.TECHNICIAN], order.id)


# --- payments ----------------------------------------------------------------------------------


def test_record_payment_updates_paid_balance_and_method(world: World) -> None:
    order = new_order(world)
    with one_activity(world, order.id):
        order = payments.record_payment(
            world.uow(), world.actors[Role.FRONT_DESK], order.id,
            pay(12050, date(2026, 11, 19), PaymentMethod.CARD, "Deposit"))
    assert (order.paid, order.balance) == (eur(12050), eur(37950))
    assert order.payment_status is PaymentStatus.PARTIALLY_PAID
    assert order.payment_method is PaymentMethod.CARD
    payment = order.payments[0]
    assert (payment.note, payment.recorded_by, payment.voided) == (
        "Deposit", "Front desk User", False)
    order = payments.record_payment(world.uow(), world.admin, order.id,
                                    pay(100, date(2026, 11, 1), PaymentMethod.OTHER))
    # The latest payment by date decides the method, not the latest one typed in.
    assert order.payment_method is PaymentMethod.CARD
    assert money_columns(world, order.id) == (12150, None, PaymentMethod.CARD)


def test_paying_in_full_then_nothing_more_is_accepted(world: World) -> None:
    order = record(world, new_order(world), 20000, 30000)
    assert order.payment_status is PaymentStatus.PAID
    assert order.balance == eur(0)
    with refused(world, ValidationError, "^Amount: The order is already fully paid"):
        record(world, order, 1)


def test_payment_refusals_name_the_field(world: World) -> None:
    order = record(world, new_order(world), 10000)
    cases = [
        (pay(0), "^Amount: Must be greater than zero"),
        (pay(-500), "^Amount: Must be greater than zero"),
        (pay(40001), r"^Amount: More than the balance \(€400.00\)"),
        (pay(100, currency="USD"), "^Currency: Must be the order currency EUR, not USD"),
        (pay(100, date(2026, 11, 21)), "^Paid on: Cannot be in the future"),
        (pay(100, note="x" * 1001), "^Note: Too long"),
        (PaymentInput(paid_on=None, amount=eur(100), method=PaymentMethod.CASH),  # type: ignore[arg-type]
         "^Paid on: Required"),
        (PaymentInput(paid_on=TODAY, amount=eur(100), method="cheque"),  # type: ignore[arg-type]
         "^Method: 'cheque' is not a payment method"),
    ]
    for data, message in cases:
        with refused(world, ValidationError, message):
            payments.record_payment(world.uow(), world.admin, order.id, data)
    with refused(world, PermissionDenied, "Add payment"):
        payments.record_payment(world.uow(), world.actors[Role.TECHNICIAN], order.id, pay(100))
    with refused(world, NotFound):
        payments.record_payment(world.uow(), world.admin, 4242, pay(100))
    order = orders.cancel(world.uow(), world.admin, order.id, order.version, "Duplicate")
    with refused(world, LifecycleError, "cancelled"):
        payments.record_payment(world.uow(), world.admin, order.id, pay(100))


def test_every_bad_payment_field_is_refused_at_once(world: World) -> None:
    order = record(world, new_order(world), 10000)
    data = pay(0, date(2026, 11, 21), note="x" * 1001)
    with refused(world, FieldErrors) as caught:
        payments.record_payment(world.uow(), world.admin, order.id, data)
    assert [e.field for e in caught.value.errors] == [  # type: ignore[attr-defined]
        "paid on", "amount", "note"]


def test_a_completed_order_still_takes_payments(world: World) -> None:
    order = new_order(world)
    for step in (orders.publish, orders.start_production, orders.produce):
        order = step(world.uow(), world.admin, order.id, order.version)
    order = orders.ship(world.uow(), world.admin, order.id, order.version, "DHL 1")
    order = orders.deliver(world.uow(), world.admin, order.id, order.version)
    order = orders.complete(world.uow(), world.admin, order.id, order.version)
    order = record(world, order, 50000)
    assert order.payment_status is PaymentStatus.PAID


def test_void_keeps_the_payment_and_stops_counting_it(world: World) -> None:
    order = new_order(world)
    order = payments.record_payment(world.uow(), world.admin, order.id,
                                    pay(10000, date(2026, 11, 10), PaymentMethod.CASH))
    order = payments.record_payment(world.uow(), world.admin, order.id,
                                    pay(5000, date(2026, 11, 12), PaymentMethod.CARD))
    card = order.payments[1].id
    with one_activity(world, order.id):
        order = payments.void_payment(world.uow(), world.actors[Role.FRONT_DESK], card,
                                      "Card charged twice")
    assert order.paid == eur(10000)
    assert order.payment_method is PaymentMethod.CASH
    voided = order.payments[1]
    assert (voided.voided, voided.void_reason, voided.amount) == (
        True, "Card charged twice", eur(5000))
    with world.uow() as uow:
        assert uow.session.scalar(select(func.count(Payment.id))) == 2
    with refused(world, ValidationError, "^Payment: Was already voided: Card charged twice"):
        payments.void_payment(world.uow(), world.admin, card, "Again")
    cash = order.payments[0].id
    with refused(world, ValidationError, "^Reason: Required"):
        payments.void_payment(world.uow(), world.admin, cash, " ")
    with refused(world, PermissionDenied, "Void payment"):
        payments.void_payment(world.uow(), world.actors[Role.TECHNICIAN], cash, "Wrong")
    with refused(world, NotFound, "Payment #999"):
        payments.void_payment(world.uow(), world.admin, 999, "Wrong")
    order = payments.void_payment(world.uow(), world.admin, cash, "Wrong order")
    assert (order.paid, order.payment_method, order.payment_status) == (
        eur(0), None, PaymentStatus.NOT_PAID)


def test_void_brings_back_an_overdue_installment(world: World) -> None:
    order = new_order(world)
    payments.set_payment_plan(world.uow(), world.admin, order.id,
                              plan(50000, 2, date(2026, 11, 1)))
    order = record(world, order, 25000)
    assert order.payment_status is PaymentStatus.PARTIALLY_PAID
    order = payments.void_payment(world.uow(), world.admin, order.payments[0].id, "Bounced")
    assert order.payment_status is PaymentStatus.OVERDUE
    assert money_columns(world, order.id) == (0, date(2026, 11, 1), PaymentMethod.BANK_TRANSFER)


def test_money_of_a_cancelled_order_is_frozen(world: World) -> None:
    order = new_order(world)
    payments.set_payment_plan(world.uow(), world.admin, order.id, plan())
    order = record(world, order, 1000)
    order = orders.cancel(world.uow(), world.admin, order.id, order.version, "Duplicate")
    with refused(world, LifecycleError, "cancelled"):
        payments.void_payment(world.uow(), world.admin, order.payments[0].id, "Refund")
    with refused(world, LifecycleError, "cancelled"):
        payments.remove_payment_plan(world.uow(), world.admin, order.id)
    order = orders.reopen(world.uow(), world.admin, order.id, order.version)
    order = payments.void_payment(world.uow(), world.admin, order.payments[0].id, "Refund")
    assert order.paid == eur(0)


def test_each_money_change_moves_the_order_version(world: World) -> None:
    order = new_order(world)
    versions = [order.version]
    order = payments.set_payment_plan(world.uow(), world.admin, order.id, plan())
    versions.append(order.version)
    order = record(world, order, 100)
    versions.append(order.version)
    order = payments.void_payment(world.uow(), world.admin, order.payments[0].id, "Typo")
    versions.append(order.version)
    order = payments.remove_payment_plan(world.uow(), world.admin, order.id)
    versions.append(order.version)
    assert versions == sorted(set(versions))


# --- property: the denormalised columns always agree with the payment rows ----------------------

operations = st.lists(
    st.one_of(
        st.tuples(st.just("pay"), st.integers(min_value=-100, max_value=60000)),
        st.tuples(st.just("void"), st.integers(min_value=0, max_value=20)),
    ),
    min_size=1, max_size=8,
)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_paid_always_equals_the_non_voided_payments(world: World, ops: list[tuple[str, int]]
                                                    ) -> None:
    order = new_order(world)
    counted: dict[int, int] = {}  # payment id -> amount, for payments not voided
    for kind, value in ops:
        if kind == "pay":
            if 0 < value <= 50000 - sum(counted.values()):
                order = record(world, order, value)
                counted[order.payments[-1].id] = value
            else:
                with pytest.raises(ValidationError, match=r"^Amount: "):
                    record(world, order, value)
        else:
            ids = [p.id for p in order.payments]
            target = ids[value % len(ids)] if ids else 10**6
            if target in counted:
                order = payments.void_payment(world.uow(), world.admin, target, "Test")
                del counted[target]
            else:
                with pytest.raises((ValidationError, NotFound)):
                    payments.void_payment(world.uow(), world.admin, target, "Test")
        with world.uow() as uow:
            rows = uow.session.execute(
                select(Payment.amount_minor, Payment.voided).where(Payment.order_id == order.id)
            ).all()
        paid = sum(amount for amount, voided in rows if not voided)
        assert paid == sum(counted.values())
        assert money_columns(world, order.id)[0] == paid
        assert order.paid == eur(paid)
        assert order.balance == eur(50000 - paid)
        assert 0 <= paid <= 50000


# --- property: the computed outstanding column is the price less what is paid -----------------

money_changes = st.lists(
    st.one_of(
        st.tuples(st.just("pay"), st.integers(min_value=1, max_value=40000)),
        st.tuples(st.just("void"), st.integers(min_value=0, max_value=20)),
        st.tuples(st.just("price"), st.integers(min_value=0, max_value=90000)),
    ),
    min_size=1, max_size=8,
)


def stored_money(world: World, order_id: int) -> tuple[int, int, int]:
    """(price, paid, outstanding) as the database holds them; the last it computes itself."""
    with world.uow() as uow:
        price, paid, outstanding = uow.session.execute(
            select(WorkOrder.price_total_minor, WorkOrder.paid_minor,
                   WorkOrder.outstanding_minor).where(WorkOrder.id == order_id)).one()
        return price, paid, outstanding


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=money_changes)
def test_outstanding_follows_payments_voids_and_price_changes(
        world: World, changes: list[tuple[str, int]]) -> None:
    order = new_order(world)
    for kind, value in changes:
        counted = [p.id for p in order.payments if not p.voided]
        try:
            if kind == "pay":
                order = record(world, order, value)
            elif kind == "void" and counted:
                order = payments.void_payment(world.uow(), world.admin,
                                              counted[value % len(counted)], "Test")
            elif kind == "price":
                order = orders.adjust_price(world.uow(), world.admin, order.id, order.version,
                                            eur(value))
        except ValidationError:
            pass  # more than is left to pay, or a price below what is paid: nothing changed
        price, paid, outstanding = stored_money(world, order.id)
        assert (price, paid) == (order.total.minor, order.paid.minor)
        assert outstanding == price - paid == order.balance.minor
