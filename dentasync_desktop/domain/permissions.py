"""Who may do what: role x action. Checked in services; the GUI only mirrors it."""

from __future__ import annotations

from .actions import Action
from .enums import Role
from .errors import PermissionDenied

A = Action

_FRONT_DESK = frozenset({
    A.CREATE_ORDER, A.EDIT, A.CHANGE_CUSTOMER, A.COPY, A.PRINT, A.CANCEL, A.UPDATE_DUE_DATE,
    A.PAYMENT_INSTRUCTIONS, A.PUBLISH, A.DELIVER, A.COMPLETE, A.REOPEN, A.HOLD, A.MARK_REMAKE,
    A.ADD_PAYMENT, A.VOID_PAYMENT, A.PAYMENT_PLAN, A.EVENTS, A.ATTACHMENTS, A.COMMENT,
    A.VIEW_FINANCE, A.MANAGE_CLIENTS, A.BACKUP,
})

_TECHNICIAN = frozenset({
    A.WORK_TASKS, A.PRINT, A.START_PRODUCTION, A.PRODUCE, A.ATTACHMENTS, A.COMMENT, A.EVENTS,
})

# Which database the data folder uses decides whose data everyone sees: like a restore.
_MANAGER = frozenset(Action) - {A.MANAGE_USERS, A.RESTORE, A.CHOOSE_DATABASE}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset(Action),
    Role.MANAGER: _MANAGER,
    Role.FRONT_DESK: _FRONT_DESK,
    Role.TECHNICIAN: _TECHNICIAN,
}


def allows(role: Role, action: Action) -> bool:
    return action in PERMISSIONS[role]


def require(role: Role, action: Action) -> None:
    if not allows(role, action):
        raise PermissionDenied(code="not_allowed",
                               params={"role": role.value, "action": action.value})
