"""The reminders panel behind the bell: due reminders with Open, Snooze and Dismiss.

Reminders that came due while the app was closed are listed first under "Missed while closed".
The panel is a non-modal window; it re-reads nothing itself but shows the scheduler's list,
which the scheduler refreshes after every snooze or dismiss (they announce a REMINDER change).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dto import ReminderInfo
from ...services import reminders
from ..client import ServiceClient
from ..formatting import datetime_text, money
from ..widgets.emptied import empty_layout
from ..widgets.screen_fit import scrolling
from .scheduler import ReminderScheduler

# A row is a frame with three buttons and a menu; a clinic back from a long closure (or a
# million-order database's seed) can have thousands due, which took the panel past a gigabyte.
# The first ones are shown; each dismissed or snoozed one makes room for the next.
SHOWN_LIMIT = 50


class ReminderPanel(QDialog):
    def __init__(self, client: ServiceClient, scheduler: ReminderScheduler,
                 open_order: Callable[[int], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderPanel")
        self.setWindowTitle(self.tr("Reminders"))
        self.setModal(False)
        self.resize(560, 460)
        self._client = client
        self._scheduler = scheduler
        self._open_order = open_order
        self.rows: dict[str, ReminderRow] = {}  # the rows shown, by reminder key
        self._due_keys: tuple[str, ...] = ()  # every reminder due, shown or not
        self.more: QLabel | None = None  # says how many are due beyond the rows shown

        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.dismiss_all_button = QPushButton(self.tr("Dismiss all"))
        self.dismiss_all_button.clicked.connect(self.dismiss_all)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.dismiss_all_button)
        self._list = QVBoxLayout()
        self._list.setSpacing(6)
        holder = QWidget()
        holder.setObjectName("reminderList")
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._list)
        column.addStretch(1)
        scroll = scrolling(holder)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        scheduler.due_changed.connect(self.show_reminders)
        self.show_reminders(scheduler.due)

    def show_reminders(self, due: tuple[ReminderInfo, ...]) -> None:
        empty_layout(self._list)
        self.rows.clear()
        self.more = None
        self._due_keys = tuple(r.key for r in due)
        count = len(due)
        self.heading.setText(self.tr("%n reminder(s) due", "", count) if count
                             else self.tr("No reminders due"))
        self.dismiss_all_button.setEnabled(bool(due))
        missed = [r for r in due if r.missed][:SHOWN_LIMIT]
        current = [r for r in due if not r.missed][:SHOWN_LIMIT - len(missed)]
        if missed:
            self._list.addWidget(_group_heading(self.tr("Missed while closed")))
        for reminder in missed:
            self._add_row(reminder)
        if missed and current:
            self._list.addWidget(_group_heading(self.tr("Due now")))
        for reminder in current:
            self._add_row(reminder)
        hidden = count - len(self.rows)
        if hidden:
            more = QLabel(self.tr("%n more reminder(s) due. Each one you dismiss or snooze "
                                  "makes room for the next; Dismiss all dismisses them too.",
                                  "", hidden))
            more.setObjectName("hintLabel")
            more.setWordWrap(True)
            self._list.addWidget(more)
            self.more = more
        if not due:
            empty = QLabel(self.tr("Nothing to remind you of right now. Reminders of "
                                   "appointments, due orders and installments appear here "
                                   "when they come due."))
            empty.setObjectName("hintLabel")
            empty.setWordWrap(True)
            self._list.addWidget(empty)

    def _add_row(self, reminder: ReminderInfo) -> None:
        row = ReminderRow(reminder)
        row.open_button.clicked.connect(lambda: self._open_order(reminder.order_id))
        row.dismiss_button.clicked.connect(lambda: self.dismiss((reminder.key,)))
        for minutes, action in row.snooze_actions.items():
            action.triggered.connect(
                lambda _checked=False, m=minutes: self.snooze(reminder.key, m))
        self.rows[reminder.key] = row
        self._list.addWidget(row)

    def snooze(self, key: str, minutes: int) -> None:
        self._client.submit(reminders.snooze_reminder, key, minutes,
                            self._scheduler.clock()).then(
            lambda _until: self._scheduler.refresh(), busy=self)

    def dismiss(self, keys: tuple[str, ...]) -> None:
        self._client.submit(reminders.dismiss_reminders, keys, self._scheduler.clock()).then(
            lambda _none: self._scheduler.refresh(), busy=self)

    def dismiss_all(self) -> None:
        self.dismiss(self._due_keys)


def _group_heading(text: str) -> QLabel:
    heading = QLabel(text)
    heading.setObjectName("reminderGroup")
    font = heading.font()
    font.setWeight(QFont.Weight.DemiBold)
    heading.setFont(font)
    heading.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return heading


class ReminderRow(QFrame):
    """One reminder: what, when, and its buttons."""

    def __init__(self, reminder: ReminderInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        title = QLabel(reminder.title)
        title.setWordWrap(True)
        font = title.font()
        font.setWeight(QFont.Weight.DemiBold)
        title.setFont(font)
        parts = [reminder.detail] if reminder.detail else []
        if reminder.amount is not None and money(reminder.amount) not in reminder.detail:
            parts.append(money(reminder.amount))
        when = (self.tr("snoozed, due again {when}") if reminder.snoozed
                else self.tr("due {when}"))
        parts.append(when.format(when=datetime_text(reminder.due_at)))
        detail = QLabel(" · ".join(parts))
        detail.setWordWrap(True)
        detail.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open order {number}").format(
            number=reminder.number_text))
        self.snooze_button = QToolButton()
        self.snooze_button.setText(self.tr("Snooze"))
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.snooze_button)
        self.snooze_actions = {
            minutes: menu.addAction(self.tr("%n minute(s)", "", minutes))
            for minutes in reminders.SNOOZE_CHOICES}
        self.snooze_button.setMenu(menu)
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(title)
        text.addWidget(detail)
        layout = QHBoxLayout(self)
        layout.addLayout(text, 1)
        for button in (self.open_button, self.snooze_button, self.dismiss_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
