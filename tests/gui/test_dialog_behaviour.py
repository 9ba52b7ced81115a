"""How the action dialogs and the primary step button behave under the keyboard and the mouse
(issue 13: focus and tab order, a double-clicked Publish, the Cancel order dialog)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from dentasync_desktop.domain.dto import OrderDetail
from dentasync_desktop.domain.enums import OrderStatus
from dentasync_desktop.domain.money import Money
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.order_detail.dialogs import DueDateDialog, ServiceDialog, TextDialog
from dentasync_desktop.gui.order_detail.editors import PaymentDialog
from dentasync_desktop.gui.order_detail.view import OrderDetailView
from dentasync_desktop.services import orders
from dentasync_desktop.services.order_detail import get_order

from ..factories import World
from .conftest import MessageBoxes, deliver_jobs, screenshot, settle


class Saved:
    """A stand-in for the save job: records what OK submitted and answers at once."""

    def __init__(self) -> None:
        self.values: list[tuple[Any, ...]] = []

    def __call__(self, *values: Any) -> Saved:
        self.values.append(values)
        return self

    def then(self, on_result: Callable[[Any], object], _on_error: Any = None,
             busy: Any = None) -> Saved:
        on_result(None)
        return self


def tab_stops(dialog: QDialog) -> list[QWidget]:
    """The widgets Tab visits from the first field, once round."""
    first = dialog.focusWidget()
    stops = [first]
    while True:
        dialog.focusNextChild()
        widget = dialog.focusWidget()
        if widget is first:
            return stops
        stops.append(widget)


D = TypeVar("D", bound=ServiceDialog)


def shown(qtbot: Any, dialog: D) -> D:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


@pytest.mark.parametrize("make", [
    lambda save: PaymentDialog(None, Money(12_000, "EUR"), None, save),
    lambda save: DueDateDialog(None, date(2026, 5, 4), save),
    lambda save: TextDialog(None, "Cancel order", "Reason", "reason", save, required=True),
], ids=["payment", "due date", "cancel"])
def test_a_dialog_opens_in_its_first_field_and_tabs_through_the_fields_before_the_buttons(
        qtbot: Any, make: Callable[[Saved], ServiceDialog]) -> None:
    save = Saved()
    dialog = shown(qtbot, make(save))
    first = dialog.focusWidget()
    assert first is not None and not isinstance(first.parentWidget(), type(dialog.buttons))
    assert dialog.buttons.isAncestorOf(first) is False
    stops = tab_stops(dialog)
    buttons = [stop for stop in stops if dialog.buttons.isAncestorOf(stop)]
    assert buttons and stops[-len(buttons):] == buttons  # the fields first, then the buttons
    assert dialog.ok_button.isDefault()

    dialog.focusWidget().setFocus()
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(first, Qt.Key.Key_Space)  # typed into the field, does not press OK
    assert dialog.isVisible() and not save.values
    if isinstance(first, QLineEdit):
        typed = "50" if isinstance(dialog, PaymentDialog) else "Patient moved"  # the amount
        first.selectAll()
        qtbot.keyClicks(first, typed)
        assert first.text() == typed  # typing is not lost
    qtbot.keyClick(first, Qt.Key.Key_Return)  # Enter from a field is OK
    assert save.values and dialog.result() == QDialog.DialogCode.Accepted


def test_a_payment_opens_in_the_amount_with_the_balance_selected(qtbot: Any) -> None:
    """Issue 13's front-desk task: the amount is what changes most; typing replaces it."""
    save = Saved()
    dialog = shown(qtbot, PaymentDialog(None, Money(12_000, "EUR"), None, save))
    assert dialog.focusWidget() is dialog.amount.amount
    assert dialog.amount.amount.selectedText() == dialog.amount.amount.text() != ""
    qtbot.keyClicks(dialog.amount.amount, "50.00")
    qtbot.keyClick(dialog.amount.amount, Qt.Key.Key_Return)
    assert save.values[0][0].amount == Money(5_000, "EUR")


# --- the primary step button ------------------------------------------------------------------


@pytest.fixture
def order(world: World) -> OrderDetail:
    return orders.create_order(world.uow(), world.admin, world.order_input())


@pytest.fixture
def view(qtbot: Any, client: ServiceClient, order: OrderDetail) -> OrderDetailView:
    detail = OrderDetailView(client, order.id)
    qtbot.addWidget(detail)
    detail.resize(1366, 768)
    detail.show()
    settle(qtbot)
    return detail


def test_a_double_click_on_the_primary_button_runs_one_step(
        qtbot: Any, view: OrderDetailView, world: World, order: OrderDetail,
        boxes: MessageBoxes) -> None:
    orders.publish(world.uow(), world.admin, order.id, order.version)
    view.reload()
    settle(qtbot)
    assert view.header.primary.text() == "Start production"
    # The hold lasts the desktop's double-click interval (~0.4 s): longer here, so a busy test
    # machine's slow settle() does not outlast it before the late click.
    view._step_hold.setInterval(60_000)
    qtbot.mouseClick(view.header.primary, Qt.MouseButton.LeftButton)
    assert not view.header.primary.isEnabled()  # off while the step runs
    qtbot.mouseClick(view.header.primary, Qt.MouseButton.LeftButton)
    view.primary_action.trigger()  # nor does Ctrl+Enter slip through
    settle(qtbot)
    assert view.detail.status is OrderStatus.IN_PRODUCTION
    assert view.header.primary.text() == "Produce"
    qtbot.mouseClick(view.header.primary, Qt.MouseButton.LeftButton)  # the late second click
    settle(qtbot)
    assert get_order(world.uow(), world.admin, order.id).status is OrderStatus.IN_PRODUCTION
    view._step_hold.setInterval(10)
    view._step_hold.start()
    qtbot.waitUntil(view.header.primary.isEnabled)  # back once the hold is over


def test_publish_names_the_lab_before_sending_the_order_there(
        qtbot: Any, view: OrderDetailView, world: World, order: OrderDetail,
        boxes: MessageBoxes) -> None:
    boxes.answer = boxes.answer.No
    qtbot.mouseClick(view.header.primary, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.header.primary, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert boxes.texts("question") == [f"Publish WO-000001 and send it to {order.lab.name}?"] * 2
    assert get_order(world.uow(), world.admin, order.id).status is OrderStatus.DRAFT
    boxes.answer = boxes.answer.Yes
    qtbot.mouseClick(view.header.primary, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.header.primary, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert view.detail.status is OrderStatus.PUBLISHED
    assert len(boxes.texts("question")) == 3
    view._step_hold.setInterval(1)  # the rest of the double-click interval: 0.4 s of waiting
    view._step_hold.start()
    qtbot.waitUntil(view.header.primary.isEnabled)


# --- Cancel order ------------------------------------------------------------------------------


def test_cancel_order_has_verb_buttons_checks_the_reason_first_and_grows_with_the_error(
        qtbot: Any, view: OrderDetailView, world: World, order: OrderDetail,
        boxes: MessageBoxes, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[TextDialog] = []

    def work(dialog: TextDialog) -> int:
        seen.append(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.ok_button.text() == "Cancel order"
        assert dialog.cancel_button.text() == "Keep order"
        assert dialog.focusWidget() is dialog.edit
        before = dialog.height()
        dialog.ok_button.click()  # no reason yet
        assert boxes.texts("question") == []  # not asked to confirm a form that is wrong
        assert dialog.error_text.startswith("Reason")
        QApplication.processEvents()
        layout = dialog.layout()
        assert layout is not None and isinstance(dialog.edit, QLineEdit)
        assert dialog.height() > before
        assert dialog.height() >= layout.totalHeightForWidth(dialog.width())
        assert dialog.width() >= 420
        screenshot(dialog, "cancel_order_error_1366")
        dialog.edit.setText("Patient moved abroad")
        dialog.ok_button.click()
        deliver_jobs()  # the real exec() would wait for the save
        return dialog.result()

    monkeypatch.setattr(TextDialog, "exec", work)
    view.cancel_action.trigger()
    settle(qtbot)
    assert seen
    assert boxes.texts("question") == ["Really cancel WO-000001?"]
    assert view.detail.status is OrderStatus.CANCELLED
