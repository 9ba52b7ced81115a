"""Signing in: waits after wrong passwords, the activity log, rehashing, invalid text."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from dentasync_desktop.db.engine import make_session_factory
from dentasync_desktop.db.models import ActivityEntry, User
from dentasync_desktop.domain.dto import UserInput
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.errors import AuthenticationError, ValidationError
from dentasync_desktop.services import passwords, users
from dentasync_desktop.services.attachment_store import AttachmentStore
from dentasync_desktop.services.demo import DEMO_USERS
from dentasync_desktop.services.maintenance import Database, connect_database
from dentasync_desktop.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

from ..conftest import FIXED_NOW
from ..factories import PASSWORD, World, add_user


class Clock:
    def __init__(self) -> None:
        self.now = FIXED_NOW

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def factory_for(database: Database, clock: Clock) -> UnitOfWorkFactory:
    """A fresh engine each time, as after restarting the app."""
    session_factory = make_session_factory(database.engine)
    store = AttachmentStore(database.paths.attachments_dir)
    return lambda: UnitOfWork(session_factory, store, clock=clock)


def wrong(factory: UnitOfWorkFactory) -> str:
    with pytest.raises(AuthenticationError) as caught:
        users.sign_in(factory(), "anna", "wrong password")
    return caught.value.message


def test_after_five_wrong_passwords_the_wait_grows_and_survives_a_restart(
        database: Database) -> None:
    clock = Clock()
    factory = factory_for(database, clock)
    add_user(factory, "anna", Role.FRONT_DESK)

    assert [wrong(factory) for _ in range(4)] == [users.SIGN_IN_FAILED] * 4
    assert "wait 30 seconds before the next attempt" in wrong(factory)
    # Even the right password waits; the message says how long is left.
    clock.advance(10)
    with pytest.raises(AuthenticationError, match="Wait 20 seconds, then try again"):
        users.sign_in(factory(), "anna", PASSWORD)

    # The state is in the database: another engine ("after a restart") still waits.
    database.close()
    restarted = connect_database(database.paths)
    factory = factory_for(restarted, clock)
    with pytest.raises(AuthenticationError, match="Wait 20 seconds"):
        users.sign_in(factory(), "anna", PASSWORD)

    clock.advance(20)
    assert "wait 60 seconds" in wrong(factory)  # doubled
    clock.advance(60)
    assert "wait 2 minutes" in wrong(factory)
    clock.advance(120)
    assert users.sign_in(factory(), "anna", PASSWORD).username == "anna"
    # A success starts the count again.
    assert [wrong(factory) for _ in range(4)] == [users.SIGN_IN_FAILED] * 4
    restarted.close()


def test_the_longest_wait_is_an_hour(database: Database) -> None:
    clock = Clock()
    factory = factory_for(database, clock)
    add_user(factory, "anna", Role.FRONT_DESK)
    for _ in range(40):
        wrong(factory)
        clock.advance(3600)
    assert "wait 60 minutes" in wrong(factory)


def test_sign_ins_and_failures_go_to_the_activity_log(world: World) -> None:
    with pytest.raises(AuthenticationError):
        users.sign_in(world.uow(), "manager", "wrong password")
    with pytest.raises(AuthenticationError):
        users.sign_in(world.uow(), "nobody", "wrong password")
    users.sign_in(world.uow(), "manager", PASSWORD)
    manager_id = world.users[Role.MANAGER].id
    with world.uow() as uow:
        entries = [(e.action, e.actor_id, e.actor_name, e.entity, e.entity_id, e.order_id)
                   for e in uow.session.scalars(select(ActivityEntry).order_by(ActivityEntry.id))]
    assert entries == [
        ("sign_in_failed", manager_id, "manager", "user", manager_id, None),
        ("sign_in_failed", None, "nobody", "user", None, None),
        ("sign_in", manager_id, "Manager User", "user", manager_id, None),
    ]


def test_an_old_hash_is_upgraded_at_the_next_sign_in(world: World) -> None:
    older = passwords.hash_password(PASSWORD, passwords.Cost(n=2**3, r=8, p=1))
    with world.uow() as uow:
        user = uow.session.get(User, world.users[Role.MANAGER].id)
        assert user is not None
        user.password_hash = older
        uow.commit()
    users.sign_in(world.uow(), "manager", PASSWORD)
    with world.uow() as uow:
        user = uow.session.get(User, world.users[Role.MANAGER].id)
        assert user is not None
        upgraded = user.password_hash
    assert upgraded != older
    assert upgraded.startswith(f"scrypt${passwords.current.n}$")
    assert not passwords.needs_rehash(upgraded)
    assert users.sign_in(world.uow(), "manager", PASSWORD).username == "manager"


LONE = "\ud800"


@pytest.mark.parametrize(("call", "field"), [
    (lambda w: users.sign_in(w.uow(), "adm" + LONE, PASSWORD), "user name"),
    (lambda w: users.sign_in(w.uow(), "admin", PASSWORD + LONE), "password"),
    (lambda w: users.save_user(w.uow(), w.admin, UserInput(
        username="maria", full_name="Maria " + LONE, role=Role.FRONT_DESK,
        password=PASSWORD)), "full name"),
    (lambda w: users.save_user(w.uow(), w.admin, UserInput(
        username="maria", full_name="Maria", role=Role.FRONT_DESK,
        password=PASSWORD + LONE)), "password"),
    (lambda w: users.change_own_password(w.uow(), w.admin, PASSWORD + LONE, "a-new-password"),
     "current password"),
    (lambda w: users.create_first_admin(w.uow(), "boss", "Boss " + LONE, PASSWORD), "full name"),
], ids=["sign-in name", "sign-in password", "full name", "new password", "current password",
        "first admin"])
def test_lone_surrogates_are_a_validation_error_naming_the_field(
        world: World, call, field: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        call(world)
    assert caught.value.field == field


def test_demo_passwords_meet_the_apps_own_rule() -> None:
    assert all(len(user.password) >= passwords.MIN_LENGTH for user in DEMO_USERS)
