"""The order detail view driven through the real services on a real SQLite file."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import (
    QDate,
    QEvent,
    QLocale,
    QMimeData,
    QPoint,
    QPointF,
    Qt,
    QThreadPool,
    QUrl,
)
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from dentasync_desktop.domain.dto import OrderDetail, PaymentInput, PaymentPlanInput
from dentasync_desktop.domain.enums import (
    EventKind,
    IntervalUnit,
    OrderStatus,
    PaymentMethod,
    PaymentStatus,
    Role,
    TaskStatus,
)
from dentasync_desktop.domain.money import Money
from dentasync_desktop.gui.changes import ChangeRelay
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.formatting import money
from dentasync_desktop.gui.order_detail import dialogs, editors
from dentasync_desktop.gui.order_detail.models import ID_ROLE, changes
from dentasync_desktop.gui.order_detail.view import OrderDetailView
from dentasync_desktop.services import comments, orders, payments, payroll, workplan
from dentasync_desktop.services.changes import Change, ChangeKind
from dentasync_desktop.services.order_detail import get_order
from dentasync_desktop.services.unit_of_work import STALE_MESSAGE

from ..conftest import FIXED_NOW, Seeding
from ..factories import World
from .conftest import deliver_jobs, settle

TODAY = FIXED_NOW.astimezone().date()


# --- helpers --------------------------------------------------------------------------------


class Boxes:
    """Message boxes answered without a screen: questions get ``answer``, warnings are kept."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.warnings: list[str] = []
        self.questions: list[str] = []
        self.answer = QMessageBox.StandardButton.Yes
        monkeypatch.setattr(QMessageBox, "warning", self._warning)
        monkeypatch.setattr(QMessageBox, "question", self._question)

    def _warning(self, _parent: Any, _title: str, text: str, *_args: Any) -> Any:
        self.warnings.append(text)
        return QMessageBox.StandardButton.Ok

    def _question(self, _parent: Any, _title: str, text: str, *_args: Any) -> Any:
        self.questions.append(text)
        return self.answer


def answer(monkeypatch: pytest.MonkeyPatch, dialog_class: type[QDialog],
           fill: Callable[[Any], None] = lambda dialog: None) -> list[Any]:
    """Every ``dialog_class`` shown is filled by ``fill`` and OK is pressed once."""
    shown: list[Any] = []

    def run(dialog: Any) -> int:
        shown.append(dialog)
        deliver_jobs()  # what the dialog loads for itself
        fill(dialog)
        dialog.accept()
        deliver_jobs()  # the save runs on the worker; the real exec() would wait for it
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", run)
    return shown


def text_dialog(monkeypatch: pytest.MonkeyPatch, text: str) -> list[Any]:
    return answer(monkeypatch, dialogs.TextDialog, lambda d: d.edit.setText(text))


def fresh(world: World, order_id: int) -> OrderDetail:
    return get_order(world.uow(), world.admin, order_id)


@pytest.fixture(autouse=True)
def english_locale():  # type: ignore[no-untyped-def]
    """Amounts and dates as an English (US) user sees them, whatever the machine's locale."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


@pytest.fixture
def make_client(world: World, database, tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(role: Role = Role.ADMIN) -> ServiceClient:
        return ServiceClient(world.uow_factory, world.actors[role], database.paths,
                             tmp_path / "dentasync.log")

    return make


@pytest.fixture
def order(world: World, seeding: Seeding) -> OrderDetail:
    return seeding.once("test_order_detail.order", lambda: orders.create_order(
        world.uow(), world.admin, world.order_input()))


@pytest.fixture
def make_view(qtbot, make_client, order: OrderDetail):  # type: ignore[no-untyped-def]
    def make(role: Role = Role.ADMIN, order_id: int | None = None) -> OrderDetailView:
        view = OrderDetailView(make_client(role), order_id or order.id)
        # The primary button's hold against a double click (test_dialog_behaviour's subject)
        # lasts the desktop's double-click interval: each step here would wait 0.4 s for it.
        view._step_hold.setInterval(1)
        qtbot.addWidget(view)
        view.resize(1280, 800)
        view.show()
        settle(qtbot)
        return view

    return make


def click_primary(qtbot, view: OrderDetailView) -> None:  # type: ignore[no-untyped-def]
    """Publish is confirmed (use the ``boxes`` fixture); the step before holds the button off
    for a double-click interval."""
    qtbot.waitUntil(view.header.primary.isEnabled)
    qtbot.mouseClick(view.header.primary, Qt.MouseButton.LeftButton)
    settle(qtbot)


def tick(qtbot, table, row: int, column: int = 0) -> None:  # type: ignore[no-untyped-def]
    model = table.model()
    index = model.index(row, column)
    wanted = (Qt.CheckState.Unchecked if index.data(Qt.ItemDataRole.CheckStateRole)
              == Qt.CheckState.Checked else Qt.CheckState.Checked)
    before = model.rows()[row]
    model.setData(index, wanted, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: model.rowCount() > row and model.rows()[row] != before)
    settle(qtbot)


def select(table, row: int) -> None:  # type: ignore[no-untyped-def]
    table.selectRow(row)
    assert table.selected() is not None


# --- lifecycle ------------------------------------------------------------------------------


def test_walks_every_lifecycle_step_with_the_primary_button(
        qtbot, make_view, world: World, order: OrderDetail, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view()
    changed: list[int] = []
    view.order_changed.connect(changed.append)
    settle(qtbot)
    assert view.header.number.text() == "WO-000001"
    assert view.header.status.text() == "Draft"
    assert view.header.primary.text() == "Publish"

    click_primary(qtbot, view)
    settle(qtbot)
    assert view.detail.status is OrderStatus.PUBLISHED
    assert view.header.primary.text() == "Start production"
    click_primary(qtbot, view)
    settle(qtbot)
    assert view.detail.status is OrderStatus.IN_PRODUCTION

    view.plan_action.trigger()  # empty plan: planned from the crown's templates
    settle(qtbot)
    assert view.tabs.currentWidget() is view.workplan_tab
    assert [t.name for t in view.detail.tasks] == ["Model", "Framework", "Ceramic layering"]
    click_primary(qtbot, view)  # Produce is refused while tasks are open
    settle(qtbot)
    assert view.detail.status is OrderStatus.IN_PRODUCTION
    assert "still open" in boxes.warnings[-1]
    for row in range(3):
        tick(qtbot, view.workplan_tab.table, row)
        settle(qtbot)
    assert view.detail.open_tasks == 0
    assert view.tabs.tabText(1) == "Work plan (3/3)"

    click_primary(qtbot, view)
    settle(qtbot)
    assert view.detail.status is OrderStatus.PRODUCED
    assert view.header.primary.text() == "Ship…"
    shown = text_dialog(monkeypatch, "DHL 00340434161094042557")
    click_primary(qtbot, view)
    settle(qtbot)
    assert shown and view.detail.status is OrderStatus.SHIPPED
    assert view.info_tab.value("tracking") == "DHL 00340434161094042557"
    click_primary(qtbot, view)
    settle(qtbot)
    assert view.detail.status is OrderStatus.DELIVERED
    click_primary(qtbot, view)
    settle(qtbot)
    assert view.detail.status is OrderStatus.COMPLETED
    assert view.header.primary.isHidden()
    assert fresh(world, order.id).status is OrderStatus.COMPLETED
    assert changed and set(changed) == {order.id}
    assert len(changed) == 6 + 3 + 1  # six steps that worked, three ticks, one plan


def test_primary_shortcut_runs_the_next_step(qtbot, make_view, boxes: Boxes) -> None:
    view = make_view()
    view.primary_action.trigger()
    settle(qtbot)
    assert view.detail.status is OrderStatus.PUBLISHED


def test_cancel_needs_reason_and_confirmation_and_reopen_restores_a_draft(
        qtbot, make_view, world: World, order: OrderDetail, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view()
    shown = text_dialog(monkeypatch, "")
    view.cancel_action.trigger()
    assert shown[-1].error_text.startswith("Reason")  # the dialog stayed open
    assert shown[-1].result() == QDialog.DialogCode.Rejected
    settle(qtbot)

    boxes.answer = QMessageBox.StandardButton.No
    text_dialog(monkeypatch, "Patient moved abroad")
    settle(qtbot)
    view.cancel_action.trigger()
    settle(qtbot)
    assert fresh(world, order.id).status is OrderStatus.DRAFT  # not confirmed: nothing done

    boxes.answer = QMessageBox.StandardButton.Yes
    view.cancel_action.trigger()
    settle(qtbot)
    assert view.detail.status is OrderStatus.CANCELLED
    assert view.header.status.text() == "Cancelled"
    assert view.info_tab.value("cancel") == "Patient moved abroad"
    assert not view.edit_action.isEnabled()
    assert "cancelled" in view.edit_action.toolTip()
    assert not view.add_payment_action.isEnabled()
    assert view.reopen_action.isEnabled() and view.copy_action.isEnabled()
    assert view.header.primary.isHidden()

    view.reopen_action.trigger()
    settle(qtbot)
    assert view.detail.status is OrderStatus.DRAFT
    assert view.info_tab.value("cancel") == ""
    assert not view.reopen_action.isEnabled()


def test_move_back_hold_due_date_remake_and_customer(
        qtbot, make_view, world: World, order: OrderDetail, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    other = orders.create_order(world.uow(), world.admin, world.order_input())
    view = make_view()
    click_primary(qtbot, view)
    settle(qtbot)
    assert view.move_back_action.isEnabled()
    shown = text_dialog(monkeypatch, "Wrong lab form")
    view.move_back_action.trigger()
    assert shown[-1].prompt.text() == "Move WO-000001 back from Published to Draft."
    settle(qtbot)
    assert view.detail.status is OrderStatus.DRAFT

    text_dialog(monkeypatch, "Waiting for the impression")
    settle(qtbot)
    view.hold_action.trigger()
    settle(qtbot)
    assert view.detail.on_hold
    assert view.header.hold.isVisible()
    assert view.header.hold.text() == "On hold: Waiting for the impression"
    assert view.hold_action.text() == "Take off hold"
    assert not view.header.primary.isEnabled()
    assert "on hold" in view.header.primary.toolTip()
    view.hold_action.trigger()
    settle(qtbot)
    assert not view.detail.on_hold
    qtbot.waitUntil(view.header.primary.isEnabled)  # after the Publish's double-click hold

    def due(dialog: Any) -> None:
        dialog.date.setDate(QDate(2026, 12, 24))

    answer(monkeypatch, dialogs.DueDateDialog, due)
    settle(qtbot)
    view.due_action.trigger()
    settle(qtbot)
    assert view.detail.due_date == date(2026, 12, 24)

    def remake(dialog: Any) -> None:
        dialog.number.setText(other.number_text.lower())
        dialog.reason.setText("Shade too dark")

    answer(monkeypatch, dialogs.RemakeDialog, remake)
    settle(qtbot)
    view.remake_action.trigger()
    settle(qtbot)
    assert view.detail.is_remake and view.detail.remake_of_number == other.number
    assert "WO-000002" in view.header.links.text()
    opened: list[int] = []
    view.open_order_requested.connect(opened.append)
    settle(qtbot)
    view.header.links.linkActivated.emit(f"order:{other.number}")
    settle(qtbot)
    assert opened == [other.id]

    def customer(dialog: Any) -> None:
        dialog.query.setText("yılmaz")
        dialog.refresh()
        deliver_jobs()
        assert dialog.customers.rowCount() == 1

    answer(monkeypatch, dialogs.CustomerDialog, customer)
    settle(qtbot)
    view.customer_action.trigger()
    settle(qtbot)
    assert view.detail.customer.id == world.customer2_id
    assert view.header.value("customer") == "Dr. Ğül Yılmaz — Ankara Dental"


def test_adjust_price_keeps_bad_input_and_names_the_field(
        qtbot, make_view, world: World, order: OrderDetail, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view()

    def bad(dialog: Any) -> None:
        dialog.price.amount.setText("12,345")
        dialog.price.currency.setCurrentText("JPY")

    shown = answer(monkeypatch, dialogs.AdjustPriceDialog, bad)
    view.adjust_action.trigger()
    # Read before the event loop runs: the view deletes the dialog later, once exec returned.
    dialog = shown[-1]
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.error_text == "Price: JPY allows at most 0 decimal places."
    assert dialog.price.amount.text() == "12,345"
    settle(qtbot)
    assert fresh(world, order.id).total == Money(50000, "EUR")

    answer(monkeypatch, dialogs.AdjustPriceDialog,
           lambda d: d.price.amount.setText("1 234,50"))
    settle(qtbot)
    view.adjust_action.trigger()
    settle(qtbot)
    assert view.detail.total == Money(123450, "EUR")
    assert view.header.value("total") == "€1,234.50"


def test_copy_opens_the_new_order(qtbot, make_view, world: World, order: OrderDetail,
                                  boxes: Boxes) -> None:
    view = make_view()
    opened: list[int] = []
    view.open_order_requested.connect(opened.append)
    settle(qtbot)
    view.copy_action.trigger()
    settle(qtbot)
    assert len(opened) == 1
    copy = fresh(world, opened[0])
    assert copy.copied_from_number == order.number and copy.status is OrderStatus.DRAFT
    other = make_view(order_id=copy.id)
    assert "Copied from" in other.header.links.text()


def test_edit_and_print_are_signals_for_the_main_window(qtbot, make_view,
                                                         order: OrderDetail) -> None:
    view = make_view()
    with qtbot.waitSignal(view.edit_requested) as edit:
        view.edit_action.trigger()
    assert edit.args == [order.id]
    with qtbot.waitSignal(view.print_requested) as printing:
        view.print_action.trigger()
    assert printing.args == [order.id]


def test_stale_version_shows_the_message_and_reloads(
        qtbot, make_view, world: World, order: OrderDetail, boxes: Boxes) -> None:
    view = make_view()
    elsewhere = world.uow()
    elsewhere.bus = None  # another PC: this window's change bus never hears of it
    orders.update_due_date(elsewhere, world.admin, order.id, order.version, date(2026, 12, 1))
    click_primary(qtbot, view)
    settle(qtbot)
    assert boxes.warnings == [STALE_MESSAGE]
    assert view.detail.status is OrderStatus.DRAFT
    assert view.detail.due_date == date(2026, 12, 1)  # reloaded
    assert view.detail.version == fresh(world, order.id).version
    click_primary(qtbot, view)
    settle(qtbot)
    assert view.detail.status is OrderStatus.PUBLISHED


def test_a_change_heard_while_the_order_loads_is_shown_after_that_load(
        qtbot, make_view, world: World, order: OrderDetail) -> None:
    view = make_view()
    view.context.load()
    QThreadPool.globalInstance().waitForDone()  # it has read the order, not yet delivered
    elsewhere = world.uow()
    elsewhere.bus = None  # another PC: its change arrives through the relay below
    payments.record_payment(elsewhere, world.admin, order.id, PaymentInput(
        date(2026, 11, 20), Money(5000, "EUR"), PaymentMethod.CASH))
    ChangeRelay.of(view.context.client).changed.emit(
        (Change(ChangeKind.PAYMENT, order_id=order.id),))
    settle(qtbot)

    assert view.detail.paid == Money(5000, "EUR")
    assert view.payments_tab.paid.text() == "€50.00"


def test_a_tab_is_built_when_first_shown_with_the_order_and_follows_its_changes(
        qtbot, make_view, world: World, order: OrderDetail) -> None:
    view = make_view()
    tabs = view.tabs
    assert [tabs.is_built(index) for index in range(tabs.count())] == [True] + [False] * 7
    assert tabs.tabText(2) == "Payments"  # titled from the order, the tab itself not built
    view.show_tab("payments")
    assert tabs.is_built(2) and tabs.currentWidget() is view.payments_tab
    assert view.payments_tab.total.text() == money(order.total)
    assert view.payments_tab.paid.text() == "€0.00"
    payments.record_payment(world.uow(), world.admin, order.id, PaymentInput(
        date(2026, 11, 20), Money(5000, "EUR"), PaymentMethod.CASH))
    settle(qtbot)  # the change bus reloads the order
    assert view.payments_tab.paid.text() == "€50.00"
    assert tabs.tabText(2) == "Payments (1)"
    assert [tabs.is_built(index) for index in range(tabs.count())] == [
        True, False, True, False, False, False, False, False]

    # Tab goes through the payments before the side panel, as when every tab was built first.
    chain = [view.nextInFocusChain()]
    while chain[-1] is not view:
        chain.append(chain[-1].nextInFocusChain())
    assert chain.index(view.payments_tab.add_button) < chain.index(view.side_panel.activity.table)


def test_stale_version_in_a_dialog_closes_it_and_reloads(
        qtbot, make_view, world: World, order: OrderDetail, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view()
    elsewhere = world.uow()
    elsewhere.bus = None  # another PC: this window's change bus never hears of it
    orders.set_hold(elsewhere, world.admin, order.id, order.version, True, "Call the clinic")
    shown = answer(monkeypatch, dialogs.DueDateDialog,
                   lambda d: d.date.setDate(QDate(2026, 12, 24)))
    view.due_action.trigger()
    assert shown[-1].result() == QDialog.DialogCode.Rejected
    settle(qtbot)
    assert boxes.warnings == [STALE_MESSAGE]
    assert view.detail.on_hold and view.header.hold.isVisible()  # reloaded
    assert fresh(world, order.id).due_date == order.due_date


# --- permissions ------------------------------------------------------------------------------


def test_technician_sees_payment_and_office_actions_disabled(
        qtbot, make_view, world: World, order: OrderDetail) -> None:
    orders.publish(world.uow(), world.admin, order.id, order.version)
    settle(qtbot)
    view = make_view(Role.TECHNICIAN)
    for action in (view.add_payment_action, view.plan_payment_action,
                   view.instructions_action, view.adjust_action, view.edit_action,
                   view.cancel_action, view.copy_action):
        assert not action.isEnabled()
        assert action.toolTip().startswith("Your role (Technician) does not allow")
    tab = view.payments_tab
    assert not tab.add_button.isEnabled() and not tab.plan_button.isEnabled()
    assert "Technician" in tab.add_button.toolTip()
    assert view.print_action.isEnabled()
    assert view.header.primary.text() == "Start production"
    assert view.header.primary.isEnabled()
    assert not view.workplan_tab.plan_button.isEnabled()
    assert view.workplan_tab.model.checks_enabled
    assert view.comments_tab.add_button.isEnabled()


def test_front_desk_cannot_start_production(qtbot, make_view, world: World,
                                            order: OrderDetail) -> None:
    orders.publish(world.uow(), world.admin, order.id, order.version)
    settle(qtbot)
    view = make_view(Role.FRONT_DESK)
    assert not view.header.primary.isEnabled()
    assert view.header.primary.toolTip() == (
        "Your role (Front desk) does not allow this action: Start production.")
    assert not view.primary_action.isEnabled()


def test_every_menu_action_follows_the_lifecycle_table(qtbot, make_view) -> None:
    from dentasync_desktop.domain.lifecycle import verdict

    view = make_view()
    for item, action, _also, _tip in view._gated:
        assert item.isEnabled() == verdict(OrderStatus.DRAFT, action).allowed, action
    assert view.payroll_action.isEnabled()  # "Calculate salary" is documented for a Draft


# --- tabs -------------------------------------------------------------------------------------


def test_work_plan_add_edit_move_assign_tick_remove(
        qtbot, make_view, world: World, order: OrderDetail, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view()
    tab = view.workplan_tab
    view.tabs.setCurrentWidget(tab)
    settle(qtbot)
    qtbot.mouseClick(tab.plan_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert tab.model.rowCount() == 3

    def new_task(dialog: Any) -> None:
        dialog.name.setText("Polish")
        dialog.assignee.setCurrentIndex(dialog.assignee.findData(world.staff_id))
        dialog.due.check.setChecked(True)
        dialog.due.edit.setDate(QDate(2026, 11, 8))

    answer(monkeypatch, editors.TaskDialog, new_task)
    settle(qtbot)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    polish = view.detail.tasks[-1]
    assert (polish.name, polish.assignee_id, polish.due_date) == (
        "Polish", world.staff_id, date(2026, 11, 8))

    select(tab.table, 3)
    settle(qtbot)
    assert not tab.down_button.isEnabled() and tab.up_button.isEnabled()
    qtbot.mouseClick(tab.up_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert [t.name for t in view.detail.tasks][2] == "Polish"
    assert tab.table.selected().name == "Polish"  # the selection follows the task

    answer(monkeypatch, editors.TaskDialog, lambda d: d.name.setText("Polish and glaze"))
    settle(qtbot)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.detail.tasks[2].name == "Polish and glaze"

    select(tab.table, 0)
    settle(qtbot)
    answer(monkeypatch, editors.AssignDialog,
           lambda d: d.assignee.setCurrentIndex(d.assignee.findData(world.staff_id)))
    settle(qtbot)
    qtbot.mouseClick(tab.assign_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.detail.tasks[0].assignee_name == "Tom Technician"

    tick(qtbot, tab.table, 0)
    settle(qtbot)
    assert view.detail.tasks[0].status is TaskStatus.DONE
    assert tab.progress.text() == "1 of 4 tasks done"
    tick(qtbot, tab.table, 0)
    settle(qtbot)
    assert view.detail.tasks[0].status is TaskStatus.TODO

    select(tab.table, 1)
    settle(qtbot)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "Framework" in boxes.questions[-1]
    assert [t.name for t in view.detail.tasks] == ["Model", "Polish and glaze",
                                                   "Ceramic layering"]


def test_payments_plan_record_void_and_bad_amount(
        qtbot, make_view, world: World, order: OrderDetail, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view()
    tab = view.payments_tab

    def plan(dialog: Any) -> None:
        assert dialog.amount.amount.text() == "500.00"  # the order total
        dialog.split.setChecked(True)
        dialog.count.setValue(3)
        dialog.first_due.setDate(QDate(2026, 11, 10))
        dialog.interval.setValue(1)
        dialog.unit.setCurrentIndex(dialog.unit.findData(IntervalUnit.MONTHS))
        rows = dialog.preview_model.rows()
        assert [r.amount.minor for r in rows] == [16667, 16667, 16666]
        assert [r.due_date for r in rows] == [date(2026, 11, 10), date(2026, 12, 10),
                                              date(2027, 1, 10)]

    answer(monkeypatch, editors.PlanDialog, plan)
    settle(qtbot)
    view.plan_payment_action.trigger()
    settle(qtbot)
    assert view.tabs.currentWidget() is tab
    assert view.detail.plan is not None and view.detail.plan.installments_count == 3
    assert tab.installments_model.rowCount() == 3
    first = tab.installments_model.index(0, 4)
    assert first.data() == "Overdue"
    assert first.data(Qt.ItemDataRole.ForegroundRole).color() == QColor("#b91c1c")
    assert view.header.value("payment") == "Overdue"

    def bad_amount(dialog: Any) -> None:
        assert dialog.amount.amount.text() == "500.00"  # the balance
        dialog.paid_on.setDate(QDate(2026, 11, 12))
        dialog.amount.amount.setText("a lot")

    shown = answer(monkeypatch, editors.PaymentDialog, bad_amount)
    view.add_payment_action.trigger()
    assert shown[-1].error_text == "Amount: 'a lot' is not a valid amount."
    assert shown[-1].amount.amount.text() == "a lot"
    settle(qtbot)
    assert view.detail.payments == ()

    def pay(amount: str) -> Callable[[Any], None]:
        def fill(dialog: Any) -> None:
            dialog.paid_on.setDate(QDate(2026, 11, 12))
            dialog.amount.amount.setText(amount)
            dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.CARD))
            dialog.note.setText("at the desk")
        return fill

    answer(monkeypatch, editors.PaymentDialog, pay("166.67"))
    settle(qtbot)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    answer(monkeypatch, editors.PaymentDialog, pay("100"))
    settle(qtbot)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.detail.paid == Money(26667, "EUR")
    assert tab.balance.text() == "€233.33"
    assert tab.payments_model.rowCount() == 2

    assert not tab.void_button.isEnabled()
    select(tab.payments, 1)
    settle(qtbot)
    text_dialog(monkeypatch, "Typed twice")
    settle(qtbot)
    qtbot.mouseClick(tab.void_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.detail.paid == Money(16667, "EUR")
    voided = tab.payments_model.index(1, 1)
    assert voided.data(Qt.ItemDataRole.FontRole).strikeOut()
    assert "Typed twice" in tab.payments_model.index(1, 4).data()
    assert not tab.void_button.isEnabled()  # still selected, already voided
    assert tab.installments_model.index(0, 4).data() == "Paid"
    assert view.detail.payment_status is PaymentStatus.PARTIALLY_PAID

    qtbot.mouseClick(tab.remove_plan_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.detail.plan is None and tab.installments.isHidden()
    assert tab.plan_text.text() == "No payment plan."


def test_payment_instructions_copy_the_lab_details(qtbot, make_view,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view()
    shown: list[Any] = []

    def run(dialog: Any) -> int:
        shown.append(dialog)
        dialog.copy_button.click()
        return 0

    monkeypatch.setattr(dialogs.PaymentInstructionsDialog, "exec", run)
    settle(qtbot)
    view.instructions_action.trigger()
    settle(qtbot)
    text = QGuiApplication.clipboard().text()
    assert "IBAN: DE89 3704 0044 0532 0130 00" in text
    assert "Amount due: €500.00" in text
    assert "Reference: WO-000001" in text


def test_payment_instructions_print_as_the_file_menu_does(qtbot, make_view,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view()
    asked: list[int] = []
    view.print_instructions_requested.connect(asked.append)
    monkeypatch.setattr(dialogs.PaymentInstructionsDialog, "exec",
                        lambda dialog: dialog.print_button.click() or dialog.result())
    settle(qtbot)
    view.instructions_action.trigger()
    settle(qtbot)
    assert asked == [view.order_id]


def test_events_add_edit_done_delete(qtbot, make_view, world: World, order: OrderDetail,
                                     boxes: Boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view()
    tab = view.events_tab

    def try_in(dialog: Any) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData(EventKind.TRY_IN))
        dialog.starts.setDateTime(dialog.starts.dateTime().addDays(2))
        dialog.duration.setValue(45)
        dialog.reminder.setValue(120)
        dialog.note.setPlainText("Bring the shade guide")

    answer(monkeypatch, editors.EventDialog, try_in)
    settle(qtbot)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    event = view.detail.events[0]
    assert (event.kind, event.duration_minutes, event.reminder_minutes) == (
        EventKind.TRY_IN, 45, 120)
    assert tab.model.index(0, 3).data() == "45 min"
    assert tab.model.index(0, 4).data() == "2 h before"
    answer(monkeypatch, editors.EventDialog, lambda d: d.reminder.setValue(2 * 24 * 60))
    settle(qtbot)
    select(tab.table, 0)
    settle(qtbot)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert tab.model.index(0, 4).data() == "2 days before"
    assert view.tabs.tabText(3) == "Events (1)"

    select(tab.table, 0)
    settle(qtbot)
    answer(monkeypatch, editors.EventDialog, lambda d: d.reminder.setValue(0))
    settle(qtbot)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.detail.events[0].reminder_minutes is None
    assert view.detail.events[0].starts_at == event.starts_at

    tick(qtbot, tab.table, 0)
    settle(qtbot)
    assert view.detail.events[0].done
    assert tab.done_button.text() == "Mark not done"
    qtbot.mouseClick(tab.done_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert not view.detail.events[0].done

    boxes.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert len(view.detail.events) == 1
    boxes.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.detail.events == ()


def image_file(folder: Path, name: str = "scan.png") -> Path:
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#0891b2"))
    path = folder / name
    assert image.save(str(path))
    return path


def test_attachments_file_dialog_drop_thumbnail_open_remove(
        qtbot, make_view, tmp_path: Path, boxes: Boxes,
        monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view()
    tab = view.attachments_tab
    view.tabs.setCurrentWidget(tab)
    settle(qtbot)
    picture = image_file(tmp_path)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileNames",
                        lambda *_args, **_kw: ([str(picture)], ""))
    settle(qtbot)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert [a.original_name for a in view.detail.attachments] == ["scan.png"]
    icon = tab.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert icon is not None and not icon.isNull()
    assert max(icon.availableSizes()[0].width(), icon.availableSizes()[0].height()) == 64

    form = tmp_path / "lab form.pdf"
    form.write_bytes(b"%PDF-1.4\n%%EOF\n")
    settle(qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(form)), QUrl("https://example.org/x.png")])
    settle(qtbot)
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tab.dragEnterEvent(enter)
    settle(qtbot)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tab.dropEvent(drop)
    settle(qtbot)
    assert drop.isAccepted()
    assert [a.original_name for a in view.detail.attachments] == ["scan.png", "lab form.pdf"]
    assert tab.model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is None

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    settle(qtbot)
    select(tab.table, 0)
    settle(qtbot)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert opened == [QUrl.fromLocalFile(str(view.detail.attachments[0].path))]

    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "scan.png" in boxes.questions[-1]
    assert [a.original_name for a in view.detail.attachments] == ["lab form.pdf"]


def test_cancelled_order_refuses_dropped_files(qtbot, make_view, world: World,
                                               order: OrderDetail, tmp_path: Path) -> None:
    orders.cancel(world.uow(), world.admin, order.id, order.version, "Duplicate")
    settle(qtbot)
    view = make_view()
    tab = view.attachments_tab
    assert not tab.add_button.isEnabled()
    assert tab.add_button.toolTip() == "Attachments is not possible for an order that is cancelled."
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(image_file(tmp_path)))])
    settle(qtbot)
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tab.dragEnterEvent(enter)
    settle(qtbot)
    assert not enter.isAccepted()


def test_ctrl_enter_in_the_comment_editor_adds_the_comment(
        qtbot, make_view, world: World, order: OrderDetail) -> None:
    view = make_view()
    editor = view.comments_tab.editor
    override = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_Return,
                         Qt.KeyboardModifier.ControlModifier)
    QApplication.sendEvent(editor, override)
    settle(qtbot)
    assert override.isAccepted()  # the view's Ctrl+Enter (next step) does not fire here
    editor.setPlainText("Ready for pick-up")
    settle(qtbot)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert [c.body for c in view.detail.comments] == ["Ready for pick-up"]
    assert editor.toPlainText() == ""
    assert view.detail.status is OrderStatus.DRAFT


def test_shortcuts_act_within_the_view(make_view) -> None:
    view = make_view()
    assert QKeySequence("Ctrl+Return") in view.primary_action.shortcuts()
    assert view.edit_action.shortcut() == QKeySequence("Ctrl+E")
    for action in (view.primary_action, view.edit_action):
        assert action in view.actions()
    assert view.primary_action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    for action, keys in ((view.edit_action, "Ctrl+E"), (view.event_action, "Ctrl+Shift+E"),
                         (view.add_payment_action, "Ctrl+Shift+M")):
        assert action.shortcut() == QKeySequence(keys)
        assert action.shortcutContext() == Qt.ShortcutContext.WindowShortcut


def test_add_event_from_the_actions_menu_opens_the_events_tab(
        qtbot, make_view, monkeypatch: pytest.MonkeyPatch) -> None:
    view = make_view()
    asked: list[bool] = []
    monkeypatch.setattr(view.events_tab, "add", lambda: asked.append(True))
    settle(qtbot)
    view.event_action.trigger()
    assert view.tabs.currentWidget() is view.events_tab and asked == [True]


def test_comments_add_and_edit_own_only(qtbot, make_view, world: World, order: OrderDetail,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    comments.add_comment(world.uow(), world.actors[Role.TECHNICIAN], order.id, "Model cast")
    settle(qtbot)
    view = make_view()
    tab = view.comments_tab
    tab.editor.setPlainText("Patient prefers a lighter shade")
    settle(qtbot)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert tab.editor.toPlainText() == ""
    assert [c.body for c in view.detail.comments] == ["Model cast",
                                                      "Patient prefers a lighter shade"]
    select(tab.table, 0)
    settle(qtbot)
    assert not tab.edit_button.isEnabled()
    assert tab.edit_button.toolTip() == "Only its author can edit a comment"
    select(tab.table, 1)
    settle(qtbot)
    assert tab.edit_button.isEnabled()
    answer(monkeypatch, dialogs.TextDialog,
           lambda d: d.edit.setPlainText("Patient prefers shade A1"))
    settle(qtbot)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.detail.comments[1].body == "Patient prefers shade A1"
    assert "edited" in tab.model.index(1, 0).data()


def test_activity_tab_shows_the_timeline_with_before_and_after(
        qtbot, make_view, world: World, order: OrderDetail, boxes: Boxes) -> None:
    view = make_view()
    click_primary(qtbot, view)
    settle(qtbot)
    view.tabs.setCurrentWidget(view.activity_tab)
    settle(qtbot)
    model = view.activity_tab.model
    qtbot.waitUntil(lambda: model.rowCount() >= 2)
    summaries = [model.index(row, 2).data() for row in range(model.rowCount())]
    assert any("Draft → Published" in text for text in summaries)
    transitions = [model.index(row, 3).data() for row in range(model.rowCount())]
    assert "status: Draft → Published" in transitions
    assert {model.index(row, 1).data() for row in range(model.rowCount())} == {"Admin User"}
    comments.add_comment(world.uow(), world.admin, order.id, "Seen")
    settle(qtbot)
    view.reload()
    settle(qtbot)
    assert model.rowCount() == 3  # the visible tab follows every reload


def test_payroll_add_edit_finalize(qtbot, make_view, world: World, order: OrderDetail,
                                   boxes: Boxes, monkeypatch: pytest.MonkeyPatch) -> None:
    order = orders.publish(world.uow(), world.admin, order.id, order.version)
    orders.start_production(world.uow(), world.admin, order.id, order.version)
    settle(qtbot)
    view = make_view()
    tab = view.payroll_tab

    def record(dialog: Any) -> None:
        dialog.amount.amount.setText("45.50")
        dialog.comment.setText("Layering")

    answer(monkeypatch, editors.PayrollDialog, record)
    settle(qtbot)
    view.payroll_action.trigger()
    settle(qtbot)
    assert view.tabs.currentWidget() is tab
    assert view.detail.payroll[0].amount == Money(4550, "EUR")
    assert tab.total.text() == "Total: €45.50"
    select(tab.table, 0)
    settle(qtbot)
    answer(monkeypatch, editors.PayrollDialog, lambda d: d.amount.amount.setText("50"))
    settle(qtbot)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.detail.payroll[0].amount == Money(5000, "EUR")
    qtbot.mouseClick(tab.finalize_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert "A finalized record can no longer be changed" in boxes.questions[-1]
    assert view.detail.payroll[0].finalized
    assert not tab.edit_button.isEnabled() and not tab.finalize_button.isEnabled()


def test_salary_is_calculated_in_draft_and_finalized_later(
        qtbot, make_view, world: World, order: OrderDetail) -> None:
    payroll.add_payroll(world.uow(), world.admin, order.id, world.staff_id, Money(900, "EUR"))
    view = make_view()
    tab = view.payroll_tab
    select(tab.table, 0)
    assert tab.add_button.isEnabled() and tab.edit_button.isEnabled()
    assert not tab.finalize_button.isEnabled()
    assert tab.finalize_button.toolTip() == (
        "Finalize payroll is not possible for an order that is draft.")


def test_info_tab_and_header_show_the_order(qtbot, make_view, order: OrderDetail) -> None:
    view = make_view()
    info = view.info_tab
    assert info.value("patient") == "Anna Schäfer"
    assert info.value("customer") == "Dr. Ørsted — Smile Clinic"
    assert info.value("shade") == "A2" and info.value("teeth") == "11"
    assert info.items_model.index(0, 5).data() == "€500.00"
    assert info.items_total.text() == "Total: €500.00"
    assert view.header.value("patient") == "Anna Schäfer"
    assert view.header.value("balance") == "€500.00"
    assert view.header.value("payment") == "Not paid"


# --- models -----------------------------------------------------------------------------------


def test_every_model_passes_the_model_tester(qtbot, qtmodeltester, make_view, world: World,
                                             order: OrderDetail, tmp_path: Path) -> None:
    uow, admin = world.uow, world.admin
    workplan.plan_automatically(uow(), admin, order.id)
    settle(qtbot)
    payments.set_payment_plan(uow(), admin, order.id, PaymentPlanInput(
        Money(50000, "EUR"), PaymentMethod.BANK_TRANSFER, 2, date(2026, 11, 1), 1,
        IntervalUnit.MONTHS))
    settle(qtbot)
    payments.record_payment(uow(), admin, order.id, PaymentInput(
        date(2026, 11, 3), Money(1000, "EUR"), PaymentMethod.CASH))
    settle(qtbot)
    comments.add_comment(uow(), admin, order.id, "Hello")
    settle(qtbot)
    view = make_view()
    view.attachments_tab.add_files([image_file(tmp_path)])
    settle(qtbot)
    view.tabs.setCurrentWidget(view.activity_tab)
    settle(qtbot)
    models = [view.info_tab.items_model, view.workplan_tab.model,
              view.payments_tab.installments_model, view.payments_tab.payments_model,
              view.events_tab.model, view.attachments_tab.model, view.comments_tab.model,
              view.activity_tab.model, view.payroll_tab.model]
    for model in models:
        qtmodeltester.check(model, force_py=True)
        settle(qtbot)
        qtmodeltester.check(model)
        settle(qtbot)
    dialog = editors.PlanDialog(view, Money(50000, "EUR"), None, QDate(2026, 12, 1),
                                lambda *_: None)
    qtbot.addWidget(dialog)
    dialog.split.setChecked(True)
    settle(qtbot)
    qtmodeltester.check(dialog.preview_model, force_py=True)
    settle(qtbot)
    assert dialog.preview_model.rowCount() == 3
    assert view.workplan_tab.model.index(0, 0).data(ID_ROLE) == view.detail.tasks[0].id


def test_activity_changes_are_parsed_from_json() -> None:
    from dentasync_desktop.domain.dto import ActivityInfo

    def entry(before: str, after: str) -> ActivityInfo:
        return ActivityInfo(1, FIXED_NOW, "A", "x", "work_order", 1, 1, "s", before, after)

    assert changes(entry('{"status": "draft"}', '{"status": "published"}')) == [
        "status: Draft → Published"]
    assert changes(entry("", '{"on_hold": true, "note": "", "sha256": "ab"}')) == [
        "on hold: yes"]  # empty fields of a new record and file digests say nothing
    assert changes(entry('{"paid": "1.00 EUR", "unpaid_due_date": "2026-10-20"}',
                         '{"paid": "2.00 EUR", "unpaid_due_date": "2026-10-20"}')) == [
        "paid: €1.00 → €2.00"]
    assert changes(entry('{"due_date": null}', '{"due_date": "2026-12-24"}')) == [
        "due date: — → 12/24/2026"]
    long_text = "x" * 200
    assert changes(entry("", f'{{"body": "{long_text}"}}')) == ["body: " + "x" * 79 + "…"]
    assert changes(entry('{"customer": "A"}', "")) == ["customer: A → —"]
    assert changes(entry("", "not json")) == ["not json"]


def test_plan_preview_reports_what_cannot_be_scheduled(qtbot) -> None:
    dialog = editors.PlanDialog(None, Money(2, "EUR"), None, QDate(2026, 12, 1),
                                lambda *_: None)
    qtbot.addWidget(dialog)
    dialog.split.setChecked(True)
    settle(qtbot)
    dialog.count.setValue(5)
    settle(qtbot)
    assert dialog.preview_model.rowCount() == 0
    assert dialog.preview_problem.text() == (
        "Installments: More installments than the amount can be split into.")
    dialog.count.setValue(2)
    settle(qtbot)
    assert dialog.preview_model.rowCount() == 2
    assert dialog.preview_problem.text() == "2 installments, €0.02 in all"



def test_delete_order_is_not_for_the_front_desk(qtbot, make_view) -> None:
    front_desk = make_view(Role.FRONT_DESK)
    assert not front_desk.delete_action.isEnabled()
    assert "does not allow" in front_desk.delete_action.toolTip()


def test_delete_order_is_confirmed_and_closes_the_view(
        qtbot, make_view, world: World, order: OrderDetail, boxes: Boxes) -> None:
    view = make_view()
    assert view.delete_action.isEnabled()
    closed: list[int] = []
    view.deleted.connect(closed.append)
    boxes.answer = QMessageBox.StandardButton.No
    view.delete_action.trigger()
    settle(qtbot)
    assert fresh(world, order.id).number == order.number and not closed

    boxes.answer = QMessageBox.StandardButton.Yes
    view.delete_action.trigger()
    settle(qtbot)
    assert closed == [order.id]
    assert "Delete WO-000001 for good?" in boxes.questions[-1]
    assert not boxes.warnings


def test_delete_order_is_disabled_with_the_reason_once_published(
        qtbot, make_view, world: World, order: OrderDetail) -> None:
    orders.publish(world.uow(), world.admin, order.id, order.version)
    view = make_view()
    assert not view.delete_action.isEnabled()
    assert "cancel it instead" in view.delete_action.toolTip()


def test_publish_is_disabled_with_the_reason_for_an_empty_order(
        qtbot, make_view, world: World) -> None:
    empty = orders.create_order(world.uow(), world.admin, world.order_input(items=()))
    view = make_view(order_id=empty.id)
    assert not view.header.primary.isEnabled()
    assert "no items and a total of 0.00" in view.header.primary.toolTip()
    assert not view.primary_action.isEnabled()


def test_change_customer_opens_at_the_current_customer(
        qtbot, client: ServiceClient, world: World) -> None:  # type: ignore[no-untyped-def]
    from dentasync_desktop.domain.dto import CustomerInput
    from dentasync_desktop.services import masterdata

    for name in ("Dr. Anna Zimmer", "Dr. Zora Zeller", "Dr. Zeno Zobel"):
        masterdata.save_customer(world.uow(), world.admin, CustomerInput(name=name))
    everyone = masterdata.list_customers(world.uow(), world.admin, "", False, 50)
    current = everyone[-2]

    def search(text: str) -> Any:
        return client.submit(masterdata.list_customers, text, False, 50)

    dialog = dialogs.CustomerDialog(None, current, search, lambda *_args: None)
    qtbot.addWidget(dialog)
    settle(qtbot)
    names = [dialog.customers.item(r).text() for r in range(dialog.customers.rowCount())]
    at = dialog.list.currentIndex().row()
    assert abs(at - names.index(dialogs._customer_text(current))) == 1  # its neighbour
    assert not dialog.customers.item(names.index(dialogs._customer_text(current))).isEnabled()
