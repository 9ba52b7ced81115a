"""The theme setting (System / Light / Dark): the palette it gives, the setting kept, and text
that reads on both: key labels measured from the pixels drawn, screenshots of the main pages."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.finance.page import FinancePage
from dentasync_desktop.gui.finance.periods import Period
from dentasync_desktop.gui.formatting import PAYMENT_COLOURS, STATUS_COLOURS
from dentasync_desktop.gui.main_window import MainWindow
from dentasync_desktop.gui.order_detail.view import OrderDetailView
from dentasync_desktop.gui.order_list.page import OrderListPage
from dentasync_desktop.gui.settings_page import SettingsPage
from dentasync_desktop.gui.theme import (
    MIN_CONTRAST,
    THEME_KEY,
    apply_theme,
    contrast,
    fusion_palette,
    on_white,
    readable,
    style_sheet,
)

from ..conftest import Seeding
from ..factories import World
from .conftest import screenshot, settle

Role = QPalette.ColorRole


@pytest.fixture(params=["light", "dark"])
def look(request: pytest.FixtureRequest, themed: QApplication) -> Iterator[str]:
    apply_theme(themed, request.param)
    yield request.param


def drawn_contrast(window: QWidget, widget: QWidget) -> float:
    """The best text/background contrast among the pixels ``widget`` shows inside ``window``:
    the background is the commonest colour, the text the one furthest from it."""
    area = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    image = window.grab(area).toImage().convertToFormat(QImage.Format.Format_ARGB32)
    # Counted in C over the image's words (each what image.pixel gives, rows unpadded at 32
    # bits a pixel): pixel by pixel in Python it was a third of the test's CPU.
    counts = Counter(memoryview(image.constBits()).cast("I"))
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    return max(contrast(QColor.fromRgb(pixel), background) for pixel in counts)


def test_dark_gives_a_dark_window_and_light_text(themed: QApplication) -> None:
    assert apply_theme(themed, "dark") == "dark"
    colours = themed.palette()
    for role in (Role.Window, Role.Base, Role.Button):
        assert colours.color(role).lightnessF() < 0.3, role
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        assert colours.color(role).lightnessF() > 0.8, role
        assert contrast(colours.color(role), colours.color(Role.Window)) >= 7
    assert "$" not in themed.styleSheet()
    assert apply_theme(themed, "light") == "light"
    assert themed.palette().color(Role.Base).lightnessF() > 0.9


def test_the_style_sheet_has_no_colour_of_its_own_left_unfilled() -> None:
    for which in ("light", "dark"):
        assert "$" not in style_sheet(which)


@pytest.mark.parametrize("which", ["light", "dark"])
def test_status_colours_read_on_both_themes(which: str) -> None:
    base = fusion_palette(which).color(Role.Base)
    for colour in (*STATUS_COLOURS.values(), *PAYMENT_COLOURS.values()):
        assert contrast(readable(colour, base), base) >= MIN_CONTRAST, colour
        assert contrast(on_white(colour), QColor("#ffffff")) >= MIN_CONTRAST, colour


def test_the_theme_setting_is_saved_and_applied(qtbot: QtBot, themed: QApplication,
                                                client: ServiceClient) -> None:
    window = MainWindow(client, lambda: None)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    settle(qtbot)
    assert page.theme.isEnabled()  # a per-user look, not an administrator's setting
    page.theme.setCurrentIndex(page.theme.findData("dark"))
    assert QSettings().value(THEME_KEY) == "dark"
    assert themed.palette().color(Role.Base).lightnessF() < 0.3
    apply_theme(themed)  # at the next start: the saved choice
    assert themed.palette().color(Role.Base).lightnessF() < 0.3
    page.theme.setCurrentIndex(page.theme.findData("light"))
    assert QSettings().value(THEME_KEY) == "light"
    assert themed.palette().color(Role.Base).lightnessF() > 0.9
    window.close()
    settle(qtbot)


def test_key_labels_read_and_pages_look_right(qtbot: QtBot, look: str, world: World,
                                               client: ServiceClient, seeding: Seeding) -> None:
    assert seeding.demo()
    window = MainWindow(client, lambda: None)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    settle(qtbot)
    screenshot(window, f"theme_today_{look}")
    orders = window.show_page("orders")
    assert isinstance(orders, OrderListPage)
    settle(qtbot)
    screenshot(window, f"theme_orders_{look}")
    status_labels = [label for label in window.statusBar().findChildren(QLabel)
                     if label.isVisible() and label.text()]
    assert status_labels
    for label in status_labels:
        assert drawn_contrast(window, label) >= MIN_CONTRAST, label.text()

    orders.open_order(orders.model.row_at(2).id)
    settle(qtbot)
    detail = orders.tabs.currentWidget()
    assert isinstance(detail, OrderDetailView)
    screenshot(window, f"theme_order_{look}")
    header = detail.header
    assert drawn_contrast(window, header.number) >= MIN_CONTRAST
    for key in ("patient", "lab", "total", "balance"):
        assert drawn_contrast(window, header._values[key]) >= MIN_CONTRAST, key

    finance = window.show_page("finance")
    assert isinstance(finance, FinancePage)
    settle(qtbot)
    finance.set_period(Period.THIS_YEAR)
    settle(qtbot)
    screenshot(window, f"theme_finance_{look}")
    totals = [label for label in finance.summary_box.findChildren(QLabel)
              if label.objectName().startswith("summary_") and label.isVisible()]
    assert totals
    for label in totals:
        assert drawn_contrast(window, label) >= MIN_CONTRAST, label.objectName()

    window.show_page("calendar")
    settle(qtbot)
    screenshot(window, f"theme_calendar_{look}")
    window.close()
    settle(qtbot)


def test_system_follows_the_desktop(monkeypatch: pytest.MonkeyPatch) -> None:
    from dentasync_desktop.gui import theme

    class Hints:
        def __init__(self, colour_scheme: Qt.ColorScheme) -> None:
            self.colour_scheme = colour_scheme

        def colorScheme(self) -> Qt.ColorScheme:
            return self.colour_scheme

    for desktop, expected in ((Qt.ColorScheme.Dark, "dark"), (Qt.ColorScheme.Light, "light"),
                              (Qt.ColorScheme.Unknown, "light")):
        monkeypatch.setattr(theme.QGuiApplication, "styleHints",
                            staticmethod(lambda desktop=desktop: Hints(desktop)))
        assert theme.scheme("system") == expected
        assert theme.scheme("light") == "light" and theme.scheme("dark") == "dark"
