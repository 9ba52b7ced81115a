"""Checks every order action shares: permission, existence, version, lifecycle."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm.attributes import flag_modified

from ..db.models import Base, WorkOrder
from ..domain import lifecycle, permissions
from ..domain.actions import Action
from ..domain.dto import Actor
from ..domain.enums import OrderStatus
from ..domain.errors import ConcurrencyError, NotFound
from .unit_of_work import STALE_MESSAGE, UnitOfWork

M = TypeVar("M", bound=Base)


def authorize(actor: Actor, action: Action) -> None:
    permissions.require(actor.role, action)


def get(uow: UnitOfWork, model: type[M], entity_id: int, label: str) -> M:
    found = uow.session.get(model, entity_id)
    if found is None:
        raise NotFound(f"{label} #{entity_id} does not exist")
    return found


def order_for(
    uow: UnitOfWork,
    actor: Actor,
    order_id: int,
    action: Action,
    expected_version: int | None = None,
    permission: Action | None = None,
) -> tuple[WorkOrder, OrderStatus | None]:
    """Load the order and refuse unless ``actor`` may run ``action`` on it now.

    ``permission`` names a different action whose permission suffices (e.g. undoing one's own
    check-in needs Deliver, not Move back). Returns the order and, for lifecycle steps, the
    status it moves to.
    """
    authorize(actor, permission or action)
    order = get(uow, WorkOrder, order_id, "Work order")
    if expected_version is not None and order.version != expected_version:
        raise ConcurrencyError(STALE_MESSAGE)
    next_status = lifecycle.require(order.status, action, order.on_hold)
    return order, next_status


def touch(uow: UnitOfWork, order: WorkOrder) -> None:
    """Mark the order changed; the version column moves on at flush.

    Flagged explicitly because an unchanged value (a pinned clock, a coarse Windows clock, or a
    change that only touches child rows) would otherwise issue no UPDATE and keep the version.
    """
    order.updated_at = uow.now()
    flag_modified(order, "updated_at")
