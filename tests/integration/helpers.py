"""Helpers for service tests: new orders, and whole-database snapshots that prove a refused
action changed nothing at all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, func, select

from dentasync_desktop.db.models import ActivityEntry, Base
from dentasync_desktop.documents import activity_text
from dentasync_desktop.domain.dto import OrderDetail
from dentasync_desktop.services import orders

from ..factories import World


def new_order(world: World, **overrides: object) -> OrderDetail:
    """A fresh Draft order (500.00 EUR unless the overrides say otherwise)."""
    return orders.create_order(world.uow(), world.admin, world.order_input(**overrides))


def db_state(world: World) -> dict[str, Any]:
    """Every row of every table as stored, plus the attachment files on disk."""
    with world.uow().reading() as uow:
        # Straight from the driver: what is stored, without the ORM's conversions (a
        # snapshot through them was 4 ms, and a refused() takes two).
        connection = uow.session.connection()
        quote = connection.dialect.identifier_preparer.quote
        tables: dict[str, Any] = {
            table.name: sorted(map(repr, connection.exec_driver_sql(
                f"SELECT * FROM {quote(table.name)}").fetchall()))
            for table in Base.metadata.sorted_tables
        }
        root = uow.files.root
        tables["<files>"] = sorted(str(p) for p in root.rglob("*")) if root.exists() else []
        return tables


def activity_count(world: World, order_id: int | None = None) -> int:
    with world.uow().reading() as uow:
        query = select(func.count(ActivityEntry.id))
        if order_id is not None:
            query = query.where(ActivityEntry.order_id == order_id)
        return uow.session.scalar(query) or 0


def entry_text(entry: ActivityEntry) -> str:
    """A stored entry in English words, as the CLI and the documents show it."""
    return activity_text.render(entry.code, activity_text.load_params(entry.params),
                                entry.summary)


def last_activity(world: World) -> ActivityEntry:
    with world.uow().reading() as uow:
        entry = uow.session.scalars(select(ActivityEntry).order_by(ActivityEntry.id.desc())).first()
        assert entry is not None, "no activity entry at all"
        uow.session.expunge(entry)  # keeps its loaded values after the read-only session ends
        return entry


@contextmanager
def refused(
    world: World, error: type[Exception], match: str | None = None
) -> Iterator[pytest.ExceptionInfo[Exception]]:
    """The block must raise ``error`` and leave the database exactly as it was."""
    before = db_state(world)
    # Messages start with the field's label, capitalised: a field's name matches either way.
    with pytest.raises(error, match=None if match is None else f"(?i){match}") as info:
        yield info
    assert db_state(world) == before


@contextmanager
def one_activity(world: World, order_id: int | None = None) -> Iterator[None]:
    """The block must write exactly one activity entry (for ``order_id`` when given)."""
    before = activity_count(world, order_id)
    yield
    assert activity_count(world, order_id) == before + 1


def statements_sent(world: World, run: Callable[[], object]) -> list[tuple[str, Any]]:
    """The statements (and their parameters) ``run`` sends to the database."""
    with world.uow() as uow:
        engine = uow.session.get_bind()
    sent: list[tuple[str, Any]] = []

    def record(*args: Any) -> None:
        sent.append(args[2:4])

    event.listen(engine, "before_cursor_execute", record)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return sent


def plan_of_the_order_query(world: World, run: Callable[[], object]) -> str:
    """The plan of the one statement on work_orders ``run`` sends, as text."""
    statements = [(sql, params) for sql, params in statements_sent(world, run)
                  if "work_orders" in sql]
    assert len(statements) == 1
    with world.uow() as uow:
        connection = uow.session.connection()
        if uow.dialect == "postgresql":
            # A few hundred orders fit a page or two: read from the table, unless told not to.
            connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
            plan = connection.exec_driver_sql("EXPLAIN " + statements[0][0], statements[0][1])
        else:
            plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statements[0][0],
                                              statements[0][1])
        return "\n".join(str(row[-1]) for row in plan)
