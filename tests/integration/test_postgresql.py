"""What only a PostgreSQL server does: several PCs at once, the writers' and migration locks."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from dentasync_desktop.db import engine as engine_module
from dentasync_desktop.db.revisions import current_revision, head_revision
from dentasync_desktop.db.server import engine_url
from dentasync_desktop.domain.dto import OrderFilter, PaymentInput
from dentasync_desktop.domain.enums import PaymentMethod
from dentasync_desktop.domain.error_text import problem_words
from dentasync_desktop.domain.errors import DatabaseBusy, DatabaseProblem
from dentasync_desktop.domain.money import Money
from dentasync_desktop.paths import AppPaths, bundled, resolve_paths
from dentasync_desktop.services import maintenance
from dentasync_desktop.services.maintenance import Database, connect_database, open_database
from dentasync_desktop.services.order_detail import get_order
from dentasync_desktop.services.order_list import orders_after
from dentasync_desktop.services.orders import create_order
from dentasync_desktop.services.payments import record_payment

from ..factories import World
from .helpers import refused

pytestmark = pytest.mark.postgresql

BENCH = Path(__file__).resolve().parents[2] / "bench" / "concurrent_writers.py"


def _bench(app_paths: AppPaths, *options: str) -> dict[str, object]:
    assert app_paths.database_url is not None
    run = subprocess.run(
        [sys.executable, str(BENCH), "--processes", "4", "--json",
         "--database-url", app_paths.database_url, *options],
        capture_output=True, text=True, timeout=600, check=False)
    assert run.stdout, run.stderr
    figures: dict[str, object] = json.loads(run.stdout)
    assert run.returncode == 0, figures
    return figures


def test_four_pcs_creating_500_orders_each_get_2000_distinct_gap_free_numbers(
    app_paths: AppPaths,
) -> None:
    figures = _bench(app_paths, "--create-orders", "500")
    assert figures["unhandled"] == 0, figures["unhandled_examples"]
    assert figures["created"] == 2000 and figures["busy"] == 0, figures
    stored = figures["stored"]
    assert isinstance(stored, dict)
    # The bench's six starting orders plus 2,000, numbered 1 to 2,006 without a gap.
    assert stored["orders"] == stored["distinct_numbers"] == 2006
    assert stored["number_gaps"] == 0


def test_four_pcs_paying_and_editing_at_once_lose_nothing(app_paths: AppPaths) -> None:
    figures = _bench(app_paths, "--seconds", "10")
    assert figures["unhandled"] == 0, figures["unhandled_examples"]
    assert figures["lost"] == 0 and figures["busy"] == 0, figures
    assert figures["payments"] and figures["edits"]


@pytest.fixture
def order_id(world: World) -> int:
    return create_order(world.uow(), world.admin, world.order_input()).id


def test_a_writer_waiting_too_long_for_another_pc_gets_a_clear_message(
    world: World, database: Database, order_id: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert database.paths.database_url is not None
    other = create_engine(engine_url(database.paths.database_url))
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    try:
        with other.connect() as holder:
            holder.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                           {"key": engine_module.WRITE_LOCK_KEY})
            with refused(world, DatabaseBusy, "The database is busy, please try again."):
                record_payment(world.uow(), world.admin, order_id,
                               PaymentInput(date(2026, 11, 3), Money(100, "EUR"),
                                            PaymentMethod.CASH))
            # Readers take no lock: the other PC's open order still shows.
            assert get_order(world.uow(), world.admin, order_id).id == order_id
            holder.rollback()
    finally:
        other.dispose()


def test_two_pcs_starting_at_once_migrate_the_empty_database_once(
    app_paths: AppPaths, tmp_path: Path,
) -> None:
    second = replace(resolve_paths(tmp_path / "second").create(),
                     database_url=app_paths.database_url)
    opened: list[Database] = []
    failures: list[BaseException] = []

    def start(paths: AppPaths) -> None:
        try:
            opened.append(open_database(paths))
        except BaseException as error:  # reported below
            failures.append(error)

    threads = [threading.Thread(target=start, args=(p,)) for p in (app_paths, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    try:
        assert not failures, failures
        assert len(opened) == 2
        assert current_revision(opened[0].engine) == head_revision(bundled("migrations"))
        with opened[0].engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    finally:
        for database in opened:
            database.close()


def test_a_database_from_a_newer_version_is_refused_and_check_says_so(
    database: Database,
) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    paths = database.paths
    database.close()
    with pytest.raises(DatabaseProblem, match="written by a newer version"):
        open_database(paths)
    report = maintenance.check(paths)
    assert report.problems == ({"code": "problem.schema_not_at_head", "schema": "9999_future",
                                "head": head_revision(bundled("migrations"))},)


def test_check_finds_a_missing_trigger_and_money_that_disagrees(
    world: World, database: Database, order_id: int,
) -> None:
    record_payment(world.uow(), world.admin, order_id,
                   PaymentInput(date(2026, 11, 3), Money(100, "EUR"), PaymentMethod.CASH))
    assert maintenance.check(database.paths).ok
    with database.engine.begin() as connection:
        connection.execute(text("DROP TRIGGER activity_no_delete ON activity"))
        connection.execute(text("DROP TRIGGER order_search_sync_update ON work_orders"))
        connection.execute(text("UPDATE work_orders SET paid_minor = 5"))
    problems = maintenance.check(database.paths).problems
    assert problem_words(problems[0]) == (
        "triggers missing: activity_no_delete, order_search_sync_update")
    assert "stored paid amount disagrees with their payments" in problem_words(problems[1])


def test_the_search_trigger_looks_words_up_by_index_however_small_the_tables_look(
    database: Database,
) -> None:
    # Planned by statistics, a new database's trigger hashed the whole word table for every
    # order inserted: filling 100,000 orders (migrate-to, the seeder) ran for hours.
    with database.engine.connect() as connection:
        settings = connection.execute(text(
            "SELECT proconfig FROM pg_proc WHERE proname = 'order_search_sync'")).scalar_one()
    assert sorted(settings) == ["enable_hashjoin=off", "enable_mergejoin=off",
                                "enable_seqscan=off"]


def test_list_pages_are_planned_once_and_searches_for_their_words_every_time(
    world: World, database: Database, order_id: int,
) -> None:
    database.engine.dispose()  # one pooled connection: the one that ran the pages
    for _ in range(12):
        orders_after(world.uow(), world.admin, OrderFilter(), None, 50)
        orders_after(world.uow(), world.admin, OrderFilter(text="crown"), None, 50)
    with database.engine.connect() as connection:
        prepared = connection.execute(text(
            "SELECT statement, generic_plans FROM pg_prepared_statements")).all()
    pages = [plans for statement, plans in prepared if "FROM work_orders" in statement]
    # psycopg's prepare_threshold None would have silently prepared nothing at all.
    assert pages and pages[0] > 0, prepared
    assert not [statement for statement, _plans in prepared if "search_text" in statement]


def test_a_new_data_folder_on_the_server_sees_the_same_orders(
    world: World, database: Database, order_id: int, tmp_path: Path,
) -> None:
    elsewhere = connect_database(replace(resolve_paths(tmp_path / "pc2").create(),
                                         database_url=database.paths.database_url))
    try:
        seen = get_order(elsewhere.uow_factory(), world.admin, order_id)
        assert seen.number == get_order(world.uow(), world.admin, order_id).number
    finally:
        elsewhere.close()


def test_an_action_after_the_server_closed_an_idle_connection_works(
    world: World, database: Database, order_id: int,
) -> None:
    """Pooled connections are not pinged before each use (a round trip each time): one the
    server ended while it sat idle (a restart, an administrator) is noticed and replaced."""
    seen = get_order(world.uow(), world.admin, order_id)
    assert database.paths.database_url is not None
    admin = create_engine(engine_url(database.paths.database_url))
    try:
        with admin.connect() as connection:
            ended = connection.execute(text(
                "SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()")).scalar()
    finally:
        admin.dispose()
    assert ended

    record_payment(world.uow(), world.admin, order_id, PaymentInput(
        date(2026, 11, 3), Money(100, "EUR"), PaymentMethod.CASH))
    assert get_order(world.uow(), world.admin, order_id).paid == Money(100, seen.paid.currency)
