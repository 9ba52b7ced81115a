"""Migrations on real databases (SQLite files, or PostgreSQL with DENTASYNC_TEST_PG): schema,
one head, triggers, refusing newer databases, every past version upgrading with its data."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import exc, inspect, text

from dentasync_desktop.db.backup import list_backups
from dentasync_desktop.db.engine import make_engine
from dentasync_desktop.db.health import stored_revision
from dentasync_desktop.db.migrate import alembic_config
from dentasync_desktop.db.models import Base
from dentasync_desktop.db.models.totals import is_derived_table
from dentasync_desktop.db.revisions import current_revision, head_revision
from dentasync_desktop.domain.errors import DatabaseProblem
from dentasync_desktop.paths import AppPaths, bundled
from dentasync_desktop.services.maintenance import Database, open_database

MIGRATIONS = bundled("migrations")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_sql(path: Path, sql: str) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(sql)
        conn.commit()


def execute(paths: AppPaths, sql: str) -> None:
    """``sql`` on the closed database of ``paths``, whichever engine it is on."""
    engine = make_engine(paths.database, paths.database_url)
    try:
        with engine.begin() as connection:
            connection.execute(text(sql))
    finally:
        engine.dispose()


def revision_of(paths: AppPaths) -> str | None:
    engine = make_engine(paths.database, paths.database_url)
    try:
        return current_revision(engine)
    finally:
        engine.dispose()


def downgrade_to_base(database: Database) -> None:
    config = alembic_config(MIGRATIONS)
    with database.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
        connection.commit()


def test_upgrade_from_empty_creates_every_table(database: Database) -> None:
    tables = {name for name in inspect(database.engine).get_table_names()
              if not is_derived_table(name)}

    assert tables == set(Base.metadata.tables) | {"alembic_version"}
    assert current_revision(database.engine) == head_revision(MIGRATIONS)


def test_models_match_the_migrations(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True,
            "include_name": lambda name, kind, _parent: not (kind in ("table", "index")
                                                             and is_derived_table(name))})
        differences = compare_metadata(context, Base.metadata)

    assert differences == []


def test_migrations_form_one_linear_history() -> None:
    script = ScriptDirectory.from_config(alembic_config(MIGRATIONS))
    revisions = list(script.walk_revisions())

    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1
    assert all(not isinstance(rev.down_revision, tuple) for rev in revisions)
    files = [p for p in (MIGRATIONS / "versions").glob("*.py") if p.name != "__init__.py"]
    assert len(revisions) == len(files)


def test_activity_log_refuses_update_and_delete(database: Database) -> None:
    with database.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO activity (at, actor_name, action, entity, summary, before, after) "
            "VALUES ('2026-11-20 10:00:00', 'Ana', 'create', 'order', 'created', '', '')"))

    for statement in ("UPDATE activity SET summary = 'rewritten'", "DELETE FROM activity"):
        with pytest.raises(exc.DatabaseError, match="append-only"), \
                database.engine.begin() as conn:
            conn.execute(text(statement))

    with database.engine.connect() as conn:
        assert conn.execute(text("SELECT summary FROM activity")).scalars().all() == ["created"]


@pytest.mark.sqlite_only  # test_postgresql.py has the server's
def test_newer_database_is_refused_and_left_untouched(app_paths: AppPaths) -> None:
    open_database(app_paths).close()
    run_sql(app_paths.database, "UPDATE alembic_version SET version_num = '9999_from_future'")
    before = sha256(app_paths.database)

    with pytest.raises(DatabaseProblem, match="newer version of Dentasync Desktop"):
        open_database(app_paths)

    assert sha256(app_paths.database) == before
    assert stored_revision(app_paths.database) == "9999_from_future"
    assert list_backups(app_paths.backups_dir) == []


@pytest.mark.sqlite_only  # a server is backed up with pg_dump
def test_an_out_of_date_database_is_backed_up_before_migrating(app_paths: AppPaths) -> None:
    old = open_database(app_paths)
    downgrade_to_base(old)
    old.close()

    upgraded = open_database(app_paths)
    upgraded.close()

    [made] = list_backups(app_paths.backups_dir)
    assert "before-upgrade" in made.name
    assert stored_revision(made) is None
    assert stored_revision(app_paths.database) == head_revision(MIGRATIONS)


@pytest.mark.sqlite_only
def test_an_up_to_date_database_is_not_backed_up_again_while_a_backup_is_fresh(
    app_paths: AppPaths,
) -> None:
    open_database(app_paths).close()
    open_database(app_paths).close()  # first reopen: no backup yet, so one is due
    open_database(app_paths).close()

    [made] = list_backups(app_paths.backups_dir)
    assert "auto" in made.name


def revisions_oldest_first() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config(MIGRATIONS))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


@pytest.mark.parametrize("start", revisions_oldest_first()[:-1])
def test_every_past_version_upgrades_with_its_data(database: Database, start: str) -> None:
    """A database left at any earlier release reaches head with its orders intact. It starts
    from the session's migrated copy: migrating a new file to head first cost each case
    another 0.05-0.1 s."""
    app_paths = database.paths
    config = alembic_config(MIGRATIONS)
    with database.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, start)
        connection.commit()
    database.close()
    execute(app_paths, "INSERT INTO dental_labs (name, contact_person, phone, email, "
            "address, default_turnaround_days, account_holder, bank_name, iban, bic, "
            "payment_note, active) VALUES ('Lab Ørsted', '', '', '', '', 7, '', '', '', '', "
            "'', TRUE)")

    upgraded = open_database(app_paths)
    with upgraded.engine.connect() as connection:
        names = connection.execute(text("SELECT name FROM dental_labs")).scalars().all()
    upgraded.close()

    assert names == ["Lab Ørsted"]
    assert revision_of(app_paths) == head_revision(MIGRATIONS)


def test_0004_fills_the_lab_times_from_the_activity_log(world, database: Database) -> None:  # type: ignore[no-untyped-def]
    """Orders delivered before the scorecard existed get their times from the activity log."""
    from dentasync_desktop.services import orders

    from .helpers import new_order

    order = new_order(world)
    for step in (orders.publish, orders.start_production, orders.produce):
        order = step(world.uow(), world.admin, order.id, order.version)
    order = orders.ship(world.uow(), world.admin, order.id, order.version, "DHL")
    orders.deliver(world.uow(), world.admin, order.id, order.version)
    config = alembic_config(MIGRATIONS)
    with database.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
        command.upgrade(config, "head")
        connection.commit()
    with database.engine.connect() as connection:
        row = connection.execute(text(
            "SELECT published_at IS NOT NULL, delivered_at IS NOT NULL, delivered_on, "
            "turnaround_minutes, main_service_id FROM work_orders")).one()
    published, delivered, delivered_on, minutes, service_id = row
    assert (published, delivered, str(delivered_on), minutes, service_id) == (
        True, True, "2026-11-20", 0, world.service_id)


def triggers_on_work_orders(database: Database) -> set[str]:
    with database.engine.connect() as connection:
        if connection.dialect.name == "postgresql":
            query = ("SELECT tgname FROM pg_trigger "
                     "WHERE tgrelid = 'work_orders'::regclass AND NOT tgisinternal")
        else:
            query = ("SELECT name FROM sqlite_master "
                     "WHERE type = 'trigger' AND tbl_name = 'work_orders'")
        return set(connection.exec_driver_sql(query).scalars())


def test_0016_computes_the_outstanding_of_existing_orders(world, database: Database) -> None:  # type: ignore[no-untyped-def]
    """Orders from before the column get it, indexed; it follows later payments, and the
    search and totals triggers on work_orders are left as they were (no table rebuild)."""
    from datetime import date

    from dentasync_desktop.domain.dto import PaymentInput
    from dentasync_desktop.domain.enums import PaymentMethod
    from dentasync_desktop.domain.money import Money
    from dentasync_desktop.services import payments

    from .helpers import new_order

    def pay(order_id: int, minor: int) -> None:
        payments.record_payment(world.uow(), world.admin, order_id, PaymentInput(
            paid_on=date(2026, 11, 20), amount=Money(minor, "EUR"), method=PaymentMethod.CASH))

    def money() -> list[tuple[int, int, int]]:
        with database.engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(
                "SELECT price_total_minor, paid_minor, outstanding_minor FROM work_orders "
                "ORDER BY id"))]

    first, second = new_order(world), new_order(world)
    pay(first.id, 12000)
    triggers = triggers_on_work_orders(database)
    config = alembic_config(MIGRATIONS)
    with database.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0015_pgwordsplan")
        connection.commit()
    assert "outstanding_minor" not in {
        column["name"] for column in inspect(database.engine).get_columns("work_orders")}
    with database.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()

    assert money() == [(50000, 12000, 38000), (50000, 0, 50000)]
    indexes = {index["name"] for index in inspect(database.engine).get_indexes("work_orders")}
    assert "ix_work_orders_outstanding_id" in indexes
    assert "ix_work_orders_outstanding_number" not in indexes  # 0017: the ties are by id
    assert triggers_on_work_orders(database) == triggers
    assert len(triggers) >= 4  # the search indexes' and the finance totals'
    pay(second.id, 500)
    assert money() == [(50000, 12000, 38000), (50000, 500, 49500)]


def test_search_index_migration_folds_and_indexes_existing_orders(database: Database) -> None:
    """Orders written before 0006 kept accents in their search text: the upgrade folds
    them and builds both indexes, so the old orders are found without accents."""
    from dentasync_desktop.domain.dto import OrderFilter
    from dentasync_desktop.services import orders
    from dentasync_desktop.services.order_list import count_orders, orders_after

    from ..conftest import uow_factory_for
    from ..factories import World

    app_paths = database.paths
    world = World(uow_factory_for(database))
    orders.create_order(world.uow(), world.admin, world.order_input())
    config = alembic_config(MIGRATIONS)
    with database.engine.connect() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
        connection.commit()
    database.close()
    execute(app_paths, "UPDATE work_orders SET search_text = "
            "'wo-000001 1 anna schäfer dr. ørsted smile clinic zahntechnik müller gmbh crown'")

    upgraded = open_database(app_paths)
    world.uow_factory = uow_factory_for(upgraded)
    try:
        for text_ in ("schafer", "orsted", "muller", "zahn", "an"):
            page = orders_after(world.uow(), world.admin, OrderFilter(text=text_), None, 1000)
            assert [row.number for row in page.rows] == [1], text_
            assert count_orders(world.uow(), world.admin, OrderFilter(text=text_)) == 1
    finally:
        upgraded.close()
