"""User accounts: the first start, signing in, and managing users and passwords."""

from __future__ import annotations

import functools
import re
import secrets
from typing import Any

from sqlalchemy import func, select

from ..db.models import Staff, User
from ..domain import validation
from ..domain.actions import Action
from ..domain.dto import Actor, UserInfo, UserInput
from ..domain.enums import Role
from ..domain.errors import AuthenticationError, PermissionDenied, ValidationError
from . import activity
from .guards import authorize, get
from .mappers import user_info
from .passwords import MIN_LENGTH, hash_password, verify_password
from .unit_of_work import UnitOfWork

SIGN_IN_FAILED = "Unknown user or wrong password."
MAX_PASSWORD_LENGTH = 1024

_USERNAME = re.compile(r"^[a-z0-9._-]{3,50}$")


def _actor(user: User) -> Actor:
    return Actor(user_id=user.id, username=user.username, full_name=user.full_name,
                 role=user.role)


def _snapshot(user: User) -> dict[str, Any]:
    return {"username": user.username, "full_name": user.full_name, "role": user.role,
            "staff_id": user.staff_id}


def _clean_username(value: str) -> str:
    """Usernames are stored in lower case, so "Anna" and "anna" are the same user."""
    username = (value or "").strip().lower()
    if not _USERNAME.match(username):
        raise ValidationError(
            "username", "use 3 to 50 characters: letters a-z, digits, dots, hyphens or "
                        "underscores")
    return username


def _check_password(password: str, field: str) -> None:
    if len(password or "") < MIN_LENGTH:
        raise ValidationError(field, f"must be at least {MIN_LENGTH} characters long")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(field, f"must be at most {MAX_PASSWORD_LENGTH} characters long")


def _clean_role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise ValidationError(
            "role", f"'{role}' is not a role (one of {', '.join(r.value for r in Role)})"
        ) from None


def _find(uow: UnitOfWork, username: str) -> User | None:
    return uow.session.scalar(select(User).where(func.lower(User.username) == username))


def _active_admins(uow: UnitOfWork) -> int:
    return uow.session.scalar(select(func.count(User.id)).where(
        User.role == Role.ADMIN, User.active.is_(True))) or 0


@functools.cache
def _decoy_hash() -> str:
    """A hash to check unknown usernames against, so they take as long as wrong passwords."""
    return hash_password(secrets.token_urlsafe(16))


# --- first start and signing in ---------------------------------------------------------------


def needs_first_admin(uow: UnitOfWork) -> bool:
    """True on a fresh database: the first start asks for an administrator account."""
    with uow:
        return uow.session.scalar(select(User.id).limit(1)) is None


def create_first_admin(uow: UnitOfWork, username: str, full_name: str, password: str) -> Actor:
    """The first account; refused as soon as any user exists. Returns it signed in."""
    name = _clean_username(username)
    full = validation.required(full_name, "full name")
    _check_password(password, "password")
    password_hash = hash_password(password)
    with uow:
        if uow.session.scalar(select(User.id).limit(1)) is not None:
            raise PermissionDenied(
                "An administrator account already exists; sign in, or ask an administrator "
                "to create your account.")
        now = uow.now()
        user = User(username=name, full_name=full, role=Role.ADMIN,
                    password_hash=password_hash, created_at=now, last_login_at=now)
        uow.session.add(user)
        uow.session.flush()
        actor = _actor(user)
        activity.record(uow, actor, "create", f"Created the first administrator {name}",
                        entity="user", entity_id=user.id, after=_snapshot(user))
        uow.commit()
        return actor


def sign_in(uow: UnitOfWork, username: str, password: str) -> Actor:
    """The same message for an unknown user and a wrong password, so neither leaks."""
    name = (username or "").strip().lower()
    with uow:
        user = _find(uow, name) if name else None
        if user is None:
            verify_password(password or "", _decoy_hash())
            raise AuthenticationError(SIGN_IN_FAILED)
        if not verify_password(password or "", user.password_hash):
            raise AuthenticationError(SIGN_IN_FAILED)
        if not user.active:
            raise AuthenticationError(
                f"The account '{user.username}' is deactivated. "
                "Ask an administrator to reactivate it.")
        user.last_login_at = uow.now()
        actor = _actor(user)
        activity.record(uow, actor, "sign_in", f"{user.username} signed in",
                        entity="user", entity_id=user.id)
        uow.commit()
        return actor


# --- managing users ------------------------------------------------------------------------------


def list_users(uow: UnitOfWork, actor: Actor) -> list[UserInfo]:
    authorize(actor, Action.MANAGE_USERS)
    with uow:
        return [user_info(u) for u in uow.session.scalars(select(User).order_by(User.username))]


def save_user(uow: UnitOfWork, actor: Actor, data: UserInput) -> UserInfo:
    """Create (password required) or update a user; an empty password keeps the old one."""
    authorize(actor, Action.MANAGE_USERS)
    username = _clean_username(data.username)
    full_name = validation.required(data.full_name, "full name")
    role = _clean_role(data.role)
    creating = data.id is None
    if creating or data.password:
        _check_password(data.password, "password")
    new_hash = hash_password(data.password) if data.password else None
    with uow:
        taken = _find(uow, username)
        if taken is not None and taken.id != data.id:
            raise ValidationError("username", f"'{username}' is already taken")
        if data.staff_id is not None and uow.session.get(Staff, data.staff_id) is None:
            raise ValidationError("staff", f"staff member #{data.staff_id} does not exist")
        if creating:
            user = User(role=role, created_at=uow.now())
            before: dict[str, Any] = {}
        else:
            user = get(uow, User, data.id, "User")
            if (user.role is Role.ADMIN and role is not Role.ADMIN and user.active
                    and _active_admins(uow) == 1):
                raise ValidationError(
                    "role", f"{user.username} is the last active administrator; make another "
                            "user an administrator first")
            before = _snapshot(user)
        user.username, user.full_name, user.role, user.staff_id = (
            username, full_name, role, data.staff_id)
        if new_hash is not None:
            user.password_hash = new_hash
        old, new = activity.changes(before, _snapshot(user))
        if new_hash is not None and not creating:
            new["password"] = "changed"
        if not new:
            return user_info(user)
        if creating:
            uow.session.add(user)
        uow.session.flush()
        activity.record(uow, actor, "create" if creating else "edit",
                        f"{'Created' if creating else 'Edited'} user {username}",
                        entity="user", entity_id=user.id, before=old, after=new)
        uow.commit()
        return user_info(user)


def reset_password(uow: UnitOfWork, actor: Actor, user_id: int, new_password: str) -> None:
    """An administrator sets a new password for someone who forgot theirs."""
    authorize(actor, Action.MANAGE_USERS)
    _check_password(new_password, "new password")
    password_hash = hash_password(new_password)
    with uow:
        user = get(uow, User, user_id, "User")
        user.password_hash = password_hash
        activity.record(uow, actor, "reset_password", f"Reset the password of {user.username}",
                        entity="user", entity_id=user.id, after={"password": "reset"})
        uow.commit()


def change_own_password(
    uow: UnitOfWork, actor: Actor, old_password: str, new_password: str
) -> None:
    if actor.user_id is None:
        raise PermissionDenied("Sign in with your own account to change its password.")
    _check_password(new_password, "new password")
    if new_password == old_password:
        raise ValidationError("new password", "must differ from the current password")
    password_hash = hash_password(new_password)
    with uow:
        user = get(uow, User, actor.user_id, "User")
        if not verify_password(old_password or "", user.password_hash):
            raise ValidationError("current password", "is not correct")
        user.password_hash = password_hash
        activity.record(uow, actor, "change_password", f"{user.username} changed their password",
                        entity="user", entity_id=user.id, after={"password": "changed"})
        uow.commit()


def set_user_active(uow: UnitOfWork, actor: Actor, user_id: int, active: bool) -> UserInfo:
    """Deactivated users cannot sign in. Someone must always be left to manage users."""
    authorize(actor, Action.MANAGE_USERS)
    with uow:
        user = get(uow, User, user_id, "User")
        if user.active == active:
            raise ValidationError(
                "active", f"{user.username} is already {'active' if active else 'deactivated'}")
        if not active:
            if user.id == actor.user_id:
                raise ValidationError("active", "you cannot deactivate your own account")
            if user.role is Role.ADMIN and _active_admins(uow) == 1:
                raise ValidationError(
                    "active", f"{user.username} is the last active administrator")
        user.active = active
        activity.record(uow, actor, "activate" if active else "deactivate",
                        f"{'Reactivated' if active else 'Deactivated'} user {user.username}",
                        entity="user", entity_id=user.id,
                        before={"active": not active}, after={"active": active})
        uow.commit()
        return user_info(user)
