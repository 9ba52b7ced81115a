"""Several PCs on one PostgreSQL database hear each other's committed changes (LISTEN/NOTIFY)."""

from __future__ import annotations

import queue
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dentasync_desktop.domain.dto import PaymentInput
from dentasync_desktop.domain.enums import PaymentMethod
from dentasync_desktop.domain.money import Money
from dentasync_desktop.paths import resolve_paths
from dentasync_desktop.services import payments, reminders
from dentasync_desktop.services.changes import Change, ChangeBus, ChangeKind
from dentasync_desktop.services.maintenance import Database, connect_database

from ..conftest import uow_factory_for
from ..factories import World
from .helpers import new_order

pytestmark = pytest.mark.postgresql

Heard = queue.Queue[tuple[Change, ...]]


def hearing(bus: ChangeBus) -> Heard:
    heard: Heard = queue.Queue()
    bus.subscribe(heard.put)
    return heard


@pytest.fixture
def other_pc(database: Database, tmp_path: Path) -> Iterator[Database]:
    """A second PC: its own data folder, engine and bus on the same server database."""
    paths = replace(resolve_paths(tmp_path / "pc2").create(),
                    database_url=database.paths.database_url)
    other = connect_database(paths)
    other.follow_other_pcs()
    database.follow_other_pcs()
    yield other
    other.close()


def test_a_payment_on_one_pc_reaches_the_other_within_a_second(
        database: Database, world: World, other_pc: Database) -> None:
    order = new_order(world)
    heard = hearing(other_pc.bus)
    started = time.monotonic()
    payments.record_payment(world.uow(), world.admin, order.id, PaymentInput(
        date(2026, 11, 20), Money(5000, "EUR"), PaymentMethod.CASH))
    batch = heard.get(timeout=1.0)
    took = time.monotonic() - started

    assert any(c.kind is ChangeKind.PAYMENT and c.order_id == order.id
               and c.actor_id == world.admin.user_id for c in batch)
    assert took < 1.0


def test_a_pc_does_not_hear_its_own_changes_twice(
        database: Database, world: World, other_pc: Database) -> None:
    order = new_order(world)
    mine = hearing(database.bus)
    payments.record_payment(world.uow(), world.admin, order.id, PaymentInput(
        date(2026, 11, 20), Money(5000, "EUR"), PaymentMethod.CASH))
    assert mine.get_nowait()  # published locally, at commit
    # The other PC writes next: notifications arrive in commit order, so once its change is
    # here, our own earlier one has been heard (and skipped) by the same listener.
    payments.record_payment(uow_factory_for(other_pc)(), world.admin, order.id, PaymentInput(
        date(2026, 11, 20), Money(1000, "EUR"), PaymentMethod.CARD))
    theirs = mine.get(timeout=1.0)

    assert any(c.kind is ChangeKind.PAYMENT for c in theirs)
    assert mine.empty()


def test_a_dismissed_reminder_is_announced_to_the_users_other_pcs(
        database: Database, world: World, other_pc: Database) -> None:
    heard = hearing(other_pc.bus)
    reminders.dismiss_reminder(world.uow(), world.admin, "due:1")

    assert Change(ChangeKind.REMINDER, actor_id=world.admin.user_id) in heard.get(timeout=1.0)


def test_nothing_is_heard_of_a_rolled_back_transaction(
        database: Database, world: World, other_pc: Database) -> None:
    heard = hearing(other_pc.bus)
    with world.uow() as uow:
        uow.announce(ChangeKind.SETTINGS)
        uow.rollback()
    reminders.dismiss_reminder(world.uow(), world.admin, "due:2")  # a later, committed one

    assert all(c.kind is ChangeKind.REMINDER for c in heard.get(timeout=1.0))
