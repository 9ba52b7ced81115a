"""The main window on the demo database: navigation, menus, permissions, remembered state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel

from dentasync_desktop import __version__
from dentasync_desktop.domain.actions import Action
from dentasync_desktop.domain.dto import ScheduleSettings
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.gui.checkin import CheckIn
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.idle_lock import IdleLock
from dentasync_desktop.gui.main_window import MainWindow
from dentasync_desktop.gui.order_detail.view import OrderDetailView
from dentasync_desktop.gui.order_editor import OrderEditorDialog
from dentasync_desktop.gui.order_list.page import OrderListPage
from dentasync_desktop.gui.pages import PAGES, OrderCommand
from dentasync_desktop.gui.reminders.centre import ReminderCentre
from dentasync_desktop.gui.today.page import TodayPage
from dentasync_desktop.services import settings, users
from dentasync_desktop.services.demo import DEMO_USERS
from dentasync_desktop.services.maintenance import Database

from ..conftest import Seeding
from ..factories import World
from ..integration.helpers import new_order
from .conftest import MessageBoxes, deliver_jobs, screenshot, settle


@pytest.fixture
def demo_client(database: Database, uow_factory: Any, tmp_path,  # type: ignore[no-untyped-def]
                seeding: Seeding) -> Callable[[str], ServiceClient]:
    seeding.demo()
    passwords = {user.username: user.password for user in DEMO_USERS}

    def sign_in(username: str) -> ServiceClient:
        actor = users.sign_in(uow_factory(), username, passwords[username])
        return ServiceClient(uow_factory, actor, database.paths, tmp_path / "app.log", True)

    return sign_in


def make_window(qtbot, client: ServiceClient, closed: list[bool] | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(client, lambda: (closed if closed is not None else []).append(True))
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    settle(qtbot)
    return window


def test_main_window_with_demo_data(qtbot, themed, demo_client) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, demo_client("admin"))
    orders = window.page("orders")
    assert isinstance(orders, OrderListPage)
    qtbot.waitUntil(lambda: orders.filters.quick_buttons[None].text().endswith("200"), timeout=3000)
    settle(qtbot)
    assert orders.model.rowCount() == orders.model.total_count == 200
    screenshot(window, "main_window")
    settle(qtbot)
    orders.table.selectRow(2)
    settle(qtbot)
    orders.open_order(orders.model.row_at(2).id)
    settle(qtbot)
    assert isinstance(orders.tabs.currentWidget(), OrderDetailView)
    screenshot(window, "main_window_order_open")
    settle(qtbot)
    for row in range(1, window.navigation.count()):
        window.navigation.setCurrentRow(row)
        settle(qtbot)
        key = window.navigation.item(row).data(Qt.ItemDataRole.UserRole)
        screenshot(window, f"page_{key}")
        settle(qtbot)


def test_navigation_lists_the_registered_pages(qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, client)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == [spec.title() for spec in PAGES if spec.visible(client)]
    for key in ("orders", "labs", "customers", "patients", "services", "people", "settings"):
        page = window.show_page(key)
        assert window.current_page() is page
    assert window.navigation.currentItem().data(Qt.ItemDataRole.UserRole) == "settings"
    settle(qtbot)


def test_status_bar_shows_the_user_and_the_database(qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, client)
    labels = {label.objectName(): label.text()
              for label in window.statusBar().findChildren(QLabel)}
    assert labels["userLabel"] == "Signed in as Admin User (Admin)"
    assert labels["databaseLabel"] == str(client.paths.database)


def test_shortcuts(qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, client)
    assert window.new_order_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.refresh_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Refresh)
    shortcuts = {a.shortcut().toString() for menu in window.menuBar().actions()
                 for a in menu.menu().actions()}
    assert {"Ctrl+Q", "Ctrl+1", "Ctrl+2"} <= shortcuts
    # A page title's "&" is shown as written, not eaten as a mnemonic ("Services _prices").
    page_items = {a.text() for menu in window.menuBar().actions() for a in menu.menu().actions()
                  if a.shortcut().toString().startswith("Ctrl+") and a.text().count("&")}
    assert "Services && prices" in page_items and "Staff && users" in page_items
    window.show_page("labs")
    settle(qtbot)
    window.find_action.trigger()
    settle(qtbot)
    assert window.focusWidget() is window.page("labs").panel.search


def test_new_order_from_the_menu_opens_it(qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                          client: ServiceClient, world: World) -> None:
    window = make_window(qtbot, client)

    def fill(dialog: OrderEditorDialog) -> int:
        deliver_jobs()  # the dialog's opening loads
        dialog.lab.set_value(world.lab_id)
        dialog.customer.set_value(world.customer_id)
        dialog.patient.set_value(world.patient_id)
        dialog.add_item(description="Crown", price="250")
        dialog.save()
        deliver_jobs()  # what the real exec() would wait for
        return dialog.result()

    monkeypatch.setattr(OrderEditorDialog, "exec", fill)
    settle(qtbot)
    window.navigation.setCurrentRow(2)
    settle(qtbot)
    window.new_order_action.trigger()
    settle(qtbot)
    orders = window.current_page()
    assert isinstance(orders, OrderListPage)
    view = orders.tabs.currentWidget()
    assert isinstance(view, OrderDetailView) and view.detail.number_text == "WO-000001"
    assert orders.model.rowCount() == 1
    assert window.statusBar().currentMessage() == "Created work order WO-000001."


def test_edit_from_the_detail_uses_the_editor(qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                              client: ServiceClient, world: World) -> None:
    from dentasync_desktop.services import orders as order_service

    created = order_service.create_order(world.uow(), world.admin, world.order_input())
    window = make_window(qtbot, client)
    window.open_order(created.id)
    settle(qtbot)
    page = window.current_page()
    view = page.tabs.currentWidget()

    def change(dialog: OrderEditorDialog) -> int:
        deliver_jobs()  # the dialog's opening loads
        dialog.shade.setText("D4")
        dialog.save()
        deliver_jobs()  # what the real exec() would wait for
        return dialog.result()

    monkeypatch.setattr(OrderEditorDialog, "exec", change)
    settle(qtbot)
    view.edit_requested.emit(created.id)
    settle(qtbot)
    assert view.detail.shade == "D4"


def test_ctrl_e_edits_the_open_order_wherever_the_focus_is(
        qtbot, monkeypatch: pytest.MonkeyPatch, client: ServiceClient, world: World) -> None:  # type: ignore[no-untyped-def]
    from dentasync_desktop.services import orders as order_service

    first = order_service.create_order(world.uow(), world.admin, world.order_input())
    second = order_service.create_order(world.uow(), world.admin, world.order_input())
    edited: list[int] = []
    monkeypatch.setattr(OrderEditorDialog, "exec",
                        lambda dialog: edited.append(dialog._order.id) or 0)
    window = make_window(qtbot, client)
    window.show()
    qtbot.waitExposed(window)
    window.open_order(first.id)
    window.open_order(second.id)  # two orders open, the second on screen
    settle(qtbot)
    window.navigation.setFocus()  # the page list, outside the order
    qtbot.keyClick(window.navigation, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert edited == [second.id]


def test_a_technician_sees_disabled_actions(qtbot, client_for, world: World) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, client_for(Role.TECHNICIAN))
    assert not window.new_order_action.isEnabled()
    assert "Technician" in window.new_order_action.toolTip()
    orders = window.page("orders")
    assert not orders.new_button.isEnabled()
    settings = window.show_page("settings")
    assert not settings.save_button.isEnabled() and "Technician" in settings.save_button.toolTip()
    assert not settings.restore_button.isEnabled() and not settings.backup_button.isEnabled()
    people = window.show_page("people")
    assert not people.tabs.isTabEnabled(1)
    settle(qtbot)  # the pages' first queries, before the next test


def test_order_commands_follow_the_selection(qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                             client: ServiceClient, world: World) -> None:
    from dentasync_desktop.services import orders as order_service

    order_id = order_service.create_order(world.uow(), world.admin, world.order_input()).id
    ran: list[int] = []
    command = OrderCommand(lambda: "Print order form…", "Ctrl+P", Action.PRINT,
                           lambda _shell, order: ran.append(order))
    monkeypatch.setattr("dentasync_desktop.gui.main_window.ORDER_COMMANDS", [command])
    settle(qtbot)
    window = make_window(qtbot, client)
    action = window._order_actions[0][1]
    assert action.shortcut() == QKeySequence("Ctrl+P") and not action.isEnabled()
    orders = window.show_page("orders")  # Today is the first page
    settle(qtbot)
    orders.table.selectRow(0)
    settle(qtbot)
    assert action.isEnabled()
    action.trigger()
    settle(qtbot)
    assert ran == [order_id]
    orders.open_order(order_id)
    settle(qtbot)
    orders.tabs.currentWidget().print_requested.emit(order_id)
    settle(qtbot)
    assert ran == [order_id, order_id]


def test_an_action_without_a_registered_command_says_so(
        qtbot, monkeypatch: pytest.MonkeyPatch, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("dentasync_desktop.gui.main_window.ORDER_COMMANDS", [])
    settle(qtbot)
    window = make_window(qtbot, client)
    window.run_order_command(Action.PRINT, 1)
    settle(qtbot)
    assert "not available" in window.statusBar().currentMessage()


def test_window_state_is_remembered(qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    first = make_window(qtbot, client)
    first.resize(1111, 777)
    settle(qtbot)
    first.splitter.setSizes([260, 851])
    settle(qtbot)
    QApplication.processEvents()
    settle(qtbot)
    geometry = first.saveGeometry()
    first.close()
    settle(qtbot)
    # The offscreen screen is small and clamps a restored size, so compare what was stored.
    assert QSettings().value("mainWindow/geometry") == geometry
    assert QSettings().value("mainWindow/splitter") == first.splitter.saveState()
    second = MainWindow(client, lambda: None)
    qtbot.addWidget(second)
    assert second.splitter.sizes()[0] == 260  # before showing clamps it to the small screen
    settle(qtbot)


def test_about_names_version_and_paths(qtbot, client: ServiceClient, boxes: MessageBoxes) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, client)
    window._about()
    settle(qtbot)
    text = boxes.texts("about")[0]
    assert __version__ in text and str(client.paths.database) in text
    assert str(client.log_file) in text


def test_sign_out_closes_the_window(qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, client)
    window.sign_out()
    settle(qtbot)
    assert window.signed_out and not window.isVisible()


def test_columns_menu_and_refresh(qtbot, client: ServiceClient, world: World) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, client)
    window.show_page("orders")  # Today is the first page
    settle(qtbot)
    window._fill_columns_menu()
    settle(qtbot)
    titles = [a.text() for a in window.columns_menu.actions() if a.isCheckable()]
    assert titles[:3] == ["Number", "Patient", "Customer"]
    window.refresh_action.trigger()
    settle(qtbot)
    assert window.statusBar().currentMessage() == "Refreshed."


@pytest.mark.parametrize("start_page", ["orders", "today"])
def test_background_work_starts_once_the_start_page_has_shown_its_data(
        qtbot, monkeypatch: pytest.MonkeyPatch, client: ServiceClient, world: World,  # type: ignore[no-untyped-def]
        start_page: str) -> None:
    """The reminders' first check and the application-wide event filters (scanner, idle lock)
    wait for the start page's first rows: beside its query and paint they slowed it down."""
    new_order(world)
    settings.save_schedule_settings(world.uow(), world.admin,
                                    ScheduleSettings(start_page=start_page))
    window = MainWindow(client, lambda: None)
    qtbot.addWidget(window)

    def data_shown() -> bool:
        page = window.current_page()
        if isinstance(page, OrderListPage):
            return page.model.rowCount() > 0
        return isinstance(page, TodayPage) and page.board is not None

    started: list[tuple[str, bool]] = []
    for name, part in (("reminders", ReminderCentre), ("scanner", CheckIn),
                       ("idle lock", IdleLock)):
        monkeypatch.setattr(part, "start",
                            lambda _self, name=name: started.append((name, data_shown())))
    window.show()
    settle(qtbot)
    assert sorted(started) == [("idle lock", True), ("reminders", True), ("scanner", True)]
