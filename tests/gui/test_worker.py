"""The worker: results and typed errors come back on the GUI thread, with a busy page and a
working Cancel; the change relay keeps two views of one order the same."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QWidget

from dentasync_desktop.domain.dto import LabInfo
from dentasync_desktop.domain.enums import OrderStatus, Role
from dentasync_desktop.domain.errors import NotFound, PermissionDenied
from dentasync_desktop.gui.changes import ChangeRelay
from dentasync_desktop.gui.client import ServiceClient
from dentasync_desktop.gui.finance.page import FinancePage
from dentasync_desktop.gui.finance.periods import Period
from dentasync_desktop.gui.order_detail.view import OrderDetailView
from dentasync_desktop.gui.worker import JobControl, is_busy, running_jobs
from dentasync_desktop.services import masterdata, order_detail, orders, payments
from dentasync_desktop.services.changes import Change, ChangeKind

from ..factories import World
from ..integration.helpers import new_order
from .conftest import MessageBoxes, settle


def test_a_service_runs_on_a_worker_and_its_result_arrives_on_the_gui_thread(
        qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    gui_thread = QThread.currentThread()
    ran_on: list[QThread] = []
    arrived_on: list[QThread] = []
    results: list[list[LabInfo]] = []

    def labs(uow, actor, text: str) -> list[LabInfo]:  # type: ignore[no-untyped-def]
        ran_on.append(QThread.currentThread())
        return masterdata.list_labs(uow, actor, text)

    def got(found: list[LabInfo]) -> None:
        arrived_on.append(QThread.currentThread())
        results.append(found)

    page = QWidget()
    qtbot.addWidget(page)
    job = client.submit(labs, "Müller")
    assert running_jobs() == 0  # nothing runs before then()
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.then(got, busy=page)
        assert is_busy(page) and page.cursor().shape() == Qt.CursorShape.BusyCursor
    assert [lab.name for lab in results[0]] == ["Zahntechnik Müller GmbH"]
    assert ran_on[0] is not gui_thread and arrived_on == [gui_thread]
    assert not is_busy(page) and running_jobs() == 0


def test_a_typed_error_comes_back_as_itself(qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []
    job = client.submit(order_detail.get_order, 999)
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        job.then(lambda _detail: pytest.fail("no such order"), errors.append)
    assert isinstance(errors[0], NotFound) and failed.args == [errors[0]]


def test_a_refusal_without_an_error_callback_is_shown(
        qtbot, client_for, world: World, boxes: MessageBoxes) -> None:  # type: ignore[no-untyped-def]
    order = new_order(world)
    technician = client_for(Role.TECHNICIAN)
    job = technician.submit(orders.cancel, order.id, order.version, "no")
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.then(lambda _detail: pytest.fail("a technician cannot cancel"))
    assert any("does not allow" in text or "not allowed" in text.lower()
               for text in boxes.texts("warning")), boxes.shown


def test_cancel_reaches_the_work_through_its_progress_report(
        qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    started = threading.Event()
    steps: list[int] = []

    def work(control: JobControl) -> str:
        started.set()
        for step in range(1000):
            if not control.progress(step, 1000):
                return "stopped"
            steps.append(step)
            if step == 1:
                control_ready.wait(10)
        return "finished"

    control_ready = threading.Event()
    job = client.background(work)
    outcome: list[str] = []
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.then(outcome.append)
        assert started.wait(10)
        job.cancel()
        control_ready.set()
    assert outcome == ["stopped"] and job.cancelled and len(steps) < 1000


def test_a_page_closed_before_the_answer_is_not_called(qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    page = QWidget()
    called: list[object] = []
    job = client.submit(masterdata.list_labs, "")
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.then(called.append, busy=page)
        shiboken6.delete(page)  # closed at once, while the answer is on its way
    assert called == [] and running_jobs() == 0


def test_the_relay_delivers_bus_changes_from_any_thread_on_the_gui_thread(
        qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    relay = ChangeRelay.of(client)
    assert ChangeRelay.of(client) is relay  # one per bus
    bus = client.bus
    assert bus is not None
    change = Change(ChangeKind.REMINDER, (1,), None, None)
    worker = threading.Thread(target=bus.publish, args=([change],))
    with qtbot.waitSignal(relay.changed, timeout=5_000) as heard:
        worker.start()
    worker.join()
    assert heard.args == [(change,)]


def test_two_views_of_one_order_stay_the_same(qtbot, client: ServiceClient,  # type: ignore[no-untyped-def]
                                              world: World, boxes: MessageBoxes) -> None:
    order = new_order(world)
    first = OrderDetailView(client, order.id)
    second = OrderDetailView(client, order.id)
    for view in (first, second):
        qtbot.addWidget(view)
        view.show()
    settle(qtbot)
    qtbot.mouseClick(first.header.primary, Qt.MouseButton.LeftButton)  # Publish
    qtbot.waitUntil(lambda: second.detail.status is OrderStatus.PUBLISHED)
    settle(qtbot)
    assert first.detail == second.detail
    assert second.header.primary.text() == "Start production"


def test_the_finance_page_is_refreshed_by_a_payment_made_elsewhere(
        qtbot, client: ServiceClient, world: World) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from dentasync_desktop.domain.dto import PaymentInput
    from dentasync_desktop.domain.enums import PaymentMethod
    from dentasync_desktop.domain.money import Money

    order = new_order(world)
    order = orders.publish(world.uow(), world.admin, order.id, order.version)
    page = FinancePage(client)
    qtbot.addWidget(page)
    page.show()
    page.set_period(Period.ALL)
    settle(qtbot)
    paid = {s.currency: s.paid.minor for s in page.summary.per_currency}.get("EUR", 0)
    payments.record_payment(world.uow(), world.admin, order.id,
                            PaymentInput(date(2026, 11, 20), Money(1000, "EUR"),
                                         PaymentMethod.CASH))
    qtbot.waitUntil(lambda: {s.currency: s.paid.minor
                             for s in page.summary.per_currency}.get("EUR") == paid + 1000)
    settle(qtbot)
    page.hide()
    payments.record_payment(world.uow(), world.admin, order.id,
                            PaymentInput(date(2026, 11, 20), Money(500, "EUR"),
                                         PaymentMethod.CASH))
    settle(qtbot)
    assert page._outdated  # hidden: marked, queried when shown again
    page.show()
    qtbot.waitUntil(lambda: {s.currency: s.paid.minor
                             for s in page.summary.per_currency}.get("EUR") == paid + 1500)
    settle(qtbot)


def test_the_job_fixture_would_catch_a_job_left_running(qtbot, client: ServiceClient) -> None:  # type: ignore[no-untyped-def]
    release = threading.Event()
    job = client.background(lambda _control: release.wait(10))
    job.then()
    assert running_jobs() == 1  # the autouse no_job_left_behind fixture fails such a test
    release.set()
    settle(qtbot)
    assert running_jobs() == 0


def test_a_permission_error_keeps_its_type(qtbot, client_for, world: World) -> None:  # type: ignore[no-untyped-def]
    errors: list[BaseException] = []
    job = client_for(Role.TECHNICIAN).submit(masterdata.delete_lab, world.lab_id)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.then(on_error=errors.append)
    assert isinstance(errors[0], PermissionDenied)
