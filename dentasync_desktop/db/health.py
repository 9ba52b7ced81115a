"""Is this SQLite file usable? Header, integrity and schema-version checks."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from ..domain.errors import DatabaseProblem
from .storage import storage_problem

SQLITE_HEADER = b"SQLite format 3\x00"


def quick_check(path: Path) -> list[str]:
    """Damage found by PRAGMA quick_check; an empty list means the file is sound.

    A file that cannot be read for a reason other than damage (full disk, no permission,
    locked) raises StorageProblem instead: it is not damaged and must not be "repaired".
    """
    try:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                return ["the file is not an SQLite database"]
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except (sqlite3.DatabaseError, OSError) as exc:
        problem = storage_problem(exc, path)
        if problem is not None:
            raise problem from exc
        return [str(exc)]
    problems = [row[0] for row in rows]
    return [] if problems == ["ok"] else problems


def stored_revision(path: Path) -> str | None:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
    return row[0] if row else None


def require_sound(path: Path, newest_backup: Path | None) -> None:
    problems = quick_check(path)
    if problems:
        hint = (f" The newest backup is {newest_backup}; restore it with "
                f"'dentasync-desktop restore \"{newest_backup}\"'." if newest_backup
                else " No backup was found.")
        raise DatabaseProblem(
            f"The database {path} is damaged ({'; '.join(problems[:3])}).{hint}"
        )
