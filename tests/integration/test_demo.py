"""The demo database: filled once, reproducible, with one working account per role."""

from __future__ import annotations

from collections import Counter as Tally
from pathlib import Path

from sqlalchemy import func, select

from dentasync_desktop.db.engine import make_session_factory
from dentasync_desktop.db.models import (
    ActivityEntry,
    Comment,
    DentalLab,
    Event,
    Patient,
    Payment,
    PaymentPlan,
    User,
    WorkOrder,
    WorkTask,
)
from dentasync_desktop.domain.bank import clean_bic, clean_iban
from dentasync_desktop.domain.enums import OrderStatus, Role
from dentasync_desktop.paths import resolve_paths
from dentasync_desktop.services import orders
from dentasync_desktop.services.attachment_store import AttachmentStore
from dentasync_desktop.services.demo import DEMO_ORDERS, DEMO_USERS, fill_demo
from dentasync_desktop.services.maintenance import connect_database
from dentasync_desktop.services.passwords import hash_password, verify_password
from dentasync_desktop.services.unit_of_work import UnitOfWork

from ..conftest import FIXED_NOW
from ..factories import World


def count(uow_factory, model) -> int:  # type: ignore[no-untyped-def]
    with uow_factory() as uow:
        return uow.session.scalar(select(func.count()).select_from(model)) or 0


def test_fills_an_empty_database_once(uow_factory) -> None:  # type: ignore[no-untyped-def]
    assert fill_demo(uow_factory) is True
    assert count(uow_factory, WorkOrder) == DEMO_ORDERS
    payments = count(uow_factory, Payment)
    assert fill_demo(uow_factory) is False
    assert count(uow_factory, WorkOrder) == DEMO_ORDERS
    assert count(uow_factory, Payment) == payments


def test_every_demo_account_signs_in_with_its_documented_password(uow_factory) -> None:  # type: ignore[no-untyped-def]
    fill_demo(uow_factory)
    assert {user.role for user in DEMO_USERS} == set(Role)
    with uow_factory() as uow:
        users = {u.username: u for u in uow.session.scalars(select(User))}
        for demo in DEMO_USERS:
            user = users[demo.username]
            assert user.role is demo.role and user.active
            assert verify_password(demo.password, user.password_hash)
            assert not verify_password(demo.password + "x", user.password_hash)
        assert users["tech"].staff_id is not None


def test_demo_data_is_rich_and_realistic(uow_factory) -> None:  # type: ignore[no-untyped-def]
    fill_demo(uow_factory)
    with uow_factory() as uow:
        s = uow.session
        statuses = Tally(s.scalars(select(WorkOrder.status)))
        patients = {f"{first} {last}" for first, last in s.execute(
            select(Patient.first_name, Patient.last_name))}
        labs = s.scalars(select(DentalLab)).all()
        assert set(statuses) == set(OrderStatus)
        assert {"Łukasz Müller", "Ğül Ørsted"} <= patients
        assert len(labs) >= 5 and all(lab.iban and lab.bic and lab.bank_name for lab in labs)
        assert s.scalar(select(func.count(WorkOrder.id)).where(WorkOrder.on_hold)) > 0
        logged = s.scalars(select(ActivityEntry).where(ActivityEntry.action == "add_payment"))
        # Each payment in the log, entered when it was made (history, not all "today").
        recorded = {payment.id: payment.recorded_at for payment in s.scalars(select(Payment))}
        assert {e.entity_id: e.at for e in logged} == recorded
        assert all(clean_iban(lab.iban) == lab.iban and clean_bic(lab.bic) == lab.bic
                   for lab in labs)
    for model in (PaymentPlan, Payment, Event, Comment, WorkTask):
        assert count(uow_factory, model) > 0, model.__name__


def test_demo_data_is_reproducible(uow_factory, migrated_copy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    twin = connect_database(migrated_copy(resolve_paths(tmp_path / "twin")))
    try:
        factory = make_session_factory(twin.engine)
        store = AttachmentStore(twin.paths.attachments_dir)
        fill_demo(uow_factory)
        fill_demo(lambda: UnitOfWork(factory, store, clock=lambda: FIXED_NOW))

        def summary(engine_factory) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
            with engine_factory() as uow:
                return [tuple(row) for row in uow.session.execute(
                    select(WorkOrder.number, WorkOrder.status, WorkOrder.search_text,
                           WorkOrder.price_total_minor, WorkOrder.paid_minor,
                           WorkOrder.documented_at).order_by(WorkOrder.number))]

        assert summary(uow_factory) == summary(
            lambda: UnitOfWork(factory, store, clock=lambda: FIXED_NOW))
    finally:
        twin.close()


def test_a_database_with_orders_is_left_alone(world: World) -> None:
    orders.create_order(world.uow(), world.admin, world.order_input())
    assert fill_demo(world.uow_factory) is False
    assert count(world.uow_factory, WorkOrder) == 1
    with world.uow() as uow:
        names = set(uow.session.scalars(select(User.username)))
    assert not {"desk", "tech"} & names


def test_an_existing_account_keeps_its_password(uow_factory) -> None:  # type: ignore[no-untyped-def]
    with uow_factory() as uow:
        uow.session.add(User(username="admin", full_name="Real Admin", role=Role.ADMIN,
                             password_hash=hash_password("the real one")))
        uow.commit()
    assert fill_demo(uow_factory) is True
    with uow_factory() as uow:
        admin = uow.session.scalar(select(User).where(User.username == "admin"))
        assert admin is not None and admin.full_name == "Real Admin"
        assert verify_password("the real one", admin.password_hash)
        assert uow.session.scalar(select(func.count(User.id))) == len(DEMO_USERS)


def test_the_demo_clinic_has_a_real_name_and_address(uow_factory) -> None:  # type: ignore[no-untyped-def]
    from dentasync_desktop.services.settings import get_settings

    fill_demo(uow_factory)
    organisation = get_settings(uow_factory())
    assert organisation.name == "Zahnarztpraxis Dr. Weber & Kollegen"
    assert organisation.address and organisation.phone and organisation.email


def test_demo_patients_have_contact_details_and_orders_a_history(uow_factory) -> None:  # type: ignore[no-untyped-def]
    """The order screen's patient box and its activity log look like a practice's own."""
    fill_demo(uow_factory)
    with uow_factory() as uow:
        s = uow.session
        patients = s.scalars(select(Patient)).all()
        assert all(p.phone.startswith("+") and "\n" in p.address for p in patients)
        assert any(p.contact_person for p in patients)
        delivered = s.scalars(select(WorkOrder).where(
            WorkOrder.status == OrderStatus.COMPLETED)).first()
        assert delivered is not None
        steps = s.scalars(select(ActivityEntry).where(
            ActivityEntry.order_id == delivered.id,
            ActivityEntry.code == "order.status_changed").order_by(ActivityEntry.at)).all()
        assert [e.action for e in steps] == ["publish", "start_production", "produce", "ship",
                                             "deliver", "complete"]
        assert steps[0].at == delivered.published_at and steps[4].at == delivered.delivered_at
        assert all(e.at <= uow.now() for e in steps)
