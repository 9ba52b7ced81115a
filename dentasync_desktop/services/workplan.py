"""Work plan of an order: tasks planned from the services' templates or by hand, then ticked."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from ..db.models import Service, Staff, TaskTemplate, WorkOrder, WorkTask
from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import Actor, OrderDetail, TaskInput
from ..domain.enums import TaskStatus
from ..domain.errors import ValidationError
from . import activity
from .guards import authorize, find, get, order_for, touch
from .order_detail import load_detail
from .unit_of_work import UnitOfWork

TASK_NAME_LIMIT = 200


def _task_for(
    uow: UnitOfWork, actor: Actor, task_id: int, action: Action
) -> tuple[WorkTask, WorkOrder]:
    task = get(uow, WorkTask, task_id, "Work-plan task")
    order, _ = order_for(uow, actor, task.order_id, action)
    return task, order


def _assignee(uow: UnitOfWork, assignee_id: int | None) -> Staff | None:
    if assignee_id is None:
        return None
    staff = find(uow, Staff, assignee_id)
    if staff is None or not staff.active:
        raise ValidationError("assignee", code="inactive_staff")
    return staff


def _current_assignee(uow: UnitOfWork, task: WorkTask) -> Staff | None:
    return uow.session.get(Staff, task.assignee_id) if task.assignee_id else None


def _due(due_date: date | None, order: WorkOrder) -> date | None:
    validation.in_range(due_date, "due date")
    validation.due_not_before(due_date, order.documented_at)
    return due_date


def _snapshot(task: WorkTask, assignee: Staff | None) -> dict[str, object]:
    return {"name": task.name, "assignee": assignee.name if assignee else None,
            "due_date": task.due_date, "status": task.status.value}


def _record(uow: UnitOfWork, actor: Actor, action: str, code: str, order: WorkOrder,
            task: WorkTask | None = None, params: dict[str, object] | None = None,
            **values: dict[str, object] | None) -> None:
    touch(uow, order)
    named = {"task": task.name} if task else {}
    activity.record(uow, actor, action, code, {"order": order.number, **named, **(params or {})},
                    entity="work_task", entity_id=task.id if task else None, order_id=order.id,
                    **values)


def _next_position(order: WorkOrder) -> int:
    return max((task.position for task in order.tasks), default=0) + 1


def _reorder(order: WorkOrder, tasks: list[WorkTask]) -> None:
    """Give ``tasks`` the positions 1..n; the loaded collection follows, as the detail reads it."""
    for position, task in enumerate(tasks, start=1):
        task.position = position
    order.tasks = tasks


def plan_automatically(uow: UnitOfWork, actor: Actor, order_id: int) -> OrderDetail:
    """Append the template tasks of every item's service, item by item, template by template."""
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.PLAN_WORK)
        service_ids = [item.service_id for item in order.items if item.service_id is not None]
        templates_of: dict[int, list[TaskTemplate]] = {
            service.id: list(service.task_templates)
            for service in uow.session.scalars(select(Service).where(Service.id.in_(service_ids)))
        }
        if not any(templates_of.values()):
            raise ValidationError("work plan", code="no_templates")
        present = {task.name.casefold() for task in order.tasks}
        added: list[str] = []
        for service_id in service_ids:
            for template in templates_of.get(service_id, []):
                if template.name.casefold() in present:
                    continue
                present.add(template.name.casefold())
                order.tasks.append(WorkTask(
                    position=_next_position(order), name=template.name, status=TaskStatus.TODO,
                    due_date=order.documented_at + timedelta(days=template.days_offset)))
                added.append(template.name)
        if not added:
            raise ValidationError("work plan", code="all_planned")
        _record(uow, actor, "plan_work", "task.planned", order, params={"count": len(added)},
                after={"tasks": added})
        uow.commit()
        return load_detail(uow, order_id)


def add_task(
    uow: UnitOfWork, actor: Actor, order_id: int, name: str, assignee_id: int | None = None,
    due_date: date | None = None,
) -> OrderDetail:
    with uow:
        order, _ = order_for(uow, actor, order_id, Action.PLAN_WORK)
        append_task(uow, actor, order, TaskInput(name, assignee_id, due_date))
        uow.commit()
        return load_detail(uow, order_id)


def append_task(uow: UnitOfWork, actor: Actor, order: WorkOrder, data: TaskInput) -> None:
    """Check ``data`` and add it at the end of ``order``'s plan, logged, inside the caller's
    unit of work: adding a task and creating an order with a work plan share it."""
    authorize(uow, actor, Action.PLAN_WORK)
    clean_name = validation.required(data.name, "task name", TASK_NAME_LIMIT)
    due = _due(data.due_date, order)
    assignee = _assignee(uow, data.assignee_id)
    task = WorkTask(position=_next_position(order), name=clean_name,
                    assignee_id=data.assignee_id, status=TaskStatus.TODO, due_date=due)
    order.tasks.append(task)
    uow.session.flush()
    _record(uow, actor, "add_task", "task.added", order, task,
            after=_snapshot(task, assignee))


def edit_task(
    uow: UnitOfWork, actor: Actor, task_id: int, name: str, assignee_id: int | None,
    due_date: date | None,
) -> OrderDetail:
    with uow:
        task, order = _task_for(uow, actor, task_id, Action.PLAN_WORK)
        clean_name = validation.required(name, "task name", TASK_NAME_LIMIT)
        due = _due(due_date, order)
        assignee = _assignee(uow, assignee_id)
        before = _snapshot(task, _current_assignee(uow, task))
        task.name, task.assignee_id, task.due_date = clean_name, assignee_id, due
        old, new = activity.changes(before, _snapshot(task, assignee))
        if not new:
            return load_detail(uow, order.id)
        _record(uow, actor, "edit_task", "task.edited", order, task,
                before=old, after=new)
        uow.commit()
        return load_detail(uow, order.id)


def move_task(uow: UnitOfWork, actor: Actor, task_id: int, delta: int) -> OrderDetail:
    """Move a task ``delta`` places (negative: earlier); stops at the first and last place."""
    validation.whole_number(delta, "position", -10_000, 10_000)
    with uow:
        task, order = _task_for(uow, actor, task_id, Action.PLAN_WORK)
        tasks = sorted(order.tasks, key=lambda t: t.position)
        old_index = tasks.index(task)
        new_index = min(max(old_index + delta, 0), len(tasks) - 1)
        if new_index == old_index:
            raise ValidationError("position", code="task_already_first" if delta < 0 else
                                  "task_already_last" if delta > 0 else "task_already_there")
        tasks.insert(new_index, tasks.pop(old_index))
        _reorder(order, tasks)
        _record(uow, actor, "move_task", "task.moved", order, task,
                params={"position": new_index + 1}, before={"position": old_index + 1},
                after={"position": new_index + 1})
        uow.commit()
        return load_detail(uow, order.id)


def assign_task(
    uow: UnitOfWork, actor: Actor, task_id: int, assignee_id: int | None
) -> OrderDetail:
    with uow:
        task, order = _task_for(uow, actor, task_id, Action.PLAN_WORK)
        old = _current_assignee(uow, task)
        if task.assignee_id == assignee_id:
            raise ValidationError("assignee", code="task_already_assigned",
                                  params={"name": old.name}) if old else ValidationError(
                "assignee", code="task_already_unassigned")
        assignee = _assignee(uow, assignee_id)
        task.assignee_id = assignee_id
        _record(uow, actor, "assign_task", "task.assigned" if assignee else "task.unassigned",
                order, task, params={"assignee": assignee.name} if assignee else None,
                before={"assignee": old.name if old else None},
                after={"assignee": assignee.name if assignee else None})
        uow.commit()
        return load_detail(uow, order.id)


def set_task_done(uow: UnitOfWork, actor: Actor, task_id: int, done: bool) -> OrderDetail:
    with uow:
        task, order = _task_for(uow, actor, task_id, Action.WORK_TASKS)
        status = TaskStatus.DONE if done else TaskStatus.TODO
        if task.status is status:
            raise ValidationError("done", code="task_already_done" if done else "task_already_open")
        task.status, task.done_at = status, uow.now() if done else None
        _record(uow, actor, "task_done" if done else "task_reopened",
                "task.done" if done else "task.reopened", order, task,
                before={"status": (TaskStatus.TODO if done else TaskStatus.DONE).value},
                after={"status": status.value})
        uow.commit()
        return load_detail(uow, order.id)


def remove_task(uow: UnitOfWork, actor: Actor, task_id: int) -> OrderDetail:
    with uow:
        task, order = _task_for(uow, actor, task_id, Action.PLAN_WORK)
        before = _snapshot(task, _current_assignee(uow, task))
        _reorder(order, [t for t in sorted(order.tasks, key=lambda t: t.position) if t is not task])
        _record(uow, actor, "remove_task", "task.removed", order, task,
                before=before)
        uow.commit()
        return load_detail(uow, order.id)
