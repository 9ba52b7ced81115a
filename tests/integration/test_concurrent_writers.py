"""Several writers on one database file: they queue for the write lock, readers never wait."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dentasync_desktop.db import engine as engine_module
from dentasync_desktop.domain.dto import PaymentInput
from dentasync_desktop.domain.enums import PaymentMethod
from dentasync_desktop.domain.errors import DatabaseBusy
from dentasync_desktop.domain.money import Money
from dentasync_desktop.services.maintenance import Database, connect_database
from dentasync_desktop.services.order_detail import get_order
from dentasync_desktop.services.orders import create_order
from dentasync_desktop.services.payments import record_payment

from ..factories import World
from .helpers import refused

# SQLite's write lock; test_postgresql.py runs the same writers against a server.
pytestmark = pytest.mark.sqlite_only

BENCH = Path(__file__).resolve().parents[2] / "bench" / "concurrent_writers.py"


@pytest.fixture
def order_id(world: World) -> int:
    return create_order(world.uow(), world.admin, world.order_input()).id


@pytest.fixture
def write_lock(database: Database, order_id: int) -> Iterator[sqlite3.Connection]:
    """Another program holding the write lock of the same file (taken after the order exists)."""
    other = sqlite3.connect(database.paths.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.execute("ROLLBACK")
    other.close()


@pytest.mark.starts_first
def test_four_processes_writing_at_once_lose_nothing_and_see_no_raw_lock_error(
    migrated_template: Path,
) -> None:
    # The writers start together once all four are up (the bench's barrier), and each makes 25
    # writes: 100 writes of four writers queueing for one file, a few of them refused as stale
    # (3-5 in a run), i.e. really interleaved. Counted rather than timed: two seconds of
    # writing were ~300 writes and 2 s of CPU on an idle machine, and as few as 13 writes on a
    # loaded one. The bench starts from the session's migrated file rather than migrating one
    # of its own.
    run = subprocess.run([sys.executable, str(BENCH), "--processes", "4", "--attempts", "25",
                          "--migrated", str(migrated_template), "--json"],
                         capture_output=True, text=True, timeout=300, check=False)
    figures = json.loads(run.stdout)
    assert figures["unhandled"] == 0, figures["unhandled_examples"]
    assert figures["lost"] == 0, figures
    assert figures["busy"] == 0, figures
    assert figures["attempts"] == 100 and figures["payments"] > 0 and figures["edits"] > 0
    assert figures["stored"]["payments"] == figures["payments"]
    assert run.returncode == 0


def test_a_writer_gives_up_after_its_retries_with_a_clear_message(
    world: World, database: Database, order_id: int, write_lock: sqlite3.Connection,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    impatient = connect_database(database.paths)
    try:
        with refused(world, DatabaseBusy, "The database is busy, please try again."):
            record_payment(impatient.uow_factory(), world.admin, order_id,
                           PaymentInput(date(2026, 11, 3), Money(100, "EUR"), PaymentMethod.CASH))
    finally:
        impatient.close()


def test_reading_takes_no_write_lock(
    world: World, order_id: int, write_lock: sqlite3.Connection
) -> None:
    assert get_order(world.uow(), world.admin, order_id).id == order_id
