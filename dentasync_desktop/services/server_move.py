"""Moving a clinic from its database file to an empty PostgreSQL database (``migrate-to``).

The file is read while no one else has it open (its lock, taken exclusively, as a restore
does), so nothing is written to it behind the copy's back. The server's schema is made by the
start-up migration under its advisory lock; the rows go in one transaction that holds the
server's write lock, so a PC starting meanwhile sees an empty database or the whole clinic,
never half of it. The rows and money totals of every table are compared on both sides before
that transaction commits; on a difference nothing is kept on the server.

Attachment files and the logo, kept in the data folder next to a file, go into the server's
content store (``blobs``) in the same transaction: on a server every PC reads them from there.
The server is then expected to hold those contents on top of the file's rows, and is compared
with that.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session

from ..db import server, transfer
from ..db.engine import make_engine, writing
from ..db.health import require_sound, stored_revision
from ..db.lock import database_lock
from ..db.models import Attachment, Blob, BlobChunk, Setting
from ..db.revisions import head_revision, known_revisions, needs_upgrade
from ..db.server import advance_sequences, redacted
from ..db.transfer import Figures as Figures  # what the CLI prints
from ..domain import permissions
from ..domain.actions import Action
from ..domain.dto import Actor
from ..domain.errors import DatabaseInUse, DatabaseProblem
from ..paths import AppPaths, bundled
from .attachment_store import CHUNK, LOGO_CONTENT_KEY, AttachmentStore, DatabaseStore

log = logging.getLogger(__name__)

# (table, rows copied so far, rows of the table)
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class TableMove:
    """One table's figures in the file and on the server."""

    table: str
    source: Figures
    target: Figures

    @property
    def equal(self) -> bool:
        return self.source == self.target


@dataclass(frozen=True)
class MoveReport:
    url: str  # without its password
    tables: tuple[TableMove, ...]
    files: int = 0  # attachment and logo contents put into the server's store
    # SHA-256 of attached contents the data folder no longer has: their rows moved, the
    # content cannot; opening one on the server says it is missing.
    missing_files: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return all(table.equal for table in self.tables)

    @property
    def rows(self) -> int:
        return sum(table.source.rows for table in self.tables)


def check_source(paths: AppPaths, migrations_dir: Path | None = None) -> None:
    """Refuse what ``move_to_server`` would refuse about the file, before anyone signs in to
    it (signing in opens it, which would upgrade an old schema)."""
    if paths.on_server:
        raise DatabaseProblem(code="move_from_server",
                              params={"url": redacted(paths.database_url or "")})
    if not paths.database.is_file():
        raise DatabaseProblem(code="move_no_database", params={"path": str(paths.database)})
    require_sound(paths.database, None, thorough=False)
    migrations = migrations_dir or bundled("migrations")
    head = head_revision(migrations)
    current = stored_revision(paths.database)
    if current is not None and current not in known_revisions(migrations):
        raise DatabaseProblem(code="database_from_newer", params={"schema": current})
    if current != head:
        raise DatabaseProblem(code="move_not_at_head", params={
            "path": str(paths.database), "schema": current or "-", "head": head})


def move_to_server(actor: Actor, paths: AppPaths, url: str,
                   migrations_dir: Path | None = None,
                   progress: Progress | None = None) -> MoveReport:
    """Copy every row of the data folder's database file into the empty database at ``url``,
    after migrating it to head; the figures of both sides, table by table.

    Copying every row out is what a backup to a file of one's choice does: the same permission.
    """
    permissions.require(actor.role, Action.BACKUP)
    migrations = migrations_dir or bundled("migrations")
    with _alone_with(paths):
        check_source(paths, migrations)
        source = make_engine(paths.database)
        target = make_engine(paths.database, url)
        try:
            _migrate(target, migrations)
            report = _copy(source, target, redacted(url), paths, progress)
        finally:
            target.dispose()
            source.dispose()
    different = [move.table for move in report.tables if not move.equal]
    log.info("moved %s to %s: %s rows, %s", paths.database, report.url, report.rows,
             f"different in {', '.join(different)}, rolled back" if different else "equal")
    return report


@contextmanager
def _alone_with(paths: AppPaths) -> Iterator[None]:
    lock = database_lock(paths.database)
    if not lock.acquire(exclusive=True):
        raise DatabaseInUse(code="move_open_elsewhere", params={"path": str(paths.database)})
    try:
        yield
    finally:
        lock.release()


def _migrate(target: Engine, migrations: Path) -> None:
    if needs_upgrade(target, migrations):
        from ..db.migrate import upgrade  # Alembic, only when a migration is due

        upgrade(target, migrations)


def _copy(source: Engine, target: Engine, url: str, paths: AppPaths,
          progress: Progress | None) -> MoveReport:
    # One read transaction: every table is read as of the same moment.
    with source.connect() as reading, writing(target.connect()) as writer, reading.begin():
        before = {table.name: transfer.figures(reading, table) for table in transfer.tables()}
        with writer.begin() as transaction:
            _refuse_unless_empty(writer, url)
            for table in transfer.tables():
                total = before[table.name].rows
                if progress is not None:
                    progress(table.name, 0, total)
                transfer.copy_table(reading, writer, table,
                                    _per_table(progress, table.name, total))
            files = _copy_files(reading, writer, paths, before)
            advance_sequences(writer)
            report = MoveReport(url, tuple(
                TableMove(table.name, before[table.name], transfer.figures(writer, table))
                for table in transfer.tables()), files.stored, files.missing)
            if not report.ok:
                transaction.rollback()
    if report.ok:
        with target.connect() as connection:
            # The planner's statistics predate every row just written.
            connection.exec_driver_sql("ANALYZE")
            connection.commit()
    return report


@dataclass(frozen=True)
class _FilesCopied:
    stored: int
    missing: tuple[str, ...]


def _copy_files(reading: Connection, writer: Connection, paths: AppPaths,
                expected: dict[str, Figures]) -> _FilesCopied:
    """Put every attached content and the logo from the data folder into the server's store,
    and raise ``expected`` (the server's figures to be) by what that adds."""
    folder = AttachmentStore(paths.attachments_dir)
    wanted = list(reading.scalars(select(Attachment.sha256).distinct()
                                  .order_by(Attachment.sha256)))
    logo = reading.scalar(select(Setting.value).where(Setting.key == "org.logo_path")) or ""
    missing: list[str] = []
    sizes: dict[str, int] = {}
    # The session joins the copy's transaction: it commits or rolls back with the rows.
    with Session(bind=writer) as session:
        store = DatabaseStore(lambda: session, folder)
        for sha in wanted:
            path = folder.path_for(sha)
            stored = store.put(path) if path.is_file() else None
            if stored is None or stored[0] != sha:
                missing.append(sha)  # gone, or no longer the content it was named by
            else:
                sizes[sha] = stored[1]
        if logo and Path(logo).is_file():
            sha, sizes[sha] = store.put(Path(logo))
            session.add(Setting(key=LOGO_CONTENT_KEY, value=sha))
            _add_rows(expected, Setting.__tablename__, 1)
        session.flush()
    _add_rows(expected, Blob.__tablename__, len(sizes))
    _add_rows(expected, BlobChunk.__tablename__, sum(-(-size // CHUNK) for size in sizes.values()))
    if missing:
        log.warning("%s attached file(s) missing from %s: %s", len(missing),
                    paths.attachments_dir, ", ".join(missing))
    return _FilesCopied(len(sizes), tuple(missing))


def _add_rows(figures: dict[str, Figures], table: str, rows: int) -> None:
    figures[table] = Figures(figures[table].rows + rows, figures[table].totals)


def remember_server(paths: AppPaths, url: str) -> None:
    """Point the data folder at ``url`` from now on, as ``--database-url`` does."""
    server.remember(paths.config_dir, url)


def _refuse_unless_empty(connection: Connection, url: str) -> None:
    full = transfer.tables_with_rows(connection)
    if full:
        raise DatabaseProblem(code="move_target_not_empty",
                              params={"url": url, "tables": ", ".join(full)})


def _per_table(progress: Progress | None, table: str,
               total: int) -> Callable[[int], None] | None:
    if progress is None:
        return None
    return lambda done: progress(table, done, total)
