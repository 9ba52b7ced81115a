"""The test suite on PostgreSQL: throw-away databases made from one migrated template.

``DENTASYNC_TEST_PG=postgresql+psycopg://user@host:port/database`` (``.ci/postgres.sh start``
prints one) runs every test that uses the database fixtures against that server instead of
SQLite: each test gets its own database, ``CREATE DATABASE ... TEMPLATE`` of one migrated per
test session and xdist worker (milliseconds, like the SQLite byte copy). The user needs the
CREATEDB right. Tests of SQLite's own file handling are marked ``sqlite_only``; tests of what
only a server does are marked ``postgresql`` and skipped without the variable (never in CI).
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

if TYPE_CHECKING:
    import psycopg

TEST_PG_ENV = "DENTASYNC_TEST_PG"
SKIP_REASON = (f"PostgreSQL only: set {TEST_PG_ENV}=postgresql+psycopg://... "
               "(.ci/postgres.sh start prints one) to run it")


def server_url() -> str | None:
    return os.environ.get(TEST_PG_ENV) or None


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


class Databases:
    """Creates and drops this process's test databases on the server at ``url``."""

    def __init__(self, url: str, worker: str) -> None:
        self.url = make_url(url)
        self.prefix = f"dst_{worker}_{uuid.uuid4().hex[:8]}"
        self.template = f"{self.prefix}_template"
        self._numbers = itertools.count(1)

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    @contextmanager
    def _admin(self) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
        # Imported only with a server: a child pytest that a test starts (test_dialogs_fit)
        # loaded psycopg for nothing, 50-70 ms of its CPU.
        import psycopg

        base = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(base, autocommit=True) as connection:
            yield connection

    def new_name(self) -> str:
        return f"{self.prefix}_{next(self._numbers)}"

    def create(self, name: str, template: str | None = None) -> str:
        """An empty database, or a copy of ``template`` (nobody may be connected to it)."""
        from psycopg import sql

        with self._admin() as admin:
            statement = (sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY FILE_COPY").format(
                sql.Identifier(name), sql.Identifier(template)) if template
                else sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            admin.execute(statement)
        return self.url_of(name)

    def replace_with_copy(self, url: str, template: str) -> None:
        """The database at ``url`` becomes a fresh copy of ``template``."""
        name = make_url(url).database
        assert name is not None and name.startswith(self.prefix), "only our own databases"
        self.drop(name)
        self.create(name, template)

    def drop(self, name: str) -> None:
        from psycopg import sql

        with self._admin() as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))
