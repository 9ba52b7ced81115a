"""A new order brings its payment plan and work plan along: one unit of work, logged like the
separate actions, refused as a whole with the field named as the new-order form shows it."""

from __future__ import annotations

from datetime import date

import pytest

from dentasync_desktop.domain.dto import PaymentPlanInput, TaskInput
from dentasync_desktop.domain.enums import IntervalUnit, PaymentMethod, Role, TaskStatus
from dentasync_desktop.domain.errors import PermissionDenied, ValidationError
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services import activity_log, orders

from ..factories import World
from .helpers import refused

PLAN = PaymentPlanInput(Money(50000, "EUR"), PaymentMethod.BANK_TRANSFER, 2, date(2026, 12, 1),
                        1, IntervalUnit.MONTHS)


def test_a_new_order_is_saved_with_its_payment_plan_and_work_plan(world: World) -> None:
    order = orders.create_order(world.uow(), world.admin, world.order_input(
        payment_plan=PLAN,
        tasks=(TaskInput("Model", world.staff_id, date(2026, 11, 4)),
               TaskInput("Framework"))))
    assert order.plan is not None
    assert [i.amount for i in order.plan.installments] == [Money(25000, "EUR")] * 2
    assert order.plan.method is PaymentMethod.BANK_TRANSFER
    assert [(t.position, t.name, t.assignee_id, t.due_date, t.status) for t in order.tasks] == [
        (1, "Model", world.staff_id, date(2026, 11, 4), TaskStatus.TODO),
        (2, "Framework", None, None, TaskStatus.TODO)]
    assert order.payment_method is PaymentMethod.BANK_TRANSFER
    codes = [e.code for e in activity_log.order_activity(world.uow(), world.admin, order.id)]
    assert sorted(codes) == ["order.created", "payment_plan.set", "task.added", "task.added"]


def test_without_plans_a_new_order_is_created_as_before(world: World) -> None:
    order = orders.create_order(world.uow(), world.admin, world.order_input())
    assert (order.plan, order.tasks) == (None, ())


@pytest.mark.parametrize(("plan", "tasks", "field"), [
    (PaymentPlanInput(Money(90000, "EUR"), PaymentMethod.CASH, 1, date(2026, 12, 1)), (),
     "payment plan amount"),
    (PaymentPlanInput(Money(50000, "EUR"), PaymentMethod.CASH, 2, None), (),
     "payment plan first due date"),
    (PaymentPlanInput(Money(50000, "EUR"), PaymentMethod.CASH, 0, date(2026, 12, 1)), (),
     "payment plan installments"),
    (None, (TaskInput("Model"), TaskInput("  ")), "task 2 name"),
    (None, (TaskInput("Model", due_date=date(2026, 10, 1)),), "task 1 due date"),
    (None, (TaskInput("Model", assignee_id=987_654),), "task 1 assignee"),
])
def test_a_refused_plan_or_task_refuses_the_order_and_names_the_field(
        world: World, plan: PaymentPlanInput | None, tasks: tuple[TaskInput, ...],
        field: str) -> None:
    data = world.order_input(payment_plan=plan, tasks=tasks)
    with refused(world, ValidationError) as caught:
        orders.create_order(world.uow(), world.admin, data)
    assert isinstance(caught.value, ValidationError)
    assert caught.value.field == field
    assert caught.value.message.startswith(f"{field[0].upper()}{field[1:]}: ")


def test_too_many_tasks_refuse_the_order_naming_the_work_plan(world: World) -> None:
    tasks = tuple(TaskInput(f"Task {n}") for n in range(orders.MAX_ITEMS + 1))
    with refused(world, ValidationError) as caught:
        orders.create_order(world.uow(), world.admin, world.order_input(tasks=tasks))
    error = caught.value
    assert isinstance(error, ValidationError)
    assert (error.field, error.code, error.params) == (
        "work plan", "too_many_tasks", {"limit": orders.MAX_ITEMS})
    assert error.in_words("en") == f"Work plan: At most {orders.MAX_ITEMS} tasks per order."
    assert error.in_words("de") == (
        f"Arbeitsplan: Höchstens {orders.MAX_ITEMS} Aufgaben je Auftrag.")


def test_a_role_that_may_not_plan_work_cannot_create_an_order_with_tasks(world: World) -> None:
    desk = world.actors[Role.FRONT_DESK]
    with refused(world, PermissionDenied):
        orders.create_order(world.uow(), desk, world.order_input(tasks=(TaskInput("Model"),)))
    order = orders.create_order(world.uow(), desk, world.order_input(payment_plan=PLAN))
    assert order.plan is not None
