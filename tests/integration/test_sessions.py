"""Sessions are re-checked in every service call: deactivated, demoted and made-up actors."""

from __future__ import annotations

import ast
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

import dentasync_desktop.services as services_package
from dentasync_desktop.domain.dto import Actor, LabInput, OrderFilter, PaymentInput, UserInput
from dentasync_desktop.domain.enums import PaymentMethod, Role
from dentasync_desktop.domain.errors import PermissionDenied, SessionEnded
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services import masterdata, order_detail, order_list, orders, payments, users

from ..factories import PASSWORD, World
from .helpers import new_order, refused


def test_a_deactivated_users_open_session_can_no_longer_write_or_read(world: World) -> None:
    desk = users.sign_in(world.uow(), "front_desk", PASSWORD)
    order = new_order(world)
    users.set_user_active(world.uow(), world.admin, desk.user_id or 0, False)

    payment = PaymentInput(date(2026, 11, 20), Money(10000, "EUR"), PaymentMethod.CASH)
    with refused(world, SessionEnded, "deactivated"):
        payments.record_payment(world.uow(), desk, order.id, payment)
    with refused(world, SessionEnded, "deactivated"):
        orders.cancel(world.uow(), desk, order.id, order.version, "Patient moved away")
    with refused(world, SessionEnded):
        order_list.list_orders(world.uow(), desk, OrderFilter(), 0, 50)
    with refused(world, SessionEnded):
        order_detail.get_order(world.uow(), desk, order.id)


def test_a_demoted_manager_cannot_edit_labs_any_more(world: World) -> None:
    manager = users.sign_in(world.uow(), "manager", PASSWORD)
    masterdata.save_lab(world.uow(), manager, LabInput(name="Before the demotion"))
    row = world.users[Role.MANAGER]
    users.save_user(world.uow(), world.admin, UserInput(
        id=row.id, username=row.username, full_name=row.full_name, role=Role.FRONT_DESK))

    with refused(world, SessionEnded, "changed your role to Front desk"):
        masterdata.save_lab(world.uow(), manager, LabInput(name="After the demotion"))
    # Signed in again, the new role applies.
    desk = users.sign_in(world.uow(), "manager", PASSWORD)
    with refused(world, PermissionDenied):
        masterdata.save_lab(world.uow(), desk, LabInput(name="After the demotion"))


@pytest.mark.parametrize("made_up", [
    Actor(None, "cli", "Command line", Role.ADMIN),
    Actor(9999, "ghost", "Nobody", Role.ADMIN),
    # A real front-desk user claiming a higher role.
    Actor(3, "front_desk", "Front desk User", Role.ADMIN),
], ids=["no user id", "unknown user", "role raised"])
def test_an_actor_made_up_in_code_is_refused(world: World, made_up: Actor) -> None:
    assert world.users[Role.FRONT_DESK].id == 3
    with refused(world, SessionEnded):
        users.save_user(world.uow(), made_up, UserInput(
            username="intruder", full_name="Intruder", role=Role.ADMIN, password=PASSWORD))
    with refused(world, SessionEnded):
        users.list_users(world.uow(), made_up)
    with refused(world, SessionEnded):
        orders.create_order(world.uow(), made_up, world.order_input())


def test_the_same_session_works_while_the_account_is_unchanged(world: World) -> None:
    desk = users.sign_in(world.uow(), "front_desk", PASSWORD)
    order = new_order(world)
    users.save_user(world.uow(), world.admin, UserInput(
        id=desk.user_id, username="front_desk", full_name="Renamed", role=Role.FRONT_DESK))
    payments.record_payment(world.uow(), replace(desk), order.id, PaymentInput(
        date(2026, 11, 20), Money(10000, "EUR"), PaymentMethod.CASH))


# --- no service can forget the check --------------------------------------------------------------

SERVICES_DIR = Path(services_package.__file__).parent
# File-level commands with no database session; their callers (CLI, GUI) have signed in.
NO_DATABASE = {"back_up_now", "restore_from", "move_to_server"}


def _functions() -> dict[str, tuple[ast.FunctionDef, str]]:
    found: dict[str, tuple[ast.FunctionDef, str]] = {}
    for path in sorted(SERVICES_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                found.setdefault(node.name, (node, path.stem))
    return found


def _callees(node: ast.FunctionDef) -> set[str]:
    names = set()
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            func = call.func
            names.add(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
    return names


def test_every_service_taking_an_actor_checks_the_session() -> None:
    functions = _functions()
    graph = {name: _callees(node) for name, (node, _module) in functions.items()}

    def reaches_check(name: str, seen: set[str]) -> bool:
        if name == "signed_in":
            return True
        seen.add(name)
        return any(reaches_check(callee, seen) for callee in graph.get(name, ())
                   if callee in graph and callee not in seen)

    unchecked = [
        f"{module}.{name}" for name, (node, module) in functions.items()
        if not name.startswith("_") and "actor" in {a.arg for a in node.args.args}
        and name not in NO_DATABASE and not reaches_check(name, set())
    ]
    assert unchecked == []
