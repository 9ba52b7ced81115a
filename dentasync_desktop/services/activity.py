"""Writing the activity log: called inside the same unit of work as the change it records."""

from __future__ import annotations

import json
from typing import Any

from ..db.models import ActivityEntry
from ..domain.dto import Actor
from .changes import kind_of_entity
from .unit_of_work import UnitOfWork


def _dump(values: dict[str, Any] | None) -> str:
    if not values:
        return ""
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)


def record(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    summary: str,
    *,
    entity: str = "work_order",
    entity_id: int | None = None,
    order_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Log one action and announce it on the change bus (published when the uow commits)."""
    uow.announce(kind_of_entity(entity), () if entity_id is None else (entity_id,),
                 order_id, actor.user_id)
    uow.session.add(
        ActivityEntry(
            at=uow.now(),
            actor_id=actor.user_id,
            actor_name=actor.full_name or actor.username,
            action=action,
            entity=entity,
            entity_id=entity_id,
            order_id=order_id,
            summary=summary,
            before=_dump(before),
            after=_dump(after),
        )
    )


def changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that differ, as (before, after)."""
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}
