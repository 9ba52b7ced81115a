"""Database care the user can trigger: open-and-migrate, back up, restore, check."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.exc import SQLAlchemyError

from ..db import backup as backups
from ..db.engine import make_engine, make_session_factory
from ..db.health import (
    closed_cleanly,
    mark_closed,
    mark_in_use,
    quick_check,
    require_sound,
    stored_revision,
)
from ..db.lock import FileLock, database_lock, window_lock
from ..db.notify import Listener
from ..db.revisions import current_revision, head_revision, known_revisions, needs_upgrade
from ..db.server import redacted
from ..db.soundness import content_problems, server_content_problems
from ..db.storage import storage_problem
from ..domain import permissions
from ..domain.actions import Action
from ..domain.dto import Actor, BackupNote
from ..domain.error_text import Problem, problem
from ..domain.errors import DatabaseInUse, DatabaseProblem, StorageProblem
from ..i18n import translate
from ..paths import AppPaths, bundled
from .attachment_store import AttachmentStore
from .changes import ChangeBus, relay_from_others
from .unit_of_work import UnitOfWork, UnitOfWorkFactory

log = logging.getLogger(__name__)


@dataclass
class Database:
    """An open, migrated database, the unit-of-work factory the services use, and the bus its
    units of work publish their committed changes to."""

    paths: AppPaths
    engine: Engine
    uow_factory: UnitOfWorkFactory
    lock: FileLock
    bus: ChangeBus
    listener: Listener | None = None
    # The full check and the daily backup a start-up left for later (``open_database``'s
    # ``defer_care``): the window runs ``take_care`` off its thread once it is shown.
    care: Callable[[], None] | None = None

    def take_care(self) -> None:
        """Run the deferred care, once: a damaged file raises DatabaseProblem."""
        care, self.care = self.care, None
        if care is not None:
            care()

    def follow_other_pcs(self) -> None:
        """On a server, publish the changes other PCs commit on this database's bus (until
        ``close``), so open pages refresh without F5. Nothing to follow in a local file."""
        if self.paths.on_server and self.listener is None:
            self.listener = Listener(self.engine.url, relay_from_others(self.bus))
            self.listener.start()

    def close(self) -> None:
        """Release the file: connections first, then the shared lock a restore waits for."""
        if self.listener is not None:
            self.listener.stop()
            self.listener = None
        self.engine.dispose()
        if not self.paths.on_server:
            mark_closed(self.paths.database)
        self.lock.release()


def _take(lock: FileLock, exclusive: bool = False) -> bool:
    """``lock.acquire``, with a folder that refuses the lock file told as a storage problem."""
    try:
        return lock.acquire(exclusive)
    except OSError as error:
        problem = storage_problem(error, lock.path)
        if problem is None:
            raise
        raise problem from error


def _shared_lock(paths: AppPaths) -> FileLock:
    lock = database_lock(paths.database)
    if not _take(lock):
        raise DatabaseInUse(code="being_restored", params={"path": str(paths.database)})
    return lock


@contextmanager
def _sharing(paths: AppPaths) -> Iterator[None]:
    """The shared lock for a short read of the file (check, backup) by a process that may not
    have the database open."""
    lock = _shared_lock(paths)
    try:
        yield
    finally:
        lock.release()


def claim_window(paths: AppPaths) -> FileLock:
    """The single-window lock for this database, held until the window closes.

    Refused with the other window's process id when one is already open: two windows on one
    file would each restore or sign out under the other's feet.
    """
    paths.create()
    lock = window_lock(paths.database)
    if not _take(lock, exclusive=True):
        holder = lock.read_note() or translate("maintenance", "another process")
        raise DatabaseInUse(code="already_open",
                            params={"path": str(paths.data_dir), "holder": holder})
    started = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    lock.write_note(f"process {os.getpid()} on {socket.gethostname()}, started {started}")
    return lock


def _window_holder(paths: AppPaths) -> str | None:
    probe = window_lock(paths.database)
    if probe.acquire(exclusive=True):
        probe.release()
        return None
    return probe.read_note() or translate("maintenance", "another process")


def open_database(paths: AppPaths, migrations_dir: Path | None = None,
                  bus: ChangeBus | None = None, defer_care: bool = False) -> Database:
    """Check, back up (when due or before a migration), migrate, and open the database.

    Its units of work publish to ``bus`` (a new one if not given). With ``defer_care`` a due
    full check and daily backup are left in ``Database.care`` for the caller to run later (the
    window does, off its thread, once it is shown: seconds at a million orders); before a
    migration they still run first, as without it.
    """
    paths.create()
    lock = _shared_lock(paths)
    try:
        return _open_locked(paths, lock, migrations_dir, bus or ChangeBus(), defer_care)
    except BaseException:
        lock.release()
        raise


def _open_locked(paths: AppPaths, lock: FileLock, migrations_dir: Path | None,
                 bus: ChangeBus, defer_care: bool = False) -> Database:
    migrations = migrations_dir or bundled("migrations")
    if paths.on_server:
        return _open_server(paths, lock, migrations, bus, defer_care)
    exists = paths.database.exists() and paths.database.stat().st_size > 0
    backup_due = exists and backups.backup_is_due(paths.backups_dir)
    # The full quick_check reads every page (seconds at a million orders): only after a
    # session that did not close cleanly, and daily, before the backup copies the file.
    thorough = exists and (backup_due or not closed_cleanly(paths.database))
    if exists:
        _keep_private(paths.database)
        require_sound(paths.database, backups.newest_backup(paths.backups_dir),
                      thorough and not defer_care)
        mark_in_use(paths.database)
    engine = _engine(paths)
    care = None
    try:
        must_migrate = needs_upgrade(engine, migrations)
        if must_migrate:
            if exists:  # no upgrade without a sound file and a way back
                if thorough and defer_care:
                    require_sound(paths.database, backups.newest_backup(paths.backups_dir))
                made = backups.backup_into(paths.database, paths.backups_dir, "before-upgrade")
                log.info("backed up the database to %s", made)
            from ..db.migrate import upgrade  # Alembic, only when a migration is due

            upgrade(engine, migrations)
        elif defer_care and thorough:
            care = partial(_care, paths, backup_due)
        elif backup_due:
            _daily_backup(paths)
    except BaseException:
        engine.dispose()
        raise
    database = _connected(paths, engine, lock, bus)
    database.care = care
    return database


def _care(paths: AppPaths, backup_due: bool) -> None:
    """The full check a start-up deferred, then the daily backup if one is due."""
    with _sharing(paths):
        require_sound(paths.database, backups.newest_backup(paths.backups_dir))
        if backup_due:
            _daily_backup(paths)


def _open_server(paths: AppPaths, lock: FileLock, migrations: Path,
                 bus: ChangeBus, defer_care: bool = False) -> Database:
    """The server keeps its own data sound: no file checks here, only the migration (under
    the server's advisory lock), after a pg_dump backup when there is data to lose. With
    ``defer_care`` the daily backup (back_up_server_if_due: pg_dump may take minutes on a
    large clinic's server) is left in ``Database.care``, as a file's is."""
    engine = _engine(paths)
    try:
        if needs_upgrade(engine, migrations):
            if current_revision(engine) is not None:
                _back_up_before_upgrade(paths)
            from ..db.migrate import upgrade  # Alembic, only when a migration is due

            upgrade(engine, migrations)
    except BaseException:
        engine.dispose()
        raise
    database = _connected(paths, engine, lock, bus)
    if defer_care:
        database.care = partial(_server_care, paths)
    return database


def _server_care(paths: AppPaths) -> None:
    back_up_server_if_due(paths)


def _back_up_before_upgrade(paths: AppPaths) -> None:
    """Unlike the file's, a server's upgrade goes ahead without a backup when pg_dump is
    missing on this PC: refusing would keep every PC of the clinic from its data."""
    from ..db import server_backup

    assert paths.database_url is not None, "only on a server"
    try:
        made = server_backup.back_up_into(paths.database_url, paths.backups_dir,
                                          "before-upgrade")
    except DatabaseProblem as problem:
        log.warning("no backup before upgrading %s: %s", redacted(paths.database_url),
                    problem.message)
        return
    log.info("backed up the server to %s", made)


def _engine(paths: AppPaths) -> Engine:
    return make_engine(paths.database, paths.database_url)


def _keep_private(database: Path) -> None:
    """A database made before the app created its files 0600 is tightened when next opened."""
    if os.name != "posix":
        return
    for suffix in ("", "-wal", "-shm"):
        path = Path(f"{database}{suffix}")
        with suppress(OSError):  # another user's file: leave it, opening will tell
            if path.stat().st_mode & 0o077:
                path.chmod(0o600)


def _daily_backup(paths: AppPaths) -> None:
    """A due daily backup that fails (full disk, say) is a warning, not a reason to refuse
    reading the data: the next start-up tries again."""
    try:
        made = backups.backup_into(paths.database, paths.backups_dir, "auto")
    except StorageProblem as problem:
        log.warning("the daily backup could not be made: %s", problem.message)
        return
    log.info("backed up the database to %s", made)


def connect_database(paths: AppPaths, bus: ChangeBus | None = None) -> Database:
    """Open a database already known to be sound and at head, skipping checks and backups."""
    paths.create()
    return _connected(paths, _engine(paths), _shared_lock(paths), bus or ChangeBus())


def _connected(paths: AppPaths, engine: Engine, lock: FileLock, bus: ChangeBus) -> Database:
    @event.listens_for(engine, "connect")
    def _relock(_dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # close() released the lock (before a restore in this process, say); a connection
        # made afterwards, when that restore was refused, takes it back first.
        if not lock.acquire():
            raise DatabaseInUse(code="being_restored", params={"path": str(paths.database)})

    session_factory = make_session_factory(engine)
    store = AttachmentStore(paths.attachments_dir)
    return Database(paths, engine, lambda: UnitOfWork(session_factory, store, bus=bus), lock,
                    bus)


def back_up_now(actor: Actor, paths: AppPaths, target: Path | None = None) -> Path:
    """A backup into the backups folder (the newest 20 kept), or into ``target``: a copy of
    the file, or on a server a pg_dump archive."""
    permissions.require(actor.role, Action.BACKUP)
    if paths.database_url is not None:
        from ..db import server_backup  # psycopg and the tools only on a server

        if target is None:
            return server_backup.back_up_into(paths.database_url, paths.backups_dir, "manual")
        return server_backup.back_up(paths.database_url, target)
    if not paths.database.exists():
        raise DatabaseProblem(code="nothing_to_back_up", params={"path": str(paths.database)})
    with _sharing(paths):
        require_sound(paths.database, backups.newest_backup(paths.backups_dir))
        if target is None:
            return backups.backup_into(paths.database, paths.backups_dir, "manual")
        return backups.backup(paths.database, target)


def back_up_server_if_due(paths: AppPaths) -> Path | None:
    """The server's daily backup, made off the GUI thread after start-up (a file's is made
    while opening it). One PC a day makes it; a failure is a warning, as for the file."""
    if paths.database_url is None:
        return None
    from ..db import server_backup

    try:
        made = server_backup.back_up_if_due(paths.database_url, paths.backups_dir)
    except (DatabaseProblem, StorageProblem) as problem:
        log.warning("the daily backup of the server could not be made: %s", problem.message)
        return None
    if made is not None:
        log.info("backed up the server to %s", made)
    return made


def restore_from(actor: Actor, paths: AppPaths, candidate: Path,
                 migrations_dir: Path | None = None) -> Path | None:
    """Replace the database with ``candidate``. The caller closes its own Database first:
    the shared lock it holds would refuse the restore like any other user's (on a server, its
    connections would count as another PC's)."""
    permissions.require(actor.role, Action.RESTORE)
    return restore_file(paths, candidate, migrations_dir)


def restore_file(
    paths: AppPaths, candidate: Path, migrations_dir: Path | None = None
) -> Path | None:
    migrations = migrations_dir or bundled("migrations")
    paths.create()
    if paths.database_url is not None:
        return _restore_server(paths, paths.database_url, candidate, migrations)
    lock = database_lock(paths.database)
    if not _take(lock, exclusive=True):
        holder = _window_holder(paths)
        raise DatabaseInUse(code="open_elsewhere_window" if holder else "open_elsewhere",
                            params={"path": str(paths.database), "holder": holder})
    try:
        safety = backups.restore(candidate, paths.database, paths.backups_dir, migrations)
    finally:
        lock.release()
    log.info("restored %s (previous database kept as %s)", candidate, safety)
    return safety


def _restore_server(paths: AppPaths, url: str, candidate: Path, migrations: Path
                    ) -> Path | None:
    """Refused while other PCs are connected; the restored database must pass the same
    schema check as ``check``'s before it replaces the current one."""
    from ..db import server_backup

    def problems_of(engine: Engine) -> list[Problem]:
        return _versioned(current_revision(engine), migrations, [],
                          lambda _current: server_content_problems(engine))

    restored = server_backup.restore(url, candidate, paths.backups_dir, migrations,
                                     problems_of)
    return restored.safety


def list_backups(paths: AppPaths) -> list[Path]:
    """This PC's backups of the database in use, newest first."""
    suffix = backups.SERVER_SUFFIX if paths.on_server else backups.FILE_SUFFIX
    return backups.list_backups(paths.backups_dir, suffix)


def newest_backup(uow: UnitOfWork, paths: AppPaths) -> BackupNote | None:
    """The newest backup: of the file, in its backups folder; of a server, the one any PC made
    last (recorded in the database), else this PC's newest."""
    if paths.on_server:
        from ..db import server_backup

        with uow.reading():
            made = server_backup.recorded(uow.session.connection())
        if made is not None:
            return BackupNote(made.path, made.made_at, made.host)
    return _newest_file_backup(paths)


def _newest_file_backup(paths: AppPaths) -> BackupNote | None:
    found = list_backups(paths)
    if not found:
        return None
    when = datetime.fromtimestamp(found[0].stat().st_mtime).astimezone()
    return BackupNote(str(found[0]), when, socket.gethostname())


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[Problem, ...]  # put in words by error_text.problem_words
    # What was looked at, for the command line to put in words: each place by its kind
    # ("database", "backups", "attachments", "logs", "settings", "migrations") and where it
    # is; the schema version found and the newest this program knows (None when the database
    # could not be read); the newest backup, or None when there is none.
    places: tuple[tuple[str, str], ...]
    schema: tuple[str | None, str] | None = None
    newest_backup: BackupNote | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


# The schema version a check found and the newest this program knows, added once read.
SchemaFound = list[tuple[str | None, str]]


def check(paths: AppPaths, migrations_dir: Path | None = None) -> CheckReport:
    """Integrity, schema at head and complete, references, stored money, folders present: what
    `dentasync-desktop check` prints."""
    where = redacted(paths.database_url) if paths.database_url else paths.database
    places = [("database", str(where)), ("backups", str(paths.backups_dir)),
              ("attachments", str(paths.attachments_dir)), ("logs", str(paths.log_dir)),
              ("settings", str(paths.config_dir))]
    schema: SchemaFound = []
    problems = _problems(paths, migrations_dir, places, schema)
    return CheckReport(tuple(problems), tuple(places), schema[0] if schema else None,
                       _newest_backup_of(paths))


def _problems(paths: AppPaths, migrations_dir: Path | None, places: list[tuple[str, str]],
              found: SchemaFound) -> list[Problem]:
    try:
        migrations = migrations_dir or bundled("migrations")
        places.append(("migrations", str(migrations)))
    except FileNotFoundError as exc:
        return [str(exc)]
    if not paths.on_server and not paths.database.exists():
        return [problem("problem.no_database", path=str(paths.database))]
    try:
        if paths.on_server:
            problems = _server_problems(paths, migrations, found)
        else:
            with _sharing(paths):
                problems = _database_problems(paths, migrations, found)
    except (DatabaseProblem, StorageProblem) as exc:
        problems = [exc.as_problem()]
    for folder in (paths.backups_dir, paths.attachments_dir, paths.log_dir):
        if not folder.is_dir():
            problems.append(problem("problem.folder_missing", path=str(folder)))
    return problems


def _newest_backup_of(paths: AppPaths) -> BackupNote | None:
    if paths.database_url is not None:
        from ..db import server_backup

        try:
            made = server_backup.newest_recorded(paths.database_url)
        except (DatabaseProblem, SQLAlchemyError):
            made = None  # the server's own problem is reported above
        if made is not None:
            return BackupNote(made.path, made.made_at, made.host)
    return _newest_file_backup(paths)


def _server_problems(paths: AppPaths, migrations: Path, found: SchemaFound) -> list[Problem]:
    """The server vouches for its own storage: the schema version, tables and columns, and
    stored money are what is left to check."""
    engine = _engine(paths)
    try:
        return _versioned(current_revision(engine), migrations, found,
                          lambda _current: server_content_problems(engine))
    finally:
        engine.dispose()


def _database_problems(paths: AppPaths, migrations: Path, found: SchemaFound
                       ) -> list[Problem]:
    damage = quick_check(paths.database)
    if damage:
        return [problem("problem.integrity", problem=p) for p in damage]
    return _versioned(stored_revision(paths.database), migrations, found,
                      lambda current: content_problems(paths.database, migrations, current))


def _versioned(current: str | None, migrations: Path, found: SchemaFound,
               content: Callable[[str], list[Problem]]) -> list[Problem]:
    """The schema version against the newest migration, then ``content`` (given the version)
    when the version is one this program knows, on either engine."""
    head = head_revision(migrations)
    found.append((current, head))
    if current is None:
        return [problem("problem.no_schema_version")]
    problems: list[Problem] = [] if current == head else [
        problem("problem.schema_not_at_head", schema=current, head=head)]
    if current not in known_revisions(migrations):
        return problems
    return problems + content(current)
