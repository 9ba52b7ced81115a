"""The GUI entry point: application object, theme, sign-in, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QThread, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from .. import __version__, collector
from ..domain.dto import Actor
from ..domain.enums import Role
from ..domain.errors import DatabaseProblem
from ..paths import APP_AUTHOR, APP_NAME
from ..relaunch import EXIT_RESTART
from ..services import users
from ..services.maintenance import Database
from . import idle_collector
from .account import FirstAdminDialog, SignInDialog
from .client import ServiceClient
from .errors import install_exception_hook
from .language import install_translations
from .main_window import MainWindow
from .problem_box import show_problem_box
from .theme import apply_theme, follow_system
from .worker import show_error

log = logging.getLogger(__name__)

WORKERS = 4
# The full check and the daily backup a start-up deferred (services.maintenance) begin this
# long after the window shows, once the start page has had the database for its first queries.
CARE_DELAY_MS = 3000
PROBLEM_EXIT = 1


def keep_settings_in(config_dir: Path) -> None:
    """Window state (QSettings) goes to an INI file in ``config_dir``: the data folder's own, so
    ``--data-dir`` folders and the demo data each remember their own windows."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(config_dir))


def make_application() -> QApplication:
    """The QApplication with the names QSettings files window state under, and the theme."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    QCoreApplication.setOrganizationName(APP_AUTHOR)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setApplicationDisplayName("Dentasync Desktop")
    apply_theme(app)
    follow_system(app)
    # Reads wait on SQLite, not on the processor (it lets go of the GIL): on a two-core machine
    # the start page's slow queries held both workers while the order list's first page,
    # a few milliseconds of work, waited behind them.
    pool = QThreadPool.globalInstance()
    pool.setMaxThreadCount(max(WORKERS, QThread.idealThreadCount()))
    return app


def ask_for_actor(database: Database, demo: bool) -> Actor | None:
    """The first start creates the administrator; later starts sign in. None: the user quit."""
    factory = database.uow_factory
    if users.needs_first_admin(factory()):
        dialog: FirstAdminDialog | SignInDialog = FirstAdminDialog(
            factory, first_start=not users.has_active_users(factory()))
    else:
        demo_users: tuple[tuple[str, str, Role], ...] = ()
        if demo:
            # Imported only for --demo runs: the demo module carries the whole demo data set.
            from ..services.demo import DEMO_USERS

            demo_users = tuple(DEMO_USERS)
        dialog = SignInDialog(factory, demo_users)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor


def run_gui(database: Database, demo: bool, log_file: Path) -> int:
    """Sign in, show the main window, and sign in again after "Sign out". Returns the exit code."""
    keep_settings_in(database.paths.config_dir)
    app = make_application()
    install_translations()
    install_exception_hook(log_file)
    database.follow_other_pcs()  # pages refresh on other PCs' changes too (on a server)
    between_steps = idle_collector.install(app)
    try:
        return _sign_in_and_show(app, database, demo, log_file)
    finally:
        between_steps.remove()


def _sign_in_and_show(app: QApplication, database: Database, demo: bool, log_file: Path) -> int:
    """Sign in, show the main window, and again after "Sign out". Returns the exit code."""
    while True:
        actor = ask_for_actor(database, demo)
        if actor is None:
            return 0
        client = ServiceClient(database.uow_factory, actor, database.paths, log_file, demo)
        window = MainWindow(client, database.close)
        window.show()
        collector.resume_after_start()
        if database.care is not None:
            QTimer.singleShot(CARE_DELAY_MS, window,
                              lambda w=window, c=client: _take_care(w, c, database, log_file))
        code = app.exec()
        if window.restart_requested:
            return EXIT_RESTART
        if not window.signed_out:
            return code
        window.deleteLater()


def _take_care(window: MainWindow, client: ServiceClient, database: Database,
               log_file: Path) -> None:
    """Check every page and make the daily backup, off the GUI thread. A damaged file is
    refused as at start-up: the user is told which backup to restore, and the window closes."""
    client.background(lambda _control: database.take_care()).then(
        None, lambda error: _care_failed(window, error, log_file))


def _care_failed(window: MainWindow, error: BaseException, log_file: Path) -> None:
    if not isinstance(error, DatabaseProblem):
        show_error(window, error)
        return
    log.error("the database is damaged: %s", error.message)
    show_problem_box(error.message, log_file)
    window.close()
    QApplication.exit(PROBLEM_EXIT)
