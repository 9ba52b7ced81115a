"""Several processes writing to ONE database at once: nothing may fail raw or get lost.

    uv run python bench/concurrent_writers.py                 # 4 processes x 60 s
    uv run python bench/concurrent_writers.py --seconds 10 --json
    uv run python bench/concurrent_writers.py --attempts 25 --json  # 25 writes each, then stop
    uv run python bench/concurrent_writers.py --database-url postgresql+psycopg://...
    uv run python bench/concurrent_writers.py --create-orders 500 --database-url ...

The database is a new SQLite file, or the empty PostgreSQL database at --database-url.

Each process records small payments and edits orders (reloading and trying again when its copy
is stale, as a user would) on the same few orders. Afterwards the stored data are compared with
what the processes were told had succeeded:

- unhandled: errors other than the app's typed refusals (a raw "database is locked" counts here);
- busy: "The database is busy, please try again." shown to the user (allowed, but reported);
- lost: acknowledged payments or edits missing from the file, or an order whose paid amount
  disagrees with its payments.

With --attempts N each process stops after N writes (acknowledged or refused) rather than after
--seconds: the same writes whatever the machine's load, as a test wants.

With --create-orders N each process instead creates N orders as fast as it can; every order
must get its own number, and the numbers must have no gaps (``numbers``).

The exit status is 1 when anything was unhandled or lost.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from dentasync_desktop.db.models import (
    ActivityEntry,
    Customer,
    DentalLab,
    Patient,
    Payment,
    User,
    WorkOrder,
)
from dentasync_desktop.domain.dto import Actor, ItemInput, OrderInput, PaymentInput
from dentasync_desktop.domain.enums import PaymentMethod, Role
from dentasync_desktop.domain.errors import ConcurrencyError, DatabaseBusy
from dentasync_desktop.domain.money import Money
from dentasync_desktop.paths import AppPaths, resolve_paths
from dentasync_desktop.services.maintenance import Database, connect_database, open_database
from dentasync_desktop.services.order_detail import get_order
from dentasync_desktop.services.orders import create_order, edit_order
from dentasync_desktop.services.payments import record_payment

ORDERS = 6
PAID_ON = date(2026, 1, 15)
ORDER_TOTAL = Money(10**11, "EUR")  # large enough that the small payments never use it up
# Every writer waits here, connected, until all are: the clock starts when the last one has
# spawned and loaded the app, so the whole run is spent writing at once.
_start_together: Any = None


@dataclass
class Tally:
    """What one process was told: acknowledged writes and every kind of failure."""

    attempts: int = 0
    payments: int = 0
    paid_minor: int = 0
    edits: int = 0
    stale: int = 0
    busy: int = 0
    unhandled: int = 0
    unhandled_examples: list[str] = field(default_factory=list)
    created: int = 0


def _paths(folder: Path, url: str | None) -> AppPaths:
    return resolve_paths(folder, database_url=url).create()


def _prepare(folder: Path, url: str | None, migrated: Path | None = None) -> Actor:
    paths = _paths(folder, url)
    if migrated is None:
        database = open_database(paths)
    else:
        shutil.copyfile(migrated, paths.database)
        database = connect_database(paths)
    try:
        with database.uow_factory() as uow:
            user = User(username="bench", full_name="Bench Writer", role=Role.ADMIN,
                        password_hash="!")
            lab, customer = DentalLab(name="Bench Lab"), Customer(name="Dr. Bench")
            patient = Patient(first_name="Pat", last_name="Bench")
            uow.session.add_all([user, lab, customer, patient])
            uow.session.flush()
            ids = user.id, lab.id, customer.id, patient.id
            uow.commit()
        actor = Actor(user_id=ids[0], username="bench", full_name="Bench Writer", role=Role.ADMIN)
        for _ in range(ORDERS):
            create_order(database.uow_factory(), actor, _order_input(ids[1:], "start"))
        return actor
    finally:
        database.close()


def _order_input(ids: tuple[int, ...], description: str) -> OrderInput:
    lab_id, customer_id, patient_id = ids
    return OrderInput(lab_id=lab_id, customer_id=customer_id, patient_id=patient_id,
                      documented_at=PAID_ON, due_date=None, currency="EUR",
                      description=description,
                      items=(ItemInput(description="Crown", quantity=1, unit_price=ORDER_TOTAL),))


def _worker(folder: str, url: str | None, actor: Actor, seconds: float, seed: int,
            create: int, attempts: int) -> Tally:
    rng = random.Random(seed)
    tally = Tally()
    database = connect_database(_paths(Path(folder), url))
    try:
        order_ids = _order_ids(database)
        parties = _parties(database, order_ids[0])
        _start_together.wait(timeout=300)
        deadline = time.monotonic() + seconds

        def going_on() -> bool:
            if create:
                return tally.created < create
            if attempts:
                return tally.attempts < attempts
            return time.monotonic() < deadline

        while going_on():
            tally.attempts += 1
            order_id = rng.choice(order_ids)
            try:
                if create:
                    create_order(database.uow_factory(), actor,
                                 _order_input(parties, f"created by {seed}"))
                    tally.created += 1
                elif rng.random() < 0.5:
                    amount = rng.randint(1, 10_000)
                    record_payment(database.uow_factory(), actor, order_id,
                                   PaymentInput(PAID_ON, Money(amount, "EUR"), PaymentMethod.CASH))
                    tally.payments += 1
                    tally.paid_minor += amount
                else:
                    _edit(database, actor, order_id, f"edit {seed}-{tally.attempts}")
                    tally.edits += 1
            except ConcurrencyError:
                tally.stale += 1
            except DatabaseBusy:
                tally.busy += 1
            except Exception:  # counting these is the point of the run
                tally.unhandled += 1
                if len(tally.unhandled_examples) < 3:
                    tally.unhandled_examples.append(traceback.format_exc(limit=2))
    finally:
        database.close()
    return tally


def _wait_at(barrier: Any) -> None:
    global _start_together
    _start_together = barrier


def _parties(database: Database, order_id: int) -> tuple[int, int, int]:
    with database.uow_factory().reading() as uow:
        order = uow.session.get_one(WorkOrder, order_id)
        return order.lab_id, order.customer_id, order.patient_id


def _order_ids(database: Database) -> list[int]:
    with database.uow_factory().reading() as uow:
        return list(uow.session.scalars(select(WorkOrder.id)))


def _edit(database: Database, actor: Actor, order_id: int, description: str) -> None:
    """Reload the order, then save it with a new description (a stale copy is refused)."""
    detail = get_order(database.uow_factory(), actor, order_id)
    data = _order_input((detail.lab.id, detail.customer.id, detail.patient.id), description)
    edit_order(database.uow_factory(), actor, order_id, detail.version, data)


def _stored(folder: Path, url: str | None) -> dict[str, int]:
    database = connect_database(_paths(folder, url))
    try:
        with database.uow_factory().reading() as uow:
            s = uow.session
            payments = s.scalar(select(func.count(Payment.id))) or 0
            paid = s.scalar(select(func.coalesce(func.sum(Payment.amount_minor), 0))) or 0
            edits = s.scalar(select(func.count(ActivityEntry.id))
                             .where(ActivityEntry.action == "edit")) or 0
            mismatched = 0
            for order in s.scalars(select(WorkOrder)):
                counted = s.scalar(select(func.coalesce(func.sum(Payment.amount_minor), 0))
                                   .where(Payment.order_id == order.id)) or 0
                mismatched += counted != order.paid_minor
            numbers = list(s.scalars(select(WorkOrder.number)))
            return {"payments": payments, "paid_minor": paid, "edits": edits,
                    "orders_paid_mismatch": mismatched, "orders": len(numbers),
                    "distinct_numbers": len(set(numbers)),
                    "number_gaps": max(numbers) - min(numbers) + 1 - len(set(numbers))}
    finally:
        database.close()


def run(processes: int, seconds: float, folder: Path, url: str | None = None,
        create: int = 0, migrated: Path | None = None, attempts: int = 0) -> dict[str, object]:
    # Each writer is a fresh program, as a second copy of the app would be: started before this
    # process opens the database, it holds the loaded app and nothing else. Forked on Linux:
    # spawning loaded the app in every writer, ~0.45 s of CPU each. Spawned elsewhere, where
    # forking is unsafe (macOS) or missing (Windows).
    start = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with start.Pool(processes, _wait_at, (start.Barrier(processes),)) as pool:
        actor = _prepare(folder, url, migrated)
        started = time.perf_counter()
        tallies = pool.starmap(_worker, [(str(folder), url, actor, seconds, seed, create,
                                          attempts) for seed in range(processes)])
    elapsed = time.perf_counter() - started
    told = Tally()
    for tally in tallies:
        for name in ("attempts", "payments", "paid_minor", "edits", "stale", "busy", "unhandled",
                     "created"):
            setattr(told, name, getattr(told, name) + getattr(tally, name))
        told.unhandled_examples += tally.unhandled_examples
    stored = _stored(folder, url)
    lost = (told.payments - stored["payments"]) + (told.edits - stored["edits"])
    lost += stored["orders_paid_mismatch"] + (told.paid_minor != stored["paid_minor"])
    lost += told.created + ORDERS - stored["orders"]
    return {"processes": processes, "seconds": seconds, **asdict(told), "stored": stored,
            "lost": lost, "elapsed": round(elapsed, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--attempts", type=int, default=0, metavar="N",
                        help="each process stops after N writes instead of after --seconds")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--database-url", metavar="URL",
                        help="an empty PostgreSQL database to write to instead of a new file")
    parser.add_argument("--create-orders", type=int, default=0, metavar="N",
                        help="each process creates N orders instead of paying and editing")
    parser.add_argument("--migrated", type=Path, metavar="FILE",
                        help="start from a copy of FILE, an empty SQLite database at the newest "
                             "schema, instead of migrating a new one (the tests pass theirs)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dentasync-writers-") as temp:
        figures = run(args.processes, args.seconds, Path(temp) / "data", args.database_url,
                      args.create_orders, args.migrated, args.attempts)
    if args.json:
        print(json.dumps(figures))
    else:
        for name in ("processes", "seconds", "attempts", "payments", "edits", "created",
                     "stale", "busy", "unhandled", "lost", "elapsed"):
            print(f"{name:>18}: {figures[name]:,}")
        for name, value in figures["stored"].items():  # type: ignore[attr-defined]
            print(f"{name:>18}: {value:,}")
        for example in figures["unhandled_examples"]:  # type: ignore[attr-defined]
            print(example, file=sys.stderr)
    failed = figures["unhandled"] or figures["lost"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
