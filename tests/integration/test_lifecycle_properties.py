"""Property: random sequences of lifecycle actions, applied through the services, only ever make
the moves domain.lifecycle allows, and a refused action leaves the order as it was."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dentasync_desktop.domain import lifecycle
from dentasync_desktop.domain.actions import Action
from dentasync_desktop.domain.dto import OrderDetail
from dentasync_desktop.domain.enums import OrderStatus, TaskStatus
from dentasync_desktop.domain.errors import LifecycleError, ValidationError
from dentasync_desktop.services import orders, workplan
from dentasync_desktop.services.order_detail import get_order

from ..factories import World
from .helpers import new_order

Step = Callable[[World, OrderDetail], OrderDetail]


def _simple(service: Callable[..., OrderDetail]) -> Step:
    return lambda w, o: service(w.uow(), w.admin, o.id, o.version)


STEPS: dict[str, Step] = {
    "publish": _simple(orders.publish),
    "start_production": _simple(orders.start_production),
    "produce": _simple(orders.produce),
    "ship": lambda w, o: orders.ship(w.uow(), w.admin, o.id, o.version, "DHL 0042"),
    "deliver": _simple(orders.deliver),
    "complete": _simple(orders.complete),
    "cancel": lambda w, o: orders.cancel(w.uow(), w.admin, o.id, o.version, "Changed plan"),
    "reopen": _simple(orders.reopen),
    "move_back": lambda w, o: orders.move_back(w.uow(), w.admin, o.id, o.version, "Redo"),
    "hold_on": lambda w, o: orders.set_hold(w.uow(), w.admin, o.id, o.version, True, "Wait"),
    "hold_off": lambda w, o: orders.set_hold(w.uow(), w.admin, o.id, o.version, False),
    "add_task": lambda w, o: workplan.add_task(w.uow(), w.admin, o.id, "Check fit"),
    "tick_task": lambda w, o: workplan.set_task_done(w.uow(), w.admin, _task_to_tick(o), True),
}


def _task_to_tick(order: OrderDetail) -> int:
    """An open task if there is one; else a done one, which the service must refuse."""
    open_ids = [t.id for t in order.tasks if t.status is TaskStatus.TODO]
    return (open_ids or [t.id for t in order.tasks])[0]


@dataclass
class Model:
    """What the lifecycle table says the order should look like."""

    status: OrderStatus = OrderStatus.DRAFT
    on_hold: bool = False
    open_tasks: int = 0

    def predict(self, name: str) -> Model | None:
        """The state after ``name``, or None when the services must refuse it."""
        if name in ("hold_on", "hold_off"):
            wanted = name == "hold_on"
            allowed = self.status in lifecycle.ALLOWED_IN[Action.HOLD] and self.on_hold != wanted
            return Model(self.status, wanted, self.open_tasks) if allowed else None
        if name == "add_task":
            if self.status not in lifecycle.ALLOWED_IN[Action.PLAN_WORK]:
                return None
            return Model(self.status, self.on_hold, self.open_tasks + 1)
        if name == "tick_task":
            if self.status not in lifecycle.ALLOWED_IN[Action.WORK_TASKS] or not self.open_tasks:
                return None
            return Model(self.status, self.on_hold, self.open_tasks - 1)
        action = Action(name)
        target = lifecycle.TRANSITIONS[action].get(self.status)
        if target is None or (self.on_hold and action in lifecycle.BLOCKED_BY_HOLD):
            return None
        if action is Action.PRODUCE and self.open_tasks:
            return None
        return Model(target, self.on_hold, self.open_tasks)


def observed(order: OrderDetail) -> Model:
    return Model(order.status, order.on_hold, order.open_tasks)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
# "next" (the big button's step, or reopen at the end) keeps sequences reaching the late statuses.
@given(names=st.lists(st.one_of(st.just("next"), st.sampled_from(sorted(STEPS))),
                      min_size=1, max_size=15))
def test_services_follow_the_lifecycle_table(world: World, names: list[str]) -> None:
    order = new_order(world)
    model = Model()
    for name in names:
        if name == "next":
            step = lifecycle.NEXT_STEP.get(model.status)
            name = step.value if step else "reopen"
        if name == "tick_task" and not order.tasks:
            continue  # nothing to tick at all
        expected = model.predict(name)
        try:
            after = STEPS[name](world, order)
        except (LifecycleError, ValidationError) as refusal:
            assert expected is None, f"{name} refused in {model}: {refusal.message}"
            reloaded = get_order(world.uow(), world.admin, order.id)
            assert observed(reloaded) == model
            assert reloaded.version == order.version
            continue
        assert expected is not None, f"{name} was allowed in {model}"
        assert observed(after) == expected
        if after.status != order.status:
            moved_by = [a for a, table in lifecycle.TRANSITIONS.items()
                        if table.get(order.status) == after.status]
            assert Action(name) in moved_by
        assert after.version > order.version
        order, model = after, expected
