"""Screenshots of the time screens in the main window (Today board with the bell, the reminders
panel, check-in mode with its toast, the schedule settings), light and dark, at two sizes; and
the start page setting."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from dentasync_desktop.domain.dto import EventInput, ScheduleSettings
from dentasync_desktop.domain.enums import EventKind
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.main_window import MainWindow
from dentasync_desktop.gui.settings_page import SettingsPage
from dentasync_desktop.gui.today.page import TodayPage
from dentasync_desktop.services import events, orders, settings

from ..factories import World
from ..integration.conftest import Clock
from ..integration.helpers import new_order
from .conftest import screenshot, settle
from .timing import (  # noqa: F401  (fixtures)
    KeyClock,
    clock_fixture,
    palette,
    timed_client_fixture,
    timed_fixture,
)

SIZES = ((1366, 768), (1920, 1080))


def busy_day(world: World) -> None:
    """A try-in today whose case is not back, a shipped case, and two reminders due."""
    draft = new_order(world, documented_at=date(2026, 11, 10), due_date=date(2026, 11, 21))
    parcel = new_order(world, documented_at=date(2026, 11, 5), due_date=date(2026, 11, 20),
                       patient_id=world.patient2_id)
    for step in (orders.publish, orders.start_production, orders.produce):
        parcel = step(world.uow(), world.admin, parcel.id, parcel.version)
    orders.ship(world.uow(), world.admin, parcel.id, parcel.version, "DHL 4711")
    for order_id, kind, hour in ((draft.id, EventKind.TRY_IN, 11),
                                 (parcel.id, EventKind.DELIVERY, 14)):
        events.add_event(world.uow(), world.admin, order_id, EventInput(
            kind=kind, starts_at=datetime(2026, 11, 20, hour, 0, tzinfo=UTC),
            reminder_minutes=30))


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_time_screens(qtbot: QtBot, themed, timed: World, timed_client: ServiceClient,  # type: ignore[no-untyped-def]
                      clock: Clock, dark: bool) -> None:
    busy_day(timed)
    clock.set(datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
    with palette(themed, dark) as look:
        window = MainWindow(timed_client, lambda: None, clock=clock, scan_clock=KeyClock(5))
        qtbot.addWidget(window)
        window.show()
        settle(qtbot)
        clock.set(datetime(2026, 11, 20, 10, 35, tzinfo=UTC))
        window.reminders.scheduler.check()
        settle(qtbot)
        qtbot.waitUntil(lambda: window.reminders.bell.text() != "", timeout=5000)
        settle(qtbot)
        for width, height in SIZES:
            window.resize(width, height)
            settle(qtbot)
            screenshot(window, f"today_window_{width}x{height}_{look}")
        panel = window.reminders.open_panel()
        panel.resize(600, 420)
        settle(qtbot)
        screenshot(panel, f"reminders_panel_{look}")
        panel.close()

        window.check_in.action.trigger()
        window.check_in.toast.show_text("WO-000002 (Jürgen Öztürk) checked in: delivered.",
                                        "Undo", lambda: None)
        for width, height in SIZES:
            window.resize(width, height)
            settle(qtbot)
            window.check_in.toast.show_text(window.check_in.toast.text.text(), "Undo",
                                            lambda: None)
            screenshot(window, f"checkin_{width}x{height}_{look}")
        window.check_in.action.trigger()
        window.check_in.toast.hide()

        page = window.show_page("settings")
        assert isinstance(page, SettingsPage)
        settle(qtbot)
        for width, height in SIZES:
            window.resize(width, height)
            settle(qtbot)
            scroll = page.findChild(QScrollArea, "settingsScroll")
            assert scroll is not None
            scroll.ensureWidgetVisible(page.seat_days)
            QApplication.processEvents()
            screenshot(window, f"settings_schedule_{width}x{height}_{look}")
        window.close()
        settle(qtbot)


def test_the_start_page_setting(qtbot: QtBot, world: World, client: ServiceClient) -> None:
    window = MainWindow(client, lambda: None)
    qtbot.addWidget(window)
    settle(qtbot)
    assert isinstance(window.current_page(), TodayPage)  # the default
    window.close()
    settings.save_schedule_settings(world.uow(), world.admin, ScheduleSettings(
        start_page="orders"))
    second = MainWindow(client, lambda: None)
    qtbot.addWidget(second)
    settle(qtbot)
    assert second.current_page() is second.page("orders")
