"""Every write service announces what it changed, and only once its transaction committed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from dentasync_desktop.domain.dto import (
    CustomerInput,
    EventInput,
    LabInput,
    OrderDetail,
    PaymentInput,
    PaymentPlanInput,
    UserInput,
)
from dentasync_desktop.domain.enums import EventKind, PaymentMethod, Role
from dentasync_desktop.domain.errors import ValidationError
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services import (
    attachments,
    comments,
    events,
    masterdata,
    orders,
    payments,
    payroll,
    printing,
    settings,
    users,
    workplan,
)
from dentasync_desktop.services.changes import Change, ChangeKind
from dentasync_desktop.services.maintenance import Database

from ..factories import World
from .helpers import new_order


class Heard:
    def __init__(self, database: Database) -> None:
        self.batches: list[tuple[Change, ...]] = []
        database.bus.subscribe(self.batches.append)

    def last(self) -> tuple[Change, ...]:
        assert self.batches, "nothing was announced"
        return self.batches[-1]

    def kinds(self) -> set[ChangeKind]:
        return {c.kind for c in self.last()}


@pytest.fixture
def heard(database: Database) -> Heard:
    return Heard(database)


def test_creating_an_order_announces_it_with_its_id_and_author(world: World, heard: Heard
                                                                ) -> None:
    order = new_order(world)
    assert heard.last() == (Change(ChangeKind.ORDER, (order.id,), order.id,
                                   world.admin.user_id),)


def test_order_actions_announce_the_order(world: World, heard: Heard) -> None:
    order = new_order(world)
    for step in (lambda o: orders.publish(world.uow(), world.admin, o.id, o.version),
                 lambda o: orders.set_hold(world.uow(), world.admin, o.id, o.version, True,
                                           "waiting"),
                 lambda o: orders.update_due_date(world.uow(), world.admin, o.id, o.version,
                                                  date(2026, 12, 1)),
                 lambda o: orders.edit_order(world.uow(), world.admin, o.id, o.version,
                                             world.order_input(description="Bridge"))):
        order = step(order)
        assert heard.last() == (Change(ChangeKind.ORDER, (order.id,), order.id,
                                       world.admin.user_id),)
    copy = orders.copy_order(world.uow(), world.admin, order.id)
    assert {c.order_id for c in heard.last()} == {order.id, copy.id}


def _order_part_cases(world: World, tmp_path: Path
                      ) -> list[tuple[ChangeKind, Callable[[OrderDetail], OrderDetail]]]:
    admin, uow = world.admin, world.uow
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 test")
    at = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    return [
        (ChangeKind.EVENT, lambda o: events.add_event(
            uow(), admin, o.id, EventInput(EventKind.TRY_IN, at, reminder_minutes=15)).detail),
        (ChangeKind.EVENT, lambda o: events.set_event_done(uow(), admin, o.events[0].id, True)),
        (ChangeKind.EVENT, lambda o: events.delete_event(uow(), admin, o.events[0].id)),
        (ChangeKind.COMMENT, lambda o: comments.add_comment(uow(), admin, o.id, "Call back")),
        (ChangeKind.COMMENT, lambda o: comments.edit_comment(uow(), admin, o.comments[0].id,
                                                             "Called")),
        (ChangeKind.ATTACHMENT, lambda o: attachments.add_attachment(uow(), admin, o.id, scan)),
        (ChangeKind.ATTACHMENT, lambda o: attachments.remove_attachment(
            uow(), admin, o.attachments[0].id)),
        (ChangeKind.WORKPLAN, lambda o: workplan.add_task(uow(), admin, o.id, "Model")),
        (ChangeKind.WORKPLAN, lambda o: workplan.set_task_done(uow(), admin, o.tasks[0].id,
                                                               True)),
        (ChangeKind.PAYROLL, lambda o: payroll.add_payroll(uow(), admin, o.id, world.staff_id,
                                                           Money(5000, "EUR"))),
        (ChangeKind.PAYMENT, lambda o: payments.set_payment_plan(
            uow(), admin, o.id, PaymentPlanInput(Money(50000, "EUR"), PaymentMethod.CASH, 2,
                                                date(2026, 12, 1)))),
        (ChangeKind.PAYMENT, lambda o: payments.record_payment(
            uow(), admin, o.id, PaymentInput(date(2026, 11, 20), Money(1000, "EUR"),
                                             PaymentMethod.CASH))),
        (ChangeKind.PAYMENT, lambda o: payments.void_payment(uow(), admin, o.payments[0].id,
                                                             "typo")),
    ]


def test_each_order_part_service_announces_its_kind_id_and_order(
        world: World, heard: Heard, tmp_path: Path) -> None:
    draft = new_order(world)
    published = orders.publish(world.uow(), world.admin, draft.id, draft.version)
    order = orders.start_production(world.uow(), world.admin, published.id, published.version)
    for kind, action in _order_part_cases(world, tmp_path):
        order = action(order)
        (change,) = heard.last()
        assert change.kind == kind, action
        assert change.order_id == order.id
        assert change.actor_id == world.admin.user_id
        assert len(change.ids) == 1 and change.ids[0] is not None


def test_master_data_users_and_settings_announce_their_kind(world: World, heard: Heard) -> None:
    admin, uow = world.admin, world.uow
    lab = masterdata.save_lab(uow(), admin, LabInput(name="Neues Labor"))
    assert heard.last() == (Change(ChangeKind.LAB, (lab.id,), None, admin.user_id),)
    masterdata.set_lab_active(uow(), admin, lab.id, False)
    assert heard.kinds() == {ChangeKind.LAB}
    customer = masterdata.save_customer(uow(), admin, CustomerInput(name="Dr. New"))
    assert heard.last()[0].ids == (customer.id,)
    masterdata.delete_customer(uow(), admin, customer.id)
    assert heard.kinds() == {ChangeKind.CUSTOMER}
    masterdata.quick_add_patient(uow(), admin, "Eva", "Nowak")
    assert heard.kinds() == {ChangeKind.PATIENT}
    user = users.save_user(uow(), admin, UserInput("eva", "Eva", Role.FRONT_DESK, "long-password"))
    assert heard.last()[0] == Change(ChangeKind.USER, (user.id,), None, admin.user_id)
    org = settings.get_settings(uow())
    settings.save_settings(uow(), admin, replace(org, name="Smile Lab"))
    assert heard.kinds() == {ChangeKind.SETTINGS}
    printing.save_sections(uow(), admin, ["items"])
    assert heard.kinds() == {ChangeKind.SETTINGS}


def test_a_refused_action_announces_nothing(world: World, heard: Heard) -> None:
    order = new_order(world)
    count = len(heard.batches)
    with pytest.raises(ValidationError):
        comments.add_comment(world.uow(), world.admin, order.id, "   ")
    assert len(heard.batches) == count


def test_reads_announce_nothing(world: World, heard: Heard) -> None:
    order = new_order(world)
    count = len(heard.batches)
    masterdata.list_labs(world.uow(), world.admin)
    from dentasync_desktop.services import order_detail
    order_detail.get_order(world.uow(), world.admin, order.id)
    assert len(heard.batches) == count
