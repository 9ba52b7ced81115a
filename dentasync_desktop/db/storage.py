"""Telling a disk that refuses (full, read-only, no permission, locked) from a damaged file.

Advice differs: damage calls for the newest backup, a full disk for free space. Restoring
because the disk was full would throw away everything entered since that backup.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.engine import ExceptionContext

from ..domain.errors import StorageProblem

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 10, 13, 14

FULL = "full"
READ_ONLY = "read-only"
PERMISSION = "permission"
LOCKED = "locked"
IO = "io"
CANNOT_OPEN = "cannot-open"

_BY_SQLITE_CODE = {SQLITE_FULL: FULL, SQLITE_READONLY: READ_ONLY, SQLITE_PERM: PERMISSION,
                   SQLITE_BUSY: LOCKED, SQLITE_LOCKED: LOCKED, SQLITE_IOERR: IO,
                   SQLITE_CANTOPEN: CANNOT_OPEN}
# For errors raised without a code (older SQLite, or wrapped by a library).
_BY_SQLITE_TEXT = (("disk is full", FULL), ("readonly database", READ_ONLY),
                   ("database is locked", LOCKED), ("table is locked", LOCKED),
                   ("disk i/o error", IO), ("unable to open database", CANNOT_OPEN))
_BY_ERRNO = {errno.ENOSPC: FULL, errno.EDQUOT: FULL, errno.EROFS: READ_ONLY,
             errno.EACCES: PERMISSION, errno.EPERM: PERMISSION, errno.EIO: IO}

def kind_of(error: BaseException) -> str | None:
    """Which refusal of the storage ``error`` is, or None (damage, or not about storage)."""
    if isinstance(error, sqlite3.Error):
        code = getattr(error, "sqlite_errorcode", None)
        if code is not None:
            return _BY_SQLITE_CODE.get(code & 0xFF)
        text = str(error).lower()
        return next((kind for marker, kind in _BY_SQLITE_TEXT if marker in text), None)
    if isinstance(error, OSError):
        return _BY_ERRNO.get(error.errno or 0)
    return None


def storage_problem(error: BaseException, path: Path) -> StorageProblem | None:
    """The message for a storage refusal, or None when ``error`` is something else."""
    kind = kind_of(error)
    if kind is None:
        return None
    return StorageProblem(kind, str(path))


@contextmanager
def storage_refusals(path: Path, partial: Path) -> Iterator[None]:
    """Writing a new file via ``partial``: on failure the partial file goes (it would only fill
    the disk further) and a storage refusal comes out as StorageProblem about ``path``."""
    try:
        yield
    except (sqlite3.Error, OSError) as error:
        with suppress(OSError):  # the error that got us here is the one worth reporting
            partial.unlink(missing_ok=True)
        problem = storage_problem(error, path)
        if problem is None:
            raise
        raise problem from error


# Busy and locked are left to the unit of work, which retries them.
_TRANSLATED_ON_USE = {FULL, READ_ONLY, PERMISSION, IO, CANNOT_OPEN}


def translate_storage_errors(engine: Engine, database: Path) -> None:
    """Writes on a full or read-only disk raise StorageProblem with advice, not OperationalError."""

    @event.listens_for(engine, "handle_error")
    def _translate(context: ExceptionContext) -> None:
        error = context.original_exception
        kind = kind_of(error)
        if kind in _TRANSLATED_ON_USE:
            raise StorageProblem(kind, str(database)) from error
