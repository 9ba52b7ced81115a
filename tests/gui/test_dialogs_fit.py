"""Every dialog fits a 1366×768 screen, also at 150 % scaling (issue 13): the whole frame on
the screen, every button in sight, no widget squeezed below what its text needs.

Qt's offscreen screen is 800×800 and cannot change inside a process, so
``test_every_dialog_fits`` runs ``test_the_dialog_fits`` in a child pytest whose offscreen
screen is configured as 1366×768 (``QT_SCALE_FACTOR=1.5`` for 150 %: 911×512 logical pixels).
Run alone, ``test_the_dialog_fits`` is skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSizePolicy,
    QWidget,
)

from dentasync_desktop.domain.dto import (
    EventInfo,
    FinanceFilter,
    OrderDetail,
    PaymentPlanInput,
    ReminderInfo,
    ReminderKind,
    StaffInfo,
    UserInfo,
)
from dentasync_desktop.domain.enums import (
    EventKind,
    PaymentMethod,
    Role,
)
from dentasync_desktop.domain.money import Money
from dentasync_desktop.gui import language
from dentasync_desktop.gui.account import (
    ChangePasswordDialog,
    FirstAdminDialog,
    LockDialog,
    SignInDialog,
)
from dentasync_desktop.gui.calendar.picker import OrderPickerDialog
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.finance.export import ExportProgress, ExportRequest
from dentasync_desktop.gui.help.window import HelpWindow
from dentasync_desktop.gui.masterdata.customers import CustomerDialog as CustomerRecordDialog
from dentasync_desktop.gui.masterdata.labs import LabDialog
from dentasync_desktop.gui.masterdata.patients import PatientDialog
from dentasync_desktop.gui.masterdata.people import ResetPasswordDialog, StaffDialog, UserDialog
from dentasync_desktop.gui.masterdata.services import ServiceDialog as ServiceRecordDialog
from dentasync_desktop.gui.order_detail.dialogs import (
    AdjustPriceDialog,
    CustomerDialog,
    DueDateDialog,
    PaymentInstructionsDialog,
    RemakeDialog,
    TextDialog,
)
from dentasync_desktop.gui.order_detail.editors import (
    AssignDialog,
    EventDialog,
    PaymentDialog,
    PayrollDialog,
    PlanDialog,
    TaskDialog,
)
from dentasync_desktop.gui.order_editor import OrderEditorDialog
from dentasync_desktop.gui.printing.batch import BatchProgress
from dentasync_desktop.gui.printing.preview import PreviewDialog
from dentasync_desktop.gui.quick_patient import QuickPatientDialog
from dentasync_desktop.gui.reminders.panel import ReminderPanel
from dentasync_desktop.gui.reminders.scheduler import ReminderScheduler
from dentasync_desktop.services import masterdata, orders, payments, workplan
from dentasync_desktop.services.demo import DEMO_USERS
from dentasync_desktop.services.maintenance import Database

from ..conftest import TEMPLATE_ENV
from ..factories import World
from .conftest import screenshot, settle

SCREENS = {"1366x768": 1.0, "1366x768@150%": 1.5}
SCREEN = os.environ.get("DENTASYNC_FIT_SCREEN", "")  # set in the child run only


@pytest.mark.starts_first
@pytest.mark.parametrize("screen", SCREENS)
def test_every_dialog_fits(screen: str, tmp_path: Path, migrated_template: Path) -> None:
    if SCREEN:
        pytest.skip("this is the child run")
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTEST_", "QT_"))}
    env.update(QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               QT_SCALE_FACTOR=str(SCREENS[screen]), DENTASYNC_FIT_SCREEN=screen,
               **{TEMPLATE_ENV: str(migrated_template)})
    # Without Hypothesis's plugin: importing Hypothesis was a tenth of the child's CPU.
    child = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider",
         "-p", "no:hypothesispytest",
         "--basetemp", str(tmp_path / "child"), f"{__file__}::test_the_dialog_fits"],
        env=env, capture_output=True, text=True, timeout=900,
        cwd=Path(__file__).resolve().parents[2])
    assert child.returncode == 0, child.stdout[-8000:] + child.stderr[-2000:]


class FakeJob(QObject):
    """What the progress dialogs follow: a job that is still running."""

    progressed = Signal(int, int)
    finished = Signal()
    cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class Later:
    """A save job that never answers: the dialogs only have to be looked at."""

    def __call__(self, *_values: Any) -> Later:
        return self

    def then(self, *_args: Any, **_kwargs: Any) -> Later:
        return self


@dataclass(frozen=True)
class Scene:
    """What the dialogs are made from; only looked at, so one for the whole child run (an
    order a test took a quarter of its time to write)."""

    client: ServiceClient
    world: World
    order: OrderDetail


@pytest.fixture(scope="module")
def scene(qapp: QApplication, shared_world: World, shared_database: Database,
          tmp_path_factory: pytest.TempPathFactory) -> Scene:
    """An order with everything the dialogs show: a plan, a work plan, long names."""
    world = shared_world
    created = orders.create_order(world.uow(), world.admin, world.order_input(
        description="Zirkonkrone 11 und 21, monolithisch, Farbe nach Foto angepasst"))
    payments.set_payment_plan(world.uow(), world.admin, created.id, PaymentPlanInput(
        Money(50_000, "EUR"), PaymentMethod.BANK_TRANSFER, 4, date(2026, 12, 1)))
    order = workplan.plan_automatically(world.uow(), world.admin, created.id)
    client = ServiceClient(world.uow_factory, world.admin, shared_database.paths,
                           tmp_path_factory.mktemp("fit-log") / "test.log")
    return Scene(client, world, order)


STAFF = (StaffInfo(1, "Małgorzata Łukasiewicz-Kowalczyk", "Zahntechnikermeisterin"),
         StaffInfo(2, "Tom Technician", "Ceramist"))
Make = Callable[[ServiceClient, World, OrderDetail], QDialog]


def _event(order: OrderDetail) -> EventInfo:
    return EventInfo(1, order.id, order.number, EventKind.TRY_IN,
                     datetime(2026, 11, 24, 9, tzinfo=UTC), 30, 60,
                     "Patientin bringt die alte Prothese mit", False, "Anna Schäfer")


def _reminders(client: ServiceClient, order: OrderDetail) -> ReminderPanel:
    scheduler = ReminderScheduler(client)
    scheduler.due = tuple(
        ReminderInfo(f"r{n}", ReminderKind.EVENT, datetime(2026, 11, 20, 9, tzinfo=UTC),
                     order.id, order.number, f"Einprobe um 10:30: Anna Schäfer {n}",
                     "Die Arbeit ist noch nicht vom Labor zurück") for n in range(6))
    return ReminderPanel(client, scheduler, lambda _order_id: None)


DIALOGS: dict[str, Make] = {
    "new order": lambda c, w, o: OrderEditorDialog(c, None),
    "edit order": lambda c, w, o: OrderEditorDialog(c, o),
    "quick patient": lambda c, w, o: QuickPatientDialog("Anna Schäfer"),
    "sign in": lambda c, w, o: SignInDialog(w.uow_factory, [tuple(u) for u in DEMO_USERS]),
    "first admin": lambda c, w, o: FirstAdminDialog(w.uow_factory),
    "change password": lambda c, w, o: ChangePasswordDialog(c),
    "lock": lambda c, w, o: LockDialog(c),
    "patient": lambda c, w, o: PatientDialog(
        c, masterdata.get_patient(w.uow(), w.admin, w.patient_id)),
    "customer record": lambda c, w, o: CustomerRecordDialog(
        c, masterdata.get_customer(w.uow(), w.admin, w.customer_id)),
    "lab": lambda c, w, o: LabDialog(c, masterdata.get_lab(w.uow(), w.admin, w.lab_id)),
    "service": lambda c, w, o: ServiceRecordDialog(
        c, masterdata.get_service(w.uow(), w.admin, w.service_id)),
    "staff": lambda c, w, o: StaffDialog(c, STAFF[0]),
    "user": lambda c, w, o: UserDialog(c, UserInfo(5, "desk", "Zoë Ørsted", Role.FRONT_DESK,
                                                   True, 1)),
    "reset password": lambda c, w, o: ResetPasswordDialog(
        c, UserInfo(5, "desk", "Zoë Ørsted", Role.FRONT_DESK, True)),
    "payment": lambda c, w, o: PaymentDialog(None, o.balance, PaymentMethod.CASH, Later()),
    "payment plan": lambda c, w, o: PlanDialog(None, o.total, o.plan, _qdate(o.documented_at),
                                               Later()),
    "event": lambda c, w, o: EventDialog(None, "Edit event", _event(o), Later()),
    "task": lambda c, w, o: TaskDialog(None, "Edit task", o.tasks[-1], STAFF, Later()),
    "assign": lambda c, w, o: AssignDialog(None, o.tasks[-1], STAFF, Later()),
    "payroll": lambda c, w, o: PayrollDialog(None, "Add payroll", None, "EUR", STAFF, Later()),
    "cancel order": lambda c, w, o: TextDialog(None, "Cancel order", "Reason", "reason",
                                               Later(), required=True),
    "comment": lambda c, w, o: TextDialog(None, "Comment", "Comment", "text", Later(),
                                          multiline=True),
    "due date": lambda c, w, o: DueDateDialog(None, o.due_date, Later()),
    "adjust price": lambda c, w, o: AdjustPriceDialog(None, o.total, Later()),
    "remake": lambda c, w, o: RemakeDialog(None, Later()),
    "change customer": lambda c, w, o: CustomerDialog(None, o.customer, Later(), Later()),
    "payment instructions": lambda c, w, o: PaymentInstructionsDialog(
        None, o.lab, o.number_text, o.balance),
    "order picker": lambda c, w, o: OrderPickerDialog(c),
    "reminders": lambda c, w, o: _reminders(c, o),
    "help": lambda c, w, o: HelpWindow([QAction("New work order…")]),
    "print preview": lambda c, w, o: PreviewDialog(None, "Work order", "order.pdf",
                                                   Path("."), Later()),
    "export progress": lambda c, w, o: ExportProgress(FakeJob(), ExportRequest(  # type: ignore[arg-type]
        "orders", FinanceFilter(), "xlsx", Path("Finanzbericht November 2026.xlsx"))),
    "print progress": lambda c, w, o: BatchProgress(FakeJob(), 12),  # type: ignore[arg-type]
}


def _qdate(day: date) -> Any:
    from dentasync_desktop.gui.formatting import qdate
    return qdate(day + timedelta(days=14))


@pytest.fixture(params=["en", "de"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    language.install_translations(request.param)
    yield request.param
    language.install_translations("en")


def problems(dialog: QDialog, room: QRect) -> list[str]:
    """What a user of this screen would miss: the frame off the screen, a button cut off or
    out of sight, a widget (outside a scroll area) narrower or lower than its text needs."""
    found = []
    if not room.contains(dialog.frameGeometry()):
        found.append(f"frame {dialog.frameGeometry()} outside the screen {room}")
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisibleTo(dialog) or _scrolled(widget, dialog):
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        where = QRect(widget.mapTo(dialog, widget.rect().topLeft()), widget.size())
        if isinstance(widget, QAbstractButton) and not dialog.rect().contains(where):
            found.append(f"{name} {widget.text()!r} at {where} cut off")
        least = _least_size(widget)
        if widget.width() < least[0] or widget.height() < least[1]:
            found.append(f"{name} {widget.size().toTuple()} below {least}")
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() and \
                widget.width() < widget.sizeHint().width():
            found.append(f"label {widget.text()!r} clipped")
    return found


def _least_size(widget: QWidget) -> tuple[int, int]:
    """The size a layout promises a widget (Qt's qSmartMinSize): a minimum set by the code,
    else the widget's own minimum hint; nothing for Qt's inner parts (a spin box's editor)."""
    if widget.objectName().startswith("qt_"):
        return 0, 0
    hint, explicit = widget.minimumSizeHint(), widget.minimumSize()
    policy = widget.sizePolicy()
    ignored = QSizePolicy.Policy.Ignored
    width = explicit.width() or (hint.width() if policy.horizontalPolicy() != ignored else 0)
    height = explicit.height() or (hint.height() if policy.verticalPolicy() != ignored else 0)
    return width, height


def _scrolled(widget: QWidget, dialog: QDialog) -> bool:
    """Inside a scroll area (reached by scrolling) or part of one (its bars)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not dialog:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.skipif(not SCREEN, reason="run by test_every_dialog_fits on a configured screen")
@pytest.mark.parametrize("name", DIALOGS)
def test_the_dialog_fits(qtbot: Any, themed: QApplication, lang: str, name: str,
                         scene: Scene) -> None:
    dialog = DIALOGS[name](scene.client, scene.world, scene.order)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    settle(qtbot)
    room = dialog.screen().availableGeometry()
    assert room.size().toTuple() == ((1366, 768) if SCREENS[SCREEN] == 1 else (911, 512))
    buttons = dialog.findChildren(QDialogButtonBox)
    assert all(box.isVisibleTo(dialog) for box in buttons)
    found = problems(dialog, room)
    assert not found, "\n".join(found)
    screenshot(dialog, f"fit_{name.replace(' ', '_')}_{lang}_{SCREEN.replace('%', '')}")
    dialog.hide()
