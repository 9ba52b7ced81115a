"""Database care the user can trigger: open-and-migrate, back up, restore, check."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text

from ..db import backup as backups
from ..db.engine import make_engine, make_session_factory
from ..db.health import quick_check, require_sound
from ..db.migrate import current_revision, head_revision, known_revisions, needs_upgrade, upgrade
from ..domain import permissions
from ..domain.actions import Action
from ..domain.dto import Actor
from ..domain.errors import DatabaseProblem
from ..paths import AppPaths, bundled
from .attachment_store import AttachmentStore
from .changes import ChangeBus
from .unit_of_work import UnitOfWork, UnitOfWorkFactory

log = logging.getLogger(__name__)


@dataclass
class Database:
    """An open, migrated database, the unit-of-work factory the services use, and the bus its
    units of work publish their committed changes to."""

    paths: AppPaths
    engine: Engine
    uow_factory: UnitOfWorkFactory
    bus: ChangeBus

    def close(self) -> None:
        self.engine.dispose()


def open_database(paths: AppPaths, migrations_dir: Path | None = None,
                  bus: ChangeBus | None = None) -> Database:
    """Check, back up (when due or before a migration), migrate, and open the database.

    Its units of work publish to ``bus`` (a new one if not given).
    """
    paths.create()
    migrations = migrations_dir or bundled("migrations")
    exists = paths.database.exists() and paths.database.stat().st_size > 0
    if exists:
        require_sound(paths.database, backups.newest_backup(paths.backups_dir))
    engine = make_engine(paths.database)
    try:
        must_migrate = needs_upgrade(engine, migrations)
        if exists and (must_migrate or backups.backup_is_due(paths.backups_dir)):
            made = backups.backup_into(paths.database, paths.backups_dir,
                                       "before-upgrade" if must_migrate else "auto")
            log.info("backed up the database to %s", made)
        if must_migrate:
            upgrade(engine, migrations)
    except BaseException:
        engine.dispose()
        raise
    return _connected(paths, engine, bus or ChangeBus())


def connect_database(paths: AppPaths, bus: ChangeBus | None = None) -> Database:
    """Open a database already known to be sound and at head, skipping checks and backups."""
    paths.create()
    return _connected(paths, make_engine(paths.database), bus or ChangeBus())


def _connected(paths: AppPaths, engine: Engine, bus: ChangeBus) -> Database:
    session_factory = make_session_factory(engine)
    store = AttachmentStore(paths.attachments_dir)
    return Database(paths, engine, lambda: UnitOfWork(session_factory, store, bus=bus), bus)


def back_up_now(actor: Actor, paths: AppPaths, target: Path | None = None) -> Path:
    permissions.require(actor.role, Action.BACKUP)
    if not paths.database.exists():
        raise DatabaseProblem(f"There is no database to back up at {paths.database}.")
    require_sound(paths.database, backups.newest_backup(paths.backups_dir))
    if target is None:
        return backups.backup_into(paths.database, paths.backups_dir, "manual")
    return backups.backup(paths.database, target)


def restore_from(actor: Actor, paths: AppPaths, candidate: Path,
                 migrations_dir: Path | None = None) -> Path | None:
    """Replace the database with ``candidate``; the caller must have closed its engine."""
    permissions.require(actor.role, Action.RESTORE)
    return restore_file(paths, candidate, migrations_dir)


def restore_file(
    paths: AppPaths, candidate: Path, migrations_dir: Path | None = None
) -> Path | None:
    revisions = known_revisions(migrations_dir or bundled("migrations"))
    safety = backups.restore(candidate, paths.database, paths.backups_dir, revisions)
    log.info("restored %s (previous database kept as %s)", candidate, safety)
    return safety


def list_backups(paths: AppPaths) -> list[Path]:
    return backups.list_backups(paths.backups_dir)


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[str, ...]
    notes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check(paths: AppPaths, migrations_dir: Path | None = None) -> CheckReport:
    """Integrity, schema at head, folders present: what `dentasync-desktop check` prints."""
    problems: list[str] = []
    notes: list[str] = [f"database: {paths.database}", f"backups: {paths.backups_dir}",
                        f"attachments: {paths.attachments_dir}", f"logs: {paths.log_dir}"]
    try:
        migrations = migrations_dir or bundled("migrations")
        notes.append(f"migrations: {migrations}")
    except FileNotFoundError as exc:
        return CheckReport((str(exc),), tuple(notes))
    if not paths.database.exists():
        problems.append(f"the database {paths.database} does not exist yet")
        return CheckReport(tuple(problems), tuple(notes))
    problems += [f"integrity: {p}" for p in quick_check(paths.database)]
    if problems:
        return CheckReport(tuple(problems), tuple(notes))
    engine = make_engine(paths.database)
    try:
        current, head = current_revision(engine), head_revision(migrations)
        notes.append(f"schema: {current} (head {head})")
        if current != head:
            problems.append(f"schema is at {current}, expected {head}")
        with engine.connect() as conn:
            broken = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
        if broken:
            problems.append(f"{len(broken)} broken references (PRAGMA foreign_key_check)")
    except DatabaseProblem as exc:
        problems.append(exc.message)
    finally:
        engine.dispose()
    for folder in (paths.backups_dir, paths.attachments_dir, paths.log_dir):
        if not folder.is_dir():
            problems.append(f"folder missing: {folder}")
    newest = backups.newest_backup(paths.backups_dir)
    notes.append(f"newest backup: {newest or 'none'}")
    return CheckReport(tuple(problems), tuple(notes))
