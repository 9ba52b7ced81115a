"""A SELECT compiled once and then run straight on the driver's cursor.

For the few reads a screen repeats many times a second (the order list's pages as the user
scrolls or types, the signed-in check before each of them): there SQLAlchemy's execution path
(the statement's cache key, an execution context, a result object, Row objects) cost more than
SQLite took to run the query. The statement is compiled once for the connection's dialect,
with its parameters' and columns' type conversions looked up once; each run converts the
values, executes and converts the rows, nothing else.

Listeners of ``before_cursor_execute`` on the engine still hear every statement. A driver
error (rare: a storage problem, a busy database, a server gone) runs the read again through
SQLAlchemy, which turns it into the error the app expects (and invalidates a dead connection),
or succeeds this time.

On PostgreSQL the statement is also prepared on the server (parsed once per connection), and
after five runs the server may keep one plan for any values instead of planning every run
(half a millisecond of the order list's first page). It does so only when that plan is
estimated no dearer than the plans for the values seen, so a statement whose best plan depends
on its values' selectivity in a way the estimate cannot see (a text search: the trigram index)
says ``plan_each_run`` and is sent unprepared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from sqlalchemy import Connection, Select
from sqlalchemy.engine import Dialect

_Convert = Callable[[Any], Any]
T = TypeVar("T")


class Prepared:
    """``query`` compiled for ``dialect``; every parameter it does not fix is passed to
    ``rows`` by name. Expanding parameters (an IN list of any length) are not supported: give
    each value a parameter of its own."""

    def __init__(self, query: Select[Any], dialect: Dialect, plan_each_run: bool = False,
                 ) -> None:
        compiled = query.compile(dialect=dialect)
        if "POSTCOMPILE" in compiled.string:
            raise ValueError("a prepared query cannot expand its parameters when run")
        self.sql = compiled.string
        self._defaults = dict(compiled.params)
        self._positional = compiled.positiontup is not None
        names = compiled.positiontup if compiled.positiontup is not None else list(
            compiled.params)
        self._binds: list[tuple[str, _Convert | None]] = [
            (name, compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect))
            for name in names]
        converters = [column.type.dialect_impl(dialect).result_processor(dialect, None)
                      for column in query.selected_columns]
        self._columns = [(at, convert) for at, convert in enumerate(converters)
                         if convert is not None]
        self._execute: dict[str, Any] = (
            {"prepare": not plan_each_run} if dialect.name == "postgresql" else {})

    def parameters(self, values: Mapping[str, Any]) -> Sequence[Any] | dict[str, Any]:
        """What the driver is given for ``values``: in statement order or by name, converted."""
        merged = {**self._defaults, **values}
        converted = [(name, merged[name] if convert is None else convert(merged[name]))
                     for name, convert in self._binds]
        if self._positional:
            return tuple(value for _name, value in converted)
        return dict(converted)

    def rows(self, connection: Connection, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """The rows of the query run with ``values`` on ``connection`` (in its transaction)."""
        parameters = self.parameters(values)
        driver = connection.connection.dbapi_connection
        assert driver is not None, "a connection in use is never detached"
        cursor = driver.cursor()
        try:
            for listener in connection.dispatch.before_cursor_execute:
                listener(connection, cursor, self.sql, parameters, None, False)
            try:
                cursor.execute(self.sql, parameters, **self._execute)
                fetched: Sequence[Any] = cursor.fetchall()
            except connection.dialect.loaded_dbapi.Error:
                fetched = [tuple(row) for row in connection.exec_driver_sql(self.sql, parameters)]
        finally:
            cursor.close()
        if not self._columns or not fetched:
            return list(fetched)
        # Column by column: the loops over the rows run in C (zip, map), not in Python.
        columns: list[Iterable[Any]] = list(zip(*fetched, strict=True))
        for at, convert in self._columns:
            columns[at] = map(convert, columns[at])
        return list(zip(*columns, strict=True))


class DialectKind:
    """A dialect as a cache key, equal to any other dialect of the same kind: what a compiled
    statement depends on is the dialect's class (its SQL, parameter style and type
    conversions) and the server's version, not the engine. Every engine of one kind then
    shares what was compiled for it: the app's engine on a restored file, and the test
    suite's engine per test, which otherwise compiled the same statements again each time
    (the order detail's nine: 4 ms, more than reading the detail then took)."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self._key = (type(dialect), dialect.paramstyle, dialect.server_version_info)

    def __hash__(self) -> int:
        return hash(self._key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DialectKind) and other._key == self._key


def once_per_kind(build: Callable[[Dialect], T]) -> Callable[[Dialect], T]:
    """``build`` (statements compiled for a dialect) run once per ``DialectKind``."""
    built: dict[DialectKind, T] = {}

    def for_dialect(dialect: Dialect) -> T:
        kind = DialectKind(dialect)
        if kind not in built:
            built[kind] = build(dialect)
        return built[kind]

    return for_dialect
