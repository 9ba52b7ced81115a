"""Screenshots of the order detail on every tab with realistic data, for a human to look at.

They go to $DENTASYNC_SCREENSHOTS (e.g. /work/main/screenshots, git-ignored) or a temporary
folder; the test also checks that each tab is filled and nothing in the header is cut off.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QDate, QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPainterPath
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from dentasync_desktop.domain.dto import (
    EventInput,
    ItemInput,
    OrderDetail,
    PatientInput,
    PaymentInput,
    PaymentPlanInput,
)
from dentasync_desktop.domain.enums import EventKind, IntervalUnit, PaymentMethod, Role
from dentasync_desktop.domain.money import Money
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.order_detail import dialogs, editors
from dentasync_desktop.gui.order_detail.view import OrderDetailView
from dentasync_desktop.gui.theme import apply_theme
from dentasync_desktop.services import (
    attachments,
    comments,
    events,
    masterdata,
    orders,
    payments,
    payroll,
    workplan,
)
from dentasync_desktop.services.order_detail import get_order

from ..factories import World
from .conftest import save_png, settle
from .test_order_detail import english_locale  # noqa: F401  (autouse fixture)

SIZE = (1280, 800)


def tooth_photo(path: Path) -> Path:
    """A stand-in intraoral photo: a shaded crown on a gum-coloured background."""
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#c2566b"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    gradient = QLinearGradient(QPointF(0, 80), QPointF(0, 420))
    gradient.setColorAt(0, QColor("#fbf6ea"))
    gradient.setColorAt(1, QColor("#e4d6b5"))
    crown = QPainterPath()
    crown.addRoundedRect(QRectF(220, 80, 200, 340), 80, 80)
    painter.fillPath(crown, gradient)
    painter.end()
    assert image.save(str(path))
    return path


def realistic_order(world: World, tmp_path: Path) -> OrderDetail:
    uow, admin = world.uow, world.admin
    tech = world.actors[Role.TECHNICIAN]
    patient = masterdata.save_patient(uow(), admin, PatientInput(
        last_name="Ørsted-Müller", first_name="Łukasz", date_of_birth=date(1978, 4, 2),
        phone="+49 30 1234 5678", contact_person="Marta Ørsted-Müller (daughter)",
        address="Kastanienallee 12\n10435 Berlin"))
    earlier = orders.create_order(uow(), admin, world.order_input())
    eur = "EUR"
    data = world.order_input(
        patient_id=patient.id, documented_at=date(2026, 11, 3), due_date=date(2026, 11, 18),
        description="Two zirconia crowns on 11 and 21 after trauma; temporary bridge until "
                    "delivery. Patient is sensitive to cold, please keep margins "
                    "supragingival.",
        shade="A2 (cervical A3)", teeth=(11, 21, 22),
        items=(
            ItemInput("Zirconia crown, monolithic", 2, Money(25000, eur), world.service_id,
                      (11, 21)),
            ItemInput("Temporary bridge, PMMA", 1, Money(12000, eur), None, (11, 21, 22)),
            ItemInput("Digital shade matching", 1, Money(3500, eur)),
            ItemInput("Express surcharge", 1, Money(4900, eur)),
        ))
    order = orders.create_order(uow(), admin, data)
    order = orders.publish(uow(), admin, order.id, order.version)
    order = orders.start_production(uow(), admin, order.id, order.version)
    order = orders.mark_remake(uow(), admin, order.id, order.version, earlier.number,
                               "Shade mismatch on the first delivery")
    order = workplan.plan_automatically(uow(), admin, order.id)
    order = workplan.add_task(uow(), admin, order.id, "Final check and disinfection",
                              world.staff_id, date(2026, 11, 17))
    for task in order.tasks[:2]:
        workplan.assign_task(uow(), admin, task.id, world.staff_id)
        workplan.set_task_done(uow(), tech, task.id, True)
    payments.set_payment_plan(uow(), admin, order.id, PaymentPlanInput(
        Money(70400, eur), PaymentMethod.BANK_TRANSFER, 3, date(2026, 10, 20), 1,
        IntervalUnit.MONTHS))
    payments.record_payment(uow(), admin, order.id, PaymentInput(
        date(2026, 11, 4), Money(15000, eur), PaymentMethod.CARD, "Deposit at the desk"))
    wrong = payments.record_payment(uow(), admin, order.id, PaymentInput(
        date(2026, 11, 5), Money(5000, eur), PaymentMethod.CASH))
    payments.void_payment(uow(), admin, wrong.payments[-1].id, "Recorded on the wrong order")
    events.add_event(uow(), admin, order.id, EventInput(
        EventKind.TRY_IN, datetime(2026, 11, 12, 9, 30, tzinfo=UTC), 45, 60,
        "Framework try-in, bring the shade guide"))
    events.add_event(uow(), admin, order.id, EventInput(
        EventKind.DELIVERY, datetime(2026, 11, 24, 14, 0, tzinfo=UTC), 30, 24 * 60,
        "Seat both crowns"))
    events.add_event(uow(), admin, order.id, EventInput(
        EventKind.IMPRESSION, datetime(2026, 11, 4, 8, 0, tzinfo=UTC), 30, None, ""))
    impression = get_detail(world, order.id).events[0]  # the earliest
    events.set_event_done(uow(), admin, impression.id, True)
    attachments.add_attachment(uow(), admin, order.id, tooth_photo(tmp_path / "11-21 front.png"))
    lab_form = tmp_path / "Lab form WO-000002.pdf"
    lab_form.write_bytes(b"%PDF-1.4\n" + b"0" * 48_000 + b"\n%%EOF\n")
    attachments.add_attachment(uow(), admin, order.id, lab_form)
    comments.add_comment(uow(), admin, order.id,
                         "Dr. Ørsted called: the patient can only come in the mornings.")
    comments.add_comment(uow(), tech, order.id,
                         "Framework milled, fits the model. Layering tomorrow.")
    payroll.add_payroll(uow(), admin, order.id, world.staff_id, Money(8500, eur),
                        "Framework and layering")
    return get_detail(world, order.id)


def get_detail(world: World, order_id: int) -> OrderDetail:
    return get_order(world.uow(), world.admin, order_id)


def cut_off_labels(root: QWidget) -> list[str]:
    """Visible one-line labels narrower than their text."""
    found = []
    for label in root.findChildren(QLabel):
        if (label.isVisible() and label.text() and not label.wordWrap()
                and "<" not in label.text()
                and label.width() < label.fontMetrics().horizontalAdvance(label.text())):
            found.append(label.text())
    return found


@pytest.fixture(autouse=True)
def themed(qapp):  # type: ignore[no-untyped-def]
    """The application's own theme, as the running app applies it."""
    apply_theme(qapp)
    yield
    qapp.setStyleSheet("")


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("DENTASYNC_SCREENSHOTS") or tmp_path / "shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_screenshots_of_every_tab(qtbot, world: World, database, tmp_path: Path,
                                  shots: Path) -> None:
    order = realistic_order(world, tmp_path)
    client = ServiceClient(world.uow_factory, world.admin, database.paths, tmp_path / "log")
    view = OrderDetailView(client, order.id)
    window = QMainWindow()  # the white window background of the running app
    window.setCentralWidget(view)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)
    names = ["info", "work_plan", "payments", "events", "attachments", "comments",
             "activity", "payroll"]
    for index, name in enumerate(names):
        view.tabs.setCurrentIndex(index)
        settle(qtbot)  # the activity tab reads its timeline when first shown
        save_png(window, shots / f"order_detail_{index + 1}_{name}.png")
    assert cut_off_labels(view.header) == []
    assert view.payments_tab.installments_model.index(0, 4).data() == "Overdue"
    assert view.activity_tab.model.rowCount() > 10
    assert view.header.value("patient") == "Łukasz Ørsted-Müller"


def test_screenshots_of_dialogs(qtbot, world: World, database, tmp_path: Path,
                                shots: Path) -> None:
    order = realistic_order(world, tmp_path)
    client = ServiceClient(world.uow_factory, world.admin, database.paths, tmp_path / "log")
    view = OrderDetailView(client, order.id)
    qtbot.addWidget(view)
    settle(qtbot)
    refused = editors.PaymentDialog(view, order.balance, PaymentMethod.CARD, lambda *_: None)
    refused.amount.amount.setText("554,00 €")
    refused.accept()
    assert refused.error_text == "Amount: '554,00 €' is not a valid amount."
    built = [
        ("payment_plan", editors.PlanDialog(view, order.total, order.plan, QDate(2026, 12, 1),
                                            lambda *_: None)),
        ("add_payment", editors.PaymentDialog(view, order.balance, PaymentMethod.CARD,
                                              lambda *_: None)),
        ("add_payment_refused", refused),
        ("payment_instructions", dialogs.PaymentInstructionsDialog(
            view, order.lab, order.number_text, order.balance)),
        ("event", editors.EventDialog(view, "Edit event", order.events[0], lambda *_: None)),
        ("cancel", dialogs.TextDialog(
            view, "Cancel order", "Reason", "reason", lambda *_: None,
            prompt="A cancelled order stays for reference and becomes read-only; it can be "
                   "reopened as a draft.")),
    ]
    for name, dialog in built:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        save_png(dialog, shots / f"order_dialog_{name}.png")
        assert cut_off_labels(dialog) == []
