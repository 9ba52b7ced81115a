"""F1 opens the user guide at the topic of what is on show; every page has a topic, and the
keyboard topic lists the menus' real keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.help.topics import KEYBOARD, TOPICS
from dentasync_desktop.gui.help.window import HelpWindow
from dentasync_desktop.gui.main_window import MainWindow
from dentasync_desktop.gui.order_list.page import OrderListPage
from dentasync_desktop.gui.pages import PAGES

from ..factories import World
from ..integration.helpers import new_order
from .conftest import screenshot, settle


def test_every_page_has_a_topic_of_its_own() -> None:
    keys = [topic.key for topic in TOPICS]
    assert len(keys) == len(set(keys))
    assert {spec.key for spec in PAGES} <= set(keys)


def window_for(qtbot: QtBot, client: ServiceClient) -> MainWindow:
    window = MainWindow(client, lambda: None)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    settle(qtbot)
    return window


def shown_help(window: MainWindow) -> HelpWindow:
    window.help_action.trigger()
    guide = window.findChild(HelpWindow)
    assert guide is not None and guide.isVisible() and not guide.isModal()
    return guide


def test_f1_opens_the_guide_at_the_page_on_show(qtbot: QtBot, themed: object, world: World,
                                                client: ServiceClient) -> None:
    order = new_order(world)
    window = window_for(qtbot, client)
    assert window.help_action.shortcut().toString() == "F1"
    window.show_page("calendar")
    settle(qtbot)
    guide = shown_help(window)
    assert guide.shown_key == "calendar" and "Alt+Left" in guide.text.toPlainText()
    screenshot(guide, "help_calendar")

    orders = window.show_page("orders")
    assert isinstance(orders, OrderListPage)
    settle(qtbot)
    assert shown_help(window).shown_key == "orders"
    orders.open_order(order.id)
    settle(qtbot)
    again = shown_help(window)
    assert again is guide and guide.shown_key == "order"  # one window, raised again


def test_the_keyboard_topic_lists_the_menus_keys(qtbot: QtBot, world: World,
                                                 client: ServiceClient) -> None:
    window = window_for(qtbot, client)
    guide = shown_help(window)
    row = next(i for i, t in enumerate(TOPICS) if t.key == KEYBOARD)
    guide.topics.setCurrentRow(row)
    text = guide.text.toPlainText()
    assert "New order" in text and "Ctrl+N" in text and "F1" in text
    assert "User guide" in text and "Services & prices" in text  # mnemonics gone, "&&" is "&"
    assert "&New" not in text and "&&" not in text
    guide.topics.setFocus()
    qtbot.keyClick(guide.topics, Qt.Key.Key_Home)
    assert guide.shown_key == TOPICS[0].key
