"""Run Alembic programmatically at start-up, on the app's own engine, when a migration is due.

Imported only then (and by ``check``'s reference schema): whether one is due is read without
Alembic (db/revisions.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

from ..domain.errors import DatabaseProblem
from .revisions import current_revision, needs_upgrade

log = logging.getLogger(__name__)


def alembic_config(migrations_dir: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    return config


def upgrade(engine: Engine, migrations_dir: Path) -> None:
    """Bring the schema to head. Foreign keys are off while batch migrations copy tables."""
    needs_upgrade(engine, migrations_dir)  # refuses a newer database before touching it
    config = alembic_config(migrations_dir)
    with engine.connect() as connection:
        # PRAGMA foreign_keys is ignored inside a transaction, so it goes straight to the driver
        # rather than through SQLAlchemy, which would begin one first.
        raw = connection.connection.dbapi_connection
        assert raw is not None, "a connection just opened is never detached"
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            connection.commit()
            broken = raw.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise DatabaseProblem(code="broken_references", params={"count": len(broken)})
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
    log.info("database schema at %s", current_revision(engine))
