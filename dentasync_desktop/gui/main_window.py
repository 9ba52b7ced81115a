"""The main window: navigation on the left, the current page, menus and the status bar."""

from __future__ import annotations

import linecache
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from .. import __version__
from ..domain.actions import Action
from ..domain.dto import ScheduleSettings
from ..services.settings import get_schedule_settings
from .access import gate
from .account import ChangePasswordDialog, LockDialog
from .checkin import CheckIn
from .client import ServiceClient
from .formatting import label
from .idle_lock import IdleLock
from .order_draft import draft_path
from .pages import ORDER_COMMANDS, PAGES, OrderCommand, PageSpec
from .reminders.centre import ReminderCentre
from .scan import monotonic_ms
from .session import session_events
from .shell import HasHelpTopic, HasTable, OpensOrders, Refreshable, Searchable
from .theme import icon
from .widgets.columns import fill_column_menu, menu_title

if TYPE_CHECKING:
    from ..domain.dto import OrderDetail
    from .help.window import HelpWindow

SETTINGS_GROUP = "mainWindow"
BACKGROUND_AT_LATEST_MS = 5000


class MainWindow(QMainWindow):
    """Implements the pages' ``Shell``. Pages are built the first time they are shown."""

    def __init__(
        self, client: ServiceClient, close_database: Callable[[], None],
        parent: QWidget | None = None, idle_clock: Callable[[], float] | None = None,
        clock: Callable[[], datetime] | None = None,
        scan_clock: Callable[[], float] = monotonic_ms,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.signed_out = False
        self.restart_requested = False
        self._session_ending = False
        self._close_database = close_database
        self._specs: list[PageSpec] = [spec for spec in PAGES if spec.visible(client)]
        self._pages: dict[str, QWidget] = {}
        self._order_actions: list[tuple[OrderCommand, QAction]] = []
        self._content_shown = False  # a page has shown what it loaded
        self._background_due = False  # once the start page has painted what it loaded
        self._background_started = False
        self._help: HelpWindow | None = None
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Dentasync Desktop"))
        self.setMinimumSize(QSize(960, 600))

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setIconSize(QSize(20, 20))
        for spec in self._specs:
            item = QListWidgetItem(icon(spec.icon), spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.navigation.addItem(item)
        # As wide as the longest page title (the theme pads each item), never narrower.
        nav_width = self.navigation.sizeHintForColumn(0) + 2 * self.navigation.frameWidth()
        self.navigation.setMinimumWidth(nav_width)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.stack = QStackedWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([nav_width, 1280 - nav_width])
        self.setCentralWidget(self.splitter)

        self.reminders = ReminderCentre(self, client, self.open_order, clock)
        self.check_in = CheckIn(self, client, self.open_order, scan_clock)
        self._build_menus()
        self._build_status_bar()
        self._restore_state()
        self.navigation.currentRowChanged.connect(self._show_row)
        for action in (self.find_action, self.refresh_action):
            action.setEnabled(False)  # until a page that has them is shown
        self.columns_menu.setEnabled(False)
        self._update_order_actions()
        # No page is built before the start page is known: a page built to be replaced at
        # once (Today, when the list is the start page) ran its slow queries all the same,
        # beside the first page of the list.
        client.submit_plain(get_schedule_settings).then(
            self._show_start_page, lambda _error: self._show_start_page(None), busy=self)
        if client.allows(Action.CREATE_ORDER) and draft_path(client.actor.user_id).is_file():
            # A new order was being typed when the application last ended without saving it:
            # its form opens first, to restore or discard it.
            QTimer.singleShot(0, self, self.new_order)
        self.idle_lock = IdleLock(client, self.lock, idle_clock, self)
        session_events().ended.connect(self._session_ended)
        # PySide's import hook reads the source of every module imported after it into the
        # line cache (~20 MB here); a traceback reads again what it needs.
        QTimer.singleShot(0, linecache.clearcache)

    # --- menus -----------------------------------------------------------------------------

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_order_action = file_menu.addAction(self.tr("&New order…"), self.new_order)
        self.new_order_action.setShortcut(QKeySequence.StandardKey.New)
        gate(self.new_order_action, self.client, Action.CREATE_ORDER)
        for command in ORDER_COMMANDS:
            action = file_menu.addAction(command.text())
            action.setShortcut(QKeySequence(command.shortcut))
            action.triggered.connect(lambda _checked=False, c=command: self._run_command(c))
            self._order_actions.append((command, action))
        file_menu.addSeparator()
        file_menu.addAction(self.check_in.action)
        file_menu.addSeparator()
        file_menu.addAction(self.tr("Change my &password…"), self._change_password)
        file_menu.addAction(self.tr("Sign &out"), self.sign_out)
        quit_action = file_menu.addAction(self.tr("&Quit"), self.close)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.find_action = edit_menu.addAction(self.tr("&Find…"), self._find)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)

        view_menu = bar.addMenu(self.tr("&View"))
        self.refresh_action = view_menu.addAction(self.tr("&Refresh"), self._refresh)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.columns_menu = QMenu(menu_title(), self)
        self.columns_menu.aboutToShow.connect(self._fill_columns_menu)
        view_menu.addMenu(self.columns_menu)
        view_menu.addSeparator()
        for number, spec in enumerate(self._specs[:9], start=1):
            # "&" marks a mnemonic in a menu: a title's own "&" ("Services & prices") doubles.
            go = view_menu.addAction(spec.title().replace("&", "&&"))
            go.setShortcut(QKeySequence(f"Ctrl+{number}"))
            go.triggered.connect(lambda _checked=False, row=number - 1:
                                 self.navigation.setCurrentRow(row))

        help_menu = bar.addMenu(self.tr("&Help"))
        self.help_action = help_menu.addAction(self.tr("User &guide"), self.show_help)
        self.help_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        help_menu.addSeparator()
        about = help_menu.addAction(self.tr("&About Dentasync Desktop"), self._about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_status_bar(self) -> None:
        actor = self.client.actor
        user = QLabel(self.tr("Signed in as {name} ({role})").format(
            name=actor.full_name or actor.username, role=label(actor.role)))
        user.setObjectName("userLabel")
        database = QLabel(str(self.client.paths.database))
        database.setObjectName("databaseLabel")
        database.setToolTip(self.tr("The database file"))
        database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status = self.statusBar()
        status.addPermanentWidget(user)
        if self.client.demo:
            demo = QLabel(self.tr("Demo data"))
            demo.setObjectName("demoBadge")
            status.addPermanentWidget(demo)
        status.addPermanentWidget(database)

    # --- pages -----------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page with this key, built now if it has not been shown yet."""
        existing = self._pages.get(key)
        if existing is not None:
            return existing
        spec = next(s for s in self._specs if s.key == key)
        page = spec.build(self, self.stack)
        self._pages[key] = page
        self.stack.addWidget(page)
        signal = getattr(page, "current_order_changed", None)
        if signal is not None:
            signal.connect(self._update_order_actions)
        loaded = getattr(page, "loaded", None)
        if loaded is not None:
            loaded.connect(self._content_loaded)
        return page

    def _show_start_page(self, schedule: ScheduleSettings | None) -> None:
        if self.current_page() is None:  # else a page was asked for meanwhile
            keys = [spec.key for spec in self._specs]
            wanted = schedule.start_page if schedule is not None else keys[0]
            self.show_page(wanted if wanted in keys else keys[0])
        if self._content_shown or not hasattr(self.current_page(), "loaded"):
            self._start_background()
            return
        self._background_due = True
        # A start page that never shows its data (its query failed) holds them up no longer.
        QTimer.singleShot(BACKGROUND_AT_LATEST_MS, self, self._start_background)

    def _content_loaded(self, *_shown: object) -> None:
        self._content_shown = True
        if self._background_due:
            QTimer.singleShot(0, self, self._start_background)  # once the rows are painted

    def _start_background(self) -> None:
        """What the window runs beside its pages, once the start page has painted what it
        loaded: the reminders' first check (scans of every event and installment, ~0.18 s of
        processor at 100,000 orders) and the scanner's and the idle lock's event filters.
        Every event of the application passes those (~2,000 until the first rows are
        painted), and the first event PySide hands a Python filter makes it create the enums
        of every Qt class (~25 ms). All of it ran beside the start page's query and paint,
        with the processor (and Python's lock) shared."""
        if self._background_started:
            return
        self._background_started, self._background_due = True, False
        self.reminders.start()
        self.check_in.start()
        self.idle_lock.start()

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_page(self, key: str) -> QWidget:
        row = next(i for i, s in enumerate(self._specs) if s.key == key)
        self.navigation.setCurrentRow(row)
        return self.page(key)

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self._specs):
            return
        page = self.page(self._specs[row].key)
        self.stack.setCurrentWidget(page)
        self.find_action.setEnabled(isinstance(page, Searchable))
        self.refresh_action.setEnabled(isinstance(page, Refreshable))
        self.columns_menu.setEnabled(isinstance(page, HasTable))
        self._update_order_actions()

    # --- Shell -----------------------------------------------------------------------------

    def open_order(self, order_id: int, tab: str | None = None) -> None:
        orders: object = self.show_page("orders")
        if isinstance(orders, OpensOrders):
            orders.open_order(order_id, tab)

    def new_order(self) -> None:
        if not self.client.allows(Action.CREATE_ORDER):
            return
        # Imported on first use, as the guide below: neither is on the way to the first page.
        from .order_editor import OrderEditorDialog

        dialog = OrderEditorDialog(self.client, None, self)
        if dialog.exec() and dialog.saved is not None:
            created: OrderDetail = dialog.saved
            self.open_order(created.id)  # the list hears of the order on the bus
            self.show_message(self.tr("Created work order {number}.").format(
                number=created.number_text))

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def close_database(self) -> None:
        self._close_database()

    def restart(self) -> None:
        self.restart_requested = True
        self.close()

    # --- menu slots ------------------------------------------------------------------------

    def _selected_order(self) -> int | None:
        page = self.current_page()
        selected = getattr(page, "selected_order_id", None)
        return selected() if selected is not None else None

    def _update_order_actions(self, *_args: object) -> None:
        order_id = self._selected_order()
        for command, action in self._order_actions:
            gate(action, self.client, command.action, available=order_id is not None)

    def _run_command(self, command: OrderCommand) -> None:
        order_id = self._selected_order()
        if order_id is not None and self.client.allows(command.action):
            command.run(self, order_id)

    def run_order_command(self, action: Action, order_id: int) -> None:
        command = next((c for c, _a in self._order_actions if c.action is action), None)
        if command is None:
            self.show_message(self.tr("{action} is not available in this version.").format(
                action=label(action)))
        elif self.client.allows(action):
            command.run(self, order_id)

    def _find(self) -> None:
        page: object = self.current_page()
        if isinstance(page, Searchable):
            page.focus_search()

    def _refresh(self) -> None:
        page: object = self.current_page()
        if isinstance(page, Refreshable):
            page.refresh()
            self.show_message(self.tr("Refreshed."))

    def _fill_columns_menu(self) -> None:
        self.columns_menu.clear()
        page: object = self.current_page()
        table = page.table_view() if isinstance(page, HasTable) else None
        if table is None:
            return
        fill_column_menu(self.columns_menu, table)

    def _change_password(self) -> None:
        ChangePasswordDialog(self.client, self).exec()

    def sign_out(self) -> None:
        self.signed_out = True
        self.close()

    def lock(self) -> None:
        """Hide the data and ask for the password; "Sign out" there signs out."""
        content = self.splitter  # the central widget
        content.hide()
        dialog = LockDialog(self.client, self)
        unlocked = dialog.exec() == LockDialog.UNLOCKED
        dialog.deleteLater()
        content.show()
        if not unlocked and not self._session_ending:
            self.sign_out()

    @Slot(str)  # a real slot: Qt drops the connection when the window is deleted
    def _session_ended(self, message: str) -> None:
        """The account was deactivated or changed: say why once, then back to signing in."""
        if self._session_ending or self.signed_out or not self.isVisible():
            return
        self._session_ending = True
        # After the refused action has unwound, so no half-handled dialog is left behind.
        QTimer.singleShot(0, lambda: self._end_session(message))

    def _end_session(self, message: str) -> None:
        for _ in range(20):  # open dialogs close first, innermost first
            modal = QApplication.activeModalWidget()
            if modal is None or modal is self:
                break
            if isinstance(modal, QDialog):
                modal.done(QDialog.DialogCode.Rejected)
            else:
                modal.hide()
        QMessageBox.information(self, self.tr("Signed out"), message)
        self.sign_out()

    def show_help(self) -> None:
        """Open the user guide (or bring it back) at the topic of what is on show."""
        page: object = self.current_page()
        if isinstance(page, HasHelpTopic):
            key = page.help_topic()
        else:
            row = self.navigation.currentRow()
            key = self._specs[row].key if 0 <= row < len(self._specs) else ""
        if self._help is None:
            from .help.window import HelpWindow

            self._help = HelpWindow(self._menu_actions(), self)
        self._help.show_topic(key)
        self._help.show()
        self._help.raise_()
        self._help.activateWindow()

    def _menu_actions(self) -> list[QAction]:
        found: list[QAction] = []
        pending = list(self.menuBar().actions())
        while pending:
            action = pending.pop(0)
            menu = action.menu()
            if isinstance(menu, QMenu):
                pending[:0] = menu.actions()
            else:
                found.append(action)
        return found

    def _about(self) -> None:
        paths = self.client.paths
        QMessageBox.about(self, self.tr("About Dentasync Desktop"), self.tr(
            "<h3>Dentasync Desktop {version}</h3>"
            "<p>Offline work orders for dental clinics and dental labs.</p>"
            "<p><b>Database:</b> {database}<br><b>Data folder:</b> {data}<br>"
            "<b>Backups:</b> {backups}<br><b>Log file:</b> {log}</p>").format(
                version=__version__, database=paths.database, data=paths.data_dir,
                backups=paths.backups_dir, log=self.client.log_file))

    # --- window state ----------------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        geometry = settings.value("geometry")
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1280, 800)
        splitter = settings.value("splitter")
        if isinstance(splitter, QByteArray | bytes) and splitter:
            self.splitter.restoreState(QByteArray(splitter))
        settings.endGroup()

    def save_state(self) -> None:
        settings = QSettings()
        settings.beginGroup(SETTINGS_GROUP)
        settings.setValue("geometry", self.saveGeometry())
        settings.setValue("splitter", self.splitter.saveState())
        settings.endGroup()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.idle_lock.stop()
        self.reminders.stop()
        self.check_in.stop()
        super().closeEvent(event)

