"""Start-up: the one place that wires paths, logging and the database to the GUI or a command."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from . import __version__, collector, logging_setup
from .domain.errors import DomainError
from .i18n import translate
from .paths import AppPaths, resolve_paths
from .services.changes import ChangeBus
from .services.maintenance import Database, claim_window, open_database

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_INTERRUPTED = 130
PRIVATE_UMASK = 0o077
LOCAL_DATABASE = "local"


class AppContext:
    """What a command gets: the resolved folders and, on request, the open database.

    The database is opened (checked, backed up, migrated) only by commands that ask for it, so
    ``check`` and ``restore`` work on a file that cannot be opened.

    ``bus`` is the one change bus of the process: every unit of work the database hands out
    publishes its committed changes to it, and the GUI subscribes to it.
    """

    def __init__(self, paths: AppPaths, demo: bool) -> None:
        self.paths = paths
        self.demo = demo
        self.bus = ChangeBus()
        self._database: Database | None = None

    def database(self, defer_care: bool = False) -> Database:
        """``defer_care``: see ``open_database`` (the window runs the care once it shows)."""
        if self._database is None:
            self._database = open_database(self.paths, bus=self.bus, defer_care=defer_care)
            if self.demo:
                # The demo data set and its generator (services.seed): for --demo runs only.
                from .services.demo import fill_demo

                if fill_demo(self._database.uow_factory):
                    log.info("filled the demo database %s", self.paths.database)
        return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None


Command = Callable[[AppContext], int]


def run(
    command: Command,
    data_dir: str | os.PathLike[str] | None = None,
    demo: bool = False,
    console_level: int = logging.WARNING,
    database_url: str | None = None,
) -> int:
    """Resolve the folders, start logging, run ``command`` and turn failures into exit codes.

    ``database_url`` (``--database-url``) points the data folder at a server from now on, or
    back at its own file when it is ``local``.

    A refusal (damaged or newer database, bad backup file, ...) is printed as its message; an
    unexpected error goes to the log file with its traceback and the user gets one line.
    """
    with _private_files():
        try:
            paths = resolve_paths(data_dir, demo).create()
            if database_url is not None:
                paths = _point_at(paths, database_url)
        except OSError as error:
            _tell(translate("cli", "Cannot create the data folders: {reason}").format(
                reason=_describe(error)))
            return EXIT_PROBLEM
        except DomainError as error:
            _tell(error.message)
            return EXIT_PROBLEM
        return _run_logged(command, paths, demo, console_level)


def _point_at(paths: AppPaths, database_url: str) -> AppPaths:
    from .db import server

    url = None if database_url.strip().lower() == LOCAL_DATABASE else database_url
    server.remember(paths.config_dir, url)
    return replace(paths, database_url=url)


@contextmanager
def _private_files() -> Iterator[None]:
    """Patient and payment data is for this user's eyes: every file the app creates (database,
    its WAL, backups, exports, attachments, logs) is 0600 and every folder 0700 on POSIX."""
    if os.name != "posix":
        yield
        return
    previous = os.umask(PRIVATE_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


def _run_logged(command: Command, paths: AppPaths, demo: bool, console_level: int) -> int:
    with logging_setup.configured(paths.log_file, console_level):
        log.info("Dentasync Desktop %s: %s", __version__, " ".join(sys.argv))
        context = AppContext(paths, demo)
        try:
            return command(context)
        except DomainError as error:
            log.error("refused: %s", error.message, extra=logging_setup.SHOWN_TO_USER)
            _tell(error.message)
        except KeyboardInterrupt:
            log.warning("interrupted by the user", extra=logging_setup.SHOWN_TO_USER)
            _tell(translate("cli", "Interrupted."))
            return EXIT_INTERRUPTED
        except OSError as error:
            log.exception("file error", extra=logging_setup.SHOWN_TO_USER)
            _tell(translate("cli", "{reason}. Details are in {path}").format(
                reason=_describe(error), path=paths.log_file))
        except Exception as error:
            log.exception("unexpected error", extra=logging_setup.SHOWN_TO_USER)
            _tell(translate("cli", "Unexpected error: {error}. Details are in {path}").format(
                error=f"{type(error).__name__}: {error}", path=paths.log_file))
        finally:
            context.close()
        return EXIT_PROBLEM


def start_gui(context: AppContext) -> int:
    """Claim the window lock, open the database (filling it with demo data for --demo) and hand
    it to the window.

    A problem found on the way is shown in a message box too: a double-clicked app has no
    console for the one-line message.
    """
    collector.pause()
    # Imported here so that CLI commands never load Qt.
    from .gui.startup import show_startup_problem

    window = None
    try:
        window = claim_window(context.paths)
        database = context.database(defer_care=True)
    except DomainError as error:
        log.error("cannot start: %s", error.message, extra=logging_setup.SHOWN_TO_USER)
        show_startup_problem(error.message, context.paths.log_file)
    except Exception as error:
        log.exception("cannot start", extra=logging_setup.SHOWN_TO_USER)
        show_startup_problem(translate("cli", "Unexpected error: {error}").format(
            error=f"{type(error).__name__}: {error}"), context.paths.log_file)
    else:
        from .gui.application import run_gui

        return run_gui(database, context.demo, context.paths.log_file)
    finally:
        collector.resume_after_start()  # if the start failed before the window showed
        if window is not None:
            window.release()
    return EXIT_PROBLEM


def smoke() -> int:
    """Fresh temporary data folder, migrations, the window offscreen, an order, a printed form
    and a finance export: the installation works, or the exit code and message say why not."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="dentasync-smoke-") as folder:

        def command(context: AppContext) -> int:
            from .gui.smoke import run_smoke

            return run_smoke(context.database(), context.paths.log_file, Path(folder))

        return run(command, data_dir=folder)


def _describe(error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"{reason}: {error.filename}" if error.filename else reason


def _tell(message: str) -> None:
    if sys.stderr is not None:
        print(message, file=sys.stderr)
