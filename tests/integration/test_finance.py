"""Finance dashboard: both tabs against an independent computation over the raw tables."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Date, String, func, select, text, type_coerce

from dentasync_desktop.db.models import DentalLab, Installment, Payment, PaymentPlan, WorkOrder
from dentasync_desktop.db.models.totals import totals
from dentasync_desktop.domain.dto import FinanceFilter, OrderFinanceRow, OrderFinanceSlice
from dentasync_desktop.domain.enums import OrderStatus, PaymentMethod, PaymentStatus, Role
from dentasync_desktop.domain.errors import PermissionDenied, ValidationError
from dentasync_desktop.domain.money import Money
from dentasync_desktop.domain.payments import first_unpaid_due, payment_status
from dentasync_desktop.domain.text import sort_key
from dentasync_desktop.services import finance, orders, passwords
from dentasync_desktop.services.seed import seed

from ..conftest import FIXED_NOW
from ..factories import CHEAP_COST, World
from .helpers import new_order, plan_of_the_order_query, statements_sent

TODAY = FIXED_NOW.date()


@dataclass(frozen=True)
class Raw:
    id: int
    number: int
    lab_id: int
    lab_name: str
    currency: str
    status: OrderStatus
    documented_at: date
    method: PaymentMethod | None
    total: int
    paid: int
    payment_status: PaymentStatus


def raw_orders(world: World) -> list[Raw]:
    """Paid and payment status recomputed from payments and installments, not read from the
    denormalised columns the services use."""
    with world.uow() as uow:
        s = uow.session
        paid: dict[int, int] = defaultdict(int)
        for payment in s.scalars(select(Payment).where(Payment.voided.is_(False))):
            paid[payment.order_id] += payment.amount_minor
        schedules: dict[int, list[tuple[date, int]]] = defaultdict(list)
        for order_id, due, amount in s.execute(
                select(PaymentPlan.order_id, Installment.due_date, Installment.amount_minor)
                .join(Installment, Installment.plan_id == PaymentPlan.id)):
            schedules[order_id].append((due, amount))
        labs = dict(s.execute(select(DentalLab.id, DentalLab.name)).all())
        return [
            Raw(o.id, o.number, o.lab_id, labs[o.lab_id], o.currency, o.status, o.documented_at,
                o.payment_method, o.price_total_minor, paid[o.id],
                payment_status(o.price_total_minor, paid[o.id],
                               first_unpaid_due(schedules[o.id], paid[o.id]), TODAY))
            for o in s.scalars(select(WorkOrder))
        ]


def matching(raw: list[Raw], flt: FinanceFilter, with_payment_status: bool = True) -> list[Raw]:
    return [
        r for r in raw
        if r.status is not OrderStatus.CANCELLED
        and (flt.date_from is None or r.documented_at >= flt.date_from)
        and (flt.date_to is None or r.documented_at <= flt.date_to)
        and (flt.lab_id is None or r.lab_id == flt.lab_id)
        and (flt.method is None or r.method is flt.method)
        and (not with_payment_status or flt.payment_status is None
             or r.payment_status is flt.payment_status)
    ]


def per_currency(rows: list[Raw]) -> dict[str, tuple[int, int, int]]:
    """currency -> (orders, paid, total)"""
    sums: dict[str, tuple[int, int, int]] = {}
    for r in rows:
        count, paid, total = sums.get(r.currency, (0, 0, 0))
        sums[r.currency] = (count + 1, paid + r.paid, total + r.total)
    return sums


@pytest.fixture(scope="module")
def seeded(shared_world: World) -> World:
    """Seeded once for the module: every test here only reads."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "current", CHEAP_COST)
        seed(shared_world.uow_factory, 300, seed=5)
    return shared_world


def filters(world: World) -> list[FinanceFilter]:
    return [
        FinanceFilter(),
        FinanceFilter(date_from=date(2026, 9, 1), date_to=date(2026, 9, 30)),
        FinanceFilter(date_from=date(2026, 10, 15)),
        FinanceFilter(date_to=date(2026, 8, 31)),
        FinanceFilter(date_from=date(2026, 9, 14), date_to=date(2026, 9, 14)),
        # Whole months and days left over at either end (the totals' two kinds of row).
        FinanceFilter(date_from=date(2026, 8, 17), date_to=date(2026, 10, 5)),
        FinanceFilter(date_from=date(2026, 7, 31), date_to=date(2026, 9, 30)),
        FinanceFilter(date_from=date(2026, 9, 1), date_to=date(2026, 9, 29)),
        FinanceFilter(date_from=date(2026, 9, 2), date_to=date(2026, 10, 1)),
        FinanceFilter(lab_id=world.lab_id),
        FinanceFilter(method=PaymentMethod.BANK_TRANSFER),
        FinanceFilter(lab_id=world.lab2_id, method=PaymentMethod.CARD,
                      date_from=date(2026, 8, 1), date_to=date(2026, 10, 31)),
    ]


def all_rows(world: World, flt: FinanceFilter, **sort: object) -> list[OrderFinanceRow]:
    return finance.order_rows(world.uow(), world.admin, flt, 0, 1000, **sort)  # type: ignore[arg-type]


def test_lab_rows_match_an_independent_computation(seeded: World) -> None:
    raw = raw_orders(seeded)
    assert {r.status for r in raw} == set(OrderStatus)
    for flt in filters(seeded):
        expected: dict[tuple[str, int, str], list[Raw]] = defaultdict(list)
        for r in matching(raw, flt):
            expected[(r.lab_name, r.lab_id, r.currency)].append(r)
        rows = finance.lab_rows(seeded.uow(), seeded.admin, flt)
        # Labs in dictionary order ("Łukasz" among the L), the id and currency breaking ties.
        assert [(r.lab_name, r.lab_id, r.currency) for r in rows] == sorted(
            expected, key=lambda e: (sort_key(e[0]), e[1], e[2])), flt
        for row in rows:
            group = expected[(row.lab_name, row.lab_id, row.currency)]
            assert row.order_count == len(group)
            assert row.paid == Money(sum(r.paid for r in group), row.currency)
            assert row.total == Money(sum(r.total for r in group), row.currency)
            assert row.paid + row.outstanding == row.total


def test_both_tabs_and_both_summaries_agree_per_currency(seeded: World) -> None:
    raw = raw_orders(seeded)
    for flt in filters(seeded):
        labs: dict[str, tuple[int, int, int]] = {}
        for row in finance.lab_rows(seeded.uow(), seeded.admin, flt):
            count, paid, total = labs.get(row.currency, (0, 0, 0))
            labs[row.currency] = (count + row.order_count, paid + row.paid.minor,
                                  total + row.total.minor)
        orders: dict[str, tuple[int, int, int]] = {}
        for (_number, _lab, _method, currency, paid, total, outstanding, status, _payment,
             _day) in finance.iter_order_values(seeded.uow(), seeded.admin, flt, batch=50):
            assert status != OrderStatus.CANCELLED
            assert paid + outstanding == total
            count, paid_sum, total_sum = orders.get(currency, (0, 0, 0))
            orders[currency] = (count + 1, paid_sum + paid, total_sum + total)
        expected = per_currency(matching(raw, flt))
        assert labs == orders == expected, flt
        assert finance.order_count(seeded.uow(), seeded.admin, flt) == sum(
            count for count, _, _ in expected.values())
        for view in finance.VIEWS:
            summary = finance.summary(seeded.uow(), seeded.admin, flt, view)
            assert [c.currency for c in summary.per_currency] == sorted(expected)
            assert {c.currency: (c.order_count, c.paid.minor, c.total.minor)
                    for c in summary.per_currency} == expected


def test_payment_status_filters_the_orders_tab_only(seeded: World) -> None:
    raw = raw_orders(seeded)
    unfiltered = FinanceFilter()
    labs = finance.lab_rows(seeded.uow(), seeded.admin, unfiltered)
    labs_summary = finance.summary(seeded.uow(), seeded.admin, unfiltered, "labs")
    for status in PaymentStatus:
        flt = replace(unfiltered, payment_status=status)
        expected = matching(raw, flt)
        assert expected, status
        rows = all_rows(seeded, flt)
        assert {r.order_id for r in rows} == {r.id for r in expected}
        assert all(r.payment_status is status for r in rows)
        assert finance.order_count(seeded.uow(), seeded.admin, flt) == len(expected)
        orders_summary = finance.summary(seeded.uow(), seeded.admin, flt, "orders")
        assert {c.currency: (c.order_count, c.paid.minor, c.total.minor)
                for c in orders_summary.per_currency} == per_currency(expected)
        assert finance.lab_rows(seeded.uow(), seeded.admin, flt) == labs
        assert finance.summary(seeded.uow(), seeded.admin, flt, "labs") == labs_summary


def test_summary_overdue_is_the_outstanding_of_overdue_orders(seeded: World) -> None:
    raw = matching(raw_orders(seeded), FinanceFilter())
    summary = finance.summary(seeded.uow(), seeded.admin, FinanceFilter())
    overdue: dict[str, int] = defaultdict(int)
    for r in raw:
        if r.payment_status is PaymentStatus.OVERDUE:
            overdue[r.currency] += r.total - r.paid
    assert any(overdue.values())
    for line in summary.per_currency:
        assert line.overdue == Money(overdue[line.currency], line.currency)
        assert line.paid + line.outstanding == line.total


@pytest.fixture(scope="module")
def raw(seeded: World) -> list[Raw]:
    return raw_orders(seeded)


optional_day = st.none() | st.dates(date(2026, 1, 1), date(2027, 1, 31))


@settings(max_examples=60, deadline=None)
@given(data=st.data(), date_from=optional_day, date_to=optional_day,
       method=st.none() | st.sampled_from(PaymentMethod),
       status=st.none() | st.sampled_from(PaymentStatus), view=st.sampled_from(finance.VIEWS))
def test_summary_equals_a_sum_over_every_order(
        seeded: World, raw: list[Raw], data: st.DataObject, date_from: date | None,
        date_to: date | None, method: PaymentMethod | None, status: PaymentStatus | None,
        view: str) -> None:
    """Whichever way the summary is made (from the totals and the overdue orders, from the
    overdue orders alone, or from every order of a payment status), its figures are those of
    the orders the filter counts, added up one by one."""
    if date_from is not None and date_to is not None and date_from > date_to:
        date_from, date_to = date_to, date_from
    lab_id = data.draw(st.none() | st.sampled_from(sorted({r.lab_id for r in raw})))
    flt = FinanceFilter(date_from=date_from, date_to=date_to, lab_id=lab_id, method=method,
                        payment_status=status)
    expected: dict[str, tuple[int, int, int, int]] = {}
    for r in matching(raw, flt, with_payment_status=view == "orders"):
        count, total, paid, overdue = expected.get(r.currency, (0, 0, 0, 0))
        late = r.total - r.paid if r.payment_status is PaymentStatus.OVERDUE else 0
        expected[r.currency] = (count + 1, total + r.total, paid + r.paid, overdue + late)

    summary = finance.summary(seeded.uow(), seeded.admin, flt, view)

    assert [c.currency for c in summary.per_currency] == sorted(expected)
    assert {c.currency: (c.order_count, c.total.minor, c.paid.minor, c.overdue.minor)
            for c in summary.per_currency} == expected


def test_the_overdue_sum_reads_only_the_orders_with_an_unpaid_installment(
        seeded: World) -> None:
    """The summary reads no order but through the partial index of the unpaid installments
    (and the totals), whatever the filter could use another index for."""
    flt = FinanceFilter(date_from=date(2026, 1, 1), date_to=date(2026, 11, 30),
                        lab_id=seeded.lab_id, method=PaymentMethod.CARD)
    lines = plan_of_the_order_query(
        seeded, lambda: finance.summary(seeded.uow(), seeded.admin, flt, "labs"))
    assert set(re.findall(r"ix_work_orders_\w+", lines)) == {"ix_work_orders_unpaid_due"}, lines
    assert not re.search(r"(?m)^\W*(SCAN work_orders|Seq Scan on work_orders)", lines), lines


@settings(max_examples=40, deadline=None)
@given(data=st.data(), date_from=optional_day, date_to=optional_day,
       method=st.none() | st.sampled_from(PaymentMethod),
       status=st.none() | st.sampled_from(PaymentStatus))
def test_the_order_count_is_that_of_the_orders_listed(
        seeded: World, raw: list[Raw], data: st.DataObject, date_from: date | None,
        date_to: date | None, method: PaymentMethod | None,
        status: PaymentStatus | None) -> None:
    """Whichever way it is counted (from the totals, from the overdue orders alone, or order
    by order), the count is that of the orders the Work orders tab lists."""
    if date_from is not None and date_to is not None and date_from > date_to:
        date_from, date_to = date_to, date_from
    lab_id = data.draw(st.none() | st.sampled_from(sorted({r.lab_id for r in raw})))
    flt = FinanceFilter(date_from=date_from, date_to=date_to, lab_id=lab_id, method=method,
                        payment_status=status)
    assert finance.order_count(seeded.uow(), seeded.admin, flt) == len(matching(raw, flt))


def test_the_order_count_reads_no_order_unless_a_payment_status_asks(seeded: World) -> None:
    """At a million orders counting them took 46-87 ms: without a payment status the totals
    kept per day and month answer, and the overdue ones come from the partial index of the
    unpaid installments, whatever the filter could use another index for."""
    for flt in filters(seeded):
        sent = statements_sent(
            seeded, lambda f=flt: finance.order_count(seeded.uow(), seeded.admin, f))
        assert not [sql for sql, _ in sent if "work_orders" in sql], flt
    overdue = FinanceFilter(date_from=date(2026, 1, 1), date_to=date(2026, 11, 30),
                            lab_id=seeded.lab_id, method=PaymentMethod.CARD,
                            payment_status=PaymentStatus.OVERDUE)
    lines = plan_of_the_order_query(
        seeded, lambda: finance.order_count(seeded.uow(), seeded.admin, overdue))
    assert set(re.findall(r"ix_work_orders_\w+", lines)) == {"ix_work_orders_unpaid_due"}, lines
    assert not re.search(r"(?m)^\W*(SCAN work_orders|Seq Scan on work_orders)", lines), lines


@pytest.mark.parametrize("sort_key", finance.FINANCE_SORT_KEYS)
def test_streamed_export_equals_the_pages_in_every_order(seeded: World, sort_key: str) -> None:
    flt = FinanceFilter(date_from=date(2026, 8, 1))
    for descending in (False, True):
        pages = all_rows(seeded, flt, sort_key=sort_key, descending=descending)
        streamed = list(finance.iter_order_values(seeded.uow(), seeded.admin, flt, batch=7,
                                                  sort_key=sort_key, descending=descending))
        assert streamed == [values_of(row) for row in pages]
        assert len({values[0] for values in streamed}) == len(streamed) > 7


def values_of(row: OrderFinanceRow) -> finance.OrderValues:
    """What the export stream yields for an order the tab shows as ``row``."""
    return (row.number, row.lab_name, row.payment_method and row.payment_method.value,
            row.total.currency, row.paid.minor, row.total.minor, row.outstanding.minor,
            row.status.value, row.payment_status.value, row.documented_at)


def test_default_order_is_newest_documented_first_with_ties_by_id(seeded: World) -> None:
    rows = all_rows(seeded, FinanceFilter())
    assert [r.order_id for r in rows] == [r.id for r in sorted(
        matching(raw_orders(seeded), FinanceFilter()),
        key=lambda r: (r.documented_at, r.id), reverse=True)]
    page = finance.order_rows(seeded.uow(), seeded.admin, FinanceFilter(), offset=10, limit=5)
    assert page == rows[10:15]
    assert rows[0].number_text.startswith("WO-")


def test_sorted_by_outstanding_as_total_less_paid_with_ties_by_id(seeded: World) -> None:
    """The generated column sorts as the difference it stands for, recomputed here from the
    payments themselves."""
    raw = raw_orders(seeded)
    assert len({r.total - r.paid for r in raw}) < len(raw)  # ties for the id to break
    for flt in [*filters(seeded), *(FinanceFilter(payment_status=s) for s in PaymentStatus)]:
        for descending in (False, True):
            rows = all_rows(seeded, flt, sort_key="outstanding", descending=descending)
            expected = sorted(matching(raw, flt), key=lambda r: (r.total - r.paid, r.id),
                              reverse=descending)
            assert [r.order_id for r in rows] == [r.id for r in expected], (flt, descending)
            assert all(r.paid + r.outstanding == r.total for r in rows)


@pytest.mark.parametrize("descending", [False, True])
def test_the_first_page_by_outstanding_comes_from_its_index_unsorted(
        seeded: World, descending: bool) -> None:
    """At a million orders, computing and sorting them all for a page took over a second."""
    lines = page_plan(plan_of_the_order_query(seeded, lambda: finance.order_rows(
        seeded.uow(), seeded.admin, FinanceFilter(), 0, 100, "outstanding", descending)))
    assert "ix_work_orders_outstanding_id" in lines, lines
    assert not re.search(r"TEMP B-TREE FOR ORDER BY|Sort", lines), lines


def page_plan(lines: str) -> str:
    """The part of a Work orders tab's plan that chooses the page's orders; the rest joins
    them to what they show and sorts those few rows (at most a page) by their keys."""
    if re.search(r"(?m)^\W*(MATERIALIZE|CO-ROUTINE) page", lines):
        return lines.partition("SCAN page")[0]
    return lines[lines.index("Limit"):]


def keyset_pages(world: World, flt: FinanceFilter, limit: int, sort_key: str,
                 descending: bool) -> list[list[OrderFinanceRow]]:
    """Every page of the Work orders tab as it scrolls, each from the last one's cursor."""
    pages, after = [], None
    while True:
        page = finance.order_rows_after(world.uow(), world.admin, flt, after, limit, sort_key,
                                        descending)
        pages.append(list(page.rows))
        if page.next is None:
            return pages
        assert len(page.rows) == limit
        after = page.next


@pytest.mark.parametrize("sort_key", finance.FINANCE_SORT_KEYS)
def test_keyset_pages_to_the_end_list_every_order_once(
        seeded: World, raw: list[Raw], sort_key: str) -> None:
    flt = FinanceFilter()
    for descending in (False, True):
        pages = keyset_pages(seeded, flt, 7, sort_key, descending)
        rows = [row for page in pages for row in page]
        assert rows == all_rows(seeded, flt, sort_key=sort_key, descending=descending)
        assert sorted(r.order_id for r in rows) == sorted(r.id for r in matching(raw, flt))


@settings(max_examples=40, deadline=None)
@given(data=st.data(), sort_key=st.sampled_from(finance.FINANCE_SORT_KEYS),
       descending=st.booleans(), limit=st.integers(3, 80))
def test_keyset_pages_are_the_tab_cut_anywhere(
        seeded: World, data: st.DataObject, sort_key: str, descending: bool,
        limit: int) -> None:
    """Whatever the filter, the sort and the page size (ending on a page boundary or not),
    the pages one after the other are the tab's rows, each once, in its order."""
    flt = data.draw(st.sampled_from(
        [*filters(seeded), *(FinanceFilter(payment_status=s) for s in PaymentStatus)]))
    pages = keyset_pages(seeded, flt, limit, sort_key, descending)
    assert [row for page in pages for row in page] == all_rows(
        seeded, flt, sort_key=sort_key, descending=descending)


@pytest.mark.parametrize("sort_key", finance.FINANCE_SORT_KEYS)
def test_pages_back_from_the_end_list_every_order_once(seeded: World, sort_key: str) -> None:
    """Scrolling up from the end (Ctrl+End, then up): each page leads up to the one below,
    and the first page says the list starts there."""
    flt = FinanceFilter()
    for descending in (False, True):
        pages, before = [], None
        while True:
            page = finance.order_rows_before(seeded.uow(), seeded.admin, flt, before, 7,
                                             sort_key, descending)
            pages.insert(0, list(page.rows))
            if page.previous is None:
                break
            assert len(page.rows) == 7 and page.previous.id == page.rows[0].order_id
            before = page.previous
        rows = [row for page in pages for row in page]
        assert rows == all_rows(seeded, flt, sort_key=sort_key, descending=descending)


@settings(max_examples=40, deadline=None)
@given(data=st.data(), sort_key=st.sampled_from(finance.FINANCE_SORT_KEYS),
       descending=st.booleans(), limit=st.integers(3, 80), from_end=st.booleans())
def test_a_seek_lands_where_the_position_says_and_goes_on_both_ways(
        seeded: World, data: st.DataObject, sort_key: str, descending: bool, limit: int,
        from_end: bool) -> None:
    """A jump: rows from a position (from either end), then the pages after and before it
    from its cursors, the tab's rows with none left out or repeated."""
    flt = data.draw(st.sampled_from(
        [*filters(seeded), *(FinanceFilter(payment_status=s) for s in PaymentStatus)]))
    every = all_rows(seeded, flt, sort_key=sort_key, descending=descending)
    position = data.draw(st.integers(0, len(every) + 2))
    page = finance.order_rows_at(seeded.uow(), seeded.admin, flt, position, limit, sort_key,
                                 descending, from_end)
    start = max(len(every) - position - limit, 0) if from_end else position
    end = max(len(every) - position, 0) if from_end else position + limit
    assert list(page.rows) == every[start:end]
    if page.rows and start > 0:
        assert page.previous is not None  # None: the list starts with these rows
    if page.rows and end < len(every):
        assert page.next is not None
    if page.next is not None:
        after = finance.order_rows_after(seeded.uow(), seeded.admin, flt, page.next, limit,
                                         sort_key, descending)
        assert list(after.rows) == every[end:end + limit]
        assert not after.rows or after.previous is not None
    if page.previous is not None:
        before = finance.order_rows_before(seeded.uow(), seeded.admin, flt, page.previous,
                                           limit, sort_key, descending)
        assert list(before.rows) == every[max(start - limit, 0):start]
        assert not before.rows or before.next is not None


@pytest.mark.parametrize(("sort_key", "index"), [
    ("number", "sqlite_autoindex_work_orders_1|uq_work_orders_number"),
    ("outstanding", "ix_work_orders_outstanding_id"),
    ("documented_at", "ix_work_orders_documented"),
])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("service", [finance.order_rows_after, finance.order_rows_before])
def test_a_deep_page_is_a_seek_in_the_sorts_index(
        seeded: World, sort_key: str, index: str, descending: bool,
        service: Callable[..., OrderFinanceSlice]) -> None:
    """A page after others (or before, scrolling up) starts where the cursor points in the
    sort's index, read one way or the other: no walk over
    the rows before it, no sort of them all (by an offset, a page 50,000 rows down a million
    orders took 60-290 ms). By documented day the ties (by id) are sorted a day at a
    time (an incremental sort on PostgreSQL): the index has no number. A short page, as a
    page is among a million orders: for a hundred of the few hundred here PostgreSQL rightly
    sorts them."""
    first = finance.order_rows_after(seeded.uow(), seeded.admin, FinanceFilter(), None, 100,
                                     sort_key, descending)
    lines = page_plan(plan_of_the_order_query(seeded, lambda: service(
        seeded.uow(), seeded.admin, FinanceFilter(), first.next, 20, sort_key, descending)))
    assert re.search(rf"(?m)^\W*(SEARCH work_orders USING INDEX ({index}) \(|Index .*Scan"
                     rf".* using ({index}) on work_orders)", lines), lines
    assert re.search(r"USING INDEX \w+ \(|Index Cond", lines), lines
    assert not re.search(r"(?m)^\W*(SCAN work_orders|Seq Scan on work_orders)", lines), lines
    assert not re.search(r"(?m)TEMP B-TREE FOR ORDER BY|^\W*Sort  \(", lines), lines


def test_orders_written_between_pages_neither_repeat_nor_push_others_out(
        world: World) -> None:
    """The rule: a page lists what follows the last row shown, as the orders are now. An
    order written ahead of that row appears once, where it belongs; one behind it (among the
    rows shown) waits for the refresh the change bus brings; an order that left the list
    (cancelled) is gone from the pages still to come; no other row moves into or out of a
    later page. By offset, each insert above repeated a row and each removal skipped one."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "current", CHEAP_COST)
        seed(world.uow_factory, 60, seed=4)
    by_number = ("number", False)
    first = finance.order_rows_after(world.uow(), world.admin, FinanceFilter(), None, 20,
                                     *by_number)
    before = all_rows(world, FinanceFilter(), sort_key="number", descending=False)
    shown = {r.order_id for r in first.rows}
    to_come = [r for r in before if r.order_id not in shown]
    behind, ahead = first.rows[3], to_come[5]
    added = new_order(world)  # numbered after every other: ahead of the cursor
    with world.uow() as uow:
        uow.session.execute(text("UPDATE work_orders SET status = 'cancelled' "
                                 "WHERE id IN (:behind, :ahead)"),
                            {"behind": behind.order_id, "ahead": ahead.order_id})
        uow.commit()
    rest: list[OrderFinanceRow] = []
    after = first.next
    while after is not None:
        page = finance.order_rows_after(world.uow(), world.admin, FinanceFilter(), after, 20,
                                        *by_number)
        rest += page.rows
        after = page.next
    ids = [r.order_id for r in rest]
    assert ids == [r.order_id for r in to_come if r.order_id != ahead.order_id] + [added.id]
    assert not shown & set(ids)


def test_a_cursor_goes_with_the_sort_it_was_made_for(seeded: World) -> None:
    page = finance.order_rows_after(seeded.uow(), seeded.admin, FinanceFilter(), None, 5,
                                    "outstanding", True)
    assert page.next is not None
    for key, descending in (("outstanding", False), ("total", True), ("number", True)):
        with pytest.raises(ValidationError, match=r"(?i)sort"):
            finance.order_rows_after(seeded.uow(), seeded.admin, FinanceFilter(), page.next,
                                     5, key, descending)
        with pytest.raises(ValidationError, match=r"(?i)sort"):
            finance.order_rows_before(seeded.uow(), seeded.admin, FinanceFilter(), page.next,
                                      5, key, descending)
    with pytest.raises(PermissionDenied):
        finance.order_rows_after(seeded.uow(), seeded.actors[Role.TECHNICIAN],
                                 FinanceFilter(), None, 5)


def test_refusals(seeded: World) -> None:
    technician = seeded.actors[Role.TECHNICIAN]
    with pytest.raises(PermissionDenied):
        finance.lab_rows(seeded.uow(), technician, FinanceFilter())
    with pytest.raises(PermissionDenied):
        finance.iter_order_values(seeded.uow(), technician, FinanceFilter())
    with pytest.raises(ValidationError, match=r"(?i)sort"):
        finance.iter_order_values(seeded.uow(), seeded.admin, FinanceFilter(), sort_key="x")
    with pytest.raises(ValidationError, match=r"(?i)time period"):
        finance.summary(seeded.uow(), seeded.admin,
                        FinanceFilter(date_from=date(2026, 2, 1), date_to=date(2026, 1, 1)))
    with pytest.raises(ValidationError, match=r"(?i)sort"):
        finance.order_rows(seeded.uow(), seeded.admin, FinanceFilter(), sort_key="colour")
    with pytest.raises(ValidationError, match=r"(?i)view"):
        finance.summary(seeded.uow(), seeded.admin, FinanceFilter(), view="chart")
    assert finance.summary(seeded.uow(), seeded.actors[Role.FRONT_DESK], FinanceFilter())


def test_finance_totals_follow_every_change_of_an_order(world: World) -> None:
    """The triggers' totals equal a fresh sum over the orders after inserts, deletes, and
    changes of every column they depend on, including into and out of Cancelled."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "current", CHEAP_COST)
        seed(world.uow_factory, 120, seed=3)
    draft = new_order(world)
    orders.delete_order(world.uow(), world.actors[Role.MANAGER], draft.id, draft.version)
    new_order(world)
    changes = [
        "UPDATE work_orders SET status = 'cancelled' WHERE id % 7 = 0",
        "UPDATE work_orders SET status = 'draft' WHERE id % 14 = 0",
        "UPDATE work_orders SET paid_minor = paid_minor + 150 WHERE id % 5 = 0",
        "UPDATE work_orders SET price_total_minor = price_total_minor * 2 WHERE id % 6 = 0",
        "UPDATE work_orders SET payment_method = NULL WHERE id % 9 = 0",
        "UPDATE work_orders SET payment_method = 'cash' WHERE id % 10 = 0",
        "UPDATE work_orders SET currency = 'CHF' WHERE id % 11 = 0",
        f"UPDATE work_orders SET lab_id = {world.lab2_id} WHERE id % 4 = 0",
        "UPDATE work_orders SET documented_at = :day WHERE id % 3 = 0",
    ]
    with world.uow() as uow:
        for change in changes:
            uow.session.execute(text(change), {"day": date(2026, 2, 28)})
        uow.commit()
    with world.uow() as uow:
        month = (func.date_trunc("month", WorkOrder.documented_at).cast(Date)
                 if uow.dialect == "postgresql"
                 else type_coerce(func.substr(WorkOrder.documented_at, 1, 8) + "01", Date))
        method = func.coalesce(WorkOrder.payment_method, "", type_=String())
        for period, starts in (("day", WorkOrder.documented_at), ("month", month)):
            fresh = uow.session.execute(
                select(starts, WorkOrder.lab_id, WorkOrder.currency, method, func.count(),
                       func.sum(WorkOrder.paid_minor), func.sum(WorkOrder.price_total_minor))
                .where(WorkOrder.status != OrderStatus.CANCELLED)
                .group_by(starts, WorkOrder.lab_id, WorkOrder.currency, method)).all()
            kept = uow.session.execute(
                select(totals.c.starts, totals.c.lab_id, totals.c.currency,
                       totals.c.payment_method, totals.c.orders, totals.c.paid_minor,
                       totals.c.price_total_minor)
                .where(totals.c.period == period, totals.c.orders != 0)).all()
            assert sorted(map(tuple, kept)) == sorted(map(tuple, fresh)), period
