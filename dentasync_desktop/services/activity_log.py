"""Read side of the activity log: what happened to one order, newest first."""

from __future__ import annotations

from sqlalchemy import select

from ..db.models import ActivityEntry, WorkOrder
from ..documents.activity_text import load_params
from ..domain.dto import ActivityInfo, Actor
from .guards import get, signed_in
from .unit_of_work import UnitOfWork


def order_activity(uow: UnitOfWork, actor: Actor, order_id: int) -> list[ActivityInfo]:
    """Everyone signed in may read an order's history, as they may read the order."""
    with uow.reading():
        signed_in(uow, actor)
        get(uow, WorkOrder, order_id, "Work order")
        return [
            ActivityInfo(id=e.id, at=e.at, actor_name=e.actor_name, action=e.action,
                         entity=e.entity, entity_id=e.entity_id, order_id=e.order_id,
                         summary=e.summary, before=e.before, after=e.after, code=e.code,
                         params=load_params(e.params))
            for e in uow.session.scalars(
                select(ActivityEntry).where(ActivityEntry.order_id == order_id)
                .order_by(ActivityEntry.at.desc(), ActivityEntry.id.desc()))
        ]
