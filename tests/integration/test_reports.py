"""Finance reports: XLSX, PDF and CSV exports opened back and checked against the raw tables.

The expected figures are computed here straight from the orders, payments and installments
(voided payments dropped, cancelled orders left out, payment status from the domain rule), not
from the denormalised columns the finance service reads, so both sides are checked.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet._writer import ALL_TEMP_FILES
from sqlalchemy import select, update

from dentasync_desktop import i18n
from dentasync_desktop.db.engine import make_session_factory
from dentasync_desktop.db.models import DentalLab, Installment, Payment, PaymentPlan, WorkOrder
from dentasync_desktop.domain import formats
from dentasync_desktop.domain.dto import Actor, FinanceFilter, OrderFilter
from dentasync_desktop.domain.enums import OrderStatus, PaymentMethod, PaymentStatus, Role
from dentasync_desktop.domain.errors import PermissionDenied, ValidationError
from dentasync_desktop.domain.money import CURRENCY_EXPONENTS, Money
from dentasync_desktop.domain.numbers import format_number
from dentasync_desktop.domain.payments import first_unpaid_due, payment_status
from dentasync_desktop.paths import resolve_paths
from dentasync_desktop.services import finance, order_detail, order_list, reports
from dentasync_desktop.services.attachment_store import AttachmentStore
from dentasync_desktop.services.maintenance import connect_database
from dentasync_desktop.services.paging import MAX_PAGE
from dentasync_desktop.services.seed import seed
from dentasync_desktop.services.unit_of_work import UnitOfWork

from ..conftest import FIXED_NOW
from ..factories import add_user

# The first users of each database these tests use, made by add_users.
ADMIN = Actor(1, "admin", "Admin User", Role.ADMIN)
TECHNICIAN = Actor(2, "tech", "Technician User", Role.TECHNICIAN)


def add_users(uow_factory: Callable[[], UnitOfWork]) -> None:
    assert add_user(uow_factory, ADMIN.username, ADMIN.role) == ADMIN
    assert add_user(uow_factory, TECHNICIAN.username, TECHNICIAN.role) == TECHNICIAN
ORDERS = 300


@dataclass(frozen=True)
class Expected:
    number: int
    lab_id: int
    lab_name: str
    currency: str
    total: int
    paid: int
    status: OrderStatus
    payment_status: PaymentStatus
    method: PaymentMethod | None
    documented_at: date


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory,
           migrated_template: Path) -> Iterator[Callable[[], UnitOfWork]]:
    """One seeded database for the read-only tests of this module, from a copy of the
    session's migrated one."""
    paths = resolve_paths(tmp_path_factory.mktemp("reports")).create()
    shutil.copyfile(migrated_template, paths.database)
    database = connect_database(paths)
    session_factory = make_session_factory(database.engine)
    store = AttachmentStore(database.paths.attachments_dir)

    def factory() -> UnitOfWork:
        return UnitOfWork(session_factory, store, clock=lambda: FIXED_NOW)

    add_users(factory)
    seed(factory, ORDERS, seed=7)
    yield factory
    database.close()


def expected_orders(uow_factory: Callable[[], UnitOfWork]) -> list[Expected]:
    """Every order that is not cancelled, its figures worked out from the raw rows."""
    with uow_factory() as uow:
        s = uow.session
        today = uow.today()
        paid: dict[int, int] = defaultdict(int)
        for order_id, amount in s.execute(
                select(Payment.order_id, Payment.amount_minor).where(Payment.voided.is_(False))):
            paid[order_id] += amount
        installments: dict[int, list[tuple[date, int]]] = defaultdict(list)
        for order_id, due, amount in s.execute(
                select(PaymentPlan.order_id, Installment.due_date, Installment.amount_minor)
                .join(Installment, Installment.plan_id == PaymentPlan.id)):
            installments[order_id].append((due, amount))
        labs = dict(s.execute(select(DentalLab.id, DentalLab.name)).all())
        result = []
        for order in s.scalars(select(WorkOrder).where(
                WorkOrder.status != OrderStatus.CANCELLED)):
            got = paid[order.id]
            unpaid_due = first_unpaid_due(installments[order.id], got)
            result.append(Expected(
                number=order.number, lab_id=order.lab_id, lab_name=labs[order.lab_id],
                currency=order.currency, total=order.price_total_minor, paid=got,
                status=order.status,
                payment_status=payment_status(order.price_total_minor, got, unpaid_due, today),
                method=order.payment_method, documented_at=order.documented_at,
            ))
        return result


def matching(orders: list[Expected], flt: FinanceFilter, view: str) -> list[Expected]:
    def keep(o: Expected) -> bool:
        return ((flt.date_from is None or o.documented_at >= flt.date_from)
                and (flt.date_to is None or o.documented_at <= flt.date_to)
                and (flt.lab_id is None or o.lab_id == flt.lab_id)
                and (flt.method is None or o.method == flt.method)
                and (view == "labs" or flt.payment_status is None
                     or o.payment_status == flt.payment_status))
    return [o for o in orders if keep(o)]


def lab_id(uow_factory: Callable[[], UnitOfWork], name: str) -> int:
    with uow_factory() as uow:
        found = uow.session.scalar(select(DentalLab.id).where(DentalLab.name == name))
        assert found is not None
        return found


FILTERS: dict[str, Callable[[Callable[[], UnitOfWork]], FinanceFilter]] = {
    "everything": lambda _f: FinanceFilter(),
    "two months": lambda _f: FinanceFilter(date_from=date(2026, 9, 1),
                                           date_to=date(2026, 10, 31)),
    "one lab, by card": lambda f: FinanceFilter(
        lab_id=lab_id(f, "Zahntechnik Müller GmbH"), method=PaymentMethod.CARD),
    "overdue since October": lambda _f: FinanceFilter(
        date_from=date(2026, 10, 1), payment_status=PaymentStatus.OVERDUE),
    "partially paid, one lab": lambda f: FinanceFilter(
        lab_id=lab_id(f, "Ørsted Dental Studio"), payment_status=PaymentStatus.PARTIALLY_PAID),
}


def minor(value: Any, currency: str) -> int:
    """A spreadsheet number back to minor units, exactly."""
    scaled = Decimal(str(value)).scaleb(CURRENCY_EXPONENTS[currency])
    assert scaled == scaled.to_integral_value(), f"{value} has too many decimals for {currency}"
    return int(scaled)


def sheet_rows(path: Path, first_title: str) -> tuple[Any, list[tuple[Any, ...]],
                                                      list[tuple[Any, ...]], int]:
    """(worksheet, data rows, totals rows, header row number) of an exported workbook."""
    sheet = load_workbook(path).active
    values = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(values) if row[0] == first_title)
    body = values[header + 1:]
    data = [row for row in body if not str(row[0]).startswith("Total ")]
    totals = [row for row in body if str(row[0]).startswith("Total ")]
    assert body[: len(data)] == data, "totals come after every data row"
    return sheet, data, totals, header + 1


def totals_by_currency(orders: list[Expected]) -> dict[str, tuple[int, int, int]]:
    """currency -> (orders, paid, total)."""
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for o in orders:
        entry = sums[o.currency]
        entry[0] += 1
        entry[1] += o.paid
        entry[2] += o.total
    return {currency: (n, p, t) for currency, (n, p, t) in sums.items()}


# --- XLSX ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(FILTERS))
def test_orders_xlsx_matches_the_raw_tables(seeded, tmp_path: Path, name: str) -> None:
    flt = FILTERS[name](seeded)
    expected = {o.number: o for o in matching(expected_orders(seeded), flt, "orders")}
    target = tmp_path / "orders.xlsx"

    assert reports.export_finance(seeded, ADMIN, "orders", flt, "xlsx", target) == target

    sheet, data, totals, header_row = sheet_rows(target, "Number")
    assert len(data) == len(expected) == finance.order_count(seeded(), ADMIN, flt)
    for number, lab, method, currency, paid, total, outstanding, status, pay_status, \
            documented in data:
        want = expected[int(number.removeprefix("WO-"))]
        assert number == format_number(want.number)
        assert (lab, currency) == (want.lab_name, want.currency)
        assert method == (want.method.label if want.method else None)
        assert minor(paid, currency) == want.paid
        assert minor(total, currency) == want.total
        assert minor(outstanding, currency) == want.total - want.paid
        assert (status, pay_status) == (want.status.label, want.payment_status.label)
        assert documented == datetime.combine(want.documented_at, datetime.min.time())
    # The page's default order: newest documented first.
    dates = [row[-1] for row in data]
    assert dates == sorted(dates, reverse=True)

    sums = totals_by_currency(list(expected.values()))
    assert len(totals) == len(sums)
    for label, _lab, _method, currency, paid, total, outstanding, *rest in totals:
        count, want_paid, want_total = sums[currency]
        assert label == f"Total {currency} ({count:,} work order{'' if count == 1 else 's'})"
        assert minor(paid, currency) == want_paid
        assert minor(total, currency) == want_total
        assert minor(outstanding, currency) == want_total - want_paid
        assert rest == [None, None, None]

    # Title block, frozen header with an autofilter over the data, formats.
    assert sheet.freeze_panes == f"A{header_row + 1}"
    assert sheet.print_title_rows == f"${header_row}:${header_row}"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.auto_filter.ref == f"A{header_row}:J{header_row + len(data)}"
    first_rows = [sheet.cell(row=r, column=1).value for r in range(1, header_row)]
    assert first_rows[0] == "My dental lab"
    assert "Finance report: Work orders" in first_rows
    assert "Cancelled orders are excluded." in first_rows
    assert any(str(line).startswith("Generated: ") for line in first_rows)
    if data:
        first = header_row + 1
        currency = sheet.cell(row=first, column=4).value
        decimals = CURRENCY_EXPONENTS[currency]
        money_format = formats.xlsx_money_format(currency)
        assert money_format.endswith("#,##0" + ("." + "0" * decimals if decimals else ""))
        for column in (5, 6, 7):
            cell = sheet.cell(row=first, column=column)
            assert cell.data_type == "n" and cell.number_format == money_format
        assert sheet.cell(row=first, column=10).is_date
        assert sheet.cell(row=first, column=10).number_format == "m/d/yyyy"
        # Data cells share one style per format; the totals' bold must not leak into them.
        last_data, first_total = first + len(data) - 1, first + len(data)
        assert not sheet.cell(row=last_data, column=5).font.b
        assert sheet.cell(row=last_data, column=5).style.startswith("Dentasync ")
        assert sheet.cell(row=first_total, column=5).font.b
        assert sheet.cell(row=first_total, column=5).border.top.style == "thin"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width


@pytest.mark.parametrize("name", list(FILTERS))
def test_labs_xlsx_matches_the_orders_tab(seeded, tmp_path: Path, name: str) -> None:
    """Labs tab sums equal the orders tab sums (without its payment-status filter)."""
    flt = FILTERS[name](seeded)
    orders = matching(expected_orders(seeded), flt, "labs")
    per_lab: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for o in orders:
        entry = per_lab[(o.lab_name, o.currency)]
        entry[0] += 1
        entry[1] += o.paid
        entry[2] += o.total
    target = tmp_path / "labs.xlsx"

    reports.export_finance(seeded, ADMIN, "labs", flt, "xlsx", target)

    sheet, data, totals, header_row = sheet_rows(target, "Dental lab")
    got = {(lab, currency): [count, minor(paid, currency), minor(total, currency)]
           for lab, currency, count, paid, total, _outstanding in data}
    assert got == per_lab
    for _lab, currency, _count, paid, total, outstanding in data:
        assert minor(paid, currency) + minor(outstanding, currency) == minor(total, currency)
    sums = totals_by_currency(orders)
    assert {row[1]: (row[2], minor(row[3], row[1]), minor(row[4], row[1]))
            for row in totals} == sums
    # Labs tab totals are the orders tab's figures with the same filters.
    orders_tab = finance.summary(seeded(), ADMIN, FinanceFilter(
        date_from=flt.date_from, date_to=flt.date_to, lab_id=flt.lab_id, method=flt.method))
    assert {s.currency: (s.order_count, s.paid.minor, s.total.minor)
            for s in orders_tab.per_currency} == sums
    assert sheet.cell(row=header_row + 1, column=3).number_format == "#,##0"
    assert "Payment status" not in str(sheet.cell(row=3, column=1).value)


# --- CSV -------------------------------------------------------------------------------------


def test_orders_csv_has_a_bom_plain_amounts_and_the_service_rows(seeded, tmp_path: Path) -> None:
    flt = FILTERS["two months"](seeded)
    target = tmp_path / "orders.csv"

    reports.export_finance(seeded, ADMIN, "orders", flt, "csv", target)

    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["Number", "Dental lab", "Payment method", "Currency", "Paid", "Total",
                       "Outstanding", "Status", "Payment status", "Documented"]
    service = list(finance.iter_order_values(seeded(), ADMIN, flt))
    assert len(rows) - 1 == len(service) > 0
    for line, (number, lab, method, currency, paid, total, outstanding, status, payment,
               day) in zip(rows[1:], service, strict=True):
        assert line == [
            format_number(number), lab, PaymentMethod(method).label if method else "",
            currency, Money(paid, currency).amount_text(), Money(total, currency).amount_text(),
            Money(outstanding, currency).amount_text(), OrderStatus(status).label,
            PaymentStatus(payment).label, formats.date_text(day),
        ]


def test_labs_csv_rows_equal_the_service_rows(seeded, tmp_path: Path) -> None:
    target = tmp_path / "labs.csv"
    reports.export_finance(seeded, ADMIN, "labs", FinanceFilter(), "csv", target)
    rows = list(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["Dental lab", "Currency", "Work orders", "Paid", "Total", "Outstanding"]
    assert rows[1:] == [
        [r.lab_name, r.currency, str(r.order_count), r.paid.amount_text(),
         r.total.amount_text(), r.outstanding.amount_text()]
        for r in finance.lab_rows(seeded(), ADMIN, FinanceFilter())
    ]


# --- PDF -------------------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def grouped(minor_units: int, currency: str) -> str:
    exp = CURRENCY_EXPONENTS[currency]
    return f"{Decimal(minor_units).scaleb(-exp):,.{exp}f}"


def test_orders_pdf_lists_every_row_with_page_numbers_and_totals(seeded, tmp_path: Path) -> None:
    flt = FinanceFilter()
    expected = matching(expected_orders(seeded), flt, "orders")
    target = tmp_path / "orders.pdf"

    reports.export_finance(seeded, ADMIN, "orders", flt, "pdf", target)

    text = pdf_text(target)
    pages = text.split("\f")[:-1]
    assert len(pages) > 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Number" in page and "Outstanding" in page  # the header repeats on every page
    lines = [line.split() for line in text.splitlines()]
    by_number = {words[0]: words for words in lines if words and words[0].startswith("WO-")}
    assert set(by_number) == {format_number(o.number) for o in expected}
    for o in expected:
        words = by_number[format_number(o.number)]
        outstanding = grouped(o.total - o.paid, o.currency)
        assert [grouped(o.paid, o.currency), grouped(o.total, o.currency), outstanding] \
            == words[words.index(o.currency) + 1: words.index(o.currency) + 4]
    for currency, (count, paid, total) in totals_by_currency(expected).items():
        total_line = next(words for words in lines if words[:2] == ["Total", currency])
        noun = "order)" if count == 1 else "orders)"
        assert total_line[2:] == [f"({count:,}", "work", noun, currency,
                                  grouped(paid, currency), grouped(total, currency),
                                  grouped(total - paid, currency)]
    assert "Cancelled orders are excluded." in pages[0]
    assert "Finance report: Work orders" in pages[0]


def test_labs_pdf_is_portrait_and_adds_up(seeded, tmp_path: Path) -> None:
    target = tmp_path / "labs.pdf"
    reports.export_finance(seeded, ADMIN, "labs", FinanceFilter(), "pdf", target)
    info = subprocess.run(["pdfinfo", str(target)], check=True, capture_output=True,
                          text=True).stdout
    assert "595.276 x 841.89" in info  # A4 upright: six columns fit
    text = pdf_text(target)
    for row in finance.lab_rows(seeded(), ADMIN, FinanceFilter()):
        assert grouped(row.outstanding.minor, row.currency) in text
    assert "Page 1 of 1" in text


def test_empty_result_still_makes_a_report(seeded, tmp_path: Path) -> None:
    flt = FinanceFilter(date_from=date(2001, 1, 1), date_to=date(2001, 1, 31))
    for fmt in ("xlsx", "pdf", "csv"):
        target = tmp_path / f"empty.{fmt}"
        reports.export_finance(seeded, ADMIN, "orders", flt, fmt, target)  # type: ignore[arg-type]
        assert target.stat().st_size > 0
    assert "No work orders match these filters." in pdf_text(tmp_path / "empty.pdf")
    _sheet, data, totals, _header = sheet_rows(tmp_path / "empty.xlsx", "Number")
    assert data == [] and totals == []


# --- safety ----------------------------------------------------------------------------------


HOSTILE = ("=HYPERLINK(\"http://evil\")", "+1+2", "-3+4", "@SUM(A1)", "\tTabbed", "\rReturn")


def test_formula_like_text_is_neutralised_but_money_stays_numeric(
        uow_factory, tmp_path: Path) -> None:
    add_users(uow_factory)
    seed(uow_factory, 60, seed=3)
    with uow_factory() as uow:
        ids = list(uow.session.scalars(select(DentalLab.id).order_by(DentalLab.id)))
        for lab, name in zip(ids, HOSTILE, strict=False):
            uow.session.execute(update(DentalLab).where(DentalLab.id == lab).values(name=name))
        uow.commit()
    flt = FinanceFilter()

    reports.export_finance(uow_factory, ADMIN, "orders", flt, "xlsx", tmp_path / "o.xlsx")
    reports.export_finance(uow_factory, ADMIN, "labs", flt, "csv", tmp_path / "l.csv")
    reports.export_finance(uow_factory, ADMIN, "orders", FinanceFilter(lab_id=ids[0]), "xlsx",
                           tmp_path / "one.xlsx")

    _sheet, data, _totals, _header = sheet_rows(tmp_path / "o.xlsx", "Number")
    # Read back exactly as stored: the guard marks the cell, it does not change the text.
    labs = {row[1] for row in data}
    assert labs & set(HOSTILE[:4])
    assert not any(str(name).startswith("'") for name in labs)
    for row in data:
        assert all(isinstance(v, int | float) for v in row[4:7])
    for row in load_workbook(tmp_path / "o.xlsx").active.iter_rows():
        for cell in row:
            assert cell.data_type != "f", f"{cell.coordinate} became a formula"
            if cell.value in HOSTILE[:4]:
                assert cell.quotePrefix, f"{cell.coordinate} is not marked as text"
    # The filter line of the title block names the lab, neutralised as well.
    one = load_workbook(tmp_path / "one.xlsx").active
    assert "Dental lab: =HYPERLINK" in one.cell(row=3, column=1).value
    assert one.cell(row=3, column=1).data_type == "s"
    names = [line[0] for line in csv.reader(
        (tmp_path / "l.csv").read_text(encoding="utf-8-sig").splitlines())][1:]
    assert not any(name.startswith(("=", "+", "-", "@", "\t", "\r")) for name in names)
    assert "'=HYPERLINK(\"http://evil\")" in names


@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> int:
    """Progress every 50 rows, so a few hundred orders make several steps."""
    monkeypatch.setattr(reports, "PROGRESS_STEP", 50)
    return 50


@pytest.mark.parametrize("fmt", ["xlsx", "pdf", "csv"])
def test_cancel_leaves_no_file_and_keeps_an_old_one(
        seeded, tmp_path: Path, fmt: str, small_steps: int) -> None:
    target = tmp_path / f"report.{fmt}"
    target.write_bytes(b"the previous report")
    calls: list[tuple[int, int]] = []

    def cancel_half_way(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 2 * small_steps

    with pytest.raises(reports.ExportCancelled, match="cancelled"):
        reports.export_finance(seeded, ADMIN, "orders", FinanceFilter(), fmt,  # type: ignore[arg-type]
                               target, cancel_half_way)

    total = finance.order_count(seeded(), ADMIN, FinanceFilter())
    assert calls == [(0, total), (small_steps, total), (2 * small_steps, total)]
    assert target.read_bytes() == b"the previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_cancel_before_the_first_row(seeded, tmp_path: Path) -> None:
    target = tmp_path / "labs.xlsx"
    with pytest.raises(reports.ExportCancelled):
        reports.export_finance(seeded, ADMIN, "labs", FinanceFilter(), "xlsx", target,
                               lambda _done, _total: False)
    assert list(tmp_path.iterdir()) == []


def test_a_failure_half_way_leaves_no_file(seeded, tmp_path: Path, small_steps: int) -> None:
    target = tmp_path / "orders.xlsx"

    def fail(done: int, _total: int) -> bool:
        if done:
            raise OSError("disk full")
        return True

    scratch = list(ALL_TEMP_FILES)
    with pytest.raises(OSError, match="disk full"):
        reports.export_finance(seeded, ADMIN, "orders", FinanceFilter(), "xlsx", target, fail)
    assert list(tmp_path.iterdir()) == []
    assert scratch == ALL_TEMP_FILES  # openpyxl's own scratch file is gone too


def test_progress_reaches_the_total(seeded, tmp_path: Path, small_steps: int) -> None:
    seen: list[tuple[int, int]] = []
    reports.export_finance(seeded, ADMIN, "orders", FinanceFilter(), "csv",
                           tmp_path / "o.csv", lambda d, t: seen.append((d, t)) or True)
    total = finance.order_count(seeded(), ADMIN, FinanceFilter())
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    assert [d for d, _ in seen] == [*range(0, total, small_steps), total]


def test_refusals_write_nothing(seeded, tmp_path: Path) -> None:
    target = tmp_path / "r.xlsx"
    with pytest.raises(PermissionDenied, match="View finance"):
        reports.export_finance(seeded, TECHNICIAN, "orders", FinanceFilter(), "xlsx", target)
    with pytest.raises(ValidationError, match=r"(?i)time period"):
        reports.export_finance(seeded, ADMIN, "orders", FinanceFilter(
            date_from=date(2026, 2, 1), date_to=date(2026, 1, 1)), "xlsx", target)
    with pytest.raises(ValidationError, match=r"(?i)format"):
        reports.export_finance(seeded, ADMIN, "orders", FinanceFilter(), "ods",  # type: ignore[arg-type]
                               target)
    with pytest.raises(ValidationError, match=r"(?i)folder"):
        reports.export_finance(seeded, ADMIN, "labs", FinanceFilter(), "csv",
                               tmp_path / "missing" / "r.csv")
    assert list(tmp_path.iterdir()) == []


def test_the_work_orders_tab_sort_order_is_kept(seeded, tmp_path: Path) -> None:
    target = tmp_path / "by-outstanding.csv"
    reports.export_finance(seeded, ADMIN, "orders", FinanceFilter(), "csv", target,
                           sort_key="number", descending=False)
    numbers = [row[0] for row in csv.reader(
        target.read_text(encoding="utf-8-sig").splitlines())][1:]
    assert numbers == sorted(numbers)


def test_balances_agree_between_detail_list_and_finance(seeded) -> None:
    """The order detail, the order list and the finance tab tell the same money story:
    voided payments never count and an overdue installment makes the order Overdue."""
    streamed = finance.iter_order_values(seeded(), ADMIN, FinanceFilter())
    listed = {r.number: r for r in order_list.list_orders(
        seeded(), ADMIN, OrderFilter(sort_key="number"), 0, MAX_PAGE).rows}
    seen_voided = seen_overdue = 0
    for number, _lab, _method, currency, paid, total, outstanding, _status, payment, _day in (
            streamed):
        detail = order_detail.get_order(seeded(), ADMIN, listed[number].id)
        counted = sum(p.amount.minor for p in detail.payments if not p.voided)
        assert detail.paid.minor == counted == paid, detail.number_text
        assert (detail.total, detail.balance) == (Money(total, currency),
                                                  Money(outstanding, currency))
        assert detail.payment_status == payment == listed[number].payment_status
        assert listed[number].balance == Money(outstanding, currency)
        seen_voided += any(p.voided for p in detail.payments)
        if detail.plan and any(i.overdue for i in detail.plan.installments):
            seen_overdue += 1
            assert payment == PaymentStatus.OVERDUE, detail.number_text
    assert seen_voided and seen_overdue, "the seeded data should cover both cases"


def test_a_german_report_keeps_numbers_and_dates_with_german_formats(
        seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Reports are in the app's language, and written its way."""
    flt = FILTERS["two months"](seeded)
    workbook_path, csv_path = tmp_path / "orders.xlsx", tmp_path / "orders.csv"
    i18n.set_default_language("de")
    reports.export_finance(seeded, ADMIN, "orders", flt, "xlsx", workbook_path)
    reports.export_finance(seeded, ADMIN, "orders", flt, "csv", csv_path)
    sheet = load_workbook(workbook_path).active
    assert sheet is not None
    rows = list(sheet.iter_rows())
    number = i18n.translate("reports", "Number", None, "de")
    header = next(i for i, row in enumerate(rows) if row[0].value == number)
    first = next(row for row in rows[header + 1:] if row[3].value == "EUR")
    paid, documented = first[4], first[9]
    assert paid.data_type == "n" and isinstance(paid.value, int | float | Decimal)
    assert paid.number_format == '#,##0.00\xa0"€"'
    assert documented.is_date and documented.number_format == "dd.mm.yyyy"
    generated = i18n.translate("reports", "Generated: {when}", None, "de").format(when="")
    assert any(str(r[0].value).startswith(generated) and "." in str(r[0].value)
               for r in rows[:header])
    # CSV for a German spreadsheet: ";" between cells, a decimal comma, German dates.
    lines = list(csv.reader(csv_path.read_text(encoding="utf-8-sig").splitlines(),
                            delimiter=";"))
    _number, _lab, _method, currency, paid, *_rest, day = next(
        finance.iter_order_values(seeded(), ADMIN, flt))
    assert lines[1][4] == Money(paid, currency).amount_text().replace(".", ",")
    assert lines[1][9] == day.strftime("%d.%m.%Y")
