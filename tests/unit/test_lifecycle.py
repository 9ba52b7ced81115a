"""The lifecycle table, pinned cell by cell: every status x every action."""

from __future__ import annotations

import pytest

from dentasync_desktop.domain import lifecycle
from dentasync_desktop.domain.actions import Action
from dentasync_desktop.domain.enums import OrderStatus
from dentasync_desktop.domain.errors import LifecycleError

S, A = OrderStatus, Action

# Columns, in this order, for the grids below.
STATUSES = (S.DRAFT, S.PUBLISHED, S.IN_PRODUCTION, S.PRODUCED, S.SHIPPED, S.DELIVERED,
            S.COMPLETED, S.CANCELLED)

# Where each lifecycle step leads from each status (None: refused).
_ = None
MOVES: dict[Action, tuple[OrderStatus | None, ...]] = {
    A.PUBLISH: (S.PUBLISHED, _, _, _, _, _, _, _),
    A.START_PRODUCTION: (_, S.IN_PRODUCTION, _, _, _, _, _, _),
    A.PRODUCE: (_, _, S.PRODUCED, _, _, _, _, _),
    A.SHIP: (_, _, _, S.SHIPPED, _, _, _, _),
    A.DELIVER: (_, _, _, _, S.DELIVERED, _, _, _),
    A.COMPLETE: (_, _, _, _, _, S.COMPLETED, _, _),
    A.CANCEL: (S.CANCELLED,) * 6 + (_, _),
    A.REOPEN: (_, _, _, _, _, _, S.DELIVERED, S.DRAFT),
    A.MOVE_BACK: (_, S.DRAFT, S.PUBLISHED, S.IN_PRODUCTION, S.PRODUCED, S.SHIPPED, _, _),
}

# Actions that keep the status: 1 = allowed in that column's status.
KEEPS: dict[Action, str] = {
    A.EDIT: "11110000",
    A.CHANGE_CUSTOMER: "11111100",
    A.PLAN_WORK: "11100000",
    A.WORK_TASKS: "11100000",
    A.COPY: "11111111",
    A.PAYROLL: "11111110",  # "Calculate salary" is listed among a Draft order's actions
    A.FINALIZE_PAYROLL: "00111110",
    A.PRINT: "11111111",
    A.UPDATE_DUE_DATE: "11111000",
    A.PAYMENT_INSTRUCTIONS: "11111110",
    A.ADJUST_PRICE: "11111100",
    A.HOLD: "11111000",
    A.MARK_REMAKE: "11111100",
    A.ADD_PAYMENT: "11111110",
    A.VOID_PAYMENT: "11111110",
    A.PAYMENT_PLAN: "11111110",
    A.EVENTS: "11111110",
    A.ATTACHMENTS: "11111110",
    A.COMMENT: "11111110",
    A.DELETE_ORDER: "10000000",  # anything further along is cancelled instead
}

# Not about one order: the lifecycle never refuses them, only permissions do.
OUTSIDE_ORDERS = {A.CREATE_ORDER, A.VIEW_FINANCE, A.MANAGE_CLIENTS, A.MANAGE_CATALOGUE,
                  A.MANAGE_USERS, A.MANAGE_SETTINGS, A.BACKUP, A.RESTORE,
                  A.CHOOSE_DATABASE}

FORWARD_STEPS = {A.PUBLISH, A.START_PRODUCTION, A.PRODUCE, A.SHIP, A.DELIVER, A.COMPLETE}


def expected(status: OrderStatus, action: Action) -> tuple[bool, OrderStatus | None]:
    column = STATUSES.index(status)
    if action in MOVES:
        target = MOVES[action][column]
        return target is not None, target
    if action in KEEPS:
        return KEEPS[action][column] == "1", None
    return True, None


def test_the_grids_cover_every_action() -> None:
    assert set(MOVES) | set(KEEPS) | OUTSIDE_ORDERS == set(Action)
    assert len(STATUSES) == len(set(OrderStatus))


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("status", list(OrderStatus))
def test_every_status_and_action(status: OrderStatus, action: Action) -> None:
    allowed, target = expected(status, action)
    verdict = lifecycle.verdict(status, action)
    assert (verdict.allowed, verdict.next_status) == (allowed, target)
    if allowed:
        assert lifecycle.require(status, action) == target
    else:
        assert status.label.lower() in verdict.reason
        with pytest.raises(LifecycleError) as info:
            lifecycle.require(status, action)
        assert info.value.message[0].isupper() and info.value.message.endswith(".")


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("status", list(OrderStatus))
def test_hold_blocks_only_forward_steps(status: OrderStatus, action: Action) -> None:
    allowed, target = expected(status, action)
    verdict = lifecycle.verdict(status, action, on_hold=True)
    if action in FORWARD_STEPS and allowed:
        assert not verdict.allowed
        assert "on hold" in verdict.reason
        with pytest.raises(LifecycleError, match=r"^The order is on hold"):
            lifecycle.require(status, action, on_hold=True)
    else:
        # Cancel, reopen, move back and every non-moving action ignore the hold.
        assert (verdict.allowed, verdict.next_status) == (allowed, target)


def test_next_step_walks_the_forward_path() -> None:
    status = S.DRAFT
    walked = [status]
    while status in lifecycle.NEXT_STEP:
        status = lifecycle.require(status, lifecycle.NEXT_STEP[status])  # type: ignore[assignment]
        walked.append(status)
    assert walked == list(lifecycle.FORWARD)
    assert S.CANCELLED not in lifecycle.NEXT_STEP


def test_move_back_then_forward_returns_to_the_same_status() -> None:
    for status in (S.PUBLISHED, S.IN_PRODUCTION, S.PRODUCED, S.SHIPPED, S.DELIVERED):
        back = lifecycle.require(status, A.MOVE_BACK)
        assert back is not None
        assert lifecycle.require(back, lifecycle.NEXT_STEP[back]) == status
