"""Alembic environment: runs on the app's connection when given one (start-up, tests)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from dentasync_desktop.db.models import Base, UTCDateTime
from dentasync_desktop.db.models.totals import is_derived_table

config = context.config
target_metadata = Base.metadata


def _render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    # Migrations must not import app code that may change later: UTCDateTime is DATETIME on disk.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def _include_name(name: str | None, type_: str, _parent: object) -> bool:
    # The search indexes and finance totals are raw SQL (db/models/search.py, totals.py),
    # not models to compare.
    return not (type_ in ("table", "index") and name is not None and is_derived_table(name))


def _configure_and_run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        transaction_per_migration=True,
        compare_type=True,
        render_item=_render_item,
        include_name=_include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    # Developer use: `alembic -x db=path.sqlite3 revision --autogenerate`, or
    # `-x url=postgresql+psycopg://...` to run the history on a server.
    arguments = context.get_x_argument(as_dictionary=True)
    url = (config.get_main_option("sqlalchemy.url") or arguments.get("url")
           or f"sqlite:///{arguments['db']}")
    engine = create_engine(url)
    with engine.connect() as conn:
        _configure_and_run(conn)


if context.is_offline_mode():
    raise SystemExit("offline SQL generation is not supported; run against a database file")
run_migrations_online()
