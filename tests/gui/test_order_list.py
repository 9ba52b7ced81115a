"""The work-order list page on real services: paging, sorting, filters, search, number jump."""

from __future__ import annotations

import gc
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QStyledItemDelegate

from dentasync_desktop.domain.dto import ORDER_SORT_KEYS, OrderFilter
from dentasync_desktop.domain.enums import OrderStatus, PaymentStatus, Role
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.order_detail.view import OrderDetailView
from dentasync_desktop.gui.order_list.model import (
    COLUMNS,
    ON_HOLD_BACKGROUND,
    ORDER_ID_ROLE,
    OVERDUE_BACKGROUND,
    OrderListModel,
)
from dentasync_desktop.gui.order_list.page import OrderListPage
from dentasync_desktop.gui.table_model import ROW_ROLE
from dentasync_desktop.gui.widgets.columns import column_menu
from dentasync_desktop.services import orders
from dentasync_desktop.services.order_detail import get_order

from ..conftest import Seeding
from ..factories import World
from .conftest import MessageBoxes, fire, settle, show_row


class FakeShell:
    """The little of the main window a page needs."""

    def __init__(self, client: ServiceClient) -> None:
        self.client = client
        self.messages: list[str] = []
        self.commands: list[tuple[object, int]] = []
        self.restarts = 0

    def open_order(self, order_id: int) -> None:
        raise AssertionError("the page opens orders itself")

    def new_order(self) -> None:
        pass

    def show_message(self, text: str) -> None:
        self.messages.append(text)

    def run_order_command(self, action: object, order_id: int) -> None:
        self.commands.append((action, order_id))

    def close_database(self) -> None:
        pass

    def restart(self) -> None:
        self.restarts += 1


def publish(world: World, order_id: int) -> int:
    """Publish the order; returns its new version."""
    version = get_order(world.uow(), world.admin, order_id).version
    return orders.publish(world.uow(), world.admin, order_id, version).version


def make_orders(world: World, count: int, **overrides: object) -> list[int]:
    return [orders.create_order(world.uow(), world.admin, world.order_input(**overrides)).id
            for _ in range(count)]


@pytest.fixture
def page(qtbot, client: ServiceClient) -> OrderListPage:  # type: ignore[no-untyped-def]
    widget = OrderListPage(FakeShell(client))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    settle(qtbot)
    return widget


def visible_numbers(model: OrderListModel) -> list[str]:
    return [model.row_at(row).number_text for row in range(model.rowCount())]


def test_columns_match_the_sort_keys_of_the_service() -> None:
    assert tuple(column.sort_key for column in COLUMNS) == ORDER_SORT_KEYS


def test_model_passes_the_model_tester_and_fetches_pages(qtbot, qtmodeltester, world: World,  # type: ignore[no-untyped-def]
                                                         client: ServiceClient,
                                                         seeding: Seeding) -> None:
    seeding.orders(130)
    model = OrderListModel(client, page_size=20, window_rows=40)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    settle(qtbot)
    assert model.rowCount() == model.total_count == 130  # counted after the first page
    assert model.window() == range(20)
    qtmodeltester.check(model)  # asks for every row: pages come and go
    settle(qtbot)
    assert len(model.window()) <= 40
    numbers = {r: model.row_at(r).number for r in model.window()}
    assert list(numbers.values()) == sorted(numbers.values())
    qtmodeltester.check(model)
    settle(qtbot)
    qtmodeltester.check(model, force_py=True)
    settle(qtbot)


def loaded_numbers(model: OrderListModel) -> dict[int, int]:
    return {r: model.row_at(r).number for r in model.window()}


def test_scrolling_reads_on_from_the_window_and_keeps_it_bounded(  # type: ignore[no-untyped-def]
        qtbot, world: World, client: ServiceClient, seeding: Seeding) -> None:
    seeding.orders(150)
    model = OrderListModel(client, page_size=20, window_rows=40)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    settle(qtbot)
    everything = list(range(1, 151))
    for row in range(0, 150, 7):  # step by step to the end
        show_row(qtbot, model, row)
        assert len(model.window()) <= 40
        assert all(number == everything[r] for r, number in loaded_numbers(model).items())
    for row in range(149, -1, -9):  # and back to the top
        show_row(qtbot, model, row)
        assert len(model.window()) <= 40
        assert all(number == everything[r] for r, number in loaded_numbers(model).items())


def test_a_page_repaints_only_the_rows_painted_before_it_came(  # type: ignore[no-untyped-def]
        qtbot, client: ServiceClient, seeding: Seeding) -> None:
    """A page fetched ahead of the view leaves the view alone (told of the page's rows, a view
    painted all of its viewport once more in that scroll step); rows the view painted empty
    while their page was on its way are painted again."""
    seeding.orders(150)
    model = OrderListModel(client, page_size=20, window_rows=40)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    settle(qtbot)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom, *_: changed.append((top.row(), bottom.row())))
    model.data(model.index(15, 0))  # near the window's end: the next page comes ahead
    settle(qtbot)
    assert model.window() == range(40)
    assert changed == []
    for row in (41, 42, 43):  # painted while their page was on its way
        assert model.data(model.index(row, 0)) is None
    settle(qtbot)
    assert model.loaded(43) is not None
    assert changed == [(41, 43)]


def test_plain_cells_are_left_alone_by_the_cycle_collector(  # type: ignore[no-untyped-def]
        qtbot, client: ServiceClient, seeding: Seeding) -> None:
    """A full collection in a scroll step walked every cell of the window; a cell of strings
    and ints is one it stops following, and the row still comes by its role."""
    seeding.orders(30)
    model = OrderListModel(client, page_size=20, window_rows=40)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    settle(qtbot)
    number = model.data(model.index(3, 0))
    gc.collect()
    assert number == model.row_at(3).number_text
    assert model.data(model.index(3, 0), ROW_ROLE) is model.row_at(3)
    assert not gc.is_tracked(model.cell(3, 1))


@pytest.mark.parametrize("row", [149, 140, 75, 60])
def test_a_jump_seeks_the_rows_from_the_nearer_end(qtbot, world: World,  # type: ignore[no-untyped-def]
                                                   client: ServiceClient, row: int,
                                                   seeding: Seeding) -> None:
    seeding.orders(150)
    model = OrderListModel(client, page_size=20, window_rows=40)
    total_column = [c.sort_key for c in COLUMNS].index("number")
    model.sort(total_column, Qt.SortOrder.DescendingOrder)
    settle(qtbot)
    show_row(qtbot, model, row)
    assert 0 not in model.window()  # jumped: the top was not read on the way
    assert all(number == 150 - r for r, number in loaded_numbers(model).items())
    show_row(qtbot, model, max(row - 25, 0))  # and reads back from there
    assert all(number == 150 - r for r, number in loaded_numbers(model).items())


def test_an_order_leaving_deep_in_the_list_requeries_where_the_view_is(  # type: ignore[no-untyped-def]
        qtbot, world: World, client: ServiceClient) -> None:
    ids = make_orders(world, 150)
    model = OrderListModel(client, page_size=20, window_rows=40)
    model.set_filter(OrderFilter(statuses=(OrderStatus.DRAFT,)))
    model.sort(0, Qt.SortOrder.AscendingOrder)
    settle(qtbot)
    show_row(qtbot, model, 120)
    assert 0 not in model.window()
    reset: list[bool] = []
    model.modelReset.connect(lambda: reset.append(True))
    publish(world, ids[118])  # row 118 leaves the drafts: the rows after it move up
    model.refresh_orders({ids[118]})
    qtbot.waitUntil(lambda: model.rowCount() == 149)
    settle(qtbot)
    assert not reset  # rows replaced in place: the view keeps its place and selection
    assert 120 in model.window()
    left = [n for n in range(1, 151) if n != 119]
    assert all(number == left[r] for r, number in loaded_numbers(model).items())


def test_sorting_requeries_in_the_service(qtbot, world: World, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    make_orders(world, 3)
    model = OrderListModel(client)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    settle(qtbot)
    assert visible_numbers(model) == ["WO-000003", "WO-000002", "WO-000001"]
    assert model.order_filter.sort_key == "number" and model.order_filter.descending
    total_column = [c.sort_key for c in COLUMNS].index("total")
    model.sort(total_column, Qt.SortOrder.AscendingOrder)
    assert model.order_filter.sort_key == "total"
    settle(qtbot)


def test_overdue_and_on_hold_rows_are_marked(qtbot, world: World, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    late, held = make_orders(world, 2, documented_at=date(2026, 10, 1))
    publish(world, late)
    version = publish(world, held)
    orders.set_hold(world.uow(), world.admin, held, version, True, "Waiting")
    model = OrderListModel(client)
    model.sort(0)
    settle(qtbot)
    rows = {model.row_at(r).id: r for r in range(model.rowCount())}
    late_index = model.index(rows[late], 1)
    held_index = model.index(rows[held], 0)
    assert model.data(late_index, Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    assert "Overdue" in model.data(late_index, Qt.ItemDataRole.ToolTipRole)
    assert "On hold" in model.data(held_index, Qt.ItemDataRole.ToolTipRole)
    assert model.data(held_index, Qt.ItemDataRole.DecorationRole) is not None
    assert not model.data(model.index(rows[late], 0), Qt.ItemDataRole.DecorationRole).isNull()
    assert OVERDUE_BACKGROUND != ON_HOLD_BACKGROUND


def test_the_list_paints_its_cells_as_qt_would(qtbot, page: OrderListPage,  # type: ignore[no-untyped-def]
                                               world: World) -> None:
    """The list's own delegate (gui/order_list/delegate.py) draws the very pixels Qt's does:
    tinted, coloured, marked rows, names cut with "…", the selected row."""
    late, held, *_ = make_orders(world, 6, documented_at=date(2026, 10, 1))
    publish(world, late)
    version = publish(world, held)
    orders.set_hold(world.uow(), world.admin, held, version, True, "Waiting")
    page.refresh()
    settle(qtbot)
    page.table.setColumnWidth(1, 40)  # the patient's name cut
    page.table.selectRow(2)
    settle(qtbot)
    ours = page.table.viewport().grab().toImage()
    page.table.setItemDelegate(QStyledItemDelegate(page.table))
    settle(qtbot)
    assert ours == page.table.viewport().grab().toImage()


def test_search_filters_as_you_type(qtbot, page: OrderListPage, world: World) -> None:
    make_orders(world, 2)
    make_orders(world, 1, patient_id=world.patient2_id)
    page.refresh()
    settle(qtbot)
    assert page.model.rowCount() == 3
    qtbot.keyClicks(page.search, "rgen")  # QTest types ASCII only
    fire(page._search_timer)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.model.row_at(0).patient_name == "Jürgen Öztürk"
    assert page.count_label.text() == "Work orders: 1"
    page.search.clear()
    fire(page._search_timer)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=2000)
    settle(qtbot)


def test_typing_a_number_and_enter_opens_that_order(qtbot, page: OrderListPage,
                                                    world: World) -> None:
    ids = make_orders(world, 3)
    page.search.setText("WO-000002")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    settle(qtbot)
    current = page.tabs.currentWidget()
    assert isinstance(current, OrderDetailView)
    assert current.order_id == ids[1]
    assert page.tabs.tabText(page.tabs.currentIndex()) == "WO-000002"
    assert page.selected_order_id() == ids[1]
    page.search.setText("3")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    settle(qtbot)
    assert page.tabs.currentWidget().order_id == ids[2]
    page.search.setText("2")  # already open: its tab comes to the front, no second tab
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    settle(qtbot)
    assert page.tabs.count() == 3 and page.tabs.currentWidget().order_id == ids[1]
    page.close_tab(page.tabs.currentIndex())
    assert page.tabs.count() == 2
    settle(qtbot)  # the tab that comes to the front reads what it shows, as a user waits for


def test_an_unknown_number_says_so(qtbot, page: OrderListPage, world: World) -> None:
    make_orders(world, 1)
    page.search.setText("WO-000999")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    settle(qtbot)
    assert page.tabs.count() == 1
    assert page._shell.messages == ["There is no work order WO-000999."]


def test_enter_and_double_click_open_the_selected_order(qtbot, page: OrderListPage,
                                                        world: World) -> None:
    ids = make_orders(world, 2)
    page.refresh()
    settle(qtbot)
    page.table.setFocus()
    page.table.selectRow(0)
    first = page.model.row_at(0).id
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    settle(qtbot)
    assert page.tabs.currentWidget().order_id == first
    page.tabs.setCurrentIndex(0)
    second_row = 1
    rect = page.table.visualRect(page.model.index(second_row, 1))
    # QTest's double click needs the press before it, as a real double click has.
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    settle(qtbot)
    assert page.tabs.currentWidget().order_id == page.model.row_at(second_row).id
    assert set(page.tabs.details) == set(ids)


def test_quick_filters_show_counts_and_filter(qtbot, page: OrderListPage, world: World) -> None:
    ids = make_orders(world, 3)
    publish(world, ids[0])
    page.refresh()
    qtbot.waitUntil(lambda: "3" in page.filters.quick_buttons[None].text(), timeout=2000)
    assert page.filters.quick_buttons[OrderStatus.DRAFT].text().endswith("2")
    assert page.filters.quick_buttons[OrderStatus.PUBLISHED].text().endswith("1")
    page.filters.quick_buttons[OrderStatus.PUBLISHED].click()
    settle(qtbot)
    assert page.model.rowCount() == 1 and page.model.row_at(0).id == ids[0]
    assert page.model.order_filter.statuses == (OrderStatus.PUBLISHED,)
    page.filters.quick_buttons[None].click()
    settle(qtbot)
    assert page.model.rowCount() == 3


def test_filters_for_lab_customer_payment_overdue_and_hold(qtbot, page: OrderListPage,  # type: ignore[no-untyped-def]
                                                           world: World) -> None:
    make_orders(world, 2)
    other = make_orders(world, 1, lab_id=world.lab2_id, customer_id=world.customer2_id,
                        documented_at=date(2026, 10, 1))[0]
    publish(world, other)
    page.refresh()
    assert page.filters.lab_filter.set_value(world.lab2_id)
    settle(qtbot)
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [other]
    page.clear_filters()
    settle(qtbot)
    assert page.model.rowCount() == 3
    assert page.filters.customer_filter.set_value(world.customer2_id)
    settle(qtbot)
    assert page.model.rowCount() == 1
    page.clear_filters()
    page.filters.overdue_check.setChecked(True)
    settle(qtbot)
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [other]
    page.filters.overdue_check.setChecked(False)
    page.filters.hold_check.setChecked(True)
    settle(qtbot)
    assert page.model.rowCount() == 0
    page.filters.hold_check.setChecked(False)
    page.filters.payment_filter.setCurrentIndex(page.filters.payment_filter.findData(PaymentStatus.PAID))
    settle(qtbot)
    assert page.model.rowCount() == 0
    page.filters.payment_filter.setCurrentIndex(0)
    page.filters.due_check.setChecked(True)
    page.filters.due_from.setDate(QDate(2026, 10, 1))
    page.filters.due_to.setDate(QDate(2026, 10, 10))
    settle(qtbot)
    assert page.model.order_filter.due_from == date(2026, 10, 1)
    settle(qtbot)
    assert page.model.order_filter.due_to == date(2026, 10, 10)
    settle(qtbot)
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [other]


def test_a_change_made_elsewhere_refreshes_the_row_and_the_open_detail(
        qtbot, page: OrderListPage, world: World) -> None:  # type: ignore[no-untyped-def]
    order_id, _other = make_orders(world, 2)
    page.refresh()
    page.open_order(order_id)
    settle(qtbot)
    view = page.tabs.currentWidget()
    assert isinstance(view, OrderDetailView) and view.detail.status is OrderStatus.DRAFT
    reset: list[bool] = []
    page.model.modelReset.connect(lambda: reset.append(True))
    publish(world, order_id)  # another client: only the change bus tells this page
    qtbot.waitUntil(lambda: view.detail.status is OrderStatus.PUBLISHED)
    row = page.model.row_of(order_id)
    assert row is not None
    qtbot.waitUntil(lambda: page.model.row_at(row).status is OrderStatus.PUBLISHED)
    settle(qtbot)
    assert not reset  # the one row was updated in place, the list was not re-queried
    assert view.header.status.text() == "Published"
    assert page.model.order_filter == OrderFilter(sort_key="due_date")


def test_an_order_leaving_the_filter_requeries_the_list(qtbot, page: OrderListPage,  # type: ignore[no-untyped-def]
                                                        world: World) -> None:
    ids = make_orders(world, 2)
    page.filters.quick_buttons[OrderStatus.DRAFT].click()
    settle(qtbot)
    assert page.model.rowCount() == 2
    publish(world, ids[0])
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.row_at(0).id == ids[1]
    make_orders(world, 1)  # a new draft appears without F5
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    settle(qtbot)


def test_print_from_the_detail_goes_to_the_registered_command(qtbot, page: OrderListPage,  # type: ignore[no-untyped-def]
                                                              world: World) -> None:
    order_id = make_orders(world, 1)[0]
    page.open_order(order_id)
    settle(qtbot)
    page.tabs.currentWidget().print_requested.emit(order_id)
    assert page._shell.commands[-1][1] == order_id


def test_column_chooser_hides_and_remembers_columns(qtbot, client: ServiceClient,
                                                    world: World) -> None:
    first = OrderListPage(FakeShell(client))
    qtbot.addWidget(first)
    settle(qtbot)
    menu = column_menu(first.table)
    paid = [c.sort_key for c in COLUMNS].index("paid")
    menu.actions()[paid].setChecked(False)
    assert first.table.horizontalHeader().isSectionHidden(paid)
    second = OrderListPage(FakeShell(client))
    qtbot.addWidget(second)
    settle(qtbot)
    assert second.table.horizontalHeader().isSectionHidden(paid)


def test_a_resized_column_is_remembered_once_the_list_is_put_away(
        qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    first = OrderListPage(FakeShell(client))
    qtbot.addWidget(first)
    first.show()
    settle(qtbot)
    first.table.horizontalHeader().resizeSection(1, 345)
    first.hide()  # its page left, its window closed: the layout is written then
    second = OrderListPage(FakeShell(client))
    qtbot.addWidget(second)
    settle(qtbot)
    assert second.table.horizontalHeader().sectionSize(1) == 345


def test_the_new_order_button_is_disabled_for_a_technician(
        qtbot, client_for, world: World) -> None:  # type: ignore[no-untyped-def]
    page = OrderListPage(FakeShell(client_for(Role.TECHNICIAN)))
    qtbot.addWidget(page)
    settle(qtbot)
    assert not page.new_button.isEnabled()
    assert "Technician" in page.new_button.toolTip()


def test_the_due_range_never_runs_backwards(qtbot, page: OrderListPage,  # type: ignore[no-untyped-def]
                                            boxes: MessageBoxes) -> None:
    page.filters.due_check.setChecked(True)
    start = page.filters.due_from.date()
    page.filters.due_to.setDate(start.addDays(-3))
    assert page.filters.due_from.date() == start.addDays(-3) == page.filters.due_to.date()
    page.filters.due_from.setDate(start.addDays(5))
    assert page.filters.due_to.date() == start.addDays(5)
    settle(qtbot)
    assert boxes.texts() == []  # nothing refused


def test_order_id_role_gives_the_id(qtbot, world: World, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    ids = make_orders(world, 1)
    model = OrderListModel(client)
    model.sort(0)
    settle(qtbot)
    assert model.index(0, 3).data(ORDER_ID_ROLE) == ids[0]


def test_a_deleted_order_closes_its_tab_and_leaves_the_list(  # type: ignore[no-untyped-def]
        qtbot, page: OrderListPage, world: World, boxes: MessageBoxes) -> None:
    order_id, other = make_orders(world, 2)
    page.refresh()
    page.open_order(order_id)
    settle(qtbot)
    view = page.tabs.currentWidget()
    assert isinstance(view, OrderDetailView)
    view.delete_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    settle(qtbot)
    assert page.tabs.count() == 1 and order_id not in page.tabs.details
    assert page.model.row_at(0).id == other
    assert boxes.texts("warning") == []
