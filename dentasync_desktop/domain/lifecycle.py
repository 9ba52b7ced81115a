"""The order lifecycle as one table: (status, action) -> next status.

Services refuse what the table refuses; the GUI reads the same table to enable its buttons.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import error_text
from .actions import Action
from .enums import OrderStatus
from .errors import LifecycleError

S = OrderStatus
A = Action

FORWARD: tuple[OrderStatus, ...] = (
    S.DRAFT, S.PUBLISHED, S.IN_PRODUCTION, S.PRODUCED, S.SHIPPED, S.DELIVERED, S.COMPLETED,
)
OPEN = frozenset(FORWARD[:-1])  # everything before Completed, i.e. what can still be cancelled
NOT_CANCELLED = frozenset(FORWARD)
ALL = frozenset(OrderStatus)

# Steps that move the order: action -> {from: to}.
TRANSITIONS: dict[Action, dict[OrderStatus, OrderStatus]] = {
    A.PUBLISH: {S.DRAFT: S.PUBLISHED},
    A.START_PRODUCTION: {S.PUBLISHED: S.IN_PRODUCTION},
    A.PRODUCE: {S.IN_PRODUCTION: S.PRODUCED},
    A.SHIP: {S.PRODUCED: S.SHIPPED},
    A.DELIVER: {S.SHIPPED: S.DELIVERED},
    A.COMPLETE: {S.DELIVERED: S.COMPLETED},
    A.CANCEL: {status: S.CANCELLED for status in OPEN},
    A.REOPEN: {S.CANCELLED: S.DRAFT, S.COMPLETED: S.DELIVERED},
    A.MOVE_BACK: {FORWARD[i]: FORWARD[i - 1] for i in range(1, len(FORWARD) - 1)},
}

# Actions that keep the status: action -> statuses where it is allowed.
ALLOWED_IN: dict[Action, frozenset[OrderStatus]] = {
    A.EDIT: frozenset({S.DRAFT, S.PUBLISHED, S.IN_PRODUCTION, S.PRODUCED}),
    A.CHANGE_CUSTOMER: OPEN,
    A.PLAN_WORK: frozenset({S.DRAFT, S.PUBLISHED, S.IN_PRODUCTION}),
    A.WORK_TASKS: frozenset({S.DRAFT, S.PUBLISHED, S.IN_PRODUCTION}),
    A.COPY: ALL,
    # Calculating pay is allowed from Draft, as the product documentation lists it there;
    # locking a record for good waits until the work is really under way.
    A.PAYROLL: NOT_CANCELLED,
    A.FINALIZE_PAYROLL: frozenset({S.IN_PRODUCTION, S.PRODUCED, S.SHIPPED, S.DELIVERED,
                                   S.COMPLETED}),
    A.PRINT: ALL,
    A.UPDATE_DUE_DATE: frozenset({S.DRAFT, S.PUBLISHED, S.IN_PRODUCTION, S.PRODUCED, S.SHIPPED}),
    A.PAYMENT_INSTRUCTIONS: NOT_CANCELLED,
    A.ADJUST_PRICE: OPEN,
    A.HOLD: frozenset({S.DRAFT, S.PUBLISHED, S.IN_PRODUCTION, S.PRODUCED, S.SHIPPED}),
    A.MARK_REMAKE: OPEN,
    A.ADD_PAYMENT: NOT_CANCELLED,
    A.VOID_PAYMENT: NOT_CANCELLED,
    A.PAYMENT_PLAN: NOT_CANCELLED,
    A.EVENTS: NOT_CANCELLED,
    A.ATTACHMENTS: NOT_CANCELLED,
    A.COMMENT: NOT_CANCELLED,
    # Only an order created by mistake; anything further along is cancelled instead.
    A.DELETE_ORDER: frozenset({S.DRAFT}),
}

# Moving forward while the order is on hold is refused; going back, cancelling and the rest are not.
BLOCKED_BY_HOLD = frozenset(
    {A.PUBLISH, A.START_PRODUCTION, A.PRODUCE, A.SHIP, A.DELIVER, A.COMPLETE}
)

# The one primary "next step" per status, for the big button on the order detail.
NEXT_STEP: dict[OrderStatus, Action] = {
    S.DRAFT: A.PUBLISH,
    S.PUBLISHED: A.START_PRODUCTION,
    S.IN_PRODUCTION: A.PRODUCE,
    S.PRODUCED: A.SHIP,
    S.SHIPPED: A.DELIVER,
    S.DELIVERED: A.COMPLETE,
}


@dataclass(frozen=True, slots=True)
class Verdict:
    allowed: bool
    code: str = ""  # why not, as an error code of domain/error_text.py
    params: dict[str, str] = field(default_factory=dict)
    next_status: OrderStatus | None = None

    @property
    def reason(self) -> str:
        """Why not, as an English sentence."""
        return error_text.render(self.code, self.params) if self.code else ""


def _not_possible(action: Action, status: OrderStatus) -> Verdict:
    return Verdict(False, "lifecycle.not_possible",
                   {"action": action.value, "status": status.value})


def is_empty(item_count: int, total_minor: int) -> bool:
    """Nothing to make and nothing to charge: such an order may be saved, not sent to a lab."""
    return item_count == 0 and total_minor == 0


def verdict(
    status: OrderStatus, action: Action, on_hold: bool = False, empty: bool = False
) -> Verdict:
    """Whether ``action`` may run on an order in ``status``; why not, in words, if it may not.

    ``empty`` is :func:`is_empty` of the order.
    """
    if action in TRANSITIONS:
        target = TRANSITIONS[action].get(status)
        if target is None:
            return _not_possible(action, status)
        if on_hold and action in BLOCKED_BY_HOLD:
            return Verdict(False, "lifecycle.on_hold")
        if empty and action is A.PUBLISH:
            return Verdict(False, "lifecycle.empty_order")
        return Verdict(True, next_status=target)
    allowed_in = ALLOWED_IN.get(action)
    if allowed_in is None:
        return Verdict(True)  # not an order action: only permissions decide
    if status not in allowed_in:
        if action is A.DELETE_ORDER:
            return Verdict(False, "lifecycle.not_deletable", {"status": status.value})
        return _not_possible(action, status)
    return Verdict(True)


def require(
    status: OrderStatus, action: Action, on_hold: bool = False, empty: bool = False
) -> OrderStatus | None:
    """Raise LifecycleError unless allowed; returns the next status for transitions."""
    result = verdict(status, action, on_hold, empty)
    if not result.allowed:
        raise LifecycleError(code=result.code, params=result.params)
    return result.next_status
