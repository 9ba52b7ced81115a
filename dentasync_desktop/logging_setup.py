"""Logging: a rotating file in the log folder, plus short warnings on stderr for the CLI."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from logging.handlers import RotatingFileHandler
from pathlib import Path

MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
FILE_FORMAT = "%(asctime)s %(levelname)-8s %(name)s [%(threadName)s] %(message)s"
# Passed as ``extra=`` when the caller already printed the message to the user, so the
# console handler does not say it a second time; the file still gets the full record.
SHOWN_TO_USER = {"shown_to_user": True}


class _ConsoleFormatter(logging.Formatter):
    """One line per record: tracebacks belong in the log file, never on the user's screen."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {record.getMessage()}"


class _LogFile(RotatingFileHandler):
    """The log file, which may become unwritable (full disk) while the app runs.

    logging's default is a "--- Logging error ---" traceback on stderr for every record; here
    the user gets one line, once, and the app carries on.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8",
                         delay=True)
        self._failed = False

    def handleError(self, record: logging.LogRecord) -> None:
        if self._failed:
            return
        self._failed = True
        error = sys.exc_info()[1]
        _warn(f"cannot write the log file {self.baseFilename}: {error}")


def _warn(message: str) -> None:
    if sys.stderr is not None:
        print(f"warning: {message}", file=sys.stderr)


def _not_shown_yet(record: logging.LogRecord) -> bool:
    return not getattr(record, "shown_to_user", False)


@contextmanager
def configured(log_file: Path, console_level: int = logging.WARNING) -> Iterator[Path]:
    """Send every record to ``log_file`` (rotated, 5 x 2 MB) while the block runs.

    The handlers are removed and closed afterwards, so calling this again (tests, a second
    command in one process) never duplicates lines or keeps a stale file open.
    """
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _warn(f"cannot create the log folder {log_file.parent}: {error}")
    file_handler = _LogFile(log_file)
    file_handler.setLevel(logging.INFO)
    file_handler.setFormatter(logging.Formatter(FILE_FORMAT))
    handlers: list[logging.Handler] = [file_handler]
    # A windowed build (PyInstaller on Windows) has no stderr at all.
    if sys.stderr is not None:
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(console_level)
        console.setFormatter(_ConsoleFormatter())
        console.addFilter(_not_shown_yet)
        handlers.append(console)

    root = logging.getLogger()
    previous_level = root.level
    root.setLevel(logging.INFO)
    for handler in handlers:
        root.addHandler(handler)
    _enable_app_loggers()
    try:
        yield log_file
    finally:
        for handler in handlers:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(previous_level)


def _enable_app_loggers() -> None:
    """Undo ``disable_existing_loggers`` from any fileConfig/dictConfig run by a library."""
    for name, logger in logging.Logger.manager.loggerDict.items():
        if name.startswith("dentasync_desktop") and isinstance(logger, logging.Logger):
            logger.disabled = False
