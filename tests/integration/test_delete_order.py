"""Deleting an order created by mistake: only a Draft with no history, by a role allowed to."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from dentasync_desktop.db.models import ActivityEntry, WorkOrder
from dentasync_desktop.domain.dto import PaymentInput
from dentasync_desktop.domain.enums import PaymentMethod, Role
from dentasync_desktop.domain.errors import (
    ConcurrencyError,
    LifecycleError,
    NotFound,
    PermissionDenied,
)
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services import comments, orders, payments
from dentasync_desktop.services.order_detail import get_order

from ..factories import World
from .helpers import entry_text, last_activity, new_order, refused


def order_entries(world: World, order_id: int) -> list[ActivityEntry]:
    with world.uow().reading() as uow:
        entries = list(uow.session.scalars(
            select(ActivityEntry).where(ActivityEntry.order_id == order_id)
            .order_by(ActivityEntry.id)))
        uow.session.expunge_all()
        return entries


def test_a_fresh_draft_is_deleted_and_leaves_a_tombstone(world: World) -> None:
    order = new_order(world)
    orders.update_due_date(world.uow(), world.admin, order.id, order.version, date(2026, 12, 1))
    order = get_order(world.uow(), world.admin, order.id)
    orders.delete_order(world.uow(), world.actors[Role.MANAGER], order.id, order.version)

    with pytest.raises(NotFound):
        get_order(world.uow(), world.admin, order.id)
    entries = order_entries(world, order.id)
    assert [e.code for e in entries] == ["order.created", "order.due_date_changed",
                                         "order.deleted"]
    tombstone = last_activity(world)
    assert entry_text(tombstone) == (
        "Deleted WO-000001 (Anna Schäfer, Zahntechnik Müller GmbH, €500.00)")
    assert tombstone.actor_id == world.actors[Role.MANAGER].user_id
    assert json.loads(tombstone.before)["number"] == 1


def test_neither_the_number_nor_the_id_comes_back(world: World) -> None:
    first = new_order(world)
    doomed = new_order(world)
    orders.delete_order(world.uow(), world.admin, doomed.id, doomed.version)
    after = new_order(world)
    assert after.number == doomed.number + 1
    assert after.id > doomed.id > first.id
    # The new order's history is its own: nothing of the deleted one shows up in it.
    assert [e.code for e in order_entries(world, after.id)] == ["order.created"]


def test_a_published_order_is_refused_with_the_way_out(world: World) -> None:
    order = new_order(world)
    order = orders.publish(world.uow(), world.admin, order.id, order.version)
    with refused(world, LifecycleError, "Only a draft can be deleted.*cancel it instead"):
        orders.delete_order(world.uow(), world.admin, order.id, order.version)


def test_a_draft_with_a_payment_or_a_comment_is_refused(world: World) -> None:
    paid = new_order(world)
    paid = payments.record_payment(world.uow(), world.admin, paid.id, PaymentInput(
        paid_on=date(2026, 11, 20), amount=Money(2000, "EUR"), method=PaymentMethod.CASH))
    with refused(world, LifecycleError, "already has payments: cancel it instead"):
        orders.delete_order(world.uow(), world.admin, paid.id, paid.version)
    talked = new_order(world)
    talked = comments.add_comment(world.uow(), world.admin, talked.id, "Patient will call")
    with refused(world, LifecycleError, "comments"):
        orders.delete_order(world.uow(), world.admin, talked.id, talked.version)


def test_a_copied_draft_is_refused(world: World) -> None:
    order = new_order(world)
    orders.copy_order(world.uow(), world.admin, order.id)
    order = get_order(world.uow(), world.admin, order.id)
    with refused(world, LifecycleError, "copies or remakes"):
        orders.delete_order(world.uow(), world.admin, order.id, order.version)


def test_only_roles_allowed_to_and_only_the_current_version(world: World) -> None:
    order = new_order(world)
    for role in (Role.FRONT_DESK, Role.TECHNICIAN):
        with refused(world, PermissionDenied):
            orders.delete_order(world.uow(), world.actors[role], order.id, order.version)
    with refused(world, ConcurrencyError):
        orders.delete_order(world.uow(), world.admin, order.id, order.version - 1)
    with world.uow().reading() as uow:
        assert uow.session.get(WorkOrder, order.id) is not None
