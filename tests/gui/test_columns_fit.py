"""The lists' columns fit the window they open in (issue 13): at the default 1280×800 and at
1366×768, in English and German, the order list shows Balance and Payment and the Finance
page's Dental labs table Total and Outstanding without a horizontal scroll bar; long names are
cut with "…" (whole in the tooltip), less important columns hidden first."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView
from pytestqt.qtbot import QtBot

from dentasync_desktop.gui import language
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.finance.models import ORDER_COLUMNS, ORDER_NAME_COLUMNS
from dentasync_desktop.gui.finance.page import FinancePage
from dentasync_desktop.gui.finance.periods import Period
from dentasync_desktop.gui.main_window import MainWindow
from dentasync_desktop.gui.order_list.model import PAYMENT_COLUMN
from dentasync_desktop.gui.order_list.page import OrderListPage
from dentasync_desktop.gui.widgets.columns import ELIDED_WIDTH, LAYOUT_VERSION

from ..conftest import Seeding
from ..factories import World
from .conftest import screenshot, settle

SIZES = [(1280, 800), (1366, 768)]
BALANCE = PAYMENT_COLUMN - 1


@pytest.fixture(params=["en", "de"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    language.install_translations(request.param)
    yield request.param
    language.install_translations("en")


def too_narrow(table: QTableView, elided: tuple[int, ...] = ()) -> list[str]:
    """Visible columns narrower than their content needs: the whole text, or for a name
    column (cut with "…") at least ELIDED_WIDTH."""
    header = table.horizontalHeader()
    found = []
    for column in range(header.count()):
        if header.isSectionHidden(column):
            continue
        need = max(table.sizeHintForColumn(column), header.sectionSizeHint(column))
        if column in elided:
            need = min(need, max(ELIDED_WIDTH, header.sectionSizeHint(column)))
        if header.sectionSize(column) < need:
            title = table.model().headerData(column, Qt.Orientation.Horizontal)
            found.append(f"{title}: {header.sectionSize(column)} < {need}")
    return found


def open_page(qtbot: QtBot, client: ServiceClient, size: tuple[int, int],
              page_key: str) -> tuple[MainWindow, object]:
    window = MainWindow(client, lambda: None)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    page = window.show_page(page_key)
    settle(qtbot)
    return window, page


@pytest.mark.parametrize("size", SIZES)
def test_the_order_list_shows_what_is_owed_without_scrolling_sideways(
        qtbot: QtBot, themed: QApplication, lang: str, world: World, client: ServiceClient,
        size: tuple[int, int], seeding: Seeding) -> None:
    seeding.orders(40, 3)
    window, page = open_page(qtbot, client, size, "orders")
    assert isinstance(page, OrderListPage)
    table = page.table
    assert table.horizontalScrollBar().maximum() == 0
    header = table.horizontalHeader()
    assert not header.isSectionHidden(BALANCE) and not header.isSectionHidden(PAYMENT_COLUMN)
    assert header.sectionViewportPosition(PAYMENT_COLUMN) + header.sectionSize(PAYMENT_COLUMN) \
        <= table.viewport().width()
    assert too_narrow(table, (1, 2, 3)) == []
    patient = table.model().index(0, 1)
    assert patient.data(Qt.ItemDataRole.ToolTipRole).startswith(patient.data())  # whole
    screenshot(window, f"columns_orders_{lang}_{size[0]}x{size[1]}")


def test_a_column_hidden_to_fit_comes_back_from_the_header_menu(
        qtbot: QtBot, world: World, client: ServiceClient, seeding: Seeding) -> None:
    seeding.orders(40, 3)
    _window, page = open_page(qtbot, client, (960, 600), "orders")  # the window's minimum
    assert isinstance(page, OrderListPage)
    assert page.table.horizontalScrollBar().maximum() == 0
    header: QHeaderView = page.table.horizontalHeader()
    hidden = [c for c in range(header.count()) if header.isSectionHidden(c)]
    assert hidden, "960 px is too narrow for all eleven columns"
    from dentasync_desktop.gui.widgets.columns import column_menu
    menu = column_menu(page.table)
    ticks = [a for a in menu.actions() if a.isCheckable()]
    ticks[hidden[0]].trigger()  # ticked again in the header's menu
    assert not header.isSectionHidden(hidden[0])
    assert header.sectionSize(hidden[0]) >= page.table.sizeHintForColumn(hidden[0])


def test_an_older_saved_layout_does_not_bring_the_scroll_bar_back(
        qtbot: QtBot, world: World, client: ServiceClient, seeding: Seeding) -> None:
    seeding.orders(40, 3)
    window, page = open_page(qtbot, client, (1280, 800), "orders")
    assert isinstance(page, OrderListPage)
    header = page.table.horizontalHeader()
    for column in range(header.count()):  # what an older version saved: all, wide
        header.showSection(column)
        header.resizeSection(column, 200)
    old = header.saveState()
    window.close()
    # Closing wrote that layout under this version's key too; the older version never had it.
    QSettings().remove(f"columns/v{LAYOUT_VERSION}/orderList")
    QSettings().setValue("columns/orderList", old)
    QSettings().sync()
    _again, page = open_page(qtbot, client, (1280, 800), "orders")
    assert isinstance(page, OrderListPage)
    assert page.table.horizontalScrollBar().maximum() == 0


def finance_all_dates(qtbot: QtBot, client: ServiceClient, size: tuple[int, int],
                      seeding: Seeding) -> tuple[MainWindow, FinancePage]:
    seeding.orders(200, 3)
    window, page = open_page(qtbot, client, size, "finance")
    assert isinstance(page, FinancePage)
    page.set_period(Period.ALL)
    settle(qtbot)
    return window, page


def in_sight(table: QTableView, column: int) -> bool:
    header = table.horizontalHeader()
    return not header.isSectionHidden(column) and \
        header.sectionViewportPosition(column) + header.sectionSize(column) \
        <= table.viewport().width()


@pytest.mark.parametrize("size", SIZES)
def test_the_finance_labs_table_shows_total_and_outstanding(
        qtbot: QtBot, themed: QApplication, lang: str, world: World, client: ServiceClient,
        size: tuple[int, int], seeding: Seeding) -> None:
    window, page = finance_all_dates(qtbot, client, size, seeding)
    table = page.labs_tab.table
    assert table.model().rowCount() > 3
    assert table.horizontalScrollBar().maximum() == 0
    assert too_narrow(table, (0,)) == []
    assert in_sight(table, table.model().columnCount() - 1)  # Outstanding, the last column
    screenshot(window, f"columns_finance_{lang}_{size[0]}x{size[1]}")


@pytest.mark.parametrize("size", SIZES)
def test_the_finance_work_orders_table_shows_outstanding_and_both_statuses(
        qtbot: QtBot, themed: QApplication, lang: str, world: World, client: ServiceClient,
        size: tuple[int, int], seeding: Seeding) -> None:
    window, page = finance_all_dates(qtbot, client, size, seeding)
    page.tabs.setCurrentWidget(page.orders_tab)
    settle(qtbot)
    table = page.orders_tab.table
    assert table.model().rowCount() > 20
    assert table.horizontalScrollBar().maximum() == 0
    assert too_narrow(table, ORDER_NAME_COLUMNS) == []
    for key in ("outstanding", "status", "payment_status", "documented_at"):
        assert in_sight(table, next(i for i, c in enumerate(ORDER_COLUMNS)
                                    if c.sort_key == key)), key
    patient = table.model().index(0, ORDER_NAME_COLUMNS[0])
    assert patient.data(Qt.ItemDataRole.ToolTipRole).startswith(patient.data())  # whole
    screenshot(window, f"columns_finance_orders_{lang}_{size[0]}x{size[1]}")
