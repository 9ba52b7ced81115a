"""Payroll records: add, edit, finalize (lock) and the manager's list."""

from __future__ import annotations

from datetime import UTC, date, datetime

from dentasync_desktop.db.models import PayrollRecord, Staff
from dentasync_desktop.domain.dto import OrderDetail
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.errors import (
    LifecycleError,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services import orders, payroll

from ..conftest import FIXED_NOW
from ..factories import World
from .helpers import last_activity, new_order, one_activity, refused


def in_production(world: World) -> OrderDetail:
    order = new_order(world)
    order = orders.publish(world.uow(), world.admin, order.id, order.version)
    return orders.start_production(world.uow(), world.admin, order.id, order.version)


def second_staff(world: World, active: bool = True) -> int:
    with world.uow() as uow:
        staff = Staff(name="Petra Porcelain", active=active)
        uow.session.add(staff)
        uow.commit()
        return staff.id


def test_add_payroll_record(world: World) -> None:
    order = in_production(world)
    with one_activity(world, order.id):
        order = payroll.add_payroll(world.uow(), world.actors[Role.MANAGER], order.id,
                                    world.staff_id, Money(4500, "EUR"), "  Framework  ")
    record = order.payroll[0]
    assert (record.staff_name, record.amount, record.comment, record.finalized) == (
        "Tom Technician", Money(4500, "EUR"), "Framework", False)
    assert record.created_at == FIXED_NOW
    assert last_activity(world).entity == "payroll"


def test_add_payroll_refusals(world: World) -> None:
    order = in_production(world)
    retired = second_staff(world, active=False)
    cases = [
        (world.staff_id, Money(0, "EUR"), "", "^Amount: Must be greater than zero"),
        (world.staff_id, Money(-1, "EUR"), "", "^Amount: Must be greater than zero"),
        (retired, Money(100, "EUR"), "", "^Employee: Choose an active staff member"),
        (9999, Money(100, "EUR"), "", "^Employee: "),
        (world.staff_id, Money(100, "EUR"), "x" * 2001, "^Comment: Too long"),
    ]
    for staff_id, amount, comment, message in cases:
        with refused(world, ValidationError, message):
            payroll.add_payroll(world.uow(), world.admin, order.id, staff_id, amount, comment)
    for role in (Role.FRONT_DESK, Role.TECHNICIAN):
        with refused(world, PermissionDenied, "Payroll"):
            payroll.add_payroll(world.uow(), world.actors[role], order.id, world.staff_id,
                                Money(100, "EUR"))


def test_salary_is_calculated_in_draft_but_finalized_only_once_under_way(world: World) -> None:
    """The documentation lists "Calculate salary" for a Draft; the lock keeps its rule."""
    draft = payroll.add_payroll(world.uow(), world.admin, new_order(world).id, world.staff_id,
                                Money(100, "EUR"), "Estimate")
    assert draft.payroll[0].amount == Money(100, "EUR")
    with refused(world, LifecycleError, "^Finalize payroll is not possible for an order that "
                                        "is draft"):
        payroll.finalize_payroll(world.uow(), world.admin, draft.payroll[0].id)


def test_edit_then_finalize_locks_the_record(world: World) -> None:
    order = in_production(world)
    order = payroll.add_payroll(world.uow(), world.admin, order.id, world.staff_id,
                                Money(4500, "EUR"))
    record_id = order.payroll[0].id
    petra = second_staff(world)
    with one_activity(world, order.id):
        order = payroll.edit_payroll(world.uow(), world.admin, record_id, petra,
                                     Money(5000, "EUR"), "Layering")
    record = order.payroll[0]
    assert (record.staff_name, record.amount, record.comment) == (
        "Petra Porcelain", Money(5000, "EUR"), "Layering")
    entry = last_activity(world)
    assert "Tom Technician" in entry.before and "Petra Porcelain" in entry.after
    with refused(world, ValidationError, "^Amount"):
        payroll.edit_payroll(world.uow(), world.admin, record_id, petra, Money(0, "EUR"), "")
    with one_activity(world, order.id):
        order = payroll.finalize_payroll(world.uow(), world.admin, record_id)
    assert order.payroll[0].finalized and order.payroll[0].finalized_at == FIXED_NOW
    with refused(world, ValidationError, "^Payroll record: Was finalized on 2026-11-20"):
        payroll.finalize_payroll(world.uow(), world.admin, record_id)
    with refused(world, ValidationError, "is locked"):
        payroll.edit_payroll(world.uow(), world.admin, record_id, petra, Money(1, "EUR"), "")
    with refused(world, NotFound, "Payroll record #777"):
        payroll.finalize_payroll(world.uow(), world.admin, 777)


def test_finalize_needs_the_payroll_permission(world: World) -> None:
    order = in_production(world)
    order = payroll.add_payroll(world.uow(), world.admin, order.id, world.staff_id,
                                Money(4500, "EUR"))
    with refused(world, PermissionDenied):
        payroll.finalize_payroll(world.uow(), world.actors[Role.TECHNICIAN], order.payroll[0].id)


def test_payroll_of_a_cancelled_order_is_frozen(world: World) -> None:
    order = in_production(world)
    order = payroll.add_payroll(world.uow(), world.admin, order.id, world.staff_id,
                                Money(4500, "EUR"))
    record_id = order.payroll[0].id
    with refused(world, PermissionDenied):
        payroll.edit_payroll(world.uow(), world.actors[Role.FRONT_DESK], record_id,
                             world.staff_id, Money(1, "EUR"), "")
    order = orders.cancel(world.uow(), world.admin, order.id, order.version, "Lost impression")
    with refused(world, LifecycleError, "cancelled"):
        payroll.finalize_payroll(world.uow(), world.admin, record_id)
    with refused(world, LifecycleError, "cancelled"):
        payroll.edit_payroll(world.uow(), world.admin, record_id, world.staff_id,
                             Money(1, "EUR"), "")


def test_list_payroll_filters_by_employee_and_date(world: World) -> None:
    order = in_production(world)
    petra = second_staff(world)
    payroll.add_payroll(world.uow(), world.admin, order.id, world.staff_id, Money(100, "EUR"))
    payroll.add_payroll(world.uow(), world.admin, order.id, petra, Money(200, "EUR"))
    order = payroll.add_payroll(world.uow(), world.admin, order.id, world.staff_id,
                                Money(300, "EUR"))
    with world.uow() as uow:  # as if the last record had been written in December
        uow.session.get(PayrollRecord, order.payroll[-1].id).created_at = datetime(
            2026, 12, 15, 12, 0, tzinfo=UTC)
        uow.commit()
    manager = world.actors[Role.MANAGER]
    everything = payroll.list_payroll(world.uow(), manager)
    assert [r.amount.minor for r in everything] == [100, 200, 300]
    toms = payroll.list_payroll(world.uow(), manager, staff_id=world.staff_id)
    assert [(r.staff_name, r.amount.minor) for r in toms] == [
        ("Tom Technician", 100), ("Tom Technician", 300)]
    november = payroll.list_payroll(world.uow(), manager, date_from=date(2026, 11, 1),
                                    date_to=date(2026, 11, 30))
    assert [r.amount.minor for r in november] == [100, 200]
    december = payroll.list_payroll(world.uow(), manager, date_from=date(2026, 12, 15))
    assert [r.amount.minor for r in december] == [300]
    assert payroll.list_payroll(world.uow(), manager, date_to=date(2026, 11, 19)) == []
    with refused(world, ValidationError, "^Date to: The start date is after the end date"):
        payroll.list_payroll(world.uow(), manager, date_from=date(2026, 12, 1),
                             date_to=date(2026, 11, 1))
    with refused(world, PermissionDenied):
        payroll.list_payroll(world.uow(), world.actors[Role.FRONT_DESK])
