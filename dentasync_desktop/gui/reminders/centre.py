"""What the main window shows of reminders: the bell with its count, the tray, the panel.

A fired reminder shows a tray message (when the desktop has a tray) and raises the bell's count;
reminders missed while the app was closed open the panel at sign-in instead of one tray message
each.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow, QSystemTrayIcon, QToolButton

from ...domain.dto import ReminderInfo
from ..client import ServiceClient
from ..theme import APP_ICON, icon
from .panel import ReminderPanel
from .scheduler import Clock, ReminderScheduler

TRAY_MESSAGE_MS = 10_000
TRAY_SINGLE_LIMIT = 3  # more at once: one summary message


class ReminderCentre(QObject):
    def __init__(self, window: QMainWindow, client: ServiceClient,
                 open_order: Callable[[int], None], clock: Clock | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._client = client
        self._open_order = open_order
        self.scheduler = ReminderScheduler(client, clock, self)
        self.panel: ReminderPanel | None = None
        self.last_message: tuple[str, str] | None = None  # what the tray was asked to show

        self.bell = QToolButton()
        self.bell.setObjectName("reminderBell")
        self.bell.setIcon(icon("bell"))
        self.bell.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.bell.setAutoRaise(True)
        self.bell.clicked.connect(self.open_panel)
        window.statusBar().addPermanentWidget(self.bell)

        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon(APP_ICON), self)
            self.tray.setToolTip(self.tr("Dentasync Desktop"))
            self.tray.messageClicked.connect(self.open_panel)
            self.tray.activated.connect(lambda _reason: self.open_panel())
            self.tray.show()

        self.scheduler.due_changed.connect(self._show_count)
        self.scheduler.fired.connect(self._notify)
        self._show_count(())

    def start(self) -> None:
        self.scheduler.start()

    def stop(self) -> None:
        self.scheduler.stop()
        if self.tray is not None:
            self.tray.hide()

    def _show_count(self, due: tuple[ReminderInfo, ...]) -> None:
        count = len(due)
        self.bell.setText(str(count) if count else "")
        self.bell.setToolTip(self.tr("%n reminder(s) due: click to see them", "", count)
                             if count else self.tr("No reminders due"))
        self.bell.setProperty("due", bool(count))

    def _notify(self, fired: tuple[ReminderInfo, ...]) -> None:
        if any(r.missed for r in fired):
            self.open_panel(missed=True)
        fresh = [r for r in fired if not r.missed]
        if not fresh:
            return
        if len(fresh) > TRAY_SINGLE_LIMIT:
            title = self.tr("%n reminder(s) due", "", len(fresh))
            text = "\n".join(r.title for r in fresh[:TRAY_SINGLE_LIMIT]) + "\n…"
            self._message(title, text)
            return
        for reminder in fresh:
            self._message(reminder.title, reminder.detail or reminder.number_text)

    def _message(self, title: str, text: str) -> None:
        self.last_message = (title, text)
        if self.tray is not None:
            self.tray.showMessage(title, text, icon(APP_ICON), TRAY_MESSAGE_MS)
        else:
            self._window.statusBar().showMessage(f"{title}: {text}", TRAY_MESSAGE_MS)

    def open_panel(self, missed: bool = False) -> ReminderPanel:
        if self.panel is None:
            self.panel = ReminderPanel(self._client, self.scheduler, self._open_order,
                                       self._window)
        if missed:
            self.panel.setWindowTitle(self.tr("Reminders missed while the app was closed"))
        else:
            self.panel.setWindowTitle(self.tr("Reminders"))
        self.panel.show()
        self.panel.raise_()
        self.panel.activateWindow()
        return self.panel
