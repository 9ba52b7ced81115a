"""SQL functions spelled differently by the two engines, chosen when the query is compiled."""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import GenericFunction


class least(GenericFunction[int]):
    """The smaller of its arguments: LEAST on PostgreSQL, scalar min() on SQLite."""

    type = BigInteger()
    inherit_cache = True


@compiles(least, "sqlite")
def _least_on_sqlite(element: least, compiler: SQLCompiler, **kw: Any) -> str:
    return f"min({compiler.process(element.clause_expr.element, **kw)})"
