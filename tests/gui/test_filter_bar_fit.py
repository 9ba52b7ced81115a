"""The order list's filter bar at the window's minimum size, in English and in German: it wraps
onto more rows instead of clipping a filter."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from dentasync_desktop.gui import language
from dentasync_desktop.gui.main_window import MainWindow
from dentasync_desktop.gui.order_list.page import OrderListPage

from ..conftest import Seeding
from ..factories import World
from .conftest import screenshot, settle
from .test_order_list import FakeShell


@pytest.fixture(params=["en", "de"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    language.install_translations(request.param)
    yield request.param
    language.install_translations("en")


def clipped(bar: QWidget) -> list[str]:
    """The bar's widgets shown narrower than they ask for, or reaching out of the bar."""
    found = []
    for widget in bar.findChildren(QWidget):
        if not widget.isVisibleTo(bar) or widget.parentWidget() is not bar:
            continue
        where = widget.geometry()
        if widget.sizeHint().width() > where.width() or not bar.rect().contains(where):
            found.append(f"{widget.objectName() or type(widget).__name__} {where}")
    return found


@pytest.mark.parametrize("size", [(960, 600), (1366, 768)])
def test_no_filter_is_clipped(qtbot: QtBot, themed: QApplication, lang: str, world: World,
                              client: object, size: tuple[int, int],
                              seeding: Seeding) -> None:
    seeding.orders(40, 3)  # counts on the quick filters make them wider
    window = MainWindow(client, lambda: None)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    page = window.show_page("orders")
    assert isinstance(page, OrderListPage)
    settle(qtbot)
    bar = page.filters
    assert window.size().toTuple() == size
    assert clipped(bar) == []
    # Everything of the bar is inside the window, above the list.
    assert bar.mapTo(window, bar.rect().bottomRight()).x() < window.width()
    assert bar.geometry().bottom() < page.table.geometry().top()
    screenshot(window, f"order_list_{lang}_{size[0]}x{size[1]}")


def test_the_bar_wraps_and_unwraps(qtbot: QtBot, client: object) -> None:
    page = OrderListPage(FakeShell(client))  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1920, 700)
    page.show()
    settle(qtbot)
    one_row = page.filters.height()
    page.resize(700, 700)
    settle(qtbot)
    assert page.filters.height() > one_row and clipped(page.filters) == []
    page.resize(1920, 700)
    settle(qtbot)
    assert page.filters.height() == one_row
