"""Reminders that fire, driven by an injected clock: once, snooze, dismiss across a restart,
missed at sign-in, and the one timer re-armed from the change bus."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from dentasync_desktop.domain.dto import EventInput
from dentasync_desktop.domain.enums import EventKind
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.reminders import panel as panel_module
from dentasync_desktop.gui.reminders.centre import ReminderCentre
from dentasync_desktop.gui.reminders.scheduler import SAFETY_MS
from dentasync_desktop.services import events

from ..factories import World
from ..integration.conftest import Clock
from ..integration.helpers import new_order
from .conftest import screenshot, settle
from .timing import (  # noqa: F401  (fixtures)
    clock_fixture,
    quiet_days,
    timed_client_fixture,
    timed_fixture,
)

APPOINTMENT = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
DUE = APPOINTMENT - timedelta(minutes=15)


def impression(world: World, starts_at: datetime = APPOINTMENT) -> int:
    order = new_order(world)
    return events.add_event(world.uow(), world.admin, order.id, EventInput(
        kind=EventKind.IMPRESSION, starts_at=starts_at, reminder_minutes=15)).detail.id


def centre_for(qtbot: QtBot, client: ServiceClient, clock: Clock,
               opened: list[int] | None = None) -> tuple[ReminderCentre, list[tuple]]:  # type: ignore[type-arg]
    window = QMainWindow()
    qtbot.addWidget(window)
    centre = ReminderCentre(window, client, (opened if opened is not None else []).append,
                            clock)
    centre.window = window  # type: ignore[attr-defined]  # qtbot only keeps a weak reference
    fired: list[tuple] = []  # type: ignore[type-arg]
    centre.scheduler.fired.connect(fired.append)
    centre.start()
    settle(qtbot)
    return centre, fired


def test_a_reminder_fires_exactly_once_and_snooze_fires_it_again(
        qtbot: QtBot, timed: World, timed_client: ServiceClient, clock: Clock,
        caplog: pytest.LogCaptureFixture) -> None:
    quiet_days(timed)
    order_id = impression(timed)
    opened: list[int] = []
    centre, fired = centre_for(qtbot, timed_client, clock, opened)
    scheduler = centre.scheduler
    assert fired == [] and centre.bell.text() == ""
    assert scheduler.armed_for == DUE and scheduler.timer.isActive()
    assert scheduler.timer.remainingTime() <= SAFETY_MS  # days away: the safety re-arm

    clock.set(DUE - timedelta(minutes=1))
    scheduler.check()
    settle(qtbot)
    assert scheduler.timer.remainingTime() <= 60_000 and scheduler.timer.isActive()

    clock.set(DUE)
    with caplog.at_level(logging.INFO, "dentasync_desktop.gui.reminders.scheduler"):
        scheduler.check()
        settle(qtbot)
    assert [len(batch) for batch in fired] == [1]
    [reminder] = fired[0]
    assert "reminder fired" in caplog.text and reminder.key in caplog.text
    assert centre.bell.text() == "1"
    assert centre.last_message is not None and centre.last_message[0] == reminder.title
    scheduler.check()  # again at the same time: nothing new
    settle(qtbot)
    assert len(fired) == 1 and centre.bell.text() == "1"

    panel = centre.open_panel()
    row = panel.rows[reminder.key]
    row.open_button.click()
    assert opened == [order_id]
    row.snooze_actions[5].trigger()
    settle(qtbot)
    assert centre.bell.text() == "" and reminder.key not in panel.rows
    assert scheduler.armed_for == DUE + timedelta(minutes=5)
    clock.set(DUE + timedelta(minutes=5))
    scheduler.timer.timeout.emit()  # the armed timer going off
    settle(qtbot)
    assert len(fired) == 2 and fired[1][0].key == reminder.key and fired[1][0].snoozed
    assert centre.bell.text() == "1" and reminder.key in panel.rows


def test_dismissed_stays_dismissed_after_a_restart(
        qtbot: QtBot, timed: World, timed_client: ServiceClient, clock: Clock) -> None:
    quiet_days(timed)
    impression(timed)
    impression(timed, APPOINTMENT + timedelta(hours=1))
    clock.set(DUE + timedelta(hours=1, minutes=1))
    centre, _fired = centre_for(qtbot, timed_client, clock)
    assert centre.bell.text() == "2"
    panel = centre.open_panel()
    first, second = list(panel.rows)
    panel.rows[first].dismiss_button.click()
    settle(qtbot)
    assert list(panel.rows) == [second] and centre.bell.text() == "1"
    panel.dismiss_all()
    settle(qtbot)
    assert panel.rows == {} and centre.bell.text() == ""
    assert not panel.dismiss_all_button.isEnabled()
    centre.stop()

    clock.set(clock() + timedelta(minutes=10))
    restarted, fired_again = centre_for(qtbot, timed_client, clock)
    assert fired_again == [] and restarted.bell.text() == ""
    assert restarted.scheduler.due == ()


def test_the_panel_shows_the_first_due_and_says_how_many_more(
        qtbot: QtBot, timed: World, timed_client: ServiceClient, clock: Clock,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Thousands due (a long closure) built a row of buttons each, past a gigabyte: the panel
    shows the first ones and counts the rest; Dismiss all still dismisses every one."""
    monkeypatch.setattr(panel_module, "SHOWN_LIMIT", 2)
    quiet_days(timed)
    for hours in range(4):
        impression(timed, APPOINTMENT + timedelta(hours=hours))
    clock.set(DUE + timedelta(hours=4))
    centre, _fired = centre_for(qtbot, timed_client, clock)
    assert centre.bell.text() == "4"
    panel = centre.open_panel()
    first, second = list(panel.rows)
    assert panel.heading.text() == "4 reminders due"
    assert panel.more is not None and panel.more.text().startswith("2 more reminders due.")
    panel.resize(560, 460)
    screenshot(panel, "reminders_panel_more")
    panel.rows[first].dismiss_button.click()
    settle(qtbot)
    assert len(panel.rows) == 2 and second in panel.rows and first not in panel.rows
    assert panel.more is not None and panel.more.text().startswith("1 more reminder due.")
    panel.dismiss_all()
    settle(qtbot)
    assert panel.rows == {} and panel.more is None and centre.bell.text() == ""
    assert centre.scheduler.due == ()
    centre.stop()


def test_reminders_missed_while_closed_open_the_panel_at_sign_in(
        qtbot: QtBot, timed: World, timed_client: ServiceClient, clock: Clock) -> None:
    quiet_days(timed)
    impression(timed)
    clock.set(DUE + timedelta(hours=3))  # the app was closed when it came due
    centre, fired = centre_for(qtbot, timed_client, clock)
    assert len(fired) == 1 and fired[0][0].missed
    panel = centre.panel
    assert panel is not None and panel.isVisible()
    headings = [label.text() for label in panel.findChildren(QLabel)
                if label.objectName() == "reminderGroup"]
    assert headings == ["Missed while closed"]
    assert centre.last_message is None  # a list, not a tray message per missed reminder
    panel.resize(560, 360)
    screenshot(panel, "reminders_panel_missed")
    settle(qtbot)


def test_the_timer_is_re_armed_when_an_event_is_added(
        qtbot: QtBot, timed: World, timed_client: ServiceClient, clock: Clock) -> None:
    quiet_days(timed)
    centre, _fired = centre_for(qtbot, timed_client, clock)
    assert centre.scheduler.armed_for is None
    impression(timed)  # announced on the bus, like an event saved in another window
    qtbot.waitUntil(lambda: centre.scheduler.armed_for == DUE, timeout=5000)
    settle(qtbot)
