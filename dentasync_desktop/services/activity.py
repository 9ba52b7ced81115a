"""Writing the activity log: called inside the same unit of work as the change it records."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from ..db.models import ActivityEntry
from ..domain.dto import Actor
from .changes import kind_of_entity
from .guards import signed_in
from .unit_of_work import UnitOfWork


def _plain(value: object) -> str:
    # Dates and times as ISO text, so every reader parses them back the same way.
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


# One encoder for every entry: json.dumps with options builds a new one per call, a third of
# the cost of the seeder's 28 entries per order.
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=_plain).encode


def dump(values: Mapping[str, Any] | None) -> str:
    """The JSON of a log entry's before/after values or parameters (empty when there are none)."""
    if not values:
        return ""
    return _ENCODE(values)


def record(
    uow: UnitOfWork,
    actor: Actor,
    action: str,
    code: str,
    params: Mapping[str, Any] | None = None,
    *,
    entity: str = "work_order",
    entity_id: int | None = None,
    order_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """Log a change ``actor`` makes and announce it on the change bus (published when the unit
    of work commits); writes that skipped a permission check are refused here.

    ``code`` and ``params`` say what happened (see documents/activity_text.py); readers put
    them into words in their own language.
    """
    signed_in(uow, actor)
    uow.announce(kind_of_entity(entity), () if entity_id is None else (entity_id,),
                 order_id, actor.user_id)
    add_entry(uow, actor.user_id, actor.full_name or actor.username, action, code, params,
              entity=entity, entity_id=entity_id, order_id=order_id, before=before, after=after)


def add_entry(
    uow: UnitOfWork,
    actor_id: int | None,
    actor_name: str,
    action: str,
    code: str,
    params: Mapping[str, Any] | None = None,
    *,
    entity: str = "work_order",
    entity_id: int | None = None,
    order_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """An entry with no signed-in user behind it, such as a failed sign-in."""
    uow.session.add(
        ActivityEntry(
            at=uow.now(),
            actor_id=actor_id,
            actor_name=actor_name[:200],
            action=action,
            entity=entity,
            entity_id=entity_id,
            order_id=order_id,
            code=code,
            params=dump(params),
            summary="",
            before=dump(before),
            after=dump(after),
        )
    )


def changes(old: dict[str, Any], new: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that differ, as (before, after)."""
    keys = [k for k in new if old.get(k) != new.get(k)]
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}
