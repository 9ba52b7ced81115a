"""Who has the database open: OS file locks next to it, honoured by the window and every command.

Every process that opens the database holds a shared lock on ``<database>.lock``; a restore
needs it exclusively, so it is refused while anyone else could still write to the file it would
replace (they would go on writing to the unlinked inode and lose everything). The window also
holds ``<database>.window.lock`` exclusively, so a second window on the same data is refused.

The OS drops the locks when a process dies, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# sys.platform rather than os.name: type checkers follow it and skip the other branch.
if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class _Overlapped(ctypes.Structure):
        _fields_ = [("internal", ctypes.c_void_p), ("internal_high", ctypes.c_void_p),
                    ("offset", wintypes.DWORD), ("offset_high", wintypes.DWORD),
                    ("event", wintypes.HANDLE)]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _FAIL_IMMEDIATELY, _EXCLUSIVE = 0x1, 0x2

    def _overlapped() -> _Overlapped:
        # Windows locks are mandatory: lock a byte far past the text, so the owner's note
        # stays readable by the process that is refused.
        return _Overlapped(None, None, 0xFFFFFFFF, 0x7FFFFFFF, None)

    def _try_lock(fd: int, exclusive: bool) -> bool:
        flags = _FAIL_IMMEDIATELY | (_EXCLUSIVE if exclusive else 0)
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
        return bool(_kernel32.LockFileEx(handle, flags, 0, 1, 0, ctypes.byref(_overlapped())))

    def _unlock(fd: int) -> None:
        handle = wintypes.HANDLE(msvcrt.get_osfhandle(fd))
        _kernel32.UnlockFileEx(handle, 0, 1, 0, ctypes.byref(_overlapped()))

else:
    import fcntl

    def _try_lock(fd: int, exclusive: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """A non-blocking shared or exclusive lock on one file.

    Locks belong to the open file, not the process: two ``FileLock`` objects on the same path
    conflict even inside one process, exactly as two processes would.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, exclusive: bool = False) -> bool:
        """Take the lock now or return False; never waits. Idempotent while held."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd, exclusive):
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def write_note(self, text: str) -> None:
        """Say who holds the lock (an exclusive holder only), for whoever is refused."""
        if self._fd is None:
            raise RuntimeError("write_note needs the lock")
        os.ftruncate(self._fd, 0)
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.write(self._fd, text.encode("utf-8"))

    def read_note(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            return ""


def database_lock(database: Path) -> FileLock:
    return FileLock(database.with_name(database.name + ".lock"))


def window_lock(database: Path) -> FileLock:
    return FileLock(database.with_name(database.name + ".window.lock"))
