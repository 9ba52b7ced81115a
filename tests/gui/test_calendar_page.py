"""The Calendar page: views, navigation, filters, opening, adding, moving, live refresh, print."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPalette
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QDialog

from dentasync_desktop.domain.dto import CalendarEvent, EventInput, OrderDetail
from dentasync_desktop.domain.enums import EventKind, Role
from dentasync_desktop.gui import language
from dentasync_desktop.gui.calendar.canvas import CalendarCanvas, More
from dentasync_desktop.gui.calendar.grids import HOUR_HEIGHT, TIME_COLUMN
from dentasync_desktop.gui.calendar.page import CalendarPage
from dentasync_desktop.gui.calendar.picker import OrderPickerDialog
from dentasync_desktop.gui.calendar.spans import ViewMode, span_of
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.main_window import MainWindow
from dentasync_desktop.gui.order_detail.editors import EventDialog
from dentasync_desktop.gui.order_list.page import OrderListPage
from dentasync_desktop.services import activity_log, events, orders

from ..conftest import FIXED_NOW, Seeding
from ..factories import World
from ..integration.helpers import new_order
from .conftest import MessageBoxes, deliver_jobs, fire, screenshot, settle
from .timing import palette

TODAY = FIXED_NOW.astimezone().date()  # Friday 20 November 2026


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute).astimezone()


def add(world: World, order: OrderDetail, kind: EventKind, when: datetime,
        minutes: int = 45, note: str = "") -> int:
    saved = events.add_event(world.uow(), world.admin, order.id, EventInput(
        kind=kind, starts_at=when, duration_minutes=minutes, note=note))
    return saved.event.id


class FakeShell:
    def __init__(self, client: ServiceClient) -> None:
        self.client = client
        self.opened: list[tuple[int, str | None]] = []
        self.messages: list[str] = []

    def open_order(self, order_id: int, tab: str | None = None) -> None:
        self.opened.append((order_id, tab))

    def new_order(self) -> None:
        raise AssertionError("not used")

    def show_message(self, text: str) -> None:
        self.messages.append(text)

    def run_order_command(self, action: Any, order_id: int) -> None:
        raise AssertionError("not used")

    def close_database(self) -> None:
        raise AssertionError("not used")


@pytest.fixture
def scheduled(world: World, seeding: Seeding) -> dict[str, Any]:
    """Three orders with events around FIXED_NOW's week (Mon 16 – Sun 22 Nov 2026), written
    once a session."""
    def write() -> dict[str, Any]:
        first = new_order(world)
        second = new_order(world, patient_id=world.patient2_id, lab_id=world.lab2_id,
                           customer_id=world.customer2_id, due_date=TODAY + timedelta(days=1))
        cancelled = new_order(world)
        ids = {
            "try_in": add(world, first, EventKind.TRY_IN, local(TODAY, 9)),
            "impression": add(world, second, EventKind.IMPRESSION, local(TODAY, 9, 30),
                              note="Room 2"),
            "delivery": add(world, first, EventKind.DELIVERY,
                            local(TODAY - timedelta(days=2), 14)),
            "pickup": add(world, cancelled, EventKind.PICKUP,
                          local(TODAY + timedelta(days=1), 11)),
            "next_month": add(world, second, EventKind.OTHER, local(date(2026, 12, 3), 10)),
        }
        orders.cancel(world.uow(), world.admin, cancelled.id, cancelled.version, "Duplicate")
        return {"first": first, "second": second, "cancelled": cancelled, **ids}

    return seeding.once("test_calendar_page.scheduled", write)


def make_page(qtbot: Any, client: ServiceClient,
              size: tuple[int, int] = (1280, 800)) -> tuple[CalendarPage, FakeShell]:
    shell = FakeShell(client)
    page = CalendarPage(shell, clock=lambda: FIXED_NOW.astimezone())  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    settle(qtbot)
    return page, shell


def shown_ids(page: CalendarPage) -> set[int]:
    if page.mode is ViewMode.AGENDA:
        rows = (page.agenda_model.row_at(r) for r in range(page.agenda_model.rowCount()))
        return {r.id for r in rows if isinstance(r, CalendarEvent)}
    canvas = page.month_view if page.mode is ViewMode.MONTH else page.time_view.columns
    return {e.id for e in canvas.shown_events()}


def switch(qtbot: Any, page: CalendarPage, mode: ViewMode) -> None:
    page.set_mode(mode)
    settle(qtbot)
    QApplication.processEvents()


def point_of(canvas: CalendarCanvas, event_id: int) -> QPoint:
    rect = canvas.rect_of(event_id)
    assert rect is not None, "the event is not shown"
    return rect.center().toPoint()


def test_each_view_shows_the_events_of_its_range(qtbot, client, scheduled) -> None:  # type: ignore[no-untyped-def]
    page, _shell = make_page(qtbot, client)
    assert page.mode is ViewMode.WEEK and page.anchor == TODAY  # the first time: this week
    week = {scheduled[k] for k in ("try_in", "impression", "delivery", "pickup")}
    assert shown_ids(page) == week
    assert page.title_label.text() == "16 Nov – 22 Nov 2026"
    switch(qtbot, page, ViewMode.DAY)
    assert shown_ids(page) == {scheduled["try_in"], scheduled["impression"]}
    # Overlapping events share the column side by side.
    columns = page.time_view.columns
    a, b = columns.rect_of(scheduled["try_in"]), columns.rect_of(scheduled["impression"])
    assert a is not None and b is not None and a.right() <= b.left() and a.top() < b.top()
    assert a.top() == pytest.approx(9 * HOUR_HEIGHT + 1)
    switch(qtbot, page, ViewMode.MONTH)
    assert shown_ids(page) == week | {scheduled["next_month"]}  # December 3 is on the grid
    switch(qtbot, page, ViewMode.AGENDA)
    assert shown_ids(page) == week  # the agenda lists November only
    assert "4 events" in page.count_label.text()
    assert "1 case not back from the lab" in page.count_label.text()


def test_closed_orders_and_the_seat_warning_show(qtbot, client, scheduled) -> None:  # type: ignore[no-untyped-def]
    page, _shell = make_page(qtbot, client)
    by_id = {e.id: e for e in page.events}
    assert by_id[scheduled["pickup"]].order_closed
    assert by_id[scheduled["try_in"]].warning is not None  # Draft order, try-in today
    columns = page.time_view.columns
    columns._hover(QPointF(point_of(columns, scheduled["try_in"])))
    assert "Case not back: try-in today" in columns.toolTip()
    switch(qtbot, page, ViewMode.AGENDA)
    model = page.agenda_model
    rows = {model.row_at(r).id: r for r in range(model.rowCount())}
    pickup = model.index(rows[scheduled["pickup"]], 7)
    assert model.data(pickup) == "Order cancelled"
    assert model.data(pickup, Qt.ItemDataRole.FontRole).strikeOut()
    warned = model.index(rows[scheduled["try_in"]], 7)
    assert "Case not back: try-in today" in model.data(warned)
    assert model.data(warned, Qt.ItemDataRole.DecorationRole) is not None
    assert "Case not back" in model.data(warned, Qt.ItemDataRole.ToolTipRole)


def test_agenda_model(qtbot, qtmodeltester, client, scheduled) -> None:  # type: ignore[no-untyped-def]
    page, _shell = make_page(qtbot, client)
    page.due_check.setChecked(True)
    switch(qtbot, page, ViewMode.AGENDA)
    assert page.agenda_model.rowCount() > 4  # due dates too
    qtmodeltester.check(page.agenda_model)


def test_today_is_highlighted_and_navigation(qtbot, client, scheduled) -> None:  # type: ignore[no-untyped-def]
    page, _shell = make_page(qtbot, client)
    switch(qtbot, page, ViewMode.MONTH)
    image = page.month_view.grab().toImage()
    index = (TODAY - page.span().first).days
    cell = page.month_view._cell(index)
    highlight = page.month_view.palette().color(QPalette.ColorRole.Highlight)
    assert QColor(image.pixel(int(cell.left()) + 14, int(cell.top()) + 13)) == highlight
    page.next_button.click()
    settle(qtbot)
    assert page.anchor == date(2026, 12, 20) and page.title_label.text() == "December 2026"
    assert shown_ids(page) == {scheduled["next_month"]}
    page.prev_button.click()
    page.prev_button.click()
    settle(qtbot)
    assert page.anchor == date(2026, 10, 20)
    page.today_button.click()
    settle(qtbot)
    assert page.anchor == TODAY
    page.date_edit.setDate(QDate(2026, 12, 3))
    switch(qtbot, page, ViewMode.DAY)
    assert shown_ids(page) == {scheduled["next_month"]}


def test_view_and_date_are_remembered(qtbot, client, scheduled) -> None:  # type: ignore[no-untyped-def]
    page, _shell = make_page(qtbot, client)
    switch(qtbot, page, ViewMode.MONTH)
    page.go(date(2026, 12, 3))
    page.due_check.setChecked(True)
    settle(qtbot)
    again, _shell = make_page(qtbot, client)
    assert (again.mode, again.anchor, again.due_check.isChecked()) == (
        ViewMode.MONTH, date(2026, 12, 3), True)
    assert again.stack.currentWidget() is again.month_view


def test_filters_and_debounced_search(qtbot, client_for, world, scheduled) -> None:  # type: ignore[no-untyped-def]
    events.add_event(world.uow(), world.actors[Role.FRONT_DESK], scheduled["first"].id,
                     EventInput(kind=EventKind.OTHER, starts_at=local(TODAY, 16)))
    page, _shell = make_page(qtbot, client_for(Role.FRONT_DESK))
    assert len(shown_ids(page)) == 5
    page._kind_actions[EventKind.TRY_IN].setChecked(True)
    page._kinds_changed()
    settle(qtbot)
    assert shown_ids(page) == {scheduled["try_in"]}
    assert page.kind_button.text() == "Try-in"
    page._kind_actions[EventKind.TRY_IN].setChecked(False)
    page._kinds_changed()
    page.lab_filter.set_value(world.lab2_id)
    settle(qtbot)
    assert shown_ids(page) == {scheduled["impression"]}
    page.lab_filter.set_value(None)
    page.customer_filter.set_value(world.customer_id)
    settle(qtbot)
    assert scheduled["impression"] not in shown_ids(page) and len(shown_ids(page)) == 4
    page.customer_filter.set_value(None)
    page.mine_check.setChecked(True)
    settle(qtbot)
    assert len(shown_ids(page)) == 1  # the front desk scheduled one event
    page.mine_check.setChecked(False)
    settle(qtbot)
    qtbot.keyClicks(page.search, "room")
    assert page._search_timer.isActive()  # waits for the typing to stop
    fire(page._search_timer)
    settle(qtbot)
    assert shown_ids(page) == {scheduled["impression"]}


def test_double_click_and_enter_open_the_order_on_its_events_tab(qtbot, client, scheduled) -> None:  # type: ignore[no-untyped-def]
    page, shell = make_page(qtbot, client)
    columns = page.time_view.columns
    qtbot.mouseDClick(columns, Qt.MouseButton.LeftButton, pos=point_of(columns,
                                                                       scheduled["try_in"]))
    assert shell.opened == [(scheduled["first"].id, "events")]
    columns.select(next(e for e in page.events if e.id == scheduled["impression"]))
    assert page.selected_order_id() == scheduled["second"].id
    qtbot.keyClick(columns, Qt.Key.Key_Return)
    assert shell.opened[-1] == (scheduled["second"].id, "events")
    switch(qtbot, page, ViewMode.AGENDA)
    page.agenda_view.setCurrentIndex(page.agenda_model.index(0, 0))
    qtbot.keyClick(page.agenda_view, Qt.Key.Key_Return)
    assert shell.opened[-1] == (page.agenda_model.row_at(0).order_id, "events")


def test_main_window_opens_the_order_on_the_events_tab(qtbot, client, scheduled) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(client, lambda: None)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("calendar")
    assert isinstance(page, CalendarPage)
    page.go(TODAY)
    settle(qtbot)
    page.open_event(next(e for e in page.events if e.id == scheduled["try_in"]))
    settle(qtbot)
    orders_page = window.current_page()
    assert isinstance(orders_page, OrderListPage)
    view = orders_page.tabs.currentWidget()
    assert view.tabs.currentWidget() is view.events_tab  # type: ignore[attr-defined]
    window.close()
    settle(qtbot)


def test_new_event_from_an_empty_slot_asks_for_the_order_and_prefills_the_time(  # type: ignore[no-untyped-def]
        qtbot, monkeypatch, client, world, scheduled) -> None:
    page, shell = make_page(qtbot, client)
    switch(qtbot, page, ViewMode.DAY)
    seen: dict[str, Any] = {}

    def pick(dialog: OrderPickerDialog) -> int:
        dialog.search.setText(scheduled["second"].number_text.lower().replace("-", ""))
        fire(dialog._timer)
        settle(qtbot)
        seen["found"] = dialog.results.item(0).text()
        dialog.accept()
        return dialog.result()

    def fill(dialog: EventDialog) -> int:
        seen["start"] = dialog.starts.dateTime().toString("yyyy-MM-dd HH:mm")
        dialog.kind.setCurrentIndex(1)  # delivery
        dialog.accept()
        deliver_jobs()
        return dialog.result()

    monkeypatch.setattr(OrderPickerDialog, "exec", pick)
    monkeypatch.setattr(EventDialog, "exec", fill)
    columns = page.time_view.columns
    empty = QPoint(int(TIME_COLUMN + 40), int(15.6 * HOUR_HEIGHT))  # 15:30 slot
    qtbot.mouseDClick(columns, Qt.MouseButton.LeftButton, pos=empty)
    settle(qtbot)
    assert seen["found"].startswith(scheduled["second"].number_text)
    assert seen["start"] == f"{TODAY.isoformat()} 15:30"
    added = [e for e in page.events if e.order_id == scheduled["second"].id
             and e.kind is EventKind.DELIVERY]
    assert [e.starts_at for e in added] == [local(TODAY, 15, 30).astimezone(UTC)]
    assert shell.messages[-1].startswith("Added a delivery to WO-000002.")


def drag(qtbot: Any, canvas: CalendarCanvas, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    for where in (middle, end):
        # qtbot.mouseMove sends no button state; the canvas drags on moves with the button held.
        QApplication.sendEvent(canvas, QMouseEvent(
            QEvent.Type.MouseMove, QPointF(where), canvas.mapToGlobal(QPointF(where)),
            Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)


def test_drag_moves_the_event_through_the_service(qtbot, client, world, scheduled) -> None:  # type: ignore[no-untyped-def]
    page, shell = make_page(qtbot, client)
    columns = page.time_view.columns
    start = point_of(columns, scheduled["try_in"])
    one_day = columns.column_width()
    drag(qtbot, columns, start, QPoint(int(start.x() + one_day), int(start.y() + 2 * HOUR_HEIGHT)))
    settle(qtbot)
    moved = next(e for e in page.events if e.id == scheduled["try_in"])
    assert moved.starts_at == local(TODAY + timedelta(days=1), 11).astimezone(UTC)
    assert moved.version == 2
    assert shell.messages[-1].startswith("Moved the try-in of WO-000001")
    log = activity_log.order_activity(world.uow(), world.admin, scheduled["first"].id)
    assert log[0].action == "edit_event"
    # The month view moves the day and keeps the time.
    switch(qtbot, page, ViewMode.MONTH)
    month = page.month_view
    start = point_of(month, scheduled["delivery"])
    drag(qtbot, month, start, QPoint(int(start.x() + 2 * month.width() / 7), start.y()))
    settle(qtbot)
    moved = next(e for e in page.events if e.id == scheduled["delivery"])
    assert moved.starts_at == local(TODAY, 14).astimezone(UTC)


def test_refused_drag_snaps_back_with_the_message(qtbot, client, boxes: MessageBoxes,  # type: ignore[no-untyped-def]
                                                  scheduled) -> None:
    page, _shell = make_page(qtbot, client)
    columns = page.time_view.columns
    before = next(e for e in page.events if e.id == scheduled["pickup"])  # cancelled order
    start = point_of(columns, scheduled["pickup"])
    drag(qtbot, columns, start, QPoint(start.x(), int(start.y() + 3 * HOUR_HEIGHT)))
    settle(qtbot)
    assert next(e for e in page.events if e.id == scheduled["pickup"]) == before
    assert columns.rect_of(scheduled["pickup"]) is not None
    assert any("cancelled" in text.lower() for text in boxes.texts())


def test_stale_move_is_refused_and_shows_the_event_as_it_is_now(  # type: ignore[no-untyped-def]
        qtbot, client, world, boxes: MessageBoxes, scheduled) -> None:
    page, _shell = make_page(qtbot, client)
    stale = next(e for e in page.events if e.id == scheduled["try_in"])
    elsewhere = events.move_event(world.uow(), world.admin, stale.id, local(TODAY, 12))
    settle(qtbot)
    page.move_event(stale, local(TODAY, 16))  # a drag still holding the old version
    settle(qtbot)
    now = next(e for e in page.events if e.id == stale.id)
    assert (now.starts_at, now.version) == (elsewhere.event.starts_at, 2)
    assert any("someone else changed" in text.lower() for text in boxes.texts())


def test_edit_time_from_the_keyboard_moves_the_event(qtbot, monkeypatch, client,  # type: ignore[no-untyped-def]
                                                      scheduled) -> None:
    page, _shell = make_page(qtbot, client)
    event = next(e for e in page.events if e.id == scheduled["delivery"])

    def later(dialog: QDialog) -> int:
        edit = dialog.findChild(QDateTimeEdit)
        edit.setDateTime(edit.dateTime().addSecs(90 * 60))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QDialog, "exec", later)
    page.edit_time(event)
    settle(qtbot)
    moved = next(e for e in page.events if e.id == event.id)
    assert moved.starts_at == local(TODAY - timedelta(days=2), 15, 30).astimezone(UTC)


def test_due_dates_toggle(qtbot, client, scheduled) -> None:  # type: ignore[no-untyped-def]
    page, _shell = make_page(qtbot, client)
    assert page.dues == []
    page.due_check.setChecked(True)
    settle(qtbot)
    due = {d.order_id: d.due_date for d in page.dues}
    assert due[scheduled["second"].id] == TODAY + timedelta(days=1)
    assert scheduled["cancelled"].id not in due
    header = page.time_view.header
    header.relayout()
    assert any(getattr(item, "order_id", None) == scheduled["second"].id
               for _r, item in header.hits)
    page.due_check.setChecked(False)
    settle(qtbot)
    assert page.dues == []


def test_live_refresh_when_an_event_is_added_elsewhere(qtbot, client, world, scheduled) -> None:  # type: ignore[no-untyped-def]
    page, _shell = make_page(qtbot, client)
    before = shown_ids(page)
    new_id = add(world, scheduled["second"], EventKind.TRY_IN, local(TODAY, 12))
    settle(qtbot)
    qtbot.waitUntil(lambda: new_id in shown_ids(page))
    assert shown_ids(page) == before | {new_id}


def test_more_link_opens_the_day(qtbot, client, world, scheduled) -> None:  # type: ignore[no-untyped-def]
    for hour in range(8, 18):
        add(world, scheduled["first"], EventKind.OTHER, local(TODAY, hour, 15), minutes=15)
    page, _shell = make_page(qtbot, client, size=(1000, 620))
    switch(qtbot, page, ViewMode.MONTH)
    more = next(r for r, item in page.month_view.hits if isinstance(item, More))
    qtbot.mouseClick(page.month_view, Qt.MouseButton.LeftButton, pos=more.center().toPoint())
    settle(qtbot)
    assert page.mode is ViewMode.DAY and page.anchor == TODAY
    assert len(shown_ids(page)) == 12


def test_print_agenda_produces_a_pdf(qtbot, client, scheduled) -> None:  # type: ignore[no-untyped-def]
    page, _shell = make_page(qtbot, client)
    dialog = page.print_agenda()  # deletes itself on close
    settle(qtbot)
    path = dialog.current.path  # type: ignore[attr-defined]
    assert Path(path).read_bytes().startswith(b"%PDF")
    assert dialog.document.pageCount() >= 1  # type: ignore[attr-defined]
    dialog.close()


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, themed: QApplication) -> Iterator[str]:
    if request.param == "light":
        yield "light"
        return
    with palette(themed, dark=True) as look:
        yield look


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_screenshots(qtbot, client, world, scheduled, theme: str,  # type: ignore[no-untyped-def]
                     size: tuple[int, int]) -> None:
    for hour, kind in ((8, EventKind.DELIVERY), (10, EventKind.IMPRESSION),
                       (13, EventKind.PICKUP), (15, EventKind.OTHER)):
        add(world, scheduled["second"], kind, local(TODAY - timedelta(days=1), hour, 30))
    page, _shell = make_page(qtbot, client, size)
    page.due_check.setChecked(True)
    settle(qtbot)
    page.time_view.columns.select(next(e for e in page.events if e.id == scheduled["try_in"]))
    for mode in ViewMode:
        switch(qtbot, page, mode)
        page.time_view.scroll_to_hour(7)
        screenshot(page, f"calendar_{mode.value}_{theme}_{size[0]}x{size[1]}")
    assert span_of(ViewMode.MONTH, TODAY).count == 42


def test_order_picker_screenshot(qtbot, client, scheduled, themed) -> None:  # type: ignore[no-untyped-def]
    dialog = OrderPickerDialog(client)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot)
    assert dialog.results.count() == 2  # the cancelled order takes no events
    dialog.search.setText("öztürk")
    fire(dialog._timer)
    settle(qtbot)
    assert dialog.results.count() == 1
    screenshot(dialog, "calendar_order_picker")


@pytest.mark.parametrize("width", [960, 1280, 1366, 1920])
@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_week_spells_every_day_the_same_way(qtbot, client, lang: str, width: int) -> None:  # type: ignore[no-untyped-def]
    """German day names differ a lot in length ("Do." / "Donnerstag"): one column must not
    read "Mittwoch 18 November" next to "Do. 19 Nov."."""
    language.install_translations(lang)
    try:
        page, _shell = make_page(qtbot, client, (width, 768))
        switch(qtbot, page, ViewMode.WEEK)
        titles = page.time_view.header.titles()
        locale = QLocale()
        spellings = {next((fmt for fmt in ("dddd d MMMM", "ddd d MMM", "ddd d", "d")
                           if locale.toString(QDate(day.year, day.month, day.day), fmt) == text),
                          None)
                     for day, text in zip(page.time_view.header.span.days, titles, strict=True)}
        assert len(spellings) == 1 and None not in spellings, titles
        if width >= 1366:  # room for the whole name
            assert titles[3].startswith(locale.dayName(4, QLocale.FormatType.LongFormat))
        screenshot(page, f"calendar_week_{lang}_{width}")
    finally:
        language.install_translations("en")
