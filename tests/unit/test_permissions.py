"""The permission table, pinned role by role and action by action."""

from __future__ import annotations

import pytest

from dentasync_desktop.domain import permissions
from dentasync_desktop.domain.actions import Action
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.errors import PermissionDenied

A = Action

# What each role may NOT do; everything else it may.
DENIED: dict[Role, set[Action]] = {
    Role.ADMIN: set(),
    Role.MANAGER: {A.MANAGE_USERS, A.RESTORE, A.CHOOSE_DATABASE},
    Role.FRONT_DESK: {
        A.START_PRODUCTION, A.PRODUCE, A.SHIP, A.MOVE_BACK, A.PLAN_WORK, A.WORK_TASKS,
        A.PAYROLL, A.FINALIZE_PAYROLL, A.ADJUST_PRICE, A.MANAGE_CATALOGUE, A.MANAGE_USERS,
        A.MANAGE_SETTINGS, A.RESTORE, A.CHOOSE_DATABASE, A.DELETE_ORDER,
    },
    Role.TECHNICIAN: set(Action) - {
        A.WORK_TASKS, A.PRINT, A.START_PRODUCTION, A.PRODUCE, A.ATTACHMENTS, A.COMMENT,
        A.EVENTS,
    },
}


def test_every_role_is_in_the_table() -> None:
    assert set(permissions.PERMISSIONS) == set(Role) == set(DENIED)


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("role", list(Role))
def test_every_role_and_action(role: Role, action: Action) -> None:
    allowed = action not in DENIED[role]
    assert permissions.allows(role, action) is allowed
    if allowed:
        permissions.require(role, action)
    else:
        with pytest.raises(PermissionDenied) as info:
            permissions.require(role, action)
        assert info.value.message == (
            f"Your role ({role.label}) does not allow this action: {action.label}.")


def test_only_admins_manage_users_restore_and_choose_the_database() -> None:
    for action in (A.MANAGE_USERS, A.RESTORE, A.CHOOSE_DATABASE):
        assert [r for r in Role if permissions.allows(r, action)] == [Role.ADMIN]


def test_technicians_touch_no_money() -> None:
    money = {A.ADD_PAYMENT, A.VOID_PAYMENT, A.PAYMENT_PLAN, A.ADJUST_PRICE, A.PAYROLL,
             A.FINALIZE_PAYROLL, A.VIEW_FINANCE}
    assert not any(permissions.allows(Role.TECHNICIAN, a) for a in money)


def test_messages_read_well() -> None:
    with pytest.raises(PermissionDenied, match=r"^Your role \(Front desk\) does not allow this "
                                               r"action: Tick work-plan tasks\.$"):
        permissions.require(Role.FRONT_DESK, A.WORK_TASKS)
