"""The New work order dialog sets the payment plan and work plan before the first save, and
keeps an autosaved draft that survives a crash."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QMessageBox

from dentasync_desktop.domain.enums import IntervalUnit, PaymentMethod, Role
from dentasync_desktop.domain.money import Money
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.order_draft import draft_path, read_draft
from dentasync_desktop.gui.order_editor import OrderEditorDialog
from dentasync_desktop.services import orders

from ..factories import World
from .conftest import MessageBoxes, settle


def open_editor(qtbot, client: ServiceClient) -> OrderEditorDialog:  # type: ignore[no-untyped-def]
    editor = OrderEditorDialog(client, None)
    qtbot.addWidget(editor)
    settle(qtbot)
    return editor


@pytest.fixture
def dialog(qtbot, client: ServiceClient) -> Iterator[OrderEditorDialog]:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, client)
    yield editor
    settle(qtbot)


def fill_parties(dialog: OrderEditorDialog, world: World) -> None:
    dialog.lab.set_value(world.lab_id)
    dialog.customer.set_value(world.customer_id)
    assert dialog.patient.set_value(world.patient_id)
    dialog.documented.setDate(QDate(2026, 11, 2))


def add_crowns(dialog: OrderEditorDialog, world: World) -> None:
    row = dialog.add_item()
    row.service.setCurrentIndex(row.service.findData(world.service_id))
    row.quantity.setValue(2)  # 2 x 250.00


def test_the_plans_start_unticked_and_leave_the_order_as_before(
        qtbot, dialog: OrderEditorDialog, world: World) -> None:  # type: ignore[no-untyped-def]
    assert dialog.plans is not None and dialog.work_plan is not None
    assert not dialog.plans.isChecked() and not dialog.work_plan.isChecked()
    fill_parties(dialog, world)
    add_crowns(dialog, world)
    data = dialog.order_input()
    assert (data.payment_plan, data.tasks) == (None, ())


def test_create_an_order_with_installments_and_a_work_plan(
        qtbot, dialog: OrderEditorDialog, world: World) -> None:  # type: ignore[no-untyped-def]
    fill_parties(dialog, world)
    add_crowns(dialog, world)
    plans, work = dialog.plans, dialog.work_plan
    assert plans is not None and work is not None
    assert "500.00" in plans.amount.placeholderText()  # the total, until one is typed
    plans.setChecked(True)
    plans.count.setValue(2)
    plans.first_due.setDate(QDate(2026, 12, 1))
    work.add_from_templates([s for s in dialog._services if s.id == world.service_id],
                            dialog.documented.date())
    assert work.isChecked() and work.table.rowCount() == 3
    work.add_task("Final check")
    dialog.save()
    settle(qtbot)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = dialog.saved
    assert saved is not None and saved.plan is not None
    assert saved.plan.amount == Money(50000, "EUR")
    assert (saved.plan.installments_count, saved.plan.interval_unit,
            saved.plan.method) == (2, IntervalUnit.MONTHS, PaymentMethod.BANK_TRANSFER)
    assert [(t.name, t.due_date) for t in saved.tasks] == [
        ("Model", date(2026, 11, 3)), ("Framework", date(2026, 11, 5)),
        ("Ceramic layering", date(2026, 11, 7)), ("Final check", None)]


def test_a_refused_plan_points_at_its_field_and_keeps_the_order_unsaved(
        qtbot, dialog: OrderEditorDialog, world: World,
        boxes: MessageBoxes) -> None:  # type: ignore[no-untyped-def]
    fill_parties(dialog, world)
    add_crowns(dialog, world)
    assert dialog.plans is not None and dialog.work_plan is not None
    dialog.plans.setChecked(True)
    dialog.plans.amount.setText("900")
    dialog.show()
    dialog.save()
    settle(qtbot)
    assert dialog.saved is None and dialog.isVisible()
    assert dialog.marks.text.startswith("Payment plan amount:")
    assert dialog.focusWidget() is dialog.plans.amount
    dialog.plans.amount.clear()
    dialog.work_plan.add_task("")
    dialog.save()
    settle(qtbot)
    assert dialog.marks.text.startswith("Task 1 name:")
    assert dialog.focusWidget() is dialog.work_plan.widget_for(1, "name")


def test_the_work_plan_is_closed_to_a_role_that_may_not_plan(
        qtbot, client_for) -> None:  # type: ignore[no-untyped-def]
    editor = open_editor(qtbot, client_for(Role.FRONT_DESK))
    assert editor.work_plan is not None and not editor.work_plan.isEnabled()
    assert "does not allow" in editor.work_plan.toolTip()
    assert editor.plans is not None and editor.plans.isEnabled()


def test_an_edit_has_no_plan_sections(qtbot, client: ServiceClient, world: World) -> None:  # type: ignore[no-untyped-def]
    order = orders.create_order(world.uow(), world.admin, world.order_input())
    editor = OrderEditorDialog(client, order)
    qtbot.addWidget(editor)
    settle(qtbot)
    assert editor.plans is None and editor.work_plan is None
    assert not draft_path(client.actor.user_id).exists()


# --- the autosaved draft -------------------------------------------------------------------


def test_typing_writes_a_draft_after_a_pause_and_saving_removes_it(
        qtbot, dialog: OrderEditorDialog, client: ServiceClient, world: World) -> None:  # type: ignore[no-untyped-def]
    path = draft_path(client.actor.user_id)
    fill_parties(dialog, world)
    dialog.description.setPlainText("Bridge 34-36")
    assert dialog._autosave.isActive() and not path.exists()  # debounced, not per key
    dialog._autosave.timeout.emit()  # the pause is over
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["form"]["description"] == "Bridge 34-36"
    assert stored["form"]["patient"] == world.patient_id
    add_crowns(dialog, world)
    dialog.save()
    settle(qtbot)
    assert dialog.saved is not None and not path.exists()


def test_a_draft_left_by_a_crash_is_offered_back_and_restored(
        qtbot, client: ServiceClient, world: World, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    crashed = open_editor(qtbot, client)
    fill_parties(crashed, world)
    crashed.shade.setText("A3")
    add_crowns(crashed, world)
    crashed.add_item(description="Express", price="12,5")
    assert crashed.plans is not None and crashed.work_plan is not None
    crashed.plans.setChecked(True)
    crashed.plans.count.setValue(3)
    crashed.work_plan.add_task("Model", world.staff_id, QDate(2026, 11, 3))
    crashed.write_draft()
    crashed._autosave.stop()
    # The application died here: no save, no discard; the draft stays on disk.
    asked: list[object] = []
    monkeypatch.setattr(OrderEditorDialog, "ask_restore",
                        lambda _self, when: asked.append(when) or True)
    editor = open_editor(qtbot, client)
    assert len(asked) == 1
    assert (editor.lab.value(), editor.customer.value(), editor.patient.value()) == (
        world.lab_id, world.customer_id, world.patient_id)
    assert editor.shade.text() == "A3" and editor.documented.date() == QDate(2026, 11, 2)
    rows = editor.item_rows()
    assert [(r.service.currentData() or None, r.quantity.value()) for r in rows] == [
        (world.service_id, 2), (None, 1)]
    assert rows[1].price.text() == "12,5"  # as typed, not yet read as money
    assert editor.plans is not None and editor.plans.isChecked()
    assert editor.plans.count.value() == 3
    assert editor.work_plan is not None and editor.work_plan.tasks()[0].assignee_id == \
        world.staff_id
    editor.save()
    settle(qtbot)
    assert editor.saved is not None and len(editor.saved.items) == 2
    assert not draft_path(client.actor.user_id).exists()


def test_discarding_the_offered_draft_removes_it(
        qtbot, client: ServiceClient, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path = draft_path(client.actor.user_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "saved_at": "2026-11-02T09:00:00+00:00",
                                "form": {"shade": "B1"}}), encoding="utf-8")
    monkeypatch.setattr(OrderEditorDialog, "ask_restore", lambda _self, _when: False)
    editor = open_editor(qtbot, client)
    assert editor.shade.text() == "" and not path.exists()


def test_discarding_the_new_order_removes_its_draft(
        qtbot, dialog: OrderEditorDialog, client: ServiceClient, boxes: MessageBoxes) -> None:  # type: ignore[no-untyped-def]
    dialog.shade.setText("A2")
    dialog.write_draft()
    path = draft_path(client.actor.user_id)
    assert path.exists()
    boxes.answer = QMessageBox.StandardButton.Discard
    dialog.reject()
    assert not path.exists()


def test_an_unreadable_draft_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "new-order-draft-1.json"
    path.write_text("{ half a file", encoding="utf-8")
    assert read_draft(path) is None and not path.exists()


def test_the_next_start_opens_the_new_order_form_when_a_draft_was_left(
        qtbot, client: ServiceClient, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from dentasync_desktop.gui.main_window import MainWindow

    opened: list[OrderEditorDialog] = []

    def exec_(dialog: OrderEditorDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(OrderEditorDialog, "exec", exec_)
    monkeypatch.setattr(OrderEditorDialog, "ask_restore", lambda _self, _when: True)
    window = MainWindow(client, lambda: None)
    qtbot.addWidget(window)
    settle(qtbot)
    assert opened == []  # no draft, no form
    window.close()
    path = draft_path(client.actor.user_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"version": 1, "saved_at": "2026-11-02T09:00:00+00:00",
                                "form": {"shade": "B1"}}), encoding="utf-8")
    again = MainWindow(client, lambda: None)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: len(opened) == 1)
    settle(qtbot)
    assert opened[0].shade.text() == "B1"


def test_a_restored_task_keeps_its_assignee_when_the_staff_list_arrives_later(
        qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    from dentasync_desktop.domain.dto import StaffInfo
    from dentasync_desktop.gui.order_editor_plans import WorkPlanFields

    fields = WorkPlanFields(client)
    qtbot.addWidget(fields)
    fields.set_staff([])
    fields.add_task("Model", 7)  # from the draft, before the staff list came
    assert fields.tasks()[0].assignee_id is None
    fields.set_staff([StaffInfo(6, "Ana"), StaffInfo(7, "Tom")])
    assert fields.tasks()[0].assignee_id == 7
    settle(qtbot)
