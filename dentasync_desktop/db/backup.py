"""Online backups with SQLite's backup API, rotation, and restore with a safety copy."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..domain.errors import DatabaseProblem
from .health import quick_check, stored_revision
from .revisions import known_revisions
from .soundness import content_problems
from .storage import storage_refusals

KEEP_BACKUPS = 20
FILE_SUFFIX = ".sqlite3"
# A server's backups (pg_dump archives, db/server_backup.py) share the folder, the naming and
# the rotation, each kind rotated on its own: a data folder moved to a server keeps the last
# copies of its file.
SERVER_SUFFIX = ".dump"


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")


def backup(database: Path, target: Path) -> Path:
    """Copy a live database into ``target`` consistently, even while it is open elsewhere.

    A copy that fails half-way (full disk, say) leaves no ``.part`` file behind to fill the
    disk further; storage refusals come out as StorageProblem naming what to fix.
    """
    partial = target.with_name(target.name + ".part")
    with storage_refusals(target, partial):
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        with (closing(sqlite3.connect(database)) as source,
              closing(sqlite3.connect(partial)) as dest):
            source.backup(dest)
        partial.replace(target)
    return target


def backup_name(backups_dir: Path, reason: str, suffix: str = FILE_SUFFIX) -> Path:
    return backups_dir / f"dentasync-{_stamp()}-{reason}{suffix}"


def backup_into(database: Path, backups_dir: Path, reason: str = "auto") -> Path:
    target = backup_name(backups_dir, reason)
    backup(database, target)
    rotate(backups_dir)
    return target


def list_backups(backups_dir: Path, suffix: str = FILE_SUFFIX) -> list[Path]:
    if not backups_dir.is_dir():
        return []
    return sorted(backups_dir.glob(f"dentasync-*{suffix}"), key=lambda p: p.stat().st_mtime,
                  reverse=True)


def newest_backup(backups_dir: Path, suffix: str = FILE_SUFFIX) -> Path | None:
    found = list_backups(backups_dir, suffix)
    return found[0] if found else None


def rotate(backups_dir: Path, keep: int = KEEP_BACKUPS, suffix: str = FILE_SUFFIX) -> None:
    for old in list_backups(backups_dir, suffix)[keep:]:
        old.unlink(missing_ok=True)


def backup_is_due(backups_dir: Path, max_age: timedelta = timedelta(hours=24)) -> bool:
    newest = newest_backup(backups_dir)
    if newest is None:
        return True
    age = datetime.now(UTC) - datetime.fromtimestamp(newest.stat().st_mtime, UTC)
    return age > max_age


def validate_backup_file(candidate: Path, migrations_dir: Path) -> None:
    """Refuse, with the reasons, a file this version cannot use as its database."""
    if not candidate.is_file():
        raise DatabaseProblem(code="backup_missing", params={"path": str(candidate)})
    problems = quick_check(candidate)
    if problems:
        raise DatabaseProblem(code="not_restorable",
                              params={"path": str(candidate), "problems": problems[:3]})
    revision = stored_revision(candidate)
    if revision is None:
        raise DatabaseProblem(code="not_our_database", params={"path": str(candidate)})
    if revision not in known_revisions(migrations_dir):
        raise DatabaseProblem(code="backup_from_newer", params={"path": str(candidate)})
    problems = content_problems(candidate, migrations_dir, revision)
    if problems:
        raise DatabaseProblem(code="not_restorable",
                              params={"path": str(candidate), "problems": problems})


def _raw_copy(database: Path, backups_dir: Path) -> Path:
    """Byte copy of a damaged database and its WAL files: SQLite's backup API cannot read it."""
    target = backups_dir / f"dentasync-{_stamp()}-damaged.sqlite3"
    backups_dir.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        source = Path(str(database) + suffix)
        if source.exists():
            shutil.copyfile(source, Path(str(target) + suffix))
    return target


def restore(
    candidate: Path, database: Path, backups_dir: Path, migrations_dir: Path
) -> Path | None:
    """Replace ``database`` with ``candidate`` after a safety copy; returns that copy's path."""
    validate_backup_file(candidate, migrations_dir)
    safety = None
    if database.exists():
        sound = not quick_check(database)
        safety = (backup_into(database, backups_dir, "before-restore") if sound
                  else _raw_copy(database, backups_dir))
    partial = database.with_name(database.name + ".restoring")
    with storage_refusals(database, partial):
        # Copied before the old WAL goes: a copy that fails leaves the database as it was.
        shutil.copyfile(candidate, partial)
        for suffix in ("-wal", "-shm"):
            Path(str(database) + suffix).unlink(missing_ok=True)
        partial.replace(database)
    return safety
