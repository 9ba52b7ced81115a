"""User accounts on a real, migrated SQLite file."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from dentasync_desktop.db.models import ActivityEntry, User
from dentasync_desktop.domain.dto import Actor, UserInput
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.errors import (
    AuthenticationError,
    PermissionDenied,
    SessionEnded,
    ValidationError,
)
from dentasync_desktop.services import users
from dentasync_desktop.services.users import SIGN_IN_FAILED

from ..conftest import FIXED_NOW
from ..factories import World

PASSWORD = "s3cret-enough"


def activity_count(uow_factory) -> int:  # type: ignore[no-untyped-def]
    with uow_factory() as uow:
        return uow.session.scalar(select(func.count(ActivityEntry.id))) or 0


def last_activity(uow_factory) -> ActivityEntry:  # type: ignore[no-untyped-def]
    with uow_factory() as uow:
        entry = uow.session.scalar(select(ActivityEntry).order_by(ActivityEntry.id.desc()))
        assert entry is not None
        uow.session.expunge(entry)
        return entry


def user_row(uow_factory, user_id: int) -> User:  # type: ignore[no-untyped-def]
    with uow_factory() as uow:
        user = uow.session.get(User, user_id)
        assert user is not None
        uow.session.expunge(user)
        return user


def new_user(world: World, username: str = "maria", role: Role = Role.FRONT_DESK) -> int:
    info = users.save_user(world.uow(), world.admin, UserInput(
        username=username, full_name=username.title(), role=role, password=PASSWORD))
    return info.id


def refused(world: World, field: str, call, *args) -> ValidationError:  # type: ignore[no-untyped-def]
    before = activity_count(world.uow_factory)
    with pytest.raises(ValidationError) as caught:
        call(world.uow(), world.admin, *args)
    assert caught.value.field == field
    assert activity_count(world.uow_factory) == before
    return caught.value


# --- first start -------------------------------------------------------------------------------


def test_first_admin_on_an_empty_database(uow_factory) -> None:  # type: ignore[no-untyped-def]
    assert users.needs_first_admin(uow_factory())
    with pytest.raises(ValidationError) as caught:
        users.create_first_admin(uow_factory(), "ab", "Boss", PASSWORD)
    assert caught.value.field == "username"
    with pytest.raises(ValidationError) as caught:
        users.create_first_admin(uow_factory(), "boss", "Boss", "short")
    assert caught.value.field == "password"
    assert users.needs_first_admin(uow_factory())

    actor = users.create_first_admin(uow_factory(), " Boss ", "Bea Boss", PASSWORD)
    assert (actor.username, actor.full_name, actor.role) == ("boss", "Bea Boss", Role.ADMIN)
    assert not users.needs_first_admin(uow_factory())
    entry = last_activity(uow_factory)
    assert (entry.action, entry.entity, entry.entity_id, entry.order_id) == (
        "create", "user", actor.user_id, None)
    assert users.sign_in(uow_factory(), "BOSS", PASSWORD).user_id == actor.user_id

    with pytest.raises(PermissionDenied, match="already exists"):
        users.create_first_admin(uow_factory(), "second", "Second", PASSWORD)
    assert len(users.list_users(uow_factory(), actor)) == 1


# --- signing in ----------------------------------------------------------------------------------


def test_sign_in_good_records_login_and_activity(world: World) -> None:
    user_id = new_user(world)
    actor = users.sign_in(world.uow(), "  Maria ", PASSWORD)
    assert actor == Actor(user_id=user_id, username="maria", full_name="Maria",
                          role=Role.FRONT_DESK)
    assert user_row(world.uow_factory, user_id).last_login_at == FIXED_NOW
    entry = last_activity(world.uow_factory)
    assert (entry.action, entry.entity, entry.entity_id, entry.actor_id) == (
        "sign_in", "user", user_id, user_id)


@pytest.mark.parametrize(("username", "password"), [
    ("maria", "wrong-password"),
    ("nobody", PASSWORD),
    ("", PASSWORD),
    ("admin", ""),
])
def test_sign_in_bad_gives_one_generic_message_and_is_logged(
    world: World, username: str, password: str
) -> None:
    new_user(world)
    before = activity_count(world.uow_factory)
    with pytest.raises(AuthenticationError) as caught:
        users.sign_in(world.uow(), username, password)
    assert caught.value.message == SIGN_IN_FAILED
    assert activity_count(world.uow_factory) == before + 1
    entry = last_activity(world.uow_factory)
    assert (entry.action, entry.entity, entry.order_id) == ("sign_in_failed", "user", None)
    assert password not in entry.params + entry.summary or not password


def test_sign_in_inactive_user_is_refused_clearly(world: World) -> None:
    user_id = new_user(world)
    users.set_user_active(world.uow(), world.admin, user_id, False)
    with pytest.raises(AuthenticationError, match="deactivated"):
        users.sign_in(world.uow(), "maria", PASSWORD)
    # A wrong password still says nothing about the account.
    with pytest.raises(AuthenticationError) as caught:
        users.sign_in(world.uow(), "maria", "wrong-password")
    assert caught.value.message == SIGN_IN_FAILED
    assert user_row(world.uow_factory, user_id).last_login_at is None


# --- managing users ------------------------------------------------------------------------------


def test_save_user_creates_and_edits_with_activity(world: World) -> None:
    user_id = new_user(world, "Anna.K")
    created = user_row(world.uow_factory, user_id)
    assert created.username == "anna.k"
    assert created.password_hash.startswith("scrypt$")
    entry = last_activity(world.uow_factory)
    assert (entry.action, entry.entity, entry.entity_id) == ("create", "user", user_id)
    assert PASSWORD not in entry.after and created.password_hash not in entry.after

    edited = users.save_user(world.uow(), world.admin, UserInput(
        id=user_id, username="anna.k", full_name="Anna Kowalska", role=Role.MANAGER,
        staff_id=world.staff_id))
    assert (edited.full_name, edited.role, edited.staff_id) == (
        "Anna Kowalska", Role.MANAGER, world.staff_id)
    entry = last_activity(world.uow_factory)
    assert json.loads(entry.before) == {"full_name": "Anna.K", "role": "front_desk",
                                        "staff": None}
    assert isinstance(json.loads(entry.after)["staff"], str)  # a name, never an id
    # An empty password on update keeps the old one.
    assert users.sign_in(world.uow(), "anna.k", PASSWORD).role is Role.MANAGER

    users.save_user(world.uow(), world.admin, UserInput(
        id=user_id, username="anna.k", full_name="Anna Kowalska", role=Role.MANAGER,
        staff_id=world.staff_id, password="brand-new-pass"))
    assert json.loads(last_activity(world.uow_factory).after) == {"password": "changed"}
    users.sign_in(world.uow(), "anna.k", "brand-new-pass")


@pytest.mark.parametrize(("data", "field"), [
    (UserInput(username="ab", full_name="X", role=Role.MANAGER, password=PASSWORD), "username"),
    (UserInput(username="x" * 51, full_name="X", role=Role.MANAGER, password=PASSWORD),
     "username"),
    (UserInput(username="anna k", full_name="X", role=Role.MANAGER, password=PASSWORD),
     "username"),
    (UserInput(username="jürgen", full_name="X", role=Role.MANAGER, password=PASSWORD),
     "username"),
    (UserInput(username="TECHNICIAN", full_name="X", role=Role.MANAGER, password=PASSWORD),
     "username"),
    (UserInput(username="newbie", full_name=" ", role=Role.MANAGER, password=PASSWORD),
     "full name"),
    (UserInput(username="newbie", full_name="X", role=Role.MANAGER), "password"),
    (UserInput(username="newbie", full_name="X", role=Role.MANAGER, password="1234567"),
     "password"),
    (UserInput(username="newbie", full_name="X", role="owner", password=PASSWORD),  # type: ignore[arg-type]
     "role"),
    (UserInput(username="newbie", full_name="X", role=Role.MANAGER, password=PASSWORD,
               staff_id=999), "staff"),
])
def test_bad_user_input_is_refused_by_field(world: World, data: UserInput, field: str) -> None:
    before = len(users.list_users(world.uow(), world.admin))
    refused(world, field, users.save_user, data)
    assert len(users.list_users(world.uow(), world.admin)) == before


def test_only_admins_manage_users(world: World) -> None:
    manager = world.actors[Role.MANAGER]
    with pytest.raises(PermissionDenied):
        users.list_users(world.uow(), manager)
    with pytest.raises(PermissionDenied):
        users.save_user(world.uow(), manager, UserInput(
            username="sneaky", full_name="S", role=Role.ADMIN, password=PASSWORD))
    with pytest.raises(PermissionDenied):
        users.reset_password(world.uow(), manager, world.users[Role.ADMIN].id, PASSWORD)
    assert [u.username for u in users.list_users(world.uow(), world.admin)] == [
        "admin", "front_desk", "manager", "technician"]


def test_reset_password(world: World) -> None:
    user_id = new_user(world)
    users.reset_password(world.uow(), world.admin, user_id, "another-pass")
    entry = last_activity(world.uow_factory)
    assert (entry.action, entry.entity_id) == ("reset_password", user_id)
    assert users.sign_in(world.uow(), "maria", "another-pass").user_id == user_id
    refused(world, "new password", users.reset_password, user_id, "short")


def test_change_own_password(world: World) -> None:
    new_user(world)
    maria = users.sign_in(world.uow(), "maria", PASSWORD)
    before = activity_count(world.uow_factory)
    for old, new, field in ((PASSWORD, "tiny", "new password"),
                            ("not-my-password", "better-pass", "current password"),
                            (PASSWORD, PASSWORD, "new password")):
        with pytest.raises(ValidationError) as caught:
            users.change_own_password(world.uow(), maria, old, new)
        assert caught.value.field == field
    assert activity_count(world.uow_factory) == before
    users.change_own_password(world.uow(), maria, PASSWORD, "better-pass")
    assert last_activity(world.uow_factory).action == "change_password"
    assert users.sign_in(world.uow(), "maria", "better-pass").user_id == maria.user_id


# --- the last-administrator rules ----------------------------------------------------------------


def test_admin_cannot_deactivate_themselves(world: World) -> None:
    new_user(world, "second", Role.ADMIN)
    error = refused(world, "active", users.set_user_active, world.admin.user_id, False)
    assert "your own account" in error.reason


def test_last_active_admin_cannot_be_deactivated_or_demoted(world: World) -> None:
    admin_id = world.admin.user_id
    other = users.save_user(world.uow(), world.admin, UserInput(
        username="boss2", full_name="Second Boss", role=Role.ADMIN, password=PASSWORD))
    other_actor = users.sign_in(world.uow(), "boss2", PASSWORD)
    # With two admins, one may go; then the one left is protected.
    users.set_user_active(world.uow(), other_actor, admin_id, False)
    before = activity_count(world.uow_factory)
    with pytest.raises(ValidationError) as caught:
        users.save_user(world.uow(), other_actor, UserInput(
            id=other.id, username="boss2", full_name="Second Boss", role=Role.MANAGER))
    assert caught.value.field == "role"
    assert "last active administrator" in caught.value.reason
    # The deactivated admin's open session can no longer act at all.
    with pytest.raises(SessionEnded, match="deactivated"):
        users.set_user_active(world.uow(), world.admin, other.id, False)
    assert activity_count(world.uow_factory) == before
    assert user_row(world.uow_factory, other.id).role is Role.ADMIN
    assert user_row(world.uow_factory, other.id).active

    # Back to two admins: demoting one is fine again.
    users.set_user_active(world.uow(), other_actor, admin_id, True)
    demoted = users.save_user(world.uow(), other_actor, UserInput(
        id=admin_id, username="admin", full_name="Admin User", role=Role.MANAGER))
    assert demoted.role is Role.MANAGER
    assert json.loads(last_activity(world.uow_factory).after) == {"role": "manager"}


def test_set_user_active_toggles_with_activity(world: World) -> None:
    user_id = new_user(world)
    info = users.set_user_active(world.uow(), world.admin, user_id, False)
    assert not info.active
    entry = last_activity(world.uow_factory)
    assert (entry.action, json.loads(entry.after)) == ("deactivate", {"active": False})
    refused(world, "active", users.set_user_active, user_id, False)
    assert users.set_user_active(world.uow(), world.admin, user_id, True).active
