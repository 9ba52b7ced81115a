"""``dentasync-desktop --smoke``: proves an installation works end to end, without a screen.

Each step prints one line; the first failure stops the run with its reason and exit code 1.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from .. import collector
from ..domain.dto import (
    CustomerInput,
    FinanceFilter,
    ItemInput,
    LabInput,
    OrderInput,
    PatientInput,
    ServiceInput,
)
from ..domain.money import Money
from ..services import masterdata, orders, printing, reports, users
from ..services.maintenance import Database
from .application import keep_settings_in, make_application
from .client import ServiceClient
from .main_window import MainWindow
from .printing import open_print_preview
from .printing.preview import open_previews

T = TypeVar("T")
PDF_MAGIC = b"%PDF-"
XLSX_MAGIC = b"PK"


class SmokeFailure(Exception):
    pass


def _step(name: str, action: Callable[[], T]) -> T:
    try:
        result = action()
    except Exception as error:
        raise SmokeFailure(f"{name}: {type(error).__name__}: {error}") from error
    print(f"ok   {name}", flush=True)
    return result


def _file_starting_with(path: Path, magic: bytes) -> Path:
    if not path.is_file() or not path.read_bytes().startswith(magic):
        raise SmokeFailure(f"{path} was not written as expected")
    return path


def run_smoke(database: Database, log_file: Path, workdir: Path) -> int:
    try:
        _run(database, log_file, workdir)
    except SmokeFailure as failure:
        print(f"FAIL {failure}", flush=True)
        return 1
    print("smoke test passed", flush=True)
    return 0


def _run(database: Database, log_file: Path, workdir: Path) -> None:
    factory = database.uow_factory
    actor = _step("create the administrator", lambda: users.create_first_admin(
        factory(), "admin", "Smoke Test", "smoke-test-password"))
    lab = _step("add a dental lab", lambda: masterdata.save_lab(
        factory(), actor, LabInput(name="Zahntechnik Müller", default_turnaround_days=5,
                                   iban="DE89 3704 0044 0532 0130 00")))
    customer = _step("add a dentist", lambda: masterdata.save_customer(
        factory(), actor, CustomerInput(name="Dr. Ørsted")))
    patient = _step("add a patient", lambda: masterdata.save_patient(
        factory(), actor, PatientInput(first_name="Łukasz", last_name="Ğül")))
    service = _step("add a service", lambda: masterdata.save_service(
        factory(), actor, ServiceInput(code="CRN", name="Zirconia crown",
                                       unit_price=Money(25000, "EUR"))))
    today = factory().today()
    order = _step("create a work order", lambda: orders.create_order(
        factory(), actor, OrderInput(
            lab_id=lab.id, customer_id=customer.id, patient_id=patient.id,
            documented_at=today, due_date=today + timedelta(days=5), currency="EUR",
            teeth=(11, 21), items=(ItemInput("Zirconia crown", 2, Money(25000, "EUR"),
                                             service.id, (11, 21)),))))

    # Window state goes to the temporary folder: a smoke test leaves the user's settings alone.
    keep_settings_in(workdir / "settings")
    app = make_application()
    client = ServiceClient(factory, actor, database.paths, log_file)

    def open_window() -> MainWindow:
        window = MainWindow(client, lambda: None)
        window.show()
        collector.resume_after_start()
        QApplication.processEvents()
        if not window.isVisible():
            raise SmokeFailure("the main window did not show")
        return window

    window = _step("open the main window", open_window)

    def open_finance() -> None:
        window.show_page("finance")
        QApplication.processEvents()

    _step("show the finance page and its chart", open_finance)

    def preview() -> None:
        open_print_preview(client, window, order.id)
        deadline = time.monotonic() + 30
        while not (shown := [d for d in open_previews() if d.isVisible()]):
            if time.monotonic() > deadline:
                raise SmokeFailure("the print preview did not open")
            QThreadPool.globalInstance().waitForDone(100)
            app.processEvents()
        for dialog in shown:
            dialog.close()

    _step("preview the order form", preview)
    form = _step("print the order form to PDF", lambda: printing.print_order_form(
        factory(), actor, order.number, workdir / "order-form.pdf"))
    _file_starting_with(form.path, PDF_MAGIC)
    report = _step("export the finance report (XLSX)", lambda: reports.export_finance(
        factory, actor, "orders", FinanceFilter(), "xlsx", workdir / "finance.xlsx"))
    _file_starting_with(report, XLSX_MAGIC)
    # The window's loads run on the thread pool: let them end before the database closes.
    QThreadPool.globalInstance().waitForDone(30_000)
    app.processEvents()
    window.close()
    app.processEvents()
