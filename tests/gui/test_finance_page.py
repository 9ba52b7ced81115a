"""The Finance page on real services: models, filters, summary, lab click-through, exports."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton
from sqlalchemy import text

from dentasync_desktop.domain.dto import FinanceFilter, LabFinanceRow, PaymentInput
from dentasync_desktop.domain.enums import PaymentMethod, PaymentStatus, Role
from dentasync_desktop.domain.errors import DatabaseBusy, DomainError, ValidationError
from dentasync_desktop.domain.money import Money
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.errors import error_words
from dentasync_desktop.gui.finance import models
from dentasync_desktop.gui.finance.export import ExportProgress
from dentasync_desktop.gui.finance.page import LABS_TAB, ORDERS_TAB, FinancePage
from dentasync_desktop.gui.finance.periods import Period, period_range
from dentasync_desktop.gui.formatting import money
from dentasync_desktop.gui.main_window import MainWindow
from dentasync_desktop.gui.theme import apply_theme
from dentasync_desktop.gui.worker import running_jobs
from dentasync_desktop.services import finance, orders, payments, reports

from ..conftest import Seeding
from ..factories import World
from .conftest import screenshot, settle, show_row


@pytest.fixture(autouse=True)
def english_locale() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def seeded(world: World, seeding: Seeding) -> World:
    seeding.orders(300, 7)
    return world


def make_page(qtbot, client: ServiceClient) -> FinancePage:  # type: ignore[no-untyped-def]
    page = FinancePage(client)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    settle(qtbot)
    return page


def service_filter(page: FinancePage, **changes: object) -> FinanceFilter:
    flt = page.current_filter()
    return FinanceFilter(**{**{f: getattr(flt, f) for f in flt.__slots__}, **changes})


def test_periods() -> None:
    day = date(2026, 2, 14)
    assert period_range(Period.THIS_MONTH, day) == (date(2026, 2, 1), date(2026, 2, 28))
    assert period_range(Period.LAST_MONTH, date(2026, 1, 31)) == (date(2025, 12, 1),
                                                                  date(2025, 12, 31))
    assert period_range(Period.THIS_QUARTER, date(2026, 12, 31)) == (date(2026, 10, 1),
                                                                     date(2026, 12, 31))
    assert period_range(Period.THIS_QUARTER, day) == (date(2026, 1, 1), date(2026, 3, 31))
    assert period_range(Period.THIS_YEAR, day) == (date(2026, 1, 1), date(2026, 12, 31))
    assert period_range(Period.ALL, day) == (None, None)


def test_models_pass_the_model_tester(qtbot, qtmodeltester, seeded, client) -> None:
    page = make_page(qtbot, client)
    page.set_period(Period.ALL)
    settle(qtbot)
    qtmodeltester.check(page.labs_model)
    settle(qtbot)
    page.tabs.setCurrentIndex(ORDERS_TAB)
    settle(qtbot)
    model = page.orders_model
    # The view has every row once counted, the model holds one page, never everything.
    assert model.rowCount() == model.total_count > models.PAGE_SIZE
    assert model.window() == range(models.PAGE_SIZE)
    assert not model.canFetchMore()  # counted: the view's list is whole
    qtmodeltester.check(model)  # asks for every row: pages come as it reads on
    settle(qtbot)
    assert model.rowCount() == model.total_count
    numbers = [model.row_at(r).number for r in model.window()]
    assert numbers == [row.number for row in finance.order_rows(
        client.uow(), client.actor, FinanceFilter(), model.window().start, len(numbers))]


class HeldCounts:
    """Finance counts that wait, while ``holding``, until the test lets each one go: the
    rows come first on any machine, and the counts come back in the order the test says."""

    def __init__(self) -> None:
        self.holding = False
        self.waiting: list[tuple[FinanceFilter, threading.Event]] = []
        self.refusal: DomainError | None = None  # what each count raises, when set

    def order_count(self, uow, actor, flt: FinanceFilter) -> int:  # type: ignore[no-untyped-def]
        if self.holding:
            gate = threading.Event()
            self.waiting.append((flt, gate))
            gate.wait(30)
        if self.refusal is not None:
            raise self.refusal
        return finance.order_count(uow, actor, flt)

    def release_all(self) -> None:
        self.holding = False
        for _flt, gate in self.waiting:
            gate.set()


@dataclass(frozen=True)
class CountsHeldClient(ServiceClient):
    counts: HeldCounts = field(default_factory=HeldCounts)

    def submit(self, service, *args, **kwargs):  # type: ignore[no-untyped-def]
        if service is finance.order_count:
            service = self.counts.order_count
        return super().submit(service, *args, **kwargs)


@pytest.fixture
def held(client: ServiceClient) -> Iterator[CountsHeldClient]:
    """The client, with finance counts the test holds back; all are let go at the end."""
    held = CountsHeldClient(**{f.name: getattr(client, f.name) for f in fields(client)})
    yield held
    held.counts.release_all()


def orders_shown_and_counting(qtbot, held: CountsHeldClient,  # type: ignore[no-untyped-def]
                              events: list[tuple[str, str]]) -> FinancePage:
    """The page on the Work orders tab of every order, its count held back; ``events`` gets
    what the model said, and what the count label read then."""
    page = make_page(qtbot, held)
    page.set_period(Period.ALL)
    settle(qtbot)
    model, label = page.orders_model, page.orders_tab.count
    model.modelReset.connect(lambda: events.append(("rows", label.text())))
    model.counted.connect(lambda: events.append(("counted", label.text())))
    held.counts.holding = True
    page.tabs.setCurrentIndex(ORDERS_TAB)
    qtbot.waitUntil(lambda: len(held.counts.waiting) == 1, timeout=10_000)
    return page


def test_the_rows_show_before_the_count_and_the_label_follows(
        qtbot, qtmodeltester, seeded, held: CountsHeldClient) -> None:
    events: list[tuple[str, str]] = []
    page = orders_shown_and_counting(qtbot, held, events)
    model = page.orders_model
    assert events == [("rows", "Counting work orders…")]
    assert model.rowCount() == models.PAGE_SIZE and not model.is_counted
    assert [model.row_at(i) for i in range(model.rowCount())] == finance.order_rows(
        held.uow(), held.actor, FinanceFilter(), 0, models.PAGE_SIZE)
    qtmodeltester.check(model)
    assert held.counts.waiting[0][0] == FinanceFilter()

    held.counts.release_all()
    with qtbot.waitSignal(model.counted, timeout=10_000):
        pass
    settle(qtbot)
    count = finance.order_count(held.uow(), held.actor, FinanceFilter())
    assert count > 2 * models.PAGE_SIZE
    assert model.is_counted and model.total_count == count
    assert events == [("rows", "Counting work orders…"), ("counted", f"{count} work orders")]
    assert page.orders_tab.count.text() == f"{count} work orders"


def test_pages_come_to_the_end_without_the_count(
        qtbot, qtmodeltester, seeded, held: CountsHeldClient) -> None:
    """A short page ends the list: scrolling on never waits for the count."""
    page = orders_shown_and_counting(qtbot, held, [])
    model = page.orders_model

    def fetched_to_the_end() -> bool:
        if model.canFetchMore():
            model.fetchMore()
        return running_jobs() == 1 and not model.canFetchMore()  # the held count alone

    qtmodeltester.check(model)
    qtbot.waitUntil(fetched_to_the_end, timeout=10_000)
    qtmodeltester.check(model)
    everything = finance.order_rows(held.uow(), held.actor, FinanceFilter(), 0, 1000)
    assert len(everything) > 2 * models.PAGE_SIZE
    assert model.rows() == everything
    assert not model.is_counted
    assert page.orders_tab.count.text() == "Counting work orders…"
    held.counts.release_all()
    settle(qtbot)
    assert model.total_count == model.rowCount() == len(everything)
    assert page.orders_tab.count.text() == f"{len(everything)} work orders"


def test_a_count_for_an_older_filter_is_dropped(qtbot, seeded,
                                                held: CountsHeldClient) -> None:
    page = orders_shown_and_counting(qtbot, held, [])
    model = page.orders_model
    paid = FinanceFilter(payment_status=PaymentStatus.PAID)  # more than a page
    page.filters.status.setCurrentIndex(page.filters.status.findData(PaymentStatus.PAID.value))
    qtbot.waitUntil(lambda: len(held.counts.waiting) == 2, timeout=10_000)
    assert [flt for flt, _gate in held.counts.waiting] == [FinanceFilter(), paid]
    assert {model.row_at(i).payment_status for i in range(model.rowCount())} == {
        PaymentStatus.PAID}

    held.counts.waiting[0][1].set()  # the count of every order, answered last but one
    qtbot.waitUntil(lambda: running_jobs() == 1, timeout=10_000)
    assert not model.is_counted
    assert page.orders_tab.count.text() == "Counting work orders…"

    held.counts.release_all()
    settle(qtbot)
    count = finance.order_count(held.uow(), held.actor, paid)
    assert count != finance.order_count(held.uow(), held.actor, FinanceFilter())
    assert model.is_counted and model.total_count == count
    assert page.orders_tab.count.text() == f"{count} work orders"


def test_a_refused_count_is_shown_and_the_rows_stay(qtbot, seeded, held: CountsHeldClient,
                                                    boxes) -> None:
    page = orders_shown_and_counting(qtbot, held, [])
    held.counts.refusal = DatabaseBusy()
    held.counts.release_all()
    settle(qtbot)
    assert boxes.texts("warning") == [error_words(DatabaseBusy())]
    assert page.orders_model.rowCount() == models.PAGE_SIZE
    assert page.orders_model.canFetchMore()


def read_on_to_the_end(qtbot, model: models.OrderFinanceModel) -> None:  # type: ignore[no-untyped-def]
    """Ask for the row after the window, as a view scrolling down does, until the list ends."""
    while model.window().stop < model.rowCount():
        show_row(qtbot, model, model.window().stop)


def every_order(client: ServiceClient, sort_key: str, descending: bool) -> list[int]:
    """The ids of the Work orders tab's list, in its order, from the service."""
    ids: list[int] = []
    while len(page := finance.order_rows(client.uow(), client.actor, FinanceFilter(),
                                         len(ids), 1000, sort_key, descending)):
        ids += [row.order_id for row in page]
    return ids


@pytest.fixture
def thousands(world: World, seeding: Seeding) -> World:
    seeding.orders(2500, 7)
    return world


def test_scrolling_far_and_back_holds_a_bounded_window(  # type: ignore[no-untyped-def]
        qtbot, qtmodeltester, thousands, client) -> None:
    """However far the view scrolls, the model holds a few pages (~750 bytes a row: a
    million rows read were ~750 MB), each row where the service puts it."""
    model = models.OrderFinanceModel(client, page_size=50, window_rows=150)
    number = next(i for i, c in enumerate(models.ORDER_COLUMNS) if c.sort_key == "number")
    model.sort(number, Qt.SortOrder.DescendingOrder)
    settle(qtbot)
    everything = every_order(client, "number", True)
    assert model.rowCount() == model.total_count == len(everything) > 2000
    widest = 0

    def check() -> None:
        nonlocal widest
        widest = max(widest, len(model.window()), len(model.rows()))
        assert [model.row_at(r).order_id for r in model.window()] == [
            everything[r] for r in model.window()]

    for row in range(0, len(everything), 37):  # down to the end, page after page
        show_row(qtbot, model, row)
        check()
    show_row(qtbot, model, len(everything) - 1)
    check()
    assert 0 not in model.window()
    for row in range(len(everything) - 1, -1, -23):  # and back up, page before page
        show_row(qtbot, model, row)
        check()
    assert 0 < widest <= 150
    qtmodeltester.check(model)  # every row asked for in turn: pages come and go
    settle(qtbot)
    check()
    assert widest <= 150


@pytest.mark.parametrize("descending", [True, False])
def test_a_jump_to_a_row_reads_from_the_nearer_end(  # type: ignore[no-untyped-def]
        qtbot, thousands, client, descending: bool) -> None:
    model = models.OrderFinanceModel(client, page_size=50, window_rows=150)
    model.sort(models.ORDER_DEFAULT_SORT,
               Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    settle(qtbot)
    everything = every_order(client, "documented_at", descending)
    for row in (len(everything) - 1, 1800, 700, 3):
        show_row(qtbot, model, row)
        assert [model.row_at(r).order_id for r in model.window()] == [
            everything[r] for r in model.window()]
        assert len(model.window()) <= 150
    show_row(qtbot, model, 40)  # and reads back up from there
    assert model.window().start == 0


def test_ctrl_end_and_the_scroll_bar_at_the_bottom_show_the_last_rows(
        qtbot, seeded, client) -> None:
    """Ctrl+End also scrolls to the last column: the first, scrolled out of sight, is not
    what asks for the rows."""
    page = make_page(qtbot, client)
    page.show()
    page.set_period(Period.ALL)
    page.tabs.setCurrentIndex(ORDERS_TAB)
    settle(qtbot)
    model, table = page.orders_model, page.orders_tab.table
    everything = every_order(client, "documented_at", True)
    assert model.rowCount() == len(everything) > 2 * models.PAGE_SIZE
    last = len(everything) - 1

    def painted(row: int) -> bool:
        table.viewport().repaint()
        return model.loaded(row) is not None

    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: painted(last), timeout=10_000)
    settle(qtbot)
    assert table.currentIndex().row() == last
    assert 0 not in model.window()  # sought from the end, not read down to it
    assert [model.row_at(r).order_id for r in model.window()] == [
        everything[r] for r in model.window()]
    assert model.index(last, 0).data() == model.row_at(last).number_text
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: painted(0), timeout=10_000)
    settle(qtbot)
    assert last not in model.window()
    bar = table.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: painted(last), timeout=10_000)
    settle(qtbot)
    assert table.rowAt(table.viewport().height() - 1) in (last, -1)
    assert model.row_at(last).order_id == everything[last]


def test_tables_and_summary_follow_the_filters(qtbot, seeded, client) -> None:
    page = make_page(qtbot, client)
    page.set_period(Period.ALL)
    settle(qtbot)
    everything = finance.lab_rows(client.uow(), client.actor, FinanceFilter())
    assert set(page.labs_model.rows()) == set(everything)
    assert page.summary == finance.summary(client.uow(), client.actor, FinanceFilter(), "labs")

    page.filters.method.setCurrentIndex(page.filters.method.findData(PaymentMethod.CARD.value))
    settle(qtbot)

    by_card = FinanceFilter(method=PaymentMethod.CARD)
    assert set(page.labs_model.rows()) == set(
        finance.lab_rows(client.uow(), client.actor, by_card))
    assert set(page.labs_model.rows()) != set(everything)
    assert page.summary == finance.summary(client.uow(), client.actor, by_card, "labs")
    # Each currency has a line of its own in the summary.
    for figures in page.summary.per_currency:
        cell = page.findChild(type(page.note), f"summary_{figures.currency}_2")
        assert cell is not None and money(figures.total) in cell.text()

    assert not page.filters.status.isEnabled()  # not on the labs tab, from the first opening on
    page.tabs.setCurrentIndex(ORDERS_TAB)
    settle(qtbot)
    assert page.filters.status.isEnabled()
    page.filters.status.setCurrentIndex(page.filters.status.findData(PaymentStatus.OVERDUE.value))
    settle(qtbot)
    overdue = FinanceFilter(method=PaymentMethod.CARD, payment_status=PaymentStatus.OVERDUE)
    count = finance.order_count(client.uow(), client.actor, overdue)
    assert page.orders_model.total_count == count > 0
    shown = [page.orders_model.row_at(i) for i in range(page.orders_model.rowCount())]
    assert {r.payment_status for r in shown} == {PaymentStatus.OVERDUE}
    assert {r.payment_method for r in shown} == {PaymentMethod.CARD}
    assert page.summary == finance.summary(client.uow(), client.actor, overdue, "orders")
    assert page.orders_tab.count.text() == f"{count} work orders"

    page.tabs.setCurrentIndex(LABS_TAB)
    settle(qtbot)
    assert not page.filters.status.isEnabled()  # the labs tab has no payment status filter
    assert page.summary == finance.summary(client.uow(), client.actor, by_card, "labs")


def test_period_and_custom_range(qtbot, seeded, client) -> None:
    page = make_page(qtbot, client)
    page.set_period(Period.THIS_YEAR)
    settle(qtbot)
    year = QDate.currentDate().year()
    assert page.current_filter().date_from == date(year, 1, 1)
    assert page.current_filter().date_to == date(year, 12, 31)

    page.filters.date_from.setDate(QDate(2026, 10, 1))  # typing a date makes it a custom range
    settle(qtbot)
    assert page.filters.period.currentData() == Period.CUSTOM.value
    page.filters.date_to.setDate(QDate(2026, 10, 31))
    settle(qtbot)
    october = FinanceFilter(date_from=date(2026, 10, 1), date_to=date(2026, 10, 31))
    assert set(page.labs_model.rows()) == set(
        finance.lab_rows(client.uow(), client.actor, october))

    page.filters.date_to.setDate(QDate(2026, 9, 1))
    settle(qtbot)
    assert page.range_problem.isVisibleTo(page)
    assert "start date is after the end date" in page.range_problem.text()
    # One rule, one wording: what the service would refuse such a period with.
    with pytest.raises(ValidationError) as refused:
        finance.lab_rows(client.uow(), client.actor,
                         FinanceFilter(date_from=date(2026, 10, 1), date_to=date(2026, 9, 1)))
    assert page.range_problem.text() == error_words(refused.value)
    assert set(page.labs_model.rows()) == set(
        finance.lab_rows(client.uow(), client.actor, october))

    page.set_period(Period.ALL)
    settle(qtbot)
    assert not page.range_problem.isVisibleTo(page)
    assert page.current_filter().date_from is None
    assert not page.filters.date_from.isEnabled()


def test_clicking_a_lab_shows_its_work_orders(qtbot, seeded, client) -> None:
    page = make_page(qtbot, client)
    page.show()
    settle(qtbot)
    page.set_period(Period.ALL)
    settle(qtbot)
    row = 2
    lab = page.labs_model.row_at(row)
    rect = page.labs_tab.table.visualRect(page.labs_model.index(row, 0))
    qtbot.mouseClick(page.labs_tab.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    settle(qtbot)

    assert page.tabs.currentIndex() == ORDERS_TAB
    assert page.filters.lab.currentData() == lab.lab_id
    assert page.current_filter().lab_id == lab.lab_id
    shown = {page.orders_model.row_at(i).lab_name for i in range(page.orders_model.rowCount())}
    assert shown == {lab.lab_name}
    expected = finance.order_count(client.uow(), client.actor, FinanceFilter(lab_id=lab.lab_id))
    assert page.orders_model.total_count == expected

    # A click on a figure selects the row and stays on the labs tab.
    page.tabs.setCurrentIndex(LABS_TAB)
    settle(qtbot)
    rect = page.labs_tab.table.visualRect(page.labs_model.index(0, 3))
    qtbot.mouseClick(page.labs_tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot)
    assert page.tabs.currentIndex() == LABS_TAB


def test_double_click_opens_the_order(qtbot, seeded, client) -> None:
    page = make_page(qtbot, client)
    page.show()
    settle(qtbot)
    page.set_period(Period.ALL)
    settle(qtbot)
    page.tabs.setCurrentIndex(ORDERS_TAB)
    settle(qtbot)
    order = page.orders_model.row_at(1)
    rect = page.orders_tab.table.visualRect(page.orders_model.index(1, 2))
    opened: list[int] = []
    page.open_order_requested.connect(opened.append)
    settle(qtbot)
    qtbot.mouseClick(page.orders_tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot)
    assert opened == []
    qtbot.mouseDClick(page.orders_tab.table.viewport(), Qt.MouseButton.LeftButton,
                      pos=rect.center())
    settle(qtbot)
    assert opened == [order.order_id]


def test_sorting_runs_in_the_query(qtbot, seeded, client) -> None:
    page = make_page(qtbot, client)
    page.set_period(Period.ALL)
    settle(qtbot)
    page.tabs.setCurrentIndex(ORDERS_TAB)
    settle(qtbot)
    outstanding = next(i for i, c in enumerate(models.ORDER_COLUMNS)
                       if c.sort_key == "outstanding")
    page.orders_tab.table.sortByColumn(outstanding, Qt.SortOrder.DescendingOrder)
    settle(qtbot)
    assert page.orders_model.window() == range(models.PAGE_SIZE)
    top = [page.orders_model.row_at(i) for i in page.orders_model.window()]
    assert top == finance.order_rows(client.uow(), client.actor, FinanceFilter(), 0,
                                     models.PAGE_SIZE, "outstanding", True)
    count = finance.order_count(client.uow(), client.actor, FinanceFilter())
    assert page.orders_model.is_counted and page.orders_model.total_count == count
    assert page.orders_tab.count.text() == f"{count} work orders"


def test_orders_written_between_pages_show_once_where_they_belong(
        qtbot, qtmodeltester, seeded, client) -> None:
    """Pages continue from the last row shown: an order added beyond it comes once, in its
    place; one cancelled before its page came is left out; no other row repeats or goes
    missing (by offset, each shifted the pages after it by one)."""
    page = make_page(qtbot, client)
    page.set_period(Period.ALL)
    settle(qtbot)
    page.tabs.setCurrentIndex(ORDERS_TAB)
    settle(qtbot)
    number = next(i for i, c in enumerate(models.ORDER_COLUMNS) if c.sort_key == "number")
    page.orders_tab.table.sortByColumn(number, Qt.SortOrder.AscendingOrder)
    settle(qtbot)
    model = page.orders_model
    shown = [row.order_id for row in model.rows()]
    assert len(shown) == models.PAGE_SIZE
    to_come = [row.order_id for row in finance.order_rows(
        client.uow(), client.actor, FinanceFilter(), models.PAGE_SIZE, 1000, "number", False)]
    added = orders.create_order(client.uow(), client.actor, seeded.order_input())
    with client.uow() as uow:
        uow.session.execute(text("UPDATE work_orders SET status = 'cancelled' WHERE id = :id"),
                            {"id": to_come[10]})
        uow.commit()

    read_on_to_the_end(qtbot, model)
    assert [row.order_id for row in model.rows()] == [
        *shown, *to_come[:10], *to_come[11:], added.id]
    assert model.rowCount() == len(shown) + len(to_come)  # the end, whatever was counted
    qtmodeltester.check(model)


def test_report_exports_the_tab_on_show(qtbot, seeded, client, tmp_path: Path) -> None:
    page = make_page(qtbot, client)
    page.set_period(Period.ALL)
    settle(qtbot)
    page.tabs.setCurrentIndex(ORDERS_TAB)
    settle(qtbot)
    page.filters.status.setCurrentIndex(page.filters.status.findData(PaymentStatus.PAID.value))
    settle(qtbot)
    target = tmp_path / "paid.xlsx"

    with qtbot.waitSignal(page.report_written, timeout=30000) as written:
        page.start_export(target, "xlsx")
    assert written.args == [str(target)]
    assert page.generate.isEnabled() and not page.export_running()
    assert "paid.xlsx" in page.export_status.text()

    sheet = load_workbook(target).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(i for i, row in enumerate(values) if row[0] == "Number")
    data = [row for row in values[header + 1:] if not str(row[0]).startswith("Total ")]
    paid = FinanceFilter(payment_status=PaymentStatus.PAID)
    assert len(data) == finance.order_count(client.uow(), client.actor, paid)
    assert {row[8] for row in data} == {"Paid"}
    assert "Payment status: Paid" in values[2][0]


def test_cancelled_report_leaves_no_file(qtbot, seeded, client, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # The worker holds at its first step until Cancel has been pressed, so the test is exact.
    pressed = threading.Event()
    settings = reports.get_settings
    monkeypatch.setattr(reports, "get_settings",
                        lambda uow: settings(uow) if pressed.wait(10) else None)
    settle(qtbot)
    page = make_page(qtbot, client)
    page.set_period(Period.ALL)
    settle(qtbot)
    page.tabs.setCurrentIndex(ORDERS_TAB)
    settle(qtbot)
    with qtbot.waitSignal(page.report_failed, timeout=30000) as failed:
        page.start_export(tmp_path / "big.pdf", "pdf")
        progress = page.findChild(ExportProgress)
        assert progress is not None
        cancel = progress.findChild(QPushButton)
        assert cancel.text() == "Cancel"
        cancel.click()
        pressed.set()
    assert "cancelled" in failed.args[0]
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == []
    assert "no file was written" in page.export_status.text()
    assert page.generate.isEnabled() and not page.export_running()


def test_roles_without_finance_see_why(qtbot, seeded, client_for) -> None:
    page = make_page(qtbot, client_for(Role.TECHNICIAN))
    assert not page.allowed
    assert not page.tabs.isEnabled() and not page.generate.isEnabled()
    assert "View finance" in page.range_problem.text()
    assert page.labs_model.rowCount() == 0
    page.refresh()  # nothing is queried, nothing is refused with a dialog
    settle(qtbot)
    assert page.labs_model.rowCount() == 0


def test_screenshot_with_demo_data(qtbot, world: World, client, themed,
                                   seeding: Seeding) -> None:
    assert seeding.demo()
    page = make_page(qtbot, client)
    page.show()
    settle(qtbot)
    qtbot.waitExposed(page)
    page.set_period(Period.THIS_YEAR)
    settle(qtbot)
    QApplication.processEvents()
    settle(qtbot)
    assert page.labs_model.rowCount() > 3
    assert page.note.isVisible() and "Cancelled orders are excluded" in page.note.text()
    screenshot(page, "finance_labs")
    settle(qtbot)
    page.tabs.setCurrentIndex(ORDERS_TAB)
    settle(qtbot)
    QApplication.processEvents()
    settle(qtbot)
    screenshot(page, "finance_orders")
    settle(qtbot)


def test_generate_report_asks_where_and_adds_the_suffix(qtbot, seeded, client,
                                                       tmp_path: Path) -> None:
    page = make_page(qtbot, client)
    page.set_period(Period.ALL)
    settle(qtbot)
    chosen = tmp_path / "month-end"

    def fill_in_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
        assert not dialog.testOption(QFileDialog.Option.DontUseNativeDialog)  # the system's own
        pdf = next(f for f in dialog.nameFilters() if "*.pdf" in f)
        dialog.selectNameFilter(pdf)
        dialog.filterSelected.emit(pdf)
        dialog.selectFile(str(chosen))
        dialog.accept()

    QTimer.singleShot(0, fill_in_the_dialog)
    with qtbot.waitSignal(page.report_written, timeout=30000) as written:
        qtbot.mouseClick(page.generate, Qt.MouseButton.LeftButton)
    assert written.args == [str(tmp_path / "month-end.pdf")]
    assert (tmp_path / "month-end.pdf").read_bytes().startswith(b"%PDF")


def test_coming_back_to_the_page_shows_new_payments(qtbot, seeded, client) -> None:
    page = make_page(qtbot, client)
    page.show()
    settle(qtbot)
    page.set_period(Period.ALL)
    settle(qtbot)
    unpaid = next(r for r in finance.order_rows(client.uow(), client.actor, FinanceFilter(
        payment_status=PaymentStatus.NOT_PAID), 0, 50) if r.total.minor > 0)
    before = {s.currency: s.paid.minor for s in page.summary.per_currency}
    page.hide()
    settle(qtbot)
    payments.record_payment(client.uow(), client.actor, unpaid.order_id, PaymentInput(
        paid_on=date(2026, 11, 20), amount=unpaid.total, method=PaymentMethod.CASH))
    settle(qtbot)

    page.show()
    settle(qtbot)

    after = {s.currency: s.paid.minor for s in page.summary.per_currency}
    currency = unpaid.total.currency
    assert after[currency] == before[currency] + unpaid.total.minor
    row = next(r for r in page.labs_model.rows()
               if r.lab_name == unpaid.lab_name and r.currency == currency)
    assert row in finance.lab_rows(client.uow(), client.actor, FinanceFilter())


def test_a_refused_report_is_explained(qtbot, seeded, client, boxes, tmp_path: Path) -> None:
    page = make_page(qtbot, client)
    with qtbot.waitSignal(page.report_failed, timeout=30000) as failed:
        page.start_export(tmp_path / "gone" / "labs.csv", "csv")
    assert "does not exist" in failed.args[0]
    assert any("does not exist" in text for text in boxes.texts("warning"))
    assert page.generate.isEnabled()


def test_orders_show_patient_and_customer_and_sort_by_them(qtbot, seeded, client) -> None:
    page = make_page(qtbot, client)
    page.set_period(Period.ALL)
    page.tabs.setCurrentIndex(ORDERS_TAB)
    settle(qtbot)
    model = page.orders_model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers[:4] == ["Number", "Patient", "Customer", "Dental lab"]
    first = model.row_at(0)
    assert first.patient_name and first.customer_name
    assert [model.index(0, i).data() for i in (1, 2)] == [first.patient_name,
                                                         first.customer_name]
    for key in ("patient", "customer"):
        page.orders_tab.table.sortByColumn(
            next(i for i, c in enumerate(models.ORDER_COLUMNS) if c.sort_key == key),
            Qt.SortOrder.AscendingOrder)
        settle(qtbot)
        shown = [model.row_at(i) for i in model.window()]
        assert shown == finance.order_rows(client.uow(), client.actor, FinanceFilter(), 0,
                                           models.PAGE_SIZE, key, False)


def lab_row(lab_id: int, name: str, currency: str, total: int) -> LabFinanceRow:
    return LabFinanceRow(lab_id=lab_id, lab_name=name, currency=currency, order_count=2,
                         paid=Money(total // 3, currency), total=Money(total, currency))


def test_a_lab_with_two_currencies_shows_the_currency_column(qtbot, world: World,
                                                              client) -> None:
    page = make_page(qtbot, client)
    one = [lab_row(1, "Lab Ørsted", "EUR", 900), lab_row(2, "Zahnwerk", "EUR", 500)]
    page._lab_rows_arrived(page._labs_generation, one)
    assert page.labs_tab.table.isColumnHidden(models.LAB_CURRENCY_COLUMN)
    two = [*one, lab_row(1, "Lab Ørsted", "DKK", 4000)]
    page._lab_rows_arrived(page._labs_generation, two)
    assert not page.labs_tab.table.isColumnHidden(models.LAB_CURRENCY_COLUMN)
    shown = {(page.labs_model.index(r, 0).data(),
              page.labs_model.index(r, models.LAB_CURRENCY_COLUMN).data())
             for r in range(page.labs_model.rowCount())}
    assert ("Lab Ørsted", "EUR") in shown and ("Lab Ørsted", "DKK") in shown


def test_twelve_labs_read_in_full_on_the_chart_at_1366(qtbot, world: World, client,
                                                        themed) -> None:
    page = make_page(qtbot, client)
    page.resize(1366 - 210, 768 - 80)  # the window less the side bar, menu and status bar
    page.show()
    settle(qtbot)
    names = [f"Dental laboratory number {n:02}" for n in range(12)]
    rows = [lab_row(i, name, "EUR", 1000 * (i + 1)) for i, name in enumerate(names)]
    page._lab_rows_arrived(page._labs_generation, rows)
    QApplication.processEvents()
    axis = next(a for a in page.labs_tab.chart.chart.axes() if isinstance(a, QBarCategoryAxis))
    shown = axis.categories()[::-1]  # drawn bottom to top
    # The eight biggest by name, in the table's order, then the rest in one bar.
    assert shown == [*names[4:], page.labs_tab.chart.tr("%n other lab(s)", "", 4)]
    # Qt draws "…" for a label taller than its band.
    metrics = QFontMetrics(axis.labelsFont())
    band = page.labs_tab.chart.chart.plotArea().height() / len(shown)
    assert band >= metrics.height()
    # ... and one wider than 40 % of the chart (Qt's share for an axis, less its padding).
    widest = max(metrics.horizontalAdvance(name) for name in shown)
    assert widest < 0.4 * page.labs_tab.chart.chart.size().width() - 10
    screenshot(page, "finance_twelve_labs_1366")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots_in_the_window(qtbot, seeded, client, themed, theme: str) -> None:
    """For a human to look at: both tabs at the common screen sizes and the window minimum."""
    apply_theme(themed, theme)
    window = MainWindow(client, lambda: None)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("finance")
    assert isinstance(page, FinancePage)
    page.set_period(Period.ALL)
    for width, height in ((1366, 768), (1920, 1080), (960, 600)):
        window.resize(width, height)
        for tab, name in ((LABS_TAB, "labs"), (ORDERS_TAB, "orders")):
            page.tabs.setCurrentIndex(tab)
            settle(qtbot)
            QApplication.processEvents()
            screenshot(window, f"finance_{name}_{theme}_{width}x{height}")


def test_a_small_chart_names_fewer_labs(qtbot, world: World, client, themed) -> None:
    page = make_page(qtbot, client)
    page.resize(960 - 210, 600 - 80)  # the window's minimum less the side bar and bars
    page.show()
    settle(qtbot)
    rows = [lab_row(i, f"Lab {i:02}", "EUR", 1000 * (i + 1)) for i in range(12)]
    page._lab_rows_arrived(page._labs_generation, rows)
    QApplication.processEvents()
    axis = next(a for a in page.labs_tab.chart.chart.axes() if isinstance(a, QBarCategoryAxis))
    shown = axis.categories()
    assert shown[0] == page.labs_tab.chart.tr("%n other lab(s)", "", 13 - len(shown))
    band = page.labs_tab.chart.chart.plotArea().height() / len(shown)
    assert band >= QFontMetrics(axis.labelsFont()).height()
    screenshot(page, "finance_twelve_labs_960")
