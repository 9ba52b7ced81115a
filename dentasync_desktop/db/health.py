"""Is this SQLite file usable? Header, integrity and schema-version checks.

Start-up reads the header only (``header_problems``, microseconds) and runs PRAGMA
quick_check (seconds at a million orders) only when the last session did not close the file
cleanly (``closed_cleanly``) or a daily backup is about to copy it; ``check``, backups and
restore always run it.
"""

from __future__ import annotations

import sqlite3
import struct
from contextlib import closing, suppress
from pathlib import Path

from ..domain.error_text import Problem, problem
from ..domain.errors import DatabaseProblem
from .storage import storage_problem

SQLITE_HEADER = b"SQLite format 3\x00"


def header_problems(path: Path) -> list[Problem]:
    """Damage the first 100 bytes show: not SQLite, an impossible page size, or a file shorter
    than the pages its header counts (cut off by a failed copy)."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except OSError as exc:
        refusal = storage_problem(exc, path)
        if refusal is not None:
            raise refusal from exc
        return [str(exc)]
    if len(header) < 100 or header[:16] != SQLITE_HEADER:
        return [problem("problem.not_sqlite")]
    (page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return [problem("problem.page_size", page_size=page_size)]
    change_counter, pages, valid_for = (struct.unpack(">I", header[at:at + 4])[0]
                                        for at in (24, 28, 92))
    # The page count is trustworthy only when written by the same change as the counter.
    if valid_for == change_counter and pages * page_size > size:
        return [problem("problem.cut_short", size=size, expected=pages * page_size)]
    return []


def quick_check(path: Path) -> list[Problem]:
    """Damage found by PRAGMA quick_check; an empty list means the file is sound.

    A file that cannot be read for a reason other than damage (full disk, no permission,
    locked) raises StorageProblem instead: it is not damaged and must not be "repaired".
    """
    try:
        with path.open("rb") as handle:
            if handle.read(16) != SQLITE_HEADER:
                return [problem("problem.not_sqlite")]
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except (sqlite3.DatabaseError, OSError) as exc:
        refusal = storage_problem(exc, path)
        if refusal is not None:
            raise refusal from exc
        return [str(exc)]
    problems: list[Problem] = [row[0] for row in rows]
    return [] if problems == ["ok"] else problems


def stored_revision(path: Path) -> str | None:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
    return row[0] if row else None


def require_sound(path: Path, newest_backup: Path | None, thorough: bool = True) -> None:
    """Refuse a damaged file, naming the newest backup; ``thorough=False`` reads the header
    only."""
    problems = quick_check(path) if thorough else header_problems(path)
    if problems:
        params = {"path": str(path), "problems": problems[:3]}
        if newest_backup:
            raise DatabaseProblem(code="damaged_with_backup",
                                  params={**params, "backup": str(newest_backup)})
        raise DatabaseProblem(code="damaged_no_backup", params=params)


def _closed_marker(path: Path) -> Path:
    return path.with_name(path.name + ".closed")


def _fingerprint(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size} {stat.st_mtime_ns}"


def _wal_in_use(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    return wal.exists() and wal.stat().st_size > 0


def closed_cleanly(path: Path) -> bool:
    """The last process to use the file closed it, and nothing touched it since.

    SQLite removes the WAL when its last connection closes cleanly; a WAL left with content
    means a crash (or another process has the file open, when a check costs time but no harm).
    """
    try:
        note = _closed_marker(path).read_text(encoding="ascii")
        return not _wal_in_use(path) and note == _fingerprint(path)
    except (OSError, UnicodeDecodeError):
        return False


def mark_in_use(path: Path) -> None:
    """Until ``mark_closed``, the next start-up runs the full quick_check."""
    with suppress(FileNotFoundError):
        _closed_marker(path).unlink()


def mark_closed(path: Path) -> None:
    """Note a clean close, unless another process still has the file open (its WAL)."""
    with suppress(OSError):  # no note: the next start-up merely checks the file
        if path.exists() and not _wal_in_use(path):
            _closed_marker(path).write_text(_fingerprint(path), encoding="ascii")
