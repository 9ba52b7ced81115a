"""Run Alembic programmatically at start-up, on the app's own engine."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from ..domain.errors import DatabaseProblem

log = logging.getLogger(__name__)


def alembic_config(migrations_dir: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    return config


def _script(migrations_dir: Path) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(migrations_dir))


def _single_head(script: ScriptDirectory) -> str:
    heads = script.get_heads()
    if len(heads) != 1:
        raise DatabaseProblem(f"the migrations have {len(heads)} heads; expected one")
    return heads[0]


def known_revisions(migrations_dir: Path) -> set[str]:
    return {rev.revision for rev in _script(migrations_dir).walk_revisions()}


def head_revision(migrations_dir: Path) -> str:
    return _single_head(_script(migrations_dir))


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(engine: Engine, migrations_dir: Path) -> bool:
    # One read of the migration scripts: this runs at every start-up.
    script = _script(migrations_dir)
    current = current_revision(engine)
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseProblem(
            "This database was written by a newer version of Dentasync Desktop "
            f"(schema {current}). Install the newer version to open it."
        )
    return current != _single_head(script)


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
                raise DatabaseProblem(f"migration left {len(broken)} broken references")
        finally:
            raw.execute("PRAGMA foreign_keys=ON")
    log.info("database schema at %s", current_revision(engine))
