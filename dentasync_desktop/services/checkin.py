"""Scan to check in: a box label's order number marks a Shipped order Delivered, with an undo.

How the GUI uses it: in "Check in" mode each scan (the scanner types the number and Enter) calls
``check_in(uow, actor, scanned_text)``; show a toast "WO-000123 delivered" with Undo, which
calls ``undo_check_in(uow, actor, detail.id, detail.version)`` with the OrderDetail the check-in
returned (a Move back with the reason "check-in undone"; the Deliver permission suffices).
Refusals arrive as the usual typed errors with their message: ValidationError for text that is
no order number, NotFound for an unknown number, LifecycleError for an order that is not
Shipped ("Deliver is not possible for an order that is in production."), PermissionDenied,
ConcurrencyError. Outside check-in mode a scan only opens the order: ``order_id_for_scan``.
Lenient input: "WO-000123", "wo000123", "wo 123", "123", with spaces around.
"""

from __future__ import annotations

from sqlalchemy import select

from ..db.models import WorkOrder
from ..domain.actions import Action
from ..domain.dto import Actor, OrderDetail
from ..domain.errors import NotFound
from ..domain.numbers import parse_number
from . import orders
from .guards import authorize, signed_in
from .unit_of_work import UnitOfWork

UNDO_REASON = "check-in undone"


def order_id_for_scan(uow: UnitOfWork, actor: Actor, number_text: str) -> int:
    """The id of the order whose number was scanned or typed; NotFound if there is none."""
    number = parse_number(number_text)
    with uow.reading():
        signed_in(uow, actor)
        order_id = uow.session.scalar(select(WorkOrder.id).where(WorkOrder.number == number))
    if order_id is None:
        raise NotFound(code="no_order", params={"number": number})
    return order_id


def check_in(uow: UnitOfWork, actor: Actor, number_text: str) -> OrderDetail:
    """Mark the scanned order Delivered through the order's own Deliver step."""
    with uow.reading():
        authorize(uow, actor, Action.DELIVER)
    order_id = order_id_for_scan(uow, actor, number_text)
    with uow.reading():
        version = uow.session.scalar(select(WorkOrder.version).where(WorkOrder.id == order_id))
    assert version is not None
    return orders.deliver(uow, actor, order_id, version)


def undo_check_in(
    uow: UnitOfWork, actor: Actor, order_id: int, expected_version: int
) -> OrderDetail:
    """Back to Shipped as a Move back with the reason UNDO_REASON; needs the Deliver permission."""
    return orders.undo_delivery(uow, actor, order_id, expected_version, UNDO_REASON)
