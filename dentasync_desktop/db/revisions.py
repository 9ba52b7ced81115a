"""The migration history read straight from the scripts' file headers, without Alembic.

Start-up only needs to know whether the database is at the newest revision; importing Alembic
for that cost ~150 ms on every start, so Alembic is loaded only when a migration is due
(db/migrate.py).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect

from ..domain.errors import DatabaseProblem

_ASSIGNED = re.compile(
    r"^(revision|down_revision)\b[^=\n]*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.MULTILINE)


@lru_cache(maxsize=4)
def _history(versions: Path, stamp: tuple[tuple[str, int], ...]) -> dict[str, str | None]:
    del stamp  # part of the cache key only: a script added or edited is read again
    parents: dict[str, str | None] = {}
    for script in versions.glob("*.py"):
        found = dict((name, value or None) for name, value in _ASSIGNED.findall(
            script.read_text(encoding="utf-8")))
        if found.get("revision"):
            parents[found["revision"]] = found.get("down_revision")
    return parents


def history(migrations_dir: Path) -> dict[str, str | None]:
    """Every revision and the one it revises (None for the first)."""
    versions = migrations_dir / "versions"
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in versions.glob("*.py")))
    return _history(versions, stamp)


def known_revisions(migrations_dir: Path) -> set[str]:
    return set(history(migrations_dir))


def head_revision(migrations_dir: Path) -> str:
    parents = history(migrations_dir)
    heads = set(parents) - set(parents.values())
    if len(heads) != 1:
        raise DatabaseProblem(code="migration_heads", params={"count": len(heads)})
    return heads.pop()


def current_revision(bind: Engine | Connection) -> str | None:
    if isinstance(bind, Engine):
        with bind.connect() as connection:
            return current_revision(connection)
    if not inspect(bind).has_table("alembic_version"):
        return None
    return bind.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def needs_upgrade(bind: Engine | Connection, migrations_dir: Path) -> bool:
    """True when the schema is behind head; refuses a database written by a newer version."""
    current = current_revision(bind)
    if current is not None and current not in known_revisions(migrations_dir):
        raise DatabaseProblem(code="database_from_newer", params={"schema": current})
    return current != head_revision(migrations_dir)
