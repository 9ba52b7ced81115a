"""Order lifecycle services on a real, migrated SQLite file."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from dentasync_desktop.db.models import ActivityEntry, WorkOrder
from dentasync_desktop.domain.dto import ItemInput, PaymentInput, PaymentPlanInput
from dentasync_desktop.domain.enums import OrderStatus, PaymentMethod, Role
from dentasync_desktop.domain.errors import (
    ConcurrencyError,
    LifecycleError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services import activity_log, comments, orders, payments
from dentasync_desktop.services.order_detail import find_order_id, get_order

from ..factories import World
from .helpers import refused


def activity_count(world: World, order_id: int | None = None) -> int:
    with world.uow() as uow:
        query = select(func.count(ActivityEntry.id))
        if order_id is not None:
            query = query.where(ActivityEntry.order_id == order_id)
        return uow.session.scalar(query) or 0


def test_create_assigns_sequential_numbers_and_records_activity(world: World) -> None:
    first = orders.create_order(world.uow(), world.admin, world.order_input())
    second = orders.create_order(world.uow(), world.admin, world.order_input())
    assert (first.number, second.number) == (1, 2)
    assert first.number_text == "WO-000001"
    assert first.status is OrderStatus.DRAFT
    assert first.total == Money(50000, "EUR")
    assert first.patient.full_name == "Anna Schäfer"
    assert activity_count(world, first.id) == 1
    assert find_order_id(world.uow(), world.admin, "wo-000002") == second.id


def test_walks_the_whole_lifecycle(world: World) -> None:
    order = orders.create_order(world.uow(), world.admin, world.order_input())
    order = orders.publish(world.uow(), world.admin, order.id, order.version)
    order = orders.start_production(world.uow(), world.admin, order.id, order.version)
    order = orders.produce(world.uow(), world.admin, order.id, order.version)
    order = orders.ship(world.uow(), world.admin, order.id, order.version, "DHL 123")
    order = orders.deliver(world.uow(), world.admin, order.id, order.version)
    order = orders.complete(world.uow(), world.admin, order.id, order.version)
    assert order.status is OrderStatus.COMPLETED
    assert order.tracking_number == "DHL 123"
    order = orders.reopen(world.uow(), world.admin, order.id, order.version)
    assert order.status is OrderStatus.DELIVERED
    assert activity_count(world, order.id) == 8


def test_refusals_change_nothing(world: World) -> None:
    order = orders.create_order(world.uow(), world.admin, world.order_input())
    before = activity_count(world)
    with pytest.raises(LifecycleError):
        orders.deliver(world.uow(), world.admin, order.id, order.version)
    with pytest.raises(PermissionDenied):
        orders.publish(world.uow(), world.actors[Role.TECHNICIAN], order.id, order.version)
    with pytest.raises(ValidationError, match=r"(?i)reason"):
        orders.cancel(world.uow(), world.admin, order.id, order.version, "  ")
    with pytest.raises(ValidationError, match=r"(?i)due date"):
        orders.update_due_date(world.uow(), world.admin, order.id, order.version, date(2020, 1, 1))
    assert activity_count(world) == before
    assert get_order(world.uow(), world.admin, order.id).status is OrderStatus.DRAFT


def test_stale_version_is_refused(world: World) -> None:
    order = orders.create_order(world.uow(), world.admin, world.order_input())
    orders.update_due_date(world.uow(), world.admin, order.id, order.version, date(2026, 12, 24))
    with pytest.raises(ConcurrencyError, match="Someone else changed"):
        orders.publish(world.uow(), world.admin, order.id, order.version)


def test_copy_makes_a_new_draft_with_source(world: World) -> None:
    order = orders.create_order(world.uow(), world.admin, world.order_input())
    order = orders.publish(world.uow(), world.admin, order.id, order.version)
    copy = orders.copy_order(world.uow(), world.admin, order.id)
    assert copy.status is OrderStatus.DRAFT
    assert copy.number == order.number + 1
    assert copy.copied_from_number == order.number
    assert [i.description for i in copy.items] == [i.description for i in order.items]
    with world.uow() as uow:
        assert uow.session.scalar(select(func.count(WorkOrder.id))) == 2


def test_price_cannot_drop_below_payments_or_plan(world: World) -> None:
    order = orders.create_order(world.uow(), world.admin, world.order_input())
    order = payments.record_payment(world.uow(), world.admin, order.id, PaymentInput(
        paid_on=date(2026, 11, 20), amount=Money(20000, "EUR"), method=PaymentMethod.CASH))
    with refused(world, ValidationError, r"^Price: The total €100.00 would be below what is "
                                         r"already paid \(€200.00\)"):
        orders.adjust_price(world.uow(), world.admin, order.id, order.version,
                            Money(10000, "EUR"))
    cheaper = world.order_input(items=(ItemInput(description="Crown", quantity=1,
                                                 unit_price=Money(15000, "EUR")),))
    with refused(world, ValidationError, "^Items: The total €150.00 would be below"):
        orders.edit_order(world.uow(), world.admin, order.id, order.version, cheaper)
    order = payments.set_payment_plan(world.uow(), world.admin, order.id, PaymentPlanInput(
        amount=Money(40000, "EUR"), method=PaymentMethod.CASH, first_due_date=date(2026, 12, 1)))
    with refused(world, ValidationError, r"below the payment plan \(€400.00\)"):
        orders.adjust_price(world.uow(), world.admin, order.id, order.version,
                            Money(30000, "EUR"))
    order = orders.adjust_price(world.uow(), world.admin, order.id, order.version,
                                Money(40000, "EUR"))
    assert (order.total, order.balance) == (Money(40000, "EUR"), Money(20000, "EUR"))


def test_order_activity_is_newest_first(world: World) -> None:
    order = orders.create_order(world.uow(), world.admin, world.order_input())
    other = orders.create_order(world.uow(), world.admin, world.order_input())
    order = orders.publish(world.uow(), world.admin, order.id, order.version)
    comments.add_comment(world.uow(), world.actors[Role.TECHNICIAN], order.id, "Scan received")
    history = activity_log.order_activity(world.uow(), world.admin, order.id)
    assert [(e.action, e.actor_name) for e in history] == [
        ("add_comment", "Technician User"), ("publish", "Admin User"), ("create", "Admin User")]
    assert history[1].before == '{"status": "draft"}'
    assert all(e.order_id == order.id for e in history)
    assert [e.action for e in activity_log.order_activity(world.uow(), world.admin, other.id)] \
        == ["create"]
    with pytest.raises(NotFound):
        activity_log.order_activity(world.uow(), world.admin, 999)


def test_a_new_order_and_a_copy_start_at_version_one(world: World) -> None:
    order = orders.create_order(world.uow(), world.admin, world.order_input())
    copy = orders.copy_order(world.uow(), world.admin, order.id)
    assert (order.version, copy.version) == (1, 1)
    with world.uow() as uow:
        texts = uow.session.scalars(select(WorkOrder.search_text)).all()
    assert all("schafer" in text and "wo-00000" in text for text in texts)
