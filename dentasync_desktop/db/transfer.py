"""Copying every table of an SQLite database into an empty PostgreSQL one of the same schema,
and the figures (rows, money totals) that show on both sides whether the copy is whole.

The tables come from the models' metadata, so a table a later version adds is copied without
a change here. Rows are read in primary-key order and written with COPY, a batch at a time:
memory stays flat at a million orders. Every value goes through its column type (read as the
source dialect stores it, written as the target's), so dates, datetimes and enums arrive as
the ORM would have written them. Only INSERTs reach the target: the activity log's
append-only triggers refuse UPDATE and DELETE, never a copy. Columns the database computes
(``Computed``) are neither copied nor summed: the target computes them from the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    FromClause,
    LargeBinary,
    Table,
    exists,
    func,
    literal,
    select,
    update,
)

from .models import Base

if TYPE_CHECKING:
    import psycopg

BATCH_ROWS = 5000
# Attachment content stored in the database can be megabytes a row.
BLOB_BATCH_ROWS = 20
# Money is integer minor units in columns named so (the models' house rule); the currency is
# the row's own ``currency`` column, else that of the row it belongs to (an item's order).
MONEY_SUFFIX = "_minor"
CURRENCY = "currency"

Copied = Callable[[int], None]  # rows of the table copied so far


@dataclass(frozen=True)
class Figures:
    """What must be equal on both sides: the row count and, per currency, every money column's
    sum in minor units (``(currency, money, total)``, sorted: "price_total" for the column
    ``price_total_minor``; currency "" where a row has none)."""

    rows: int
    totals: tuple[tuple[str, str, int], ...]


def tables() -> list[Table]:
    """Every table, each after the tables it refers to."""
    return list(Base.metadata.sorted_tables)


def stored_columns(table: Table) -> list[Column[object]]:
    """The columns a row is written with: all but those the database computes."""
    return [column for column in table.c if column.computed is None]


def money_columns(table: Table) -> list[Column[object]]:
    return [column for column in stored_columns(table) if column.name.endswith(MONEY_SUFFIX)]


def _currency_of(table: Table) -> tuple[ColumnElement[object], FromClause]:
    if CURRENCY in table.c:
        return table.c[CURRENCY], table
    for key in sorted(table.foreign_keys, key=lambda k: k.parent.name):
        parent = key.column.table
        if parent is not table and isinstance(parent, Table) and CURRENCY in parent.c:
            return parent.c[CURRENCY], table.outerjoin(parent, key.parent == key.column)
    return literal(""), table


def figures(connection: Connection, table: Table) -> Figures:
    rows = int(connection.scalar(select(func.count()).select_from(table)) or 0)
    money = money_columns(table)
    if not money or not rows:
        return Figures(rows, ())
    currency, source = _currency_of(table)
    query = (select(currency, *(func.coalesce(func.sum(column), 0) for column in money))
             .select_from(source).group_by(currency))
    totals = sorted((str(code or ""), column.name.removesuffix(MONEY_SUFFIX), int(total))
                    for code, *sums in connection.execute(query)
                    for column, total in zip(money, sums, strict=True))
    return Figures(rows, tuple(totals))


def tables_with_rows(connection: Connection) -> list[str]:
    """The tables that hold at least one row."""
    return [table.name for table in tables()
            if connection.scalar(select(exists().select_from(table)))]


def _batch_rows(table: Table) -> int:
    if any(isinstance(column.type, LargeBinary) for column in table.c):
        return BLOB_BATCH_ROWS
    return BATCH_ROWS


def _forward_references(table: Table, columns: list[Column[object]]) -> list[tuple[int, int]]:
    """(index in ``columns``, primary key's index) of every reference a row can make to a later
    row of its own table (an order remade as a later one): written afterwards, when that row
    is in."""
    names = [column.name for column in columns]
    keys = list(table.primary_key.columns)
    if len(keys) != 1:
        return []
    return [(names.index(key.parent.name), names.index(keys[0].name))
            for key in table.foreign_keys
            if key.column.table is table and key.column is keys[0]]


def copy_table(source: Connection, target: Connection, table: Table,
               copied: Copied | None = None) -> int:
    """Copy every row of ``table`` from ``source`` into ``target`` (PostgreSQL) in its open
    transaction; the number of rows copied."""
    columns = stored_columns(table)
    convert = [column.type.bind_processor(target.dialect) for column in columns]
    quote = target.dialect.identifier_preparer.quote
    statement = (f"COPY {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
                 "FROM STDIN")
    forward = _forward_references(table, columns)
    later: list[tuple[object, str, object]] = []  # (primary key, column, value)
    raw = target.connection.dbapi_connection
    assert raw is not None, "a connection in use is never detached"
    done = 0
    result = source.execution_options(yield_per=_batch_rows(table)).execute(
        select(*columns).order_by(*table.primary_key.columns))
    with cast("psycopg.Cursor[Any]", raw.cursor()) as cursor:
        for batch in result.partitions():
            with cursor.copy(statement) as copy:
                for row in batch:
                    values = list(row)
                    for at, key_at in forward:
                        if values[at] is not None and values[at] > values[key_at]:
                            later.append((values[key_at], columns[at].name, values[at]))
                            values[at] = None
                    copy.write_row(_converted(values, convert))
            done += len(batch)
            if copied is not None:
                copied(done)
    if later:
        key = table.primary_key.columns[0]
        for identity, name, value in later:
            target.execute(update(table).where(key == identity).values({name: value}))
    return done


def _converted(values: Sequence[object],
               convert: Sequence[Callable[[object], object] | None]) -> list[object]:
    return [value if process is None or value is None else process(value)
            for value, process in zip(values, convert, strict=True)]
