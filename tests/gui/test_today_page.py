"""The Today board: sections with counts on a small world, lines open their order, live refresh;
the schedule settings on the Settings page; the seat-readiness note after saving an event."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDateTime, Qt, QTimeZone
from pytestqt.qtbot import QtBot

from dentasync_desktop.domain.dto import EventInput, PaymentPlanInput, ScheduleSettings
from dentasync_desktop.domain.enums import EventKind, PaymentMethod, Role
from dentasync_desktop.domain.money import Money
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.order_detail import editors
from dentasync_desktop.gui.order_detail.view import OrderDetailView
from dentasync_desktop.gui.settings_page import SettingsPage
from dentasync_desktop.gui.today.page import TodayPage
from dentasync_desktop.services import events, orders, payments, settings

from ..factories import World
from ..integration.helpers import new_order
from .conftest import screenshot, settle
from .test_order_detail import answer
from .timing import palette

TODAY = date(2026, 11, 20)  # FIXED_NOW's day


@dataclass
class Shell:
    client: ServiceClient
    opened: list[int] = field(default_factory=list)
    tabs: list[str | None] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)

    def open_order(self, order_id: int, tab: str | None = None) -> None:
        self.opened.append(order_id)
        self.tabs.append(tab)

    def new_order(self) -> None: ...

    def show_message(self, text: str) -> None:
        self.messages.append(text)

    def run_order_command(self, *_args: object) -> None: ...

    def close_database(self) -> None: ...

    def restart(self) -> None: ...


def appointment(world: World, order_id: int, kind: EventKind, day: int, hour: int) -> None:
    events.add_event(world.uow(), world.admin, order_id, EventInput(
        kind=kind, starts_at=datetime(2026, 11, day, hour, 0, tzinfo=UTC)))


def small_world(world: World) -> dict[str, int]:
    due_today = new_order(world, documented_at=date(2026, 11, 10), due_date=TODAY)
    late = new_order(world, documented_at=date(2026, 11, 1), due_date=date(2026, 11, 17),
                     patient_id=world.patient2_id)
    late = orders.publish(world.uow(), world.admin, late.id, late.version)
    coming = new_order(world, documented_at=date(2026, 11, 10), due_date=date(2026, 11, 30))
    for step in (orders.publish, orders.start_production, orders.produce):
        coming = step(world.uow(), world.admin, coming.id, coming.version)
    coming = orders.ship(world.uow(), world.admin, coming.id, coming.version, "DHL 77")
    appointment(world, due_today.id, EventKind.TRY_IN, 20, 15)
    appointment(world, coming.id, EventKind.DELIVERY, 21, 9)
    payments.set_payment_plan(world.uow(), world.admin, late.id, PaymentPlanInput(
        amount=Money(50000, "EUR"), method=PaymentMethod.CARD, installments=2,
        first_due_date=date(2026, 10, 20)))
    return {"due_today": due_today.id, "late": late.id, "coming": coming.id}


def make_page(qtbot: QtBot, shell: Shell, size: tuple[int, int] = (1180, 720)) -> TodayPage:
    page = TodayPage(shell)  # type: ignore[arg-type]
    page.open_order_requested.connect(shell.open_order)  # as pages.py does
    page.open_events_requested.connect(lambda order_id: shell.open_order(order_id, "events"))
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    settle(qtbot)
    return page


def test_sections_counts_and_opening_a_line(qtbot: QtBot, qtmodeltester, world: World,  # type: ignore[no-untyped-def]
                                            client: ServiceClient) -> None:
    ids = small_world(world)
    shell = Shell(client)
    page = make_page(qtbot, shell)
    headings = {key: card.heading.text() for key, card in page.cards.items()}
    assert headings["appointments_today"] == "Try-ins and deliveries today (1)"
    assert headings["appointments_tomorrow"] == "Try-ins and deliveries tomorrow (1)"
    assert headings["due_today"] == "Orders due today (1)"
    assert headings["overdue"] == "Overdue orders (1)"
    assert headings["back_from_lab"] == "Coming back from the lab (1)"
    assert headings["installments"] == "Installments due or overdue (2)"
    assert page.cards["installments"].totals.text() == "Total: €500.00"
    try_in = page.cards["appointments_today"].model
    assert try_in.index(0, 3).data().startswith("Try-in 3:00\u202fPM — Case not back: try-in today")
    assert try_in.index(0, 3).data(Qt.ItemDataRole.DecorationRole) is not None
    assert page.cards["appointments_tomorrow"].model.index(0, 3).data() == "Delivery 9:00\u202fAM"
    for card in page.cards.values():
        qtmodeltester.check(card.model)

    table = page.cards["overdue"].table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 1))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert shell.opened == [ids["late"]]
    back = page.cards["back_from_lab"].table
    cell = back.visualRect(back.model().index(0, 1)).center()
    qtbot.mouseClick(back.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(back.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert shell.opened == [ids["late"], ids["coming"]]
    appointments = page.cards["appointments_today"].table
    appointments.setFocus()
    appointments.setCurrentIndex(appointments.model().index(0, 1))
    qtbot.keyClick(appointments, Qt.Key.Key_Return)
    assert shell.opened[-1] == ids["due_today"] and shell.tabs == [None, None, "events"]


def test_empty_sections_say_so_and_the_board_follows_the_bus(
        qtbot: QtBot, world: World, client: ServiceClient) -> None:
    page = make_page(qtbot, Shell(client))
    card = page.cards["due_today"]
    assert card.heading.text() == "Orders due today (0)"
    assert card.stack.currentWidget() is card.empty
    assert card.empty.text() == "No order is due today."
    new_order(world, documented_at=date(2026, 11, 10), due_date=TODAY)  # another window
    qtbot.waitUntil(lambda: card.heading.text() == "Orders due today (1)", timeout=5000)
    settle(qtbot)
    assert card.stack.currentWidget() is card.table


def test_front_desk_without_payments_sees_no_installments(
        qtbot: QtBot, world: World, client_for) -> None:  # type: ignore[no-untyped-def]
    page = make_page(qtbot, Shell(client_for(Role.TECHNICIAN)))
    assert page.cards["installments"].isHidden()
    assert page.cards["due_today"].isVisible()


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_today_board_screenshots(qtbot: QtBot, themed, world: World,  # type: ignore[no-untyped-def]
                                 client: ServiceClient, dark: bool) -> None:
    small_world(world)
    with palette(themed, dark) as look:
        shell = Shell(client)
        for width, height in ((1366, 768), (1920, 1080)):
            page = make_page(qtbot, shell, (width - 190, height - 60))
            screenshot(page, f"today_{width}x{height}_{look}")
            settle(qtbot)
            page.close()


def test_the_schedule_settings_save(qtbot: QtBot, world: World, client: ServiceClient) -> None:
    shell = Shell(client)
    page = SettingsPage(shell)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1180, 900)
    page.show()
    settle(qtbot)
    assert page.remind_due_tomorrow.isChecked() and page.remind_installments.isChecked()
    assert page.seat_days.value() == 2 and page.start_page.currentData() == "today"
    page.remind_installments.setChecked(False)
    page.seat_days.setValue(5)
    page.start_page.setCurrentIndex(page.start_page.findData("orders"))
    page.save_button.click()
    settle(qtbot)
    assert settings.get_schedule_settings(world.uow()) == ScheduleSettings(
        remind_orders_due_tomorrow=True, remind_installments_due_today=False,
        seat_warning_days=5, start_page="orders")
    assert shell.messages == ["Settings saved."]
    screenshot(page, "settings_schedule")
    settle(qtbot)


def test_saving_a_try_in_whose_case_is_not_back_notes_it(
        qtbot: QtBot, world: World, client: ServiceClient, monkeypatch: pytest.MonkeyPatch) -> None:
    order = new_order(world)
    view = OrderDetailView(client, order.id)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    settle(qtbot)
    tab = view.events_tab

    def try_in_tomorrow(dialog) -> None:  # type: ignore[no-untyped-def]
        dialog.kind.setCurrentIndex(dialog.kind.findData(EventKind.TRY_IN))
        dialog.starts.setDateTime(QDateTime.fromSecsSinceEpoch(
            int(datetime(2026, 11, 21, 10, 0, tzinfo=UTC).timestamp()), QTimeZone.utc()))

    answer(monkeypatch, editors.EventDialog, try_in_tomorrow)
    tab.add_button.click()
    settle(qtbot)
    assert len(view.detail.events) == 1  # saved all the same
    assert not tab.warning.isHidden()
    assert tab.warning.text().startswith(
        "Saved. Note: Case not back: try-in tomorrow (the order is draft)")
    answer(monkeypatch, editors.EventDialog, lambda d: d.kind.setCurrentIndex(
        d.kind.findData(EventKind.IMPRESSION)))
    tab.add_button.click()
    settle(qtbot)
    assert tab.warning.isHidden()


def test_lines_are_put_in_words_from_their_fields(qapp) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, date, datetime

    from dentasync_desktop.domain.dto import TodayLine
    from dentasync_desktop.domain.enums import EventKind, OrderStatus
    from dentasync_desktop.domain.money import Money
    from dentasync_desktop.gui.formatting import time_text
    from dentasync_desktop.gui.today.model import line_text

    base = dict(order_id=1, order_number=1, patient_name="A", lab_name="L")
    start = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)
    assert line_text(TodayLine(**base, event_kind=EventKind.TRY_IN, at=start,
                               status=OrderStatus.PUBLISHED)) == f"Try-in {time_text(start)}"
    assert line_text(TodayLine(**base, event_kind=EventKind.DELIVERY, at=start, done=True,
                               status=OrderStatus.SHIPPED)).endswith(" (done)")
    assert line_text(TodayLine(**base, status=OrderStatus.PUBLISHED, on=date(2026, 11, 21),
                               days_late=3)) == "Published, due 3 days ago"
    assert line_text(TodayLine(**base, status=OrderStatus.SHIPPED, tracking="DHL 77")) == (
        "Shipped, tracking DHL 77")
    assert line_text(TodayLine(**base, status=OrderStatus.PUBLISHED, amount=Money(1, "EUR"),
                               days_late=31)) == "overdue 31 days"
    assert line_text(TodayLine(**base, status=OrderStatus.PUBLISHED, amount=Money(1, "EUR"))) == (
        "due today")
    assert line_text(TodayLine(**base, text="Reminder title", reminder_key="k")) == (
        "Reminder title")
