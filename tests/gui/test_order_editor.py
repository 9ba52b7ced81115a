"""The new / edit order dialog and the teeth chart, on real services."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from dentasync_desktop.domain.dto import OrderInput
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.money import Money
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.order_editor import DESCRIPTION, SERVICE, OrderEditorDialog
from dentasync_desktop.gui.quick_patient import QuickPatientDialog
from dentasync_desktop.gui.widgets.teeth_chart import TeethChart
from dentasync_desktop.services import masterdata, orders
from dentasync_desktop.services.order_detail import get_order
from dentasync_desktop.services.unit_of_work import STALE_MESSAGE

from ..factories import World
from .conftest import MessageBoxes, screenshot, settle


@pytest.fixture
def dialog(qtbot, client: ServiceClient) -> Iterator[OrderEditorDialog]:  # type: ignore[no-untyped-def]
    editor = OrderEditorDialog(client, None)
    qtbot.addWidget(editor)
    settle(qtbot)  # the opening loads
    yield editor
    settle(qtbot)  # the remembered lab is saved after the dialog closed


def choose_service(editor: OrderEditorDialog, row: int, service_id: int) -> None:
    combo = editor.item_rows()[row].service
    combo.setCurrentIndex(combo.findData(service_id))


def test_new_order_defaults(dialog: OrderEditorDialog, world: World) -> None:
    assert dialog.windowTitle() == "New work order"
    assert dialog.documented.date() == QDate.currentDate()
    assert dialog.currency.currentText() == "EUR"
    assert dialog.lab.value() is None and dialog.patient.value() is None
    assert dialog.due.date() == QDate.currentDate().addDays(7)


def test_due_date_follows_the_lab_until_edited_by_hand(dialog: OrderEditorDialog,
                                                       world: World) -> None:
    dialog.lab.set_value(world.lab2_id)  # 10 days
    assert dialog.due.date() == dialog.documented.date().addDays(10)
    assert "10 days" in dialog.due_hint.text()
    dialog.documented.setDate(QDate(2026, 11, 2))
    assert dialog.due.date() == QDate(2026, 11, 12)
    dialog.due.setDate(QDate(2026, 11, 30))
    dialog.lab.set_value(world.lab_id)  # 7 days, but the due date was set by hand
    assert dialog.due.date() == QDate(2026, 11, 30)


def test_create_an_order_through_the_dialog(qtbot, themed, dialog: OrderEditorDialog,  # type: ignore[no-untyped-def]
                                            world: World) -> None:
    dialog.lab.set_value(world.lab_id)
    dialog.customer.set_value(world.customer_id)
    assert dialog.patient.set_value(world.patient_id)
    dialog.documented.setDate(QDate(2026, 11, 2))
    dialog.shade.setText("A3")
    dialog.description.setPlainText("Two crowns")
    qtbot.mouseClick(dialog.teeth.button(11), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.teeth.button(21), Qt.MouseButton.LeftButton)
    assert dialog.teeth.selected() == (11, 21)
    dialog.add_item()
    choose_service(dialog, 0, world.service_id)
    row = dialog.item_rows()[0]
    assert row.description.text() == "Zirconia crown"
    assert row.teeth.text() == "11, 21"
    row.quantity.setValue(2)
    assert dialog.total.text() == "Total: €500.00"
    dialog.add_item(description="Shipping", price="12,50")
    assert "512" in dialog.total.text()
    dialog.resize(980, 820)
    dialog.show()
    screenshot(dialog, "new_order_dialog")
    dialog.save()
    settle(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = dialog.saved
    assert saved is not None
    assert (saved.lab.id, saved.customer.id, saved.patient.id) == (
        world.lab_id, world.customer_id, world.patient_id)
    assert saved.documented_at == date(2026, 11, 2)
    assert saved.due_date == date(2026, 11, 9)
    assert saved.teeth == (11, 21) and saved.shade == "A3"
    assert [(i.description, i.quantity, i.unit_price) for i in saved.items] == [
        ("Zirconia crown", 2, Money(25000, "EUR")), ("Shipping", 1, Money(1250, "EUR"))]
    assert saved.total == Money(51250, "EUR")
    assert get_order(world.uow(), world.admin, saved.id).number == saved.number


def test_bad_input_keeps_the_dialog_open_with_everything_typed(qtbot, dialog: OrderEditorDialog,  # type: ignore[no-untyped-def]
                                                               world: World) -> None:
    dialog.lab.set_value(world.lab_id)
    dialog.customer.set_value(world.customer_id)
    dialog.description.setPlainText("Bridge 34-36")
    dialog.save()
    settle(qtbot)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.saved is None
    assert dialog.marks.text == "Patient: Required."
    assert dialog.widget_for("patient") is dialog.patient
    assert dialog.description.toPlainText() == "Bridge 34-36"
    dialog.patient.set_value(world.patient_id)
    row = dialog.add_item(description="Bridge", price="abc")
    assert "check the prices" in dialog.total.text()
    dialog.save()
    settle(qtbot)
    assert dialog.marks.text.startswith("Item 1 price:")
    assert dialog.widget_for("item 1 price") is row.price
    row.price.setText("300")
    row.description.clear()
    dialog.save()
    settle(qtbot)
    assert dialog.marks.text == "Item 1 description: Required."
    row.description.setText("Bridge")
    dialog.save()
    settle(qtbot)
    assert dialog.saved is not None and dialog.saved.total == Money(30000, "EUR")


def test_remove_an_item(dialog: OrderEditorDialog) -> None:
    first = dialog.add_item(description="A", price="10")
    dialog.add_item(description="B", price="5")
    dialog.remove_item(first)
    assert [r.description.text() for r in dialog.item_rows()] == ["B"]
    assert dialog.items.rowCount() == 1
    assert "€5.00" in dialog.total.text()


def test_quick_add_a_patient(qtbot, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                             dialog: OrderEditorDialog, world: World) -> None:
    dialog.patient.edit.setText("Maria Gonzalez")

    def accept(quick: QuickPatientDialog) -> int:
        assert (quick.first.text(), quick.last.text()) == ("Maria", "Gonzalez")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QuickPatientDialog, "exec", accept)
    dialog.quick_add_patient()
    settle(qtbot)
    patient_id = dialog.patient.value()
    assert patient_id is not None
    found = masterdata.get_patient(world.uow(), world.admin, patient_id)
    assert (found.first_name, found.last_name) == ("Maria", "Gonzalez")


def test_quick_add_is_disabled_without_the_permission(qtbot, client_for) -> None:  # type: ignore[no-untyped-def]
    editor = OrderEditorDialog(client_for(Role.TECHNICIAN), None)
    qtbot.addWidget(editor)
    settle(qtbot)
    assert not editor.new_patient.isEnabled()
    assert "Technician" in editor.new_patient.toolTip()


def created(world: World, **overrides: Any) -> int:
    data: OrderInput = world.order_input(**overrides)
    return orders.create_order(world.uow(), world.admin, data).id


def test_edit_an_order(qtbot, client: ServiceClient, world: World) -> None:  # type: ignore[no-untyped-def]
    order_id = created(world)
    before = get_order(world.uow(), world.admin, order_id)
    editor = OrderEditorDialog(client, before)
    qtbot.addWidget(editor)
    settle(qtbot)
    assert editor.windowTitle() == f"Edit work order {before.number_text}"
    assert editor.patient.value() == world.patient_id
    assert editor.teeth.selected() == (11,)
    assert len(editor.item_rows()) == 1
    assert editor.due.date() == QDate(2026, 11, 9)
    editor.lab.set_value(world.lab2_id)  # the saved due date is kept
    assert editor.due.date() == QDate(2026, 11, 9)
    editor.shade.setText("B1")
    editor.save()
    settle(qtbot)
    after = get_order(world.uow(), world.admin, order_id)
    assert editor.saved is not None and after.shade == "B1" and after.lab.id == world.lab2_id
    assert after.version > before.version
    assert after.items[0].unit_price == before.items[0].unit_price


def test_a_stale_edit_says_so_and_reloads(qtbot, client: ServiceClient, world: World,  # type: ignore[no-untyped-def]
                                          boxes: MessageBoxes) -> None:
    order_id = created(world)
    stale = get_order(world.uow(), world.admin, order_id)
    editor = OrderEditorDialog(client, stale)
    qtbot.addWidget(editor)
    settle(qtbot)
    orders.update_due_date(world.uow(), world.admin, order_id, stale.version,
                           date(2026, 12, 1))
    editor.shade.setText("C4")
    editor.save()
    settle(qtbot)
    assert boxes.texts("warning") == [STALE_MESSAGE]
    assert editor.saved is None
    assert editor.due.date() == QDate(2026, 12, 1)  # reloaded
    assert editor.shade.text() == "A2"
    editor.shade.setText("C4")
    editor.save()
    settle(qtbot)
    assert get_order(world.uow(), world.admin, order_id).shade == "C4"


def test_no_due_date(qtbot, dialog: OrderEditorDialog, world: World) -> None:  # type: ignore[no-untyped-def]
    dialog.lab.set_value(world.lab_id)
    dialog.customer.set_value(world.customer_id)
    dialog.patient.set_value(world.patient_id)
    dialog.due_check.setChecked(False)
    assert not dialog.due.isEnabled()
    assert dialog.order_input().due_date is None
    dialog.save()
    settle(qtbot)
    assert dialog.saved is not None and dialog.saved.due_date is None


def test_teeth_chart_toggles_and_emits(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = TeethChart()
    qtbot.addWidget(chart)
    chart.show()
    seen: list[tuple[int, ...]] = []
    chart.selection_changed.connect(seen.append)
    qtbot.mouseClick(chart.button(36), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(chart.button(18), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(chart.button(36), Qt.MouseButton.LeftButton)
    assert seen == [(36,), (18, 36), (18,)]
    assert not chart.button(55).isVisible()
    chart.set_selected((55, 11, 99))
    assert chart.selected() == (11, 55)
    assert chart.button(55).isVisible() and chart.show_deciduous.isChecked()
    assert seen[-1] == (11, 55)
    chart.set_selected(())
    assert chart.selected() == ()


def test_escape_closes_an_untouched_new_order_silently(qtbot, dialog: OrderEditorDialog,  # type: ignore[no-untyped-def]
                                                       boxes: MessageBoxes) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert boxes.shown == []


def test_escape_asks_before_discarding_what_was_typed(qtbot, dialog: OrderEditorDialog,  # type: ignore[no-untyped-def]
                                                      boxes: MessageBoxes) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.shade, "A2")
    boxes.answer = QMessageBox.StandardButton.Cancel
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert boxes.texts("question") == ["Discard this new order?"]
    assert dialog.isVisible() and dialog.shade.text() == "A2"  # kept, as typed
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and len(boxes.texts("question")) == 2
    boxes.answer = QMessageBox.StandardButton.Discard
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_escape_asks_about_an_item_or_a_patient_search_too(qtbot, dialog: OrderEditorDialog,  # type: ignore[no-untyped-def]
                                                           boxes: MessageBoxes) -> None:
    dialog.show()
    boxes.answer = QMessageBox.StandardButton.Cancel
    dialog.add_item()
    dialog.reject()
    assert dialog.isVisible() and len(boxes.texts("question")) == 1
    dialog.remove_item(dialog.item_rows()[0])
    dialog.patient.edit.setText("Mül")  # a search typed, no patient chosen yet
    dialog.reject()
    assert dialog.isVisible() and len(boxes.texts("question")) == 2


def test_the_new_order_dialog_fits_a_small_screen(dialog: OrderEditorDialog) -> None:
    """The offscreen screen is smaller than the dialog's usual 980×780: Save stays in sight."""
    dialog.show()
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert dialog.rect().contains(save.geometry().translated(dialog.buttons.pos()))


def test_a_long_service_name_gets_room_next_to_the_description(
        qtbot, dialog: OrderEditorDialog, boxes: MessageBoxes) -> None:  # type: ignore[no-untyped-def]
    dialog.add_item(description="", price="10")
    combo = dialog.item_rows()[0].service
    combo.addItem("Custom implant abutment, zirconia on titanium base")
    combo.setCurrentIndex(combo.count() - 1)
    dialog.resize(980, 700)
    dialog.show()
    settle(qtbot)
    header = dialog.items.horizontalHeader()
    service, description = (header.sectionSize(SERVICE), header.sectionSize(DESCRIPTION))
    assert service == description  # the spare width is shared, not all given to one
    assert service > 210  # wider than the old fixed column that cut such names
