"""Scan to open and the check-in mode: a fast burst ending in Enter is a scan, slow typing is
left alone; check-in delivers a Shipped order, refuses a Draft, and Undo takes it back."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dentasync_desktop.domain.dto import OrderDetail
from dentasync_desktop.domain.enums import OrderStatus
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.main_window import MainWindow
from dentasync_desktop.gui.order_detail.view import OrderDetailView
from dentasync_desktop.gui.order_list.page import OrderListPage
from dentasync_desktop.services import orders
from dentasync_desktop.services.order_detail import get_order

from ..factories import World
from ..integration.helpers import new_order
from .conftest import screenshot, settle
from .timing import KeyClock


def shipped(world: World) -> OrderDetail:
    order = new_order(world, documented_at=date(2026, 11, 10))
    for step in (orders.publish, orders.start_production, orders.produce):
        order = step(world.uow(), world.admin, order.id, order.version)
    return orders.ship(world.uow(), world.admin, order.id, order.version, "DHL 1")


def make_window(qtbot: QtBot, client: ServiceClient, keys: KeyClock) -> MainWindow:
    window = MainWindow(client, lambda: None, scan_clock=keys)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    settle(qtbot)
    return window


def type_into(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """What a keyboard (or a scanner) sends to the widget with the focus."""
    target = QApplication.focusWidget() or window
    qtbot.keyClicks(target, text)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Return)


def open_detail(window: MainWindow) -> OrderDetailView | None:
    page = window.page("orders")
    assert isinstance(page, OrderListPage)
    view = page.tabs.currentWidget()
    return view if isinstance(view, OrderDetailView) else None


def test_a_fast_burst_opens_the_order_and_slow_typing_is_left_alone(
        qtbot: QtBot, world: World, client: ServiceClient) -> None:
    order = new_order(world)
    keys = KeyClock(step=200)  # a person: 200 ms between keys
    window = make_window(qtbot, client, keys)
    orders_page = window.show_page("orders")
    assert isinstance(orders_page, OrderListPage)
    scans: list[str] = []
    window.check_in.detector.scanned.connect(scans.append)
    search = orders_page.search
    search.setFocus()
    qtbot.waitUntil(search.hasFocus, timeout=2000)
    qtbot.keyClicks(search, "WO-000001")  # Enter would be the search box's own business
    # the last key is held for the detector's gap (a real-time timer) before it reaches the box
    qtbot.waitUntil(lambda: search.text() == "WO-000001", timeout=5000)
    settle(qtbot)
    assert scans == [] and open_detail(window) is None

    search.clear()
    settle(qtbot)
    keys.step = 5  # a scanner
    type_into(qtbot, window, "WO-000001")
    settle(qtbot)
    assert search.text() == "" and scans == ["WO-000001"]  # swallowed
    view = open_detail(window)
    assert view is not None and view.order_id == order.id

    window.show_page("today")
    window.navigation.setFocus()
    keys.step = 5
    type_into(qtbot, window, "123")  # too short for a scan: typed as it was
    settle(qtbot)
    assert window.current_page() is window.page("today") and len(scans) == 1


def test_check_in_delivers_refuses_and_undoes(qtbot: QtBot, themed, world: World,  # type: ignore[no-untyped-def]
                                              client: ServiceClient) -> None:
    parcel = shipped(world)
    draft = new_order(world)
    window = make_window(qtbot, client, KeyClock(step=5))
    check_in = window.check_in
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_K,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    if not check_in.active:  # offscreen shortcuts need an active window; the menu does it too
        check_in.action.trigger()
    assert check_in.active and check_in.indicator.isVisible()
    assert window.windowTitle().endswith("check-in mode")

    type_into(qtbot, window, parcel.number_text)
    settle(qtbot)
    assert get_order(world.uow(), world.admin, parcel.id).status is OrderStatus.DELIVERED
    assert check_in.toast.isVisible() and "WO-000001 (Anna Schäfer) checked in" in \
        check_in.toast.text.text()
    assert check_in.toast.action_button.text() == "Undo"
    screenshot(window, "checkin_mode_toast_1366x768")
    settle(qtbot)

    type_into(qtbot, window, draft.number_text.lower())
    settle(qtbot)
    assert get_order(world.uow(), world.admin, draft.id).status is OrderStatus.DRAFT
    assert check_in.toast.text.text().startswith(
        "Not checked in: Deliver is not possible for an order that is draft")
    assert check_in.active and not check_in.toast.action_button.isVisible()

    check_in.undo()
    settle(qtbot)
    assert get_order(world.uow(), world.admin, parcel.id).status is OrderStatus.SHIPPED
    assert "shipped again" in check_in.toast.text.text()

    window.navigation.setFocus()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Escape)
    assert not check_in.active and not check_in.indicator.isVisible()
    assert not window.windowTitle().endswith("check-in mode")
    settle(qtbot)
