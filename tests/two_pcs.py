"""Two PCs on one PostgreSQL database, for real: two app processes with two data folders.

PC 1 runs the real main window (offscreen), signed in, with the order list sorted newest first
and the Today board built; it reports what they show as lines on stdout. PC 2 is a second app
process that creates orders and records payments through the services when told on stdin.
``measure`` starts both, makes PC 2 create an order with an installment due and pay it off in
small payments, and times each from the moment PC 2 committed it to the moment PC 1's screens
show it: the new order in the list, then each payment in the open order, on the Today board and
in the list. Nobody presses F5: PostgreSQL's NOTIFY reaches PC 1's change bus.

    python -m tests.two_pcs observe|write URL DATA_DIR USERNAME PASSWORD   (one PC)

tests/integration/test_two_pcs.py asserts the latencies, bench/two_pcs.py prints them.
"""

from __future__ import annotations

import os
import queue
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parent.parent
TAG = "two-pcs"  # every line the drivers print for the other side starts with it
FALLBACK_POLL_MS = 200
INSTALLMENT_MINOR = 10_000  # the installment due: 100.00 EUR, paid off 1.00 at a time
PAYMENT_MINOR = 100
WAIT_S = 30.0  # how long the conductor waits for a line before it gives up


# --- the two app processes -------------------------------------------------------------------

def _say(*words: object) -> None:
    print(TAG, *words, flush=True)


def _commands() -> Iterator[list[str]]:
    for line in sys.stdin:
        if line.strip():
            yield line.split()


def _run_pc(role: str, url: str, data_dir: str, username: str, password: str) -> int:
    """One PC: the app's own start-up (data folder, logging, open and migrate the database)."""
    from dentasync_desktop.app import AppContext, run

    def command(context: AppContext) -> int:
        from dentasync_desktop.services import users

        database = context.database()
        actor = users.sign_in(database.uow_factory(), username, password)
        if role == "observe":
            return _observe(context, actor)
        return _write(context, actor)

    return run(command, data_dir, database_url=url)


def _write(context: Any, actor: Any) -> int:
    """PC 2: "create LAB CUSTOMER PATIENT" and "pay ORDER MINOR" on stdin, each answered
    with the time (epoch seconds) just before the service was called."""
    from dentasync_desktop.domain.dto import ItemInput, OrderInput, PaymentInput, PaymentPlanInput
    from dentasync_desktop.domain.enums import PaymentMethod
    from dentasync_desktop.domain.money import Money
    from dentasync_desktop.services import orders, payments

    database = context.database()
    # The bus hears a unit of work right after it committed: when the others may first see it.
    database.bus.subscribe(lambda changes: _say(
        "committed", next((c.order_id for c in changes if c.order_id), 0), time.time()))
    factory = database.uow_factory
    _say("ready")
    for command, *args in _commands():
        started = time.time()
        if command == "create":
            lab, customer, patient = map(int, args)
            today = factory().today()
            plan = PaymentPlanInput(amount=Money(5 * INSTALLMENT_MINOR, "EUR"),
                                    method=PaymentMethod.BANK_TRANSFER, installments=5,
                                    first_due_date=today - timedelta(days=1))
            order = orders.create_order(factory(), actor, OrderInput(
                lab_id=lab, customer_id=customer, patient_id=patient,
                documented_at=today - timedelta(days=7), due_date=today + timedelta(days=7),
                currency="EUR", description="Two PCs", teeth=(11,),
                items=(ItemInput("Crown", 1, Money(5 * INSTALLMENT_MINOR, "EUR")),),
                payment_plan=plan))
            _say("created", order.id, started)
        elif command == "pay":
            order_id, minor = map(int, args)
            payments.record_payment(factory(), actor, order_id, PaymentInput(
                factory().today(), Money(minor, "EUR"), PaymentMethod.CASH))
            _say("paid", order_id, started, time.time())
        elif command == "quit":
            break
    return 0


def _observe(context: Any, actor: Any) -> int:
    """PC 1: the main window; "open ORDER" and "quit" on stdin. Prints "list ORDER PAID",
    "order ORDER PAID" and "today ORDER LEFT" (minor units) with the time each was first
    shown, whenever the list, the open order or the Today board shows something new."""
    from PySide6.QtCore import QObject, Qt, QTimer, Signal
    from PySide6.QtWidgets import QApplication

    from dentasync_desktop.gui.application import keep_settings_in, make_application
    from dentasync_desktop.gui.client import ServiceClient
    from dentasync_desktop.gui.main_window import MainWindow
    from dentasync_desktop.gui.order_list.model import COLUMNS
    from dentasync_desktop.gui.order_list.page import OrderListPage
    from dentasync_desktop.gui.today.page import TodayPage

    database = context.database()
    keep_settings_in(database.paths.config_dir)
    app = make_application()
    database.follow_other_pcs()
    database.bus.subscribe(lambda changes: [
        _say("heard", c.kind.value, c.order_id, time.time()) for c in changes])
    client = ServiceClient(database.uow_factory, actor, database.paths, database.paths.log_file)
    window = MainWindow(client, database.close)
    window.resize(1366, 768)
    window.show()
    today = window.page("today")
    orders = window.show_page("orders")
    assert isinstance(today, TodayPage) and isinstance(orders, OrderListPage)
    orders.table.sortByColumn([c.sort_key for c in COLUMNS].index("number"),
                              Qt.SortOrder.DescendingOrder)  # a new order comes first

    class Stdin(QObject):
        command = Signal(list)  # from the reading thread, queued to the GUI thread

    stdin = Stdin()
    shown: dict[tuple[str, int], int] = {}

    def report(where: str, order_id: int, minor: int) -> None:
        if shown.get((where, order_id)) != minor:
            shown[(where, order_id)] = minor
            _say(where, order_id, minor, time.time())

    def look() -> None:
        model = orders.model
        for row in range(min(model.rowCount(), 50)):
            line = model.loaded(row)
            if line is not None:
                report("list", line.id, line.paid.minor)
        for order_id, view in orders.tabs.details.items():
            if view.context.loaded:
                # What the Payments tab's "Paid" reads, not merely what was loaded.
                detail = view.context.detail
                if view.payments_tab.paid.text() == _money_text(detail.paid):
                    report("order", order_id, detail.paid.minor)
        if today.board is not None:
            card = today.cards["installments"]
            for row in range(card.model.rowCount()):
                entry = card.model.line(row)
                if entry.amount is not None:
                    report("today", entry.order_id, entry.amount.minor)

    def soon() -> None:
        QTimer.singleShot(0, look)  # after every slot of the signal has run

    def obey(words: list[str]) -> None:
        if words[0] == "open":
            window.open_order(int(words[1]))
            orders.tabs.details[int(words[1])].loaded.connect(soon)
        elif words[0] == "quit":
            window.close()
            app.quit()

    # Looked at when a screen says it changed, so the GUI thread is not kept busy polling
    # (and the time is when it changed); the slow poll only guards against a missed signal.
    for signal in (orders.model.modelReset, orders.model.dataChanged,
                   orders.model.rowsInserted, orders.model.reloaded, today.loaded):
        signal.connect(soon)
    stdin.command.connect(obey, Qt.ConnectionType.QueuedConnection)
    threading.Thread(target=lambda: [stdin.command.emit(w) for w in _commands()],
                     daemon=True).start()
    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(FALLBACK_POLL_MS)
    QTimer.singleShot(0, lambda: _say("ready"))
    code = app.exec()
    QApplication.processEvents()
    return code


def _money_text(amount: Any) -> str:
    from dentasync_desktop.gui.formatting import money

    return str(money(amount))


# --- the conductor ---------------------------------------------------------------------------

@dataclass
class Latencies:
    """Seconds from PC 2 committing a write to PC 1 showing it."""

    order_in_list: float = 0.0
    payment_in_order: list[float] = field(default_factory=list)
    payment_on_today: list[float] = field(default_factory=list)
    payment_in_list: list[float] = field(default_factory=list)
    # Where the time goes: PC 2's payment service from its start to its commit and to its
    # return (it reads the order back), and PC 1's bus hearing of it (NOTIFY, the listener).
    committing: list[float] = field(default_factory=list)
    written: list[float] = field(default_factory=list)
    heard: list[float] = field(default_factory=list)

    def rows(self) -> list[tuple[str, list[float]]]:
        """What PC 1 shows, each judged against the second."""
        return [("new order in PC 1's order list", [self.order_in_list]),
                ("payment in PC 1's open order", self.payment_in_order),
                ("payment on PC 1's Today board", self.payment_on_today),
                ("payment in PC 1's order list", self.payment_in_list)]

    @property
    def worst(self) -> float:
        return max(max(values) for _name, values in self.rows())

    def table(self) -> str:
        lines = [f"{'seconds':<40} {'n':>3} {'median':>9} {'max':>9}"]
        for name, values in [("PC 2's payment: start to commit", self.committing),
                             ("PC 2's payment: start to return", self.written),
                             ("commit to PC 1's bus hearing it", self.heard),
                             *(("commit to " + name, values) for name, values in self.rows())]:
            lines.append(f"{name:<40} {len(values):>3} {statistics.median(values) * 1000:>6.0f} ms"
                         f" {max(values) * 1000:>6.0f} ms")
        return "\n".join(lines)


class _Pc:
    """One driver process and the lines it prints, read on a thread of their own."""

    def __init__(self, role: str, url: str, data_dir: Path, username: str,
                 password: str) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
        env.pop("DENTASYNC_DATA_DIR", None)
        self.role = role
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.two_pcs", role, url, str(data_dir), username,
             password], cwd=ROOT, env=env, text=True, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        self.lines: queue.Queue[list[str]] = queue.Queue()
        self.waiting: list[list[str]] = []  # lines read while waiting for another one
        self.output: list[str] = []
        threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.output.append(line)
            if line.startswith(TAG + " "):
                self.lines.put(line.split()[1:])
        self.lines.put(["exited"])

    def send(self, *words: object) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(" ".join(map(str, words)) + "\n")
        self.process.stdin.flush()

    def wait_for(self, *prefix: str, since: float = 0.0) -> list[str]:
        """The first line that starts with ``prefix`` and was printed at ``since`` or later
        (its last word is the time); the others stay for later waits."""
        def matches(words: list[str]) -> bool:
            return words[:len(prefix)] == list(prefix) and (
                not since or float(words[-1]) >= since)

        for words in self.waiting:
            if matches(words):
                self.waiting.remove(words)
                return words
        deadline = time.monotonic() + WAIT_S
        while (left := deadline - time.monotonic()) > 0:
            try:
                words = self.lines.get(timeout=left)
            except queue.Empty:
                break
            if words == ["exited"]:
                raise AssertionError(f"PC {self.role} ended:\n{''.join(self.output)}")
            if matches(words):
                return words
            self.waiting.append(words)
        raise AssertionError(f"PC {self.role} did not show {prefix} in {WAIT_S:.0f} s:\n"
                             f"{''.join(self.output[-40:])}")

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                self.send("quit")
                self.process.wait(timeout=15)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()


@contextmanager
def _started(role: str, url: str, data_dir: Path, username: str,
             password: str) -> Iterator[_Pc]:
    pc = _Pc(role, url, data_dir, username, password)
    try:
        pc.wait_for("ready")
        yield pc
    finally:
        pc.stop()


def measure(url: str, workdir: Path, username: str, password: str,
            parties: tuple[int, int, int], payments: int) -> Latencies:
    """Two PCs on the database at ``url`` (data folders in ``workdir``), signed in as
    ``username``; PC 2 creates an order for (lab, customer, patient) and records
    ``payments`` payments on it (at most 99)."""
    assert 0 < payments < INSTALLMENT_MINOR // PAYMENT_MINOR
    latencies = Latencies()
    with _started("observe", url, workdir / "pc1", username, password) as pc1, \
            _started("write", url, workdir / "pc2", username, password) as pc2:
        pc2.send("create", *parties)
        _, order, started = pc2.wait_for("created")
        committed = float(pc2.wait_for("committed", order, since=float(started))[-1])
        latencies.order_in_list = float(pc1.wait_for("list", order, "0")[-1]) - committed
        pc1.send("open", order)
        pc1.wait_for("order", order, "0")
        pc1.wait_for("today", order, str(INSTALLMENT_MINOR))
        for paid in range(PAYMENT_MINOR, (payments + 1) * PAYMENT_MINOR, PAYMENT_MINOR):
            pc2.send("pay", order, PAYMENT_MINOR)
            _, _, begun, returned = pc2.wait_for("paid")
            start = float(pc2.wait_for("committed", order, since=float(begun))[-1])
            latencies.committing.append(start - float(begun))
            latencies.written.append(float(returned) - float(begun))
            for shown, where in ((pc1.wait_for("heard", "payment", order, since=float(begun)),
                                  latencies.heard),
                                 (pc1.wait_for("order", order, str(paid)),
                                  latencies.payment_in_order),
                                 (pc1.wait_for("today", order, str(INSTALLMENT_MINOR - paid)),
                                  latencies.payment_on_today),
                                 (pc1.wait_for("list", order, str(paid)),
                                  latencies.payment_in_list)):
                where.append(float(shown[-1]) - start)
    return latencies


if __name__ == "__main__":
    sys.exit(_run_pc(*sys.argv[1:6]))
