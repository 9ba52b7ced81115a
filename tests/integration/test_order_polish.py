"""Issue 13 on the services: empty orders stay unpublished, no-op edits leave no trace."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from dentasync_desktop.domain.actions import Action
from dentasync_desktop.domain.dto import EventInput, PaymentPlanInput
from dentasync_desktop.domain.enums import EventKind, OrderStatus, PaymentMethod
from dentasync_desktop.domain.errors import LifecycleError
from dentasync_desktop.domain.lifecycle import verdict
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services import comments, events, orders, payments, payroll, workplan

from ..factories import World
from .helpers import db_state, last_activity, new_order, refused


def test_an_empty_order_saves_but_does_not_publish(world: World) -> None:
    order = new_order(world, items=())
    assert order.total == Money(0, "EUR")
    with refused(world, LifecycleError, match="no items and a total of 0.00"):
        orders.publish(world.uow(), world.admin, order.id, order.version)
    reason = verdict(OrderStatus.DRAFT, Action.PUBLISH, empty=True).reason
    assert "before publishing" in reason


def test_an_order_with_items_or_a_price_publishes(world: World) -> None:
    priced = new_order(world, items=())
    priced = orders.adjust_price(world.uow(), world.admin, priced.id, priced.version,
                                 Money(1000, "EUR"))
    published = orders.publish(world.uow(), world.admin, priced.id, priced.version)
    assert published.status is OrderStatus.PUBLISHED
    order = new_order(world)
    assert orders.publish(world.uow(), world.admin, order.id,
                          order.version).status is OrderStatus.PUBLISHED


def test_ok_without_a_change_leaves_no_trace(world: World) -> None:
    order = new_order(world)
    before = db_state(world)
    for _ in range(3):
        same = orders.update_due_date(world.uow(), world.admin, order.id, order.version,
                                      order.due_date)
        assert same.version == order.version
    same = orders.edit_order(world.uow(), world.admin, order.id, order.version,
                             world.order_input())
    assert same.version == order.version
    same = orders.adjust_price(world.uow(), world.admin, order.id, order.version, order.total)
    assert same.version == order.version
    assert db_state(world) == before


def test_a_real_change_is_still_saved_and_logged(world: World) -> None:
    order = new_order(world)
    assert order.due_date is not None
    later = orders.update_due_date(world.uow(), world.admin, order.id, order.version,
                                   order.due_date + timedelta(days=1))
    assert later.version == order.version + 1
    edited = orders.edit_order(world.uow(), world.admin, later.id, later.version,
                               world.order_input(shade="A3"))
    assert edited.shade == "A3" and edited.version > later.version


def test_saving_an_unchanged_task_or_payroll_record_leaves_no_trace(world: World) -> None:
    order = new_order(world)
    order = workplan.add_task(world.uow(), world.admin, order.id, "Model", world.staff_id,
                              order.due_date)
    order = payroll.add_payroll(world.uow(), world.admin, order.id, world.staff_id,
                                Money(5_000, "EUR"), "night shift")
    task, record = order.tasks[0], order.payroll[0]
    before = db_state(world)
    same = workplan.edit_task(world.uow(), world.admin, task.id, task.name, world.staff_id,
                              task.due_date)
    assert same.version == order.version
    same = payroll.edit_payroll(world.uow(), world.admin, record.id, world.staff_id,
                                Money(5_000, "EUR"), "night shift")
    assert same.version == order.version
    assert db_state(world) == before


def test_a_created_order_is_logged_with_names_not_ids(world: World) -> None:
    order = new_order(world)
    entry = last_activity(world)
    after = json.loads(entry.after)
    assert not [key for key in after if key.endswith("_id")]
    assert (after["lab"], after["customer"], after["patient"]) == (
        order.lab.name, order.customer.name, order.patient.full_name)


def test_saving_the_same_payment_plan_again_leaves_no_trace(world: World) -> None:
    order = new_order(world)
    plan = PaymentPlanInput(amount=Money(40000, "EUR"), method=PaymentMethod.CASH,
                            first_due_date=date(2026, 12, 1), installments=3, interval=1)
    order = payments.set_payment_plan(world.uow(), world.admin, order.id, plan)
    before = db_state(world)
    same = payments.set_payment_plan(world.uow(), world.admin, order.id, plan)
    assert same.version == order.version
    assert db_state(world) == before
    changed = payments.set_payment_plan(world.uow(), world.admin, order.id,
                                        replace(plan, installments=4))
    assert changed.plan is not None and len(changed.plan.installments) == 4


def test_saving_an_unchanged_event_or_comment_leaves_no_trace(world: World) -> None:
    order = new_order(world)
    data = EventInput(kind=EventKind.TRY_IN, starts_at=datetime(2026, 11, 24, 9, tzinfo=UTC),
                      duration_minutes=30, reminder_minutes=60, note="Bring shade")
    saved = events.add_event(world.uow(), world.admin, order.id, data)
    order = comments.add_comment(world.uow(), world.admin, order.id, "Call first")
    event, comment = saved.event, order.comments[0]
    before = db_state(world)
    again = events.edit_event(world.uow(), world.admin, event.id, data, event.version)
    assert again.event.version == event.version
    comments.edit_comment(world.uow(), world.admin, comment.id, "Call first")
    assert db_state(world) == before
