"""Is a sound SQLite file also usable Dentasync data? Schema, references and stored money.

PRAGMA quick_check only vouches for SQLite's own structures. A file can pass it and still
lack tables or the triggers that keep the activity log append-only, hold references to rows
that are gone, or carry paid amounts that disagree with its payments. ``check`` reports such
files and restore refuses them.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine, inspect

from ..domain.error_text import SHOWN_NUMBERS, Problem, problem

SCHEMA_KINDS = ("table", "index", "trigger")
_MISSING = {"table": "problem.tables_missing", "index": "problem.indexes_missing",
            "trigger": "problem.triggers_missing"}


@dataclass(frozen=True)
class Schema:
    objects: frozenset[tuple[str, str, str]]  # (kind, name, table)
    columns: frozenset[tuple[str, str]]  # (table, column)


def schema_of(conn: sqlite3.Connection) -> Schema:
    rows = conn.execute(
        "SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index', "
        "'trigger') AND name NOT LIKE 'sqlite_%'").fetchall()
    columns = {(table, column) for kind, _name, table in rows if kind == "table"
               for (column,) in conn.execute(
                   "SELECT name FROM pragma_table_info(?)", (table,)).fetchall()}
    return Schema(frozenset(rows), frozenset(columns))


@lru_cache(maxsize=4)
def expected_schema(migrations_dir: Path, revision: str) -> Schema:
    """The schema a fresh database migrated to ``revision`` has: the reference, made once."""
    # Alembic only here (check, restore), not on every start-up.
    from alembic import command

    from .migrate import alembic_config

    with tempfile.TemporaryDirectory(prefix="dentasync-schema-") as folder:
        path = Path(folder) / "reference.sqlite3"
        engine = create_engine(f"sqlite:///{path}")
        try:
            config = alembic_config(migrations_dir)
            with engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
        finally:
            engine.dispose()
        with closing(sqlite3.connect(path)) as conn:
            return schema_of(conn)


def _missing(actual: Schema, expected: Schema) -> list[Problem]:
    lost = expected.objects - actual.objects
    lost_tables = {name for kind, name, _table in lost if kind == "table"}
    problems: list[Problem] = []
    for kind in SCHEMA_KINDS:
        names = sorted(name for k, name, table in lost
                       if k == kind and (kind == "table" or table not in lost_tables))
        if names:
            problems.append(problem(_MISSING[kind], names=names))
    columns = sorted(f"{table}.{column}" for table, column in expected.columns - actual.columns
                     if table not in lost_tables)
    if columns:
        problems.append(problem("problem.columns_missing", names=columns))
    return problems


def _broken_references(conn: sqlite3.Connection) -> list[Problem]:
    broken: dict[tuple[str, str], int] = defaultdict(int)
    for table, _rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
        broken[(table, parent)] += 1
    return [problem("problem.broken_references", count=count, table=table, parent=parent)
            for (table, parent), count in sorted(broken.items())]


# Kept in step with the payments by services/payments.py (refresh_order_money). The order's
# total is not compared with its items: "adjust price" sets it on purpose.
_PAID_DISAGREES = """
    SELECT o.number FROM work_orders o
    WHERE o.paid_minor != (SELECT coalesce(sum(p.amount_minor), 0) FROM payments p
                           WHERE p.order_id = o.id AND NOT p.voided)
    ORDER BY o.number"""
_CURRENCY_DISAGREES = """
    SELECT DISTINCT o.number FROM work_orders o JOIN payments p ON p.order_id = o.id
    WHERE p.currency != o.currency ORDER BY o.number"""


_MONEY_COLUMNS = {("work_orders", "paid_minor"), ("work_orders", "currency"),
                  ("payments", "amount_minor"), ("payments", "voided"), ("payments", "currency")}


def _money_problems(conn: sqlite3.Connection, schema: Schema) -> list[Problem]:
    if not schema.columns >= _MONEY_COLUMNS:
        return []  # already reported as missing
    return _money_disagreements(lambda query: [number for (number,) in conn.execute(query)])


def _money_disagreements(numbers_of: Callable[[str], list[int]]) -> list[Problem]:
    problems: list[Problem] = []
    for query, code in ((_PAID_DISAGREES, "problem.paid_disagrees"),
                        (_CURRENCY_DISAGREES, "problem.currency_disagrees")):
        numbers = numbers_of(query)
        if numbers:
            problems.append(problem(code, count=len(numbers), numbers=numbers[:SHOWN_NUMBERS]))
    return problems


def row_problems(conn: sqlite3.Connection, schema: Schema) -> list[Problem]:
    """References and stored money (``schema`` read from the same file): what a write can
    break, unlike the schema itself."""
    return _broken_references(conn) + _money_problems(conn, schema)


# The activity log's append-only guards and the triggers keeping the order search's word
# tables (migration 0013) and the finance totals (0014) in step.
_SERVER_TRIGGERS = frozenset({
    "activity.activity_no_update", "activity.activity_no_delete",
    "work_orders.order_search_sync_insert_delete", "work_orders.order_search_sync_update",
    "work_orders.finance_totals_insert_delete", "work_orders.finance_totals_update"})


def server_content_problems(engine: Engine) -> list[Problem]:
    """What makes a PostgreSQL database at head unusable: tables, columns and the append-only
    triggers missing, or stored money disagreeing. The server checks its own references."""
    from .models import Base

    with engine.connect() as conn:
        inspector = inspect(conn)
        present = set(inspector.get_table_names())
        problems: list[Problem] = []
        lost = sorted(set(Base.metadata.tables) - present)
        if lost:
            problems.append(problem("problem.tables_missing", names=lost))
        columns = sorted(
            f"{name}.{column.name}" for name, table in Base.metadata.tables.items()
            if name in present for column in table.columns
            if column.name not in {c["name"] for c in inspector.get_columns(name)})
        if columns:
            problems.append(problem("problem.columns_missing", names=columns))
        triggers = set(conn.exec_driver_sql(
            "SELECT c.relname || '.' || t.tgname FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal").scalars())
        missing = sorted(trigger for table, _, trigger in (
            name.partition(".") for name in _SERVER_TRIGGERS - triggers) if table in present)
        if missing:
            problems.append(problem("problem.triggers_missing", names=missing))
        if {"work_orders", "payments"} <= present and not columns:
            problems += _money_disagreements(
                lambda query: list(conn.exec_driver_sql(query).scalars()))
        return problems


def content_problems(path: Path, migrations_dir: Path, revision: str) -> list[Problem]:
    """What makes the (SQLite-sound) file at ``path`` unusable; empty when it is usable."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        actual = schema_of(conn)
        return (_missing(actual, expected_schema(migrations_dir, revision))
                + row_problems(conn, actual))
