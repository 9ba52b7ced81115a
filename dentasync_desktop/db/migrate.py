"""Run Alembic programmatically at start-up, on the app's own engine, when a migration is due.

Imported only then (and by ``check``'s reference schema): whether one is due is read without
Alembic (db/revisions.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine

from ..domain.errors import DatabaseProblem
from .engine import MIGRATION_LOCK_KEY, is_server
from .revisions import current_revision, needs_upgrade

log = logging.getLogger(__name__)


def alembic_config(migrations_dir: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    return config


def upgrade(engine: Engine, migrations_dir: Path) -> None:
    """Bring the schema to head."""
    needs_upgrade(engine, migrations_dir)  # refuses a newer database before touching it
    with engine.connect() as connection:
        if is_server(connection):
            _upgrade_server(connection, migrations_dir)
        else:
            _upgrade_file(connection, migrations_dir)
    log.info("database schema at %s", current_revision(engine))


def _run(connection: Connection, migrations_dir: Path) -> None:
    config = alembic_config(migrations_dir)
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
    connection.commit()


def _upgrade_file(connection: Connection, migrations_dir: Path) -> None:
    """Foreign keys are off while batch migrations copy tables."""
    # PRAGMA foreign_keys is ignored inside a transaction, so it goes straight to the driver
    # rather than through SQLAlchemy, which would begin one first.
    raw = connection.connection.dbapi_connection
    assert raw is not None, "a connection just opened is never detached"
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        _run(connection, migrations_dir)
        broken = raw.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise DatabaseProblem(code="broken_references", params={"count": len(broken)})
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def _upgrade_server(connection: Connection, migrations_dir: Path) -> None:
    """Under a session advisory lock: when several PCs start at once, one migrates and the
    others wait for it, then find the schema at head and migrate nothing."""
    connection.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})")
    connection.commit()
    try:
        if needs_upgrade(connection, migrations_dir):
            connection.rollback()
            _run(connection, migrations_dir)
        else:
            log.info("another computer migrated the database meanwhile")
    finally:
        connection.rollback()
        connection.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})")
        connection.commit()
