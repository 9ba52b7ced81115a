"""Master-data pages on real services: add, edit, deactivate, delete, permissions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QLineEdit

from dentasync_desktop.domain.dto import LabInfo, OrderInput
from dentasync_desktop.domain.enums import Role
from dentasync_desktop.domain.money import Money
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.masterdata.customers import CustomerDialog, CustomersPage
from dentasync_desktop.gui.masterdata.dialog import RecordDialog
from dentasync_desktop.gui.masterdata.labs import LABS, LabDialog, LabsPage
from dentasync_desktop.gui.masterdata.model import RecordTableModel
from dentasync_desktop.gui.masterdata.page import RecordListPanel, RecordPage
from dentasync_desktop.gui.masterdata.patients import PatientDialog, PatientsPage
from dentasync_desktop.gui.masterdata.people import (
    PeoplePage,
    ResetPasswordDialog,
    StaffDialog,
    UserDialog,
)
from dentasync_desktop.gui.masterdata.services import ServiceDialog, ServicesPage
from dentasync_desktop.gui.theme import apply_theme
from dentasync_desktop.services import masterdata, orders, users

from ..factories import World
from .conftest import MessageBoxes, deliver_jobs, fire, screenshot, settle
from .test_order_list import FakeShell


def filling(monkeypatch: pytest.MonkeyPatch, dialog_class: type[QDialog],
            fill: Callable[[Any], None]) -> list[Any]:
    """Every ``dialog_class`` opened gets ``fill`` and Save; the dialogs are kept for checks."""
    shown: list[Any] = []

    def run(dialog: Any) -> int:
        shown.append(dialog)
        deliver_jobs()  # what the dialog loads for itself (staff, default currency)
        fill(dialog)
        if isinstance(dialog, RecordDialog):
            dialog.buttons.accepted.emit()
            deliver_jobs()
        else:
            dialog.accept()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", run)
    return shown


def page_for(qtbot, page_class: type, client: ServiceClient) -> Any:  # type: ignore[no-untyped-def]
    page = page_class(FakeShell(client))
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    settle(qtbot)
    return page


def names(panel: RecordListPanel, column: int = 0) -> list[str]:
    model = panel.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def select(panel: RecordListPanel, text: str) -> None:
    row = names(panel).index(text)
    panel.table.selectRow(row)


def test_record_model_passes_the_model_tester(qtmodeltester, client: ServiceClient,
                                              world: World) -> None:
    model: RecordTableModel[LabInfo] = RecordTableModel(LABS.columns)
    model.set_rows(masterdata.list_labs(world.uow(), world.admin, "", True))
    assert model.rowCount() == 2
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_labs_add_edit_deactivate_delete(qtbot, themed, monkeypatch: pytest.MonkeyPatch,
                                         client: ServiceClient, world: World,
                                         boxes: MessageBoxes) -> None:  # type: ignore[no-untyped-def]
    page = page_for(qtbot, LabsPage, client)
    panel = page.panel
    assert sorted(names(panel)) == ["Zahntechnik Müller GmbH", "Łukasz Dental Lab"]
    assert not panel.edit_button.isEnabled()

    def new_lab(dialog: LabDialog) -> None:
        dialog.name.setText("Crown & Co")
        dialog.turnaround.setValue(4)
        dialog.iban.setText("GB82 WEST 1234 5698 7654 32")

    filling_dialogs = filling(monkeypatch, LabDialog, new_lab)
    panel.add()
    settle(qtbot)
    screenshot(filling_dialogs[0], "dialog_lab")
    settle(qtbot)
    assert "Crown & Co" in names(panel)
    assert panel.selected().name == "Crown & Co"
    created = panel.selected()
    assert created.default_turnaround_days == 4 and created.iban == "GB82WEST12345698765432"

    def rename(dialog: LabDialog) -> None:
        assert dialog.name.text() == "Crown & Co"
        dialog.name.setText("Crown & Co Ltd")

    filling(monkeypatch, LabDialog, rename)
    settle(qtbot)
    panel.edit()
    settle(qtbot)
    assert panel.selected().name == "Crown & Co Ltd"

    panel.toggle_active()
    settle(qtbot)
    assert "Crown & Co Ltd" not in names(panel)
    panel.show_inactive.setChecked(True)
    settle(qtbot)
    select(panel, "Crown & Co Ltd")
    settle(qtbot)
    assert panel.active_button.text() == "Activate"
    panel.toggle_active()
    settle(qtbot)
    assert panel.selected().active

    panel.delete()  # not used anywhere: really deleted, after the question
    settle(qtbot)
    assert boxes.texts("question") and "Crown & Co Ltd" in boxes.texts("question")[0]
    assert "Crown & Co Ltd" not in names(panel)


def test_deleting_a_lab_in_use_deactivates_it(qtbot, client: ServiceClient, world: World,
                                              boxes: MessageBoxes) -> None:  # type: ignore[no-untyped-def]
    data: OrderInput = world.order_input()
    orders.create_order(world.uow(), world.admin, data)
    settle(qtbot)
    page = page_for(qtbot, LabsPage, client)
    panel = page.panel
    select(panel, "Zahntechnik Müller GmbH")
    settle(qtbot)
    boxes.answer = boxes.answer.No
    panel.delete()
    settle(qtbot)
    assert "Zahntechnik Müller GmbH" in names(panel)  # the user said no
    boxes.answer = boxes.answer.Yes
    panel.delete()
    settle(qtbot)
    assert any("deactivated instead" in text for text in boxes.texts("information"))
    assert not masterdata.get_lab(world.uow(), world.admin, world.lab_id).active


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_bad_field_is_marked_at_once_and_cleared_as_it_is_fixed(  # type: ignore[no-untyped-def]
        qtbot, themed, client: ServiceClient, theme: str) -> None:
    apply_theme(themed, theme)
    dialog = LabDialog(client, None)
    qtbot.addWidget(dialog)
    dialog.email.setText("not-an-address")
    dialog.iban.setText("1234")
    dialog.show()
    dialog.buttons.accepted.emit()
    settle(qtbot)
    assert dialog.result() != QDialog.DialogCode.Accepted
    # All three at once, each right under its own field, in the form's words.
    assert dialog.marks.message_for(dialog.name) == "Required."
    assert dialog.marks.message_for(dialog.email) == "'not-an-address' is not an e-mail address."
    assert dialog.marks.message_for(dialog.iban).startswith("'1234' is not an IBAN")
    assert dialog.marks.text.splitlines()[0] == "Name: Required."
    assert dialog.error.isHidden()  # no banner repeating them
    assert dialog.focusWidget() is dialog.name
    assert dialog.email.property("fieldError") is True
    screenshot(dialog, f"lab-dialog-field-errors-{theme}")
    # Fixing one field clears its message only.
    qtbot.keyClicks(dialog.name, "Dental Lab Nord")
    settle(qtbot)
    assert dialog.marks.message_for(dialog.name) == ""
    assert dialog.name.property("fieldError") is False
    assert dialog.marks.message_for(dialog.email) != ""
    assert dialog.marks.message_for(dialog.iban) != ""


def test_a_bad_entry_keeps_the_dialog_open(qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    dialog = LabDialog(client, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Lab with a bad mail")
    settle(qtbot)
    dialog.email.setText("not-an-address")
    settle(qtbot)
    dialog.buttons.accepted.emit()
    settle(qtbot)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.marks.text.startswith("E-mail:")
    assert dialog.field_widget("e-mail") is dialog.email
    assert dialog.name.text() == "Lab with a bad mail"
    dialog.email.setText("lab@example.com")
    settle(qtbot)
    dialog.buttons.accepted.emit()
    settle(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.saved.email == \
        "lab@example.com"


def test_customers_and_search(qtbot, themed, monkeypatch: pytest.MonkeyPatch,
                              client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    page = page_for(qtbot, CustomersPage, client)
    panel = page.panel

    def new_customer(dialog: CustomerDialog) -> None:
        dialog.name.setText("Dr. Ana Lima")
        dialog.clinic.setText("Sorriso Clinic")
        dialog.phone.setText("+351 21 000 0000")

    filling(monkeypatch, CustomerDialog, new_customer)
    settle(qtbot)
    panel.add()
    settle(qtbot)
    assert len(names(panel)) == 3
    qtbot.keyClicks(panel.search, "sorriso")
    fire(panel._timer)
    settle(qtbot)
    qtbot.waitUntil(lambda: names(panel) == ["Dr. Ana Lima"], timeout=2000)


def test_patients_with_a_date_of_birth(qtbot, themed, monkeypatch: pytest.MonkeyPatch,
                                       client: ServiceClient, world: World) -> None:  # type: ignore[no-untyped-def]
    page = page_for(qtbot, PatientsPage, client)
    panel = page.panel

    def new_patient(dialog: PatientDialog) -> None:
        dialog.first_name.setText("Lena")
        dialog.last_name.setText("Berg")
        dialog.birth.check.setChecked(True)
        dialog.birth.edit.setDate(dialog.birth.edit.date().fromString("1980-05-17",
                                                                       "yyyy-MM-dd"))

    filling(monkeypatch, PatientDialog, new_patient)
    settle(qtbot)
    panel.add()
    settle(qtbot)
    patient = panel.selected()
    assert (patient.last_name, str(patient.date_of_birth)) == ("Berg", "1980-05-17")

    def no_birthday(dialog: PatientDialog) -> None:
        assert dialog.birth.value() is not None
        dialog.birth.check.setChecked(False)

    filling(monkeypatch, PatientDialog, no_birthday)
    settle(qtbot)
    panel.edit()
    settle(qtbot)
    assert panel.selected().date_of_birth is None


def test_services_with_prices_and_task_templates(qtbot, themed, monkeypatch: pytest.MonkeyPatch,
                                                 client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    page = page_for(qtbot, ServicesPage, client)
    panel = page.panel

    def new_service(dialog: ServiceDialog) -> None:
        assert dialog.currency.currency() == "EUR"  # the settings' default
        dialog.code.setText("VEN")
        dialog.name.setText("Veneer")
        dialog.price.setText("320,50")
        for name, days in (("Wax-up", 1), ("Pressing", 2), ("Glaze", 3)):
            dialog.templates.add_task(name, days, None)
        dialog.templates.table.setCurrentCell(2, 0)
        dialog.templates._move(-1)
        screenshot(dialog, "dialog_service")

    filling(monkeypatch, ServiceDialog, new_service)
    settle(qtbot)
    panel.add()
    settle(qtbot)
    service = panel.selected()
    assert service.unit_price == Money(32050, "EUR")
    assert [(t.position, t.name, t.days_offset) for t in service.task_templates] == [
        (1, "Wax-up", 1), (2, "Glaze", 3), (3, "Pressing", 2)]

    def bad_price(dialog: ServiceDialog) -> None:
        dialog.price.setText("12.345")

    shown = filling(monkeypatch, ServiceDialog, bad_price)
    panel.edit()
    settle(qtbot)
    assert shown[0].marks.text.startswith("Price:")
    assert shown[0].result() != QDialog.DialogCode.Accepted


def test_staff_and_users(qtbot, themed, monkeypatch: pytest.MonkeyPatch, client: ServiceClient,
                         world: World, boxes: MessageBoxes) -> None:  # type: ignore[no-untyped-def]
    page = page_for(qtbot, PeoplePage, client)

    def new_staff(dialog: StaffDialog) -> None:
        dialog.name.setText("Iris Novak")
        dialog.job_title.setText("Ceramist")

    filling(monkeypatch, StaffDialog, new_staff)
    settle(qtbot)
    page.staff.add()
    settle(qtbot)
    assert "Iris Novak" in names(page.staff)

    page.tabs.setCurrentWidget(page.users)
    settle(qtbot)

    def new_user(dialog: UserDialog) -> None:
        dialog.username.setText("iris")
        dialog.full_name.setText("Iris Novak")
        dialog.role.setCurrentIndex(dialog.role.findData(Role.TECHNICIAN))
        dialog.staff.setCurrentIndex(dialog.staff.findText("Iris Novak"))
        dialog.password.setText("a-long-password-1")
        dialog.confirm.setText("a-long-password-1")

    shown = filling(monkeypatch, UserDialog, new_user)
    page.users.add()
    settle(qtbot)
    screenshot(shown[0], "dialog_user")
    settle(qtbot)
    user = page.users.selected()
    assert (user.username, user.role, user.staff_id is not None) == ("iris", Role.TECHNICIAN,
                                                                      True)
    assert users.sign_in(world.uow(), "iris", "a-long-password-1").role is Role.TECHNICIAN

    def reset(dialog: ResetPasswordDialog) -> None:
        dialog.password.setText("another-password-2")
        dialog.confirm.setText("another-password-2")
        dialog._reset()
        deliver_jobs()

    monkeypatch.setattr(ResetPasswordDialog, "exec", lambda d: (reset(d), d.result())[1])
    settle(qtbot)
    page.users._run_extra(page.users.kind.extra[0])
    settle(qtbot)
    assert users.sign_in(world.uow(), "iris", "another-password-2").username == "iris"
    assert any("was reset" in text for text in boxes.texts("information"))

    page.users.toggle_active()
    settle(qtbot)
    assert "iris" not in names(page.users)


def test_user_dialog_refuses_differing_passwords(qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    dialog = UserDialog(client, None)
    qtbot.addWidget(dialog)
    dialog.username.setText("bob")
    settle(qtbot)
    dialog.full_name.setText("Bob")
    settle(qtbot)
    assert isinstance(dialog.password, QLineEdit) and isinstance(dialog.confirm, QLineEdit)
    dialog.password.setText("one-password-1")
    settle(qtbot)
    dialog.confirm.setText("other-password-2")
    settle(qtbot)
    dialog.buttons.accepted.emit()
    settle(qtbot)
    assert dialog.marks.text == "Repeat password: The two passwords differ."
    assert dialog.result() != QDialog.DialogCode.Accepted


@pytest.mark.parametrize("page_class", [LabsPage, ServicesPage])
def test_a_technician_sees_but_cannot_change(qtbot, client_for, world: World,
                                             page_class: type[RecordPage]) -> None:  # type: ignore[no-untyped-def]
    page = page_for(qtbot, page_class, client_for(Role.TECHNICIAN))
    panel = page.panel
    assert panel.model.rowCount() > 0
    panel.table.selectRow(0)
    settle(qtbot)
    for button in (panel.add_button, panel.edit_button, panel.active_button,
                   panel.delete_button):
        assert not button.isEnabled()
        assert "Technician" in button.toolTip()


def test_front_desk_manages_clients_but_not_users(qtbot, client_for, world: World) -> None:  # type: ignore[no-untyped-def]
    desk = client_for(Role.FRONT_DESK)
    customers_page = page_for(qtbot, CustomersPage, desk)
    customers = customers_page.panel
    customers.table.selectRow(0)
    settle(qtbot)
    assert customers.add_button.isEnabled() and customers.edit_button.isEnabled()
    people = page_for(qtbot, PeoplePage, desk)
    assert not people.tabs.isTabEnabled(1)
    assert "Front desk" in people.tabs.tabToolTip(1)
    assert not people.staff.add_button.isEnabled()


def test_save_keeps_the_dialog_open_and_save_disabled_until_the_service_answers(
        qtbot, client: ServiceClient, world: World) -> None:  # type: ignore[no-untyped-def]
    dialog = LabDialog(client, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Waiting Lab")
    dialog.buttons.accepted.emit()
    assert dialog.pending is not None and not dialog.buttons.isEnabled()
    dialog.buttons.accepted.emit()  # pressed again meanwhile: still one save
    assert dialog.result() != QDialog.DialogCode.Accepted
    settle(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.saved.name == "Waiting Lab"
    assert dialog.pending is None and dialog.buttons.isEnabled()
    assert [lab.name for lab in masterdata.list_labs(world.uow(), world.admin, "Waiting")] == [
        "Waiting Lab"]


def test_the_lab_dialog_warns_while_a_name_is_too_long_for_the_payment_qr(
        qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    dialog = LabDialog(client, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.qr_name_note.isHidden()
    dialog.name.setText("Zahntechnisches Meisterlabor für festsitzenden und herausnehmbaren "
                        "Zahnersatz")
    assert not dialog.qr_name_note.isHidden()
    assert "70" in dialog.qr_name_note.text()
    dialog.holder.setText("ZMF GmbH")  # the QR code names the account holder when there is one
    assert dialog.qr_name_note.isHidden()
