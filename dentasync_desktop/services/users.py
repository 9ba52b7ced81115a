"""User accounts: the first start, signing in, and managing users and passwords."""

from __future__ import annotations

import functools
import re
import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from ..db.models import Staff, User
from ..domain import error_text, validation
from ..domain.actions import Action
from ..domain.dto import Actor, UserInfo, UserInput
from ..domain.enums import Role
from ..domain.errors import AuthenticationError, PermissionDenied, ValidationError
from . import activity, passwords
from .guards import authorize, find, get, signed_in
from .mappers import user_info
from .passwords import MIN_LENGTH, hash_password, needs_rehash, verify_password
from .unit_of_work import UnitOfWork

SIGN_IN_FAILED = error_text.render("sign_in_failed", {})
MAX_PASSWORD_LENGTH = 1024
# Wrong passwords in a row before each further attempt has to wait; the wait doubles from
# FIRST_WAIT with every further wrong password, up to LONGEST_WAIT.
FREE_ATTEMPTS = 5
FIRST_WAIT = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)

_USERNAME = re.compile(r"^[a-z0-9._-]{3,50}$")


def _actor(user: User) -> Actor:
    return Actor(user_id=user.id, username=user.username, full_name=user.full_name,
                 role=user.role)


def _snapshot(uow: UnitOfWork, user: User) -> dict[str, Any]:
    """The account as the activity log shows it: the staff member by name, never by id."""
    staff = find(uow, Staff, user.staff_id) if user.staff_id is not None else None
    return {"username": user.username, "full_name": user.full_name, "role": user.role,
            "staff": staff.name if staff else None}


def _clean_username(value: str) -> str:
    """Usernames are stored in lower case, so "Anna" and "anna" are the same user."""
    username = (value or "").strip().lower()
    if not _USERNAME.match(username):
        raise ValidationError("username", code="username_form")
    return username


def _check_password(password: str, field: str) -> None:
    validation.limited(password or "", field, MAX_PASSWORD_LENGTH)
    if len(password or "") < MIN_LENGTH:
        raise ValidationError(field, code="password_too_short", params={"minimum": MIN_LENGTH})


def _clean_role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise ValidationError("role", code="not_role", params={
            "value": str(role), "choices": [r.value for r in Role]}) from None


def _find(uow: UnitOfWork, username: str) -> User | None:
    return uow.session.scalar(select(User).where(func.lower(User.username) == username))


def _active_admins(uow: UnitOfWork) -> int:
    return uow.session.scalar(select(func.count(User.id)).where(
        User.role == Role.ADMIN, User.active.is_(True))) or 0


@functools.cache
def _decoy_hash(_cost: passwords.Cost) -> str:
    """A hash to check unknown usernames against, so they take as long as wrong passwords.

    Cached per cost, so it always costs what real hashes cost.
    """
    return hash_password(secrets.token_urlsafe(16))


def _wait_seconds(wait: timedelta) -> int:
    return max(1, int(wait.total_seconds() + 0.999))


def _blocked_for(user: User, now: datetime) -> timedelta | None:
    until = user.sign_in_blocked_until
    return until - now if until is not None and until > now else None


def _count_failure(uow: UnitOfWork, user: User) -> None:
    user.failed_sign_ins += 1
    beyond = user.failed_sign_ins - FREE_ATTEMPTS
    if beyond >= 0:
        user.sign_in_blocked_until = uow.now() + min(FIRST_WAIT * 2 ** min(beyond, 16),
                                                     LONGEST_WAIT)


def _verified_user(uow: UnitOfWork, username: str, password: str) -> User:
    """The user whose password this is, inside ``uow``; otherwise the refusal is committed
    (the failure count and the activity entry) and raised.

    The same message for an unknown user and a wrong password, so neither leaks.
    """
    name = (username or "").strip().lower()
    validation.limited(name, "user name", validation.SHORT_TEXT)
    validation.limited(password or "", "password", MAX_PASSWORD_LENGTH)
    user = _find(uow, name) if name else None
    if user is None:
        verify_password(password or "", _decoy_hash(passwords.current))
        activity.add_entry(uow, None, name or "(no name)", "sign_in_failed",
                           "user.sign_in_failed_unknown", {"name": name}, entity="user")
        uow.commit()
        raise AuthenticationError(code="sign_in_failed")
    blocked = _blocked_for(user, uow.now())
    if blocked is not None:
        raise AuthenticationError(code="sign_in_blocked", params={
            "username": user.username, "seconds": _wait_seconds(blocked)})
    if not verify_password(password or "", user.password_hash):
        _count_failure(uow, user)
        activity.add_entry(uow, user.id, user.username, "sign_in_failed",
                           "user.sign_in_failed",
                           {"username": user.username, "count": user.failed_sign_ins},
                           entity="user", entity_id=user.id)
        uow.commit()
        blocked = _blocked_for(user, uow.now())
        if blocked is not None:
            raise AuthenticationError(code="sign_in_failed_wait",
                                      params={"seconds": _wait_seconds(blocked)})
        raise AuthenticationError(code="sign_in_failed")
    if not user.active:
        raise AuthenticationError(code="account_deactivated",
                                  params={"username": user.username})
    user.failed_sign_ins = 0
    user.sign_in_blocked_until = None
    if needs_rehash(user.password_hash):
        # Hashes made with an older, cheaper cost are upgraded while the password is at hand.
        user.password_hash = hash_password(password)
    return user


# --- first start and signing in ---------------------------------------------------------------


def needs_first_admin(uow: UnitOfWork) -> bool:
    """True while no active administrator exists (a fresh or only seeded database): the
    start asks for one, since nobody could manage users otherwise."""
    with uow:
        return _active_admins(uow) == 0


def has_active_users(uow: UnitOfWork) -> bool:
    """True once someone can sign in: the database is in use, not only seeded or new."""
    with uow:
        return uow.session.scalar(select(User.id).where(User.active.is_(True)).limit(1)) \
            is not None


def create_first_admin(uow: UnitOfWork, username: str, full_name: str, password: str) -> Actor:
    """An administrator made without signing in: refused while an active one exists.

    Returns the new account signed in.
    """
    name = _clean_username(username)
    full = validation.required(full_name, "full name")
    _check_password(password, "password")
    password_hash = hash_password(password)
    with uow:
        if _active_admins(uow):
            raise PermissionDenied(code="admin_exists")
        if _find(uow, name) is not None:
            raise ValidationError("username", code="username_taken", params={"value": name})
        now = uow.now()
        user = User(username=name, full_name=full, role=Role.ADMIN,
                    password_hash=password_hash, created_at=now, last_login_at=now)
        uow.session.add(user)
        uow.session.flush()
        actor = _actor(user)
        activity.record(uow, actor, "create", "user.first_admin_created", {"username": name},
                        entity="user", entity_id=user.id, after=_snapshot(uow, user))
        uow.commit()
        return actor


def sign_in(uow: UnitOfWork, username: str, password: str) -> Actor:
    """After FREE_ATTEMPTS wrong passwords in a row the user has to wait before trying again.

    Failed and successful sign-ins are logged.
    """
    with uow:
        user = _verified_user(uow, username, password)
        user.last_login_at = uow.now()
        actor = _actor(user)
        activity.record(uow, actor, "sign_in", "user.signed_in", {"username": user.username},
                        entity="user", entity_id=user.id)
        uow.commit()
        return actor


# --- managing users ------------------------------------------------------------------------------


def list_users(uow: UnitOfWork, actor: Actor) -> list[UserInfo]:
    with uow:
        authorize(uow, actor, Action.MANAGE_USERS)
        return [user_info(u) for u in uow.session.scalars(select(User).order_by(User.username))]


def save_user(uow: UnitOfWork, actor: Actor, data: UserInput) -> UserInfo:
    """Create (password required) or update a user; an empty password keeps the old one."""
    username = _clean_username(data.username)
    full_name = validation.required(data.full_name, "full name")
    role = _clean_role(data.role)
    creating = data.id is None
    if creating or data.password:
        _check_password(data.password, "password")
    new_hash = hash_password(data.password) if data.password else None
    with uow:
        authorize(uow, actor, Action.MANAGE_USERS)
        taken = _find(uow, username)
        if taken is not None and taken.id != data.id:
            raise ValidationError("username", code="username_taken", params={"value": username})
        if data.staff_id is not None and find(uow, Staff, data.staff_id) is None:
            raise ValidationError("staff", code="record_missing",
                                  params={"record": "staff member", "id": data.staff_id})
        if data.id is None:
            user = User(role=role, created_at=uow.now())
            before: dict[str, Any] = {}
        else:
            user = get(uow, User, data.id, "User")
            if (user.role is Role.ADMIN and role is not Role.ADMIN and user.active
                    and _active_admins(uow) == 1):
                raise ValidationError("role", code="last_admin_role",
                                      params={"username": user.username})
            before = _snapshot(uow, user)
        user.username, user.full_name, user.role, user.staff_id = (
            username, full_name, role, data.staff_id)
        if new_hash is not None:
            user.password_hash = new_hash
        old, new = activity.changes(before, _snapshot(uow, user))
        if new_hash is not None and not creating:
            new["password"] = "changed"
        if not new:
            return user_info(user)
        if creating:
            uow.session.add(user)
        uow.session.flush()
        activity.record(uow, actor, "create" if creating else "edit",
                        "user.created" if creating else "user.edited", {"username": username},
                        entity="user", entity_id=user.id, before=old, after=new)
        uow.commit()
        return user_info(user)


def reset_password(uow: UnitOfWork, actor: Actor, user_id: int, new_password: str) -> None:
    """An administrator sets a new password for someone who forgot theirs."""
    _check_password(new_password, "new password")
    password_hash = hash_password(new_password)
    with uow:
        authorize(uow, actor, Action.MANAGE_USERS)
        user = get(uow, User, user_id, "User")
        user.password_hash = password_hash
        activity.record(uow, actor, "reset_password", "user.password_reset",
                        {"username": user.username},
                        entity="user", entity_id=user.id, after={"password": "reset"})
        uow.commit()


def confirm_session(uow: UnitOfWork, actor: Actor) -> bool:
    """For actions on files rather than the database (backup, restore): True while ``actor``
    is still signed in with their role; otherwise SessionEnded."""
    with uow:
        signed_in(uow, actor)
        return True


def unlock(uow: UnitOfWork, actor: Actor, password: str) -> None:
    """The password again after the idle lock; wrong passwords count as for signing in."""
    with uow:
        signed_in(uow, actor)  # deactivated meanwhile: signed out, not asked for a password
        user = _verified_user(uow, actor.username, password)
        if user.id != actor.user_id:
            raise AuthenticationError(code="sign_in_failed")
        activity.record(uow, actor, "unlock", "user.unlocked", {"username": user.username},
                        entity="user", entity_id=user.id)
        uow.commit()


def change_own_password(
    uow: UnitOfWork, actor: Actor, old_password: str, new_password: str
) -> None:
    validation.limited(old_password or "", "current password", MAX_PASSWORD_LENGTH)
    _check_password(new_password, "new password")
    if new_password == old_password:
        raise ValidationError("new password", code="same_password")
    password_hash = hash_password(new_password)
    with uow:
        signed_in(uow, actor)
        user = get(uow, User, actor.user_id or 0, "User")
        if not verify_password(old_password or "", user.password_hash):
            raise ValidationError("current password", code="wrong_password")
        user.password_hash = password_hash
        activity.record(uow, actor, "change_password", "user.password_changed",
                        {"username": user.username},
                        entity="user", entity_id=user.id, after={"password": "changed"})
        uow.commit()


def set_user_active(uow: UnitOfWork, actor: Actor, user_id: int, active: bool) -> UserInfo:
    """Deactivated users cannot sign in. Someone must always be left to manage users."""
    with uow:
        authorize(uow, actor, Action.MANAGE_USERS)
        user = get(uow, User, user_id, "User")
        if user.active == active:
            raise ValidationError("active", code="user_already_active" if active else
                                  "user_already_deactivated", params={"username": user.username})
        if not active:
            if user.id == actor.user_id:
                raise ValidationError("active", code="own_account")
            if user.role is Role.ADMIN and _active_admins(uow) == 1:
                raise ValidationError("active", code="last_admin",
                                      params={"username": user.username})
        user.active = active
        activity.record(uow, actor, "activate" if active else "deactivate",
                        "user.activated" if active else "user.deactivated",
                        {"username": user.username},
                        entity="user", entity_id=user.id,
                        before={"active": not active}, after={"active": active})
        uow.commit()
        return user_info(user)
