"""The change bus: what a committed unit of work changed, told to whoever listens.

How it flows:

* A write service records what it changes on its unit of work, inside the ``with uow`` block::

      uow.announce(ChangeKind.EVENT, (event.id,), order_id=order.id, actor_id=actor.user_id)

  Every ``activity.record`` call already does this for its entity, so a service that writes an
  activity entry announces without further code. Services that change something without an
  activity entry (preferences, remembered print sections) call ``uow.announce`` themselves.
* ``UnitOfWork.commit`` publishes the collected changes to the ``ChangeBus`` only after the
  database commit succeeded, as one batch per transaction. A rollback (or an exception before
  commit) publishes nothing.
* Listeners subscribe with ``bus.subscribe(callback)``; the callback gets a
  ``tuple[Change, ...]`` (one transaction) and is called on the thread that committed, which is
  usually a worker thread. The GUI therefore never subscribes directly: it uses
  ``gui.changes.ChangeRelay``, which re-emits each batch as a Qt signal on the GUI thread.

The bus knows nothing of Qt or of the database, and ``publish`` may be called from any thread.
On PostgreSQL it is also fed by the other PCs: a committing unit of work sends its changes as
``encode``d JSON with NOTIFY in the same transaction, and a listener (db.notify, started by
``Database.follow_other_pcs``) ``decode``s what other processes sent and publishes it here.
Each bus has an ``origin`` id so a process skips its own notifications, which its bus has
published already.
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

log = logging.getLogger(__name__)


class ChangeKind(StrEnum):
    ORDER = "order"
    PAYMENT = "payment"  # payments and payment plans
    EVENT = "event"
    ATTACHMENT = "attachment"
    COMMENT = "comment"
    WORKPLAN = "workplan"
    PAYROLL = "payroll"
    LAB = "lab"
    CUSTOMER = "customer"
    PATIENT = "patient"
    SERVICE = "service"
    STAFF = "staff"
    USER = "user"
    SETTINGS = "settings"
    REMINDER = "reminder"


MASTER_DATA = frozenset({ChangeKind.LAB, ChangeKind.CUSTOMER, ChangeKind.PATIENT,
                         ChangeKind.SERVICE, ChangeKind.STAFF, ChangeKind.USER})
"""Kinds a master-data page lists."""

ORDER_PARTS = frozenset({ChangeKind.ORDER, ChangeKind.PAYMENT, ChangeKind.EVENT,
                         ChangeKind.ATTACHMENT, ChangeKind.COMMENT, ChangeKind.WORKPLAN,
                         ChangeKind.PAYROLL})
"""Kinds that belong to one order (their Change carries its order_id)."""

# The activity log's entity names, so ``activity.record`` can announce what it logs.
_BY_ENTITY = {
    "work_order": ChangeKind.ORDER,
    "payment": ChangeKind.PAYMENT,
    "payment_plan": ChangeKind.PAYMENT,
    "event": ChangeKind.EVENT,
    "attachment": ChangeKind.ATTACHMENT,
    "comment": ChangeKind.COMMENT,
    "work_task": ChangeKind.WORKPLAN,
    "payroll": ChangeKind.PAYROLL,
    "dental_lab": ChangeKind.LAB,
    "customer": ChangeKind.CUSTOMER,
    "patient": ChangeKind.PATIENT,
    "service": ChangeKind.SERVICE,
    "staff": ChangeKind.STAFF,
    "user": ChangeKind.USER,
    "settings": ChangeKind.SETTINGS,
    "reminder": ChangeKind.REMINDER,
}


def kind_of_entity(entity: str) -> ChangeKind:
    """The kind for an activity-log entity name; an unknown name is a programming error."""
    return _BY_ENTITY[entity]


@dataclass(frozen=True)
class Change:
    """One thing a committed transaction changed.

    ``ids`` are the ids of the changed rows of ``kind`` (empty when not known or not
    meaningful, e.g. settings); ``order_id`` is the order they belong to, if any (for an
    ORDER change it equals the order's id); ``actor_id`` is the user who made it.
    """

    kind: ChangeKind
    ids: tuple[int, ...] = ()
    order_id: int | None = None
    actor_id: int | None = None


Subscriber = Callable[[tuple[Change, ...]], None]


class ChangeBus:
    """Thread-safe publish/subscribe of committed changes; see the module docstring."""

    def __init__(self) -> None:
        self.origin = uuid.uuid4().hex
        self._lock = threading.Lock()
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> Callable[[], None]:
        """Call ``subscriber`` with each published batch; returns the matching unsubscribe."""
        with self._lock:
            self._subscribers.append(subscriber)
        return lambda: self.unsubscribe(subscriber)

    def unsubscribe(self, subscriber: Subscriber) -> None:
        with self._lock:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

    def publish(self, changes: Iterable[Change]) -> None:
        """Tell every subscriber about ``changes`` (one batch), from whatever thread calls.

        A failing subscriber is logged and skipped: the data is committed already, and one
        broken listener must not keep the others (or the service's caller) from going on.
        """
        batch = tuple(dict.fromkeys(changes))  # drop duplicates, keep the order
        if not batch:
            return
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            try:
                subscriber(batch)
            except Exception:
                log.exception("change subscriber %r failed", subscriber)


def encode(origin: str, changes: Iterable[Change], limit: int) -> list[str]:
    """``changes`` as JSON payloads of at most ``limit`` bytes each, tagged with ``origin``.

    A batch too large for one payload is split over several (a change with very many ids
    into several changes with fewer); they are sent in one transaction, so they arrive together.
    """
    pending = list(dict.fromkeys(changes))
    payloads: list[str] = []
    chunk: list[Change] = []
    while pending:
        change = pending.pop(0)
        if len(_payload(origin, [*chunk, change]).encode()) <= limit:
            chunk.append(change)
        elif chunk:
            payloads.append(_payload(origin, chunk))
            chunk = []
            pending.insert(0, change)
        else:
            assert len(change.ids) > 1, "a change with at most one id always fits"
            half = len(change.ids) // 2
            pending[:0] = [replace(change, ids=change.ids[:half]),
                           replace(change, ids=change.ids[half:])]
    if chunk:
        payloads.append(_payload(origin, chunk))
    return payloads


def _payload(origin: str, changes: list[Change]) -> str:
    rows = [[c.kind.value, list(c.ids), c.order_id, c.actor_id] for c in changes]
    return json.dumps({"origin": origin, "changes": rows}, separators=(",", ":"))


def decode(payload: str) -> tuple[str, tuple[Change, ...]]:
    """The origin and changes of an ``encode``d payload; ValueError when it is not one (a
    newer version's kind this one does not know, say)."""
    try:
        data = json.loads(payload)
        changes = tuple(
            Change(ChangeKind(kind), tuple(int(i) for i in ids),
                   None if order_id is None else int(order_id),
                   None if actor_id is None else int(actor_id))
            for kind, ids, order_id, actor_id in data["changes"])
        return str(data["origin"]), changes
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"not a change notification: {payload[:200]!r}") from error


def relay_from_others(bus: ChangeBus) -> Callable[[str], None]:
    """A notification handler that publishes other processes' changes on ``bus``."""

    def receive(payload: str) -> None:
        try:
            origin, changes = decode(payload)
        except ValueError:
            log.warning("ignored a change notification", exc_info=True)
            return
        if origin != bus.origin:
            bus.publish(changes)

    return receive
