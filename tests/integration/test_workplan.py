"""Work plan services: automatic planning from templates, manual tasks, ticking them done."""

from __future__ import annotations

from datetime import date

from dentasync_desktop.db.models import Service, Staff, TaskTemplate
from dentasync_desktop.domain.dto import ItemInput, OrderDetail
from dentasync_desktop.domain.enums import OrderStatus, Role, TaskStatus
from dentasync_desktop.domain.errors import (
    LifecycleError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services import orders, workplan

from ..conftest import FIXED_NOW
from ..factories import World
from .helpers import entry_text, last_activity, new_order, one_activity, refused


def add_staff(world: World, name: str, active: bool = True) -> int:
    with world.uow() as uow:
        staff = Staff(name=name, active=active)
        uow.session.add(staff)
        uow.commit()
        return staff.id


def add_service(world: World, code: str, templates: list[tuple[str, int]]) -> int:
    with world.uow() as uow:
        service = Service(code=code, name=code, unit_price_minor=1000, currency="EUR")
        service.task_templates = [TaskTemplate(position=i, name=name, days_offset=days)
                                  for i, (name, days) in enumerate(templates, start=1)]
        uow.session.add(service)
        uow.commit()
        return service.id


def item(service_id: int | None, description: str = "Work") -> ItemInput:
    return ItemInput(description=description, quantity=1, unit_price=Money(1000, "EUR"),
                     service_id=service_id)


def names(detail: OrderDetail) -> list[str]:
    return [t.name for t in detail.tasks]


def with_tasks(world: World, *task_names: str) -> OrderDetail:
    order = new_order(world)
    for name in task_names:
        order = workplan.add_task(world.uow(), world.admin, order.id, name)
    return order


# --- plan automatically -----------------------------------------------------------------------


def test_plan_automatically_follows_item_then_template_order(world: World) -> None:
    scan = add_service(world, "SCAN", [("Scan", 0), ("Model", 2)])
    order = new_order(world, documented_at=date(2026, 11, 2),
                      items=(item(scan), item(None), item(world.service_id)))
    with one_activity(world, order.id):
        planned = workplan.plan_automatically(world.uow(), world.admin, order.id)
    # "Model" appears in both services and is planned once, from the first item.
    assert names(planned) == ["Scan", "Model", "Framework", "Ceramic layering"]
    assert [t.position for t in planned.tasks] == [1, 2, 3, 4]
    assert [t.due_date for t in planned.tasks] == [
        date(2026, 11, 2), date(2026, 11, 4), date(2026, 11, 5), date(2026, 11, 7)]
    assert all(t.status is TaskStatus.TODO for t in planned.tasks)
    assert planned.version > order.version


def test_plan_automatically_skips_tasks_already_present(world: World) -> None:
    order = with_tasks(world, "framework")
    planned = workplan.plan_automatically(world.uow(), world.admin, order.id)
    assert names(planned) == ["framework", "Model", "Ceramic layering"]
    with refused(world, ValidationError, "Work plan: Nothing to plan: every template"):
        workplan.plan_automatically(world.uow(), world.admin, order.id)


def test_plan_automatically_refusals_change_nothing(world: World) -> None:
    bare = new_order(world, items=(item(None),))
    with refused(world, ValidationError, "none of the order's services has task templates"):
        workplan.plan_automatically(world.uow(), world.admin, bare.id)
    order = new_order(world)
    with refused(world, PermissionDenied, "Front desk"):
        workplan.plan_automatically(world.uow(), world.actors[Role.FRONT_DESK], order.id)
    order = orders.cancel(world.uow(), world.admin, order.id, order.version, "Patient moved")
    with refused(world, LifecycleError, "cancelled"):
        workplan.plan_automatically(world.uow(), world.admin, order.id)
    with refused(world, NotFound):
        workplan.plan_automatically(world.uow(), world.admin, 9999)


# --- manual tasks ------------------------------------------------------------------------------


def test_add_task_appends_with_assignee_and_due_date(world: World) -> None:
    order = with_tasks(world, "Model")
    with one_activity(world, order.id):
        order = workplan.add_task(world.uow(), world.actors[Role.MANAGER], order.id,
                                  "  Polish  ", world.staff_id, date(2026, 11, 6))
    task = order.tasks[-1]
    assert (task.position, task.name, task.assignee_name, task.due_date) == (
        2, "Polish", "Tom Technician", date(2026, 11, 6))
    entry = last_activity(world)
    assert (entry.action, entry.entity, entry.entity_id) == ("add_task", "work_task", task.id)
    assert "Polish" in entry_text(entry) and "Tom Technician" in entry.after


def test_add_task_refusals_name_the_field(world: World) -> None:
    order = new_order(world)
    retired = add_staff(world, "Rita Retired", active=False)
    with refused(world, ValidationError, "^Task name: Required"):
        workplan.add_task(world.uow(), world.admin, order.id, "   ")
    with refused(world, ValidationError, "^Task name: Too long"):
        workplan.add_task(world.uow(), world.admin, order.id, "x" * 201)
    with refused(world, ValidationError, "^Assignee: "):
        workplan.add_task(world.uow(), world.admin, order.id, "Model", retired)
    with refused(world, ValidationError, "^Assignee: "):
        workplan.add_task(world.uow(), world.admin, order.id, "Model", 9999)
    with refused(world, ValidationError, "^Due date: Cannot be before"):
        workplan.add_task(world.uow(), world.admin, order.id, "Model", None, date(2026, 1, 1))
    with refused(world, PermissionDenied):
        workplan.add_task(world.uow(), world.actors[Role.TECHNICIAN], order.id, "Model")


def test_edit_task_changes_fields_and_logs_the_difference(world: World) -> None:
    order = with_tasks(world, "Model")
    task_id = order.tasks[0].id
    with one_activity(world, order.id):
        order = workplan.edit_task(world.uow(), world.admin, task_id, "Stone model",
                                   world.staff_id, date(2026, 11, 3))
    task = order.tasks[0]
    assert (task.name, task.assignee_id, task.due_date) == (
        "Stone model", world.staff_id, date(2026, 11, 3))
    entry = last_activity(world)
    assert '"name": "Model"' in entry.before
    assert "status" not in entry.after
    with refused(world, ValidationError, "^Task name"):
        workplan.edit_task(world.uow(), world.admin, task_id, "", None, None)
    with refused(world, ValidationError, "^Due date"):
        workplan.edit_task(world.uow(), world.admin, task_id, "Model", None, date(2025, 1, 1))
    with refused(world, PermissionDenied):
        workplan.edit_task(world.uow(), world.actors[Role.FRONT_DESK], task_id, "M", None, None)
    with refused(world, NotFound, "Work-plan task #9999"):
        workplan.edit_task(world.uow(), world.admin, 9999, "Model", None, None)


def test_move_task_reorders_and_clamps(world: World) -> None:
    order = with_tasks(world, "A", "B", "C", "D")
    d_id, a_id = order.tasks[3].id, order.tasks[0].id
    with one_activity(world, order.id):
        order = workplan.move_task(world.uow(), world.admin, d_id, -10)
    assert names(order) == ["D", "A", "B", "C"]
    assert [t.position for t in order.tasks] == [1, 2, 3, 4]
    order = workplan.move_task(world.uow(), world.admin, a_id, 2)
    assert names(order) == ["D", "B", "C", "A"]
    with refused(world, ValidationError, "^Position: The task is already last"):
        workplan.move_task(world.uow(), world.admin, a_id, 1)
    with refused(world, ValidationError, "^Position: The task is already first"):
        workplan.move_task(world.uow(), world.admin, d_id, -1)
    with refused(world, PermissionDenied):
        workplan.move_task(world.uow(), world.actors[Role.TECHNICIAN], a_id, -1)


def test_assign_task_and_unassign(world: World) -> None:
    order = with_tasks(world, "Model")
    task_id = order.tasks[0].id
    with one_activity(world, order.id):
        order = workplan.assign_task(world.uow(), world.admin, task_id, world.staff_id)
    assert order.tasks[0].assignee_name == "Tom Technician"
    with refused(world, ValidationError, "^Assignee: The task is already assigned to Tom"):
        workplan.assign_task(world.uow(), world.admin, task_id, world.staff_id)
    retired = add_staff(world, "Rita Retired", active=False)
    with refused(world, ValidationError, "^Assignee: Choose an active staff member"):
        workplan.assign_task(world.uow(), world.admin, task_id, retired)
    with one_activity(world, order.id):
        order = workplan.assign_task(world.uow(), world.admin, task_id, None)
    assert order.tasks[0].assignee_id is None
    with refused(world, ValidationError, "already unassigned"):
        workplan.assign_task(world.uow(), world.admin, task_id, None)


def test_technician_ticks_tasks_and_produce_needs_them_done(world: World) -> None:
    tech = world.actors[Role.TECHNICIAN]
    order = with_tasks(world, "Model", "Framework")
    order = orders.publish(world.uow(), world.admin, order.id, order.version)
    order = orders.start_production(world.uow(), tech, order.id, order.version)
    with refused(world, LifecycleError, "2 work-plan task"):
        orders.produce(world.uow(), tech, order.id, order.version)
    for task in order.tasks:
        with one_activity(world, order.id):
            order = workplan.set_task_done(world.uow(), tech, task.id, True)
    assert all(t.status is TaskStatus.DONE and t.done_at == FIXED_NOW for t in order.tasks)
    assert order.open_tasks == 0
    first = order.tasks[0].id
    with refused(world, ValidationError, "^Done: The task is already done"):
        workplan.set_task_done(world.uow(), tech, first, True)
    order = workplan.set_task_done(world.uow(), tech, first, False)
    assert (order.tasks[0].status, order.tasks[0].done_at) == (TaskStatus.TODO, None)
    order = workplan.set_task_done(world.uow(), tech, first, True)
    order = orders.produce(world.uow(), tech, order.id, order.version)
    assert order.status is OrderStatus.PRODUCED
    # A produced order's plan is closed: neither ticking nor planning is allowed any more.
    with refused(world, LifecycleError, "produced"):
        workplan.set_task_done(world.uow(), tech, first, False)
    with refused(world, LifecycleError, "produced"):
        workplan.add_task(world.uow(), world.admin, order.id, "Extra")


def test_front_desk_cannot_tick_tasks(world: World) -> None:
    order = with_tasks(world, "Model")
    with refused(world, PermissionDenied, "Tick work-plan tasks"):
        workplan.set_task_done(world.uow(), world.actors[Role.FRONT_DESK], order.tasks[0].id,
                               True)


def test_remove_task_renumbers_and_logs_what_it_was(world: World) -> None:
    order = with_tasks(world, "A", "B", "C")
    with one_activity(world, order.id):
        order = workplan.remove_task(world.uow(), world.admin, order.tasks[1].id)
    assert names(order) == ["A", "C"]
    assert [t.position for t in order.tasks] == [1, 2]
    entry = last_activity(world)
    assert entry.action == "remove_task"
    assert '"name": "B"' in entry.before
    with refused(world, PermissionDenied):
        workplan.remove_task(world.uow(), world.actors[Role.TECHNICIAN], order.tasks[0].id)


def test_move_by_nothing_is_refused(world: World) -> None:
    order = with_tasks(world, "A", "B")
    with refused(world, ValidationError, "already where it is"):
        workplan.move_task(world.uow(), world.admin, order.tasks[0].id, 0)


def test_the_plan_of_a_cancelled_order_is_frozen(world: World) -> None:
    order = with_tasks(world, "A", "B")
    first, second = (t.id for t in order.tasks)
    with refused(world, PermissionDenied):
        workplan.assign_task(world.uow(), world.actors[Role.TECHNICIAN], first, world.staff_id)
    order = orders.cancel(world.uow(), world.admin, order.id, order.version, "Duplicate")
    attempts = [
        lambda: workplan.edit_task(world.uow(), world.admin, first, "A2", None, None),
        lambda: workplan.move_task(world.uow(), world.admin, second, -1),
        lambda: workplan.assign_task(world.uow(), world.admin, first, world.staff_id),
        lambda: workplan.set_task_done(world.uow(), world.admin, first, True),
        lambda: workplan.remove_task(world.uow(), world.admin, first),
        lambda: workplan.add_task(world.uow(), world.admin, order.id, "C"),
    ]
    for attempt in attempts:
        with refused(world, LifecycleError, "cancelled"):
            attempt()
