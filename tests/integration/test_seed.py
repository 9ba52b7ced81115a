"""Synthetic data: reproducible, and as consistent as data entered through the services."""

from __future__ import annotations

import hashlib
import json
import random
from collections import Counter as Tally
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dentasync_desktop.db.engine import make_session_factory
from dentasync_desktop.db.models import (
    ActivityEntry,
    Base,
    Counter,
    DentalLab,
    Installment,
    Patient,
    Payment,
    PaymentPlan,
    User,
    WorkOrder,
    WorkOrderItem,
)
from dentasync_desktop.domain import formats
from dentasync_desktop.domain.bank import clean_bic, clean_iban
from dentasync_desktop.domain.enums import OrderStatus
from dentasync_desktop.domain.money import Money
from dentasync_desktop.domain.numbers import format_number
from dentasync_desktop.domain.payments import first_unpaid_due
from dentasync_desktop.domain.text import search_fold
from dentasync_desktop.paths import AppPaths, resolve_paths
from dentasync_desktop.services.attachment_store import AttachmentStore
from dentasync_desktop.services.maintenance import Database, connect_database
from dentasync_desktop.services.orders import ORDER_COUNTER
from dentasync_desktop.services.seed import LABS, SEED_USERNAME, _iban, seed
from dentasync_desktop.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

from ..conftest import FIXED_NOW
from .helpers import entry_text


def fingerprint(uow_factory) -> str:  # type: ignore[no-untyped-def]
    """SHA-256 over every row of every table, in primary-key order."""
    digest = hashlib.sha256()
    with uow_factory() as uow:
        for table in Base.metadata.sorted_tables:
            digest.update(table.name.encode())
            for row in uow.session.execute(select(table).order_by(*table.primary_key.columns)):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def other_database(migrated_copy: Callable[[AppPaths], AppPaths], tmp_path: Path,
                   name: str) -> tuple[Database, UnitOfWorkFactory]:
    """A new data folder's database as its first opening leaves it (the session's migrated
    copy: migrating each anew was a third of the test)."""
    db = connect_database(migrated_copy(resolve_paths(tmp_path / name)))
    factory = make_session_factory(db.engine)
    store = AttachmentStore(db.paths.attachments_dir)
    return db, lambda: UnitOfWork(factory, store, clock=lambda: FIXED_NOW)


def test_same_seed_gives_the_same_data(uow_factory, migrated_copy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed(uow_factory, 150, seed=7)
    twin_db, twin = other_database(migrated_copy, tmp_path, "twin")
    other_db, other = other_database(migrated_copy, tmp_path, "other")
    try:
        seed(twin, 150, seed=7)
        seed(other, 150, seed=8)
        seeded = fingerprint(uow_factory)
        assert seeded == fingerprint(twin)
        assert seeded != fingerprint(other)
    finally:
        twin_db.close()
        other_db.close()


def test_denormalised_columns_match_the_detail_rows(uow_factory) -> None:  # type: ignore[no-untyped-def]
    progress: list[tuple[int, int]] = []
    stats = seed(uow_factory, 300, seed=3, progress=lambda done, total: progress.append(
        (done, total)))
    assert progress[-1] == (300, 300)
    with uow_factory() as uow:
        s = uow.session
        orders = s.scalars(select(WorkOrder)).all()
        paid: dict[int, int] = defaultdict(int)
        for payment in s.scalars(select(Payment)):
            assert payment.amount_minor > 0
            if not payment.voided:
                paid[payment.order_id] += payment.amount_minor
        items_total: dict[int, int] = defaultdict(int)
        for item in s.scalars(select(WorkOrderItem)):
            items_total[item.order_id] += item.quantity * item.unit_price_minor
        plans = {p.order_id: p for p in s.scalars(select(PaymentPlan))}
        for order in orders:
            assert order.paid_minor == paid[order.id]
            assert 0 <= order.paid_minor <= order.price_total_minor
            assert order.price_total_minor == items_total[order.id]
            assert format_number(order.number).casefold() in order.search_text
            assert order.search_text == order.search_text.casefold()
            plan = plans.get(order.id)
            if plan is None:
                assert order.unpaid_due_date is None
                continue
            installments = [(i.due_date, i.amount_minor) for i in plan.installments]
            assert sum(amount for _, amount in installments) == plan.amount_minor
            assert len(installments) == plan.installments_count
            assert plan.amount_minor == order.price_total_minor
            assert plan.currency == order.currency
            assert order.payment_method is plan.method
            assert order.unpaid_due_date == first_unpaid_due(installments, order.paid_minor)
        created = s.scalar(select(func.count(ActivityEntry.id))
                           .where(ActivityEntry.code == "order.created"))
        assert created == len(orders) == stats.orders
        # Dated when the order was made, as a front desk's entry would be, not at seeding time.
        assert s.scalar(select(func.count(ActivityEntry.id))
                        .join(WorkOrder, WorkOrder.id == ActivityEntry.order_id)
                        .where(ActivityEntry.code == "order.created",
                               ActivityEntry.at != WorkOrder.created_at)) == 0
        assert s.scalar(select(func.count(Payment.id))) == stats.payments
        assert s.scalar(select(func.count(Installment.id))) == stats.installments


def test_covers_every_status_and_the_awkward_cases(uow_factory) -> None:  # type: ignore[no-untyped-def]
    seed(uow_factory, 300, seed=3)
    today = FIXED_NOW.date()
    with uow_factory() as uow:
        orders = uow.session.scalars(select(WorkOrder)).all()
        surnames = uow.session.scalars(select(Patient.last_name)).all()
        uow.session.expunge_all()
    statuses = Tally(order.status for order in orders)
    assert set(statuses) == set(OrderStatus)
    assert any(order.on_hold for order in orders)
    assert any(order.is_remake and order.remake_of_id for order in orders)
    assert all(order.cancel_reason for order in orders if order.status is OrderStatus.CANCELLED)
    assert any(order.unpaid_due_date and order.unpaid_due_date < today for order in orders)
    assert any(0 < order.paid_minor < order.price_total_minor for order in orders)
    assert any(order.paid_minor == order.price_total_minor > 0 for order in orders)
    assert len({order.currency for order in orders}) > 3
    # Accented names, found without their accents: the search text is folded.
    assert any(not name.isascii() for name in surnames)
    assert all(order.search_text == search_fold(order.search_text) for order in orders)
    assert all(order.due_date is None or order.due_date >= order.documented_at
               for order in orders)
    assert all(order.documented_at <= today for order in orders)


def test_numbers_continue_from_the_counter_and_master_data_is_reused(uow_factory) -> None:  # type: ignore[no-untyped-def]
    first = seed(uow_factory, 40, seed=1)
    second = seed(uow_factory, 60, seed=2)
    assert (first.first_number, first.last_number) == (1, 40)
    assert (second.first_number, second.last_number) == (41, 100)
    with uow_factory() as uow:
        s = uow.session
        numbers = list(s.scalars(select(WorkOrder.number).order_by(WorkOrder.number)))
        assert numbers == list(range(1, 101))
        assert s.scalar(select(Counter.value).where(Counter.name == ORDER_COUNTER)) == 100
        lab_names = list(s.scalars(select(DentalLab.name)))
        assert len(lab_names) == len(set(lab_names))
        seeders = s.scalars(select(User).where(User.username == SEED_USERNAME)).all()
        assert len(seeders) == 1 and not seeders[0].active


def test_seeded_payments_are_in_the_log_as_if_recorded_by_hand(uow_factory) -> None:  # type: ignore[no-untyped-def]
    """One entry per payment (and per void), at the moment it happened, paid amount moving."""
    seed(uow_factory, 200, seed=5)
    with uow_factory().reading() as uow:
        s = uow.session
        payments = {p.id: p for p in s.scalars(select(Payment))}
        orders = {o.id: o for o in s.scalars(select(WorkOrder))}
        entries = s.scalars(select(ActivityEntry).where(ActivityEntry.entity == "payment")
                            .order_by(ActivityEntry.at, ActivityEntry.id)).all()
        added = [e for e in entries if e.action == "add_payment"]
        voided = [e for e in entries if e.action == "void_payment"]
        assert sorted(e.entity_id for e in added) == sorted(payments)
        assert sorted(e.entity_id for e in voided) == sorted(
            p.id for p in payments.values() if p.voided)
        assert voided, "the seed voids the odd payment entered twice"
        last_paid: dict[int, str] = {}
        for entry in entries:
            payment = payments[entry.entity_id]
            assert entry.order_id == payment.order_id
            assert entry.actor_id == payment.recorded_by_id and entry.actor_name
            number = format_number(orders[payment.order_id].number)
            if entry.action == "add_payment":
                assert entry.at == payment.recorded_at
                assert entry_text(entry).startswith(f"{number}: payment of ")
                paid_on = formats.date_text(payment.paid_on)
                assert entry_text(entry).endswith(f" on {paid_on} recorded")
            else:
                assert entry.at == payment.voided_at
                assert entry_text(entry).endswith("voided: Entered twice")
            after = json.loads(entry.after)
            if entry.order_id in last_paid:
                assert json.loads(entry.before)["paid"] == last_paid[entry.order_id]
            last_paid[entry.order_id] = after["paid"]
        for order_id, paid in last_paid.items():
            order = orders[order_id]
            assert paid == str(Money(order.paid_minor, order.currency))
        assert max(e.at for e in entries) <= FIXED_NOW


def iban_is_valid(iban: str) -> bool:
    return clean_iban(iban) == iban


@pytest.mark.parametrize("lab", LABS, ids=[lab[0] for lab in LABS])
def test_every_seeded_lab_has_bank_details_that_pass_the_checks(
    lab: tuple[str, ...]
) -> None:
    """Made-up accounts in each country's own form (an Italian one starts with a letter)."""
    _name, _city, country, _currency, _bank, bic = lab
    rng = random.Random(7)
    for _ in range(20):
        assert iban_is_valid(_iban(rng, country))
    assert clean_bic(bic) == bic


def test_zero_orders_still_leaves_a_usable_catalogue(uow_factory) -> None:  # type: ignore[no-untyped-def]
    stats = seed(uow_factory, 0)
    assert stats.orders == 0 and stats.labs == 3 and stats.services > 0
    with uow_factory() as uow:
        assert uow.session.scalar(select(func.count(WorkOrder.id))) == 0
        labs = uow.session.scalars(select(DentalLab)).all()
        uow.session.expunge_all()
    assert len(labs) == 3
    assert all(iban_is_valid(lab.iban) and lab.bic and lab.bank_name for lab in labs)
