"""Range limits: hostile amounts, dates, ids and export targets are refused with the field named.

Never an OverflowError, an "integer overflow" from SQLite, or a raw OSError.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dentasync_desktop.domain.dto import (
    EventInput,
    FinanceFilter,
    ItemInput,
    OrderFilter,
    PatientInput,
    PaymentInput,
    PaymentPlanInput,
    ServiceInput,
)
from dentasync_desktop.domain.enums import EventKind, PaymentMethod
from dentasync_desktop.domain.errors import NotFound, ValidationError
from dentasync_desktop.domain.money import MAX_MINOR, Money
from dentasync_desktop.services import (
    calendar,
    events,
    finance,
    masterdata,
    order_detail,
    order_list,
    orders,
    payments,
    payroll,
    printing,
    reports,
    workplan,
)

from ..factories import World
from .helpers import new_order, refused

HUGE = 2**63
FAR_FUTURE = datetime(9999, 12, 31, 23, 0, tzinfo=UTC)


def item(unit_price: int, quantity: int = 1) -> ItemInput:
    return ItemInput(description="Bridge", quantity=quantity, unit_price=Money(unit_price, "EUR"))


def test_the_bound_is_ten_to_the_twelve_minor_units() -> None:
    assert MAX_MINOR == 10**12
    assert Money.parse("10000000000.00", "EUR").minor == MAX_MINOR
    with pytest.raises(ValidationError, match=r"(?i)amount: .*at most 10000000000\.00 EUR"):
        Money.parse("10000000000.01", "EUR")
    with pytest.raises(ValidationError):
        Money.parse("9999999999999.99", "EUR")


# Each case: (what it calls, the field the refusal must name).
Call = Callable[[World, int], Any]

AMOUNT_CASES: list[tuple[str, Call, str]] = [
    ("unit price over the bound",
     lambda w, o: orders.create_order(w.uow(), w.admin, w.order_input(
         items=(item(MAX_MINOR + 1),))), "item 1 price"),
    ("unit price 2**63",
     lambda w, o: orders.create_order(w.uow(), w.admin, w.order_input(items=(item(HUGE),))),
     "item 1 price"),
    ("quantity over 10,000",
     lambda w, o: orders.create_order(w.uow(), w.admin, w.order_input(
         items=(item(100, 10_001),))), "item 1 quantity"),
    ("order total over the bound",
     lambda w, o: orders.create_order(w.uow(), w.admin, w.order_input(
         items=(item(MAX_MINOR // 2, 2), item(1)))), "items"),
    ("adjusted price 2**63",
     lambda w, o: orders.adjust_price(w.uow(), w.admin, o, 1, Money(HUGE, "EUR")), "price"),
    ("payment 2**63",
     lambda w, o: payments.record_payment(w.uow(), w.admin, o, PaymentInput(
         date(2026, 11, 3), Money(HUGE, "EUR"), PaymentMethod.CASH)), "amount"),
    ("plan 2**63",
     lambda w, o: payments.set_payment_plan(w.uow(), w.admin, o, PaymentPlanInput(
         amount=Money(HUGE, "EUR"), method=PaymentMethod.CASH,
         first_due_date=date(2026, 12, 1))), "amount"),
    ("service price 2**63",
     lambda w, o: masterdata.save_service(w.uow(), w.admin, ServiceInput(
         code="BIG", name="Big", unit_price=Money(HUGE, "EUR"))), "price"),
]

DATE_CASES: list[tuple[str, Call, str]] = [
    ("documented on date.max",
     lambda w, o: orders.create_order(w.uow(), w.admin, replace(
         w.order_input(), documented_at=date.max, due_date=None)), "documented date"),
    ("documented in year 1",
     lambda w, o: orders.create_order(w.uow(), w.admin, replace(
         w.order_input(), documented_at=date(1, 1, 1), due_date=None)), "documented date"),
    ("due on date.max",
     lambda w, o: orders.update_due_date(w.uow(), w.admin, o, 1, date.max), "due date"),
    ("paid in year 1",
     lambda w, o: payments.record_payment(w.uow(), w.admin, o, PaymentInput(
         date(1, 1, 1), Money(100, "EUR"), PaymentMethod.CASH)), "paid on"),
    ("plan starting on date.max",
     lambda w, o: payments.set_payment_plan(w.uow(), w.admin, o, PaymentPlanInput(
         amount=Money(100, "EUR"), method=PaymentMethod.CASH, installments=3,
         first_due_date=date.max)), "first due date"),
    ("event at the end of time",
     lambda w, o: events.add_event(w.uow(), w.admin, o, EventInput(
         kind=EventKind.TRY_IN, starts_at=FAR_FUTURE, reminder_minutes=60)), "start"),
    ("event in year 1",
     lambda w, o: events.add_event(w.uow(), w.admin, o, EventInput(
         kind=EventKind.TRY_IN, starts_at=datetime(1, 1, 1, 0, 30, tzinfo=UTC))), "start"),
    ("calendar up to the end of time",
     lambda w, o: calendar.calendar_events(w.uow(), w.admin, datetime(2026, 1, 1, tzinfo=UTC),
                                           FAR_FUTURE), "end"),
    ("task due on date.max",
     lambda w, o: workplan.add_task(w.uow(), w.admin, o, "Model", due_date=date.max),
     "due date"),
    ("patient born in year 1",
     lambda w, o: masterdata.save_patient(w.uow(), w.admin, PatientInput(
         first_name="Old", last_name="Person", date_of_birth=date(1, 1, 1))), "date of birth"),
    ("payroll up to date.max",
     lambda w, o: payroll.list_payroll(w.uow(), w.admin, date_to=date.max), "date to"),
    ("finance from year 1",
     lambda w, o: finance.summary(w.uow(), w.admin, FinanceFilter(date_from=date(1, 1, 1))),
     "date from"),
    ("order list due up to date.max",
     lambda w, o: order_list.list_orders(w.uow(), w.admin, OrderFilter(due_to=date.max), 0, 50),
     "due to"),
]

ID_CASES: list[tuple[str, Call, str]] = [
    ("offset 2**63",
     lambda w, o: order_list.list_orders(w.uow(), w.admin, OrderFilter(), HUGE, 50), "offset"),
    ("limit 2**63",
     lambda w, o: order_list.list_orders(w.uow(), w.admin, OrderFilter(), 0, HUGE), "limit"),
    ("finance offset 2**63",
     lambda w, o: finance.order_rows(w.uow(), w.admin, FinanceFilter(), HUGE, 50), "offset"),
    ("lab filter 2**63",
     lambda w, o: order_list.list_orders(w.uow(), w.admin, OrderFilter(lab_id=HUGE), 0, 50),
     "dental lab"),
    ("finance lab filter 2**63",
     lambda w, o: finance.lab_rows(w.uow(), w.admin, FinanceFilter(lab_id=HUGE)), "dental lab"),
    ("payroll staff filter 2**63",
     lambda w, o: payroll.list_payroll(w.uow(), w.admin, staff_id=HUGE), "employee"),
]


@pytest.mark.parametrize(("case", "call", "field"), AMOUNT_CASES + DATE_CASES + ID_CASES,
                         ids=[c[0] for c in AMOUNT_CASES + DATE_CASES + ID_CASES])
def test_out_of_range_input_is_refused_naming_the_field(
    world: World, case: str, call: Call, field: str
) -> None:
    order_id = new_order(world).id
    with refused(world, ValidationError) as caught:
        call(world, order_id)
    assert caught.value.field == field, caught.value.message  # type: ignore[attr-defined]


@pytest.mark.parametrize("minor", [MAX_MINOR + 1, HUGE])
def test_a_payroll_amount_over_the_bound_is_refused(world: World, minor: int) -> None:
    order = new_order(world)
    order = orders.publish(world.uow(), world.admin, order.id, order.version)
    order = orders.start_production(world.uow(), world.admin, order.id, order.version)
    with refused(world, ValidationError) as caught:
        payroll.add_payroll(world.uow(), world.admin, order.id, world.staff_id,
                            Money(minor, "EUR"))
    assert caught.value.field == "amount"  # type: ignore[attr-defined]


@pytest.mark.parametrize("record_id", [HUGE, 2**64, -HUGE - 1])
def test_an_id_beyond_sqlite_integers_is_simply_not_found(world: World, record_id: int) -> None:
    with refused(world, NotFound):
        order_detail.get_order(world.uow(), world.admin, record_id)


def test_orders_at_the_maximum_add_up_in_the_finance_page_and_every_report(
    world: World, tmp_path: Path
) -> None:
    # Three orders at the largest total (10,000 x 10^8 = 10^12) and fully paid.
    biggest = (item(MAX_MINOR // 10_000, 10_000),)
    for _ in range(3):
        order = orders.create_order(world.uow(), world.admin, world.order_input(items=biggest))
        payments.record_payment(world.uow(), world.admin, order.id, PaymentInput(
            date(2026, 11, 3), Money(MAX_MINOR, "EUR"), PaymentMethod.BANK_TRANSFER))
    flt = FinanceFilter()
    summary = finance.summary(world.uow(), world.admin, flt)
    eur = next(c for c in summary.per_currency if c.total.currency == "EUR")
    assert eur.total == eur.paid == Money(3 * MAX_MINOR, "EUR")
    labs = finance.lab_rows(world.uow(), world.admin, flt)
    assert sum(r.total.minor for r in labs) == 3 * MAX_MINOR
    assert len(finance.order_rows(world.uow(), world.admin, flt, 0, 50)) == 3
    for view in ("labs", "orders"):
        for suffix in ("xlsx", "pdf", "csv"):
            target = tmp_path / f"{view}.{suffix}"
            reports.export_finance(world.uow_factory, world.admin, view, flt, suffix, target)
            assert target.stat().st_size > 0
    assert "10000000000.00" in (tmp_path / "orders.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("name", ["folder", "nul\x00byte.xlsx"])
def test_exporting_to_a_folder_or_a_name_with_a_nul_byte_is_refused(
    world: World, tmp_path: Path, name: str
) -> None:
    out = tmp_path / "out"
    (out / "folder").mkdir(parents=True)
    with pytest.raises(ValidationError) as caught:
        reports.export_finance(world.uow_factory, world.admin, "orders", FinanceFilter(),
                               "csv", out / name)
    assert caught.value.field == "file"
    assert sorted(p.name for p in out.iterdir()) == ["folder"]


def test_a_due_date_far_ahead_but_in_range_still_works(world: World) -> None:
    order = new_order(world)
    later = date(2026, 11, 2) + timedelta(days=365 * 100)
    assert orders.update_due_date(world.uow(), world.admin, order.id, order.version,
                                  later).due_date == later


def test_printing_to_a_name_with_a_nul_byte_is_refused(world: World, tmp_path: Path) -> None:
    order = new_order(world)
    with pytest.raises(ValidationError) as caught:
        printing.print_order_form(world.uow(), world.admin, order.number,
                                  tmp_path / "form\x00.pdf")
    assert caught.value.field == "output file"


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.tuples(st.integers(0, 2**64), st.integers(-5, 20_000)),
                      min_size=1, max_size=4))
def test_any_order_is_either_refused_by_field_or_within_the_bound(
    world: World, lines: list[tuple[int, int]]
) -> None:
    """Whatever prices and quantities come in, what is stored can always be summed."""
    data = world.order_input(items=tuple(item(price, quantity) for price, quantity in lines))
    try:
        order = orders.create_order(world.uow(), world.admin, data)
    except ValidationError as error:
        assert error.field.startswith("item")
    else:
        assert 0 <= order.total.minor <= MAX_MINOR
    assert finance.summary(world.uow(), world.admin, FinanceFilter()) is not None
