"""Scan to check in: lenient numbers, only Shipped orders, undo back to Shipped."""

from __future__ import annotations

from dentasync_desktop.domain.dto import OrderDetail
from dentasync_desktop.domain.enums import OrderStatus, Role
from dentasync_desktop.domain.errors import LifecycleError, NotFound, ValidationError
from dentasync_desktop.services import checkin, orders

from ..factories import World
from .helpers import last_activity, new_order, one_activity, refused


def shipped(world: World) -> OrderDetail:
    order = new_order(world)
    for step in (orders.publish, orders.start_production):
        order = step(world.uow(), world.admin, order.id, order.version)
    order = orders.produce(world.uow(), world.admin, order.id, order.version)
    return orders.ship(world.uow(), world.admin, order.id, order.version, "DHL 1")


def test_scans_in_any_spelling_deliver_a_shipped_order(world: World) -> None:
    desk = world.actors[Role.FRONT_DESK]
    order = shipped(world)
    for scanned in ("WO-000001", "wo000001", "wo 1", " 1 "):
        assert checkin.order_id_for_scan(world.uow(), desk, scanned) == order.id
    with one_activity(world, order.id):
        delivered = checkin.check_in(world.uow(), desk, "wo000001\n")
    assert delivered.status is OrderStatus.DELIVERED
    assert last_activity(world).action == "deliver"
    with one_activity(world, order.id):
        back = checkin.undo_check_in(world.uow(), desk, delivered.id, delivered.version)
    assert back.status is OrderStatus.SHIPPED
    entry = last_activity(world)
    assert entry.action == "move_back" and "check-in undone" in entry.after
    with refused(world, LifecycleError, "not delivered: there is no delivery to undo"):
        checkin.undo_check_in(world.uow(), desk, back.id, back.version)


def test_refuses_orders_that_are_not_shipped_and_unknown_numbers(world: World) -> None:
    desk = world.actors[Role.FRONT_DESK]
    order = new_order(world)
    order = orders.publish(world.uow(), world.admin, order.id, order.version)
    with refused(world, LifecycleError, "^Deliver is not possible for an order that is "
                                        "published"):
        checkin.check_in(world.uow(), desk, "WO-000001")
    with refused(world, NotFound, "There is no order WO-000042"):
        checkin.check_in(world.uow(), desk, "42")
    with refused(world, ValidationError, "^Number: 'hello' is not an order number"):
        checkin.check_in(world.uow(), desk, "hello")
