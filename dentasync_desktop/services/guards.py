"""Checks every service shares: who is acting, permission, existence, version, lifecycle."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import bindparam, select
from sqlalchemy.engine import Dialect
from sqlalchemy.orm.attributes import flag_modified

from ..db.models import Base, User, WorkOrder
from ..db.prepared import Prepared, once_per_kind
from ..domain import lifecycle, permissions, validation
from ..domain.actions import Action
from ..domain.dto import Actor
from ..domain.enums import OrderStatus
from ..domain.errors import ConcurrencyError, NotFound, SessionEnded
from .unit_of_work import UnitOfWork

M = TypeVar("M", bound=Base)


# Every service asks this first: a statement built and compiled once, read as a plain row
# (loading the ORM entity cost more than most list queries).
_users = User.__table__.c


@once_per_kind
def _acting(dialect: Dialect) -> Prepared:
    return Prepared(select(_users.active, _users.role, _users.username).where(
        _users.id == bindparam("id")), dialect)


def signed_in(uow: UnitOfWork, actor: Actor) -> None:
    """Refuse unless ``actor`` is still an active user with the role they signed in with.

    Read again inside the caller's transaction, so a user deactivated or given another role
    while signed in (or an Actor made up in code) cannot act on the old session.
    """
    user = None
    if actor.user_id is not None and validation.fits_sql(actor.user_id):
        connection = uow.connection()
        found = _acting(connection.dialect).rows(connection, {"id": actor.user_id})
        user = found[0] if found else None
    if user is None:
        raise SessionEnded(code="not_signed_in")
    active, role, username = user
    if not active:
        raise SessionEnded(code="signed_out_deactivated", params={"username": username})
    if role is not actor.role:
        raise SessionEnded(code="role_changed", params={"role": role.value})


def authorize(uow: UnitOfWork, actor: Actor, action: Action) -> None:
    """Inside the unit of work: ``actor`` is still signed in and their role allows ``action``."""
    signed_in(uow, actor)
    permissions.require(actor.role, action)


def find(uow: UnitOfWork, model: type[M], entity_id: int) -> M | None:
    """The record, or None; an id SQLite cannot store names no record rather than crashing."""
    return uow.session.get(model, entity_id) if validation.fits_sql(entity_id) else None


def get(uow: UnitOfWork, model: type[M], entity_id: int, label: str) -> M:
    found = find(uow, model, entity_id)
    if found is None:
        raise NotFound(code="record_missing", params={"record": label, "id": entity_id})
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
    authorize(uow, actor, permission or action)
    order = get(uow, WorkOrder, order_id, "Work order")
    if expected_version is not None and order.version != expected_version:
        raise ConcurrencyError(code="stale_order")
    # Only publishing asks, so other actions do not load the items.
    empty = action is Action.PUBLISH and lifecycle.is_empty(len(order.items),
                                                            order.price_total_minor)
    next_status = lifecycle.require(order.status, action, order.on_hold, empty)
    return order, next_status


def touch(uow: UnitOfWork, order: WorkOrder) -> None:
    """Mark the order changed; the version column moves on at flush.

    Flagged explicitly because an unchanged value (a pinned clock, a coarse Windows clock, or a
    change that only touches child rows) would otherwise issue no UPDATE and keep the version.
    """
    order.updated_at = uow.now()
    flag_modified(order, "updated_at")
