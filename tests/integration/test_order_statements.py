"""How many statements opening and creating an order send: a fixed number whatever the order
holds, so a return to a query per row (or per name looked up) fails here.

Every action answers with the order's detail and the detail screen reads it on each open, so
these few statements run more than any others."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path

from dentasync_desktop.domain.dto import (
    EventInput,
    ItemInput,
    OrderDetail,
    PaymentInput,
    PaymentPlanInput,
)
from dentasync_desktop.domain.enums import EventKind, PaymentMethod
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services import (
    attachments,
    comments,
    events,
    order_detail,
    orders,
    payments,
    payroll,
    workplan,
)

from ..factories import World
from .helpers import new_order, statements_sent

# The order with its lab, customer, patient and source orders' numbers; its items, tasks,
# payment plan with installments, payments, events, attachments, comments, payroll records.
DETAIL_STATEMENTS = 9


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def order_with_everything(world: World, tmp_path: Path) -> OrderDetail:
    """An order with two or more of every kind of row the detail shows, each named one
    recorded by someone, a copy of one order and a remake of another."""
    source = new_order(world)
    remade = new_order(world)
    order = orders.copy_order(world.uow(), world.admin, source.id)
    order = orders.edit_order(world.uow(), world.admin, order.id, order.version,
                              world.order_input(items=tuple(
                                  ItemInput(description=f"Crown {n}", quantity=1,
                                            unit_price=eur(10000), service_id=world.service_id)
                                  for n in range(3))))
    order = orders.mark_remake(world.uow(), world.admin, order.id, order.version,
                               remade.number, "Shade off")
    for name in ("Model", "Framework", "Layering"):
        workplan.add_task(world.uow(), world.admin, order.id, name, world.staff_id)
    payments.set_payment_plan(world.uow(), world.admin, order.id, PaymentPlanInput(
        amount=eur(30000), method=PaymentMethod.CARD, installments=3,
        first_due_date=date(2026, 12, 1)))
    for day in (3, 4):
        payments.record_payment(world.uow(), world.admin, order.id, PaymentInput(
            paid_on=date(2026, 11, day), amount=eur(5000), method=PaymentMethod.CASH))
        events.add_event(world.uow(), world.admin, order.id, EventInput(
            kind=EventKind.TRY_IN, starts_at=datetime(2026, 12, day, 9, tzinfo=UTC)))
        comments.add_comment(world.uow(), world.admin, order.id, f"Note {day}")
        payroll.add_payroll(world.uow(), world.admin, order.id, world.staff_id, eur(day * 100))
        scan = tmp_path / f"scan {day}.pdf"
        scan.write_bytes(f"scan {day}".encode())
        order = attachments.add_attachment(world.uow(), world.admin, order.id, scan)
    return order


def test_the_detail_is_read_in_the_same_few_statements_whatever_the_order_holds(
    world: World, tmp_path: Path
) -> None:
    full = order_with_everything(world, tmp_path)
    assert (len(full.items), len(full.tasks), len(full.payments), len(full.events),
            len(full.attachments), len(full.comments), len(full.payroll)) == (3, 3, 2, 2, 2, 2, 2)
    assert full.plan is not None and len(full.plan.installments) == 3
    assert full.copied_from_number is not None and full.remake_of_number is not None
    bare = new_order(world, items=())
    for order in (full, bare):
        with world.uow().reading() as uow:
            uow.connection()  # the reading transaction's start is not the detail's
            sent = statements_sent(world, partial(order_detail.load_detail, uow, order.id))
        assert len(sent) == DETAIL_STATEMENTS, [sql for sql, _ in sent]


def _reads(sent: list[tuple[str, object]]) -> list[str]:
    """The statements that read, without the server's change notices (a SELECT there)."""
    return [sql for sql, _ in sent
            if sql.lstrip().upper().startswith("SELECT") and "pg_notify" not in sql]


def test_creating_an_order_reads_the_same_few_statements_however_many_items_it_has(
    world: World,
) -> None:
    """The writes are the ORM's (on SQLite it inserts items one by one to learn their ids);
    the reads are ours: the actor (twice: the permission, the log entry), the lab, customer
    and patient together, the items' services together, the highest ids, the number counter,
    then the detail."""
    for count in (1, 6):
        data = world.order_input(items=tuple(
            ItemInput(description=f"Item {n}", quantity=1, unit_price=eur(1000),
                      service_id=world.service_id) for n in range(count)))
        sent = statements_sent(world, partial(orders.create_order, world.uow(), world.admin,
                                              data))
        assert len(_reads(sent)) == 6 + DETAIL_STATEMENTS, _reads(sent)
